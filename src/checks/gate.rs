//! Gates: `when` patterns that must all match in a scope, `unless` patterns
//! that must not.
//!
//! Checked unit by unit, every check would run its own patterns over every
//! sentence. Instead the patterns of all checks are compiled into one
//! `RegexSet` per unit scope, which reads each unit once and says which of them
//! match; each check then looks its own patterns up in that answer. A set is
//! compiled when first needed, so commands that lint nothing never pay for it.
//!
//! A document-scope set would read every document once more, so when each
//! of its patterns keeps to one line ([`Pattern::stays_within_lines`]) they
//! join the paragraph set instead, and a document gate passes where its
//! patterns match in some paragraph.
//!
//! A check can also put the patterns it searches for in the set as
//! *triggers* (a `forbid` does): a unit where none of them matches cannot
//! give a finding, so the check skips it without running its own regexes.
//!
//! A set pays back its compiling over many documents. A run that lints only
//! a few (a draft before publication) reads each gate's own patterns
//! instead, and runs each check in every unit ([`SETS_FROM`]); the answers
//! are the same.

use super::Scope;
use super::pattern::Pattern;
use crate::document::Document;
use crate::matcher;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// A check's gate.
pub struct Gate {
    pub scope: Scope,
    pub when: Vec<Pattern>,
    pub unless: Vec<Pattern>,
    /// This gate's patterns in a set shared with other checks, once loaded.
    shared: Option<(Arc<SharedGates>, Plan)>,
}

/// A gate's patterns in its shared set, as masks of the set's answer bits
/// (see [`matcher::set_matches_each`]): for each word of an answer, the bits of
/// the `when`, `unless` and trigger patterns in it.
#[derive(Debug, Clone)]
struct Plan {
    masks: Vec<[u64; 3]>,
    /// Whether the check has triggers, one of which must match.
    triggered: bool,
}

impl Plan {
    /// The plan for patterns at these positions of a set of `patterns`.
    fn new(when: &[usize], unless: &[usize], triggers: &[usize], patterns: usize) -> Self {
        let mut masks = vec![[0; 3]; matcher::words_for(patterns)];
        for (kind, positions) in [when, unless, triggers].into_iter().enumerate() {
            for &i in positions {
                let (word, bit) = matcher::bit_of(i);
                masks[word][kind] |= bit;
            }
        }
        Self {
            masks,
            triggered: !triggers.is_empty(),
        }
    }

    /// Whether the gate passes where `found` are the patterns that match.
    #[inline]
    fn admits(&self, found: &[u64]) -> bool {
        let mut triggered = false;
        for (&[when, unless, triggers], &found) in self.masks.iter().zip(found) {
            if found & when != when || found & unless != 0 {
                return false;
            }
            triggered |= found & triggers != 0;
        }
        triggered || !self.triggered
    }
}

/// One regex set for all gate patterns of one unit scope.
pub struct SharedGates {
    scope: Scope,
    patterns: Vec<Pattern>,
    /// `None` when the set is too big to compile: each gate then uses its own patterns.
    set: OnceLock<Option<matcher::Set>>,
    /// Whether gates read this set's answers, or their own patterns
    /// ([`CheckSet::prepare`](super::load::CheckSet::prepare) says).
    in_use: AtomicBool,
}

/// Runs that lint more documents than this read gates through shared sets;
/// smaller ones read each gate's own patterns. A set reads a unit once for
/// every check, but compiling it and the first documents its lazy DFA reads
/// cost more than the patterns one by one: on the generated corpus, 20
/// articles took 30% less time without sets, 100 about as long, and 400 10%
/// more.
pub const SETS_FROM: usize = 64;

impl SharedGates {
    /// The compiled set, compiling it if no one has yet.
    pub fn set(&self) -> Option<&matcher::Set> {
        self.set
            .get_or_init(|| {
                let hirs: Vec<_> = self.patterns.iter().map(Pattern::hir).collect();
                matcher::build_set(&hirs, 1 << 26).ok()
            })
            .as_ref()
    }
}

/// A piece of a document that checks look at in one go.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub span: Range<usize>,
    /// The paragraph it is in ([`Document::aside`] says whether that is
    /// a photo caption or a claim under review); `None` for a whole document.
    pub paragraph: Option<usize>,
}

/// Which shared patterns match in each unit of one document, computed once
/// per shared set.
#[derive(Debug, Default)]
pub struct DocumentGates {
    matched: FxHashMap<usize, Option<Arc<UnitMatches>>>,
    /// The document the answers are for ([`Document::id`]); another one empties them.
    document: u64,
}

/// A shared set's answer for each unit of a document: the units, and their
/// answer bits one after another, `words` each.
#[derive(Debug)]
struct UnitMatches {
    units: Vec<Unit>,
    words: usize,
    bits: Vec<u64>,
}

impl UnitMatches {
    /// Each unit with the bits of the patterns that match in it.
    fn iter(&self) -> impl Iterator<Item = (&Unit, &[u64])> {
        self.units.iter().zip(self.bits.chunks_exact(self.words))
    }
}

/// Shows the check's own patterns, not the set they share with every other
/// check: a check's `Debug` output keys the fact cache, and with the set in
/// it, 10,000 checks printed 10,000 patterns each.
impl std::fmt::Debug for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gate")
            .field("scope", &self.scope)
            .field("when", &self.when)
            .field("unless", &self.unless)
            .finish_non_exhaustive()
    }
}

impl Gate {
    pub fn new(scope: Scope, when: Vec<Pattern>, unless: Vec<Pattern>) -> Self {
        Self {
            scope,
            when,
            unless,
            shared: None,
        }
    }

    /// Whether a unit of text passes the gate, on its own.
    fn admits(&self, text: &str) -> bool {
        self.when.iter().all(|r| r.is_match(text)) && !self.unless.iter().any(|r| r.is_match(text))
    }

    /// Whether the gate has no pattern, and so lets every unit through
    /// (until its check's triggers, in a shared set, narrow that).
    pub fn is_open(&self) -> bool {
        self.when.is_empty() && self.unless.is_empty()
    }

    /// The gate's own patterns.
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        self.when.iter().chain(&self.unless)
    }

    /// The set this gate's patterns are in, if they are shared.
    pub fn shared(&self) -> Option<&Arc<SharedGates>> {
        self.shared.as_ref().map(|(shared, _)| shared)
    }

    /// The units of `doc` in `scope` that pass the gate.
    pub fn admitted(&self, doc: &Document, scope: Scope, cache: &mut DocumentGates) -> Vec<Unit> {
        if let Some((shared, plan)) = &self.shared {
            // A document gate answered paragraph by paragraph (see [`share`]):
            // a pattern matches the document where it matches a paragraph.
            let by_paragraph = scope == Scope::Document && shared.scope == Scope::Paragraph;
            if (shared.scope == scope || by_paragraph)
                && let Some(matched) = shared.matched(doc, cache)
            {
                if !by_paragraph {
                    return matched
                        .iter()
                        .filter(|(_, found)| plan.admits(found))
                        .map(|(unit, _)| unit.clone())
                        .collect();
                }
                let mut found = vec![0; matched.words];
                for (_, in_paragraph) in matched.iter() {
                    found
                        .iter_mut()
                        .zip(in_paragraph)
                        .for_each(|(f, p)| *f |= p);
                }
                return if plan.admits(&found) {
                    scope.units(doc)
                } else {
                    Vec::new()
                };
            }
        }
        scope
            .units(doc)
            .into_iter()
            .filter(|unit| self.admits(&doc.lintable[unit.span.clone()]))
            .collect()
    }
}

impl SharedGates {
    /// Whether gates are to read the set's answers in this run.
    pub fn use_in_run(&self, yes: bool) {
        self.in_use.store(yes, Ordering::Relaxed);
    }

    /// Which of the set's patterns match in each unit of `doc`, computed once
    /// per document; `None` when the set is not in use, or too big to
    /// compile: gates then read their own patterns.
    fn matched(&self, doc: &Document, cache: &mut DocumentGates) -> Option<Arc<UnitMatches>> {
        if !self.in_use.load(Ordering::Relaxed) {
            return None;
        }
        if cache.document != doc.id {
            cache.matched.clear();
            cache.document = doc.id;
        }
        let key = std::ptr::from_ref(self) as usize;
        if let Some(answer) = cache.matched.get(&key) {
            return answer.clone();
        }
        let answer = self.set().map(|set| {
            let units = self.scope.units(doc);
            let words = matcher::words_for(set.pattern_len());
            let mut bits = vec![0; units.len() * words];
            let texts: Vec<&str> = units
                .iter()
                .map(|unit| &doc.lintable[unit.span.clone()])
                .collect();
            matcher::set_matches_each(set, &texts, &mut bits);
            Arc::new(UnitMatches { units, words, bits })
        });
        cache.matched.insert(key, answer.clone());
        answer
    }
}

/// A gate to share, the unit scope its check reads, and the check's triggers
/// (the patterns it searches for, when finding none of them in a unit means
/// the check has nothing to say about it).
pub type Sharing<'a> = (&'a mut Gate, Scope, &'a [Pattern]);

/// Puts the gate patterns (and triggers) of `checks` into one set per unit
/// scope, document patterns that keep to a line into the paragraph set.
/// Gates keep their own patterns too, for runs that use no set and for a set
/// too big to compile; triggers only ever narrow a shared set's answer.
pub fn share(gates: &mut [Sharing]) {
    let mut by_scope: HashMap<Scope, Vec<usize>> = HashMap::new();
    for (i, (_, scope, _)) in gates.iter().enumerate() {
        by_scope.entry(*scope).or_default().push(i);
    }
    // Document gates whose patterns all stay within lines join the paragraph
    // set, which reads the same text: one pass over each document fewer.
    let within_lines = |&i: &usize| {
        let (gate, _, triggers) = &gates[i];
        (gate.when.iter().chain(&gate.unless).chain(triggers.iter()))
            .all(Pattern::stays_within_lines)
    };
    if by_scope.contains_key(&Scope::Paragraph)
        && by_scope
            .get(&Scope::Document)
            .is_some_and(|members| members.iter().all(within_lines))
    {
        let members = by_scope.remove(&Scope::Document).unwrap_or_default();
        by_scope
            .entry(Scope::Paragraph)
            .or_default()
            .extend(members);
    }
    for (scope, members) in by_scope {
        let mut patterns: Vec<Pattern> = Vec::new();
        // A pattern several checks use (a topic, a trigger) is in the set
        // once: each copy would be searched for, and match, on its own.
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut plans = Vec::new();
        for &i in &members {
            let (gate, _, triggers) = &gates[i];
            let mut add = |regexes: &[Pattern]| -> Vec<usize> {
                regexes
                    .iter()
                    .map(|r| {
                        *index.entry(r.as_str().to_string()).or_insert_with(|| {
                            patterns.push(r.clone());
                            patterns.len() - 1
                        })
                    })
                    .collect()
            };
            let when = add(&gate.when);
            let unless = add(&gate.unless);
            let triggers = add(triggers);
            plans.push([when, unless, triggers]);
        }
        if patterns.is_empty() {
            continue;
        }
        let plans: Vec<Plan> = plans
            .iter()
            .map(|[when, unless, triggers]| Plan::new(when, unless, triggers, patterns.len()))
            .collect();
        let shared = Arc::new(SharedGates {
            scope,
            patterns,
            set: OnceLock::new(),
            in_use: AtomicBool::new(true),
        });
        for (&i, plan) in members.iter().zip(plans) {
            gates[i].0.shared = Some((shared.clone(), plan));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(when: &[&str], unless: &[&str]) -> Gate {
        let re = |ps: &[&str]| {
            ps.iter()
                .map(|p| Pattern::new(&toml::Spanned::new(0..0, p.to_string())).unwrap())
                .collect()
        };
        Gate::new(Scope::Sentence, re(when), re(unless))
    }

    #[test]
    fn plans_read_answers_of_several_words() {
        let answer = |bits: &[usize]| {
            let mut words = vec![0u64; 2];
            for &i in bits {
                let (word, bit) = matcher::bit_of(i);
                words[word] |= bit;
            }
            words
        };
        let plan = Plan::new(&[1, 70], &[65], &[2, 127], 128);
        assert!(plan.admits(&answer(&[1, 70, 2])));
        assert!(plan.admits(&answer(&[1, 70, 127, 3])));
        assert!(!plan.admits(&answer(&[1, 70])), "no trigger");
        assert!(!plan.admits(&answer(&[1, 2, 127])), "a `when` missing");
        assert!(!plan.admits(&answer(&[1, 70, 2, 65])), "an `unless`");
        let untriggered = Plan::new(&[0], &[], &[], 1);
        assert!(untriggered.admits(&[1]));
        assert!(!untriggered.admits(&[0]));
    }

    #[test]
    fn gate_needs_all_when_and_no_unless() {
        let g = gate(&["annex", "four"], &["Crimea"]);
        assert!(g.admits("four regions annexed"));
        assert!(!g.admits("regions annexed"));
        assert!(!g.admits("four regions and Crimea annexed"));
    }

    #[test]
    fn shared_sets_admit_the_same_units_as_separate_regexes() {
        let doc = Document::parse(
            "a.txt",
            b"Four regions were annexed. Crimea was annexed too. Four ducks.".to_vec(),
            None,
        )
        .unwrap();
        let mut a = gate(&["(?i)four", "annex"], &[]);
        let mut b = gate(&["annex"], &["Crimea"]);
        let alone: Vec<Vec<Unit>> = [&a, &b]
            .iter()
            .map(|g| g.admitted(&doc, Scope::Sentence, &mut DocumentGates::default()))
            .collect();
        share(&mut [
            (&mut a, Scope::Sentence, &[]),
            (&mut b, Scope::Sentence, &[]),
        ]);
        assert!(a.shared.is_some());
        let shared = a.shared().unwrap().clone();
        assert!(shared.set.get().is_none(), "compiled when first needed");
        let sources: Vec<&str> = shared.patterns.iter().map(Pattern::as_str).collect();
        assert_eq!(sources, ["(?i)four", "annex", "Crimea"], "`annex` once");
        let mut cache = DocumentGates::default();
        let together = vec![
            a.admitted(&doc, Scope::Sentence, &mut cache),
            b.admitted(&doc, Scope::Sentence, &mut cache),
        ];
        assert_eq!(alone, together);
        assert!(shared.set.get().is_some());
        assert_eq!(together[0].len(), 1);
        assert_eq!(together[1].len(), 1);
        assert_eq!(
            cache.matched.len(),
            1,
            "one pass of the set for both checks"
        );
        // What a gate prints (the fact cache's key) is its own patterns,
        // not the set's, and does not change once the set is compiled.
        let printed = format!("{a:?}");
        assert!(
            printed.contains("four") && !printed.contains("Crimea"),
            "{printed}"
        );
        assert_eq!(printed, format!("{:?}", gate(&["(?i)four", "annex"], &[])));
    }

    #[test]
    fn triggers_rule_out_units_where_no_pattern_matches() {
        let doc = Document::parse(
            "a.txt",
            b"Crimea was annexed. Four regions were annexed. Ducks.".to_vec(),
            None,
        )
        .unwrap();
        let mut open = gate(&[], &[]);
        let triggers =
            [Pattern::new(&toml::Spanned::new(0..0, "(?i)crimea|ducks".to_string())).unwrap()];
        let mut cache = DocumentGates::default();
        let spans = |g: &Gate, cache: &mut DocumentGates| -> Vec<&str> {
            g.admitted(&doc, Scope::Sentence, cache)
                .into_iter()
                .map(|u| &doc.text[u.span])
                .collect()
        };
        assert_eq!(spans(&open, &mut cache).len(), 3, "alone, no narrowing");
        share(&mut [(&mut open, Scope::Sentence, &triggers)]);
        assert_eq!(spans(&open, &mut cache), ["Crimea was annexed.", "Ducks."]);
    }

    #[test]
    fn document_gates_within_lines_are_answered_by_paragraphs() {
        let docs = [
            "  Troops massed.\n\nNorth Korea sent shells.  \n",
            "North\n\nKorea was not named.\n",
            "Shells.\nNorth Korea\n\nand more shells\n",
            "",
        ];
        let gate_in = |scope, when: &[&str]| {
            let mut g = gate(when, &[]);
            g.scope = scope;
            g
        };
        // How many units each gate admits in each document.
        let admitted = |gates: [&Gate; 3]| -> Vec<[usize; 3]> {
            let scopes = [Scope::Paragraph, Scope::Document, Scope::Document];
            docs.iter()
                .map(|text| {
                    let doc = Document::parse("a.txt", text.as_bytes().to_vec(), None).unwrap();
                    let mut cache = DocumentGates::default();
                    std::array::from_fn(|i| gates[i].admitted(&doc, scopes[i], &mut cache).len())
                })
                .collect()
        };
        let mut paragraph = gate_in(Scope::Paragraph, &["shells"]);
        let mut topic = gate_in(Scope::Document, &[r"\bNorth Korea\b"]);
        let mut spanning = gate_in(Scope::Document, &[r"North\s+Korea"]);
        let alone = admitted([&paragraph, &topic, &spanning]);
        assert_eq!(alone, [[1, 1, 1], [0, 0, 1], [1, 1, 1], [0, 0, 0]]);

        // The topic joins the paragraph set; a pattern that may take a line
        // break keeps the whole document to itself.
        share(&mut [
            (&mut paragraph, Scope::Paragraph, &[]),
            (&mut topic, Scope::Document, &[]),
        ]);
        assert!(Arc::ptr_eq(
            topic.shared().unwrap(),
            paragraph.shared().unwrap()
        ));
        let mut crossing = gate_in(Scope::Paragraph, &["shells"]);
        share(&mut [
            (&mut crossing, Scope::Paragraph, &[]),
            (&mut spanning, Scope::Document, &[]),
        ]);
        assert!(!Arc::ptr_eq(
            spanning.shared().unwrap(),
            crossing.shared().unwrap()
        ));
        assert_eq!(admitted([&paragraph, &topic, &spanning]), alone);
        let doc = Document::parse("a.txt", docs[0].as_bytes().to_vec(), None).unwrap();
        let mut cache = DocumentGates::default();
        topic.admitted(&doc, Scope::Document, &mut cache);
        paragraph.admitted(&doc, Scope::Paragraph, &mut cache);
        assert_eq!(cache.matched.len(), 1, "one pass, over the paragraphs");
    }
}
