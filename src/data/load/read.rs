//! Reading a timeline file, split over the cores when it is long.
//!
//! Copying a large file out of the page cache is mostly the page faults of the
//! fresh buffer, and those go faster from several cores: each thread reads one
//! part (`pread`, so none moves another's position).

use std::fs::File;
use std::io::{self, Read};

use super::progress::LoadProgress;
use crate::data::parallel;

/// Below this size one thread reads and checks alone.
const SPLIT_FROM_BYTES: usize = 8 << 20;

/// How much each thread reads at a time, so that the bytes read can be shown as
/// they come (a few hundred calls for the largest file: nothing next to the
/// page faults of the buffer).
const STEP_BYTES: usize = 4 << 20;

/// Reads at most `limit` bytes of `file` (`limit + 1` if there are more, for
/// the caller to refuse), whose size is expected to be `expected`, adding the
/// bytes read to `progress` as they come.
pub fn read_file(
    file: File,
    expected: u64,
    limit: u64,
    progress: &LoadProgress,
) -> io::Result<Vec<u8>> {
    let mut bytes = match read_parts(&file, expected.min(limit), progress) {
        Some(Ok(bytes)) => bytes,
        // The size changed under us, or no `pread`: one thread, from the start.
        _ => Vec::with_capacity(expected.min(limit) as usize),
    };
    let read = bytes.len() as u64;
    // The limit holds even for files whose metadata has no size (pipes, devices)
    // and for files that grew since.
    let mut rest = &file;
    if read > 0 {
        use std::io::{Seek, SeekFrom};
        rest.seek(SeekFrom::Start(read))?;
    }
    rest.take(limit + 1 - read).read_to_end(&mut bytes)?;
    progress.add_read(bytes.len() as u64 - read);
    Ok(bytes)
}

/// The first `len` bytes of a file, a part for each core; `None` when the file
/// is short enough for one thread, or the platform has no `pread`.
#[cfg(unix)]
fn read_parts(file: &File, len: u64, progress: &LoadProgress) -> Option<io::Result<Vec<u8>>> {
    use rayon::prelude::*;
    use std::os::unix::fs::FileExt;
    // `read_exact_at` step by step, adding each step to `progress`.
    let read_at = |buf: &mut [u8], offset: usize| -> io::Result<()> {
        for (i, step) in buf.chunks_mut(STEP_BYTES).enumerate() {
            file.read_exact_at(step, (offset + i * STEP_BYTES) as u64)?;
            progress.add_read(step.len() as u64);
        }
        Ok(())
    };
    let len = usize::try_from(len).ok()?;
    let parts = parallel::parts();
    if len < SPLIT_FROM_BYTES || parts < 2 {
        return None;
    }
    let mut bytes = vec![0u8; len];
    let per = len.div_ceil(parts);
    let read = bytes
        .par_chunks_mut(per)
        .enumerate()
        .try_for_each(|(i, part)| read_at(part, i * per));
    Some(read.map(|()| bytes))
}

#[cfg(not(unix))]
fn read_parts(_: &File, _: u64, _: &LoadProgress) -> Option<io::Result<Vec<u8>>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A file in the temp directory with these bytes, removed when dropped.
    struct TempFile(std::path::PathBuf);

    impl TempFile {
        fn new(name: &str, bytes: &[u8]) -> Self {
            let path = std::env::temp_dir().join(format!("tlx-read-{}-{name}", std::process::id()));
            std::fs::File::create(&path)
                .and_then(|mut f| f.write_all(bytes))
                .expect("the temp directory is writable");
            TempFile(path)
        }

        fn read(&self, expected: u64, limit: u64) -> Vec<u8> {
            read_file(
                File::open(&self.0).unwrap(),
                expected,
                limit,
                &LoadProgress::new(),
            )
            .unwrap()
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    /// Bytes that differ from place to place, so a half read at the wrong offset shows.
    fn pattern(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i % 251) as u8).collect()
    }

    #[test]
    fn a_long_file_read_in_halves_is_the_file() {
        for len in [
            SPLIT_FROM_BYTES,
            SPLIT_FROM_BYTES + 1,
            SPLIT_FROM_BYTES * 2 + 7,
        ] {
            let bytes = pattern(len);
            let file = TempFile::new(&format!("long-{len}"), &bytes);
            assert!(file.read(len as u64, u64::MAX - 1) == bytes, "{len} bytes");
        }
    }

    #[test]
    fn the_limit_holds_for_long_and_short_files() {
        let len = SPLIT_FROM_BYTES * 2;
        let bytes = pattern(len);
        let file = TempFile::new("limit", &bytes);
        // One byte past the limit, whatever the size said.
        let limit = (len - 10) as u64;
        assert!(file.read(len as u64, limit) == bytes[..len - 9]);
        assert!(file.read(0, limit) == bytes[..len - 9]);
        let short = TempFile::new("short", b"{}");
        assert_eq!(short.read(2, 1), b"{}");
        assert_eq!(short.read(2, 10), b"{}");
    }

    #[test]
    fn a_size_that_changed_since_is_read_as_it_is_now() {
        let len = SPLIT_FROM_BYTES + 100;
        let bytes = pattern(len);
        let file = TempFile::new("changed", &bytes);
        // The file grew since its size was taken, or shrank.
        assert!(file.read((len - 50) as u64, u64::MAX - 1) == bytes);
        assert!(file.read((len + 50) as u64, u64::MAX - 1) == bytes);
    }
}
