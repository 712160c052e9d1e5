//! The actors pane: the selected event's actors with their roles, or every actor
//! by name with their number of events.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::highlighted;
use super::theme::Theme;
use super::{draw_row, left_right, pane_frame, selection};
use crate::app::{ActorsMode, App, HitField, Pane};

pub struct ActorsPane<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for ActorsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let data = &app.data;
        let theme = self.theme;
        let extra = match app.actors_mode {
            ActorsMode::OfEvent => "· this event (t: all)".to_string(),
            ActorsMode::All => format!("· all {} (t: event's)", app.actors.len()),
        };
        let inner = pane_frame(Pane::Actors, &extra, self.focused, theme, area, buf);
        if inner.is_empty() {
            return;
        }
        if app.actors.is_empty() {
            let note = match app.selected_event() {
                Some(_) => "No actors named for this event.",
                None => "No event selected.",
            };
            draw_row(buf, inner, 0, Line::styled(note, theme.dim), None);
            return;
        }
        let height = inner.height as usize;
        let offset = app.actors_pos.offset;
        let search = app.search.as_ref().filter(|s| s.pane == Pane::Actors);
        let width = inner.width as usize;
        for (y, pos) in (offset..app.actors.len()).take(height).enumerate() {
            let row = app.actors[pos];
            let actor = data.timeline.actor(row.actor);
            let hit = search.and_then(|s| s.hit_at(data, pos));
            let mut spans = match &hit {
                Some(h) if h.field == HitField::Shown => {
                    highlighted(actor.name(), &h.indices, theme.text, theme.matched)
                }
                _ => vec![Span::styled(actor.name().to_string(), theme.text)],
            };
            if let Some(h) = &hit
                && let HitField::Alias(n) = h.field
                && let Some(alias) = actor.aliases().nth(n)
            {
                spans.push(Span::styled(" ≈ ", theme.dim));
                spans.extend(highlighted(alias, &h.indices, theme.dim, theme.matched));
            }
            let right = match row.slot {
                Some(_) => app.role(row).unwrap_or("").to_string(),
                None => data.index.events_of_actor(row.actor).len().to_string(),
            };
            let line = left_right(spans, Span::styled(right, theme.dim), width);
            let style = (pos == app.actors_pos.selected).then(|| selection(theme, self.focused));
            draw_row(buf, inner, y as u16, line, style);
        }
    }
}
