//! The ids of one list, taken out of its objects while validating.
//!
//! The id tables must see every id before the objects are converted (references
//! may point forwards), while the objects themselves move into the model and are
//! freed chunk by chunk; so the ids are taken out first. A million events and a
//! million quotes make two million ids, held at the peak of a load beside the
//! file and its parse: each is 8 bytes here, a place in the file's text, rather
//! than the 16 of a `Str`. An id not found in the text (written with escapes, or
//! from a TimelineJS import) is copied into a buffer of its own.

use super::raw::{Chunked, MaybeStr, Str};

#[derive(Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

/// No id.
const MISSING: Span = Span {
    start: u32::MAX,
    len: 0,
};

/// Set in `start` for an id in `copied`. Files are at most 1 GiB, so offsets in
/// the text stay below it.
const COPIED: u32 = 1 << 31;

pub struct IdList<'a> {
    text: &'a str,
    spans: Vec<Span>,
    copied: String,
}

impl<'a> IdList<'a> {
    /// Takes each object's id out of `list`; `text` is the file's text (empty
    /// for a timeline not read from one: every id is then copied).
    pub fn take<T>(
        text: &'a str,
        list: &mut Option<Chunked<T>>,
        id: impl Fn(&mut T) -> &mut MaybeStr<'a>,
    ) -> Self {
        let ids = IdList {
            text,
            spans: Vec::with_capacity(list.as_ref().map_or(0, Chunked::len)),
            copied: String::new(),
        };
        ids.filled(list, id)
    }

    /// `take`, every id copied side by side into one buffer of exactly their
    /// size: for the lists whose ids each reference is compared with (sources,
    /// actors, quotes). Left in the file's text, the ids of a million quotes lie
    /// scattered over hundreds of megabytes, and each comparison costs a cache
    /// and TLB miss; packed, they take about 20 MB and mostly stay in cache
    /// (`tlx check` 2% faster at 1M events, for 23 MB more at the peak).
    pub fn take_together<T>(
        list: &mut Option<Chunked<T>>,
        id: impl Fn(&mut T) -> &mut MaybeStr<'a>,
    ) -> Self {
        let bytes = list
            .iter_mut()
            .flatten()
            .map(|item| id(item).as_deref().map_or(0, str::len))
            .sum();
        let ids = IdList {
            text: "",
            spans: Vec::with_capacity(list.as_ref().map_or(0, Chunked::len)),
            copied: String::with_capacity(bytes),
        };
        ids.filled(list, id)
    }

    fn filled<T>(
        mut self,
        list: &mut Option<Chunked<T>>,
        id: impl Fn(&mut T) -> &mut MaybeStr<'a>,
    ) -> Self {
        let ids = &mut self;
        for item in list.iter_mut().flatten() {
            let span = match id(item).take() {
                None => MISSING,
                Some(s) => ids.place(s),
            };
            ids.spans.push(span);
        }
        self
    }

    /// Where an id lies: in the text if it was borrowed from it, else copied.
    fn place(&mut self, id: Str<'a>) -> Span {
        if let Some(s) = id.borrowed()
            && let Some(start) = offset_in(self.text, s)
        {
            return Span {
                start,
                len: s.len() as u32,
            };
        }
        let start = self.copied.len();
        self.copied.push_str(&id);
        match u32::try_from(start) {
            // Ids come from files of at most 1 GiB: they fit, with room to spare.
            Ok(start) if start < COPIED => Span {
                start: start | COPIED,
                len: id.len() as u32,
            },
            _ => MISSING,
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The id of item `i`, if it has one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let span = self.spans[i];
        if span.start == MISSING.start {
            return None;
        }
        let (from, start) = if span.start & COPIED != 0 {
            (self.copied.as_str(), span.start & !COPIED)
        } else {
            (self.text, span.start)
        };
        Some(&from[start as usize..start as usize + span.len as usize])
    }

    /// Every id given, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// Where `part` starts in `text`, if it lies within it.
fn offset_in(text: &str, part: &str) -> Option<u32> {
    let base = text.as_ptr() as usize;
    let at = (part.as_ptr() as usize).checked_sub(base)?;
    (at + part.len() <= text.len() && at < COPIED as usize).then_some(at as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_the_text_copied_and_missing() {
        let text = r#"{"id": "kh", "id": "pmf"}"#;
        let raw = [
            MaybeStr::from(&text[8..10]),
            MaybeStr::default(),
            MaybeStr::from("q\"uoted".to_string()),
            MaybeStr::from(&text[20..23]),
            MaybeStr::from("elsewhere"),
        ];
        let mut list = Some(Chunked::from_chunks(vec![raw.to_vec()]));
        let ids = IdList::take(text, &mut list, |x| x);
        let got: Vec<Option<&str>> = (0..ids.len()).map(|i| ids.get(i)).collect();
        assert_eq!(
            got,
            [
                Some("kh"),
                None,
                Some("q\"uoted"),
                Some("pmf"),
                Some("elsewhere")
            ]
        );
        // Only what was not in the text was copied.
        assert_eq!(ids.copied, "q\"uotedelsewhere");
        assert_eq!(ids.iter().count(), 4);
        assert!(list.iter_mut().flatten().all(|id| id.is_none()));

        // Taken together, every id is copied, into a buffer of their exact size.
        let mut list = Some(Chunked::from_chunks(vec![raw.to_vec()]));
        let together = IdList::take_together(&mut list, |x| x);
        let got_together: Vec<Option<&str>> =
            (0..together.len()).map(|i| together.get(i)).collect();
        assert_eq!(got_together, got);
        assert_eq!(together.copied, "khq\"uotedpmfelsewhere");
        assert_eq!(together.copied.capacity(), together.copied.len());
        assert!(list.iter_mut().flatten().all(|id| id.is_none()));
    }
}
