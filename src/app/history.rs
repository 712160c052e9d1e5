//! Where `Back` returns to: the places before each jump and filter.

use super::{ActorsMode, App, Filter, Pane, QuoteContext, View};
use crate::data::EventIx;

/// How many places the history keeps.
pub const HISTORY_LIMIT: usize = 200;

/// Everything the history needs to bring a screen back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub view: View,
    pub focus: Pane,
    pub filter: Option<Filter>,
    pub event: Option<EventIx>,
    pub actors_mode: ActorsMode,
    pub actor_selected: usize,
    pub quote_context: QuoteContext,
    pub quote_selected: usize,
}

impl App {
    pub fn place(&self) -> Place {
        Place {
            view: self.view.clone(),
            focus: self.focus,
            filter: self.filter,
            event: self.selected_event(),
            actors_mode: self.actors_mode,
            actor_selected: self.actors_pos.selected,
            quote_context: self.quote_context,
            quote_selected: self.quotes_pos.selected,
        }
    }

    /// Remembers where we are before a jump or a filter, for `Back`.
    pub fn remember(&mut self) {
        let here = self.place();
        if self.history.last() != Some(&here) {
            self.history.push(here);
            if self.history.len() > HISTORY_LIMIT {
                self.history.remove(0);
            }
        }
    }

    pub fn restore(&mut self, place: Place) {
        self.search = None;
        self.popup = None;
        if self.filter != place.filter {
            self.set_filter(place.filter);
        }
        self.actors_mode = place.actors_mode;
        self.quote_context = place.quote_context;
        if let Some(e) = place.event {
            self.select_event(e);
        }
        self.refresh_actors();
        self.actors_pos.selected = place.actor_selected;
        self.actors_pos.clamp(self.actors.len());
        self.refresh_quotes();
        self.quotes_pos.selected = place.quote_selected;
        self.quotes_pos.clamp(self.quotes.len());
        self.focus = place.focus;
        if place.focus != Pane::Detail {
            self.detail_of = place.focus;
        }
        self.view = place.view;
        self.detail_scroll = 0;
    }
}
