//! The data layer: the timeline model, loading and validation, the index of
//! cross-references, and search. Nothing here knows about the terminal.

pub mod date;
pub mod diagnostic;
pub mod filter;
pub mod formats;
pub mod index;
pub mod load;
pub mod model;
pub mod parallel;
pub mod search;
pub mod suggest;

// The modules' paths before `load`, `search` and `formats` became folders, kept
// so that code written against them still compiles.
pub use formats::{html, timelinejs};
pub use load::{parse, progress, raw, read, validate};
pub use search::{events as event_hits, worker as background};

pub use date::{Date, Precision};
pub use diagnostic::Diagnostic;
pub use filter::EventFilter;
pub use index::{ActorEvent, Index, Indexed, RelationRef};
pub use load::{LoadError, Loaded, embedded, load_bytes, load_file, load_str};
pub use model::*;
pub use progress::{LoadProgress, Phase};
pub use search::{ActorMatch, ActorSearch, EventField, EventMatch, EventSearch, search_quotes};
