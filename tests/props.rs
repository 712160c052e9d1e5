//! Property tests: random key presses, clicks and resizes on random terminal sizes
//! (1x1 to 300x100), on a small, an empty and the embedded timeline, never panic,
//! and after every step every selection and scroll offset is inside its list.

use tlx_testkit::app_bounds;
use tlx_testkit::common;

use std::sync::Arc;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tlx::app::{Action, App, Effect, Start, keymap};
use tlx::data::{Indexed, load_str};
use tlx::tui::update_inline;

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

/// Applies a step; true when it asked to quit.
fn apply(app: &mut App, step: &Step) -> bool {
    let action = match *step {
        Step::Key(key) => keymap::lookup(app.mode(), &key),
        Step::Click(column, row) => Some(Action::Click { column, row }),
        Step::Wheel(column, row, true) => Some(Action::ScrollDown { column, row }),
        Step::Wheel(column, row, false) => Some(Action::ScrollUp { column, row }),
        Step::Resize(w, h) => Some(Action::Resize(w, h)),
    };
    action.is_some_and(|action| update_inline(app, action).contains(&Effect::Quit))
}

/// Every index the state holds points inside its list (shared with the fuzz target).
fn check_bounds(app: &App) -> Result<(), TestCaseError> {
    app_bounds::check(app).map_err(TestCaseError::fail)
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
        let _ = update_inline(&mut app, Action::Resize(width, height));
        check_bounds(&app)?;
        for (n, step) in steps.iter().enumerate() {
            let quit = apply(&mut app, step);
            check_bounds(&app)?;
            // Drawing every step at 300x100 is slow in debug builds; every few is enough.
            if n % 4 == 0 || n + 1 == steps.len() {
                draw(&app);
            }
            if quit {
                break;
            }
        }
        draw(&app);
    }
}
