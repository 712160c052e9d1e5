//! The floor for loading: read a timeline file once and parse it into plain typed
//! structs with serde_json, nothing else (no validation, no index, no diagnostics).
//! `scripts/bench.sh` times `tlx check FILE` against this on the same file.
//!
//! `cargo run --release --example parse-floor -- FILE`

use serde::Deserialize;

#[allow(dead_code)] // Fields are parsed to be paid for, never read.
#[derive(Deserialize)]
struct Timeline {
    format: String,
    title: String,
    description: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    actors: Vec<Actor>,
    events: Vec<Event>,
    #[serde(default)]
    quotes: Vec<Quote>,
    #[serde(default)]
    disputes: Vec<Dispute>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Source {
    id: String,
    title: String,
    publisher: String,
    #[serde(default)]
    authors: Vec<String>,
    published: Option<String>,
    url: Option<String>,
    kind: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Actor {
    id: String,
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: Option<String>,
    #[serde(default)]
    relations: Vec<Relation>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Relation {
    #[serde(rename = "type")]
    kind: String,
    actor: String,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    quotes: Vec<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Event {
    id: String,
    date: String,
    end: Option<String>,
    title: String,
    summary: Option<String>,
    place: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    actors: Vec<Participant>,
    #[serde(default)]
    quotes: Vec<String>,
    certainty: Option<String>,
    note: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Participant {
    id: String,
    role: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Quote {
    id: String,
    source: String,
    text: String,
    speaker: Option<String>,
    note: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Dispute {
    id: String,
    question: String,
    event: Option<String>,
    claims: Vec<Claim>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Claim {
    claim: String,
    #[serde(default)]
    quotes: Vec<String>,
}

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse-floor FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("parse-floor: {}: {e}", path.to_string_lossy());
        std::process::exit(1);
    });
    match serde_json::from_slice::<Timeline>(&bytes) {
        Ok(t) => println!("{} events, {} actors", t.events.len(), t.actors.len()),
        Err(e) => {
            eprintln!("parse-floor: {e}");
            std::process::exit(1);
        }
    }
}
