//! Files too large to commit, made by the test itself: a sparse file over 1 GiB,
//! 50 MB strings, and megabyte strings where the code path is the same as for
//! 50 MB (so that `cargo test` stays quick).

use std::path::PathBuf;
use std::process::Command;

use tlx::data::MAX_FILE_BYTES;
use tlx::data::{LoadError, load_file, load_str};

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("tlx-limits-{}-{name}", std::process::id()));
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn tlx(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tlx"))
        .args(args)
        .output()
        .expect("run tlx");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const FIFTY_MB: usize = 50 << 20;

#[test]
fn a_file_over_1_gib_is_refused_before_reading() {
    let file = TempFile::new("huge.json");
    // Sparse: the size is in the metadata, no gigabyte is written or read.
    let f = std::fs::File::create(&file.0).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(f);
    match load_file(&file.0, &tlx::data::LoadProgress::new()) {
        Err(LoadError::TooLarge { bytes, .. }) => assert_eq!(bytes, MAX_FILE_BYTES + 1),
        other => panic!("{other:?}"),
    }
    let (code, stdout, stderr) = tlx(&["check".as_ref(), file.0.as_os_str()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        format!(
            "tlx: {} is too large: 1073741825 bytes, and tlx reads at most 1073741824 bytes (1 GiB)\n",
            file.0.display()
        )
    );
}

#[test]
fn a_50_mb_title_loads_and_checks() {
    let title = "word ".repeat(FIFTY_MB / 5);
    let text = format!(
        r#"{{"format": "tlx/1", "title": "{title}", "events": [{{"id": "e", "date": "2021", "title": "x"}}]}}"#
    );
    let file = TempFile::new("long-title.json");
    std::fs::write(&file.0, &text).unwrap();
    let (code, stdout, stderr) = tlx(&["check".as_ref(), file.0.as_os_str()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        "ok: 1 event (2021), 0 actors, 0 quotes, 0 sources, 0 disputes\n"
    );
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn a_megabyte_of_escape_sequences_is_removed_in_one_pass() {
    let title = "word \u{1b}[31m ".repeat((1 << 20) / 12);
    let text = format!(
        r#"{{"format": "tlx/1", "title": {}, "events": []}}"#,
        serde_json::to_string(&title).unwrap()
    );
    let loaded = load_str(&text).unwrap();
    assert_eq!(
        loaded.data.timeline.title().len(),
        title.len() - (1 << 20) / 12
    );
    assert_eq!(
        loaded.warnings[0].to_string(),
        format!("title: removed {} control characters", (1 << 20) / 12)
    );
}

#[test]
fn a_50_mb_id_gives_a_short_message() {
    // The same cut applies to every quoted value; a megabyte shows it elsewhere.
    let huge = "x".repeat(FIFTY_MB);
    let big = "x".repeat(1 << 20);
    let text = format!(
        r#"{{"format": "tlx/1", "title": "t", "{big}": 1,
            "actors": [{{"id": "{huge}", "name": "n", "kind": "person"}}],
            "events": [{{"id": "e", "date": "{big}", "title": "x", "actors": [{{"id": "{big}y"}}]}}]}}"#
    );
    let problems = match load_str(&text) {
        Err(LoadError::Invalid(problems)) => problems,
        other => panic!("{:?}", other.map(|_| ())),
    };
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let x60 = "x".repeat(60);
    assert_eq!(
        shown,
        [
            format!(
                "actors[0].id: \"{x60}\"... ({FIFTY_MB} characters) is not a valid id: use lowercase ASCII letters, digits and \"-\", starting with a letter or digit, at most 64 characters"
            ),
            format!(
                "events[0].date: \"{x60}\"... ({} characters) is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
                1 << 20
            ),
            format!(
                "events[0].actors[0].id: unknown actor \"{x60}\"... ({} characters)",
                (1 << 20) + 1
            ),
        ]
    );
}

#[test]
fn a_long_string_where_a_list_belongs_gives_a_short_message() {
    let huge = "x".repeat(1 << 20);
    let text = format!(
        r#"{{"format": "tlx/1", "title": "t", "events": [{{"id": "e", "date": "2021", "title": "x", "tags": "{huge}"}}]}}"#
    );
    let problems = match load_str(&text) {
        Err(LoadError::Invalid(problems)) => problems,
        other => panic!("{:?}", other.map(|_| ())),
    };
    assert_eq!(problems.len(), 1);
    let shown = problems[0].to_string();
    assert!(shown.len() < 400, "{} bytes", shown.len());
    assert!(
        shown.starts_with("events[0].tags: line 1, column ")
            && shown.contains(": invalid type: string \"xxxxx")
            && shown.ends_with("xxxxx\", expected a sequence"),
        "{shown}"
    );
}

#[test]
fn a_long_unknown_key_gives_a_short_warning() {
    let huge = "k".repeat(1 << 20);
    let text = format!(r#"{{"format": "tlx/1", "title": "t", "{huge}": 1, "events": []}}"#);
    let loaded = load_str(&text).unwrap();
    let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [format!(
            "[\"{}\"... ({} characters)]: unknown field, ignored",
            "k".repeat(60),
            1 << 20
        )]
    );
}

#[test]
fn did_you_mean_stops_at_its_budget_of_comparisons() {
    // 2,000 actors and 1,000 mistyped references: each hint compares with all
    // 2,000 ids, and the budget of 1,000,000 comparisons pays for 500 hints.
    let actors: Vec<String> = (0..2000)
        .map(|i| format!(r#"{{"id": "a-{i:04}", "name": "n", "kind": "person"}}"#))
        .collect();
    let events: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                r#"{{"id": "e{i}", "date": "2021", "title": "t", "actors": [{{"id": "b-{i:04}"}}]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"format": "tlx/1", "title": "t", "actors": [{}], "events": [{}]}}"#,
        actors.join(","),
        events.join(",")
    );
    let problems = match load_str(&text) {
        Err(LoadError::Invalid(problems)) => problems,
        other => panic!("{:?}", other.map(|_| ())),
    };
    assert_eq!(problems.len(), 1000);
    assert_eq!(
        problems[0].to_string(),
        "events[0].actors[0].id: unknown actor \"b-0000\" (did you mean \"a-0000\"?)"
    );
    assert_eq!(
        problems[999].to_string(),
        "events[999].actors[0].id: unknown actor \"b-0999\""
    );
    let hinted = problems
        .iter()
        .filter(|p| p.message.contains("did you mean"))
        .count();
    assert_eq!(hinted, 500);
}
