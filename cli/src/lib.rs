//! The `colayout` command line's drawing: [`svg`] draws a layout. (Reading WebCola's
//! JSON is the core's `colayout::json`.)

pub mod svg;
