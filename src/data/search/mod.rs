//! Fuzzy search over actors (names and every alias), events and quotes.
//!
//! `matcher` holds the matching rules and the prepared candidates; `actors`,
//! `events` and `quotes` search one kind each; `worker` runs the explorer's
//! searches on a thread of its own.

pub mod actors;
pub mod events;
mod matcher;
pub mod quotes;
pub mod worker;

pub use actors::{ActorMatch, ActorSearch};
pub use events::{EventField, EventMatch, EventSearch};
pub use quotes::search_quotes;
