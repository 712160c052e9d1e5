//! Start-up as the explorer does it, without a terminal: load the timeline (the
//! built-in one, or FILE), build the app, draw the first 200x60 frame on
//! ratatui's TestBackend. Prints the time of each step since `main` began; time the
//! whole process (exec and exit included) with hyperfine.
//!
//! `cargo run --release --example first-frame -- [FILE]`

use std::sync::Arc;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tlx::app::{Action, App, Start, update};
use tlx::ui;

fn main() {
    let start = Instant::now();
    let ms = || start.elapsed().as_secs_f64() * 1000.0;
    let loaded = match std::env::args_os().nth(1) {
        Some(path) => {
            tlx::data::load_file(std::path::Path::new(&path), &tlx::data::LoadProgress::new())
        }
        None => tlx::data::embedded(),
    };
    let data = match loaded {
        Ok(loaded) => loaded.data,
        Err(e) => {
            eprintln!("first-frame: {e}");
            std::process::exit(1);
        }
    };
    let loaded_at = ms();
    let mut app = App::new(Arc::new(data), Start::Top);
    let _ = update(&mut app, Action::Resize(200, 60));
    let app_at = ms();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    terminal
        .draw(|frame| ui::render(&app, frame))
        .expect("draw");
    println!(
        "loaded {:.2} ms, app {:.2} ms, first frame {:.2} ms ({} events)",
        loaded_at,
        app_at,
        ms(),
        app.data.timeline.events().len()
    );
}
