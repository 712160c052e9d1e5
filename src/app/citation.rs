//! A quote with its citation, as copied to the clipboard.

use crate::data::{Indexed, QuoteIx};

/// `“text” — Speaker, quoted in Publisher, “Title”, by A, B, 14 Nov 2021. URL`
pub fn citation(data: &Indexed, q: QuoteIx) -> String {
    let t = &data.timeline;
    let quote = t.quote(q);
    let source = t.source(quote.source());
    let mut cite = String::from("— ");
    if let Some(speaker) = quote.speaker() {
        cite.push_str(&format!("{}, quoted in ", t.actor(speaker).name()));
    }
    cite.push_str(&format!("{}, “{}”", source.publisher(), source.title()));
    if source.authors().len() != 0 {
        cite.push_str(&format!(
            ", by {}",
            source.authors().collect::<Vec<_>>().join(", ")
        ));
    }
    if let Some(date) = source.published() {
        cite.push_str(&format!(", {}", date.human()));
    }
    cite.push('.');
    if let Some(url) = source.url() {
        cite.push_str(&format!(" {url}"));
    }
    format!("“{}”\n{cite}", quote.text())
}
