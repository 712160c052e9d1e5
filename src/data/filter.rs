//! The event filter shared by `tlx events`, `tlx export` and anything else that
//! narrows the chronology: actor, tag, date range and a text search, all of which
//! must hold.

use super::date::Date;
use super::diagnostic::quoted;
use super::index::Indexed;
use super::model::{ActorIx, Event, EventIx, Timeline};
use super::suggest::closest;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// An actor's id, name or alias (case does not matter).
    pub actor: Option<String>,
    /// A tag (case does not matter).
    pub tag: Option<String>,
    /// Events that reach into or after this date.
    pub from: Option<Date>,
    /// Events that begin in or before this date.
    pub to: Option<Date>,
    /// Words that must all appear (case does not matter) in the event's id, title,
    /// summary, place, tags or note.
    pub search: Option<String>,
}

impl EventFilter {
    /// The matching events, oldest first. An actor that is not in the timeline is an
    /// error that says so (with the closest id), not an empty answer.
    pub fn select(&self, data: &Indexed) -> Result<Vec<EventIx>, String> {
        let t = &data.timeline;
        let actor = self
            .actor
            .as_deref()
            .map(|wanted| find_actor(t, wanted))
            .transpose()?;
        let tag = self.tag.as_deref().map(str::to_lowercase);
        let words: Vec<String> = self
            .search
            .as_deref()
            .map(|s| s.split_whitespace().map(str::to_lowercase).collect())
            .unwrap_or_default();

        // With an actor, start from the index's (chronological) list of its events.
        let candidates: Vec<EventIx> = match actor {
            Some(a) => {
                let mut events: Vec<EventIx> = data
                    .index
                    .events_of_actor(a)
                    .iter()
                    .map(|ae| ae.event)
                    .collect();
                // An actor listed twice in one event must not show the event twice.
                events.dedup();
                events
            }
            None => data.index.chronological().to_vec(),
        };
        Ok(candidates
            .into_iter()
            .filter(|&ix| {
                let e = t.event(ix);
                tag.as_deref()
                    .is_none_or(|tag| e.tags.iter().any(|t| t.to_lowercase() == tag))
                    && self.in_range(e)
                    && (words.is_empty() || matches_words(e, &words))
            })
            .collect())
    }

    /// Whether the event's span (`date` to `end`) meets the `from`–`to` range, each
    /// date taken at its own precision: `--from 2021` keeps an event of 2021-11-07.
    fn in_range(&self, e: &Event) -> bool {
        let last = e.end.unwrap_or(e.date).max(e.date).last_day();
        self.from.is_none_or(|from| last >= from.first_day())
            && self.to.is_none_or(|to| e.date.first_day() <= to.last_day())
    }
}

fn find_actor(t: &Timeline, wanted: &str) -> Result<ActorIx, String> {
    let lower = wanted.trim().to_lowercase();
    let found = t.actors.iter().position(|a| {
        *a.id == *lower
            || a.name.to_lowercase() == lower
            || a.aliases.iter().any(|alias| alias.to_lowercase() == lower)
    });
    match found {
        Some(i) => Ok(ActorIx(i as u32)),
        None => {
            let hint = closest(&lower, t.actors.iter().map(|a| a.id.as_ref()))
                .map(|id| format!(" (did you mean {}?)", quoted(id)))
                .unwrap_or_default();
            Err(format!("no actor {}{hint}", quoted(wanted)))
        }
    }
}

fn matches_words(e: &Event, words: &[String]) -> bool {
    let mut haystack = format!("{} {}", e.id, e.title);
    for text in [&e.summary, &e.place, &e.note].into_iter().flatten() {
        haystack.push(' ');
        haystack.push_str(text);
    }
    for tag in &e.tags {
        haystack.push(' ');
        haystack.push_str(tag);
    }
    let haystack = haystack.to_lowercase();
    words.iter().all(|w| haystack.contains(w.as_str()))
}
