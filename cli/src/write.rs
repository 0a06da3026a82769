//! Output files, replaced atomically: every file of a run is written in full to a
//! temporary file beside it, and only once all are written are they renamed over the
//! old ones. A failed run, a full disk or a failing `--svg` leaves old files as they were.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::args::Failure;

/// Writes every `(path, bytes)`, all or none.
pub fn atomically(files: &[(&str, &[u8])]) -> Result<(), Failure> {
    let mut written: Vec<(PathBuf, &str)> = Vec::with_capacity(files.len());
    let cleanup = |written: &[(PathBuf, &str)]| {
        for (tmp, _) in written {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for &(path, bytes) in files {
        match write_temp(Path::new(path), bytes) {
            Ok(tmp) => written.push((tmp, path)),
            Err(e) => {
                cleanup(&written);
                return Err(Failure(format!("cannot write {path}: {e}"), 1));
            }
        }
    }
    for (i, (tmp, path)) in written.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            cleanup(&written[i..]);
            return Err(Failure(format!("cannot write {path}: {e}"), 1));
        }
    }
    Ok(())
}

/// `bytes` in a new temporary file in `path`'s directory, flushed to disk.
fn write_temp(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("not a file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".colayout-{}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
