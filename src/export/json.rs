//! Our own format (`tlx/1`), written so that loading it gives back the same `Timeline`.
//!
//! Optional fields are left out when empty, in the order the format reference
//! lists them. A selection of events keeps every source, actor and quote (relations
//! and disputes cite them too) and the disputes that are about a selected event or
//! about none, so the result always validates.

use std::io::{self, Write};

use serde::Serialize;

use crate::data::{Date, EventIx, Indexed, QuoteIx, Timeline};

pub const FORMAT: &str = "tlx/1";

pub fn write(data: &Indexed, events: &[EventIx], out: &mut dyn Write) -> io::Result<()> {
    let file = FileOut::new(&data.timeline, events);
    serde_json::to_writer_pretty(&mut *out, &file)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<SourceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actors: Vec<ActorOut<'a>>,
    events: Vec<EventOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<QuoteOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    disputes: Vec<DisputeOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: &'a str,
    publisher: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelationOut<'a>>,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    actor: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<&'a str>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actors: Vec<ParticipantOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    quotes: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    certainty: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct ParticipantOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    id: &'a str,
    source: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct DisputeOut<'a> {
    id: &'a str,
    question: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    claim: &'a str,
    quotes: Vec<&'a str>,
}

impl<'a> EventOut<'a> {
    fn new(t: &'a Timeline, ix: EventIx) -> Self {
        let e = t.event(ix);
        EventOut {
            id: e.id(),
            date: e.date().to_string(),
            end: date(e.end()),
            title: e.title(),
            summary: e.summary(),
            place: e.place(),
            tags: e.tags().collect(),
            actors: e
                .actors()
                .map(|p| ParticipantOut {
                    id: t.actor(p.actor).id(),
                    role: p.role,
                })
                .collect(),
            quotes: quote_ids(t, e.quotes()),
            certainty: e.certainty().map(|c| c.as_str()),
            note: e.note(),
        }
    }
}

impl<'a> QuoteOut<'a> {
    fn new(t: &'a Timeline, ix: QuoteIx) -> Self {
        let q = t.quote(ix);
        QuoteOut {
            id: q.id(),
            source: t.source(q.source()).id(),
            text: q.text(),
            speaker: q.speaker().map(|a| t.actor(a).id()),
            note: q.note(),
        }
    }
}

/// One event in the format's own shape, for answers that list events (`tlx events`).
pub fn event_value(t: &Timeline, ix: EventIx) -> serde_json::Value {
    serde_json::to_value(EventOut::new(t, ix)).unwrap_or_default()
}

/// One quote in the format's own shape.
pub fn quote_value(t: &Timeline, ix: QuoteIx) -> serde_json::Value {
    serde_json::to_value(QuoteOut::new(t, ix)).unwrap_or_default()
}

fn quote_ids<'a>(t: &'a Timeline, qs: &[QuoteIx]) -> Vec<&'a str> {
    qs.iter().map(|&q| t.quote(q).id()).collect()
}

fn date(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

impl<'a> FileOut<'a> {
    fn new(t: &'a Timeline, events: &[EventIx]) -> Self {
        // File order, so that exporting everything gives back the file's order.
        let mut chosen = events.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        let is_chosen = |e: EventIx| chosen.binary_search(&e).is_ok();

        FileOut {
            format: FORMAT,
            title: t.title(),
            description: t.description(),
            sources: t
                .sources()
                .map(|s| SourceOut {
                    id: s.id(),
                    title: s.title(),
                    publisher: s.publisher(),
                    authors: s.authors().collect(),
                    published: date(s.published()),
                    url: s.url(),
                    kind: s.kind().map(|k| k.as_str()),
                })
                .collect(),
            actors: t
                .actors()
                .map(|a| ActorOut {
                    id: a.id(),
                    name: a.name(),
                    kind: a.kind().as_str(),
                    aliases: a.aliases().collect(),
                    description: a.description(),
                    relations: a
                        .relations()
                        .map(|r| RelationOut {
                            kind: r.kind().as_str(),
                            actor: t.actor(r.actor()).id(),
                            from: date(r.from()),
                            to: date(r.to()),
                            quotes: quote_ids(t, r.quotes()),
                        })
                        .collect(),
                })
                .collect(),
            events: chosen.iter().map(|&ix| EventOut::new(t, ix)).collect(),
            quotes: (0..t.quotes().len() as u32)
                .map(|q| QuoteOut::new(t, QuoteIx(q)))
                .collect(),
            disputes: t
                .disputes()
                .filter(|d| d.event().is_none_or(is_chosen))
                .map(|d| DisputeOut {
                    id: d.id(),
                    question: d.question(),
                    event: d.event().map(|e| t.event(e).id()),
                    claims: d
                        .claims()
                        .map(|c| ClaimOut {
                            claim: c.claim(),
                            quotes: quote_ids(t, c.quotes()),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
