//! The real binary in a pseudo-terminal, its screen read back with `vt100`: the
//! explorer starts, finds an actor by a misspelled name, opens a quote's source,
//! goes back and quits, and every way out (q, Ctrl-C, SIGTERM, SIGHUP, SIGINT, a
//! panic) leaves raw mode and the alternate screen, turns mouse capture off and
//! shows the cursor again. Tiny and huge terminals, a storm of resizes, a stdin
//! or stdout that is not a terminal, and a timeline full of escape sequences are
//! tried too.
#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use tlx_testkit::common;

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
    master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(envs: &[(&str, &str)]) -> Session {
        Session::start_with(&["--data", DATA], 40, 130, envs)
    }

    /// Runs tlx with `args` in a terminal of `rows` x `cols`.
    fn start_with(args: &[&str], rows: u16, cols: u16, envs: &[(&str, &str)]) -> Session {
        Session::spawn(env!("CARGO_BIN_EXE_tlx"), args, rows, cols, envs)
    }

    /// Runs any program (`sh`, to redirect tlx's stdin or stdout) in a terminal.
    fn spawn(program: &str, args: &[&str], rows: u16, cols: u16, envs: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
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
                NonZeroU16::new(rows.max(1)).unwrap(),
                NonZeroU16::new(cols.max(1)).unwrap(),
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
            master: pair.master,
        }
    }

    /// Resizes the terminal (the kernel sends SIGWINCH) and the screen read back.
    ///
    /// The screen read back is locked across both, so that no output tlx writes
    /// after it learns the new size is parsed at the old one: a full redraw read
    /// at the wrong size would leave the parser's screen out of step with tlx's,
    /// and later frames only send the cells that changed.
    fn resize(&self, rows: u16, cols: u16) {
        let mut output = self.output.lock().unwrap();
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        if let (Some(rows), Some(cols)) = (NonZeroU16::new(rows), NonZeroU16::new(cols)) {
            output.parser.set_size(rows, cols);
        }
    }

    /// Whether the terminal is in raw mode: no line editing, no echo.
    fn raw_mode(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master.get_termios().expect("the terminal's settings");
        !termios
            .local_flags
            .intersects(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// Waits until the output holds `bytes`.
    fn wait_for_bytes(&self, bytes: &[u8]) {
        let start = Instant::now();
        while rfind(&self.bytes(), bytes).is_none() {
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {:?}", String::from_utf8_lossy(bytes));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a process id");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -{name}");
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
        // Every mouse mode crossterm turns on is turned off after it.
        for mode in ["1000", "1002", "1003", "1006", "1015"] {
            let on = format!("\x1b[?{mode}h");
            let off = format!("\x1b[?{mode}l");
            if let Some(on) = rfind(&bytes, on.as_bytes()) {
                let off = rfind(&bytes, off.as_bytes()).expect("mouse capture turned off");
                assert!(off > on, "mouse mode {mode} left on");
            }
        }
        assert!(
            rfind(&bytes, b"\x1b[?1000h").is_some(),
            "mouse capture was on"
        );
        assert!(!self.raw_mode(), "the terminal was left in raw mode");
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

// ---- Hostile terminals (issue 6)

const ESCAPES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/warnings/ansi-escapes.json"
);

#[test]
fn sighup_and_sigint_restore_the_terminal() {
    for (name, number) in [("HUP", 1), ("INT", 2)] {
        let mut tlx = Session::start(&[]);
        tlx.wait_for(" Events  1/9 ");
        assert!(tlx.raw_mode(), "raw mode while the explorer runs");
        tlx.signal(name);
        assert_eq!(tlx.exit_code(), 128 + number, "SIG{name}");
        tlx.assert_restored();
    }
}

#[test]
fn tiny_and_huge_terminals_draw_and_quit() {
    // (rows, cols): a frame is drawn before the first key is read, so a clean
    // exit on q means every frame so far was drawn without a panic.
    for (rows, cols) in [(1, 1), (1, 2), (2, 1), (2, 10), (10, 2), (5, 5), (12, 40)] {
        let mut tlx = Session::start_with(&["--data", DATA], rows, cols, &[]);
        tlx.wait_for_bytes(b"\x1b[?1000h");
        // A pause after Esc, or Esc and the next key read as Alt and that key.
        tlx.send("jjG?");
        std::thread::sleep(Duration::from_millis(100));
        tlx.send("\x1b");
        std::thread::sleep(Duration::from_millis(100));
        tlx.send("q");
        assert_eq!(tlx.exit_code(), 0, "{rows}x{cols}:\n{}", tlx.screen());
        tlx.assert_restored();
    }
    let mut tlx = Session::start_with(&["--data", DATA], 200, 500, &[]);
    let screen = tlx.wait_for(" Events  1/9 ");
    assert!(screen.contains("Reed Brigades founded"));
    tlx.send("q");
    assert_eq!(tlx.exit_code(), 0);
    tlx.assert_restored();
}

#[test]
fn a_terminal_that_shrinks_and_comes_back_is_repainted_whole() {
    let mut tlx = Session::start(&[]);
    tlx.wait_for_all(&[" Events  1/9 ", "Reed Brigades founded"]);
    // Down to 1x1 and straight back: the screen read back loses everything, and
    // tlx, which sees one resize to the size it drew last, must still repaint it.
    for _ in 0..5 {
        tlx.resize(1, 1);
        tlx.resize(40, 130);
        tlx.wait_for_all(&[" Events  1/9 ", "Reed Brigades founded"]);
    }
    tlx.send("q");
    assert_eq!(tlx.exit_code(), 0);
}

#[test]
fn a_storm_of_resizes_never_panics_nor_loses_a_key() {
    let mut tlx = Session::start(&[]);
    tlx.wait_for(" Events  1/9 ");
    // Storms of 60 resizes with no pause, through 0x0, 1x1 and 200x500, keys in
    // between; the key right after each storm must not be lost (crossterm's mio
    // reader dropped the terminal's readiness when a resize came with it, and the
    // key waited for the next one: 4 to 6 keys in 30 were late).
    let sizes = [
        (0, 0),
        (1, 1),
        (200, 500),
        (3, 7),
        (24, 80),
        (1, 300),
        (150, 1),
        (7, 39),
        (11, 40),
    ];
    for round in 0..10 {
        for i in 0..60 {
            let (rows, cols) = sizes[(round + i) % sizes.len()];
            tlx.resize(rows, cols);
            if i % 20 == 0 {
                tlx.send("j");
            }
        }
        tlx.resize(30, 100);
        let (key, status) = if round % 2 == 0 {
            ("G", " Events  9/9 ")
        } else {
            ("g", " Events  1/9 ")
        };
        tlx.send(key);
        // The frame after the storm, at the final size, with the key applied.
        let screen = tlx.wait_for(status);
        assert!(screen.lines().count() <= 30, "{screen}");
    }
    tlx.wait_for("Reed Brigades founded");
    tlx.send("q");
    assert_eq!(tlx.exit_code(), 0);
    tlx.assert_restored();
}

#[test]
fn stdin_or_stdout_not_a_terminal_is_refused_in_one_line() {
    let refusal = "tlx: the explorer needs a terminal; try `tlx events`";
    for redirect in ["< /dev/null", "> /dev/null"] {
        let script = format!("exec \"$0\" --data \"$1\" {redirect}");
        let mut sh = Session::spawn(
            "sh",
            &["-c", &script, env!("CARGO_BIN_EXE_tlx"), DATA],
            24,
            80,
            &[],
        );
        assert_eq!(sh.exit_code(), 2, "{redirect}");
        let bytes = sh.bytes();
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(text.trim_end(), refusal, "{redirect}");
        assert!(
            rfind(&bytes, b"\x1b[?1049h").is_none(),
            "no alternate screen"
        );
        assert!(!sh.raw_mode());
    }
}

#[test]
fn no_escape_from_the_data_reaches_the_terminal() {
    let mut tlx = Session::start_with(&["--data", ESCAPES], 40, 130, &[]);
    tlx.wait_for("[31;1mRed");
    // Every pane, the detail of each, the source view, the disputes, the
    // sources list, the finder and the help.
    for keys in [
        "2", "3", "4", "1", "3\r", "\x1b", "d", "\x1b", "s", "\x1b", "ahid", "\x1b", "?",
    ] {
        tlx.send(keys);
        std::thread::sleep(Duration::from_millis(100));
    }
    // q closes the help, then quits.
    tlx.send("q");
    std::thread::sleep(Duration::from_millis(100));
    tlx.send("q");
    assert_eq!(tlx.exit_code(), 0);
    tlx.assert_restored();
    let bytes = tlx.bytes();
    // The text of the sequences is shown, but never the ESC or CSI before it.
    let markers: &[&[u8]] = &[
        b"[31;1mRed",
        b"]0;window title",
        b"[1mBold source",
        b"[8mHidden",
        b"[6n asks",
        b"]52;c;cGFzdGU=",
        b"[1A up",
        b"[3m italic",
        // Not the claim's bare "[?1006h": tlx sends that itself, for the mouse.
        b"[?1000h mouse?",
    ];
    let mut seen = 0;
    for marker in markers {
        for (at, _) in bytes
            .windows(marker.len())
            .enumerate()
            .filter(|(_, w)| w == marker)
        {
            seen += 1;
            let before = &bytes[at.saturating_sub(2)..at];
            assert!(
                !before.ends_with(b"\x1b") && !before.ends_with(b"\xc2\x9b"),
                "{:?} reached the terminal as an escape",
                String::from_utf8_lossy(marker)
            );
        }
    }
    assert!(seen >= 5, "only {seen} markers drawn:\n{}", tlx.screen());
    // No bell (OSC terminator), no C1 control, no NUL, no backspace: tlx sends
    // none of these itself, so any would come from the data.
    for (byte, name) in [
        (&b"\x07"[..], "BEL"),
        (b"\x00", "NUL"),
        (b"\x08", "BS"),
        (b"\xc2\x9b", "C1 CSI"),
        (b"\xc2\x9d", "C1 OSC"),
        (b"\xc2\x85", "C1 NEL"),
    ] {
        assert!(rfind(&bytes, byte).is_none(), "{name} in the output");
    }
}

#[test]
fn a_long_load_shows_its_phase_and_progress_then_the_explorer() {
    // Long enough for the debug binary to take well over the 100 ms after which
    // the loading screen is shown.
    let text = common::long_timeline(24 << 20);
    let path = std::env::temp_dir().join(format!("tlx-e2e-long-{}.json", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let mut tlx = Session::start_with(&["--data", path.to_str().unwrap()], 24, 100, &[]);
    let screen = tlx.wait_for("%");
    let _ = std::fs::remove_file(&path);
    let line = screen
        .lines()
        .find(|line| line.contains('%'))
        .expect("the progress line");
    assert!(
        line.contains(&format!(
            "Loading {} ({} MB): ",
            path.display(),
            text.len().div_ceil(1_000_000)
        )),
        "{screen}"
    );
    assert!(
        ["reading", "parsing", "checking", "indexing", "ready"]
            .iter()
            .any(|phase| line.contains(&format!(": {phase}, "))),
        "{screen}"
    );
    assert!(
        screen.contains('━') || screen.contains('─'),
        "a gauge: {screen}"
    );
    tlx.wait_until_gone("Loading");
    tlx.wait_for("Event 0");
    tlx.send("q");
    assert_eq!(tlx.exit_code(), 0);
    tlx.assert_restored();
}
