//! The explorer's whole state: what is focused, selected, filtered and open.
//!
//! `App` is plain data read by `ui::render` and changed only by `update`. The lists it
//! shows are held as indices into the (read-only) timeline, never as copies of it.

pub mod action;
pub mod citation;
pub mod keymap;
mod lists;
pub mod search;
pub mod update;

use std::sync::Arc;

use crate::data::background::{self, SearchAnswer, SearchRequest, SearchTarget};
use crate::data::{ActorIx, DisputeIx, EventIx, Indexed, QuoteIx, SourceIx};

/// Timelines up to this many events, actors and quotes together are searched inline,
/// inside `update`: every search is then a few milliseconds at most.
pub const INLINE_SEARCH_LIMIT: usize = 5_000;

/// How many of its best rows the finder asks for.
pub const FINDER_ROWS: usize = 100;

pub use action::{Action, Effect};
pub use keymap::Mode;
pub use lists::{ActorRow, EventList, ListPos, Row, scroll_to, scroll_to_varying};
pub use search::{Hit, HitField, Search};
pub use update::update;

/// The four panes of the main screen, in focus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Events,
    Actors,
    Quotes,
    Detail,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Events, Pane::Actors, Pane::Quotes, Pane::Detail];

    pub fn number(self) -> usize {
        match self {
            Pane::Events => 1,
            Pane::Actors => 2,
            Pane::Quotes => 3,
            Pane::Detail => 4,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Events => "Events",
            Pane::Actors => "Actors",
            Pane::Quotes => "Quotes",
            Pane::Detail => "Detail",
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[self.number() % 4]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.number() + 2) % 4]
    }
}

/// Where the explorer opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Top,
    Event(EventIx),
    Actor(ActorIx),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Only the events this actor took part in.
    Actor(ActorIx),
}

/// What the actors pane lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorsMode {
    /// The selected event's actors, with their roles.
    OfEvent,
    /// Every actor, by name, with event counts.
    All,
}

/// Whose quotes the quotes pane lists: the selected event's, or the selected actor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteContext {
    Event,
    Actor,
}

/// A full-screen view over the panes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Main,
    /// A source's facts and all its excerpts in document order.
    Source {
        source: SourceIx,
        pos: ListPos,
    },
    /// Each dispute, its claims side by side.
    Disputes {
        pos: ListPos,
    },
    Sources {
        pos: ListPos,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Popup {
    Finder(Finder),
    Help { scroll: usize },
}

/// The actor finder: a query and the actors it matches, best first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Finder {
    pub query: String,
    /// The best `FINDER_ROWS` matches of the last answer.
    pub results: Vec<FinderHit>,
    /// How many actors that answer matched in all.
    pub total: usize,
    pub pos: ListPos,
    /// The request whose answer the finder waits for (see `App::request`).
    pub generation: u64,
    /// True from a new query until its answer arrives.
    pub pending: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinderHit {
    pub actor: ActorIx,
    /// Which alias matched, if not the name.
    pub alias: Option<usize>,
    /// Matched characters (char indices) in the name or that alias.
    pub indices: Vec<usize>,
}

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

/// How many places the history keeps.
pub const HISTORY_LIMIT: usize = 200;

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
    /// I/O for the terminal layer to do after this update.
    pub effects: Vec<Effect>,
    /// Search here, inside `update`, rather than ask the terminal layer's worker
    /// (`Effect::Search`): true for small timelines, and what tests use.
    pub inline_search: bool,
    /// The number of the last search request.
    pub generation: u64,
    /// Answers computed inline, applied at the end of the `update` that asked.
    inline_answers: Vec<SearchAnswer>,
    pub quit: bool,

    /// Computed once: every actor by name, each actor's place in that order,
    /// disputes in the order of their events, events per year.
    pub actors_by_name: Vec<ActorIx>,
    pub actor_name_rank: Vec<u32>,
    pub disputes: Vec<DisputeIx>,
    pub years: Option<(i32, Vec<u32>)>,
    /// First and last date of the timeline.
    pub span: Option<(crate::data::Date, crate::data::Date)>,
    /// The unfiltered events list, kept to avoid rebuilding it.
    all_events: EventList,
    /// Events per year of the active filter, aligned with `years`.
    pub filtered_years: Option<Vec<u32>>,
}

impl App {
    pub fn new(data: Arc<Indexed>, start: Start) -> App {
        let t = &data.timeline;
        let mut actors_by_name: Vec<ActorIx> = (0..t.actors().len() as u32).map(ActorIx).collect();
        actors_by_name.sort_by_cached_key(|&a| t.actor(a).name().to_lowercase());
        let mut actor_name_rank = vec![0u32; t.actors().len()];
        for (rank, a) in actors_by_name.iter().enumerate() {
            actor_name_rank[a.get()] = rank as u32;
        }
        let mut disputes: Vec<DisputeIx> = (0..t.disputes().len() as u32).map(DisputeIx).collect();
        disputes.sort_by_key(|&d| {
            t.dispute(d)
                .event()
                .map_or(usize::MAX, |e| data.index.rank(e))
        });
        let years = data.index.events_per_year(t);
        let span = data.index.span(t);
        let events = EventList::all(&data);

        let mut app = App {
            data: data.clone(),
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
            effects: Vec::new(),
            inline_search: t.events().len() + t.actors().len() + t.quotes().len()
                <= INLINE_SEARCH_LIMIT,
            generation: 0,
            inline_answers: Vec::new(),
            quit: false,
            actors_by_name,
            actor_name_rank,
            disputes,
            years,
            span,
            all_events: events,
            filtered_years: None,
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
                app.actors_pos.selected =
                    app.actor_name_rank.get(a.get()).map_or(0, |&r| r as usize);
                app.focus = Pane::Actors;
                app.detail_of = Pane::Actors;
                app.quote_context = QuoteContext::Actor;
                app.refresh_quotes();
            }
        }
        app
    }

    /// Asks for a search and returns the request's number. Inline, it is answered
    /// at once (the answer is applied at the end of this `update`); otherwise the
    /// terminal layer hands it to its worker and sends the answer back as
    /// `Action::SearchResults`.
    pub fn request(&mut self, target: SearchTarget, query: String) -> u64 {
        self.generation += 1;
        let within = match target {
            SearchTarget::Events => self.events.subset(),
            _ => None,
        };
        let request = SearchRequest {
            generation: self.generation,
            target,
            query,
            within,
        };
        if self.inline_search {
            let answer = background::answer(&self.data, &request);
            self.inline_answers.push(answer);
        } else {
            self.effects.push(Effect::Search(request));
        }
        self.generation
    }

    /// Makes any pane search on its way stale, and stops it if it runs off the
    /// input thread (a long event scan would otherwise run to its end).
    pub fn cancel_pane_search(&mut self) -> u64 {
        self.generation += 1;
        if !self.inline_search {
            self.effects.push(Effect::CancelSearch);
        }
        self.generation
    }

    /// The answers computed inline since the last call.
    pub(crate) fn take_inline_answers(&mut self) -> Vec<SearchAnswer> {
        std::mem::take(&mut self.inline_answers)
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

    /// The pane whose selection the detail pane shows: the focused one, or while
    /// the detail itself has focus, the one it showed before.
    pub fn detail_subject(&self) -> Pane {
        if self.focus == Pane::Detail {
            self.detail_of
        } else {
            self.focus
        }
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

    /// Sets the filter and rebuilds the events list, keeping the selected event
    /// when it is still listed.
    pub fn set_filter(&mut self, filter: Option<Filter>) {
        let keep = self.selected_event();
        self.filter = filter;
        self.events = match filter {
            None => self.all_events.clone(),
            Some(Filter::Actor(a)) => EventList::of_actor(&self.data, a),
        };
        self.filtered_years = match (filter, &self.years) {
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
    fn end_search_in(&mut self, pane: Pane) {
        if self.search.as_ref().is_some_and(|s| s.pane == pane) {
            self.search = None;
        }
    }

    pub fn refresh_actors(&mut self) {
        self.end_search_in(Pane::Actors);
        self.actors = match self.actors_mode {
            ActorsMode::All => self
                .actors_by_name
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
                .map(|a| lists::quotes_of_actor(&self.data, a))
                .unwrap_or_default(),
        };
        self.quotes_pos.clamp(self.quotes.len());
    }

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
