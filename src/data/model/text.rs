//! The model's strings, back to back in one buffer.
//!
//! A million events hold about ten million strings: as `Box<str>` each cost a
//! 16-byte pointer and an allocation (with the allocator's header). Here each is a
//! `Text`, two `u32`s into one `String` per timeline. Files are at most 1 GiB, so
//! `u32` offsets suffice; the arena still checks, and says so rather than wrap.

/// A string of the timeline: where it lies in the `TextArena`. Only meaningful
/// with the arena it came from. The empty text stands for "not given" in the
/// optional fields (the format treats a blank optional string as absent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    start: u32,
    len: u32,
}

impl Text {
    pub const EMPTY: Text = Text { start: 0, len: 0 };

    pub fn len(self) -> usize {
        self.len as usize
    }

    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    /// The same text in an arena that had `by` bytes put before it.
    pub(super) fn shifted(self, by: u32) -> Text {
        if self.is_empty() {
            return Text::EMPTY;
        }
        Text {
            start: self.start + by,
            len: self.len,
        }
    }
}

/// The arena is full: its text would not be addressable with `u32` offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooMuchText;

impl std::fmt::Display for TooMuchText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the timeline holds more text than tlx can address ({} bytes at most)",
            u32::MAX
        )
    }
}

/// Every string of a timeline, in one buffer.
#[derive(Clone, Default)]
pub struct TextArena {
    text: String,
    /// The most bytes it may hold: `u32::MAX`, smaller in tests.
    limit: Option<u32>,
}

impl TextArena {
    /// An arena that refuses text past `limit` bytes, to test the limit without
    /// 4 GiB of it.
    #[cfg(test)]
    pub(super) fn with_limit(limit: u32) -> Self {
        TextArena {
            text: String::new(),
            limit: Some(limit),
        }
    }

    fn limit(&self) -> usize {
        self.limit.unwrap_or(u32::MAX) as usize
    }

    pub fn get(&self, t: Text) -> &str {
        &self.text[t.start as usize..t.start as usize + t.len as usize]
    }

    /// Bytes held.
    pub(super) fn len(&self) -> usize {
        self.text.len()
    }

    /// Appends `s`; `Err` if the arena would pass its limit (it is left as it was).
    pub(super) fn push(&mut self, s: &str) -> Result<Text, TooMuchText> {
        if s.is_empty() {
            return Ok(Text::EMPTY);
        }
        let start = self.text.len();
        if start + s.len() > self.limit() {
            return Err(TooMuchText);
        }
        if let Some(capacity) = super::lists::grown(start, s.len(), self.text.capacity()) {
            self.text.reserve_exact(capacity - start);
        }
        self.text.push_str(s);
        Ok(Text {
            start: start as u32,
            len: s.len() as u32,
        })
    }

    /// Moves `other`'s text to the end of this one; `other`'s texts are then
    /// `shifted` by the length this arena had.
    pub(super) fn append(&mut self, other: TextArena) -> Result<u32, TooMuchText> {
        let by = self.text.len();
        if by + other.text.len() > self.limit() {
            return Err(TooMuchText);
        }
        self.text.reserve_exact(other.text.len());
        self.text.push_str(&other.text);
        Ok(by as u32)
    }

    pub(super) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
    }
}

impl std::fmt::Debug for TextArena {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TextArena({} bytes)", self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut arena = TextArena::default();
        let a = arena.push("Kataib Hezbollah").unwrap();
        let b = arena.push("").unwrap();
        let c = arena.push("é–ü").unwrap();
        assert_eq!(arena.get(a), "Kataib Hezbollah");
        assert_eq!(arena.get(b), "");
        assert!(b.is_empty());
        assert_eq!(arena.get(c), "é–ü");
        assert_eq!(arena.len(), 16 + "é–ü".len());
    }

    #[test]
    fn the_limit_is_an_error_not_a_wrap() {
        let mut arena = TextArena::with_limit(8);
        let a = arena.push("12345").unwrap();
        assert_eq!(arena.push("6789"), Err(TooMuchText));
        // Refused text leaves the arena as it was.
        assert_eq!(arena.len(), 5);
        assert!(arena.push("678").is_ok());
        assert_eq!(arena.len(), 8);
        assert_eq!(arena.get(a), "12345");
        let mut other = TextArena::default();
        other.push("x").unwrap();
        assert_eq!(arena.append(other), Err(TooMuchText));
        assert!(TooMuchText.to_string().contains("4294967295 bytes"));
    }

    #[test]
    fn appended_texts_shift() {
        let mut a = TextArena::default();
        a.push("abc").unwrap();
        let mut b = TextArena::default();
        let t = b.push("def").unwrap();
        let by = a.append(b).unwrap();
        assert_eq!(a.get(t.shifted(by)), "def");
        assert_eq!(Text::EMPTY.shifted(by), Text::EMPTY);
    }
}
