//! The one keymap: `(scope, key) -> Action`, each binding with its help text.
//!
//! Key lookup, the help popup, the status-bar hints and the README's keys section are
//! all read from `BINDINGS`, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Pane;
use super::action::Action;

/// What the user is doing, which decides which bindings apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Main,
    Search,
    Finder,
    Source,
    Disputes,
    Sources,
    Help,
}

/// A group of bindings; a mode looks through its scopes in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Always,
    Global,
    Move,
    Panes,
    Source,
    Disputes,
    Sources,
    Search,
    Finder,
    Help,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Always => "Always",
            Scope::Global => "Anywhere but a text field",
            Scope::Move => "Moving",
            Scope::Panes => "Panes",
            Scope::Source => "Source view",
            Scope::Disputes => "Disputes view",
            Scope::Sources => "Sources list",
            Scope::Search => "While searching",
            Scope::Finder => "Actor finder",
            Scope::Help => "This help",
        }
    }
}

impl Mode {
    pub fn scopes(self) -> &'static [Scope] {
        use Scope::*;
        match self {
            Mode::Main => &[Always, Panes, Move, Global],
            Mode::Source => &[Always, Source, Move, Global],
            Mode::Disputes => &[Always, Disputes, Move, Global],
            Mode::Sources => &[Always, Sources, Move, Global],
            Mode::Search => &[Always, Search],
            Mode::Finder => &[Always, Finder],
            Mode::Help => &[Always, Help, Move],
        }
    }

    /// Modes with a text field: unbound printable keys are typed into it.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Search | Mode::Finder)
    }
}

/// A key as the table spells it. Letters carry their case in the character, so
/// Shift is ignored for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            // Some terminals send Shift-Tab as Tab with Shift.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Some(Key { code, ctrl })
    }

    /// How the help and the hints spell the key.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// A short word for the status bar, for the bindings worth a hint.
    pub hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        help,
        hint,
    }
}

use KeyCode::*;
use Scope as S;

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(S::Always, &[ctrl('c')], Action::Quit, "quit", None),
    // Anywhere outside popups and text fields.
    bind(S::Global, &[ch('q')], Action::Quit, "quit", Some("quit")),
    bind(S::Global, &[ch('?')], Action::OpenHelp, "help", Some("help")),
    bind(S::Global, &[ch('a')], Action::OpenFinder, "find an actor", Some("actors")),
    bind(S::Global, &[ch('d')], Action::OpenDisputes, "disputes: where the sources disagree", Some("disputes")),
    bind(S::Global, &[ch('s')], Action::OpenSources, "list the sources", Some("sources")),
    bind(S::Global, &[ch('f')], Action::ClearFilter, "clear the filter", None),
    bind(S::Global, &[code(Backspace), ctrl('o')], Action::Back, "go back (jumps and filters)", Some("back")),
    // Moving.
    bind(S::Move, &[ch('j'), code(Down)], Action::Down, "down", None),
    bind(S::Move, &[ch('k'), code(Up)], Action::Up, "up", None),
    bind(S::Move, &[code(PageDown), ctrl('d')], Action::PageDown, "page down", None),
    bind(S::Move, &[code(PageUp), ctrl('u')], Action::PageUp, "page up", None),
    bind(S::Move, &[ch('g'), code(Home)], Action::Top, "first", None),
    bind(S::Move, &[ch('G'), code(End)], Action::Bottom, "last", None),
    // The main screen.
    bind(S::Panes, &[code(Enter)], Action::Activate, "event: its quotes · actor: filter events · quote: its source", Some("open")),
    bind(S::Panes, &[code(Tab)], Action::FocusNext, "next pane", Some("pane")),
    bind(S::Panes, &[code(BackTab)], Action::FocusPrev, "previous pane", None),
    bind(S::Panes, &[ch('1')], Action::Focus(Pane::Events), "events pane", None),
    bind(S::Panes, &[ch('2')], Action::Focus(Pane::Actors), "actors pane", None),
    bind(S::Panes, &[ch('3')], Action::Focus(Pane::Quotes), "quotes pane", None),
    bind(S::Panes, &[ch('4')], Action::Focus(Pane::Detail), "detail pane", None),
    bind(S::Panes, &[ch('['), code(Left)], Action::PrevYear, "previous year", None),
    bind(S::Panes, &[ch(']'), code(Right)], Action::NextYear, "next year", None),
    bind(S::Panes, &[ch('/')], Action::StartSearch, "search the focused pane", Some("search")),
    bind(S::Panes, &[ch('n')], Action::NextMatch, "next match", None),
    bind(S::Panes, &[ch('N')], Action::PrevMatch, "previous match", None),
    bind(S::Panes, &[ch('t')], Action::ToggleAllActors, "actors: this event's / all", None),
    bind(S::Panes, &[ch('y')], Action::Copy, "copy the quote with its citation", None),
    bind(S::Panes, &[code(Esc)], Action::Close, "clear the search", None),
    // Views.
    bind(S::Source, &[code(Enter)], Action::Activate, "go to the event the excerpt supports", Some("event")),
    bind(S::Source, &[ch('y')], Action::Copy, "copy the excerpt with its citation", Some("copy")),
    bind(S::Source, &[code(Esc)], Action::Close, "close", Some("close")),
    bind(S::Disputes, &[code(Enter)], Action::Activate, "go to the event in dispute", Some("event")),
    bind(S::Disputes, &[code(Esc)], Action::Close, "close", Some("close")),
    bind(S::Sources, &[code(Enter)], Action::Activate, "open the source", Some("open")),
    bind(S::Sources, &[code(Esc)], Action::Close, "close", Some("close")),
    // Text fields.
    bind(S::Search, &[code(Enter)], Action::Activate, "keep the result", Some("keep")),
    bind(S::Search, &[code(Esc)], Action::Close, "cancel and restore", Some("cancel")),
    bind(S::Search, &[code(Down), ctrl('n')], Action::NextMatch, "next match", Some("next")),
    bind(S::Search, &[code(Up), ctrl('p')], Action::PrevMatch, "previous match", None),
    bind(S::Search, &[code(Backspace)], Action::DeleteChar, "delete a character", None),
    bind(S::Search, &[ctrl('u')], Action::ClearInput, "clear the query", None),
    bind(S::Finder, &[code(Enter)], Action::Activate, "filter the events to the actor", Some("choose")),
    bind(S::Finder, &[code(Esc)], Action::Close, "close", Some("close")),
    bind(S::Finder, &[code(Down), ctrl('n')], Action::Down, "next", None),
    bind(S::Finder, &[code(Up), ctrl('p')], Action::Up, "previous", None),
    bind(S::Finder, &[code(PageDown)], Action::PageDown, "page down", None),
    bind(S::Finder, &[code(PageUp)], Action::PageUp, "page up", None),
    bind(S::Finder, &[code(Backspace)], Action::DeleteChar, "delete a character", None),
    bind(S::Finder, &[ctrl('u')], Action::ClearInput, "clear the query", None),
    bind(S::Help, &[code(Esc), ch('?'), ch('q')], Action::Close, "close", Some("close")),
];

/// The action for a key in a mode, if any.
pub fn lookup(mode: Mode, event: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(event)?;
    for &scope in mode.scopes() {
        for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
            if binding.keys.contains(&key) {
                return Some(binding.action.clone());
            }
        }
    }
    match key.code {
        KeyCode::Char(c) if mode.takes_text() && !key.ctrl => Some(Action::Input(c)),
        _ => None,
    }
}

/// The bindings that apply in a mode, in the order they are looked up.
pub fn bindings_for(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    mode.scopes()
        .iter()
        .flat_map(|&scope| BINDINGS.iter().filter(move |b| b.scope == scope))
}

/// `j, ↓`: every key of a binding.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Short hints for the status bar: `(keys, word)`, first key of each hinted binding.
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    bindings_for(mode)
        .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
        .collect()
}

/// The help, grouped by scope: `(title, [(keys, text)])`.
pub fn help_sections() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    help_sections_with(keys_label)
}

fn help_sections_with(
    label: impl Fn(&Binding) -> String,
) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let order = [
        Scope::Move,
        Scope::Panes,
        Scope::Global,
        Scope::Always,
        Scope::Search,
        Scope::Finder,
        Scope::Source,
        Scope::Disputes,
        Scope::Sources,
        Scope::Help,
    ];
    let mut sections: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
    for scope in order {
        let rows = BINDINGS
            .iter()
            .filter(|b| b.scope == scope)
            .map(|b| (label(b), b.help));
        match sections.iter_mut().find(|(t, _)| *t == scope.title()) {
            Some((_, existing)) => existing.extend(rows),
            None => sections.push((scope.title(), rows.collect())),
        }
    }
    sections
}

/// The keys as a Markdown section, for the README (a test keeps them in step).
pub fn markdown() -> String {
    let mut out = String::new();
    let label = |b: &Binding| {
        b.keys
            .iter()
            .map(|k| format!("`{}`", k.label().replace('|', "\\|")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (title, rows) in help_sections_with(label) {
        out.push_str(&format!("**{title}**\n\n| Key | Does |\n|---|---|\n"));
        for (keys, help) in rows {
            out.push_str(&format!("| {keys} | {help} |\n"));
        }
        out.push('\n');
    }
    out.push_str("Mouse: a click selects and focuses, the wheel scrolls.\n");
    out
}
