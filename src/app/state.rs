//! The small types `App`'s state is made of: where the explorer opens, the
//! filter, what the actors and quotes panes list, the full-screen views and the
//! popups.

use super::scroll::ListPos;
use crate::data::{ActorIx, EventIx, SourceIx};

/// Where the explorer opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Top,
    Event(EventIx),
    Actor(ActorIx),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Only the events this actor took part in.
    Actor(ActorIx),
}

/// What the actors pane lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorsMode {
    /// The selected event's actors, with their roles.
    OfEvent,
    /// Every actor, by name, with event counts.
    All,
}

/// Whose quotes the quotes pane lists: the selected event's, or the selected actor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteContext {
    Event,
    Actor,
}

/// A full-screen view over the panes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Main,
    /// A source's facts and all its excerpts in document order.
    Source {
        source: SourceIx,
        pos: ListPos,
    },
    /// Each dispute, its claims side by side.
    Disputes {
        pos: ListPos,
    },
    Sources {
        pos: ListPos,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Popup {
    Finder(Finder),
    Help { scroll: usize },
}

/// The actor finder: a query and the actors it matches, best first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Finder {
    pub query: String,
    /// The best `FINDER_ROWS` matches of the last answer.
    pub results: Vec<FinderHit>,
    /// How many actors that answer matched in all.
    pub total: usize,
    pub pos: ListPos,
    /// The request whose answer the finder waits for.
    pub generation: u64,
    /// True from a new query until its answer arrives.
    pub pending: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinderHit {
    pub actor: ActorIx,
    /// Which alias matched, if not the name.
    pub alias: Option<usize>,
    /// Matched characters (char indices) in the name or that alias.
    pub indices: Vec<usize>,
}
