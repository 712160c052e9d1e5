//! The timeline as stored: one record per object, its strings in the arena, its
//! lists flat. Read it through the views of `view.rs` (`Timeline::event` ...).

use super::lists::Lists;
use super::text::{Text, TextArena};
use super::*;

/// A validated timeline. Build one with `TimelineBuilder` (the loader does).
///
/// Equality compares content, not where it lies in the arena: two timelines
/// loaded from the same file written compactly and pretty are equal.
#[derive(Clone, Default)]
pub struct Timeline {
    pub(super) text: TextArena,
    pub(super) title: Text,
    pub(super) description: Text,
    pub(super) sources: Vec<SourceRecord>,
    pub(super) source_authors: Lists<Text>,
    pub(super) actors: Vec<ActorRecord>,
    pub(super) actor_aliases: Lists<Text>,
    pub(super) actor_relations: Lists<RelationRecord>,
    /// Keyed by relation, in `actor_relations.items()` order.
    pub(super) relation_quotes: Lists<QuoteIx>,
    pub(super) events: Vec<EventRecord>,
    pub(super) event_tags: Lists<Text>,
    pub(super) event_actors: Lists<ParticipantRecord>,
    pub(super) event_quotes: Lists<QuoteIx>,
    pub(super) quotes: Vec<QuoteRecord>,
    pub(super) disputes: Vec<DisputeRecord>,
    pub(super) dispute_claims: Lists<ClaimRecord>,
    /// Keyed by claim, in `dispute_claims.items()` order.
    pub(super) claim_quotes: Lists<QuoteIx>,
}

// Optional strings are `Text::EMPTY` when absent; lists live in the `Timeline`.

#[derive(Clone, Debug)]
pub(super) struct SourceRecord {
    pub(super) id: Text,
    pub(super) title: Text,
    pub(super) publisher: Text,
    pub(super) url: Text,
    pub(super) published: Option<Date>,
    pub(super) kind: Option<SourceKind>,
}

#[derive(Clone, Debug)]
pub(super) struct ActorRecord {
    pub(super) id: Text,
    pub(super) name: Text,
    pub(super) description: Text,
    pub(super) kind: ActorKind,
}

#[derive(Clone, Debug)]
pub(super) struct RelationRecord {
    pub(super) actor: ActorIx,
    pub(super) kind: RelationKind,
    pub(super) from: Option<Date>,
    pub(super) to: Option<Date>,
}

#[derive(Clone, Debug)]
pub(super) struct EventRecord {
    pub(super) id: Text,
    pub(super) title: Text,
    pub(super) summary: Text,
    pub(super) place: Text,
    pub(super) note: Text,
    pub(super) date: Date,
    pub(super) end: Option<Date>,
    pub(super) certainty: Option<Certainty>,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct ParticipantRecord {
    pub(super) actor: ActorIx,
    pub(super) role: Text,
}

#[derive(Clone, Debug)]
pub(super) struct QuoteRecord {
    pub(super) id: Text,
    pub(super) text: Text,
    pub(super) note: Text,
    pub(super) source: SourceIx,
    pub(super) speaker: Option<ActorIx>,
}

#[derive(Clone, Debug)]
pub(super) struct DisputeRecord {
    pub(super) id: Text,
    pub(super) question: Text,
    pub(super) event: Option<EventIx>,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct ClaimRecord {
    pub(super) claim: Text,
}

impl Timeline {
    /// The string a `Text` of this timeline stands for.
    pub fn text(&self, t: Text) -> &str {
        self.text.get(t)
    }

    /// An optional string: `None` for the empty text.
    pub(super) fn optional(&self, t: Text) -> Option<&str> {
        (!t.is_empty()).then(|| self.text.get(t))
    }

    pub fn title(&self) -> &str {
        self.text(self.title)
    }

    pub fn description(&self) -> Option<&str> {
        self.optional(self.description)
    }

    pub fn event(&self, ix: EventIx) -> Event<'_> {
        Event::new(self, ix)
    }
    pub fn actor(&self, ix: ActorIx) -> Actor<'_> {
        Actor::new(self, ix)
    }
    pub fn quote(&self, ix: QuoteIx) -> Quote<'_> {
        Quote::new(self, ix)
    }
    pub fn source(&self, ix: SourceIx) -> Source<'_> {
        Source::new(self, ix)
    }
    pub fn dispute(&self, ix: DisputeIx) -> Dispute<'_> {
        Dispute::new(self, ix)
    }

    /// Every event, in file order.
    pub fn events(&self) -> impl ExactSizeIterator<Item = Event<'_>> + DoubleEndedIterator + Clone {
        (0..self.events.len() as u32).map(|i| self.event(EventIx(i)))
    }
    pub fn actors(&self) -> impl ExactSizeIterator<Item = Actor<'_>> + DoubleEndedIterator + Clone {
        (0..self.actors.len() as u32).map(|i| self.actor(ActorIx(i)))
    }
    pub fn quotes(&self) -> impl ExactSizeIterator<Item = Quote<'_>> + DoubleEndedIterator + Clone {
        (0..self.quotes.len() as u32).map(|i| self.quote(QuoteIx(i)))
    }
    pub fn sources(
        &self,
    ) -> impl ExactSizeIterator<Item = Source<'_>> + DoubleEndedIterator + Clone {
        (0..self.sources.len() as u32).map(|i| self.source(SourceIx(i)))
    }
    pub fn disputes(
        &self,
    ) -> impl ExactSizeIterator<Item = Dispute<'_>> + DoubleEndedIterator + Clone {
        (0..self.disputes.len() as u32).map(|i| self.dispute(DisputeIx(i)))
    }

    pub fn event_count(&self) -> usize {
        self.events.len()
    }
    pub fn actor_count(&self) -> usize {
        self.actors.len()
    }
    pub fn quote_count(&self) -> usize {
        self.quotes.len()
    }
    pub fn source_count(&self) -> usize {
        self.sources.len()
    }
    pub fn dispute_count(&self) -> usize {
        self.disputes.len()
    }

    /// Where the id of anything is in the text: read without the text, for a
    /// timeline from `TimelineBuilder::finish_apart`.
    pub fn id_text(&self, item: ItemRef) -> Text {
        match item {
            ItemRef::Event(e) => self.events[e.get()].id,
            ItemRef::Actor(a) => self.actors[a.get()].id,
            ItemRef::Quote(q) => self.quotes[q.get()].id,
            ItemRef::Source(s) => self.sources[s.get()].id,
            ItemRef::Dispute(d) => self.disputes[d.get()].id,
        }
    }

    pub fn text_arena(&self) -> &TextArena {
        &self.text
    }

    /// Gives a timeline from `TimelineBuilder::finish_apart` its text.
    pub fn set_text(&mut self, text: TextArena) {
        self.text = text;
    }

    /// The id of anything.
    pub fn id_of(&self, item: ItemRef) -> &str {
        match item {
            ItemRef::Event(e) => self.event(e).id(),
            ItemRef::Actor(a) => self.actor(a).id(),
            ItemRef::Quote(q) => self.quote(q).id(),
            ItemRef::Source(s) => self.source(s).id(),
            ItemRef::Dispute(d) => self.dispute(d).id(),
        }
    }
}

impl PartialEq for Timeline {
    fn eq(&self, other: &Self) -> bool {
        self.title() == other.title()
            && self.description() == other.description()
            && self.sources().eq(other.sources())
            && self.actors().eq(other.actors())
            && self.events().eq(other.events())
            && self.quotes().eq(other.quotes())
            && self.disputes().eq(other.disputes())
    }
}

impl std::fmt::Debug for Timeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timeline")
            .field("title", &self.title())
            .field("description", &self.description())
            .field("sources", &self.sources().collect::<Vec<_>>())
            .field("actors", &self.actors().collect::<Vec<_>>())
            .field("events", &self.events().collect::<Vec<_>>())
            .field("quotes", &self.quotes().collect::<Vec<_>>())
            .field("disputes", &self.disputes().collect::<Vec<_>>())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records are what a million objects cost beside their text: keep them small.
    #[test]
    fn records_stay_small() {
        assert_eq!(std::mem::size_of::<EventRecord>(), 64);
        assert_eq!(std::mem::size_of::<QuoteRecord>(), 36);
        assert_eq!(std::mem::size_of::<ParticipantRecord>(), 12);
        assert_eq!(std::mem::size_of::<Text>(), 8);
    }
}
