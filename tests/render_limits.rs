//! The explorer's screens under hostile sizes and data, drawn on a `TestBackend`:
//! every view at sizes from 1x1 to 500x200, an event with 10,000 actors and a
//! 1 MB quote scrolled to their ends, wide and combining text at a narrow width
//! (snapshots), and no control character from the data in any drawn cell.
//! These assert what is drawn, never how fast: speed is for benchmarks.

use tlx_testkit::common;

use std::sync::Arc;

use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tlx::app::{Action, App, Start};
use tlx::data::load_str;
use tlx::ui;

fn buffer(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row.
fn screen(buffer: &Buffer) -> String {
    let width = buffer.area.width as usize;
    let symbols: Vec<&str> = buffer.content().iter().map(|c| c.symbol()).collect();
    symbols
        .chunks(width.max(1))
        .map(|row| row.concat())
        .collect::<Vec<_>>()
        .join("\n")
}

fn app_on(json: &str, width: u16, height: u16) -> App {
    let data = Arc::new(load_str(json).expect("loads").data);
    let mut app = App::new(data, Start::Top);
    run(&mut app, &[Action::Resize(width, height)]);
    app
}

/// Keys that reach each view and popup: main, help, finder, search, disputes,
/// sources, the source view, and the detail pane.
const VIEWS: &[&str] = &["", "?", "akh", "/re", "d", "s", "3<Enter>", "4"];

#[test]
fn every_view_at_sizes_from_1x1_to_500x200() {
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    // Every small size, where layouts give up and reappear.
    for width in 1..=42 {
        for height in 1..=14 {
            sizes.push((width, height));
        }
    }
    // The edges of the layout's steps, up to 500x200.
    let widths = [
        1, 2, 3, 39, 40, 41, 79, 80, 81, 119, 120, 121, 255, 256, 499, 500,
    ];
    let heights = [1, 2, 3, 11, 12, 13, 23, 24, 25, 50, 100, 199, 200];
    for &width in &widths {
        for &height in &heights {
            sizes.push((width, height));
        }
    }
    for keys_to_press in VIEWS {
        for &(width, height) in &sizes {
            let mut app = app_sized(width, height);
            keys(&mut app, keys_to_press);
            buffer(&app);
            // Then the far end of the list, drawn again.
            keys(&mut app, "G");
            buffer(&app);
        }
    }
}

/// A timeline whose one event has 10,000 actors and cites a 1 MB quote.
fn huge_event() -> String {
    let actors: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"id": "a{i:05}", "name": "Actor {i:05}", "kind": "person"}}"#))
        .collect();
    let participants: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"id": "a{i:05}", "role": "role {i:05}"}}"#))
        .collect();
    // Numbered words, to know which part of the quote is on screen.
    let words: Vec<String> = (0..150_000).map(|i| format!("w{i:06}")).collect();
    let quote = words.join(" ");
    assert!(quote.len() > 1 << 20);
    format!(
        r#"{{"format": "tlx/1", "title": "Huge",
            "sources": [{{"id": "s", "title": "Source", "publisher": "P"}}],
            "actors": [{}],
            "events": [{{"id": "e", "date": "2021", "title": "Crowded", "actors": [{}], "quotes": ["q"]}}],
            "quotes": [{{"id": "q", "source": "s", "text": "{quote}"}}]}}"#,
        actors.join(","),
        participants.join(",")
    )
}

#[test]
fn an_event_with_10000_actors_and_a_1_mb_quote_renders_scrolled() {
    let json = huge_event();
    let mut app = app_on(&json, 160, 45);
    assert_eq!(app.actors.len(), 10_000);
    let top = screen(&buffer(&app));
    assert!(top.contains("Actor 00000"), "{top}");
    assert!(!top.contains("Actor 09999"));

    // The actors pane, scrolled to its end.
    keys(&mut app, "2G");
    let end = screen(&buffer(&app));
    assert!(end.contains("Actor 09999"), "{end}");
    assert!(!end.contains("Actor 00000"));
    keys(&mut app, "<PgUp>");
    assert!(screen(&buffer(&app)).contains("Actor 099"));

    // The event's detail lists the first 200 actors and says how many more.
    keys(&mut app, "1");
    let theme = tlx::ui::theme::Theme::new(false);
    let detail: Vec<String> = tlx::ui::content::detail::lines(&app.data, app.detail(), &theme, 100)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(detail.len() < 300, "{} lines", detail.len());
    assert!(detail.iter().any(|l| l == "  Actor 00199 — role 00199"));
    assert!(
        detail.iter().any(|l| l == "  … and 9800 more"),
        "{detail:#?}"
    );

    // The quote in the detail pane: its start, then its end.
    keys(&mut app, "3");
    let start = screen(&buffer(&app));
    assert!(start.contains("w000000 w000001"), "{start}");
    keys(&mut app, "4G");
    let end = screen(&buffer(&app));
    assert!(end.contains("w149999"), "{end}");

    // Deep in the quote, a frame wraps it from a line start that the app kept
    // with its heights: the rows are those of wrapping it all from the top.
    keys(&mut app, "<PgUp><PgUp>kkk");
    let kept = buffer(&app);
    let area = app.screen().pane(tlx::app::Pane::Detail);
    let width = usize::from(area.width - 2);
    assert!(app.detail_scroll > 20_000, "{}", app.detail_scroll);
    assert!(app.heights.detail_if_known(app.detail(), width).is_some());
    let mut from_top = kept.clone();
    let theme = ui::theme::Theme::new(app.colors);
    ratatui::widgets::Widget::render(
        ui::detail::DetailPane {
            data: &app.data,
            subject: app.detail(),
            scroll: app.detail_scroll,
            heights: None,
            theme: &theme,
            focused: true,
        },
        area,
        &mut from_top,
    );
    assert_eq!(screen(&kept), screen(&from_top));
    assert_eq!(kept, from_top);

    // The source view shows the excerpt too.
    keys(&mut app, "3<Enter>");
    let source = screen(&buffer(&app));
    assert!(source.contains("w000000"), "{source}");
}

#[test]
fn wide_and_combining_text_at_a_narrow_width() {
    for (name, file) in [
        ("emoji_cjk", "text-emoji-cjk"),
        ("rtl_combining", "text-rtl-combining"),
    ] {
        let json = std::fs::read_to_string(format!(
            "{}/tests/data/warnings/{file}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let mut app = app_on(&json, 50, 16);
        let mut terminal = Terminal::new(TestBackend::new(50, 16)).unwrap();
        terminal.draw(|frame| ui::render(&app, frame)).unwrap();
        insta::assert_snapshot!(format!("{name}_50x16"), terminal.backend());
        keys(&mut app, "2");
        terminal.draw(|frame| ui::render(&app, frame)).unwrap();
        insta::assert_snapshot!(format!("{name}_actors_50x16"), terminal.backend());
    }
}

#[test]
fn no_control_character_is_drawn() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/warnings/ansi-escapes.json"
    ))
    .unwrap();
    for keys_to_press in VIEWS.iter().chain(&["2", "3", "t", "ahid"]) {
        for (width, height) in [(160, 45), (80, 24), (30, 10)] {
            let mut app = app_on(&json, width, height);
            keys(&mut app, keys_to_press);
            let drawn = buffer(&app);
            for cell in drawn.content() {
                assert!(
                    !cell.symbol().chars().any(char::is_control),
                    "{keys_to_press:?} at {width}x{height} drew {:?}",
                    cell.symbol()
                );
            }
        }
    }
}
