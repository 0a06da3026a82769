//! The `colayout` command line's own formats: [`svg`] draws a layout, [`png`] renders
//! that drawing. (Reading WebCola's JSON, DOT and GraphML, and writing DOT, is the
//! core's `colayout::io`.)

pub mod png;
pub mod svg;
