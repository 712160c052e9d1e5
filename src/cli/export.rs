//! `tlx export`: the filtered events in another format, to a file or stdout.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::Failure;
use crate::data::{EventFilter, Indexed};
use crate::export::{Format, export};

/// Writes the export to `out`, or returns it for stdout.
pub fn run(
    data: &Indexed,
    format: Format,
    out: Option<&Path>,
    filter: &EventFilter,
) -> Result<String, Failure> {
    let events = filter.select(data).map_err(Failure::Usage)?;
    match out {
        None => {
            let mut text = Vec::new();
            export(format, data, &events, &mut text).map_err(|e| cannot_write("stdout", e))?;
            String::from_utf8(text).map_err(|_| Failure::Io("the export is not UTF-8".into()))
        }
        Some(path) => {
            let name = path.display().to_string();
            let file = File::create(path).map_err(|e| cannot_write(&name, e))?;
            let mut writer = BufWriter::new(file);
            export(format, data, &events, &mut writer)
                .and_then(|()| writer.flush())
                .map_err(|e| cannot_write(&name, e))?;
            Ok(String::new())
        }
    }
}

fn cannot_write(name: &str, e: std::io::Error) -> Failure {
    Failure::Io(format!("cannot write {name}: {e}"))
}
