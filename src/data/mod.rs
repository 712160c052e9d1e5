//! The data layer: the timeline model, loading and validation, the index of
//! cross-references, and search. Nothing here knows about the terminal.
//!
//! What the rest of tlx and its users need is re-exported here; only `date`
//! and `search` are public modules. Tests reach the internals through
//! `crate::testing`.

pub mod date;
pub(crate) mod diagnostic;
pub(crate) mod filter;
pub(crate) mod formats;
pub(crate) mod index;
pub(crate) mod load;
pub(crate) mod model;
pub(crate) mod parallel;
pub mod search;
pub(crate) mod suggest;

pub use date::{Date, Precision};
pub use diagnostic::Diagnostic;
pub use filter::EventFilter;
pub use index::{ActorEvent, Adjacency, Index, Indexed, RelationRef};
pub use load::progress::{LoadProgress, Phase, Snapshot};
pub use load::{
    EMBEDDED_JSON, LoadError, Loaded, MAX_FILE_BYTES, embedded, load_bytes, load_file, load_str,
};
pub use model::*;
pub use search::{ActorMatch, ActorSearch, EventField, EventMatch, EventSearch, search_quotes};
