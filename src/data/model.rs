//! The validated timeline: what the rest of tlx reads.
//!
//! Every reference between objects has been checked at load and is held as a typed
//! index into the `Timeline`'s vectors (`ActorIx`, `EventIx`, ...), never as a string,
//! so a lookup is an array access and a reference cannot dangle. Each object keeps
//! its `id` string for display and export. Text is `Box<str>`: no spare capacity
//! for a million events. The JSON (serde) shapes of the format live in `raw.rs`;
//! this module has no serde and no terminal code.

use super::date::Date;

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            pub fn get(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// Position of an event in `Timeline::events` (file order, not chronological).
    EventIx
);
index_type!(
    /// Position of an actor in `Timeline::actors`.
    ActorIx
);
index_type!(
    /// Position of a quote in `Timeline::quotes`.
    QuoteIx
);
index_type!(
    /// Position of a source in `Timeline::sources`.
    SourceIx
);
index_type!(
    /// Position of a dispute in `Timeline::disputes`.
    DisputeIx
);

/// Anything with an id, for `tlx show ID` and jumps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemRef {
    Event(EventIx),
    Actor(ActorIx),
    Quote(QuoteIx),
    Source(SourceIx),
    Dispute(DisputeIx),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub title: Box<str>,
    pub description: Option<Box<str>>,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub disputes: Vec<Dispute>,
}

impl Timeline {
    pub fn event(&self, ix: EventIx) -> &Event {
        &self.events[ix.get()]
    }
    pub fn actor(&self, ix: ActorIx) -> &Actor {
        &self.actors[ix.get()]
    }
    pub fn quote(&self, ix: QuoteIx) -> &Quote {
        &self.quotes[ix.get()]
    }
    pub fn source(&self, ix: SourceIx) -> &Source {
        &self.sources[ix.get()]
    }
    pub fn dispute(&self, ix: DisputeIx) -> &Dispute {
        &self.disputes[ix.get()]
    }

    /// The id of anything.
    pub fn id_of(&self, item: ItemRef) -> &str {
        match item {
            ItemRef::Event(e) => &self.event(e).id,
            ItemRef::Actor(a) => &self.actor(a).id,
            ItemRef::Quote(q) => &self.quote(q).id,
            ItemRef::Source(s) => &self.source(s).id,
            ItemRef::Dispute(d) => &self.dispute(d).id,
        }
    }
}

/// Generates a `kebab-case` string enum with `parse`, `as_str` and `ALL`, so the format's
/// spelling lives in one place for loading, validation messages and export.
macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// `a | b | c`, for error messages.
            pub fn choices() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(" | ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// What kind of document a source is.
    SourceKind {
        News = "news",
        Analysis = "analysis",
        Opinion = "opinion",
        Statement = "statement",
        Report = "report",
    }
);

string_enum!(
    ActorKind {
        Person = "person",
        Militia = "militia",
        Party = "party",
        Alliance = "alliance",
        Movement = "movement",
        Government = "government",
        State = "state",
        InternationalOrganization = "international-organization",
        Media = "media",
        ThinkTank = "think-tank",
        Other = "other",
    }
);

string_enum!(
    /// How a relation reads: `subject TYPE object`, e.g. `kataib-hezbollah backed-by quds-force`.
    RelationKind {
        Leads = "leads",
        MemberOf = "member-of",
        BackedBy = "backed-by",
        AlliedWith = "allied-with",
        Opposes = "opposes",
        PoliticalWingOf = "political-wing-of",
        PartOf = "part-of",
        SuccessorOf = "successor-of",
        HoldsOffice = "holds-office",
    }
);

impl RelationKind {
    /// The relation read from its object's side: `quds-force` "backs" `kataib-hezbollah`.
    pub fn inverse_label(self) -> &'static str {
        match self {
            RelationKind::Leads => "led by",
            RelationKind::MemberOf => "has member",
            RelationKind::BackedBy => "backs",
            RelationKind::AlliedWith => "allied with",
            RelationKind::Opposes => "opposed by",
            RelationKind::PoliticalWingOf => "has political wing",
            RelationKind::PartOf => "includes",
            RelationKind::SuccessorOf => "succeeded by",
            RelationKind::HoldsOffice => "office held by",
        }
    }

    /// The relation read from its subject's side, in words.
    pub fn label(self) -> &'static str {
        match self {
            RelationKind::Leads => "leads",
            RelationKind::MemberOf => "member of",
            RelationKind::BackedBy => "backed by",
            RelationKind::AlliedWith => "allied with",
            RelationKind::Opposes => "opposes",
            RelationKind::PoliticalWingOf => "political wing of",
            RelationKind::PartOf => "part of",
            RelationKind::SuccessorOf => "successor of",
            RelationKind::HoldsOffice => "holds office",
        }
    }
}

string_enum!(
    /// How sure the sources are of an event.
    Certainty {
        Confirmed = "confirmed",
        Reported = "reported",
        Alleged = "alleged",
        Disputed = "disputed",
    }
);

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: Box<str>,
    pub title: Box<str>,
    pub publisher: Box<str>,
    pub authors: Vec<Box<str>>,
    pub published: Option<Date>,
    pub url: Option<Box<str>>,
    pub kind: Option<SourceKind>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: Box<str>,
    pub name: Box<str>,
    pub kind: ActorKind,
    pub aliases: Vec<Box<str>>,
    pub description: Option<Box<str>>,
    pub relations: Vec<Relation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    pub kind: RelationKind,
    pub actor: ActorIx,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub quotes: Vec<QuoteIx>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: Box<str>,
    pub date: Date,
    pub end: Option<Date>,
    pub title: Box<str>,
    pub summary: Option<Box<str>>,
    pub place: Option<Box<str>>,
    pub tags: Vec<Box<str>>,
    pub actors: Vec<Participant>,
    pub quotes: Vec<QuoteIx>,
    /// `None` when the file does not say.
    pub certainty: Option<Certainty>,
    pub note: Option<Box<str>>,
}

/// An actor's part in an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    pub actor: ActorIx,
    /// Free text; the format suggests `target`, `perpetrator`, `suspected`, ...
    pub role: Option<Box<str>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub id: Box<str>,
    pub source: SourceIx,
    pub text: Box<str>,
    pub speaker: Option<ActorIx>,
    pub note: Option<Box<str>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dispute {
    pub id: Box<str>,
    pub question: Box<str>,
    pub event: Option<EventIx>,
    pub claims: Vec<Claim>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub claim: Box<str>,
    pub quotes: Vec<QuoteIx>,
}
