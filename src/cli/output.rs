//! Writing answers: to stdout without panicking on a closed pipe, and the escaping
//! that each output format needs.

use std::io::Write;

use serde_json::Value;

use super::Failure;

/// Writes the answer to stdout. A reader that stops early (`tlx events | head`) is
/// not an error; any other failure to write is.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("cannot write the output: {e}"))),
    }
}

/// A field of tab-separated text: tabs and line breaks become spaces, so that one
/// record stays on one line.
pub fn cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// A Markdown table cell: pipes escaped, line breaks as spaces.
pub fn markdown(text: &str) -> String {
    cell(text).replace('|', "\\|")
}

/// Pretty JSON with a final newline.
pub fn json_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_for_each_format() {
        assert_eq!(cell("a\tb\nc"), "a b c");
        assert_eq!(markdown("a | b\nc"), "a \\| b c");
    }
}
