//! The core's rooms import one another in one direction only: no two modules import
//! each other, and the top-level rooms form no cycle. Read from the sources.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`["stress", "kernels"]`) of each source file under `core/src`.
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(&src).unwrap().with_extension("");
            let mut path: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into()).collect();
            if matches!(path.last().map(String::as_str), Some("mod" | "lib")) {
                path.pop();
            }
            (path, f)
        })
        .collect()
}

/// The code of a file without its test module, re-exports and module declarations.
fn code(text: &str) -> String {
    let body = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    body.lines()
        .map(str::trim_start)
        .filter(|l| {
            !l.starts_with("//") && !l.starts_with("pub use ") && !l.starts_with("pub mod ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path the code names through `crate::` or `super::`, resolved to module paths.
fn imports(module: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    let code = code(text);
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut at = 0;
        while let Some(i) = code[at..].find(start) {
            let i = at + i;
            at = i + start.len();
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
                continue;
            }
            let mut base: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                // A file's module path already names its folder for `mod.rs`.
                let mut b = module.to_vec();
                b.pop();
                b
            };
            let mut rest = &code[i + start.len()..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            let end = rest
                .find(|c: char| {
                    !(c.is_alphanumeric()
                        || c == '_'
                        || c == ':'
                        || c == '{'
                        || c == '}'
                        || c == ','
                        || c == ' '
                        || c == '\n')
                })
                .unwrap_or(rest.len());
            let list = &rest[..end];
            let (prefix, items) = match list.find('{') {
                Some(b) => {
                    let close = list[b..].find('}').map_or(list.len(), |c| b + c);
                    (
                        &list[..b],
                        list[b + 1..close]
                            .split(',')
                            .map(str::trim)
                            .collect::<Vec<_>>(),
                    )
                }
                None => (list, vec![""]),
            };
            for item in items {
                let mut path = base.clone();
                for seg in prefix.split("::").chain(item.split("::")) {
                    let seg = seg.trim();
                    if !seg.is_empty() && seg != "self" {
                        path.push(seg.to_string());
                    }
                }
                out.insert(path);
            }
        }
    }
    out
}

/// The longest prefix of `path` that is a module.
fn resolve(path: &[String], mods: &BTreeMap<Vec<String>, PathBuf>) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|k| path[..k].to_vec())
        .find(|p| mods.contains_key(p))
        .unwrap_or_default()
}

#[test]
fn no_two_modules_import_each_other_and_rooms_form_no_cycle() {
    let mods = modules();
    let mut edges: BTreeSet<(Vec<String>, Vec<String>)> = BTreeSet::new();
    for (m, file) in &mods {
        let text = std::fs::read_to_string(file).unwrap();
        for p in imports(m, &text) {
            let to = resolve(&p, &mods);
            // The crate root only re-exports; code inside the core names the room.
            assert!(
                !to.is_empty(),
                "{}: names {} through the crate root",
                m.join("::"),
                p.join("::")
            );
            if &to != m {
                edges.insert((m.clone(), to));
            }
        }
    }
    let mutual: Vec<_> = edges
        .iter()
        .filter(|(a, b)| a < b && edges.contains(&(b.clone(), a.clone())))
        .map(|(a, b)| format!("{} <-> {}", a.join("::"), b.join("::")))
        .collect();
    assert!(
        mutual.is_empty(),
        "modules that import each other: {mutual:?}"
    );

    // Rooms: the top-level modules. Depth-first search for a cycle.
    let mut rooms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in &edges {
        if let (Some(x), Some(y)) = (a.first(), b.first()) {
            if x != y {
                rooms.entry(x.clone()).or_default().insert(y.clone());
            }
        }
    }
    fn visit(
        r: &str,
        rooms: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(r) {
            return;
        }
        if let Some(i) = stack.iter().position(|s| s == r) {
            panic!(
                "rooms import in a cycle: {}",
                stack[i..].join(" -> ") + " -> " + r
            );
        }
        stack.push(r.to_string());
        for next in rooms.get(r).into_iter().flatten() {
            visit(next, rooms, stack, done);
        }
        stack.pop();
        done.insert(r.to_string());
    }
    let mut done = BTreeSet::new();
    for r in rooms.keys() {
        visit(r, &rooms, &mut Vec::new(), &mut done);
    }
}
