//! The screens drawn on a `TestBackend`: insta snapshots of the main screen, the
//! actor finder, the source view, the disputes view and the help at two sizes, and
//! `Buffer` checks of the styles (selection, matches, NO_COLOR).

mod common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tlx::app::App;
use tlx::ui;

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal
}

fn buffer(app: &App) -> Buffer {
    draw(app).backend().buffer().clone()
}

/// The screen after `keys` at each snapshot size.
fn snapshot(name: &str, keys_to_press: &str) {
    for (width, height) in [(160, 45), (80, 24)] {
        let mut app = app_sized(width, height);
        keys(&mut app, keys_to_press);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), draw(&app).backend());
    }
}

#[test]
fn main_screen() {
    snapshot("main", "");
}

#[test]
fn main_screen_on_the_disputed_event() {
    snapshot("main_disputed_event", "G k");
}

#[test]
fn actor_finder_with_a_query() {
    snapshot("finder", "akhadiri");
}

#[test]
fn source_view() {
    snapshot("source_view", "Gk<Enter>j<Enter>");
}

#[test]
fn disputes_view() {
    snapshot("disputes", "Gkd");
}

#[test]
fn help() {
    snapshot("help", "?");
}

#[test]
fn filtered_events_and_the_strip() {
    snapshot("filtered", "akhadiri<Enter>");
}

#[test]
fn search_in_progress() {
    snapshot("search", "/drone");
}

#[test]
fn tabs_on_a_narrow_terminal() {
    for keys_to_press in ["", "2", "3"] {
        let mut app = app_sized(70, 22);
        keys(&mut app, keys_to_press);
        insta::assert_snapshot!(format!("tabs_{keys_to_press}_70x22"), draw(&app).backend());
    }
}

#[test]
fn too_small() {
    let app = app_sized(39, 11);
    insta::assert_snapshot!("too_small_39x11", draw(&app).backend());
}

/// Cells of row `y` from `x` on, as text.
fn row_text(buf: &Buffer, y: u16, x: u16, width: u16) -> String {
    (x..x + width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Where `text` is first drawn, top to bottom.
fn find_row(buf: &Buffer, text: &str) -> (u16, u16) {
    find_in(buf, text, 0, buf.area.width)
}

/// Where `text` is first drawn between columns `from` and `to`.
fn find_in(buf: &Buffer, text: &str, from: u16, to: u16) -> (u16, u16) {
    for y in 0..buf.area.height {
        let line = row_text(buf, y, from, to - from);
        if let Some(byte) = line.find(text) {
            let x = from + line[..byte].chars().count() as u16;
            return (x, y);
        }
    }
    panic!("{text:?} is not on the screen");
}

/// Columns of the events pane at 160 columns.
const EVENTS: (u16, u16) = (0, 60);

#[test]
fn the_selected_event_is_highlighted_and_others_are_not() {
    let mut app = app();
    keys(&mut app, "jj");
    let buf = buffer(&app);
    let (x, y) = find_in(&buf, "Protests across the province", EVENTS.0, EVENTS.1);
    assert_eq!(buf[(x, y)].bg, Color::Blue, "the focused selection");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find_row(&buf, "A quiet year on the coast");
    assert_eq!(buf[(x, y)].bg, Color::Reset, "an unselected row");
    // The actors pane is not focused: its selection is drawn, but dimmer.
    let (x, y) = find_row(&buf, "Saltmarsh Government");
    assert_eq!(buf[(x, y)].bg, Color::DarkGray);
}

#[test]
fn the_selection_follows_the_focus() {
    let mut app = app();
    keys(&mut app, "2");
    let buf = buffer(&app);
    let (x, y) = find_row(&buf, "Reed Brigades  ");
    assert_eq!(buf[(x, y)].bg, Color::Blue);
    let (x, y) = find_in(&buf, "Reed Brigades founded", EVENTS.0, EVENTS.1);
    assert_eq!(buf[(x, y)].bg, Color::DarkGray);
}

#[test]
fn matched_characters_are_highlighted() {
    let mut app = app();
    keys(&mut app, "akhadiri");
    let buf = buffer(&app);
    let (x, y) = find_row(&buf, "Khadiri → Yusuf al-Qadiri");
    for dx in 0..7 {
        assert!(
            buf[(x + dx, y)].modifier.contains(Modifier::UNDERLINED),
            "char {dx} of Khadiri"
        );
    }
    assert!(!buf[(x + 10, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn no_color_draws_with_modifiers_only() {
    for keys_to_press in [
        "",
        "jj2",
        "akhadiri",
        "Gkd",
        "Gk<Enter><Enter>",
        "?",
        "/drone",
    ] {
        let mut app = app();
        app.colors = false;
        keys(&mut app, keys_to_press);
        let buf = buffer(&app);
        for cell in buf.content() {
            assert_eq!(
                cell.fg,
                Color::Reset,
                "{keys_to_press:?}: a foreground colour"
            );
            assert_eq!(
                cell.bg,
                Color::Reset,
                "{keys_to_press:?}: a background colour"
            );
        }
    }
    let mut app = app();
    app.colors = false;
    keys(&mut app, "jj");
    let buf = buffer(&app);
    let (x, y) = find_in(&buf, "Protests across the province", EVENTS.0, EVENTS.1);
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "the selection is reversed"
    );
    let (x, y) = find_row(&buf, "A quiet year on the coast");
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_strip_marks_the_selected_year() {
    let mut app = app();
    keys(&mut app, "jj");
    let buf = buffer(&app);
    let (x, y) = find_row(&buf, "▲2019");
    assert!(y < 4, "in the header");
    assert_eq!(buf[(x + 1, y)].fg, Color::LightYellow);
}

#[test]
fn every_size_draws_without_panicking() {
    for width in [1, 2, 10, 39, 40, 41, 79, 80, 119, 120, 200] {
        for height in [1, 2, 5, 11, 12, 13, 24, 60] {
            for keys_to_press in ["", "a", "?", "d", "s", "Gk<Enter><Enter>", "/x", "4"] {
                let mut app = app_sized(width, height);
                keys(&mut app, keys_to_press);
                draw(&app);
            }
        }
    }
}

#[test]
fn the_strip_draws_the_filtered_events_apart() {
    let mut app = app();
    keys(&mut app, "akhadiri<Enter>j");
    let buf = buffer(&app);
    // Bars sit on rows 1-2; columns of 8 from x = 1: 2012 at 1, 2020 at 65, 2021 at 73.
    let bottom = 2;
    assert_eq!(
        buf[(1, bottom)].fg,
        Color::DarkGray,
        "2012: no event of the filter"
    );
    assert_eq!(
        buf[(65, bottom)].fg,
        Color::LightGreen,
        "2020: the filter's event"
    );
    assert_eq!(
        buf[(73, bottom)].fg,
        Color::LightYellow,
        "2021: the selected year"
    );
    keys(&mut app, "f");
    let buf = buffer(&app);
    assert_eq!(buf[(65, bottom)].fg, Color::Reset, "no filter: plain bars");
}
