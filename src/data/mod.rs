//! The data layer: the timeline model, loading and validation, the index of
//! cross-references, and search. Nothing here knows about the terminal.

pub mod date;
pub mod index;
pub mod model;

pub use date::{Date, Precision};
pub use index::{ActorEvent, Index, Indexed, RelationRef};
pub use model::*;
