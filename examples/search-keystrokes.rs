//! Search latency per keystroke, as the finder sees it: each query is typed one
//! character at a time and every prefix is searched, over a loaded timeline's actor
//! names and aliases (and, with `--events`, its events). tlx is timed as the finder
//! uses it (the 50 best rows, with the count of all matches) and as the command
//! line does (every match, ranked). Beside it, nucleo-matcher scans the same actor
//! strings on every keystroke and sorts its matches. Prints p50, p95 and max.
//!
//! `cargo run --release --example search-keystrokes -- FILE [--rounds N] [--events] [--each] [--prepared]`
//!
//! `--prepared` prepares the search first as `FinderWorker` does on its thread;
//! without it, the first search of each letter computes that letter's scores.
//!
//! `--each` first prints the time of every key of one round, cold.

use std::time::{Duration, Instant};

use tlx::data::search::{ActorSearch, EventSearch};

#[path = "peers/nucleo.rs"]
mod nucleo;
use nucleo::Nucleo;

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
    let data = tlx::data::load_file(std::path::Path::new(path))
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
    search.search_top(&data, "", 1);
    let candidates = start.elapsed();
    if args.iter().any(|a| a == "--prepared") {
        search.prepare(&data);
    }
    println!(
        "tlx prepares the actor candidates once: {:.1} ms{}",
        candidates.as_secs_f64() * 1000.0,
        if args.iter().any(|a| a == "--prepared") {
            format!(
                "; with every letter's scores (ActorSearch::prepare, as FinderWorker does off the input thread): {:.1} ms",
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
                    let total = search.search_top(&data, q, 50).1;
                    format!(
                        "{q:?} {:.1} ms ({total})",
                        start.elapsed().as_secs_f64() * 1000.0
                    )
                })
                .collect();
            println!("  {}", line.join(", "));
        }
    }
    report("tlx actors, top 50", rounds, |q| {
        search.search_top(&data, q, 50).1
    });
    report("tlx actors, all", rounds, |q| search.search(&data, q).len());

    let mut nucleo = Nucleo::new(names.iter().copied());
    report("nucleo-matcher actors", rounds, |q| nucleo.rank(q).len());

    if args.iter().any(|a| a == "--events") {
        // Event search (titles, summaries, places, tags) is slower per key: one
        // typed query, each key's time, every match ranked (as the explorer asks).
        let search = EventSearch::new(&data);
        let line: Vec<String> = keystrokes(EVENT_QUERY)
            .map(|q| {
                let start = Instant::now();
                let n = search.search(&data, q).len();
                format!(
                    "{q:?} {:.0} ms ({n})",
                    start.elapsed().as_secs_f64() * 1000.0
                )
            })
            .collect();
        println!("tlx events, each key: {}", line.join(", "));
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
