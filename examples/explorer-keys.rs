//! What a key costs the explorer's input thread, with searches answered inline
//! (`tui::update_inline`, as the explorer does for small timelines) and handed to
//! the worker (`Effect::Search`, as it does for large ones): `/drone attack basra`
//! typed in the events pane, then the actor finder with `kataib hezbollah`. Prints each run's p50, p95 and max per key, and
//! how long `App::new` takes (it runs on the loading thread).
//!
//! `cargo run --release --example explorer-keys -- FILE`

use std::sync::Arc;
use std::time::{Duration, Instant};

use tlx::app::{Action, App, Start, update};
use tlx::tui::update_inline;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explorer-keys FILE");
        std::process::exit(2);
    };
    let data = Arc::new(
        tlx::data::load_file(std::path::Path::new(&path), &tlx::data::LoadProgress::new())
            .unwrap_or_else(|e| {
                eprintln!("explorer-keys: {e}");
                std::process::exit(1);
            })
            .data,
    );
    let started = Instant::now();
    let app = App::new(data.clone(), Start::Top);
    println!(
        "{} events, {} actors; App::new {:.1} ms",
        data.timeline.events().len(),
        data.timeline.actors().len(),
        ms(started.elapsed())
    );
    drop(app);
    for inline in [false, true] {
        let mut app = App::new(data.clone(), Start::Top);
        let _ = update(&mut app, Action::Resize(200, 60));
        let mut times = Vec::new();
        let mut keys: Vec<Action> = vec![Action::StartSearch];
        keys.extend("drone attack basra".chars().map(Action::Input));
        keys.push(Action::Close);
        keys.push(Action::OpenFinder);
        keys.extend("kataib hezbollah".chars().map(Action::Input));
        for action in keys {
            let started = Instant::now();
            // The worker's searches are left undone: the key's cost is what counts.
            let effects = if inline {
                update_inline(&mut app, action)
            } else {
                update(&mut app, action)
            };
            times.push(started.elapsed());
            drop(effects);
        }
        times.sort();
        let at = |p: f64| ms(times[((times.len() - 1) as f64 * p).round() as usize]);
        println!(
            "{}: {} keys, p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
            if inline { "inline" } else { "worker" },
            times.len(),
            at(0.5),
            at(0.95),
            at(1.0)
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
