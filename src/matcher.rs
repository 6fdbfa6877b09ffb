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

use regex_automata::Input;
use regex_automata::meta::{self, BuildError, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_syntax::hir::Hir;
use std::ops::Range;

/// The configuration of every regex: matches as the regex crate finds them
/// (leftmost-first, never splitting a UTF-8 character), automata up to
/// `size_limit` bytes, no prefilter.
fn config(size_limit: usize) -> meta::Config {
    meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(size_limit))
        .hybrid_cache_capacity(size_limit)
        .auto_prefilter(false)
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
    build_source(pattern, config(10 << 20))
}

/// Like [`build_str`], with the prefilter: for the built-in patterns that
/// scan whole articles for a literal that is rare in prose (`<!--`, `://`,
/// a comma after a space), where skipping to it is 5-30x faster than the
/// lazy DFA reading every byte, and worth the 0.1 ms it costs to build.
pub fn build_str_prefiltered(pattern: &str) -> Result<Regex, Box<BuildError>> {
    build_source(pattern, config(10 << 20).auto_prefilter(true))
}

fn build_source(pattern: &str, config: meta::Config) -> Result<Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(config)
        .syntax(syntax::Config::new().utf8(true))
        .build(pattern)
        .map_err(Box::new)
}

/// A set: reports every pattern matching somewhere in a haystack, as
/// `regex::RegexSet` does (all matches, no capture groups).
pub fn build_set<H: std::borrow::Borrow<Hir>>(
    hirs: &[H],
    size_limit: usize,
) -> Result<Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(
            config(size_limit)
                .match_kind(regex_automata::MatchKind::All)
                .which_captures(WhichCaptures::None),
        )
        .build_many_from_hir(hirs)
        .map_err(Box::new)
}

/// The patterns of `set` that match somewhere in `text`. Most paragraphs and
/// whole articles match none of a scope's patterns (87% of paragraphs in the
/// generated corpus), and `is_match` says so with the lazy DFA's fast loop,
/// stopping at the first match, where the overlapping search is slower per
/// byte and always reads to the end: 5.7% fewer instructions in all.
pub fn set_matches(set: &Regex, text: &str) -> regex_automata::PatternSet {
    let mut found = regex_automata::PatternSet::new(set.pattern_len());
    let input = regex_automata::Input::new(text);
    if set.is_match(input.clone()) {
        set.which_overlapping_matches(&input, &mut found);
    }
    found
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

    /// The group named `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Group<'t>> {
        self.group(self.caps.get_group_by_name(name)?)
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

/// The first match in `text` at or after byte `at`, without its groups.
pub fn find_at<'t>(regex: &Regex, text: &'t str, at: usize) -> Option<Group<'t>> {
    let m = regex.search(&Input::new(text).range(at..))?;
    Some(Group {
        text,
        start: m.start(),
        end: m.end(),
    })
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
        let found = set_matches(&set, "Crimea was annexed");
        let ids: Vec<usize> = found.iter().map(|id| id.as_usize()).collect();
        assert_eq!(ids, [0, 1, 3]);
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

    #[test]
    fn size_limit_is_reported() {
        let e = build(&hir(r"(\w{100}){100}"), 1 << 20).unwrap_err();
        assert_eq!(e.size_limit(), Some(1 << 20));
    }
}
