//! The rows that wrapped things take, measured with `ui::geometry` when first
//! needed and kept until what they measure (the list, the subject, the width)
//! changes: scrolling never wraps the same text twice.

use crate::data::{Indexed, QuoteIx, SourceIx};
use crate::ui::geometry::{self, Measured, Subject};

/// Every measure the explorer keeps.
#[derive(Clone, Debug, Default)]
pub struct Heights {
    /// The quotes pane's items (its list is `App::quotes`).
    quotes: Items<()>,
    /// The excerpts of the source the source view shows.
    excerpts: Items<SourceIx>,
    /// The rows of each paragraph of the detail.
    detail: Option<(Subject, usize, Vec<Measured>)>,
    /// The rows of the help.
    help: Option<(usize, usize)>,
}

/// Rows per item of one list at one width; 0 is "not measured yet" (every item
/// takes a row at least).
#[derive(Clone, Debug)]
struct Items<K> {
    key: Option<(K, usize)>,
    rows: Vec<u32>,
}

impl<K> Default for Items<K> {
    fn default() -> Self {
        Items {
            key: None,
            rows: Vec::new(),
        }
    }
}

impl<K: PartialEq> Items<K> {
    /// The heights of the list `key` at `width`, starting afresh if they were
    /// another list's or another width's.
    fn of(&mut self, key: K, width: usize, len: usize) -> &mut Vec<u32> {
        let key = Some((key, width));
        if self.key != key || self.rows.len() != len {
            self.key = key;
            self.rows = vec![0; len];
        }
        &mut self.rows
    }
}

/// Item `i`'s rows, measured once.
fn measured(rows: &mut [u32], i: usize, measure: impl FnOnce() -> usize) -> usize {
    match rows.get(i) {
        Some(&0) => {
            let h = measure();
            rows[i] = u32::try_from(h).unwrap_or(u32::MAX);
            h
        }
        Some(&h) => h as usize,
        None => 1,
    }
}

impl Heights {
    /// The quotes pane's list changed.
    pub fn forget_quotes(&mut self) {
        self.quotes = Items::default();
    }

    /// Rows of item `i` of the quotes pane's list `quotes`, `width` columns wide.
    pub fn quote(&mut self, data: &Indexed, quotes: &[QuoteIx], i: usize, width: usize) -> usize {
        let rows = self.quotes.of((), width, quotes.len());
        measured(rows, i, || geometry::quote_height(data, quotes[i], width))
    }

    /// Rows of excerpt `i` of `source` in the source view.
    pub fn excerpt(&mut self, data: &Indexed, source: SourceIx, i: usize, width: usize) -> usize {
        let excerpts = data.index.quotes_of_source(source);
        let rows = self.excerpts.of(source, width, excerpts.len());
        measured(rows, i, || {
            geometry::excerpt_height(data, i, excerpts[i], width)
        })
    }

    /// Rows of the detail of `subject` at `width`.
    pub fn detail_rows(&mut self, data: &Indexed, subject: Subject, width: usize) -> usize {
        let fresh = matches!(&self.detail, Some((s, w, _)) if *s == subject && *w == width);
        if !fresh {
            let rows = geometry::detail_heights(data, subject, width);
            self.detail = Some((subject, width, rows));
        }
        let paragraphs = self.detail.as_ref().map_or(&[][..], |(_, _, rows)| rows);
        paragraphs.iter().map(|m| m.rows).sum()
    }

    /// The detail's paragraphs as measured for `subject` at `width`, if they were.
    pub fn detail_if_known(&self, subject: Subject, width: usize) -> Option<&[Measured]> {
        match &self.detail {
            Some((s, w, rows)) if *s == subject && *w == width => Some(rows),
            _ => None,
        }
    }

    /// Rows of the help at `width`.
    pub fn help(&mut self, width: usize) -> usize {
        match self.help {
            Some((w, rows)) if w == width => rows,
            _ => {
                let rows = geometry::help_height(&super::keymap::help_sections(), width);
                self.help = Some((width, rows));
                rows
            }
        }
    }
}
