//! `update(&mut App, Action)`: every change of state happens here, without I/O.
//! After each action every selection is clamped to its list and every scroll
//! offset follows its selection, for the terminal's current size.

use ratatui::layout::{Position, Rect};

use super::search::{finder_hits, hits_in_pane};
use super::{
    Action, ActorsMode, App, Effect, Filter, Finder, ListPos, Mode, Pane, Popup, QuoteContext, Row,
    Search, View, citation::citation, scroll_to, scroll_to_varying,
};
use crate::data::{EventIx, QuoteIx, SourceIx};
use crate::ui::layout::{self, Arrangement, Screen, inner};
use crate::ui::{detail, finder, help, quotes, source_view, theme::Theme};

/// Rows the mouse wheel moves.
const WHEEL_STEP: isize = 3;

pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize(..)) {
        app.message = None;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Resize(width, height) => {
            app.width = width;
            app.height = height;
        }
        Action::Click { column, row } => click(app, Position::new(column, row)),
        Action::ScrollUp { column, row } => wheel(app, Position::new(column, row), -WHEEL_STEP),
        Action::ScrollDown { column, row } => wheel(app, Position::new(column, row), WHEEL_STEP),
        _ => match app.mode() {
            Mode::Help => in_help(app, action),
            Mode::Finder => in_finder(app, action),
            Mode::Search => in_search(app, action),
            Mode::Main => in_main(app, action),
            Mode::Source | Mode::Disputes | Mode::Sources => in_view(app, action),
        },
    }
    keep_in_bounds(app);
    follow_selections(app);
}

fn screen(app: &App) -> Screen {
    layout::screen(Rect::new(0, 0, app.width, app.height), app)
}

// ---- What applies on the main screen and in the views alike.

fn global(app: &mut App, action: Action) -> bool {
    match action {
        Action::OpenHelp => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::OpenFinder => {
            app.popup = Some(Popup::Finder(Finder {
                query: String::new(),
                results: finder_hits(app, ""),
                pos: ListPos::default(),
            }))
        }
        Action::OpenDisputes => {
            if !matches!(app.view, View::Disputes { .. }) {
                // Start at the selected event's first dispute, if it has one.
                let selected = app
                    .selected_event()
                    .and_then(|e| app.data.index.disputes_of_event(e).first().copied())
                    .and_then(|d| app.disputes.iter().position(|&x| x == d))
                    .unwrap_or(0);
                open_view(app, View::Disputes { pos: at(selected) });
            }
        }
        Action::OpenSources => {
            if !matches!(app.view, View::Sources { .. }) {
                let selected = app
                    .current_quote()
                    .map_or(0, |q| app.data.timeline.quote(q).source.get());
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

fn at(selected: usize) -> ListPos {
    ListPos {
        selected,
        offset: selected,
    }
}

fn open_view(app: &mut App, view: View) {
    app.remember();
    app.search = None;
    app.view = view;
}

fn back(app: &mut App) {
    match app.history.pop() {
        Some(place) => app.restore(place),
        None => app.message = Some("Nothing to go back to.".into()),
    }
}

/// Esc in a view: back to the main screen it was opened from.
fn close_view(app: &mut App) {
    while let Some(place) = app.history.pop() {
        if place.view == View::Main {
            app.restore(place);
            return;
        }
    }
    app.view = View::Main;
}

// ---- The main screen.

fn in_main(app: &mut App, action: Action) {
    if global(app, action) {
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
            let pane = detail::subject(app);
            activate_pane(app, pane);
        }
        Action::Close if app.search.take().is_none() => {
            app.message = Some("Esc closes popups and searches; q quits.".into());
        }
        Action::ToggleAllActors => toggle_actors(app),
        Action::Copy => copy(app),
        Action::StartSearch => start_search(app),
        Action::NextMatch => next_match(app, true),
        Action::PrevMatch => next_match(app, false),
        _ => {}
    }
}

/// How far PgUp/PgDn move in a pane: its visible rows, less one for context.
fn page_size(app: &App, pane: Pane) -> usize {
    let rows = inner(screen(app).pane(pane)).height as usize;
    rows.saturating_sub(1).max(1)
}

/// Moves the selection of a pane (or scrolls the detail) by `delta`.
fn move_in(app: &mut App, pane: Pane, delta: isize) {
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
fn select(app: &mut App, pane: Pane, pos: usize) {
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
fn focus(app: &mut App, pane: Pane) {
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

fn set_quote_context(app: &mut App, context: QuoteContext) {
    app.quote_context = context;
    app.refresh_quotes();
    app.quotes_pos = ListPos::default();
}

fn activate_pane(app: &mut App, pane: Pane) {
    match pane {
        Pane::Events | Pane::Detail => {
            let Some(e) = app.selected_event() else {
                return;
            };
            app.remember();
            set_quote_context(app, QuoteContext::Event);
            focus(app, Pane::Quotes);
            if app.quotes.is_empty() {
                let title = &app.data.timeline.event(e).title;
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
pub fn filter_to_actor(app: &mut App, actor: crate::data::ActorIx) {
    app.remember();
    app.set_filter(Some(Filter::Actor(actor)));
    if app.actors_mode == ActorsMode::All {
        app.actors_pos.selected = app.actor_name_rank[actor.get()] as usize;
    }
    focus(app, Pane::Events);
    let n = app.events.len(&app.data);
    app.message = Some(format!(
        "{} of {} · f clears · Backspace goes back",
        detail::plural(n, "event"),
        app.data.timeline.actor(actor).name
    ));
}

/// Opens the source view of a quote's source with that quote chosen.
fn open_source(app: &mut App, q: QuoteIx) {
    let source = app.data.timeline.quote(q).source;
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
fn jump_to_event(app: &mut App, e: EventIx, quote: Option<QuoteIx>) {
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
    app.message = Some(format!("{} · {}", event.date.human(), event.title));
}

fn toggle_actors(app: &mut App) {
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

fn copy(app: &mut App) {
    match app.current_quote() {
        Some(q) => {
            app.effects.push(Effect::Copy(citation(&app.data, q)));
            app.message = Some("Copied the quote with its citation.".into());
        }
        None => app.message = Some("Select a quote to copy it (3: the quotes pane).".into()),
    }
}

// ---- Search in a pane.

fn start_search(app: &mut App) {
    let pane = app.focus;
    let Some(&saved) = app.pane_pos(pane).filter(|_| pane != Pane::Detail) else {
        app.message = Some("/ searches the events, actors and quotes panes.".into());
        return;
    };
    app.search = Some(Search {
        pane,
        query: String::new(),
        typing: true,
        hits: Vec::new(),
        saved,
    });
}

fn in_search(app: &mut App, action: Action) {
    let Some(search) = app.search.as_mut() else {
        return;
    };
    match action {
        Action::Input(c) => {
            search.query.push(c);
            research(app);
        }
        Action::DeleteChar => {
            if search.query.pop().is_none() {
                cancel_search(app);
            } else {
                research(app);
            }
        }
        Action::ClearInput => {
            search.query.clear();
            research(app);
        }
        Action::NextMatch => next_match(app, true),
        Action::PrevMatch => next_match(app, false),
        Action::Activate => {
            search.typing = false;
            if search.query.is_empty() {
                app.search = None;
            } else if search.hits.is_empty() {
                app.search = None;
                app.message = Some("No match.".into());
            }
        }
        Action::Close => cancel_search(app),
        _ => {}
    }
}

/// Runs the query again and moves to its best hit (or back to where the search began).
fn research(app: &mut App) {
    let Some(search) = app.search.as_ref() else {
        return;
    };
    let (pane, query, saved) = (search.pane, search.query.clone(), search.saved);
    let hits = hits_in_pane(app, pane, &query);
    let target = hits
        .iter()
        .max_by(|a, b| a.score.cmp(&b.score).then(b.pos.cmp(&a.pos)))
        .map_or(saved.selected, |h| h.pos);
    if let Some(search) = app.search.as_mut() {
        search.hits = hits;
    }
    select(app, pane, target);
}

fn cancel_search(app: &mut App) {
    if let Some(search) = app.search.take() {
        select(app, search.pane, search.saved.selected);
        set_offset(app, search.pane, search.saved.offset);
    }
}

fn set_offset(app: &mut App, pane: Pane, offset: usize) {
    match pane {
        Pane::Events => app.events_pos.offset = offset,
        Pane::Actors => app.actors_pos.offset = offset,
        Pane::Quotes => app.quotes_pos.offset = offset,
        Pane::Detail => {}
    }
}

fn next_match(app: &mut App, forward: bool) {
    let focus = app.focus;
    let Some(search) = app
        .search
        .as_ref()
        .filter(|s| s.pane == focus && !s.hits.is_empty())
    else {
        app.message = Some("No search in this pane: press / to search.".into());
        return;
    };
    let current = app.pane_pos(focus).map_or(0, |p| p.selected);
    let Some(hit) = search.next_from(current, forward) else {
        return;
    };
    let (pos, total) = (hit.pos, search.hits.len());
    let nth = search.hits.iter().position(|h| h.pos == pos).unwrap_or(0) + 1;
    select(app, focus, pos);
    app.message = Some(format!("Match {nth} of {total}"));
}

// ---- Popups.

fn in_finder(app: &mut App, action: Action) {
    let Some(Popup::Finder(finder)) = app.popup.as_mut() else {
        return;
    };
    let mut requery = true;
    match action {
        Action::Input(c) => finder.query.push(c),
        Action::DeleteChar => {
            finder.query.pop();
        }
        Action::ClearInput => finder.query.clear(),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            let page = app.height.saturating_sub(10).max(1) as isize;
            let delta = match action {
                Action::Up => -1,
                Action::Down => 1,
                Action::PageUp => -page,
                Action::PageDown => page,
                Action::Top => isize::MIN / 2,
                _ => isize::MAX / 2,
            };
            finder.pos.step(delta, finder.results.len());
            requery = false;
        }
        Action::Activate => {
            let chosen = finder.results.get(finder.pos.selected).map(|h| h.actor);
            app.popup = None;
            if let Some(actor) = chosen {
                filter_to_actor(app, actor);
            }
            return;
        }
        Action::Close => {
            app.popup = None;
            return;
        }
        _ => requery = false,
    }
    if requery {
        let query = finder.query.clone();
        let results = finder_hits(app, &query);
        if let Some(Popup::Finder(finder)) = app.popup.as_mut() {
            finder.results = results;
            finder.pos = ListPos::default();
        }
    }
}

fn in_help(app: &mut App, action: Action) {
    let Some(Popup::Help { scroll }) = app.popup.as_mut() else {
        return;
    };
    let page = app.height.saturating_sub(6).max(1) as isize;
    let delta = match action {
        Action::Close | Action::OpenHelp => {
            app.popup = None;
            return;
        }
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return,
    };
    *scroll = (*scroll as isize).saturating_add(delta).max(0) as usize;
}

// ---- Full-screen views.

fn view_len(app: &App) -> usize {
    match &app.view {
        View::Main => 0,
        View::Source { source, .. } => app.data.index.quotes_of_source(*source).len(),
        View::Disputes { .. } => app.disputes.len(),
        View::Sources { .. } => app.data.timeline.sources.len(),
    }
}

fn view_pos(app: &mut App) -> Option<&mut ListPos> {
    match &mut app.view {
        View::Main => None,
        View::Source { pos, .. } | View::Disputes { pos } | View::Sources { pos } => Some(pos),
    }
}

fn in_view(app: &mut App, action: Action) {
    if global(app, action) {
        return;
    }
    let len = view_len(app);
    let page = app.height.saturating_sub(8).max(1) as isize;
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
        if let Some(pos) = view_pos(app) {
            pos.step(delta, len);
        }
        return;
    }
    match action {
        Action::Activate => activate_view(app),
        Action::Close => close_view(app),
        Action::Copy => copy(app),
        _ => {}
    }
}

fn activate_view(app: &mut App) {
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
            let Some(&d) = app.disputes.get(pos.selected) else {
                return;
            };
            match app.data.timeline.dispute(d).event {
                Some(e) => jump_to_event(app, e, None),
                None => app.message = Some("This dispute is not about one event.".into()),
            }
        }
        View::Sources { pos } => {
            if pos.selected < app.data.timeline.sources.len() {
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

// ---- The mouse.

/// The mouse leaves a search being typed as it is, like Enter.
fn stop_typing(app: &mut App) {
    if let Some(search) = app.search.as_mut() {
        search.typing = false;
    }
}

fn click(app: &mut App, at: Position) {
    stop_typing(app);
    let screen = screen(app);
    if let Some(area) = screen.popup {
        if !area.contains(at) {
            app.popup = None;
        } else if let Some(Popup::Finder(finder)) = app.popup.as_mut() {
            let list = finder::list_area(area);
            if list.contains(at) {
                let pos = finder.pos.offset + usize::from(at.y - list.y);
                if pos < finder.results.len() {
                    finder.pos.selected = pos;
                }
            }
        }
        return;
    }
    if screen.arrangement == Arrangement::TooSmall {
        return;
    }
    if let Some(tabs) = screen.tabs.filter(|t| t.contains(at)) {
        if let Some(&(pane, ..)) = layout::tab_spans(tabs)
            .iter()
            .find(|&&(_, start, end)| at.x >= start && at.x < end)
        {
            focus(app, pane);
        }
        return;
    }
    match app.view.clone() {
        View::Main => {
            let Some(pane) = Pane::ALL
                .into_iter()
                .find(|&p| screen.shows(app, p) && screen.pane(p).contains(at))
            else {
                return;
            };
            focus(app, pane);
            let area = inner(screen.pane(pane));
            if area.contains(at)
                && let Some(pos) = pane_row_at(app, pane, area, at.y)
            {
                select(app, pane, pos);
            }
        }
        View::Source { source, pos } => {
            let area = inner(screen.view.main);
            if area.contains(at) {
                let data = app.data.clone();
                let excerpts = data.index.quotes_of_source(source);
                let width = area.width as usize;
                if let Some(n) = item_at(
                    pos.offset,
                    excerpts.len(),
                    usize::from(at.y - area.y),
                    |i| source_view::excerpt_height(&data, i, excerpts[i], width),
                ) && let Some(p) = view_pos(app)
                {
                    p.selected = n;
                }
            }
        }
        View::Disputes { pos } => {
            let area = inner(screen.view.top);
            if area.contains(at) {
                let n = pos.offset + usize::from(at.y - area.y);
                if n < app.disputes.len()
                    && let Some(p) = view_pos(app)
                {
                    p.selected = n;
                }
            }
        }
        View::Sources { pos } => {
            let area = inner(screen.view.main);
            if area.contains(at) {
                let n = pos.offset + usize::from(at.y - area.y);
                if n < app.data.timeline.sources.len()
                    && let Some(p) = view_pos(app)
                {
                    p.selected = n;
                }
            }
        }
    }
}

/// The item drawn at row `y` of a list of items of varying height starting at `offset`.
fn item_at(offset: usize, len: usize, y: usize, height: impl Fn(usize) -> usize) -> Option<usize> {
    let mut top = 0;
    for i in offset..len {
        let h = height(i);
        if y < top + h {
            return Some(i);
        }
        top += h;
    }
    None
}

/// The list position under row `y` of a pane's inside.
fn pane_row_at(app: &App, pane: Pane, area: Rect, y: u16) -> Option<usize> {
    let row = usize::from(y - area.y);
    match pane {
        Pane::Events => match app.events.row(&app.data, app.events_pos.offset + row)? {
            Row::Event(pos) => Some(pos),
            Row::Year { .. } => {
                let pos = app.events.row(&app.data, app.events_pos.offset + row + 1)?;
                match pos {
                    Row::Event(pos) => Some(pos),
                    Row::Year { .. } => None,
                }
            }
        },
        Pane::Actors => {
            let pos = app.actors_pos.offset + row;
            (pos < app.actors.len()).then_some(pos)
        }
        Pane::Quotes => {
            let width = area.width as usize;
            item_at(app.quotes_pos.offset, app.quotes.len(), row, |i| {
                quotes::item_height(&app.data, app.quotes[i], width)
            })
        }
        Pane::Detail => None,
    }
}

fn wheel(app: &mut App, at: Position, delta: isize) {
    stop_typing(app);
    let screen = screen(app);
    match &mut app.popup {
        Some(Popup::Finder(finder)) => {
            finder.pos.step(delta, finder.results.len());
            return;
        }
        Some(Popup::Help { scroll }) => {
            *scroll = (*scroll as isize).saturating_add(delta).max(0) as usize;
            return;
        }
        None => {}
    }
    if screen.arrangement == Arrangement::TooSmall {
        return;
    }
    if app.view == View::Main {
        if let Some(pane) = Pane::ALL
            .into_iter()
            .find(|&p| screen.shows(app, p) && screen.pane(p).contains(at))
        {
            move_in(app, pane, delta);
        }
    } else {
        let len = view_len(app);
        if let Some(pos) = view_pos(app) {
            pos.step(delta, len);
        }
    }
}

// ---- Invariants after every action.

fn keep_in_bounds(app: &mut App) {
    let events = app.events.len(&app.data);
    app.events_pos.clamp(events);
    app.actors_pos.clamp(app.actors.len());
    app.quotes_pos.clamp(app.quotes.len());
    let len = view_len(app);
    if let Some(pos) = view_pos(app) {
        pos.clamp(len);
    }
    if let Some(Popup::Finder(finder)) = app.popup.as_mut() {
        finder.pos.clamp(finder.results.len());
    }
    if app.search.as_ref().is_some_and(|s| s.pane == Pane::Detail) {
        app.search = None;
    }
    // A window never starts below its selection, even where nothing is drawn.
    let selected_row = app.events.row_of(app.events_pos.selected);
    app.events_pos.offset = app.events_pos.offset.min(selected_row);
    for pos in [&mut app.actors_pos, &mut app.quotes_pos] {
        pos.offset = pos.offset.min(pos.selected);
    }
    if let Some(pos) = view_pos(app) {
        pos.offset = pos.offset.min(pos.selected);
    }
    if let Some(Popup::Finder(finder)) = app.popup.as_mut() {
        finder.pos.offset = finder.pos.offset.min(finder.pos.selected);
    }
}

/// Moves every scroll offset as little as needed to show its selection.
fn follow_selections(app: &mut App) {
    let screen = screen(app);
    if screen.arrangement == Arrangement::TooSmall {
        return;
    }
    let data = app.data.clone();

    let events = inner(screen.pane(Pane::Events));
    app.events_pos.offset = app
        .events
        .scroll(&data, &app.events_pos, events.height as usize);

    let actors = inner(screen.pane(Pane::Actors));
    app.actors_pos.offset = scroll_to(
        app.actors_pos.offset,
        app.actors_pos.selected,
        actors.height as usize,
        app.actors.len(),
    );

    let quotes = inner(screen.pane(Pane::Quotes));
    let width = quotes.width as usize;
    let list = &app.quotes;
    app.quotes_pos.offset = scroll_to_varying(
        app.quotes_pos.offset,
        app.quotes_pos.selected,
        quotes.height as usize,
        list.len(),
        |i| {
            list.get(i)
                .map_or(1, |&q| quotes::item_height(&data, q, width))
        },
    );

    if app.detail_scroll > 0 {
        let area = inner(screen.pane(Pane::Detail));
        let lines = detail::lines(app, &Theme::new(false), area.width as usize).len();
        app.detail_scroll = app
            .detail_scroll
            .min(lines.saturating_sub(area.height as usize));
    }

    match &mut app.view {
        View::Main => {}
        View::Source { source, pos } => {
            let area = inner(screen.view.main);
            let excerpts = data.index.quotes_of_source(*source);
            let width = area.width as usize;
            let height = area.height as usize;
            pos.offset = scroll_to_varying(pos.offset, pos.selected, height, excerpts.len(), |i| {
                excerpts
                    .get(i)
                    .map_or(1, |&q| source_view::excerpt_height(&data, i, q, width))
            });
        }
        View::Disputes { pos } => {
            pos.offset = scroll_to(
                pos.offset,
                pos.selected,
                inner(screen.view.top).height as usize,
                app.disputes.len(),
            );
        }
        View::Sources { pos } => {
            pos.offset = scroll_to(
                pos.offset,
                pos.selected,
                inner(screen.view.main).height as usize,
                data.timeline.sources.len(),
            );
        }
    }

    match (&mut app.popup, screen.popup) {
        (Some(Popup::Finder(finder)), Some(area)) => {
            let list = finder::list_area(area);
            finder.pos.offset = scroll_to(
                finder.pos.offset,
                finder.pos.selected,
                list.height as usize,
                finder.results.len(),
            );
        }
        (Some(Popup::Help { scroll }), Some(area)) => {
            let area = inner(area);
            let lines = help::lines(&Theme::new(false), area.width as usize).len();
            *scroll = (*scroll).min(lines.saturating_sub(area.height as usize));
        }
        _ => {}
    }
}
