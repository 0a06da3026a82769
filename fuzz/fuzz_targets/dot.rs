//! Graphviz DOT in: any text gives a graph or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = colayout::io::dot::looks_like_dot(text);
        let _ = colayout::io::dot::parse(text);
    }
});
