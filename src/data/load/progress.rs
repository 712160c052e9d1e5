//! How far a load has come: written by the loader's threads, read by whoever
//! shows it (the explorer's loading screen), neither waiting for the other.
//!
//! The loader moves through four phases, in order: reading the file, parsing
//! it (the UTF-8 check, then the JSON), checking it (the id tables and each
//! item's rules), and indexing it (putting the parts together, then the
//! cross-references). Each phase reports its amount where it is known: bytes
//! read of the file's size, bytes parsed of the text's length, items checked of
//! the items parsed; indexing has no amount and counts as done when it ends.
//!
//! The counters are plain atomics written with `Relaxed` stores, no more than
//! once per element or per chunk of elements, each parse thread on a counter of
//! its own (on its own cache line), so reporting costs the load nothing
//! measurable. A reader takes a `Snapshot`, whose `fraction` never goes back
//! and reaches 1 only once the load has succeeded.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU32, AtomicU64, Ordering::Relaxed};

/// Where a load is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Reading,
    Parsing,
    Checking,
    Indexing,
    /// Loaded: the timeline is ready.
    Done,
}

impl Phase {
    const ALL: [Phase; 5] = [
        Phase::Reading,
        Phase::Parsing,
        Phase::Checking,
        Phase::Indexing,
        Phase::Done,
    ];

    /// The phase in a word, as the loading screen says it.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Reading => "reading",
            Phase::Parsing => "parsing",
            Phase::Checking => "checking",
            Phase::Indexing => "indexing",
            Phase::Done => "ready",
        }
    }

    /// The share of the whole load this phase takes, from where a 1 GB file's
    /// time goes on two cores (`examples/load-phases.rs`, 1M events): read
    /// ~0.23 s, UTF-8 check and parse ~0.9 s, validate ~1.1 s, finish and index
    /// ~0.35 s; so 10, 35, 40 and 15 per cent. The bar then moves at about the
    /// same speed all along rather than jumping at one phase and crawling at the
    /// next. The shares sum to 1.
    fn weight(self) -> f64 {
        match self {
            Phase::Reading => 0.10,
            Phase::Parsing => 0.35,
            Phase::Checking => 0.40,
            Phase::Indexing => 0.15,
            Phase::Done => 0.0,
        }
    }

    /// The share of the phases before this one.
    fn start(self) -> f64 {
        Phase::ALL
            .iter()
            .take_while(|&&p| p < self)
            .map(|p| p.weight())
            .sum()
    }
}

/// A counter alone on its cache line, so two threads writing theirs do not slow
/// each other down (128 bytes: adjacent lines are fetched in pairs on x86).
#[derive(Debug, Default)]
#[repr(align(128))]
struct Own(AtomicU64);

/// Steps of the overall fraction: millionths.
const STEPS: u32 = 1_000_000;

/// A load's progress, shared (`Arc`) between the loading thread and a reader.
#[derive(Debug, Default)]
pub struct LoadProgress {
    phase: AtomicU8,
    /// The file's size, and the bytes read so far.
    to_read: AtomicU64,
    read: Own,
    /// The text's length, and the bytes parsed so far by each parse thread: the
    /// first from the start, the second from where it started.
    to_parse: AtomicU64,
    parsed_first: Own,
    parsed_second: Own,
    /// The second parse thread's work was refused: its bytes no longer count
    /// (the first thread parses them again).
    second_refused: AtomicBool,
    /// Units of checking to do (see `validate`: an id put in its table is one,
    /// an item's rules cost a few), and done so far.
    to_check: AtomicU64,
    checked: Own,
    /// The highest fraction shown, in `STEPS`: no snapshot shows less.
    shown: AtomicU32,
}

/// What a reader sees of a load at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snapshot {
    pub phase: Phase,
    /// How far the whole load is, from 0 to 1: it never goes back between
    /// snapshots of one load, and is 1 only when the load has succeeded.
    pub fraction: f64,
}

impl Snapshot {
    /// The fraction in whole per cent, rounded down: 100 only when done.
    pub fn percent(&self) -> u8 {
        (self.fraction * 100.0).floor().clamp(0.0, 100.0) as u8
    }
}

impl LoadProgress {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn phase(&self) -> Phase {
        Phase::ALL[usize::from(self.phase.load(Relaxed)).min(Phase::ALL.len() - 1)]
    }

    /// Moves on to `phase`; never back (a phase already passed stays passed).
    fn enter(&self, phase: Phase) {
        self.phase.fetch_max(phase as u8, Relaxed);
    }

    /// Reading starts: `bytes` is the file's size, as far as it is known.
    pub fn start_reading(&self, bytes: u64) {
        self.to_read.store(bytes, Relaxed);
        self.enter(Phase::Reading);
    }

    /// `bytes` more were read (by any thread).
    pub fn add_read(&self, bytes: u64) {
        self.read.0.fetch_add(bytes, Relaxed);
    }

    /// Parsing starts (with the UTF-8 check): `bytes` is the file's length.
    pub fn start_parsing(&self, bytes: u64) {
        self.to_parse.store(bytes, Relaxed);
        self.enter(Phase::Parsing);
    }

    /// The first parse thread has parsed `bytes` from the start of the text.
    pub fn parsed_first(&self, bytes: u64) {
        self.parsed_first.0.store(bytes, Relaxed);
    }

    /// The second parse thread has parsed `bytes` from where it started.
    pub fn parsed_second(&self, bytes: u64) {
        self.parsed_second.0.store(bytes, Relaxed);
    }

    /// The second parse thread's work will not be taken.
    pub fn refuse_second(&self) {
        self.second_refused.store(true, Relaxed);
    }

    /// Checking starts: `units` is how much there is to do, in units of the
    /// checker's choice.
    pub fn start_checking(&self, units: u64) {
        self.to_check.store(units, Relaxed);
        self.enter(Phase::Checking);
    }

    /// `units` more of checking were done (by any thread).
    pub fn add_checked(&self, units: u64) {
        self.checked.0.fetch_add(units, Relaxed);
    }

    /// Putting the timeline together and indexing it start.
    pub fn start_indexing(&self) {
        self.enter(Phase::Indexing);
    }

    /// The load succeeded.
    pub fn finish(&self) {
        self.enter(Phase::Done);
    }

    /// How far the load is now.
    pub fn snapshot(&self) -> Snapshot {
        let phase = self.phase();
        let within = match phase {
            Phase::Reading => part(self.read.0.load(Relaxed), self.to_read.load(Relaxed)),
            Phase::Parsing => {
                let second = if self.second_refused.load(Relaxed) {
                    0
                } else {
                    self.parsed_second.0.load(Relaxed)
                };
                let parsed = self.parsed_first.0.load(Relaxed).saturating_add(second);
                part(parsed, self.to_parse.load(Relaxed))
            }
            Phase::Checking => part(self.checked.0.load(Relaxed), self.to_check.load(Relaxed)),
            Phase::Indexing | Phase::Done => 0.0,
        };
        let now = phase.start() + phase.weight() * within;
        // Short of the end until the end: rounding must not show 100% early.
        let steps = if phase == Phase::Done {
            STEPS
        } else {
            ((now * f64::from(STEPS)).round() as u32).min(STEPS - 1)
        };
        let shown = self.shown.fetch_max(steps, Relaxed).max(steps);
        Snapshot {
            phase,
            fraction: f64::from(shown) / f64::from(STEPS),
        }
    }
}

/// `done` of `total`, from 0 to 1 (0 of nothing to do).
fn part(done: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        (done as f64 / total as f64).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_sum_to_one() {
        let sum: f64 = Phase::ALL.iter().map(|p| p.weight()).sum();
        assert!((sum - 1.0).abs() < 1e-9);
        assert_eq!(Phase::Done.start(), sum);
    }

    #[test]
    fn a_new_load_is_reading_at_nothing() {
        let p = LoadProgress::new();
        let s = p.snapshot();
        assert_eq!((s.phase, s.fraction, s.percent()), (Phase::Reading, 0.0, 0));
    }

    #[test]
    fn each_phase_moves_the_fraction_within_its_share() {
        let p = LoadProgress::new();
        p.start_reading(1000);
        p.add_read(500);
        assert!((p.snapshot().fraction - 0.05).abs() < 1e-6);
        p.add_read(500);
        assert!((p.snapshot().fraction - 0.10).abs() < 1e-6);
        p.start_parsing(1000);
        p.parsed_first(250);
        p.parsed_second(250);
        assert!((p.snapshot().fraction - (0.10 + 0.35 / 2.0)).abs() < 1e-6);
        p.start_checking(20);
        p.add_checked(10);
        let s = p.snapshot();
        assert_eq!((s.phase, s.percent()), (Phase::Checking, 65));
        p.start_indexing();
        assert_eq!(p.snapshot().percent(), 85);
        p.finish();
        let s = p.snapshot();
        assert_eq!((s.phase, s.fraction, s.percent()), (Phase::Done, 1.0, 100));
    }

    #[test]
    fn the_fraction_never_goes_back() {
        let p = LoadProgress::new();
        p.start_reading(100);
        p.add_read(100);
        p.start_parsing(100);
        p.parsed_first(10);
        p.parsed_second(60);
        let before = p.snapshot().fraction;
        // The second thread's work is refused: its bytes stop counting, and the
        // bar waits for the first thread to pass where it was.
        p.refuse_second();
        assert_eq!(p.snapshot().fraction, before);
        p.parsed_first(50);
        assert_eq!(p.snapshot().fraction, before);
        p.parsed_first(90);
        assert!(p.snapshot().fraction > before);
        // Phases never go back, and a later phase's start is past the earlier
        // phase's end.
        p.start_checking(4);
        p.start_parsing(100);
        assert_eq!(p.snapshot().phase, Phase::Checking);
        // More than the total (a file that grew) is the whole phase, no more.
        let p = LoadProgress::new();
        p.start_reading(10);
        p.add_read(1000);
        assert!((p.snapshot().fraction - 0.10).abs() < 1e-6);
    }

    #[test]
    fn only_a_finished_load_reaches_the_end() {
        let p = LoadProgress::new();
        p.start_reading(1);
        p.add_read(1);
        p.start_parsing(1);
        p.parsed_first(1);
        p.start_checking(1);
        p.add_checked(1);
        p.start_indexing();
        assert!(p.snapshot().percent() < 100);
        p.finish();
        assert_eq!(p.snapshot().percent(), 100);
    }
}
