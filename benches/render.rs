//! Frames: the explorer's whole screen at 200x60 on ratatui's TestBackend (build
//! the widgets, render into the buffer, diff against the last frame), after a key
//! that moves the selection, on a timeline of 100 events and one of 1,000,000.
//! Nothing drawn per frame should grow with the data: lists build rows for their
//! visible window only, so the two should take about the same time. (This is
//! where that is measured; `tests/render.rs` only checks what such a frame shows.)
//!
//! `cargo bench --bench render` (the 1M-event timeline is generated in-process:
//! about 1 GB and 15 s before the first sample).

use tlx_testkit::synth;

use std::sync::Arc;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tlx::app::{Action, App, Start, update};
use tlx::ui;

/// Updates with an action that asks for no effect (a move, a resize).
fn step(app: &mut App, action: Action) {
    let effects = update(app, action);
    debug_assert!(effects.is_empty());
}

fn app(events: u64) -> App {
    let data = tlx::data::load_bytes(&synth::generate(&synth::Spec::new(events)))
        .expect("valid")
        .data;
    let mut app = App::new(Arc::new(data), Start::Top);
    step(&mut app, Action::Resize(200, 60));
    app
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame-200x60");
    for events in [100u64, 1_000_000] {
        let mut app = app(events);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
        terminal
            .draw(|frame| ui::render(&app, frame))
            .expect("draw");
        let mut down = true;
        group.bench_function(BenchmarkId::new("key-then-frame", events), |b| {
            b.iter(|| {
                // Down and up in turn, so every frame has something to redraw and
                // the selection stays near the top of a long list as of a short one.
                step(&mut app, if down { Action::Down } else { Action::Up });
                down = !down;
                terminal
                    .draw(|frame| ui::render(&app, frame))
                    .expect("draw");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
