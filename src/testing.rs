//! The one door through which tlx's own tests, benches, examples and fuzz
//! targets reach its internals: the load pipeline's stages one by one, the raw
//! shapes, the validator and the search's score bound. Not an API for users:
//! anything here may change with the code it exposes.

pub use crate::data::load::parse::{
    LongList, NotParsed, SPLIT_FROM_BYTES, Split, parse_alone, parse_split_at, parse_split_near,
    plain,
};
pub use crate::data::load::raw::{RawTimeline, Seen, watch};
pub use crate::data::load::read::read_file;
pub use crate::data::load::validate::{is_valid_id, validate, validate_quickly};
pub use crate::data::search::events::word_score_bound;
