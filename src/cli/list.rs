//! `tlx actors`, `tlx events` and `tlx quotes`: filtered lists in several formats.

use std::fmt::Write;

use serde_json::{Value, json};

use super::output::{cell, json_text, markdown};
use super::{EventFormat, Failure, Format, actor_id, event_id, non_empty, source_id};
use crate::data::search::ActorSearch;
use crate::data::{ActorIx, EventFilter, EventIx, Indexed, QuoteIx};
use crate::export::json::{event_value, quote_value};

/// `tlx actors [QUERY]`: ranked matches, or every actor by name.
pub fn actors(data: &Indexed, query: Option<&str>, format: Format) -> Result<String, Failure> {
    let t = &data.timeline;
    let rows: Vec<(ActorIx, Option<usize>)> = match query {
        Some(query) => {
            let query = non_empty(query)?;
            ActorSearch::new(data)
                .search(query)
                .into_iter()
                .map(|m| (m.actor, m.alias))
                .collect()
        }
        None => {
            let mut all: Vec<ActorIx> = (0..t.actors().len() as u32).map(ActorIx).collect();
            all.sort_by_cached_key(|&a| {
                let name = t.actor(a).name();
                (name.to_lowercase(), name, a)
            });
            all.into_iter().map(|a| (a, None)).collect()
        }
    };
    let alias_of =
        |a: ActorIx, alias: Option<usize>| alias.and_then(|i| t.actor(a).aliases().nth(i));
    let events_of = |a: ActorIx| data.index.events_of_actor(a).len();
    Ok(match format {
        Format::Text => {
            let mut out = String::new();
            for &(a, alias) in &rows {
                let actor = t.actor(a);
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    actor.id(),
                    cell(actor.name()),
                    alias_of(a, alias).map_or("-".to_string(), cell),
                    events_of(a)
                );
            }
            out
        }
        Format::Json => json_text(&Value::Array(
            rows.iter()
                .map(|&(a, alias)| {
                    let actor = t.actor(a);
                    json!({
                        "id": actor.id(),
                        "name": actor.name(),
                        "alias": alias_of(a, alias),
                        "events": events_of(a),
                    })
                })
                .collect(),
        )),
    })
}

/// `tlx events`: the events that pass every filter, oldest first.
pub fn events(
    data: &Indexed,
    filter: &EventFilter,
    format: EventFormat,
) -> Result<String, Failure> {
    let chosen = filter.select(data).map_err(Failure::Usage)?;
    Ok(write_events(data, &chosen, format))
}

fn write_events(data: &Indexed, events: &[EventIx], format: EventFormat) -> String {
    let t = &data.timeline;
    let mut out = String::new();
    match format {
        EventFormat::Text => {
            for &e in events {
                let event = t.event(e);
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}",
                    event.date(),
                    event.id(),
                    cell(event.title())
                );
            }
        }
        EventFormat::Json => {
            out = json_text(&Value::Array(
                events.iter().map(|&e| event_value(t, e)).collect(),
            ));
        }
        EventFormat::Csv => {
            // One CSV shape for `tlx events` and `tlx export`.
            let mut bytes = Vec::new();
            let _ = crate::export::csv::write(data, events, &mut bytes);
            out = String::from_utf8_lossy(&bytes).into_owned();
        }
        EventFormat::Markdown => {
            out.push_str("| Date | Event | Place | Id |\n| --- | --- | --- | --- |\n");
            for &e in events {
                let event = t.event(e);
                let date = match event.end() {
                    Some(end) => format!("{} to {end}", event.date()),
                    None => event.date().to_string(),
                };
                let _ = writeln!(
                    out,
                    "| {date} | {} | {} | `{}` |",
                    markdown(event.title()),
                    markdown(event.place().unwrap_or_default()),
                    event.id()
                );
            }
        }
    }
    out
}

/// What `tlx quotes` keeps.
#[derive(Debug, Default)]
pub struct QuoteFilter<'a> {
    pub event: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// `tlx quotes`: the quotes that pass every filter, in file order.
pub fn quotes(data: &Indexed, filter: &QuoteFilter, format: Format) -> Result<String, Failure> {
    let t = &data.timeline;
    let cited = filter
        .event
        .map(|id| event_id(data, id).map(|e| t.event(e).quotes()))
        .transpose()?;
    let speaker = filter.actor.map(|id| actor_id(data, id)).transpose()?;
    let source = filter.source.map(|id| source_id(data, id)).transpose()?;
    let chosen: Vec<QuoteIx> = (0..t.quotes().len() as u32)
        .map(QuoteIx)
        .filter(|q| cited.as_ref().is_none_or(|c| c.contains(q)))
        .filter(|&q| speaker.is_none_or(|a| t.quote(q).speaker() == Some(a)))
        .filter(|&q| source.is_none_or(|s| t.quote(q).source() == s))
        .collect();
    Ok(match format {
        Format::Text => {
            let mut out = String::new();
            for &q in &chosen {
                let quote = t.quote(q);
                let speaker = quote.speaker().map_or("-", |a| t.actor(a).id());
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    quote.id(),
                    t.source(quote.source()).id(),
                    speaker,
                    cell(quote.text())
                );
            }
            out
        }
        Format::Json => json_text(&Value::Array(
            chosen
                .iter()
                .map(|&q| {
                    let mut value = quote_value(t, q);
                    let events: Vec<&str> = data
                        .index
                        .events_of_quote(q)
                        .iter()
                        .map(|&e| t.event(e).id())
                        .collect();
                    value["events"] = json!(events);
                    value
                })
                .collect(),
        )),
    })
}
