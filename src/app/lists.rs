//! The lists the panes show, as positions into the timeline: selection and scroll
//! offsets, the events list with its year headings, the actor rows.

use std::sync::Arc;

use crate::data::{ActorIx, EventIx, Indexed, QuoteIx};

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
    item_height: impl Fn(usize) -> usize,
) -> usize {
    let mut first = offset.min(selected);
    let mut used: usize = (first..=selected.min(len.saturating_sub(1)))
        .map(&item_height)
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

/// A row of the actors pane: an actor, and where it sits in the event's actor list
/// (to read the role) when the pane shows one event's actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorRow {
    pub actor: ActorIx,
    pub slot: Option<u32>,
}

/// A row of the events pane: a year heading or an event (by position in the list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Year { year: i32, count: usize },
    Event(usize),
}

/// The events the events pane lists, oldest first, with a heading before each year.
///
/// The unfiltered list is the index's chronological order itself (no copy); a
/// filtered list holds its events, also oldest first. `years` has one entry per
/// year present, so mapping between positions and rows costs a binary search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventList {
    /// Shared with the searches of this list (`SearchRequest::within`).
    subset: Option<Arc<[EventIx]>>,
    /// `(year, position of its first event)`, in order.
    years: Vec<(i32, usize)>,
}

impl EventList {
    pub fn all(data: &Indexed) -> EventList {
        Self::with(data, None)
    }

    pub fn of_actor(data: &Indexed, actor: ActorIx) -> EventList {
        let events = data
            .index
            .events_of_actor(actor)
            .iter()
            .map(|ae| ae.event)
            .collect::<Vec<_>>()
            .into();
        Self::with(data, Some(events))
    }

    fn with(data: &Indexed, subset: Option<Arc<[EventIx]>>) -> EventList {
        let items = subset.as_deref().unwrap_or(data.index.chronological());
        let mut years: Vec<(i32, usize)> = Vec::new();
        for (pos, &e) in items.iter().enumerate() {
            let year = data.timeline.event(e).date().year;
            if years.last().map(|&(y, _)| y) != Some(year) {
                years.push((year, pos));
            }
        }
        EventList { subset, years }
    }

    /// The events listed, when not all of them.
    pub fn subset(&self) -> Option<Arc<[EventIx]>> {
        self.subset.clone()
    }

    pub fn items<'a>(&'a self, data: &'a Indexed) -> &'a [EventIx] {
        match &self.subset {
            Some(events) => events,
            None => data.index.chronological(),
        }
    }

    pub fn len(&self, data: &Indexed) -> usize {
        self.items(data).len()
    }

    pub fn get(&self, data: &Indexed, pos: usize) -> Option<EventIx> {
        self.items(data).get(pos).copied()
    }

    /// Where an event is in this list, if it is listed.
    pub fn position(&self, data: &Indexed, e: EventIx) -> Option<usize> {
        match &self.subset {
            None => (e.get() < data.timeline.events().len()).then(|| data.index.rank(e)),
            Some(events) => {
                let rank = data.index.rank(e);
                let pos = events.partition_point(|&x| data.index.rank(x) < rank);
                (events.get(pos) == Some(&e)).then_some(pos)
            }
        }
    }

    /// The years present, with the position of each one's first event.
    pub fn years(&self) -> &[(i32, usize)] {
        &self.years
    }

    /// Which year group a position falls in.
    pub fn group_of(&self, pos: usize) -> usize {
        self.years
            .partition_point(|&(_, start)| start <= pos)
            .saturating_sub(1)
    }

    pub fn row_count(&self, data: &Indexed) -> usize {
        self.len(data) + self.years.len()
    }

    /// The row an event position is drawn on (after its year's heading).
    pub fn row_of(&self, pos: usize) -> usize {
        pos + self.group_of(pos) + 1
    }

    /// What is drawn on a row.
    pub fn row(&self, data: &Indexed, row: usize) -> Option<Row> {
        if row >= self.row_count(data) {
            return None;
        }
        // Heading of group g sits on row start_g + g.
        let mut g = 0;
        let (mut lo, mut hi) = (0, self.years.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.years[mid].1 + mid <= row {
                g = mid;
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let (year, start) = self.years[g];
        if row == start + g {
            let end = self
                .years
                .get(g + 1)
                .map_or(self.len(data), |&(_, next)| next);
            Some(Row::Year {
                year,
                count: end - start,
            })
        } else {
            Some(Row::Event(row - g - 1))
        }
    }

    /// The first row to draw so that the selection shows in `height` rows, moving as
    /// little as possible from the stored offset; a year's first event brings its
    /// heading along.
    pub fn scroll(&self, data: &Indexed, pos: &ListPos, height: usize) -> usize {
        let row = self.row_of(pos.selected);
        let mut offset = scroll_to(pos.offset, row, height, self.row_count(data));
        if offset == row
            && row > 0
            && height > 1
            && let Some(Row::Year { .. }) = self.row(data, row - 1)
        {
            offset -= 1;
        }
        offset.min(self.row_count(data).saturating_sub(height))
    }

    /// The first position of the year before or after the one of `pos`.
    pub fn year_step(&self, pos: usize, forward: bool) -> Option<usize> {
        let g = self.group_of(pos);
        if forward {
            self.years.get(g + 1).map(|&(_, start)| start)
        } else {
            let current = self.years.get(g)?.1;
            Some(g.checked_sub(1).map_or(current, |p| self.years[p].1))
        }
    }
}

/// The quotes of an actor: those they spoke, those behind their relations (both
/// ways), then those behind their events, oldest event first, each once.
pub fn quotes_of_actor(data: &Indexed, actor: ActorIx) -> Vec<QuoteIx> {
    let t = &data.timeline;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut add = |q: QuoteIx| {
        if seen.insert(q) {
            out.push(q);
        }
    };
    data.index
        .quotes_by_speaker(actor)
        .iter()
        .copied()
        .for_each(&mut add);
    for r in t.actor(actor).relations() {
        r.quotes().iter().copied().for_each(&mut add);
    }
    for &r in data.index.relations_to(actor) {
        data.relation(r).quotes().iter().copied().for_each(&mut add);
    }
    for ae in data.index.events_of_actor(actor) {
        t.event(ae.event)
            .quotes()
            .iter()
            .copied()
            .for_each(&mut add);
    }
    out
}
