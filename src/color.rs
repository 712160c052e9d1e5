//! `--color auto|always|never` and the `NO_COLOR` convention (https://no-color.org):
//! one decision, made once, that the explorer's theme follows.

use std::ffi::OsStr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour unless `NO_COLOR` is set to something non-empty.
    #[default]
    Auto,
    /// Colour even when `NO_COLOR` is set.
    Always,
    /// No colour: the explorer marks things with bold, reverse and underline only.
    Never,
}

/// Whether to use colour, reading `NO_COLOR` from the environment.
pub fn color_enabled(choice: ColorChoice) -> bool {
    decide(choice, std::env::var_os("NO_COLOR").as_deref())
}

/// The decision itself, with the value of `NO_COLOR` passed in (for tests).
pub fn decide(choice: ColorChoice, no_color: Option<&OsStr>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => no_color.is_none_or(OsStr::is_empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_turns_off_auto_only() {
        let set = Some(OsStr::new("1"));
        assert!(decide(ColorChoice::Auto, None));
        assert!(decide(ColorChoice::Auto, Some(OsStr::new(""))));
        assert!(!decide(ColorChoice::Auto, set));
        assert!(decide(ColorChoice::Always, set));
        assert!(!decide(ColorChoice::Never, None));
    }
}
