//! The one way the data layer goes parallel: rayon's pool, one thread per core.
//!
//! Every stage that splits its work (reading, parsing, validating, joining the
//! text, indexing, searching) goes through here, so the threads are started
//! once per process, not once per call, and their number follows the machine.

use std::ops::Range;

use rayon::prelude::*;

pub use rayon::join;

/// Below this many items `split` stays on the calling thread: handing work to
/// the pool costs more than it saves.
const SPLIT_FROM: usize = 8 * 1024;

/// How many parts a parallel stage splits its work into: the pool's threads.
pub fn parts() -> usize {
    rayon::current_num_threads().max(1)
}

/// Runs `work` over `0..len` split into one contiguous range per thread of the
/// pool, and concatenates the results in order. Short lists stay on this thread.
pub fn split<T: Send>(len: usize, work: impl Fn(Range<usize>) -> Vec<T> + Sync) -> Vec<T> {
    let parts = parts();
    if parts < 2 || len < SPLIT_FROM {
        return work(0..len);
    }
    let per = len.div_ceil(parts);
    let results: Vec<Vec<T>> = (0..parts)
        .into_par_iter()
        .map(|p| work((p * per).min(len)..((p + 1) * per).min(len)))
        .collect();
    let mut out = Vec::with_capacity(results.iter().map(Vec::len).sum());
    for part in results {
        out.extend(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_order() {
        let n = 100_000;
        let out = split(n, |r| r.collect::<Vec<usize>>());
        assert_eq!(out, (0..n).collect::<Vec<_>>());
        assert!(split(0, |r| r.collect::<Vec<usize>>()).is_empty());
    }
}
