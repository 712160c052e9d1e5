//! The format's rules, checked in one pass that also builds the model.
//!
//! Every problem is reported, each with its JSON path, and nothing is returned if
//! there is even one: a timeline is never shown half-loaded. Ids are resolved to
//! typed indices through one `IdMap` per list, built before the pass so
//! that references may point forwards.

use std::collections::HashMap;

use super::idlist::IdList;
use super::idmap::IdMap;
use super::progress::LoadProgress;
use super::raw::*;
use crate::data::date::Date;
use crate::data::diagnostic::{Diagnostic, quoted};
use crate::data::model::*;
use crate::data::parallel;
use crate::data::suggest::closest;

/// The format version this build reads.
pub const FORMAT: &str = "tlx/1";

/// The longest id the format allows.
pub const MAX_ID_LEN: usize = 64;

/// How many id comparisons did-you-mean may cost one file. Each search compares
/// with every id of a list, and a hostile file may hold thousands of unknown
/// references to a list of thousands of ids: past the budget, no more hints.
const SUGGESTION_BUDGET: usize = 1_000_000;

/// Checks `raw` against every rule and converts it to the model, reporting every
/// problem in file order; `progress` learns of each id put in its table and
/// each item checked. The timeline comes back unfinished: its parts are put
/// together by `TimelineBuilder::finish` (or `finish_apart`).
pub fn validate(
    raw: RawTimeline<'_>,
    progress: &LoadProgress,
) -> Result<TimelineBuilder, Vec<Diagnostic>> {
    check(raw, "", false, progress)
}

/// The same rules, with the long lists shared between the cores: for a file
/// expected to be valid. `None` means it has a problem, and the caller runs
/// `validate` on the file again to report each one in order (the threads find
/// them out of order, and the budget of suggestions would differ).
///
/// `text` is the file's text the raw shapes borrow from: the ids are kept as
/// places in it while validating. The timeline comes back unfinished,
/// borrowing nothing from the file, so the loader can free the file's text
/// before putting the parts together.
pub fn validate_quickly<'a>(
    raw: RawTimeline<'a>,
    text: &'a str,
    progress: &LoadProgress,
) -> Option<TimelineBuilder> {
    check(raw, text, true, progress).ok()
}

fn check<'a>(
    mut raw: RawTimeline<'a>,
    text: &'a str,
    parallel: bool,
    progress: &LoadProgress,
) -> Result<TimelineBuilder, Vec<Diagnostic>> {
    let items = [
        (len(&raw.sources), SOURCE_COST),
        (len(&raw.actors), ACTOR_COST),
        (len(&raw.events), EVENT_COST),
        (len(&raw.quotes), QUOTE_COST),
        (len(&raw.disputes), DISPUTE_COST),
    ];
    // Each item's id goes into a table (one unit), then the item is checked.
    let units = items.iter().map(|&(n, cost)| n as u64 * (1 + cost)).sum();
    progress.start_checking(units);
    // An id table built: its ids are done.
    let tabled = |ids| progress_tabled(progress, ids);
    // Ids are taken out first so that the lookup tables can borrow them while the
    // rest of each object is moved into the model; they are put back at the end.
    // Every event, quote and relation refers to sources, actors and quotes, so
    // their ids are packed together; events and disputes are rarely referred to.
    let source_ids = IdList::take_together(&mut raw.sources, |s| &mut s.id);
    let actor_ids = IdList::take_together(&mut raw.actors, |a| &mut a.id);
    let event_ids = IdList::take(text, &mut raw.events, |e| &mut e.id);
    let quote_ids = IdList::take_together(&mut raw.quotes, |q| &mut q.id);
    let dispute_ids = IdList::take(text, &mut raw.disputes, |d| &mut d.id);

    let tables = if parallel {
        let (events, (quotes, sources, actors, disputes)) = parallel::join(
            || tabled(Ids::new("event", "events", &event_ids)),
            || {
                (
                    tabled(Ids::new("quote", "quotes", &quote_ids)),
                    tabled(Ids::new("source", "sources", &source_ids)),
                    tabled(Ids::new("actor", "actors", &actor_ids)),
                    tabled(Ids::new("dispute", "disputes", &dispute_ids)),
                )
            },
        );
        Tables {
            sources,
            actors,
            events,
            quotes,
            disputes,
        }
    } else {
        Tables {
            sources: Ids::new("source", "sources", &source_ids),
            actors: Ids::new("actor", "actors", &actor_ids),
            events: Ids::new("event", "events", &event_ids),
            quotes: Ids::new("quote", "quotes", &quote_ids),
            disputes: Ids::new("dispute", "disputes", &dispute_ids),
        }
    };
    // The quick pass only learns whether there is a problem; its messages are
    // discarded and `validate` runs again, so it spends nothing on hints.
    let suggestions = if parallel { 0 } else { SUGGESTION_BUDGET };
    let mut c = Checker::new(&tables, suggestions);

    match raw.format.as_deref() {
        None => c.error(
            "format",
            format!("required field is missing: write \"format\": \"{FORMAT}\""),
        ),
        Some(FORMAT) => {}
        Some(other) => c.error(
            "format",
            format!(
                "{} is not a format this version of tlx reads: it reads {}",
                quoted(other),
                quoted(FORMAT)
            ),
        ),
    }
    let title = c.required(raw.title, || "title".into());
    let description = optional(raw.description);
    if raw.events.is_none() {
        c.error("events", "required field is missing");
    }

    if let Some(title) = &title {
        c.out.title(title);
    }
    c.out.description(description.as_deref());
    convert_all(progress, SOURCE_COST, raw.sources, 0, |i, s| c.source(i, s));
    convert_all(progress, ACTOR_COST, raw.actors, 0, |i, a| c.actor(i, a));
    if parallel {
        // Each thread takes half of the events and of the quotes, the bulk of a
        // large file, into a builder of its own; the second also takes the
        // disputes. Its part is then appended to the first's.
        let (events_a, events_b) = split(raw.events);
        let (quotes_a, quotes_b) = split(raw.quotes);
        let (events_b_at, quotes_b_at) = (len(&events_a), len(&quotes_a));
        let disputes = raw.disputes;
        let ((), b) = parallel::join(
            || {
                convert_all(progress, EVENT_COST, events_a, 0, |i, e| c.event(i, e));
                convert_all(progress, QUOTE_COST, quotes_a, 0, |i, q| c.quote(i, q));
            },
            || {
                let mut c = Checker::new(&tables, suggestions);
                convert_all(progress, EVENT_COST, events_b, events_b_at, |i, e| {
                    c.event(i, e)
                });
                convert_all(progress, QUOTE_COST, quotes_b, quotes_b_at, |i, q| {
                    c.quote(i, q)
                });
                convert_all(progress, DISPUTE_COST, disputes, 0, |i, d| c.dispute(i, d));
                c
            },
        );
        if !b.errors.is_empty() {
            // The problems themselves are for `validate` to report.
            c.error("", "a problem in the second half");
        } else if c.errors.is_empty() {
            c.out.append(b.out);
        }
    } else {
        convert_all(progress, EVENT_COST, raw.events, 0, |i, e| c.event(i, e));
        convert_all(progress, QUOTE_COST, raw.quotes, 0, |i, q| c.quote(i, q));
        convert_all(progress, DISPUTE_COST, raw.disputes, 0, |i, d| {
            c.dispute(i, d)
        });
    }

    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    Ok(c.out)
}

/// What checking an item costs, in the time it takes to put an id in its table,
/// for `progress` to move at about the same speed all through checking: roughly
/// as measured on the 1M-event file (`examples/load-progress.rs`), where the
/// id tables take ~0.15 s, the events ~1 s and the quotes ~0.1 s. Sources,
/// actors and disputes are few in any file; their guess matters little.
const EVENT_COST: u64 = 8;
const QUOTE_COST: u64 = 1;
const SOURCE_COST: u64 = 2;
const ACTOR_COST: u64 = 2;
const DISPUTE_COST: u64 = 2;

/// `ids`, once `progress` has learnt that its ids are in their table.
fn progress_tabled<'i>(progress: &LoadProgress, ids: Ids<'i>) -> Ids<'i> {
    progress.add_checked(ids.ids.len() as u64);
    ids
}

fn len<T>(list: &Option<Chunked<T>>) -> usize {
    list.as_ref().map_or(0, Chunked::len)
}

/// A list in two halves, at a chunk boundary.
fn split<T>(list: Option<Chunked<T>>) -> (Option<Chunked<T>>, Option<Chunked<T>>) {
    match list {
        None => (None, None),
        Some(list) => {
            let mut first = list.into_chunks();
            let second = first.split_off(first.len() / 2);
            (
                Some(Chunked::from_chunks(first)),
                Some(Chunked::from_chunks(second)),
            )
        }
    }
}

/// Checks each item (numbered from `first`), freeing the raw list chunk by
/// chunk; the checker writes what it keeps into its builder as it goes, and
/// `progress` learns of each chunk checked, at `cost` units an item.
fn convert_all<R>(
    progress: &LoadProgress,
    cost: u64,
    list: Option<Chunked<R>>,
    first: usize,
    mut convert: impl FnMut(usize, R),
) {
    let Some(list) = list else {
        return;
    };
    let mut i = first;
    for chunk in list.into_chunks() {
        let n = chunk.len();
        for raw in chunk {
            convert(i, raw);
            i += 1;
        }
        progress.add_checked(n as u64 * cost);
    }
}

/// An optional string: absent, null, empty and blank all mean "not given".
fn optional<'s>(text: impl Into<Option<Str<'s>>>) -> Option<Str<'s>> {
    text.into().filter(|t| !t.trim().is_empty())
}

/// The id rule of the format: lowercase ASCII letters, digits and `-`, starting with
/// a letter or digit, at most 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_ID_LEN
        && b[0] != b'-'
        && b.iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
}

/// The ids of one list and where each first appears.
struct Ids<'a> {
    /// `actor`, for messages.
    kind: &'static str,
    /// `actors`, for paths.
    list: &'static str,
    ids: &'a IdList<'a>,
    /// Each id to the first item that has it.
    first: IdMap<u32>,
    /// Items whose id an earlier item already has, to the first one (rare).
    duplicates: HashMap<u32, u32>,
}

impl<'a> Ids<'a> {
    fn new(kind: &'static str, list: &'static str, ids: &'a IdList<'a>) -> Self {
        let mut first = IdMap::with_capacity(ids.len());
        let mut duplicates = HashMap::new();
        let key = |j: u32| ids.get(j as usize).unwrap_or_default();
        for i in 0..ids.len() {
            if let Some(id) = ids.get(i)
                && let Some(earlier) = first.insert(id, i as u32, key)
            {
                duplicates.insert(i as u32, earlier);
            }
        }
        Ids {
            kind,
            list,
            ids,
            first,
            duplicates,
        }
    }

    /// The position of the first item with this id.
    fn get(&self, id: &str) -> Option<u32> {
        let ids = self.ids;
        self.first
            .get(id, |j| ids.get(j as usize).unwrap_or_default())
    }

    fn suggestion(&self, wanted: &str) -> Option<&'a str> {
        closest(wanted, self.ids.iter())
    }
}

/// The ids of every list.
struct Tables<'a> {
    sources: Ids<'a>,
    actors: Ids<'a>,
    events: Ids<'a>,
    quotes: Ids<'a>,
    disputes: Ids<'a>,
}

struct Checker<'t, 'a> {
    errors: Vec<Diagnostic>,
    suggestions_left: usize,
    tables: &'t Tables<'a>,
    /// What passed, written only while no problem has been found: a timeline
    /// with one is never returned.
    out: TimelineBuilder,
}

/// Which list a reference points into.
#[derive(Clone, Copy)]
enum List {
    Sources,
    Actors,
    Events,
    Quotes,
    Disputes,
}

impl<'t, 'a> Checker<'t, 'a> {
    fn new(tables: &'t Tables<'a>, suggestions: usize) -> Self {
        Checker {
            errors: Vec::new(),
            suggestions_left: suggestions,
            tables,
            out: TimelineBuilder::new(),
        }
    }

    /// Whether what was just checked may be written: nothing failed so far.
    fn keeps(&self) -> bool {
        self.errors.is_empty()
    }

    /// The id of item `i` of `list`, as the file writes it.
    fn id_of(&self, list: List, i: usize) -> &'a str {
        self.ids(list).ids.get(i).unwrap_or_default()
    }

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Diagnostic::new(path, message));
    }

    fn ids(&self, list: List) -> &'t Ids<'a> {
        let t = self.tables;
        match list {
            List::Sources => &t.sources,
            List::Actors => &t.actors,
            List::Events => &t.events,
            List::Quotes => &t.quotes,
            List::Disputes => &t.disputes,
        }
    }

    /// A required string: present and not blank.
    fn required<'s>(
        &mut self,
        text: impl Into<Option<Str<'s>>>,
        path: impl FnOnce() -> String,
    ) -> Option<Str<'s>> {
        match text.into() {
            None => {
                self.error(path(), "required field is missing");
                None
            }
            Some(t) if t.trim().is_empty() => {
                self.error(path(), "must not be empty");
                None
            }
            Some(t) => Some(t),
        }
    }

    /// Checks the id of item `i` of `list`: present, well formed, not a duplicate.
    fn own_id(&mut self, list: List, i: usize) {
        let ids = self.ids(list);
        let at = || format!("{}[{i}].id", ids.list);
        let problem = match ids.ids.get(i) {
            None => Some("required field is missing".to_string()),
            Some(id) if id.trim().is_empty() => Some("must not be empty".to_string()),
            Some(id) if !is_valid_id(id) => Some(format!(
                "{} is not a valid id: use lowercase ASCII letters, digits and \"-\", \
                 starting with a letter or digit, at most {MAX_ID_LEN} characters",
                quoted(id)
            )),
            Some(id) => match ids.duplicates.get(&(i as u32)) {
                Some(&first) => Some(format!(
                    "duplicate id {}: {}[{first}] already has it",
                    quoted(id),
                    ids.list
                )),
                _ => None,
            },
        };
        if let Some(message) = problem {
            let path = at();
            self.error(path, message);
        }
    }

    /// Resolves a reference to an item of `list`, or reports it as unknown with the
    /// closest known id.
    fn reference(&mut self, list: List, id: &str, path: impl FnOnce() -> String) -> Option<u32> {
        let ids = self.ids(list);
        if let Some(ix) = ids.get(id) {
            return Some(ix);
        }
        let kind = ids.kind;
        let message = if id.trim().is_empty() {
            format!("empty {kind} id")
        } else {
            let cost = self.ids(list).ids.len();
            let hint = if self.suggestions_left >= cost {
                self.suggestions_left -= cost;
                self.ids(list).suggestion(id)
            } else {
                None
            };
            match hint {
                Some(near) => format!(
                    "unknown {kind} {} (did you mean {}?)",
                    quoted(id),
                    quoted(near)
                ),
                None => format!("unknown {kind} {}", quoted(id)),
            }
        };
        self.error(path(), message);
        None
    }

    /// A list of references; `None` if any is unknown.
    fn references(
        &mut self,
        list: List,
        ids: Option<Vec<Str<'_>>>,
        path: impl Fn(usize) -> String,
    ) -> Option<Vec<u32>> {
        let ids = ids.unwrap_or_default();
        let mut out = Vec::with_capacity(ids.len());
        let mut ok = true;
        for (j, id) in ids.iter().enumerate() {
            match self.reference(list, id, || path(j)) {
                Some(ix) => out.push(ix),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn date<'s>(
        &mut self,
        text: impl Into<Option<Str<'s>>>,
        path: impl FnOnce() -> String,
    ) -> Option<Date> {
        let text = optional(text)?;
        match Date::parse(&text) {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(path(), e.0);
                None
            }
        }
    }

    /// Checks that `later` does not end before `earlier` begins.
    fn not_before(
        &mut self,
        earlier: (&str, Option<Date>),
        later: (&str, Option<Date>),
        path: impl FnOnce() -> String,
    ) {
        if let (Some(a), Some(b)) = (earlier.1, later.1)
            && b.last_day() < a.first_day()
        {
            self.error(
                path(),
                format!(
                    "{} is before {} {}",
                    quoted(&b.to_string()),
                    earlier.0,
                    quoted(&a.to_string())
                ),
            );
        }
    }

    fn choice<T>(
        &mut self,
        text: Option<Str<'_>>,
        what: &str,
        parse: fn(&str) -> Option<T>,
        choices: fn() -> String,
        path: impl FnOnce() -> String,
    ) -> Option<T> {
        let text = text?;
        let parsed = parse(&text);
        if parsed.is_none() {
            self.error(
                path(),
                format!("unknown {what} {}: use one of {}", quoted(&text), choices()),
            );
        }
        parsed
    }

    /// A list of non-empty strings (aliases, tags, authors).
    fn strings<'s>(
        &mut self,
        list: Option<Vec<Str<'s>>>,
        path: impl Fn(usize) -> String,
    ) -> Vec<Str<'s>> {
        let list = list.unwrap_or_default();
        for (j, text) in list.iter().enumerate() {
            if text.trim().is_empty() {
                self.error(path(j), "must not be empty");
            }
        }
        list
    }

    fn source(&mut self, i: usize, s: RawSource<'_>) {
        self.own_id(List::Sources, i);
        let at = |field: &str| format!("sources[{i}].{field}");
        let title = self.required(s.title, || at("title"));
        let publisher = self.required(s.publisher, || at("publisher"));
        let authors = self.strings(s.authors, |j| format!("sources[{i}].authors[{j}]"));
        let published = self.date(s.published, || at("published"));
        let kind = self.choice(
            optional(s.kind),
            "source kind",
            SourceKind::parse,
            SourceKind::choices,
            || at("kind"),
        );
        let (Some(title), Some(publisher)) = (title, publisher) else {
            return;
        };
        if !self.keeps() {
            return;
        }
        let url = optional(s.url);
        let id = self.id_of(List::Sources, i);
        self.out.source(
            NewSource {
                id,
                title: &title,
                publisher: &publisher,
                published,
                url: url.as_deref(),
                kind,
            },
            authors.iter().map(|a| &**a),
        );
    }

    fn actor(&mut self, i: usize, a: RawActor<'_>) {
        self.own_id(List::Actors, i);
        let at = |field: &str| format!("actors[{i}].{field}");
        let name = self.required(a.name, || at("name"));
        let kind_text = self.required(a.kind, || at("kind"));
        let kind = self.choice(
            kind_text,
            "actor kind",
            ActorKind::parse,
            ActorKind::choices,
            || at("kind"),
        );
        let aliases = self.strings(a.aliases, |j| format!("actors[{i}].aliases[{j}]"));
        let raw_relations = a.relations.unwrap_or_default();
        let mut relations = Vec::with_capacity(raw_relations.len());
        for (j, r) in raw_relations.into_iter().enumerate() {
            if let Some(r) = self.relation(i, j, r) {
                relations.push(r);
            }
        }
        let Some(name) = name else {
            return;
        };
        if !self.keeps() {
            return;
        }
        let description = optional(a.description);
        let id = self.id_of(List::Actors, i);
        self.out.actor(
            NewActor {
                id,
                name: &name,
                kind: kind.unwrap_or(ActorKind::Other),
                description: description.as_deref(),
            },
            aliases.iter().map(|a| &**a),
            relations
                .iter()
                .map(|(r, quotes)| NewRelation { quotes, ..*r }),
        );
    }

    /// A relation and its quotes (given beside it, since `NewRelation` borrows them).
    fn relation(
        &mut self,
        i: usize,
        j: usize,
        r: RawRelation<'_>,
    ) -> Option<(NewRelation<'static>, Vec<QuoteIx>)> {
        let before = self.errors.len();
        let at = |field: &str| format!("actors[{i}].relations[{j}].{field}");
        let kind_text = self.required(r.kind, || at("type"));
        let kind = self.choice(
            kind_text,
            "relation type",
            RelationKind::parse,
            RelationKind::choices,
            || at("type"),
        );
        let actor = self
            .required(r.actor, || at("actor"))
            .and_then(|id| self.reference(List::Actors, &id, || at("actor")));
        let from = self.date(r.from, || at("from"));
        let to = self.date(r.to, || at("to"));
        self.not_before(("from", from), ("to", to), || at("to"));
        let quotes = self.references(List::Quotes, r.quotes, |k| {
            format!("actors[{i}].relations[{j}].quotes[{k}]")
        });
        if self.errors.len() != before {
            return None;
        }
        let relation = NewRelation {
            kind: kind?,
            actor: ActorIx(actor?),
            from,
            to,
            quotes: &[],
        };
        Some((relation, quotes?.into_iter().map(QuoteIx).collect()))
    }

    fn event(&mut self, i: usize, e: RawEvent<'_>) {
        self.own_id(List::Events, i);
        let at = |field: &str| format!("events[{i}].{field}");
        let date = self
            .required(e.date, || at("date"))
            .and_then(|text| self.date(Some(text), || at("date")));
        let end = self.date(e.end, || at("end"));
        self.not_before(("date", date), ("end", end), || at("end"));
        let title = self.required(e.title, || at("title"));
        let tags = self.strings(e.tags, |j| format!("events[{i}].tags[{j}]"));
        let participants = e.actors.unwrap_or_default();
        let mut actors = Vec::with_capacity(participants.len());
        for (j, p) in participants.into_iter().enumerate() {
            let path = || format!("events[{i}].actors[{j}].id");
            let actor = self
                .required(p.id, path)
                .and_then(|id| self.reference(List::Actors, &id, path));
            if let Some(actor) = actor {
                actors.push((ActorIx(actor), optional(p.role)));
            }
        }
        let quotes = self.references(List::Quotes, e.quotes, |j| {
            format!("events[{i}].quotes[{j}]")
        });
        let certainty = self.choice(
            optional(e.certainty),
            "certainty",
            Certainty::parse,
            Certainty::choices,
            || at("certainty"),
        );
        let (Some(date), Some(title), Some(quotes)) = (date, title, quotes) else {
            return;
        };
        if !self.keeps() {
            return;
        }
        let (summary, place, note) = (optional(e.summary), optional(e.place), optional(e.note));
        let id = self.id_of(List::Events, i);
        self.out.event(
            NewEvent {
                id,
                date,
                end,
                title: &title,
                summary: summary.as_deref(),
                place: place.as_deref(),
                certainty,
                note: note.as_deref(),
            },
            tags.iter().map(|t| &**t),
            actors.iter().map(|(a, role)| (*a, role.as_deref())),
            quotes.into_iter().map(QuoteIx),
        );
    }

    fn quote(&mut self, i: usize, q: RawQuote<'_>) {
        let before = self.errors.len();
        self.own_id(List::Quotes, i);
        let at = |field: &str| format!("quotes[{i}].{field}");
        let source = self
            .required(q.source, || at("source"))
            .and_then(|id| self.reference(List::Sources, &id, || at("source")));
        let text = self.required(q.text, || at("text"));
        let speaker = match optional(q.speaker) {
            Some(id) => match self.reference(List::Actors, &id, || at("speaker")) {
                Some(ix) => Some(ActorIx(ix)),
                None => return,
            },
            None => None,
        };
        let (Some(source), Some(text)) = (source, text) else {
            return;
        };
        if self.errors.len() != before || !self.keeps() {
            return;
        }
        let note = optional(q.note);
        let id = self.id_of(List::Quotes, i);
        self.out.quote(NewQuote {
            id,
            source: SourceIx(source),
            text: &text,
            speaker,
            note: note.as_deref(),
        });
    }

    fn dispute(&mut self, i: usize, d: RawDispute<'_>) {
        self.own_id(List::Disputes, i);
        let at = |field: &str| format!("disputes[{i}].{field}");
        let question = self.required(d.question, || at("question"));
        let event = match optional(d.event) {
            Some(id) => self
                .reference(List::Events, &id, || at("event"))
                .map(EventIx),
            None => None,
        };
        let raw_claims = d.claims.unwrap_or_default();
        if raw_claims.is_empty() {
            self.error(at("claims"), "a dispute needs at least one claim");
        }
        let mut claims = Vec::with_capacity(raw_claims.len());
        for (j, claim) in raw_claims.into_iter().enumerate() {
            let path = |field: &str| format!("disputes[{i}].claims[{j}].{field}");
            let text = self.required(claim.claim, || path("claim"));
            let cited = claim.quotes.as_ref().is_some_and(|q| !q.is_empty());
            if !cited {
                self.error(path("quotes"), "a claim must cite at least one quote");
            }
            let quotes = self.references(List::Quotes, claim.quotes, |k| {
                format!("disputes[{i}].claims[{j}].quotes[{k}]")
            });
            if let (Some(claim), Some(quotes)) = (text, quotes) {
                claims.push((claim, quotes.into_iter().map(QuoteIx).collect::<Vec<_>>()));
            }
        }
        let Some(question) = question else {
            return;
        };
        if !self.keeps() {
            return;
        }
        let id = self.id_of(List::Disputes, i);
        self.out.dispute(
            NewDispute {
                id,
                question: &question,
                event,
            },
            claims.iter().map(|(c, q)| (&**c, q.as_slice())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rule() {
        for good in ["a", "kataib-hezbollah", "2021-11-07-drone-attack", "a-"] {
            assert!(is_valid_id(good), "{good}");
        }
        let long = "a".repeat(65);
        for bad in ["", "-a", "A", "a b", "a_b", "é", long.as_str()] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert!(is_valid_id(&"a".repeat(64)));
    }
}
