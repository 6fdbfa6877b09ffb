//! `expect`: in scopes where the gate admits, the located value must be one of
//! the expected values.

use super::Emitter;
use super::error::SpecError;
use super::locate::{Value, ValueLocator, ValueType, extract};
use super::spec::CheckSpec;
use crate::document::Document;
use crate::values::Interval;
use crate::values::number::Number;
use std::ops::Range;
use toml::Spanned;

/// Compiled `expect` check.
#[derive(Debug)]
pub struct Expect {
    locator: ValueLocator,
    expected: Vec<Value>,
    /// Whether replacing the value with the (single) expected one is a safe fix.
    fix: bool,
}

impl Expect {
    pub fn compile(spec: &CheckSpec) -> Result<Self, SpecError> {
        let locator = ValueLocator::of_check(spec, "an `expect` check")?;
        let Some(expected) = &spec.expected else {
            return Err(SpecError::new("an `expect` check needs `expected`")
                .at(spec.kind.span(), "this check expects nothing"));
        };
        let expected = parse_expected(locator.kind, expected)?;
        if spec.fix && expected.len() != 1 {
            return Err(
                SpecError::new("`fix = true` needs exactly one expected value")
                    .at(spec.kind.span(), "in this check"),
            );
        }
        Ok(Self {
            locator,
            expected,
            fix: spec.fix,
        })
    }

    /// Where the value is read.
    pub fn locator(&self) -> &ValueLocator {
        &self.locator
    }

    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        for mention in self.locator.locate(doc, unit, emit.values()) {
            if mention.value == Value::UnresolvedDate {
                emit.needs_publication(mention.span);
                continue;
            }
            // Kept for `factlint facts`; expect checks compare nothing across mentions.
            emit.fact(mention.span.clone(), mention.value.clone(), None);
            if self.expected.iter().any(|e| e.agrees(&mention.value)) {
                continue;
            }
            let expected = self.expected_text();
            let fix = self.fix.then(|| expected.clone());
            emit.report(mention.span, &mention.value.to_string(), &expected, fix);
        }
    }

    fn expected_text(&self) -> String {
        let all: Vec<String> = self.expected.iter().map(Value::to_string).collect();
        all.join(" or ")
    }
}

/// `expected = 2022`, `[2022, 2023]`, `2023-12-30`, `"Tuesday"`, `"more than 1,000"`,
/// `{ min = 1000, max = 1500 }`, `"about 900 km"`: typed by the value type.
pub fn parse_expected(
    kind: ValueType,
    expected: &Spanned<toml::Value>,
) -> Result<Vec<Value>, SpecError> {
    let items: Vec<&toml::Value> = match expected.get_ref() {
        toml::Value::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    items
        .into_iter()
        .map(|item| {
            expected_value(kind, item).ok_or_else(|| {
                SpecError::new(format!(
                    "`expected` must be {}",
                    EXPECTED_FORMS[kind as usize]
                ))
                .at(expected.span(), "this value")
            })
        })
        .collect()
}

/// What `expected` looks like for each value type, in `ValueType` order.
const EXPECTED_FORMS: [&str; 5] = [
    "a year (an integer such as 2022) or a list of years",
    "a date (2023-12-30) or a list of dates",
    "a weekday (\"Tuesday\")",
    "a number, a phrase (\"more than 1,000\") or a range ({ min = 1000, max = 1500 })",
    "a measurement (\"about 900 km\")",
];

fn expected_value(kind: ValueType, item: &toml::Value) -> Option<Value> {
    let one = |text: &str| {
        let published = None;
        let context = crate::values::date::DateContext {
            published,
            numeric_order: crate::values::date::NumericOrder::MonthFirst,
        };
        let mut found = extract(kind, text, &context);
        (found.len() == 1).then(|| found.remove(0).value)
    };
    match (kind, item) {
        (ValueType::Year, toml::Value::Integer(y)) => i32::try_from(*y).ok().map(Value::Year),
        (ValueType::Date, toml::Value::Datetime(d)) => {
            let date = crate::corpus::toml_date(d)?;
            Some(Value::Date {
                first: date,
                last: date,
            })
        }
        (ValueType::Number, toml::Value::Integer(n)) => Some(number(Interval::exact(*n as f64))),
        (ValueType::Number, toml::Value::Float(n)) => Some(number(Interval::exact(*n))),
        (ValueType::Number, toml::Value::Table(t)) => {
            let bound = |key: &str| match t.get(key)? {
                toml::Value::Integer(n) => Some(*n as f64),
                toml::Value::Float(n) => Some(*n),
                _ => None,
            };
            let (lo, hi) = (bound("min")?, bound("max")?);
            (lo <= hi && t.len() == 2).then(|| number(Interval::closed(lo, hi)))
        }
        (_, toml::Value::String(text)) => one(text).filter(|v| *v != Value::UnresolvedDate),
        _ => None,
    }
}

/// An expected number: a range written by the check's author is exact as given.
fn number(interval: Interval) -> Value {
    Value::Number(Number {
        value: interval.lo,
        interval,
        qualifier: None,
        qualifier_span: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::checks::load::load_str;

    const ANNEXATION: &str = r#"
[[check]]
id = "annexation-year"
kind = "expect"
when = ['(?i)\bfour (?:\w+ )?regions\b', '(?i)annex|seiz']
value = { type = "year", near = '(?i)annex\w*|seiz\w*', subject = '(?i)\bregions\b', rival = '(?i)Crimea' }
expected = 2022
fix = true
message = "annexed in {expected}, not {found}"
"#;

    fn run(text: &str) -> Vec<(String, String, Option<String>)> {
        crate::checks::findings_of(ANNEXATION, text)
            .into_iter()
            .map(|f| {
                (
                    f.primary.text().to_string(),
                    f.message,
                    f.fix.map(|x| x.replacement),
                )
            })
            .collect()
    }

    #[test]
    fn wrong_year_is_flagged_with_fix() {
        let found = run(
            "It is one of four regions that the Kremlin claimed to have annexed in 2020 but still.",
        );
        assert_eq!(
            found,
            [(
                "2020".into(),
                "annexed in 2022, not 2020".into(),
                Some("2022".into())
            )]
        );
    }

    #[test]
    fn right_year_and_other_events_pass() {
        assert!(run("Moscow claimed to annex four regions in 2022.").is_empty());
        assert!(run("In 2020, Washington imposed sanctions.").is_empty());
        assert!(
            run("Russia seized Crimea in 2014 and claimed to annex four regions in 2022.")
                .is_empty()
        );
    }

    #[test]
    fn expected_must_match_the_type() {
        let bad = ANNEXATION.replace("expected = 2022", "expected = \"soon\"");
        let e = load_str(&bad).err().unwrap();
        assert!(e[0].message.contains("must be a year"));
    }
}
