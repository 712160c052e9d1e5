//! The actor finder and the help.

use super::navigate::filter_to_actor;
use super::request;
use crate::app::{Action, App, Effects, FINDER_ROWS, Popup};
use crate::data::search::worker::SearchTarget;

pub(super) fn in_finder(app: &mut App, action: Action, fx: &mut Effects) {
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
        // The results stay until the answer comes.
        let query = finder.query.clone();
        let generation = request(app, fx, SearchTarget::Finder { rows: FINDER_ROWS }, query);
        if let Some(Popup::Finder(finder)) = app.popup.as_mut() {
            finder.generation = generation;
            finder.pending = true;
        }
    }
}

pub(super) fn in_help(app: &mut App, action: Action) {
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
