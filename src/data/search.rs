//! Fuzzy search over actors, events and quotes.
