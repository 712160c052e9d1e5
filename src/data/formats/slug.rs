//! Valid, unique ids made from text that was not written as one (TimelineJS
//! `unique_id`s, headlines, media credits).

use std::collections::{HashMap, HashSet};

use crate::data::load::validate::MAX_ID_LEN;

/// Lowercase ASCII letters and digits, everything else folded into single `-`,
/// at most `MAX_ID_LEN` long. Empty when the text has no letter or digit.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len().min(MAX_ID_LEN));
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= MAX_ID_LEN {
            break;
        }
    }
    slug.truncate(MAX_ID_LEN);
    slug.trim_end_matches('-').to_string()
}

/// The ids taken so far in one list.
#[derive(Debug, Default)]
pub struct IdSet {
    taken: HashSet<String>,
    /// The next suffix to try for each base, so that a file repeating one id a
    /// hundred thousand times costs linear time, not quadratic.
    next: HashMap<String, usize>,
}

impl IdSet {
    /// `base` made valid (or `fallback` if nothing is left of it), then `-2`, `-3`,
    /// ... appended until it is unused; the result is taken.
    pub fn claim(&mut self, base: &str, fallback: &str) -> String {
        let mut base = slugify(base);
        if base.is_empty() {
            base = fallback.to_string();
        }
        let mut id = base.clone();
        let n = self.next.entry(base.clone()).or_insert(2);
        while self.taken.contains(&id) {
            let suffix = format!("-{n}");
            let keep = base.len().min(MAX_ID_LEN - suffix.len());
            id = format!("{}{suffix}", base[..keep].trim_end_matches('-'));
            *n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load::validate::is_valid_id;

    #[test]
    fn makes_valid_ids() {
        assert_eq!(slugify("Fall of Rome!"), "fall-of-rome");
        assert_eq!(slugify("  --Über  Café--  "), "ber-caf");
        assert_eq!(slugify("!!!"), "");
        let long = slugify(&"ab ".repeat(100));
        assert!(long.len() <= MAX_ID_LEN && is_valid_id(&long));
    }

    #[test]
    fn dedupes_with_numbers() {
        let mut ids = IdSet::default();
        assert_eq!(ids.claim("Event", "event"), "event");
        assert_eq!(ids.claim("event", "event"), "event-2");
        assert_eq!(ids.claim("EVENT", "event"), "event-3");
        assert_eq!(ids.claim("", "event"), "event-4");
        let long = "x".repeat(64);
        assert_eq!(ids.claim(&long, "event"), long);
        let second = ids.claim(&long, "event");
        assert!(second.ends_with("-2") && is_valid_id(&second));
    }

    #[test]
    fn many_copies_of_one_id_stay_fast() {
        let mut ids = IdSet::default();
        for _ in 0..100_000 {
            ids.claim("same", "event");
        }
        assert_eq!(ids.claim("same", "event"), "same-100001");
        // A literal that collides with a generated one is still made unique.
        assert_eq!(ids.claim("same-100002", "event"), "same-100002");
        assert_eq!(ids.claim("same", "event"), "same-100003");
    }
}
