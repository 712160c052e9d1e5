//! The status bar: where the focus is, the filter, the position, and key hints
//! from the keymap (or the search prompt, or a message).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::position;
use super::theme::Theme;
use crate::app::{App, Filter, Mode, View, keymap};

pub struct StatusBar<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

/// `(where, position)`: `("Events", "12/84")`.
pub fn place(app: &App) -> (String, String) {
    match &app.view {
        View::Main => {
            let pane = app.focus;
            let pos = match app.pane_pos(pane) {
                Some(p) => position(p.selected, app.pane_len(pane)),
                None => String::new(),
            };
            (pane.title().to_string(), pos)
        }
        View::Source { source, pos } => (
            format!("Source: {}", app.data.timeline.source(*source).publisher()),
            position(pos.selected, app.data.index.quotes_of_source(*source).len()),
        ),
        View::Disputes { pos } => (
            "Disputes".into(),
            position(pos.selected, app.disputes().len()),
        ),
        View::Sources { pos } => (
            "Sources".into(),
            position(pos.selected, app.data.timeline.sources().len()),
        ),
    }
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        buf.set_style(area, theme.status);
        let (here, pos) = place(app);
        let mut spans = vec![Span::styled(format!(" {here} "), theme.status_key)];
        if !pos.is_empty() {
            spans.push(Span::styled(format!(" {pos} "), theme.status));
        }
        if let Some(Filter::Actor(a)) = app.filter {
            spans.push(Span::styled(
                format!(
                    "│ filter: {} (f clears) ",
                    app.data.timeline.actor(a).name()
                ),
                theme.status_key,
            ));
        }
        spans.push(Span::styled("│ ", theme.status));
        let mode = app.mode();
        if let Some(search) = app
            .search
            .as_ref()
            // A message (such as "Match 2 of 5") goes before a kept search's summary.
            .filter(|s| s.typing || (s.pane == app.focus && app.message.is_none()))
        {
            let typing = mode == Mode::Search;
            spans.push(Span::styled(format!("/{}", search.query), theme.status_key));
            if typing {
                spans.push(Span::styled("▏", theme.status_key));
            }
            let found = match search.hits.len() {
                0 if search.query.is_empty() => String::new(),
                // A long event search's first parts: what it has found so far.
                0 if !search.complete => "  searching…".to_string(),
                n if !search.complete => format!("  {n}+ matches"),
                0 => "  no match".to_string(),
                1 => "  1 match".to_string(),
                n => format!("  {n} matches"),
            };
            spans.push(Span::styled(found, theme.status));
            let keys = if typing {
                "  Enter keep · Esc cancel"
            } else {
                "  n/N next/previous · Esc clear"
            };
            spans.push(Span::styled(keys, theme.status));
        } else if let Some(message) = &app.message {
            spans.push(Span::styled(message.clone(), theme.message));
        } else {
            for (key, word) in keymap::hints(mode) {
                spans.push(Span::styled(key, theme.status_key));
                spans.push(Span::styled(format!(" {word}  "), theme.status));
            }
        }
        let line = super::text::fit(spans, area.width as usize);
        buf.set_line(
            area.x,
            area.y,
            &Line::from(line.spans).style(theme.status),
            area.width,
        );
    }
}
