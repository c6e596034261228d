//! `factcards`: the editor's command-line tool, built from the same model and
//! view code as the widget so that it can never disagree with what readers
//! see.
//!
//! - `factcards check FILE...` reports every problem in a sheet like a
//!   compiler does (`FILE:LINE:COL: error: path: message`), so editors and
//!   their tools can jump to each one; with `--source ID=COPY`, also each
//!   excerpt that is not in the saved copy of its source;
//! - `factcards schema` prints the JSON Schema for editors' autocompletion;
//! - `factcards render FILE` prints the deck's static HTML, the fallback for
//!   readers without JavaScript;
//! - `factcards import FILE.csv` reads a sheet written in a spreadsheet and
//!   prints its JSON (or its problems, each at its row and column);
//!   `factcards export FILE.json` prints a sheet as CSV, and `factcards
//!   template --csv` the spreadsheet to start from;
//! - `factcards diff OLD NEW` prints what changed from one version of a
//!   sheet to the next, as a live deck will mark it;
//! - `factcards share-image FILE -o OUT.png` writes the story's share image
//!   (`factcards::share_image`).
//!
//! This file wires the commands to their input and output; args.rs parses
//! the command line, and the lines printed are written by the library
//! (`factcards::model::report`), where they are unit-tested. Native only; the
//! wasm32 build just says so.

#[cfg(not(target_arch = "wasm32"))]
mod args;

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
    use std::process::ExitCode;
    use std::rc::Rc;

    use factcards::model::diff::{diff_lines, diff_summary};
    use factcards::model::excerpts::{SavedCopy, add_excerpt_problems};
    use factcards::model::report::problem_line;
    use factcards::model::schema::schema_json;
    use factcards::model::spreadsheet::{self, TEMPLATE_CSV, import_problem_line};
    use factcards::model::{Report, Sheet, check_bytes, diff};
    use factcards::publish::{Settings, story_folder_blocking};
    use factcards::share_image::{ShareFonts, share_image_png, share_layout};
    use factcards::ssr::{FallbackOptions, render_fallback};

    use crate::args::{Command, Input, USAGE, UsageError, check_ids_exist, parse_command};

    /// Runs the command line `args` (without the program name) and says how
    /// it ended.
    pub fn run(args: Vec<OsString>) -> ExitCode {
        let mut stdout = io::stdout().lock();
        let mut stderr = io::stderr().lock();
        let result = parse_command(args)
            .map_err(CliError::Usage)
            .and_then(|command| execute(command, &mut stdout, &mut stderr));
        match result {
            Ok(outcome) => outcome.exit_code(),
            Err(error) => {
                // If even standard error is gone there is no one to tell.
                let _ = writeln!(stderr, "factcards: {error}");
                let _ = match error {
                    CliError::Usage(UsageError { show_usage: true, .. }) => write!(stderr, "\n{USAGE}"),
                    CliError::Usage(_) => writeln!(stderr, "Run `factcards help` for usage."),
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
        /// The command line is wrong.
        Usage(UsageError),
        /// An input file could not be read.
        Unreadable { name: String, source: io::Error },
        /// Standard output, or the output file, could not be written.
        Output(io::Error),
    }

    impl fmt::Display for CliError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                CliError::Usage(error) => error.fmt(f),
                CliError::Unreadable { name, source } => write!(f, "cannot read {name}: {source}"),
                CliError::Output(source) => write!(f, "cannot write the output: {source}"),
            }
        }
    }

    impl From<UsageError> for CliError {
        fn from(error: UsageError) -> Self {
            CliError::Usage(error)
        }
    }

    impl From<io::Error> for CliError {
        fn from(error: io::Error) -> Self {
            CliError::Output(error)
        }
    }

    fn read(input: &Input) -> Result<Vec<u8>, CliError> {
        let result = match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
            }
            Input::File(path) => std::fs::read(path),
        };
        result.map_err(|source| CliError::Unreadable {
            name: input.name(),
            source,
        })
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
            Command::Check { inputs, sources } => {
                let copies = sources
                    .iter()
                    .map(|copy| {
                        let input = Input::File(copy.file.clone());
                        let bytes = read(&input)?;
                        Ok(SavedCopy::new(copy.id.clone(), &String::from_utf8_lossy(&bytes)))
                    })
                    .collect::<Result<Vec<_>, CliError>>()?;
                check_inputs(&inputs, &copies, stdout, stderr)
            }
            Command::Render { input, options } => render(&input, &options, stdout, stderr),
            Command::Import { input, output } => import(&input, output.as_deref(), stdout, stderr),
            Command::Export(input) => export(&input, stdout, stderr),
            Command::Diff { old, new } => diff_versions(&old, &new, stdout, stderr),
            Command::Publish { input, out, settings } => publish(&input, &out, &settings, stdout, stderr),
            Command::ShareImage { input, output } => share_image(&input, &output, stderr),
            Command::Template { csv: true } => {
                stdout.write_all(TEMPLATE_CSV.as_bytes())?;
                Ok(Outcome::Clean)
            }
            Command::Template { csv: false } => {
                let template = spreadsheet::import_text(TEMPLATE_CSV);
                let Some(sheet) = template.sheet else {
                    // The template is tested to import cleanly.
                    writeln!(stderr, "factcards: the template does not import")?;
                    return Ok(Outcome::SheetErrors);
                };
                writeln!(stdout, "{}", to_json(&sheet))?;
                Ok(Outcome::Clean)
            }
        }
    }

    /// The sheet as JSON, as an editor would write it.
    fn to_json(sheet: &Sheet) -> String {
        // A sheet is strings, lists and one number: it always serialises.
        serde_json::to_string_pretty(sheet).unwrap_or_default()
    }

    /// Reads a spreadsheet and writes its sheet's JSON to `output` (or
    /// `stdout`); its problems go to `stderr`, each at its row and column.
    fn import(
        input: &Input,
        output: Option<&std::path::Path>,
        stdout: &mut impl Write,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        let bytes = read(input)?;
        let imported = spreadsheet::import(&bytes);
        let name = input.name();
        for problem in &imported.problems {
            writeln!(stderr, "{}", import_problem_line(&name, problem))?;
        }
        writeln!(stderr, "{name}: {}", imported.summary())?;
        let Some(sheet) = imported.sheet else {
            return Ok(Outcome::SheetErrors);
        };
        let json = to_json(&sheet) + "\n";
        match output {
            Some(path) => std::fs::write(path, json)?,
            None => stdout.write_all(json.as_bytes())?,
        }
        Ok(Outcome::Clean)
    }

    /// Prints a sheet as CSV if it has no errors; otherwise its problems, as
    /// `render` does.
    fn export(input: &Input, stdout: &mut impl Write, stderr: &mut impl Write) -> Result<Outcome, CliError> {
        let bytes = read(input)?;
        let name = input.name();
        let Some(sheet) = sheet_or_problems(&name, check_bytes(&bytes), stderr)? else {
            return Ok(Outcome::SheetErrors);
        };
        match spreadsheet::export(&sheet) {
            Ok(csv) => {
                stdout.write_all(csv.as_bytes())?;
                Ok(Outcome::Clean)
            }
            Err(error) => {
                writeln!(stderr, "{name}: error: {error}")?;
                Ok(Outcome::SheetErrors)
            }
        }
    }

    /// Writes the share image of a valid sheet to `output`, and tells
    /// `stderr` what it left out; otherwise prints the sheet's problems, as
    /// `render` does.
    fn share_image(
        input: &Input,
        output: &std::path::Path,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        let bytes = read(input)?;
        let Some(sheet) = checked(input, &bytes, stderr)? else {
            return Ok(Outcome::SheetErrors);
        };
        let fonts = ShareFonts::bundled();
        let layout = share_layout(&sheet, &fonts);
        let png = share_image_png(&sheet, &fonts);
        std::fs::write(output, &png)?;
        let name = output.display();
        let shown = layout.facts.len();
        let total = shown + layout.facts_left_out;
        writeln!(stderr, "{name}: {} bytes, {shown} of {total} facts", png.len())?;
        if layout.title_cut {
            writeln!(
                stderr,
                "{name}: the title was cut: \"{}\"",
                layout.title.join(" ")
            )?;
        }
        for fact in layout.facts.iter().filter(|fact| fact.cut) {
            let at = format!("cards[{}].facts[{}]", fact.card, fact.fact);
            writeln!(stderr, "{name}: {at} was cut: \"{}\"", fact.lines.join(" "))?;
        }
        if layout.credit_cut {
            writeln!(stderr, "{name}: the credit line was cut: \"{}\"", layout.credit)?;
        }
        if !layout.missing.is_empty() {
            let missing: String = layout.missing.iter().collect();
            writeln!(
                stderr,
                "{name}: warning: the fonts have no glyph for \"{missing}\""
            )?;
        }
        Ok(Outcome::Clean)
    }

    /// Prints what changed from `old` to `new` if both are valid sheets of the
    /// same story; otherwise the problems of each, as `render` does.
    fn diff_versions(
        old: &Input,
        new: &Input,
        stdout: &mut impl Write,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        let (old_bytes, new_bytes) = (read(old)?, read(new)?);
        let old_sheet = checked(old, &old_bytes, stderr)?;
        let new_sheet = checked(new, &new_bytes, stderr)?;
        let (Some(old_sheet), Some(new_sheet)) = (old_sheet, new_sheet) else {
            return Ok(Outcome::SheetErrors);
        };
        match diff(&old_sheet, &new_sheet) {
            Ok(diff) => {
                for line in diff_lines(&diff) {
                    writeln!(stdout, "{line}")?;
                }
                writeln!(
                    stdout,
                    "{} -> {}: {}",
                    old.name(),
                    new.name(),
                    diff_summary(&diff)
                )?;
                Ok(Outcome::Clean)
            }
            Err(error) => {
                writeln!(stderr, "{}: error: {error}", new.name())?;
                Ok(Outcome::SheetErrors)
            }
        }
    }

    /// The sheet of `bytes` if it has no errors, its warnings counted on one
    /// line; otherwise `None` once its problems are printed, as `render` does.
    fn checked(input: &Input, bytes: &[u8], stderr: &mut impl Write) -> Result<Option<Sheet>, CliError> {
        let report = check_bytes(bytes);
        let name = input.name();
        let summary = report.summary();
        let has_warnings = !report.problems.is_empty();
        let sheet = sheet_or_problems(&name, report, stderr)?;
        if sheet.is_some() && has_warnings {
            // Warnings do not stop the work; one line keeps the run quiet
            // while pointing at them.
            let arg = input.as_arg();
            writeln!(stderr, "{name}: {summary} (`factcards check {arg}` lists them)")?;
        }
        Ok(sheet)
    }

    /// The checked sheet, or `None` once its problems and summary are
    /// printed to `stderr`.
    fn sheet_or_problems(
        name: &str,
        report: Report,
        stderr: &mut impl Write,
    ) -> Result<Option<Sheet>, CliError> {
        if report.sheet.is_none() {
            for problem in &report.problems {
                writeln!(stderr, "{}", problem_line(name, problem))?;
            }
            writeln!(stderr, "{name}: {}", report.summary())?;
        }
        Ok(report.sheet)
    }

    /// Checks every input, printing its problems to `stdout` and its summary
    /// to `stderr`, with its excerpts checked against `copies`. An
    /// unreadable file is reported and the others are still checked.
    fn check_inputs(
        inputs: &[Input],
        copies: &[SavedCopy],
        stdout: &mut impl Write,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        let mut any_errors = false;
        let mut any_unreadable = false;
        for input in inputs {
            let bytes = match read(input) {
                Ok(bytes) => bytes,
                Err(error) => {
                    writeln!(stderr, "factcards: {error}")?;
                    any_unreadable = true;
                    continue;
                }
            };
            let mut report = check_bytes(&bytes);
            add_excerpt_problems(&mut report, &bytes, copies);
            let name = input.name();
            for problem in &report.problems {
                writeln!(stdout, "{}", problem_line(&name, problem))?;
            }
            writeln!(stderr, "{name}: {}", report.summary())?;
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

    /// Writes the story folder of the sheet into `out` if it has no errors,
    /// and says what to paste; otherwise prints its problems as `check`
    /// does.
    fn publish(
        input: &Input,
        out: &std::path::Path,
        settings: &Settings,
        stdout: &mut impl Write,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        let bytes = read(input)?;
        // A sheet with only warnings is checked and rendered, but one whose
        // warnings must be fixed before publishing is not published.
        let report = check_bytes(&bytes);
        let held: Vec<_> = report
            .warnings()
            .filter(|problem| problem.before_publishing)
            .collect();
        if report.sheet.is_some() && !held.is_empty() {
            let name = input.name();
            for problem in &held {
                writeln!(stderr, "{}", problem_line(&name, problem))?;
            }
            let count = match held.len() {
                1 => "1 warning".to_owned(),
                n => format!("{n} warnings"),
            };
            writeln!(stderr, "{name}: not published: {count} to fix before publishing")?;
            return Ok(Outcome::SheetErrors);
        }
        let Some(sheet) = checked(input, &bytes, stderr)? else {
            return Ok(Outcome::SheetErrors);
        };
        let sheet = Rc::new(sheet);
        let share_png = share_image_png(&sheet, &ShareFonts::bundled());
        let files = story_folder_blocking(&sheet, settings, share_png);
        std::fs::create_dir_all(out)?;
        for file in &files {
            std::fs::write(out.join(file.name), &file.bytes)?;
        }
        let names: Vec<&str> = files.iter().map(|file| file.name).collect();
        writeln!(stdout, "{}: wrote {}", out.display(), names.join(", "))?;
        writeln!(stdout, "Serve {} at {}", out.display(), settings.story_url())?;
        writeln!(
            stdout,
            "Paste into a CMS, alone on a line: {}",
            settings.story_url()
        )?;
        Ok(Outcome::Clean)
    }

    /// Checks the sheet and prints the fallback HTML to `stdout` if it has no
    /// errors; otherwise prints its problems to `stderr` as `check` does.
    fn render(
        input: &Input,
        options: &FallbackOptions,
        stdout: &mut impl Write,
        stderr: &mut impl Write,
    ) -> Result<Outcome, CliError> {
        let bytes = read(input)?;
        let Some(sheet) = checked(input, &bytes, stderr)? else {
            return Ok(Outcome::SheetErrors);
        };
        check_ids_exist(&sheet, options)?;
        let html = render_fallback(Rc::new(sheet), options);
        writeln!(stdout, "{html}")?;
        Ok(Outcome::Clean)
    }
}
