//! What tlx's tests, benches, examples and fuzz targets share, in one crate.
//!
//! - `synth`: synthetic timelines of any size, reproducible from a seed (the
//!   files `scripts/bench.sh` times and the data the criterion benches load).
//! - `invariants`: what must hold of every timeline the loader accepts.
//! - `app_bounds`: every index the explorer's state holds is inside its list.
//! - `common`: the explorer's small test timeline and ways to drive the app.
//! - `nucleo`: nucleo-matcher, the peer search is measured against.
//!
//! Internals of tlx that these need but its users do not come through
//! `tlx::testing`, one documented door.

pub mod app_bounds;
pub mod common;
pub mod invariants;
pub mod nucleo;
pub mod synth;
