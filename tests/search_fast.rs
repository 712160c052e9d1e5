//! The fast actor search (prepared candidates, prefilter, narrowing while typing,
//! threads, partial sort) must answer exactly as the plain algorithm it replaced:
//! every actor's every name and alias scored by skim, all sorted. The plain one is
//! kept here as the reference, and both run over a generated timeline with
//! transliteration variants, non-ASCII aliases and abbreviations.

#[path = "../examples/synth/mod.rs"]
mod synth;

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
fn reference(d: &Indexed, query: &str) -> Vec<ActorMatch> {
    let skim = SkimMatcherV2::default().respect_case();
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
                .map(|w| skim.fuzzy_indices(&lower, w))
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
            assert_eq!(search.search(&d, typed), expected, "query {typed:?}");
            let (top, total) = search.search_top(&d, typed, 7);
            assert_eq!(total, expected.len(), "query {typed:?}");
            assert_eq!(top, expected[..expected.len().min(7)], "query {typed:?}");
        }
    }
    // Deleting characters and starting over must not reuse narrower results.
    for typed in ["kataib", "kat", "", "a", "mu", "m"] {
        assert_eq!(
            search.search(&d, typed),
            reference(&d, typed),
            "query {typed:?}"
        );
    }
}

/// The plain event search: every field of every event scored by skim (with the
/// compactness rule), words in one field first, then across fields.
fn reference_events(d: &Indexed, query: &str) -> Vec<tlx::data::search::EventMatch> {
    use tlx::data::search::{EventField, EventMatch};
    let skim = SkimMatcherV2::default().respect_case();
    let words: Vec<String> = query.split_whitespace().map(lowercase).collect();
    let word = |text: &str, w: &str| -> Option<(i64, Vec<usize>)> {
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

#[test]
fn event_search_answers_as_the_plain_algorithm_at_every_key() {
    let mut spec = synth::Spec::new(1_500);
    spec.actors = 300;
    let d = tlx::data::load_bytes(&synth::generate(&spec))
        .expect("valid")
        .data;
    let search = tlx::data::search::EventSearch::new(&d);
    for query in ["drone attack", "basra", "kh ceasefire", "ʿali", "abu", "zq"] {
        for (i, c) in query.char_indices() {
            let typed = &query[..i + c.len_utf8()];
            assert_eq!(
                search.search(&d, typed),
                reference_events(&d, typed),
                "query {typed:?}"
            );
        }
    }
    for typed in ["drone", "dr", "", "x"] {
        assert_eq!(
            search.search(&d, typed),
            reference_events(&d, typed),
            "query {typed:?}"
        );
    }
}
