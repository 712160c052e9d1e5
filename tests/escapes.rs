//! No escape sequence from a timeline reaches the terminal: every command run on
//! a file with escapes in every field writes nothing but text, newlines and tabs.

use std::process::Command;

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/warnings/ansi-escapes.json"
);

/// A control character other than newline and tab; CSV's CRLF line ends are
/// tlx's own (RFC 4180), and data cannot hold a CR, so a CR before LF is fine.
fn control_character(bytes: &[u8]) -> Option<char> {
    String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
}

#[test]
fn no_command_writes_a_control_character_from_the_data() {
    let commands: &[&[&str]] = &[
        &["check", FILE],
        &["events"],
        &["events", "--format", "csv"],
        &["events", "--format", "markdown"],
        &["events", "--format", "json"],
        &["actors"],
        &["actors", "--format", "json"],
        &["actors", "hidden"],
        &["quotes"],
        &["quotes", "--format", "json"],
        &["show", "e"],
        &["show", "a"],
        &["show", "q"],
        &["show", "s"],
        &["show", "d"],
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
        &["export", "--format", "markdown"],
        &["export", "--format", "timelinejs"],
        // Arguments with escapes are echoed escaped in the messages.
        &["show", "\u{1b}[2J"],
        &["events", "--tag", "\u{1b}[2J"],
        &["actors", "\u{9b}6n"],
    ];
    for args in commands {
        let out = Command::new(env!("CARGO_BIN_EXE_tlx"))
            .args(*args)
            .args(["--data", FILE])
            .output()
            .unwrap();
        assert!(
            out.status.code().is_some_and(|c| c <= 2),
            "{args:?}: {:?}",
            out.status
        );
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if let Some(c) = control_character(bytes) {
                panic!(
                    "tlx {args:?} wrote {c:?} to {stream}:\n{}",
                    String::from_utf8_lossy(bytes)
                );
            }
        }
    }
}
