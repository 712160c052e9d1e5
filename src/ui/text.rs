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

/// Word-wraps styled text to `width` columns. Newlines break lines; words longer
/// than the width are cut. Always returns at least one line.
pub fn wrap(spans: &[Span<'_>], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines: Vec<Vec<(char, Style)>> = Vec::new();
    let mut line: Vec<(char, Style)> = Vec::new();
    let mut line_width = 0;
    let mut space: Vec<(char, Style)> = Vec::new();
    let mut word: Vec<(char, Style)> = Vec::new();
    let mut word_width = 0;
    let mut at_paragraph_start = true;

    // Places the pending word (and the space before it) on the current line or the next.
    let flush = |line: &mut Vec<(char, Style)>,
                 line_width: &mut usize,
                 lines: &mut Vec<Vec<(char, Style)>>,
                 space: &mut Vec<(char, Style)>,
                 word: &mut Vec<(char, Style)>,
                 word_width: &mut usize| {
        if word.is_empty() {
            return;
        }
        let space_width = space.len();
        if *line_width + space_width + *word_width <= width {
            line.append(space);
            *line_width += space_width;
        } else if *word_width <= width {
            lines.push(std::mem::take(line));
            *line_width = 0;
            space.clear();
        } else {
            // Too long for any line: cut it, starting on this line if there is room.
            if *line_width + space_width < width && !line.is_empty() {
                line.append(space);
                *line_width += space_width;
            } else if !line.is_empty() {
                lines.push(std::mem::take(line));
                *line_width = 0;
            }
            space.clear();
            for (c, style) in word.drain(..) {
                let w = char_width(c);
                if *line_width + w > width && !line.is_empty() {
                    lines.push(std::mem::take(line));
                    *line_width = 0;
                }
                line.push((c, style));
                *line_width += w;
            }
            *word_width = 0;
            return;
        }
        *line_width += *word_width;
        line.append(word);
        *word_width = 0;
    };

    for span in spans {
        for c in span.content.chars() {
            match c {
                '\n' => {
                    flush(
                        &mut line,
                        &mut line_width,
                        &mut lines,
                        &mut space,
                        &mut word,
                        &mut word_width,
                    );
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                    space.clear();
                    at_paragraph_start = true;
                }
                ' ' | '\t' => {
                    if !word.is_empty() {
                        flush(
                            &mut line,
                            &mut line_width,
                            &mut lines,
                            &mut space,
                            &mut word,
                            &mut word_width,
                        );
                        at_paragraph_start = false;
                    }
                    if !line.is_empty() || at_paragraph_start {
                        space.push((' ', span.style));
                    }
                }
                _ => {
                    if at_paragraph_start && line.is_empty() && !space.is_empty() {
                        // Indentation at the start of a paragraph is kept.
                        line.append(&mut space);
                        line_width = line.len().min(width);
                        line.truncate(width);
                    }
                    at_paragraph_start = false;
                    word.push((c, span.style));
                    word_width += char_width(c);
                }
            }
        }
    }
    flush(
        &mut line,
        &mut line_width,
        &mut lines,
        &mut space,
        &mut word,
        &mut word_width,
    );
    lines.push(line);
    lines.into_iter().map(to_line).collect()
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

/// How many lines `wrap` would make, without keeping them.
pub fn wrapped_height(spans: &[Span<'_>], width: usize) -> usize {
    wrap(spans, width).len()
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
        assert_eq!(plain(&wrap(&[Span::raw("a\nb")], 5)), ["a", "b"]);
        assert_eq!(plain(&wrap(&[Span::raw("")], 5)), [""]);
        assert_eq!(
            plain(&wrap(&[Span::raw("  indented text")], 40)),
            ["  indented text"]
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
