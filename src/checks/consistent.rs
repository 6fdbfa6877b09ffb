//! `consistent`: every mention of a fact agrees, within a document or across
//! the corpus. The outlier is reported, pointing at the mentions it disagrees with.

use super::error::SpecError;
use super::expect::parse_expected;
use super::locate::{Value, ValueLocator};
use super::spec::CheckSpec;
use super::{CheckMeta, Emitter, Fact};
use crate::document::Document;
use crate::finding::{Finding, Location};
use std::ops::Range;

/// How many agreeing mentions a finding points at.
const MAX_RELATED: usize = 3;

/// Compiled `consistent` check.
#[derive(Debug)]
pub struct Consistent {
    locator: ValueLocator,
    /// The true value, when the check knows it; otherwise the majority decides.
    canonical: Option<Value>,
}

impl Consistent {
    pub fn compile(spec: &CheckSpec) -> Result<Self, SpecError> {
        let Some(value) = &spec.value else {
            return Err(
                SpecError::new("a `consistent` check needs `value = { type = … }`")
                    .at(spec.kind.span(), "this check reads no value"),
            );
        };
        let locator = ValueLocator::compile(value)?;
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
        Ok(Self { locator, canonical })
    }

    /// Collects every mention as a fact; they are compared in [`Self::reduce`].
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        for mention in self.locator.locate(doc, unit, emit.values()) {
            if mention.value == Value::UnresolvedDate {
                emit.needs_publication(mention.span);
            } else {
                emit.fact(mention.span, mention.value);
            }
        }
    }

    /// Findings for the mentions that disagree with the canonical value or the
    /// majority, comparing only values that can be compared (a range in km is
    /// not checked against a speed).
    pub fn reduce(&self, meta: &CheckMeta, facts: &[&Fact]) -> Vec<Finding> {
        let mut groups: Vec<Vec<&Fact>> = Vec::new();
        for fact in facts {
            match groups
                .iter_mut()
                .find(|g| g[0].value.comparable_with(&fact.value))
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

    fn reduce_comparable(&self, meta: &CheckMeta, facts: &[&Fact]) -> Vec<Finding> {
        if let Some(canonical) = &self.canonical {
            if !facts[0].value.comparable_with(canonical) {
                return Vec::new();
            }
            return facts
                .iter()
                .filter(|f| !f.value.agrees(canonical))
                .map(|outlier| {
                    let agreeing: Vec<&Fact> = facts
                        .iter()
                        .copied()
                        .filter(|f| f.value.agrees(canonical))
                        .collect();
                    outlier_finding(meta, outlier, &agreeing, &canonical.to_string())
                })
                .collect();
        }
        let support: Vec<usize> = facts
            .iter()
            .map(|f| facts.iter().filter(|g| f.value.agrees(&g.value)).count())
            .collect();
        let Some(best) = (0..facts.len()).max_by_key(|&i| (support[i], std::cmp::Reverse(i)))
        else {
            return Vec::new();
        };
        if support[best] == facts.len() {
            return Vec::new();
        }
        let reference = facts[best];
        let agreeing: Vec<&Fact> = facts
            .iter()
            .copied()
            .filter(|f| f.value.agrees(&reference.value))
            .collect();
        if support[best] * 2 > facts.len() {
            let expected = format!("{} ({})", reference.location.text(), reference.value);
            facts
                .iter()
                .filter(|f| !f.value.agrees(&reference.value))
                .map(|outlier| outlier_finding(meta, outlier, &agreeing, &expected))
                .collect()
        } else {
            vec![no_majority_finding(meta, facts)]
        }
    }
}

/// The outlier as primary span, agreeing mentions (other files first) as related.
fn outlier_finding(
    meta: &CheckMeta,
    outlier: &Fact,
    agreeing: &[&Fact],
    expected: &str,
) -> Finding {
    let found = format!("{} ({})", outlier.location.text(), outlier.value);
    let mut finding = meta.finding(outlier.location.clone(), &found, expected);
    let mut others: Vec<&&Fact> = agreeing.iter().collect();
    others.sort_by_key(|f| f.location.path == outlier.location.path);
    finding.related = others
        .into_iter()
        .take(MAX_RELATED)
        .map(|f| related(f, outlier))
        .collect();
    finding
}

/// With no majority, one finding shows every mention.
fn no_majority_finding(meta: &CheckMeta, facts: &[&Fact]) -> Finding {
    let first = facts[0];
    let written = |f: &Fact| format!("{} ({})", f.location.text(), f.value);
    let others: Vec<String> = facts[1..].iter().map(|f| written(f)).collect();
    let mut finding = meta.finding(first.location.clone(), &written(first), &others.join(", "));
    finding.related = facts[1..].iter().map(|f| related(f, first)).collect();
    finding
}

fn related(fact: &Fact, from: &Fact) -> Location {
    let whose = if fact.location.path == from.location.path {
        "this article also says"
    } else {
        "another article says"
    };
    fact.location
        .clone()
        .with_label(format!("{whose} {} ({})", fact.location.text(), fact.value))
}
