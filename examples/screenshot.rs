//! Prints the explorer's screen as text, for the README:
//! `cargo run --example screenshot -- 120 32 "keys"` (keys as the keymap reads them,
//! one character each; `\n` for Enter). `cargo run --example screenshot -- keys`
//! prints the keys section instead.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tlx::app::{Action, App, Start, keymap};
use tlx::tui::update_inline;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("keys") {
        print!("{}", keymap::markdown());
        return;
    }
    let width = args.first().and_then(|a| a.parse().ok()).unwrap_or(120);
    let height = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(32);
    let keys = args
        .get(2)
        .cloned()
        .unwrap_or_default()
        .replace("\\n", "\n");
    let data = tlx::data::embedded()
        .expect("the embedded timeline loads")
        .data;
    let mut app = App::new(Arc::new(data), Start::Top);
    let _ = update_inline(&mut app, Action::Resize(width, height));
    for c in keys.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        if let Some(action) = keymap::lookup(app.mode(), &KeyEvent::new(code, KeyModifiers::NONE)) {
            let _ = update_inline(&mut app, action);
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| tlx::ui::render(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    for y in 0..height {
        let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
        println!("{}", line.trim_end());
    }
}
