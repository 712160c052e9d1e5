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
/// Skipped lines are counted, not built.
pub fn wrap_window(
    spans: &[Span<'_>],
    width: usize,
    indent: usize,
    skip: usize,
    take: usize,
) -> (usize, Vec<Line<'static>>) {
    wrap_window_measured(spans, width, indent, None, skip, take)
}

/// `wrap_window`, starting from the last line start of `measured` (made by
/// `measure` for these spans, width and indent) at or before `skip`: a frame
/// scrolled deep into a long text wraps what it shows, not everything above it.
pub fn wrap_window_measured(
    spans: &[Span<'_>],
    width: usize,
    indent: usize,
    measured: Option<&Measured>,
    skip: usize,
    take: usize,
) -> (usize, Vec<Line<'static>>) {
    let from = measured.and_then(|m| {
        let before = m.starts.partition_point(|s| s.line <= skip);
        before.checked_sub(1).map(|i| m.starts[i])
    });
    let window = Window {
        skip,
        max_lines: skip.saturating_add(take),
        from,
        record: false,
    };
    let w = wrap_into(spans, width, indent, window);
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

/// How many lines `wrap_indented` makes, without making them, and where some of
/// them start (one every `LINE_START_EVERY` lines or so), for
/// `wrap_window_measured`.
pub fn measure(spans: &[Span<'_>], width: usize, indent: usize) -> Measured {
    let window = Window {
        skip: usize::MAX,
        max_lines: usize::MAX,
        from: None,
        record: true,
    };
    let w = wrap_into(spans, width, indent, window);
    Measured {
        rows: w.done,
        starts: w.starts,
    }
}

/// The rows a text wraps to, and where some of its lines start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Measured {
    pub rows: usize,
    starts: Vec<LineStart>,
}

impl Measured {
    /// `rows` rows, with no line start kept (a text too short to need one).
    pub fn rows(rows: usize) -> Measured {
        Measured {
            rows,
            starts: Vec::new(),
        }
    }
}

/// Lines apart of the line starts `measure` keeps.
const LINE_START_EVERY: usize = 32;

/// Where line `line` starts in the spans: at a word (or, after a newline, at a
/// paragraph) beginning at byte `byte` of span `span`. Wrapping again from there
/// makes the same lines as wrapping from the top, since a line that starts at a
/// word carries nothing over from the line before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LineStart {
    line: usize,
    span: usize,
    byte: usize,
    paragraph_start: bool,
}

/// Which lines `wrap_into` keeps, and where it starts.
struct Window {
    /// Lines counted but not kept.
    skip: usize,
    /// Lines after which it stops (skipped ones included).
    max_lines: usize,
    /// A line start to begin at instead of the top.
    from: Option<LineStart>,
    /// Keep line starts, for `measure`.
    record: bool,
}

/// Wraps `spans` into `max_lines` lines at most (always at least one), keeping
/// the characters of those after the first `skip`.
fn wrap_into(spans: &[Span<'_>], width: usize, indent: usize, window: Window) -> Wrapper {
    let width = width.max(1);
    let indent = if indent < width { indent } else { 0 };
    let max_lines = window.max_lines.max(1);
    // A start that does not fit these spans is ignored: wrapping from the top
    // is slower, never wrong.
    let from = window.from.filter(|s| {
        spans
            .get(s.span)
            .is_some_and(|span| span.content.is_char_boundary(s.byte))
    });
    let mut w = Wrapper {
        lines: Vec::new(),
        done: from.map_or(0, |s| s.line),
        skip: window.skip,
        line: Vec::new(),
        line_width: 0,
        width,
        rest_width: width - indent,
        starts: Vec::new(),
        next_start: window.record.then_some(LINE_START_EVERY),
    };
    let (first_span, first_byte) = from.map_or((0, 0), |s| (s.span, s.byte));
    let mut at_paragraph_start = from.is_none_or(|s| s.paragraph_start);
    let mut space: Vec<(char, Style)> = Vec::new();
    let mut word: Vec<(char, Style)> = Vec::new();
    let mut word_start = (0, 0);
    'spans: for (n, span) in spans.iter().enumerate().skip(first_span) {
        let base = if n == first_span { first_byte } else { 0 };
        for (i, c) in span.content[base..].char_indices() {
            if w.done >= max_lines {
                break 'spans;
            }
            match c {
                '\n' => {
                    w.place(&mut space, &mut word, word_start);
                    w.break_line();
                    w.mark((n, base + i + 1), true);
                    space.clear();
                    at_paragraph_start = true;
                }
                ' ' | '\t' => {
                    if !word.is_empty() {
                        w.place(&mut space, &mut word, word_start);
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
                    if word.is_empty() {
                        word_start = (n, base + i);
                    }
                    word.push((c, span.style));
                }
            }
        }
    }
    if w.done < max_lines {
        w.place(&mut space, &mut word, word_start);
        w.break_line();
    }
    // Placing the last word may have broken lines past the limit.
    w.done = w.done.min(max_lines);
    w.lines.truncate(max_lines.saturating_sub(window.skip));
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
    /// Line starts kept so far, and the line from which the next is kept (none:
    /// keep none).
    starts: Vec<LineStart>,
    next_start: Option<usize>,
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

    /// Keeps where the line just begun starts, if one is due.
    fn mark(&mut self, (span, byte): (usize, usize), paragraph_start: bool) {
        if let Some(next) = self.next_start
            && self.done >= next
        {
            self.starts.push(LineStart {
                line: self.done,
                span,
                byte,
                paragraph_start,
            });
            self.next_start = Some(self.done + LINE_START_EVERY);
        }
    }

    /// Places a word (and the space before it) on this line or the next; a word
    /// longer than a line is cut. `start` is where the word begins in the spans.
    fn place(
        &mut self,
        space: &mut Vec<(char, Style)>,
        word: &mut Vec<(char, Style)>,
        start: (usize, usize),
    ) {
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
                self.mark(start, false);
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

    /// Texts of every shape the wrapper meets: words short and longer than a
    /// line, runs of spaces and tabs, newlines and indented paragraphs, wide
    /// characters, and styles changing inside words.
    fn texts() -> Vec<Vec<Span<'static>>> {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let pieces = [
            "a",
            "bb",
            "word",
            "longerword",
            "averyveryverylongwordindeed",
            "漢字",
            "é",
            " ",
            "  ",
            "\t",
            "\n",
            "\n   ",
            "\n\n",
        ];
        (0..6)
            .map(|_| {
                let mut spans = Vec::new();
                for _ in 0..1 + next(4) {
                    let mut text = String::new();
                    for _ in 0..80 + next(160) {
                        let piece = pieces[next(pieces.len() as u64) as usize];
                        text.push_str(piece);
                        if next(3) > 0 {
                            text.push(' ');
                        }
                    }
                    let style = if next(2) == 0 { bold } else { Style::default() };
                    spans.push(Span::styled(text, style));
                }
                spans
            })
            .collect()
    }

    #[test]
    fn a_window_from_a_line_start_is_the_same_as_from_the_top() {
        for spans in texts() {
            for width in [1, 3, 7, 12, 31] {
                for indent in [0, 1, 4] {
                    let all = wrap_indented(&spans, width, indent);
                    let measured = measure(&spans, width, indent);
                    assert_eq!(measured.rows, all.len(), "{width} {indent}");
                    if all.len() > 2 * LINE_START_EVERY {
                        assert!(!measured.starts.is_empty(), "{width} {indent}");
                    }
                    let skips = (0..all.len() + 3).step_by(13).chain([all.len() - 1]);
                    for skip in skips {
                        for take in [1, 40] {
                            let end = all.len().min(skip + take);
                            let expected = &all[skip.min(end)..end];
                            for from in [None, Some(&measured)] {
                                let (skipped, lines) =
                                    wrap_window_measured(&spans, width, indent, from, skip, take);
                                assert_eq!(skipped, skip.min(all.len()), "{width} {indent} {skip}");
                                assert_eq!(lines, expected, "{width} {indent} {skip} {take}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn fit_adds_an_ellipsis() {
        assert_eq!(fit(vec![Span::raw("abcdef")], 4).to_string(), "abc…");
        assert_eq!(fit(vec![Span::raw("abc")], 4).to_string(), "abc");
    }
}
