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
mod list;
mod output;
mod show;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::data::diagnostic::{Printable, quoted};
use crate::data::search::ActorSearch;
use crate::data::suggest::closest;
use crate::data::{
    ActorIx, Date, Diagnostic, EventIx, Indexed, ItemRef, LoadError, Loaded, QuoteIx, SourceIx,
};

#[derive(Debug, Parser)]
#[command(
    name = "tlx",
    version,
    about = "Explore a timeline of events, actors and the source quotes behind them",
    long_about = "Explore a timeline of events, actors and the verbatim source quotes behind \
                  them.\n\nWith no command, tlx opens the explorer in the terminal. The \
                  commands below answer queries without it.",
    args_conflicts_with_subcommands = true
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
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List events in chronological order, filtered
    Events {
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
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show an event, actor, quote, source or dispute in full, with its links
    Show {
        /// The id of what to show
        id: String,
    },
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

/// Where the explorer opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartAt {
    Top,
    Event(EventIx),
    Actor(ActorIx),
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

/// `1 event`, `2 events`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
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
        }
    }
    say!("tlx: {message} (see `tlx --help`)");
    ExitCode::from(2)
}

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> ExitCode {
    let data_path = cli.data.as_deref();
    let result = match cli.command {
        None => {
            let opened = load(data_path).and_then(|loaded| {
                let start = start_at(&loaded, cli.event.as_deref(), cli.actor.as_deref())?;
                Ok((loaded, start))
            });
            return match opened {
                Ok((loaded, start)) => run_explorer(loaded, start),
                Err(failure) => failure.report(),
            };
        }
        Some(Command::Check { file }) => check::run(file.as_deref().or(data_path)),
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
        Command::Events {
            actor,
            tag,
            from,
            to,
            search,
            format,
        } => list::events(
            data,
            &list::EventFilter {
                actor: actor.as_deref(),
                tag: tag.as_deref(),
                from,
                to,
                search: search.as_deref(),
            },
            format,
        ),
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
    }
}

/// Opens the explorer. Until the terminal UI exists it only explains itself.
pub fn run_explorer(loaded: Loaded, start: StartAt) -> ExitCode {
    let _ = (loaded, start);
    if !std::io::stdout().is_terminal() {
        say!("tlx: the explorer needs a terminal; try `tlx events`");
        return ExitCode::from(2);
    }
    say!("tlx: the explorer is not built yet; try `tlx events`");
    ExitCode::from(2)
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
    let result = match path {
        Some(p) => crate::data::load_file(p),
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
fn start_at(loaded: &Loaded, event: Option<&str>, actor: Option<&str>) -> Result<StartAt, Failure> {
    let data = &loaded.data;
    if let Some(id) = event {
        return event_id(data, id).map(StartAt::Event);
    }
    if let Some(query) = actor {
        return best_actor(data, query).map(StartAt::Actor);
    }
    Ok(StartAt::Top)
}

/// The actor that best matches a non-empty query.
pub fn best_actor(data: &Indexed, query: &str) -> Result<ActorIx, Failure> {
    let query = non_empty(query)?;
    ActorSearch::new(data)
        .best(data, query)
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
    Quote,
    Source,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Any => "event, actor, quote, source or dispute",
            Kind::Event => "event",
            Kind::Actor => "actor",
            Kind::Quote => "quote",
            Kind::Source => "source",
        }
    }
}

/// Looks up an id of the given kind; unknown ids come with the closest known one.
pub fn lookup(data: &Indexed, id: &str, kind: Kind) -> Result<ItemRef, Failure> {
    if id.trim().is_empty() {
        return Err(Failure::Usage(format!("empty {} id", kind.noun())));
    }
    if let Some(item) = data.index.find(id) {
        let fits = matches!(
            (kind, item),
            (Kind::Any, _)
                | (Kind::Event, ItemRef::Event(_))
                | (Kind::Actor, ItemRef::Actor(_))
                | (Kind::Quote, ItemRef::Quote(_))
                | (Kind::Source, ItemRef::Source(_))
        );
        if fits {
            return Ok(item);
        }
        let is = match item {
            ItemRef::Event(_) => "an event",
            ItemRef::Actor(_) => "an actor",
            ItemRef::Quote(_) => "a quote",
            ItemRef::Source(_) => "a source",
            ItemRef::Dispute(_) => "a dispute",
        };
        let article = if matches!(kind, Kind::Event | Kind::Actor) {
            "an"
        } else {
            "a"
        };
        return Err(Failure::Usage(format!(
            "{} is {is}, not {article} {}",
            quoted(id),
            kind.noun()
        )));
    }
    let t = &data.timeline;
    let all = kind == Kind::Any;
    let ids = (all || kind == Kind::Event)
        .then(|| t.events.iter().map(|x| &*x.id))
        .into_iter()
        .flatten()
        .chain(
            (all || kind == Kind::Actor)
                .then(|| t.actors.iter().map(|x| &*x.id))
                .into_iter()
                .flatten(),
        )
        .chain(
            (all || kind == Kind::Quote)
                .then(|| t.quotes.iter().map(|x| &*x.id))
                .into_iter()
                .flatten(),
        )
        .chain(
            (all || kind == Kind::Source)
                .then(|| t.sources.iter().map(|x| &*x.id))
                .into_iter()
                .flatten(),
        )
        .chain(
            all.then(|| t.disputes.iter().map(|x| &*x.id))
                .into_iter()
                .flatten(),
        );
    let hint = match closest(id, ids) {
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

/// The quote with this id.
pub fn quote_id(data: &Indexed, id: &str) -> Result<QuoteIx, Failure> {
    match lookup(data, id, Kind::Quote)? {
        ItemRef::Quote(q) => Ok(q),
        _ => Err(Failure::Usage(format!("{} is not a quote", quoted(id)))),
    }
}

/// The source with this id.
pub fn source_id(data: &Indexed, id: &str) -> Result<SourceIx, Failure> {
    match lookup(data, id, Kind::Source)? {
        ItemRef::Source(s) => Ok(s),
        _ => Err(Failure::Usage(format!("{} is not a source", quoted(id)))),
    }
}
