//! The JSON shapes of the timeline format, exactly as a file writes them.
//!
//! Every field is optional here, even the required ones, so that serde never stops
//! at the first missing field: `validate` reports each one with its path. Types are
//! still checked by serde (a number where a string belongs is a parse error with
//! its path, line and column). Dates, ids and enums stay strings until validation.
//!
//! Objects must be JSON objects: serde's derive would also take an array of the
//! field values in order, which the format does not allow and which would make for
//! baffling messages, so each type reads through `deserialize_map` only.

use std::cell::Cell;
use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

type Text<'a> = MaybeStr<'a>;
type List<T> = Option<Vec<T>>;
/// The top-level lists, which can be long.
type Long<T> = Option<Chunked<T>>;

/// A string of the file. Borrowed from the text when it has no escapes, which is
/// nearly always: ids, references, dates and kinds then cost no allocation at all,
/// and only what the model keeps is copied, once.
///
/// 16 bytes, not the 24 of a `Cow<str>`: a raw million events hold some twenty
/// million strings, all alive at the peak of a load beside the file itself. The
/// rare string with escapes pays for it with a second allocation.
#[derive(Clone)]
pub struct Str<'a>(Repr<'a>);

#[derive(Clone)]
enum Repr<'a> {
    Borrowed(&'a str),
    /// A thin pointer, so that it fits beside the borrowed string's niche.
    Owned(Box<Box<str>>),
}

impl<'a> Str<'a> {
    /// The text this was borrowed from, if it was.
    pub fn borrowed(&self) -> Option<&'a str> {
        match self.0 {
            Repr::Borrowed(s) => Some(s),
            Repr::Owned(_) => None,
        }
    }
}

impl Deref for Str<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(s) => s,
            Repr::Owned(s) => s,
        }
    }
}

impl Default for Str<'_> {
    fn default() -> Self {
        Str(Repr::Borrowed(""))
    }
}

/// Equal when the texts are, borrowed or not.
impl PartialEq for Str<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Str<'_> {}

impl fmt::Debug for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<'a> From<&'a str> for Str<'a> {
    fn from(text: &'a str) -> Self {
        Str(Repr::Borrowed(text))
    }
}

impl From<String> for Str<'_> {
    fn from(text: String) -> Self {
        text.into_boxed_str().into()
    }
}

impl From<Box<str>> for Str<'_> {
    fn from(text: Box<str>) -> Self {
        Str(Repr::Owned(Box::new(text)))
    }
}

impl From<Str<'_>> for Box<str> {
    fn from(text: Str<'_>) -> Self {
        match text.0 {
            Repr::Borrowed(b) => b.into(),
            Repr::Owned(o) => *o,
        }
    }
}

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrVisitor)
    }
}

struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Str<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Str<'de>, E> {
        // Unescaped JSON text cannot hold C0 controls; DEL and C1 can be there raw.
        if text.bytes().any(|b| b == 0x7f || b == 0xc2) {
            note(Seen::CONTROL);
        }
        Ok(Str(Repr::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Str<'de>, E> {
        self.visit_string(text.to_owned())
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Str<'de>, E> {
        if text.chars().any(super::clean::is_unwanted) {
            note(Seen::CONTROL);
        }
        Ok(text.into())
    }
}

/// An optional string field: `Option<Str>` in 16 bytes rather than 24 (an
/// `Option` finds no room for its `None` in `Str`; this nests the absent case
/// beside the owned one, in the owned pointer's niche). Absent and `null` are
/// both `None`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct MaybeStr<'a>(MaybeRepr<'a>);

#[derive(Clone, PartialEq, Eq)]
enum MaybeRepr<'a> {
    Borrowed(&'a str),
    Other(OwnedOrNone),
}

#[derive(Clone, Default, PartialEq, Eq)]
enum OwnedOrNone {
    Owned(Box<Box<str>>),
    #[default]
    None,
}

impl Default for MaybeRepr<'_> {
    fn default() -> Self {
        MaybeRepr::Other(OwnedOrNone::None)
    }
}

impl<'a> MaybeStr<'a> {
    /// The string, if given.
    pub fn get(self) -> Option<Str<'a>> {
        match self.0 {
            MaybeRepr::Borrowed(s) => Some(Str(Repr::Borrowed(s))),
            MaybeRepr::Other(OwnedOrNone::Owned(s)) => Some(Str(Repr::Owned(s))),
            MaybeRepr::Other(OwnedOrNone::None) => None,
        }
    }

    /// The string, if given, leaving `None` in its place.
    pub fn take(&mut self) -> Option<Str<'a>> {
        std::mem::take(self).get()
    }

    pub fn as_deref(&self) -> Option<&str> {
        match &self.0 {
            MaybeRepr::Borrowed(s) => Some(s),
            MaybeRepr::Other(OwnedOrNone::Owned(s)) => Some(s),
            MaybeRepr::Other(OwnedOrNone::None) => None,
        }
    }

    pub fn is_some(&self) -> bool {
        self.as_deref().is_some()
    }

    pub fn is_none(&self) -> bool {
        !self.is_some()
    }
}

impl<'a> From<Option<Str<'a>>> for MaybeStr<'a> {
    fn from(text: Option<Str<'a>>) -> Self {
        MaybeStr(match text {
            Some(Str(Repr::Borrowed(s))) => MaybeRepr::Borrowed(s),
            Some(Str(Repr::Owned(s))) => MaybeRepr::Other(OwnedOrNone::Owned(s)),
            None => MaybeRepr::Other(OwnedOrNone::None),
        })
    }
}

impl<'a> From<Str<'a>> for MaybeStr<'a> {
    fn from(text: Str<'a>) -> Self {
        Some(text).into()
    }
}

impl<'a> From<&'a str> for MaybeStr<'a> {
    fn from(text: &'a str) -> Self {
        Str::from(text).into()
    }
}

impl From<String> for MaybeStr<'_> {
    fn from(text: String) -> Self {
        Str::from(text).into()
    }
}

impl<'a> From<MaybeStr<'a>> for Option<Str<'a>> {
    fn from(text: MaybeStr<'a>) -> Self {
        text.get()
    }
}

impl fmt::Debug for MaybeStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&self.as_deref(), f)
    }
}

impl<'de> Deserialize<'de> for MaybeStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<Str<'de>>::deserialize(d).map(MaybeStr::from)
    }
}

/// A long list read in chunks of `Chunked::CHUNK` items, so that converting it can
/// free each chunk as soon as it is done instead of holding the whole raw list
/// (a few hundred bytes per event) until the end: that is what keeps the peak
/// memory of a load below the raw list plus the model.
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Chunked<T> {
    pub const CHUNK: usize = 16 * 1024;

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < Self::CHUNK => chunk.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(Self::CHUNK.min(self.len.max(16)));
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flatten()
    }

    pub fn from_chunks(chunks: Vec<Vec<T>>) -> Self {
        let len = chunks.iter().map(Vec::len).sum();
        Chunked { chunks, len }
    }

    /// Adds `other`'s items after these (its chunks as they are).
    pub fn append(&mut self, other: Chunked<T>) {
        self.len += other.len;
        self.chunks.extend(other.chunks);
    }

    /// The chunks, in order, each to be consumed (and freed) in turn.
    pub fn into_chunks(self) -> Vec<Vec<T>> {
        self.chunks
    }
}

/// The items as one list: where the chunks end is no part of the value.
impl<T: fmt::Debug> fmt::Debug for Chunked<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> From<Vec<T>> for Chunked<T> {
    fn from(items: Vec<T>) -> Self {
        items.into_iter().collect()
    }
}

impl<T> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut out = Chunked::default();
        for item in items {
            out.push(item);
        }
        out
    }
}

impl<'c, T> IntoIterator for &'c mut Chunked<T> {
    type Item = &'c mut T;
    type IntoIter = std::iter::Flatten<std::slice::IterMut<'c, Vec<T>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter_mut().flatten()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Chunked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Items<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Items<T> {
            type Value = Chunked<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<S: de::SeqAccess<'de>>(self, mut seq: S) -> Result<Chunked<T>, S::Error> {
                let mut out = Chunked::default();
                while let Some(item) = seq.next_element()? {
                    out.push(item);
                }
                Ok(out)
            }
        }

        d.deserialize_seq(Items(std::marker::PhantomData))
    }
}

/// What a parse came across that needs a second look: the parse itself does not
/// know paths (tracking them costs), so it only raises a flag, and the rare file
/// that raises one gets the slower pass that says where.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seen(u8);

impl Seen {
    /// A field the format does not define.
    pub const UNKNOWN_FIELD: Seen = Seen(1);
    /// A string that may hold a control character.
    pub const CONTROL: Seen = Seen(2);

    pub fn contains(self, other: Seen) -> bool {
        self.0 & other.0 == other.0
    }

    /// The flags of either.
    pub fn both(a: Seen, b: Seen) -> Seen {
        Seen(a.0 | b.0)
    }
}

thread_local! {
    static SEEN: Cell<Seen> = const { Cell::new(Seen(0)) };
}

/// Raises flags on this thread's watch (a second thread's, once its work is taken).
pub(crate) fn note(flag: Seen) {
    SEEN.with(|seen| seen.set(Seen(seen.get().0 | flag.0)));
}

/// Runs a parse and returns what it came across along with its result.
pub fn watch<T>(parse: impl FnOnce() -> T) -> (T, Seen) {
    let outer = SEEN.with(|seen| seen.replace(Seen(0)));
    let result = parse();
    let seen = SEEN.with(|seen| seen.replace(outer));
    (result, seen)
}

/// Defines a raw object type that deserializes from a JSON object only, field by
/// field, with no intermediate struct; a field it does not know is skipped with
/// `IgnoredAny` (which `serde_ignored` reports) and flagged.
macro_rules! object {
    ($(#[$doc:meta])* $name:ident, $expecting:literal {
        $($field:ident $(= $json:literal)?: $ty:ty,)+
    }) => {
        $(#[$doc])*
        #[derive(Debug, Default)]
        pub struct $name<'a> {
            $(pub $field: $ty,)+
        }

        const _: () = {
            struct ObjectOnly;

            /// Which fields were already given, to refuse a key given twice.
            #[derive(Default)]
            struct Given {
                $($field: bool,)+
            }

            impl<'de> Visitor<'de> for ObjectOnly {
                type Value = $name<'de>;

                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str($expecting)
                }

                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name<'de>, A::Error> {
                    let mut out = $name::default();
                    let mut given = Given::default();
                    while let Some(key) = map.next_key::<Str<'de>>()? {
                        match &*key {
                            $(json_name!($field $(, $json)?) => {
                                if given.$field {
                                    return Err(de::Error::duplicate_field(json_name!($field $(, $json)?)));
                                }
                                given.$field = true;
                                out.$field = map.next_value()?;
                            })+
                            _ => {
                                note(Seen::UNKNOWN_FIELD);
                                map.next_value::<IgnoredAny>()?;
                            }
                        }
                    }
                    Ok(out)
                }
            }

            impl<'de> Deserialize<'de> for $name<'de> {
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    d.deserialize_map(ObjectOnly)
                }
            }
        };
    };
}

/// The JSON key of a field: its name, or the name given after `=`.
macro_rules! json_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident, $json:literal) => {
        $json
    };
}

object!(RawTimeline, "a timeline object" {
    format: Text<'a>,
    title: Text<'a>,
    description: Text<'a>,
    sources: Long<RawSource<'a>>,
    actors: Long<RawActor<'a>>,
    events: Long<RawEvent<'a>>,
    quotes: Long<RawQuote<'a>>,
    disputes: Long<RawDispute<'a>>,
});

object!(RawSource, "a source object" {
    id: Text<'a>,
    title: Text<'a>,
    publisher: Text<'a>,
    authors: List<Str<'a>>,
    published: Text<'a>,
    url: Text<'a>,
    kind: Text<'a>,
});

object!(RawActor, "an actor object" {
    id: Text<'a>,
    name: Text<'a>,
    kind: Text<'a>,
    aliases: List<Str<'a>>,
    description: Text<'a>,
    relations: List<RawRelation<'a>>,
});

object!(RawRelation, "a relation object" {
    kind = "type": Text<'a>,
    actor: Text<'a>,
    from: Text<'a>,
    to: Text<'a>,
    quotes: List<Str<'a>>,
});

object!(RawEvent, "an event object" {
    id: Text<'a>,
    date: Text<'a>,
    end: Text<'a>,
    title: Text<'a>,
    summary: Text<'a>,
    place: Text<'a>,
    tags: List<Str<'a>>,
    actors: List<RawParticipant<'a>>,
    quotes: List<Str<'a>>,
    certainty: Text<'a>,
    note: Text<'a>,
});

object!(RawParticipant, "an object with the actor's id and role" {
    id: Text<'a>,
    role: Text<'a>,
});

object!(RawQuote, "a quote object" {
    id: Text<'a>,
    source: Text<'a>,
    text: Text<'a>,
    speaker: Text<'a>,
    note: Text<'a>,
});

object!(RawDispute, "a dispute object" {
    id: Text<'a>,
    question: Text<'a>,
    event: Text<'a>,
    claims: List<RawClaim<'a>>,
});

object!(RawClaim, "a claim object" {
    claim: Text<'a>,
    quotes: List<Str<'a>>,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_take_16_bytes_given_or_not() {
        assert_eq!(std::mem::size_of::<Str>(), 16);
        assert_eq!(std::mem::size_of::<MaybeStr>(), 16);
    }

    #[test]
    fn a_maybe_string_keeps_what_it_was_given() {
        let text = String::from("Kataib Hezbollah");
        let borrowed = MaybeStr::from(text.as_str());
        let owned = MaybeStr::from("Kata\"ib".to_string());
        assert_eq!(borrowed.as_deref(), Some("Kataib Hezbollah"));
        assert_eq!(
            borrowed.clone().get().and_then(|s| s.borrowed()),
            Some(text.as_str())
        );
        assert_eq!(owned.as_deref(), Some("Kata\"ib"));
        assert_eq!(owned.clone().get().and_then(|s| s.borrowed()), None);
        assert!(MaybeStr::default().is_none());
        assert_eq!(MaybeStr::from("").as_deref(), Some(""));
        let mut taken = owned;
        assert_eq!(taken.take().as_deref(), Some("Kata\"ib"));
        assert!(taken.is_none());
    }

    #[test]
    fn null_and_absent_are_none_and_escapes_are_owned() {
        let event: RawEvent = serde_json::from_str(
            r#"{"id": "a", "title": "say \"no\"", "summary": null, "tags": ["x"]}"#,
        )
        .unwrap();
        assert_eq!(event.id.as_deref(), Some("a"));
        assert!(event.id.clone().get().and_then(|s| s.borrowed()).is_some());
        assert_eq!(event.title.as_deref(), Some("say \"no\""));
        assert!(
            event
                .title
                .clone()
                .get()
                .and_then(|s| s.borrowed())
                .is_none()
        );
        assert!(event.summary.is_none() && event.place.is_none());
        assert_eq!(event.tags.unwrap(), [Str::from("x")]);
    }
}
