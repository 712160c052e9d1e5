//! The floor for loading: plain typed structs for serde_json and nothing else (no
//! validation, no index, no diagnostics), the least any typed loader must do.
//! Used by `examples/parse-floor.rs` and `benches/load.rs`.

use serde::Deserialize;

// Fields are parsed to be paid for, never read (dead code allowed in `synth`).

/// Parses a timeline into the plain structs; `Err` carries serde_json's message.
pub fn parse(bytes: &[u8]) -> Result<Timeline, serde_json::Error> {
    serde_json::from_slice(bytes)
}

#[derive(Deserialize)]
pub struct Timeline {
    pub format: String,
    pub title: String,
    pub description: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub disputes: Vec<Dispute>,
}

#[derive(Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    #[serde(default)]
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub kind: Option<String>,
}

#[derive(Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub relations: Vec<Relation>,
}

#[derive(Deserialize)]
pub struct Relation {
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: String,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default)]
    pub quotes: Vec<String>,
}

#[derive(Deserialize)]
pub struct Event {
    pub id: String,
    pub date: String,
    pub end: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub place: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub actors: Vec<Participant>,
    #[serde(default)]
    pub quotes: Vec<String>,
    pub certainty: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
pub struct Participant {
    pub id: String,
    pub role: Option<String>,
}

#[derive(Deserialize)]
pub struct Quote {
    pub id: String,
    pub source: String,
    pub text: String,
    pub speaker: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
pub struct Dispute {
    pub id: String,
    pub question: String,
    pub event: Option<String>,
    pub claims: Vec<Claim>,
}

#[derive(Deserialize)]
pub struct Claim {
    pub claim: String,
    #[serde(default)]
    pub quotes: Vec<String>,
}
