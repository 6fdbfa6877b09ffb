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

/// Every year in `text`, in order.
pub fn years(text: &str) -> Vec<Mention<i32>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(caps) = matcher::captures_at(&YEAR, text, at) {
        let m = caps.get(1).expect("group 1 always participates");
        found.push(Mention {
            span: m.range(),
            value: m.as_str().parse().expect("four ASCII digits"),
        });
        // The trailing context may be the next year's leading context.
        at = m.end();
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
