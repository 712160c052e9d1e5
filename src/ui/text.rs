//! Text shaping the panes share: highlighting matched characters, wrapping styled
//! text to a width (so heights are known before drawing), and cutting a line to fit.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

fn char_width(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

pub fn text_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Spans of `text` in `base`, with the characters at `indices` (char indices, sorted)
/// in `highlight`.
pub fn highlighted(
    text: &str,
    indices: &[usize],
    base: Style,
    highlight: Style,
) -> Vec<Span<'static>> {
    if indices.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_is_hit = false;
    let mut next = indices.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        while next.peek().is_some_and(|&&n| n < i) {
            next.next();
        }
        let hit = next.peek() == Some(&&i);
        if hit != run_is_hit && !run.is_empty() {
            let style = if run_is_hit { highlight } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_is_hit = hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_is_hit { highlight } else { base }));
    }
    spans
}

/// The most lines a quote shows as an item of a list (the quotes pane, the source
/// view): lists scroll by whole items, so no screen shows more of one item than
/// its height. The detail pane shows a quote in full.
pub const ITEM_LINE_LIMIT: usize = 256;

/// Word-wraps styled text to `width` columns. Newlines break lines; words longer
/// than the width are cut. Always returns at least one line.
pub fn wrap(spans: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    wrap_indented(spans, width, 0)
}

/// `wrap`, with every line after the first indented by `indent` columns.
pub fn wrap_indented(spans: &[Span<'_>], width: usize, indent: usize) -> Vec<Line<'static>> {
    wrap_at_most(spans, width, indent, usize::MAX)
}

/// `wrap_indented`, stopping after `max_lines` lines: a list item taller than any
/// screen is never seen whole, and wrapping all of a 1 MB quote for each frame
/// would cost a tenth of a second.
pub fn wrap_at_most(
    spans: &[Span<'_>],
    width: usize,
    indent: usize,
    max_lines: usize,
) -> Vec<Line<'static>> {
    wrap_window(spans, width, indent, 0, max_lines).1
}

/// The lines of `wrap_indented` after the first `skip`, at most `take` of them,
/// and how many were skipped (all the lines there are, when fewer than `skip`).
/// Skipped lines are counted, not built: a frame scrolled deep into a long text
/// pays for finding its first line, not for making every line above it.
pub fn wrap_window(
    spans: &[Span<'_>],
    width: usize,
    indent: usize,
    skip: usize,
    take: usize,
) -> (usize, Vec<Line<'static>>) {
    let w = wrap_into(spans, width, indent, skip, skip.saturating_add(take));
    let skipped = w.done.min(skip);
    let pad = " ".repeat(if indent < width.max(1) { indent } else { 0 });
    let lines = w
        .lines
        .into_iter()
        .enumerate()
        .map(|(i, chars)| {
            let mut line = to_line(chars);
            if skipped + i > 0 && !pad.is_empty() {
                line.spans.insert(0, Span::raw(pad.clone()));
            }
            line
        })
        .collect();
    (skipped, lines)
}

/// How many lines `wrap_indented` makes, without making them.
pub fn wrap_count(spans: &[Span<'_>], width: usize, indent: usize) -> usize {
    wrap_into(spans, width, indent, usize::MAX, usize::MAX).done
}

/// Wraps `spans` into `max_lines` lines at most (always at least one), keeping
/// the characters of those after the first `skip`.
fn wrap_into(
    spans: &[Span<'_>],
    width: usize,
    indent: usize,
    skip: usize,
    max_lines: usize,
) -> Wrapper {
    let width = width.max(1);
    let indent = if indent < width { indent } else { 0 };
    let max_lines = max_lines.max(1);
    let mut w = Wrapper {
        lines: Vec::new(),
        done: 0,
        skip,
        line: Vec::new(),
        line_width: 0,
        width,
        rest_width: width - indent,
    };
    let mut space: Vec<(char, Style)> = Vec::new();
    let mut word: Vec<(char, Style)> = Vec::new();
    let mut at_paragraph_start = true;
    'spans: for span in spans {
        for c in span.content.chars() {
            if w.done >= max_lines {
                break 'spans;
            }
            match c {
                '\n' => {
                    w.place(&mut space, &mut word);
                    w.break_line();
                    space.clear();
                    at_paragraph_start = true;
                }
                ' ' | '\t' => {
                    if !word.is_empty() {
                        w.place(&mut space, &mut word);
                        space.clear();
                        at_paragraph_start = false;
                    }
                    if !w.line.is_empty() || at_paragraph_start {
                        space.push((' ', span.style));
                    }
                }
                _ => {
                    if at_paragraph_start && w.line.is_empty() && !space.is_empty() {
                        // Indentation at the start of a paragraph is kept.
                        space.truncate(w.limit().saturating_sub(1));
                        w.line_width = space.len();
                        w.line.append(&mut space);
                    }
                    at_paragraph_start = false;
                    word.push((c, span.style));
                }
            }
        }
    }
    if w.done < max_lines {
        w.place(&mut space, &mut word);
        w.break_line();
    }
    // Placing the last word may have broken lines past the limit.
    w.done = w.done.min(max_lines);
    w.lines.truncate(max_lines.saturating_sub(skip));
    w
}

/// Greedy line filling for `wrap_indented`.
struct Wrapper {
    /// The finished lines after the first `skip`.
    lines: Vec<Vec<(char, Style)>>,
    /// How many lines are finished, skipped ones included.
    done: usize,
    skip: usize,
    line: Vec<(char, Style)>,
    line_width: usize,
    width: usize,
    rest_width: usize,
}

impl Wrapper {
    fn limit(&self) -> usize {
        if self.done == 0 {
            self.width
        } else {
            self.rest_width
        }
    }

    fn break_line(&mut self) {
        if self.done >= self.skip {
            self.lines.push(std::mem::take(&mut self.line));
        } else {
            // Counted only; the buffer is kept for the next line.
            self.line.clear();
        }
        self.done += 1;
        self.line_width = 0;
    }

    /// Places a word (and the space before it) on this line or the next; a word
    /// longer than a line is cut.
    fn place(&mut self, space: &mut Vec<(char, Style)>, word: &mut Vec<(char, Style)>) {
        if word.is_empty() {
            return;
        }
        let word_width: usize = word.iter().map(|&(c, _)| char_width(c)).sum();
        let space_width = space.len();
        if self.line_width + space_width + word_width <= self.limit() {
            self.line.append(space);
            self.line_width += space_width;
        } else {
            if !self.line.is_empty() {
                self.break_line();
            }
            space.clear();
        }
        for (c, style) in word.drain(..) {
            let cw = char_width(c);
            if self.line_width + cw > self.limit() && !self.line.is_empty() {
                self.break_line();
            }
            self.line.push((c, style));
            self.line_width += cw;
        }
    }
}

fn to_line(chars: Vec<(char, Style)>) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = None;
    for (c, style) in chars {
        if run_style != Some(style) && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                run_style.unwrap_or_default(),
            ));
        }
        run_style = Some(style);
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style.unwrap_or_default()));
    }
    Line::from(spans)
}

/// Cuts a line to `width` columns, ending with `…` when something was cut.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let total: usize = spans.iter().map(|s| text_width(&s.content)).sum();
    if total <= width {
        return Line::from(spans);
    }
    if width == 0 {
        return Line::default();
    }
    let mut room = width - 1;
    let mut out = Vec::new();
    let mut last_style = Style::default();
    for span in spans {
        if room == 0 {
            break;
        }
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = char_width(c);
            if w > room {
                room = 0;
                break;
            }
            room -= w;
            kept.push(c);
        }
        last_style = span.style;
        out.push(Span::styled(kept, span.style));
    }
    out.push(Span::styled("…", last_style));
    Line::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        let text = [Span::raw("the quick brown fox jumps")];
        assert_eq!(plain(&wrap(&text, 10)), ["the quick", "brown fox", "jumps"]);
        let long = [Span::raw("abcdefghijkl xy")];
        assert_eq!(plain(&wrap(&long, 5)), ["abcde", "fghij", "kl xy"]);
        let long = [Span::raw("ab cdefghijkl")];
        assert_eq!(plain(&wrap(&long, 5)), ["ab", "cdefg", "hijkl"]);
        assert_eq!(plain(&wrap(&[Span::raw("a\nb")], 5)), ["a", "b"]);
        assert_eq!(plain(&wrap(&[Span::raw("")], 5)), [""]);
        assert_eq!(
            plain(&wrap(&[Span::raw("  indented text")], 40)),
            ["  indented text"]
        );
    }

    #[test]
    fn hanging_indent() {
        let text = [Span::raw("1. the quick brown fox")];
        assert_eq!(
            plain(&wrap_indented(&text, 12, 3)),
            ["1. the quick", "   brown fox"]
        );
    }

    #[test]
    fn wrapping_keeps_styles() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let lines = wrap(
            &[Span::raw("aa "), Span::styled("bb", bold), Span::raw(" cc")],
            5,
        );
        assert_eq!(plain(&lines), ["aa bb", "cc"]);
        assert_eq!(lines[0].spans[1].style, bold);
    }

    #[test]
    fn highlights_char_indices_not_bytes() {
        let hl = Style::default().add_modifier(ratatui::style::Modifier::UNDERLINED);
        let spans = highlighted("Kāẓimī", &[1, 3], Style::default(), hl);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["K", "ā", "ẓ", "i", "mī"]);
        assert_eq!(spans[1].style, hl);
    }

    #[test]
    fn fit_adds_an_ellipsis() {
        assert_eq!(fit(vec![Span::raw("abcdef")], 4).to_string(), "abc…");
        assert_eq!(fit(vec![Span::raw("abc")], 4).to_string(), "abc");
    }
}
