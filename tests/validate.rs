//! Every validation rule against a small bad file and its exact messages.
//!
//! `tests/data/invalid/NAME.json` must fail to load; `tests/data/warnings/NAME.json`
//! must load, possibly with warnings. Next to each, `NAME.expected` holds what
//! `tlx check NAME.json` prints on stderr, one diagnostic per line (warnings start
//! with `warning: `), without the final `tlx: ...` summary line. Blank lines and
//! lines starting with `#` are comments. Adding a case is adding two files.

use std::path::{Path, PathBuf};
use std::process::Command;

use tlx::data::{ActorIx, EventIx, LoadError, load_file};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// Each rule of the format and a file that breaks it, so that none goes untested.
const RULES: &[(&str, &str)] = &[
    (
        "JSON syntax, with line and column",
        "invalid/syntax-missing-comma",
    ),
    (
        "text after the timeline",
        "invalid/syntax-trailing-characters",
    ),
    ("a truncated file", "invalid/syntax-unterminated"),
    ("an empty file", "invalid/syntax-empty-file"),
    ("bytes that are not UTF-8", "invalid/not-utf8"),
    (
        "a value of the wrong type, with its path",
        "invalid/type-number-for-string",
    ),
    (
        "a string where a list belongs",
        "invalid/type-string-for-list",
    ),
    (
        "an array where an object belongs",
        "invalid/type-array-for-object",
    ),
    (
        "a top level that is not an object",
        "invalid/type-top-level-array",
    ),
    ("a field given twice", "invalid/type-duplicate-field"),
    ("format missing", "invalid/format-missing"),
    ("format not tlx/1", "invalid/format-wrong"),
    ("title and events required", "invalid/required-top-level"),
    (
        "every required field of every object",
        "invalid/required-fields",
    ),
    ("null for a required field", "invalid/required-null"),
    ("a misspelt required field", "invalid/required-misspelt"),
    (
        "empty required strings and list items",
        "invalid/empty-strings",
    ),
    ("malformed ids", "invalid/id-malformed"),
    ("duplicate ids within a list", "invalid/id-duplicate"),
    ("unknown actor in an event", "invalid/unknown-event-actor"),
    ("unknown quote in an event", "invalid/unknown-event-quote"),
    ("unknown source of a quote", "invalid/unknown-quote-source"),
    (
        "unknown speaker of a quote",
        "invalid/unknown-quote-speaker",
    ),
    (
        "unknown actor in a relation",
        "invalid/unknown-relation-actor",
    ),
    (
        "unknown quote in a relation",
        "invalid/unknown-relation-quote",
    ),
    (
        "unknown event of a dispute",
        "invalid/unknown-dispute-event",
    ),
    ("unknown quote in a claim", "invalid/unknown-claim-quote"),
    ("dates that are not calendar dates", "invalid/date-not-real"),
    ("end before date, to before from", "invalid/end-before-date"),
    ("actor kind", "invalid/enum-actor-kind"),
    ("relation type", "invalid/enum-relation-type"),
    ("certainty", "invalid/enum-certainty"),
    ("source kind", "invalid/enum-source-kind"),
    ("a claim citing no quote", "invalid/claim-without-quote"),
    ("a dispute with no claims", "invalid/dispute-without-claims"),
    (
        "many problems at once, all reported",
        "invalid/many-problems",
    ),
    ("unknown fields are warnings", "warnings/unknown-fields"),
    (
        "control characters removed with a warning",
        "warnings/control-characters",
    ),
    (
        "ids are unique per list, not across lists",
        "warnings/id-shared-across-lists",
    ),
    // Hostile input (issue 6): each of these once broke, or could break, a loader.
    (
        "an empty top-level array",
        "invalid/type-top-level-empty-array",
    ),
    ("a bare string", "invalid/type-top-level-string"),
    ("a bare null", "invalid/type-top-level-null"),
    ("an empty object", "invalid/required-empty-object"),
    ("nothing but whitespace", "invalid/syntax-only-whitespace"),
    (
        "a trailing comma in a list",
        "invalid/syntax-trailing-comma-list",
    ),
    (
        "a trailing comma in an object",
        "invalid/syntax-trailing-comma-object",
    ),
    ("single quotes", "invalid/syntax-single-quotes"),
    ("a missing colon", "invalid/syntax-missing-colon"),
    ("an unquoted key", "invalid/syntax-unquoted-key"),
    ("a bad escape", "invalid/syntax-bad-escape"),
    ("half a surrogate pair", "invalid/syntax-lone-surrogate"),
    ("a comment", "invalid/syntax-comment"),
    ("NaN", "invalid/syntax-nan"),
    (
        "a number with a leading zero",
        "invalid/syntax-number-leading-zero",
    ),
    (
        "a string that runs on",
        "invalid/syntax-unterminated-string",
    ),
    (
        "the end of the file inside a string",
        "invalid/syntax-eof-in-string",
    ),
    ("a list closed by a brace", "invalid/syntax-unclosed-list"),
    (
        "a raw tab inside a string",
        "invalid/syntax-raw-tab-in-string",
    ),
    ("a NUL byte between tokens", "invalid/syntax-nul-byte"),
    ("two byte-order marks", "invalid/syntax-bom-twice"),
    ("UTF-16 with its byte-order mark", "invalid/not-utf8-utf16"),
    (
        "a UTF-8 sequence cut at the end",
        "invalid/not-utf8-truncated-at-end",
    ),
    ("an overlong UTF-8 encoding", "invalid/not-utf8-overlong"),
    (
        "a surrogate encoded in UTF-8",
        "invalid/not-utf8-surrogate-bytes",
    ),
    ("null in a list of objects", "invalid/type-null-list-item"),
    (
        "a number in a list of strings",
        "invalid/type-number-in-string-list",
    ),
    (
        "an object where a string belongs",
        "invalid/type-object-for-string",
    ),
    (
        "a boolean where a string belongs",
        "invalid/type-bool-for-string",
    ),
    (
        "a string where an object belongs",
        "invalid/type-string-for-participant",
    ),
    (
        "a number too large for any type",
        "invalid/type-huge-number",
    ),
    (
        "a duplicate id in each list",
        "invalid/id-duplicate-every-list",
    ),
    (
        "ids with spaces and capitals in each list",
        "invalid/id-spaces-capitals",
    ),
    ("impossible dates", "invalid/date-impossible"),
    (
        "end before date at each precision",
        "invalid/end-before-date-same-day-precision",
    ),
    (
        "claims with null, missing or empty quotes",
        "invalid/claim-quotes-null-and-missing",
    ),
    (
        "a dangling reference from every place",
        "invalid/unknown-every-reference",
    ),
    (
        "an id from the wrong list",
        "invalid/unknown-reference-wrong-list",
    ),
    (
        "10,000-deep nesting in a field",
        "invalid/nesting-10000-deep",
    ),
    (
        "10,000-deep nesting never closed",
        "invalid/nesting-10000-unclosed",
    ),
    (
        "10,000-deep nesting in unknown fields",
        "warnings/nesting-10000-unknown-field",
    ),
    ("ANSI escapes in every field", "warnings/ansi-escapes"),
    (
        "unknown keys with escapes",
        "warnings/unknown-field-escapes",
    ),
    (
        "a UTF-8 byte-order mark is accepted",
        "warnings/byte-order-mark",
    ),
    (
        "right-to-left and combining text",
        "warnings/text-rtl-combining",
    ),
    ("emoji and wide CJK", "warnings/text-emoji-cjk"),
    (
        "TimelineJS: escapes in text and entities",
        "warnings/timelinejs-escapes",
    ),
    (
        "TimelineJS: dates out of range",
        "invalid/timelinejs-impossible-dates",
    ),
];

/// The `.json` files of a corpus folder, sorted.
fn cases(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(DATA).join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|entry| entry.expect("readable folder").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn expected_lines(json: &Path) -> Result<Vec<String>, String> {
    let path = json.with_extension("expected");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (every case needs its .expected)", path.display()))?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// What the library says about a file, in `tlx check`'s words.
fn library_lines(json: &Path) -> Result<(bool, Vec<String>), String> {
    match load_file(json, &tlx::data::LoadProgress::new()) {
        Ok(loaded) => Ok((
            true,
            loaded
                .warnings
                .iter()
                .map(|w| format!("warning: {w}"))
                .collect(),
        )),
        Err(LoadError::Invalid(problems)) => {
            Ok((false, problems.iter().map(ToString::to_string).collect()))
        }
        Err(other) => Err(format!("{}: {other}", json.display())),
    }
}

/// Checks one case through the library and through the binary; `valid` is what
/// the folder promises.
fn check_case(json: &Path, valid: bool) -> Result<(), String> {
    let name = json.display();
    let expected = expected_lines(json)?;
    let has_errors = expected.iter().any(|l| !l.starts_with("warning: "));
    if has_errors == valid {
        return Err(format!(
            "{name}: the .expected {} errors, but the folder says the file is {}",
            if has_errors { "lists" } else { "has no" },
            if valid { "valid" } else { "invalid" }
        ));
    }

    let (loaded, lines) = library_lines(json)?;
    if loaded != valid {
        return Err(format!("{name}: loaded = {loaded}, expected {valid}"));
    }
    if lines != expected {
        return Err(format!(
            "{name}: the loader says\n{}\nbut the .expected says\n{}",
            lines.join("\n"),
            expected.join("\n")
        ));
    }

    let output = Command::new(env!("CARGO_BIN_EXE_tlx"))
        .arg("check")
        .arg(json)
        .output()
        .map_err(|e| format!("running tlx: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut printed: Vec<&str> = stderr.lines().collect();
    let code = output.status.code();
    if valid {
        if code != Some(0) || !stdout.starts_with("ok: ") {
            return Err(format!(
                "{name}: tlx check exited {code:?}, stdout {stdout:?}"
            ));
        }
    } else {
        let summary = printed.pop().unwrap_or_default();
        let plural = if expected.len() == 1 { "" } else { "s" };
        let want = format!(
            "tlx: {} is not a valid timeline: {} problem{plural}",
            json.display(),
            expected.len()
        );
        if code != Some(1) || summary != want || !stdout.is_empty() {
            return Err(format!(
                "{name}: tlx check exited {code:?} with last line {summary:?} (wanted {want:?}) and stdout {stdout:?}"
            ));
        }
    }
    if printed != expected {
        return Err(format!(
            "{name}: tlx check printed\n{}\nbut the .expected says\n{}",
            printed.join("\n"),
            expected.join("\n")
        ));
    }
    // Whatever the file holds, nothing but text, newlines and tabs reaches the terminal.
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        if let Some(c) = String::from_utf8_lossy(bytes)
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(format!("{name}: tlx check wrote {c:?} to {stream}"));
        }
    }
    Ok(())
}

fn run_folder(folder: &str, valid: bool) {
    let files = cases(folder);
    assert!(!files.is_empty(), "no cases in {folder}");
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| check_case(f, valid).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_invalid_file_fails_with_exactly_its_expected_messages() {
    run_folder("invalid", false);
}

#[test]
fn every_warning_file_loads_with_exactly_its_expected_warnings() {
    run_folder("warnings", true);
}

#[test]
fn every_rule_has_a_case() {
    for (rule, case) in RULES {
        let json = Path::new(DATA).join(format!("{case}.json"));
        assert!(
            json.is_file(),
            "rule {rule:?}: {} is missing",
            json.display()
        );
        assert!(
            json.with_extension("expected").is_file(),
            "rule {rule:?}: {case}.expected is missing"
        );
    }
}

#[test]
fn expected_files_have_their_json() {
    for folder in ["invalid", "warnings"] {
        for entry in std::fs::read_dir(Path::new(DATA).join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "expected") {
                assert!(
                    path.with_extension("json").is_file(),
                    "{} has no .json",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn control_characters_are_gone_from_the_loaded_text() {
    let loaded = load_file(
        &Path::new(DATA).join("warnings/control-characters.json"),
        &tlx::data::LoadProgress::new(),
    )
    .unwrap();
    let t = &loaded.data.timeline;
    assert_eq!(
        t.title(),
        "Control characters are removed [31mwith a warning[0m"
    );
    let (actor, event) = (t.actor(ActorIx(0)), t.event(EventIx(0)));
    assert_eq!(actor.name(), "Bell and backspace");
    let aliases: Vec<&str> = actor.aliases().collect();
    assert_eq!(aliases[0], "tab\tand newline\nstay");
    assert_eq!(aliases[1], "C1  control");
    assert_eq!(event.title(), "Carriage return");
    assert_eq!(event.summary(), Some("Line one\nline two\tstays"));
}

#[test]
fn an_invalid_file_never_yields_a_partial_timeline() {
    // Valid objects next to a broken one: still nothing but the problems.
    match load_file(
        &Path::new(DATA).join("invalid/unknown-event-actor.json"),
        &tlx::data::LoadProgress::new(),
    ) {
        Err(LoadError::Invalid(problems)) => assert_eq!(problems.len(), 2),
        other => panic!("{other:?}"),
    }
}

/// A timeline that gives every field of the format, once.
const EVERY_FIELD: &str = r#"{
  "format": "tlx/1",
  "title": "Every field",
  "description": "d",
  "sources": [ { "id": "s", "title": "t", "publisher": "p", "authors": ["a"],
                 "published": "2021-11-07", "url": "https://example.org", "kind": "news" } ],
  "actors": [
    { "id": "a", "name": "n", "kind": "person", "aliases": ["x"], "description": "d",
      "relations": [ { "type": "opposes", "actor": "b", "from": "2020", "to": "2021", "quotes": ["q"] } ] },
    { "id": "b", "name": "m", "kind": "state" }
  ],
  "events": [ { "id": "e", "date": "2021-11", "end": "2021-12", "title": "t", "summary": "s",
                "place": "p", "tags": ["t"], "actors": [ { "id": "a", "role": "r" } ],
                "quotes": ["q"], "certainty": "reported", "note": "n" } ],
  "quotes": [ { "id": "q", "source": "s", "text": "t", "speaker": "a", "note": "n" } ],
  "disputes": [ { "id": "d", "question": "?", "event": "e",
                  "claims": [ { "claim": "c", "quotes": ["q"] } ] } ]
}"#;

/// Every value below the top (objects, lists, strings) with its path as
/// diagnostics write it and as a JSON pointer.
fn every_value(
    value: &serde_json::Value,
    path: &str,
    pointer: &str,
    out: &mut Vec<(String, String)>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                let p = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let ptr = format!("{pointer}/{key}");
                out.push((p.clone(), ptr.clone()));
                every_value(v, &p, &ptr, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let (p, ptr) = (format!("{path}[{i}]"), format!("{pointer}/{i}"));
                out.push((p.clone(), ptr.clone()));
                every_value(v, &p, &ptr, out);
            }
        }
        _ => {}
    }
}

#[test]
fn a_wrong_type_in_any_field_is_one_error_at_its_path() {
    let loaded = tlx::data::load_str(EVERY_FIELD).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let full: serde_json::Value = serde_json::from_str(EVERY_FIELD).unwrap();
    let mut values = Vec::new();
    every_value(&full, "", "", &mut values);
    let mut failures = Vec::new();
    for (path, pointer) in &values {
        let mut broken = full.clone();
        let slot = broken.pointer_mut(pointer).unwrap();
        // A string gets a number; a list an object; an object a string.
        *slot = match slot {
            serde_json::Value::String(_) => serde_json::json!(7),
            serde_json::Value::Array(_) => serde_json::json!({ "a": 1 }),
            _ => serde_json::json!("x"),
        };
        let text = serde_json::to_string_pretty(&broken).unwrap();
        match tlx::data::load_str(&text) {
            Err(LoadError::Invalid(problems))
                if problems.len() == 1
                    && problems[0].path == *path
                    && problems[0].message.starts_with("invalid type: ")
                    && problems[0].line.is_some() => {}
            Err(LoadError::Invalid(problems)) => failures.push(format!(
                "{path}: {}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            other => failures.push(format!("{path}: {:?}", other.map(|_| ()))),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // 8 top-level fields; sources 9, actors 15 + 4, events 17, quotes 6, disputes 9.
    assert_eq!(values.len(), 68, "{values:#?}");
}
