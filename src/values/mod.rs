//! Typed values extracted from article text: years, dates, numbers, quantities.
//!
//! Every extractor takes the (masked) text of a document or a scope and returns
//! [`Mention`]s whose spans are byte ranges into that same text, so callers can
//! add a base offset and point at the original file.

pub mod date;
pub mod interval;
pub mod number;
mod phrases;
pub mod quantity;
pub mod quote;
pub mod year;

pub use interval::Interval;
use phrases::Phrases;

use std::ops::Range;

/// A value found in text, with the bytes it was written in.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention<T> {
    pub span: Range<usize>,
    pub value: T,
}

/// A regex alternation of table phrases, longest first (so "no more than"
/// beats "no"), with any whitespace between their words.
fn alternation<'a>(phrases: impl Iterator<Item = &'a str>) -> String {
    let mut phrases: Vec<&str> = phrases.collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
        .iter()
        .map(|p| {
            p.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Whether an ASCII byte is a space as `char::is_whitespace` and the regex
/// `\s` read it: `u8::is_ascii_whitespace` leaves out U+000B.
pub(crate) fn is_ascii_space(byte: &u8) -> bool {
    byte.is_ascii_whitespace() || *byte == 0x0B
}

/// Whether `rest` (the text after a word) opens with a possessive "'s".
pub(crate) fn starts_possessive(rest: &str) -> bool {
    rest.starts_with("'s") || rest.starts_with("’s")
}

/// Whether `text` ends with the ASCII `suffix`, case ignored. Callers look
/// back from a value over all the text before it: lower-casing that whole
/// prefix for each value was a copy of the unit per value.
pub(crate) fn ends_with_ignore_ascii_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The word before `start`, skipping spaces ("" after a punctuation mark).
pub(crate) fn previous_word(text: &str, start: usize) -> &str {
    text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
}

/// Compiles the extractors' patterns ahead of use: called on a spare thread
/// while the checks compile, it takes them off the start-up path of a
/// one-article run. Numbers and units come first: loading a check whose
/// value is written out ("about 900 km") reads it with them.
pub fn warm_up() {
    let context = date::DateContext {
        published: None,
        numeric_order: date::NumericOrder::MonthFirst,
    };
    let _ = quantity::conversions("nearly nine hundred km (550 miles)");
    let _ = date::dates("Tuesday, Jan. 2, 2024", &context);
    let _ = quote::quotations("“one two three”", 1);
    let _ = year::years("in 2024");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suffix_is_found_in_any_case_after_multi_byte_text() {
        assert!(ends_with_ignore_ascii_case("It was 2014, NOT", " not"));
        assert!(ends_with_ignore_ascii_case(
            "Kyiv’s Transcript For",
            "transcript for"
        ));
        assert!(!ends_with_ignore_ascii_case("cannot", " not"));
        assert!(!ends_with_ignore_ascii_case("’", "not"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// Text made of the pieces values are read from, in any order: digits
        /// of other scripts (a regex's `\d` takes them), separators, units,
        /// months, number words, quotation marks.
        #[test]
        fn extractors_never_panic(
            text in "(19|20|[0-9٠-٩０-９]{1,2}|[.,:/ %-]|km|miles|Jan|Tuesday|dozen|two|hundred|“|”|\"|'|é|a){0,40}"
        ) {
            let context = date::DateContext {
                published: Some(jiff::civil::date(2024, 1, 5)),
                numeric_order: date::NumericOrder::MonthFirst,
            };
            let _ = number::numbers(&text);
            let _ = date::dates(&text, &context);
            let _ = year::years(&text);
            let _ = quantity::conversions(&text);
            let _ = quote::quotations(&text, 1);
        }
    }
}
