//! The `colayout` command line's formats: [`dot`] reads Graphviz DOT, [`svg`] draws a
//! layout. (Reading WebCola's JSON is the core's `colayout::json`.)

pub mod dot;
pub mod svg;
