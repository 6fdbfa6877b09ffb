//! Calendar years written as four digits (1900–2100).

use super::Mention;
use crate::matcher;
use regex_automata::meta::Regex;
use std::sync::LazyLock;

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // Not part of a longer number, a decimal, a time ("20:24") or an identifier.
    // The year's digits are ASCII: `\d` also takes the digits of other scripts
    // ("20٢٤"), which are no year this reads.
    matcher::build_str(r"(?:^|[^\w.,:/-])((?:19|20)[0-9][0-9]|2100)(?:$|[^\w%]|[.,:][^\d]|[.,:]$)")
        .expect("year pattern is valid")
});

/// Every year in `text`, in order. The year is read off each match, not
/// resolved as a group: the context before it is at most one character and
/// no digit (`\w` takes digits), so it starts at the match's first ASCII
/// digit and is four long.
pub fn years(text: &str) -> Vec<Mention<i32>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(m) = matcher::find_at(&YEAR, text, at) {
        let Some(first) = m.as_str().find(|c: char| c.is_ascii_digit()) else {
            break;
        };
        let span = m.start() + first..m.start() + first + 4;
        // The trailing context may be the next year's leading context.
        at = span.end;
        found.push(Mention {
            value: text[span.clone()].parse().expect("four ASCII digits"),
            span,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<i32> {
        years(text).into_iter().map(|m| m.value).collect()
    }

    #[test]
    fn finds_years_in_prose() {
        assert_eq!(values("annexed in 2020 but"), [2020]);
        assert_eq!(values("the 1948 foundation"), [1948]);
        assert_eq!(values("January 05, 2024."), [2024]);
        assert_eq!(values("(2014)"), [2014]);
        assert_eq!(values("© Copyright 1997-2024 INQUIRER"), [1997]);
    }

    /// What `years` reads off a match: the year's group, resolved.
    fn resolved(text: &str) -> Vec<Mention<i32>> {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(caps) = matcher::captures_at(&YEAR, text, at) {
            let m = caps.get(1).expect("group 1 always participates");
            found.push(Mention {
                span: m.range(),
                value: m.as_str().parse().expect("four ASCII digits"),
            });
            at = m.end();
        }
        found
    }

    #[test]
    fn years_read_off_are_the_groups_resolved() {
        let texts = [
            "2020",
            // One year's trailing context is the next one's leading context.
            "2020 2021 (2022)(2023)",
            "in 2020, 2021 and 2100.",
            "x2020 (2020) 2020x 2020-2021 “2020” 2020.5 2020,",
            "Dec.2020 2020:20 /2020 -2020 ٢2020 2020٢ é2020 — 2020",
        ];
        for text in texts {
            assert_eq!(years(text), resolved(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_year_read_off_is_the_group_resolved(
            text in "[0-29 .,:/%x_\n\u{662}é“-]{0,24}"
        ) {
            proptest::prop_assert_eq!(years(&text), resolved(&text));
        }
    }

    #[test]
    fn span_points_at_the_digits() {
        let text = "annexed in 2020.";
        let m = &years(text)[0];
        assert_eq!(&text[m.span.clone()], "2020");
    }

    #[test]
    fn ignores_numbers_that_are_not_years() {
        assert!(values("12,2020 people").is_empty());
        assert!(values("20240104130140-6596fbc4").is_empty());
        assert!(values("3.2019 metres").is_empty());
        assert!(values("1899 or 2101").is_empty());
        assert!(values("2020%").is_empty());
        assert!(values("at 20:20").is_empty());
        // Digits of other scripts: Arabic-Indic, full-width.
        assert!(values("in 20٢٤ and").is_empty());
        assert!(values("in ２０２４ and").is_empty());
    }
}
