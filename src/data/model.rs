//! The validated timeline: what the rest of tlx reads.
//!
//! Every reference between objects has been checked at load and is held as a typed
//! index into the `Timeline`'s lists (`ActorIx`, `EventIx`, ...), never as a string,
//! so a lookup is an array access and a reference cannot dangle. Each object keeps
//! its `id` string for display and export.
//!
//! Stored for a million events: every string in one arena (`text.rs`), the small
//! ones that repeat (tags, roles, places) once; every per-object list flat
//! (`lists.rs`); one small record per object (`timeline.rs`). Read through views,
//! `timeline.event(ix).title()` (`view.rs`); write through `TimelineBuilder`
//! (`build.rs`). The JSON (serde) shapes of the format live in `raw.rs`; this
//! module has no serde and no terminal code.

mod build;
mod lists;
mod text;
mod timeline;
mod view;
mod writer;

use super::date::Date;
pub use build::{
    NewActor, NewDispute, NewEvent, NewQuote, NewRelation, NewSource, TimelineBuilder,
};
pub use text::{Text, TextArena, TooMuchText};
pub use timeline::Timeline;
pub use view::{Actor, Claim, Dispute, Event, Participant, Quote, Relation, Source};
pub use writer::JoinedText;

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
