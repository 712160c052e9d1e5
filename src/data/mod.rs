//! The data layer: the timeline model, loading and validation, the index of
//! cross-references, and search. Nothing here knows about the terminal.

pub mod background;
mod candidates;
mod clean;
pub mod date;
pub mod diagnostic;
pub mod event_hits;
pub mod filter;
pub mod html;
mod idlist;
mod idmap;
pub mod index;
pub mod load;
pub mod model;
pub mod parse;
pub mod progress;
pub mod raw;
pub mod read;
pub mod search;
mod slug;
pub mod suggest;
pub mod timelinejs;
pub mod validate;

pub use date::{Date, Precision};
pub use diagnostic::Diagnostic;
pub use filter::EventFilter;
pub use index::{ActorEvent, Index, Indexed, RelationRef};
pub use load::{
    LoadError, Loaded, embedded, load_bytes, load_file, load_file_with_progress, load_str,
};
pub use model::*;
pub use progress::{LoadProgress, Phase};
pub use search::{ActorMatch, ActorSearch, EventField, EventMatch, EventSearch, search_quotes};
