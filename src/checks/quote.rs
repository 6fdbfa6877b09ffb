//! `quote`: a quotation keeps its wording across articles. Versions of one
//! quotation (sharing a passage) are compared word by word; an excerpt of a
//! longer version passes, a changed word does not.

use super::error::SpecError;
use super::locate::Value;
use super::spec::CheckSpec;
use super::{CheckMeta, Emitter, Fact, compile_regex};
use crate::document::Document;
use crate::finding::{Finding, Location};
use crate::values::quote::{Quotation, Word, drift, quotations, same_quotation, words};
use regex::Regex;
use std::ops::Range;

/// Quotations shorter than this are scare quotes or fragments.
const MIN_WORDS: usize = 5;
/// Shared words that, with most words shared, make two quotations versions of one.
const MIN_SHARED: usize = 4;

/// Compiled `quote` check.
#[derive(Debug)]
pub struct QuoteCheck {
    /// Only quotations whose sentence (or the one before) names this speaker.
    speaker: Option<Regex>,
    /// The true wordings, when the check knows them.
    canonical: Vec<Vec<Word>>,
}

impl QuoteCheck {
    pub fn compile(spec: &CheckSpec) -> Result<Self, SpecError> {
        let speaker = spec.speaker.as_ref().map(compile_regex).transpose()?;
        let canonical = match spec.canonical.as_ref().map(|c| (c, c.get_ref())) {
            None => Vec::new(),
            Some((_, toml::Value::String(s))) => vec![words(s, 0..s.len())],
            Some((_, toml::Value::Array(items))) if items.iter().all(toml::Value::is_str) => items
                .iter()
                .filter_map(toml::Value::as_str)
                .map(|s| words(s, 0..s.len()))
                .collect(),
            Some((c, _)) => {
                return Err(
                    SpecError::new("`canonical` must be a quotation or a list of them")
                        .at(c.span(), "this value"),
                );
            }
        };
        Ok(Self { speaker, canonical })
    }

    /// Collects the quotations of a sentence as facts.
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        if let Some(speaker) = &self.speaker {
            let previous = doc
                .sentences
                .iter()
                .take_while(|s| s.span.start < unit.start)
                .last()
                .map_or(unit.start, |s| s.span.start);
            if !speaker.is_match(&doc.lintable[previous..unit.end]) {
                return;
            }
        }
        let text = &doc.lintable[unit.clone()];
        for mut quote in quotations(text, MIN_WORDS) {
            for word in &mut quote.value.words {
                word.span = unit.start + word.span.start..unit.start + word.span.end;
            }
            let span = unit.start + quote.span.start..unit.start + quote.span.end;
            emit.fact(span, Value::Quote(quote.value));
        }
    }

    /// One finding per drifted quotation (or per group, when no wording has a majority).
    pub fn reduce(&self, meta: &CheckMeta, facts: &[&Fact]) -> Vec<Finding> {
        let quotes: Vec<(&Fact, &Quotation)> = facts
            .iter()
            .filter_map(|f| match &f.value {
                Value::Quote(q) => Some((*f, q)),
                _ => None,
            })
            .collect();
        if !self.canonical.is_empty() {
            return quotes
                .iter()
                .filter_map(|(fact, quote)| {
                    let canonical = self
                        .canonical
                        .iter()
                        .find(|c| same_quotation(&quote.words, c, MIN_SHARED))?;
                    let d = drift(&quote.words, canonical)?;
                    let theirs: Vec<&str> = canonical[d.theirs]
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect();
                    let expected = format!("“{}”", theirs.join(" "));
                    Some(meta.finding(
                        words_location(fact, quote, d.ours.clone()),
                        &found(fact, quote, &d.ours),
                        &expected,
                    ))
                })
                .collect();
        }
        let mut findings = Vec::new();
        for group in versions(&quotes) {
            let agree =
                |a: usize, b: usize| drift(&quotes[a].1.words, &quotes[b].1.words).is_none();
            let support: Vec<usize> = group
                .iter()
                .map(|&a| group.iter().filter(|&&b| agree(a, b)).count())
                .collect();
            if support.iter().all(|&s| s == group.len()) {
                continue;
            }
            let best = (0..group.len())
                .max_by_key(|&i| (support[i], std::cmp::Reverse(i)))
                .unwrap_or(0);
            if support[best] * 2 > group.len() {
                let reference = group[best];
                for &i in group.iter().filter(|&&i| !agree(i, reference)) {
                    findings.extend(drift_finding(meta, &quotes, i, reference));
                }
            } else if let Some(&other) = group.iter().skip(1).find(|&&i| !agree(group[0], i)) {
                findings.extend(drift_finding(meta, &quotes, group[0], other));
            }
        }
        findings
    }
}

/// Groups of quotation indices that are versions of one quotation.
fn versions(quotes: &[(&Fact, &Quotation)]) -> Vec<Vec<usize>> {
    let mut group_of: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..quotes.len() {
        let joined =
            (0..i).find(|&j| same_quotation(&quotes[i].1.words, &quotes[j].1.words, MIN_SHARED));
        match joined.and_then(|j| group_of[j]) {
            Some(g) => {
                groups[g].push(i);
                group_of[i] = Some(g);
            }
            None => {
                group_of[i] = Some(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups.retain(|g| g.len() > 1);
    groups
}

/// A finding at the words of quotation `i` that differ from quotation `other`.
fn drift_finding(
    meta: &CheckMeta,
    quotes: &[(&Fact, &Quotation)],
    i: usize,
    other: usize,
) -> Option<Finding> {
    let (fact, quote) = quotes[i];
    let (other_fact, other_quote) = quotes[other];
    let d = drift(&quote.words, &other_quote.words)?;
    let theirs = words_location(other_fact, other_quote, d.theirs.clone());
    let expected = format!("“{}”", theirs.text());
    let whose = if other_fact.location.path == fact.location.path {
        "elsewhere this article"
    } else {
        "another article"
    };
    let label = format!(
        "{whose} quotes “{}”",
        other_fact.location.text().trim_end_matches([',', '.'])
    );
    let mut finding = meta.finding(
        words_location(fact, quote, d.ours.clone()),
        &found(fact, quote, &d.ours),
        &expected,
    );
    finding.related = vec![theirs.with_label(label)];
    Some(finding)
}

/// The words `range` of a quotation as written.
fn found(fact: &Fact, quote: &Quotation, range: &Range<usize>) -> String {
    format!("“{}”", words_location(fact, quote, range.clone()).text())
}

/// The location of words `range` of a quotation, inside the fact's location.
fn words_location(fact: &Fact, quote: &Quotation, range: Range<usize>) -> Location {
    let (Some(first), Some(last)) = (
        quote.words.get(range.start),
        quote.words.get(range.end.saturating_sub(1)),
    ) else {
        return fact.location.clone();
    };
    fact.location.narrow(first.span.start..last.span.end)
}
