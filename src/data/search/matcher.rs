//! Matching: skim's (`SkimMatcherV2`), fzf style: the query is split at white
//! space and every word must match, each as a subsequence, so `ktb hzb` finds
//! Kataib Hezbollah. It ignores case for all scripts, not only ASCII: both sides are
//! lowercased one character for one character, so the positions skim reports are
//! char indices into the original string, ready for highlighting. A string that
//! equals the whole query (an alias such as `PMU` or `Khadimi`) gets a bonus that
//! puts it above every partial match. A cheap subsequence test runs before skim.
//!
//! Before skim, cheap tests: a mask of the characters a text holds (one AND
//! rejects most texts), then an exact subsequence test. The strings an actor
//! search runs over are prepared once, lowercased, as `Candidates`.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::data::parallel;

/// Added to the score of a string equal to the whole query (ignoring case).
pub(super) const EXACT_BONUS: i64 = 1000;

/// A query split into lowercase words.
pub(super) struct Query {
    pub(super) words: Vec<String>,
    /// The mask bits of all its words: a text whose mask lacks one cannot match.
    pub(super) mask: u64,
}

impl Query {
    pub(super) fn new(text: &str) -> Self {
        let words: Vec<String> = text.split_whitespace().map(lowercase).collect();
        Query {
            mask: words.iter().fold(0, |m, w| m | mask_of(w)),
            words,
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Lowercases one char for one char (a char whose lowercase is longer stays as it
/// is), so that char positions in the result are positions in the original.
pub(super) fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lowercase_char).collect()
}

pub(super) fn lowercase_char(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The mask bit of a lowercase character: one for each ASCII letter and digit,
/// 27 shared by the other ASCII characters, one for everything else. A word can
/// only match a text whose mask holds all its bits; one AND rejects most texts.
const fn bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ if c.is_ascii() => 1 << (36 + c as u32 % 27),
        _ => 1 << 63,
    }
}

/// `bit` of each ASCII byte once lowercased.
const ASCII_BITS: [u64; 128] = {
    let mut bits = [0; 128];
    let mut b = 0;
    while b < 128 {
        bits[b] = bit((b as u8).to_ascii_lowercase() as char);
        b += 1;
    }
    bits
};

/// The mask of a text once lowercased (as search lowercases), and how many
/// non-blank characters it has; without lowercasing it into a new string.
pub(super) fn mask_and_solid(text: &str) -> (u64, usize) {
    if text.is_ascii() {
        let (mut mask, mut solid) = (0, 0);
        for &b in text.as_bytes() {
            mask |= ASCII_BITS[usize::from(b)];
            solid += usize::from(!char::from(b).is_whitespace());
        }
        (mask, solid)
    } else {
        text.chars().fold((0, 0), |(m, n), c| {
            let c = lowercase_char(c);
            (m | bit(c), n + usize::from(!c.is_whitespace()))
        })
    }
}

/// The mask of a text once lowercased.
pub(super) fn mask_of(text: &str) -> u64 {
    mask_and_solid(text).0
}

/// Whether a word matches every text whose mask holds its bit: one character
/// with a bit of its own (one character is always compact).
pub(super) fn is_settled_by_mask(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Whether the (lowercase) word's chars appear in order in `text`, ignoring case.
pub(super) fn is_subsequence(word: &str, text: &str) -> bool {
    if word.is_ascii() && text.is_ascii() {
        let mut want = word.bytes().peekable();
        for b in text.bytes() {
            match want.peek() {
                Some(&w) if w == b.to_ascii_lowercase() => {
                    want.next();
                }
                Some(_) => {}
                None => break,
            }
        }
        return want.peek().is_none();
    }
    let mut want = word.chars().peekable();
    for c in text.chars() {
        match want.peek() {
            Some(&w) if w == lowercase_char(c) => {
                want.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    want.peek().is_none()
}

/// Whether the (lowercase) word appears in `text`, ignoring case, as a subsequence
/// whose first and last characters are less than twice its length (plus `slack`)
/// apart: what `is_compact` will ask of skim's match, so a text without such a
/// window cannot match. Texts or words outside ASCII are only checked as
/// subsequences.
pub(super) fn has_compact_window(word: &str, text: &str, slack: usize) -> bool {
    if !(word.is_ascii() && text.is_ascii()) {
        return is_subsequence(word, text);
    }
    let (word, text) = (word.as_bytes(), text.as_bytes());
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    let span = 2 * word.len() + slack;
    text.iter().enumerate().any(|(i, &b)| {
        if b.to_ascii_lowercase() != first {
            return false;
        }
        // From this start, greedy matching finishes as early as any match can.
        let mut want = rest;
        for &b in &text[i + 1..text.len().min(i + span)] {
            match want.split_first() {
                Some((&w, more)) if w == b.to_ascii_lowercase() => want = more,
                Some(_) => {}
                None => break,
            }
        }
        want.is_empty()
    })
}

/// Skim's `SkimMatcherV2`, reused for every string, scoring each as a fresh one
/// would.
///
/// Skim 0.3.7 keeps a score matrix per thread between calls and does not clear
/// it: `ScoreMatrix::new` only `resize`s it, and `build_score_matrix` resets row
/// 0 and one cell per row, then reads the consecutive-match `bonus` of the cell
/// before (same row), which it writes only when that column did not match or
/// the next one does. So a cell left over from an earlier string can raise a
/// consecutive bonus, and with it the score and the positions. (Its
/// `use_cache(false)` would drop the matrix after each call, but panics: the
/// matrix is still borrowed.)
///
/// Where that can happen, a call (`a` in `a`, a 2 x 2 matrix) first shrinks this
/// thread's matrix to four cells. The call that follows grows it back with
/// default cells, and as its text has three characters or more (it holds the
/// word), those four lie in row 0, which skim resets whole: it starts from the
/// matrix a fresh matcher would. Where it cannot happen: a row's leftover
/// bonuses only matter from the second row built on, and scoring alone builds
/// rows 1, 0, 1, ... (it keeps two), the positions rows 1, 2, 3, ...; so a word
/// of up to two characters scores, and a word of one gets its positions, as
/// fresh, whatever the matrix holds. The shrinking call costs about what a
/// one-letter match does, far less than a fresh matcher's allocations.
struct Skim(SkimMatcherV2);

impl Skim {
    fn new() -> Self {
        // Both sides are lowercased already; respecting case keeps skim from
        // second-guessing that and from its ASCII-only case folding.
        Skim(SkimMatcherV2::default().respect_case())
    }

    /// Leaves this thread's matrix four cells long (see above) when the word has
    /// at least `chars` characters.
    fn shrink_for(&self, word: &str, chars: usize) {
        if word.chars().nth(chars - 1).is_some() {
            self.0.fuzzy_match("a", "a");
        }
    }

    fn score(&self, lower: &str, word: &str) -> Option<i64> {
        self.shrink_for(word, 3);
        self.0.fuzzy_match(lower, word)
    }

    fn indices(&self, lower: &str, word: &str) -> Option<(i64, Vec<usize>)> {
        self.shrink_for(word, 2);
        self.0.fuzzy_indices(lower, word)
    }
}

/// The skim matcher with our rules around it; built once, reused for every string.
pub(super) struct Matcher {
    skim: Skim,
    /// Whether each word's match must be compact (see `is_compact`).
    compact: bool,
}

/// In prose almost any short word is a scattered subsequence of a long summary, so
/// for event and quote text a word's matched characters must lie within twice its
/// length: `drone` finds "drones" and "drone strike", not "d…r…o…n…e". Names and
/// aliases are short and may match loosely, as initials do (`pmf`).
fn is_compact(word: &str, indices: &[usize]) -> bool {
    match (indices.first(), indices.last()) {
        (Some(first), Some(last)) => last - first < 2 * word.chars().count(),
        _ => true,
    }
}

impl Matcher {
    pub(super) fn new(compact: bool) -> Self {
        Matcher {
            skim: Skim::new(),
            compact,
        }
    }

    /// Skim on the lowercased text, with the compactness rule when it applies.
    /// As `Skim` scores as a fresh matcher would, a word's score never exceeds
    /// its score against itself (`word_score_bound`), which event search relies
    /// on to stop scoring early.
    pub(super) fn word(&self, lower: &str, word: &str) -> Option<(i64, Vec<usize>)> {
        let (score, indices) = self.skim.indices(lower, word)?;
        (!self.compact || is_compact(word, &indices)).then_some((score, indices))
    }

    /// Whether `word` can match `text` at all: as a subsequence, and where the
    /// compactness rule applies, within a window it allows. Skim is only asked
    /// about texts that pass: in prose, most texts hold a short word scattered.
    pub(super) fn may_match(&self, word: &str, text: &str) -> bool {
        if self.compact {
            has_compact_window(word, text, 0)
        } else {
            is_subsequence(word, text)
        }
    }

    /// Score and char positions of `text` against every word of the query.
    pub(super) fn all_words(&self, text: &str, query: &Query) -> Option<(i64, Vec<usize>)> {
        if !query.words.iter().all(|w| self.may_match(w, text)) {
            return None;
        }
        let lower = lowercase(text);
        let mut score = 0;
        let mut indices = Vec::new();
        for word in &query.words {
            let (s, found) = self.word(&lower, word)?;
            score += s;
            indices.extend(found);
        }
        indices.sort_unstable();
        indices.dedup();
        if lower
            .split_whitespace()
            .eq(query.words.iter().map(String::as_str))
        {
            score += EXACT_BONUS;
        }
        Some((score, indices))
    }

    /// The score of an already lowercased text that contains every word as a
    /// subsequence (as `all_words` scores it, without the positions).
    pub(super) fn score(&self, lower: &str, query: &Query) -> Option<i64> {
        let mut score = 0;
        for word in &query.words {
            score += self.skim.score(lower, word)?;
        }
        if lower
            .split_whitespace()
            .eq(query.words.iter().map(String::as_str))
        {
            score += EXACT_BONUS;
        }
        Some(score)
    }

    /// The char positions `all_words` reports, for an already lowercased text.
    pub(super) fn indices(&self, lower: &str, query: &Query) -> Vec<usize> {
        let mut indices: Vec<usize> = query
            .words
            .iter()
            .filter_map(|word| self.skim.indices(lower, word))
            .flat_map(|(_, found)| found)
            .collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    }

    /// Score and positions of one word in `text`.
    pub(super) fn one_word(&self, text: &str, word: &str) -> Option<(i64, Vec<usize>)> {
        if !self.may_match(word, text) {
            return None;
        }
        self.word(&lowercase(text), word)
    }
}

/// Many strings, lowercased, with their masks, prepared once so that a keystroke
/// costs as little as possible before skim is asked to score anything. They are
/// stored back to back in one `String`, so a scan walks one block of memory
/// instead of a pointer per string.
#[derive(Default)]
pub(super) struct Candidates {
    lower: String,
    /// Where each candidate ends in `lower`; it starts where the previous one ends.
    ends: Vec<u32>,
    masks: Vec<u64>,
}

impl Candidates {
    /// Adds a candidate, already lowercased; returns its number.
    pub(super) fn push(&mut self, lower: &str) -> u32 {
        self.masks.push(mask_of(lower));
        self.lower.push_str(lower);
        self.ends.push(self.lower.len() as u32);
        self.ends.len() as u32 - 1
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Candidate `k`, lowercased.
    pub(super) fn get(&self, k: u32) -> &str {
        let k = k as usize;
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.lower[start..self.ends[k] as usize]
    }

    /// Whether candidate `k` contains every word of `query` as a subsequence.
    pub(super) fn passes(&self, k: u32, query: &Query) -> bool {
        if self.masks[k as usize] & query.mask != query.mask {
            return false;
        }
        let text = self.get(k);
        query
            .words
            .iter()
            .all(|w| is_settled_by_mask(w) || is_subsequence(w, text))
    }

    /// The candidates among `within` (all when `None`) that contain every word as a
    /// subsequence, in order; split over the cores when there are many.
    pub(super) fn prefilter(&self, query: &Query, within: Option<&[u32]>) -> Vec<u32> {
        match within {
            Some(list) => parallel::split(list.len(), |range| {
                list[range]
                    .iter()
                    .copied()
                    .filter(|&k| self.passes(k, query))
                    .collect()
            }),
            None => parallel::split(self.len(), |range| {
                (range.start as u32..range.end as u32)
                    .filter(|&k| self.passes(k, query))
                    .collect()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(s: &str) -> String {
        s.to_lowercase()
    }

    #[test]
    fn prefilter_keeps_exactly_the_subsequence_matches() {
        let names = [
            "Kataib Hezbollah",
            "Asaib Ahl al-Haq",
            "Ḥizb al-Daʿwa",
            "KH",
            "",
        ];
        let mut c = Candidates::default();
        for name in names {
            c.push(&lower(name));
        }
        let words = Query::new;
        assert_eq!(c.prefilter(&words("ktb hzb"), None), [0]);
        assert_eq!(c.prefilter(&words("k"), None), [0, 3]);
        assert_eq!(c.prefilter(&words("ḥizb"), None), [2]);
        assert_eq!(c.prefilter(&words("ha"), None), [0, 1]);
        assert_eq!(c.prefilter(&words("ha"), Some(&[1, 3])), [1]);
        assert_eq!(c.get(2), "ḥizb al-daʿwa");
        assert_eq!(c.get(4), "");
    }

    #[test]
    fn lowercases_char_for_char() {
        assert_eq!(lowercase("Ḥizb ÉTAT İ"), "ḥizb état İ");
        assert_eq!(lowercase("İx").chars().count(), 2);
    }

    /// What `Matcher` must answer for an already lowercased text: each word
    /// scored by a fresh skim, as if nothing had been scored before.
    fn fresh_score(lower: &str, query: &Query) -> Option<i64> {
        let mut score = 0;
        for word in &query.words {
            score += SkimMatcherV2::default()
                .respect_case()
                .fuzzy_match(lower, word)?;
        }
        if lower
            .split_whitespace()
            .eq(query.words.iter().map(String::as_str))
        {
            score += EXACT_BONUS;
        }
        Some(score)
    }

    fn fresh_indices(lower: &str, query: &Query) -> Vec<usize> {
        let mut indices: Vec<usize> = query
            .words
            .iter()
            .filter_map(|w| {
                SkimMatcherV2::default()
                    .respect_case()
                    .fuzzy_indices(lower, w)
            })
            .flat_map(|(_, found)| found)
            .collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    }

    /// Skim 0.3.7 leaves its score matrix as the last call left it; a reused
    /// matcher scored "sabah rouhani" 59 for `aah` after "abu raad al-amiri"
    /// had been scored for `abu`, where a fresh one scores 47.
    #[test]
    fn a_score_does_not_depend_on_what_was_scored_before() {
        let m = Matcher::new(false);
        let aah = Query::new("aah");
        assert_eq!(m.score("sabah rouhani", &aah), Some(47));
        m.score("abu raad al-amiri", &Query::new("abu"));
        assert_eq!(m.score("sabah rouhani", &aah), Some(47));
        m.indices("abu raad al-amiri", &Query::new("abu"));
        assert_eq!(m.indices("sabah rouhani", &aah), [1, 3, 4]);
        assert_eq!(m.score("sabah rouhani", &aah), Some(47));
    }

    /// Every text of up to five characters from `a`, `b`, ' ' and '-' against
    /// every word of up to four from `a` and `b`, all through one matcher, each
    /// right after another text was highlighted or scored for another word: as
    /// a fresh matcher scores them.
    #[test]
    fn scores_and_positions_equal_a_fresh_matchers_exhaustively() {
        let mut texts = vec![String::new()];
        for len in 1..=5 {
            let shorter: Vec<String> = texts
                .iter()
                .filter(|t| t.len() == len - 1)
                .cloned()
                .collect();
            for t in shorter {
                for c in ['a', 'b', ' ', '-'] {
                    texts.push(format!("{t}{c}"));
                }
            }
        }
        let words: Vec<&String> = texts
            .iter()
            .filter(|t| !t.is_empty() && t.len() <= 4 && !t.contains([' ', '-']))
            .collect();
        let m = Matcher::new(false);
        let mut wrong = Vec::new();
        // Another text of up to fifteen characters, a different one each time.
        let before = |step: usize| {
            let n = texts.len();
            let text = [7, 13, 29]
                .map(|k| texts[(step * k + 3) % n].as_str())
                .concat();
            (text, Query::new(words[(step * 5) % words.len()]))
        };
        for (i, word) in words.iter().enumerate() {
            let query = Query::new(word);
            for (j, text) in texts.iter().enumerate() {
                let (other, other_query) = before(2 * (i * texts.len() + j));
                m.indices(&other, &other_query);
                let indices = m.indices(text, &query);
                let (other, other_query) = before(2 * (i * texts.len() + j) + 1);
                m.score(&other, &other_query);
                if indices != fresh_indices(text, &query)
                    || m.score(text, &query) != fresh_score(text, &query)
                {
                    wrong.push((text.clone(), word.to_string()));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} differ, e.g. {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(5)]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// Whatever was scored before, on this thread, a text scores and is
        /// highlighted as a fresh matcher would.
        #[test]
        fn a_reused_matcher_answers_as_a_fresh_one(
            before in proptest::collection::vec(("[abhlr -]{0,20}", "[abhl]{1,4}( [abhl]{1,3})?"), 0..4),
            text in "[abhlré -]{0,20}",
            query in "[abhlé]{1,5}( [abhl]{1,3})?",
        ) {
            let m = Matcher::new(false);
            for (t, q) in &before {
                m.score(t, &Query::new(q));
                m.indices(t, &Query::new(q));
            }
            let query = Query::new(&query);
            proptest::prop_assert_eq!(m.score(&text, &query), fresh_score(&text, &query));
            proptest::prop_assert_eq!(m.indices(&text, &query), fresh_indices(&text, &query));
        }
    }

    #[test]
    fn masks_and_lengths_are_those_of_the_lowercased_text() {
        for text in [
            "Drone Attack, Basra",
            "  ",
            "Ḥizb ÉTAT İx",
            "\tK\u{212A} 9\u{b}",
            "",
        ] {
            let lower = lowercase(text);
            let mask = lower.chars().fold(0, |m, c| m | bit(c));
            let solid = lower.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(mask_and_solid(text), (mask, solid), "{text:?}");
        }
    }

    #[test]
    fn masks_tell_letters_and_digits_apart() {
        assert_eq!(mask_of("ab"), 0b11);
        assert_eq!(mask_of("AB"), 0b11);
        assert_ne!(mask_of("z") & mask_of("y"), mask_of("z"));
        assert_ne!(mask_of("1") & mask_of("2"), mask_of("1"));
        assert_eq!(mask_of("é") & mask_of("a"), 0);
        assert!(is_settled_by_mask("q") && is_settled_by_mask("7"));
        assert!(!is_settled_by_mask("é") && !is_settled_by_mask("-") && !is_settled_by_mask("ab"));
    }

    #[test]
    fn subsequence_ignores_case_in_any_script() {
        assert!(is_subsequence("ktb", "Kataib Hezbollah"));
        assert!(!is_subsequence("ktz", "Kataib"));
        assert!(is_subsequence("état", "L'ÉTAT"));
        assert!(is_subsequence("", "x"));
    }
}
