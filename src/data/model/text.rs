//! The model's strings, back to back in one buffer.
//!
//! A million events hold about ten million strings: as `Box<str>` each cost a
//! 16-byte pointer and an allocation (with the allocator's header). Here each is a
//! `Text`, two `u32`s into one `String` per timeline. Files are at most 1 GiB, so
//! `u32` offsets suffice; the writer (`writer.rs`) still checks, and says so
//! rather than wrap.

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

    pub(super) fn new(start: u32, len: u32) -> Text {
        Text { start, len }
    }

    pub(super) fn start(self) -> usize {
        self.start as usize
    }

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

/// The timeline outgrew `u32` offsets: its text, or the items of one kind of list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooMuchText;

impl std::fmt::Display for TooMuchText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the timeline is larger than tlx can hold: at most {} bytes of text, \
             and as many items in each kind of list",
            u32::MAX
        )
    }
}

/// Every string of a timeline, in one buffer (written by `TextWriter`).
#[derive(Clone, Default)]
pub struct TextArena {
    pub(super) text: String,
}

impl TextArena {
    pub(super) fn new(text: String) -> Self {
        TextArena { text }
    }

    pub fn get(&self, t: Text) -> &str {
        &self.text[t.start as usize..t.start as usize + t.len as usize]
    }
}

impl std::fmt::Debug for TextArena {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TextArena({} bytes)", self.text.len())
    }
}
