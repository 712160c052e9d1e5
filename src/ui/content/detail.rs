//! What the detail pane says about the selected event, actor or quote, in full:
//! paragraphs that each wrap on their own, so that a frame wraps only those it
//! shows and skips the others by their heights.

use ratatui::text::{Line, Span};

use super::items::attribution;
use crate::data::{ActorIx, EventIx, Indexed, QuoteIx};
use crate::ui::text::{Measured, measure, wrap_window_measured};
use crate::ui::theme::{Theme, certainty_marker};
use crate::words::count;

/// Lists longer than this are cut, so a busy actor costs a bounded amount per frame.
const LIST_LIMIT: usize = 200;

/// What the detail describes: the selection of the pane it follows, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Event(Option<EventIx>),
    Actor(Option<ActorIx>),
    Quote(Option<QuoteIx>),
}

/// A paragraph of the detail: styled text wrapped on its own, its continuation
/// lines indented, or a blank line.
pub struct Paragraph {
    spans: Vec<Span<'static>>,
    indent: usize,
    blank: bool,
}

impl Paragraph {
    /// The rows it takes, `width` columns wide, and where some of them start.
    pub fn measure(&self, width: usize) -> Measured {
        if self.blank {
            Measured::rows(1)
        } else {
            measure(&self.spans, width, self.indent)
        }
    }

    /// Its rows after the first `skip`, at most `take` of them, and how many it
    /// skipped (fewer than `skip` when it has fewer rows). `measured`, its
    /// `measure` at this width if known, spares wrapping the rows skipped.
    pub fn window(
        &self,
        width: usize,
        measured: Option<&Measured>,
        skip: usize,
        take: usize,
    ) -> (usize, Vec<Line<'static>>) {
        if self.blank {
            return match skip {
                0 => (0, vec![Line::default()]),
                _ => (1, Vec::new()),
            };
        }
        wrap_window_measured(&self.spans, width, self.indent, measured, skip, take)
    }
}

/// Every paragraph of the detail of `subject`.
pub fn paragraphs(data: &Indexed, subject: Subject, theme: &Theme) -> Vec<Paragraph> {
    let mut out = Paragraphs {
        paragraphs: Vec::new(),
        theme,
    };
    match subject {
        Subject::Event(Some(e)) => event(data, e, &mut out),
        Subject::Actor(Some(a)) => actor(data, a, &mut out),
        Subject::Quote(Some(q)) => quote(data, q, &mut out),
        Subject::Event(None) => out.dim("No event selected."),
        Subject::Actor(None) => out.dim("No actor selected."),
        Subject::Quote(None) => out.dim("No quote selected."),
    }
    out.paragraphs
}

/// Every line of the detail, wrapped to `width`.
pub fn lines(data: &Indexed, subject: Subject, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    paragraphs(data, subject, theme)
        .iter()
        .flat_map(|p| p.window(width, None, 0, usize::MAX).1)
        .collect()
}

struct Paragraphs<'t> {
    paragraphs: Vec<Paragraph>,
    theme: &'t Theme,
}

impl Paragraphs<'_> {
    fn push(&mut self, spans: Vec<Span<'static>>) {
        self.push_indented(spans, 0);
    }
    /// Continuation lines indented, for list items.
    fn push_indented(&mut self, spans: Vec<Span<'static>>, indent: usize) {
        self.paragraphs.push(Paragraph {
            spans,
            indent,
            blank: false,
        });
    }
    fn text(&mut self, text: impl Into<String>) {
        self.push(vec![Span::styled(text.into(), self.theme.text)]);
    }
    fn dim(&mut self, text: impl Into<String>) {
        self.push(vec![Span::styled(text.into(), self.theme.dim)]);
    }
    fn field(&mut self, label: &str, value: impl Into<String>) {
        self.push(vec![
            Span::styled(format!("{label}: "), self.theme.label),
            Span::styled(value.into(), self.theme.text),
        ]);
    }
    fn heading(&mut self, text: impl Into<String>) {
        self.blank();
        self.push(vec![Span::styled(text.into(), self.theme.heading)]);
    }
    fn blank(&mut self) {
        self.paragraphs.push(Paragraph {
            spans: Vec::new(),
            indent: 0,
            blank: true,
        });
    }
    fn more(&mut self, total: usize) {
        if total > LIST_LIMIT {
            self.dim(format!("  … and {} more", total - LIST_LIMIT));
        }
    }
}

fn event(data: &Indexed, e: EventIx, out: &mut Paragraphs) {
    let t = &data.timeline;
    let event = t.event(e);
    out.push(vec![Span::styled(
        event.title().to_string(),
        out.theme.title,
    )]);
    let mut when = event.date().human();
    if let Some(end) = event.end() {
        when = format!("{when} – {}", end.human());
    }
    out.field("Date", when);
    if let Some(place) = event.place() {
        out.field("Place", place.to_string());
    }
    if let Some(certainty) = event.certainty() {
        let mut spans = vec![Span::styled("Certainty: ", out.theme.label)];
        let marker = certainty_marker(Some(certainty), out.theme);
        if marker.content != " " {
            spans.push(marker);
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(certainty.as_str(), out.theme.text));
        out.push(spans);
    }
    if event.tags().len() != 0 {
        out.field("Tags", event.tags().collect::<Vec<_>>().join(", "));
    }
    if let Some(summary) = event.summary() {
        out.blank();
        out.text(summary.to_string());
    }
    if event.actors().len() != 0 {
        out.heading("Actors");
        for p in event.actors().take(LIST_LIMIT) {
            let mut spans = vec![Span::styled(
                format!("  {}", t.actor(p.actor).name()),
                out.theme.text,
            )];
            if let Some(role) = &p.role {
                spans.push(Span::styled(format!(" — {role}"), out.theme.dim));
            }
            out.push_indented(spans, 4);
        }
        out.more(event.actors().len());
    }
    let disputes = data.index.disputes_of_event(e);
    if !disputes.is_empty() {
        out.heading("Disputed (d)");
        for &d in disputes {
            let dispute = t.dispute(d);
            out.push_indented(
                vec![
                    Span::styled("  ≠ ", out.theme.disputed),
                    Span::styled(dispute.question().to_string(), out.theme.text),
                ],
                4,
            );
            let claims: Vec<String> = dispute
                .claims()
                .map(|c| format!("{} ({})", c.claim(), count(c.quotes().len(), "quote")))
                .collect();
            out.push_indented(
                vec![Span::styled(
                    format!("    {}", claims.join(" · ")),
                    out.theme.dim,
                )],
                4,
            );
        }
    }
    if let Some(note) = event.note() {
        out.heading("Editor's note");
        out.text(note.to_string());
    }
    out.blank();
    out.dim(format!(
        "{} · Enter: its quotes",
        count(event.quotes().len(), "quote")
    ));
    out.dim(format!("id {}", event.id()));
}

fn actor(data: &Indexed, a: ActorIx, out: &mut Paragraphs) {
    let t = &data.timeline;
    let actor = t.actor(a);
    out.push(vec![Span::styled(
        actor.name().to_string(),
        out.theme.title,
    )]);
    out.field("Kind", actor.kind().as_str());
    if actor.aliases().len() != 0 {
        out.field("Also", actor.aliases().collect::<Vec<_>>().join(", "));
    }
    if let Some(description) = actor.description() {
        out.blank();
        out.text(description.to_string());
    }
    let incoming = data.index.relations_to(a);
    if actor.relations().len() != 0 || !incoming.is_empty() {
        out.heading("Relations");
        for r in actor.relations() {
            out.text(format!(
                "  {} {}{}",
                r.kind().label(),
                t.actor(r.actor()).name(),
                span_of(r.from(), r.to())
            ));
        }
        for &r in incoming {
            let rel = data.relation(r);
            out.text(format!(
                "  {} {}{}",
                rel.kind().inverse_label(),
                t.actor(r.subject).name(),
                span_of(rel.from(), rel.to())
            ));
        }
    }
    let events = data.index.events_of_actor(a);
    out.heading(format!("Events ({}) · Enter: filter to them", events.len()));
    for &ae in events.iter().take(LIST_LIMIT) {
        let event = t.event(ae.event);
        let mut spans = vec![
            Span::styled(format!("  {:<11} ", event.date().human()), out.theme.dim),
            Span::styled(event.title().to_string(), out.theme.text),
        ];
        if let Some(role) = data.role(ae) {
            spans.push(Span::styled(format!(" — {role}"), out.theme.dim));
        }
        out.push_indented(spans, 14);
    }
    out.more(events.len());
    let spoken = data.index.quotes_by_speaker(a);
    if !spoken.is_empty() {
        out.heading(format!("Quoted ({})", spoken.len()));
        for &q in spoken.iter().take(LIST_LIMIT) {
            out.push_indented(
                vec![
                    Span::styled(format!("  “{}”", t.quote(q).text()), out.theme.quote),
                    Span::styled(format!(" {}", attribution(data, q)), out.theme.dim),
                ],
                3,
            );
        }
        out.more(spoken.len());
    }
    out.blank();
    out.dim(format!("id {}", actor.id()));
}

fn quote(data: &Indexed, q: QuoteIx, out: &mut Paragraphs) {
    let t = &data.timeline;
    let quote = t.quote(q);
    out.push(vec![Span::styled(
        format!("“{}”", quote.text()),
        out.theme.quote,
    )]);
    out.blank();
    if let Some(speaker) = quote.speaker() {
        out.field("Speaker", t.actor(speaker).name().to_string());
    }
    let source = t.source(quote.source());
    out.field("Source", source.title().to_string());
    out.field("Publisher", source.publisher().to_string());
    if source.authors().len() != 0 {
        out.field("By", source.authors().collect::<Vec<_>>().join(", "));
    }
    if let Some(date) = source.published() {
        out.field("Published", date.human());
    }
    if let Some(kind) = source.kind() {
        out.field("Kind", kind.as_str());
    }
    match source.url() {
        Some(url) => out.push(vec![
            Span::styled("URL: ", out.theme.label),
            Span::styled(url.to_string(), out.theme.link),
        ]),
        None => out.field("URL", "not known"),
    }
    let events = data.index.events_of_quote(q);
    if !events.is_empty() {
        out.heading("Supports");
        for &e in events.iter().take(LIST_LIMIT) {
            let event = t.event(e);
            out.push_indented(
                vec![
                    Span::styled(format!("  {:<11} ", event.date().human()), out.theme.dim),
                    Span::styled(event.title().to_string(), out.theme.text),
                ],
                14,
            );
        }
        out.more(events.len());
    }
    let disputes = data.index.disputes_of_quote(q);
    if !disputes.is_empty() {
        out.heading("Cited in disputes");
        for &d in disputes {
            let dispute = t.dispute(d);
            let claims: Vec<&str> = dispute
                .claims()
                .filter(|c| c.quotes().contains(&q))
                .map(|c| c.claim())
                .collect();
            out.push_indented(
                vec![
                    Span::styled("  ≠ ", out.theme.disputed),
                    Span::styled(dispute.question().to_string(), out.theme.text),
                    Span::styled(format!(" → {}", claims.join(", ")), out.theme.dim),
                ],
                4,
            );
        }
    }
    if let Some(note) = quote.note() {
        out.heading("Editor's note");
        out.text(note.to_string());
    }
    out.blank();
    out.dim("Enter: the source · y: copy");
    out.dim(format!("id {}", quote.id()));
}

fn span_of(from: Option<crate::data::Date>, to: Option<crate::data::Date>) -> String {
    match (from, to) {
        (None, None) => String::new(),
        (Some(f), None) => format!(" (since {})", f.human()),
        (None, Some(t)) => format!(" (until {})", t.human()),
        (Some(f), Some(t)) => format!(" ({} – {})", f.human(), t.human()),
    }
}
