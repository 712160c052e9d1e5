//! How long a load takes and how much heap it needs: the peak while loading and
//! what stays allocated afterwards (the retained cost of the timeline and its
//! index), counted exactly by a wrapping global allocator.
//!
//! `cargo run --release --example load-stats -- FILE [RUNS]`
//!
//! Prints one line per run; the heap figures are those of the first run.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting live and peak bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: load-stats FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let file_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as usize;
    for run in 0..runs {
        let before = LIVE.load(Relaxed);
        PEAK.store(before, Relaxed);
        let start = Instant::now();
        let loaded = match tlx::data::load_file(
            std::path::Path::new(&path),
            &tlx::data::LoadProgress::new(),
        ) {
            Ok(loaded) => loaded,
            Err(e) => {
                eprintln!("load-stats: {e}");
                std::process::exit(1);
            }
        };
        let elapsed = start.elapsed();
        let peak = PEAK.load(Relaxed) - before;
        let retained = LIVE.load(Relaxed) - before;
        println!(
            "run {}: {} events loaded in {:.1} ms; heap peak {} ({:.2}x file), retained {} ({:.2}x file), file {}",
            run + 1,
            loaded.data.timeline.events().len(),
            elapsed.as_secs_f64() * 1000.0,
            mb(peak),
            peak as f64 / file_bytes as f64,
            mb(retained),
            retained as f64 / file_bytes as f64,
            mb(file_bytes),
        );
        drop(loaded);
    }
}
