//! Fuzzy search over the quotes' text.

use super::matcher::{Matcher, Query};
use crate::data::index::Indexed;
use crate::data::model::QuoteIx;

/// Quotes whose text matches, best first (file order for equal scores), with the
/// char positions of the match.
pub fn search_quotes(data: &Indexed, query: &str) -> Vec<(QuoteIx, i64, Vec<usize>)> {
    let query = Query::new(query);
    let matcher = Matcher::new(true);
    let mut found: Vec<(QuoteIx, i64, Vec<usize>)> = data
        .timeline
        .quotes()
        .enumerate()
        .filter_map(|(i, q)| {
            let ix = QuoteIx(i as u32);
            if query.is_empty() {
                return Some((ix, 0, Vec::new()));
            }
            let (score, indices) = matcher.all_words(q.text(), &query)?;
            Some((ix, score, indices))
        })
        .collect();
    found.sort_by_key(|m| std::cmp::Reverse(m.1));
    found
}
