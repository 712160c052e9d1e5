//! tlx's actor search as a filter, for a like-for-like comparison with
//! `fzf --filter QUERY`: reads candidates from stdin, one per line, and prints those
//! that match QUERY, best first. Each line becomes an actor with no aliases, so
//! both tools see exactly the same strings.
//!
//! `cargo run --release --example search-names -- QUERY < names.txt`

use std::io::{BufWriter, Read, Write};

use tlx::data::search::ActorSearch;
use tlx::data::{ActorKind, Indexed, NewActor, TimelineBuilder};

fn main() -> std::io::Result<()> {
    let Some(query) = std::env::args().nth(1) else {
        eprintln!("usage: search-names QUERY < names.txt");
        std::process::exit(2);
    };
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let mut timeline = TimelineBuilder::new();
    for (i, line) in input.lines().enumerate() {
        let id = format!("a{i}");
        let actor = NewActor {
            id: &id,
            name: line,
            kind: ActorKind::Other,
            description: None,
        };
        timeline.actor(actor, [], []);
    }
    let data = Indexed::new(timeline.finish().expect("names fit in 4 GiB"));
    let search = ActorSearch::new(&data);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for m in search.search(&query) {
        writeln!(out, "{}", data.timeline.actor(m.actor).name())?;
    }
    out.flush()
}
