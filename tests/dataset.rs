//! The embedded dataset keeps its minimums, so that it cannot silently shrink:
//! counts, the years covered, every event cited, every quote and actor used, the
//! quotes of each source in document order, the disputes marked on their events.
//! (Rebuild it with `python3 scripts/dataset/merge.py`; see scripts/dataset/README.md.)

use std::collections::{HashMap, HashSet};

use tlx::data::date::Date;
use tlx::data::embedded;
use tlx::data::search::ActorSearch;
use tlx::data::{Certainty, Timeline};

fn timeline() -> Timeline {
    let loaded = embedded().expect("the embedded timeline loads");
    assert!(
        loaded.warnings.is_empty(),
        "the embedded timeline loads with warnings: {:?}",
        loaded.warnings
    );
    loaded.data.timeline
}

#[test]
fn counts_reach_the_minimums() {
    let t = timeline();
    assert!(
        t.events().len() >= 70,
        "{} events, want >= 70",
        t.events().len()
    );
    assert!(
        t.actors().len() >= 70,
        "{} actors, want >= 70",
        t.actors().len()
    );
    assert!(
        t.quotes().len() >= 150,
        "{} quotes, want >= 150",
        t.quotes().len()
    );
    assert!(
        t.disputes().len() >= 8,
        "{} disputes, want >= 8",
        t.disputes().len()
    );
    assert_eq!(
        t.sources().len(),
        5,
        "the five seed articles, no more and no less"
    );
    for (i, s) in t.sources().enumerate() {
        let n = t.quotes().filter(|q| q.source().get() == i).count();
        assert!(n >= 15, "source {} has {n} quotes, want >= 15", s.id());
    }
}

#[test]
fn years_are_covered_and_events_stay_in_range() {
    let t = timeline();
    let years: HashSet<i32> = t.events().map(|e| e.date().year).collect();
    for y in [2003, 2005, 2011, 2014, 2018, 2019, 2020, 2021] {
        assert!(years.contains(&y), "no event in {y}");
    }
    let first = Date::year(2003);
    let last = Date::month(2021, 11);
    for e in t.events() {
        assert!(
            e.date() >= first,
            "{} ({}) is before 2003",
            e.id(),
            e.date()
        );
        // A date inside November 2021 (any day) is in range; Date orders 2021-11 before 2021-11-07.
        let in_range = e.date() <= last || (e.date().year == 2021 && e.date().month == 11);
        assert!(in_range, "{} ({}) is after November 2021", e.id(), e.date());
        if let Some(end) = e.end() {
            let end_ok = end <= last || (end.year == 2021 && end.month == 11);
            assert!(end_ok, "{} ends ({end}) after November 2021", e.id());
        }
    }
}

#[test]
fn every_event_is_cited_and_has_words() {
    let t = timeline();
    for e in t.events() {
        assert!(!e.quotes().is_empty(), "event {} cites no quote", e.id());
        assert!(e.summary().is_some(), "event {} has no summary", e.id());
        assert!(e.certainty().is_some(), "event {} has no certainty", e.id());
        assert!(e.actors().len() != 0, "event {} has no actor", e.id());
    }
}

#[test]
fn every_quote_is_used() {
    let t = timeline();
    let mut used = HashSet::new();
    for e in t.events() {
        used.extend(e.quotes().iter().map(|q| q.get()));
    }
    for a in t.actors() {
        for r in a.relations() {
            used.extend(r.quotes().iter().map(|q| q.get()));
        }
    }
    for d in t.disputes() {
        for c in d.claims() {
            used.extend(c.quotes().iter().map(|q| q.get()));
        }
    }
    for (i, q) in t.quotes().enumerate() {
        assert!(
            used.contains(&i),
            "quote {} is used by no event, relation or dispute",
            q.id()
        );
    }
}

#[test]
fn every_actor_is_in_an_event_or_a_relation() {
    let t = timeline();
    let mut used = HashSet::new();
    for e in t.events() {
        used.extend(e.actors().map(|p| p.actor.get()));
    }
    for (i, a) in t.actors().enumerate() {
        if a.relations().len() != 0 {
            used.insert(i);
        }
        used.extend(a.relations().map(|r| r.actor().get()));
    }
    for (i, a) in t.actors().enumerate() {
        assert!(
            used.contains(&i),
            "actor {} is in no event or relation",
            a.id()
        );
    }
}

#[test]
fn no_spelling_belongs_to_two_actors() {
    let t = timeline();
    let mut owner: HashMap<String, &str> = HashMap::new();
    for a in t.actors() {
        for name in std::iter::once(a.name()).chain(a.aliases()) {
            let key = name.to_lowercase();
            if let Some(other) = owner.insert(key, a.id()) {
                assert_eq!(other, a.id(), "{name:?} names both {other} and {}", a.id());
            }
        }
    }
}

#[test]
fn quotes_of_each_source_are_in_document_order() {
    let t = timeline();
    // Ids are <source>-NN, numbered 01, 02, ... in document order, and listed in that order.
    let mut next: HashMap<usize, u32> = HashMap::new();
    for q in t.quotes() {
        let source = t.source(q.source());
        let n = next.entry(q.source().get()).or_insert(1);
        assert_eq!(
            q.id(),
            format!("{}-{:02}", source.id(), *n),
            "quote ids of {} must run 01, 02, ... in list order",
            source.id()
        );
        *n += 1;
    }
    // Where the seed articles are at hand (../shared/seeds), check the order in the texts too.
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    // A fresh clone without ../shared has no seeds to compare with; CI always has them
    // (and runs check-dataset as well), so there a missing folder is a failure.
    let Ok(index) = std::fs::read_to_string(seeds.join("sources.json")) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the seed articles at {}",
            seeds.display()
        );
        eprintln!(
            "note: {} not found; document order checked by ids only",
            seeds.display()
        );
        return;
    };
    let index: serde_json::Value = serde_json::from_str(&index).expect("sources.json parses");
    let mut last: HashMap<usize, usize> = HashMap::new();
    for q in t.quotes() {
        let source = t.source(q.source());
        let file = index[source.id()]["file"].as_str().expect("file of source");
        let text = fold(&std::fs::read_to_string(seeds.join(file)).expect("seed text"));
        let first_part = fold(q.text().split('…').next().unwrap_or(""));
        let at = text
            .find(first_part.trim())
            .unwrap_or_else(|| panic!("quote {} not found verbatim in {}", q.id(), source.id()));
        let before = last.insert(q.source().get(), at).unwrap_or(0);
        assert!(
            at >= before,
            "quote {} is out of document order in {}",
            q.id(),
            source.id()
        );
    }
}

/// Curly quotes and dashes as straight ones, runs of white space as one space.
fn fold(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn disputes_are_marked_on_their_events_and_cite_quotes() {
    let t = timeline();
    for d in t.disputes() {
        assert!(
            d.claims().len() >= 2,
            "dispute {} has fewer than two claims",
            d.id()
        );
        for c in d.claims() {
            assert!(
                !c.quotes().is_empty(),
                "a claim of dispute {} cites no quote",
                d.id()
            );
        }
        let e = d
            .event()
            .map(|e| t.event(e))
            .expect("every dispute concerns an event");
        assert_eq!(
            e.certainty(),
            Some(Certainty::Disputed),
            "event {} has dispute {} but is not marked disputed",
            e.id(),
            d.id()
        );
    }
}

/// `tlx actors` finds each actor under each of its spellings, ranked first: ahead of
/// every other actor, or tied on score only with an actor that has the same spelling.
#[test]
fn every_spelling_ranks_its_actor_first() {
    let data = embedded().expect("the embedded timeline loads").data;
    let t = &data.timeline;
    let search = ActorSearch::new(&data);
    let spells = |a: tlx::data::Actor<'_>, s: &str| {
        std::iter::once(a.name())
            .chain(a.aliases())
            .any(|x| x.to_lowercase() == s.to_lowercase())
    };
    let mut failures = Vec::new();
    for (i, actor) in t.actors().enumerate() {
        for spelling in std::iter::once(actor.name()).chain(actor.aliases()) {
            let found = search.search(spelling);
            let Some(at) = found.iter().position(|m| m.actor.get() == i) else {
                failures.push(format!("{spelling:?} does not find {}", actor.id()));
                continue;
            };
            let score = found[at].score;
            for ahead in &found[..at] {
                let other = t.actor(ahead.actor);
                if ahead.score != score || !spells(other, spelling) {
                    failures.push(format!(
                        "{spelling:?} ranks {} (score {}) before {} (score {score})",
                        other.id(),
                        ahead.score,
                        actor.id()
                    ));
                    break;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
