//! The detail pane: whatever is selected in the focused pane, in full
//! (`content::detail`), scrolled by rows. Only the paragraphs in view are wrapped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::content::detail::{Subject, paragraphs};
use super::geometry::Pane;
use super::pane_frame;
use super::text::Measured;
use super::theme::Theme;
use crate::data::Indexed;

/// The detail pane, scrolled `scroll` rows down. `heights`, when given, measure
/// each paragraph at this width (`geometry::detail_heights`): the paragraphs
/// above the scroll are then skipped without wrapping them, and a long one is
/// wrapped from near the first row shown.
pub struct DetailPane<'a> {
    pub data: &'a Indexed,
    pub subject: Subject,
    pub scroll: usize,
    pub heights: Option<&'a [Measured]>,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for DetailPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let about = match self.subject {
            Subject::Event(_) => "· event",
            Subject::Actor(_) => "· actor",
            Subject::Quote(_) => "· quote",
        };
        let inner = pane_frame(Pane::Detail, about, self.focused, theme, area, buf);
        if inner.is_empty() {
            return;
        }
        let (width, height) = (inner.width as usize, inner.height as usize);
        let paragraphs = paragraphs(self.data, self.subject, theme);
        let heights = self.heights.filter(|h| h.len() == paragraphs.len());
        let mut skip = match heights {
            // Never past the last screenful (`update` keeps it so; this is for a
            // frame drawn at another size than the app's).
            Some(h) => {
                let rows: usize = h.iter().map(|m| m.rows).sum();
                self.scroll.min(rows.saturating_sub(height))
            }
            None => self.scroll,
        };
        let mut y = 0;
        for (n, paragraph) in paragraphs.iter().enumerate() {
            if y >= height {
                break;
            }
            let measured = heights.and_then(|h| h.get(n));
            if let Some(m) = measured
                && m.rows <= skip
            {
                skip -= m.rows;
                continue;
            }
            let (skipped, lines) = paragraph.window(width, measured, skip, height - y);
            skip -= skipped;
            for line in lines {
                buf.set_line(inner.x, inner.y + y as u16, &line, inner.width);
                y += 1;
            }
        }
    }
}
