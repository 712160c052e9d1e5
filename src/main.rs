//! The `tlx` binary: parse the command line and hand over to `tlx::cli`.

use std::process::ExitCode;

use clap::Parser;
use tlx::cli::{Cli, parse_error, run};

fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => run(cli),
        Err(error) => parse_error(error),
    }
}
