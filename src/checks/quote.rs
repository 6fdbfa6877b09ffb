//! `quote`: a quotation keeps its wording across articles. Versions of one
//! quotation (sharing a passage) are compared word by word; an excerpt of a
//! longer version passes, a changed word does not.

use super::error::SpecError;
use super::intern::TextMap;
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
    /// Only quotations whose paragraph (or the sentence before) names this speaker.
    speaker: Option<Pattern>,
    /// The true wordings, when the check knows them.
    canonical: Arc<[Canonical]>,
    /// The true wordings other quote checks know ([`share_transcripts`]): a
    /// check without its own compares versions by majority, and a version
    /// that is a transcript's is right however few articles share it.
    transcripts: Vec<Arc<[Canonical]>>,
}

/// A true wording: its words, and its text to quote them from as written.
#[derive(Debug)]
struct Canonical {
    text: String,
    words: Vec<Word>,
}

impl Canonical {
    fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            words: words(text, 0..text.len()),
        }
    }

    /// Words `range` as the check file writes them (the words are lower-cased).
    fn quote(&self, range: Range<usize>) -> &str {
        let first = self.words.get(range.start);
        let last = range.end.checked_sub(1).and_then(|i| self.words.get(i));
        first
            .zip(last)
            .and_then(|(first, last)| self.text.get(first.span.start..last.span.end))
            .unwrap_or_default()
    }
}

impl QuoteCheck {
    pub fn compile(spec: &CheckSpec) -> Result<Self, SpecError> {
        let speaker = spec.speaker.as_ref().map(Pattern::new).transpose()?;
        let canonical: Arc<[Canonical]> = match spec.canonical.as_ref().map(|c| (c, c.get_ref())) {
            None => Arc::new([]),
            Some((_, toml::Value::String(s))) => Arc::new([Canonical::new(s)]),
            Some((_, toml::Value::Array(items))) if items.iter().all(toml::Value::is_str) => items
                .iter()
                .filter_map(toml::Value::as_str)
                .map(Canonical::new)
                .collect(),
            Some((c, _)) => {
                return Err(
                    SpecError::new("`canonical` must be a quotation or a list of them")
                        .at(c.span(), "this value"),
                );
            }
        };
        Ok(Self {
            speaker,
            canonical,
            transcripts: Vec::new(),
        })
    }

    /// The speaker pattern, if any.
    pub fn patterns(&self) -> &[Pattern] {
        self.speaker.as_slice()
    }

    /// Collects the quotations of a paragraph as facts.
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        // Quotations first: they are cached for every quote check, and most
        // paragraphs have none, so the speaker is rarely looked for.
        let found = emit.values().quotations(doc, unit.clone(), MIN_WORDS);
        if found.is_empty() {
            return;
        }
        let paragraph_names_speaker = std::cell::OnceCell::new();
        for quote in found.iter() {
            let span = unit.start + quote.span.start..unit.start + quote.span.end;
            // A wording cited as wrong: "He said, “… concerning …,” not “…
            // alarming ….”"
            let before = doc.lintable[unit.start..span.start]
                .trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘«".contains(c));
            if super::locate::negated(before) {
                continue;
            }
            if let Some(speaker) = &self.speaker {
                let named = match attributing_sentence(doc, &span) {
                    // "A US official said: “…”" is the official's, whoever
                    // the paragraph names besides.
                    Some(sentence) => speaker.is_match(&doc.lintable[sentence]),
                    None => *paragraph_names_speaker
                        .get_or_init(|| speaker.is_match(&doc.lintable[speaker_scope(doc, &unit)])),
                };
                if !named {
                    continue;
                }
            }
            emit.fact(span, quote.value.clone(), None);
        }
    }

    /// One finding per drifted quotation (or per group, when no wording has a majority).
    pub fn reduce<'a, F: FactRef<'a>>(
        &'a self,
        meta: &'a CheckMeta,
        facts: &[F],
    ) -> Vec<Pending<'a>> {
        let wordings = distinct_wordings(facts);
        if !self.canonical.is_empty() {
            return self.against_canonical(meta, facts, &wordings);
        }
        let mut findings = Vec::new();
        for group in versions(&wordings) {
            let words = |i: usize| wordings[group[i]].words;
            let agrees: Vec<Vec<bool>> = (0..group.len())
                .map(|a| {
                    (0..group.len())
                        .map(|b| a == b || drift(words(a), words(b)).is_none())
                        .collect()
                })
                .collect();
            let weight = |i: usize| wordings[group[i]].members.len();
            let total: usize = (0..group.len()).map(weight).sum();
            let support: Vec<usize> = agrees
                .iter()
                .map(|row| (0..group.len()).filter(|&b| row[b]).map(weight).sum())
                .collect();
            if support.iter().all(|&s| s == total) {
                continue;
            }
            // An excerpt agrees with every version it is a part of: it supports
            // them, but is no reference (nothing would disagree with it).
            let maximal: Vec<usize> = (0..group.len())
                .filter(|&i| {
                    !(0..group.len()).any(|o| agrees[o][i] && words(o).len() > words(i).len())
                })
                .collect();
            // A version that is a known transcript's is the reference, with
            // or without a majority; one that agrees with any transcript is
            // never reported.
            let attested: Vec<bool> = (0..group.len())
                .map(|i| self.is_attested(words(i)))
                .collect();
            let best = maximal
                .iter()
                .copied()
                .max_by_key(|&i| (attested[i], support[i], std::cmp::Reverse(i)))
                .unwrap_or(0);
            let Some(reference) = quote_at(facts, wordings[group[best]].members[0]) else {
                continue;
            };
            let majority = attested[best]
                || support[best] * 2 > total
                    && maximal
                        .iter()
                        .all(|&i| agrees[i][best] || support[i] < support[best]);
            if majority {
                for i in (0..group.len()).filter(|&i| !agrees[i][best] && !attested[i]) {
                    for &member in &wordings[group[i]].members {
                        if let Some(quote) = quote_at(facts, member) {
                            findings.push(drift_finding(meta, quote, reference));
                        }
                    }
                }
            } else if let Some((&first, &other)) = maximal
                .first()
                .zip(maximal.iter().find(|&&i| !agrees[maximal[0]][i]))
            {
                let (first, other) = (
                    quote_at(facts, wordings[group[first]].members[0]),
                    quote_at(facts, wordings[group[other]].members[0]),
                );
                if let Some((first, other)) = first.zip(other) {
                    findings.push(drift_finding(meta, first, other));
                }
            }
        }
        findings
    }

    /// Whether `words` are, word for word, part of a transcript another
    /// quote check knows.
    fn is_attested(&self, words: &[Word]) -> bool {
        self.transcripts.iter().flat_map(|t| t.iter()).any(|t| {
            same_quotation(words, &t.words, MIN_SHARED) && drift(words, &t.words).is_none()
        })
    }

    /// Findings for every mention whose wording drifts from a canonical one.
    fn against_canonical<'a, F: FactRef<'a>>(
        &self,
        meta: &'a CheckMeta,
        facts: &[F],
        wordings: &[Wording],
    ) -> Vec<Pending<'a>> {
        let mut findings = Vec::new();
        for wording in wordings {
            let Some(canonical) = self
                .canonical
                .iter()
                .find(|c| same_quotation(wording.words, &c.words, MIN_SHARED))
            else {
                continue;
            };
            let Some(d) = drift(wording.words, &canonical.words) else {
                continue;
            };
            let expected: Arc<str> = quoted(canonical.quote(d.theirs.clone())).into();
            for &member in &wording.members {
                let Some((fact, quote)) = quote_at(facts, member) else {
                    continue;
                };
                let (ours, expected) = (d.ours.clone(), expected.clone());
                findings.push(Pending::one(fact.path(), move || {
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

/// Gives every quote check without wordings of its own the wordings the
/// others know: a transcript settles which version of a quotation is right,
/// whichever check reads it.
pub fn share_transcripts(checks: &mut [super::Check]) {
    let known: Vec<Arc<[Canonical]>> = checks
        .iter()
        .filter_map(|check| match &check.rule {
            super::Rule::Quote(quote) if !quote.canonical.is_empty() => {
                Some(quote.canonical.clone())
            }
            _ => None,
        })
        .collect();
    for check in checks.iter_mut() {
        if let super::Rule::Quote(quote) = &mut check.rule
            && quote.canonical.is_empty()
        {
            quote.transcripts.clone_from(&known);
        }
    }
}

/// One wording and the quotations written that way (indices into the
/// facts): identical wordings across a large corpus are compared once.
/// Indices are `u32`: a corpus keeps hundreds of thousands of quotations,
/// and these lists are the largest thing the comparison builds.
struct Wording<'a> {
    words: &'a [Word],
    members: Vec<u32>,
}

/// The quotation of fact `i`, with the fact.
fn quote_at<'a, F: FactRef<'a>>(facts: &[F], i: u32) -> Option<(F, &'a Quotation)> {
    let fact = *facts.get(i as usize)?;
    match fact.value() {
        Value::Quote(q) => Some((fact, &**q)),
        _ => None,
    }
}

fn distinct_wordings<'a, F: FactRef<'a>>(facts: &[F]) -> Vec<Wording<'a>> {
    let mut index: TextMap<Vec<&str>, usize> = TextMap::default();
    let mut wordings: Vec<Wording> = Vec::new();
    let quotes = (0..facts.len()).filter_map(|i| {
        let i = u32::try_from(i).ok()?;
        Some((i, quote_at(facts, i)?.1))
    });
    for (i, quote) in quotes {
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
    let mut by_shingle: TextMap<[&str; 3], Vec<usize>> = TextMap::default();
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
    Pending::one(ours.0.path(), move || {
        let ((fact, quote), (other_fact, other_quote)) = (ours, theirs);
        let d = drift(&quote.words, &other_quote.words)?;
        let theirs = words_location(other_fact, other_quote, d.theirs.clone());
        let expected = quoted(theirs.text());
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
    quoted(words_location(fact, quote, range.clone()).text())
}

/// Words in quote marks, for a message.
fn quoted(words: &str) -> String {
    format!("“{words}”")
}

/// The location of words `range` (never empty) of a quotation, inside the
/// fact's location.
fn words_location<'a, F: FactRef<'a>>(fact: F, quote: &Quotation, range: Range<usize>) -> Location {
    let location = fact.location();
    let span = quote
        .words
        .get(range.start)
        .zip(quote.words.get(range.end.wrapping_sub(1)))
        .map(|(first, last)| first.span.start..last.span.end);
    let Some(span) = span else {
        return location;
    };
    let start = location.span.start;
    location.narrow(start + span.start..start + span.end)
}

/// The sentence a quotation starts in, when its words outside the quotation
/// attribute it ("A US official said: “…”", "“…,” Kirby said").
fn attributing_sentence(doc: &Document, quote: &Range<usize>) -> Option<Range<usize>> {
    let k = doc.sentences.partition_point(|s| s.span.end <= quote.start);
    let sentence = doc.sentences.get(k)?.span.clone();
    let before = &doc.lintable[sentence.start..quote.start.max(sentence.start)];
    let after = &doc.lintable[quote.end.clamp(sentence.start, sentence.end)..sentence.end];
    (sentence.contains(&quote.start) && (SPEECH.is_match(before) || SPEECH.is_match(after)))
        .then_some(sentence)
}

/// Where the speaker of a paragraph's quotations is named: the paragraph, if
/// it has its own attribution ("…,” Ignat said), else from the sentence before.
fn speaker_scope(doc: &Document, unit: &Range<usize>) -> Range<usize> {
    if SPEECH.is_match(&doc.lintable[unit.clone()]) {
        return unit.clone();
    }
    let before = doc.sentences.partition_point(|s| s.span.start < unit.start);
    let previous = before
        .checked_sub(1)
        .map_or(unit.start, |k| doc.sentences[k].span.start);
    previous..unit.end
}

#[cfg(test)]
mod tests {
    use crate::checks::{findings_of, flagged_spans as flagged};

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
    fn a_transcript_another_check_knows_outweighs_the_majority() {
        let transcript = "[[check]]\nid = \"ignat\"\nkind = \"quote\"\nscope = \"document\"\ncanonical = \"We have no information that such missiles have been used\"\n";
        let text = "“We have no evidence that such missiles have been used,” he said.\n\n“We have no evidence that such missiles have been used,” Ignat said.\n\n\"We have no information that such missiles have been used,\" he told media.";
        // Alone, the majority wins and the true wording is the one flagged.
        assert_eq!(
            flagged(DRIFT, text),
            [("information".to_string(), vec!["evidence".to_string()])]
        );
        // With the transcript loaded, both checks flag the two drifted ones.
        let both = flagged(&format!("{DRIFT}{transcript}"), text);
        assert_eq!(both.len(), 4, "{both:?}");
        assert!(
            both.iter().all(|(found, _)| found == "evidence"),
            "{both:?}"
        );
        // An excerpt of the transcript is no drift, and is not the reference
        // of a longer version either.
        let excerpt = "“We have no information,” Ignat said, “that such missiles have been used.”\n\n“No information that such missiles have been used,” he said.";
        assert!(flagged(&format!("{DRIFT}{transcript}"), excerpt).is_empty());
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

    /// The message of the shipped `quote-drift` check.
    const MESSAGE: &str = "message = \"{found} here, {expected} there\"\n";
    const KIRBY: &str = "“This is a significant and concerning escalation of the DPRK’s support for Moscow,” Kirby said.";

    /// A finding's message, flagged text, and related spans' texts and offsets.
    type Reported = (String, String, Vec<(String, usize)>);

    fn reported(checks: &str, text: &str) -> Vec<Reported> {
        findings_of(checks, text)
            .into_iter()
            .map(|f| {
                let related = f
                    .related
                    .iter()
                    .map(|r| (r.text().to_string(), r.span.start))
                    .collect();
                (f.message, f.primary.text().to_string(), related)
            })
            .collect()
    }

    #[test]
    fn a_changed_first_word_is_drift() {
        let text = format!(
            "{KIRBY}\n\n“That is a significant and concerning escalation of the DPRK’s support for Moscow,” he added."
        );
        assert_eq!(
            reported(&format!("{DRIFT}{MESSAGE}"), &text),
            [(
                "“This” here, “That” there".to_string(),
                "This".to_string(),
                vec![("That".to_string(), text.rfind("That").unwrap())]
            )]
        );
    }

    #[test]
    fn a_changed_last_word_is_drift() {
        let text = "“Russia must feel the consequences of its terrorism,” Zelensky said.\n\n“Russia must feel the consequences of its terror,” he added.";
        assert_eq!(
            reported(&format!("{DRIFT}{MESSAGE}"), text),
            [(
                "“terrorism” here, “terror” there".to_string(),
                "terrorism".to_string(),
                vec![("terror".to_string(), text.rfind("terror,").unwrap())]
            )]
        );
    }

    #[test]
    fn dropped_words_are_shown_between_the_shared_words_around_them() {
        let text = "“It is a significant and troubling escalation,” Kirby said.\n\n“It is a significant escalation,” he added.";
        assert_eq!(
            reported(&format!("{DRIFT}{MESSAGE}"), text),
            [(
                "“significant and troubling escalation” here, “significant escalation” there"
                    .to_string(),
                "significant and troubling escalation".to_string(),
                vec![(
                    "significant escalation".to_string(),
                    text.rfind("significant").unwrap()
                )]
            )]
        );
    }

    #[test]
    fn a_minority_wording_lacking_words_is_flagged_around_the_gap() {
        let text = "“It is a significant and troubling escalation,” Kirby said.\n\n“It is a significant escalation,” he added.\n\n“It is a significant and troubling escalation,” he repeated.";
        let short = text.find("significant escalation").unwrap();
        let findings = findings_of(&format!("{DRIFT}{MESSAGE}"), text);
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(
            f.message,
            "“significant escalation” here, “significant and troubling escalation” there"
        );
        assert_eq!(
            f.primary.span,
            short..short + "significant escalation".len()
        );
        assert_eq!(f.related.len(), 1);
        assert_eq!(f.related[0].text(), "significant and troubling escalation");
    }

    #[test]
    fn excerpts_at_either_end_pass() {
        let text = format!(
            "{KIRBY}\n\nHe called it “a significant and concerning escalation” of support.\n\nIt was “a significant and concerning escalation of the DPRK’s support,” he said.\n\nKirby spoke of an “escalation of the DPRK’s support for Moscow” on Thursday."
        );
        assert!(flagged(DRIFT, &text).is_empty());
    }

    #[test]
    fn an_excerpt_agrees_with_versions_that_differ_outside_it() {
        let text = format!(
            "{KIRBY}\n\nHe called it “a significant and concerning escalation” of support.\n\n“That is a significant and concerning escalation of the DPRK’s support for Moscow,” he added.\n\n“This is a significant and concerning escalation of the DPRK’s support for Moscow,” he repeated."
        );
        assert_eq!(
            flagged(DRIFT, &text),
            [("That".to_string(), vec!["This".to_string()])]
        );
    }

    #[test]
    fn with_no_majority_an_excerpt_of_both_versions_hides_neither() {
        let text = format!(
            "{KIRBY}\n\nHe called it “a significant and concerning escalation” of support.\n\n“That is a significant and concerning escalation of the DPRK’s support for Moscow,” he added."
        );
        assert_eq!(
            flagged(DRIFT, &text),
            [("This".to_string(), vec!["That".to_string()])]
        );
    }

    #[test]
    fn different_quotations_sharing_a_few_words_pass() {
        let text = format!(
            "{KIRBY}\n\n“This is a significant moment for the whole alliance,” Stoltenberg said.\n\n“We see a significant and concerning escalation in the Black Sea,” Ignat said."
        );
        assert!(flagged(DRIFT, &text).is_empty());
    }

    #[test]
    fn another_speakers_quotation_is_not_drift_of_kirbys() {
        let text = format!("{KIRBY}\n\n“This is a significant escalation,” Ignat said.");
        let speaker = "speaker = '(?i)\\bKirby\\b|\\bhe (?:said|added|told)'\n";
        assert!(flagged(&format!("{DRIFT}{speaker}"), &text).is_empty());
        let canonical = format!(
            "{DRIFT}{speaker}canonical = \"This is a significant and concerning escalation of the DPRK's support for Moscow\"\n"
        );
        assert!(flagged(&canonical, &text).is_empty());
        // In a paragraph that names Kirby, a quotation its own sentence gives
        // to someone else is theirs.
        let text = "Kirby briefed reporters on Wednesday.\nA US official said: “This is a significant escalation of the DPRK's support for Russia.”";
        assert!(flagged(&canonical, text).is_empty());
    }

    #[test]
    fn canonical_wording_changed_at_either_end_or_lacking_words() {
        let checks = format!(
            "{DRIFT}{MESSAGE}canonical = \"Russia must feel the consequences of its terrorism\"\n"
        );
        let first = "“Moscow must feel the consequences of its terrorism,” he said.";
        assert_eq!(
            reported(&checks, first),
            [(
                "“Moscow” here, “Russia” there".to_string(),
                "Moscow".to_string(),
                vec![]
            )]
        );
        let last = "“Russia must feel the consequences of its terror,” he said.";
        assert_eq!(
            reported(&checks, last),
            [(
                "“terror” here, “terrorism” there".to_string(),
                "terror".to_string(),
                vec![]
            )]
        );
        let dropped = "“Russia must feel the consequences of terrorism,” he said.";
        let around = dropped.find("of terrorism").unwrap();
        let findings = findings_of(&checks, dropped);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            findings[0].message,
            "“of terrorism” here, “of its terrorism” there"
        );
        assert_eq!(
            findings[0].primary.span,
            around..around + "of terrorism".len()
        );
    }
}
