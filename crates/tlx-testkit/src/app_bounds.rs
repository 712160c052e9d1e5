//! Every index the explorer's state holds points inside its list.
//!
//! Shared by the property tests (`tests/props.rs`) and the `update` fuzz target
//! (`fuzz/fuzz_targets/update.rs`).

use tlx::app::{App, Popup, View};

/// The first index out of its list, described; `Ok` if there is none.
pub fn check(app: &App) -> Result<(), String> {
    let data = &app.data;
    let in_list = |selected: usize, len: usize| selected < len.max(1);
    let mut problems = Vec::new();
    let mut expect = |ok: bool, what: &str| {
        if !ok {
            problems.push(what.to_string());
        }
    };
    let events = app.events.len(data);
    expect(in_list(app.events_pos.selected, events), "events: selected");
    expect(
        app.events_pos.offset <= app.events.row_of(app.events_pos.selected),
        "events: offset past the selection",
    );
    expect(
        in_list(app.actors_pos.selected, app.actors.len()),
        "actors: selected",
    );
    expect(
        app.actors_pos.offset <= app.actors_pos.selected,
        "actors: offset past the selection",
    );
    expect(
        in_list(app.quotes_pos.selected, app.quotes.len()),
        "quotes: selected",
    );
    expect(
        app.quotes_pos.offset <= app.quotes_pos.selected,
        "quotes: offset past the selection",
    );
    if events > 0 {
        expect(app.selected_event().is_some(), "events: nothing selected");
    }
    expect(
        app.actors
            .iter()
            .all(|row| row.actor.get() < data.timeline.actors().len()),
        "actors: a row out of range",
    );
    match &app.view {
        View::Main => {}
        View::Source { source, pos } => {
            expect(
                source.get() < data.timeline.sources().len(),
                "source view: source",
            );
            expect(
                in_list(pos.selected, data.index.quotes_of_source(*source).len()),
                "source view: selected",
            );
            expect(pos.offset <= pos.selected, "source view: offset");
        }
        View::Disputes { pos } => {
            expect(
                in_list(pos.selected, app.disputes().len()),
                "disputes: selected",
            );
            expect(pos.offset <= pos.selected, "disputes: offset");
        }
        View::Sources { pos } => {
            expect(
                in_list(pos.selected, data.timeline.sources().len()),
                "sources: selected",
            );
            expect(pos.offset <= pos.selected, "sources: offset");
        }
    }
    if let Some(Popup::Finder(finder)) = &app.popup {
        expect(
            in_list(finder.pos.selected, finder.results.len()),
            "finder: selected",
        );
        expect(finder.pos.offset <= finder.pos.selected, "finder: offset");
    }
    if let Some(search) = &app.search {
        let len = app.pane_len(search.pane);
        expect(
            search.hits.iter().all(|&h| h < len),
            "search: a hit out of range",
        );
        expect(
            search.hits.windows(2).all(|w| w[0] < w[1]),
            "search: hits out of order",
        );
    }
    expect(
        app.history.len() <= tlx::app::HISTORY_LIMIT,
        "history: over its limit",
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
