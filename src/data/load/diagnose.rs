//! The slower passes that say where and what, for a file the plain parse
//! flagged: the parse that collects unknown fields with their paths (and the
//! known field each is closest to), and the parse that tracks paths to
//! describe a syntax or type error.

use serde::Deserialize;

use super::raw::RawTimeline;
use crate::data::diagnostic::{Diagnostic, JsonPath, quoted, shortened};
use crate::data::suggest::closest;

/// The fast parse: serde_json straight into the raw shapes, nothing else.
pub(super) fn parse_plain(text: &str) -> Result<RawTimeline<'_>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let raw = RawTimeline::deserialize(&mut de)?;
    // Anything after the top-level object is an error too.
    de.end()?;
    Ok(raw)
}

/// A field the format does not define.
pub(super) struct UnknownField {
    pub(super) warning: Diagnostic,
    /// The key as written, and the path of the known field it is closest to.
    misspelling: Option<(String, String)>,
}

/// A missing required field is often a misspelt one: say so next to the error.
pub(super) fn hint_misspellings(
    mut errors: Vec<Diagnostic>,
    unknown: &[UnknownField],
) -> Vec<Diagnostic> {
    let written: std::collections::HashMap<&str, &str> = unknown
        .iter()
        .filter_map(|u| u.misspelling.as_ref())
        .map(|(key, meant)| (meant.as_str(), key.as_str()))
        .collect();
    for error in &mut errors {
        if let Some(key) = written.get(error.path.as_str()) {
            error
                .message
                .push_str(&format!(" (the file has {}: a misspelling?)", quoted(key)));
        }
    }
    errors
}

/// JSON text to the raw shapes, and the fields the format does not define, with
/// their paths: the second parse of a file that has such fields.
pub(super) fn parse(text: &str) -> Result<(RawTimeline<'_>, Vec<UnknownField>), Diagnostic> {
    let mut warnings = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = {
        let mut on_unknown = |path: serde_ignored::Path| warnings.push(unknown_field(&path));
        RawTimeline::deserialize(serde_ignored::Deserializer::new(&mut de, &mut on_unknown))
    };
    // Anything after the top-level object is an error too.
    match parsed.and_then(|raw| de.end().map(|()| raw)) {
        Ok(raw) => Ok((raw, warnings)),
        Err(_) => Err(locate_error(text)),
    }
}

/// Parses a text known to be bad again, tracking paths, to describe the error.
pub(super) fn locate_error(text: &str) -> Diagnostic {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Result<RawTimeline<'_>, _> = serde_path_to_error::deserialize(&mut de);
    match parsed {
        Err(e) => {
            let mut path = JsonPath::default();
            for segment in e.path().iter() {
                match segment {
                    serde_path_to_error::Segment::Seq { index } => path.index(*index),
                    serde_path_to_error::Segment::Map { key } => path.key(key),
                    _ => {}
                }
            }
            json_error(path.into_string(), e.inner())
        }
        Ok(_) => match de.end() {
            Err(e) => json_error(String::new(), &e),
            // Unreachable in practice: the same text failed a moment ago.
            Ok(()) => Diagnostic::new("", "the file could not be parsed"),
        },
    }
}

/// A serde_json error as a diagnostic: its message without the " at line L column C"
/// that serde_json appends, since the diagnostic carries the position itself.
pub(super) fn json_error(path: String, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    if e.line() == 0 {
        return Diagnostic::new(path, shortened(message));
    }
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    // serde_json says column 0 when it failed before reading a character of the line.
    Diagnostic::new(path, shortened(message.to_string())).at(e.line(), e.column().max(1))
}

/// A warning for a field the format does not define, with the closest known field.
fn unknown_field(path: &serde_ignored::Path) -> UnknownField {
    // serde_ignored gives the path leaf first; collect it root first.
    enum Step {
        Key(String),
        Index(usize),
    }
    let mut steps = Vec::new();
    let mut at = path;
    loop {
        at = match at {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                steps.push(Step::Index(*index));
                parent
            }
            serde_ignored::Path::Map { parent, key } => {
                steps.push(Step::Key(key.clone()));
                parent
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => parent,
        };
    }
    steps.reverse();
    let mut parent = JsonPath::default();
    let mut keys = Vec::new();
    let (last, ancestors) = steps.split_last().unwrap_or((&Step::Index(0), &[]));
    for step in ancestors {
        match step {
            Step::Key(key) => {
                parent.key(key);
                keys.push(key.as_str());
            }
            Step::Index(index) => parent.index(*index),
        }
    }
    let field = match last {
        Step::Key(key) => key.as_str(),
        Step::Index(_) => "",
    };
    let mut here = parent.clone();
    here.key(field);
    match closest(field, known_fields(&keys).iter().copied()) {
        Some(near) => {
            let mut meant = parent;
            meant.key(near);
            UnknownField {
                warning: Diagnostic::new(
                    here.into_string(),
                    format!("unknown field, ignored (did you mean {}?)", quoted(near)),
                ),
                misspelling: Some((field.to_string(), meant.into_string())),
            }
        }
        None => UnknownField {
            warning: Diagnostic::new(here.into_string(), "unknown field, ignored"),
            misspelling: None,
        },
    }
}

/// The fields of the object reached through `keys` (the path's keys, no indices).
fn known_fields(keys: &[&str]) -> &'static [&'static str] {
    match keys {
        [] => &[
            "format",
            "title",
            "description",
            "sources",
            "actors",
            "events",
            "quotes",
            "disputes",
        ],
        ["sources"] => &[
            "id",
            "title",
            "publisher",
            "authors",
            "published",
            "url",
            "kind",
        ],
        ["actors"] => &["id", "name", "kind", "aliases", "description", "relations"],
        ["actors", "relations"] => &["type", "actor", "from", "to", "quotes"],
        ["events"] => &[
            "id",
            "date",
            "end",
            "title",
            "summary",
            "place",
            "tags",
            "actors",
            "quotes",
            "certainty",
            "note",
        ],
        ["events", "actors"] => &["id", "role"],
        ["quotes"] => &["id", "source", "text", "speaker", "note"],
        ["disputes"] => &["id", "question", "event", "claims"],
        ["disputes", "claims"] => &["claim", "quotes"],
        _ => &[],
    }
}
