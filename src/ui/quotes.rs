//! The quotes pane: the excerpts behind the selected event (or about the selected
//! actor), wrapped, each with its speaker, publisher and date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::{ITEM_LINE_LIMIT, highlighted, wrap_at_most, wrap_indented};
use super::theme::Theme;
use super::{draw_item, pane_frame, selection};
use crate::app::{App, Hit, Pane, QuoteContext, scroll_to_varying};
use crate::data::{Indexed, QuoteIx};

pub struct QuotesPane<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

/// `“text”` with matched characters highlighted.
pub fn quote_text(
    data: &Indexed,
    q: QuoteIx,
    hit: Option<&Hit>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let quote = data.timeline.quote(q);
    // The opening mark shifts every character by one.
    let indices: Vec<usize> = hit
        .map(|h| h.indices.iter().map(|i| i + 1).collect())
        .unwrap_or_default();
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

/// The lines of one quote in the pane (its text, its attribution, a blank line).
pub fn item_lines(
    data: &Indexed,
    q: QuoteIx,
    hit: Option<&Hit>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = wrap_at_most(&quote_text(data, q, hit, theme), width, 1, ITEM_LINE_LIMIT);
    let by = [Span::styled(
        format!("  {}", attribution(data, q)),
        theme.dim,
    )];
    lines.extend(wrap_indented(&by, width, 4));
    lines.push(Line::default());
    lines
}

pub fn item_height(data: &Indexed, q: QuoteIx, width: usize) -> usize {
    item_lines(data, q, None, width, &Theme::new(false)).len()
}

impl Widget for QuotesPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let data = &app.data;
        let theme = self.theme;
        let whose = match app.quote_context {
            QuoteContext::Event => "· of the event",
            QuoteContext::Actor => "· about the actor",
        };
        let inner = pane_frame(Pane::Quotes, whose, self.focused, theme, area, buf);
        if inner.is_empty() {
            return;
        }
        if app.quotes.is_empty() {
            buf.set_stringn(
                inner.x,
                inner.y,
                "No quotes.",
                inner.width as usize,
                theme.dim,
            );
            return;
        }
        let width = inner.width as usize;
        let height = inner.height as usize;
        let offset = scroll_to_varying(
            app.quotes_pos.offset,
            app.quotes_pos.selected,
            height,
            app.quotes.len(),
            |i| {
                app.quotes
                    .get(i)
                    .map_or(1, |&q| item_height(data, q, width))
            },
        );
        let search = app.search.as_ref().filter(|s| s.pane == Pane::Quotes);
        let mut y = 0usize;
        for pos in offset..app.quotes.len() {
            if y >= height {
                break;
            }
            let q = app.quotes[pos];
            let hit = search.and_then(|s| s.hit_at(data, pos));
            let lines = item_lines(data, q, hit.as_ref(), width, theme);
            let style = (pos == app.quotes_pos.selected).then(|| selection(theme, self.focused));
            draw_item(buf, inner, &mut y, lines, style);
        }
    }
}
