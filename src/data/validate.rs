//! The format's rules, checked in one pass that also builds the model.
//!
//! Every problem is reported, each with its JSON path, and nothing is returned if
//! there is even one: a timeline is never shown half-loaded. Ids are resolved to
//! typed indices through one `IdMap` per list, built before the pass so
//! that references may point forwards.

use std::collections::HashMap;

use super::date::Date;
use super::diagnostic::{Diagnostic, quoted};
use super::idmap::IdMap;
use super::model::*;
use super::raw::*;
use super::suggest::closest;

/// The format version this build reads.
pub const FORMAT: &str = "tlx/1";

/// The longest id the format allows.
pub const MAX_ID_LEN: usize = 64;

/// How many id comparisons did-you-mean may cost one file. Each search compares
/// with every id of a list, and a hostile file may hold thousands of unknown
/// references to a list of thousands of ids: past the budget, no more hints.
const SUGGESTION_BUDGET: usize = 1_000_000;

/// Checks `raw` against every rule and converts it to the model, reporting every
/// problem in file order.
pub fn validate(raw: RawTimeline<'_>) -> Result<Timeline, Vec<Diagnostic>> {
    check(raw, false)
}

/// The same rules, with the long lists shared between two threads: for a file
/// expected to be valid. `None` means it has a problem, and the caller runs
/// `validate` on the file again to report each one in order (the two threads
/// find them out of order, and the budget of suggestions would differ).
pub fn validate_quickly(raw: RawTimeline<'_>) -> Option<Timeline> {
    check(raw, true).ok()
}

fn check(mut raw: RawTimeline<'_>, parallel: bool) -> Result<Timeline, Vec<Diagnostic>> {
    // Ids are taken out first so that the lookup tables can borrow them while the
    // rest of each object is moved into the model; they are put back at the end.
    let source_ids = take_ids(&mut raw.sources, |s| &mut s.id);
    let actor_ids = take_ids(&mut raw.actors, |a| &mut a.id);
    let event_ids = take_ids(&mut raw.events, |e| &mut e.id);
    let quote_ids = take_ids(&mut raw.quotes, |q| &mut q.id);
    let dispute_ids = take_ids(&mut raw.disputes, |d| &mut d.id);

    let tables = if parallel {
        std::thread::scope(|s| {
            let events = s.spawn(|| Ids::new("event", "events", &event_ids));
            let quotes = Ids::new("quote", "quotes", &quote_ids);
            Tables {
                sources: Ids::new("source", "sources", &source_ids),
                actors: Ids::new("actor", "actors", &actor_ids),
                events: events.join().expect("the id table thread does not panic"),
                quotes,
                disputes: Ids::new("dispute", "disputes", &dispute_ids),
            }
        })
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

    let sources = convert_all(raw.sources, 0, |i, s| c.source(i, s));
    let actors = convert_all(raw.actors, 0, |i, a| c.actor(i, a));
    let (events, quotes, disputes) = if parallel {
        // Each thread takes half of the events and of the quotes, the bulk of a
        // large file; the second also takes the disputes.
        let (events_a, events_b) = split(raw.events);
        let (quotes_a, quotes_b) = split(raw.quotes);
        let (events_b_at, quotes_b_at) = (len(&events_a), len(&quotes_a));
        let disputes = raw.disputes;
        let (a, b) = std::thread::scope(|s| {
            let b = s.spawn(|| {
                let mut c = Checker::new(&tables, suggestions);
                let events = convert_all(events_b, events_b_at, |i, e| c.event(i, e));
                let quotes = convert_all(quotes_b, quotes_b_at, |i, q| c.quote(i, q));
                let disputes = convert_all(disputes, 0, |i, d| c.dispute(i, d));
                (events, quotes, disputes, c.errors.is_empty())
            });
            let events = convert_all(events_a, 0, |i, e| c.event(i, e));
            let quotes = convert_all(quotes_a, 0, |i, q| c.quote(i, q));
            (
                (events, quotes),
                b.join().expect("the validating thread does not panic"),
            )
        });
        let ((mut events, mut quotes), (events_b, quotes_b, disputes, b_ok)) = (a, b);
        if !b_ok {
            // The problems themselves are for `validate` to report.
            c.error("", "a problem in the second half");
        }
        events.extend(events_b);
        quotes.extend(quotes_b);
        (events, quotes, disputes)
    } else {
        (
            convert_all(raw.events, 0, |i, e| c.event(i, e)),
            convert_all(raw.quotes, 0, |i, q| c.quote(i, q)),
            convert_all(raw.disputes, 0, |i, d| c.dispute(i, d)),
        )
    };

    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    // The lookup tables borrow the ids, which now move into the model.
    drop(c);
    drop(tables);
    Ok(Timeline {
        title: title.map(Box::from).unwrap_or_default(),
        description: description.map(Box::from),
        sources: put_ids(sources, source_ids, |s| &mut s.id),
        actors: put_ids(actors, actor_ids, |a| &mut a.id),
        events: put_ids(events, event_ids, |e| &mut e.id),
        quotes: put_ids(quotes, quote_ids, |q| &mut q.id),
        disputes: put_ids(disputes, dispute_ids, |d| &mut d.id),
    })
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

fn take_ids<'a, T>(
    list: &mut Option<Chunked<T>>,
    id: impl Fn(&mut T) -> &mut Option<Str<'a>>,
) -> Vec<Option<Str<'a>>> {
    list.iter_mut().flatten().map(|x| id(x).take()).collect()
}

fn put_ids<T>(
    mut list: Vec<T>,
    ids: Vec<Option<Str<'_>>>,
    id: impl Fn(&mut T) -> &mut Box<str>,
) -> Vec<T> {
    for (x, i) in list.iter_mut().zip(ids) {
        *id(x) = i.map(Box::from).unwrap_or_default();
    }
    list
}

/// Converts each item (numbered from `first`), freeing the raw list chunk by
/// chunk; once one item fails the rest are still checked but not kept.
fn convert_all<R, T>(
    list: Option<Chunked<R>>,
    first: usize,
    mut convert: impl FnMut(usize, R) -> Option<T>,
) -> Vec<T> {
    let Some(list) = list else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(list.len());
    let mut failed = false;
    let mut i = first;
    for chunk in list.into_chunks() {
        for raw in chunk {
            match convert(i, raw) {
                Some(x) if !failed => out.push(x),
                Some(_) => {}
                None => {
                    failed = true;
                    out = Vec::new();
                }
            }
            i += 1;
        }
    }
    out
}

/// An optional string: absent, null, empty and blank all mean "not given".
fn optional(text: Option<Str<'_>>) -> Option<Str<'_>> {
    text.filter(|t| !t.trim().is_empty())
}

/// An optional string the model keeps: copied out of the file here, once.
fn kept(text: Option<Str<'_>>) -> Option<Box<str>> {
    optional(text).map(Box::from)
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
    ids: &'a [Option<Str<'a>>],
    /// Each id to the first item that has it.
    first: IdMap<u32>,
    /// Items whose id an earlier item already has, to the first one (rare).
    duplicates: HashMap<u32, u32>,
}

impl<'a> Ids<'a> {
    fn new(kind: &'static str, list: &'static str, ids: &'a [Option<Str<'a>>]) -> Self {
        let mut first = IdMap::with_capacity(ids.len());
        let mut duplicates = HashMap::new();
        let key = |j: u32| ids[j as usize].as_deref().unwrap_or_default();
        for (i, id) in ids.iter().enumerate() {
            if let Some(id) = id
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
            .get(id, |j| ids[j as usize].as_deref().unwrap_or_default())
    }

    fn suggestion(&self, wanted: &str) -> Option<&'a str> {
        closest(wanted, self.ids.iter().flatten().map(|id| &**id))
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
        }
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
        text: Option<Str<'s>>,
        path: impl FnOnce() -> String,
    ) -> Option<Str<'s>> {
        match text {
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
        let problem = match ids.ids[i].as_deref() {
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

    fn date(&mut self, text: Option<Str<'_>>, path: impl FnOnce() -> String) -> Option<Date> {
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
    fn strings(
        &mut self,
        list: Option<Vec<Str<'_>>>,
        path: impl Fn(usize) -> String,
    ) -> Vec<Box<str>> {
        let list = list.unwrap_or_default();
        for (j, text) in list.iter().enumerate() {
            if text.trim().is_empty() {
                self.error(path(j), "must not be empty");
            }
        }
        list.into_iter().map(Box::from).collect()
    }

    fn source(&mut self, i: usize, s: RawSource<'_>) -> Option<Source> {
        let before = self.errors.len();
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
        (self.errors.len() == before).then(|| Source {
            id: Box::default(),
            title: title.map(Box::from).unwrap_or_default(),
            publisher: publisher.map(Box::from).unwrap_or_default(),
            authors,
            published,
            url: kept(s.url),
            kind,
        })
    }

    fn actor(&mut self, i: usize, a: RawActor<'_>) -> Option<Actor> {
        let before = self.errors.len();
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
        // Sized exactly: a million events must not each keep spare slots.
        let mut relations = Vec::with_capacity(raw_relations.len());
        for (j, r) in raw_relations.into_iter().enumerate() {
            if let Some(r) = self.relation(i, j, r) {
                relations.push(r);
            }
        }
        (self.errors.len() == before).then(|| Actor {
            id: Box::default(),
            name: name.map(Box::from).unwrap_or_default(),
            kind: kind.unwrap_or(ActorKind::Other),
            aliases,
            description: kept(a.description),
            relations,
        })
    }

    fn relation(&mut self, i: usize, j: usize, r: RawRelation<'_>) -> Option<Relation> {
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
        Some(Relation {
            kind: kind?,
            actor: ActorIx(actor?),
            from,
            to,
            quotes: quotes?.into_iter().map(QuoteIx).collect(),
        })
    }

    fn event(&mut self, i: usize, e: RawEvent<'_>) -> Option<Event> {
        let before = self.errors.len();
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
        // Sized exactly: a million events must not each keep spare slots.
        let mut actors = Vec::with_capacity(participants.len());
        for (j, p) in participants.into_iter().enumerate() {
            let path = || format!("events[{i}].actors[{j}].id");
            let actor = self
                .required(p.id, path)
                .and_then(|id| self.reference(List::Actors, &id, path));
            if let Some(actor) = actor {
                actors.push(Participant {
                    actor: ActorIx(actor),
                    role: kept(p.role),
                });
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
        if self.errors.len() != before {
            return None;
        }
        Some(Event {
            id: Box::default(),
            date: date?,
            end,
            title: title?.into(),
            summary: kept(e.summary),
            place: kept(e.place),
            tags,
            actors,
            quotes: quotes?.into_iter().map(QuoteIx).collect(),
            certainty,
            note: kept(e.note),
        })
    }

    fn quote(&mut self, i: usize, q: RawQuote<'_>) -> Option<Quote> {
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
                None => return None,
            },
            None => None,
        };
        if self.errors.len() != before {
            return None;
        }
        Some(Quote {
            id: Box::default(),
            source: SourceIx(source?),
            text: text?.into(),
            speaker,
            note: kept(q.note),
        })
    }

    fn dispute(&mut self, i: usize, d: RawDispute<'_>) -> Option<Dispute> {
        let before = self.errors.len();
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
                claims.push(Claim {
                    claim: claim.into(),
                    quotes: quotes.into_iter().map(QuoteIx).collect(),
                });
            }
        }
        if self.errors.len() != before {
            return None;
        }
        Some(Dispute {
            id: Box::default(),
            question: question?.into(),
            event,
            claims,
        })
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
