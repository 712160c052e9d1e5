//! The terminal side of the explorer: set the terminal up, run the event loop
//! (crossterm event -> keymap -> Action -> update -> render), do the effects that
//! `update` returns (searching inline or on a worker thread, as the timeline's
//! size says), and restore the terminal on every way out: quit, Ctrl-C,
//! SIGTERM/SIGHUP/SIGINT, and panics (the message is printed after the restore).

use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Effect, Effects, keymap, update};
use crate::data::search::worker::{self as search, SearchAnswer, SearchWorker};
use crate::data::{Indexed, LoadProgress};
use crate::ui;

/// Timelines up to this many events, actors and quotes together are searched
/// inline, on the input thread: every search is then a few milliseconds at most.
pub const INLINE_SEARCH_LIMIT: usize = 5_000;

/// Whether the searches of `data` are answered on the input thread.
pub fn searches_inline(data: &Indexed) -> bool {
    let t = &data.timeline;
    t.events().len() + t.actors().len() + t.quotes().len() <= INLINE_SEARCH_LIMIT
}

/// How the explorer ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Ended by this signal; the conventional exit status is 128 + it.
    Signal(i32),
}

/// How often the loop looks at the signal flag while waiting for input.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Set by tests to check that a panic restores the terminal.
const TEST_PANIC_VAR: &str = "TLX_TEST_PANIC";

/// How the explorer opens: with its state ready, or while a timeline loads on
/// another thread (its progress is shown meanwhile: `ui::loading`).
pub enum Opening<E> {
    Ready(Box<App>),
    Loading {
        /// What is shown: e.g. `Loading big.json (912 MB)`.
        label: String,
        /// Where the load is, as the loading thread reports it.
        progress: Arc<LoadProgress>,
        app: Receiver<Result<App, E>>,
    },
}

/// How a run ended: the explorer's exit, or the load's failure (to be reported
/// once the terminal is restored).
pub enum Ended<E> {
    Exit(Exit),
    Failed(E),
}

enum Loaded<E> {
    App(Box<App>),
    Exit(Exit),
    Failed(E),
}

/// What the event loop waits for: the terminal's input, or a search's answer.
enum Incoming {
    Input(io::Result<Event>),
    Answer(SearchAnswer),
}

pub fn run<E>(opening: Opening<E>) -> io::Result<Ended<E>> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    // The hook from before ratatui's: ours replaces ratatui's, whose restore prints
    // with `eprintln!`, which panics again (and aborts) when the terminal is gone.
    let previous_hook = std::panic::take_hook();
    let mut terminal = ratatui::try_init()?;
    install_panic_hook(previous_hook);
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| {
        let (sender, incoming) = mpsc::channel();
        read_input_on_a_thread(sender.clone());
        let mut app: Box<App> = match opening {
            Opening::Ready(app) => app,
            Opening::Loading {
                label,
                progress,
                app,
            } => {
                let waiting = Waiting {
                    label: &label,
                    progress: &progress,
                    loading: &app,
                };
                match wait_for_load(&mut terminal, waiting, &incoming, &signal)? {
                    Loaded::App(app) => app,
                    Loaded::Exit(exit) => return Ok(Ended::Exit(exit)),
                    Loaded::Failed(failure) => return Ok(Ended::Failed(failure)),
                }
            }
        };
        event_loop(&mut terminal, &mut app, &incoming, sender, &signal).map(Ended::Exit)
    });
    restore();
    // `restore` has shown the cursor. Dropping the terminal would try again and, if
    // the terminal is gone, report it with `eprintln!`, which panics.
    std::mem::forget(terminal);
    result
}

/// A load being waited for: what it is called, how far it is, and where its
/// result will come.
struct Waiting<'w, E> {
    label: &'w str,
    progress: &'w LoadProgress,
    loading: &'w Receiver<Result<App, E>>,
}

/// Shows the loading screen until the timeline is loaded, drawn again at each
/// look at the signal flag (10 times a second); q, Esc and Ctrl-C leave, as do
/// the signals.
fn wait_for_load<E>(
    terminal: &mut DefaultTerminal,
    waiting: Waiting<'_, E>,
    incoming: &Receiver<Incoming>,
    signal: &AtomicUsize,
) -> io::Result<Loaded<E>> {
    let Waiting {
        label,
        progress,
        loading,
    } = waiting;
    let started = Instant::now();
    loop {
        let (now, elapsed) = (progress.snapshot(), started.elapsed());
        terminal.draw(|frame| {
            let area = frame.area();
            ui::loading::draw(label, now, elapsed, area, frame.buffer_mut());
        })?;
        match signal.load(Ordering::Relaxed) {
            0 => {}
            sig => return Ok(Loaded::Exit(Exit::Signal(sig as i32))),
        }
        while let Ok(next) = incoming.try_recv() {
            match next {
                Incoming::Input(Ok(Event::Key(key))) if leaves_while_loading(&key) => {
                    return Ok(Loaded::Exit(Exit::Quit));
                }
                Incoming::Input(Err(error)) => {
                    return input_failed(signal, error).map(Loaded::Exit);
                }
                _ => {}
            }
        }
        match loading.recv_timeout(SIGNAL_CHECK) {
            Ok(Ok(app)) => return Ok(Loaded::App(Box::new(app))),
            Ok(Err(failure)) => return Ok(Loaded::Failed(failure)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("loading the timeline stopped"));
            }
        }
    }
}

fn leaves_while_loading(key: &KeyEvent) -> bool {
    key.kind == KeyEventKind::Press
        && match key.code {
            KeyCode::Char('c') => key.modifiers.contains(KeyModifiers::CONTROL),
            KeyCode::Char('q') | KeyCode::Esc => true,
            _ => false,
        }
}

/// Leaves the terminal as it was: no mouse capture, cooked mode, main screen, cursor
/// shown. Quietly: the terminal may be gone (SIGHUP), and there is nowhere to say so.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture);
    let _ = ratatui::try_restore();
    let _ = execute!(io::stdout(), Show);
}

type PanicHook = Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Restores the terminal, then lets `previous` print the panic where it can be read.
fn install_panic_hook(previous: PanicHook) {
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    input: &Receiver<Incoming>,
    sender: Sender<Incoming>,
    signal: &AtomicUsize,
) -> io::Result<Exit> {
    // Large timelines are searched on a thread of their own; its answers come
    // back with the input, as `Action::SearchResults`.
    let worker = (!searches_inline(&app.data)).then(|| {
        SearchWorker::spawn(app.data.clone(), move |answer| {
            sender.send(Incoming::Answer(answer)).is_ok()
        })
    });
    let size = terminal.size()?;
    let mut quit = perform(
        app,
        Action::Resize(size.width, size.height),
        worker.as_ref(),
    )?;
    let test_panic = std::env::var_os(TEST_PANIC_VAR).is_some();
    let mut resized = false;
    loop {
        // After any resize, repaint every cell: the terminal may have passed through
        // other sizes since the last frame (and cut what it showed) even when it ends
        // at the size drawn last, which ratatui alone would answer with a diff.
        // `resize` clears without asking the terminal where its cursor is, which
        // `clear` would do, racing the input thread for the answer.
        if std::mem::take(&mut resized) {
            let size = terminal.size()?;
            terminal.resize(ratatui::layout::Rect::from((
                ratatui::layout::Position::ORIGIN,
                size,
            )))?;
        }
        if quit {
            return Ok(Exit::Quit);
        }
        terminal.draw(|frame| ui::render(app, frame))?;
        if test_panic {
            panic!("{TEST_PANIC_VAR} is set: panicking after the first frame");
        }
        // Wait for input, looking at the signal flag now and then.
        let first = loop {
            match signal.load(Ordering::Relaxed) {
                0 => {}
                sig => return Ok(Exit::Signal(sig as i32)),
            }
            match input.recv_timeout(SIGNAL_CHECK) {
                Ok(Incoming::Input(Err(error))) => return input_failed(signal, error),
                Ok(next) => break next,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("the terminal's input closed"));
                }
            }
        };
        // Take every pending event before drawing again, so a burst of keys costs one frame.
        let mut next = Some(first);
        while let Some(incoming) = next.take() {
            let action = match incoming {
                Incoming::Input(Ok(event)) => {
                    resized |= matches!(event, Event::Resize(..));
                    to_action(app, event)
                }
                Incoming::Input(Err(error)) => return input_failed(signal, error),
                Incoming::Answer(answer) => Some(Action::SearchResults(answer)),
            };
            if let Some(action) = action {
                quit |= perform(app, action, worker.as_ref())?;
            }
            if quit {
                break;
            }
            if let Ok(incoming) = input.try_recv() {
                next = Some(incoming);
            }
        }
    }
}

/// Updates `app` with `action` and does the effects that asks for; searches are
/// answered inline without a worker. True when it asked to quit.
fn perform(app: &mut App, action: Action, worker: Option<&SearchWorker>) -> io::Result<bool> {
    let effects = match worker {
        Some(_) => update(app, action),
        None => update_inline(app, action),
    };
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::Quit => quit = true,
            Effect::Copy(text) => copy_to_clipboard(&text)?,
            Effect::Search(request) => {
                if let Some(worker) = worker {
                    worker.submit(request);
                }
            }
            Effect::CancelSearch => {
                if let Some(worker) = worker {
                    worker.cancel_pane();
                }
            }
        }
    }
    Ok(quit)
}

/// `update`, with the searches it asks for answered at once, each answer an
/// update of its own; returns the other effects, in order. How the explorer runs
/// a small timeline, and how tests and examples drive it.
#[must_use = "the effects other than searches are still to be performed"]
pub fn update_inline(app: &mut App, action: Action) -> Effects {
    let mut pending: VecDeque<Effect> = update(app, action).into();
    let mut rest = Effects::new();
    while let Some(effect) = pending.pop_front() {
        match effect {
            Effect::Search(request) => {
                let answer = search::answer(&app.data, &request);
                pending.extend(update(app, Action::SearchResults(answer)));
            }
            other => rest.push(other),
        }
    }
    rest
}

/// A hangup makes reads fail at about the time SIGHUP arrives: give the signal a
/// moment, so that the exit says what happened.
fn input_failed(signal: &AtomicUsize, error: io::Error) -> io::Result<Exit> {
    for _ in 0..25 {
        match signal.load(Ordering::Relaxed) {
            0 => std::thread::sleep(Duration::from_millis(20)),
            sig => return Ok(Exit::Signal(sig as i32)),
        }
    }
    Err(error)
}

/// Terminal events, read on their own thread. When the terminal goes away,
/// crossterm's reader can spin without returning; reading apart keeps the loop
/// free to see SIGHUP or SIGTERM and leave.
fn read_input_on_a_thread(sender: Sender<Incoming>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(Incoming::Input(event)).is_err() || failed {
                break;
            }
        }
    });
}

fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::lookup(app.mode(), &key),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        _ => None,
    }
}

/// OSC 52: the terminal puts the text on the system clipboard, even over SSH.
fn copy_to_clipboard(text: &str) -> io::Result<()> {
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
    out.flush()
}

pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> shift) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64("“é”".as_bytes()), "4oCcw6nigJ0=");
    }
}
