//! Read-only views of the stored objects: small `Copy` handles whose accessors
//! return strings and lists borrowed from the `Timeline`. Equality and `Debug`
//! go by content, so views of two timelines compare as the old structs did.

use std::fmt;

use super::text::Text;
use super::timeline::*;
use super::*;

/// Strings of the arena, from a list of `Text`s.
fn texts<'a>(
    t: &'a Timeline,
    list: &'a [Text],
) -> impl ExactSizeIterator<Item = &'a str> + DoubleEndedIterator + Clone + 'a {
    list.iter().map(move |&x| t.text(x))
}

macro_rules! view {
    ($(#[$doc:meta])* $name:ident, $ix:ident, $records:ident, $record:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name<'a> {
            t: &'a Timeline,
            ix: $ix,
            r: &'a $record,
        }

        impl<'a> $name<'a> {
            pub(super) fn new(t: &'a Timeline, ix: $ix) -> Self {
                $name { t, ix, r: &t.$records[ix.get()] }
            }

            /// Its position in the timeline.
            pub fn ix(self) -> $ix {
                self.ix
            }

            pub fn id(self) -> &'a str {
                self.t.text(self.r.id)
            }
        }
    };
}

view!(
    /// An event: `timeline.event(ix)`.
    Event, EventIx, events, EventRecord
);
view!(
    /// An actor: `timeline.actor(ix)`.
    Actor, ActorIx, actors, ActorRecord
);
view!(
    /// A quote: `timeline.quote(ix)`.
    Quote, QuoteIx, quotes, QuoteRecord
);
view!(
    /// A source: `timeline.source(ix)`.
    Source, SourceIx, sources, SourceRecord
);
view!(
    /// A dispute: `timeline.dispute(ix)`.
    Dispute, DisputeIx, disputes, DisputeRecord
);

impl<'a> Event<'a> {
    pub fn date(self) -> Date {
        self.r.date
    }
    pub fn end(self) -> Option<Date> {
        self.r.end
    }
    pub fn title(self) -> &'a str {
        self.t.text(self.r.title)
    }
    pub fn summary(self) -> Option<&'a str> {
        self.t.optional(self.r.summary)
    }
    pub fn place(self) -> Option<&'a str> {
        self.t.optional(self.r.place)
    }
    pub fn tags(self) -> impl ExactSizeIterator<Item = &'a str> + DoubleEndedIterator + Clone + 'a {
        texts(self.t, self.t.event_tags.get(self.ix.get()))
    }
    /// The actors that took part, each with its role, in the file's order.
    pub fn actors(
        self,
    ) -> impl ExactSizeIterator<Item = Participant<'a>> + DoubleEndedIterator + Clone + 'a {
        let t = self.t;
        t.event_actors
            .get(self.ix.get())
            .iter()
            .map(move |p| Participant {
                actor: p.actor,
                role: t.optional(p.role),
            })
    }
    /// The actors of `actors()` without their roles: read without the text.
    pub fn actor_ixs(self) -> impl ExactSizeIterator<Item = ActorIx> + Clone + 'a {
        self.t
            .event_actors
            .get(self.ix.get())
            .iter()
            .map(|p| p.actor)
    }
    /// The participant at `slot` of `actors()`.
    pub fn participant(self, slot: usize) -> Option<Participant<'a>> {
        let p = self.t.event_actors.get(self.ix.get()).get(slot)?;
        Some(Participant {
            actor: p.actor,
            role: self.t.optional(p.role),
        })
    }
    pub fn quotes(self) -> &'a [QuoteIx] {
        self.t.event_quotes.get(self.ix.get())
    }
    /// `None` when the file does not say.
    pub fn certainty(self) -> Option<Certainty> {
        self.r.certainty
    }
    pub fn note(self) -> Option<&'a str> {
        self.t.optional(self.r.note)
    }
}

/// An actor's part in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Participant<'a> {
    pub actor: ActorIx,
    /// Free text; the format suggests `target`, `perpetrator`, `suspected`, ...
    pub role: Option<&'a str>,
}

impl<'a> Actor<'a> {
    pub fn name(self) -> &'a str {
        self.t.text(self.r.name)
    }
    pub fn kind(self) -> ActorKind {
        self.r.kind
    }
    pub fn aliases(
        self,
    ) -> impl ExactSizeIterator<Item = &'a str> + DoubleEndedIterator + Clone + 'a {
        texts(self.t, self.t.actor_aliases.get(self.ix.get()))
    }
    pub fn description(self) -> Option<&'a str> {
        self.t.optional(self.r.description)
    }
    /// Its relations, as the file lists them.
    pub fn relations(
        self,
    ) -> impl ExactSizeIterator<Item = Relation<'a>> + DoubleEndedIterator + Clone + 'a {
        let t = self.t;
        t.actor_relations
            .range(self.ix.get())
            .map(move |n| Relation::new(t, n))
    }
    /// The relation at `slot` of `relations()`.
    pub fn relation(self, slot: usize) -> Relation<'a> {
        let range = self.t.actor_relations.range(self.ix.get());
        assert!(slot < range.len(), "relation {slot} of {}", self.id());
        Relation::new(self.t, range.start + slot)
    }
}

/// A relation: `subject TYPE object`, held in its subject's list.
#[derive(Clone, Copy)]
pub struct Relation<'a> {
    t: &'a Timeline,
    /// Its position among every actor's relations.
    n: usize,
    r: &'a RelationRecord,
}

impl<'a> Relation<'a> {
    fn new(t: &'a Timeline, n: usize) -> Self {
        Relation {
            t,
            n,
            r: &t.actor_relations.items()[n],
        }
    }
    pub fn kind(self) -> RelationKind {
        self.r.kind
    }
    /// The object of the relation.
    pub fn actor(self) -> ActorIx {
        self.r.actor
    }
    pub fn from(self) -> Option<Date> {
        self.r.from
    }
    pub fn to(self) -> Option<Date> {
        self.r.to
    }
    pub fn quotes(self) -> &'a [QuoteIx] {
        self.t.relation_quotes.get(self.n)
    }
}

impl<'a> Quote<'a> {
    pub fn source(self) -> SourceIx {
        self.r.source
    }
    pub fn text(self) -> &'a str {
        self.t.text(self.r.text)
    }
    pub fn speaker(self) -> Option<ActorIx> {
        self.r.speaker
    }
    pub fn note(self) -> Option<&'a str> {
        self.t.optional(self.r.note)
    }
}

impl<'a> Source<'a> {
    pub fn title(self) -> &'a str {
        self.t.text(self.r.title)
    }
    pub fn publisher(self) -> &'a str {
        self.t.text(self.r.publisher)
    }
    pub fn authors(
        self,
    ) -> impl ExactSizeIterator<Item = &'a str> + DoubleEndedIterator + Clone + 'a {
        texts(self.t, self.t.source_authors.get(self.ix.get()))
    }
    pub fn published(self) -> Option<Date> {
        self.r.published
    }
    pub fn url(self) -> Option<&'a str> {
        self.t.optional(self.r.url)
    }
    pub fn kind(self) -> Option<SourceKind> {
        self.r.kind
    }
}

impl<'a> Dispute<'a> {
    pub fn question(self) -> &'a str {
        self.t.text(self.r.question)
    }
    /// The event it is about, if any.
    pub fn event(self) -> Option<EventIx> {
        self.r.event
    }
    pub fn claims(
        self,
    ) -> impl ExactSizeIterator<Item = Claim<'a>> + DoubleEndedIterator + Clone + 'a {
        let t = self.t;
        t.dispute_claims
            .range(self.ix.get())
            .map(move |n| Claim { t, n })
    }
}

/// One side of a dispute, with the quotes it cites.
#[derive(Clone, Copy)]
pub struct Claim<'a> {
    t: &'a Timeline,
    /// Its position among every dispute's claims.
    n: usize,
}

impl<'a> Claim<'a> {
    pub fn claim(self) -> &'a str {
        self.t.text(self.t.dispute_claims.items()[self.n].claim)
    }
    pub fn quotes(self) -> &'a [QuoteIx] {
        self.t.claim_quotes.get(self.n)
    }
}

// Equality and Debug by content, field by field, as the derived ones of the
// former owned structs.
macro_rules! by_content {
    ($name:ident { $($field:ident $(($collect:ident))?),+ $(,)? }) => {
        impl PartialEq for $name<'_> {
            fn eq(&self, other: &Self) -> bool {
                $(by_content!(@eq self, other, $field $($collect)?))&&+
            }
        }

        impl fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    $(.field(stringify!($field), &by_content!(@show self, $field $($collect)?)))+
                    .finish()
            }
        }
    };
    (@eq $a:ident, $b:ident, $field:ident) => { $a.$field() == $b.$field() };
    (@eq $a:ident, $b:ident, $field:ident iter) => { $a.$field().eq($b.$field()) };
    (@show $a:ident, $field:ident) => { $a.$field() };
    (@show $a:ident, $field:ident iter) => { $a.$field().collect::<Vec<_>>() };
}

by_content!(Source {
    id,
    title,
    publisher,
    authors(iter),
    published,
    url,
    kind
});
by_content!(Actor {
    id,
    name,
    kind,
    aliases(iter),
    description,
    relations(iter)
});
by_content!(Relation {
    kind,
    actor,
    from,
    to,
    quotes
});
by_content!(Event {
    id,
    date,
    end,
    title,
    summary,
    place,
    tags(iter),
    actors(iter),
    quotes,
    certainty,
    note
});
by_content!(Quote {
    id,
    source,
    text,
    speaker,
    note
});
by_content!(Dispute {
    id,
    question,
    event,
    claims(iter)
});
by_content!(Claim { claim, quotes });
