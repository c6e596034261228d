//! The command line, parsed by hand: a few subcommands do not need a crate.
//! What the arguments mean is in [`USAGE`], which `factcards help` prints.

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use factcards::model::{Sheet, quoted_list};
use factcards::options::Layout;
use factcards::publish::Settings;
use factcards::ssr::{FallbackOptions, Theme};

/// What `factcards help` prints.
pub const USAGE: &str = "\
factcards: check, describe and render key-facts sheets

Usage:
  factcards check [--source ID=COPY]... FILE...
                                   check sheets and print every problem; with
                                   --source, check the excerpts of source ID
                                   against COPY, a saved copy of it
  factcards import FILE [-o OUT]   read a sheet written in a spreadsheet (CSV
                                   or TSV) and print it as JSON, or write OUT
  factcards export FILE            print a sheet as CSV, for a spreadsheet
  factcards template [--csv]       print a sheet to start from, as JSON or CSV
  factcards diff OLD NEW           print what changed from one version of a
                                   sheet to the next
  factcards schema                 print the JSON Schema of the sheet format
  factcards render [OPTIONS] FILE  print the static HTML fallback of the deck
  factcards publish --out DIR --base-url URL --widget-url URL FILE
                                   write the story folder of a sheet: its
                                   page, frame, oEmbed answer and share image
  factcards share-image FILE -o OUT.png
                                   write the story's share image (og:image),
                                   a 1200x630 PNG
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

check --source ID=COPY (repeatable, one per source) reads COPY, the saved
text or HTML page of the sheet's source ID, and reports each excerpt of that
source that is not in it (whitespace, quote marks and dashes may differ) as
an error that names the fact and the closest passage:
  FILE:LINE:COLUMN: error: cards[1].facts[0].sources[0].excerpt: the excerpt
  is not in the saved copy of \"article\": did you mean \"...\"?
and, as warnings, an excerpt found more than once (a link lands on the first)
and a saved copy whose source no fact gives an excerpt of.

import checks the sheet as check does and prints its problems to standard
error, each at its row and column in the spreadsheet:
  FILE: error: row 7, column \"status\": MESSAGE
If there is an error it writes no JSON. docs/format.md (\"Writing a sheet in
a spreadsheet\") describes the layout; `factcards template --csv` shows it.

diff checks both sheets and prints what changed, grouped as New, Changed,
Removed and Moved, one line per item, then a summary:
  changed cards[3].facts[1] \"toll\" status: claimed -> confirmed
  old.json -> new.json: 0 new, 1 changed, 0 removed, 0 moved
If either sheet has errors, it prints them to standard error as check does
and no diff. It exits 0 when both sheets are valid, whether or not they
differ.

render options:
  --css-href URL   address of the widget's stylesheet (default: factcards.css)
  --theme THEME    light, dark or auto (default: auto)
  --lang TAG       language of the widget's labels, such as en or ru
                   (default: the sheet's lang)
  --category ID    show only the cards of this category
  --card ID        show this card open, with its sources
  --layout LAYOUT  full or compact, as data-layout (default: full)
  --header on|off  the deck's own header, as data-header (default: on in
                   the full layout, off in the compact one)
Paste the output inside the widget's mount element:
  <div data-factcards>OUTPUT</div>
Readers without JavaScript see it; the widget replaces it when it starts.
If the sheet has errors, render prints them to standard error as check does
and writes no HTML.

publish options:
  --out DIR            the folder to write (made if missing; its files are
                       replaced)
  --base-url URL       where DIR will be served, ending in /: the story
                       page's address, the one to paste into a CMS
  --widget-url URL     where the widget's dist/ is served, ending in /
  --provider-name NAME who publishes, for oEmbed (default: the host name of
                       --base-url)
It writes index.html (the story page), frame.html and frame.js (for the
oEmbed answer and the iframe code), oembed.json, sheet.json, share.png and
their stylesheets. The same sheet gives the same files, byte for byte.
docs/publishing.md explains hosting them.

share-image draws the title, the lead facts with their status words and a
credit line, in the bundled Noto Sans. It prints to standard error what it
left out, and any character the fonts have no glyph for. If the sheet has
errors, it prints them as check does and writes no image.

Exit status: 0 if no sheet has errors (warnings allowed), 1 if one has,
2 on a usage error or a file that cannot be read.
";

/// The name shown for standard input in problem lines.
const STDIN_NAME: &str = "<stdin>";

/// One parsed command line.
#[derive(Debug)]
pub enum Command {
    Help,
    /// Sheets to check, and the saved copies of sources to check their
    /// excerpts against.
    Check {
        inputs: Vec<Input>,
        sources: Vec<SourceCopy>,
    },
    Schema,
    Render {
        input: Input,
        options: FallbackOptions,
    },
    /// A spreadsheet to read, and where to write its JSON (standard output
    /// if `None`).
    Import {
        input: Input,
        output: Option<PathBuf>,
    },
    Export(Input),
    /// A sheet, and where to write its share image.
    ShareImage {
        input: Input,
        output: PathBuf,
    },
    /// Two versions of a sheet, to print what changed.
    Diff {
        old: Input,
        new: Input,
    },
    /// A sheet to publish as a story folder, written to `out`.
    Publish {
        input: Input,
        out: PathBuf,
        settings: Settings,
    },
    /// The template, as CSV (`--csv`) or JSON.
    Template {
        csv: bool,
    },
}

/// `--source ID=FILE`: the saved copy of the sheet's source `ID`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCopy {
    pub id: String,
    pub file: PathBuf,
}

/// A sheet to read: a file, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
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
    pub fn as_arg(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// The name used in problem lines and messages.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => STDIN_NAME.to_owned(),
            Input::File(path) => path.display().to_string(),
        }
    }
}

/// The command line is wrong. `show_usage` prints the whole help after the
/// message (for a missing or unknown command); otherwise a pointer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    pub message: String,
    pub show_usage: bool,
}

impl UsageError {
    fn new(message: impl Into<String>) -> Self {
        UsageError {
            message: message.into(),
            show_usage: false,
        }
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses the command line `args` (without the program name).
pub fn parse_command(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let Some(command) = args.next() else {
        return Err(UsageError {
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
        Some("schema") => Err(UsageError::new("schema takes no arguments")),
        Some("render") => parse_render(rest),
        Some("import") => parse_import(rest),
        Some("diff") => parse_diff(rest),
        Some("publish") => parse_publish(rest),
        Some("share-image") => parse_share_image(rest),
        Some("export") => {
            let input = one_input("export", rest)?;
            Ok(Command::Export(input))
        }
        Some("template") => match rest.iter().map(|arg| arg.to_str()).collect::<Vec<_>>()[..] {
            [] => Ok(Command::Template { csv: false }),
            [Some("--csv")] => Ok(Command::Template { csv: true }),
            _ => Err(UsageError::new("template takes only --csv")),
        },
        _ => Err(UsageError {
            message: format!("unknown command \"{}\"", command.to_string_lossy()),
            show_usage: true,
        }),
    }
}

fn parse_check(args: Vec<OsString>) -> Result<Command, UsageError> {
    // An unknown option is named as it is, before it could take the next
    // file as its value.
    let options = args
        .iter()
        .take_while(|arg| *arg != "--")
        .filter(|arg| is_option(arg));
    if let Some(unknown) = options
        .map(|arg| arg.to_string_lossy())
        .find(|arg| arg.split('=').next() != Some("--source"))
    {
        return Err(UsageError::new(format!("check has no option \"{unknown}\"")));
    }
    let (named, inputs) = options_and_inputs(args)?;
    let mut sources = Vec::new();
    for (_, value) in named {
        // `--source=ID=FILE` splits at the first `=` already; the value is
        // `ID=FILE` either way.
        let (id, file) = value
            .split_once('=')
            .filter(|(id, file)| !id.trim().is_empty() && !file.is_empty())
            .ok_or_else(|| UsageError::new(format!("--source takes ID=FILE, not \"{value}\"")))?;
        sources.push(SourceCopy {
            id: id.trim().to_owned(),
            file: PathBuf::from(file),
        });
    }
    if inputs.is_empty() {
        return Err(UsageError::new(
            "check needs at least one FILE (or - for standard input)",
        ));
    }
    Ok(Command::Check { inputs, sources })
}

/// A command's `--name value` options, in order, each as (name, value).
type NamedOptions = Vec<(String, String)>;

/// The `--name value` (or `--name=value`) options and the FILEs of a
/// command, in order; `--` ends the options.
fn options_and_inputs(args: Vec<OsString>) -> Result<(NamedOptions, Vec<Input>), UsageError> {
    let mut options = Vec::new();
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
                    .ok_or_else(|| UsageError::new(format!("{arg} needs a value")))?;
                let value = value.into_string().map_err(|value| {
                    UsageError::new(format!(
                        "the value of {arg} is not UTF-8: {}",
                        value.to_string_lossy()
                    ))
                })?;
                (arg, value)
            }
        };
        if value.trim().is_empty() {
            return Err(UsageError::new(format!("{name} needs a value")));
        }
        options.push((name, value));
    }
    Ok((options, inputs))
}

fn parse_render(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut options = FallbackOptions::default();
    let (named, inputs) = options_and_inputs(args)?;
    for (name, value) in named {
        match name.as_str() {
            "--css-href" => options.css_href = value,
            "--theme" => {
                options.theme = Theme::from_name(&value).ok_or_else(|| {
                    UsageError::new(format!("--theme must be light, dark or auto, not \"{value}\""))
                })?;
            }
            "--lang" => options.lang = Some(value),
            "--category" => options.initial_category = Some(value),
            "--card" => options.initial_card = Some(value),
            "--layout" => {
                options.layout = Layout::from_name(&value).ok_or_else(|| {
                    UsageError::new(format!("--layout must be full or compact, not \"{value}\""))
                })?;
            }
            "--header" => {
                options.header = Some(match value.as_str() {
                    "on" => true,
                    "off" => false,
                    _ => {
                        return Err(UsageError::new(format!(
                            "--header must be on or off, not \"{value}\""
                        )));
                    }
                });
            }
            _ => return Err(UsageError::new(format!("render has no option \"{name}\""))),
        }
    }
    let input = single("render", inputs)?;
    Ok(Command::Render { input, options })
}

fn parse_publish(args: Vec<OsString>) -> Result<Command, UsageError> {
    let (named, inputs) = options_and_inputs(args)?;
    let (mut out, mut base_url, mut widget_url, mut provider_name) = (None, None, None, None);
    for (name, value) in named {
        match name.as_str() {
            "--out" => out = Some(PathBuf::from(value)),
            "--base-url" => base_url = Some(value),
            "--widget-url" => widget_url = Some(value),
            "--provider-name" => provider_name = Some(value),
            _ => return Err(UsageError::new(format!("publish has no option \"{name}\""))),
        }
    }
    let input = single("publish", inputs)?;
    let (Some(out), Some(base_url), Some(widget_url)) = (out, base_url, widget_url) else {
        return Err(UsageError::new(
            "publish needs --out DIR, --base-url URL and --widget-url URL",
        ));
    };
    let settings = Settings::new(&base_url, &widget_url)
        .map_err(|error| UsageError::new(error.to_string()))?
        .with_provider_name(provider_name.as_deref().unwrap_or(""));
    Ok(Command::Publish { input, out, settings })
}

fn parse_diff(args: Vec<OsString>) -> Result<Command, UsageError> {
    let inputs = inputs("diff", args)?;
    match <[Input; 2]>::try_from(inputs) {
        Ok([Input::Stdin, Input::Stdin]) => Err(UsageError::new(
            "diff can read only one of OLD and NEW from standard input",
        )),
        Ok([old, new]) => Ok(Command::Diff { old, new }),
        Err(_) => Err(UsageError::new(
            "diff needs two FILEs, the old version and the new (- for standard input)",
        )),
    }
}

fn parse_import(args: Vec<OsString>) -> Result<Command, UsageError> {
    let (output, rest) = output_option(args)?;
    let input = one_input("import", rest)?;
    Ok(Command::Import { input, output })
}

fn parse_share_image(args: Vec<OsString>) -> Result<Command, UsageError> {
    let (output, rest) = output_option(args)?;
    let input = one_input("share-image", rest)?;
    let output = output
        .ok_or_else(|| UsageError::new("share-image needs -o OUT.png: a PNG is not for the terminal"))?;
    Ok(Command::ShareImage { input, output })
}

/// The `-o FILE` (`--output FILE`, `--output=FILE`) among `args`, and the
/// other arguments.
fn output_option(args: Vec<OsString>) -> Result<(Option<PathBuf>, Vec<OsString>), UsageError> {
    let mut output = None;
    let mut rest = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let text = arg.to_str().unwrap_or("");
        if text == "-o" || text == "--output" {
            let value = args
                .next()
                .ok_or_else(|| UsageError::new(format!("{text} needs a file name")))?;
            output = Some(PathBuf::from(value));
        } else if let Some(value) = text.strip_prefix("--output=") {
            output = Some(PathBuf::from(value));
        } else {
            rest.push(arg);
        }
    }
    if output.as_ref().is_some_and(|path| path.as_os_str().is_empty()) {
        return Err(UsageError::new("-o needs a file name"));
    }
    Ok((output, rest))
}

/// The single FILE of a command that takes no options.
fn one_input(command: &str, args: Vec<OsString>) -> Result<Input, UsageError> {
    single(command, inputs(command, args)?)
}

/// The one FILE of `inputs`, for `command`, which takes exactly one.
fn single(command: &str, inputs: Vec<Input>) -> Result<Input, UsageError> {
    let mut inputs = inputs.into_iter();
    match (inputs.next(), inputs.next()) {
        (Some(input), None) => Ok(input),
        (None, _) => Err(UsageError::new(format!(
            "{command} needs one FILE (or - for standard input)"
        ))),
        (Some(_), Some(_)) => Err(UsageError::new(format!("{command} takes one FILE, not several"))),
    }
}

/// The FILEs of a command that takes no options (`--` ends the options).
fn inputs(command: &str, args: Vec<OsString>) -> Result<Vec<Input>, UsageError> {
    let mut inputs = Vec::new();
    let mut options_ended = false;
    for arg in args {
        if !options_ended && arg == "--" {
            options_ended = true;
        } else if !options_ended && is_option(&arg) {
            return Err(UsageError::new(format!(
                "{command} has no option \"{}\"",
                arg.to_string_lossy()
            )));
        } else {
            inputs.push(Input::from_arg(arg));
        }
    }
    Ok(inputs)
}

/// Whether `arg` looks like an option: `-` alone is standard input.
fn is_option(arg: &OsString) -> bool {
    arg.to_str().is_some_and(|arg| arg.starts_with('-') && arg != "-")
}

/// The widget ignores an unknown `--category` or `--card`; on the command
/// line it is far more likely a typo, so it is refused once the sheet is read.
pub fn check_ids_exist(sheet: &Sheet, options: &FallbackOptions) -> Result<(), UsageError> {
    if let Some(id) = &options.initial_category
        && sheet.category(id).is_none()
    {
        let known = quoted_list(sheet.categories.iter().map(|category| category.id.as_str()));
        return Err(UsageError::new(format!(
            "--category: the sheet has no category \"{id}\" (known: {known})"
        )));
    }
    if let Some(id) = &options.initial_card
        && sheet.card_index(id).is_none()
    {
        let known = quoted_list(sheet.cards.iter().map(|card| card.id.as_str()));
        return Err(UsageError::new(format!(
            "--card: the sheet has no card \"{id}\" (known: {known})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, UsageError> {
        parse_command(args.iter().map(OsString::from).collect())
    }

    fn usage_message(args: &[&str]) -> String {
        parse(args).expect_err("a usage error").message
    }

    #[test]
    fn check_takes_files_and_a_dash_for_standard_input() {
        let Ok(Command::Check { inputs, sources }) = parse(&["check", "a.json", "-", "--", "--b.json"])
        else {
            panic!("not a check");
        };
        let names: Vec<String> = inputs.iter().map(Input::name).collect();
        assert_eq!(names, ["a.json", "<stdin>", "--b.json"]);
        assert!(sources.is_empty());
    }

    #[test]
    fn check_takes_saved_copies_of_sources() {
        let Ok(Command::Check { inputs, sources }) = parse(&[
            "check",
            "--source",
            "article=saved/article.html",
            "--source=wire=wire.txt",
            "a.json",
        ]) else {
            panic!("not a check");
        };
        assert_eq!(inputs, [Input::File("a.json".into())]);
        let given: Vec<(&str, &str)> = sources
            .iter()
            .map(|copy| (copy.id.as_str(), copy.file.to_str().unwrap_or_default()))
            .collect();
        assert_eq!(given, [("article", "saved/article.html"), ("wire", "wire.txt")]);
        assert_eq!(
            usage_message(&["check", "--source", "article", "a.json"]),
            "--source takes ID=FILE, not \"article\""
        );
        assert_eq!(
            usage_message(&["check", "--sources", "a=b", "a.json"]),
            "check has no option \"--sources\""
        );
    }

    #[test]
    fn render_options_take_a_value_after_a_space_or_an_equals_sign() {
        let Ok(Command::Render { input, options }) = parse(&[
            "render",
            "--lang",
            "ru",
            "--card=claim",
            "--theme",
            "dark",
            "a.json",
        ]) else {
            panic!("not a render");
        };
        assert_eq!(input, Input::File("a.json".into()));
        assert_eq!(options.lang.as_deref(), Some("ru"));
        assert_eq!(options.initial_card.as_deref(), Some("claim"));
        assert_eq!(options.theme, Theme::from_name("dark").expect("a theme"));
    }

    #[test]
    fn render_takes_the_layout_and_the_header_of_the_mount_point() {
        let Ok(Command::Render { options, .. }) =
            parse(&["render", "--layout=compact", "--header", "on", "a.json"])
        else {
            panic!("not a render");
        };
        assert_eq!(options.layout, Layout::Compact);
        assert!(options.shows_header());
        let Ok(Command::Render { options, .. }) = parse(&["render", "--header=off", "a.json"]) else {
            panic!("not a render");
        };
        assert_eq!(options.layout, Layout::Full);
        assert!(!options.shows_header());
        assert_eq!(
            usage_message(&["render", "--layout=sidebar", "a.json"]),
            "--layout must be full or compact, not \"sidebar\""
        );
        assert_eq!(
            usage_message(&["render", "--header=no", "a.json"]),
            "--header must be on or off, not \"no\""
        );
    }

    #[test]
    fn import_takes_a_file_and_an_output() {
        let Ok(Command::Import { input, output }) = parse(&["import", "a.csv", "-o", "a.json"]) else {
            panic!("not an import");
        };
        assert_eq!(input, Input::File("a.csv".into()));
        assert_eq!(output, Some(PathBuf::from("a.json")));
        let Ok(Command::Import { output, .. }) = parse(&["import", "--output=b.json", "-"]) else {
            panic!("not an import");
        };
        assert_eq!(output, Some(PathBuf::from("b.json")));
        assert!(matches!(
            parse(&["template", "--csv"]),
            Ok(Command::Template { csv: true })
        ));
        assert!(matches!(parse(&["export", "a.json"]), Ok(Command::Export(_))));
        assert_eq!(usage_message(&["import", "a.csv", "-o"]), "-o needs a file name");
        assert_eq!(
            usage_message(&["import"]),
            "import needs one FILE (or - for standard input)"
        );
        assert_eq!(
            usage_message(&["export", "a", "b"]),
            "export takes one FILE, not several"
        );
        assert_eq!(usage_message(&["template", "--tsv"]), "template takes only --csv");
    }

    #[test]
    fn diff_takes_the_old_and_the_new_version() {
        let Ok(Command::Diff { old, new }) = parse(&["diff", "old.json", "-"]) else {
            panic!("not a diff");
        };
        assert_eq!((old, new), (Input::File("old.json".into()), Input::Stdin));
        assert_eq!(
            usage_message(&["diff", "a.json"]),
            "diff needs two FILEs, the old version and the new (- for standard input)"
        );
        assert_eq!(
            usage_message(&["diff", "a", "b", "c"]),
            "diff needs two FILEs, the old version and the new (- for standard input)"
        );
        assert_eq!(
            usage_message(&["diff", "-", "-"]),
            "diff can read only one of OLD and NEW from standard input"
        );
        assert_eq!(
            usage_message(&["diff", "--stat", "a", "b"]),
            "diff has no option \"--stat\""
        );
    }

    #[test]
    fn help_wins_wherever_it_is_asked_for() {
        assert!(matches!(parse(&["check", "a.json", "-h"]), Ok(Command::Help)));
        assert!(matches!(parse(&["--help"]), Ok(Command::Help)));
    }

    #[test]
    fn wrong_command_lines_say_what_is_wrong() {
        assert!(parse(&[]).expect_err("no command").show_usage);
        assert!(parse(&["frobnicate"]).expect_err("unknown").show_usage);
        assert_eq!(usage_message(&["schema", "x"]), "schema takes no arguments");
        assert_eq!(
            usage_message(&["check", "--fix"]),
            "check has no option \"--fix\""
        );
        assert_eq!(usage_message(&["render", "--lang"]), "--lang needs a value");
        assert_eq!(usage_message(&["render", "--lang="]), "--lang needs a value");
        assert_eq!(
            usage_message(&["render", "a", "b"]),
            "render takes one FILE, not several"
        );
    }
}
