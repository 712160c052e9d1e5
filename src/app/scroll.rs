//! A position in a list (the selection and the first row shown), and how a
//! window of rows follows the selection, for items of one row or of many.

/// A selection in a list and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListPos {
    pub selected: usize,
    /// First visible row (or item, for lists of items of varying height).
    pub offset: usize,
}

impl ListPos {
    /// Keeps the selection inside a list of `len` items (0 when empty).
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = self.offset.min(len.saturating_sub(1));
    }

    /// Moves by `delta` items, stopping at the ends.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }
}

/// The offset that shows row `selected` in a window of `height` rows, moving the
/// window as little as possible from `offset`, and never past the end of a list
/// of `len` rows.
pub fn scroll_to(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}

/// The same for items of varying height: the first item to draw so that item
/// `selected` is wholly visible (or at the top, if taller than the window), with
/// no empty space left at the bottom when earlier items could fill it.
pub fn scroll_to_varying(
    offset: usize,
    selected: usize,
    height: usize,
    len: usize,
    mut item_height: impl FnMut(usize) -> usize,
) -> usize {
    let mut first = offset.min(selected);
    let mut used: usize = (first..=selected.min(len.saturating_sub(1)))
        .map(&mut item_height)
        .sum();
    while used > height && first < selected {
        used -= item_height(first);
        first += 1;
    }
    // Pull earlier items in while everything from `first` to the end fits.
    let mut below = 0;
    for i in first..len {
        below += item_height(i);
        if below > height {
            return first;
        }
    }
    while first > 0 {
        let h = item_height(first - 1);
        if below + h > height {
            break;
        }
        below += h;
        first -= 1;
    }
    first
}
