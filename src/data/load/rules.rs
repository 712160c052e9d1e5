//! The format's rules for each item (source, actor, event, quote, dispute):
//! `Checker` checks one item at a time against the id tables (`Ids`) and
//! converts it into the model, collecting every problem with its JSON path.

use std::collections::HashMap;

use super::idlist::IdList;
use super::idmap::IdMap;
use super::raw::*;
use crate::data::date::Date;
use crate::data::diagnostic::{Diagnostic, quoted};
use crate::data::model::*;
use crate::data::suggest::closest;

/// The longest id the format allows.
pub const MAX_ID_LEN: usize = 64;

/// An optional string: absent, null, empty and blank all mean "not given".
pub(super) fn optional<'s>(text: impl Into<Option<Str<'s>>>) -> Option<Str<'s>> {
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
pub(super) struct Ids<'a> {
    /// `actor`, for messages.
    kind: &'static str,
    /// `actors`, for paths.
    list: &'static str,
    pub(super) ids: &'a IdList<'a>,
    /// Each id to the first item that has it.
    first: IdMap<u32>,
    /// Items whose id an earlier item already has, to the first one (rare).
    duplicates: HashMap<u32, u32>,
}

impl<'a> Ids<'a> {
    pub(super) fn new(kind: &'static str, list: &'static str, ids: &'a IdList<'a>) -> Self {
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
pub(super) struct Tables<'a> {
    pub(super) sources: Ids<'a>,
    pub(super) actors: Ids<'a>,
    pub(super) events: Ids<'a>,
    pub(super) quotes: Ids<'a>,
    pub(super) disputes: Ids<'a>,
}

pub(super) struct Checker<'t, 'a> {
    pub(super) errors: Vec<Diagnostic>,
    suggestions_left: usize,
    tables: &'t Tables<'a>,
    /// What passed, written only while no problem has been found: a timeline
    /// with one is never returned.
    pub(super) out: TimelineBuilder,
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
    pub(super) fn new(tables: &'t Tables<'a>, suggestions: usize) -> Self {
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

    pub(super) fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
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
    pub(super) fn required<'s>(
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

    pub(super) fn source(&mut self, i: usize, s: RawSource<'_>) {
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

    pub(super) fn actor(&mut self, i: usize, a: RawActor<'_>) {
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

    pub(super) fn event(&mut self, i: usize, e: RawEvent<'_>) {
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

    pub(super) fn quote(&mut self, i: usize, q: RawQuote<'_>) {
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

    pub(super) fn dispute(&mut self, i: usize, d: RawDispute<'_>) {
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
