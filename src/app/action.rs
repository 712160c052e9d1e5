//! Everything a user can do, as plain values: the keymap and the mouse produce them,
//! `update` consumes them.

use super::Pane;
use crate::data::search::worker::{SearchAnswer, SearchRequest};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,

    // Moving in the focused list (or the open view, or the help text).
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    PrevYear,
    NextYear,

    FocusNext,
    FocusPrev,
    Focus(Pane),

    /// Enter: what it means depends on where you are.
    Activate,
    /// Esc: closes a popup or view, cancels a search; never quits.
    Close,
    /// Back through the history of jumps and filters.
    Back,

    ToggleAllActors,
    ClearFilter,
    OpenFinder,
    OpenDisputes,
    OpenSources,
    OpenHelp,
    /// Copy the selected quote with its citation (OSC 52).
    Copy,

    StartSearch,
    NextMatch,
    PrevMatch,

    /// Typing into the search line or the finder.
    Input(char),
    DeleteChar,
    ClearInput,

    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },

    /// The answer to a search asked for with `Effect::Search`; dropped unless it
    /// answers the finder's or the pane search's latest request.
    SearchResults(SearchAnswer),
}

/// Work that `update` asks the runtime to do, since `update` does no I/O.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Leave the explorer.
    Quit,
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Answer this search, then send the answer back as `Action::SearchResults`:
    /// at once for a small timeline, from a worker thread for a large one (the
    /// runtime decides).
    Search(SearchRequest),
    /// Stop the pane search running off the input thread, if any: its answer
    /// is no longer wanted (the search was cancelled or its query emptied).
    CancelSearch,
}

/// What one `update` asks for, in order.
pub type Effects = Vec<Effect>;
