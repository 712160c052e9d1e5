//! The index on a small hand-made (fictional) timeline: chronological order with
//! mixed precision and ties, and every cross-reference both ways.

use tlx::data::*;

fn small() -> Indexed {
    let text = include_str!("data/small.json");
    let loaded = load_str(text).expect("tests/data/small.json is valid");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.data
}

fn event(d: &Indexed, id: &str) -> EventIx {
    match d.find(id) {
        Some(ItemRef::Event(e)) => e,
        other => panic!("{id}: {other:?}"),
    }
}
fn actor(d: &Indexed, id: &str) -> ActorIx {
    match d.find(id) {
        Some(ItemRef::Actor(a)) => a,
        other => panic!("{id}: {other:?}"),
    }
}
fn quote(d: &Indexed, id: &str) -> QuoteIx {
    match d.find(id) {
        Some(ItemRef::Quote(q)) => q,
        other => panic!("{id}: {other:?}"),
    }
}
fn source(d: &Indexed, id: &str) -> SourceIx {
    match d.find(id) {
        Some(ItemRef::Source(s)) => s,
        other => panic!("{id}: {other:?}"),
    }
}

fn event_ids(d: &Indexed, events: impl IntoIterator<Item = EventIx>) -> Vec<String> {
    events
        .into_iter()
        .map(|e| d.timeline.event(e).id().to_string())
        .collect()
}
fn quote_ids(d: &Indexed, quotes: &[QuoteIx]) -> Vec<String> {
    quotes
        .iter()
        .map(|&q| d.timeline.quote(q).id().to_string())
        .collect()
}

#[test]
fn events_are_chronological_lower_precision_first_ties_in_file_order() {
    let d = small();
    assert_eq!(
        event_ids(&d, d.index.chronological().iter().copied()),
        [
            "guild-founded",    // 2019-06-01
            "year-of-disputes", // 2020: before everything else in 2020
            "march-session",    // 2020-03, third in the file
            "march-vote",       // 2020-03, sixth in the file
            "flood-gates",      // 2020-03-15, first in the file
            "guild-march",      // 2020-03-15, fourth in the file
            "harbour-patrol",   // 2020-04-02
        ]
    );
    for (pos, &e) in d.index.chronological().iter().enumerate() {
        assert_eq!(d.index.rank(e), pos);
    }
}

#[test]
fn actor_events_with_roles_oldest_first() {
    let d = small();
    let shown = |id: &str| -> Vec<(String, Option<String>)> {
        d.index
            .events_of_actor(actor(&d, id))
            .iter()
            .map(|&ae| {
                (
                    d.timeline.event(ae.event).id().to_string(),
                    d.role(ae).map(str::to_string),
                )
            })
            .collect()
    };
    let pair = |id: &str, role: Option<&str>| (id.to_string(), role.map(str::to_string));
    assert_eq!(
        shown("lantern-council"),
        [
            pair("march-session", None),
            pair("march-vote", Some("organizer")),
            pair("flood-gates", Some("organizer")),
        ]
    );
    assert_eq!(
        shown("river-guild"),
        [
            pair("guild-founded", None),
            pair("flood-gates", Some("commented")),
            pair("guild-march", Some("organizer")),
        ]
    );
    assert_eq!(
        shown("mira-solano"),
        [
            pair("guild-founded", Some("organizer")),
            pair("guild-march", Some("participant")),
        ]
    );
    assert!(shown("orchard-league").is_empty());
    // And the other way: each event lists exactly those actors.
    let patrol = d.timeline.event(event(&d, "harbour-patrol"));
    let ids: Vec<&str> = patrol
        .actors()
        .map(|p| d.timeline.actor(p.actor).id())
        .collect();
    assert_eq!(ids, ["north-watch", "zoe-angstrom"]);
}

#[test]
fn quotes_and_events_both_ways() {
    let d = small();
    let patrol = event(&d, "harbour-patrol");
    assert_eq!(
        quote_ids(&d, d.timeline.event(patrol).quotes()),
        ["review-01", "review-02", "gazette-01"]
    );
    assert_eq!(
        event_ids(
            &d,
            d.index.events_of_quote(quote(&d, "gazette-01")).to_vec()
        ),
        ["flood-gates", "harbour-patrol"]
    );
    assert_eq!(
        event_ids(&d, d.index.events_of_quote(quote(&d, "review-03")).to_vec()),
        ["guild-founded"]
    );
}

#[test]
fn sources_list_their_quotes_in_document_order() {
    let d = small();
    assert_eq!(
        quote_ids(&d, d.index.quotes_of_source(source(&d, "valley-gazette"))),
        ["gazette-01", "gazette-02"]
    );
    assert_eq!(
        quote_ids(&d, d.index.quotes_of_source(source(&d, "harbor-review"))),
        ["review-01", "review-02", "review-03"]
    );
    let q = d.timeline.quote(quote(&d, "review-02"));
    assert_eq!(d.timeline.source(q.source()).id(), "harbor-review");
}

#[test]
fn speakers_and_their_quotes() {
    let d = small();
    assert_eq!(
        quote_ids(&d, d.index.quotes_by_speaker(actor(&d, "zoe-angstrom"))),
        ["gazette-01", "review-02"]
    );
    assert_eq!(
        quote_ids(&d, d.index.quotes_by_speaker(actor(&d, "mira-solano"))),
        ["gazette-02"]
    );
    assert!(
        d.index
            .quotes_by_speaker(actor(&d, "north-watch"))
            .is_empty()
    );
}

#[test]
fn disputes_from_events_and_quotes() {
    let d = small();
    let Some(ItemRef::Dispute(boats)) = d.find("boat-count") else {
        panic!("boat-count is a dispute");
    };
    assert_eq!(
        d.index.disputes_of_event(event(&d, "harbour-patrol")),
        [boats]
    );
    assert!(
        d.index
            .disputes_of_event(event(&d, "flood-gates"))
            .is_empty()
    );
    assert_eq!(d.index.disputes_of_quote(quote(&d, "review-01")), [boats]);
    assert_eq!(d.index.disputes_of_quote(quote(&d, "review-02")), [boats]);
    assert!(
        d.index
            .disputes_of_quote(quote(&d, "gazette-01"))
            .is_empty()
    );
    let dispute = d.timeline.dispute(boats);
    assert_eq!(dispute.event(), Some(event(&d, "harbour-patrol")));
    let claims: Vec<(&str, Vec<String>)> = dispute
        .claims()
        .map(|c| (c.claim(), quote_ids(&d, c.quotes())))
        .collect();
    assert_eq!(
        claims,
        [
            ("three", vec!["review-01".to_string()]),
            ("two", vec!["review-02".to_string()])
        ]
    );
}

#[test]
fn relations_both_ways() {
    let d = small();
    let council = actor(&d, "lantern-council");
    let incoming: Vec<(String, &str)> = d
        .index
        .relations_to(council)
        .iter()
        .map(|&r| {
            (
                d.timeline.actor(r.subject).id().to_string(),
                d.relation(r).kind().as_str(),
            )
        })
        .collect();
    assert_eq!(
        incoming,
        [
            ("river-guild".to_string(), "opposes"),
            ("north-watch".to_string(), "backed-by"),
            ("zoe-angstrom".to_string(), "member-of"),
        ]
    );
    let mira = d.timeline.actor(actor(&d, "mira-solano"));
    let leads = mira.relation(0);
    assert_eq!(leads.kind(), RelationKind::Leads);
    assert_eq!(leads.actor(), actor(&d, "river-guild"));
    assert_eq!(leads.from(), Some(Date::year(2019)));
    assert_eq!(leads.to(), None);
    assert_eq!(quote_ids(&d, leads.quotes()), ["review-03"]);
    let guild_in = d.index.relations_to(actor(&d, "river-guild"));
    assert_eq!(guild_in.len(), 1);
    assert_eq!(guild_in[0].subject, actor(&d, "mira-solano"));
    assert!(d.index.relations_to(actor(&d, "mira-solano")).is_empty());
}

#[test]
fn ids_span_and_years() {
    let d = small();
    assert!(matches!(d.find("valley-gazette"), Some(ItemRef::Source(_))));
    assert!(matches!(d.find("boat-count"), Some(ItemRef::Dispute(_))));
    assert_eq!(d.find("no-such-id"), None);
    let (first, last) = d.index.span(&d.timeline).unwrap();
    assert_eq!(
        (first.to_string(), last.to_string()),
        ("2019-06-01".into(), "2020-04-02".into())
    );
    assert_eq!(
        d.index.events_per_year(&d.timeline),
        Some((2019, vec![1, 6]))
    );
}

#[test]
fn the_model_keeps_what_the_file_says() {
    let d = small();
    let founded = d.timeline.event(event(&d, "guild-founded"));
    assert_eq!(founded.date().precision(), Precision::Day);
    assert_eq!(
        founded.end().map(|e| e.to_string()).as_deref(),
        Some("2019-06-30")
    );
    assert_eq!(founded.certainty(), Some(Certainty::Confirmed));
    let year = d.timeline.event(event(&d, "year-of-disputes"));
    assert_eq!(year.date().precision(), Precision::Year);
    assert_eq!(year.certainty(), None);
    let gazette = d.timeline.source(source(&d, "valley-gazette"));
    assert_eq!(gazette.url(), None);
    assert_eq!(gazette.kind(), Some(SourceKind::News));
    assert_eq!(gazette.published(), Some(Date::month(2020, 3)));
    assert_eq!(
        d.timeline.actor(actor(&d, "zoe-angstrom")).name(),
        "Zoë Ångström"
    );
}
