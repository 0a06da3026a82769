//! The `colayout` command line's own format: [`svg`] draws a layout. (Reading WebCola's
//! JSON and Graphviz DOT is the core's `colayout::io`.)

pub mod svg;
