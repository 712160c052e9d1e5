//! `tlx completions SHELL` and `tlx man`: generated from the clap definitions, so
//! they never disagree with `--help`.

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, Failure};

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tlx", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The `tlx(1)` page as roff; with `dir`, one page per command written there and
/// their paths listed instead.
pub fn man(dir: Option<&Path>) -> Result<String, Failure> {
    let command = Cli::command();
    match dir {
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut out)
                .map_err(|e| Failure::Io(format!("cannot render the manual page: {e}")))?;
            Ok(String::from_utf8_lossy(&out).into_owned())
        }
        Some(dir) => {
            let cannot = |e: std::io::Error| {
                Failure::Io(format!(
                    "cannot write manual pages to {}: {e}",
                    dir.display()
                ))
            };
            std::fs::create_dir_all(dir).map_err(cannot)?;
            clap_mangen::generate_to(command, dir).map_err(cannot)?;
            let mut pages: Vec<String> = std::fs::read_dir(dir)
                .map_err(cannot)?
                .filter_map(|entry| entry.ok())
                .map(|entry| entry.path())
                .filter(|p| p.extension().is_some_and(|x| x == "1"))
                .map(|p| format!("{}\n", p.display()))
                .collect();
            pages.sort();
            Ok(pages.concat())
        }
    }
}
