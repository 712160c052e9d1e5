//! Writes a synthetic timeline of any size, deterministic for a seed:
//!
//! `cargo run --release --example gen-timeline -- --events 1000000 --actors 100000 --out big.json`
//!
//! `--names FILE` also writes every actor name and alias, one per line, which is
//! what `scripts/bench.sh` gives `fzf --filter`.

use tlx_testkit::synth;

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use clap::Parser;

#[derive(Parser)]
#[command(about = "Write a synthetic tlx timeline for benchmarks")]
struct Args {
    /// Number of events.
    #[arg(long)]
    events: u64,
    /// Number of actors (default: events / 10, at least 10).
    #[arg(long)]
    actors: Option<u64>,
    /// Number of quotes in all (default: one per event).
    #[arg(long)]
    quotes: Option<u64>,
    /// Number of sources the quotes are spread over (default: events / 200, 3..=5000).
    #[arg(long)]
    sources: Option<u64>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the timeline.
    #[arg(long)]
    out: PathBuf,
    /// Also write the actor names and aliases here, one per line.
    #[arg(long)]
    names: Option<PathBuf>,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let mut spec = synth::Spec::new(args.events);
    spec.seed = args.seed;
    if let Some(n) = args.actors {
        spec.actors = n.max(1);
    }
    if let Some(n) = args.quotes {
        spec.quotes = n;
    }
    if let Some(n) = args.sources {
        spec.sources = n.max(1);
    }
    synth::write_timeline(&spec, &mut BufWriter::new(File::create(&args.out)?))?;
    if let Some(path) = args.names {
        synth::write_names(&spec, &mut BufWriter::new(File::create(path)?))?;
    }
    Ok(())
}
