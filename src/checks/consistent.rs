//! `consistent`: every mention of a fact agrees, within a document or across
//! the corpus. The outlier is reported, pointing at the mentions it disagrees with.

use super::error::{SpecError, suggestion};
use super::expect::parse_expected;
use super::intern::TextMap;
use super::locate::{Value, ValueLocator, ValueType};
use super::spec::CheckSpec;
use super::{CheckMeta, Emitter, FactRef, Pending};
use crate::document::Document;
use crate::finding::{Finding, Location};
use jiff::civil::Date;
use rustc_hash::FxHashMap;
use std::ops::Range;
use toml::Spanned;

/// How many agreeing mentions a finding points at.
const MAX_RELATED: usize = 3;

/// Compiled `consistent` check.
#[derive(Debug)]
pub struct Consistent {
    locator: ValueLocator,
    /// The true value, when the check knows it; otherwise the majority decides.
    canonical: Option<Value>,
    /// `group-by = "date"`: only mentions of one event are compared
    /// ([`by_event`]).
    by_date: bool,
}

impl Consistent {
    pub fn compile(spec: &CheckSpec) -> Result<Self, SpecError> {
        let locator = ValueLocator::of_check(spec, "a `consistent` check")?;
        let canonical = match &spec.canonical {
            Some(c) => {
                let mut values = parse_expected(locator.kind, c)?;
                if values.len() != 1 {
                    return Err(SpecError::new("`canonical` must be one value")
                        .at(c.span(), "more than one"));
                }
                values.pop()
            }
            None => None,
        };
        let by_date = match &spec.group_by {
            Some(group_by) => {
                check_group_by(spec, group_by, locator.kind)?;
                true
            }
            None => false,
        };
        Ok(Self {
            locator,
            canonical,
            by_date,
        })
    }

    /// Where the value is read.
    pub fn locator(&self) -> &ValueLocator {
        &self.locator
    }

    /// Collects every mention as a fact; they are compared in [`Self::reduce`].
    /// Grouped by date, a mention is dated by its sentence ([`event_of`]).
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        let mentions = self.locator.locate(doc, unit.clone(), emit.values());
        // The sentence's dates are read only where it has something to date.
        let events = if self.by_date && !mentions.is_empty() {
            emit.values().event_dates(doc, unit)
        } else {
            Vec::new()
        };
        for mention in mentions {
            if mention.value == Value::UnresolvedDate {
                emit.needs_publication(mention.span);
            } else {
                let event = event_of(doc, &events, &mention.span);
                emit.fact(mention.span, mention.value, event);
            }
        }
    }

    /// Findings for the mentions that disagree with the canonical value or the
    /// majority, comparing only values that can be compared (a range in km is
    /// not checked against a speed).
    pub fn reduce<'a, F: FactRef<'a>>(
        &'a self,
        meta: &'a CheckMeta,
        facts: &[F],
    ) -> Vec<Pending<'a>> {
        if self.by_date {
            return by_event(facts)
                .iter()
                .flat_map(|event| self.reduce_kinds(meta, event))
                .collect();
        }
        self.reduce_kinds(meta, facts)
    }

    /// Compares the mentions of each kind of value on their own.
    fn reduce_kinds<'a, F: FactRef<'a>>(
        &'a self,
        meta: &'a CheckMeta,
        facts: &[F],
    ) -> Vec<Pending<'a>> {
        // Most checks read values of one kind: no need to copy them into groups.
        let Some(first) = facts.first() else {
            return Vec::new();
        };
        if facts
            .iter()
            .all(|f| first.value().comparable_with(f.value()))
        {
            return self.reduce_comparable(meta, facts);
        }
        let mut groups: Vec<Vec<F>> = Vec::new();
        for &fact in facts {
            match groups
                .iter_mut()
                .find(|g| g[0].value().comparable_with(fact.value()))
            {
                Some(group) => group.push(fact),
                None => groups.push(vec![fact]),
            }
        }
        groups
            .iter()
            .flat_map(|group| self.reduce_comparable(meta, group))
            .collect()
    }

    fn reduce_comparable<'a, F: FactRef<'a>>(
        &'a self,
        meta: &'a CheckMeta,
        facts: &[F],
    ) -> Vec<Pending<'a>> {
        // Mentions with the same normalised value are weighed once each, so a
        // large corpus costs one pass plus a comparison of distinct values.
        let mut distinct: Vec<(&Value, usize)> = Vec::new();
        let mut seen: TextMap<String, usize> = TextMap::default();
        // Facts of the corpus store share their values: each is written out
        // once, not once per mention.
        let mut written_out: FxHashMap<*const Value, usize> = FxHashMap::default();
        for &fact in facts {
            let value = fact.value();
            let index = *written_out.entry(value).or_insert_with(|| {
                let next = distinct.len();
                let index = *seen.entry(value.to_string()).or_insert(next);
                if index == next {
                    distinct.push((value, 0));
                }
                index
            });
            distinct[index].1 += 1;
        }
        let reference = match &self.canonical {
            Some(canonical) if !facts[0].value().comparable_with(canonical) => {
                return Vec::new();
            }
            Some(canonical) => canonical,
            None => {
                let support = |v: &Value| -> usize {
                    distinct
                        .iter()
                        .filter(|(d, _)| v.agrees(d))
                        .map(|(_, n)| n)
                        .sum()
                };
                // A value that agrees with every mention ("at least five"
                // beside "five" and "nine") backs whichever is chosen, but
                // cannot be the reference: only one that disagrees with some
                // mention can. None does when all mentions agree.
                let Some((best, _)) = distinct
                    .iter()
                    .map(|(v, _)| (*v, support(v)))
                    .filter(|&(_, s)| s < facts.len())
                    .enumerate()
                    .max_by_key(|(i, (_, s))| (*s, std::cmp::Reverse(*i)))
                    .map(|(_, best)| best)
                else {
                    return Vec::new();
                };
                let backing = support(best);
                if backing * 2 <= facts.len() {
                    let facts = facts.to_vec();
                    let flagged = facts[facts.len() - 1];
                    return vec![Pending::one(flagged.path(), move || {
                        Some(no_majority_finding(meta, &facts))
                    })];
                }
                best
            }
        };
        // Mentions of the reference itself come first: "five", not "at
        // least four", is what a toll of four disagrees with.
        // Read in two passes rather than split into two lists: only the first
        // few are kept, and the facts of a large corpus are many.
        let reference_index = seen.get(&reference.to_string());
        let is_reference =
            |f: &F| written_out.get(&std::ptr::from_ref(f.value())) == reference_index;
        let agreeing_where = |reference_itself: bool| {
            facts
                .iter()
                .copied()
                .filter(move |f| f.value().agrees(reference) && is_reference(f) == reference_itself)
        };
        let agreeing = first_agreeing(agreeing_where(true).chain(agreeing_where(false)));
        let expected = match (&self.canonical, agreeing.first()) {
            (None, Some(&first)) => written(first),
            _ => reference.to_string(),
        };
        let outliers: Vec<F> = facts
            .iter()
            .copied()
            .filter(|f| !f.value().agrees(reference))
            .collect();
        Pending::each(outliers.iter().map(|f| f.path()).collect(), move |i| {
            Some(outlier_finding(meta, outliers[i], &agreeing, &expected))
        })
        .collect()
    }
}

/// `group-by = "date"` reads numbers and measurements of one article.
fn check_group_by(
    spec: &CheckSpec,
    group_by: &Spanned<String>,
    kind: ValueType,
) -> Result<(), SpecError> {
    if group_by.get_ref() != "date" {
        return Err(
            SpecError::new(format!("unknown grouping `{}`", group_by.get_ref()))
                .at(group_by.span(), "not a grouping")
                .help(suggestion(group_by.get_ref(), &["date"])),
        );
    }
    if spec
        .scope
        .as_ref()
        .is_none_or(|s| s.get_ref() != "document")
    {
        return Err(
            SpecError::new("`group-by` compares the mentions of one article")
                .at(group_by.span(), "needs `scope = \"document\"`")
                .help(
                    "add `scope = \"document\"`, or remove `group-by` to compare across the corpus",
                ),
        );
    }
    if matches!(kind, ValueType::Date | ValueType::Weekday) {
        return Err(SpecError::new("dates cannot be grouped by date")
            .at(group_by.span(), "this check reads dates")
            .help("remove `group-by`"));
    }
    Ok(())
}

/// The day of the event a mention at `span` tells of, from the `events` of
/// its sentence: a date right after it, in its clause ("five people killed
/// in Tuesday's strikes", "killed five on Tuesday"), else the nearest date
/// before it ("the Dec. 29 bombardment, which killed 39, and a Dec. 30
/// strike"), else the nearest after.
fn event_of(doc: &Document, events: &[(Range<usize>, Date)], span: &Range<usize>) -> Option<Date> {
    let after = events
        .iter()
        .filter(|(date, _)| date.start >= span.end)
        .min_by_key(|(date, _)| date.start);
    let attached = after.filter(|(date, _)| {
        let between = &doc.lintable[span.end..date.start];
        between.len() <= ATTACHED_WITHIN
            && !between.contains([',', ';', '(', '—', '–'])
            && !between.contains(" and ")
    });
    let before = || {
        events
            .iter()
            .filter(|(date, _)| date.end <= span.start)
            .max_by_key(|(date, _)| date.end)
    };
    attached.or_else(before).or(after).map(|&(_, day)| day)
}

/// How far after a mention a date in its clause still dates it ("five
/// people were killed in Tuesday's"): a few words.
const ATTACHED_WITHIN: usize = 32;

/// The mentions of each event, for `group-by = "date"`: those dated on one
/// day ([`crate::checks::Fact::event`]), apart from those of other days, as
/// "the Jan. 2 attack killed five" and "the Dec. 30 strike killed 25" are
/// tolls of two attacks. A mention with no date is of the article's main
/// event: the day more mentions are dated than any other. With no such day
/// ("the Dec. 29 onslaught killed 39, a Dec. 30 strike killed 25" after
/// "that assault killed five"), the undated mentions are compared among
/// themselves.
fn by_event<'a, F: FactRef<'a>>(facts: &[F]) -> Vec<Vec<F>> {
    let mut days: Vec<(Date, usize)> = Vec::new();
    for day in facts.iter().filter_map(|f| f.event()) {
        match days.iter_mut().find(|(d, _)| *d == day) {
            Some((_, count)) => *count += 1,
            None => days.push((day, 1)),
        }
    }
    let main = days
        .iter()
        .enumerate()
        .max_by_key(|&(i, &(_, count))| (count, std::cmp::Reverse(i)))
        .map(|(_, &(day, _))| day);
    // The main event first, then one for each other day.
    let others: Vec<Date> = days
        .iter()
        .map(|&(day, _)| day)
        .filter(|&day| Some(day) != main)
        .collect();
    let mut events: Vec<Vec<F>> = vec![Vec::new(); others.len() + 1];
    for &fact in facts {
        let at = fact
            .event()
            .and_then(|day| others.iter().position(|&d| d == day))
            .map_or(0, |i| i + 1);
        events[at].push(fact);
    }
    events.retain(|event| !event.is_empty());
    events
}

/// The first of the `agreeing` mentions, as many as an outlier's related
/// locations can need: until, whichever file the outlier is in, `MAX_RELATED`
/// of them are in other files (all of them, if that never happens).
fn first_agreeing<'a, F: FactRef<'a>>(agreeing: impl Iterator<Item = F>) -> Vec<F> {
    let mut first = Vec::new();
    let mut per_file: TextMap<&str, usize> = TextMap::default();
    let mut most_in_one_file = 0;
    for fact in agreeing {
        first.push(fact);
        let mine = per_file.entry(fact.path()).or_default();
        *mine += 1;
        most_in_one_file = most_in_one_file.max(*mine);
        if first.len() - most_in_one_file >= MAX_RELATED {
            break;
        }
    }
    first
}

/// The outlier as primary span, a few agreeing mentions as related: those in
/// other articles first.
fn outlier_finding<'a, F: FactRef<'a>>(
    meta: &CheckMeta,
    outlier: F,
    agreeing: &[F],
    expected: &str,
) -> Finding {
    let mut finding = meta.finding(outlier.location(), &written(outlier), expected);
    let same_file = |f: &&F| f.path() == outlier.path();
    let elsewhere = agreeing.iter().filter(|f| !same_file(f)).take(MAX_RELATED);
    let here = agreeing.iter().filter(same_file).take(MAX_RELATED);
    finding.related = elsewhere
        .chain(here)
        .take(MAX_RELATED)
        .map(|&f| related(f, outlier))
        .collect();
    finding
}

/// With no majority, one finding shows every mention. It flags the last:
/// an article gives its facts first in its lede, the part most read and
/// checked, and a figure that drifts does so further down.
fn no_majority_finding<'a, F: FactRef<'a>>(meta: &CheckMeta, facts: &[F]) -> Finding {
    let (&last, earlier) = facts.split_last().expect("a comparison has mentions");
    let others: Vec<String> = earlier.iter().map(|&f| written(f)).collect();
    let mut finding = meta.finding(last.location(), &written(last), &others.join(", "));
    finding.related = earlier.iter().map(|&f| related(f, last)).collect();
    finding
}

/// A mention as written, with the value read from it.
fn written<'a, F: FactRef<'a>>(fact: F) -> String {
    format!("{} ({})", fact.text(), fact.value())
}

fn related<'a, F: FactRef<'a>>(fact: F, from: F) -> Location {
    let whose = if fact.path() == from.path() {
        "this article also says"
    } else {
        "another article says"
    };
    fact.location()
        .with_label(format!("{whose} {}", written(fact)))
}

#[cfg(test)]
mod tests {
    use crate::checks::flagged_spans as flagged;

    const LAUNCH: &str = r#"
[[check]]
id = "launch"
kind = "consistent"
scope = "document"
when = ['(?i)launch']
value = { type = "date" }
"#;

    #[test]
    fn a_mention_that_agrees_with_all_does_not_hide_a_disagreement() {
        let toll = "[[check]]\nid = \"toll\"\nkind = \"consistent\"\nscope = \"document\"\nwhen = ['killed']\nvalue = { type = \"number\", near = 'killed', window-before = 25 }\n";
        // "At least five" agrees with both five and nine; five and nine disagree.
        let text = "At least five people were killed. Five people were killed, police said. Nine people were killed, a later report said.";
        assert_eq!(
            flagged(toll, text),
            [(
                "Nine".to_string(),
                vec!["Five".to_string(), "five".to_string()]
            )]
        );
        // When every mention agrees with every other, nothing is flagged.
        assert!(
            flagged(
                toll,
                "At least five people were killed. Five people were killed."
            )
            .is_empty()
        );
    }

    #[test]
    fn the_outlier_points_at_the_majority() {
        // "a Saturday" after a date is that date's weekday, not a mention of its own.
        let text = "The launch was on Dec. 30. It launched December 30, a Saturday. The launch on December 31 hit a field.";
        assert_eq!(
            flagged(LAUNCH, text),
            [(
                "December 31".to_string(),
                vec!["Dec. 30".to_string(), "December 30".to_string()]
            )]
        );
    }

    #[test]
    fn relative_and_absolute_mentions_of_one_day_agree() {
        // Published Friday 2024-01-05: "Saturday" is 2023-12-30.
        assert!(
            flagged(
                LAUNCH,
                "The launch was on Saturday. The launch on Dec. 30 hit a field."
            )
            .is_empty()
        );
    }

    #[test]
    fn no_majority_gives_one_finding_at_the_last_mention() {
        let found = flagged(
            LAUNCH,
            "The launch was on Dec. 30. The launch was on Dec. 31. The launch was on Jan. 1.",
        );
        assert_eq!(
            found,
            [(
                "Jan. 1".to_string(),
                vec!["Dec. 30".to_string(), "Dec. 31".to_string()]
            )]
        );
    }

    #[test]
    fn canonical_value_wins_over_the_majority() {
        let checks = format!("{LAUNCH}canonical = 2023-12-30\n");
        let found = flagged(
            &checks,
            "The launch was on Dec. 31. The launch was on Dec. 31. The launch was on Dec. 30.",
        );
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .all(|(text, related)| text == "Dec. 31" && related == &["Dec. 30".to_string()])
        );
    }

    const TOLL_BY_DATE: &str = "[[check]]\nid = \"toll\"\nkind = \"consistent\"\nscope = \"document\"\ngroup-by = \"date\"\nwhen = ['killed']\nvalue = { type = \"number\", near = 'killed', window-before = 25 }\n";

    #[test]
    fn grouped_by_date_tolls_of_other_days_are_not_compared() {
        // Published Friday 2024-01-05: "Tuesday" is 2024-01-02.
        let text = "The Jan. 2 attack killed five people. The Dec. 30 strike on Belgorod killed 25 people. Tuesday's strikes killed five, the mayor said.";
        assert!(flagged(TOLL_BY_DATE, text).is_empty());
        // Ungrouped, 25 is the outlier.
        let ungrouped = TOLL_BY_DATE.replace("group-by = \"date\"\n", "");
        assert_eq!(flagged(&ungrouped, text).len(), 1);
    }

    #[test]
    fn grouped_by_date_an_undated_toll_is_the_main_events() {
        // Two mentions are dated Jan. 2, one Dec. 29: the undated "seven" is
        // compared with the Jan. 2 tolls.
        let text = "The Jan. 2 barrage killed five people. A bombardment on Dec. 29 killed 39 people. The Jan. 2 attack killed five. In all, seven people were killed.";
        assert_eq!(
            flagged(TOLL_BY_DATE, text),
            [(
                "seven".to_string(),
                vec!["five".to_string(), "five".to_string()]
            )]
        );
        // A wrong toll dated like the main event is caught too.
        let dated = "The Jan. 2 barrage killed five people. Officials said the attack on Jan. 2 killed seven people. The Jan. 2 attack killed five.";
        assert_eq!(flagged(TOLL_BY_DATE, dated).len(), 1);
    }

    #[test]
    fn grouped_by_date_the_day_something_was_said_dates_no_event() {
        // "said on Wednesday" is when it was reported: the toll is still the
        // main attack's, and disagrees with it.
        let text = "The strikes on Tuesday killed five people. The attack killed five, the mayor told reporters Wednesday. Officials said on Wednesday that seven people were killed in the attack.";
        assert_eq!(flagged(TOLL_BY_DATE, text).len(), 1);
        assert_eq!(flagged(TOLL_BY_DATE, text)[0].0, "seven");
    }

    #[test]
    fn group_by_is_refused_where_it_cannot_apply() {
        let message = |toml: &str| {
            let errors = crate::checks::load::load_str(toml).expect_err("an error");
            format!("{}: {:?}", errors[0].message, errors[0].help)
        };
        let unknown = TOLL_BY_DATE.replace("\"date\"", "\"dates\"");
        assert!(message(&unknown).contains("unknown grouping `dates`"));
        assert!(message(&unknown).contains("`date`"), "suggests the nearest");
        let corpus = TOLL_BY_DATE.replace("\"document\"", "\"corpus\"");
        assert!(message(&corpus).contains("one article"));
        let of_dates = TOLL_BY_DATE.replace("\"number\"", "\"date\"");
        assert!(message(&of_dates).contains("dates cannot be grouped"));
        let forbid =
            "[[check]]\nid = \"f\"\nkind = \"forbid\"\npattern = 'x'\ngroup-by = \"date\"\n";
        assert!(message(forbid).contains("`group-by` is not a key of `forbid` checks"));
    }

    #[test]
    fn a_measure_up_to_a_value_is_that_value() {
        let checks = "[[check]]\nid = \"range\"\nkind = \"consistent\"\nscope = \"document\"\nwhen = ['range']\nvalue = { type = \"quantity\" }\n";
        // "up to 1,900 km" is a reach of 1,900 km, which 900 km is not.
        assert_eq!(
            flagged(
                checks,
                "A range of about 900 km. A range of 900 km. A range of up to 1,900 km."
            )[0]
            .0,
            "1,900 km"
        );
        assert!(
            flagged(
                checks,
                "A range of about 900 km. A range of up to 550 miles. A range of up to 900 km."
            )
            .is_empty()
        );
    }

    #[test]
    fn values_of_other_dimensions_are_not_compared() {
        let checks = r#"
[[check]]
id = "range"
kind = "consistent"
scope = "document"
when = ['(?i)range|speed']
value = { type = "quantity" }
"#;
        assert!(
            flagged(
                checks,
                "A range of 900 km. A range of 550 miles. It flies at 10 times the speed of sound."
            )
            .is_empty()
        );
        assert_eq!(
            flagged(
                checks,
                "A range of 900 km. A range of 900 km. A range of 350 miles."
            )
            .len(),
            1
        );
    }
}
