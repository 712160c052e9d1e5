//! From bytes to a validated, indexed timeline, or to every reason why not.
//!
//! The steps: check UTF-8, parse the JSON into the raw shapes (serde reports type
//! and syntax errors with path, line and column; unknown fields become warnings),
//! remove control characters, validate and convert, index. A TimelineJS file is
//! recognised first and mapped onto the raw shapes (`timelinejs.rs`).

use std::fmt;
use std::path::{Path, PathBuf};

mod clean;
mod diagnose;
mod idlist;
pub(crate) mod idmap;
pub(crate) mod parse;
pub(crate) mod progress;
pub(crate) mod raw;
pub(crate) mod read;
mod rules;
pub(crate) mod validate;

use clean::remove_control_characters;
use diagnose::{hint_misspellings, json_error, locate_error, parse, parse_plain};
use progress::LoadProgress;
use raw::{Seen, watch};
use read::read_file;
use validate::{validate, validate_quickly};

use crate::data::diagnostic::{Diagnostic, Printable};
use crate::data::formats::timelinejs;
use crate::data::index::Indexed;
use crate::data::model::TimelineBuilder;

/// The largest timeline file tlx reads: 1 GiB.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The timeline compiled into the binary.
pub const EMBEDDED_JSON: &str = include_str!("../../../assets/timeline.json");

/// A timeline that passed validation, with what was worth a warning.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub data: Indexed,
    /// Unknown fields and removed control characters; the timeline is still whole.
    pub warnings: Vec<Diagnostic>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The file could not be read (missing, a directory, no permission, ...).
    Io { path: PathBuf, message: String },
    /// The file is larger than `MAX_FILE_BYTES`.
    TooLarge { path: PathBuf, bytes: u64 },
    /// The file was read but is not a valid timeline: every problem found.
    Invalid(Vec<Diagnostic>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, message } => write!(
                f,
                "cannot read {}: {message}",
                Printable(&path.display().to_string())
            ),
            LoadError::TooLarge { path, bytes } => write!(
                f,
                "{} is too large: {bytes} bytes, and tlx reads at most {MAX_FILE_BYTES} bytes (1 GiB)",
                Printable(&path.display().to_string())
            ),
            LoadError::Invalid(diagnostics) => {
                for (i, d) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Loads the timeline compiled into the binary.
pub fn embedded() -> Result<Loaded, LoadError> {
    load_str(EMBEDDED_JSON)
}

/// Loads a timeline file, telling `progress` where it is as it goes (see
/// `progress::LoadProgress`; its phase reaches `Done` only if the load
/// succeeds). Directories, files over 1 GiB (judged from the metadata, before
/// reading) and unreadable files are refused.
pub fn load_file(path: &Path, progress: &LoadProgress) -> Result<Loaded, LoadError> {
    let io = |message: String| LoadError::Io {
        path: path.to_path_buf(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| io(describe(&e)))?;
    if meta.is_dir() {
        return Err(io("it is a directory, not a timeline file".into()));
    }
    let too_large = |bytes| LoadError::TooLarge {
        path: path.to_path_buf(),
        bytes,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| io(describe(&e)))?;
    progress.start_reading(meta.len());
    let bytes =
        read_file(file, meta.len(), MAX_FILE_BYTES, progress).map_err(|e| io(describe(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let (timeline, warnings) = check_bytes(&bytes, progress)?;
    // The file is no longer needed. Its buffer, already in memory, becomes the
    // timeline's text when that is long (`finish_apart_into`), or is freed
    // before the parts are put together; so the peak never holds the file with
    // the joined text nor the index.
    progress.start_indexing();
    let data = finish_into(timeline, bytes)?;
    progress.finish();
    Ok(Loaded { data, warnings })
}

/// An I/O error in plain words, without the OS error number.
fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "it is a directory, not a timeline file".into(),
        InvalidData => "the file is not valid UTF-8".into(),
        _ => e.to_string(),
    }
}

/// Loads a timeline from bytes: UTF-8, with or without a byte-order mark.
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let (timeline, warnings) = check_bytes(bytes, &LoadProgress::new())?;
    Ok(Loaded {
        data: finish(timeline)?,
        warnings,
    })
}

/// The parts of a validated timeline put together, and indexed.
fn finish(timeline: TimelineBuilder) -> Result<Indexed, LoadError> {
    finish_into(timeline, Vec::new())
}

/// `finish`, with a buffer that is no longer needed, for the text to reuse. The
/// only problem left is a timeline too large for the model's `u32` offsets
/// (over 4 GiB of text).
fn finish_into(timeline: TimelineBuilder, spare: Vec<u8>) -> Result<Indexed, LoadError> {
    let (timeline, text) = timeline
        .finish_apart_into(spare)
        .map_err(|e| LoadError::Invalid(vec![Diagnostic::new("", e.to_string())]))?;
    Ok(Indexed::apart(timeline, text))
}

/// Bytes to a validated timeline (not yet put together nor indexed) and its
/// warnings.
fn check_bytes(
    bytes: &[u8],
    progress: &LoadProgress,
) -> Result<(TimelineBuilder, Vec<Diagnostic>), LoadError> {
    progress.start_parsing(bytes.len() as u64);
    // The mark is valid UTF-8 (U+FEFF): `check_str` skips it, once.
    match std::str::from_utf8(bytes) {
        Ok(text) => check_str(text, progress),
        Err(e) => Err(LoadError::Invalid(vec![not_utf8(bytes, e.valid_up_to())])),
    }
}

fn not_utf8(bytes: &[u8], offset: usize) -> Diagnostic {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    Diagnostic::new(
        "",
        format!(
            "the file is not valid UTF-8: byte 0x{:02X} at offset {offset}",
            bytes[offset]
        ),
    )
    .at(line, offset - line_start + 1)
}

/// Loads a timeline from text.
pub fn load_str(text: &str) -> Result<Loaded, LoadError> {
    let (timeline, warnings) = check_str(text, &LoadProgress::new())?;
    Ok(Loaded {
        data: finish(timeline)?,
        warnings,
    })
}

/// A text's validated timeline, not yet put together: for tests.
#[cfg(test)]
pub(crate) fn unfinished(text: &str) -> Result<TimelineBuilder, LoadError> {
    check_str(text, &LoadProgress::new()).map(|(timeline, _)| timeline)
}

/// Text to a validated timeline (not yet put together nor indexed) and its
/// warnings.
///
/// The first parse is the plain one: no path tracking, no callback per ignored
/// value, strings borrowed from the text. It only raises flags for what needs a
/// closer look, and the slower passes run only when one is raised: the
/// unknown-field pass for a file with fields the format does not define, the
/// control-character pass for a file with a string that may hold one, the
/// path-tracking parse for a file that does not parse.
fn check_str(
    text: &str,
    progress: &LoadProgress,
) -> Result<(TimelineBuilder, Vec<Diagnostic>), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (parsed, seen) = watch(|| parse::plain(text, progress));
    // TimelineJS files fail the plain parse (their title is an object) or lack
    // `format`; only then is it worth looking for one.
    let maybe_timelinejs = parsed.as_ref().map_or(true, |raw| raw.format.is_none());
    if maybe_timelinejs && let Some(file) = timelinejs::detect(text) {
        let (mut raw, mut warnings) = timelinejs::import(&file).map_err(LoadError::Invalid)?;
        remove_control_characters(&mut raw, &mut warnings);
        let timeline = validate(raw, progress).map_err(LoadError::Invalid)?;
        return Ok((timeline, warnings));
    }
    let Ok(raw) = parsed else {
        return Err(LoadError::Invalid(vec![locate_error(text)]));
    };
    let (mut raw, unknown) = if seen.contains(Seen::UNKNOWN_FIELD) {
        parse(text).map_err(|d| LoadError::Invalid(vec![d]))?
    } else {
        (raw, Vec::new())
    };
    let mut warnings: Vec<Diagnostic> = unknown.iter().map(|u| u.warning.clone()).collect();
    if seen.contains(Seen::CONTROL) {
        remove_control_characters(&mut raw, &mut warnings);
    }
    if let Some(timeline) = validate_quickly(raw, text, progress) {
        return Ok((timeline, warnings));
    }
    // A file with a problem: parse it again and validate it in order, to report
    // every problem exactly as written (the quick pass only knows there is one).
    let mut raw =
        parse_plain(text).map_err(|e| LoadError::Invalid(vec![json_error(String::new(), &e)]))?;
    if seen.contains(Seen::CONTROL) {
        remove_control_characters(&mut raw, &mut Vec::new());
    }
    // Not on `progress`: the load has failed, this only says why.
    let errors = match validate(raw, &LoadProgress::new()) {
        Err(errors) => errors,
        // Unreachable in practice: both passes apply the same rules.
        Ok(_) => vec![Diagnostic::new("", "the file could not be validated")],
    };
    Err(LoadError::Invalid(hint_misspellings(errors, &unknown)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"format": "tlx/1", "title": "t", "events": []}"#;

    fn errors(text: &str) -> Vec<String> {
        match load_str(text) {
            Err(LoadError::Invalid(ds)) => ds.iter().map(ToString::to_string).collect(),
            Err(other) => panic!("unexpected error: {other}"),
            Ok(_) => panic!("loaded: {}", &text[..text.len().min(200)]),
        }
    }

    #[test]
    fn loads_a_minimal_timeline() {
        let loaded = load_str(MINIMAL).unwrap();
        assert_eq!(loaded.data.timeline.event_count(), 0);
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(MINIMAL.as_bytes());
        assert!(load_bytes(&bytes).is_ok());
        assert!(load_str(&format!("\u{feff}{MINIMAL}")).is_ok());
        // One mark only: a second is a character where JSON wants a value.
        let mut twice = b"\xEF\xBB\xBF".to_vec();
        twice.extend_from_slice(&bytes);
        assert!(load_bytes(&twice).is_err());
    }

    #[test]
    fn refuses_bytes_that_are_not_utf8_with_their_offset() {
        let bytes = b"{\"format\": \"tlx/1\",\n \"title\": \"\xFF\", \"events\": []}";
        match load_bytes(bytes) {
            Err(LoadError::Invalid(ds)) => assert_eq!(
                ds[0].to_string(),
                "line 2, column 12: the file is not valid UTF-8: byte 0xFF at offset 31"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        assert_eq!(
            errors("{\"format\": \"tlx/1\",\n \"title\": \"t\" \"events\": []}"),
            ["line 2, column 15: expected `,` or `}`"]
        );
        assert_eq!(
            errors(&format!("{MINIMAL} x")),
            ["line 1, column 49: trailing characters"]
        );
    }

    #[test]
    fn type_errors_have_their_path() {
        let text = r#"{"format": "tlx/1", "title": "t", "events": [{"id": "a", "date": 2021, "title": "x"}]}"#;
        assert_eq!(
            errors(text),
            ["events[0].date: line 1, column 69: invalid type: integer `2021`, expected a string"]
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let depth = 10_000;
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        // Where the format expects an object or a string: a type error with its path.
        let text = format!(r#"{{"format": "tlx/1", "title": "t", "events": [{arrays}]}}"#);
        let e = errors(&text);
        assert_eq!(
            e,
            ["events[0]: line 1, column 45: invalid type: sequence, expected an event object"]
        );
        let text = format!(r#"{{"format": "tlx/1", "title": {arrays}, "events": []}}"#);
        assert_eq!(
            errors(&text),
            ["title: line 1, column 29: invalid type: sequence, expected a string"]
        );
        assert_eq!(
            errors(&arrays),
            ["line 1, column 1: invalid type: sequence, expected a timeline object"]
        );
        // Inside an unknown field serde_json skips it without recursing: a warning.
        for inner in [&arrays, &objects] {
            let text =
                format!(r#"{{"format": "tlx/1", "title": "t", "events": [], "extra": {inner}}}"#);
            let loaded = load_str(&text).unwrap();
            assert_eq!(
                loaded.warnings[0].to_string(),
                "extra: unknown field, ignored"
            );
        }
        // An unterminated nest is a syntax error.
        let text = format!(
            r#"{{"format": "tlx/1", "title": "t", "events": [], "extra": {}"#,
            "[".repeat(depth)
        );
        assert!(errors(&text)[0].contains("EOF while parsing"));
    }

    #[test]
    fn unknown_fields_are_warnings_with_a_hint() {
        let text = r#"{"format": "tlx/1", "title": "t", "colour": 1,
            "events": [{"id": "a", "date": "2021", "title": "x", "titel": "y"}]}"#;
        let loaded = load_str(text).unwrap();
        let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "colour: unknown field, ignored",
                "events[0].titel: unknown field, ignored (did you mean \"title\"?)"
            ]
        );
    }

    #[test]
    fn control_characters_are_removed_with_a_warning() {
        let text = r#"{"format": "tlx/1", "title": "a\u001b[31mb\u0007\nc\td", "events": []}"#;
        let loaded = load_str(text).unwrap();
        assert_eq!(loaded.data.timeline.title(), "a[31mb\nc\td");
        assert_eq!(
            loaded.warnings[0].to_string(),
            "title: removed 2 control characters"
        );
    }

    #[test]
    fn refuses_directories_and_missing_files() {
        let dir = std::env::temp_dir();
        assert!(matches!(
            load_file(&dir, &LoadProgress::new()),
            Err(LoadError::Io { .. })
        ));
        let missing = dir.join("tlx-no-such-file.json");
        let e = load_file(&missing, &LoadProgress::new()).unwrap_err();
        assert!(e.to_string().ends_with(": no such file"), "{e}");
    }

    #[test]
    fn the_embedded_timeline_is_valid() {
        let loaded = embedded().unwrap();
        assert_ne!(loaded.data.timeline.event_count(), 0);
    }
}
