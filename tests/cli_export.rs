//! The binary's export, completions, man and --color.

use std::process::{Command, Output, Stdio};

const SMALL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/small.json");
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/timelinejs/sample.json"
);

fn tlx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tlx"))
        .args(args)
        .stdin(Stdio::null())
        .env_remove("NO_COLOR")
        .output()
        .expect("the tlx binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 messages")
}

#[track_caller]
fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    assert_eq!(stderr(o), "");
    stdout(o)
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tlx-export-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn export_json_to_stdout_loads_back() {
    let out = ok(&tlx(&["export", "--format", "json", "--data", SMALL]));
    let again = tlx::data::load_str(&out).unwrap().data;
    let original = tlx::data::load_file(SMALL.as_ref(), &tlx::data::LoadProgress::new())
        .unwrap()
        .data;
    assert_eq!(again.timeline, original.timeline);
}

#[test]
fn export_writes_a_file_with_out() {
    let dir = temp_dir("out");
    let path = dir.join("brief.md");
    let path_text = path.to_str().unwrap();
    let printed = ok(&tlx(&[
        "export", "--format", "markdown", "--data", SMALL, "--out", path_text,
    ]));
    assert_eq!(printed, "");
    let brief = std::fs::read_to_string(&path).unwrap();
    assert!(brief.starts_with("# Fictional test data: the Lantern Valley timeline\n"));
    assert!(brief.contains("## Disputes"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn export_takes_the_filters_of_tlx_events() {
    let events = ok(&tlx(&[
        "events", "--data", SMALL, "--tag", "protests", "--from", "2020",
    ]));
    let csv = ok(&tlx(&[
        "export", "--format", "csv", "--data", SMALL, "--tag", "protests", "--from", "2020",
    ]));
    let ids_from_events: Vec<&str> = events
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    let ids_from_csv: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert!(!ids_from_csv.is_empty());
    assert_eq!(ids_from_csv, ids_from_events);
}

#[test]
fn export_refuses_what_cannot_match() {
    let o = tlx(&[
        "export", "--format", "csv", "--data", SMALL, "--tag", "protest",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "tlx: no event has the tag \"protest\" (did you mean \"protests\"?)\n"
    );
    let o = tlx(&["export", "--data", SMALL]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "tlx: the following required arguments were not provided: --format <FORMAT> (see `tlx --help`)\n"
    );
    let o = tlx(&["export", "--format", "pdf", "--data", SMALL]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("json, csv, markdown, timelinejs"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn export_to_an_unwritable_place_says_so() {
    let o = tlx(&[
        "export",
        "--format",
        "json",
        "--data",
        SMALL,
        "--out",
        "/nonexistent-dir/x.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("tlx: cannot write /nonexistent-dir/x.json: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn timelinejs_export_and_import_through_the_binary() {
    let dir = temp_dir("tljs");
    let path = dir.join("timeline.json");
    let path_text = path.to_str().unwrap();
    ok(&tlx(&[
        "export",
        "--format",
        "timelinejs",
        "--data",
        SMALL,
        "--out",
        path_text,
    ]));
    let events = ok(&tlx(&["events", "--data", path_text]));
    let original = ok(&tlx(&["events", "--data", SMALL]));
    assert_eq!(events, original);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_lists_what_a_timelinejs_import_left_out() {
    let o = tlx(&["check", SAMPLE]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("ok: 7 events"), "{}", stdout(&o));
    assert!(stderr(&o).contains("warning: events[5].background: not imported"));
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _tlx"),
        ("zsh", "#compdef tlx"),
        ("fish", "complete -c tlx"),
    ] {
        let script = ok(&tlx(&["completions", shell]));
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("export"),
            "{shell} completes the export command"
        );
        assert!(
            script.contains("timelinejs"),
            "{shell} completes --format values"
        );
    }
    let o = tlx(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn completions_and_man_need_no_timeline() {
    let o = tlx(&["completions", "bash", "--data", "/nonexistent.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn man_prints_a_page_and_writes_one_per_command() {
    let page = ok(&tlx(&["man"]));
    assert!(page.contains(".TH tlx 1"), "{page}");
    assert!(page.contains("export"));
    let dir = temp_dir("man");
    let listed = ok(&tlx(&["man", "--dir", dir.to_str().unwrap()]));
    for name in ["tlx.1", "tlx-export.1", "tlx-events.1", "tlx-completions.1"] {
        assert!(
            dir.join(name).is_file(),
            "{name} missing; listed:\n{listed}"
        );
        assert!(listed.contains(name));
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn color_is_a_global_option() {
    for when in ["auto", "always", "never"] {
        ok(&tlx(&["events", "--data", SMALL, "--color", when]));
    }
    let o = tlx(&["events", "--color", "sometimes"]);
    assert_eq!(o.status.code(), Some(2));
}
