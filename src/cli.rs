//! The command line: clap definitions, loading the data, and the non-interactive
//! commands. Every failure ends as one line on stderr starting with `tlx:` (after
//! the list of problems, for an invalid file) and an exit code: 2 for usage and
//! I/O errors, 1 for invalid data.

/// Writes one line to stderr. Unlike `eprintln!` it never panics: a closed
/// stderr (`tlx check 2>&1 | head -1`) must not turn into exit code 101.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod check;
mod docs;
mod export;
mod list;
mod output;
mod show;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::Start;
use crate::color::{ColorChoice, color_enabled};

use crate::data::diagnostic::{Printable, quoted};
use crate::data::search::ActorSearch;
use crate::data::suggest::closest;
use crate::data::{
    ActorIx, Date, Diagnostic, EventFilter, EventIx, Indexed, ItemRef, LoadError, LoadProgress,
    Loaded, SourceIx,
};
use crate::words::count;

#[derive(Debug, Parser)]
#[command(
    name = "tlx",
    version,
    about = "Explore a timeline of events, actors and the source quotes behind them",
    long_about = "Explore a timeline of events, actors and the verbatim source quotes behind \
                  them.\n\nWith no command, tlx opens the explorer in the terminal. The \
                  commands below answer queries without it."
)]
pub struct Cli {
    /// Read this timeline file instead of the one built into tlx
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,

    /// Open the explorer at this event
    #[arg(long, value_name = "ID", conflicts_with = "actor")]
    pub event: Option<String>,

    /// Open the explorer at the actor that best matches QUERY
    #[arg(long, value_name = "QUERY")]
    pub actor: Option<String>,

    /// Colour in the explorer: auto (on unless NO_COLOR is set), always, never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a timeline and print a census; exit 1 if it has problems
    Check {
        /// The file to check (default: --data, or the built-in timeline)
        file: Option<PathBuf>,
    },
    /// List actors, or the actors that best match QUERY (names and aliases)
    Actors {
        /// Fuzzy query over names and aliases
        query: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List events in chronological order, filtered
    Events {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = EventFormat::Text)]
        format: EventFormat,
    },
    /// List quotes in file order, filtered
    Quotes {
        /// Only quotes this event cites
        #[arg(long, value_name = "ID")]
        event: Option<String>,
        /// Only quotes this actor spoke
        #[arg(long, value_name = "ID")]
        actor: Option<String>,
        /// Only quotes from this source
        #[arg(long, value_name = "ID")]
        source: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show an event, actor, quote, source or dispute in full, with its links
    Show {
        /// The id of what to show
        id: String,
    },
    /// Write the timeline, or the events that pass the filters, for other tools
    Export {
        /// What to write
        #[arg(long, value_enum)]
        format: crate::export::Format,
        /// Write to FILE instead of standard output
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Print a completion script for a shell (see the README to install it)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, or write one page per command into DIR
    Man {
        /// Write tlx.1, tlx-events.1, ... into this directory
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The event filters of `tlx events` and `tlx export`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only events of the actor that best matches QUERY
    #[arg(long, value_name = "QUERY")]
    actor: Option<String>,
    /// Only events with this tag
    #[arg(long)]
    tag: Option<String>,
    /// Only events that reach into or past this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<Date>,
    /// Only events that begin on or before this date
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<Date>,
    /// Only events whose title, summary, place or tags match QUERY
    #[arg(long, value_name = "QUERY")]
    search: Option<String>,
}

impl FilterArgs {
    pub fn filter(&self) -> EventFilter<'_> {
        EventFilter {
            actor: self.actor.as_deref(),
            tag: self.tag.as_deref(),
            from: self.from,
            to: self.to,
            search: self.search.as_deref(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventFormat {
    Text,
    Json,
    Csv,
    Markdown,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| e.0)
}

/// Why a command could not do its job.
#[derive(Debug)]
pub enum Failure {
    /// Bad arguments, unknown ids, empty queries: exit 2.
    Usage(String),
    /// A file that cannot be read, or output that cannot be written: exit 2.
    Io(String),
    /// The timeline has problems: each is printed, then a summary; exit 1.
    Invalid {
        name: String,
        problems: Vec<Diagnostic>,
    },
}

impl Failure {
    /// Prints the failure to stderr and gives its exit code.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Usage(message) | Failure::Io(message) => {
                say!("tlx: {}", Printable(&message));
                ExitCode::from(2)
            }
            Failure::Invalid { name, problems } => {
                for problem in &problems {
                    say!("{problem}");
                }
                say!(
                    "tlx: {} is not a valid timeline: {}",
                    Printable(&name),
                    count(problems.len(), "problem")
                );
                ExitCode::from(1)
            }
        }
    }
}

/// Turns a clap error into our one-line form (help and version print as clap
/// prints them). Usage errors exit 2.
pub fn parse_error(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let rendered = error.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid arguments");
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    // Keep clap's hints (possible values, similar names); drop the usage block.
    for line in lines {
        if let Some(values) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            message.push_str(&format!(" ({values})"));
        } else if let Some(tip) = line.strip_prefix("tip: ") {
            message.push_str("; ");
            message.push_str(tip);
        } else if line.starts_with("--") || line.starts_with('<') {
            // The arguments a "required arguments were not provided" error names.
            message.push(' ');
            message.push_str(line);
        }
    }
    say!("tlx: {message} (see `tlx --help`)");
    ExitCode::from(2)
}

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> ExitCode {
    let data_path = cli.data.as_deref();
    // Global options (--data, --color) may come before a command; these two may not.
    if cli.command.is_some() {
        let explorer_only = [
            ("--event", cli.event.is_some()),
            ("--actor", cli.actor.is_some()),
        ];
        if let Some((flag, _)) = explorer_only.iter().find(|(_, given)| *given) {
            return Failure::Usage(format!(
                "{flag} opens the explorer and cannot be used before a command (see `tlx --help`)"
            ))
            .report();
        }
    }
    let result = match cli.command {
        None => {
            let color = color_enabled(cli.color);
            let (event, actor) = (cli.event.clone(), cli.actor.clone());
            let open = move |path: Option<&Path>, progress: &LoadProgress| {
                let loaded = load_with_progress(path, progress)?;
                let start = start_at(&loaded, event.as_deref(), actor.as_deref())?;
                Ok(explorer_app(loaded, start, color))
            };
            return match data_path {
                Some(path) if is_a_terminal() => load_in_the_explorer(path.to_path_buf(), open),
                _ => match open(data_path, &LoadProgress::new()) {
                    Ok(app) => run_explorer(crate::tui::Opening::Ready(Box::new(app))),
                    Err(failure) => failure.report(),
                },
            };
        }
        Some(Command::Check { file }) => check::run(file.as_deref().or(data_path)),
        // These two need no timeline, so a broken --data does not stop them.
        Some(Command::Completions { shell }) => output::print(&docs::completions(shell)),
        Some(Command::Man { dir }) => docs::man(dir.as_deref()).and_then(|t| output::print(&t)),
        Some(command) => load(data_path).and_then(|loaded| {
            warn_briefly(&loaded, data_path);
            output::print(&answer(&loaded.data, command)?)
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// The text a query command prints.
fn answer(data: &Indexed, command: Command) -> Result<String, Failure> {
    match command {
        Command::Check { .. } => Ok(check::census(data)),
        Command::Actors { query, format } => list::actors(data, query.as_deref(), format),
        Command::Events { filter, format } => list::events(data, &filter.filter(), format),
        Command::Quotes {
            event,
            actor,
            source,
            format,
        } => list::quotes(
            data,
            &list::QuoteFilter {
                event: event.as_deref(),
                actor: actor.as_deref(),
                source: source.as_deref(),
            },
            format,
        ),
        Command::Show { id } => show::show(data, &id),
        Command::Export {
            format,
            out,
            filter,
        } => export::run(data, format, out.as_deref(), &filter.filter()),
        Command::Completions { shell } => Ok(docs::completions(shell)),
        Command::Man { dir } => docs::man(dir.as_deref()),
    }
}

/// How long a load may take before the explorer shows its loading screen.
const LOADING_SHOWN_AFTER: std::time::Duration = std::time::Duration::from_millis(100);

/// Loads `path` on a thread; if that takes longer than `LOADING_SHOWN_AFTER`, the
/// explorer opens at once with a loading screen (the phase, how far the load
/// is, the seconds so far: `ui::loading`) until the timeline is ready. A file
/// that fails to load ends as before: the terminal restored, the problems on
/// stderr.
fn load_in_the_explorer(
    path: std::path::PathBuf,
    open: impl FnOnce(Option<&Path>, &LoadProgress) -> Result<crate::app::App, Failure> + Send + 'static,
) -> ExitCode {
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let label = format!(
        "Loading {} ({} MB)",
        Printable(&path.display().to_string()),
        size.div_ceil(1_000_000)
    );
    let progress = std::sync::Arc::new(LoadProgress::new());
    let (sender, loaded) = std::sync::mpsc::channel();
    let reported = std::sync::Arc::clone(&progress);
    std::thread::spawn(move || {
        let _ = sender.send(open(Some(&path), &reported));
    });
    match loaded.recv_timeout(LOADING_SHOWN_AFTER) {
        Ok(Ok(app)) => run_explorer(crate::tui::Opening::Ready(Box::new(app))),
        Ok(Err(failure)) => failure.report(),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            run_explorer(crate::tui::Opening::Loading {
                label,
                progress,
                app: loaded,
            })
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            Failure::Io("loading the timeline stopped".into()).report()
        }
    }
}

/// The explorer's state for a loaded timeline, opening where `start` says, in
/// colour when `color` (from `--color` and `NO_COLOR`).
fn explorer_app(loaded: Loaded, start: Start, color: bool) -> crate::app::App {
    let warnings = loaded.warnings.len();
    let mut app = crate::app::App::new(std::sync::Arc::new(loaded.data), start);
    app.colors = color;
    if warnings > 0 {
        app.message = Some(format!(
            "{warnings} warning{} while loading: `tlx check` lists them",
            if warnings == 1 { "" } else { "s" }
        ));
    }
    app
}

/// Whether both stdin and stdout are a terminal. With stdin redirected, crossterm
/// would quietly read keys from /dev/tty, and what was piped in would be ignored.
fn is_a_terminal() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// Opens the explorer in the terminal.
pub fn run_explorer(opening: crate::tui::Opening<Failure>) -> ExitCode {
    if !is_a_terminal() {
        say!("tlx: the explorer needs a terminal; try `tlx events`");
        return ExitCode::from(2);
    }
    match crate::tui::run(opening) {
        Ok(crate::tui::Ended::Exit(crate::tui::Exit::Quit)) => ExitCode::SUCCESS,
        Ok(crate::tui::Ended::Exit(crate::tui::Exit::Signal(signal))) => {
            ExitCode::from((128 + signal).clamp(0, 255) as u8)
        }
        Ok(crate::tui::Ended::Failed(failure)) => failure.report(),
        Err(error) => {
            say!("tlx: the terminal failed: {error}");
            ExitCode::from(2)
        }
    }
}

/// A name for the timeline in messages.
pub fn data_name(path: Option<&Path>) -> String {
    match path {
        Some(p) => p.display().to_string(),
        None => "the built-in timeline".to_string(),
    }
}

/// Loads `--data FILE`, or the built-in timeline.
pub fn load(path: Option<&Path>) -> Result<Loaded, Failure> {
    load_with_progress(path, &LoadProgress::new())
}

/// `load`, telling `progress` how far it is.
fn load_with_progress(path: Option<&Path>, progress: &LoadProgress) -> Result<Loaded, Failure> {
    let result = match path {
        Some(p) => crate::data::load_file(p, progress),
        None => crate::data::embedded(),
    };
    result.map_err(|e| match e {
        LoadError::Invalid(problems) => Failure::Invalid {
            name: data_name(path),
            problems,
        },
        other => Failure::Io(other.to_string()),
    })
}

/// Outside `tlx check`, warnings are summed up in one line rather than listed.
fn warn_briefly(loaded: &Loaded, path: Option<&Path>) {
    if loaded.warnings.is_empty() {
        return;
    }
    let check = match path {
        Some(p) => format!("tlx check {}", p.display()),
        None => "tlx check".to_string(),
    };
    say!(
        "tlx: warning: {} has {}; `{}` lists them",
        Printable(&data_name(path)),
        count(loaded.warnings.len(), "warning"),
        Printable(&check)
    );
}

/// Resolves `--event ID` / `--actor QUERY` for the explorer.
fn start_at(loaded: &Loaded, event: Option<&str>, actor: Option<&str>) -> Result<Start, Failure> {
    let data = &loaded.data;
    if let Some(id) = event {
        return event_id(data, id).map(Start::Event);
    }
    if let Some(query) = actor {
        return best_actor(data, query).map(Start::Actor);
    }
    Ok(Start::Top)
}

/// The actor that best matches a non-empty query.
pub fn best_actor(data: &Indexed, query: &str) -> Result<ActorIx, Failure> {
    let query = non_empty(query)?;
    ActorSearch::new(data)
        .best(query)
        .map(|m| m.actor)
        .ok_or_else(|| Failure::Usage(format!("no actor matches {}", quoted(query))))
}

/// Refuses a blank query.
pub fn non_empty(query: &str) -> Result<&str, Failure> {
    if query.trim().is_empty() {
        Err(Failure::Usage("empty query".into()))
    } else {
        Ok(query)
    }
}

/// What kind of thing an id on the command line should name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Any,
    Event,
    Actor,
    Source,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Any => "event, actor, quote, source or dispute",
            Kind::Event => "event",
            Kind::Actor => "actor",
            Kind::Source => "source",
        }
    }
}

/// Looks up an id of the given kind; unknown ids come with the closest known one.
pub fn lookup(data: &Indexed, id: &str, kind: Kind) -> Result<ItemRef, Failure> {
    if id.trim().is_empty() {
        return Err(Failure::Usage(format!("empty {} id", kind.noun())));
    }
    let t = &data.timeline;
    fn position<'a>(mut ids: impl Iterator<Item = &'a str>, id: &str) -> Option<u32> {
        ids.position(|x| x == id).map(|i| i as u32)
    }
    // Ids are unique per list, not across lists: a typed lookup searches its list.
    let found = match kind {
        Kind::Any => data.find(id),
        Kind::Event => position(t.events().map(|x| x.id()), id).map(|i| ItemRef::Event(EventIx(i))),
        Kind::Actor => position(t.actors().map(|x| x.id()), id).map(|i| ItemRef::Actor(ActorIx(i))),
        Kind::Source => {
            position(t.sources().map(|x| x.id()), id).map(|i| ItemRef::Source(SourceIx(i)))
        }
    };
    if let Some(item) = found {
        return Ok(item);
    }
    if let Some(other) = data.find(id) {
        let is = match other {
            ItemRef::Event(_) => "an event",
            ItemRef::Actor(_) => "an actor",
            ItemRef::Quote(_) => "a quote",
            ItemRef::Source(_) => "a source",
            ItemRef::Dispute(_) => "a dispute",
        };
        let article = if kind == Kind::Source { "a" } else { "an" };
        return Err(Failure::Usage(format!(
            "{} is {is}, not {article} {}",
            quoted(id),
            kind.noun()
        )));
    }
    let of_kind = |k: Kind| kind == Kind::Any || kind == k;
    let mut candidates: Vec<&str> = Vec::new();
    if of_kind(Kind::Event) {
        candidates.extend(t.events().map(|x| x.id()));
    }
    if of_kind(Kind::Actor) {
        candidates.extend(t.actors().map(|x| x.id()));
    }
    if kind == Kind::Any {
        candidates.extend(t.quotes().map(|x| x.id()));
    }
    if of_kind(Kind::Source) {
        candidates.extend(t.sources().map(|x| x.id()));
    }
    if kind == Kind::Any {
        candidates.extend(t.disputes().map(|x| x.id()));
    }
    let hint = match closest(id, candidates) {
        Some(near) => format!(" (did you mean {}?)", quoted(near)),
        None => String::new(),
    };
    Err(Failure::Usage(format!(
        "no {} has the id {}{hint}",
        kind.noun(),
        quoted(id)
    )))
}

/// The event with this id.
pub fn event_id(data: &Indexed, id: &str) -> Result<EventIx, Failure> {
    match lookup(data, id, Kind::Event)? {
        ItemRef::Event(e) => Ok(e),
        _ => Err(Failure::Usage(format!("{} is not an event", quoted(id)))),
    }
}

/// The actor with this id.
pub fn actor_id(data: &Indexed, id: &str) -> Result<ActorIx, Failure> {
    match lookup(data, id, Kind::Actor)? {
        ItemRef::Actor(a) => Ok(a),
        _ => Err(Failure::Usage(format!("{} is not an actor", quoted(id)))),
    }
}

/// The source with this id.
pub fn source_id(data: &Indexed, id: &str) -> Result<SourceIx, Failure> {
    match lookup(data, id, Kind::Source)? {
        ItemRef::Source(s) => Ok(s),
        _ => Err(Failure::Usage(format!("{} is not a source", quoted(id)))),
    }
}
