//! The exporters: JSON round trips, CSV quoting, the Markdown brief's citations,
//! and TimelineJS files that keep every event's date, title and summary.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;
use tlx::data::{EventFilter, EventIx, Indexed, embedded, load_file, load_str};
use tlx::export::{Format, export};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn file(relative: &str) -> Indexed {
    let path = Path::new(DATA).join(relative);
    load_file(&path, &tlx::data::LoadProgress::new())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .data
}

fn tricky() -> Indexed {
    file("export/tricky.json")
}

fn write(format: Format, data: &Indexed, events: &[EventIx]) -> String {
    let mut out = Vec::new();
    export(format, data, events, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("UTF-8")
}

fn write_all(format: Format, data: &Indexed) -> String {
    write(format, data, data.index.chronological())
}

/// Every `.json` under tests/data that loads (the invalid corpus is skipped).
fn loadable_test_files() -> Vec<(PathBuf, Indexed)> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|x| x == "json") {
                found.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(Path::new(DATA), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            load_file(&p, &tlx::data::LoadProgress::new())
                .ok()
                .map(|l| (p, l.data))
        })
        .collect()
}

// ---- json

#[test]
fn json_round_trips_the_embedded_timeline() {
    let data = embedded().unwrap().data;
    let text = write_all(Format::Json, &data);
    let again = load_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(again.data.timeline, data.timeline);
}

#[test]
fn json_round_trips_every_test_file() {
    let files = loadable_test_files();
    assert!(
        files.len() >= 3,
        "expected small.json, tricky.json and the TimelineJS sample"
    );
    for (path, data) in files {
        let text = write_all(Format::Json, &data);
        let again = load_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(again.data.timeline, data.timeline, "{}", path.display());
        // And the second export is byte for byte the first.
        assert_eq!(write_all(Format::Json, &again.data), text);
    }
}

#[test]
fn a_filtered_json_export_is_a_valid_timeline_of_those_events() {
    let data = file("small.json");
    let filter = EventFilter {
        tag: Some("security"),
        ..EventFilter::default()
    };
    let chosen = filter.select(&data).unwrap();
    assert!(!chosen.is_empty() && chosen.len() < data.timeline.events().len());
    let again = load_str(&write(Format::Json, &data, &chosen)).unwrap().data;
    let ids = |d: &Indexed, events: &[EventIx]| -> BTreeSet<String> {
        events
            .iter()
            .map(|&e| d.timeline.event(e).id().to_string())
            .collect()
    };
    assert_eq!(
        ids(&again, again.index.chronological()),
        ids(&data, &chosen)
    );
    // Disputes about events left out are left out with them.
    for d in again.timeline.disputes() {
        assert!(d.event().is_none_or(|e| {
            chosen
                .iter()
                .any(|&c| data.timeline.event(c).id() == again.timeline.event(e).id())
        }));
    }
    assert_eq!(
        again.timeline.quotes().collect::<Vec<_>>(),
        data.timeline.quotes().collect::<Vec<_>>()
    );
}

// ---- csv

/// A strict RFC 4180 reader, to check what the writer wrote.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "a quote inside an unquoted field");
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare LF ends a record"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "an unclosed quote");
    assert!(
        row.is_empty() && field.is_empty(),
        "the last record has no CRLF"
    );
    rows
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks() {
    let data = tricky();
    let rows = parse_csv(&write_all(Format::Csv, &data));
    assert_eq!(rows.len(), 1 + data.timeline.events().len());
    assert_eq!(rows[0], tlx::export::csv::HEADER);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let column = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let row = rows
        .iter()
        .find(|r| r[column("id")] == "comma-event")
        .unwrap();
    let event = data.timeline.event(EventIx(0));
    assert_eq!(row[column("title")], event.title());
    assert_eq!(row[column("summary")], event.summary().unwrap());
    assert_eq!(row[column("place")], "Town Hall, Main Street");
    assert_eq!(row[column("date")], "2020-05-01");
    assert_eq!(row[column("end")], "2020-05-03");
    assert_eq!(row[column("tags")], "one, two; three");
    assert_eq!(
        row[column("actors")],
        "ann-example (organizer, chair); star-party"
    );
    assert_eq!(row[column("sources")], "comma-courier; bad-link");
    assert_eq!(row[column("certainty")], "disputed");
    // Chronological order, BCE first.
    assert_eq!(rows[1][column("date")], "-0043-03-15");
}

// ---- markdown

fn footnote_references(text: &str) -> BTreeSet<String> {
    let mut refs = BTreeSet::new();
    for line in text.lines().filter(|l| !l.starts_with("[^")) {
        let mut rest = line;
        while let Some(at) = rest.find("[^") {
            let end = rest[at..].find(']').unwrap();
            refs.insert(rest[at + 2..at + end].to_string());
            rest = &rest[at + end..];
        }
    }
    refs
}

fn footnote_definitions(text: &str) -> HashMap<String, String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("[^"))
        .map(|l| {
            let (label, body) = l.split_once("]: ").expect("a definition");
            (label.to_string(), body.to_string())
        })
        .collect()
}

#[test]
fn markdown_footnotes_resolve_to_the_sources() {
    for data in [tricky(), file("small.json"), embedded().unwrap().data] {
        let md = write_all(Format::Markdown, &data);
        let refs = footnote_references(&md);
        let defs = footnote_definitions(&md);
        assert!(!refs.is_empty());
        assert_eq!(
            refs,
            defs.keys().cloned().collect::<BTreeSet<_>>(),
            "every citation has a definition and every definition is cited"
        );
        for (label, body) in &defs {
            let source = data
                .timeline
                .sources()
                .find(|s| *s.id() == **label)
                .unwrap_or_else(|| panic!("footnote {label} is not a source"));
            if let Some(url) = source.url().filter(|u| u.starts_with("https://")) {
                assert!(body.contains(&format!("<{url}>")), "{body}");
            }
        }
        assert!(md.contains("\n## Sources\n"));
    }
}

#[test]
fn markdown_has_years_disputes_notes_and_escapes() {
    let data = tricky();
    let md = write_all(Format::Markdown, &data);
    let years: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        years,
        [
            "## 44 BCE",
            "## 1999",
            "## 2020",
            "## Disputes",
            "## Sources"
        ]
    );
    assert!(md.contains("### 1 May 2020 – 3 May 2020 · Commas, \"quotes\" and a line break\n"));
    assert!(
        md.contains(
            "**Actors:** Ann \"Quotes\" Example (organizer, chair); The \\*Star\\* Party\n"
        )
    );
    assert!(md.contains("### Yes, or no?\n\nAbout: 1 May 2020 – 3 May 2020 · Commas"));
    assert!(md.contains(
        "- **no**\n  - “Click \\<here\\>.”[^bad-link]\n  - “Nobody counted the chairs.”[^comma-courier]\n"
    ));
    assert!(md.contains("### Did any of it happen?"));
    assert!(md.contains("- “They said \"yes, and no\", then left.” — Ann \"Quotes\" Example[^comma-courier]\n  - *Editor's note:* A note on the quote."));
    assert!(md.contains("*Editor's note:* An editor's note with a \\| pipe and \\# hash."));
    // Text cannot open a link or a tag.
    assert!(md.contains("\\<script\\>alert(1)\\</script\\> & \\[a\\](link)"));
    // A script address is shown, never linked.
    assert!(!md.contains("<javascript:"));
}

#[test]
fn markdown_brief_takes_the_filters() {
    let data = file("small.json");
    let filter = EventFilter {
        search: Some("harbour"),
        ..EventFilter::default()
    };
    let chosen = filter.select(&data).unwrap();
    let md = write(Format::Markdown, &data, &chosen);
    assert!(md.contains("North Watch patrol at the harbour"));
    assert!(!md.contains("Guild march to the dam"));
    let none = write(Format::Markdown, &data, &[]);
    assert!(none.contains("No events match."));
    assert!(!none.contains("## Disputes"));
}

// ---- timelinejs

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn timelinejs_file_has_what_timelinejs3_reads() {
    let data = tricky();
    let file = parse(&write_all(Format::Timelinejs, &data));
    assert_eq!(
        file["title"]["text"]["headline"],
        "Fictional test data: text that every export must escape"
    );
    let slides = file["events"].as_array().unwrap();
    assert_eq!(slides.len(), data.timeline.events().len());
    let mut ids = BTreeSet::new();
    for slide in slides {
        assert!(slide["start_date"]["year"].is_i64());
        assert!(slide["text"]["headline"].is_string());
        assert!(ids.insert(slide["unique_id"].as_str().unwrap().to_string()));
    }
    // Dates at their own precision; 44 BCE is TimelineJS year -44.
    assert_eq!(
        slides[0]["start_date"],
        serde_json::json!({"year": -44, "month": 3, "day": 15})
    );
    assert_eq!(slides[1]["start_date"], serde_json::json!({"year": 1999}));
    assert_eq!(
        slides[2]["end_date"],
        serde_json::json!({"year": 2020, "month": 5, "day": 3})
    );
    assert_eq!(slides[2]["display_date"], "1 May 2020 – 3 May 2020");
    assert_eq!(slides[2]["group"], "disputed");

    let text = slides[2]["text"]["text"].as_str().unwrap();
    assert!(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; [a](link)"));
    assert!(!text.contains("<script"));
    assert_eq!(
        slides[2]["text"]["headline"],
        "Commas, \"quotes\" and a\nline break"
    );
    assert!(
        text.contains("<b>Actors:</b> Ann \"Quotes\" Example (organizer, chair); The *Star* Party")
    );
    assert!(text.contains(
        "<a href=\"https://example.org/courier?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener\">"
    ));
    assert!(text.contains("Click &lt;here&gt;."));
    assert!(
        !text.contains("javascript:"),
        "a script address is never a link"
    );
}

/// Export to TimelineJS, load it back, and compare what must survive.
fn assert_timelinejs_round_trip(data: &Indexed, name: &str) {
    let text = write_all(Format::Timelinejs, data);
    let again = load_str(&text)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .data;
    let t = &data.timeline;
    assert_eq!(again.timeline.title(), t.title(), "{name}");
    assert_eq!(again.timeline.description(), t.description(), "{name}");
    assert_eq!(again.timeline.events().len(), t.events().len(), "{name}");
    for before in t.events() {
        let after = again
            .timeline
            .events()
            .find(|e| e.id() == before.id())
            .unwrap_or_else(|| panic!("{name}: {} is lost", before.id()));
        assert_eq!(after.date(), before.date(), "{name}: {}", before.id());
        assert_eq!(after.end(), before.end(), "{name}: {}", before.id());
        // The title as one line: TimelineJS headlines are HTML, where a line break is a space.
        let one_line = before
            .title()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(*after.title(), one_line, "{name}: {}", before.id());
        let paragraphs = |s: &str| {
            s.split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            after.summary().map(paragraphs),
            before.summary().map(paragraphs),
            "{name}: {}",
            before.id()
        );
    }
}

#[test]
fn timelinejs_round_trip_keeps_dates_titles_and_summaries() {
    assert_timelinejs_round_trip(&embedded().unwrap().data, "embedded");
    for (path, data) in loadable_test_files() {
        assert_timelinejs_round_trip(&data, &path.display().to_string());
    }
}
