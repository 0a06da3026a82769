//! Helpers shared by the CLI tests: run the binary as a user would, find fixtures, and
//! make scratch files under cargo's test directory.
#![allow(dead_code)] // each test file uses some of them

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `colayout args`, with `stdin` as its input text.
pub fn colayout(args: &[&str], stdin: Option<&str>) -> Output {
    colayout_bytes(args, stdin.map(str::as_bytes))
}

/// Runs `colayout args`, with `stdin` as its input bytes.
pub fn colayout_bytes(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_colayout"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        // A run refused on its arguments exits before reading its input: a broken pipe
        // here is that, and the exit status tells the rest.
        if let Err(e) = input.write_all(text) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    drop(input);
    child.wait_with_output().unwrap()
}

pub fn data(name: &str) -> String {
    format!("{}/../data/{name}", env!("CARGO_MANIFEST_DIR"))
}

pub fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("colayout-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Checks the run succeeded and reads the JSON it wrote to `path`.
pub fn written_json(out: &Output, path: &std::path::Path) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
