//! What the help says: each section of the keymap, then the markers and the
//! mouse, wrapped to a width.

use ratatui::text::{Line, Span};

use crate::ui::text::wrap_indented;
use crate::ui::theme::Theme;

/// A section of the keymap: its title and `(keys, what they do)` rows, as
/// `app::keymap::help_sections` gives them.
pub type Section = (&'static str, Vec<(String, &'static str)>);

/// Width of the keys column.
const KEYS_WIDTH: usize = 20;

/// The help's lines, wrapped to `width`.
pub fn lines(sections: &[Section], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (title, rows) in sections {
        out.push(Line::styled(*title, theme.heading));
        for (keys, help) in rows {
            let row = [
                Span::styled(format!("  {keys:<KEYS_WIDTH$}"), theme.label),
                Span::styled(*help, theme.text),
            ];
            out.extend(wrap_indented(&row, width, KEYS_WIDTH + 2));
        }
        out.push(Line::default());
    }
    out.push(Line::styled("Markers", theme.heading));
    out.push(Line::from(vec![
        Span::styled("  ≠", theme.disputed),
        Span::styled("  disputed: the sources disagree (d)", theme.text),
    ]));
    out.push(Line::from(vec![
        Span::styled("  ?", theme.alleged),
        Span::styled("  alleged: an accusation or inference", theme.text),
    ]));
    out.push(Line::default());
    out.push(Line::styled("Mouse", theme.heading));
    out.push(Line::styled(
        "  a click selects and focuses, the wheel scrolls",
        theme.text,
    ));
    out
}
