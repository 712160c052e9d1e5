//! The list items whose height depends on the width: a quote in the quotes pane
//! and an excerpt in the source view. The panes draw these lines, and
//! `geometry` counts them, so a list scrolls by exactly what it draws.

use ratatui::text::{Line, Span};

use crate::data::{Indexed, QuoteIx};
use crate::ui::text::{ITEM_LINE_LIMIT, highlighted, wrap_at_most, wrap_indented};
use crate::ui::theme::Theme;

/// `“text”` with the matched characters (char indices into the text) highlighted.
pub fn quote_text(
    data: &Indexed,
    q: QuoteIx,
    matched: &[usize],
    theme: &Theme,
) -> Vec<Span<'static>> {
    let quote = data.timeline.quote(q);
    // The opening mark shifts every character by one.
    let indices: Vec<usize> = matched.iter().map(|i| i + 1).collect();
    let text = format!("“{}”", quote.text());
    highlighted(&text, &indices, theme.quote, theme.matched)
}

/// `— Speaker · Publisher · 14 Nov 2021`.
pub fn attribution(data: &Indexed, q: QuoteIx) -> String {
    let t = &data.timeline;
    let quote = t.quote(q);
    let source = t.source(quote.source());
    let mut parts = Vec::new();
    if let Some(speaker) = quote.speaker() {
        parts.push(t.actor(speaker).name().to_string());
    }
    parts.push(source.publisher().to_string());
    if let Some(date) = source.published() {
        parts.push(date.human());
    }
    format!("— {}", parts.join(" · "))
}

/// The lines of one quote in the quotes pane (its text, its attribution, a blank line).
pub fn quote_lines(
    data: &Indexed,
    q: QuoteIx,
    matched: &[usize],
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let text = quote_text(data, q, matched, theme);
    let mut lines = wrap_at_most(&text, width, 1, ITEM_LINE_LIMIT);
    let by = [Span::styled(
        format!("  {}", attribution(data, q)),
        theme.dim,
    )];
    lines.extend(wrap_indented(&by, width, 4));
    lines.push(Line::default());
    lines
}

/// The lines of excerpt `n` of a source: number and text, then whom it quotes and
/// what it supports.
pub fn excerpt_lines(
    data: &Indexed,
    n: usize,
    q: QuoteIx,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let t = &data.timeline;
    let quote = t.quote(q);
    let mut lines = wrap_at_most(
        &[
            Span::styled(format!("{:>3}. ", n + 1), theme.label),
            Span::styled(format!("“{}”", quote.text()), theme.quote),
        ],
        width,
        6,
        ITEM_LINE_LIMIT,
    );
    let mut about = Vec::new();
    if let Some(speaker) = quote.speaker() {
        about.push(Span::styled(
            format!("     — {}", t.actor(speaker).name()),
            theme.dim,
        ));
    }
    let events = data.index.events_of_quote(q);
    if let Some(&first) = events.first() {
        let event = t.event(first);
        let more = if events.len() > 1 {
            format!(" (+{} more)", events.len() - 1)
        } else {
            String::new()
        };
        about.push(Span::styled(
            format!("     → {} {}{more}", event.date().human(), event.title()),
            theme.dim,
        ));
    } else {
        about.push(Span::styled("     → supports no event", theme.dim));
    }
    for span in about {
        lines.extend(wrap_indented(&[span], width, 7));
    }
    lines.push(Line::default());
    lines
}
