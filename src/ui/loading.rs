//! The screen shown while a timeline loads: one centred line saying what is
//! being loaded, the phase and how far along, and the seconds so far; and a
//! gauge under it. Drawn from a progress snapshot, nothing else: it reads no
//! clock and no atomics, so a test draws any moment of a load.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols;
use ratatui::text::Line;
use ratatui::widgets::{LineGauge, Paragraph, Widget};

use crate::data::Snapshot;

/// The widest the gauge gets, in columns.
const GAUGE_WIDTH: u16 = 48;

/// The line: `Loading big.json (912 MB): parsing, 41%`, then ` · 3 s` once a
/// second has passed.
pub fn text(label: &str, progress: Snapshot, elapsed: Duration) -> String {
    let mut text = format!(
        "{label}: {}, {}%",
        progress.phase.name(),
        progress.percent()
    );
    let seconds = elapsed.as_secs();
    if seconds > 0 {
        text.push_str(&format!(" · {seconds} s"));
    }
    text
}

/// Draws the loading screen for `label` (e.g. `Loading big.json (912 MB)`) into
/// `area`: the line in the middle row, the gauge under it when there is room.
/// The gauge has no colour, so that it reads on any terminal and with
/// `NO_COLOR`: its done part is a thick line, the rest a thin one.
pub fn draw(label: &str, progress: Snapshot, elapsed: Duration, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let middle = area.y + area.height / 2;
    let row = Rect {
        y: middle,
        height: 1,
        ..area
    };
    Paragraph::new(text(label, progress, elapsed))
        .centered()
        .render(row, buf);
    if middle + 1 >= area.bottom() {
        return;
    }
    let width = area.width.min(GAUGE_WIDTH);
    let gauge = Rect {
        x: area.x + (area.width - width) / 2,
        y: middle + 1,
        width,
        height: 1,
    };
    LineGauge::default()
        .ratio(if progress.fraction.is_nan() {
            0.0
        } else {
            progress.fraction.clamp(0.0, 1.0)
        })
        // No label: the line above says the per cent. The gauge starts one
        // column in (after the empty label), as LineGauge draws it.
        .label(Line::default())
        .filled_symbol(symbols::line::THICK_HORIZONTAL)
        .unfilled_symbol(symbols::line::HORIZONTAL)
        .filled_style(Style::new().add_modifier(Modifier::BOLD))
        .render(gauge, buf);
}
