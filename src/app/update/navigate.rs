//! Moving around: focus, selections, Enter, the views, jumps and the history.

use super::search::{next_match, start_search};
use super::{pane_entry, request};
use crate::app::lists::{self, ListId};
use crate::app::{
    Action, ActorsMode, App, Effect, Effects, FINDER_ROWS, Filter, Finder, ListPos, Pane, Popup,
    QuoteContext, View, citation::citation,
};
use crate::data::search::worker::SearchTarget;
use crate::data::{ActorIx, EventIx, QuoteIx, SourceIx};

pub(super) fn global(app: &mut App, action: Action, fx: &mut Effects) -> bool {
    match action {
        Action::OpenHelp => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::OpenFinder => {
            let rows = FINDER_ROWS;
            let generation = request(app, fx, SearchTarget::Finder { rows }, String::new());
            app.popup = Some(Popup::Finder(Finder {
                generation,
                pending: true,
                ..Finder::default()
            }))
        }
        Action::OpenDisputes => {
            if !matches!(app.view, View::Disputes { .. }) {
                // Start at the selected event's first dispute, if it has one.
                let selected = app
                    .selected_event()
                    .and_then(|e| app.data.index.disputes_of_event(e).first().copied())
                    .and_then(|d| app.disputes().iter().position(|&x| x == d))
                    .unwrap_or(0);
                open_view(app, View::Disputes { pos: at(selected) });
            }
        }
        Action::OpenSources => {
            if !matches!(app.view, View::Sources { .. }) {
                let selected = app
                    .current_quote()
                    .map_or(0, |q| app.data.timeline.quote(q).source().get());
                open_view(app, View::Sources { pos: at(selected) });
            }
        }
        Action::ClearFilter => {
            if app.filter.is_some() {
                app.remember();
                app.set_filter(None);
                app.message = Some("Filter cleared: every event is listed.".into());
            } else {
                app.message = Some("No filter to clear.".into());
            }
        }
        Action::Back => back(app),
        _ => return false,
    }
    true
}

pub(super) fn at(selected: usize) -> ListPos {
    ListPos {
        selected,
        offset: selected,
    }
}

pub(super) fn open_view(app: &mut App, view: View) {
    app.remember();
    app.search = None;
    app.view = view;
}

pub(super) fn back(app: &mut App) {
    match app.history.pop() {
        Some(place) => app.restore(place),
        None => app.message = Some("Nothing to go back to.".into()),
    }
}

/// Esc in a view: back to the main screen it was opened from.
pub(super) fn close_view(app: &mut App) {
    while let Some(place) = app.history.pop() {
        if place.view == View::Main {
            app.restore(place);
            return;
        }
    }
    app.view = View::Main;
}

pub(super) fn in_main(app: &mut App, action: Action, fx: &mut Effects) {
    if global(app, action.clone(), fx) {
        return;
    }
    let page = page_size(app, app.focus) as isize;
    match action {
        Action::Up => move_in(app, app.focus, -1),
        Action::Down => move_in(app, app.focus, 1),
        Action::PageUp => move_in(app, app.focus, -page),
        Action::PageDown => move_in(app, app.focus, page),
        Action::Top => move_in(app, app.focus, isize::MIN / 2),
        Action::Bottom => move_in(app, app.focus, isize::MAX / 2),
        Action::PrevYear | Action::NextYear => {
            let forward = action == Action::NextYear;
            if let Some(pos) = app.events.year_step(app.events_pos.selected, forward) {
                select(app, Pane::Events, pos);
            }
        }
        Action::FocusNext => focus(app, app.focus.next()),
        Action::FocusPrev => focus(app, app.focus.prev()),
        Action::Focus(pane) => focus(app, pane),
        Action::Activate => {
            let pane = app.detail_subject();
            activate_pane(app, pane);
        }
        Action::Close if app.search.take().is_none() => {
            app.message = Some("Esc closes popups and searches; q quits.".into());
        }
        Action::ToggleAllActors => toggle_actors(app),
        Action::Copy => copy(app, fx),
        Action::StartSearch => start_search(app),
        Action::NextMatch => next_match(app, true),
        Action::PrevMatch => next_match(app, false),
        _ => {}
    }
}

/// How far PgUp/PgDn move in a pane: its visible rows, less one for context.
pub(super) fn page_size(app: &mut App, pane: Pane) -> usize {
    let entry = pane_entry(app, pane);
    lists::page(app, entry)
}

/// Moves the selection of a pane (or scrolls the detail) by `delta`.
pub(super) fn move_in(app: &mut App, pane: Pane, delta: isize) {
    if pane == Pane::Detail {
        app.detail_scroll = (app.detail_scroll as isize).saturating_add(delta).max(0) as usize;
        return;
    }
    let Some(pos) = app.pane_pos(pane) else {
        return;
    };
    let mut moved = *pos;
    moved.step(delta, app.pane_len(pane));
    select(app, pane, moved.selected);
}

/// Selects a row of a pane, updating what depends on it.
pub(super) fn select(app: &mut App, pane: Pane, pos: usize) {
    let pos = pos.min(app.pane_len(pane).saturating_sub(1));
    match pane {
        Pane::Events if pos != app.events_pos.selected => {
            app.events_pos.selected = pos;
            app.on_event_changed();
        }
        Pane::Actors if pos != app.actors_pos.selected => {
            app.actors_pos.selected = pos;
            app.on_actor_changed();
        }
        Pane::Quotes if pos != app.quotes_pos.selected => {
            app.quotes_pos.selected = pos;
            app.detail_scroll = 0;
        }
        _ => {}
    }
}

/// Focuses a pane. Focusing events or actors makes it the quotes pane's context.
pub(super) fn focus(app: &mut App, pane: Pane) {
    app.focus = pane;
    if pane != Pane::Detail {
        if app.detail_of != pane {
            app.detail_scroll = 0;
        }
        app.detail_of = pane;
    }
    let context = match pane {
        Pane::Events => QuoteContext::Event,
        Pane::Actors => QuoteContext::Actor,
        _ => return,
    };
    if app.quote_context != context {
        set_quote_context(app, context);
    }
}

pub(super) fn set_quote_context(app: &mut App, context: QuoteContext) {
    app.quote_context = context;
    app.refresh_quotes();
    app.quotes_pos = ListPos::default();
}

pub(super) fn activate_pane(app: &mut App, pane: Pane) {
    match pane {
        Pane::Events | Pane::Detail => {
            let Some(e) = app.selected_event() else {
                return;
            };
            app.remember();
            set_quote_context(app, QuoteContext::Event);
            focus(app, Pane::Quotes);
            if app.quotes.is_empty() {
                let title = app.data.timeline.event(e).title();
                app.message = Some(format!("No quotes behind “{title}”."));
            }
        }
        Pane::Actors => {
            if let Some(a) = app.selected_actor() {
                filter_to_actor(app, a);
            }
        }
        Pane::Quotes => {
            if let Some(q) = app.selected_quote() {
                open_source(app, q);
            }
        }
    }
}

/// Lists only an actor's events, and puts the focus on them.
pub(super) fn filter_to_actor(app: &mut App, actor: ActorIx) {
    app.remember();
    app.set_filter(Some(Filter::Actor(actor)));
    if app.actors_mode == ActorsMode::All
        && let Some(rank) = app.data.overview().name_rank(actor)
    {
        app.actors_pos.selected = rank;
    }
    focus(app, Pane::Events);
    let n = app.events.len(&app.data);
    app.message = Some(format!(
        "{} of {} · f clears · Backspace goes back",
        crate::words::count(n, "event"),
        app.data.timeline.actor(actor).name()
    ));
}

/// Opens the source view of a quote's source with that quote chosen.
pub(super) fn open_source(app: &mut App, q: QuoteIx) {
    let source = app.data.timeline.quote(q).source();
    let selected = app
        .data
        .index
        .quotes_of_source(source)
        .iter()
        .position(|&x| x == q)
        .unwrap_or(0);
    let pos = ListPos {
        selected,
        // Show the excerpt before it too, for context.
        offset: selected.saturating_sub(1),
    };
    open_view(app, View::Source { source, pos });
}

/// Leaves any view for the main screen with an event selected (and a quote, if given).
pub(super) fn jump_to_event(app: &mut App, e: EventIx, quote: Option<QuoteIx>) {
    app.remember();
    app.view = View::Main;
    app.popup = None;
    app.search = None;
    app.quote_context = QuoteContext::Event;
    app.select_event(e);
    focus(app, Pane::Events);
    if let Some(pos) = quote.and_then(|q| app.quotes.iter().position(|&x| x == q)) {
        app.quotes_pos.selected = pos;
    }
    let event = app.data.timeline.event(e);
    app.message = Some(format!("{} · {}", event.date().human(), event.title()));
}

pub(super) fn toggle_actors(app: &mut App) {
    let current = app.selected_actor();
    app.actors_mode = match app.actors_mode {
        ActorsMode::OfEvent => ActorsMode::All,
        ActorsMode::All => ActorsMode::OfEvent,
    };
    if app.search.as_ref().is_some_and(|s| s.pane == Pane::Actors) {
        app.search = None;
    }
    app.refresh_actors();
    app.actors_pos = ListPos::default();
    if let Some(pos) = current.and_then(|a| app.actors.iter().position(|r| r.actor == a)) {
        app.actors_pos.selected = pos;
    }
    app.on_actor_changed();
}

pub(super) fn copy(app: &mut App, fx: &mut Effects) {
    match app.current_quote() {
        Some(q) => {
            fx.push(Effect::Copy(citation(&app.data, q)));
            app.message = Some("Copied the quote with its citation.".into());
        }
        None => app.message = Some("Select a quote to copy it (3: the quotes pane).".into()),
    }
}

/// The list of the open view, if a view is open.
pub(super) fn view_list(app: &App) -> Option<ListId> {
    match &app.view {
        View::Main => None,
        View::Source { .. } => Some(ListId::Source),
        View::Disputes { .. } => Some(ListId::Disputes),
        View::Sources { .. } => Some(ListId::Sources),
    }
}

/// Moves the selection of the open view's list by `delta`.
pub(super) fn move_in_view(app: &mut App, delta: isize) {
    let Some(id) = view_list(app) else {
        return;
    };
    let len = lists::item_count(app, id);
    if let Some(pos) = lists::position(app, id) {
        pos.step(delta, len);
    }
}

pub(super) fn in_view(app: &mut App, action: Action, fx: &mut Effects) {
    if global(app, action.clone(), fx) {
        return;
    }
    let page = view_page(app) as isize;
    let delta = match action {
        Action::Up => Some(-1),
        Action::Down => Some(1),
        Action::PageUp => Some(-page),
        Action::PageDown => Some(page),
        Action::Top => Some(isize::MIN / 2),
        Action::Bottom => Some(isize::MAX / 2),
        _ => None,
    };
    if let Some(delta) = delta {
        move_in_view(app, delta);
        return;
    }
    match action {
        Action::Activate => activate_view(app),
        Action::Close => close_view(app),
        Action::Copy => copy(app, fx),
        _ => {}
    }
}

/// How far PgUp/PgDn move in a view (`lists::page`).
fn view_page(app: &mut App) -> usize {
    let screen = app.screen();
    match view_list(app).and_then(|id| lists::entry(app, &screen, id)) {
        Some(entry) => lists::page(app, entry),
        None => 1,
    }
}

pub(super) fn activate_view(app: &mut App) {
    match app.view.clone() {
        View::Main => {}
        View::Source { .. } => {
            let Some(q) = app.current_quote() else { return };
            match app.data.index.events_of_quote(q).first() {
                Some(&e) => jump_to_event(app, e, Some(q)),
                None => app.message = Some("This excerpt supports no event.".into()),
            }
        }
        View::Disputes { pos } => {
            let Some(&d) = app.disputes().get(pos.selected) else {
                return;
            };
            match app.data.timeline.dispute(d).event() {
                Some(e) => jump_to_event(app, e, None),
                None => app.message = Some("This dispute is not about one event.".into()),
            }
        }
        View::Sources { pos } => {
            if pos.selected < app.data.timeline.sources().len() {
                let source = SourceIx(pos.selected as u32);
                open_view(
                    app,
                    View::Source {
                        source,
                        pos: ListPos::default(),
                    },
                );
            }
        }
    }
}
