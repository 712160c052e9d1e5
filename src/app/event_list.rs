//! The events pane's list: the events listed, oldest first, as rows under a
//! heading for each year.

use std::sync::Arc;

use super::scroll::{ListPos, scroll_to};
use crate::data::{ActorIx, EventIx, Indexed};

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
