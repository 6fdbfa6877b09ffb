//! `calendar` (built in): a weekday written next to a date must be that date's
//! weekday ("Wednesday, Jan. 2, 2024" — it was a Tuesday).

use super::Emitter;
use crate::document::Document;
use crate::values::date::{DateValue, weekday_name};
use std::ops::Range;

/// Compiled `calendar` check (no settings).
#[derive(Debug)]
pub struct Calendar;

impl Calendar {
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        let found = emit.values().dates(doc, unit.clone());
        for mention in found.iter() {
            let (DateValue::Resolved { first, last }, Some(stated), false) = (
                &mention.value.value,
                &mention.value.stated_weekday,
                mention.value.relative,
            ) else {
                continue;
            };
            if first != last || first.weekday() == stated.value {
                continue;
            }
            let span = unit.start + stated.span.start..unit.start + stated.span.end;
            let mention_span = unit.start + mention.span.start..unit.start + mention.span.end;
            let date = if span.start >= mention_span.end {
                // The weekday in parentheses after it: "Dec 30 (Fri)".
                mention_span
            } else {
                // The date written after the weekday ("Jan. 2, 2024" in "Tuesday, Jan. 2, 2024").
                let rest = &doc.lintable[span.end..mention_span.end];
                let skip = rest.len() - rest.trim_start_matches([',', ' ']).len();
                span.end + skip..mention_span.end
            };
            let related = if date.is_empty() {
                Vec::new()
            } else {
                vec![(
                    date,
                    format!("{first} was a {}", weekday_name(first.weekday())),
                )]
            };
            emit.report_related(
                span,
                weekday_name(stated.value),
                weekday_name(first.weekday()),
                None,
                related,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    const CALENDAR: &str = "[[check]]\nid = \"weekday\"\nkind = \"calendar\"\n";

    fn flagged(text: &str) -> Vec<(String, String)> {
        crate::checks::findings_of(CALENDAR, text)
            .into_iter()
            .map(|f| (f.primary.text().to_string(), f.message))
            .collect()
    }

    #[test]
    fn wrong_weekday_is_flagged_at_the_weekday() {
        assert_eq!(
            flagged("A car in Kharkiv, Ukraine, Wednesday, Jan. 2, 2024."),
            [(
                "Wednesday".to_string(),
                "Wednesday does not match the date: it was a Tuesday".to_string()
            )]
        );
    }

    #[test]
    fn weekday_before_a_numeric_or_iso_date_is_checked() {
        assert_eq!(
            flagged("The mayor spoke on Tuesday, 3.1.2024, in Kharkiv."),
            [(
                "Tuesday".to_string(),
                "Tuesday does not match the date: it was a Wednesday".to_string()
            )]
        );
        assert_eq!(flagged("Rain on Tues. 2024-01-03.").len(), 1);
        assert!(flagged("On Tuesday, 02.01.2024, the attack came.").is_empty());
        assert!(flagged("Wed 2024-01-03 and Saturday 12/30/2023 were quiet.").is_empty());
    }

    #[test]
    fn weekday_in_parentheses_after_the_date_is_checked() {
        assert_eq!(
            flagged("[2] Missile fired on Dec 30, 2023 (Fri) landed in a field"),
            [(
                "Fri".to_string(),
                "Friday does not match the date: it was a Saturday".to_string()
            )]
        );
        assert!(flagged("Published : Jan 4, 2024 (Thu) - 10:42 KST").is_empty());
    }

    #[test]
    fn right_weekday_and_bare_weekdays_pass() {
        assert!(flagged("A car in Kharkiv, Ukraine, Tuesday, Jan. 2, 2024.").is_empty());
        assert!(flagged("Russia fired missiles on Tuesday.").is_empty());
        assert!(flagged("Saturday, December 30, 2023 was quiet.").is_empty());
    }
}
