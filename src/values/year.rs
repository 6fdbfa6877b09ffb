//! Calendar years written as four digits (1900–2100), or in words as a
//! newsreader's script writes them ("twenty-fifteen").

use super::Mention;
use super::number::{SmallWords, small_number, small_words};
use crate::matcher;
use regex_automata::meta::Regex;
use std::sync::LazyLock;

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    // Not part of a longer number, a decimal, a time ("20:24") or an identifier,
    // but the year of a numeric date ("30.9.2022", "30/09/2022").
    // The year's digits are ASCII: `\d` also takes the digits of other scripts
    // ("20٢٤"), which are no year this reads.
    matcher::build_str(r"(?:^|[^\w.,:/-]|(?-u:\b)[0-9]{1,2}[./-][0-9]{1,2}[./-])((?:19|20)[0-9][0-9]|2100)(?:$|[^\w%]|[.,:][^\d]|[.,:]$)")
        .expect("year pattern is valid")
});

/// A year in words: its century ("nineteen", "twenty") and a number from
/// ten to ninety-nine ("twenty-fifteen", "nineteen fifty-four", "twenty
/// twenty-two"), or "two thousand (and) fourteen".
static SPOKEN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let join = |kind| small_words(kind).collect::<Vec<_>>().join("|");
    let units = join(SmallWords::Units);
    let teens = join(SmallWords::Teens);
    let tens = join(SmallWords::Tens);
    let ones = format!("{units}|{teens}");
    let under_hundred = format!(r"(?:{tens})(?:[\s-](?:{units}))?|{teens}");
    matcher::build_str_prefiltered(&format!(
        r"(?i)(?-u:\b)(?:(?P<century>nineteen|twenty)[\s-](?P<rest>{under_hundred})|two[\s-]thousand(?:\s+and)?\s+(?P<since>{under_hundred}|{ones}))(?-u:\b)"
    ))
    .expect("spoken year pattern is valid")
});

/// What every year in words has, in the cases it is written in: its
/// century, or "thousand".
const SPOKEN_CENTURIES: [&[u8]; 6] = [
    b"wenty", b"WENTY", b"ineteen", b"INETEEN", b"housand", b"HOUSAND",
];

/// Every year in `text`, in order: in digits, then (where the text has
/// any) in words.
pub fn years(text: &str) -> Vec<Mention<i32>> {
    let mut found = years_in_digits(text);
    // Most texts have no year in words: they are not searched for one.
    if !SPOKEN_CENTURIES
        .iter()
        .any(|word| memchr::memmem::find(text.as_bytes(), word).is_some())
    {
        return found;
    }
    let mut at = 0;
    while let Some(caps) = matcher::captures_at(&SPOKEN_YEAR, text, at) {
        let Some(whole) = caps.get(0) else { break };
        at = whole.end();
        let value = match (caps.name("century"), caps.name("rest"), caps.name("since")) {
            (Some(century), Some(rest), _) => {
                let century = if century.as_str().eq_ignore_ascii_case("twenty") {
                    20
                } else {
                    19
                };
                small_number(rest.as_str()).map(|rest| century * 100 + rest)
            }
            (_, _, Some(since)) => small_number(since.as_str()).map(|n| 2000 + n),
            _ => None,
        };
        if let Some(value) = value {
            found.push(Mention {
                span: whole.range(),
                value,
            });
        }
    }
    found.sort_by_key(|m| m.span.start);
    found
}

/// The years written in digits. The year is read off each match, not
/// resolved as a group: the context before it is at most one character and
/// no digit (`\w` takes digits), so it starts at the match's first ASCII
/// digit and is four long.
fn years_in_digits(text: &str) -> Vec<Mention<i32>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(m) = matcher::find_at(&YEAR, text, at) {
        // The year is the match's last four digits: what follows it has none.
        let Some(last) = m.as_str().rfind(|c: char| c.is_ascii_digit()) else {
            break;
        };
        let span = m.start() + last - 3..m.start() + last + 1;
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
    fn finds_years_in_words() {
        assert_eq!(values("took it in twenty-fifteen."), [2015]);
        assert_eq!(
            values("Twenty Twenty-Two and nineteen fifty-four"),
            [2022, 1954]
        );
        assert_eq!(
            values("in two thousand and fourteen, in 2014"),
            [2014, 2014]
        );
        assert_eq!(values("two thousand nine"), [2009]);
        let year = &years("in twenty-fifteen.")[0];
        assert_eq!(year.span, 3..17);
        // Counts are not years.
        assert!(
            values("twenty-five drones, nineteen people, twenty five, two thousand people")
                .is_empty()
        );
    }

    #[test]
    fn finds_years_in_prose() {
        assert_eq!(values("annexed in 2020 but"), [2020]);
        assert_eq!(values("the 1948 foundation"), [1948]);
        assert_eq!(values("January 05, 2024."), [2024]);
        assert_eq!(values("(2014)"), [2014]);
        assert_eq!(values("© Copyright 1997-2024 INQUIRER"), [1997]);
        assert_eq!(values("proclaimed on 30.9.2022: Donetsk"), [2022]);
        assert_eq!(values("on 30/09/2022 and 1.5.2023"), [2022, 2023]);
        // Not a version, a decimal or a longer number.
        assert!(values("v1.2.2024 and 1.2024 and 12.30.20245").is_empty());
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
            "30.9.2022 1/2/2023, 12-31-2024. 1.1.20245",
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
