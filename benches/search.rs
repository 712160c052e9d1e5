//! Search: actor names and aliases, typed one character at a time, as a user types
//! into the finder. 100,000 actors (about 210,000 names and aliases) from the
//! generator. Beside tlx: nucleo-matcher (the matcher of helix and nucleo) and a
//! plain SkimMatcherV2 scan, both scanning every candidate on every keystroke and
//! sorting their matches. tlx is timed as the finder uses it (`search_top`, 50
//! rows); its narrowing carries over from key to key within a typed query, as it
//! would for a user, and from one iteration to the next only when a query extends
//! the last one typed (it never does here: each iteration starts from one letter).
//!
//! `cargo bench --bench search`

use nucleo::Nucleo;
use tlx_testkit::nucleo;
use tlx_testkit::synth;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use tlx::data::search::ActorSearch;

/// What people type: a full name, fzf-style initials, a surname, a kunya, one letter.
const QUERIES: &[&str] = &["kataib hezbollah", "ktb hzb", "muhandis", "abu mahdi", "k"];

struct Fixture {
    data: tlx::data::Indexed,
    names: Vec<String>,
}

fn fixture() -> Fixture {
    let mut spec = synth::Spec::new(10_000);
    spec.actors = 100_000;
    let data = tlx::data::load_bytes(&synth::generate(&spec))
        .expect("valid")
        .data;
    let names = data
        .timeline
        .actors()
        .flat_map(|a| std::iter::once(a.name()).chain(a.aliases()))
        .map(|s| s.to_string())
        .collect();
    Fixture { data, names }
}

/// Every prefix of the query, as the finder sees it after each key.
fn keystrokes(query: &str) -> impl Iterator<Item = &str> {
    query
        .char_indices()
        .map(move |(i, c)| &query[..i + c.len_utf8()])
}

fn search(c: &mut Criterion) {
    let f = fixture();
    let mut group = c.benchmark_group("search-typing");
    group.sample_size(10);
    // One searcher for every query, as the worker keeps one: criterion calls a
    // bench's closure once per sample, and a searcher made there would prepare
    // its tables again each time.
    let search = ActorSearch::new(&f.data);
    for query in QUERIES {
        let id =
            |engine| BenchmarkId::new(engine, format!("{query} ({} keys)", query.chars().count()));
        // As the finder asks: the 50 best rows and the number of matches.
        group.bench_function(id("tlx"), |b| {
            b.iter(|| {
                for q in keystrokes(query) {
                    black_box(search.search_top(q, 50));
                }
            })
        });
        group.bench_function(id("nucleo-matcher"), |b| {
            let mut nucleo = Nucleo::new(f.names.iter().map(String::as_str));
            b.iter(|| {
                for q in keystrokes(query) {
                    black_box(nucleo.rank(q));
                }
            })
        });
        group.bench_function(id("skim-scan"), |b| {
            let skim = SkimMatcherV2::default();
            b.iter(|| {
                for q in keystrokes(query) {
                    let mut found: Vec<(usize, i64)> = f
                        .names
                        .iter()
                        .enumerate()
                        .filter_map(|(i, s)| {
                            let words = q.split_whitespace().map(|w| skim.fuzzy_match(s, w));
                            Some((i, words.sum::<Option<i64>>()?))
                        })
                        .collect();
                    found.sort_by_key(|&(_, s)| std::cmp::Reverse(s));
                    black_box(found);
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
