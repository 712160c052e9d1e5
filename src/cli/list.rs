//! `tlx actors`, `tlx events` and `tlx quotes`: filtered lists in several formats.

use std::fmt::Write;

use serde_json::{Value, json};

use super::output::{cell, csv, event_json, json_text, markdown, quote_json};
use super::{EventFormat, Failure, Format, actor_id, best_actor, event_id, non_empty, source_id};
use crate::data::diagnostic::quoted;
use crate::data::search::{ActorSearch, EventSearch};
use crate::data::suggest::closest;
use crate::data::{ActorIx, Date, EventIx, Indexed, QuoteIx};

/// `tlx actors [QUERY]`: ranked matches, or every actor by name.
pub fn actors(data: &Indexed, query: Option<&str>, format: Format) -> Result<String, Failure> {
    let t = &data.timeline;
    let rows: Vec<(ActorIx, Option<usize>)> = match query {
        Some(query) => {
            let query = non_empty(query)?;
            ActorSearch::new(data)
                .search(data, query)
                .into_iter()
                .map(|m| (m.actor, m.alias))
                .collect()
        }
        None => {
            let mut all: Vec<ActorIx> = (0..t.actors.len() as u32).map(ActorIx).collect();
            all.sort_by_cached_key(|&a| {
                let name = &t.actor(a).name;
                (name.to_lowercase(), name.clone(), a)
            });
            all.into_iter().map(|a| (a, None)).collect()
        }
    };
    let alias_of = |a: ActorIx, alias: Option<usize>| alias.map(|i| &*t.actor(a).aliases[i]);
    let events_of = |a: ActorIx| data.index.events_of_actor(a).len();
    Ok(match format {
        Format::Text => {
            let mut out = String::new();
            for &(a, alias) in &rows {
                let actor = t.actor(a);
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    actor.id,
                    cell(&actor.name),
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
                        "id": actor.id,
                        "name": actor.name,
                        "alias": alias_of(a, alias),
                        "events": events_of(a),
                    })
                })
                .collect(),
        )),
    })
}

/// What `tlx events` keeps.
#[derive(Debug, Default)]
pub struct EventFilter<'a> {
    pub actor: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub search: Option<&'a str>,
}

/// `tlx events`: the events that pass every filter, oldest first.
pub fn events(
    data: &Indexed,
    filter: &EventFilter,
    format: EventFormat,
) -> Result<String, Failure> {
    let t = &data.timeline;
    let mut keep = vec![true; t.events.len()];
    let mut narrow = |allowed: &[EventIx]| {
        let mut allowed_here = vec![false; keep.len()];
        for e in allowed {
            allowed_here[e.get()] = true;
        }
        for (k, a) in keep.iter_mut().zip(allowed_here) {
            *k &= a;
        }
    };
    if let Some(query) = filter.actor {
        let actor = best_actor(data, query)?;
        let of_actor: Vec<EventIx> = data
            .index
            .events_of_actor(actor)
            .iter()
            .map(|ae| ae.event)
            .collect();
        narrow(&of_actor);
    }
    if let Some(tag) = filter.tag {
        let tagged = tagged(data, tag)?;
        narrow(&tagged);
    }
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && to.last_day() < from.first_day()
    {
        return Err(Failure::Usage(format!("--from {from} is after --to {to}")));
    }
    if let Some(query) = filter.search {
        let query = non_empty(query)?;
        let found: Vec<EventIx> = EventSearch::new(data)
            .search(data, query)
            .into_iter()
            .map(|m| m.event)
            .collect();
        narrow(&found);
    }
    let chosen: Vec<EventIx> = data
        .index
        .chronological()
        .iter()
        .copied()
        .filter(|e| keep[e.get()])
        .filter(|&e| {
            // Events are periods: keep those that overlap [from, to].
            let event = t.event(e);
            let first = event.date.first_day();
            let last = event.end.unwrap_or(event.date).last_day();
            filter.from.is_none_or(|from| last >= from.first_day())
                && filter.to.is_none_or(|to| first <= to.last_day())
        })
        .collect();
    Ok(write_events(data, &chosen, format))
}

/// The events carrying a tag (ASCII case ignored); an unused tag is an error.
fn tagged(data: &Indexed, tag: &str) -> Result<Vec<EventIx>, Failure> {
    let t = &data.timeline;
    if tag.trim().is_empty() {
        return Err(Failure::Usage("empty tag".into()));
    }
    let found: Vec<EventIx> = (0..t.events.len() as u32)
        .map(EventIx)
        .filter(|&e| t.event(e).tags.iter().any(|x| x.eq_ignore_ascii_case(tag)))
        .collect();
    if found.is_empty() {
        let mut in_use: Vec<&str> = t
            .events
            .iter()
            .flat_map(|e| e.tags.iter().map(|x| &**x))
            .collect();
        in_use.sort_unstable();
        in_use.dedup();
        let hint = match closest(tag, in_use) {
            Some(near) => format!(" (did you mean {}?)", quoted(near)),
            None => String::new(),
        };
        return Err(Failure::Usage(format!(
            "no event has the tag {}{hint}",
            quoted(tag)
        )));
    }
    Ok(found)
}

fn write_events(data: &Indexed, events: &[EventIx], format: EventFormat) -> String {
    let t = &data.timeline;
    let mut out = String::new();
    match format {
        EventFormat::Text => {
            for &e in events {
                let event = t.event(e);
                let _ = writeln!(out, "{}\t{}\t{}", event.date, event.id, cell(&event.title));
            }
        }
        EventFormat::Json => {
            out = json_text(&Value::Array(
                events
                    .iter()
                    .map(|&e| event_json(data, t.event(e)))
                    .collect(),
            ));
        }
        EventFormat::Csv => {
            out.push_str("date,end,id,title,place,tags,actors,quotes,certainty,summary\n");
            for &e in events {
                let event = t.event(e);
                let actors: Vec<String> = event
                    .actors
                    .iter()
                    .map(|p| match &p.role {
                        Some(role) => format!("{} ({role})", t.actor(p.actor).id),
                        None => t.actor(p.actor).id.to_string(),
                    })
                    .collect();
                let quotes: Vec<&str> = event.quotes.iter().map(|&q| &*t.quote(q).id).collect();
                let fields = [
                    event.date.to_string(),
                    event.end.map(|d| d.to_string()).unwrap_or_default(),
                    event.id.to_string(),
                    event.title.to_string(),
                    event.place.as_deref().unwrap_or_default().to_string(),
                    event.tags.join("; "),
                    actors.join("; "),
                    quotes.join("; "),
                    event
                        .certainty
                        .map(|c| c.as_str())
                        .unwrap_or_default()
                        .to_string(),
                    event.summary.as_deref().unwrap_or_default().to_string(),
                ];
                let row: Vec<String> = fields.iter().map(|f| csv(f)).collect();
                let _ = writeln!(out, "{}", row.join(","));
            }
        }
        EventFormat::Markdown => {
            out.push_str("| Date | Event | Place | Id |\n| --- | --- | --- | --- |\n");
            for &e in events {
                let event = t.event(e);
                let date = match event.end {
                    Some(end) => format!("{} to {end}", event.date),
                    None => event.date.to_string(),
                };
                let _ = writeln!(
                    out,
                    "| {date} | {} | {} | `{}` |",
                    markdown(&event.title),
                    markdown(event.place.as_deref().unwrap_or_default()),
                    event.id
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
        .map(|id| event_id(data, id).map(|e| t.event(e).quotes.clone()))
        .transpose()?;
    let speaker = filter.actor.map(|id| actor_id(data, id)).transpose()?;
    let source = filter.source.map(|id| source_id(data, id)).transpose()?;
    let chosen: Vec<QuoteIx> = (0..t.quotes.len() as u32)
        .map(QuoteIx)
        .filter(|q| cited.as_ref().is_none_or(|c| c.contains(q)))
        .filter(|&q| speaker.is_none_or(|a| t.quote(q).speaker == Some(a)))
        .filter(|&q| source.is_none_or(|s| t.quote(q).source == s))
        .collect();
    Ok(match format {
        Format::Text => {
            let mut out = String::new();
            for &q in &chosen {
                let quote = t.quote(q);
                let speaker = quote.speaker.map_or("-", |a| &*t.actor(a).id);
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    quote.id,
                    t.source(quote.source).id,
                    speaker,
                    cell(&quote.text)
                );
            }
            out
        }
        Format::Json => json_text(&Value::Array(
            chosen
                .iter()
                .map(|&q| {
                    let mut value = quote_json(data, t.quote(q));
                    let events: Vec<&str> = data
                        .index
                        .events_of_quote(q)
                        .iter()
                        .map(|&e| &*t.event(e).id)
                        .collect();
                    value["events"] = json!(events);
                    value
                })
                .collect(),
        )),
    })
}
