//! Fuzzy search: aliases, several words, tie-breaking, char positions.

use tlx::data::search::*;
use tlx::data::*;

fn load(text: &str) -> Indexed {
    load_str(text).expect("valid test data").data
}

fn actors() -> Indexed {
    load(include_str!("data/actors.json"))
}

fn small() -> Indexed {
    load(include_str!("data/small.json"))
}

/// Ids of the actor matches, best first.
fn actor_ids(d: &Indexed, matches: &[ActorMatch]) -> Vec<String> {
    matches
        .iter()
        .map(|m| d.timeline.actor(m.actor).id().to_string())
        .collect()
}

fn first_actor(d: &Indexed, query: &str) -> String {
    let found = ActorSearch::new(d).search(query);
    assert!(!found.is_empty(), "nothing found for {query:?}");
    d.timeline.actor(found[0].actor).id().to_string()
}

/// The string that matched: the name or the alias.
fn matched<'a>(d: &'a Indexed, m: &ActorMatch) -> &'a str {
    let a = d.timeline.actor(m.actor);
    match m.alias {
        Some(i) => a.aliases().nth(i).unwrap(),
        None => a.name(),
    }
}

#[test]
fn spellings_of_the_sources_find_the_right_actor_first() {
    let d = actors();
    for (query, id) in [
        ("Khadimi", "mustafa-al-kadhimi"),
        ("Kadhimi", "mustafa-al-kadhimi"),
        ("khadimi", "mustafa-al-kadhimi"),
        ("Iraqi Hezbollah Brigades", "kataib-hezbollah"),
        ("Kata'ib Hezbollah", "kataib-hezbollah"),
        ("ktb hzb", "kataib-hezbollah"),
        ("Hashd", "popular-mobilization-forces"),
        ("PMU", "popular-mobilization-forces"),
        ("pmf", "popular-mobilization-forces"),
        ("Qaani", "esmail-qaani"),
        ("Ghaani", "esmail-qaani"),
        ("Daesh", "islamic-state"),
        ("IS", "islamic-state"),
        ("Fateh", "fatah-alliance"),
        ("Moqtada", "muqtada-al-sadr"),
        ("AAH", "asaib-ahl-al-haq"),
        ("nujaba", "harakat-hezbollah-al-nujaba"),
    ] {
        assert_eq!(first_actor(&d, query), id, "query {query:?}");
    }
}

/// Skim 0.3.7 keeps its score matrix between calls without clearing it, so a
/// matcher reused for every string let one string's score depend on what the
/// same thread scored before: after "Abu Raad al-Amiri" had been scored, a cell
/// it left raised "Sabah Rouhani"'s score for `aah` from 47 to 59, above "Saraya
/// Ahl al-Kahf Party" (55). The same query must rank the same whatever came first.
#[test]
fn a_query_ranks_the_same_whatever_was_searched_before() {
    let d = load(
        r#"{"format": "tlx/1", "title": "t", "events": [], "actors": [
            {"id": "sabah", "name": "Sabah Rouhani", "kind": "person"},
            {"id": "saraya", "name": "Saraya Ahl al-Kahf Party", "kind": "militia"},
            {"id": "abu-raad", "name": "Abu Raad al-Amiri", "kind": "person"}
        ]}"#,
    );
    let alone = ActorSearch::new(&d).search("aah");
    assert_eq!(actor_ids(&d, &alone), ["saraya", "sabah"]);
    assert_eq!(alone[1].score, 47);
    let search = ActorSearch::new(&d);
    assert_eq!(actor_ids(&d, &search.search("abu raad")), ["abu-raad"]);
    assert_eq!(search.search("aah"), alone);
    assert_eq!(search.search_top("aah", 1).0, alone[..1]);
}

#[test]
fn reports_which_alias_matched_and_where() {
    let d = actors();
    let search = ActorSearch::new(&d);
    let m = &search.search("Khadimi")[0];
    assert_eq!(matched(&d, m), "Khadimi");
    assert_eq!(m.indices, [0, 1, 2, 3, 4, 5, 6]);
    let m = &search.search("pmu")[0];
    assert_eq!(matched(&d, m), "PMU");
    // The name wins when it matches as well as an alias.
    let m = &search.search("Quds Force")[0];
    assert_eq!(m.alias, None);
    assert_eq!(matched(&d, m), "Quds Force");
}

#[test]
fn every_word_must_match() {
    let d = actors();
    let search = ActorSearch::new(&d);
    let found = search.search("ktb hzb");
    assert_eq!(actor_ids(&d, &found)[0], "kataib-hezbollah");
    // Positions of both words, merged and sorted.
    let m = &found[0];
    let text: Vec<char> = matched(&d, m).chars().collect();
    let picked: String = m.indices.iter().map(|&i| text[i]).collect();
    assert_eq!(picked.to_lowercase(), "ktbhzb");
    assert!(m.indices.windows(2).all(|w| w[0] < w[1]));
    // A word that matches nothing empties the result.
    assert!(search.search("kataib zzzzqqq").is_empty());
    // Order of words does not matter for finding.
    assert_eq!(first_actor(&d, "hezbollah kataib"), "kataib-hezbollah");
}

#[test]
fn case_does_not_matter_in_any_script() {
    let d = small();
    let search = ActorSearch::new(&d);
    for query in ["ÅNGSTRÖM", "ångström", "zoë"] {
        let found = search.search(query);
        assert_eq!(actor_ids(&d, &found), ["zoe-angstrom"], "{query}");
        assert_eq!(found[0].alias, None);
    }
}

#[test]
fn indices_are_char_positions_in_non_ascii_names() {
    let d = small();
    let m = &ActorSearch::new(&d).search("ström")[0];
    assert_eq!(matched(&d, m), "Zoë Ångström");
    // "Zoë Ångström": Z0 o1 ë2 ' '3 Å4 n5 g6 s7 t8 r9 ö10 m11 (bytes would be larger).
    assert_eq!(m.indices, [7, 8, 9, 10, 11]);
    let m = &ActorSearch::new(&d).search("zoe")[0];
    assert_eq!(
        matched(&d, m),
        "Zoe Angstrom",
        "the ASCII alias matches, not Zoë"
    );
}

#[test]
fn equal_scores_rank_the_actor_with_more_events_first_then_by_name() {
    let d = small();
    let search = ActorSearch::new(&d);
    // "Valley Guild" (River Guild, 3 events) and "Valley Watch" (North Watch, 1 event).
    let found = search.search("valley");
    assert_eq!(found[0].score, found[1].score);
    assert_eq!(actor_ids(&d, &found), ["river-guild", "north-watch"]);
    // Neither league has events: alphabetical.
    let found = search.search("league");
    assert_eq!(found[0].score, found[1].score);
    assert_eq!(actor_ids(&d, &found), ["harbor-league", "orchard-league"]);
}

#[test]
fn a_blank_query_lists_every_actor_by_events_then_name() {
    let d = small();
    let found = ActorSearch::new(&d).search("  ");
    assert_eq!(
        actor_ids(&d, &found),
        [
            "lantern-council",
            "river-guild",
            "mira-solano",
            "north-watch",
            "zoe-angstrom",
            "harbor-league",
            "orchard-league"
        ]
    );
}

fn event_ids(d: &Indexed, found: &[EventMatch]) -> Vec<String> {
    found
        .iter()
        .map(|m| d.timeline.event(m.event).id().to_string())
        .collect()
}

#[test]
fn events_match_titles_summaries_places_and_tags() {
    let d = small();
    let search = EventSearch::new(&d);
    let found = search.search("harbour road");
    assert_eq!(event_ids(&d, &found)[0], "harbour-patrol");
    assert_eq!(found[0].field, EventField::Place);
    assert_eq!(
        found[0].indices,
        (0..12).filter(|&i| i != 7).collect::<Vec<_>>()
    );

    let found = search.search("economy");
    assert_eq!(event_ids(&d, &found)[0], "march-vote");
    assert_eq!(found[0].field, EventField::Tag(1));

    let found = search.search("week of rain");
    assert_eq!(event_ids(&d, &found)[0], "flood-gates");
    assert_eq!(found[0].field, EventField::Summary);
}

#[test]
fn event_words_may_match_in_different_fields() {
    let d = small();
    let found = EventSearch::new(&d).search("patrol security");
    assert_eq!(event_ids(&d, &found), ["harbour-patrol"]);
    // The first word's field, with its positions only.
    assert_eq!(found[0].field, EventField::Title);
    let title: Vec<char> = "North Watch patrol at the harbour".chars().collect();
    let picked: String = found[0].indices.iter().map(|&i| title[i]).collect();
    assert_eq!(picked, "patrol");
}

#[test]
fn equal_event_scores_are_chronological() {
    let d = small();
    let found = EventSearch::new(&d).search("government");
    assert_eq!(event_ids(&d, &found), ["march-vote", "flood-gates"]);
    assert_eq!(found[0].score, found[1].score);
    let all = EventSearch::new(&d).search("");
    assert_eq!(all.len(), d.timeline.events().len());
    assert_eq!(event_ids(&d, &all)[0], "guild-founded");
}

#[test]
fn quotes_are_searched_by_text() {
    let d = small();
    let found = search_quotes(&d, "boats three");
    let ids: Vec<&str> = found
        .iter()
        .map(|(q, _, _)| d.timeline.quote(*q).id())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.contains(&"review-01") && ids.contains(&"review-02"));
    let found = search_quotes(&d, "witnesses counted");
    assert_eq!(d.timeline.quote(found[0].0).id(), "review-02");
    assert_eq!(found[0].2.len(), "witnessescounted".len());
    assert!(search_quotes(&d, "qqqzzz").is_empty());
}

#[test]
fn event_words_must_match_compactly_not_scattered_over_prose() {
    let d = small();
    let search = EventSearch::new(&d);
    // "Guild march to the dam" holds g…a…t…e scattered; only the real word counts.
    assert_eq!(event_ids(&d, &search.search("gate")), ["flood-gates"]);
    // Actor names may still match by initials.
    let d = actors();
    assert_eq!(first_actor(&d, "pmf"), "popular-mobilization-forces");
}
