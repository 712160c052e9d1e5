//! The actor finder popup: a query line and the actors it matches, with the alias
//! that matched (`Khadimi → Mustafa al-Kadhimi`), the kind and the number of events.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::geometry::{finder_list, inner};
use super::text::highlighted;
use super::theme::Theme;
use super::{draw_row, left_right, pane_block, selection};
use crate::app::{App, Finder};

pub struct FinderPopup<'a> {
    pub app: &'a App,
    pub finder: &'a Finder,
    pub theme: &'a Theme,
}

impl Widget for FinderPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, finder, theme) = (self.app, self.finder, self.theme);
        let data = &app.data;
        Clear.render(area, buf);
        let title = Line::styled(" Find an actor ", theme.title);
        pane_block(title, true, theme).render(area, buf);
        let inside = inner(area);
        if inside.is_empty() {
            return;
        }
        let prompt = Line::from(vec![
            Span::styled("› ", theme.label),
            Span::styled(finder.query.clone(), theme.input),
            Span::styled("▏", theme.input),
        ]);
        draw_row(buf, inside, 0, prompt, None);
        let count = format!(
            "{} of {} actors · ↑↓ choose · Enter: their events · Esc: close",
            finder.total,
            data.timeline.actors().len()
        );
        draw_row(buf, inside, 1, Line::styled(count, theme.dim), None);

        let list = finder_list(area);
        if list.is_empty() {
            return;
        }
        if finder.results.is_empty() {
            let text = if finder.pending {
                "Searching…"
            } else {
                "No actor matches."
            };
            draw_row(buf, list, 0, Line::styled(text, theme.dim), None);
            return;
        }
        let height = list.height as usize;
        let width = list.width as usize;
        let offset = finder.pos.offset;
        for (y, (pos, hit)) in finder
            .results
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .enumerate()
        {
            let actor = data.timeline.actor(hit.actor);
            let mut spans = Vec::new();
            match hit.alias.and_then(|n| actor.aliases().nth(n)) {
                Some(alias) => {
                    spans.extend(highlighted(alias, &hit.indices, theme.text, theme.matched));
                    spans.push(Span::styled(" → ", theme.dim));
                    spans.push(Span::styled(actor.name().to_string(), theme.label));
                }
                None => spans.extend(highlighted(
                    actor.name(),
                    &hit.indices,
                    theme.label,
                    theme.matched,
                )),
            }
            let events = data.index.events_of_actor(hit.actor).len();
            let right = format!(
                "{} · {}",
                actor.kind().as_str(),
                crate::words::count(events, "event")
            );
            let line = left_right(spans, Span::styled(right, theme.dim), width);
            let style = (pos == finder.pos.selected).then(|| selection(theme, true));
            draw_row(buf, list, y as u16, line, style);
        }
    }
}
