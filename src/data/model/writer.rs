//! The arena while a timeline is being built: text written in small blocks,
//! joined into one `TextArena` by `finish`.
//!
//! Why blocks: a timeline is built while the file's text and its parse are
//! still held, and the parse is freed piece by piece as it is converted. The
//! allocator keeps those small freed pieces for reuse rather than returning them
//! to the system, so one large growing buffer (a fresh mapping) would add its
//! whole size to the process's peak; blocks of 64 KiB are carved from the freed
//! pieces instead. `finish` copies them into one buffer once the file is gone.

use super::text::{Text, TextArena, TooMuchText};

/// Small enough to come from the allocator's free lists, not a fresh mapping.
const BLOCK: usize = 64 * 1024;

/// Where a text was written: the block, for reading it back while building.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Written {
    pub(super) text: Text,
    pub(super) block: u32,
}

#[derive(Default)]
pub(super) struct TextWriter {
    blocks: Vec<String>,
    /// Where each block starts in the joined text.
    starts: Vec<usize>,
    /// Bytes written.
    len: usize,
    /// The most bytes it may hold: `u32::MAX`, smaller in tests.
    limit: Option<u32>,
}

impl TextWriter {
    /// A writer that refuses text past `limit` bytes, to test the limit without
    /// 4 GiB of it.
    #[cfg(test)]
    pub(super) fn with_limit(limit: u32) -> Self {
        TextWriter {
            limit: Some(limit),
            ..Self::default()
        }
    }

    fn limit(&self) -> usize {
        self.limit.unwrap_or(u32::MAX) as usize
    }

    /// Appends `s`, whole in one block; `Err` past the limit (nothing written).
    pub(super) fn push(&mut self, s: &str) -> Result<Written, TooMuchText> {
        if s.is_empty() {
            return Ok(Written {
                text: Text::EMPTY,
                block: 0,
            });
        }
        if self.len + s.len() > self.limit() {
            return Err(TooMuchText);
        }
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.capacity() - b.len() >= s.len());
        if !fits {
            self.blocks.push(String::with_capacity(BLOCK.max(s.len())));
            self.starts.push(self.len);
        }
        let block = self.blocks.len() - 1;
        let text = Text::new(self.len as u32, s.len() as u32);
        self.blocks[block].push_str(s);
        self.len += s.len();
        Ok(Written {
            text,
            block: block as u32,
        })
    }

    /// A text written here, read back.
    pub(super) fn get(&self, w: Written) -> &str {
        let at = w.text.start() - self.starts[w.block as usize];
        &self.blocks[w.block as usize][at..at + w.text.len()]
    }

    /// Takes `other`'s blocks after these (no copy): its texts are then
    /// `shifted` by the returned length.
    pub(super) fn append(&mut self, other: TextWriter) -> Result<u32, TooMuchText> {
        let by = self.len;
        if by + other.len > self.limit() {
            return Err(TooMuchText);
        }
        self.starts.extend(other.starts.iter().map(|s| s + by));
        self.blocks.extend(other.blocks);
        self.len += other.len;
        Ok(by as u32)
    }

    /// The blocks joined into one buffer of exactly their size, each freed once
    /// copied, and what `beside` returns: for a large text, `beside` runs while a
    /// second thread copies half of it. A large text is joined into `spare` when
    /// it is long enough (see `join_in_two`); else `spare` is freed first.
    pub(super) fn finish<R: Send>(
        self,
        spare: Vec<u8>,
        beside: impl FnOnce() -> R + Send,
    ) -> (JoinedText, R) {
        if self.len < PARALLEL_JOIN_FROM {
            drop(spare);
            (JoinedText(Joined::Checked(self.join())), beside())
        } else {
            let (bytes, r) = self.join_in_two(spare, beside);
            (JoinedText(Joined::Unchecked(bytes)), r)
        }
    }

    fn join(self) -> String {
        let mut text = String::with_capacity(self.len);
        for block in self.blocks {
            text.push_str(&block);
        }
        text
    }

    /// The same bytes as `join`, not yet checked to be UTF-8. The buffer is
    /// `spare` cut to length when it holds enough bytes: the loader hands over the
    /// file's, whose pages are already the process's, since a fresh buffer costs a
    /// page fault every 4 KiB (about a tenth of a second for a million events).
    /// Otherwise it is zeroed memory fresh from the system, its pages touched only
    /// by the copy.
    fn join_in_two<R: Send>(
        self,
        mut spare: Vec<u8>,
        beside: impl FnOnce() -> R + Send,
    ) -> (Vec<u8>, R) {
        let mut bytes = if spare.len() >= self.len {
            spare.truncate(self.len);
            spare
        } else {
            drop(spare);
            vec![0u8; self.len]
        };
        // The first block starting in the second half: block starts are character
        // boundaries.
        let second = self.starts.partition_point(|&s| s < self.len / 2);
        let at = self.starts.get(second).copied().unwrap_or(self.len);
        let mut first = self.blocks;
        let later = first.split_off(second);
        let (head, tail) = bytes.split_at_mut(at);
        let ((), r) = crate::data::parallel::join(
            || copy_blocks(later, tail),
            || {
                copy_blocks(first, head);
                beside()
            },
        );
        (bytes, r)
    }
}

/// A timeline's text joined into one buffer, to be turned into its arena.
pub struct JoinedText(Joined);

enum Joined {
    Checked(String),
    /// Joined by two threads: every byte came from a `String`, so it is UTF-8,
    /// which `into_arena` checks (a quarter of the time of the copy) because
    /// nothing but a check makes a `String` of bytes without `unsafe`.
    Unchecked(Vec<u8>),
}

impl JoinedText {
    pub fn into_arena(self) -> TextArena {
        TextArena::new(match self.0 {
            Joined::Checked(text) => text,
            Joined::Unchecked(mut bytes) => {
                // A reused buffer is longer than the text: give the rest back.
                bytes.shrink_to_fit();
                String::from_utf8(bytes)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
            }
        })
    }
}

/// From this many bytes of text the join is split between two threads.
const PARALLEL_JOIN_FROM: usize = 16 << 20;

/// Copies `blocks` one after the other into `into`, freeing each once copied.
fn copy_blocks(blocks: Vec<String>, into: &mut [u8]) {
    let mut at = 0;
    for block in blocks {
        into[at..at + block.len()].copy_from_slice(block.as_bytes());
        at += block.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_across_blocks() {
        let mut w = TextWriter::default();
        let long = "x".repeat(BLOCK + 10);
        let a = w.push("Kataib Hezbollah").unwrap();
        let b = w.push(&long).unwrap();
        let c = w.push("é–ü").unwrap();
        let d = w.push("").unwrap();
        assert_eq!((a.block, b.block, c.block), (0, 1, 2));
        assert_eq!(w.get(a), "Kataib Hezbollah");
        assert_eq!(w.get(b), long);
        assert_eq!(w.get(c), "é–ü");
        assert!(d.text.is_empty());
        let arena = w.finish(Vec::new(), || ()).0.into_arena();
        assert_eq!(arena.get(a.text), "Kataib Hezbollah");
        assert_eq!(arena.get(b.text), long);
        assert_eq!(arena.get(c.text), "é–ü");
        assert_eq!(arena.get(d.text), "");
    }

    #[test]
    fn the_join_in_two_threads_is_the_join_in_one() {
        let written = |w: &mut TextWriter| {
            let mut texts = Vec::new();
            for i in 0..200 {
                let s = format!("{i}: Kataib Hezbollah é–ü {}", "x".repeat(i * 97 % 1500));
                texts.push((w.push(&s).unwrap().text, s));
            }
            // One text longer than a block, and an empty one.
            let long = "ü".repeat(BLOCK);
            texts.push((w.push(&long).unwrap().text, long));
            texts.push((w.push("").unwrap().text, String::new()));
            texts
        };
        let mut one = TextWriter::default();
        let texts = written(&mut one);
        assert!(one.blocks.len() > 3);
        let one = JoinedText(Joined::Checked(one.join())).into_arena();
        let len = texts.iter().map(|(t, _)| t.len()).sum::<usize>();
        // No spare buffer; one too short to hold the text; one longer than it,
        // full of other bytes (a file's), which must all be overwritten or cut.
        for spare in [vec![], vec![b'#'; len - 1], vec![b'#'; len + 4096]] {
            let mut two = TextWriter::default();
            assert_eq!(written(&mut two), texts);
            let (two, beside) = two.join_in_two(spare, || 42);
            assert_eq!(beside, 42);
            let two = JoinedText(Joined::Unchecked(two)).into_arena();
            // The whole buffer, byte for byte and with nothing after it.
            assert_eq!(two.text.len(), len);
            assert!(
                two.text.capacity() < len + 4096,
                "the spare's tail is given back"
            );
            assert_eq!(
                one.get(Text::new(0, len as u32)),
                two.get(Text::new(0, len as u32))
            );
            for (t, s) in &texts {
                assert_eq!(one.get(*t), s);
                assert_eq!(two.get(*t), s);
            }
        }
    }

    #[test]
    fn the_limit_is_an_error_not_a_wrap() {
        let mut w = TextWriter::with_limit(8);
        let a = w.push("12345").unwrap();
        assert_eq!(w.push("6789"), Err(TooMuchText));
        // Refused text leaves the writer as it was.
        assert!(w.push("678").is_ok());
        let mut other = TextWriter::default();
        other.push("x").unwrap();
        assert_eq!(w.append(other), Err(TooMuchText));
        assert_eq!(
            w.finish(Vec::new(), || ()).0.into_arena().get(a.text),
            "12345"
        );
        assert!(TooMuchText.to_string().contains("4294967295 bytes"));
    }

    #[test]
    fn appended_texts_shift() {
        let mut a = TextWriter::default();
        a.push("abc").unwrap();
        let mut b = TextWriter::default();
        let t = b.push("def").unwrap().text;
        let by = a.append(b).unwrap();
        let arena = a.finish(Vec::new(), || ()).0.into_arena();
        assert_eq!(arena.get(t.shifted(by)), "def");
        assert_eq!(Text::EMPTY.shifted(by), Text::EMPTY);
    }
}
