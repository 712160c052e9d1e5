//! The terminal side of the explorer: set the terminal up, run the event loop
//! (crossterm event -> keymap -> Action -> update -> render), do the effects that
//! `update` asks for, and restore the terminal on every way out: quit, Ctrl-C,
//! SIGTERM/SIGHUP/SIGINT, and panics (the message is printed after the restore).

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Effect, keymap, update};
use crate::ui;

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

pub fn run(mut app: App) -> io::Result<Exit> {
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
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, &mut app, &signal));
    restore();
    // `restore` has shown the cursor. Dropping the terminal would try again and, if
    // the terminal is gone, report it with `eprintln!`, which panics.
    std::mem::forget(terminal);
    result
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
    signal: &AtomicUsize,
) -> io::Result<Exit> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    let input = read_input_on_a_thread();
    let test_panic = std::env::var_os(TEST_PANIC_VAR).is_some();
    loop {
        terminal.draw(|frame| ui::render(app, frame))?;
        if test_panic {
            panic!("{TEST_PANIC_VAR} is set: panicking after the first frame");
        }
        for effect in app.effects.drain(..) {
            match effect {
                Effect::Copy(text) => copy_to_clipboard(&text)?,
            }
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        // Wait for input, looking at the signal flag now and then.
        let first = loop {
            match signal.load(Ordering::Relaxed) {
                0 => {}
                sig => return Ok(Exit::Signal(sig as i32)),
            }
            match input.recv_timeout(SIGNAL_CHECK) {
                Ok(Ok(event)) => break event,
                Ok(Err(error)) => return input_failed(signal, error),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("the terminal's input closed"));
                }
            }
        };
        // Take every pending event before drawing again, so a burst of keys costs one frame.
        let mut next = Some(first);
        while let Some(event) = next.take() {
            if let Some(action) = to_action(app, event) {
                update(app, action);
            }
            if app.quit {
                break;
            }
            match input.try_recv() {
                Ok(Ok(event)) => next = Some(event),
                Ok(Err(error)) => return input_failed(signal, error),
                Err(_) => {}
            }
        }
    }
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
fn read_input_on_a_thread() -> Receiver<io::Result<Event>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(event).is_err() || failed {
                break;
            }
        }
    });
    receiver
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
