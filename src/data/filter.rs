//! The event filter of `tlx events`, shared with `tlx export` (and open to the
//! explorer): actor, tag, date range and search, all of which must hold.

use super::date::Date;
use super::diagnostic::quoted;
use super::index::Indexed;
use super::model::EventIx;
use super::search::{ActorSearch, EventSearch};
use super::suggest::closest;

/// What to keep; `None` lets everything through.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventFilter<'a> {
    /// The events of the actor that best matches this query (names and aliases).
    pub actor: Option<&'a str>,
    /// Events with this tag (ASCII case ignored).
    pub tag: Option<&'a str>,
    /// Events that reach into or past this date.
    pub from: Option<Date>,
    /// Events that begin on or before this date.
    pub to: Option<Date>,
    /// Events whose title, summary, place or tags match this fuzzy query.
    pub search: Option<&'a str>,
}

impl EventFilter<'_> {
    /// The events that pass every filter, oldest first. A query that cannot match
    /// (blank, an actor or tag not in the timeline, `from` after `to`) is an error
    /// in plain words, not an empty list.
    pub fn select(&self, data: &Indexed) -> Result<Vec<EventIx>, String> {
        let t = &data.timeline;
        let mut keep = vec![true; t.events().len()];
        let mut narrow = |allowed: &mut dyn Iterator<Item = EventIx>| {
            let mut allowed_here = vec![false; keep.len()];
            for e in allowed {
                allowed_here[e.get()] = true;
            }
            for (k, a) in keep.iter_mut().zip(allowed_here) {
                *k &= a;
            }
        };
        if let Some(query) = self.actor {
            let query = non_empty(query)?;
            let actor = ActorSearch::new(data)
                .best(query)
                .ok_or_else(|| format!("no actor matches {}", quoted(query)))?
                .actor;
            narrow(&mut data.index.events_of_actor(actor).iter().map(|ae| ae.event));
        }
        if let Some(tag) = self.tag {
            narrow(&mut tagged(data, tag)?.into_iter());
        }
        if let (Some(from), Some(to)) = (self.from, self.to)
            && to.last_day() < from.first_day()
        {
            return Err(format!("--from {from} is after --to {to}"));
        }
        if let Some(query) = self.search {
            let query = non_empty(query)?;
            narrow(
                &mut EventSearch::new(data)
                    .search(query)
                    .into_iter()
                    .map(|m| m.event),
            );
        }
        Ok(data
            .index
            .chronological()
            .iter()
            .copied()
            .filter(|e| keep[e.get()])
            .filter(|&e| {
                // Events are periods: keep those that overlap [from, to].
                let event = t.event(e);
                let first = event.date().first_day();
                let last = event.end().unwrap_or(event.date()).last_day();
                self.from.is_none_or(|from| last >= from.first_day())
                    && self.to.is_none_or(|to| first <= to.last_day())
            })
            .collect())
    }
}

fn non_empty(query: &str) -> Result<&str, String> {
    if query.trim().is_empty() {
        Err("empty query".into())
    } else {
        Ok(query)
    }
}

/// The events carrying a tag (ASCII case ignored); an unused tag is an error.
fn tagged(data: &Indexed, tag: &str) -> Result<Vec<EventIx>, String> {
    let t = &data.timeline;
    if tag.trim().is_empty() {
        return Err("empty tag".into());
    }
    let found: Vec<EventIx> = (0..t.events().len() as u32)
        .map(EventIx)
        .filter(|&e| t.event(e).tags().any(|x| x.eq_ignore_ascii_case(tag)))
        .collect();
    if found.is_empty() {
        let mut in_use: Vec<&str> = t.events().flat_map(|e| e.tags()).collect();
        in_use.sort_unstable();
        in_use.dedup();
        let hint = match closest(tag, in_use) {
            Some(near) => format!(" (did you mean {}?)", quoted(near)),
            None => String::new(),
        };
        return Err(format!("no event has the tag {}{hint}", quoted(tag)));
    }
    Ok(found)
}
