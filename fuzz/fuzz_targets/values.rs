//! Value extraction on arbitrary UTF-8: never panics, spans on char boundaries.
#![no_main]

use factlint::values::date::{DateContext, NumericOrder, dates};
use factlint::values::{number::numbers, quantity::quantities, quote::quotations, year::years};
use libfuzzer_sys::fuzz_target;
use std::ops::Range;

fn check(text: &str, span: &Range<usize>) {
    assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
}

fuzz_target!(|text: &str| {
    for m in years(text) {
        check(text, &m.span);
    }
    for m in numbers(text) {
        check(text, &m.span);
    }
    for m in quantities(text) {
        check(text, &m.span);
    }
    for m in quotations(text, 1) {
        check(text, &m.span);
    }
    for (published, numeric_order) in [
        (None, NumericOrder::MonthFirst),
        (Some(jiff::civil::date(2024, 1, 5)), NumericOrder::DayFirst),
    ] {
        let ctx = DateContext {
            published,
            numeric_order,
        };
        for m in dates(text, &ctx) {
            check(text, &m.span);
        }
    }
});
