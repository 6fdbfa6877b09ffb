//! `quote`: a quotation keeps its wording across articles. Versions of one
//! quotation (sharing a passage) are compared word by word; an excerpt of a
//! longer version passes, a changed word does not.

use super::error::SpecError;
use super::locate::Value;
use super::pattern::Pattern;
use super::spec::CheckSpec;
use super::{CheckMeta, Emitter, FactRef, Pending};
use crate::document::Document;
use crate::finding::Location;
use crate::matcher;
use crate::values::quote::{Quotation, Word, drift, same_quotation, words};
use regex_automata::meta::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// Verbs of attribution.
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str(
        r"(?i)(?-u:\b)(?:said|says|say|told|tells|added|adds|stated|wrote|continued|according to)(?-u:\b)",
    )
    .expect("valid attribution pattern")
});

/// Quotations shorter than this are scare quotes or fragments.
const MIN_WORDS: usize = 5;
/// Shared words that, with most words shared, make two quotations versions of one.
const MIN_SHARED: usize = 4;

/// Compiled `quote` check.
#[derive(Debug)]
pub struct QuoteCheck {
    /// Only quotations whose sentence (or the one before) names this speaker.
    speaker: Option<Pattern>,
    /// The true wordings, when the check knows them.
    canonical: Vec<Vec<Word>>,
}

impl QuoteCheck {
    pub fn compile(spec: &CheckSpec) -> Result<Self, SpecError> {
        let speaker = spec.speaker.as_ref().map(Pattern::new).transpose()?;
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

    /// The speaker pattern, if any.
    pub fn patterns(&self) -> &[Pattern] {
        self.speaker.as_slice()
    }

    /// Collects the quotations of a sentence as facts.
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        if let Some(speaker) = &self.speaker {
            // A sentence with its own attribution ("…,” Ignat said) names its
            // speaker; otherwise the speaker is in the sentence before.
            let own = &doc.lintable[unit.clone()];
            let scope = if SPEECH.is_match(own) {
                unit.clone()
            } else {
                let before = doc.sentences.partition_point(|s| s.span.start < unit.start);
                let previous = before
                    .checked_sub(1)
                    .map_or(unit.start, |k| doc.sentences[k].span.start);
                previous..unit.end
            };
            if !speaker.is_match(&doc.lintable[scope]) {
                return;
            }
        }
        let found = emit.values().quotations(doc, unit.clone(), MIN_WORDS);
        for quote in found.iter() {
            let span = unit.start + quote.span.start..unit.start + quote.span.end;
            emit.fact(span, quote.value.clone());
        }
    }

    /// One finding per drifted quotation (or per group, when no wording has a majority).
    pub fn reduce<'a, F: FactRef<'a>>(
        &'a self,
        meta: &'a CheckMeta,
        facts: &[F],
    ) -> Vec<Pending<'a>> {
        let quotes: Vec<(F, &Quotation)> = facts
            .iter()
            .filter_map(|&f| match f.value() {
                Value::Quote(q) => Some((f, &**q)),
                _ => None,
            })
            .collect();
        let wordings = distinct_wordings(&quotes);
        if !self.canonical.is_empty() {
            return self.against_canonical(meta, &quotes, &wordings);
        }
        let mut findings = Vec::new();
        for group in versions(&wordings) {
            let agree = |a: usize, b: usize| drift(wordings[a].words, wordings[b].words).is_none();
            let weight = |w: usize| wordings[w].members.len();
            let total: usize = group.iter().map(|&w| weight(w)).sum();
            let support: Vec<usize> = group
                .iter()
                .map(|&a| {
                    group
                        .iter()
                        .filter(|&&b| agree(a, b))
                        .map(|&b| weight(b))
                        .sum()
                })
                .collect();
            if support.iter().all(|&s| s == total) {
                continue;
            }
            let best = (0..group.len())
                .max_by_key(|&i| (support[i], std::cmp::Reverse(i)))
                .unwrap_or(0);
            let reference = wordings[group[best]].members[0];
            if support[best] * 2 > total {
                for &w in group.iter().filter(|&&w| !agree(w, group[best])) {
                    for &member in &wordings[w].members {
                        findings.push(drift_finding(meta, quotes[member], quotes[reference]));
                    }
                }
            } else if let Some(&other) = group.iter().skip(1).find(|&&w| !agree(group[0], w)) {
                let (first, other) = (wordings[group[0]].members[0], wordings[other].members[0]);
                findings.push(drift_finding(meta, quotes[first], quotes[other]));
            }
        }
        findings
    }

    /// Findings for every mention whose wording drifts from a canonical one.
    fn against_canonical<'a, F: FactRef<'a>>(
        &self,
        meta: &'a CheckMeta,
        quotes: &[(F, &'a Quotation)],
        wordings: &[Wording],
    ) -> Vec<Pending<'a>> {
        let mut findings = Vec::new();
        for wording in wordings {
            let Some(canonical) = self
                .canonical
                .iter()
                .find(|c| same_quotation(wording.words, c, MIN_SHARED))
            else {
                continue;
            };
            let Some(d) = drift(wording.words, canonical) else {
                continue;
            };
            let theirs: Vec<&str> = canonical[d.theirs.clone()]
                .iter()
                .map(|w| w.text.as_str())
                .collect();
            let expected: Arc<str> = format!("“{}”", theirs.join(" ")).into();
            for &member in &wording.members {
                let (fact, quote) = quotes[member];
                let (ours, expected) = (d.ours.clone(), expected.clone());
                findings.push(Pending::one(move || {
                    Some(meta.finding(
                        words_location(fact, quote, ours.clone()),
                        &found(fact, quote, &ours),
                        &expected,
                    ))
                }));
            }
        }
        findings
    }
}

/// One wording and the quotations (indices) written that way: identical
/// wordings across a large corpus are compared once.
struct Wording<'a> {
    words: &'a [Word],
    members: Vec<usize>,
}

fn distinct_wordings<'a, F>(quotes: &[(F, &'a Quotation)]) -> Vec<Wording<'a>> {
    let mut index: HashMap<Vec<&str>, usize> = HashMap::new();
    let mut wordings: Vec<Wording> = Vec::new();
    for (i, (_, quote)) in quotes.iter().enumerate() {
        let key: Vec<&str> = quote.words.iter().map(|w| w.text.as_str()).collect();
        match index.get(&key) {
            Some(&w) => wordings[w].members.push(i),
            None => {
                index.insert(key, wordings.len());
                wordings.push(Wording {
                    words: &quote.words,
                    members: vec![i],
                });
            }
        }
    }
    wordings
}

/// Shingles shared by more wordings than this are common phrases ("the
/// United States"), too frequent to suggest two wordings are versions.
const MAX_SHINGLE_USES: usize = 64;

/// Groups of wordings that are versions of one quotation. Only wordings that
/// share a three-word shingle are compared, so the cost grows with the
/// number of related wordings, not with the square of all of them.
fn versions(wordings: &[Wording]) -> Vec<Vec<usize>> {
    let mut by_shingle: HashMap<[&str; 3], Vec<usize>> = HashMap::new();
    for (i, wording) in wordings.iter().enumerate() {
        for window in wording.words.windows(3) {
            let key = [
                window[0].text.as_str(),
                window[1].text.as_str(),
                window[2].text.as_str(),
            ];
            let uses = by_shingle.entry(key).or_default();
            if uses.last() != Some(&i) {
                uses.push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..wordings.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut compared: FxHashSet<(usize, usize)> = FxHashSet::default();
    for uses in by_shingle
        .values()
        .filter(|u| u.len() > 1 && u.len() <= MAX_SHINGLE_USES)
    {
        for (k, &a) in uses.iter().enumerate() {
            for &b in &uses[k + 1..] {
                if root(&mut parent, a) == root(&mut parent, b) || !compared.insert((a, b)) {
                    continue;
                }
                if same_quotation(wordings[a].words, wordings[b].words, MIN_SHARED) {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..wordings.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    groups
}

/// A finding at the words of quotation `ours` that differ from quotation
/// `theirs` (none if they do not).
fn drift_finding<'a, F: FactRef<'a>>(
    meta: &'a CheckMeta,
    ours: (F, &'a Quotation),
    theirs: (F, &'a Quotation),
) -> Pending<'a> {
    Pending::one(move || {
        let ((fact, quote), (other_fact, other_quote)) = (ours, theirs);
        let d = drift(&quote.words, &other_quote.words)?;
        let theirs = words_location(other_fact, other_quote, d.theirs.clone());
        let expected = format!("“{}”", theirs.text());
        let whose = if other_fact.path() == fact.path() {
            "elsewhere this article"
        } else {
            "another article"
        };
        let label = format!(
            "{whose} quotes “{}”",
            other_fact.text().trim_end_matches([',', '.'])
        );
        let mut finding = meta.finding(
            words_location(fact, quote, d.ours.clone()),
            &found(fact, quote, &d.ours),
            &expected,
        );
        finding.related = vec![theirs.with_label(label)];
        Some(finding)
    })
}

/// The words `range` of a quotation as written.
fn found<'a, F: FactRef<'a>>(fact: F, quote: &Quotation, range: &Range<usize>) -> String {
    format!("“{}”", words_location(fact, quote, range.clone()).text())
}

/// The location of words `range` of a quotation, inside the fact's location.
fn words_location<'a, F: FactRef<'a>>(fact: F, quote: &Quotation, range: Range<usize>) -> Location {
    let location = fact.location();
    let (Some(first), Some(last)) = (
        quote.words.get(range.start),
        quote.words.get(range.end.saturating_sub(1)),
    ) else {
        return location;
    };
    let start = location.span.start;
    location.narrow(start + first.span.start..start + last.span.end)
}

#[cfg(test)]
mod tests {
    use crate::checks::flagged_spans as flagged;

    const DRIFT: &str = "[[check]]\nid = \"drift\"\nkind = \"quote\"\nscope = \"document\"\n";

    #[test]
    fn the_minority_wording_is_flagged_at_the_changed_word() {
        let text = "“We have no information that such missiles have been used,” he said.\n\n\"We have no information that such missiles have been used,\" Ignat said.\n\n'We have no evidence that such missiles have been used,' he told media.";
        assert_eq!(
            flagged(DRIFT, text),
            [("evidence".to_string(), vec!["information".to_string()])]
        );
    }

    #[test]
    fn excerpts_and_different_quotations_pass() {
        let text = "“This is a significant and concerning escalation,” Kirby said.\n\n\"This is a significant and concerning escalation of the DPRK's support for Russia,\" he added.\n\n“The time for Congress to act is now,” Kirby said.";
        assert!(flagged(DRIFT, text).is_empty());
    }

    #[test]
    fn canonical_wording_and_speaker() {
        let checks = format!(
            "{DRIFT}speaker = 'Kirby'\ncanonical = \"This is a significant and concerning escalation\"\n"
        );
        let text = "“This is a serious and concerning escalation,” Kirby said.\n\n“This is a serious and concerning escalation,” Ignat said.";
        assert_eq!(flagged(&checks, text), [("serious".to_string(), vec![])]);
    }
}
