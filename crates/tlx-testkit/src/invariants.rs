//! What must hold of every timeline the loader accepts, whatever the file was.
//!
//! Shared by the property tests (`tests/props_data.rs`) and the fuzz target
//! (`fuzz/fuzz_targets/loader.rs`), so that both check the same
//! promises: every reference in range, the index agreeing with a recomputation
//! from the timeline by brute force, ids valid and unique, dates real, and no
//! control character (but newline and tab) left in any text.

use std::collections::HashSet;

use tlx::data::{
    ActorEvent, ActorIx, Date, DisputeIx, EventIx, Indexed, ItemRef, QuoteIx, RelationRef, SourceIx,
};
use tlx::testing::is_valid_id;

/// Panics with a description of the first broken promise.
pub fn check(data: &Indexed) {
    references_in_range(data);
    ids_valid_and_findable(data);
    texts_clean(data);
    dates_real(data);
    index_agrees(data);
}

fn references_in_range(data: &Indexed) {
    let t = &data.timeline;
    let (sources, actors, events, quotes) = (
        t.sources().len(),
        t.actors().len(),
        t.events().len(),
        t.quotes().len(),
    );
    for (i, a) in t.actors().enumerate() {
        for r in a.relations() {
            assert!(r.actor().get() < actors, "actors[{i}]: relation actor");
            for q in r.quotes() {
                assert!(q.get() < quotes, "actors[{i}]: relation quote");
            }
        }
    }
    for (i, e) in t.events().enumerate() {
        for p in e.actors() {
            assert!(p.actor.get() < actors, "events[{i}]: actor");
        }
        for q in e.quotes() {
            assert!(q.get() < quotes, "events[{i}]: quote");
        }
    }
    for (i, q) in t.quotes().enumerate() {
        assert!(q.source().get() < sources, "quotes[{i}]: source");
        if let Some(s) = q.speaker() {
            assert!(s.get() < actors, "quotes[{i}]: speaker");
        }
    }
    for (i, d) in t.disputes().enumerate() {
        if let Some(e) = d.event() {
            assert!(e.get() < events, "disputes[{i}]: event");
        }
        assert!(d.claims().len() != 0, "disputes[{i}]: no claims");
        for c in d.claims() {
            assert!(
                !c.quotes().is_empty(),
                "disputes[{i}]: a claim cites nothing"
            );
            for q in c.quotes() {
                assert!(q.get() < quotes, "disputes[{i}]: claim quote");
            }
        }
    }
}

fn ids_valid_and_findable(data: &Indexed) {
    let t = &data.timeline;
    let lists: [(&str, Vec<&str>); 5] = [
        ("sources", t.sources().map(|x| x.id()).collect()),
        ("actors", t.actors().map(|x| x.id()).collect()),
        ("events", t.events().map(|x| x.id()).collect()),
        ("quotes", t.quotes().map(|x| x.id()).collect()),
        ("disputes", t.disputes().map(|x| x.id()).collect()),
    ];
    for (list, ids) in &lists {
        let mut seen = HashSet::new();
        for id in ids {
            assert!(is_valid_id(id), "{list}: invalid id {id:?}");
            assert!(seen.insert(*id), "{list}: duplicate id {id:?}");
            assert!(data.find(id).is_some(), "{list}: {id:?} not found");
        }
    }
    // `find` answers with an item that has the id asked for.
    for (_, ids) in &lists {
        for id in ids {
            let found = match data.find(id).unwrap() {
                ItemRef::Event(e) => t.event(e).id(),
                ItemRef::Actor(a) => t.actor(a).id(),
                ItemRef::Quote(q) => t.quote(q).id(),
                ItemRef::Source(s) => t.source(s).id(),
                ItemRef::Dispute(d) => t.dispute(d).id(),
            };
            assert_eq!(found, *id, "find({id:?})");
        }
    }
}

/// Every string the model holds, to check them all at once.
fn texts(data: &Indexed) -> Vec<&str> {
    let t = &data.timeline;
    let mut all: Vec<&str> = vec![t.title()];
    all.extend(t.description());
    for s in t.sources() {
        all.extend([s.id(), s.title(), s.publisher()]);
        all.extend(s.authors());
        all.extend(s.url());
    }
    for a in t.actors() {
        all.extend([a.id(), a.name()]);
        all.extend(a.aliases());
        all.extend(a.description());
    }
    for e in t.events() {
        all.extend([e.id(), e.title()]);
        all.extend(e.summary());
        all.extend(e.place());
        all.extend(e.note());
        all.extend(e.tags());
        all.extend(e.actors().filter_map(|p| p.role));
    }
    for q in t.quotes() {
        all.extend([q.id(), q.text()]);
        all.extend(q.note());
    }
    for d in t.disputes() {
        all.push(d.id());
        all.push(d.question());
        all.extend(d.claims().map(|c| c.claim()));
    }
    all
}

fn texts_clean(data: &Indexed) {
    for text in texts(data) {
        if let Some(c) = text
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\t')
        {
            panic!("control character {c:?} left in {text:?}");
        }
    }
}

fn dates_real(data: &Indexed) {
    let t = &data.timeline;
    let real = |d: Date| assert_eq!(Date::parse(&d.to_string()), Ok(d), "date {d:?}");
    for e in t.events() {
        real(e.date());
        if let Some(end) = e.end() {
            real(end);
            assert!(end.last_day() >= e.date().first_day(), "end before date");
        }
    }
    for s in t.sources() {
        s.published().map(real);
    }
    for a in t.actors() {
        for r in a.relations() {
            r.from().map(real);
            r.to().map(real);
        }
    }
}

/// Every answer of the index, recomputed from the timeline by brute force.
fn index_agrees(data: &Indexed) {
    let (t, ix) = (&data.timeline, &data.index);

    let chrono = ix.chronological();
    assert_eq!(chrono.len(), t.events().len(), "chronological: length");
    let mut seen = vec![false; t.events().len()];
    for (pos, &e) in chrono.iter().enumerate() {
        assert!(!std::mem::replace(&mut seen[e.get()], true), "twice: {e:?}");
        assert_eq!(ix.rank(e), pos, "rank of {e:?}");
    }
    for pair in chrono.windows(2) {
        let (a, b) = (t.event(pair[0]), t.event(pair[1]));
        assert!(a.date() <= b.date(), "chronological: not sorted");
        if a.date() == b.date() {
            assert!(pair[0] < pair[1], "chronological: ties not in file order");
        }
    }

    for a in 0..t.actors().len() {
        let a = ActorIx(a as u32);
        let want: Vec<ActorEvent> = chrono
            .iter()
            .flat_map(|&e| {
                t.event(e)
                    .actors()
                    .enumerate()
                    .filter(move |(_, p)| p.actor == a)
                    .map(move |(slot, _)| ActorEvent {
                        event: e,
                        slot: slot as u32,
                    })
            })
            .collect();
        assert_eq!(ix.events_of_actor(a), want, "events_of_actor({a:?})");
        let spoken: Vec<QuoteIx> = (0..t.quotes().len() as u32)
            .map(QuoteIx)
            .filter(|&q| t.quote(q).speaker() == Some(a))
            .collect();
        assert_eq!(ix.quotes_by_speaker(a), spoken, "quotes_by_speaker({a:?})");
        let incoming: Vec<RelationRef> = t
            .actors()
            .enumerate()
            .flat_map(|(s, actor)| {
                actor
                    .relations()
                    .enumerate()
                    .filter(move |(_, r)| r.actor() == a)
                    .map(move |(slot, _)| RelationRef {
                        subject: ActorIx(s as u32),
                        slot: slot as u32,
                    })
            })
            .collect();
        assert_eq!(ix.relations_to(a), incoming, "relations_to({a:?})");
    }

    for q in 0..t.quotes().len() {
        let q = QuoteIx(q as u32);
        let citing: Vec<EventIx> = chrono
            .iter()
            .copied()
            .filter(|&e| t.event(e).quotes().contains(&q))
            .collect();
        // An event may cite a quote twice; the index may list it once or twice.
        let mut got = ix.events_of_quote(q).to_vec();
        got.dedup();
        assert_eq!(got, citing, "events_of_quote({q:?})");
        let disputes: Vec<DisputeIx> = (0..t.disputes().len() as u32)
            .map(DisputeIx)
            .filter(|&d| t.dispute(d).claims().any(|c| c.quotes().contains(&q)))
            .collect();
        assert_eq!(
            ix.disputes_of_quote(q),
            disputes,
            "disputes_of_quote({q:?})"
        );
    }

    for s in 0..t.sources().len() {
        let s = SourceIx(s as u32);
        let quoted: Vec<QuoteIx> = (0..t.quotes().len() as u32)
            .map(QuoteIx)
            .filter(|&q| t.quote(q).source() == s)
            .collect();
        assert_eq!(ix.quotes_of_source(s), quoted, "quotes_of_source({s:?})");
    }

    for e in 0..t.events().len() {
        let e = EventIx(e as u32);
        let disputes: Vec<DisputeIx> = (0..t.disputes().len() as u32)
            .map(DisputeIx)
            .filter(|&d| t.dispute(d).event() == Some(e))
            .collect();
        assert_eq!(
            ix.disputes_of_event(e),
            disputes,
            "disputes_of_event({e:?})"
        );
    }
}
