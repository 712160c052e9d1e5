//! A cited brief in Markdown: the chronology by year, each event with its actors
//! and its quotes, every quote footnoted to its source; then the disputes, then
//! the sources with their addresses. Footnote labels are source ids, so every
//! citation of one source points at the same entry.
//!
//! Text from the timeline is escaped, so a `*` or `[` in a title stays a character
//! and cannot open emphasis or a link.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::human_span;
use crate::data::formats::html::is_web_address;
use crate::data::{Dispute, EventIx, Indexed, QuoteIx, SourceIx, Timeline};

pub fn write(data: &Indexed, events: &[EventIx], out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(data, events).as_bytes())
}

/// The brief as a string.
pub fn render(data: &Indexed, events: &[EventIx]) -> String {
    let t = &data.timeline;
    let mut brief = Brief {
        t,
        md: String::new(),
        cited: Vec::new(),
    };
    brief.title();
    brief.chronology(events);
    let disputes = disputes_of(data, events);
    brief.disputes(&disputes);
    brief.sources();
    brief.md
}

/// The disputes about the chosen events, then those about no event in particular.
fn disputes_of<'a>(data: &'a Indexed, events: &[EventIx]) -> Vec<Dispute<'a>> {
    let t = &data.timeline;
    let mut list: Vec<Dispute> = events
        .iter()
        .flat_map(|&e| data.index.disputes_of_event(e))
        .map(|&d| t.dispute(d))
        .collect();
    list.extend(t.disputes().filter(|d| d.event().is_none()));
    list
}

struct Brief<'a> {
    t: &'a Timeline,
    md: String,
    /// Sources cited so far, in order of first citation.
    cited: Vec<SourceIx>,
}

impl Brief<'_> {
    fn title(&mut self) {
        let _ = writeln!(self.md, "# {}\n", inline(self.t.title()));
        if let Some(description) = self.t.description() {
            let _ = writeln!(self.md, "{}\n", paragraphs(description));
        }
    }

    fn chronology(&mut self, events: &[EventIx]) {
        if events.is_empty() {
            self.md.push_str("No events match.\n\n");
            return;
        }
        let mut year = None;
        for &ix in events {
            let e = self.t.event(ix);
            if year != Some(e.date().year) {
                year = Some(e.date().year);
                let _ = writeln!(
                    self.md,
                    "## {}\n",
                    crate::data::Date::year(e.date().year).human()
                );
            }
            self.event(ix);
        }
    }

    fn event(&mut self, ix: EventIx) {
        let t = self.t;
        let e = t.event(ix);
        let _ = writeln!(self.md, "### {} · {}\n", human_span(e), inline(e.title()));

        let mut facts = Vec::new();
        if let Some(place) = e.place() {
            facts.push(format!("*{}*", inline(place)));
        }
        if let Some(certainty) = e.certainty() {
            facts.push(format!("certainty: {certainty}"));
        }
        if e.tags().len() != 0 {
            let tags: Vec<String> = e.tags().map(inline).collect();
            facts.push(format!("tags: {}", tags.join(", ")));
        }
        facts.push(format!("`{}`", e.id()));
        let _ = writeln!(self.md, "{}\n", facts.join(" · "));

        if let Some(summary) = e.summary() {
            let _ = writeln!(self.md, "{}\n", paragraphs(summary));
        }
        if e.actors().len() != 0 {
            let actors: Vec<String> = e
                .actors()
                .map(|p| {
                    let name = inline(t.actor(p.actor).name());
                    match &p.role {
                        Some(role) => format!("{name} ({})", inline(role)),
                        None => name,
                    }
                })
                .collect();
            let _ = writeln!(self.md, "**Actors:** {}\n", actors.join("; "));
        }
        if !e.quotes().is_empty() {
            self.md.push_str("**The sources:**\n\n");
            for &q in e.quotes() {
                let cited = self.quote(q);
                let _ = writeln!(self.md, "- {cited}");
                if let Some(note) = t.quote(q).note() {
                    let _ = writeln!(self.md, "  - *Editor's note:* {}", inline(note));
                }
            }
            self.md.push('\n');
        }
        if let Some(note) = e.note() {
            let _ = writeln!(self.md, "*Editor's note:* {}\n", inline(note));
        }
    }

    /// `“text” — Speaker[^source]`, remembering the source for the list at the end.
    fn quote(&mut self, q: QuoteIx) -> String {
        let quote = self.t.quote(q);
        if !self.cited.contains(&quote.source()) {
            self.cited.push(quote.source());
        }
        let speaker = quote
            .speaker()
            .map(|a| format!(" — {}", inline(self.t.actor(a).name())))
            .unwrap_or_default();
        format!(
            "“{}”{speaker}[^{}]",
            inline(quote.text()),
            self.t.source(quote.source()).id()
        )
    }

    fn disputes(&mut self, disputes: &[Dispute<'_>]) {
        if disputes.is_empty() {
            return;
        }
        self.md.push_str("## Disputes\n\n");
        for d in disputes {
            let _ = writeln!(self.md, "### {}\n", inline(d.question()));
            if let Some(e) = d.event() {
                let e = self.t.event(e);
                let _ = writeln!(
                    self.md,
                    "About: {} · {}\n",
                    human_span(e),
                    inline(e.title())
                );
            }
            for claim in d.claims() {
                let _ = writeln!(self.md, "- **{}**", inline(claim.claim()));
                for &q in claim.quotes() {
                    let cited = self.quote(q);
                    let _ = writeln!(self.md, "  - {cited}");
                }
            }
            self.md.push('\n');
        }
    }

    /// The cited sources as a list, then as footnote definitions.
    fn sources(&mut self) {
        if self.cited.is_empty() {
            return;
        }
        self.md.push_str("## Sources\n\n");
        let entries: Vec<(String, String)> = self
            .cited
            .iter()
            .map(|&s| (self.t.source(s).id().to_string(), self.source_entry(s)))
            .collect();
        for (_, entry) in &entries {
            let _ = writeln!(self.md, "- {entry}");
        }
        self.md.push('\n');
        for (id, entry) in &entries {
            let _ = writeln!(self.md, "[^{id}]: {entry}");
        }
    }

    /// `Publisher, “Title”, Author, 14 Nov 2021. <https://…>`
    fn source_entry(&self, s: SourceIx) -> String {
        let source = self.t.source(s);
        let mut entry = format!(
            "{}, “{}”",
            inline(source.publisher()),
            inline(source.title())
        );
        if source.authors().len() != 0 {
            let authors: Vec<String> = source.authors().map(inline).collect();
            let _ = write!(entry, ", {}", authors.join(", "));
        }
        if let Some(published) = source.published() {
            let _ = write!(entry, ", {}", published.human());
        }
        entry.push('.');
        match source.url() {
            Some(url) if is_web_address(url) && !url.contains(['<', '>', ' ']) => {
                let _ = write!(entry, " <{url}>");
            }
            Some(url) => {
                let _ = write!(entry, " {}", inline(url));
            }
            None => {}
        }
        entry
    }
}

/// Text on one line with Markdown's special characters escaped.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Text whose blank lines separate paragraphs, each paragraph escaped as `inline`.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(inline)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_folds_lines() {
        assert_eq!(inline("a *b* [c](d)\n  e"), "a \\*b\\* \\[c\\](d) e");
        assert_eq!(inline("#1 <b>"), "\\#1 \\<b\\>");
        assert_eq!(paragraphs("one\ntwo\n\nthree"), "one two\n\nthree");
    }
}
