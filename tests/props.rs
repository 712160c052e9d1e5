//! Property tests: random key presses, clicks and resizes on random terminal sizes
//! (1x1 to 300x100), on a small, an empty and the embedded timeline, never panic,
//! and after every step every selection and scroll offset is inside its list.

mod common;

use std::sync::Arc;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tlx::app::{Action, App, Popup, Start, View, keymap, update};
use tlx::data::{Indexed, load_str};

const EMPTY: &str = r#"{ "format": "tlx/1", "title": "Nothing", "events": [] }"#;

fn timeline(which: u8) -> Arc<Indexed> {
    match which {
        0 => common::data(),
        1 => Arc::new(load_str(EMPTY).unwrap().data),
        _ => Arc::new(tlx::data::embedded().unwrap().data),
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(KeyEvent),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let codes = prop_oneof![
        // Every key the keymap binds, often.
        4 => proptest::sample::select(
            keymap::BINDINGS.iter().flat_map(|b| b.keys.iter().copied()).collect::<Vec<_>>()
        )
        .prop_map(|k| {
            let mods = if k.ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
            KeyEvent::new(k.code, mods)
        }),
        // Letters typed into searches and the finder.
        2 => proptest::char::range('a', 'z').prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        1 => Just(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE)),
        1 => Just(KeyEvent::new(KeyCode::Char('é'), KeyModifiers::NONE)),
        1 => Just(KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE)),
    ];
    codes
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => key().prop_map(Step::Key),
        2 => (0u16..320, 0u16..110).prop_map(|(x, y)| Step::Click(x, y)),
        1 => (0u16..320, 0u16..110, any::<bool>()).prop_map(|(x, y, down)| Step::Wheel(x, y, down)),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

fn apply(app: &mut App, step: &Step) {
    let action = match *step {
        Step::Key(key) => keymap::lookup(app.mode(), &key),
        Step::Click(column, row) => Some(Action::Click { column, row }),
        Step::Wheel(column, row, true) => Some(Action::ScrollDown { column, row }),
        Step::Wheel(column, row, false) => Some(Action::ScrollUp { column, row }),
        Step::Resize(w, h) => Some(Action::Resize(w, h)),
    };
    if let Some(action) = action {
        update(app, action);
    }
}

/// Every index the state holds points inside its list.
fn check_bounds(app: &App) -> Result<(), TestCaseError> {
    let data = &app.data;
    let in_list = |selected: usize, len: usize| selected < len.max(1);
    let events = app.events.len(data);
    prop_assert!(in_list(app.events_pos.selected, events));
    prop_assert!(app.events_pos.offset <= app.events.row_of(app.events_pos.selected));
    prop_assert!(in_list(app.actors_pos.selected, app.actors.len()));
    prop_assert!(app.actors_pos.offset <= app.actors_pos.selected);
    prop_assert!(in_list(app.quotes_pos.selected, app.quotes.len()));
    prop_assert!(app.quotes_pos.offset <= app.quotes_pos.selected);
    if events > 0 {
        prop_assert!(app.selected_event().is_some());
    }
    for row in &app.actors {
        prop_assert!(row.actor.get() < data.timeline.actors.len());
    }
    match &app.view {
        View::Main => {}
        View::Source { source, pos } => {
            prop_assert!(source.get() < data.timeline.sources.len());
            prop_assert!(in_list(
                pos.selected,
                data.index.quotes_of_source(*source).len()
            ));
            prop_assert!(pos.offset <= pos.selected);
        }
        View::Disputes { pos } => {
            prop_assert!(in_list(pos.selected, app.disputes.len()));
            prop_assert!(pos.offset <= pos.selected);
        }
        View::Sources { pos } => {
            prop_assert!(in_list(pos.selected, data.timeline.sources.len()));
            prop_assert!(pos.offset <= pos.selected);
        }
    }
    if let Some(Popup::Finder(finder)) = &app.popup {
        prop_assert!(in_list(finder.pos.selected, finder.results.len()));
        prop_assert!(finder.pos.offset <= finder.pos.selected);
    }
    if let Some(search) = &app.search {
        let len = app.pane_len(search.pane);
        prop_assert!(search.hits.iter().all(|h| h.pos < len));
        prop_assert!(search.hits.windows(2).all(|w| w[0].pos < w[1].pos));
    }
    prop_assert!(app.history.len() <= tlx::app::HISTORY_LIMIT);
    Ok(())
}

fn draw(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|frame| tlx::ui::render(app, frame)).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_on_random_sizes_never_panic_and_stay_in_bounds(
        which in 0u8..3,
        colors in any::<bool>(),
        (width, height) in (1u16..=300, 1u16..=100),
        steps in proptest::collection::vec(step(), 0..80),
    ) {
        let mut app = App::new(timeline(which), Start::Top);
        app.colors = colors;
        update(&mut app, Action::Resize(width, height));
        check_bounds(&app)?;
        for (n, step) in steps.iter().enumerate() {
            apply(&mut app, step);
            check_bounds(&app)?;
            // Drawing every step at 300x100 is slow in debug builds; every few is enough.
            if n % 4 == 0 || n + 1 == steps.len() {
                draw(&app);
            }
            if app.quit {
                break;
            }
        }
        draw(&app);
    }
}
