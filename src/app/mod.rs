//! The explorer's whole state: what is focused, selected, filtered and open.
//!
//! `App` is plain data read by `ui::render` and changed only by `update`, which
//! returns the effects (quit, copy, search) for the runtime to perform. The lists
//! it shows are held as indices into the (read-only) timeline, never as copies.

pub mod action;
pub mod citation;
mod event_list;
mod follow;
mod heights;
mod history;
pub mod keymap;
pub mod lists;
mod scroll;
pub mod search;
mod state;
pub mod update;

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::data::{ActorIx, DisputeIx, EventIx, Indexed, QuoteIx};
use crate::ui::geometry::{self, Body, PopupKind, Screen, Shape, Subject};

/// How many of its best rows the finder asks for.
pub const FINDER_ROWS: usize = 100;

pub use action::{Action, Effect, Effects};
pub use event_list::{EventList, Row};
pub use follow::{ActorRow, quotes_of_actor};
pub use geometry::Pane;
pub use heights::Heights;
pub use history::{HISTORY_LIMIT, Place};
pub use keymap::Mode;
pub use scroll::ListPos;
pub use search::{Hit, HitField, Search};
pub use state::{ActorsMode, Filter, Finder, FinderHit, Popup, QuoteContext, Start, View};
pub use update::update;

pub struct App {
    pub data: Arc<Indexed>,
    /// Draw with colours (false when NO_COLOR is set).
    pub colors: bool,
    /// The terminal's size, which the layout (and so scrolling) depends on.
    pub width: u16,
    pub height: u16,

    pub view: View,
    pub popup: Option<Popup>,
    pub focus: Pane,
    /// The pane the detail pane describes: the last focused of the other three.
    pub detail_of: Pane,
    /// The detail's first row shown.
    pub detail_scroll: usize,

    pub filter: Option<Filter>,
    pub events: EventList,
    pub events_pos: ListPos,

    pub actors_mode: ActorsMode,
    pub actors: Vec<ActorRow>,
    pub actors_pos: ListPos,

    pub quote_context: QuoteContext,
    pub quotes: Vec<QuoteIx>,
    pub quotes_pos: ListPos,

    pub search: Option<Search>,
    pub history: Vec<Place>,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// The number of the last search request (see `update`'s `request`).
    pub generation: u64,
    /// The unfiltered events list, kept to avoid rebuilding it.
    all_events: EventList,
    /// Events per year of the active filter, aligned with the timeline's
    /// (`Overview::events_per_year`).
    pub filtered_years: Option<Vec<u32>>,
    /// The rows of what wraps (quotes, excerpts, the detail, the help), as
    /// measured for the current size.
    pub heights: Heights,
}

impl App {
    pub fn new(data: Arc<Indexed>, start: Start) -> App {
        let events = EventList::all(&data);
        let mut app = App {
            data,
            colors: true,
            width: 80,
            height: 24,
            view: View::Main,
            popup: None,
            focus: Pane::Events,
            detail_of: Pane::Events,
            detail_scroll: 0,
            filter: None,
            events: events.clone(),
            events_pos: ListPos::default(),
            actors_mode: ActorsMode::OfEvent,
            actors: Vec::new(),
            actors_pos: ListPos::default(),
            quote_context: QuoteContext::Event,
            quotes: Vec::new(),
            quotes_pos: ListPos::default(),
            search: None,
            history: Vec::new(),
            message: None,
            generation: 0,
            all_events: events,
            filtered_years: None,
            heights: Heights::default(),
        };
        app.refresh_actors();
        app.refresh_quotes();
        match start {
            Start::Top => {}
            Start::Event(e) => app.select_event(e),
            Start::Actor(a) => {
                // The actor's events, and the actor selected among all actors.
                app.set_filter(Some(Filter::Actor(a)));
                app.actors_mode = ActorsMode::All;
                app.refresh_actors();
                app.actors_pos.selected = app.data.overview().name_rank(a).unwrap_or(0);
                app.focus = Pane::Actors;
                app.detail_of = Pane::Actors;
                app.quote_context = QuoteContext::Actor;
                app.refresh_quotes();
            }
        }
        app
    }

    /// Which bindings apply now.
    pub fn mode(&self) -> Mode {
        match &self.popup {
            Some(Popup::Help { .. }) => return Mode::Help,
            Some(Popup::Finder(_)) => return Mode::Finder,
            None => {}
        }
        if self.search.as_ref().is_some_and(|s| s.typing) {
            return Mode::Search;
        }
        match self.view {
            View::Main => Mode::Main,
            View::Source { .. } => Mode::Source,
            View::Disputes { .. } => Mode::Disputes,
            View::Sources { .. } => Mode::Sources,
        }
    }

    /// What the layout depends on besides the terminal's size.
    pub fn shape(&self) -> Shape {
        let body = match &self.view {
            View::Main => Body::Panes,
            View::Source { source, .. } => Body::Source {
                authors: self.data.timeline.source(*source).authors().len() != 0,
            },
            View::Disputes { .. } => Body::Disputes {
                count: self.disputes().len(),
            },
            View::Sources { .. } => Body::Sources,
        };
        let popup = self.popup.as_ref().map(|popup| match popup {
            Popup::Finder(_) => PopupKind::Finder,
            Popup::Help { .. } => PopupKind::Help,
        });
        Shape { body, popup }
    }

    /// Where everything goes in `area`.
    pub fn screen_in(&self, area: Rect) -> Screen {
        geometry::screen(area, self.shape())
    }

    /// Where everything goes on the terminal.
    pub fn screen(&self) -> Screen {
        self.screen_in(Rect::new(0, 0, self.width, self.height))
    }

    /// The pane whose selection the detail pane shows: the focused one, or while
    /// the detail itself has focus, the one it showed before.
    pub fn detail_subject(&self) -> Pane {
        if self.focus == Pane::Detail {
            self.detail_of
        } else {
            self.focus
        }
    }

    /// What the detail pane describes.
    pub fn detail(&self) -> Subject {
        match self.detail_subject() {
            Pane::Events | Pane::Detail => Subject::Event(self.selected_event()),
            Pane::Actors => Subject::Actor(self.selected_actor()),
            Pane::Quotes => Subject::Quote(self.selected_quote()),
        }
    }

    /// Every dispute, in the order of their events.
    pub fn disputes(&self) -> &[DisputeIx] {
        self.data.overview().disputes()
    }

    pub fn selected_event(&self) -> Option<EventIx> {
        self.events.get(&self.data, self.events_pos.selected)
    }

    pub fn selected_actor(&self) -> Option<ActorIx> {
        self.actors.get(self.actors_pos.selected).map(|r| r.actor)
    }

    pub fn selected_quote(&self) -> Option<QuoteIx> {
        self.quotes.get(self.quotes_pos.selected).copied()
    }

    /// The role of an actor row's actor in the selected event.
    pub fn role(&self, row: ActorRow) -> Option<&str> {
        let event = self.data.timeline.event(self.selected_event()?);
        event.participant(row.slot? as usize)?.role
    }

    /// Length of the list a pane shows (the detail pane is not a list).
    pub fn pane_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Events => self.events.len(&self.data),
            Pane::Actors => self.actors.len(),
            Pane::Quotes => self.quotes.len(),
            Pane::Detail => 0,
        }
    }

    pub fn pane_pos(&self, pane: Pane) -> Option<&ListPos> {
        match pane {
            Pane::Events => Some(&self.events_pos),
            Pane::Actors => Some(&self.actors_pos),
            Pane::Quotes => Some(&self.quotes_pos),
            Pane::Detail => None,
        }
    }

    /// The quote under the cursor wherever it is: the quotes pane or the source view.
    pub fn current_quote(&self) -> Option<QuoteIx> {
        match &self.view {
            View::Source { source, pos } => self
                .data
                .index
                .quotes_of_source(*source)
                .get(pos.selected)
                .copied(),
            View::Main if self.focus == Pane::Quotes || self.detail_of == Pane::Quotes => {
                self.selected_quote()
            }
            _ => None,
        }
    }
}
