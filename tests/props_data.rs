//! Properties of the loader over random input.
//!
//! - A random valid timeline (random sizes, dates at every precision, references
//!   between every kind of object), written as JSON by serde from a generator-side
//!   struct, always loads without warnings, equals the model the generator
//!   expected (a round trip), and satisfies every invariant of
//!   `support/invariants.rs`.
//! - Random byte mutations of the embedded timeline never panic the loader; what
//!   still loads satisfies the invariants; what does not gives diagnostics that
//!   carry no control character to the terminal.
//!
//! Case counts are modest so that `cargo test` stays quick; fuzzing goes further
//! (see docs/robustness.md).

use tlx_testkit::invariants;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde::Serialize;

use tlx::data::EMBEDDED_JSON;
use tlx::data::date::days_in_month;
use tlx::data::{
    ActorIx, ActorKind, Certainty, Date, EventIx, LoadError, NewActor, NewDispute, NewEvent,
    NewQuote, NewRelation, NewSource, QuoteIx, RelationKind, SourceIx, SourceKind, Timeline,
    TimelineBuilder, load_bytes, load_str,
};
use tlx::testing::{self as parse, LongList};
use tlx::testing::{Seen, watch};

// ---- The generator's side: the JSON shapes, written by serde -----------------

#[derive(Clone, Debug, Serialize)]
struct GenTimeline {
    format: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<GenSource>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actors: Vec<GenActor>,
    events: Vec<GenEvent>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<GenQuote>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    disputes: Vec<GenDispute>,
}

#[derive(Clone, Debug, Serialize)]
struct GenSource {
    id: String,
    title: String,
    publisher: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
struct GenActor {
    id: String,
    name: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<GenRelation>,
}

#[derive(Clone, Debug, Serialize)]
struct GenRelation {
    #[serde(rename = "type")]
    kind: &'static str,
    actor: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
struct GenEvent {
    id: String,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actors: Vec<GenParticipant>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    certainty: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
struct GenParticipant {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
struct GenQuote {
    id: String,
    source: String,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
struct GenDispute {
    id: String,
    question: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    claims: Vec<GenClaim>,
}

#[derive(Clone, Debug, Serialize)]
struct GenClaim {
    claim: String,
    quotes: Vec<String>,
}

// ---- Strategies ----------------------------------------------------------------

/// Text that survives loading unchanged: no control characters but newline and
/// tab, not blank (blank optional text reads as absent). Any script, emoji, RTL.
fn text() -> impl Strategy<Value = String> {
    "[^\\p{Cc}]{1,12}|[^\\p{Cc}]{1,6}[\n\t][^\\p{Cc}]{1,6}"
        .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

/// A real date at a random precision.
fn date() -> impl Strategy<Value = Date> {
    (1000i32..=2100, 0u8..=12, any::<Index>()).prop_map(|(year, month, day)| {
        if month == 0 {
            return Date::year(year);
        }
        // One in three month-precision, else a real day of that month.
        let days = usize::from(days_in_month(year, month));
        let day = day.index(days + days / 2);
        if day >= days {
            Date::month(year, month)
        } else {
            Date::day(year, month, day as u8 + 1).unwrap()
        }
    })
}

/// A date and an optional end that does not end before it.
fn span() -> impl Strategy<Value = (Date, Option<Date>)> {
    (date(), proptest::option::of(date())).prop_map(|(a, b)| match b {
        Some(b) if b.last_day() < a.first_day() => (b, Some(a)),
        b => (a, b),
    })
}

fn references(count: usize, max: usize) -> impl Strategy<Value = Vec<usize>> {
    vec(any::<Index>(), if count == 0 { 0..1 } else { 0..max })
        .prop_map(move |ix| ix.into_iter().map(|i| i.index(count)).collect())
}

fn optional_reference(count: usize) -> impl Strategy<Value = Option<usize>> {
    proptest::option::of(any::<Index>())
        .prop_map(move |i| i.filter(|_| count > 0).map(|i| i.index(count)))
}

/// The sizes of the five lists; quotes need a source, claims need a quote.
fn sizes() -> impl Strategy<Value = (usize, usize, usize, usize, usize)> {
    (0..4usize, 0..8usize, 0..24usize, 0..10usize, 0..4usize).prop_map(
        |(sources, actors, events, quotes, disputes)| {
            let quotes = if sources == 0 { 0 } else { quotes };
            let disputes = if quotes == 0 { 0 } else { disputes };
            (sources, actors, events, quotes, disputes)
        },
    )
}

/// A generated timeline: both what is written and the model expected back.
#[derive(Clone, Debug)]
struct Case {
    json: GenTimeline,
    model: Timeline,
}

/// Ids are a random valid stem plus the position, so unique within a list; the
/// same stem may recur across lists, which the format allows.
fn ids(count: usize) -> impl Strategy<Value = Vec<String>> {
    "[a-z0-9][a-z0-9-]{0,12}"
        .prop_map(move |stem| (0..count).map(|i| format!("{stem}-{i}")).collect())
}

type GenEventParts = (
    (Date, Option<Date>),
    String,
    Option<String>,
    Option<String>,
    Vec<String>,
);

fn timeline() -> impl Strategy<Value = Case> {
    sizes().prop_flat_map(|(ns, na, ne, nq, nd)| {
        let source = (
            text(),
            text(),
            vec(text(), 0..3),
            proptest::option::of(date()),
            opt_text(),
            proptest::option::of(select(SourceKind::ALL)),
        );
        let relation = (
            select(RelationKind::ALL),
            any::<Index>(),
            proptest::option::of(span()),
            references(nq, 3),
        );
        let actor = (
            text(),
            select(ActorKind::ALL),
            vec(text(), 0..3),
            opt_text(),
            vec(relation, if na == 0 { 0..1 } else { 0..3 }),
        );
        let event_parts: BoxedStrategy<GenEventParts> =
            (span(), text(), opt_text(), opt_text(), vec(text(), 0..3)).boxed();
        let event = (
            event_parts,
            vec(
                (any::<Index>(), opt_text()),
                if na == 0 { 0..1 } else { 0..4 },
            ),
            references(nq, 4),
            proptest::option::of(select(Certainty::ALL)),
            opt_text(),
        );
        let quote = (any::<Index>(), text(), optional_reference(na), opt_text());
        let dispute = (
            text(),
            optional_reference(ne),
            vec((text(), references(nq, 3)), 1..3),
        );
        let lists = (
            vec(source, ns),
            vec(actor, na),
            vec(event, ne),
            vec(quote, nq),
            vec(dispute, nd),
        );
        let id_lists = (ids(ns), ids(na), ids(ne), ids(nq), ids(nd));
        (text(), opt_text(), lists, id_lists).prop_map(
            move |(title, description, (sources, actors, events, quotes, disputes), idl)| {
                build(
                    title,
                    description,
                    sources,
                    actors,
                    events,
                    quotes,
                    disputes,
                    idl,
                )
            },
        )
    })
}

type SourceParts = (
    String,
    String,
    Vec<String>,
    Option<Date>,
    Option<String>,
    Option<SourceKind>,
);
type RelationParts = (
    RelationKind,
    Index,
    Option<(Date, Option<Date>)>,
    Vec<usize>,
);
type ActorParts = (
    String,
    ActorKind,
    Vec<String>,
    Option<String>,
    Vec<RelationParts>,
);
type EventParts = (
    GenEventParts,
    Vec<(Index, Option<String>)>,
    Vec<usize>,
    Option<Certainty>,
    Option<String>,
);
type QuoteParts = (Index, String, Option<usize>, Option<String>);
type DisputeParts = (String, Option<usize>, Vec<(String, Vec<usize>)>);
type IdLists = (
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
);

fn strs(v: &[String]) -> impl Iterator<Item = &str> {
    v.iter().map(String::as_str)
}

/// Builds the JSON shapes and the expected model from the same parts.
#[allow(clippy::too_many_arguments)]
fn build(
    title: String,
    description: Option<String>,
    sources: Vec<SourceParts>,
    actors: Vec<ActorParts>,
    events: Vec<EventParts>,
    quotes: Vec<QuoteParts>,
    disputes: Vec<DisputeParts>,
    (source_ids, actor_ids, event_ids, quote_ids, dispute_ids): IdLists,
) -> Case {
    let na = actors.len();
    let nq_ids = |qs: &[usize]| qs.iter().map(|&q| quote_ids[q].clone()).collect::<Vec<_>>();
    let quote_ixs = |qs: &[usize]| qs.iter().map(|&q| QuoteIx(q as u32)).collect::<Vec<_>>();
    let date_text = |d: Option<Date>| d.map(|d| d.to_string());

    let mut json = GenTimeline {
        format: "tlx/1",
        title: title.clone(),
        description: description.clone(),
        sources: Vec::new(),
        actors: Vec::new(),
        events: Vec::new(),
        quotes: Vec::new(),
        disputes: Vec::new(),
    };
    let mut model = TimelineBuilder::new();
    model.title(&title);
    model.description(description.as_deref());

    for (i, (title, publisher, authors, published, url, kind)) in sources.into_iter().enumerate() {
        json.sources.push(GenSource {
            id: source_ids[i].clone(),
            title: title.clone(),
            publisher: publisher.clone(),
            authors: authors.clone(),
            published: date_text(published),
            url: url.clone(),
            kind: kind.map(SourceKind::as_str),
        });
        let source = NewSource {
            id: &source_ids[i],
            title: &title,
            publisher: &publisher,
            published,
            url: url.as_deref(),
            kind,
        };
        model.source(source, strs(&authors));
    }

    for (i, (name, kind, aliases, description, relations)) in actors.into_iter().enumerate() {
        let mut gen_relations = Vec::new();
        let mut relations_model = Vec::new();
        for (rkind, other, span, quotes) in relations {
            let other = other.index(na);
            let (from, to) = match span {
                Some((from, to)) => (Some(from), to),
                None => (None, None),
            };
            gen_relations.push(GenRelation {
                kind: rkind.as_str(),
                actor: actor_ids[other].clone(),
                from: date_text(from),
                to: date_text(to),
                quotes: nq_ids(&quotes),
            });
            relations_model.push((rkind, ActorIx(other as u32), from, to, quote_ixs(&quotes)));
        }
        json.actors.push(GenActor {
            id: actor_ids[i].clone(),
            name: name.clone(),
            kind: kind.as_str(),
            aliases: aliases.clone(),
            description: description.clone(),
            relations: gen_relations,
        });
        let actor = NewActor {
            id: &actor_ids[i],
            name: &name,
            kind,
            description: description.as_deref(),
        };
        let relations = relations_model
            .iter()
            .map(|(kind, actor, from, to, quotes)| NewRelation {
                kind: *kind,
                actor: *actor,
                from: *from,
                to: *to,
                quotes,
            });
        model.actor(actor, strs(&aliases), relations);
    }

    for (i, (parts, participants, quotes, certainty, note)) in events.into_iter().enumerate() {
        let ((date, end), title, summary, place, tags) = parts;
        let participants: Vec<(usize, Option<String>)> = participants
            .into_iter()
            .map(|(a, role)| (a.index(na), role))
            .collect();
        json.events.push(GenEvent {
            id: event_ids[i].clone(),
            date: date.to_string(),
            end: date_text(end),
            title: title.clone(),
            summary: summary.clone(),
            place: place.clone(),
            tags: tags.clone(),
            actors: participants
                .iter()
                .map(|(a, role)| GenParticipant {
                    id: actor_ids[*a].clone(),
                    role: role.clone(),
                })
                .collect(),
            quotes: nq_ids(&quotes),
            certainty: certainty.map(Certainty::as_str),
            note: note.clone(),
        });
        let event = NewEvent {
            id: &event_ids[i],
            date,
            end,
            title: &title,
            summary: summary.as_deref(),
            place: place.as_deref(),
            certainty,
            note: note.as_deref(),
        };
        let actors = participants
            .iter()
            .map(|(a, role)| (ActorIx(*a as u32), role.as_deref()));
        model.event(event, strs(&tags), actors, quote_ixs(&quotes));
    }

    let ns = source_ids.len();
    for (i, (source, text, speaker, note)) in quotes.into_iter().enumerate() {
        let source = source.index(ns);
        json.quotes.push(GenQuote {
            id: quote_ids[i].clone(),
            source: source_ids[source].clone(),
            text: text.clone(),
            speaker: speaker.map(|a| actor_ids[a].clone()),
            note: note.clone(),
        });
        model.quote(NewQuote {
            id: &quote_ids[i],
            source: SourceIx(source as u32),
            text: &text,
            speaker: speaker.map(|a| ActorIx(a as u32)),
            note: note.as_deref(),
        });
    }

    for (i, (question, event, claims)) in disputes.into_iter().enumerate() {
        // A claim must cite at least one quote: give the empty ones the first.
        let claims: Vec<(String, Vec<usize>)> = claims
            .into_iter()
            .map(|(c, q)| (c, if q.is_empty() { vec![0] } else { q }))
            .collect();
        json.disputes.push(GenDispute {
            id: dispute_ids[i].clone(),
            question: question.clone(),
            event: event.map(|e| event_ids[e].clone()),
            claims: claims
                .iter()
                .map(|(c, q)| GenClaim {
                    claim: c.clone(),
                    quotes: nq_ids(q),
                })
                .collect(),
        });
        let dispute = NewDispute {
            id: &dispute_ids[i],
            question: &question,
            event: event.map(|e| EventIx(e as u32)),
        };
        let claims: Vec<(&str, Vec<QuoteIx>)> = claims
            .iter()
            .map(|(c, q)| (c.as_str(), quote_ixs(q)))
            .collect();
        model.dispute(dispute, claims.iter().map(|(c, q)| (*c, q.as_slice())));
    }
    let model = model.finish().expect("a small timeline");
    Case { json, model }
}

// ---- Mutations -------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Mutation {
    /// Sets the byte at a position.
    Set(Index, u8),
    /// Inserts a byte; JSON's structural bytes are likelier than chance.
    Insert(Index, u8),
    /// Deletes up to 64 bytes.
    Delete(Index, usize),
    /// Copies up to 256 bytes from one place to another.
    Splice(Index, Index, usize),
    /// Cuts the file short.
    Truncate(Index),
}

fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        any::<u8>(),
        select(b"{}[]\":,\\0-e \n".to_vec()),
        select(vec![0x1b, 0x7f, 0x00, 0xc2, 0x9b, 0xef, 0xbb, 0xbf, 0xff]),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), byte()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<Index>(), byte()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<Index>(), 1..64usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<Index>(), any::<Index>(), 1..256usize)
            .prop_map(|(from, to, n)| Mutation::Splice(from, to, n)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let len = bytes.len();
    match *m {
        Mutation::Set(ref i, b) => bytes[i.index(len)] = b,
        Mutation::Insert(ref i, b) => bytes.insert(i.index(len + 1), b),
        Mutation::Delete(ref i, n) => {
            let at = i.index(len);
            bytes.drain(at..(at + n).min(len));
        }
        Mutation::Splice(ref from, ref to, n) => {
            let from = from.index(len);
            let chunk = bytes[from..(from + n).min(len)].to_vec();
            let to = to.index(len + 1);
            bytes.splice(to..to, chunk);
        }
        Mutation::Truncate(ref i) => bytes.truncate(i.index(len)),
    }
}

// ---- Properties -------------------------------------------------------------------

/// 128 cases, or `PROPTEST_CASES` for a longer run.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(128);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_valid_timelines_load_index_and_round_trip(case in timeline()) {
        let text = serde_json::to_string_pretty(&case.json).unwrap();
        let loaded = match load_str(&text) {
            Ok(loaded) => loaded,
            Err(e) => panic!("refused:\n{e}\n\n{text}"),
        };
        prop_assert!(loaded.warnings.is_empty(), "warnings: {:?}", loaded.warnings);
        prop_assert_eq!(&loaded.data.timeline, &case.model);
        invariants::check(&loaded.data);
        // Compact JSON is the same timeline.
        let compact = serde_json::to_string(&case.json).unwrap();
        prop_assert_eq!(&load_str(&compact).unwrap().data.timeline, &case.model);
    }

    #[test]
    fn mutated_files_never_panic_the_loader(mutations in vec(mutation(), 1..8)) {
        let mut bytes = EMBEDDED_JSON.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        match load_bytes(&bytes) {
            Ok(loaded) => invariants::check(&loaded.data),
            Err(LoadError::Invalid(problems)) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    let shown = p.to_string();
                    prop_assert!(
                        !shown.chars().any(char::is_control),
                        "control character in {:?}", shown
                    );
                }
            }
            Err(other) => panic!("neither loaded nor invalid: {other}"),
        }
    }
}

/// The parse on two threads against serde_json alone: the raw timeline (lists
/// flat) and the flags, or `None` for both refusing.
fn parsed_alone(text: &str) -> Option<(String, Seen)> {
    let (raw, seen) = watch(|| parse::parse_alone(text));
    raw.ok().map(|raw| (format!("{raw:?}"), seen))
}

fn parsed_split<'a>(split: impl FnOnce() -> parse::Split<'a>) -> Option<(String, Seen)> {
    let (split, seen) = watch(split);
    split.raw.ok().map(|raw| (format!("{raw:?}"), seen))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_timelines_parse_split_as_serde_json(case in timeline(), near in any::<Index>()) {
        let text = serde_json::to_string_pretty(&case.json).unwrap();
        let near = near.index(text.len() + 1);
        let expected = parsed_alone(&text);
        prop_assert!(expected.is_some());
        prop_assert_eq!(parsed_split(|| parse::parse_split_near(&text, near, &tlx::data::LoadProgress::new())), expected);
    }

    #[test]
    fn mutated_files_parse_split_as_serde_json(
        mutations in vec(mutation(), 1..8),
        at in any::<Index>(),
        list in select(vec![LongList::Actors, LongList::Events, LongList::Quotes]),
    ) {
        let mut bytes = EMBEDDED_JSON.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(());
        };
        // Half the cases start the second thread at the `{` after a `},` (mostly
        // an element), half at any byte.
        let bytes = text.as_bytes();
        let at = at.index(bytes.len() + 1);
        let at = match bytes[..at].windows(2).rposition(|w| w == b"},") {
            Some(close) if at % 2 == 0 => bytes[close..]
                .iter()
                .position(|&b| b == b'{')
                .map_or(at, |o| close + o),
            _ => at,
        };
        prop_assert_eq!(parsed_split(|| parse::parse_split_at(&text, at, list, &tlx::data::LoadProgress::new())), parsed_alone(&text));
    }
}

#[test]
fn the_embedded_timeline_keeps_every_promise() {
    invariants::check(&tlx::data::embedded().unwrap().data);
}
