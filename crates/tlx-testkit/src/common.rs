//! Shared by the explorer's tests: the small hand-made timeline and ways to drive
//! the app with actions or keys, its searches answered at once as the explorer
//! does for a small timeline (`tlx::tui::update_inline`).

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tlx::app::{Action, App, Effect, Start, keymap};
use tlx::data::{ActorIx, EventIx, Indexed, ItemRef, QuoteIx, load_str};
use tlx::tui::update_inline;

pub const SMALL: &str = include_str!("../../../tests/data/tui-small.json");

pub fn data() -> Arc<Indexed> {
    Arc::new(load_str(SMALL).expect("the test timeline loads").data)
}

/// The app on the small timeline, sized like a terminal of `width` x `height`.
pub fn app_sized(width: u16, height: u16) -> App {
    let mut app = App::new(data(), Start::Top);
    let effects = update_inline(&mut app, Action::Resize(width, height));
    assert!(effects.is_empty(), "{effects:?}");
    app
}

pub fn app() -> App {
    app_sized(160, 45)
}

/// Runs actions; returns the effects they asked for other than searches (which
/// are answered).
pub fn run(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for action in actions {
        effects.extend(update_inline(app, action.clone()));
    }
    effects
}

/// Presses keys through the keymap, as the terminal would: `"jj"`, or named keys
/// such as `"<Enter>"`, `"<Esc>"`, `"<Tab>"`, `"<BS>"`, `"<C-o>"`. Returns the
/// effects they asked for other than searches (which are answered).
pub fn keys(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in parse_keys(keys) {
        if let Some(action) = keymap::lookup(app.mode(), &key) {
            effects.extend(update_inline(app, action));
        }
    }
    effects
}

pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let (code, mods) = match name {
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                "Up" => (KeyCode::Up, KeyModifiers::NONE),
                "Down" => (KeyCode::Down, KeyModifiers::NONE),
                "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
                "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "Home" => (KeyCode::Home, KeyModifiers::NONE),
                "End" => (KeyCode::End, KeyModifiers::NONE),
                other if other.starts_with("C-") => (
                    KeyCode::Char(other.chars().nth(2).unwrap()),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            out.push(KeyEvent::new(code, mods));
            rest = &rest[end + 1..];
        } else {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

pub fn event(app: &App, id: &str) -> EventIx {
    match app.data.find(id) {
        Some(ItemRef::Event(e)) => e,
        other => panic!("{id} is not an event: {other:?}"),
    }
}

pub fn actor(app: &App, id: &str) -> ActorIx {
    match app.data.find(id) {
        Some(ItemRef::Actor(a)) => a,
        other => panic!("{id} is not an actor: {other:?}"),
    }
}

pub fn quote(app: &App, id: &str) -> QuoteIx {
    match app.data.find(id) {
        Some(ItemRef::Quote(q)) => q,
        other => panic!("{id} is not a quote: {other:?}"),
    }
}

/// The id of the selected event.
pub fn selected_event(app: &App) -> String {
    app.selected_event()
        .map(|e| app.data.timeline.event(e).id().to_string())
        .unwrap_or_default()
}

pub fn selected_actor(app: &App) -> String {
    app.selected_actor()
        .map(|a| app.data.timeline.actor(a).id().to_string())
        .unwrap_or_default()
}

pub fn selected_quote(app: &App) -> String {
    app.selected_quote()
        .map(|q| app.data.timeline.quote(q).id().to_string())
        .unwrap_or_default()
}

/// The ids of the events listed, in order.
pub fn listed_events(app: &App) -> Vec<String> {
    app.events
        .items(&app.data)
        .iter()
        .map(|&e| app.data.timeline.event(e).id().to_string())
        .collect()
}

/// Selects an event by id through the keys (j from the top).
pub fn go_to_event(app: &mut App, id: &str) {
    keys(app, "1g");
    for _ in 0..app.events.len(&app.data) {
        if selected_event(app) == id {
            return;
        }
        keys(app, "j");
    }
    panic!("{id} is not listed");
}

/// A valid timeline of at least `bytes` bytes, one plain event per line (and a
/// quote and a source): long enough to be read and parsed on two threads, and
/// to keep a loading screen up.
pub fn long_timeline(bytes: usize) -> String {
    let mut text = String::from("{\"format\": \"tlx/1\", \"title\": \"long\",\n\"events\": [\n");
    let mut i = 0;
    while text.len() < bytes {
        if i > 0 {
            text.push_str(",\n");
        }
        text.push_str(&format!(
            r#"{{"id": "e{i}", "date": "2020-01-02", "title": "Event {i}", "summary": "a summary long enough to matter"}}"#
        ));
        i += 1;
    }
    text.push_str("\n],\n\"quotes\": [{\"id\": \"q\", \"source\": \"s\", \"text\": \"t\"}],\n");
    text.push_str("\"sources\": [{\"id\": \"s\", \"title\": \"S\", \"publisher\": \"P\"}]}\n");
    text
}
