//! `relation`: two values in one scope obey an order — drones downed cannot
//! outnumber drones launched, the dead cannot outnumber the casualties.

use super::Emitter;
use super::error::SpecError;
use super::locate::{Value, ValueLocator};
use super::spec::CheckSpec;
use crate::document::Document;
use crate::values::{Interval, Mention};
use std::ops::Range;

/// The comparison in `assert = "left <= right"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Operator {
    Less,
    LessOrEqual,
    Equal,
    GreaterOrEqual,
    Greater,
}

impl Operator {
    const SYMBOLS: [(&str, Operator); 5] = [
        ("<=", Operator::LessOrEqual),
        (">=", Operator::GreaterOrEqual),
        ("==", Operator::Equal),
        ("<", Operator::Less),
        (">", Operator::Greater),
    ];

    /// Whether some value of `left` and some value of `right` satisfy the relation:
    /// vague mentions ("nearly 30") are only wrong when no reading makes them right.
    fn can_hold(self, left: &Interval, right: &Interval) -> bool {
        match self {
            Operator::LessOrEqual => !right.entirely_below(left),
            Operator::Less => left.lo < right.hi,
            Operator::GreaterOrEqual => !left.entirely_below(right),
            Operator::Greater => right.lo < left.hi,
            Operator::Equal => left.overlaps(right),
        }
    }
}

/// Compiled `relation` check.
#[derive(Debug)]
pub struct Relation {
    left: (String, ValueLocator),
    operator: Operator,
    right: (String, ValueLocator),
    assertion: String,
}

impl Relation {
    pub fn compile(spec: &CheckSpec) -> Result<Self, SpecError> {
        let Some(assert) = &spec.assert else {
            return Err(
                SpecError::new("a `relation` check needs `assert = \"a <= b\"`")
                    .at(spec.kind.span(), "this check asserts nothing"),
            );
        };
        let text = assert.get_ref();
        let Some((symbol, operator)) = Operator::SYMBOLS.iter().find(|(s, _)| text.contains(s))
        else {
            return Err(SpecError::new("`assert` needs one of <, <=, ==, >=, >")
                .at(assert.span(), "no operator"));
        };
        let (left, right) = text.split_once(symbol).unwrap_or_default();
        let values = spec.values.as_ref();
        let locator = |name: &str| -> Result<(String, ValueLocator), SpecError> {
            let name = name.trim();
            let spec = values.and_then(|v| v.get(name)).ok_or_else(|| {
                SpecError::new(format!(
                    "`assert` names `{name}`, which `values` does not define"
                ))
                .at(assert.span(), "in this assertion")
                .help(format!(
                    "add `values.{name} = {{ type = \"number\", near = '…' }}`"
                ))
            })?;
            Ok((name.to_string(), ValueLocator::compile(spec)?))
        };
        Ok(Self {
            left: locator(left)?,
            operator: *operator,
            right: locator(right)?,
            assertion: text.trim().to_string(),
        })
    }

    /// Where the two values are read.
    pub fn locators(&self) -> [&ValueLocator; 2] {
        [&self.left.1, &self.right.1]
    }

    /// Flags each left value that cannot stand in the relation with the nearest
    /// right value of its claim.
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        let mut left = self
            .left
            .1
            .locate_with_distance(doc, unit.clone(), emit.values());
        let mut right = self.right.1.locate_with_distance(doc, unit, emit.values());
        // A number claimed by both roles belongs to the closer anchor.
        left.retain(|(l, dl)| !right.iter().any(|(r, dr)| r.span == l.span && dr < dl));
        right.retain(|(r, dr)| !left.iter().any(|(l, dl)| l.span == r.span && dl <= dr));
        for (l, _) in &left {
            let of_its_claim = right
                .iter()
                .map(|(r, _)| r)
                .filter(|r| same_claim(&doc.lintable, &l.span, &r.span));
            let Some(r) = nearest(of_its_claim, &l.span) else {
                continue;
            };
            let (Some(li), Some(ri)) = (l.value.interval(), r.value.interval()) else {
                continue;
            };
            if self.operator.can_hold(&li, &ri) {
                continue;
            }
            let text = |m: &Mention<Value>| doc.text[m.span.clone()].to_string();
            let found = format!("{} {}", self.left.0, text(l));
            let label = format!("{} {}", self.right.0, text(r));
            emit.report_related(
                l.span.clone(),
                &found,
                &self.assertion,
                None,
                vec![(r.span.clone(), label)],
            );
        }
    }
}

fn nearest<'a>(
    mentions: impl Iterator<Item = &'a Mention<Value>>,
    to: &Range<usize>,
) -> Option<&'a Mention<Value>> {
    mentions.min_by_key(|m| m.span.start.abs_diff(to.start))
}

/// Words where a sentence passes from one claim to another, whose counts are
/// not compared: "Russia said it downed 36 drones over Crimea, while Ukraine
/// said 21 of the 28 launched were destroyed" holds two nights' counts.
const CLAIM_BREAKS: &[&str] = &["while", "whereas"];

/// Whether no word of [`CLAIM_BREAKS`] lies between two spans of `text`
/// (words as a regex's ASCII `\w` parts them).
fn same_claim(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let between = text
        .get(a.end.min(b.end)..a.start.max(b.start))
        .unwrap_or("");
    !between
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|word| CLAIM_BREAKS.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use crate::checks::load::load_str;

    const DRONES: &str = r#"
[[check]]
id = "drones-downed"
kind = "relation"
values.downed = { type = "number", near = '(?i)\b(?:downed|shot down|intercepted|destroyed)\b', window-before = 30 }
values.launched = { type = "number", near = '(?i)\b(?:launched|fired|sent|with)\b' }
assert = "downed <= launched"
"#;

    fn run(text: &str) -> Vec<(String, Vec<String>)> {
        crate::checks::flagged_spans(DRONES, text)
    }

    #[test]
    fn more_downed_than_launched_is_flagged_at_the_downed_count() {
        assert_eq!(
            run("Russia launched 25 drones overnight, and Ukraine said it shot down 31 of them."),
            [("31".to_string(), vec!["25".to_string()])]
        );
    }

    #[test]
    fn vague_counts_that_can_hold_pass() {
        assert!(run("Russia attacked Ukraine with nearly 30 drones overnight, but 21 of them had been downed.").is_empty());
        assert!(run("Russia launched 30 drones; 30 were shot down.").is_empty());
    }

    #[test]
    fn counts_of_two_claims_in_one_sentence_are_not_compared() {
        assert!(
            run("Russia said it had downed 36 drones over Crimea, while Ukraine said 28 drones were launched and 21 destroyed.")
                .is_empty()
        );
        assert!(
            run("Moscow says 36 drones were downed over Crimea, whereas Kyiv says Russia sent nearly 30 and 21 were downed.")
                .is_empty()
        );
    }

    #[test]
    fn counts_on_either_side_of_other_clauses_are_compared() {
        assert_eq!(
            run("Russia sent 90 drones; the air force says 97 of them were shot down."),
            [("97".to_string(), vec!["90".to_string()])]
        );
        assert_eq!(
            run("Russia launched 25 drones overnight, and Ukraine said it shot down 31 of them."),
            [("31".to_string(), vec!["25".to_string()])]
        );
    }

    #[test]
    fn an_elliptical_count_after_and_is_its_own_clauses() {
        assert_eq!(
            run("Russia launched 19 drones and 21 were shot down."),
            [("21".to_string(), vec!["19".to_string()])]
        );
        assert!(run("Russia launched 29 drones and 21 were shot down.").is_empty());
    }

    #[test]
    fn unknown_value_name_is_an_error() {
        let bad = DRONES.replace("downed <= launched", "downed <= fired");
        let e = load_str(&bad).err().unwrap();
        assert!(e[0].message.contains("`fired`"), "{}", e[0].message);
    }
}
