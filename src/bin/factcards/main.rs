//! `factcards`: the editor's command-line tool, built from the same model and
//! view code as the widget so that it can never disagree with what readers
//! see.
//!
//! - `factcards check FILE...` reports every problem in a sheet like a
//!   compiler does (`FILE:LINE:COL: error: path: message`), so editors and
//!   their tools can jump to each one;
//! - `factcards schema` prints the JSON Schema for editors' autocompletion;
//! - `factcards render FILE` prints the deck's static HTML, the fallback for
//!   readers without JavaScript.
//!
//! Arguments are parsed by hand: three subcommands do not need a crate.
//! Native only; the wasm32 build just says so.

#[cfg(target_arch = "wasm32")]
fn main() {
    eprintln!("factcards is the editor's command-line tool: build it natively (cargo run --bin factcards)");
    std::process::exit(2);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os().skip(1).collect())
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::OsString;
    use std::fmt;
    use std::io::{self, Read, Write};
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::rc::Rc;

    use factcards::model::json::Pos;
    use factcards::model::schema::schema_json;
    use factcards::model::{Problem, Report, Severity, Sheet, check};
    use factcards::ssr::{FallbackOptions, Theme, render_fallback};

    /// What `factcards help` prints.
    const USAGE: &str = "\
factcards: check, describe and render key-facts sheets

Usage:
  factcards check FILE...          check sheets and print every problem
  factcards schema                 print the JSON Schema of the sheet format
  factcards render [OPTIONS] FILE  print the static HTML fallback of the deck
  factcards help                   print this help

FILE may be - to read standard input.

check prints one line per problem to standard output:
  FILE:LINE:COLUMN: error: PATH: MESSAGE
  FILE:LINE:COLUMN: warning: PATH: MESSAGE
LINE and COLUMN count from 1 (columns in characters). A syntax error has no
PATH; a problem with no position has no LINE:COLUMN. Then it prints a summary
per file to standard error: \"FILE: ok\", \"FILE: ok, 1 warning\" or
\"FILE: 2 errors, 1 warning\". Errors stop a sheet from being shown; warnings
are advice.

render options:
  --css-href URL   address of the widget's stylesheet (default: factcards.css)
  --theme THEME    light, dark or auto (default: auto)
  --lang TAG       language of the widget's labels, such as en or ru
                   (default: the sheet's lang)
  --category ID    show only the cards of this category
  --card ID        show this card open, with its sources
Paste the output inside the widget's mount element:
  <div data-factcards>OUTPUT</div>
Readers without JavaScript see it; the widget replaces it when it starts.
If the sheet has errors, render prints them to standard error as check does
and writes no HTML.

Exit status: 0 if no sheet has errors (warnings allowed), 1 if one has,
2 on a usage error or a file that cannot be read.
";

    /// The name shown for standard input in problem lines.
    const STDIN_NAME: &str = "<stdin>";

    /// Runs the command line `args` (without the program name) and says how
    /// it ended.
    pub fn run(args: Vec<OsString>) -> ExitCode {
        let mut stdout = io::stdout().lock();
        let mut stderr = io::stderr().lock();
        let result = parse_command(args).and_then(|command| execute(command, &mut stdout, &mut stderr));
        match result {
            Ok(outcome) => outcome.exit_code(),
            Err(error) => {
                // If even standard error is gone there is no one to tell.
                let _ = writeln!(stderr, "factcards: {error}");
                let _ = match error {
                    CliError::Usage { show_usage: true, .. } => write!(stderr, "\n{USAGE}"),
                    CliError::Usage { .. } => writeln!(stderr, "Run `factcards help` for usage."),
                    CliError::Unreadable { .. } | CliError::Output(_) => Ok(()),
                };
                ExitCode::from(2)
            }
        }
    }

    /// How a command that ran ended.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Outcome {
        /// No sheet had errors (warnings are allowed): exit 0.
        Clean,
        /// At least one sheet had errors: exit 1.
        SheetErrors,
        /// A file could not be read, the others were checked: exit 2.
        Unreadable,
    }

    impl Outcome {
        fn exit_code(self) -> ExitCode {
            match self {
                Outcome::Clean => ExitCode::SUCCESS,
                Outcome::SheetErrors => ExitCode::from(1),
                Outcome::Unreadable => ExitCode::from(2),
            }
        }
    }

    /// Why a command could not do its work; every one exits with status 2.
    #[derive(Debug)]
    enum CliError {
        /// The command line is wrong. `show_usage` prints the whole help
        /// after the message (for a missing or unknown command).
        Usage { message: String, show_usage: bool },
        /// An input file could not be read.
        Unreadable { name: String, source: io::Error },
        /// Standard output could not be written.
        Output(io::Error),
    }

    impl CliError {
        fn usage(message: impl Into<String>) -> Self {
            CliError::Usage {
                message: message.into(),
                show_usage: false,
            }
        }
    }

    impl fmt::Display for CliError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                CliError::Usage { message, .. } => f.write_str(message),
                CliError::Unreadable { name, source } => write!(f, "cannot read {name}: {source}"),
                CliError::Output(source) => write!(f, "cannot write the output: {source}"),
            }
        }
    }

    impl From<io::Error> for CliError {
        fn from(error: io::Error) -> Self {
            CliError::Output(error)
        }
    }

    /// A sheet to read: a file, or standard input (`-`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Input {
        Stdin,
        File(PathBuf),
    }

    impl Input {
        fn from_arg(arg: OsString) -> Self {
            if arg == "-" {
                Input::Stdin
            } else {
                Input::File(PathBuf::from(arg))
            }
        }

        /// The input as it is written on the command line.
        fn as_arg(&self) -> String {
            match self {
                Input::Stdin => "-".to_owned(),
                Input::File(path) => path.display().to_string(),
            }
        }

        /// The name used in problem lines and messages.
        fn name(&self) -> String {
            match self {
                Input::Stdin => STDIN_NAME.to_owned(),
                Input::File(path) => path.display().to_string(),
            }
        }

        fn read(&self) -> Result<Vec<u8>, CliError> {
            let result = match self {
                Input::Stdin => {
                    let mut bytes = Vec::new();
                    io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
                }
                Input::File(path) => std::fs::read(path),
            };
            result.map_err(|source| CliError::Unreadable {
                name: self.name(),
                source,
            })
        }
    }

    /// One parsed command line.
    #[derive(Debug)]
    enum Command {
        Help,
        Check(Vec<Input>),
        Schema,
        Render { input: Input, options: FallbackOptions },
    }

    fn parse_command(args: Vec<OsString>) -> Result<Command, CliError> {
        let mut args = args.into_iter();
        let Some(command) = args.next() else {
            return Err(CliError::Usage {
                message: "no command given".to_owned(),
                show_usage: true,
            });
        };
        let rest: Vec<OsString> = args.collect();
        if rest.iter().any(|arg| arg == "--help" || arg == "-h") {
            return Ok(Command::Help);
        }
        match command.to_str() {
            Some("help" | "--help" | "-h") => Ok(Command::Help),
            Some("check") => parse_check(rest),
            Some("schema") if rest.is_empty() => Ok(Command::Schema),
            Some("schema") => Err(CliError::usage("schema takes no arguments")),
            Some("render") => parse_render(rest),
            _ => Err(CliError::Usage {
                message: format!("unknown command \"{}\"", command.to_string_lossy()),
                show_usage: true,
            }),
        }
    }

    fn parse_check(args: Vec<OsString>) -> Result<Command, CliError> {
        let mut inputs = Vec::new();
        let mut options_ended = false;
        for arg in args {
            if !options_ended && arg == "--" {
                options_ended = true;
            } else if !options_ended && is_option(&arg) {
                return Err(CliError::usage(format!(
                    "check has no option \"{}\"",
                    arg.to_string_lossy()
                )));
            } else {
                inputs.push(Input::from_arg(arg));
            }
        }
        if inputs.is_empty() {
            return Err(CliError::usage(
                "check needs at least one FILE (or - for standard input)",
            ));
        }
        Ok(Command::Check(inputs))
    }

    fn parse_render(args: Vec<OsString>) -> Result<Command, CliError> {
        let mut options = FallbackOptions::default();
        let mut inputs = Vec::new();
        let mut options_ended = false;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if options_ended || !is_option(&arg) {
                inputs.push(Input::from_arg(arg));
                continue;
            }
            if arg == "--" {
                options_ended = true;
                continue;
            }
            let arg = arg.to_string_lossy().into_owned();
            // Both `--name value` and `--name=value`.
            let (name, value) = match arg.split_once('=') {
                Some((name, value)) => (name.to_owned(), value.to_owned()),
                None => {
                    let value = args
                        .next()
                        .ok_or_else(|| CliError::usage(format!("{arg} needs a value")))?;
                    let value = value.into_string().map_err(|value| {
                        CliError::usage(format!(
                            "the value of {arg} is not UTF-8: {}",
                            value.to_string_lossy()
                        ))
                    })?;
                    (arg, value)
                }
            };
            if value.trim().is_empty() {
                return Err(CliError::usage(format!("{name} needs a value")));
            }
            match name.as_str() {
                "--css-href" => options.css_href = value,
                "--theme" => {
                    options.theme = Theme::from_name(&value).ok_or_else(|| {
                        CliError::usage(format!("--theme must be light, dark or auto, not \"{value}\""))
                    })?;
                }
                "--lang" => options.lang = Some(value),
                "--category" => options.initial_category = Some(value),
                "--card" => options.initial_card = Some(value),
                _ => return Err(CliError::usage(format!("render has no option \"{name}\""))),
            }
        }
        let mut inputs = inputs.into_iter();
        match (inputs.next(), inputs.next()) {
            (Some(input), None) => Ok(Command::Render { input, options }),
            (None, _) => Err(CliError::usage("render needs one FILE (or - for standard input)")),
            (Some(_), Some(_)) => Err(CliError::usage("render takes one FILE, not several")),
        }
    }

    /// Whether `arg` looks like an option: `-` alone is standard input.
    fn is_option(arg: &OsString) -> bool {
        arg.to_str().is_some_and(|arg| arg.starts_with('-') && arg != "-")
    }

    fn execute(
        command: Command,
        stdout: &mut impl Write,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        match command {
            Command::Help => {
                stdout.write_all(USAGE.as_bytes())?;
                Ok(Outcome::Clean)
            }
            Command::Schema => {
                stdout.write_all(schema_json().as_bytes())?;
                Ok(Outcome::Clean)
            }
            Command::Check(inputs) => check_inputs(&inputs, stdout, stderr),
            Command::Render { input, options } => render(&input, &options, stdout, stderr),
        }
    }

    /// Checks every input, printing its problems to `stdout` and its summary
    /// to `stderr`. An unreadable file is reported and the others are still
    /// checked.
    fn check_inputs(
        inputs: &[Input],
        stdout: &mut impl Write,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        let mut any_errors = false;
        let mut any_unreadable = false;
        for input in inputs {
            let bytes = match input.read() {
                Ok(bytes) => bytes,
                Err(error) => {
                    writeln!(stderr, "factcards: {error}")?;
                    any_unreadable = true;
                    continue;
                }
            };
            let report = check_bytes(&bytes);
            let name = input.name();
            for problem in &report.problems {
                writeln!(stdout, "{}", problem_line(&name, problem))?;
            }
            writeln!(stderr, "{name}: {}", summary(&report))?;
            any_errors |= report.errors().next().is_some();
        }
        Ok(if any_unreadable {
            Outcome::Unreadable
        } else if any_errors {
            Outcome::SheetErrors
        } else {
            Outcome::Clean
        })
    }

    /// Checks the sheet and prints the fallback HTML to `stdout` if it has no
    /// errors; otherwise prints its problems to `stderr` as `check` does.
    fn render(
        input: &Input,
        options: &FallbackOptions,
        stdout: &mut impl Write,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        let bytes = input.read()?;
        let report = check_bytes(&bytes);
        let name = input.name();
        let summary = summary(&report);
        let Some(sheet) = report.sheet else {
            for problem in &report.problems {
                writeln!(stderr, "{}", problem_line(&name, problem))?;
            }
            writeln!(stderr, "{name}: {summary}")?;
            return Ok(Outcome::SheetErrors);
        };
        if !report.problems.is_empty() {
            // Warnings do not stop the render; one line keeps the HTML run
            // quiet while pointing at them.
            let arg = input.as_arg();
            writeln!(stderr, "{name}: {summary} (`factcards check {arg}` lists them)")?;
        }
        check_ids_exist(&sheet, options)?;
        let html = render_fallback(Rc::new(sheet), options);
        writeln!(stdout, "{html}")?;
        Ok(Outcome::Clean)
    }

    /// The widget ignores an unknown `--category` or `--card`; on the command
    /// line it is far more likely a typo, so it is refused.
    fn check_ids_exist(sheet: &Sheet, options: &FallbackOptions) -> Result<(), CliError> {
        if let Some(id) = &options.initial_category {
            if sheet.category(id).is_none() {
                let known = quoted_list(sheet.categories.iter().map(|category| &category.id));
                return Err(CliError::usage(format!(
                    "--category: the sheet has no category \"{id}\" (known: {known})"
                )));
            }
        }
        if let Some(id) = &options.initial_card {
            if sheet.card_index(id).is_none() {
                let known = quoted_list(sheet.cards.iter().map(|card| &card.id));
                return Err(CliError::usage(format!(
                    "--card: the sheet has no card \"{id}\" (known: {known})"
                )));
            }
        }
        Ok(())
    }

    fn quoted_list<'a>(ids: impl Iterator<Item = &'a String>) -> String {
        ids.map(|id| format!("\"{id}\"")).collect::<Vec<_>>().join(", ")
    }

    /// Checks the bytes of a sheet. JSON must be UTF-8; other bytes are
    /// reported as an error at the first one that is not, like a syntax
    /// error.
    fn check_bytes(bytes: &[u8]) -> Report {
        match std::str::from_utf8(bytes) {
            Ok(text) => check(text),
            Err(error) => {
                let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
                Report {
                    sheet: None,
                    problems: vec![Problem {
                        severity: Severity::Error,
                        path: String::new(),
                        message: "the file is not UTF-8 text: save it as UTF-8".to_owned(),
                        pos: Some(end_position(&valid)),
                    }],
                }
            }
        }
    }

    /// The position just after `text`, counted as the JSON parser counts:
    /// lines end at `\n`, columns are characters, a byte order mark is not
    /// counted.
    fn end_position(text: &str) -> Pos {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (lines_before, last_line) = match text.rsplit_once('\n') {
            Some((before, last)) => (before.matches('\n').count() + 1, last),
            None => (0, text),
        };
        Pos {
            line: u32::try_from(lines_before + 1).unwrap_or(u32::MAX),
            column: u32::try_from(last_line.chars().count() + 1).unwrap_or(u32::MAX),
        }
    }

    /// One problem as a compiler would print it:
    /// `FILE:LINE:COL: error: path: message`, without `:LINE:COL` when the
    /// position is unknown and without `path: ` when the problem concerns
    /// the whole text (a syntax error).
    fn problem_line(file: &str, problem: &Problem) -> String {
        let location = match problem.pos {
            Some(pos) => format!("{file}:{}:{}", pos.line, pos.column),
            None => file.to_owned(),
        };
        let severity = match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if problem.path.is_empty() {
            format!("{location}: {severity}: {}", problem.message)
        } else {
            format!("{location}: {severity}: {}: {}", problem.path, problem.message)
        }
    }

    /// `ok`, `ok, 1 warning`, `2 errors` or `2 errors, 1 warning`.
    fn summary(report: &Report) -> String {
        let errors = report.errors().count();
        let warnings = report.warnings().count();
        let mut parts = Vec::new();
        if errors == 0 {
            parts.push("ok".to_owned());
        } else {
            parts.push(plural(errors, "error"));
        }
        if warnings > 0 {
            parts.push(plural(warnings, "warning"));
        }
        parts.join(", ")
    }

    fn plural(count: usize, noun: &str) -> String {
        if count == 1 {
            format!("1 {noun}")
        } else {
            format!("{count} {noun}s")
        }
    }
}
