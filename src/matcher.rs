//! How factlint builds its regexes: the regex crate's engine (`meta::Regex`,
//! what `regex::Regex` wraps) with literal prefilters turned off, but for a
//! few built-in patterns that look for a rare literal in whole articles.
//!
//! A prefilter is an index of the literals a pattern must start with, built
//! when the pattern compiles. factlint searches short haystacks (a sentence,
//! a paragraph, one article), where the lazy DFA alone is as fast, so the
//! prefilter rarely pays back its cost; and building it is about half of
//! compiling a case-insensitive pattern. For one article, compiling is most of
//! the run: without prefilters, `factlint check ARTICLE` compiles its regexes
//! in half the time. Sets of gate patterns even search faster without one.
//!
//! Patterns are built from the syntax tree a check file's pattern was parsed
//! into, so each is parsed once.
//!
//! Sets of gate patterns ([`Set`]) are built from the engine's parts instead:
//! a set never asks where a match starts, so it needs no reverse automaton.

use crate::search_caches::Owner;
use regex_automata::hybrid;
use regex_automata::hybrid::LazyStateID;
use regex_automata::meta::{self, BuildError, Regex};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchError, MatchKind, PatternSet};
use regex_syntax::hir::Hir;
use std::ops::Range;

/// The configuration of every regex: matches as the regex crate finds them
/// (leftmost-first, never splitting a UTF-8 character), automata up to
/// `size_limit` bytes, no prefilter, and no full DFA: the regex crate builds
/// one ahead for each small pattern, which cost one article 3% of its
/// instructions and did not pay back on 1,000 articles (the lazy DFA builds
/// the states a search needs).
fn config(size_limit: usize) -> meta::Config {
    meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(size_limit))
        .hybrid_cache_capacity(size_limit)
        .auto_prefilter(false)
        .dfa(false)
}

/// One pattern, parsed: `regex::Regex::new` without the prefilter.
pub fn build(hir: &Hir, size_limit: usize) -> Result<Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(config(size_limit))
        .build_from_hir(hir)
        .map_err(Box::new)
}

/// One pattern from its source, for the patterns built into factlint. The
/// syntax is the regex crate's (Unicode, UTF-8 only).
pub fn build_str(pattern: &str) -> Result<Regex, Box<BuildError>> {
    build_source(&[pattern], config(10 << 20))
}

/// Several built-in patterns searched as one, as their alternation would be
/// (leftmost-first, in the order given). A match's groups are resolved over
/// the pattern that matched, not by backtracking through those before it.
pub fn build_many_str(patterns: &[String]) -> Result<Regex, Box<BuildError>> {
    build_source(patterns, config(10 << 20))
}

/// Like [`build_str`], with the prefilter: for the built-in patterns that
/// scan whole articles for a literal that is rare in prose (`<!--`, `://`,
/// a comma after a space), where skipping to it is 5-30x faster than the
/// lazy DFA reading every byte, and worth the 0.1 ms it costs to build.
pub fn build_str_prefiltered(pattern: &str) -> Result<Regex, Box<BuildError>> {
    build_source(&[pattern], config(10 << 20).auto_prefilter(true))
}

/// Builds built-in patterns, searched as one, from the trees
/// [`crate::parsed`] keeps for their sources: parsed once per process, and
/// stored across runs with the checks' patterns.
fn build_source<P: AsRef<str>>(
    patterns: &[P],
    config: meta::Config,
) -> Result<Regex, Box<BuildError>> {
    let mut builder = meta::Builder::new();
    builder.configure(config);
    match patterns
        .iter()
        .map(|p| crate::parsed::parse(p.as_ref()))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(hirs) => builder.build_many_from_hir(&hirs),
        // The regex crate's parser says what is wrong, in its own error.
        Err(_) => builder
            .syntax(syntax::Config::new().utf8(true))
            .build_many(patterns),
    }
    .map_err(Box::new)
}

/// A set of patterns: says which of them match somewhere in a haystack, as
/// `regex::RegexSet` does (no match positions, no capture groups).
///
/// Built forward only: the lazy DFA, with the PikeVM where the lazy DFA gives
/// up (a Unicode word boundary before a non-ASCII byte, a cache cleared too
/// often). The regex crate's engine would also compile the patterns in
/// reverse, to find where matches start, which a set never asks: that was
/// half of compiling the gate sets, and the sets are the first thing linting
/// an article waits for.
pub struct Set {
    engines: SetEngines,
    /// Its search caches, kept per thread ([`crate::search_caches`]).
    caches: Owner,
}

impl Set {
    /// How many patterns the set has.
    pub fn pattern_len(&self) -> usize {
        self.engines.pikevm.get_nfa().pattern_len()
    }
}

struct SetEngines {
    /// `None` when the lazy DFA could not be built (its cache too small).
    dfa: Option<hybrid::dfa::DFA>,
    pikevm: PikeVM,
}

struct SetCache {
    dfa: Option<hybrid::dfa::Cache>,
    pikevm: pikevm::Cache,
}

/// Compiles `hirs` into a [`Set`]; its automata use up to `size_limit` bytes.
pub fn build_set<H: std::borrow::Borrow<Hir>>(
    hirs: &[H],
    size_limit: usize,
) -> Result<Set, Box<thompson::BuildError>> {
    let hirs: Vec<&Hir> = hirs.iter().map(|h| h.borrow()).collect();
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(size_limit)),
        )
        .build_many_from_hir(&hirs)
        .map_err(Box::new)?;
    // As the regex crate configures its lazy DFA: it may quit on a Unicode
    // word boundary, and gives up when it would rebuild its cache often.
    let dfa = hybrid::dfa::Builder::new()
        .configure(
            hybrid::dfa::Config::new()
                .match_kind(MatchKind::All)
                .unicode_word_boundary(true)
                .cache_capacity(size_limit)
                .minimum_cache_clear_count(Some(3))
                .minimum_bytes_per_state(Some(10)),
        )
        .build_from_nfa(nfa.clone())
        .ok();
    let pikevm = PikeVM::builder()
        .configure(PikeVM::config().match_kind(MatchKind::All))
        .build_from_nfa(nfa)
        .map_err(Box::new)?;
    Ok(Set {
        engines: SetEngines { dfa, pikevm },
        caches: Owner::default(),
    })
}

/// How many words of bits hold which of `patterns` patterns matched (see
/// [`set_matches_each`]).
pub fn words_for(patterns: usize) -> usize {
    patterns.div_ceil(64).max(1)
}

/// Where pattern `i`'s bit is in a set's answer: its word, and the bit in it.
pub fn bit_of(i: usize) -> (usize, u64) {
    (i / 64, 1 << (i % 64))
}

/// Sets, for each of `texts`, the bit of each pattern of `set` that matches
/// somewhere in it ([`bit_of`] says where it is): `found` holds their
/// answers one after another, [`words_for`] the set's patterns each, zeroed.
/// The caller gives the words, so that a document's units share one
/// allocation and a gate checks its patterns with a few word operations.
///
/// One pass of the lazy DFA over each text, two texts at a time
/// ([`every_match_each`]). The PikeVM reads the texts the lazy DFA gives
/// up on.
pub fn set_matches_each(set: &Set, texts: &[&str], found: &mut [u64]) {
    let patterns = set.pattern_len();
    let words = words_for(patterns);
    let engines = &set.engines;
    let mut cache = set.caches.cache(|| SetCache {
        dfa: engines.dfa.as_ref().map(hybrid::dfa::Cache::new),
        pikevm: engines.pikevm.create_cache(),
    });
    let cache = &mut *cache;
    // The texts the lazy DFA leaves to the PikeVM.
    let left: Vec<usize> = match (&set.engines.dfa, cache.dfa.as_mut()) {
        (Some(dfa), Some(dfa_cache)) if dfa.get_nfa().has_empty() && dfa.get_nfa().is_utf8() => {
            // Empty matches that would split a character are not matches;
            // the regex crate's own loop steps over them.
            let mut given_up = Vec::new();
            for (unit, text) in texts.iter().enumerate() {
                let mut matched = PatternSet::new(patterns);
                match dfa.try_which_overlapping_matches(dfa_cache, &Input::new(text), &mut matched)
                {
                    Ok(()) => copy_bits(&matched, answer(found, unit, words)),
                    Err(_) => given_up.push(unit),
                }
            }
            given_up
        }
        (Some(dfa), Some(dfa_cache)) => {
            match every_match_each(dfa, dfa_cache, texts, found, patterns) {
                Ok(given_up) => given_up,
                // It gave up, or its cache was cleared under two lanes: each
                // text again, alone.
                Err(_) => {
                    found.fill(0);
                    (0..texts.len())
                        .filter(|&unit| {
                            let one = &texts[unit..=unit];
                            every_match_each(
                                dfa,
                                dfa_cache,
                                one,
                                answer(found, unit, words),
                                patterns,
                            )
                            .map_or(true, |given_up| !given_up.is_empty())
                        })
                        .collect()
                }
            }
        }
        _ => (0..texts.len()).collect(),
    };
    for unit in left {
        let found = answer(found, unit, words);
        found.fill(0);
        let mut matched = PatternSet::new(patterns);
        set.engines.pikevm.which_overlapping_matches(
            &mut cache.pikevm,
            &Input::new(texts[unit]),
            &mut matched,
        );
        copy_bits(&matched, found);
    }
}

/// The words of `found` that hold the answer for text `unit`.
fn answer(found: &mut [u64], unit: usize, words: usize) -> &mut [u64] {
    &mut found[unit * words..][..words]
}

/// A text [`every_match_each`] is reading: which one, how far, in which
/// state, and how many patterns it has matched.
struct Lane<'t> {
    unit: usize,
    text: &'t [u8],
    at: usize,
    sid: LazyStateID,
    matched: usize,
}

/// What one step of a lane ([`step`]) left it doing.
enum Read {
    Going,
    Done,
    /// The lazy DFA quit on a byte it cannot read: another engine must.
    Quit,
}

/// Adds the pattern of every match state the lazy DFA reaches in each of
/// `texts` to its answer in `found`: what `try_which_overlapping_matches`
/// answers, read in one loop. The regex crate's loop returns to its caller
/// at every match and takes the checked path on every byte; this one
/// follows computed transitions straight from the transition table, as the
/// search for the leftmost match does, and collects a match state's
/// patterns where it meets them.
///
/// Texts are read two at a time: the fast loop follows a transition of each
/// in turn. Following a transition waits for the load of the one before;
/// with two texts the processor has two chains of loads to overlap, and
/// reads a set 1.4-1.75x faster. Returns the texts the lazy DFA quit in,
/// for another engine. An error when it gave up, or when its cache was
/// cleared while two texts were being read: that leaves the other one's
/// state meaningless.
fn every_match_each(
    dfa: &hybrid::dfa::DFA,
    cache: &mut hybrid::dfa::Cache,
    texts: &[&str],
    found: &mut [u64],
    patterns: usize,
) -> Result<Vec<usize>, MatchError> {
    let mut reading = Reading {
        dfa,
        queue: texts.iter().enumerate(),
        found,
        patterns,
        read: 0,
        quit: Vec::new(),
    };
    let mut lanes: [Option<Lane>; 2] = [None, None];
    let mut clears = cache.clear_count();
    cache.search_start(0);
    loop {
        for first in [true, false] {
            let [one, two] = &mut lanes;
            let (lane, other) = if first { (one, two) } else { (two, one) };
            reading.feed(cache, lane)?;
            if cache.clear_count() != clears {
                if other.is_some() {
                    return Err(MatchError::gave_up(0));
                }
                clears = cache.clear_count();
            }
        }
        match &mut lanes {
            [Some(a), Some(b)] => untagged_pair(dfa, cache, a, b),
            [Some(a), None] | [None, Some(a)] => {
                (a.sid, a.at) = untagged_run(dfa, cache, a.sid, a.text, a.at);
            }
            [None, None] => break,
        }
    }
    cache.search_finish(reading.read);
    Ok(reading.quit)
}

/// The texts [`every_match_each`] has yet to start, and what it has found.
struct Reading<'d, 't, 'f> {
    dfa: &'d hybrid::dfa::DFA,
    queue: std::iter::Enumerate<std::slice::Iter<'t, &'t str>>,
    found: &'f mut [u64],
    patterns: usize,
    /// Bytes read so far, for the cache's count of how much it served.
    read: usize,
    /// The texts the lazy DFA quit in.
    quit: Vec<usize>,
}

impl<'t> Reading<'_, 't, '_> {
    /// Takes the steps of the lane in `slot` that a fast loop cannot take,
    /// and starts the next text in it when its own is read, until it can go
    /// on in a fast loop or no text is left.
    fn feed(
        &mut self,
        cache: &mut hybrid::dfa::Cache,
        slot: &mut Option<Lane<'t>>,
    ) -> Result<(), MatchError> {
        let dfa = self.dfa;
        let words = words_for(self.patterns);
        loop {
            let lane = match slot {
                Some(lane) => lane,
                None => {
                    let Some((unit, text)) = self.queue.next() else {
                        return Ok(());
                    };
                    let sid = dfa.start_state_forward(cache, &Input::new(text))?;
                    slot.insert(Lane {
                        unit,
                        text: text.as_bytes(),
                        at: 0,
                        sid,
                        matched: 0,
                    })
                }
            };
            if !blocked(dfa, cache, lane) {
                return Ok(());
            }
            cache.search_update(self.read + lane.at);
            let mut bits = Bits {
                words: answer(self.found, lane.unit, words),
                set: lane.matched,
                patterns: self.patterns,
            };
            let outcome = step(dfa, cache, lane, &mut bits)?;
            lane.matched = bits.set;
            if let Read::Quit = outcome {
                self.quit.push(lane.unit);
            }
            if !matches!(outcome, Read::Going) {
                self.read += lane.at;
                *slot = None;
            }
        }
    }
}

/// Whether `lane` cannot take its next byte in a fast loop: it is at its
/// end, in a tagged state (a match), or the transition is tagged.
fn blocked(dfa: &hybrid::dfa::DFA, cache: &hybrid::dfa::Cache, lane: &Lane) -> bool {
    match lane.text.get(lane.at) {
        None => true,
        Some(&byte) => {
            lane.sid.is_tagged() || dfa.next_state_untagged(cache, lane.sid, byte).is_tagged()
        }
    }
}

/// One step of a blocked lane: the byte past the end, or a transition into
/// or out of a match, or not computed yet.
fn step(
    dfa: &hybrid::dfa::DFA,
    cache: &mut hybrid::dfa::Cache,
    lane: &mut Lane,
    found: &mut Bits<'_>,
) -> Result<Read, MatchError> {
    let Some(&byte) = lane.text.get(lane.at) else {
        // Matches show one byte late: the end says whether one ends there.
        let sid = dfa
            .next_eoi_state(cache, lane.sid)
            .map_err(|_| MatchError::gave_up(lane.at))?;
        if sid.is_match() {
            add_patterns(dfa, cache, sid, found);
        }
        return Ok(Read::Done);
    };
    let sid = dfa
        .next_state(cache, lane.sid, byte)
        .map_err(|_| MatchError::gave_up(lane.at))?;
    lane.sid = sid;
    lane.at += 1;
    if sid.is_match() {
        add_patterns(dfa, cache, sid, found);
        // Every pattern found: the rest of the text cannot add one.
        if found.is_full() {
            return Ok(Read::Done);
        }
    } else if sid.is_dead() {
        return Ok(Read::Done);
    } else if sid.is_quit() {
        return Ok(Read::Quit);
    }
    Ok(Read::Going)
}

/// Follows computed transitions between states that are not matches in two
/// lanes at once, each from an untagged state, until either is at its end
/// or at a byte whose transition is tagged.
fn untagged_pair(dfa: &hybrid::dfa::DFA, cache: &hybrid::dfa::Cache, a: &mut Lane, b: &mut Lane) {
    let steps = (a.text.len() - a.at).min(b.text.len() - b.at);
    let (text_a, text_b) = (&a.text[a.at..][..steps], &b.text[b.at..][..steps]);
    let (mut sid_a, mut sid_b) = (a.sid, b.sid);
    let mut taken = 0;
    for (&byte_a, &byte_b) in text_a.iter().zip(text_b) {
        let next_a = dfa.next_state_untagged(cache, sid_a, byte_a);
        let next_b = dfa.next_state_untagged(cache, sid_b, byte_b);
        if next_a.is_tagged() || next_b.is_tagged() {
            break;
        }
        (sid_a, sid_b) = (next_a, next_b);
        taken += 1;
    }
    (a.sid, a.at) = (sid_a, a.at + taken);
    (b.sid, b.at) = (sid_b, b.at + taken);
}

/// The bits of the patterns in `answer`, set in `found`.
fn copy_bits(answer: &PatternSet, found: &mut [u64]) {
    for id in answer.iter() {
        let (word, bit) = bit_of(id.as_usize());
        found[word] |= bit;
    }
}

/// Bits of the patterns found so far, and how many.
struct Bits<'a> {
    words: &'a mut [u64],
    set: usize,
    patterns: usize,
}

impl Bits<'_> {
    fn insert(&mut self, i: usize) {
        let (word, bit) = bit_of(i);
        if self.words[word] & bit == 0 {
            self.words[word] |= bit;
            self.set += 1;
        }
    }

    fn is_full(&self) -> bool {
        self.set == self.patterns
    }
}

/// Follows computed transitions between states that are not matches from
/// the untagged state `sid` at `at`, as far as they go: to the end of
/// `haystack`, or to a byte whose transition is tagged (a match, or not
/// computed yet). Four bytes at a time, as the regex crate's own search loop
/// does, with one bounds check for the four.
fn untagged_run(
    dfa: &hybrid::dfa::DFA,
    cache: &hybrid::dfa::Cache,
    mut sid: LazyStateID,
    haystack: &[u8],
    mut at: usize,
) -> (LazyStateID, usize) {
    while let Some(&[b0, b1, b2, b3]) = haystack.get(at..at + 4) {
        let s0 = dfa.next_state_untagged(cache, sid, b0);
        if s0.is_tagged() {
            return (sid, at);
        }
        let s1 = dfa.next_state_untagged(cache, s0, b1);
        if s1.is_tagged() {
            return (s0, at + 1);
        }
        let s2 = dfa.next_state_untagged(cache, s1, b2);
        if s2.is_tagged() {
            return (s1, at + 2);
        }
        let s3 = dfa.next_state_untagged(cache, s2, b3);
        if s3.is_tagged() {
            return (s2, at + 3);
        }
        (sid, at) = (s3, at + 4);
    }
    while let Some(&byte) = haystack.get(at) {
        let next = dfa.next_state_untagged(cache, sid, byte);
        if next.is_tagged() {
            break;
        }
        (sid, at) = (next, at + 1);
    }
    (sid, at)
}

/// Adds the patterns that match where the match state `sid` is entered.
fn add_patterns(
    dfa: &hybrid::dfa::DFA,
    cache: &hybrid::dfa::Cache,
    sid: LazyStateID,
    found: &mut Bits<'_>,
) {
    for index in 0..dfa.match_len(cache, sid) {
        found.insert(dfa.match_pattern(cache, sid, index).as_usize());
    }
}

/// One group of a match, in the text searched: what `regex::Match` gives,
/// for the value extractors, which read many named groups.
#[derive(Clone, Copy, Debug)]
pub struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The part of this group at `range`, counted from its start.
    pub fn part(&self, range: Range<usize>) -> Group<'t> {
        Group {
            text: self.text,
            start: self.start + range.start,
            end: self.start + range.end,
        }
    }
}

/// The groups of one match: what `regex::Captures` gives.
pub struct Groups<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Groups<'t> {
    /// Group `index`; 0 is the whole match.
    pub fn get(&self, index: usize) -> Option<Group<'t>> {
        self.group(self.caps.get_group(index)?)
    }

    /// The group named `name`, if it took part in the match. The names of the
    /// pattern that matched are read in turn: a pattern has a few, and
    /// comparing them costs less than hashing `name` (the regex crate's map
    /// is keyed with SipHash), which the value extractors did for every group
    /// of every match.
    pub fn name(&self, name: &str) -> Option<Group<'t>> {
        let pattern = self.caps.pattern()?;
        let index = self
            .caps
            .group_info()
            .pattern_names(pattern)
            .position(|group| group == Some(name))?;
        self.get(index)
    }

    /// `template` with `$name`, `${name}` and `$1` replaced by those groups,
    /// as `regex::Captures::expand` does.
    pub fn interpolate(&self, template: &str) -> String {
        let mut out = String::new();
        self.caps
            .interpolate_string_into(self.text, template, &mut out);
        out
    }

    fn group(&self, span: regex_automata::Span) -> Option<Group<'t>> {
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

/// The first match in `text` at or after byte `at`, with its groups. What
/// comes before `at` still counts for `^` and `\b`, as in
/// `regex::Regex::captures_at`.
pub fn captures_at<'t>(regex: &Regex, text: &'t str, at: usize) -> Option<Groups<'t>> {
    let mut caps = regex.create_captures();
    regex.search_captures(&Input::new(text).range(at..), &mut caps);
    caps.is_match().then_some(Groups { text, caps })
}

/// The groups of a match already found at `found`, for a caller that needs
/// them of some matches only. The search is anchored at the match's start and
/// stops at its end: it is the same match, since a way of matching the regex
/// prefers would have been found in the first place, and `^`, `$` and `\b`
/// still see the text around it. The search uses `cache`, or the regex's
/// own pool without one.
pub fn groups_of<'t>(
    regex: &Regex,
    cache: Option<&mut meta::Cache>,
    text: &'t str,
    found: Range<usize>,
) -> Option<Groups<'t>> {
    let mut caps = regex.create_captures();
    let input = Input::new(text).range(found).anchored(Anchored::Yes);
    match cache {
        Some(cache) => regex.search_captures_with(cache, &input, &mut caps),
        None => regex.search_captures(&input, &mut caps),
    }
    caps.is_match().then_some(Groups { text, caps })
}

/// The groups of one match: resolved by the engine, or read off the match by
/// a caller that knows its shape (a bounded backtracker over a large NFA
/// costs more than the rest of reading a number or a date).
pub enum Parts<'t> {
    Resolved(Groups<'t>),
    /// The whole match, and the named groups in it.
    Shape(Group<'t>, [Option<(&'static str, Group<'t>)>; 4]),
}

impl<'t> Parts<'t> {
    pub fn whole(&self) -> Option<Group<'t>> {
        match self {
            Parts::Resolved(groups) => groups.get(0),
            Parts::Shape(whole, _) => Some(*whole),
        }
    }

    pub fn name(&self, name: &str) -> Option<Group<'t>> {
        match self {
            Parts::Resolved(groups) => groups.name(name),
            Parts::Shape(_, named) => named
                .iter()
                .flatten()
                .find(|(named, _)| *named == name)
                .map(|(_, group)| *group),
        }
    }
}

/// The first match in `text` at or after byte `at`, and the pattern (of a
/// regex built from several) that matched.
pub fn find_pattern_at<'t>(regex: &Regex, text: &'t str, at: usize) -> Option<(usize, Group<'t>)> {
    let m = regex.search(&Input::new(text).range(at..))?;
    let found = Group {
        text,
        start: m.start(),
        end: m.end(),
    };
    Some((m.pattern().as_usize(), found))
}

/// The span of each named group of `pattern` (of `regex`), as `group`
/// finds it: what the tests of a shortcut that reads groups off a match
/// compare with the groups the engine resolves.
#[cfg(test)]
pub fn named_spans<'r, 't>(
    regex: &'r Regex,
    pattern: usize,
    group: impl Fn(&str) -> Option<Group<'t>>,
) -> Vec<(&'r str, Option<Range<usize>>)> {
    let names = regex
        .group_info()
        .pattern_names(regex_automata::PatternID::must(pattern));
    names
        .flatten()
        .map(|name| (name, group(name).map(|g| g.range())))
        .collect()
}

/// The first match in `text` at or after byte `at`, without its groups.
pub fn find_at<'t>(regex: &Regex, text: &'t str, at: usize) -> Option<Group<'t>> {
    find_pattern_at(regex, text, at).map(|(_, found)| found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hir(p: &str) -> Hir {
        regex_syntax::parse(p).unwrap()
    }

    /// Same matches as the regex crate, on leftmost-first alternations,
    /// empty matches between multi-byte characters and case folding.
    #[test]
    fn matches_as_the_regex_crate_does() {
        let text = "Sam, samuel and SAMWISE — “ſam” K? é";
        for p in [
            r"(?i)sam|samwise",
            r"\b\w+\b",
            "",
            r"(?i)ſ|k",
            r"\s*",
            "é|e",
        ] {
            let ours = build(&hir(p), 1 << 20).unwrap();
            let theirs = regex::Regex::new(p).unwrap();
            let ours: Vec<_> = ours.find_iter(text).map(|m| m.range()).collect();
            let theirs: Vec<_> = theirs.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(ours, theirs, "{p}");
        }
    }

    /// The prefilter changes how fast a match is found, never which.
    #[test]
    fn prefiltered_patterns_match_as_the_regex_crate_does() {
        let text =
            "see https://x.org/a, WWW.Example.com and its , the <!-- factlint-enable --> end";
        for (p, count) in [
            (r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()\[\]]+", 2),
            (r"(?-u:\b)[A-Za-z]+[ \t]+[,;]", 1),
            (r"<!--\s*factlint-(enable)\s*-->", 1),
        ] {
            let ours = build_str_prefiltered(p).unwrap();
            let theirs = regex::Regex::new(p).unwrap();
            let ours: Vec<_> = ours.find_iter(text).map(|m| m.range()).collect();
            let theirs: Vec<_> = theirs.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(ours.len(), count, "{p}: {ours:?}");
            assert_eq!(ours, theirs, "{p}");
        }
    }

    #[test]
    fn sets_report_every_matching_pattern() {
        let hirs = [hir("annex"), hir("(?i)crimea"), hir("ducks"), hir("a")];
        let set = build_set(&hirs, 1 << 20).unwrap();
        assert_eq!(matching(&set, "Crimea was annexed"), [0, 1, 3]);
    }

    #[test]
    fn sets_of_more_than_64_patterns_answer_in_several_words() {
        let words: Vec<String> = (0..70).map(|i| format!("w{i}x")).collect();
        let patterns: Vec<&str> = words.iter().map(String::as_str).collect();
        sets_agree(
            &patterns,
            &["w0x w63x w64x w69x", "w65x", "none", "w1x w1x"],
        );
        let (ours, _) = both_sets(&patterns, "w64x and w3x");
        assert_eq!(ours, [3, 64]);
    }

    /// The patterns a set's own loop and the regex crate's sets say match.
    fn both_sets(patterns: &[&str], text: &str) -> (Vec<usize>, Vec<usize>) {
        let hirs: Vec<Hir> = patterns.iter().map(|p| hir(p)).collect();
        let ours = build_set(&hirs, 1 << 20).unwrap();
        let theirs = regex::RegexSet::new(patterns).unwrap();
        (
            matching(&ours, text),
            theirs.matches(text).into_iter().collect(),
        )
    }

    /// The patterns of `set` that match in `text`, read off their bits.
    fn matching(set: &Set, text: &str) -> Vec<usize> {
        matching_each(set, &[text]).remove(0)
    }

    fn sets_agree(patterns: &[&str], texts: &[&str]) {
        for text in texts {
            let (ours, theirs) = both_sets(patterns, text);
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    /// Patterns whose matches end at the end of the text (seen only on the
    /// step past it), end together, overlap, or leave the automaton nothing
    /// more to find (anchored ones); and patterns that match empty, which
    /// the regex crate's own loop reads.
    #[test]
    fn every_matching_pattern_is_found_wherever_its_match_ends() {
        let patterns = [
            "annexed$",
            "(?m)^Crimea",
            "^Crimea",
            "(?-u:\\b)ed(?-u:\\b)",
            "nnexed",
            "exed",
            "(?i)CRIMEA was",
        ];
        sets_agree(
            &patterns,
            &[
                "Crimea was annexed",
                "Crimea was annexed.",
                "x\nCrimea ed",
                "ed",
                "",
            ],
        );
        let (ours, theirs) = both_sets(&["^annex", "^Crimea"], "Crimea was annexed");
        assert_eq!(
            (ours.as_slice(), theirs.as_slice()),
            ([1].as_slice(), [1].as_slice())
        );
        let (ours, theirs) = both_sets(&["(?-u:\\B)", "x*", "annex"], "é annexed");
        assert_eq!(
            (ours.as_slice(), theirs.as_slice()),
            ([0, 1, 2].as_slice(), [0, 1, 2].as_slice())
        );
    }

    /// The answers for each of `texts`, read together.
    fn matching_each(set: &Set, texts: &[&str]) -> Vec<Vec<usize>> {
        let words = words_for(set.pattern_len());
        let mut found = vec![0; words * texts.len()];
        set_matches_each(set, texts, &mut found);
        found
            .chunks_exact(words)
            .map(|found| {
                (0..set.pattern_len())
                    .filter(|&i| {
                        let (word, bit) = bit_of(i);
                        found[word] & bit != 0
                    })
                    .collect()
            })
            .collect()
    }

    /// Texts read two at a time get the answers `regex::RegexSet` gives each
    /// alone: texts of different lengths (one lane runs out first), empty
    /// ones, matches at the ends, a set that matches empty, and texts where
    /// the lazy DFA quits (a Unicode word boundary before a non-ASCII letter)
    /// among texts it reads. Small caches are cleared while both lanes are
    /// reading, which sends every text to be read again one by one.
    #[test]
    fn texts_read_together_get_the_answers_each_gets_alone() {
        let texts = [
            "Crimea was annexed",
            "",
            "annexed",
            "un été — CAFÉ annexed",
            "x",
            "The peninsula, which Moscow annexed in 2014, was hit; Crimea again.",
            "été",
            "Crimea",
            "a long text that goes on and on without any of the words at all, and then was",
        ];
        let sets: [&[&str]; 4] = [
            &["(?-u:\\b)annex", "(?i)crimea", "was$", "(?m)^Crimea", "—"],
            &["\\bété\\b", "(?-u:\\b)annex", "(?i)\\bcafé"],
            &["x*", "annex"],
            &[
                "(?i)(?-u:\\b)[a-z]+ed(?-u:\\b)",
                "[0-9]{4}",
                "(?-u:\\b)on and on",
            ],
        ];
        for patterns in sets {
            let hirs: Vec<Hir> = patterns.iter().map(|p| hir(p)).collect();
            let theirs = regex::RegexSet::new(patterns).unwrap();
            let expected: Vec<Vec<usize>> = texts
                .iter()
                .map(|text| theirs.matches(text).into_iter().collect())
                .collect();
            for size_limit in [1 << 11, 1 << 13, 1 << 20] {
                let Ok(set) = build_set(&hirs, size_limit) else {
                    continue;
                };
                assert_eq!(matching_each(&set, &texts), expected, "{patterns:?}");
                for pair in texts.windows(2) {
                    assert_eq!(
                        matching_each(&set, pair),
                        [
                            theirs.matches(pair[0]).into_iter().collect::<Vec<_>>(),
                            theirs.matches(pair[1]).into_iter().collect()
                        ],
                        "{patterns:?} {pair:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// Any text made of the pieces gate patterns look for gets the same
        /// answer as from `regex::RegexSet`.
        #[test]
        fn sets_answer_as_the_regex_crate_does_on_any_text(
            text in "(annex|ed|Crimea|was| |\\.|\\n|é|—|20[0-9]{2}|x){0,16}"
        ) {
            let patterns = [
                "(?i)(?-u:\\b)annex(?:ed)?(?-u:\\b)",
                "(?m)^Crimea",
                "ed$",
                "(?-u:\\b)20[0-9]{2}(?-u:\\b)",
                "\\bwas\\b",
                "é(?-u:\\b)",
                "x{2,}",
                "(?mR)^[ \\t]*(?P<flag>—[^\\n]*)$",
            ];
            let (ours, theirs) = both_sets(&patterns, &text);
            proptest::prop_assert_eq!(ours, theirs);
        }

        /// Several such texts read together: each gets its own answer.
        #[test]
        fn texts_read_together_answer_as_the_regex_crate_does(
            texts in proptest::collection::vec("(annex|ed|Crimea|was| |\\.|\\n|é|—|20[0-9]{2}|x){0,12}", 0..6)
        ) {
            let patterns = [
                "(?i)(?-u:\\b)annex(?:ed)?(?-u:\\b)",
                "(?m)^Crimea",
                "ed$",
                "(?-u:\\b)20[0-9]{2}(?-u:\\b)",
                "é(?-u:\\b)",
                "(?mR)^[ \\t]*(?P<flag>—[^\\n]*)$",
            ];
            let hirs: Vec<Hir> = patterns.iter().map(|p| hir(p)).collect();
            let set = build_set(&hirs, 1 << 20).unwrap();
            let theirs = regex::RegexSet::new(patterns).unwrap();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let expected: Vec<Vec<usize>> = texts
                .iter()
                .map(|text| theirs.matches(text).into_iter().collect())
                .collect();
            proptest::prop_assert_eq!(matching_each(&set, &texts), expected);
        }
    }

    /// The same answer as `regex::RegexSet`, also where the lazy DFA gives up
    /// and the PikeVM reads the text: a Unicode word boundary next to a
    /// non-ASCII letter.
    #[test]
    fn sets_match_as_the_regex_crate_does() {
        let patterns = [r"\bété\b", r"(?i)\bcafé", r"(?-u:\b)annex", r"\w+ed\b", "—"];
        let texts = [
            "",
            "Crimea was annexed",
            "un été — CAFÉ",
            "étéx été",
            "annexé",
            "plain ascii words only",
        ];
        sets_agree(&patterns, &texts);
    }

    #[test]
    fn groups_are_found_from_an_offset_as_the_regex_crate_finds_them() {
        let pattern = r"\b(?P<day>[0-9]{1,2}) (?P<month>Jan|Feb)(?P<dot>\.)?";
        let ours = build_str(pattern).unwrap();
        let theirs = regex::Regex::new(pattern).unwrap();
        let text = "12 Jan, 3 Feb. and x4 Jan";
        for at in 0..=text.len() {
            let ours = captures_at(&ours, text, at);
            let theirs = theirs.captures_at(text, at);
            assert_eq!(ours.is_some(), theirs.is_some(), "at {at}");
            let (Some(ours), Some(theirs)) = (ours, theirs) else {
                continue;
            };
            for name in ["day", "month", "dot"] {
                let ours = ours.name(name).map(|g| (g.range(), g.as_str()));
                let theirs = theirs.name(name).map(|m| (m.range(), m.as_str()));
                assert_eq!(ours, theirs, "{name} at {at}");
            }
            assert_eq!(
                ours.get(0).map(|g| g.range()),
                theirs.get(0).map(|m| m.range())
            );
            let found = find_at(&build_str(pattern).unwrap(), text, at).map(|g| g.range());
            assert_eq!(found, ours.get(0).map(|g| g.range()));
        }
    }

    /// Where the regex prefers a shorter way ("a" before "ab"), where a word
    /// boundary or `$` looks past the match, where an optional group is left
    /// out, and where several patterns could match at one place.
    #[test]
    fn groups_of_a_match_found_are_the_groups_found_from_its_start() {
        let regexes = [
            build_str(r"(?P<a>a)|(?P<ab>ab)").unwrap(),
            build_str(r"(?P<w>\w+)\b(?P<dot>\.)?").unwrap(),
            build_str(r"(?m)(?P<n>[0-9]+)(?P<pct> ?%)?$").unwrap(),
            build_many_str(&[r"(?P<x>[0-9]+)".into(), r"(?P<y>[0-9]+ ?%)".into()]).unwrap(),
        ];
        let texts = ["ab abc", "say 12.5 % or 30%\n4", "12 %"];
        for regex in &regexes {
            for text in texts {
                let mut at = 0;
                while let Some((pattern, found)) = find_pattern_at(regex, text, at) {
                    let ours = groups_of(regex, None, text, found.range()).unwrap();
                    let theirs = captures_at(regex, text, found.start()).unwrap();
                    assert_eq!(
                        named_spans(regex, pattern, |name| ours.name(name)),
                        named_spans(regex, pattern, |name| theirs.name(name)),
                        "{text:?}"
                    );
                    assert_eq!(ours.get(0).map(|g| g.range()), Some(found.range()));
                    at = found.end().max(found.start() + 1);
                }
            }
        }
    }

    #[test]
    fn size_limit_is_reported() {
        let e = build(&hir(r"(\w{100}){100}"), 1 << 20).unwrap_err();
        assert_eq!(e.size_limit(), Some(1 << 20));
    }
}
