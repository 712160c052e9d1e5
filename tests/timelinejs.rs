//! Reading TimelineJS3 files: the sample written for these tests, and the
//! mistakes that make a file unreadable.

use tlx::data::{Date, EventIx, Indexed, LoadError, Loaded, load_file, load_str};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/timelinejs/sample.json"
);

fn sample() -> Loaded {
    load_file(SAMPLE.as_ref(), &tlx::data::LoadProgress::new()).unwrap_or_else(|e| panic!("{e}"))
}

fn event<'a>(data: &'a Indexed, id: &str) -> tlx::data::Event<'a> {
    data.timeline
        .events()
        .find(|e| e.id() == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn tags<'a>(e: tlx::data::Event<'a>) -> Vec<&'a str> {
    e.tags().collect()
}

#[test]
fn the_title_slide_names_the_timeline() {
    let t = sample().data.timeline;
    assert_eq!(t.title(), "Riverbend & its mill");
    assert_eq!(
        t.description(),
        Some(
            "An imaginary town, written for the tests of tlx’s TimelineJS import.\n\nNothing here happened."
        )
    );
}

#[test]
fn dates_keep_their_precision_and_era() {
    let data = sample().data;
    let well = event(&data, "first-well");
    assert_eq!(well.date(), Date::year(-499));
    assert_eq!(well.date().human(), "500 BCE");
    let market = event(&data, "market-day");
    assert_eq!(market.date().human(), "15 Mar 44 BCE");
    assert_eq!(market.end().map(|d| d.human()).as_deref(), Some("43 BCE"));
    assert_eq!(
        event(&data, "1200-the-stone-bridge").date(),
        Date::year(1200)
    );
    assert_eq!(
        event(&data, "1400-02-the-mill-burns").date(),
        Date::month(1400, 2)
    );
    assert_eq!(
        event(&data, "first-well-2").date(),
        Date::day(1250, 6, 1).unwrap()
    );
    // The index puts BCE first.
    let first = data.index.chronological()[0];
    assert_eq!(data.timeline.event(first).id(), "first-well");
}

#[test]
fn text_loses_its_html_and_keeps_its_words() {
    let data = sample().data;
    let festival = event(&data, "2021-11-07-town-festival");
    assert_eq!(
        festival.summary(),
        Some("The town’s festival returns, with music & dancing.")
    );
    assert_eq!(event(&data, "market-day").title(), "Market & fair");
    assert_eq!(
        event(&data, "market-day").summary(),
        Some("A market is held on the green.\n\nIt lasts into the next year.")
    );
}

#[test]
fn ids_are_made_valid_and_unique() {
    let data = sample().data;
    let ids: Vec<&str> = data.timeline.events().map(|e| e.id()).collect();
    assert_eq!(
        ids,
        [
            "first-well",
            "market-day",
            "1200-the-stone-bridge",
            "first-well-2",
            "1400-02-the-mill-burns",
            "1401-the-mill-is-rebuilt",
            "2021-11-07-town-festival",
        ]
    );
}

#[test]
fn groups_and_eras_become_tags() {
    let data = sample().data;
    assert_eq!(tags(event(&data, "first-well")), ["Founding", "Antiquity"]);
    assert_eq!(tags(event(&data, "market-day")), ["Antiquity"]);
    assert_eq!(
        tags(event(&data, "1200-the-stone-bridge")),
        ["Building", "Middle Ages"]
    );
    assert_eq!(
        tags(event(&data, "2021-11-07-town-festival")),
        ["Festivals"]
    );
}

#[test]
fn media_becomes_a_shared_source_and_quotes() {
    let data = sample().data;
    let t = &data.timeline;
    assert_eq!(t.sources().len(), 1, "one url and credit, one source");
    let source = t.source(tlx::data::SourceIx(0));
    assert_eq!(source.id(), "riverbend-archive");
    assert_eq!(source.publisher(), "Riverbend Archive");
    assert_eq!(
        source.url(),
        Some("https://example.org/riverbend/bridge.jpg")
    );
    let bridge = event(&data, "1200-the-stone-bridge");
    assert_eq!(bridge.quotes().len(), 1);
    let quote = t.quote(bridge.quotes()[0]);
    assert_eq!(quote.text(), "The old bridge, drawn from memory");
    assert_eq!(t.source(quote.source()).id(), "riverbend-archive");
    assert_eq!(data.index.quotes_of_source(quote.source()).len(), 2);
    // A caption with nowhere to come from is kept in the note.
    assert_eq!(
        event(&data, "1400-02-the-mill-burns").note(),
        Some("Media caption: Only a caption, with no credit or address")
    );
}

#[test]
fn a_display_date_is_kept_in_the_note() {
    let data = sample().data;
    assert_eq!(
        event(&data, "market-day").note(),
        Some("TimelineJS display date: Spring, 44 BCE")
    );
}

#[test]
fn what_has_no_place_in_tlx_is_a_warning_with_its_path() {
    let warnings: Vec<String> = sample().warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "events[1].unique_id: \"Market Day!\" is not a valid tlx id: imported as \"market-day\"",
            "events[3].start_date.hour: the time of day is not imported: tlx dates are years, months or days",
            "events[3].start_date.minute: the time of day is not imported: tlx dates are years, months or days",
            "events[3].unique_id: \"first-well\" is the id of an earlier slide: imported as \"first-well-2\"",
            "events[5].background: not imported: tlx has no place for it",
            "events[5].autolink: not imported: tlx has no place for it",
            "events[5].media.thumbnail: not imported: tlx has no place for it",
            "eras[0].text.text: an era's text is not imported (its headline becomes a tag)",
        ]
    );
}

fn problems(json: &str) -> Vec<String> {
    match load_str(json) {
        Err(LoadError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        Ok(_) => panic!("{json} loaded"),
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn unreadable_dates_are_errors() {
    assert_eq!(
        problems(r#"{"events": [{"start_date": {"year": 2020}}, {"text": {"headline": "x"}}]}"#),
        ["events[1].start_date: missing: TimelineJS needs a start date on every event slide"]
    );
    assert_eq!(
        problems(r#"{"events": [{"start_date": {"year": 2020, "month": 13}}]}"#),
        ["events[0].start_date: \"2020-13\" is not a real date: there is no month 13"]
    );
    assert_eq!(
        problems(r#"{"events": [{"start_date": {"year": "soon"}}]}"#),
        ["events[0].start_date.year: \"soon\" is not a year"]
    );
    assert_eq!(
        problems(r#"{"events": [{"start_date": {"year": 2021, "day": 3}}]}"#),
        ["events[0].start_date.day: a day needs a month"]
    );
    assert_eq!(
        problems(r#"{"events": [{"start_date": {"year": -20000}}]}"#),
        ["events[0].start_date.year: -20000 is beyond what tlx can hold (9999 BCE to 9999)"]
    );
}

#[test]
fn a_file_without_a_title_slide_still_loads() {
    let loaded = load_str(
        r#"{"events": [{"start_date": {"year": 2020}, "text": {"headline": "<b>Bold</b> move"}}]}"#,
    )
    .unwrap();
    assert_eq!(loaded.data.timeline.title(), "Untitled timeline");
    assert_eq!(loaded.data.timeline.event(EventIx(0)).title(), "Bold move");
    assert_eq!(
        loaded.data.timeline.event(EventIx(0)).id(),
        "2020-bold-move"
    );
    assert_eq!(
        loaded.warnings[0].to_string(),
        "title: no title slide with a headline: the timeline is called \"Untitled timeline\""
    );
}

#[test]
fn our_own_format_is_not_mistaken_for_timelinejs() {
    let text = r#"{"format": "tlx/1", "title": "t", "events": [
        {"id": "a", "date": "2020", "title": "x", "start_date": {"year": 1}}]}"#;
    let loaded = load_str(text).unwrap();
    assert_eq!(
        loaded.warnings[0].to_string(),
        "events[0].start_date: unknown field, ignored"
    );
}
