//! "Did you mean ...?": the closest known id to a mistyped one.

/// Strings longer than this (in characters) get no suggestion and are never
/// suggested: ids have at most 64 characters and field names fewer, and a file
/// may hold a 50 MB "id", whose distance to another would take hours.
const LONGEST: usize = 100;

/// The candidate closest to `wanted` by edit distance (insertions, deletions,
/// substitutions and swaps of neighbours), if it is close enough to be a likely
/// typo: at most one edit per three characters, and never more than three.
/// Ties go to the earliest candidate.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // A UTF-8 character is at most 4 bytes: longer is surely over LONGEST characters.
    if wanted.len() > 4 * LONGEST {
        return None;
    }
    let wanted: Vec<char> = wanted.chars().collect();
    if wanted.len() > LONGEST {
        return None;
    }
    let limit = (wanted.len() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    let mut buffer = Vec::new();
    let mut rows = Rows::default();
    for candidate in candidates {
        let bound = best.map_or(limit, |(d, _)| d.saturating_sub(1));
        // Cheap length test in bytes before collecting the characters.
        if candidate.len() > 4 * (LONGEST + bound) {
            continue;
        }
        buffer.clear();
        buffer.extend(candidate.chars());
        if buffer.len().abs_diff(wanted.len()) > bound {
            continue;
        }
        match distance_within(&wanted, &buffer, bound, &mut rows) {
            Some(d) if d > 0 => best = Some((d, candidate)),
            _ => {}
        }
    }
    best.map(|(_, c)| c)
}

/// Three rows of the distance table, kept between candidates.
#[derive(Default)]
struct Rows {
    before: Vec<usize>,
    previous: Vec<usize>,
    current: Vec<usize>,
}

/// Optimal-string-alignment distance (Levenshtein plus swaps of two neighbours)
/// if it is at most `bound`. Only the diagonal band `|i - j| <= bound` is
/// computed, and it stops at the first row whose every cell exceeds `bound`: a
/// comparison costs a few cells per character, not length squared, which matters
/// when a file holds thousands of unknown references to thousands of long ids.
fn distance_within(a: &[char], b: &[char], bound: usize, rows: &mut Rows) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let over = bound + 1;
    let width = b.len() + 1;
    let Rows {
        before,
        previous,
        current,
    } = rows;
    before.clear();
    before.resize(width, over);
    previous.clear();
    previous.extend((0..width).map(|j| j.min(over)));
    current.clear();
    current.resize(width, over);
    for i in 1..=a.len() {
        let lo = i.saturating_sub(bound).max(1);
        let hi = (i + bound).min(b.len());
        // The cells left and right of the band read as "over the bound".
        current[lo - 1] = if lo == 1 { i.min(over) } else { over };
        if hi < b.len() {
            current[hi + 1] = over;
        }
        let mut row_min = current[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            let d = d.min(over);
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > bound {
            return None;
        }
        std::mem::swap(before, previous);
        std::mem::swap(previous, current);
    }
    let d = previous[b.len()];
    (d <= bound).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        distance_within(&a, &b, 100, &mut Rows::default()).unwrap()
    }

    #[test]
    fn measures_edits() {
        assert_eq!(d("kataib-hezbolah", "kataib-hezbollah"), 1);
        assert_eq!(d("irgc", "igrc"), 1);
        assert_eq!(d("abc", "abc"), 0);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("ca", "abc"), 3);
        assert_eq!(d("abcdef", "badcfe"), 3);
    }

    /// The whole table, the plain way, to check the banded one against.
    fn full_table(a: &[char], b: &[char]) -> usize {
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i;
        }
        t[0] = (0..=b.len()).collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                t[i][j] = (t[i - 1][j] + 1)
                    .min(t[i][j - 1] + 1)
                    .min(t[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    t[i][j] = t[i][j].min(t[i - 2][j - 2] + 1);
                }
            }
        }
        t[a.len()][b.len()]
    }

    #[test]
    fn the_band_agrees_with_the_full_table() {
        // Every pair of short strings over a small alphabet, at every bound.
        let words: Vec<Vec<char>> = (0..3usize.pow(5))
            .flat_map(|n| {
                (0..=5).map(move |len| {
                    (0..len)
                        .map(|k| [b'a', b'b', b'c'][n / 3usize.pow(k as u32) % 3] as char)
                        .collect()
                })
            })
            .collect();
        let mut rows = Rows::default();
        for a in words.iter().step_by(7) {
            for b in words.iter().step_by(5) {
                let full = full_table(a, b);
                for bound in 0..4 {
                    let banded = distance_within(a, b, bound, &mut rows);
                    assert_eq!(
                        banded,
                        (full <= bound).then_some(full),
                        "{a:?} {b:?} {bound}"
                    );
                }
            }
        }
    }

    #[test]
    fn suggests_only_close_ids() {
        let ids = ["kataib-hezbollah", "quds-force", "iran", "iraq"];
        assert_eq!(closest("kataib-hezbolah", ids), Some("kataib-hezbollah"));
        assert_eq!(closest("irn", ids), Some("iran"));
        assert_eq!(closest("united-states", ids), None);
        assert_eq!(
            closest("kh", ["kb", "ab"]),
            Some("kb"),
            "ties go to the first"
        );
    }

    #[test]
    fn gives_up_on_huge_strings_at_once() {
        let huge = "a".repeat(50 << 20);
        let near = format!("{huge}b");
        assert_eq!(closest(&huge, [near.as_str()]), None);
        assert_eq!(closest("aaaa", [huge.as_str(), "aaab"]), Some("aaab"));
    }
}
