//! The screens drawn on a `TestBackend`: insta snapshots of the main screen, the
//! actor finder, the source view, the disputes view and the help at two sizes, and
//! `Buffer` checks of the styles (selection, matches, NO_COLOR).

use tlx_testkit::common;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tlx::app::{Action, App, Start};
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
fn sources_list() {
    snapshot("sources", "sj");
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
    // Bars on rows 1-2 above their year's label on row 3.
    let column = |year: &str| {
        let labels = row_text(&buf, 3, 0, buf.area.width);
        labels[..labels.find(year).unwrap()].chars().count() as u16
    };
    let bottom = 2;
    assert_eq!(
        buf[(column("2012"), bottom)].fg,
        Color::DarkGray,
        "2012: no event of the filter"
    );
    assert_eq!(
        buf[(column("2020"), bottom)].fg,
        Color::LightGreen,
        "2020: the filter's event"
    );
    assert_eq!(
        buf[(column("▲2021"), bottom)].fg,
        Color::LightYellow,
        "2021: the selected year"
    );
    let x2020 = column("2020");
    keys(&mut app, "f");
    let buf = buffer(&app);
    assert_eq!(
        buf[(x2020, bottom)].fg,
        Color::Reset,
        "no filter: plain bars"
    );
}

/// A timeline of `n` events over 19 years, each with one of 50 actors.
fn synthetic(n: usize) -> tlx::data::Indexed {
    use tlx::data::*;
    let mut b = TimelineBuilder::new();
    b.title("Synthetic");
    for i in 0..50 {
        let (id, name) = (format!("actor-{i}"), format!("Actor number {i}"));
        let actor = NewActor {
            id: &id,
            name: &name,
            kind: ActorKind::Person,
            description: None,
        };
        b.actor(actor, [], []);
    }
    for i in 0..n {
        let id = format!("event-{i}");
        let title = format!("Synthetic event number {i} of the large timeline");
        let event = NewEvent {
            id: &id,
            date: Date::day(
                2003 + (i * 19 / n) as i32,
                1 + (i % 12) as u8,
                1 + (i % 28) as u8,
            )
            .unwrap(),
            end: None,
            title: &title,
            summary: None,
            place: None,
            certainty: None,
            note: None,
        };
        let actor = (ActorIx((i % 50) as u32), Some("participant"));
        b.event(event, [], [actor], []);
    }
    Indexed::new(b.finish().unwrap())
}

/// A million events, the selection moved to the middle of the list, then down and
/// up again: the frame draws the window around it, the selected event highlighted
/// between its neighbours. (That such a frame costs about what one of a hundred
/// events costs is measured by `benches/render.rs`, not asserted here.)
#[test]
fn a_million_events_draw_the_window_around_the_selection() {
    let mut app = App::new(std::sync::Arc::new(synthetic(1_000_000)), Start::Top);
    run(&mut app, &[Action::Resize(160, 45)]);
    let middle = app.events.len(&app.data) / 2;
    app.events_pos.selected = middle;
    run(&mut app, &[Action::Down, Action::Down, Action::Up]);
    assert_eq!(app.events_pos.selected, middle + 1);
    // "Synthetic event number 12 " for the event of id "event-12" at `pos`.
    let title = |pos: usize| {
        let e = app.events.get(&app.data, pos).expect("listed");
        let id = app.data.timeline.event(e).id();
        format!("Synthetic event number {} ", &id["event-".len()..])
    };
    let buf = buffer(&app);
    let (x, y) = find_in(&buf, &title(middle + 1), EVENTS.0, EVENTS.1);
    assert_eq!(buf[(x, y)].bg, Color::Blue, "the selection");
    // The three are of one year: no heading comes between them.
    assert_eq!(find_in(&buf, &title(middle), EVENTS.0, EVENTS.1).1, y - 1);
    assert_eq!(
        find_in(&buf, &title(middle + 2), EVENTS.0, EVENTS.1).1,
        y + 1
    );
}

/// A TimelineJS file with dates before the common era and a single source.
#[test]
fn wide_dates_keep_a_space_and_counts_agree_in_number() {
    let text = include_str!("data/timelinejs/sample.json");
    let data = tlx::data::load_str(text).expect("the sample loads").data;
    let mut app = App::new(std::sync::Arc::new(data), Start::Top);
    run(&mut app, &[Action::Resize(100, 30)]);
    let screen = format!("{:?}", draw(&app).backend());
    assert!(screen.contains("15 Mar 44 BCE Market"), "{screen}");
    assert!(screen.contains("· 1 source"), "{screen}");
    assert!(!screen.contains("1 sources"), "{screen}");
}

// ---- The loading screen -----------------------------------------------------------

fn loading(
    width: u16,
    height: u16,
    phase: tlx::data::Phase,
    fraction: f64,
    seconds: u64,
) -> Terminal<TestBackend> {
    let progress = tlx::data::Snapshot { phase, fraction };
    let elapsed = std::time::Duration::from_millis(seconds * 1000 + 400);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let area = frame.area();
            ui::loading::draw(
                "Loading big.json (912 MB)",
                progress,
                elapsed,
                area,
                frame.buffer_mut(),
            );
        })
        .unwrap();
    terminal
}

#[test]
fn loading_screen() {
    let terminal = loading(80, 24, tlx::data::Phase::Parsing, 0.415, 3);
    insta::assert_snapshot!("loading_80x24", terminal.backend());
}

#[test]
fn the_loading_screen_says_the_phase_the_per_cent_and_the_seconds() {
    use tlx::data::Phase;
    let buf = loading(80, 24, Phase::Parsing, 0.415, 3)
        .backend()
        .buffer()
        .clone();
    let text = "Loading big.json (912 MB): parsing, 41% · 3 s";
    let (x, y) = find_row(&buf, text);
    assert_eq!(y, 12, "on the middle row");
    let margin = 80 - text.chars().count() as u16;
    assert!(x.abs_diff(margin / 2) <= 1, "centred: {x}");
    // The gauge under it: 48 columns, centred; its line starts one column in,
    // and its thick part is 41.5% of the 47 columns of line.
    let gauge = row_text(&buf, 13, 16, 48);
    assert_eq!(gauge, format!(" {}{}", "━".repeat(19), "─".repeat(28)));
    assert!(buf[(17, 13)].modifier.contains(Modifier::BOLD));
    assert!(!buf[(17 + 19, 13)].modifier.contains(Modifier::BOLD));
    // Before the first second, no seconds; at the end, 100% and a full gauge.
    let buf = loading(80, 24, Phase::Reading, 0.0, 0)
        .backend()
        .buffer()
        .clone();
    find_row(&buf, "Loading big.json (912 MB): reading, 0%");
    assert!(!row_text(&buf, 12, 0, 80).contains(" s"));
    let buf = loading(80, 24, Phase::Done, 1.0, 2)
        .backend()
        .buffer()
        .clone();
    find_row(&buf, "Loading big.json (912 MB): ready, 100% · 2 s");
    assert_eq!(row_text(&buf, 13, 16, 48), format!(" {}", "━".repeat(47)));
}

#[test]
fn the_loading_screen_fits_any_size() {
    use tlx::data::Phase;
    for (width, height) in [(0, 0), (1, 1), (10, 1), (20, 2), (30, 3), (200, 60)] {
        let buf = loading(width, height, Phase::Checking, 0.7, 12)
            .backend()
            .buffer()
            .clone();
        if height >= 3 {
            // The gauge is there, under the line, at most 48 columns wide.
            let gauge = row_text(&buf, height / 2 + 1, 0, width);
            let drawn = gauge.chars().filter(|c| *c == '━' || *c == '─').count();
            assert_eq!(drawn, usize::from(width.min(48)) - 1, "{width}x{height}");
        }
    }
}
