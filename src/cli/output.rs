//! Writing answers: to stdout without panicking on a closed pipe, and the escaping
//! that each output format needs.

use std::io::Write;

use serde_json::{Value, json};

use super::Failure;
use crate::data::{Event, Indexed, Quote};

/// Writes the answer to stdout. A reader that stops early (`tlx events | head`) is
/// not an error; any other failure to write is.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("cannot write the output: {e}"))),
    }
}

/// A field of tab-separated text: tabs and line breaks become spaces, so that one
/// record stays on one line.
pub fn cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
pub fn csv(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A Markdown table cell: pipes escaped, line breaks as spaces.
pub fn markdown(text: &str) -> String {
    cell(text).replace('|', "\\|")
}

/// Pretty JSON with a final newline.
pub fn json_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text
}

/// An event in the format's own shape, references as ids.
pub fn event_json(data: &Indexed, event: &Event) -> Value {
    let t = &data.timeline;
    let mut object = serde_json::Map::new();
    object.insert("id".into(), json!(event.id));
    object.insert("date".into(), json!(event.date.to_string()));
    if let Some(end) = event.end {
        object.insert("end".into(), json!(end.to_string()));
    }
    object.insert("title".into(), json!(event.title));
    if let Some(summary) = &event.summary {
        object.insert("summary".into(), json!(summary));
    }
    if let Some(place) = &event.place {
        object.insert("place".into(), json!(place));
    }
    object.insert("tags".into(), json!(event.tags));
    let actors: Vec<Value> = event
        .actors
        .iter()
        .map(|p| match &p.role {
            Some(role) => json!({ "id": t.actor(p.actor).id, "role": role }),
            None => json!({ "id": t.actor(p.actor).id }),
        })
        .collect();
    object.insert("actors".into(), Value::Array(actors));
    let quotes: Vec<&str> = event.quotes.iter().map(|&q| &*t.quote(q).id).collect();
    object.insert("quotes".into(), json!(quotes));
    if let Some(certainty) = event.certainty {
        object.insert("certainty".into(), json!(certainty.as_str()));
    }
    if let Some(note) = &event.note {
        object.insert("note".into(), json!(note));
    }
    Value::Object(object)
}

/// A quote in the format's own shape, references as ids.
pub fn quote_json(data: &Indexed, quote: &Quote) -> Value {
    let t = &data.timeline;
    let mut object = serde_json::Map::new();
    object.insert("id".into(), json!(quote.id));
    object.insert("source".into(), json!(t.source(quote.source).id));
    object.insert("text".into(), json!(quote.text));
    if let Some(speaker) = quote.speaker {
        object.insert("speaker".into(), json!(t.actor(speaker).id));
    }
    if let Some(note) = &quote.note {
        object.insert("note".into(), json!(note));
    }
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_for_each_format() {
        assert_eq!(cell("a\tb\nc"), "a b c");
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(markdown("a | b\nc"), "a \\| b c");
    }
}
