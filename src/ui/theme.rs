//! Styles. Two themes: colours, and modifiers only (bold, reverse, underline, dim) for
//! `NO_COLOR`, which must stay readable with no colour at all.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use crate::data::Certainty;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub border: Style,
    pub border_focused: Style,
    /// The selected row in the focused pane.
    pub selected: Style,
    /// The selected row in a pane without focus.
    pub selected_unfocused: Style,
    /// Matched characters of a search.
    pub matched: Style,
    pub disputed: Style,
    pub alleged: Style,
    pub label: Style,
    pub link: Style,
    pub quote: Style,
    pub status: Style,
    pub status_key: Style,
    pub message: Style,
    pub bar: Style,
    pub bar_filtered: Style,
    pub bar_selected: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub input: Style,
}

impl Theme {
    pub fn new(colors: bool) -> Theme {
        if colors {
            Self::colored()
        } else {
            Self::plain()
        }
    }

    fn colored() -> Theme {
        let base = Style::new();
        Theme {
            text: base,
            dim: base.fg(Color::DarkGray),
            title: base.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: base.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            border: base.fg(Color::DarkGray),
            border_focused: base.fg(Color::Cyan),
            selected: base
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: base.bg(Color::DarkGray).fg(Color::White),
            matched: base
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            disputed: base.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            alleged: base.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            label: base.fg(Color::Gray).add_modifier(Modifier::BOLD),
            link: base.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            quote: base.fg(Color::White).add_modifier(Modifier::ITALIC),
            status: base.bg(Color::Black).fg(Color::Gray),
            status_key: base
                .bg(Color::Black)
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            message: base
                .bg(Color::Black)
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            bar: base.fg(Color::DarkGray),
            bar_filtered: base.fg(Color::LightGreen),
            bar_selected: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            tab: base.fg(Color::Gray),
            tab_active: base
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            input: base.fg(Color::LightYellow),
        }
    }

    fn plain() -> Theme {
        let base = Style::new();
        let bold = base.add_modifier(Modifier::BOLD);
        Theme {
            text: base,
            dim: base.add_modifier(Modifier::DIM),
            title: bold,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            border: base,
            border_focused: bold,
            selected: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: base.add_modifier(Modifier::REVERSED),
            matched: bold.add_modifier(Modifier::UNDERLINED),
            disputed: bold,
            alleged: bold,
            label: bold,
            link: base.add_modifier(Modifier::UNDERLINED),
            quote: base.add_modifier(Modifier::ITALIC),
            status: base.add_modifier(Modifier::REVERSED),
            status_key: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            message: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            bar: base.add_modifier(Modifier::DIM),
            bar_filtered: bold,
            bar_selected: bold.add_modifier(Modifier::UNDERLINED),
            tab: base,
            tab_active: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            input: bold,
        }
    }
}

/// A marker for how sure the sources are: `≠` disputed, `?` alleged.
pub fn certainty_marker(certainty: Option<Certainty>, theme: &Theme) -> Span<'static> {
    match certainty {
        Some(Certainty::Disputed) => Span::styled("≠", theme.disputed),
        Some(Certainty::Alleged) => Span::styled("?", theme.alleged),
        _ => Span::raw(" "),
    }
}
