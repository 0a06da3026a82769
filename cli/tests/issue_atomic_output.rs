//! Issue: output files are replaced atomically. A failed run, or a failing `--svg`,
//! leaves an existing `-o` file as it was; `-o X --svg X` is refused.

mod common;

use common::{colayout, data, tmp};

const OLD: &str = "the previous run's output\n";

/// Lays out karate with `-o json --svg svg`.
fn run(json: &std::path::Path, svg: &std::path::Path) -> std::process::Output {
    let (json, svg) = (json.to_str().unwrap(), svg.to_str().unwrap());
    colayout(
        &["layout", &data("karate.json"), "-o", json, "--svg", svg],
        None,
    )
}

#[test]
fn a_failing_svg_leaves_the_json_output_untouched() {
    let json = tmp("kept.json");
    std::fs::write(&json, OLD).unwrap();
    let out = run(&json, &tmp("no/such/dir/out.svg"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write") && err.contains("out.svg"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&json).unwrap(), OLD);
    let dir = json.parent().unwrap();
    let stray: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".kept.json") && name.ends_with(".tmp")
        })
        .collect();
    assert!(stray.is_empty(), "temporary files left: {stray:?}");
}

#[test]
fn a_failed_run_leaves_the_output_untouched() {
    let json = tmp("kept-on-error.json");
    std::fs::write(&json, OLD).unwrap();
    let out = colayout(
        &["layout", "-", "-o", json.to_str().unwrap()],
        Some(r#"{"nodes": 2, "links": [[0, 9]]}"#),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&json).unwrap(), OLD);
}

#[test]
fn a_successful_run_replaces_both_files() {
    let (json, svg) = (tmp("replaced.json"), tmp("replaced.svg"));
    std::fs::write(&json, OLD).unwrap();
    std::fs::write(&svg, OLD).unwrap();
    let out = run(&json, &svg);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&json)
        .unwrap()
        .starts_with("{\"positions\""));
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

#[test]
fn the_same_file_for_json_and_svg_is_refused() {
    let same = tmp("same.out");
    std::fs::write(&same, OLD).unwrap();
    let p = same.to_str().unwrap();
    let dotted = format!("{}/./same.out", same.parent().unwrap().display());
    for svg in [p, dotted.as_str()] {
        let out = colayout(
            &["layout", &data("karate.json"), "-o", p, "--svg", svg],
            None,
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("the same file"));
    }
    assert_eq!(std::fs::read_to_string(&same).unwrap(), OLD);
}

#[test]
fn dev_null_stays_a_device_and_a_symlink_stays_a_link() {
    use std::os::unix::fs::FileTypeExt;
    let out = colayout(
        &[
            "layout",
            &data("karate.json"),
            "-o",
            "/dev/null",
            "--svg",
            "/dev/null",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "the same file twice is refused");
    let out = colayout(&["layout", &data("karate.json"), "-o", "/dev/null"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    let (real, link) = (tmp("real.json"), tmp("link.json"));
    std::fs::write(&real, OLD).unwrap();
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = colayout(
        &["layout", &data("karate.json"), "-o", link.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .starts_with("{\"positions\""));
}
