//! What the loading screen would show during a load, sampled every 50 ms: the
//! time, the phase and the overall per cent, to see that the bar moves evenly
//! and never back.
//!
//! `cargo run --release --example load-progress -- FILE`

use std::sync::Arc;
use std::time::{Duration, Instant};

use tlx::data::{LoadProgress, Phase, load_file};

fn main() {
    let path = std::env::args().nth(1).expect("usage: load-progress FILE");
    let progress = Arc::new(LoadProgress::new());
    let reported = Arc::clone(&progress);
    let started = Instant::now();
    let load = std::thread::spawn(move || load_file(path.as_ref(), &reported));
    let mut last = 0.0;
    loop {
        let now = progress.snapshot();
        assert!(now.fraction >= last, "the fraction went back");
        last = now.fraction;
        println!(
            "{:6.2} s  {:9} {:6.2}%",
            started.elapsed().as_secs_f64(),
            now.phase.name(),
            now.fraction * 100.0
        );
        if now.phase == Phase::Done || load.is_finished() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let loaded = load.join().expect("the load does not panic");
    let now = progress.snapshot();
    println!(
        "{:6.2} s  {:9} {:6.2}%  {}",
        started.elapsed().as_secs_f64(),
        now.phase.name(),
        now.fraction * 100.0,
        if loaded.is_ok() { "loaded" } else { "failed" }
    );
}
