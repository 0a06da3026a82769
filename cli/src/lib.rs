//! The `colayout` command line's reading and drawing, shared with the comparison tests:
//! [`input`] reads WebCola's JSON (and the corpus shape), [`svg`] draws a layout.

pub mod input;
pub mod svg;
