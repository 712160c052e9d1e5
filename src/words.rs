//! Small pieces of English shared by the command line and the explorer.

/// `1 event`, `2 events`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_is_singular_and_the_rest_plural() {
        assert_eq!(super::count(0, "quote"), "0 quotes");
        assert_eq!(super::count(1, "quote"), "1 quote");
        assert_eq!(super::count(2, "source"), "2 sources");
    }
}
