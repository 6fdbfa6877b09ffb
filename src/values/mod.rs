//! Typed values extracted from article text: years, dates, numbers, quantities.
//!
//! Every extractor takes the (masked) text of a document or a scope and returns
//! [`Mention`]s whose spans are byte ranges into that same text, so callers can
//! add a base offset and point at the original file.

pub mod date;
pub mod interval;
pub mod number;
pub mod quantity;
pub mod quote;
pub mod year;

pub use interval::Interval;

use std::ops::Range;

/// A value found in text, with the bytes it was written in.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention<T> {
    pub span: Range<usize>,
    pub value: T,
}
