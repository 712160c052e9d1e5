//! Search latency per keystroke, as the finder sees it: each query is typed one
//! character at a time and every prefix is searched, over a loaded timeline's actor
//! names and aliases (and, with `--events`, its events). tlx is timed as the finder
//! uses it (the 50 best rows, with the count of all matches) and as the command
//! line does (every match, ranked). Beside it, nucleo-matcher scans the same actor
//! strings on every keystroke and sorts its matches. Prints p50, p95 and max.
//!
//! `cargo run --release --example search-keystrokes -- FILE [--rounds N] [--events [--ranked]] [--each] [--prepared]`
//!
//! `--prepared` prepares the search first as `SearchWorker` does on its thread;
//! without it, the first search of each letter computes that letter's scores.
//!
//! `--each` first prints the time of every key of one round, cold.

use std::time::{Duration, Instant};

use tlx::data::search::{ActorSearch, EventSearch};

use nucleo::Nucleo;
use tlx_testkit::nucleo;

/// A full name, fzf-style initials, a surname, a kunya, a transliteration variant.
const QUERIES: &[&str] = &[
    "kataib hezbollah",
    "ktb hzb",
    "muhandis",
    "abu mahdi",
    "kadhimi",
];

/// What the event search is timed with, one key at a time.
const EVENT_QUERY: &str = "drone attack basra";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: search-keystrokes FILE [--rounds N] [--events]");
        std::process::exit(2);
    };
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(3);
    let data = tlx::data::load_file(std::path::Path::new(path), &tlx::data::LoadProgress::new())
        .unwrap_or_else(|e| {
            eprintln!("search-keystrokes: {e}");
            std::process::exit(1);
        })
        .data;
    let names: Vec<&str> = data
        .timeline
        .actors()
        .flat_map(|a| std::iter::once(a.name()).chain(a.aliases()))
        .collect();
    println!(
        "{} actors, {} names and aliases, {} events; {} queries x {rounds} rounds, one search per key",
        data.timeline.actors().len(),
        names.len(),
        data.timeline.events().len(),
        QUERIES.len()
    );

    let search = ActorSearch::new(&data);
    // The first search prepares the candidates; say what that costs, once.
    let start = Instant::now();
    search.search_top("", 1);
    let candidates = start.elapsed();
    if args.iter().any(|a| a == "--prepared") {
        search.prepare();
    }
    println!(
        "tlx prepares the actor candidates once: {:.1} ms{}",
        candidates.as_secs_f64() * 1000.0,
        if args.iter().any(|a| a == "--prepared") {
            format!(
                "; with every letter's scores (ActorSearch::prepare, as SearchWorker does off the input thread): {:.1} ms",
                start.elapsed().as_secs_f64() * 1000.0
            )
        } else {
            String::new()
        }
    );
    if args.iter().any(|a| a == "--each") {
        for query in QUERIES {
            let line: Vec<String> = keystrokes(query)
                .map(|q| {
                    let start = Instant::now();
                    let total = search.search_top(q, 50).1;
                    format!(
                        "{q:?} {:.1} ms ({total})",
                        start.elapsed().as_secs_f64() * 1000.0
                    )
                })
                .collect();
            println!("  {}", line.join(", "));
        }
    }
    report("tlx actors, top 50", rounds, |q| search.search_top(q, 50).1);
    report("tlx actors, all", rounds, |q| search.search(q).len());

    let mut nucleo = Nucleo::new(names.iter().copied());
    report("nucleo-matcher actors", rounds, |q| nucleo.rank(q).len());

    if args.iter().any(|a| a == "--events") {
        // Event search (titles, summaries, places, tags) as the events pane asks
        // for it: which events match and the best one (`EventSearch::find`), each
        // key of one typed query, `rounds` times.
        let search = EventSearch::new(&data);
        let start = Instant::now();
        // The first query builds the event masks (SearchWorker does when it starts).
        search.find("zzz", None, &|| false, &mut |_| {});
        println!(
            "tlx prepares the event masks once: {:.1} ms (with the first query)",
            start.elapsed().as_secs_f64() * 1000.0
        );
        // Per key: when the first answer came (a long scan's first part, with the
        // hits up to some position), and when the whole answer did.
        let mut first: Vec<Vec<Duration>> = Vec::new();
        let mut whole: Vec<Vec<Duration>> = Vec::new();
        let mut counts = Vec::new();
        for _ in 0..rounds {
            for (i, q) in keystrokes(EVENT_QUERY).enumerate() {
                let start = Instant::now();
                let mut first_part = None;
                let hits = search
                    .find(q, None, &|| false, &mut |_| {
                        first_part.get_or_insert(start.elapsed());
                    })
                    .expect("not stale");
                let took = start.elapsed();
                if first.len() <= i {
                    first.push(Vec::new());
                    whole.push(Vec::new());
                    counts.push(hits.positions.len());
                }
                first[i].push(first_part.unwrap_or(took));
                whole[i].push(took);
            }
        }
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let median = |times: &mut Vec<Duration>| {
            times.sort();
            times[times.len() / 2]
        };
        let line: Vec<String> = keystrokes(EVENT_QUERY)
            .enumerate()
            .map(|(i, q)| {
                format!(
                    "{q:?} {:.1}/{:.1} ms ({})",
                    ms(median(&mut first[i])),
                    ms(median(&mut whole[i])),
                    counts[i]
                )
            })
            .collect();
        println!(
            "tlx events, each key, first answer/whole answer (median of {rounds}): {}",
            line.join(", ")
        );
        for (name, times) in [
            ("tlx events, first answer", first),
            ("tlx events, whole", whole),
        ] {
            let mut all: Vec<Duration> = times.into_iter().flatten().collect();
            all.sort();
            let at = |p: f64| all[((all.len() - 1) as f64 * p).round() as usize];
            println!(
                "{name:<24} per key: p50 {:7.2} ms  p95 {:7.2} ms  max {:7.2} ms  ({} keys)",
                ms(at(0.5)),
                ms(at(0.95)),
                ms(*all.last().expect("some keys")),
                all.len()
            );
        }
        // What a frame of the events pane adds while a search is shown: the field
        // and highlights of each hit row drawn (60 rows, the first hits of each key).
        let mut frame_times: Vec<Duration> = keystrokes(EVENT_QUERY)
            .map(|q| {
                let hits = search
                    .find(q, None, &|| false, &mut |_| {})
                    .expect("not stale");
                let chronological = data.index.chronological();
                let start = Instant::now();
                for &pos in hits.positions.iter().take(60) {
                    std::hint::black_box(search.hit(chronological[pos as usize], q));
                }
                start.elapsed()
            })
            .collect();
        frame_times.sort();
        println!(
            "highlights of 60 hit rows, per frame: median {:.2} ms, max {:.2} ms",
            ms(frame_times[frame_times.len() / 2]),
            ms(*frame_times.last().expect("some keys"))
        );
        if args.iter().any(|a| a == "--ranked") {
            // Every match ranked (`EventSearch::search`, what the command line asks).
            let line: Vec<String> = keystrokes(EVENT_QUERY)
                .map(|q| {
                    let start = Instant::now();
                    let n = search.search(q).len();
                    format!("{q:?} {:.0} ms ({n})", ms(start.elapsed()))
                })
                .collect();
            println!("tlx events ranked, each key: {}", line.join(", "));
        }
    }
}

/// Every prefix of the query, as the finder sees it after each key.
fn keystrokes(query: &str) -> impl Iterator<Item = &str> {
    query
        .char_indices()
        .map(move |(i, c)| &query[..i + c.len_utf8()])
}

/// Times `run` on every prefix of every query, `rounds` times, and prints percentiles.
fn report(name: &str, rounds: usize, mut run: impl FnMut(&str) -> usize) {
    let mut times: Vec<Duration> = Vec::new();
    let mut one_letter: Vec<Duration> = Vec::new();
    for _ in 0..rounds {
        for query in QUERIES {
            for (i, prefix) in keystrokes(query).enumerate() {
                let start = Instant::now();
                std::hint::black_box(run(prefix));
                let took = start.elapsed();
                times.push(took);
                if i == 0 {
                    one_letter.push(took);
                }
            }
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    times.sort();
    one_letter.sort();
    let at = |v: &[Duration], p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    println!(
        "{name:<24} per key: p50 {:7.2} ms  p95 {:7.2} ms  max {:7.2} ms   one letter: p95 {:7.2} ms  ({} keys)",
        ms(at(&times, 0.5)),
        ms(at(&times, 0.95)),
        ms(*times.last().expect("some keys")),
        ms(at(&one_letter, 0.95)),
        times.len()
    );
}
