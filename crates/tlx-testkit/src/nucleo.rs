//! The nucleo-matcher baseline, shared by `benches/search.rs` and
//! `examples/search-keystrokes.rs` so both measure the same peer:
//! every candidate scored, the matches ranked best first.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

pub struct Nucleo {
    names: Vec<Utf32String>,
    matcher: Matcher,
}

impl Nucleo {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Nucleo {
            names: names.into_iter().map(Utf32String::from).collect(),
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// Every match of `query` as (candidate, score), best first.
    pub fn rank(&mut self, query: &str) -> Vec<(usize, u32)> {
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut found: Vec<(usize, u32)> = self
            .names
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((i, pattern.score(s.slice(..), &mut self.matcher)?)))
            .collect();
        found.sort_by_key(|&(_, s)| std::cmp::Reverse(s));
        found
    }
}
