//! One problem (or warning) found in a timeline file, said where it is.

use std::fmt;

/// A problem in a timeline file: where it is and what is wrong, in plain words.
///
/// `path` is the JSON path (`events[12].actors[0].id`), empty when the problem is
/// about the file as a whole; `line` and `column` are set for JSON syntax and type
/// errors, which serde locates in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Diagnostic {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

/// `path: line L, column C: message`, leaving out what is not known. Control
/// characters are escaped, so a diagnostic can never drive the terminal.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", Printable(&self.path))?;
        }
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            _ => {}
        }
        write!(f, "{}", Printable(&self.message))
    }
}

/// Writes a string with every control character escaped (`\u{1b}`), so that text
/// from a file or the command line cannot drive the terminal.
pub struct Printable<'a>(pub &'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_unicode())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// A value quoted for a message: `"kataib-hezbolah"`, control characters escaped.
pub fn quoted(text: &str) -> String {
    format!("{text:?}")
}

/// A JSON path made of object keys and array indices, written the way the format
/// reference writes it: `events[12].actors[0].id`.
#[derive(Clone, Debug, Default)]
pub struct JsonPath(String);

impl JsonPath {
    pub fn key(&mut self, key: &str) {
        let plain = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if plain {
            if !self.0.is_empty() {
                self.0.push('.');
            }
            self.0.push_str(key);
        } else {
            // Odd keys (spaces, dots, control characters) are quoted and escaped.
            self.0.push('[');
            self.0.push_str(&quoted(key));
            self.0.push(']');
        }
    }

    pub fn index(&mut self, index: usize) {
        self.0.push('[');
        self.0.push_str(&index.to_string());
        self.0.push(']');
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_path_position_and_message() {
        let d = Diagnostic::new("events[2].title", "expected `,` or `}`").at(3, 14);
        assert_eq!(
            d.to_string(),
            "events[2].title: line 3, column 14: expected `,` or `}`"
        );
        let d = Diagnostic::new("", "expected value").at(1, 1);
        assert_eq!(d.to_string(), "line 1, column 1: expected value");
        let d = Diagnostic::new("format", "required field is missing");
        assert_eq!(d.to_string(), "format: required field is missing");
    }

    #[test]
    fn escapes_control_characters() {
        let d = Diagnostic::new("events[0].x\u{1b}", "bad \u{7} value");
        assert_eq!(d.to_string(), "events[0].x\\u{1b}: bad \\u{7} value");
    }

    #[test]
    fn builds_paths() {
        let mut p = JsonPath::default();
        p.key("events");
        p.index(12);
        p.key("actors");
        p.index(0);
        p.key("id");
        assert_eq!(p.into_string(), "events[12].actors[0].id");
        let mut p = JsonPath::default();
        p.key("odd key");
        assert_eq!(p.into_string(), "[\"odd key\"]");
    }
}
