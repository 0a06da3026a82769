//! Output files, replaced atomically: every file of a run is written in full to a
//! temporary file beside it, and only once all are written are they renamed over the
//! old ones. A failed run, a full disk or a failing `--svg` leaves old files as they were.
//! A symbolic link is followed (the file it names is replaced, the link kept), and what
//! is not a regular file (`/dev/null`, `/dev/stdout`, a pipe) is written to directly,
//! never replaced.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::args::Failure;

/// Writes every `(path, bytes)`, all or none.
pub fn atomically(files: &[(&str, &[u8])]) -> Result<(), Failure> {
    let (special, regular): (Vec<_>, Vec<_>) = files
        .iter()
        .partition(|(path, _)| std::fs::metadata(path).is_ok_and(|m| !m.is_file()));
    let mut written: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(regular.len());
    let cleanup = |written: &[(PathBuf, PathBuf)]| {
        for (tmp, _) in written {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for &&(path, bytes) in &regular {
        // The file a symbolic link names is the one replaced.
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path));
        match write_temp(&target, bytes) {
            Ok(tmp) => written.push((tmp, target)),
            Err(e) => {
                cleanup(&written);
                return Err(Failure(format!("cannot write {path}: {e}"), 1));
            }
        }
    }
    for (i, (tmp, target)) in written.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, target) {
            cleanup(&written[i..]);
            return Err(Failure(
                format!("cannot write {}: {e}", target.display()),
                1,
            ));
        }
    }
    for &&(path, bytes) in &special {
        std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| Failure(format!("cannot write {path}: {e}"), 1))?;
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
