//! The floor for loading: read a timeline file once and parse it into plain typed
//! structs with serde_json, nothing else (no validation, no index, no diagnostics).
//! `scripts/bench.sh` times `tlx check FILE` against this on the same file.
//!
//! `cargo run --release --example parse-floor -- FILE`

use tlx_testkit::synth;

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse-floor FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("parse-floor: {}: {e}", path.to_string_lossy());
        std::process::exit(1);
    });
    match synth::floor::parse(&bytes) {
        Ok(t) => println!("{} events, {} actors", t.events.len(), t.actors.len()),
        Err(e) => {
            eprintln!("parse-floor: {e}");
            std::process::exit(1);
        }
    }
}
