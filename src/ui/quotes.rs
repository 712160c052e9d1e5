//! The quotes pane: the excerpts behind the selected event (or about the selected
//! actor), wrapped (`content::items`), each with its speaker, publisher and date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::content::items::quote_lines;
use super::theme::Theme;
use super::{draw_item, pane_frame, selection};
use crate::app::{App, Pane, QuoteContext};

pub struct QuotesPane<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
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
        let search = app.search.as_ref().filter(|s| s.pane == Pane::Quotes);
        let mut y = 0usize;
        for pos in app.quotes_pos.offset..app.quotes.len() {
            if y >= height {
                break;
            }
            let q = app.quotes[pos];
            let hit = search.and_then(|s| s.hit_at(data, pos));
            let matched = hit.as_ref().map_or(&[][..], |h| &h.indices);
            let lines = quote_lines(data, q, matched, width, theme);
            let style = (pos == app.quotes_pos.selected).then(|| selection(theme, self.focused));
            draw_item(buf, inner, &mut y, lines, style);
        }
    }
}
