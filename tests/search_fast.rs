//! The fast actor search (prepared candidates, prefilter, narrowing while typing,
//! threads, partial sort) must answer exactly as the plain algorithm it replaced:
//! every actor's every name and alias scored by skim, all sorted. The plain one is
//! kept here as the reference, and both run over a generated timeline with
//! transliteration variants, non-ASCII aliases and abbreviations.

use tlx_testkit::synth;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use tlx::data::search::{ActorMatch, ActorSearch};
use tlx::data::{ActorIx, Indexed};

fn lowercase(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        })
        .collect()
}

/// The plain algorithm: score every name and alias of every actor, sort them all.
/// Each string is scored by a fresh skim: skim 0.3.7 reused leaves its score
/// matrix as the last string left it, which can change the next one's score.
fn reference(d: &Indexed, query: &str) -> Vec<ActorMatch> {
    let words: Vec<String> = query.split_whitespace().map(lowercase).collect();
    let t = &d.timeline;
    let mut found = Vec::new();
    for (a, actor) in t.actors().enumerate() {
        let mut best: Option<ActorMatch> = None;
        let names = std::iter::once((None, actor.name()))
            .chain(actor.aliases().enumerate().map(|(i, s)| (Some(i), s)));
        for (alias, text) in names {
            let lower = lowercase(text);
            let scored: Option<Vec<(i64, Vec<usize>)>> = words
                .iter()
                .map(|w| {
                    SkimMatcherV2::default()
                        .respect_case()
                        .fuzzy_indices(&lower, w)
                })
                .collect();
            let Some(scored) = scored else { continue };
            let mut score: i64 = scored.iter().map(|(s, _)| s).sum();
            if !words.is_empty()
                && lower
                    .split_whitespace()
                    .eq(words.iter().map(String::as_str))
            {
                score += 1000;
            }
            let mut indices: Vec<usize> = scored.into_iter().flat_map(|(_, i)| i).collect();
            indices.sort_unstable();
            indices.dedup();
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(ActorMatch {
                    actor: ActorIx(a as u32),
                    score,
                    alias: if words.is_empty() { None } else { alias },
                    indices,
                });
            }
            if words.is_empty() {
                break;
            }
        }
        found.extend(best);
    }
    found.sort_by_cached_key(|m| {
        let name = t.actor(m.actor).name();
        (
            std::cmp::Reverse(m.score),
            std::cmp::Reverse(d.index.events_of_actor(m.actor).len()),
            lowercase(name),
            name,
            m.actor,
        )
    });
    found
}

fn data() -> Indexed {
    let mut spec = synth::Spec::new(3_000);
    spec.actors = 4_000;
    tlx::data::load_bytes(&synth::generate(&spec))
        .expect("generated timelines are valid")
        .data
}

#[test]
fn typing_answers_as_the_plain_algorithm_at_every_key() {
    let d = data();
    let search = ActorSearch::new(&d);
    for query in [
        "kataib hezbollah",
        "ktb hzb",
        "Muqtadā",
        "ʿali",
        "abu mahdi al",
        "KH",
        "al-kadhimi",
        "  sadr  ",
        "zzzz",
    ] {
        for (i, c) in query.char_indices() {
            let typed = &query[..i + c.len_utf8()];
            let expected = reference(&d, typed);
            assert_eq!(search.search(typed), expected, "query {typed:?}");
            let (top, total) = search.search_top(typed, 7);
            assert_eq!(total, expected.len(), "query {typed:?}");
            assert_eq!(top, expected[..expected.len().min(7)], "query {typed:?}");
        }
    }
    // Deleting characters and starting over must not reuse narrower results.
    for typed in ["kataib", "kat", "", "a", "mu", "m"] {
        assert_eq!(
            search.search(typed),
            reference(&d, typed),
            "query {typed:?}"
        );
    }
}

/// The plain event search: every field of every event scored by skim (with the
/// compactness rule), words in one field first, then across fields.
fn reference_events(d: &Indexed, query: &str) -> Vec<tlx::data::search::EventMatch> {
    use tlx::data::search::{EventField, EventMatch};
    let words: Vec<String> = query.split_whitespace().map(lowercase).collect();
    // A fresh matcher for every text: skim 0.3.7's reused score matrix can leak a
    // bonus from one call into the next (see `Matcher::word`).
    let word = |text: &str, w: &str| -> Option<(i64, Vec<usize>)> {
        let skim = SkimMatcherV2::default().respect_case();
        let (score, indices) = skim.fuzzy_indices(&lowercase(text), w)?;
        let compact = match (indices.first(), indices.last()) {
            (Some(f), Some(l)) => l - f < 2 * w.chars().count(),
            _ => true,
        };
        compact.then_some((score, indices))
    };
    let all_words = |text: &str| -> Option<(i64, Vec<usize>)> {
        let mut score = 0;
        let mut indices = Vec::new();
        for w in &words {
            let (s, i) = word(text, w)?;
            score += s;
            indices.extend(i);
        }
        indices.sort_unstable();
        indices.dedup();
        if lowercase(text)
            .split_whitespace()
            .eq(words.iter().map(String::as_str))
        {
            score += 1000;
        }
        Some((score, indices))
    };
    let t = &d.timeline;
    let mut found = Vec::new();
    for &e in d.index.chronological() {
        let event = t.event(e);
        if words.is_empty() {
            found.push(EventMatch {
                event: e,
                score: 0,
                field: EventField::Title,
                indices: Vec::new(),
            });
            continue;
        }
        let mut fields: Vec<(EventField, &str)> = vec![(EventField::Title, event.title())];
        fields.extend(event.summary().map(|s| (EventField::Summary, s)));
        fields.extend(event.place().map(|p| (EventField::Place, p)));
        fields.extend(
            event
                .tags()
                .enumerate()
                .map(|(i, g)| (EventField::Tag(i), g)),
        );
        let mut best: Option<EventMatch> = None;
        for &(field, text) in &fields {
            if let Some((score, indices)) = all_words(text)
                && best.as_ref().is_none_or(|b| score > b.score)
            {
                best = Some(EventMatch {
                    event: e,
                    score,
                    field,
                    indices,
                });
            }
        }
        if best.is_none() && words.len() >= 2 {
            let per_word: Option<Vec<(i64, EventField, Vec<usize>)>> = words
                .iter()
                .map(|w| {
                    let mut top: Option<(i64, EventField, Vec<usize>)> = None;
                    for &(field, text) in &fields {
                        if let Some((s, i)) = word(text, w)
                            && top.as_ref().is_none_or(|b| s > b.0)
                        {
                            top = Some((s, field, i));
                        }
                    }
                    top
                })
                .collect();
            if let Some(per_word) = per_word {
                let score = per_word.iter().map(|p| p.0).sum();
                let field = per_word[0].1;
                let mut indices: Vec<usize> = per_word
                    .into_iter()
                    .filter(|p| p.1 == field)
                    .flat_map(|p| p.2)
                    .collect();
                indices.sort_unstable();
                indices.dedup();
                best = Some(EventMatch {
                    event: e,
                    score,
                    field,
                    indices,
                });
            }
        }
        found.extend(best);
    }
    found.sort_by_key(|m| std::cmp::Reverse(m.score));
    found
}

/// 1,500 synthetic events over 300 actors: the timeline the event searches
/// are compared with the plain algorithm on.
fn event_timeline() -> Indexed {
    let mut spec = synth::Spec::new(1_500);
    spec.actors = 300;
    tlx::data::load_bytes(&synth::generate(&spec))
        .expect("valid")
        .data
}

#[test]
fn event_search_answers_as_the_plain_algorithm_at_every_key() {
    let d = event_timeline();
    let search = tlx::data::search::EventSearch::new(&d);
    for query in ["drone attack", "basra", "kh ceasefire", "ʿali", "abu", "zq"] {
        for (i, c) in query.char_indices() {
            let typed = &query[..i + c.len_utf8()];
            assert_eq!(
                search.search(typed),
                reference_events(&d, typed),
                "query {typed:?}"
            );
        }
    }
    for typed in ["drone", "dr", "", "x"] {
        assert_eq!(
            search.search(typed),
            reference_events(&d, typed),
            "query {typed:?}"
        );
    }
}

/// What `EventSearch::find` must answer over `list`: the reference's matches as
/// positions in that list, in order, and its best (the first of its ranking).
fn reference_hits(
    d: &Indexed,
    query: &str,
    list: &[tlx::data::EventIx],
) -> (
    Vec<u32>,
    Option<(u32, i64)>,
    Vec<tlx::data::search::EventMatch>,
) {
    let pos_of: std::collections::HashMap<_, _> = list
        .iter()
        .enumerate()
        .map(|(p, &e)| (e, p as u32))
        .collect();
    let ranked: Vec<_> = reference_events(d, query)
        .into_iter()
        .filter(|m| pos_of.contains_key(&m.event))
        .collect();
    let best = ranked.first().map(|m| (pos_of[&m.event], m.score));
    let mut positions: Vec<u32> = ranked.iter().map(|m| pos_of[&m.event]).collect();
    positions.sort_unstable();
    (positions, best, ranked)
}

/// Checks `find` (and `hit`, row by row) against the reference for one query.
fn check_find(
    d: &Indexed,
    search: &tlx::data::search::EventSearch,
    query: &str,
    within: Option<std::sync::Arc<[tlx::data::EventIx]>>,
) {
    let list: Vec<_> = within
        .as_deref()
        .unwrap_or(d.index.chronological())
        .to_vec();
    let found = search
        .find(query, within, &|| false, &mut |_| {})
        .expect("never stale");
    let (positions, best, ranked) = reference_hits(d, query, &list);
    assert_eq!(found.positions, positions, "query {query:?}");
    assert_eq!(found.best, best, "query {query:?}");
    assert!(found.complete && found.settled as usize == list.len());
    for m in ranked {
        assert_eq!(search.hit(m.event, query), Some(m), "query {query:?}");
    }
}

#[test]
fn event_find_answers_as_the_plain_algorithm_at_every_key() {
    let d = event_timeline();
    let search = tlx::data::search::EventSearch::new(&d);
    // Every third event, as a pane filtered to some events lists them.
    let some: std::sync::Arc<[tlx::data::EventIx]> =
        d.index.chronological().iter().copied().step_by(3).collect();
    for query in [
        "drone attack",
        "d",
        "basra",
        "kh ceasefire",
        "ʿali",
        "abu",
        "zq",
        "parade",
        "1",
        "al-",
    ] {
        for (i, c) in query.char_indices() {
            let typed = &query[..i + c.len_utf8()];
            check_find(&d, &search, typed, None);
            check_find(&d, &search, typed, Some(some.clone()));
        }
    }
    // Deleting, starting over, skipping keys: no narrowing from unrelated queries.
    for typed in ["drone", "dr", "x", "drone at", "basr", "b"] {
        check_find(&d, &search, typed, None);
    }
}

/// A timeline long enough for an event scan to answer in parts.
fn long_timeline() -> Indexed {
    tlx::data::load_bytes(&synth::generate(&synth::Spec::new(60_000)))
        .expect("valid")
        .data
}

/// A search worker over `long_timeline`, and where its answers come.
fn worker_on_a_long_timeline() -> (
    tlx::data::search::SearchWorker,
    std::sync::mpsc::Receiver<tlx::data::search::SearchAnswer>,
) {
    let (sender, answers) = std::sync::mpsc::channel();
    let worker =
        tlx::data::search::SearchWorker::spawn(std::sync::Arc::new(long_timeline()), move |a| {
            sender.send(a).is_ok()
        });
    (worker, answers)
}

#[test]
fn event_find_stops_when_stale() {
    let d = tlx::data::load_bytes(&synth::generate(&synth::Spec::new(20_000)))
        .expect("valid")
        .data;
    let search = tlx::data::search::EventSearch::new(&d);
    let asked = std::sync::atomic::AtomicUsize::new(0);
    // Stale from its second question on: a newer query arrived meanwhile.
    let stale = || asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= 1;
    assert_eq!(search.find("dr", None, &stale, &mut |_| {}), None);
    // A whole scan asks once per thousand events or so; this one stopped at once.
    let asked = asked.into_inner();
    assert!(asked <= 3, "asked {asked} times");
    // And its partial work is not taken for a finished scan by the next key.
    let found = search
        .find("dro", None, &|| false, &mut |_| {})
        .expect("not stale");
    let (positions, best, _) = reference_hits(&d, "dro", d.index.chronological());
    assert_eq!((found.positions, found.best), (positions, best));
}

#[test]
fn a_long_event_scan_hands_over_settled_parts_first() {
    let d = long_timeline();
    let search = tlx::data::search::EventSearch::new(&d);
    // A slow scan (its stale check sleeps), so that parts come before the end.
    let slow = || {
        std::thread::sleep(std::time::Duration::from_millis(2));
        false
    };
    for query in ["dr", "d", "drone at"] {
        let mut parts = Vec::new();
        let all = search
            .find(query, None, &slow, &mut |hits| parts.push(hits.clone()))
            .expect("not stale");
        assert!(all.complete);
        assert!(!parts.is_empty(), "query {query:?}: no part came first");
        for part in parts {
            assert!(!part.complete && (part.settled as usize) < d.timeline.event_count());
            // Below `settled`: exactly the hits of the whole scan, and its best.
            let settled: Vec<u32> = all
                .positions
                .iter()
                .copied()
                .filter(|&p| p < part.settled)
                .collect();
            assert_eq!(part.positions, settled, "query {query:?}");
            let mut best = None;
            for &p in &settled {
                let e = d.index.chronological()[p as usize];
                let score = search.hit(e, query).expect("a hit").score;
                if best.is_none_or(|(_, s)| score > s) {
                    best = Some((p, score));
                }
            }
            assert_eq!(part.best, best, "query {query:?}");
        }
    }
}

mod bound {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;
    use tlx::testing::word_score_bound;

    /// Skim as event search runs it: a fresh matcher, positions wanted.
    fn score(text: &str, word: &str) -> Option<i64> {
        let skim = SkimMatcherV2::default().respect_case();
        skim.fuzzy_indices(text, word).map(|(s, _)| s)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// The early stop of event search relies on it: no text scores higher,
        /// wherever the word (or its letters) may be, whatever surrounds them.
        #[test]
        fn no_text_scores_above_the_bound(
            before in "[a-d ./()_:A-D0-9é-]{0,12}",
            after in "[a-d ./()_:A-D0-9é-]{0,12}",
            word in "[a-d./()_:0-9é-]{1,6}",
            inside in any::<bool>(),
        ) {
            let text = if inside { format!("{before}{word}{after}") } else { format!("{before}{after}") };
            if let Some(s) = score(&text, &word) {
                prop_assert!(s <= word_score_bound(&word), "{text:?} {word:?} {s}");
            }
        }

        /// And it is reached, so that the scan does stop: by a text that starts
        /// with the word.
        #[test]
        fn a_text_starting_with_the_word_reaches_it(word in "[a-z]{1,8}", rest in "[ a-z]{0,20}") {
            let text = format!("{word}{rest}");
            prop_assert_eq!(score(&text, &word), Some(word_score_bound(&word)));
        }
    }
}

#[test]
fn the_search_worker_gives_up_a_long_scan_when_a_newer_query_comes() {
    use tlx::data::search::{Found, SearchRequest, SearchTarget};
    let (worker, answers) = worker_on_a_long_timeline();
    let request = |generation, query: &str| SearchRequest {
        generation,
        target: SearchTarget::Events,
        query: query.into(),
        within: None,
    };
    worker.submit(request(1, "dr"));
    // Its first part says the scan is under way (a whole scan of "dr" takes far
    // longer, the more so unoptimized).
    let first = answers.recv().expect("an answer");
    let Found::Events(hits) = &first.found else {
        panic!("event hits")
    };
    assert_eq!(first.generation, 1);
    assert!(!hits.complete, "the scan is long enough to answer in parts");
    worker.submit(request(2, "dro"));
    loop {
        let answer = answers.recv().expect("an answer");
        let Found::Events(hits) = &answer.found else {
            panic!("event hits")
        };
        assert!(
            answer.generation == 2 || !hits.complete,
            "the stale scan finished instead of stopping"
        );
        if answer.generation == 2 && hits.complete {
            break;
        }
    }
}

#[test]
fn a_cancelled_pane_search_stops_and_frees_the_worker_for_the_finder() {
    use tlx::data::search::{Found, SearchRequest, SearchTarget};
    let (worker, answers) = worker_on_a_long_timeline();
    worker.submit(SearchRequest {
        generation: 1,
        target: SearchTarget::Events,
        query: "dr".into(),
        within: None,
    });
    let first = answers.recv().expect("a first part");
    assert!(matches!(&first.found, Found::Events(h) if !h.complete));
    worker.cancel_pane();
    worker.submit(SearchRequest {
        generation: 2,
        target: SearchTarget::Finder { rows: 5 },
        query: "ka".into(),
        within: None,
    });
    // The finder's answer comes before any whole answer to the cancelled scan.
    loop {
        let answer = answers.recv().expect("an answer");
        match &answer.found {
            Found::Finder { .. } => break,
            Found::Events(hits) => assert!(!hits.complete, "the cancelled scan finished"),
            _ => panic!("unexpected answer"),
        }
    }
}
