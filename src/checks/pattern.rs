//! A check's regular expressions: checked when the check loads, compiled
//! when first used.
//!
//! Compiling a regex (automata, literal prefilters) costs far more than parsing
//! it, and many are never used in a run: a check's own patterns only run in
//! units its gate admits, and gate patterns run in shared sets. So loading
//! only parses each pattern, which finds every syntax error with its message,
//! and estimates the size of its automaton: a pattern that may come near the
//! size limit is compiled at once, so that refusing it is a load error too.

use super::error::SpecError;
use crate::matcher;
use crate::search_caches::{Lent, Owner};
use regex_automata::Input;
use regex_automata::meta::{self, BuildError, Regex};
use regex_automata::util::iter::Searcher;
use regex_syntax::hir::{Class, Hir, HirKind, Look};
use std::ops::Range;
use std::sync::{Arc, OnceLock};
use toml::Spanned;

/// Most bytes one compiled pattern may take (its automaton; the lazy DFA cache).
const SIZE_LIMIT: usize = 1 << 22;

/// Patterns estimated above this many bytes are compiled while loading, to
/// find out whether they fit. The estimate is an upper bound of the compiled
/// size (see [`estimated_size`]), so a pattern under it fits.
const EAGER_ABOVE: usize = SIZE_LIMIT;

/// A user's regex, compiled on first use ([`crate::matcher`] says how);
/// clones share it, so that another thread can compile it ahead of use.
#[derive(Clone)]
pub struct Pattern(Arc<Lazy>);

/// Shows the source only: what a check's `Debug` output (which keys the fact
/// cache) says must not depend on whether a thread has compiled it yet.
impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.0.source).finish()
    }
}

struct Lazy {
    /// The pattern as compiled (with ASCII word boundaries).
    source: String,
    /// The source, parsed (shared with [`crate::parsed`]'s memo).
    hir: Arc<Hir>,
    compiled: OnceLock<Regex>,
    /// Its search caches, kept per thread ([`crate::search_caches`]).
    caches: Owner,
}

impl Pattern {
    /// Parses a pattern of a check file; an error points at the pattern.
    ///
    /// `\b` and `\B` are compiled as ASCII word boundaries: a Unicode boundary
    /// stops the regex crate's fast DFA at the first non-ASCII byte (a curly
    /// quote is enough), and in English news text the two agree.
    pub fn new(pattern: &Spanned<String>) -> Result<Self, SpecError> {
        let invalid = |detail: String| {
            SpecError::new("invalid regular expression")
                .at(pattern.span(), "this pattern")
                .help(detail)
        };
        let source = ascii_word_boundaries(pattern.get_ref());
        // The parser's defaults are the regex crate's, so its errors are the same.
        let hir = crate::parsed::parse(&source).map_err(|e| invalid(e.to_string()))?;
        let compiled = OnceLock::new();
        if estimated_size(&hir) > EAGER_ABOVE {
            compiled
                .set(matcher::build(&hir, SIZE_LIMIT).map_err(|e| invalid(describe(&e)))?)
                .expect("a new cell is empty");
        }
        Ok(Self(Arc::new(Lazy {
            source,
            hir,
            compiled,
            caches: Owner::default(),
        })))
    }

    /// The pattern as compiled.
    pub fn as_str(&self) -> &str {
        &self.0.source
    }

    /// The pattern, parsed (to build sets of patterns).
    pub fn hir(&self) -> &Hir {
        &self.0.hir
    }

    /// Whether the pattern matches the empty string (and so any text).
    pub fn matches_empty(&self) -> bool {
        self.0.hir.properties().minimum_len() == Some(0) && self.is_match("")
    }

    /// Compiles the pattern now, unless it is already (or being) compiled.
    pub fn compile(&self) {
        self.regex();
    }

    /// Whether the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let regex = self.regex();
        regex.is_match_with(&mut self.cache(regex), &Input::new(text))
    }

    /// The spans of the successive non-overlapping matches in `text`.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let regex = self.regex();
        let mut cache = self.cache(regex);
        // What `meta::Regex::find_iter` does, with a cache of this thread's.
        let mut matches = Searcher::new(Input::new(text));
        std::iter::from_fn(move || {
            matches
                .advance(|input| Ok(regex.search_with(&mut cache, input)))
                .map(|m| m.range())
        })
    }

    /// The capture groups of a match found at `found` (by [`Self::find_iter`]).
    pub fn groups_of<'t>(&self, text: &'t str, found: Range<usize>) -> Option<matcher::Groups<'t>> {
        let regex = self.regex();
        matcher::groups_of(regex, Some(&mut self.cache(regex)), text, found)
    }

    /// A search cache of this thread's for the compiled pattern.
    fn cache(&self, regex: &Regex) -> Lent<meta::Cache> {
        self.0.caches.cache(|| regex.create_cache())
    }

    /// Whether every match lies inside one line, between its first and last
    /// characters that are not white space: then searching a text's
    /// paragraphs one by one finds it wherever searching the whole text does.
    /// No match may be empty, take a line break, or begin or end with white
    /// space, and the only assertions are word boundaries, which read a
    /// paragraph's edge as they read the white space around it.
    pub fn stays_within_lines(&self) -> bool {
        let hir = &self.0.hir;
        hir.properties().minimum_len().is_some_and(|n| n > 0)
            && hir.properties().look_set().iter().all(is_word_look)
            && !takes_line_break(hir)
            && solid_edge(hir, Edge::First)
            && solid_edge(hir, Edge::Last)
    }

    /// Whether the pattern has a capture group named `name`.
    pub fn has_group(&self, name: &str) -> bool {
        fn has(hir: &Hir, name: &str) -> bool {
            match hir.kind() {
                HirKind::Capture(c) => c.name.as_deref() == Some(name) || has(&c.sub, name),
                HirKind::Repetition(rep) => has(&rep.sub, name),
                HirKind::Concat(subs) | HirKind::Alternation(subs) => {
                    subs.iter().any(|sub| has(sub, name))
                }
                HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {
                    false
                }
            }
        }
        has(&self.0.hir, name)
    }

    /// Where the group named `name` sits when it is padded: the pattern is
    /// that group between runs of characters of a few classes (and
    /// zero-width assertions), as in `^[ \t]*(?P<flag>…)[ \t]*$`. `None` for
    /// any other shape, or when no group has that name.
    pub fn padded_group(&self, name: &str) -> Option<Padding> {
        let items = match self.0.hir.kind() {
            HirKind::Concat(items) => items.as_slice(),
            _ => std::slice::from_ref(&*self.0.hir),
        };
        let at = items.iter().position(
            |item| matches!(item.kind(), HirKind::Capture(c) if c.name.as_deref() == Some(name)),
        )?;
        let padding = |items: &[Hir]| -> Option<Vec<Class>> {
            items
                .iter()
                .filter(|item| !matches!(item.kind(), HirKind::Look(_) | HirKind::Empty))
                .map(|item| match item.kind() {
                    HirKind::Repetition(rep) if rep.min == 0 => match rep.sub.kind() {
                        HirKind::Class(class) => Some(class.clone()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect()
        };
        Some(Padding {
            lead: padding(&items[..at])?,
            trail: padding(&items[at + 1..])?,
        })
    }

    fn regex(&self) -> &Regex {
        let lazy = &self.0;
        lazy.compiled.get_or_init(|| {
            // Parsed when loaded, and under the size limit by the estimate (an
            // upper bound): it compiles. Were the bound wrong, skip the pattern.
            matcher::build(&lazy.hir, SIZE_LIMIT).unwrap_or_else(|e| {
                eprintln!(
                    "warning: skipping pattern `{}`: {}",
                    lazy.source.escape_debug(),
                    describe(&e)
                );
                Regex::new(r"[^\s\S]").expect("a pattern matching nothing compiles")
            })
        })
    }
}

/// The runs of characters around a padded group ([`Pattern::padded_group`]).
#[derive(Debug)]
pub struct Padding {
    /// Classes of the characters the runs before the group may take.
    lead: Vec<Class>,
    /// Classes of the characters the runs after the group may take.
    trail: Vec<Class>,
}

impl Padding {
    /// The group's span in a match of the pattern, when it is the whole match:
    /// a match that starts with no character the leading runs may take, and
    /// ends with none the trailing runs may take, left them empty, however
    /// the engine matched it. `None` when a run may have taken some: only
    /// resolving the groups tells.
    ///
    /// This spares resolving capture groups, a bounded backtracker's walk over
    /// the whole match (a line, for boilerplate checks) that cost several
    /// times the search that found it.
    pub fn group_span(&self, text: &str, found: Range<usize>) -> Option<Range<usize>> {
        let matched = &text[found.clone()];
        let takes = |classes: &[Class], edge: Option<(char, u8)>| {
            edge.is_some_and(|(c, byte)| classes.iter().any(|class| contains(class, c, byte)))
        };
        let first = matched.chars().next().zip(matched.bytes().next());
        let last = matched.chars().next_back().zip(matched.bytes().next_back());
        (!takes(&self.lead, first) && !takes(&self.trail, last)).then_some(found)
    }
}

/// Whether `class` matches character `c`, or (a byte class) the byte at that
/// edge of the match. Ranges are sorted: a binary search, as `\w` has
/// hundreds.
fn contains(class: &Class, c: char, byte: u8) -> bool {
    match class {
        Class::Unicode(class) => {
            let ranges = class.ranges();
            let at = ranges.partition_point(|r| r.end() < c);
            ranges.get(at).is_some_and(|r| r.start() <= c)
        }
        Class::Bytes(class) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= byte && byte <= r.end()),
    }
}

/// Whether an assertion only looks at whether the characters beside it are
/// word characters (`\b`, `\B` and their halves), and not at line or text
/// edges (`^`, `$`).
fn is_word_look(look: Look) -> bool {
    !matches!(
        look,
        Look::Start | Look::End | Look::StartLF | Look::EndLF | Look::StartCRLF | Look::EndCRLF
    )
}

/// Whether some match of `hir` may take a line break (`\n` or `\r`).
fn takes_line_break(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(literal) => literal.0.iter().any(|&b| b == b'\n' || b == b'\r'),
        HirKind::Class(class) => class_has(class, '\n') || class_has(class, '\r'),
        HirKind::Repetition(rep) => takes_line_break(&rep.sub),
        HirKind::Capture(capture) => takes_line_break(&capture.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(takes_line_break),
    }
}

/// The characters `char::is_whitespace` (and so `str::trim`) takes: Unicode's
/// `White_Space`.
const WHITE_SPACE: [char; 25] = [
    '\t', '\n', '\u{0B}', '\u{0C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}',
    '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
    '\u{2009}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}',
];

/// Whether `class` matches character `c` (a byte class: its byte, if ASCII).
fn class_has(class: &Class, c: char) -> bool {
    match class {
        Class::Unicode(_) => contains(class, c, 0),
        Class::Bytes(_) => c.is_ascii() && contains(class, c, c as u8),
    }
}

/// One end of a match.
#[derive(Clone, Copy, PartialEq)]
enum Edge {
    First,
    Last,
}

/// Whether every match of `hir` that is not empty has a character that is
/// not white space (as `str::trim` counts it) at `edge`.
fn solid_edge(hir: &Hir, edge: Edge) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
            Ok(text) => match edge {
                Edge::First => text.chars().next(),
                Edge::Last => text.chars().next_back(),
            }
            .is_none_or(|c| !c.is_whitespace()),
            // Bytes that are not UTF-8: not worth reading further.
            Err(_) => false,
        },
        HirKind::Class(class) => {
            let ascii = match class {
                Class::Unicode(_) => true,
                // A byte above ASCII may start a white space character.
                Class::Bytes(bytes) => bytes.ranges().iter().all(|r| r.end().is_ascii()),
            };
            ascii && !WHITE_SPACE.iter().any(|&c| class_has(class, c))
        }
        HirKind::Repetition(rep) => solid_edge(&rep.sub, edge),
        HirKind::Capture(capture) => solid_edge(&capture.sub, edge),
        HirKind::Alternation(subs) => subs.iter().all(|sub| solid_edge(sub, edge)),
        HirKind::Concat(subs) => {
            // The edge is in the first item that cannot be empty, or in one
            // of the items before it that may be.
            let mut items = subs.iter();
            loop {
                let item = match edge {
                    Edge::First => items.next(),
                    Edge::Last => items.next_back(),
                };
                let Some(item) = item else { return true };
                if !solid_edge(item, edge) {
                    return false;
                }
                if item.properties().minimum_len() != Some(0) {
                    return true;
                }
            }
        }
    }
}

/// The help shown for a pattern that does not compile.
fn describe(error: &BuildError) -> String {
    match error.size_limit() {
        Some(limit) => format!("the pattern compiles to more than {limit} bytes"),
        None => error.to_string(),
    }
}

/// Bytes each NFA state may take, transitions included, with a margin: the
/// shipped checks' patterns take 3 to 10 times less than estimated, a long
/// repetition of a class (the tightest case) 1.6 times less.
const BYTES_PER_STATE: usize = 40;

/// An upper bound of the bytes the regex crate's automata for `hir` take
/// (forward and reverse NFAs are each held to the size limit): states per
/// node as its Thompson construction makes them, UTF-8 sequences for classes.
fn estimated_size(hir: &Hir) -> usize {
    states(hir)
        .saturating_mul(BYTES_PER_STATE)
        .saturating_add(4096)
}

/// An upper bound of the NFA states compiled for `hir`.
fn states(hir: &Hir) -> usize {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(literal) => literal.0.len() + 1,
        HirKind::Class(Class::Bytes(class)) => class.ranges().len() + 1,
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .map(|r| {
                // An ASCII range is one byte range (most ranges of `(?i)`
                // letters): counted without enumerating its UTF-8 sequences,
                // which was most of the cost of loading the checks.
                if r.end().is_ascii() {
                    2
                } else {
                    regex_syntax::utf8::Utf8Sequences::new(r.start(), r.end())
                        .map(|sequence| sequence.len() + 1)
                        .sum()
                }
            })
            .sum::<usize>()
            .saturating_add(1),
        HirKind::Repetition(rep) => {
            let copies = rep.max.unwrap_or(rep.min).saturating_add(1) as usize;
            copies.saturating_mul(states(&rep.sub).saturating_add(2))
        }
        HirKind::Capture(capture) => states(&capture.sub).saturating_add(2),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs
            .iter()
            .fold(1usize, |total, sub| total.saturating_add(states(sub) + 1)),
    }
}

/// Rewrites `\b`/`\B` outside character classes as `(?-u:\b)`/`(?-u:\B)`.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if class_depth == 0 => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(p: &str) -> Result<Pattern, SpecError> {
        Pattern::new(&Spanned::new(0..p.len(), p.to_string()))
    }

    #[test]
    fn word_boundaries_become_ascii_outside_classes() {
        assert_eq!(
            ascii_word_boundaries(r"\bannex\B"),
            r"(?-u:\b)annex(?-u:\B)"
        );
        assert_eq!(ascii_word_boundaries(r"[\b]\\b"), r"[\b]\\b");
        let re = pattern(r"(?i)\bannexed\b").unwrap();
        assert!(re.is_match("“annexed” in 2022"));
        assert!(!re.is_match("reannexed"));
    }

    #[test]
    fn syntax_errors_are_found_without_compiling() {
        for bad in [
            "(unclosed",
            r"\p{Nope}",
            "x{3,2}",
            "(?<flag>x",
            "a{4294967296}",
        ] {
            let e = pattern(bad).err().unwrap();
            let expected = regex::Regex::new(&ascii_word_boundaries(bad)).unwrap_err();
            assert_eq!(e.message, "invalid regular expression");
            assert_eq!(e.help, Some(expected.to_string()), "{bad}");
        }
    }

    #[test]
    fn small_patterns_compile_on_first_use() {
        let p = pattern(r"(?i)\b(?:four|4)\s+(?:[\w-]+\s+){0,2}regions\b").unwrap();
        assert!(p.0.compiled.get().is_none());
        assert!(p.is_match("four occupied regions"));
        assert!(p.0.compiled.get().is_some());
    }

    #[test]
    fn patterns_near_the_size_limit_are_refused_while_loading() {
        let e = pattern(r"(\w{100}){100}").err().unwrap();
        assert!(
            e.help.unwrap().contains("compiles to more than"),
            "refused with the size limit"
        );
        let big = pattern(r"\w{50}").unwrap();
        assert!(big.0.compiled.get().is_some(), "compiled while loading");
    }

    /// The estimate bounds the compiled size: a pattern estimated under the
    /// limit compiles within the estimate, so a lazily compiled one cannot fail.
    #[test]
    fn estimate_bounds_the_compiled_size() {
        for p in [
            "x",
            r"(?i)\bannex\w*|\bseiz\w*",
            r"(?i)\b(?:four|4)\s+(?:[\w-]+\s+){0,2}(?:regions|provinces)\b",
            r"(?mRi)^[ \t]*(?P<flag>[^\n]*?(?:suggest an? (?:correction|clarification))[^\n]*?)[ \t]*$",
            r"\w{10}",
            r"[^a]{20}",
            r"(?i)(?:ſ|k|é|\p{Greek}){1,30}",
            r"(?s).{0,100}\W+\D*",
            r"(a|b|cd|\w){5,}",
            r"\p{L}\p{N}\p{Han}+",
            "",
            r"^$|\b",
            "a{1000}",
            "[a-z]{500}",
            "(?:ab|cd){300}",
            "(a){500}",
            "((a)(b)(?P<c>c)){100}",
            "(?:(?:a?){10}){10}",
            r"(?s).{200}",
            r"[^a]{300}",
            r"\pL{20}",
            r"(?i)[\w-]{1,12}",
            r"(?mRi)^[ \t]*(?P<flag>\d{1,5}|[\w-]{8,}(?:\.|[_-]|)(?:jpe?g|png))[ \t]*$",
        ] {
            let source = ascii_word_boundaries(p);
            let hir = regex_syntax::Parser::new().parse(&source).unwrap();
            let estimate = estimated_size(&hir);
            assert!(estimate <= EAGER_ABOVE, "{p} is small");
            assert!(
                matcher::build(&hir, estimate).is_ok(),
                "{p} compiles within {estimate} bytes"
            );
        }
    }

    #[test]
    fn only_groups_padded_with_runs_of_classes_are_padded() {
        let padded = |p: &str| pattern(p).unwrap().padded_group("flag").is_some();
        assert!(padded(
            r"(?mRi)^[ \t]*(?P<flag>[^\n]*?advert[^\n]*?)[ \t]*$"
        ));
        assert!(padded(r"(?P<flag>x)"));
        assert!(padded(r"\b\s*(?P<flag>x(?P<inner>y))[.!]*"));
        assert!(!padded(r"a(?P<flag>x)"), "a literal before");
        assert!(!padded(r"[ \t]+(?P<flag>x)"), "a run that cannot be empty");
        assert!(!padded(r"(?P<flag>x)(?:ab)*"), "a run of more than a class");
        assert!(!padded(r"(?P<flag>x)|y"), "an alternation");
        assert!(!padded(r"^[ \t]*(?P<other>x)$"), "no group of that name");
        assert!(pattern(r"a(?:(?P<flag>x)|y)").unwrap().has_group("flag"));
        assert!(!pattern(r"a(?P<flags>x)").unwrap().has_group("flag"));
    }

    /// Wherever the shortcut gives a span, it is the one the engine resolves,
    /// including where the engine's priorities would place the group
    /// elsewhere than a trim of the match.
    #[test]
    fn a_padded_group_spans_the_match_only_when_the_engine_says_so() {
        let texts = [
            "Advertisement",
            "  Advertisement\t",
            "\tfoo",
            " \t foo bar ",
            "x\n\tfoo \nAdvert here  \r\n",
            "«Advert» ",
            "foo",
        ];
        let patterns = [
            r"(?mRi)^[ \t]*(?P<flag>[^\n]*?advert[^\n]*?)[ \t]*$",
            r"(?m)^[ \t]*(?P<flag>\tfoo)[ \t]*$",
            r"(?m)^[ \t]*(?P<flag>[ \t]*foo[^\n]*)$",
            r"(?m)[\s«]*(?P<flag>[^\n«»]*?)[»\s]*$",
            r"(?P<flag>fo*)",
        ];
        let mut shortcuts = 0;
        for p in patterns {
            let pattern = pattern(p).unwrap();
            let padding = pattern.padded_group("flag").unwrap();
            for text in texts {
                for found in pattern.find_iter(text) {
                    let caps = matcher::captures_at(pattern.regex(), text, found.start).unwrap();
                    let flag = caps.name("flag").unwrap().range();
                    if let Some(span) = padding.group_span(text, found.clone()) {
                        assert_eq!(span, flag, "{p} in {text:?}");
                        shortcuts += 1;
                    }
                }
            }
        }
        assert!(shortcuts >= 5, "the shortcut was taken {shortcuts} times");
    }

    #[test]
    fn empty_matches_are_exact() {
        assert!(pattern("a*").unwrap().matches_empty());
        assert!(pattern("(?m)^$").unwrap().matches_empty());
        assert!(!pattern(r"\b").unwrap().matches_empty());
        let word = pattern("annex").unwrap();
        assert!(!word.matches_empty());
        assert!(word.0.compiled.get().is_none(), "judged by its syntax");
    }

    #[test]
    fn white_space_is_what_trim_takes() {
        let all: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(all, WHITE_SPACE);
    }

    #[test]
    fn patterns_that_stay_within_lines() {
        let within = [
            r"(?i)\bNorth Korea|\bPyongyang\b|\bKN-2[0-9]",
            r"(?i)\b(?P<flag>(\w{2,}sis)s)\b",
            r"\bdeath toll\b",
            r"(?:a|b)?c+",
            r"x[^\s]*y",
            r"a\x{A0}b",
            r"(?-u:\w)+",
        ];
        for p in within {
            assert!(pattern(p).unwrap().stays_within_lines(), "{p}");
        }
        let crossing = [
            // A line break, in a class or `.` (which takes `\r`).
            r"killed\s+people",
            r"a.b",
            r"(?s)a.b",
            "a\nb",
            // Anchors read a paragraph's edge unlike the text's.
            r"(?m)^Advertisement$",
            r"\Aa",
            // White space at an end, which a paragraph trims.
            r"killed ",
            r" killed",
            r"\bkilled\W",
            r"a\x{A0}",
            r"\x{2003}a",
            r"killed[ \t]",
            r"[ \t]killed",
            r"x?[ \t]y",
            r"x[ \t]y?",
            r"(?-u:\s)a",
            // Empty matches.
            r"x?",
            r"\b",
        ];
        for p in crossing {
            assert!(!pattern(p).unwrap().stays_within_lines(), "{p}");
        }
    }
}
