//! Every validation rule against a small bad file and its exact messages.
//!
//! `tests/data/invalid/NAME.json` must fail to load; `tests/data/warnings/NAME.json`
//! must load, possibly with warnings. Next to each, `NAME.expected` holds what
//! `tlx check NAME.json` prints on stderr, one diagnostic per line (warnings start
//! with `warning: `), without the final `tlx: ...` summary line. Blank lines and
//! lines starting with `#` are comments. Adding a case is adding two files.

use std::path::{Path, PathBuf};
use std::process::Command;

use tlx::data::{LoadError, load_file};

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
    match load_file(json) {
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
    let loaded = load_file(&Path::new(DATA).join("warnings/control-characters.json")).unwrap();
    let t = &loaded.data.timeline;
    assert_eq!(
        &*t.title,
        "Control characters are removed [31mwith a warning[0m"
    );
    assert_eq!(&*t.actors[0].name, "Bell and backspace");
    assert_eq!(&*t.actors[0].aliases[0], "tab\tand newline\nstay");
    assert_eq!(&*t.actors[0].aliases[1], "C1  control");
    assert_eq!(&*t.events[0].title, "Carriage return");
    assert_eq!(
        t.events[0].summary.as_deref(),
        Some("Line one\nline two\tstays")
    );
}

#[test]
fn an_invalid_file_never_yields_a_partial_timeline() {
    // Valid objects next to a broken one: still nothing but the problems.
    match load_file(&Path::new(DATA).join("invalid/unknown-event-actor.json")) {
        Err(LoadError::Invalid(problems)) => assert_eq!(problems.len(), 2),
        other => panic!("{other:?}"),
    }
}
