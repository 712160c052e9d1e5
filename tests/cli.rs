//! The built binary: each command's output, messages and exit codes.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SMALL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/small.json");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

fn tlx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tlx"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the tlx binary runs")
}

/// `tlx ARGS --data small.json`
fn small(args: &[&str]) -> Output {
    let mut all = args.to_vec();
    all.extend(["--data", SMALL]);
    tlx(&all)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 messages")
}

/// Asserts success with exactly this stdout and nothing on stderr.
#[track_caller]
fn assert_prints(o: &Output, expected: &str) {
    assert_eq!(stderr(o), "", "stderr");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(o), expected);
}

/// Asserts failure with this exit code and exactly this one line on stderr.
#[track_caller]
fn assert_fails(o: &Output, code: i32, message: &str) {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
    assert_eq!(stderr(o), format!("{message}\n"));
    assert_eq!(stdout(o), "");
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("tlx-cli-test-{}-{name}", std::process::id()))
}

// ---- check

#[test]
fn check_prints_a_census_of_a_file() {
    assert_prints(
        &tlx(&["check", SMALL]),
        "ok: 7 events (2019-06-01 to 2020-04-02), 7 actors, 5 quotes, 2 sources, 1 dispute\n",
    );
    // --data works for check too.
    assert_prints(
        &small(&["check"]),
        "ok: 7 events (2019-06-01 to 2020-04-02), 7 actors, 5 quotes, 2 sources, 1 dispute\n",
    );
}

#[test]
fn check_without_a_file_checks_the_built_in_timeline() {
    let o = tlx(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // Not the exact counts: the dataset grows. The shape of the line is fixed.
    let line = out.strip_suffix('\n').and_then(|l| l.strip_prefix("ok: "));
    let parts: Vec<&str> = line.expect("ok: ...").split(", ").collect();
    assert_eq!(parts.len(), 5, "{out}");
    let (events, span) = parts[0].split_once(" (").expect("a span in parentheses");
    assert!(events.ends_with(" events"), "{out}");
    assert!(span.ends_with(')') && span.contains(" to "), "{out}");
    for (part, noun) in parts[1..]
        .iter()
        .zip(["actor", "quote", "source", "dispute"])
    {
        let (n, word) = part.split_once(' ').expect("a count and a noun");
        assert!(n.parse::<usize>().is_ok(), "{out}");
        assert!(word == noun || word == format!("{noun}s"), "{out}");
    }
}

#[test]
fn check_lists_warnings_on_stderr_and_still_succeeds() {
    let file = format!("{DATA}/warnings/unknown-fields.json");
    let o = tlx(&["check", &file]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("ok: 1 event (2021), 1 actor, 0 quotes, 1 source, 0 disputes"));
    let warnings = stderr(&o);
    assert_eq!(warnings.lines().count(), 7);
    assert!(warnings.lines().all(|l| l.starts_with("warning: ")));
}

#[test]
fn check_of_an_invalid_file_lists_every_problem_and_exits_1() {
    let file = format!("{DATA}/invalid/unknown-event-actor.json");
    let o = tlx(&["check", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        format!(
            "events[0].actors[0].id: unknown actor \"kataib-hezbolah\" (did you mean \"kataib-hezbollah\"?)\n\
             events[0].actors[2].id: unknown actor \"someone-else\"\n\
             tlx: {file} is not a valid timeline: 2 problems\n"
        )
    );
}

#[test]
fn other_commands_refuse_an_invalid_file_with_exit_1() {
    let file = format!("{DATA}/invalid/format-wrong.json");
    let o = tlx(&["events", "--data", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).ends_with(&format!("tlx: {file} is not a valid timeline: 1 problem\n")));
}

#[test]
fn other_commands_sum_up_warnings_in_one_line() {
    let file = format!("{DATA}/warnings/unknown-fields.json");
    let o = tlx(&["events", "--data", &file]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "2021\te\tE\n");
    assert_eq!(
        stderr(&o),
        format!("tlx: warning: {file} has 7 warnings; `tlx check {file}` lists them\n")
    );
}

// ---- files that cannot be read

#[test]
fn a_missing_file_is_an_io_error() {
    assert_fails(
        &tlx(&["check", "/no/such/file.json"]),
        2,
        "tlx: cannot read /no/such/file.json: no such file",
    );
    assert_fails(
        &tlx(&["events", "--data", "/no/such/file.json"]),
        2,
        "tlx: cannot read /no/such/file.json: no such file",
    );
}

#[test]
fn a_directory_is_refused() {
    assert_fails(
        &tlx(&["check", DATA]),
        2,
        &format!("tlx: cannot read {DATA}: it is a directory, not a timeline file"),
    );
}

#[test]
fn a_file_over_1_gib_is_refused_before_reading() {
    let path = temp_path("huge.json");
    // A sparse file: no disk space, but its metadata says 1 GiB + 1 byte.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len((1 << 30) + 1).unwrap();
    let o = tlx(&["check", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_fails(
        &o,
        2,
        &format!(
            "tlx: {} is too large: 1073741825 bytes, and tlx reads at most 1073741824 bytes (1 GiB)",
            path.display()
        ),
    );
}

// ---- actors

#[test]
fn actors_without_a_query_lists_everyone_by_name() {
    assert_prints(
        &small(&["actors"]),
        "harbor-league\tHarbor League\t-\t0\n\
         lantern-council\tLantern Council\t-\t3\n\
         mira-solano\tMira Solano\t-\t2\n\
         north-watch\tNorth Watch\t-\t1\n\
         orchard-league\tOrchard League\t-\t0\n\
         river-guild\tRiver Guild\t-\t3\n\
         zoe-angstrom\tZoë Ångström\t-\t1\n",
    );
}

#[test]
fn actors_with_a_query_ranks_matches_and_names_the_alias() {
    assert_prints(
        &small(&["actors", "valley"]),
        "river-guild\tRiver Guild\tValley Guild\t3\nnorth-watch\tNorth Watch\tValley Watch\t1\n",
    );
    assert_prints(
        &small(&["actors", "solano"]),
        "mira-solano\tMira Solano\tSolano\t2\n",
    );
    assert_prints(
        &small(&["actors", "mira"]),
        "mira-solano\tMira Solano\t-\t2\n",
    );
    assert_prints(&small(&["actors", "qqqzzz"]), "");
}

#[test]
fn actors_as_json() {
    let o = small(&["actors", "valley", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        value,
        serde_json::json!([
            { "id": "river-guild", "name": "River Guild", "alias": "Valley Guild", "events": 3 },
            { "id": "north-watch", "name": "North Watch", "alias": "Valley Watch", "events": 1 }
        ])
    );
}

#[test]
fn an_empty_query_is_refused() {
    assert_fails(&small(&["actors", ""]), 2, "tlx: empty query");
    assert_fails(&small(&["actors", "   "]), 2, "tlx: empty query");
    assert_fails(&small(&["events", "--actor", ""]), 2, "tlx: empty query");
    assert_fails(&small(&["events", "--search", " "]), 2, "tlx: empty query");
    assert_fails(&small(&["--actor", ""]), 2, "tlx: empty query");
}

// ---- events

const ALL_EVENTS: &str = "2019-06-01\tguild-founded\tRiver Guild founded\n\
                          2020\tyear-of-disputes\tA year of valley disputes\n\
                          2020-03\tmarch-session\tMarch council session\n\
                          2020-03\tmarch-vote\tCouncil vote on the dam budget\n\
                          2020-03-15\tflood-gates\tFlood gates opened at the east dam\n\
                          2020-03-15\tguild-march\tGuild march to the dam\n\
                          2020-04-02\tharbour-patrol\tNorth Watch patrol at the harbour\n";

#[test]
fn events_are_listed_chronologically() {
    assert_prints(&small(&["events"]), ALL_EVENTS);
}

#[test]
fn events_of_the_best_matching_actor() {
    assert_prints(
        &small(&["events", "--actor", "mirra"]),
        "2019-06-01\tguild-founded\tRiver Guild founded\n2020-03-15\tguild-march\tGuild march to the dam\n",
    );
    assert_fails(
        &small(&["events", "--actor", "qqqzzz"]),
        2,
        "tlx: no actor matches \"qqqzzz\"",
    );
}

#[test]
fn events_by_tag() {
    assert_prints(
        &small(&["events", "--tag", "government"]),
        "2020-03\tmarch-vote\tCouncil vote on the dam budget\n2020-03-15\tflood-gates\tFlood gates opened at the east dam\n",
    );
    assert_fails(
        &small(&["events", "--tag", "goverment"]),
        2,
        "tlx: no event has the tag \"goverment\" (did you mean \"government\"?)",
    );
}

#[test]
fn events_by_period_overlap() {
    // 2019-06-01..2019-06-30 reaches into June 2019; "2020" and "2020-03" overlap
    // March 2020 even though they are less precise.
    assert_prints(
        &small(&["events", "--from", "2019-06-15", "--to", "2019-12"]),
        "2019-06-01\tguild-founded\tRiver Guild founded\n",
    );
    assert_prints(
        &small(&["events", "--from", "2020-03-10", "--to", "2020-03-20"]),
        "2020\tyear-of-disputes\tA year of valley disputes\n\
         2020-03\tmarch-session\tMarch council session\n\
         2020-03\tmarch-vote\tCouncil vote on the dam budget\n\
         2020-03-15\tflood-gates\tFlood gates opened at the east dam\n\
         2020-03-15\tguild-march\tGuild march to the dam\n",
    );
    assert_prints(
        &small(&["events", "--from", "2020-04"]),
        "2020\tyear-of-disputes\tA year of valley disputes\n2020-04-02\tharbour-patrol\tNorth Watch patrol at the harbour\n",
    );
    assert_fails(
        &small(&["events", "--from", "2021", "--to", "2020"]),
        2,
        "tlx: --from 2021 is after --to 2020",
    );
    let o = small(&["events", "--from", "2021-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with(
        "tlx: invalid value '2021-02-30' for '--from <DATE>': \"2021-02-30\" is not a real date"
    ));
}

#[test]
fn events_by_search_stay_chronological() {
    assert_prints(
        &small(&["events", "--search", "dam"]),
        "2020-03\tmarch-vote\tCouncil vote on the dam budget\n\
         2020-03-15\tflood-gates\tFlood gates opened at the east dam\n\
         2020-03-15\tguild-march\tGuild march to the dam\n",
    );
}

#[test]
fn events_as_json_csv_and_markdown() {
    let o = small(&["events", "--tag", "security", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(value[0]["id"], "harbour-patrol");
    assert_eq!(
        value[0]["actors"][0],
        serde_json::json!({ "id": "north-watch", "role": "perpetrator" })
    );
    assert_eq!(
        value[0]["quotes"],
        serde_json::json!(["review-01", "review-02", "gazette-01"])
    );
    assert_eq!(value.as_array().unwrap().len(), 1);

    let o = small(&["events", "--tag", "security", "--format", "csv"]);
    assert_prints(
        &o,
        "date,end,id,title,place,certainty,tags,actors,sources,summary\r\n\
         2020-04-02,,harbour-patrol,North Watch patrol at the harbour,Harbour Road,disputed,security,\
         north-watch (perpetrator); zoe-angstrom (target),harbor-review; valley-gazette,\
         Boats of the North Watch were seen near the harbour; the sources disagree on how many.\r\n",
    );

    let o = small(&["events", "--actor", "solano", "--format", "markdown"]);
    assert_prints(
        &o,
        "| Date | Event | Place | Id |\n| --- | --- | --- | --- |\n\
         | 2019-06-01 to 2019-06-30 | River Guild founded |  | `guild-founded` |\n\
         | 2020-03-15 | Guild march to the dam | Dam Road | `guild-march` |\n",
    );
}

// ---- quotes

#[test]
fn quotes_filtered_in_file_order() {
    assert_prints(
        &small(&["quotes", "--event", "harbour-patrol"]),
        "gazette-01\tvalley-gazette\tzoe-angstrom\tThe east gates were opened at dawn.\n\
         review-01\tharbor-review\t-\tThree patrol boats were seen near the harbour.\n\
         review-02\tharbor-review\tzoe-angstrom\tWitnesses counted two boats, not three.\n",
    );
    assert_prints(
        &small(&[
            "quotes",
            "--actor",
            "zoe-angstrom",
            "--source",
            "harbor-review",
        ]),
        "review-02\tharbor-review\tzoe-angstrom\tWitnesses counted two boats, not three.\n",
    );
    let o = small(&["quotes", "--source", "valley-gazette", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(value[0]["id"], "gazette-01");
    assert_eq!(
        value[0]["events"],
        serde_json::json!(["flood-gates", "harbour-patrol"])
    );
    assert_eq!(value[1]["speaker"], "mira-solano");
}

#[test]
fn quotes_with_unknown_or_wrong_ids() {
    assert_fails(
        &small(&["quotes", "--event", "harbour-patrl"]),
        2,
        "tlx: no event has the id \"harbour-patrl\" (did you mean \"harbour-patrol\"?)",
    );
    assert_fails(
        &small(&["quotes", "--event", "mira-solano"]),
        2,
        "tlx: \"mira-solano\" is an actor, not an event",
    );
    assert_fails(
        &small(&["quotes", "--source", "nope"]),
        2,
        "tlx: no source has the id \"nope\"",
    );
}

// ---- show

#[test]
fn show_an_event_with_its_links() {
    let o = small(&["show", "harbour-patrol"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for line in [
        "event harbour-patrol",
        "date:        2020-04-02",
        "certainty:   disputed",
        "actors (2):",
        "  north-watch (North Watch): perpetrator",
        "  review-02  [harbor-review] (Zoë Ångström) \u{201c}Witnesses counted two boats, not three.\u{201d}",
        "disputes (1):",
        "  boat-count  How many patrol boats were there?",
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line:?} in\n{out}");
    }
}

#[test]
fn show_an_actor_with_relations_both_ways() {
    let out = stdout(&small(&["show", "lantern-council"]));
    for line in [
        "actor lantern-council",
        "relations (3):",
        "  opposed by river-guild (River Guild), 2019-06 to 2020-03",
        "  backs north-watch (North Watch)",
        "  has member zoe-angstrom (Zoë Ångström), from 2018-01-15",
        "events (3):",
        "  2020-03     march-vote  Council vote on the dam budget (organizer)",
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line:?} in\n{out}");
    }
    let out = stdout(&small(&["show", "mira-solano"]));
    assert!(
        out.contains("  leads river-guild (River Guild), from 2019 [review-03]\n"),
        "{out}"
    );
    assert!(
        out.contains("quotes spoken (1):\n  gazette-02  [valley-gazette]"),
        "{out}"
    );
}

#[test]
fn show_a_quote_source_and_dispute() {
    let out = stdout(&small(&["show", "review-03"]));
    assert!(
        out.contains("cited by events (1):\n  2019-06-01  guild-founded  River Guild founded\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "cited by relations (1):\n  mira-solano (Mira Solano) leads river-guild (River Guild)\n"
        ),
        "{out}"
    );
    let out = stdout(&small(&["show", "harbor-review"]));
    assert!(out.starts_with("source harbor-review\n"), "{out}");
    let order: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("  ")?.split("  ").next())
        .collect();
    assert_eq!(order, ["review-01", "review-02", "review-03"]);
    let out = stdout(&small(&["show", "boat-count"]));
    assert!(
        out.contains("event:       harbour-patrol (2020-04-02, North Watch patrol at the harbour)"),
        "{out}"
    );
    assert!(out.contains("claims (2):\n  three\n    review-01"), "{out}");
}

#[test]
fn show_an_unknown_id() {
    assert_fails(
        &small(&["show", "boat-cont"]),
        2,
        "tlx: no event, actor, quote, source or dispute has the id \"boat-cont\" (did you mean \"boat-count\"?)",
    );
    // Control characters from the command line are escaped in messages.
    let o = small(&["show", "a\u{1b}[31mb"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains('\u{1b}'));
    assert!(stderr(&o).contains("\\u{1b}"), "{}", stderr(&o));
}

// ---- the explorer and usage

#[test]
fn no_command_without_a_terminal_points_to_tlx_events() {
    let expected = "tlx: the explorer needs a terminal; try `tlx events`";
    assert_fails(&tlx(&[]), 2, expected);
    assert_fails(&small(&["--event", "harbour-patrol"]), 2, expected);
    assert_fails(&small(&["--actor", "solano"]), 2, expected);
}

#[test]
fn explorer_start_points_are_checked_first() {
    assert_fails(
        &small(&["--event", "nope"]),
        2,
        "tlx: no event has the id \"nope\"",
    );
    assert_fails(
        &small(&["--actor", "qqqzzz"]),
        2,
        "tlx: no actor matches \"qqqzzz\"",
    );
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for args in [
        &["--bogus"][..],
        &["events", "--format", "xml"],
        &["actors", "a", "b"],
        &["--event", "x", "--actor", "y"],
        &["show"],
        &["frobnicate"],
    ] {
        let o = tlx(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("tlx: "), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert_eq!(stdout(&o), "");
    }
    let o = tlx(&["events", "--format", "xml"]);
    assert!(stderr(&o).contains("(possible values: text, json, csv, markdown)"));
}

#[test]
fn help_and_version_succeed() {
    let o = tlx(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Usage: tlx"));
    for command in ["check", "actors", "events", "quotes", "show"] {
        assert!(stdout(&o).contains(command), "{command}");
    }
    let o = tlx(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("tlx "));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // Enough events that the output outgrows the pipe's buffer.
    let path = temp_path("many.json");
    let events: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"id": "e{i}", "date": "2021", "title": "Event number {i} with a title long enough"}}"#))
        .collect();
    let text = format!(
        r#"{{"format": "tlx/1", "title": "many", "events": [{}]}}"#,
        events.join(",")
    );
    std::fs::write(&path, text).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tlx"))
        .args(["events", "--data", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(err, "");
    assert!(Path::new(env!("CARGO_BIN_EXE_tlx")).exists());
}

#[test]
fn typed_ids_are_looked_up_in_their_own_list() {
    // An actor and an event may share an id; --actor and --event each find theirs.
    let file = format!("{DATA}/warnings/id-shared-across-lists.json");
    assert_prints(&tlx(&["quotes", "--actor", "same", "--data", &file]), "");
    assert_prints(&tlx(&["quotes", "--event", "same", "--data", &file]), "");
    assert_fails(
        &tlx(&["--event", "same", "--data", &file]),
        2,
        "tlx: the explorer needs a terminal; try `tlx events`",
    );
}

#[test]
fn global_options_may_come_before_the_command() {
    let before = tlx(&["--data", SMALL, "events"]);
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    assert_eq!(stdout(&before), stdout(&small(&["events"])));
    let check = tlx(&["--data", SMALL, "--color", "never", "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).starts_with("ok: "), "{}", stdout(&check));
}

#[test]
fn explorer_options_refuse_a_command() {
    assert_fails(
        &tlx(&["--event", "guild-founded", "events"]),
        2,
        "tlx: --event opens the explorer and cannot be used before a command (see `tlx --help`)",
    );
    assert_fails(
        &tlx(&["--actor", "river", "check"]),
        2,
        "tlx: --actor opens the explorer and cannot be used before a command (see `tlx --help`)",
    );
}
