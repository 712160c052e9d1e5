//! The layering of ARCHITECTURE.md, held by a test: every `crate::` and
//! `super::` path under `src/` (in `use` lines and inline) is read, and an arrow
//! the map does not allow fails the test. `data` knows nothing of `app`, `ui`, `tui`, `cli`,
//! `export` or the terminal crates; `app` reaches `ui` only through
//! `ui::geometry`, and neither the runtime nor the command line; `ui` and
//! `export` do not reach the runtime or the command line.

use std::path::{Path, PathBuf};

/// The layer a source file belongs to, from its path under `src/`.
fn layer_of(relative: &str) -> &'static str {
    let first = relative.split(['/', '.']).next().unwrap_or("");
    match first {
        "data" => "data",
        "app" => "app",
        "ui" => "ui",
        "tui" => "tui",
        "cli" | "main" => "cli",
        "export" => "export",
        _ => "crate",
    }
}

/// What a file of `layer` may not name: a `crate::` path (its first two
/// segments, `ui::geometry` for instance) or an outside crate.
fn forbidden(layer: &str, path: &[String]) -> bool {
    let first = path.first().map(String::as_str).unwrap_or("");
    let second = path.get(1).map(String::as_str).unwrap_or("");
    match layer {
        "data" => matches!(first, "app" | "ui" | "tui" | "cli" | "export"),
        "app" => matches!(first, "tui" | "cli") || (first == "ui" && second != "geometry"),
        "ui" | "export" => matches!(first, "tui" | "cli"),
        _ => false,
    }
}

/// Outside crates a layer may not use at all.
fn forbidden_crates(layer: &str) -> &'static [&'static str] {
    match layer {
        "data" => &["ratatui", "crossterm", "portable_pty", "signal_hook"],
        _ => &[],
    }
}

/// The text without `//` comments, so that prose naming a module is no arrow.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The module a file is, as segments: `data/load/mod.rs` is `data::load`.
fn module_of(relative: &str) -> Vec<String> {
    let mut segments: Vec<String> = relative
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if matches!(
        segments.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        segments.pop();
    }
    segments
}

/// Every path the file names from the crate's root, as its first segments: a
/// `crate::` path, or a `super::` one resolved against the file's module. A
/// group `{a::b, c}` gives one path per item.
fn crate_paths(relative: &str, text: &str) -> Vec<Vec<String>> {
    let module = module_of(relative);
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['c', 's']) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at..];
        let start = if rest.starts_with("crate::") {
            Some((Vec::new(), "crate::".len()))
        } else if rest.starts_with("super::") {
            let mut up = 0;
            let mut len = 0;
            while rest[len..].starts_with("super::") {
                up += 1;
                len += "super::".len();
            }
            Some((module[..module.len().saturating_sub(up)].to_vec(), len))
        } else {
            None
        };
        match start {
            Some((prefix, len)) if !before.is_some_and(|c| is_ident(c) || c == ':') => {
                paths.extend(paths_at(&rest[len..], prefix));
                rest = &rest[len..];
            }
            _ => rest = &rest[1..],
        }
    }
    paths
}

/// The paths that start at `text`, after the segments `prefix`.
fn paths_at(text: &str, prefix: Vec<String>) -> Vec<Vec<String>> {
    let text = text.trim_start();
    if let Some(group) = text.strip_prefix('{') {
        let mut depth = 0;
        let mut items = Vec::new();
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    items.push(&group[start..i]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&group[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return items
            .into_iter()
            .filter(|item| !item.trim().is_empty())
            .flat_map(|item| paths_at(item, prefix.clone()))
            .collect();
    }
    let end = text.find(|c: char| !is_ident(c)).unwrap_or(text.len());
    let mut path = prefix;
    if end > 0 {
        path.push(text[..end].to_string());
    }
    match text[end..].strip_prefix("::") {
        Some(more) if path.len() < 2 => paths_at(more, path),
        _ => vec![path],
    }
}

/// Whether the text names the outside crate `name` as a path.
fn names_crate(text: &str, name: &str) -> bool {
    let needle = format!("{name}::");
    text.match_indices(&needle).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| is_ident(c) || c == ':')
    })
}

/// The arrows in one file that the map does not allow.
fn violations(relative: &str, text: &str) -> Vec<String> {
    let layer = layer_of(relative);
    let text = without_comments(text);
    let mut found: Vec<String> = crate_paths(relative, &text)
        .into_iter()
        .filter(|path| forbidden(layer, path))
        .map(|path| format!("{relative} ({layer}) uses crate::{}", path.join("::")))
        .collect();
    for name in forbidden_crates(layer) {
        if names_crate(&text, name) {
            found.push(format!("{relative} ({layer}) uses {name}"));
        }
    }
    found.sort();
    found.dedup();
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("a readable entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_arrow_between_layers_is_one_the_map_allows() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut all = Vec::new();
    let mut data_paths = 0;
    for file in &files {
        let relative = file
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(file).expect("a readable file");
        if layer_of(&relative) == "data" {
            data_paths += crate_paths(&relative, &without_comments(&text)).len();
        }
        all.extend(violations(&relative, &text));
    }
    // Not vacuous: the scan saw the files and the data layer's own paths.
    assert!(files.len() > 50, "only {} files under src/", files.len());
    assert!(data_paths > 80, "only {data_paths} paths in data/");
    assert!(
        all.is_empty(),
        "arrows ARCHITECTURE.md does not allow:\n{}",
        all.join("\n")
    );
}

#[test]
fn the_scan_finds_the_arrows_it_must_refuse() {
    let refused = [
        ("data/x.rs", "use crate::app::App;"),
        ("data/x.rs", "use crate::{data::Date, ui::theme::Theme};"),
        ("data/x.rs", "fn f() { crate::tui::restore() }"),
        ("data/x.rs", "use ratatui::text::Line;"),
        ("data/load/x.rs", "use crate::cli::Failure;"),
        ("data/mod.rs", "use super::app::App;"),
        ("data/load/x.rs", "use super::super::super::ui::render;"),
        ("app/update/x.rs", "use super::super::super::ui::detail;"),
        ("app/x.rs", "use crate::ui::layout::inner;"),
        (
            "app/update/x.rs",
            "use crate::ui::{geometry::Pane, detail};",
        ),
        ("app/x.rs", "use crate::tui::update_inline;"),
        ("ui/x.rs", "use crate::cli::Failure;"),
        ("export/x.rs", "use crate::tui::restore;"),
    ];
    for (file, text) in refused {
        assert!(!violations(file, text).is_empty(), "{file}: {text}");
    }
    let allowed = [
        (
            "data/x.rs",
            "use crate::data::model::Timeline; // crate::ui in prose",
        ),
        ("data/x.rs", "use super::ratatui_free::X;"),
        (
            "data/load/x.rs",
            "use super::raw::*; use super::super::model::Timeline;",
        ),
        (
            "app/update/x.rs",
            "use super::super::super::ui::geometry::Pane;",
        ),
        ("app/x.rs", "use crate::ui::geometry::{Pane, Shape};"),
        (
            "app/x.rs",
            "use crate::data::{Indexed, search::SearchTarget};",
        ),
        ("ui/x.rs", "use crate::app::App;"),
        ("tui.rs", "use crate::ui; use crate::app::update;"),
        ("cli.rs", "use crate::export::Format; use crate::app::App;"),
    ];
    for (file, text) in allowed {
        assert_eq!(
            violations(file, text),
            Vec::<String>::new(),
            "{file}: {text}"
        );
    }
}
