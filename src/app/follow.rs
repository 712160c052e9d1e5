//! Keeping the panes in step: the events list follows the filter, and the actors
//! and quotes panes follow the selected event or actor.

use std::collections::HashSet;

use super::{ActorsMode, App, EventList, Filter, ListPos, Pane, QuoteContext};
use crate::data::{ActorIx, EventIx, Indexed, QuoteIx};

/// A row of the actors pane: an actor, and where it sits in the event's actor list
/// (to read the role) when the pane shows one event's actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorRow {
    pub actor: ActorIx,
    pub slot: Option<u32>,
}

impl App {
    /// Sets the filter and rebuilds the events list, keeping the selected event
    /// when it is still listed.
    pub fn set_filter(&mut self, filter: Option<Filter>) {
        let keep = self.selected_event();
        self.filter = filter;
        self.events = match filter {
            None => self.all_events.clone(),
            Some(Filter::Actor(a)) => EventList::of_actor(&self.data, a),
        };
        self.filtered_years = match (filter, self.data.overview().events_per_year()) {
            (Some(_), Some((first, counts))) => {
                let mut per_year = vec![0u32; counts.len()];
                for pos in 0..self.events.len(&self.data) {
                    if let Some(e) = self.events.get(&self.data, pos) {
                        let year = self.data.timeline.event(e).date().year;
                        if let Some(slot) = per_year.get_mut((year - first) as usize) {
                            *slot += 1;
                        }
                    }
                }
                Some(per_year)
            }
            _ => None,
        };
        self.events_pos = ListPos::default();
        if let Some(pos) = keep.and_then(|e| self.events.position(&self.data, e)) {
            self.events_pos.selected = pos;
        }
        self.end_search_in(Pane::Events);
        self.on_event_changed();
    }

    /// Selects an event, clearing the filter if it hides it.
    pub fn select_event(&mut self, e: EventIx) {
        if self.events.position(&self.data, e).is_none() {
            self.set_filter(None);
        }
        if let Some(pos) = self.events.position(&self.data, e) {
            self.events_pos.selected = pos;
        }
        self.on_event_changed();
    }

    /// The actors and quotes panes follow the selected event.
    pub fn on_event_changed(&mut self) {
        if self.actors_mode == ActorsMode::OfEvent {
            self.refresh_actors();
            self.actors_pos = ListPos::default();
        }
        if self.quote_context == QuoteContext::Event {
            self.refresh_quotes();
            self.quotes_pos = ListPos::default();
        }
        self.detail_scroll = 0;
    }

    /// The quotes pane follows the selected actor when it is the context.
    pub fn on_actor_changed(&mut self) {
        if self.quote_context == QuoteContext::Actor {
            self.refresh_quotes();
            self.quotes_pos = ListPos::default();
        }
        self.detail_scroll = 0;
    }

    /// A search's hits are positions in its pane's list: a new list ends it.
    pub(super) fn end_search_in(&mut self, pane: Pane) {
        if self.search.as_ref().is_some_and(|s| s.pane == pane) {
            self.search = None;
        }
    }

    pub fn refresh_actors(&mut self) {
        self.end_search_in(Pane::Actors);
        self.actors = match self.actors_mode {
            ActorsMode::All => self
                .data
                .overview()
                .actors_by_name()
                .iter()
                .map(|&actor| ActorRow { actor, slot: None })
                .collect(),
            ActorsMode::OfEvent => match self.selected_event() {
                Some(e) => self
                    .data
                    .timeline
                    .event(e)
                    .actors()
                    .enumerate()
                    .map(|(slot, p)| ActorRow {
                        actor: p.actor,
                        slot: Some(slot as u32),
                    })
                    .collect(),
                None => Vec::new(),
            },
        };
        self.actors_pos.clamp(self.actors.len());
    }

    pub fn refresh_quotes(&mut self) {
        self.end_search_in(Pane::Quotes);
        self.quotes = match self.quote_context {
            QuoteContext::Event => self
                .selected_event()
                .map(|e| self.data.timeline.event(e).quotes().to_vec())
                .unwrap_or_default(),
            QuoteContext::Actor => self
                .selected_actor()
                .map(|a| quotes_of_actor(&self.data, a))
                .unwrap_or_default(),
        };
        // The heights measured were those of the last list's quotes.
        self.heights.forget_quotes();
        self.quotes_pos.clamp(self.quotes.len());
    }
}

/// The quotes of an actor: those they spoke, those behind their relations (both
/// ways), then those behind their events, oldest event first, each once.
pub fn quotes_of_actor(data: &Indexed, actor: ActorIx) -> Vec<QuoteIx> {
    let t = &data.timeline;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut add = |q: QuoteIx| {
        if seen.insert(q) {
            out.push(q);
        }
    };
    data.index
        .quotes_by_speaker(actor)
        .iter()
        .copied()
        .for_each(&mut add);
    for r in t.actor(actor).relations() {
        r.quotes().iter().copied().for_each(&mut add);
    }
    for &r in data.index.relations_to(actor) {
        data.relation(r).quotes().iter().copied().for_each(&mut add);
    }
    for ae in data.index.events_of_actor(actor) {
        t.event(ae.event)
            .quotes()
            .iter()
            .copied()
            .for_each(&mut add);
    }
    out
}
