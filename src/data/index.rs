//! Every cross-reference of a timeline, computed once at load.
//!
//! The UI and the command line never scan the timeline to answer "which events did
//! this actor take part in?": they ask the index, which answers with a slice. Lists
//! are stored flat (one `Vec` of items plus a `Vec` of offsets, compressed-sparse-row
//! style), so a million events cost two allocations per relation, not a million.

use std::sync::OnceLock;

use super::date::Date;
use super::load::idmap::IdMap;
use super::model::*;
use super::parallel;

/// A one-to-many relation stored flat: the items of key `k` are
/// `items[offsets[k]..offsets[k + 1]]`.
#[derive(Clone, Debug)]
pub struct Adjacency<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Adjacency<T> {
    fn default() -> Self {
        Adjacency {
            offsets: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Adjacency<T> {
    /// Builds from `(key, item)` pairs; items of one key keep the pairs' order.
    fn build(keys: usize, pairs: impl IntoIterator<Item = (usize, T)>) -> Self {
        let pairs: Vec<(u32, T)> = pairs.into_iter().map(|(k, t)| (k as u32, t)).collect();
        let mut offsets = vec![0u32; keys + 1];
        for &(key, _) in &pairs {
            offsets[key as usize + 1] += 1;
        }
        for k in 0..keys {
            offsets[k + 1] += offsets[k];
        }
        let Some(&(_, filler)) = pairs.first() else {
            return Adjacency {
                offsets,
                items: Vec::new(),
            };
        };
        // Every slot is overwritten below; `filler` only spares an Option per item.
        let mut items = vec![filler; pairs.len()];
        let mut next = offsets.clone();
        for (key, item) in pairs {
            let slot = &mut next[key as usize];
            items[*slot as usize] = item;
            *slot += 1;
        }
        Adjacency { offsets, items }
    }

    pub fn get(&self, key: usize) -> &[T] {
        match (self.offsets.get(key), self.offsets.get(key + 1)) {
            (Some(&start), Some(&end)) => &self.items[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// An event an actor took part in, with the role from the event's actor list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorEvent {
    pub event: EventIx,
    /// Position in the event's `actors`, to read the role without copying it.
    pub slot: u32,
}

/// A relation seen from either end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelationRef {
    /// The actor whose `relations` list holds it.
    pub subject: ActorIx,
    /// Its position in that list.
    pub slot: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Index {
    /// All events, oldest first; lower precision first within a period; file order for ties.
    chronological: Vec<EventIx>,
    /// Position of each event in `chronological`.
    rank: Vec<u32>,
    actor_events: Adjacency<ActorEvent>,
    quote_events: Adjacency<EventIx>,
    source_quotes: Adjacency<QuoteIx>,
    speaker_quotes: Adjacency<QuoteIx>,
    event_disputes: Adjacency<DisputeIx>,
    quote_disputes: Adjacency<DisputeIx>,
    relations_in: Adjacency<RelationRef>,
    /// Every id to its item; the strings stay in the timeline (see `Index::find`).
    ids: IdMap<ItemRef>,
}

/// Below this many ids the index is built on one thread.
const PARALLEL_FROM_IDS: usize = 1 << 16;

impl Index {
    /// The index of `t`; for a large timeline the id table, the largest part, is
    /// built on a second thread while this one builds the lists.
    pub fn build(t: &Timeline) -> Self {
        let (lists, ids) = Self::lists_beside(t, || id_map(t));
        Index { ids, ..lists }
    }

    /// The index of a timeline from `TimelineBuilder::finish_apart`, and its
    /// text, made into an arena: for a large timeline on a second thread, which
    /// then builds the id table, while this one builds the lists.
    fn build_apart(t: &Timeline, text: JoinedText) -> (Self, TextArena) {
        let (lists, (ids, text)) = Self::lists_beside(t, || {
            let text = text.into_arena();
            (id_map_in(t, &text), text)
        });
        (Index { ids, ..lists }, text)
    }

    /// `lists(t)`, and what `other` gives: side by side for a large timeline.
    fn lists_beside<R: Send>(t: &Timeline, other: impl FnOnce() -> R + Send) -> (Self, R) {
        if id_count(t) < PARALLEL_FROM_IDS {
            let r = other();
            return (Self::lists(t), r);
        }
        parallel::join(|| Self::lists(t), other)
    }

    /// Everything but the id table. Reads no text: `build_apart` runs it while
    /// the text is made ready.
    fn lists(t: &Timeline) -> Self {
        // Sorted on (date, file position), read out of the events in one pass: file
        // order breaks ties, and the sort never chases an event's pointer.
        let mut keyed: Vec<(Date, u32)> = t.events().map(|e| (e.date(), e.ix().0)).collect();
        keyed.sort_unstable();
        let chronological: Vec<EventIx> = keyed.into_iter().map(|(_, e)| EventIx(e)).collect();
        let mut rank = vec![0u32; t.event_count()];
        for (pos, e) in chronological.iter().enumerate() {
            rank[e.get()] = pos as u32;
        }

        // Keyed in chronological order so each actor's events come out oldest first.
        let actor_events = Adjacency::build(
            t.actor_count(),
            chronological.iter().flat_map(|&e| {
                t.event(e)
                    .actor_ixs()
                    .enumerate()
                    .map(move |(slot, actor)| {
                        (
                            actor.get(),
                            ActorEvent {
                                event: e,
                                slot: slot as u32,
                            },
                        )
                    })
            }),
        );
        let quote_events = Adjacency::build(
            t.quote_count(),
            chronological
                .iter()
                .flat_map(|&e| t.event(e).quotes().iter().map(move |q| (q.get(), e))),
        );
        let source_quotes = Adjacency::build(
            t.source_count(),
            t.quotes().map(|q| (q.source().get(), q.ix())),
        );
        let speaker_quotes = Adjacency::build(
            t.actor_count(),
            t.quotes()
                .filter_map(|q| q.speaker().map(|s| (s.get(), q.ix()))),
        );
        let event_disputes = Adjacency::build(
            t.event_count(),
            t.disputes()
                .filter_map(|d| d.event().map(|e| (e.get(), d.ix()))),
        );
        let mut quote_dispute_pairs = Vec::new();
        for d in t.disputes() {
            let mut cited: Vec<QuoteIx> = d
                .claims()
                .flat_map(|c| c.quotes().iter().copied())
                .collect();
            cited.sort();
            cited.dedup();
            quote_dispute_pairs.extend(cited.into_iter().map(|q| (q.get(), d.ix())));
        }
        let quote_disputes = Adjacency::build(t.quote_count(), quote_dispute_pairs);
        let relations_in = Adjacency::build(
            t.actor_count(),
            t.actors().flat_map(|actor| {
                actor.relations().enumerate().map(move |(slot, r)| {
                    (
                        r.actor().get(),
                        RelationRef {
                            subject: actor.ix(),
                            slot: slot as u32,
                        },
                    )
                })
            }),
        );

        Index {
            chronological,
            rank,
            actor_events,
            quote_events,
            source_quotes,
            speaker_quotes,
            event_disputes,
            quote_disputes,
            relations_in,
            ids: IdMap::default(),
        }
    }

    /// Every event, oldest first.
    pub fn chronological(&self) -> &[EventIx] {
        &self.chronological
    }

    /// Where an event stands in `chronological()`.
    pub fn rank(&self, e: EventIx) -> usize {
        self.rank[e.get()] as usize
    }

    /// The events an actor took part in, oldest first, with the slot of their role.
    pub fn events_of_actor(&self, a: ActorIx) -> &[ActorEvent] {
        self.actor_events.get(a.get())
    }

    /// The events a quote supports, oldest first.
    pub fn events_of_quote(&self, q: QuoteIx) -> &[EventIx] {
        self.quote_events.get(q.get())
    }

    /// A source's quotes in document order (the file's order).
    pub fn quotes_of_source(&self, s: SourceIx) -> &[QuoteIx] {
        self.source_quotes.get(s.get())
    }

    /// The quotes an actor spoke.
    pub fn quotes_by_speaker(&self, a: ActorIx) -> &[QuoteIx] {
        self.speaker_quotes.get(a.get())
    }

    /// The disputes about an event.
    pub fn disputes_of_event(&self, e: EventIx) -> &[DisputeIx] {
        self.event_disputes.get(e.get())
    }

    /// The disputes whose claims cite a quote.
    pub fn disputes_of_quote(&self, q: QuoteIx) -> &[DisputeIx] {
        self.quote_disputes.get(q.get())
    }

    /// Relations that point at this actor from another actor's list.
    pub fn relations_to(&self, a: ActorIx) -> &[RelationRef] {
        self.relations_in.get(a.get())
    }

    /// Looks up anything by its id, in the timeline this index was built from (the
    /// index keeps no copy of the ids). `Indexed::find` is the short way.
    pub fn find(&self, t: &Timeline, id: &str) -> Option<ItemRef> {
        self.ids.get(id, |item| t.id_of(item))
    }

    /// Events per calendar year from the first event's year to the last's, for the
    /// timeline strip: `(first_year, counts)`. Empty timeline: `None`.
    pub fn events_per_year(&self, t: &Timeline) -> Option<(i32, Vec<u32>)> {
        let first = t.event(*self.chronological.first()?).date().year;
        let last = t.event(*self.chronological.last()?).date().year;
        let mut counts = vec![0u32; (last - first) as usize + 1];
        for &e in &self.chronological {
            counts[(t.event(e).date().year - first) as usize] += 1;
        }
        Some((first, counts))
    }

    /// First and last date of the timeline (the last is the latest `end` or `date`).
    pub fn span(&self, t: &Timeline) -> Option<(Date, Date)> {
        let first = t.event(*self.chronological.first()?).date();
        let last = t
            .events()
            .map(|e| e.end().unwrap_or(e.date()).max(e.date()))
            .max()?;
        Some((first, last))
    }
}

/// The orders and counts the explorer shows: every actor by name, every dispute
/// in the order of its event, the events per year and the span of the timeline.
/// Derived once, when first asked for (the command line seldom needs them).
#[derive(Clone, Debug, Default)]
pub struct Overview {
    actors_by_name: Vec<ActorIx>,
    /// Each actor's place in `actors_by_name`.
    name_rank: Vec<u32>,
    disputes: Vec<DisputeIx>,
    years: Option<(i32, Vec<u32>)>,
    span: Option<(Date, Date)>,
}

impl Overview {
    fn new(t: &Timeline, index: &Index) -> Self {
        let mut actors_by_name: Vec<ActorIx> = t.actors().map(|a| a.ix()).collect();
        actors_by_name.sort_by_cached_key(|&a| t.actor(a).name().to_lowercase());
        let mut name_rank = vec![0u32; actors_by_name.len()];
        for (rank, a) in actors_by_name.iter().enumerate() {
            name_rank[a.get()] = rank as u32;
        }
        let mut disputes: Vec<DisputeIx> = t.disputes().map(|d| d.ix()).collect();
        disputes.sort_by_key(|&d| t.dispute(d).event().map_or(usize::MAX, |e| index.rank(e)));
        Overview {
            actors_by_name,
            name_rank,
            disputes,
            years: index.events_per_year(t),
            span: index.span(t),
        }
    }

    /// Every actor, by name (ignoring case).
    pub fn actors_by_name(&self) -> &[ActorIx] {
        &self.actors_by_name
    }

    /// Where an actor stands in `actors_by_name()`.
    pub fn name_rank(&self, a: ActorIx) -> Option<usize> {
        self.name_rank.get(a.get()).map(|&r| r as usize)
    }

    /// Every dispute, in the order of the events they are about (the others last).
    pub fn disputes(&self) -> &[DisputeIx] {
        &self.disputes
    }

    /// `Index::events_per_year`.
    pub fn events_per_year(&self) -> Option<(i32, &[u32])> {
        self.years
            .as_ref()
            .map(|(first, counts)| (*first, &counts[..]))
    }

    /// `Index::span`.
    pub fn span(&self) -> Option<(Date, Date)> {
        self.span
    }
}

/// A loaded timeline and its index, shared read-only by the UI and the commands.
#[derive(Clone, Debug, Default)]
pub struct Indexed {
    pub timeline: Timeline,
    pub index: Index,
    overview: OnceLock<Overview>,
}

impl Indexed {
    pub fn new(timeline: Timeline) -> Self {
        let index = Index::build(&timeline);
        Self::from_parts(timeline, index)
    }

    /// `new` for a timeline from `TimelineBuilder::finish_apart` and its text:
    /// the text is made ready beside the index's lists.
    pub fn apart(mut timeline: Timeline, text: JoinedText) -> Self {
        let (index, text) = Index::build_apart(&timeline, text);
        timeline.set_text(text);
        Self::from_parts(timeline, index)
    }

    fn from_parts(timeline: Timeline, index: Index) -> Self {
        Indexed {
            timeline,
            index,
            overview: OnceLock::new(),
        }
    }

    /// The orders and counts the explorer shows, derived on first use.
    pub fn overview(&self) -> &Overview {
        self.overview
            .get_or_init(|| Overview::new(&self.timeline, &self.index))
    }

    /// Looks up anything by its id.
    pub fn find(&self, id: &str) -> Option<ItemRef> {
        self.index.find(&self.timeline, id)
    }

    /// The role an actor played in an event, from an `ActorEvent`.
    pub fn role(&self, ae: ActorEvent) -> Option<&str> {
        self.timeline
            .event(ae.event)
            .participant(ae.slot as usize)?
            .role
    }

    /// The relation behind a `RelationRef`.
    pub fn relation(&self, r: RelationRef) -> Relation<'_> {
        self.timeline.actor(r.subject).relation(r.slot as usize)
    }
}

/// Every id to its item.
fn id_map(t: &Timeline) -> IdMap<ItemRef> {
    id_map_in(t, t.text_arena())
}

/// The id table of `t`, its ids read from `text`.
fn id_map_in(t: &Timeline, text: &TextArena) -> IdMap<ItemRef> {
    let mut ids = IdMap::with_capacity(id_count(t));
    // The first kind to claim an id keeps it, from most to least specific, so a
    // (discouraged) id shared by two kinds resolves to the event, the thing people
    // look up most.
    let key = |item| text.get(t.id_text(item));
    let all = (t.events().map(|x| ItemRef::Event(x.ix())))
        .chain(t.actors().map(|x| ItemRef::Actor(x.ix())))
        .chain(t.quotes().map(|x| ItemRef::Quote(x.ix())))
        .chain(t.sources().map(|x| ItemRef::Source(x.ix())))
        .chain(t.disputes().map(|x| ItemRef::Dispute(x.ix())));
    for item in all {
        ids.insert(key(item), item, key);
    }
    ids
}

fn id_count(t: &Timeline) -> usize {
    t.event_count() + t.actor_count() + t.quote_count() + t.source_count() + t.dispute_count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A timeline with more ids than `PARALLEL_FROM_IDS`: events with actors and
    /// quotes, one id shared by an event and an actor.
    fn large() -> Timeline {
        crate::data::load_str(&large_json()).unwrap().data.timeline
    }

    fn large_json() -> String {
        let actors = 1000;
        let mut json = String::from(
            r#"{"format": "tlx/1", "title": "t", "sources": [{"id": "s", "title": "s", "publisher": "p"}], "actors": ["#,
        );
        for a in 0..actors {
            let id = if a == 7 {
                "shared".to_string()
            } else {
                format!("a{a}")
            };
            json += &format!(
                r#"{}{{"id": "{id}", "name": "A {a}", "kind": "person"}}"#,
                if a > 0 { "," } else { "" }
            );
        }
        json += r#"], "quotes": [{"id": "q", "source": "s", "text": "t"}], "events": ["#;
        for e in 0..PARALLEL_FROM_IDS {
            let id = if e == 3 {
                "shared".to_string()
            } else {
                format!("e{e}")
            };
            let actor = if e % actors == 7 {
                "shared".to_string()
            } else {
                format!("a{}", e % actors)
            };
            json += &format!(
                r#"{}{{"id": "{id}", "date": "{}", "title": "x", "actors": [{{"id": "{actor}"}}], "quotes": ["q"]}}"#,
                if e > 0 { "," } else { "" },
                1900 + e % 200
            );
        }
        json += "]}";
        json
    }

    #[test]
    fn an_index_built_beside_its_text_is_the_one_built_after_it() {
        // Loading builds the id table on a second thread beside the lists,
        // once the text is ready, and only then gives the timeline its text.
        let (timeline, text) = crate::data::load::unfinished(&large_json())
            .unwrap()
            .finish_apart()
            .unwrap();
        let beside = Indexed::apart(timeline, text);
        let t = &beside.timeline;
        assert_eq!(*t, large());
        let after = Index::build(t);
        assert_eq!(format!("{:?}", beside.index), format!("{after:?}"));
        let ids = t.events().map(|e| e.id());
        let ids = ids
            .chain(t.actors().map(|a| a.id()))
            .chain(["q", "s", "nothing"]);
        for id in ids {
            assert_eq!(beside.find(id), after.find(t, id), "{id}");
        }
        assert_eq!(beside.find("shared"), Some(ItemRef::Event(EventIx(3))));
    }

    #[test]
    fn a_large_index_built_on_two_threads_is_the_one_built_on_one() {
        let t = large();
        let two = Index::build(&t);
        let one = Index {
            ids: id_map(&t),
            ..Index::lists(&t)
        };
        assert_eq!(format!("{two:?}"), format!("{one:?}"));
        assert_eq!(
            two.events_of_actor(ActorIx(5)).len(),
            PARALLEL_FROM_IDS / 1000 + 1
        );
        // Every id is found, on the item that has it; the shared one on the event.
        for e in t.events() {
            assert_eq!(two.find(&t, e.id()), Some(ItemRef::Event(e.ix())));
        }
        for a in t.actors() {
            let expected = if a.ix() == ActorIx(7) {
                ItemRef::Event(EventIx(3))
            } else {
                ItemRef::Actor(a.ix())
            };
            assert_eq!(two.find(&t, a.id()), Some(expected));
        }
        assert_eq!(two.find(&t, "q"), Some(ItemRef::Quote(QuoteIx(0))));
        assert_eq!(two.find(&t, "nothing"), None);
    }
}
