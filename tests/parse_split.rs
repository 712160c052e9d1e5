//! The parse on two threads (`tlx::data::parse`) against serde_json alone.
//!
//! The second thread is started at every byte of small, tricky texts, as each
//! kind of long list: whatever it parses there, the result must be serde_json's
//! (the same raw timeline, the same flags, an error for the same texts), and its
//! work must be taken exactly at the elements of the top-level long lists. Then
//! whole loads of texts long enough to be split: errors and warnings in the
//! second half read exactly as they do from serde_json alone.

use tlx::data::{EventIx, load_str};
use tlx::testing::{
    LongList, SPLIT_FROM_BYTES, Split, parse_alone, parse_split_at, parse_split_near,
};
use tlx::testing::{Seen, watch};

const LISTS: [LongList; 3] = [LongList::Actors, LongList::Events, LongList::Quotes];

/// Strings holding `}, {` and `},{` (even a whole event, escaped), escapes,
/// nested lists of objects, whitespace everywhere JSON allows it.
const TRICKY: &str = r#"{"format":"tlx/1","title":"t","description":"d},{x",
 "sources":[{"id":"s1","title":"S","publisher":"P","authors":["},{","}, {"]}],
 "actors":[{"id":"a1","name":"A },{ \"id\": \"x\"","kind":"person","relations":[{"type":"ally","actor":"a2"},{"type":"rival","actor":"a2"}]},
  {"id":"a2","name":"B","kind":"group","aliases":["},{","}, {"]}],
 "events":[
  {"id":"e1","date":"2020","title":"},{\"id\":\"e9\",\"date\":\"2020\",\"title\":\"x\"}","actors":[{"id":"a1","role":"r"},{"id":"a2"}]},
  {"id":"e2","date":"2021-03","title":"esc \u00e9 \n \\ \/ \ud83d\ude00","tags":["a","b"],"quotes":["q1"]} ,
	{ "id" : "e3" , "date" : "2021-03-04" , "title" : "ws" , "summary" : null }
 ],
 "quotes":[{"id":"q1","source":"s1","text":"}, {\"id\": \"q2\"}"},{"id":"q2","source":"s1","text":"t","speaker":"a1"}],
 "disputes":[{"id":"d1","question":"?","claims":[{"claim":"c","quotes":["q1"]}]}]
}
"#;

/// Unknown fields late, one holding nested lists of objects.
const UNKNOWN: &str = r#"{"format":"tlx/1","title":"t","events":[
 {"id":"e1","date":"2020","title":"x"},
 {"id":"e2","date":"2020","title":"y","colour":[[{"a":[1,2,{}]},{"b":"},{"}],[]]},
 {"id":"e3","date":"2020","title":"z"}],
 "quotes":[{"id":"q1","source":"s","text":"t"},{"id":"q2","source":"s","text":"t","page":12}],
 "extra":{"events":[{"id":"e4","date":"2020","title":"w"},{"id":"e5","date":"2020","title":"w"}]}}"#;

/// Control characters late: an escaped BEL, a raw DEL, a C1 character.
const CONTROL: &str = "{\"format\":\"tlx/1\",\"title\":\"t\",\"events\":[\
 {\"id\":\"e1\",\"date\":\"2020\",\"title\":\"x\"},\
 {\"id\":\"e2\",\"date\":\"2020\",\"title\":\"y\"},\
 {\"id\":\"e3\",\"date\":\"2020\",\"title\":\"bell \\u0007\"}],\
 \"quotes\":[{\"id\":\"q1\",\"source\":\"s\",\"text\":\"t\"},{\"id\":\"q2\",\"source\":\"s\",\"text\":\"del \x7f c1 \u{85}\"}]}";

/// Texts serde_json refuses, each for a reason found in the second half.
const BROKEN: &[&str] = &[
    // A trailing comma, a missing comma, a comma after the last field.
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c"},]}"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"} {"id":"c"}]}"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c"}],}"#,
    // A key given twice: at the top, and inside an element.
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c"}],"events":[]}"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c","id":"d"}]}"#,
    // Types: a number for a string, an array for an object, an object for a list.
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c","title":5}]}"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},["c"]]}"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"}],"quotes":{"id":"q"}}"#,
    // Strings: a bad escape, a raw control character, one never closed.
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c","title":"\x"}]}"#,
    "{\"format\":\"tlx/1\",\"events\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\",\"title\":\"\x01\"}]}",
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c","title":"x}]}"#,
    // After the timeline, before its end, instead of it.
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c"}]} x"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c"}]"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c"}"#,
    r#"[{"id":"a"},{"id":"b"}]"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c"}], "x" 1}"#,
    r#"{"format":"tlx/1","events":[{"id":"a"},{"id":"b"},{"id":"c"}], 5: 1}"#,
];

/// serde_json's answer, as text: the raw timeline (lists flat, whatever their
/// chunks) and the flags, or `None` for a refusal.
fn alone(text: &str) -> Option<(String, Seen)> {
    let (raw, seen) = watch(|| parse_alone(text));
    raw.ok().map(|raw| (format!("{raw:?}"), seen))
}

fn answer<'a>(split: impl FnOnce() -> Split<'a>) -> (Option<(String, Seen)>, Option<usize>) {
    let (split, seen) = watch(split);
    let taken_at = split.taken_at;
    (
        split.raw.ok().map(|raw| (format!("{raw:?}"), seen)),
        taken_at,
    )
}

/// Starts the second thread at every byte, as every kind of list; returns how
/// often its work was taken.
fn every_split_is_serde_json(text: &str) -> usize {
    let expected = alone(text);
    let mut taken = 0;
    for at in 0..=text.len() + 1 {
        for list in LISTS {
            let (got, taken_at) =
                answer(|| parse_split_at(text, at, list, &tlx::data::LoadProgress::new()));
            assert_eq!(got, expected, "second thread at {at} as {list:?}");
            if let Some(t) = taken_at {
                assert_eq!(t, at);
                taken += 1;
            }
        }
    }
    taken
}

#[test]
fn a_second_thread_anywhere_gives_serde_jsons_timeline() {
    // The work is taken once per element of the top-level actors, events and
    // quotes (2 + 3 + 2), and never anywhere else.
    assert!(alone(TRICKY).is_some());
    assert_eq!(every_split_is_serde_json(TRICKY), 7);
    assert_eq!(every_split_is_serde_json(UNKNOWN), 5);
    assert_eq!(every_split_is_serde_json(CONTROL), 5);
}

#[test]
fn flags_raised_by_the_second_thread_are_kept() {
    // Only the last element raises flags, and the second thread parses it alone.
    let text = r#"{"format":"tlx/1","events":[{"id":"e1"}],
        "quotes":[{"id":"q1"},{"id":"q2","text":"bell \u0007","page":1}]}"#;
    let (_, seen) = alone(text).unwrap();
    assert!(seen.contains(Seen::CONTROL) && seen.contains(Seen::UNKNOWN_FIELD));
    let last = text.rfind("{\"id\":\"q2\"").unwrap();
    let (got, taken_at) = answer(|| {
        parse_split_at(
            text,
            last,
            LongList::Quotes,
            &tlx::data::LoadProgress::new(),
        )
    });
    assert_eq!(taken_at, Some(last));
    assert_eq!(got, alone(text));
}

#[test]
fn a_second_thread_anywhere_refuses_what_serde_json_refuses() {
    for text in BROKEN {
        assert_eq!(alone(text), None, "{text}");
        assert_eq!(every_split_is_serde_json(text) > 0, !text.starts_with('['));
    }
}

#[test]
fn the_guess_finds_elements_not_strings_or_nested_lists() {
    let mut found = 0;
    for near in 0..TRICKY.len() {
        let (got, taken_at) =
            answer(|| parse_split_near(TRICKY, near, &tlx::data::LoadProgress::new()));
        assert_eq!(got, alone(TRICKY));
        if let Some(at) = taken_at {
            assert!(at >= near);
            found += 1;
        }
    }
    // A guess is taken from every byte before the last top-level element
    // (q2): nothing there fooled it.
    assert_eq!(found, TRICKY.rfind("{\"id\":\"q2\"").unwrap() + 1);
}

#[test]
fn the_guess_reads_little_of_a_text_nested_to_its_end() {
    // Every `},{` starts an object holding the rest of the text in an unknown
    // field: a trial parse to the end at each took 50 s here, unbounded.
    let depth = 80_000;
    let nested = format!("{}{}", r#"{},{"x":["#.repeat(depth), "]}".repeat(depth));
    let text = format!(r#"{{"format":"tlx/1","events":[{{"id":"a"}}],"extra":[{nested}]}}"#);
    assert!(alone(&text).is_some());
    let started = std::time::Instant::now();
    let (got, taken_at) =
        answer(|| parse_split_near(&text, text.len() / 4, &tlx::data::LoadProgress::new()));
    assert_eq!((got, taken_at), (alone(&text), None));
    assert!(started.elapsed().as_secs() < 15, "{:?}", started.elapsed());
}

// ---- Whole loads, long enough to be split ----------------------------------------

/// A valid timeline of more than `SPLIT_FROM_BYTES`, one event per line, with
/// `event(i)` giving the line of event `i`.
fn long_timeline(event: impl Fn(usize) -> String) -> (String, usize) {
    let mut text = String::from("{\"format\": \"tlx/1\", \"title\": \"long\",\n\"events\": [\n");
    let mut count = 0;
    while text.len() < SPLIT_FROM_BYTES * 3 / 2 {
        if count > 0 {
            text.push_str(",\n");
        }
        text.push_str(&event(count));
        count += 1;
    }
    text.push_str("\n]}\n");
    (text, count)
}

/// The load's split (in the middle) is taken: what follows tests the second thread.
fn assert_second_thread_taken(text: &str) {
    let split = parse_split_near(text, text.len() / 2, &tlx::data::LoadProgress::new());
    assert!(split.taken_at.is_some(), "the guess found no element");
}

fn plain_event(i: usize) -> String {
    format!(
        r#"{{"id": "e{i}", "date": "2020-01-02", "title": "Event {i}, with a title long enough", "summary": "}}, {{\"id\": \"x{i}\"}}"}}"#
    )
}

#[test]
fn a_long_valid_file_loads_split() {
    let (text, count) = long_timeline(plain_event);
    assert_second_thread_taken(&text);
    let loaded = load_str(&text).unwrap();
    assert!(loaded.warnings.is_empty());
    let timeline = &loaded.data.timeline;
    assert_eq!(timeline.event_count(), count);
    for (i, e) in timeline.events().enumerate() {
        assert_eq!(e.id(), format!("e{i}"));
        assert_eq!(
            e.summary(),
            Some(format!("}}, {{\"id\": \"x{i}\"}}").as_str())
        );
    }
}

#[test]
fn errors_in_the_second_half_read_as_before() {
    // Line 3 holds event 0; the error is four fifths down, in the second half.
    let (text, count) = long_timeline(|i| {
        if i == 10000 {
            r#"{"id": "e10000", "date": "2020", "title": 5}"#.to_string()
        } else {
            plain_event(i)
        }
    });
    assert!(10000 > count / 2 && 10000 < count, "{count} events");
    assert_second_thread_taken(&text);
    let e = load_str(&text).unwrap_err().to_string();
    assert_eq!(
        e,
        "events[10000].title: line 10003, column 43: invalid type: integer `5`, expected a string"
    );
    // A syntax error: a trailing comma after the last event.
    let (text, count) = long_timeline(plain_event);
    let cut = text.rfind("\n]}").unwrap();
    let trailing = format!("{},{}", &text[..cut], &text[cut..]);
    assert_second_thread_taken(&trailing);
    let e = load_str(&trailing).unwrap_err().to_string();
    let line = count + 3;
    assert_eq!(e, format!("events: line {line}, column 1: trailing comma"));
}

#[test]
fn warnings_in_the_second_half_read_as_before() {
    let (text, _) = long_timeline(|i| match i {
        10000 => r#"{"id": "e10000", "date": "2020", "title": "x", "colour": "red"}"#.into(),
        10001 => r#"{"id": "e10001", "date": "2020", "title": "bell \u0007"}"#.into(),
        _ => plain_event(i),
    });
    assert_second_thread_taken(&text);
    let loaded = load_str(&text).unwrap();
    let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "events[10000].colour: unknown field, ignored",
            "events[10001].title: removed 1 control character"
        ]
    );
    let event = loaded.data.timeline.event(EventIx(10001));
    assert_eq!(event.title(), "bell ");
}
