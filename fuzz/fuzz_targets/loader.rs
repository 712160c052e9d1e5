//! Bytes to `load_bytes`: our format, TimelineJS, or anything else.
//!
//! No input may panic, hang or exhaust memory. What loads must keep every
//! promise of `tests/support/invariants.rs` and survive every export (the JSON
//! export loading back to the same timeline); what does not load must say why in
//! messages that are short and carry no control character to the terminal.

#![no_main]

use tlx_testkit::invariants;

use libfuzzer_sys::fuzz_target;
use tlx::data::{Diagnostic, EventIx, LoadError, load_bytes, load_str};
use tlx::export::{Format, export};

/// Longer than any message tlx writes: quoted values and serde's messages are cut.
const LONGEST_MESSAGE: usize = 4096;

fn check_message(d: &Diagnostic) {
    let shown = d.to_string();
    assert!(
        shown.chars().count() <= LONGEST_MESSAGE,
        "a message of {} characters",
        shown.chars().count()
    );
    if let Some(c) = shown.chars().find(|c| c.is_control()) {
        panic!("control character {c:?} in {shown:?}");
    }
}

fuzz_target!(|bytes: &[u8]| {
    let loaded = match load_bytes(bytes) {
        Ok(loaded) => loaded,
        Err(LoadError::Invalid(problems)) => {
            assert!(!problems.is_empty(), "invalid without a reason");
            problems.iter().for_each(check_message);
            return;
        }
        Err(other) => panic!("load_bytes gave {other:?}"),
    };
    loaded.warnings.iter().for_each(check_message);
    invariants::check(&loaded.data);

    let t = &loaded.data.timeline;
    let all: Vec<EventIx> = (0..t.event_count() as u32).map(EventIx).collect();
    for format in [
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Timelinejs,
    ] {
        let mut out = Vec::new();
        export(format, &loaded.data, &all, &mut out).expect("export to memory");
        let text = String::from_utf8(out).expect("exports are UTF-8");
        match format {
            Format::Json => match load_str(&text) {
                Ok(again) => assert_eq!(&again.data.timeline, t, "JSON export round trip"),
                Err(e) => panic!("the JSON export does not load: {e}\n{text}"),
            },
            // Lossy, but it must not break the loader either.
            Format::Timelinejs => {
                let _ = load_str(&text);
            }
            _ => {}
        }
    }
});
