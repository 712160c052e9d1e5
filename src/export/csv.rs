//! One row per event, for spreadsheets: RFC 4180 (CRLF line ends, a field quoted
//! when it holds a comma, a double quote, CR or LF, quotes doubled inside).
//!
//! Lists inside a cell (tags, actors, sources) are joined with `; `; actors are
//! written `id (role)` so a row can be traced back to the timeline.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::data::{EventIx, Indexed, SourceIx};

pub const HEADER: [&str; 10] = [
    "date",
    "end",
    "id",
    "title",
    "place",
    "certainty",
    "tags",
    "actors",
    "sources",
    "summary",
];

pub fn write(data: &Indexed, events: &[EventIx], out: &mut dyn Write) -> io::Result<()> {
    let t = &data.timeline;
    write_row(out, HEADER.iter().map(|h| h.to_string()))?;
    for &ix in events {
        let e = t.event(ix);
        let actors = e
            .actors()
            .map(|p| {
                let id = t.actor(p.actor).id();
                match &p.role {
                    Some(role) => format!("{id} ({role})"),
                    None => id.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        // Each source once, in the order the event first cites it.
        let mut sources: Vec<SourceIx> = Vec::new();
        for &q in e.quotes() {
            let s = t.quote(q).source();
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        let sources = sources
            .iter()
            .map(|&s| t.source(s).id())
            .collect::<Vec<_>>()
            .join("; ");
        write_row(
            out,
            [
                e.date().to_string(),
                e.end().map(|d| d.to_string()).unwrap_or_default(),
                e.id().to_string(),
                e.title().to_string(),
                e.place().unwrap_or_default().to_string(),
                e.certainty()
                    .map(|c| c.as_str())
                    .unwrap_or_default()
                    .to_string(),
                e.tags().collect::<Vec<_>>().join("; "),
                actors,
                sources,
                e.summary().unwrap_or_default().to_string(),
            ],
        )?;
    }
    Ok(())
}

fn write_row(out: &mut dyn Write, fields: impl IntoIterator<Item = String>) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(self::field(&field).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// One field, quoted only when it must be.
pub fn field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(field("plain text"), "plain text");
        assert_eq!(field("Baghdad, Iraq"), "\"Baghdad, Iraq\"");
        assert_eq!(field("the \"Green Zone\""), "\"the \"\"Green Zone\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
        assert_eq!(field(""), "");
    }
}
