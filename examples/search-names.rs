//! tlx's actor search as a filter, for a like-for-like comparison with
//! `fzf --filter QUERY`: reads candidates from stdin, one per line, and prints those
//! that match QUERY, best first. Each line becomes an actor with no aliases, so
//! both tools see exactly the same strings.
//!
//! `cargo run --release --example search-names -- QUERY < names.txt`

use std::io::{BufWriter, Read, Write};

use tlx::data::search::ActorSearch;
use tlx::data::{Actor, ActorKind, Indexed, Timeline};

fn main() -> std::io::Result<()> {
    let Some(query) = std::env::args().nth(1) else {
        eprintln!("usage: search-names QUERY < names.txt");
        std::process::exit(2);
    };
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let actors = input
        .lines()
        .enumerate()
        .map(|(i, line)| Actor {
            id: format!("a{i}").into(),
            name: line.into(),
            kind: ActorKind::Other,
            aliases: Vec::new(),
            description: None,
            relations: Vec::new(),
        })
        .collect();
    let data = Indexed::new(Timeline {
        actors,
        ..Timeline::default()
    });
    let search = ActorSearch::new(&data);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for m in search.search(&data, &query) {
        writeln!(out, "{}", data.timeline.actor(m.actor).name)?;
    }
    out.flush()
}
