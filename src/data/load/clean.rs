//! Removes control characters from every string of a freshly parsed file.
//!
//! A timeline is shown in a terminal, where an escape character in a title could
//! move the cursor, change colours or worse. So every control character other than
//! newline and tab is dropped at load, with one warning per field that had any.

use super::raw::*;
use crate::data::diagnostic::Diagnostic;

/// Cleans every string of `raw` in place; one warning per field that changed.
pub fn remove_control_characters(raw: &mut RawTimeline<'_>, warnings: &mut Vec<Diagnostic>) {
    let mut c = Cleaner { warnings };
    c.text(&mut raw.format, || "format".into());
    c.text(&mut raw.title, || "title".into());
    c.text(&mut raw.description, || "description".into());
    for (i, s) in raw.sources.iter_mut().flatten().enumerate() {
        let at = |field: &str| format!("sources[{i}].{field}");
        c.text(&mut s.id, || at("id"));
        c.text(&mut s.title, || at("title"));
        c.text(&mut s.publisher, || at("publisher"));
        c.list(&mut s.authors, |j| format!("sources[{i}].authors[{j}]"));
        c.text(&mut s.published, || at("published"));
        c.text(&mut s.url, || at("url"));
        c.text(&mut s.kind, || at("kind"));
    }
    for (i, a) in raw.actors.iter_mut().flatten().enumerate() {
        let at = |field: &str| format!("actors[{i}].{field}");
        c.text(&mut a.id, || at("id"));
        c.text(&mut a.name, || at("name"));
        c.text(&mut a.kind, || at("kind"));
        c.list(&mut a.aliases, |j| format!("actors[{i}].aliases[{j}]"));
        c.text(&mut a.description, || at("description"));
        for (j, r) in a.relations.iter_mut().flatten().enumerate() {
            let at = |field: &str| format!("actors[{i}].relations[{j}].{field}");
            c.text(&mut r.kind, || at("type"));
            c.text(&mut r.actor, || at("actor"));
            c.text(&mut r.from, || at("from"));
            c.text(&mut r.to, || at("to"));
            c.list(&mut r.quotes, |k| {
                format!("actors[{i}].relations[{j}].quotes[{k}]")
            });
        }
    }
    for (i, e) in raw.events.iter_mut().flatten().enumerate() {
        let at = |field: &str| format!("events[{i}].{field}");
        c.text(&mut e.id, || at("id"));
        c.text(&mut e.date, || at("date"));
        c.text(&mut e.end, || at("end"));
        c.text(&mut e.title, || at("title"));
        c.text(&mut e.summary, || at("summary"));
        c.text(&mut e.place, || at("place"));
        c.list(&mut e.tags, |j| format!("events[{i}].tags[{j}]"));
        for (j, p) in e.actors.iter_mut().flatten().enumerate() {
            c.text(&mut p.id, || format!("events[{i}].actors[{j}].id"));
            c.text(&mut p.role, || format!("events[{i}].actors[{j}].role"));
        }
        c.list(&mut e.quotes, |j| format!("events[{i}].quotes[{j}]"));
        c.text(&mut e.certainty, || at("certainty"));
        c.text(&mut e.note, || at("note"));
    }
    for (i, q) in raw.quotes.iter_mut().flatten().enumerate() {
        let at = |field: &str| format!("quotes[{i}].{field}");
        c.text(&mut q.id, || at("id"));
        c.text(&mut q.source, || at("source"));
        c.text(&mut q.text, || at("text"));
        c.text(&mut q.speaker, || at("speaker"));
        c.text(&mut q.note, || at("note"));
    }
    for (i, d) in raw.disputes.iter_mut().flatten().enumerate() {
        let at = |field: &str| format!("disputes[{i}].{field}");
        c.text(&mut d.id, || at("id"));
        c.text(&mut d.question, || at("question"));
        c.text(&mut d.event, || at("event"));
        for (j, claim) in d.claims.iter_mut().flatten().enumerate() {
            c.text(&mut claim.claim, || {
                format!("disputes[{i}].claims[{j}].claim")
            });
            c.list(&mut claim.quotes, |k| {
                format!("disputes[{i}].claims[{j}].quotes[{k}]")
            });
        }
    }
}

struct Cleaner<'a> {
    warnings: &'a mut Vec<Diagnostic>,
}

impl Cleaner<'_> {
    fn text(&mut self, field: &mut MaybeStr<'_>, path: impl FnOnce() -> String) {
        if let Some(mut text) = field.take() {
            self.one(&mut text, path);
            *field = text.into();
        }
    }

    fn list(&mut self, list: &mut Option<Vec<Str<'_>>>, path: impl Fn(usize) -> String) {
        for (j, text) in list.iter_mut().flatten().enumerate() {
            self.one(text, || path(j));
        }
    }

    fn one(&mut self, text: &mut Str<'_>, path: impl FnOnce() -> String) {
        // Fast path: most strings have no byte that could start a control character.
        // 0xC2 leads the two-byte encodings of U+0080..U+00BF, which hold the C1 controls.
        let suspect = text
            .bytes()
            .any(|b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f || b == 0xc2);
        if !suspect {
            return;
        }
        let removed = text.chars().filter(|&c| is_unwanted(c)).count();
        if removed == 0 {
            return;
        }
        *text = text
            .chars()
            .filter(|&c| !is_unwanted(c))
            .collect::<String>()
            .into();
        let plural = if removed == 1 { "" } else { "s" };
        self.warnings.push(Diagnostic::new(
            path(),
            format!("removed {removed} control character{plural}"),
        ));
    }
}

/// A control character that may not reach the terminal: all but newline and tab.
pub fn is_unwanted(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}
