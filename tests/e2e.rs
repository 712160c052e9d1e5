//! The real binary in a pseudo-terminal, its screen read back with `vt100`: the
//! explorer starts, finds an actor by a misspelled name, opens a quote's source,
//! goes back and quits, and every way out (q, Ctrl-C, SIGTERM, a panic) leaves the
//! alternate screen and shows the cursor again.
#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tui-small.json");
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const DEADLINE: Duration = Duration::from_secs(20);

struct Output {
    parser: vt100::Parser,
    bytes: Vec<u8>,
}

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(envs: &[(&str, &str)]) -> Session {
        let (rows, cols) = (40, 130);
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tlx"));
        cmd.args(["--data", DATA]);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (key, value) in envs {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("tlx starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(
                NonZeroU16::new(rows).unwrap(),
                NonZeroU16::new(cols).unwrap(),
                0,
            ),
            bytes: Vec::new(),
        }));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut out = sink.lock().unwrap();
                out.parser.process(&buf[..n]);
                out.bytes.extend_from_slice(&buf[..n]);
            }
        });
        Session {
            child,
            writer,
            output,
            _master: pair.master,
        }
    }

    fn screen(&self) -> String {
        self.output.lock().unwrap().parser.screen().contents()
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().bytes.clone()
    }

    /// Waits until the screen shows `text`, and returns the screen.
    fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// Waits until the screen shows every one of `texts` at once.
    fn wait_for_all(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|text| screen.contains(text)) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {texts:?}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_until_gone(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {text:?} to go; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end and returns its exit code.
    fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("tlx did not exit; the screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal was given back: the last alternate-screen switch leaves it and
    /// the cursor is shown after it.
    fn assert_restored(&self) {
        let bytes = self.bytes();
        let left = rfind(&bytes, LEAVE_ALTERNATE_SCREEN).expect("left the alternate screen");
        assert!(
            rfind(&bytes, b"\x1b[?1049h").is_none_or(|entered| entered < left),
            "entered the alternate screen again after leaving it"
        );
        let shown = rfind(&bytes, SHOW_CURSOR).expect("showed the cursor");
        assert!(rfind(&bytes, b"\x1b[?25l").is_none_or(|hidden| hidden < shown));
        let out = self.output.lock().unwrap();
        assert!(!out.parser.screen().alternate_screen());
        assert!(!out.parser.screen().hide_cursor());
    }
}

/// The parameters of every SGR sequence (`ESC [ params m`) in the output.
fn sgr_params(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    for part in text.split("\x1b[").skip(1) {
        let end = part
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(part.len());
        if part[end..].starts_with('m') {
            out.push(part[..end].to_string());
        }
    }
    out
}

/// Whether SGR parameters set a foreground or background colour (not a reset).
fn is_colour(params: &str) -> bool {
    params
        .split(';')
        .next()
        .and_then(|p| p.parse::<u32>().ok())
        .is_some_and(|n| matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107))
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn find_an_actor_open_a_source_go_back_and_quit() {
    let mut tlx = Session::start(&[]);
    // Frames are drawn top to bottom: once the status bar shows, the frame is whole.
    let screen = tlx.wait_for(" Events  1/9 ");
    assert!(screen.contains("1 Events · 9"));
    assert!(screen.contains("Fictional test data: the Saltmarsh timeline"));
    assert!(screen.contains("Reed Brigades founded"));
    assert!(
        tlx.output
            .lock()
            .unwrap()
            .parser
            .screen()
            .alternate_screen()
    );

    tlx.send("a");
    tlx.wait_for("Find an actor");
    tlx.send("khadiri");
    // The finder after the last key: one actor, matched through an alias.
    tlx.wait_for_all(&[
        "› khadiri▏",
        "1 of 6 actors",
        "Khadiri → Yusuf al-Qadiri",
        "person · 3 events",
    ]);

    tlx.send("\r");
    let screen = tlx.wait_for("filter: Yusuf al-Qadiri");
    assert!(screen.contains("1 Events · 3 of 9 · Yusuf al-Qadiri"));
    assert!(!screen.contains("Find an actor"));
    assert!(!screen.contains("Reed Brigades founded"), "filtered out");

    // The first event's quote, then its source.
    tlx.send("3");
    tlx.wait_for(" Quotes  1/1");
    tlx.send("\r");
    let screen = tlx.wait_for("Source: Coast Monitor (fictional)  3/4");
    assert!(screen.contains("Excerpts in document order 3/4"));
    assert!(screen.contains("A decade of militias on the coast"));
    assert!(screen.contains("Coast Monitor (fictional) · report · 2021"));
    assert!(screen.contains("“Qadiri was sworn in on 7 May 2020”"));

    // Backspace goes back to where we were.
    tlx.send("\x7f");
    tlx.wait_until_gone("Excerpts in document order");
    let screen = tlx.wait_for(" Quotes  1/1");
    assert!(!screen.contains("Excerpts in document order"));
    assert!(screen.contains("filter: Yusuf al-Qadiri"));

    tlx.send("q");
    assert_eq!(tlx.exit_code(), 0);
    tlx.assert_restored();
}

#[test]
fn esc_never_quits_and_ctrl_c_does() {
    let mut tlx = Session::start(&[]);
    tlx.wait_for("1 Events · 9");
    tlx.send("\x1b");
    tlx.wait_for("Esc closes popups and searches; q quits.");
    tlx.send("?");
    tlx.wait_for("Keys · j/k scroll");
    tlx.send("\x03");
    assert_eq!(tlx.exit_code(), 0);
    tlx.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut tlx = Session::start(&[]);
    tlx.wait_for("1 Events · 9");
    let pid = tlx.child.process_id().expect("a process id");
    let status = std::process::Command::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(tlx.exit_code(), 128 + 15);
    tlx.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_then_shows_the_message() {
    let mut tlx = Session::start(&[("TLX_TEST_PANIC", "1")]);
    assert_eq!(tlx.exit_code(), 101);
    tlx.assert_restored();
    let bytes = tlx.bytes();
    let left = rfind(&bytes, LEAVE_ALTERNATE_SCREEN).unwrap();
    let message = rfind(&bytes, b"TLX_TEST_PANIC is set").expect("the panic message");
    assert!(message > left, "the message comes after the restore");
    assert!(tlx.screen().contains("panicked"));
}

#[test]
fn no_color_sends_no_colour_to_the_terminal() {
    let mut tlx = Session::start(&[("NO_COLOR", "1")]);
    tlx.wait_for("1 Events · 9");
    tlx.send("akhadiri");
    tlx.wait_for("Khadiri → Yusuf al-Qadiri");
    tlx.send("q");
    // q was typed into the finder; Esc closes it, then q quits.
    tlx.send("\x1b");
    tlx.wait_until_gone("Find an actor");
    tlx.send("q");
    assert_eq!(tlx.exit_code(), 0);
    let bytes = tlx.bytes();
    let colours: Vec<String> = sgr_params(&bytes)
        .into_iter()
        .filter(|p| is_colour(p))
        .collect();
    assert!(colours.is_empty(), "colours were sent: {colours:?}");
    // The selection still shows, in reverse video.
    assert!(rfind(&bytes, b"\x1b[7m").is_some());
    let mut tlx = Session::start(&[]);
    tlx.wait_for("1 Events · 9");
    tlx.send("q");
    tlx.exit_code();
    let colours = sgr_params(&tlx.bytes())
        .into_iter()
        .filter(|p| is_colour(p))
        .count();
    assert!(colours > 0, "colours without NO_COLOR");
}

#[test]
fn a_hangup_ends_the_explorer() {
    // No reader thread here: it would hold the terminal open. Read until the first
    // frame, then close every handle on the terminal's side.
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tlx"));
    cmd.args(["--data", DATA]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut screen = vt100::Parser::new(
        NonZeroU16::new(30).unwrap(),
        NonZeroU16::new(100).unwrap(),
        0,
    );
    let mut buf = [0u8; 8192];
    // A frame ends with the status bar, the last row drawn.
    while !screen.screen().contents().contains("Events  1/9") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the terminal closed before the first frame");
        screen.process(&buf[..n]);
    }
    drop(reader);
    drop(pair.master);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("tlx lingered after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(
        (status.exit_code(), status.signal()),
        (128 + 1, None),
        "ended by SIGHUP"
    );
}
