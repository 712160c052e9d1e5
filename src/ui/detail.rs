//! The detail pane: whatever is selected in the focused pane, in full.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Weak};

use crate::words::count;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::events::certainty_marker;
use super::pane_frame;
use super::quotes::attribution;
use super::text::wrap_indented;
use super::theme::Theme;
use crate::app::{App, Pane};
use crate::data::{ActorIx, EventIx, Indexed, QuoteIx};

/// Lists longer than this are cut, so a busy actor costs a bounded amount per frame.
const LIST_LIMIT: usize = 200;

pub struct DetailPane<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

/// Every line of the detail, wrapped to `width`; made once, then kept for the
/// frames that follow (see `Made`).
pub fn lines(app: &App, theme: &Theme, width: usize) -> Rc<[Line<'static>]> {
    let what = match app.detail_subject() {
        Pane::Events | Pane::Detail => app.selected_event().map(What::Event),
        Pane::Actors => app.selected_actor().map(What::Actor),
        Pane::Quotes => app.selected_quote().map(What::Quote),
    };
    let Some(what) = what else {
        let mut out = Lines {
            lines: Vec::new(),
            width,
            theme,
        };
        out.dim(match app.detail_subject() {
            Pane::Actors => "No actor selected.",
            Pane::Quotes => "No quote selected.",
            _ => "No event selected.",
        });
        return out.lines.into();
    };
    MADE.with_borrow_mut(|made| {
        let found = made.iter().find(|m| {
            m.what == what
                && m.width == width
                && m.theme == *theme
                && Weak::ptr_eq(&m.data, &Arc::downgrade(&app.data))
        });
        if let Some(m) = found {
            return Rc::clone(&m.lines);
        }
        let mut out = Lines {
            lines: Vec::new(),
            width,
            theme,
        };
        let data = &app.data;
        match what {
            What::Event(e) => event(data, e, &mut out),
            What::Actor(a) => actor(data, a, &mut out),
            What::Quote(q) => quote(data, q, &mut out),
        }
        let lines: Rc<[Line<'static>]> = out.lines.into();
        made.insert(
            0,
            Made {
                data: Arc::downgrade(&app.data),
                what,
                width,
                theme: *theme,
                lines: Rc::clone(&lines),
            },
        );
        made.truncate(KEPT);
        lines
    })
}

/// What the detail describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    Event(EventIx),
    Actor(ActorIx),
    Quote(QuoteIx),
}

/// A detail made for an earlier frame. Scrolled deep into a 1 MB quote, making
/// the detail again for each frame and each key would wrap all of it each time
/// (about 50 ms in a release build). The detail depends only on the timeline,
/// what it describes, the width and the theme, which make the key; the timeline
/// is held by a `Weak`, so a freed timeline's address is never taken for a new one.
struct Made {
    data: Weak<Indexed>,
    what: What,
    width: usize,
    theme: Theme,
    lines: Rc<[Line<'static>]>,
}

/// Two, so that switching between two subjects (or two themes, in tests) keeps both.
const KEPT: usize = 2;

thread_local! {
    static MADE: RefCell<Vec<Made>> = const { RefCell::new(Vec::new()) };
}

struct Lines<'t> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'t Theme,
}

impl Lines<'_> {
    fn push(&mut self, spans: Vec<Span<'static>>) {
        self.push_indented(spans, 0);
    }
    /// Continuation lines indented, for list items.
    fn push_indented(&mut self, spans: Vec<Span<'static>>, indent: usize) {
        self.lines.extend(wrap_indented(&spans, self.width, indent));
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
        self.lines.push(Line::default());
    }
    fn more(&mut self, total: usize) {
        if total > LIST_LIMIT {
            self.dim(format!("  … and {} more", total - LIST_LIMIT));
        }
    }
}

fn event(data: &Indexed, e: EventIx, out: &mut Lines) {
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

fn actor(data: &Indexed, a: ActorIx, out: &mut Lines) {
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

fn quote(data: &Indexed, q: QuoteIx, out: &mut Lines) {
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

impl Widget for DetailPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = self.theme;
        let about = match app.detail_subject() {
            Pane::Events | Pane::Detail => "· event",
            Pane::Actors => "· actor",
            Pane::Quotes => "· quote",
        };
        let inner = pane_frame(Pane::Detail, about, self.focused, theme, area, buf);
        if inner.is_empty() {
            return;
        }
        let lines = lines(app, theme, inner.width as usize);
        let height = inner.height as usize;
        let scroll = app.detail_scroll.min(lines.len().saturating_sub(height));
        for (y, line) in lines.iter().skip(scroll).take(height).enumerate() {
            buf.set_line(inner.x, inner.y + y as u16, line, inner.width);
        }
    }
}
