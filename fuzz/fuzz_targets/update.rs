//! Arbitrary key presses, clicks, wheel turns and resizes (from 0x0 to 500x200)
//! driven through `tlx::app::update` on one of several timelines, each state
//! drawn into a `TestBackend` of the app's size.
//!
//! Nothing may panic; after every step every index the state holds is inside its
//! list (`tests/support/app_bounds.rs`); and no drawn cell holds a control
//! character, so nothing from the data can reach the terminal as an escape.

#![no_main]

use tlx_testkit::app_bounds;

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tlx::app::{Action, App, Effect, Start, keymap};
use tlx::tui::update_inline;
use tlx::data::{ActorIx, EventIx, Indexed, load_str};

/// The timelines to explore: small, empty, the embedded one, and hostile text.
fn timelines() -> &'static [Arc<Indexed>] {
    static TIMELINES: OnceLock<Vec<Arc<Indexed>>> = OnceLock::new();
    TIMELINES.get_or_init(|| {
        let texts = [
            include_str!("../../tests/data/tui-small.json"),
            r#"{ "format": "tlx/1", "title": "Nothing", "events": [] }"#,
            tlx::data::EMBEDDED_JSON,
            include_str!("../../tests/data/warnings/ansi-escapes.json"),
            include_str!("../../tests/data/warnings/text-emoji-cjk.json"),
            include_str!("../../tests/data/warnings/text-rtl-combining.json"),
        ];
        texts
            .iter()
            .map(|t| Arc::new(load_str(t).expect("a test timeline").data))
            .collect()
    })
}

/// Every key the keymap binds, then a few it does not.
fn keys() -> &'static [KeyEvent] {
    static KEYS: OnceLock<Vec<KeyEvent>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<KeyEvent> = keymap::BINDINGS
            .iter()
            .flat_map(|b| b.keys.iter())
            .map(|k| {
                let mods = if k.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                KeyEvent::new(k.code, mods)
            })
            .collect();
        keys.extend([
            KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE),
            KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT),
            KeyEvent::new(KeyCode::Insert, KeyModifiers::NONE),
        ]);
        keys
    })
}

#[derive(Arbitrary, Debug)]
enum Step {
    /// A bound key, by its place in `keys()`.
    Key(u8),
    /// Any character: typed into searches and the finder, or ignored.
    Char(char),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
}

#[derive(Debug)]
struct Input {
    timeline: usize,
    start: Start,
    colors: bool,
    width: u16,
    height: u16,
    steps: Vec<Step>,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let timeline = u.choose_index(timelines().len())?;
        let data = &timelines()[timeline].timeline;
        let start = match u.int_in_range(0..=2)? {
            1 if data.event_count() != 0 => {
                Start::Event(EventIx(u.choose_index(data.event_count())? as u32))
            }
            2 if data.actor_count() != 0 => {
                Start::Actor(ActorIx(u.choose_index(data.actor_count())? as u32))
            }
            _ => Start::Top,
        };
        Ok(Input {
            timeline,
            start,
            colors: u.arbitrary()?,
            width: u.int_in_range(0..=500)?,
            height: u.int_in_range(0..=200)?,
            steps: u.arbitrary_iter()?.take(64).collect::<Result<_, _>>()?,
        })
    }
}

fn action(app: &App, step: &Step) -> Option<Action> {
    match *step {
        Step::Key(i) => {
            let keys = keys();
            keymap::lookup(app.mode(), &keys[usize::from(i) % keys.len()])
        }
        Step::Char(c) => keymap::lookup(
            app.mode(),
            &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        ),
        Step::Click(column, row) => Some(Action::Click { column, row }),
        Step::Wheel(column, row, true) => Some(Action::ScrollDown { column, row }),
        Step::Wheel(column, row, false) => Some(Action::ScrollUp { column, row }),
        // Sizes as a terminal may report them, 0x0 included, up to 500x200.
        Step::Resize(w, h) => Some(Action::Resize(w % 501, h % 201)),
    }
}

fn draw(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    let frame = terminal.draw(|frame| tlx::ui::render(app, frame)).unwrap();
    for cell in frame.buffer.content() {
        if let Some(c) = cell.symbol().chars().find(|c| c.is_control()) {
            panic!(
                "control character {c:?} drawn at {}x{}",
                app.width, app.height
            );
        }
    }
}

fuzz_target!(|input: Input| {
    let mut app = App::new(Arc::clone(&timelines()[input.timeline]), input.start);
    app.colors = input.colors;
    let _ = update_inline(&mut app, Action::Resize(input.width, input.height));
    draw(&app);
    for step in &input.steps {
        // Searches are answered at once, as the explorer does for small timelines.
        let effects = match action(&app, step) {
            Some(action) => update_inline(&mut app, action),
            None => Vec::new(),
        };
        if let Err(problem) = app_bounds::check(&app) {
            panic!("after {step:?}: {problem}");
        }
        draw(&app);
        if effects.contains(&Effect::Quit) {
            break;
        }
    }
});
