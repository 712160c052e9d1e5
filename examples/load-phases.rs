//! Where a load's time goes: read, UTF-8 check, parse, validate and convert,
//! index, and freeing it all, each timed on its own, for a valid file (the path
//! `tlx check` takes).
//!
//! `cargo run --release --example load-phases -- FILE [RUNS]`
//!
//! The steps are the loader's own (`read_file`, `parse::plain`'s split,
//! `validate_quickly`, freeing the text and `finish_apart`, `Indexed::apart`),
//! called one by one: `finish` joins the text, `index` checks it (UTF-8) beside
//! the lists.
//!
//! Prints one line per run: each phase's wall time and, after the slash, the CPU
//! time of the whole process during it (user + system, from /proc/self/stat, in
//! steps of 10 ms), in milliseconds. CPU above wall is two threads at work; on a
//! busy machine CPU time is the steadier figure. `serde` is serde_json alone on
//! one thread into the same shapes, for comparison (left out of the total);
//! `parse` is the loader's parse, which splits a long text between two threads.

use std::time::Instant;

use tlx::data::Indexed;
use tlx::testing::parse_split_near;
use tlx::testing::read_file;
use tlx::testing::validate_quickly;
use tlx::testing::{RawTimeline, watch};

/// Wall time, CPU time and page faults since it was started.
struct Clock {
    wall: Instant,
    cpu: f64,
    faults: u64,
}

impl Clock {
    fn start() -> Self {
        let (cpu, faults) = cpu_ms_and_faults();
        Clock {
            wall: Instant::now(),
            cpu,
            faults,
        }
    }

    /// `wall/cpu/faults` (milliseconds, thousands of faults), and the wall time.
    fn read(&self) -> (String, f64) {
        let wall = self.wall.elapsed().as_secs_f64() * 1000.0;
        let (cpu, faults) = cpu_ms_and_faults();
        let text = format!(
            "{wall:.0}/{:.0}/{}k",
            cpu - self.cpu,
            (faults - self.faults) / 1000
        );
        (text, wall)
    }
}

/// User + system time of this process so far, in milliseconds, and its minor
/// page faults: a fresh page costs one, and they are much of a load's system time.
fn cpu_ms_and_faults() -> (f64, u64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Counted after the command name, which ends with the last ')': field 10
    // (minflt) and fields 14 and 15 (utime, stime, in clock ticks of 10 ms).
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let number = |i: usize| fields.get(i).and_then(|t| t.parse::<f64>().ok());
    let ticks = number(11).unwrap_or(0.0) + number(12).unwrap_or(0.0);
    (ticks * 10.0, number(7).unwrap_or(0.0) as u64)
}

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: load-phases FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args
        .next()
        .and_then(|r| r.to_str()?.parse().ok())
        .unwrap_or(1);
    println!(
        "read\tutf8\tserde\tparse\tvalidate\tfinish\tindex\tfree\ttotal\t(ms wall/ms cpu/minor page faults)"
    );
    for _ in 0..runs {
        let clock = Clock::start();
        let file = std::fs::File::open(&path).expect("readable");
        let size = file.metadata().expect("readable").len();
        let bytes =
            read_file(file, size, u64::MAX - 1, &tlx::data::LoadProgress::new()).expect("readable");
        let (read, read_wall) = clock.read();

        let clock = Clock::start();
        let text = std::str::from_utf8(&bytes).expect("UTF-8");
        let (utf8, utf8_wall) = clock.read();

        let clock = Clock::start();
        {
            let mut de = serde_json::Deserializer::from_str(text);
            let raw = <RawTimeline as serde::Deserialize>::deserialize(&mut de).expect("parses");
            de.end().expect("nothing after the timeline");
            drop(raw);
        }
        let (serde, _) = clock.read();

        let clock = Clock::start();
        let (split, seen) =
            watch(|| parse_split_near(text, text.len() / 2, &tlx::data::LoadProgress::new()));
        let taken_at = split.taken_at;
        let raw = split.raw.expect("parses");
        let (parse, parse_wall) = clock.read();
        assert_eq!(seen, Default::default(), "a file with warnings");

        let clock = Clock::start();
        let timeline = validate_quickly(raw, text, &tlx::data::LoadProgress::new()).expect("valid");
        let (validate, validate_wall) = clock.read();

        let clock = Clock::start();
        let (timeline, joined) = timeline.finish_apart_into(bytes).expect("not too large");
        let (finished, finish_wall) = clock.read();

        let clock = Clock::start();
        let indexed = Indexed::apart(timeline, joined);
        let (index, index_wall) = clock.read();

        let clock = Clock::start();
        drop(indexed);
        let (free, free_wall) = clock.read();
        let total = read_wall
            + utf8_wall
            + parse_wall
            + validate_wall
            + finish_wall
            + index_wall
            + free_wall;
        let split = match taken_at {
            Some(at) => format!("split at byte {at}"),
            None => "not split".into(),
        };
        println!(
            "{read}\t{utf8}\t{serde}\t{parse}\t{validate}\t{finished}\t{index}\t{free}\t{total:.0}\t{split}"
        );
    }
}
