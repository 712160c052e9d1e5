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
    /// copied.
    pub(super) fn finish(self) -> TextArena {
        let mut text = String::with_capacity(self.len);
        for block in self.blocks {
            text.push_str(&block);
        }
        TextArena::new(text)
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
        let arena = w.finish();
        assert_eq!(arena.get(a.text), "Kataib Hezbollah");
        assert_eq!(arena.get(b.text), long);
        assert_eq!(arena.get(c.text), "é–ü");
        assert_eq!(arena.get(d.text), "");
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
        assert_eq!(w.finish().get(a.text), "12345");
        assert!(TooMuchText.to_string().contains("4294967295 bytes"));
    }

    #[test]
    fn appended_texts_shift() {
        let mut a = TextWriter::default();
        a.push("abc").unwrap();
        let mut b = TextWriter::default();
        let t = b.push("def").unwrap().text;
        let by = a.append(b).unwrap();
        let arena = a.finish();
        assert_eq!(arena.get(t.shifted(by)), "def");
        assert_eq!(Text::EMPTY.shifted(by), Text::EMPTY);
    }
}
