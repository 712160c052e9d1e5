//! A load's progress (`tlx::data::progress`) as a reader sees it: the phases in
//! order, a fraction that never goes back and reaches the end only when the
//! load succeeds, and the two parse threads' bytes adding up to the text.

use std::sync::Arc;

use common::long_timeline;
use tlx_testkit::common;

use tlx::data::{LoadProgress, Phase, load_file};
use tlx::testing::{LongList, SPLIT_FROM_BYTES, parse_split_at, parse_split_near};

/// A file in the temp directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> Self {
        let path = std::env::temp_dir().join(format!("tlx-progress-{}-{name}", std::process::id()));
        std::fs::write(&path, text).expect("the temp directory is writable");
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Loads `path` on a thread, taking snapshots as fast as they come until it
/// ends: every one of them, then the one after the load.
fn watch_load(path: &std::path::Path) -> (bool, Vec<(Phase, f64)>) {
    let progress = Arc::new(LoadProgress::new());
    let reported = Arc::clone(&progress);
    let path = path.to_path_buf();
    let load = std::thread::spawn(move || match load_file(&path, &reported) {
        Ok(_) => true,
        Err(e) => {
            eprintln!("{e}");
            false
        }
    });
    let mut seen = Vec::new();
    while !load.is_finished() {
        let now = progress.snapshot();
        seen.push((now.phase, now.fraction));
        std::thread::yield_now();
    }
    let ok = load.join().unwrap();
    let now = progress.snapshot();
    seen.push((now.phase, now.fraction));
    (ok, seen)
}

#[test]
fn a_long_load_moves_forward_and_ends_at_the_end() {
    // Long enough to be read in halves (8 MiB) and parsed on two threads.
    let file = TempFile::new("long.json", &long_timeline(9 << 20));
    let (ok, seen) = watch_load(&file.0);
    assert!(ok);
    for pair in seen.windows(2) {
        assert!(pair[0].0 <= pair[1].0, "a phase went back: {pair:?}");
        assert!(pair[0].1 <= pair[1].1, "the fraction went back: {pair:?}");
    }
    // 1.0 is reached only with the Done phase. The watcher may see it more than
    // once: the load thread still frees its work after reporting the end, so
    // `is_finished` turns true a moment later.
    for &(phase, fraction) in &seen {
        assert_eq!(fraction == 1.0, phase == Phase::Done, "{seen:?}");
    }
    assert_eq!(seen.last(), Some(&(Phase::Done, 1.0)));
    // The reader saw the load in between, not only its ends.
    assert!(seen.iter().any(|&(_, f)| f > 0.0 && f < 1.0), "{seen:?}");
}

#[test]
fn a_failed_load_never_reaches_the_end() {
    let mut text = long_timeline(2 << 20);
    // An event with no title, near the end: found only by checking.
    let last = text.rfind("\"title\": \"Event").unwrap();
    text.replace_range(last..last + "\"title\"".len(), "\"name\"");
    let file = TempFile::new("bad.json", &text);
    let (ok, seen) = watch_load(&file.0);
    assert!(!ok);
    let &(phase, fraction) = seen.last().unwrap();
    assert!(phase < Phase::Done && fraction < 1.0, "{seen:?}");
    // Nor a file that is not there.
    let (ok, seen) = watch_load(std::path::Path::new("/nonexistent/tlx-progress.json"));
    assert!(!ok);
    assert!(seen.iter().all(|&(_, f)| f == 0.0));
}

/// The parse share of a snapshot: from 0 to 1.
fn parsed_share(progress: &LoadProgress) -> f64 {
    let now = progress.snapshot();
    assert_eq!(now.phase, Phase::Parsing);
    // Reading is the first 10%, parsing the next 35% (`progress::Phase`).
    (now.fraction - 0.10) / 0.35
}

#[test]
fn the_two_parse_threads_add_up_to_the_text() {
    let text = long_timeline(SPLIT_FROM_BYTES * 3);
    let start = |progress: &LoadProgress| {
        progress.start_reading(0);
        progress.start_parsing(text.len() as u64);
    };
    // The second thread's work taken: its bytes and the first's are the text.
    let progress = LoadProgress::new();
    start(&progress);
    let split = parse_split_near(&text, text.len() / 2, &progress);
    assert!(split.taken_at.is_some() && split.raw.is_ok());
    assert!(
        parsed_share(&progress) > 0.9999,
        "{}",
        parsed_share(&progress)
    );
    // Refused (started inside an event, or as the wrong list): the first thread
    // parses it all again, and its bytes alone are the text.
    for (at, list) in [
        (text.len() / 2, LongList::Events),
        (text.rfind("{\"id\": \"e").unwrap(), LongList::Quotes),
    ] {
        let progress = LoadProgress::new();
        start(&progress);
        let split = parse_split_at(&text, at, list, &progress);
        assert!(split.taken_at.is_none() && split.raw.is_ok());
        assert!(
            parsed_share(&progress) > 0.9999,
            "{}",
            parsed_share(&progress)
        );
    }
}
