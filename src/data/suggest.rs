//! "Did you mean ...?": the closest known id to a mistyped one.

/// The candidate closest to `wanted` by edit distance (insertions, deletions,
/// substitutions and swaps of neighbours), if it is close enough to be a likely
/// typo: at most one edit per three characters, and never more than three.
/// Ties go to the earliest candidate.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted: Vec<char> = wanted.chars().collect();
    let limit = (wanted.len() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    let mut buffer = Vec::new();
    for candidate in candidates {
        let bound = best.map_or(limit, |(d, _)| d.saturating_sub(1));
        buffer.clear();
        buffer.extend(candidate.chars());
        if buffer.len().abs_diff(wanted.len()) > bound {
            continue;
        }
        let d = distance(&wanted, &buffer);
        if d <= bound && d > 0 {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Optimal-string-alignment distance: Levenshtein plus swaps of two neighbours.
fn distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    // Three rows: two back (for swaps), one back, and the current one.
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> usize {
        distance(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    }

    #[test]
    fn measures_edits() {
        assert_eq!(d("kataib-hezbolah", "kataib-hezbollah"), 1);
        assert_eq!(d("irgc", "igrc"), 1);
        assert_eq!(d("abc", "abc"), 0);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("kitten", "sitting"), 3);
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
}
