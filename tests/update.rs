//! `update` on the small hand-made timeline: every action, as sequences of keys
//! (through the keymap) or actions, checked against the state.

use tlx_testkit::common;

use common::*;
use tlx::app::{
    Action, ActorsMode, App, Effect, Filter, HitField, Mode, Pane, Popup, QuoteContext, Start,
    View, keymap, update,
};

const CHRONOLOGICAL: [&str; 9] = [
    "2012-brigades-founded",
    "2016-quiet-year",
    "2019-10-protests",
    "2020-05-07-qadiri-takes-office",
    "2021-harbor-blockade",
    "2021-10-10-election",
    "2021-11-sit-in-ends",
    "2021-11-07-drone-attack",
    "2021-11-07-governor-calls-calm",
];

#[test]
fn starts_on_the_first_event_with_its_actors_and_quotes() {
    let app = app();
    assert_eq!(listed_events(&app), CHRONOLOGICAL);
    assert_eq!(app.focus, Pane::Events);
    assert_eq!(app.mode(), Mode::Main);
    assert_eq!(selected_event(&app), "2012-brigades-founded");
    assert_eq!(selected_actor(&app), "reed-brigades");
    assert_eq!(app.actors.len(), 2);
    assert_eq!(app.role(app.actors[1]), Some("suspected"));
    assert_eq!(selected_quote(&app), "coast-01");
    assert!(app.history.is_empty());
}

#[test]
fn moves_stop_at_both_ends() {
    let mut app = app();
    keys(&mut app, "k");
    assert_eq!(app.events_pos.selected, 0);
    keys(&mut app, "jj");
    assert_eq!(selected_event(&app), "2019-10-protests");
    keys(&mut app, "<Down><Up>");
    assert_eq!(app.events_pos.selected, 2);
    keys(&mut app, "G");
    assert_eq!(selected_event(&app), "2021-11-07-governor-calls-calm");
    keys(&mut app, "j<End>");
    assert_eq!(app.events_pos.selected, 8);
    keys(&mut app, "g");
    assert_eq!(app.events_pos.selected, 0);
    keys(&mut app, "<PgDn><PgDn><PgDn>");
    assert_eq!(app.events_pos.selected, 8);
    keys(&mut app, "<PgUp>");
    assert!(app.events_pos.selected < 8);
    keys(&mut app, "<PgUp><PgUp><Home>");
    assert_eq!(app.events_pos.selected, 0);
}

#[test]
fn moving_the_event_changes_the_actors_and_quotes() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    assert_eq!(app.actors.len(), 3);
    assert_eq!(selected_actor(&app), "yusuf-qadiri");
    assert_eq!(app.quotes.len(), 5);
    assert_eq!(selected_quote(&app), "herald-02");
    keys(&mut app, "k");
    assert_eq!(selected_event(&app), "2021-11-sit-in-ends");
    assert_eq!(app.quotes.len(), 1);
}

#[test]
fn an_event_without_actors_or_quotes_leaves_those_panes_empty() {
    let mut app = app();
    go_to_event(&mut app, "2016-quiet-year");
    assert!(app.actors.is_empty());
    assert!(app.quotes.is_empty());
    assert_eq!(app.selected_actor(), None);
    let effects = keys(&mut app, "2jjk<Enter>3jk<Enter>y");
    assert_eq!(app.view, View::Main);
    assert!(effects.is_empty(), "{effects:?}");
}

#[test]
fn brackets_jump_between_years() {
    let mut app = app();
    keys(&mut app, "]");
    assert_eq!(selected_event(&app), "2016-quiet-year");
    keys(&mut app, "]]]");
    assert_eq!(selected_event(&app), "2021-harbor-blockade");
    keys(&mut app, "]");
    assert_eq!(
        selected_event(&app),
        "2021-harbor-blockade",
        "no year after 2021"
    );
    keys(&mut app, "j[");
    assert_eq!(selected_event(&app), "2020-05-07-qadiri-takes-office");
    keys(&mut app, "g[");
    assert_eq!(selected_event(&app), "2012-brigades-founded");
}

#[test]
fn tab_and_numbers_move_the_focus() {
    let mut app = app();
    keys(&mut app, "<Tab>");
    assert_eq!(app.focus, Pane::Actors);
    keys(&mut app, "<Tab><Tab>");
    assert_eq!(app.focus, Pane::Detail);
    keys(&mut app, "<Tab>");
    assert_eq!(app.focus, Pane::Events);
    keys(&mut app, "<S-Tab>");
    assert_eq!(app.focus, Pane::Detail);
    for (key, pane) in [
        ("1", Pane::Events),
        ("2", Pane::Actors),
        ("3", Pane::Quotes),
        ("4", Pane::Detail),
    ] {
        keys(&mut app, key);
        assert_eq!(app.focus, pane);
    }
    // The detail pane keeps describing the last list focused.
    assert_eq!(app.detail_of, Pane::Quotes);
}

#[test]
fn focusing_the_actors_makes_the_quotes_follow_the_actor() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "2");
    assert_eq!(app.quote_context, QuoteContext::Actor);
    // Qadiri: his own words first, then his relation's quote, then his events' quotes.
    let ids: Vec<String> = app
        .quotes
        .iter()
        .map(|&q| app.data.timeline.quote(q).id().to_string())
        .collect();
    assert_eq!(ids[0], "herald-04");
    assert_eq!(ids[1], "coast-03");
    assert!(ids.contains(&"herald-02".to_string()));
    keys(&mut app, "j");
    assert_eq!(selected_actor(&app), "reed-brigades");
    assert_eq!(
        selected_quote(&app),
        "coast-01",
        "the relation's quote comes first"
    );
    keys(&mut app, "1");
    assert_eq!(app.quote_context, QuoteContext::Event);
    assert_eq!(selected_quote(&app), "herald-02");
}

#[test]
fn the_detail_pane_scrolls_and_clamps() {
    let mut app = app_sized(80, 24);
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "4");
    keys(&mut app, "jjj");
    assert_eq!(app.detail_scroll, 3);
    keys(&mut app, "G");
    let at_bottom = app.detail_scroll;
    assert!(
        at_bottom > 3 && at_bottom < 100,
        "clamped to the text: {at_bottom}"
    );
    keys(&mut app, "j");
    assert_eq!(app.detail_scroll, at_bottom);
    keys(&mut app, "g");
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn enter_on_an_event_focuses_its_quotes_and_back_returns() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "<Enter>");
    assert_eq!(app.focus, Pane::Quotes);
    assert_eq!(app.quote_context, QuoteContext::Event);
    assert_eq!(selected_quote(&app), "herald-02");
    assert_eq!(app.history.len(), 1);
    keys(&mut app, "<BS>");
    assert_eq!(app.focus, Pane::Events);
    assert_eq!(selected_event(&app), "2021-11-07-drone-attack");
    assert!(app.history.is_empty());
    keys(&mut app, "<BS>");
    assert_eq!(app.message.as_deref(), Some("Nothing to go back to."));
}

#[test]
fn enter_on_an_actor_filters_the_events_and_f_clears() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "2j<Enter>");
    let reed = actor(&app, "reed-brigades");
    assert_eq!(app.filter, Some(Filter::Actor(reed)));
    assert_eq!(app.focus, Pane::Events);
    assert_eq!(
        listed_events(&app),
        [
            "2012-brigades-founded",
            "2021-harbor-blockade",
            "2021-10-10-election",
            "2021-11-07-drone-attack"
        ]
    );
    assert_eq!(
        selected_event(&app),
        "2021-11-07-drone-attack",
        "the selection stays"
    );
    assert_eq!(app.events_pos.selected, 3);
    // The strip counts the filtered events per year.
    let (first, _) = app.data.overview().events_per_year().unwrap();
    let filtered = app.filtered_years.clone().unwrap();
    assert_eq!(filtered[(2012 - first) as usize], 1);
    assert_eq!(filtered[(2021 - first) as usize], 3);
    assert_eq!(filtered[(2016 - first) as usize], 0);

    keys(&mut app, "f");
    assert_eq!(app.filter, None);
    assert_eq!(listed_events(&app), CHRONOLOGICAL);
    assert_eq!(selected_event(&app), "2021-11-07-drone-attack");
    assert_eq!(app.filtered_years, None);
    keys(&mut app, "f");
    assert_eq!(app.message.as_deref(), Some("No filter to clear."));

    // Back: first undoes the clearing, then the filter.
    keys(&mut app, "<C-o>");
    assert_eq!(app.filter, Some(Filter::Actor(reed)));
    keys(&mut app, "<BS>");
    assert_eq!(app.filter, None);
    assert_eq!(app.focus, Pane::Actors);
    assert_eq!(selected_actor(&app), "reed-brigades");
}

#[test]
fn the_actors_pane_toggles_to_every_actor() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "2j");
    keys(&mut app, "t");
    assert_eq!(app.actors_mode, ActorsMode::All);
    let names: Vec<&str> = app
        .actors
        .iter()
        .map(|r| app.data.timeline.actor(r.actor).name())
        .collect();
    assert_eq!(
        names,
        [
            "Eastern Power",
            "Harbor Alliance",
            "Lina Haddad",
            "Reed Brigades",
            "Saltmarsh Government",
            "Yusuf al-Qadiri"
        ]
    );
    assert_eq!(
        selected_actor(&app),
        "reed-brigades",
        "the selected actor stays selected"
    );
    // In the all-actors list, moving the event does not move the actors.
    keys(&mut app, "1k2");
    assert_eq!(selected_actor(&app), "reed-brigades");
    keys(&mut app, "t");
    assert_eq!(app.actors_mode, ActorsMode::OfEvent);
}

#[test]
fn the_finder_matches_a_misspelled_name_by_alias_and_filters() {
    let mut app = app();
    keys(&mut app, "a");
    assert_eq!(app.mode(), Mode::Finder);
    let Some(Popup::Finder(finder)) = &app.popup else {
        panic!()
    };
    assert_eq!(finder.results.len(), 6, "an empty query lists every actor");
    keys(&mut app, "khadiri");
    let Some(Popup::Finder(finder)) = &app.popup else {
        panic!()
    };
    assert_eq!(finder.query, "khadiri");
    let best = &finder.results[0];
    let qadiri = actor(&app, "yusuf-qadiri");
    assert_eq!(best.actor, qadiri);
    let alias = best
        .alias
        .and_then(|n| app.data.timeline.actor(qadiri).aliases().nth(n));
    assert_eq!(alias, Some("Khadiri"));
    assert_eq!(best.indices, [0, 1, 2, 3, 4, 5, 6]);
    // q and j are typed, not obeyed.
    keys(&mut app, "qj<BS><BS>");
    assert_eq!(app.mode(), Mode::Finder);
    keys(&mut app, "<Enter>");
    assert_eq!(app.popup, None);
    assert_eq!(app.filter, Some(Filter::Actor(qadiri)));
    assert_eq!(
        listed_events(&app),
        [
            "2020-05-07-qadiri-takes-office",
            "2021-11-07-drone-attack",
            "2021-11-07-governor-calls-calm"
        ]
    );
    assert_eq!(app.focus, Pane::Events);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("3 events of Yusuf al-Qadiri")
    );
    keys(&mut app, "<BS>");
    assert_eq!(app.filter, None);
}

#[test]
fn the_finder_moves_clamps_and_closes_without_a_change() {
    let mut app = app();
    keys(&mut app, "a<Down><Down><Up>");
    let Some(Popup::Finder(finder)) = &app.popup else {
        panic!()
    };
    assert_eq!(finder.pos.selected, 1);
    keys(&mut app, "<PgDn><PgDn>");
    let Some(Popup::Finder(finder)) = &app.popup else {
        panic!()
    };
    assert_eq!(finder.pos.selected, 5);
    keys(&mut app, "zzzz");
    let Some(Popup::Finder(finder)) = &app.popup else {
        panic!()
    };
    assert!(finder.results.is_empty());
    assert_eq!(finder.pos.selected, 0);
    keys(&mut app, "<Enter>");
    assert_eq!(app.popup, None, "Enter with no result just closes");
    assert_eq!(app.filter, None);
    keys(&mut app, "a<C-u>ree<Esc>");
    assert_eq!(app.popup, None);
    assert_eq!(app.filter, None);
    assert!(app.history.is_empty());
}

#[test]
fn search_moves_to_the_best_match_and_esc_restores() {
    let mut app = app();
    keys(&mut app, "jj");
    keys(&mut app, "/");
    assert_eq!(app.mode(), Mode::Search);
    keys(&mut app, "calm");
    assert_eq!(selected_event(&app), "2021-11-07-governor-calls-calm");
    let search = app.search.as_ref().unwrap();
    let hit = search
        .hit_at(&app.data, 8)
        .expect("the hit is at the selected row");
    assert_eq!(hit.field, HitField::Shown);
    // "The governor appeals for calm": c-a-l-m are chars 25..29.
    assert_eq!(hit.indices, [25, 26, 27, 28]);
    keys(&mut app, "<Esc>");
    assert_eq!(app.search, None);
    assert_eq!(selected_event(&app), "2019-10-protests");
    assert_eq!(app.mode(), Mode::Main);
}

#[test]
fn search_enter_keeps_and_n_walks_the_matches() {
    let mut app = app();
    keys(&mut app, "/qadiri");
    // No event title says Qadiri but one; tags and summaries may.
    assert_eq!(selected_event(&app), "2020-05-07-qadiri-takes-office");
    keys(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Main);
    assert!(app.search.is_some());
    let mut app = common::app();
    keys(&mut app, "/drone<Enter>");
    let hits: Vec<usize> = app.search.as_ref().unwrap().hits.clone();
    assert!(hits.contains(&7), "{hits:?}");
    let first = app.events_pos.selected;
    keys(&mut app, "n");
    let second = app.events_pos.selected;
    keys(&mut app, "N");
    assert_eq!(app.events_pos.selected, first);
    if hits.len() > 1 {
        assert_ne!(first, second);
    }
    keys(&mut app, "<Esc>");
    assert_eq!(app.search, None, "Esc clears a kept search");
    assert_eq!(app.events_pos.selected, first, "and keeps the result");
    keys(&mut app, "n");
    assert!(app.message.as_deref().unwrap().contains("press /"));
}

#[test]
fn search_in_the_actors_pane_matches_aliases() {
    let mut app = app();
    keys(&mut app, "2t/fateh");
    assert_eq!(selected_actor(&app), "harbor-alliance");
    let search = app.search.as_ref().unwrap();
    let hit = search.hit_at(&app.data, app.actors_pos.selected).unwrap();
    assert_eq!(hit.field, HitField::Alias(0));
    keys(&mut app, "<BS><BS><BS><BS><BS><BS>");
    assert_eq!(app.search, None, "deleting past the start cancels");
    assert_eq!(
        selected_actor(&app),
        "reed-brigades",
        "back where the search began"
    );
}

#[test]
fn search_with_no_match_stays_put() {
    let mut app = app();
    keys(&mut app, "jj/xqzw");
    assert_eq!(selected_event(&app), "2019-10-protests");
    keys(&mut app, "<Enter>");
    assert_eq!(app.search, None);
    assert_eq!(app.message.as_deref(), Some("No match."));
}

#[test]
fn search_in_the_quotes_pane_and_not_in_the_detail() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "3/seven");
    assert_eq!(selected_quote(&app), "review-01");
    keys(&mut app, "<Enter>4/");
    assert_eq!(app.mode(), Mode::Main, "no search in the detail pane");
    assert!(app.message.is_some());
}

#[test]
fn enter_on_a_quote_opens_its_source_with_the_excerpt_chosen() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "<Enter>j");
    assert_eq!(selected_quote(&app), "herald-03");
    keys(&mut app, "<Enter>");
    let herald = app.data.timeline.quote(quote(&app, "herald-03")).source();
    assert_eq!(app.mode(), Mode::Source);
    let View::Source { source, pos } = &app.view else {
        panic!()
    };
    assert_eq!(*source, herald);
    assert_eq!(
        pos.selected, 2,
        "herald-03 is the third excerpt of its source"
    );
    assert_eq!(app.current_quote(), Some(quote(&app, "herald-03")));

    // Excerpts in document order; moving clamps.
    keys(&mut app, "jjjj");
    let View::Source { pos, .. } = &app.view else {
        panic!()
    };
    assert_eq!(pos.selected, 3);
    assert_eq!(app.current_quote(), Some(quote(&app, "herald-04")));
    keys(&mut app, "g");
    assert_eq!(app.current_quote(), Some(quote(&app, "herald-01")));

    // Enter on an excerpt jumps to the event it supports.
    keys(&mut app, "<Enter>");
    assert_eq!(app.view, View::Main);
    assert_eq!(selected_event(&app), "2021-10-10-election");
    assert_eq!(app.focus, Pane::Events);
    assert_eq!(selected_quote(&app), "herald-01");

    // Back to the source view, then back to the quote.
    keys(&mut app, "<BS>");
    assert_eq!(app.mode(), Mode::Source);
    assert_eq!(app.current_quote(), Some(quote(&app, "herald-01")));
    keys(&mut app, "<BS>");
    assert_eq!(app.view, View::Main);
    assert_eq!(app.focus, Pane::Quotes);
    assert_eq!(selected_quote(&app), "herald-03");
}

#[test]
fn esc_closes_a_view_back_to_the_main_screen() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "<Enter><Enter>");
    assert_eq!(app.mode(), Mode::Source);
    keys(&mut app, "s");
    assert_eq!(app.mode(), Mode::Sources);
    keys(&mut app, "<Esc>");
    assert_eq!(app.view, View::Main);
    assert_eq!(app.focus, Pane::Quotes);
    let effects = keys(&mut app, "<Esc><Esc>");
    assert!(!effects.contains(&Effect::Quit), "Esc never quits");
}

#[test]
fn the_disputes_view_starts_at_the_events_dispute_and_jumps() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "d");
    assert_eq!(app.mode(), Mode::Disputes);
    let View::Disputes { pos } = &app.view else {
        panic!()
    };
    let d = app.disputes()[pos.selected];
    assert_eq!(app.data.timeline.dispute(d).id(), "drones-count");
    // Disputes are in the order of their events.
    let ids: Vec<&str> = app
        .disputes()
        .iter()
        .map(|&d| app.data.timeline.dispute(d).id())
        .collect();
    assert_eq!(ids, ["brigades-backers", "drones-count", "guards-injured"]);
    keys(&mut app, "gjjj");
    let View::Disputes { pos } = &app.view else {
        panic!()
    };
    assert_eq!(pos.selected, 2);
    keys(&mut app, "g<Enter>");
    assert_eq!(app.view, View::Main);
    assert_eq!(selected_event(&app), "2012-brigades-founded");
    keys(&mut app, "<BS>");
    assert_eq!(app.mode(), Mode::Disputes);
    keys(&mut app, "d");
    assert_eq!(
        app.history.len(),
        1,
        "d in the disputes view does not stack"
    );
}

#[test]
fn a_jump_to_a_filtered_out_event_clears_the_filter() {
    let mut app = app();
    keys(&mut app, "akhadiri<Enter>");
    assert!(app.filter.is_some());
    keys(&mut app, "dg<Enter>");
    assert_eq!(app.filter, None);
    assert_eq!(selected_event(&app), "2012-brigades-founded");
    keys(&mut app, "<BS><BS>");
    assert!(app.filter.is_some(), "back brings the filter back");
}

#[test]
fn the_sources_list_opens_a_source() {
    let mut app = app();
    keys(&mut app, "s");
    assert_eq!(app.mode(), Mode::Sources);
    keys(&mut app, "jjj");
    let View::Sources { pos } = &app.view else {
        panic!()
    };
    assert_eq!(pos.selected, 2);
    keys(&mut app, "<Enter>");
    let View::Source { source, pos } = &app.view else {
        panic!()
    };
    assert_eq!(app.data.timeline.source(*source).id(), "coast-monitor");
    assert_eq!(pos.selected, 0);
    keys(&mut app, "<BS>");
    assert_eq!(app.mode(), Mode::Sources);
}

#[test]
fn sources_preselects_the_source_of_the_selected_quote() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "3jj");
    assert_eq!(selected_quote(&app), "review-01");
    keys(&mut app, "s");
    let View::Sources { pos } = &app.view else {
        panic!()
    };
    assert_eq!(
        app.data
            .timeline
            .source(tlx::data::SourceIx(pos.selected as u32))
            .id(),
        "delta-review"
    );
}

#[test]
fn y_copies_the_quote_with_its_citation_as_an_effect() {
    let mut app = app();
    let effects = keys(&mut app, "y");
    assert!(effects.is_empty(), "nothing to copy from the events pane");
    assert!(app.message.as_deref().unwrap().contains("Select a quote"));
    go_to_event(&mut app, "2021-11-07-governor-calls-calm");
    let effects = keys(&mut app, "3y");
    assert_eq!(
        effects,
        [Effect::Copy(
            "“I call on everyone to stay calm and to let the investigation run its course”\n\
             — Yusuf al-Qadiri, quoted in Marsh Herald (fictional), “Drones over the governor's house”, \
             by Test Writer, 8 Nov 2021. https://example.org/marsh-herald/drones"
                .into()
        )]
    );
    let effects = keys(&mut app, "<Enter>y");
    assert_eq!(effects.len(), 1, "y works in the source view too");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app_sized(80, 24);
    keys(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    keys(&mut app, "jjj");
    assert_eq!(app.popup, Some(Popup::Help { scroll: 3 }));
    keys(&mut app, "G");
    let Some(Popup::Help { scroll }) = app.popup else {
        panic!()
    };
    assert!(scroll > 3 && scroll < 200);
    keys(&mut app, "j");
    assert_eq!(app.popup, Some(Popup::Help { scroll }));
    let effects = keys(&mut app, "q");
    assert_eq!(app.popup, None);
    assert!(effects.is_empty(), "q closes the help");
    keys(&mut app, "?<Esc>");
    assert_eq!(app.popup, None);
}

#[test]
fn q_and_ctrl_c_quit_but_esc_never_does() {
    let mut app = app();
    assert_eq!(keys(&mut app, "<Esc>"), []);
    assert_eq!(keys(&mut app, "q"), [Effect::Quit]);
    let mut app = common::app();
    assert_eq!(
        keys(&mut app, "a<C-c>"),
        [Effect::Quit],
        "Ctrl-C quits even from a text field"
    );
    let mut app = common::app();
    assert_eq!(keys(&mut app, "/q"), [], "q is typed into a search");
}

#[test]
fn the_mouse_selects_focuses_and_scrolls() {
    let mut app = app();
    // Wide layout: the events pane starts at row 4; row 5 is the 2012 heading,
    // row 6 the first event, row 8 the 2016 event.
    run(&mut app, &[Action::Click { column: 10, row: 8 }]);
    assert_eq!(selected_event(&app), "2016-quiet-year");
    // A click on a year heading selects that year's first event.
    run(&mut app, &[Action::Click { column: 10, row: 9 }]);
    assert_eq!(selected_event(&app), "2019-10-protests");
    run(
        &mut app,
        &[Action::ScrollDown {
            column: 10,
            row: 20,
        }],
    );
    assert_eq!(app.events_pos.selected, 5);
    run(
        &mut app,
        &[Action::ScrollUp {
            column: 10,
            row: 20,
        }],
    );
    assert_eq!(app.events_pos.selected, 2);
    // A click in the actors pane focuses it.
    go_to_event(&mut app, "2021-11-07-drone-attack");
    run(&mut app, &[Action::Click { column: 70, row: 6 }]);
    assert_eq!(app.focus, Pane::Actors);
    assert_eq!(selected_actor(&app), "reed-brigades");
    // A click outside a popup closes it.
    keys(&mut app, "?");
    run(&mut app, &[Action::Click { column: 0, row: 0 }]);
    assert_eq!(app.popup, None);
}

#[test]
fn tabs_on_a_narrow_terminal_switch_panes_by_click() {
    let mut app = app_sized(70, 24);
    // Header (3 rows), then the tabs: " 1 Events " " 2 Actors " ...
    run(&mut app, &[Action::Click { column: 13, row: 3 }]);
    assert_eq!(app.focus, Pane::Actors);
    run(&mut app, &[Action::Click { column: 1, row: 3 }]);
    assert_eq!(app.focus, Pane::Events);
}

#[test]
fn opening_on_an_event_or_an_actor() {
    let data = data();
    let drone = match data.find("2021-11-07-drone-attack") {
        Some(tlx::data::ItemRef::Event(e)) => e,
        _ => panic!(),
    };
    let app = App::new(data.clone(), Start::Event(drone));
    assert_eq!(selected_event(&app), "2021-11-07-drone-attack");
    assert_eq!(app.quotes.len(), 5);

    let reed = match data.find("reed-brigades") {
        Some(tlx::data::ItemRef::Actor(a)) => a,
        _ => panic!(),
    };
    let app = App::new(data, Start::Actor(reed));
    assert_eq!(app.filter, Some(Filter::Actor(reed)));
    assert_eq!(app.focus, Pane::Actors);
    assert_eq!(app.actors_mode, ActorsMode::All);
    assert_eq!(selected_actor(&app), "reed-brigades");
    assert_eq!(app.quote_context, QuoteContext::Actor);
    assert_eq!(selected_quote(&app), "coast-01");
    assert_eq!(listed_events(&app).len(), 4);
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut app = app_sized(160, 45);
    keys(&mut app, "G");
    run(&mut app, &[Action::Resize(80, 14)]);
    // Compact layout at 14 rows: the events pane shows a few rows only.
    let row = app.events.row_of(app.events_pos.selected);
    assert!(app.events_pos.offset <= row);
    run(&mut app, &[Action::Resize(10, 3)]);
    keys(&mut app, "kkk?<Esc>a<Esc>");
    run(&mut app, &[Action::Resize(160, 45)]);
    assert_eq!(app.events_pos.offset, 0, "everything fits again");
}

#[test]
fn the_keymap_binds_each_key_once_per_mode() {
    for mode in [
        Mode::Main,
        Mode::Search,
        Mode::Finder,
        Mode::Source,
        Mode::Disputes,
        Mode::Sources,
        Mode::Help,
    ] {
        let mut seen = Vec::new();
        for binding in keymap::bindings_for(mode) {
            for key in binding.keys {
                assert!(!seen.contains(key), "{mode:?}: {key:?} is bound twice");
                seen.push(*key);
            }
        }
    }
}

#[test]
fn esc_is_never_bound_to_quit() {
    for binding in keymap::BINDINGS {
        if binding.action == Action::Quit {
            assert!(
                binding
                    .keys
                    .iter()
                    .all(|k| k.code != ratatui::crossterm::event::KeyCode::Esc)
            );
        }
    }
}

#[test]
fn every_hint_is_a_binding_of_its_mode() {
    let hints = keymap::hints(Mode::Main);
    let words: Vec<&str> = hints.iter().map(|(_, w)| *w).collect();
    assert!(words.contains(&"search") && words.contains(&"help") && words.contains(&"quit"));
    assert!(
        keymap::hints(Mode::Search)
            .iter()
            .any(|(k, _)| k == "Enter")
    );
}

#[test]
fn the_readme_lists_the_keys_of_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let keys = keymap::markdown();
    assert!(
        readme.contains(&keys),
        "README.md's keys section is out of date; it should contain:\n{keys}"
    );
}

#[test]
fn a_search_ends_when_its_list_changes() {
    let mut app = app();
    go_to_event(&mut app, "2021-11-07-drone-attack");
    keys(&mut app, "2/lina");
    assert_eq!(selected_actor(&app), "lina-haddad");
    // A click on another event while typing: the actors list changes under the search.
    run(&mut app, &[Action::Click { column: 10, row: 6 }]);
    assert_eq!(selected_event(&app), "2012-brigades-founded");
    assert_eq!(app.search, None);
    assert_eq!(app.mode(), Mode::Main);
}

#[test]
fn page_keys_in_views_move_by_what_shows() {
    let data = tlx::data::embedded().expect("the embedded timeline loads");
    let mut app = App::new(std::sync::Arc::new(data.data), Start::Top);
    run(&mut app, &[Action::Resize(160, 45)]);
    let selected = |app: &App| match &app.view {
        View::Disputes { pos } | View::Sources { pos } | View::Source { pos, .. } => pos.selected,
        View::Main => panic!("not in a view"),
    };
    // 18 disputes, about 14 of them on screen: a page is less than all of them.
    keys(&mut app, "d<PgDn>");
    let paged = selected(&app);
    assert!(
        paged > 1 && paged < app.disputes().len() - 1,
        "PgDn to {paged}"
    );
    keys(&mut app, "<PgUp>");
    assert_eq!(selected(&app), 0);
    // The first source's excerpts take several rows each: a page is a handful.
    keys(&mut app, "<Esc>s<Enter>");
    assert!(matches!(app.view, View::Source { .. }));
    keys(&mut app, "<PgDn>");
    let paged = selected(&app);
    assert!((2..=12).contains(&paged), "PgDn to excerpt {paged}");
    let View::Source { pos, .. } = &app.view else {
        unreachable!()
    };
    assert!(pos.offset <= paged && paged - pos.offset < 12, "{pos:?}");
}

/// Presses keys as `keys` does, but answers no search: the effects are returned
/// as `update` gave them, for the test to play the worker.
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in parse_keys(keys) {
        if let Some(action) = keymap::lookup(app.mode(), &key) {
            effects.extend(update(app, action));
        }
    }
    effects
}

/// The searches among `effects`, oldest first.
fn searches(effects: Vec<Effect>) -> Vec<tlx::data::search::SearchRequest> {
    effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::Search(request) => Some(request),
            _ => None,
        })
        .collect()
}

/// What the worker would answer, handed back as it would be.
fn answer_with(app: &mut App, request: &tlx::data::search::SearchRequest) {
    let answer = tlx::data::search::answer(&app.data, request);
    let effects = update(app, Action::SearchResults(answer));
    assert!(effects.is_empty(), "{effects:?}");
}

#[test]
fn off_thread_search_results_are_applied_when_they_answer_the_latest_query() {
    let mut app = app();
    let requests = searches(press(&mut app, "jj/calm"));
    assert_eq!(requests.len(), 4, "one request per key");
    assert_eq!(requests[3].query, "calm");
    let search = app.search.as_ref().unwrap();
    assert!(search.pending && search.hits.is_empty());
    assert_eq!(
        selected_event(&app),
        "2019-10-protests",
        "nothing moves yet"
    );
    answer_with(&mut app, &requests[3]);
    let search = app.search.as_ref().unwrap();
    assert!(!search.pending);
    assert_eq!(selected_event(&app), "2021-11-07-governor-calls-calm");
    assert_eq!(
        search.hit_at(&app.data, 8).unwrap().indices,
        [25, 26, 27, 28]
    );
}

#[test]
fn stale_search_results_are_ignored() {
    let mut app = app();
    let requests = searches(press(&mut app, "/drone"));
    // The answer to "d" comes after "drone" was typed: dropped.
    answer_with(&mut app, &requests[0]);
    let search = app.search.as_ref().unwrap();
    assert!(search.pending && search.hits.is_empty());
    assert_eq!(selected_event(&app), "2012-brigades-founded");
    // So is a finder answer when no finder waits for it, and an old finder's.
    let finder_requests = searches(press(&mut app, "<Esc>a"));
    let newer = searches(press(&mut app, "k"));
    answer_with(&mut app, &finder_requests[0]);
    let Some(Popup::Finder(finder)) = &app.popup else {
        panic!()
    };
    assert!(finder.results.is_empty(), "the answer to \"\" is stale");
    assert!(finder.pending);
    answer_with(&mut app, &newer[0]);
    let Some(Popup::Finder(finder)) = &app.popup else {
        panic!()
    };
    assert_eq!(finder.query, "k");
    assert!(!finder.pending);
    assert!(!finder.results.is_empty());
    assert_eq!(finder.total, finder.results.len());
}

#[test]
fn typing_while_a_search_is_in_flight_keeps_the_last_hits_until_the_newest_answer() {
    let mut app = app();
    let first = searches(press(&mut app, "jj/cal")).pop().unwrap();
    answer_with(&mut app, &first);
    let hits = app.search.as_ref().unwrap().hits.clone();
    assert!(!hits.is_empty());
    // "m" is typed while "cal" is answered; then Enter, before "calm"'s answer.
    let second = searches(press(&mut app, "m")).pop().unwrap();
    assert_eq!(second.query, "calm");
    assert_eq!(
        app.search.as_ref().unwrap().hits,
        hits,
        "the last hits stay"
    );
    assert_eq!(press(&mut app, "<Enter>"), []);
    assert!(app.search.is_some(), "Enter waits for the answer");
    answer_with(&mut app, &first);
    assert!(app.search.as_ref().unwrap().pending, "an old answer again");
    answer_with(&mut app, &second);
    assert_eq!(app.mode(), Mode::Main);
    assert!(!app.search.as_ref().unwrap().pending);
    assert_eq!(selected_event(&app), "2021-11-07-governor-calls-calm");
    // With no match, the answer after Enter ends the search, as inline.
    let last = searches(press(&mut app, "/xqzw<Enter>")).pop().unwrap();
    answer_with(&mut app, &last);
    assert_eq!(app.search, None);
    assert_eq!(app.message.as_deref(), Some("No match."));
}

#[test]
fn a_long_event_search_answers_in_parts_and_the_selection_moves_once() {
    use tlx::data::search::EventHits;
    use tlx::data::search::{Found, SearchAnswer};
    let mut app = app();
    let request = searches(press(&mut app, "/cal")).pop().unwrap();
    let whole = tlx::data::search::answer(&app.data, &request);
    let Found::Events(all) = whole.found.clone() else {
        panic!("an event search")
    };
    let best = all.best.expect("a best hit").0;
    // A first part: the hits up to just past the best.
    let part = EventHits {
        positions: all
            .positions
            .iter()
            .copied()
            .filter(|&p| p <= best)
            .collect(),
        best: all.best,
        settled: best + 1,
        complete: false,
    };
    let partial = SearchAnswer {
        found: Found::Events(part),
        ..whole.clone()
    };
    assert_eq!(update(&mut app, Action::SearchResults(partial)), []);
    let search = app.search.as_ref().unwrap();
    assert!(search.pending && !search.complete, "more to come");
    assert_eq!(
        app.events_pos.selected, best as usize,
        "to the best at once"
    );
    let area = ratatui::layout::Rect::new(0, 0, 160, 40);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    tlx::ui::draw(&app, area, &mut buf);
    let status: String = (0..area.width)
        .map(|x| buf[(x, area.height - 1)].symbol().to_string())
        .collect();
    assert!(status.contains("+ matches"), "a count so far: {status:?}");
    // The user moves on; the rest of the answer does not pull them back.
    assert_eq!(press(&mut app, "<Enter>j"), []);
    let moved = app.events_pos.selected;
    assert_eq!(update(&mut app, Action::SearchResults(whole)), []);
    let search = app.search.as_ref().unwrap();
    assert!(!search.pending && search.complete);
    assert_eq!(search.hits.len(), all.positions.len());
    assert_eq!(app.events_pos.selected, moved);
}

#[test]
fn leaving_a_search_in_flight_stops_it() {
    let mut app = app();
    assert_eq!(searches(press(&mut app, "/dr")).len(), 2);
    assert_eq!(press(&mut app, "<Esc>"), [Effect::CancelSearch]);
    assert_eq!(app.search, None);
    // Emptying the query stops it too; an answered search has nothing to stop.
    assert!(press(&mut app, "/d<BS>").contains(&Effect::CancelSearch));
    assert_eq!(keys(&mut app, "/calm<Esc>"), []);
}
