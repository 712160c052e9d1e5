//! The plain parse of a timeline, in two parts side by side when the text is long.
//!
//! serde_json reads a text from start to end on one thread. Here the top-level
//! object is walked by hand (its braces, keys, colons and commas), each value is
//! read by serde_json, and the long lists (actors, events, quotes) one element at
//! a time, so a second part can start in the middle: it guesses where an
//! element of a long list begins and parses from there to the end of the text.
//! The first part parses from the start and stops there only if one of its own
//! element boundaries lands exactly on the guess, in a list of the kind guessed,
//! taking the second part's work; otherwise it tells the second to stop and goes
//! on alone. The two run as one `rayon::join` (`data::parallel`): the first never
//! waits for the second, so they are correct on any number of threads. A
//! wrong guess (inside a string, a nested list, another list) costs time, never
//! correctness: the result is always the one serde_json alone gives, the same raw
//! timeline and the same flags (`raw::Seen`), and `NotParsed` for exactly the
//! texts serde_json refuses. `NotParsed` carries no detail: `load` parses a text
//! that fails again, tracking paths, to describe the error.

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::progress::LoadProgress;
use super::raw::*;
use crate::data::parallel;

/// Below this size one thread parses alone: a second one would not pay for itself.
pub const SPLIT_FROM_BYTES: usize = 1 << 20;

/// How many `{` the guess looks at before giving up on a second thread, and how
/// far it reads to try each: an element longer than that is not a place to start.
/// Both bound the guess's work on any text (a trial that read to the end of a
/// deeply nested text at every `{` would take time quadratic in its length).
const GUESSES: usize = 256;
const GUESS_WINDOW: usize = 16 << 10;

/// How many bytes a parse thread goes between reports of its progress: a few
/// thousand stores for the largest file, each to a counter of its own.
const REPORT_EVERY: usize = 256 << 10;

/// The text is not a timeline serde_json would read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotParsed;

/// A parse on two threads, and whether the second thread's work was taken.
#[derive(Debug)]
pub struct Split<'a> {
    pub raw: Result<RawTimeline<'a>, NotParsed>,
    /// Where the second thread started, if its work was taken.
    pub taken_at: Option<usize>,
}

/// The plain parse: serde_json's result, on two threads for a long text. Flags
/// go to the caller's `raw::watch`, as with serde_json alone. The bytes each
/// thread has parsed go to `progress` as it goes (a short text, parsed alone,
/// reports nothing: it takes no time).
pub fn plain<'a>(text: &'a str, progress: &LoadProgress) -> Result<RawTimeline<'a>, NotParsed> {
    if text.len() < SPLIT_FROM_BYTES {
        return parse_alone(text);
    }
    parse_with_helper(text, guess(text, text.len() / 2), progress).raw
}

/// serde_json alone, on this thread.
pub fn parse_alone(text: &str) -> Result<RawTimeline<'_>, NotParsed> {
    let mut de = serde_json::Deserializer::from_str(text);
    let raw = RawTimeline::deserialize(&mut de).map_err(|_| NotParsed)?;
    // Anything after the top-level object is an error too.
    de.end().map_err(|_| NotParsed)?;
    Ok(raw)
}

/// Parses `text` with a second thread starting at the first element of a long
/// list it finds at or after byte `near` (if it finds one). Whatever `near`, the
/// result is `parse_alone`'s: tests try every position.
pub fn parse_split_near<'a>(text: &'a str, near: usize, progress: &LoadProgress) -> Split<'a> {
    parse_with_helper(text, guess(text, near), progress)
}

/// Parses `text` with a second thread starting at byte `at`, as if an element of
/// `list` began there, whatever is there: for tests of the first thread's check.
pub fn parse_split_at<'a>(
    text: &'a str,
    at: usize,
    list: LongList,
    progress: &LoadProgress,
) -> Split<'a> {
    parse_with_helper(text, Some((at, list)), progress)
}

fn parse_with_helper<'a>(
    text: &'a str,
    helper: Option<(usize, LongList)>,
    progress: &LoadProgress,
) -> Split<'a> {
    let stop = AtomicBool::new(false);
    let first = |helper| {
        watch(|| {
            let mut walk = Walk::new(text, 0, helper, None, progress);
            let parsed = walk.timeline();
            walk.give_up();
            walk.report();
            (parsed.map(|()| walk.fields), walk.taken_at)
        })
    };
    let ((parsed, taken_at), seen) = match helper {
        None => first(None),
        Some((at, list)) => {
            let helper = Helper {
                at,
                list,
                stop: &stop,
            };
            let (first, second) = parallel::join(
                || first(Some(helper)),
                || {
                    watch(|| {
                        let mut walk = Walk::new(text, at, None, Some(&stop), progress);
                        let parsed = walk
                            .rest_of_list(list)
                            .and_then(|_| walk.rest_of_timeline());
                        walk.report();
                        parsed.map(|()| walk.fields)
                    })
                },
            );
            let ((parsed, taken_at), seen) = first;
            match (parsed, taken_at) {
                // The second part's work is the rest of the text: its failure is
                // the text's, as it parsed what the first would have.
                (Ok(fields), Some(_)) => {
                    let (rest, seen_after) = second;
                    let joined = rest.and_then(|rest| join_at_meeting(fields, rest));
                    ((joined, taken_at), Seen::both(seen, seen_after))
                }
                (parsed, taken_at) => ((parsed, taken_at), seen),
            }
        }
    };
    // Flags go to the caller's watch, whichever threads parsed.
    note(seen);
    Split {
        raw: parsed.and_then(assemble),
        taken_at,
    }
}

/// The first part's fields, which end with the list it met the second part in,
/// and the second part's, which start with the rest of that list: one list.
fn join_at_meeting<'a>(
    mut fields: Vec<Field<'a>>,
    rest: Vec<Field<'a>>,
) -> Result<Vec<Field<'a>>, NotParsed> {
    let mut rest = rest.into_iter();
    let (Some(head), Some(tail)) = (fields.pop(), rest.next()) else {
        return Err(NotParsed);
    };
    fields.push(match (head, tail) {
        (Field::Actors(Some(mut a)), Field::Actors(Some(b))) => {
            a.append(b);
            Field::Actors(Some(a))
        }
        (Field::Events(Some(mut a)), Field::Events(Some(b))) => {
            a.append(b);
            Field::Events(Some(a))
        }
        (Field::Quotes(Some(mut a)), Field::Quotes(Some(b))) => {
            a.append(b);
            Field::Quotes(Some(a))
        }
        // Unreachable: both parts read the list of the guess.
        _ => return Err(NotParsed),
    });
    fields.extend(rest);
    Ok(fields)
}

/// The long lists, the ones worth splitting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LongList {
    Actors,
    Events,
    Quotes,
}

/// A top-level field as read; `assemble` puts them in place, in order.
enum Field<'a> {
    Format(Option<Str<'a>>),
    Title(Option<Str<'a>>),
    Description(Option<Str<'a>>),
    Sources(Option<Chunked<RawSource<'a>>>),
    Actors(Option<Chunked<RawActor<'a>>>),
    Events(Option<Chunked<RawEvent<'a>>>),
    Quotes(Option<Chunked<RawQuote<'a>>>),
    Disputes(Option<Chunked<RawDispute<'a>>>),
}

/// An element of a long list.
trait Element<'a>: Deserialize<'a> + Send {
    const LIST: LongList;
    fn field(list: Option<Chunked<Self>>) -> Field<'a>;
    /// Whether a guessed element has what such an element has, to start the
    /// second thread somewhere likely (a participant also parses as an event).
    fn looks_like_one(&self) -> bool;
}

macro_rules! element {
    ($raw:ident, $list:ident, $($required:ident),+) => {
        impl<'a> Element<'a> for $raw<'a> {
            const LIST: LongList = LongList::$list;

            fn field(list: Option<Chunked<Self>>) -> Field<'a> {
                Field::$list(list)
            }

            fn looks_like_one(&self) -> bool {
                $(self.$required.is_some())&&+
            }
        }
    };
}

element!(RawActor, Actors, id, name, kind);
element!(RawEvent, Events, id, date, title);
element!(RawQuote, Quotes, id, source, text);

/// Where the second thread starts: an object after `}` and `,` (whitespace
/// allowed) that parses, with no unknown field, as an element of a long list.
fn guess(text: &str, near: usize) -> Option<(usize, LongList)> {
    fn is_one<'a, T: Element<'a>>(text: &'a str, at: usize) -> bool {
        let mut end = (at + GUESS_WINDOW).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // Watched so that the trial raises no flag of the real parse.
        let (item, seen) = watch(|| value_at::<T>(&text[..end], at));
        item.is_ok_and(|(item, _)| item.looks_like_one()) && !seen.contains(Seen::UNKNOWN_FIELD)
    }
    let bytes = text.as_bytes();
    let mut from = near;
    for _ in 0..GUESSES {
        let at = from + bytes.get(from..)?.iter().position(|&b| b == b'{')?;
        from = at + 1;
        let before = skip_ws_back(bytes, at);
        if before.last() != Some(&b',') {
            continue;
        }
        let before = skip_ws_back(before, before.len() - 1);
        if before.last() != Some(&b'}') {
            continue;
        }
        let list = if is_one::<RawEvent>(text, at) {
            LongList::Events
        } else if is_one::<RawQuote>(text, at) {
            LongList::Quotes
        } else if is_one::<RawActor>(text, at) {
            LongList::Actors
        } else {
            continue;
        };
        return Some((at, list));
    }
    None
}

/// `bytes[..end]` without the whitespace it ends with.
fn skip_ws_back(bytes: &[u8], end: usize) -> &[u8] {
    let mut end = end;
    while end > 0 && is_ws(bytes[end - 1]) {
        end -= 1;
    }
    &bytes[..end]
}

/// JSON's whitespace, as serde_json skips it.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t' | b'\r')
}

/// One value read by serde_json at `at`, and where it ends. Each value starts a
/// fresh deserializer, whose depth limit (128) is never reached: the typed
/// shapes nest six deep and serde_json skips ignored values without recursing.
fn value_at<'a, T: Deserialize<'a>>(text: &'a str, at: usize) -> Result<(T, usize), NotParsed> {
    let rest = text.get(at..).ok_or(NotParsed)?;
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<T>();
    match values.next() {
        Some(Ok(value)) => Ok((value, at + values.byte_offset())),
        _ => Err(NotParsed),
    }
}

/// Where the second part starts, as the first part sees it.
struct Helper<'s> {
    at: usize,
    list: LongList,
    /// Set when the second part's work will not be taken.
    stop: &'s AtomicBool,
}

/// Whether a walk goes on, or has met the second part, which parses the rest.
enum Flow {
    More,
    Done,
}

/// A walk through the top-level object, from `pos`.
struct Walk<'s, 'a> {
    text: &'a str,
    pos: usize,
    fields: Vec<Field<'a>>,
    /// The first part's: the second part, until its work is taken or refused.
    helper: Option<Helper<'s>>,
    taken_at: Option<usize>,
    /// The second thread's: set when its work will not be taken.
    stop: Option<&'s AtomicBool>,
    /// Where the walk started, and where it last told `progress` it was.
    start: usize,
    reported: usize,
    progress: &'s LoadProgress,
}

impl<'s, 'a: 's> Walk<'s, 'a> {
    fn new(
        text: &'a str,
        pos: usize,
        helper: Option<Helper<'s>>,
        stop: Option<&'s AtomicBool>,
        progress: &'s LoadProgress,
    ) -> Self {
        Walk {
            text,
            pos,
            fields: Vec::new(),
            helper,
            taken_at: None,
            stop,
            start: pos,
            reported: pos,
            progress,
        }
    }

    /// Tells `progress` how far this walk has come: the first thread (which
    /// starts at 0) on its counter, the second on its own.
    fn report(&mut self) {
        self.reported = self.pos;
        let bytes = (self.pos - self.start) as u64;
        if self.stop.is_some() {
            self.progress.parsed_second(bytes);
        } else {
            self.progress.parsed_first(bytes);
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(is_ws) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), NotParsed> {
        self.skip_ws();
        if self.peek() != Some(b) {
            return Err(NotParsed);
        }
        self.pos += 1;
        Ok(())
    }

    fn value<T: Deserialize<'a>>(&mut self) -> Result<T, NotParsed> {
        let (value, end) = value_at(self.text, self.pos)?;
        self.pos = end;
        Ok(value)
    }

    /// The whole text: one object, then only whitespace.
    fn timeline(&mut self) -> Result<(), NotParsed> {
        self.eat(b'{')?;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return self.end();
        }
        match self.field()? {
            Flow::Done => Ok(()),
            Flow::More => self.rest_of_timeline(),
        }
    }

    /// From just after a value of the top-level object to the end of the text.
    fn rest_of_timeline(&mut self) -> Result<(), NotParsed> {
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if let Flow::Done = self.field()? {
                        return Ok(());
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    return self.end();
                }
                _ => return Err(NotParsed),
            }
        }
    }

    fn end(&mut self) -> Result<(), NotParsed> {
        self.skip_ws();
        if self.pos == self.text.len() {
            Ok(())
        } else {
            Err(NotParsed)
        }
    }

    /// A key, its colon and its value.
    fn field(&mut self) -> Result<Flow, NotParsed> {
        self.report();
        self.refuse_helper_if_passed();
        if self.peek() != Some(b'"') {
            return Err(NotParsed);
        }
        let key: Str<'a> = self.value()?;
        self.eat(b':')?;
        self.skip_ws();
        let field = match &*key {
            "format" => Field::Format(self.value()?),
            "title" => Field::Title(self.value()?),
            "description" => Field::Description(self.value()?),
            "sources" => Field::Sources(self.value()?),
            "actors" => return self.long::<RawActor<'a>>(),
            "events" => return self.long::<RawEvent<'a>>(),
            "quotes" => return self.long::<RawQuote<'a>>(),
            "disputes" => Field::Disputes(self.value()?),
            _ => {
                note(Seen::UNKNOWN_FIELD);
                self.value::<IgnoredAny>()?;
                return Ok(Flow::More);
            }
        };
        self.fields.push(field);
        Ok(Flow::More)
    }

    /// A long list element by element; anything else (`null`, a type error) as
    /// one value.
    fn long<T: Element<'a>>(&mut self) -> Result<Flow, NotParsed> {
        if self.peek() != Some(b'[') {
            let list = self.value::<Option<Chunked<T>>>()?;
            self.fields.push(T::field(list));
            return Ok(Flow::More);
        }
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.fields.push(T::field(Some(Chunked::default())));
            return Ok(Flow::More);
        }
        self.elements::<T>()
    }

    /// The second thread's start: the rest of a list from one of its elements.
    fn rest_of_list(&mut self, list: LongList) -> Result<Flow, NotParsed> {
        match list {
            LongList::Actors => self.elements::<RawActor<'a>>(),
            LongList::Events => self.elements::<RawEvent<'a>>(),
            LongList::Quotes => self.elements::<RawQuote<'a>>(),
        }
    }

    /// Elements from the one at `pos` to the list's `]`, as serde_json reads a
    /// sequence: no comma before `]`.
    fn elements<T: Element<'a>>(&mut self) -> Result<Flow, NotParsed> {
        let mut items = Chunked::default();
        loop {
            if self.meet_helper(T::LIST) {
                // The second part parses the rest; `join_at_meeting` joins them.
                self.fields.push(T::field(Some(items)));
                return Ok(Flow::Done);
            }
            if self.stop.is_some_and(|stop| stop.load(Ordering::Relaxed)) {
                return Err(NotParsed);
            }
            items.push(self.value::<T>()?);
            if self.pos - self.reported >= REPORT_EVERY {
                self.report();
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if matches!(self.peek(), Some(b']') | None) {
                        return Err(NotParsed);
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    self.fields.push(T::field(Some(items)));
                    return Ok(Flow::More);
                }
                _ => return Err(NotParsed),
            }
        }
    }

    /// Whether this walk is at the second part's start, at an element of list
    /// `list`: then it takes the second part's work and stops here.
    fn meet_helper(&mut self, list: LongList) -> bool {
        let pos = self.pos;
        let Some(helper) = self.helper.take_if(|h| pos >= h.at) else {
            return false;
        };
        if self.pos != helper.at || list != helper.list {
            helper.stop.store(true, Ordering::Relaxed);
            self.progress.refuse_second();
            return false;
        }
        self.report();
        self.taken_at = Some(helper.at);
        true
    }

    /// Past the second thread's start and not on it: its work will not be taken.
    fn refuse_helper_if_passed(&mut self) {
        if self.helper.as_ref().is_some_and(|h| self.pos > h.at) {
            self.give_up();
        }
    }

    fn give_up(&mut self) {
        if let Some(helper) = self.helper.take() {
            helper.stop.store(true, Ordering::Relaxed);
            self.progress.refuse_second();
        }
    }
}

/// The fields in place, in the order read: a key given twice is an error, as it
/// is for serde_json reading `RawTimeline`.
fn assemble(fields: Vec<Field<'_>>) -> Result<RawTimeline<'_>, NotParsed> {
    fn once<T>(slot: &mut Option<Option<T>>, value: Option<T>) -> Result<(), NotParsed> {
        match slot {
            Some(_) => Err(NotParsed),
            None => {
                *slot = Some(value);
                Ok(())
            }
        }
    }
    let (mut format, mut title, mut description) = (None, None, None);
    let (mut sources, mut actors, mut events, mut quotes, mut disputes) =
        (None, None, None, None, None);
    for field in fields {
        match field {
            Field::Format(v) => once(&mut format, v)?,
            Field::Title(v) => once(&mut title, v)?,
            Field::Description(v) => once(&mut description, v)?,
            Field::Sources(v) => once(&mut sources, v)?,
            Field::Actors(v) => once(&mut actors, v)?,
            Field::Events(v) => once(&mut events, v)?,
            Field::Quotes(v) => once(&mut quotes, v)?,
            Field::Disputes(v) => once(&mut disputes, v)?,
        }
    }
    // Every field named: a field added to `RawTimeline` must be added here.
    Ok(RawTimeline {
        format: format.flatten().into(),
        title: title.flatten().into(),
        description: description.flatten().into(),
        sources: sources.flatten(),
        actors: actors.flatten(),
        events: events.flatten(),
        quotes: quotes.flatten(),
        disputes: disputes.flatten(),
    })
}
