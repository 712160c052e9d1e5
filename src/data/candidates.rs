//! The strings a search runs over, prepared once so that a keystroke costs as
//! little as possible before skim is asked to score anything.
//!
//! Every candidate is stored lowercased (char for char, as `search` lowercases),
//! back to back in one `String`, so a scan walks one block of memory instead of a
//! pointer per string. Each also has a 64-bit mask of the ASCII characters it
//! contains: a word whose characters are not all in the mask cannot match, which
//! one AND rejects most candidates on. Only the survivors get the exact
//! subsequence test, and only theirs are scored.

use std::ops::Range;

/// Bit 63: the candidate holds a character outside ASCII.
const NON_ASCII: u64 = 1 << 63;

/// The mask bit of an ASCII byte: letters and digits have their own bits, other
/// printable characters share the rest. Lowercase input only.
fn bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 1 << (36 + b % 27),
    }
}

fn mask_of(lower: &str) -> u64 {
    lower.bytes().fold(0, |m, b| {
        if b.is_ascii() {
            m | bit(b)
        } else {
            m | NON_ASCII
        }
    })
}

/// One word of a query, lowercased, with what the prefilter needs.
pub struct Word {
    pub text: String,
    /// The bits of its ASCII characters: all must be in a candidate's mask.
    mask: u64,
    ascii: bool,
}

impl Word {
    pub fn new(lower: String) -> Self {
        let mask = mask_of(&lower);
        Word {
            ascii: lower.is_ascii(),
            mask,
            text: lower,
        }
    }
}

/// Many strings, lowercased, with their masks.
#[derive(Clone, Debug, Default)]
pub struct Candidates {
    lower: String,
    /// Where each candidate ends in `lower`; it starts where the previous one ends.
    ends: Vec<u32>,
    masks: Vec<u64>,
}

impl Candidates {
    /// Adds a candidate, already lowercased; returns its number.
    pub fn push(&mut self, lower: &str) -> u32 {
        self.masks.push(mask_of(lower));
        self.lower.push_str(lower);
        self.ends.push(self.lower.len() as u32);
        self.ends.len() as u32 - 1
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Candidate `k`, lowercased.
    pub fn get(&self, k: u32) -> &str {
        let k = k as usize;
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.lower[start..self.ends[k] as usize]
    }

    /// Whether candidate `k` contains every word as a subsequence.
    pub fn passes(&self, k: u32, words: &[Word]) -> bool {
        let mask = self.masks[k as usize];
        if words.iter().any(|w| mask & w.mask != w.mask) {
            return false;
        }
        let text = self.get(k);
        words.iter().all(|w| {
            // A one-letter ASCII word is settled by the mask alone.
            (w.ascii && w.text.len() == 1) || is_subsequence(&w.text, text, w.ascii)
        })
    }

    /// The candidates among `within` (all when `None`) that contain every word as a
    /// subsequence, in order; on several threads when there are many.
    pub fn prefilter(&self, words: &[Word], within: Option<&[u32]>) -> Vec<u32> {
        match within {
            Some(list) => parallel(list.len(), |range| {
                list[range]
                    .iter()
                    .copied()
                    .filter(|&k| self.passes(k, words))
                    .collect()
            }),
            None => parallel(self.len(), |range| {
                (range.start as u32..range.end as u32)
                    .filter(|&k| self.passes(k, words))
                    .collect()
            }),
        }
    }
}

/// Whether `word`'s characters appear in order in `text` (both lowercase). Bytes
/// will do for an ASCII word: in UTF-8 an ASCII byte is always that character.
fn is_subsequence(word: &str, text: &str, ascii: bool) -> bool {
    if ascii {
        let mut want = word.as_bytes();
        for &b in text.as_bytes() {
            match want.split_first() {
                Some((&w, rest)) if w == b => want = rest,
                Some(_) => {}
                None => break,
            }
        }
        want.is_empty()
    } else {
        let mut want = word.chars().peekable();
        for c in text.chars() {
            match want.peek() {
                Some(&w) if w == c => {
                    want.next();
                }
                Some(_) => {}
                None => break,
            }
        }
        want.peek().is_none()
    }
}

/// Below this many items a scan stays on the calling thread: starting a thread
/// costs more than it saves.
const PARALLEL_FROM: usize = 8 * 1024;

/// Runs `work` over `0..len` split into one contiguous range per core and
/// concatenates the results in order.
pub fn parallel<T: Send>(len: usize, work: impl Fn(Range<usize>) -> Vec<T> + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || len < PARALLEL_FROM {
        return work(0..len);
    }
    let per = len.div_ceil(threads);
    let ranges: Vec<Range<usize>> = (0..threads)
        .map(|t| (t * per).min(len)..((t + 1) * per).min(len))
        .collect();
    let work = &work;
    std::thread::scope(|s| {
        let others: Vec<_> = ranges[1..]
            .iter()
            .map(|r| {
                let r = r.clone();
                s.spawn(move || work(r))
            })
            .collect();
        let mut out = work(ranges[0].clone());
        for other in others {
            out.extend(other.join().expect("a search thread does not panic"));
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(s: &str) -> String {
        s.to_lowercase()
    }

    #[test]
    fn prefilter_keeps_exactly_the_subsequence_matches() {
        let names = [
            "Kataib Hezbollah",
            "Asaib Ahl al-Haq",
            "Ḥizb al-Daʿwa",
            "KH",
            "",
        ];
        let mut c = Candidates::default();
        for name in names {
            c.push(&lower(name));
        }
        let words = |q: &str| -> Vec<Word> {
            q.split_whitespace()
                .map(|w| Word::new(w.to_lowercase()))
                .collect()
        };
        assert_eq!(c.prefilter(&words("ktb hzb"), None), [0]);
        assert_eq!(c.prefilter(&words("k"), None), [0, 3]);
        assert_eq!(c.prefilter(&words("ḥizb"), None), [2]);
        assert_eq!(c.prefilter(&words("ha"), None), [0, 1]);
        assert_eq!(c.prefilter(&words("ha"), Some(&[1, 3])), [1]);
        assert_eq!(c.get(2), "ḥizb al-daʿwa");
        assert_eq!(c.get(4), "");
    }

    #[test]
    fn parallel_keeps_order() {
        let n = 100_000;
        let out = parallel(n, |r| r.collect::<Vec<usize>>());
        assert_eq!(out, (0..n).collect::<Vec<_>>());
        assert!(parallel(0, |r| r.collect::<Vec<usize>>()).is_empty());
    }
}
