//! Counts and amounts as news writes them: "nearly 30", "more than 1,000", "thirty-six",
//! "a dozen", "three dozen", "dozens", "1.2 million", "40-odd".
//!
//! Every number becomes an [`Interval`], because the qualifier is part of the claim:
//! "nearly 30" is contradicted by "30" but not by "29".

use super::{Interval, Mention, Phrases, alternation, previous_word, quantity, starts_possessive};
use crate::matcher::{self, Group, Parts};
use regex_automata::meta::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The hedge a writer put in front of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Qualifier {
    /// "nearly", "almost", "just under", "close to": [0.9N, N).
    Nearly,
    /// "about", "around", "some", "roughly", "approximately", "an estimated": [0.9N, 1.1N].
    About,
    /// "more than", "over", "upwards of", "in excess of": (N, inf).
    MoreThan,
    /// "at least", "no fewer than", "no less than": [N, inf).
    AtLeast,
    /// "up to", "at most", "no more than", "as many as": [0, N].
    UpTo,
    /// "less than", "fewer than", "under": [0, N).
    LessThan,
}

/// A number with the interval it claims.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Number {
    /// The number as written ("30" in "nearly 30"); the lower end for vague plurals
    /// ("dozens" → 24) and ranges ("20-30" → 20).
    pub value: f64,
    /// What the mention asserts, qualifier included.
    pub interval: Interval,
    pub qualifier: Option<Qualifier>,
    /// The bytes of the qualifier words ("more than"), when there is one before the
    /// number. A qualifier written after it ("40-odd", "40 or so") is part of the
    /// mention's span instead, and leaves this `None`.
    pub qualifier_span: Option<Range<usize>>,
}

use Qualifier::*;

/// Qualifier phrases; matched case-insensitively with any run of whitespace between words.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("up to about", About),
    ("up to around", About),
    ("nearly", Nearly),
    ("almost", Nearly),
    ("just under", Nearly),
    ("just below", Nearly),
    ("just shy of", Nearly),
    ("close to", Nearly),
    ("about", About),
    ("around", About),
    ("some", About),
    ("roughly", About),
    ("approximately", About),
    ("approx.", About),
    ("approx", About),
    ("circa", About),
    ("ca.", About),
    ("an estimated", About),
    ("an approximate", About),
    ("more than", MoreThan),
    ("over", MoreThan),
    ("upwards of", MoreThan),
    ("in excess of", MoreThan),
    ("at least", AtLeast),
    ("no fewer than", AtLeast),
    ("no less than", AtLeast),
    ("a minimum of", AtLeast),
    ("up to", UpTo),
    ("at most", UpTo),
    ("no more than", UpTo),
    ("as many as", UpTo),
    ("a maximum of", UpTo),
    ("less than", LessThan),
    ("fewer than", LessThan),
    ("under", LessThan),
];

/// [`QUALIFIERS`] by phrase.
static QUALIFIER_PHRASES: LazyLock<Phrases<(&str, Qualifier)>> =
    LazyLock::new(|| Phrases::new(QUALIFIERS, |q| q.0));

/// How a number word combines with its neighbours.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Start,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
}

const WORDS: &[(&str, f64, Kind)] = &[
    ("zero", 0.0, Kind::Unit),
    ("one", 1.0, Kind::Unit),
    ("two", 2.0, Kind::Unit),
    ("three", 3.0, Kind::Unit),
    ("four", 4.0, Kind::Unit),
    ("five", 5.0, Kind::Unit),
    ("six", 6.0, Kind::Unit),
    ("seven", 7.0, Kind::Unit),
    ("eight", 8.0, Kind::Unit),
    ("nine", 9.0, Kind::Unit),
    ("ten", 10.0, Kind::Teen),
    ("eleven", 11.0, Kind::Teen),
    ("twelve", 12.0, Kind::Teen),
    ("thirteen", 13.0, Kind::Teen),
    ("fourteen", 14.0, Kind::Teen),
    ("fifteen", 15.0, Kind::Teen),
    ("sixteen", 16.0, Kind::Teen),
    ("seventeen", 17.0, Kind::Teen),
    ("eighteen", 18.0, Kind::Teen),
    ("nineteen", 19.0, Kind::Teen),
    ("twenty", 20.0, Kind::Tens),
    ("thirty", 30.0, Kind::Tens),
    ("forty", 40.0, Kind::Tens),
    ("fifty", 50.0, Kind::Tens),
    ("sixty", 60.0, Kind::Tens),
    ("seventy", 70.0, Kind::Tens),
    ("eighty", 80.0, Kind::Tens),
    ("ninety", 90.0, Kind::Tens),
    ("hundred", 100.0, Kind::Hundred),
    ("thousand", 1e3, Kind::Scale),
    ("million", 1e6, Kind::Scale),
    ("billion", 1e9, Kind::Scale),
    ("trillion", 1e12, Kind::Scale),
];

/// The number words below a hundred of one kind, in order: the units
/// ("one" to "nine"), the teens ("ten" to "nineteen") or the tens
/// ("twenty" to "ninety"), for the years written in words ([`super::year`]).
pub(crate) fn small_words(kind: SmallWords) -> impl Iterator<Item = &'static str> {
    let wanted = match kind {
        SmallWords::Units => Kind::Unit,
        SmallWords::Teens => Kind::Teen,
        SmallWords::Tens => Kind::Tens,
    };
    WORDS
        .iter()
        .filter(move |w| w.2 == wanted && w.1 > 0.0)
        .map(|w| w.0)
}

/// Which number words [`small_words`] lists.
pub(crate) enum SmallWords {
    Units,
    Teens,
    Tens,
}

/// What a number in words below a hundred says ("fifty-four" 54,
/// "fifteen" 15); `None` if a word is not one of [`small_words`].
pub(crate) fn small_number(words: &str) -> Option<i32> {
    let mut total = 0.0;
    for word in words
        .split(['-', ' ', '\t', '\n'])
        .filter(|w| !w.is_empty())
    {
        let (_, value, kind) = WORDS.iter().find(|w| w.0.eq_ignore_ascii_case(word))?;
        if !matches!(kind, Kind::Unit | Kind::Teen | Kind::Tens) {
            return None;
        }
        total += value;
    }
    // The words' values are whole numbers below a hundred.
    Some(total as i32)
}

/// Plurals that name an order of magnitude: "dozens" is more than two dozen, fewer than 100.
///
/// "a few dozen" and "several dozen" are read as "dozens", [24, 100): "a few" and "several"
/// commit to no more than "dozens" does (writers use "a few dozen" for 30 as readily as
/// for 50), and a narrower reading would make the linter call "about 30" a contradiction.
const VAGUE: &[(&str, f64, f64)] = &[
    ("a few dozen", 24.0, 100.0),
    ("few dozen", 24.0, 100.0),
    ("several dozen", 24.0, 100.0),
    ("tens of thousands", 2e4, 1e5),
    ("hundreds of thousands", 2e5, 1e6),
    ("tens of millions", 2e7, 1e8),
    ("hundreds of millions", 2e8, 1e9),
    ("dozens", 24.0, 100.0),
    ("hundreds", 200.0, 1e3),
    ("thousands", 2e3, 1e4),
    ("millions", 2e6, 1e7),
    ("billions", 2e9, 1e10),
];

/// [`VAGUE`] by phrase.
static VAGUE_PHRASES: LazyLock<Phrases<(&str, f64, f64)>> =
    LazyLock::new(|| Phrases::new(VAGUE, |v| v.0));

/// "a dozen", "half a dozen", "a hundred": an article standing for "one", as the
/// least and greatest values meant. A count before "dozen" ("three dozen", "3 dozen")
/// is read in [`in_dozens_of`], not here. "A couple of dozen" is two or three dozen:
/// "a couple" is loose, and 36 drones are not wrongly "a couple of dozen".
const ARTICLED: &[(&str, f64, f64)] = &[
    ("half a dozen", 6.0, 6.0),
    ("a half-dozen", 6.0, 6.0),
    ("a half dozen", 6.0, 6.0),
    ("half-dozen", 6.0, 6.0),
    ("a couple of dozen", 24.0, 36.0),
    ("a couple dozen", 24.0, 36.0),
    ("a dozen", 12.0, 12.0),
    ("dozen", 12.0, 12.0),
    ("a hundred", 100.0, 100.0),
    ("a thousand", 1e3, 1e3),
    ("a million", 1e6, 1e6),
    ("a billion", 1e9, 1e9),
];

/// [`ARTICLED`] by phrase.
static ARTICLED_PHRASES: LazyLock<Phrases<(&str, f64, f64)>> =
    LazyLock::new(|| Phrases::new(ARTICLED, |a| a.0));

/// Words before "one" that make it a pronoun ("no one", "any one of").
const PRONOUN_ONE_BEFORE: &[&str] = &["no", "any", "every", "each", "this", "that", "which"];

/// The numeral part of the pattern, shared with nothing else; `(?-u:\b)` keeps the DFA fast.
///
/// A number in words matches its first word only; [`MORE_WORDS`] takes in the
/// rest. Written in one pattern, a run of up to 16 words copied the alternation
/// of number words 16 times: four fifths of the pattern, compiled on every run.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    // Thousands grouped by commas, by full stops, or by the no-break and thin
    // spaces of French and SI style ("1\u{a0}000"); a plain space groups only
    // up to a last group that starts with 0, which no number of its own does
    // ("more than 1 000 containers", but "on Dec. 30 100 drones").
    let digits = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}|[1-9][0-9]{0,2}(?:[\x{a0}\x{202f}\x{2009}][0-9]{3})+|[1-9][0-9]{0,2}(?: [0-9]{3})*(?: 0[0-9]{2})(?-u:\b)|[0-9]+(?:\.[0-9]+)?";
    let scales = "hundred|thousand|million|billion|trillion";
    let pattern = format!(
        r"(?i)(?:{b}(?P<q>{quals})\s+)?(?:{b}(?P<vague>{vague}){b}|{b}(?P<art>{art}){b}|(?P<dig>{digits})(?:[-–](?P<dig2>{digits}))?(?:\s+(?P<dscale>{scales}){b}|(?P<sfx>bn|mn|m|k){b})?|{b}(?P<words>(?:{words}){b}))",
        quals = alternation(QUALIFIERS.iter().map(|q| q.0)),
        vague = alternation(VAGUE.iter().map(|v| v.0)),
        art = alternation(ARTICLED.iter().map(|a| a.0)),
        words = alternation(WORDS.iter().map(|w| w.0)),
    );
    matcher::build_str(&pattern).expect("number pattern is valid")
});

/// The next word of a number in words, right at the start of the text: "-five"
/// after "twenty", " and five" after "one hundred".
static MORE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(WORDS.iter().map(|w| w.0));
    matcher::build_str(&format!(r"(?i)^(?:\s+and\s+|\s+|-)(?:{words})(?-u:\b)"))
        .expect("number word pattern is valid")
});

/// Words a number in words runs to, after its first; bounded, so that a long
/// run of number words ("one one one …") is read in linear time.
const MAX_MORE_WORDS: usize = 15;

/// The end of the run of number words whose first word ends at `end`.
fn words_run_end(text: &str, mut end: usize) -> usize {
    for _ in 0..MAX_MORE_WORDS {
        match matcher::find_at(&MORE_WORDS, &text[end..], 0) {
            Some(next) => end += next.end(),
            None => break,
        }
    }
    end
}

/// Every number in `text`, in order.
pub fn numbers(text: &str) -> Vec<Mention<Number>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(hit) = matcher::find_at(&NUMBER, text, at) {
        let Some(parts) = parts(text, hit) else {
            break;
        };
        let (next, mention, in_dozens) = number_from(text, &parts);
        // Always make progress, even if a pattern were ever to match empty.
        at = next.max(hit.start() + 1);
        while !text.is_char_boundary(at) {
            at += 1;
        }
        if let Some(m) = mention
            .filter(|m| !is_footnote_mark(text, &m.span) && !is_section_number(text, &m.span))
        {
            push_or_join_range(text, &mut found, m, in_dozens);
        }
        if at >= text.len() {
            break;
        }
    }
    found
}

/// Whether the number at `span` is a footnote's mark: digits in brackets
/// right after a word or a full stop ("containers[4]", "Russia.[12]").
fn is_footnote_mark(text: &str, span: &Range<usize>) -> bool {
    let before = &text[..span.start];
    before.ends_with('[')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
        && text[span.end..].starts_with(']')
        && text[span.clone()].bytes().all(|b| b.is_ascii_digit())
}

/// Whether the number at `span` numbers a section of a report: digits
/// with full stops between them ("3.1", "2.4.1") that open a line, before
/// a capital ("3.1 The 2 January strikes killed five").
fn is_section_number(text: &str, span: &Range<usize>) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let number = &text[span.clone()];
    text[line_start..span.start].trim().is_empty()
        && number.contains('.')
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text[span.end..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
}

/// Appends `m`, or joins it with the previous number into a range: "between 20 and 30",
/// "20 to 30", "two or three". "from 20 to 30" is a change, not a range, and stays two
/// numbers.
/// `m_in_dozens` says `m` was counted in dozens: "two to three dozen" is [24, 36], while
/// "a dozen to two dozen" is [12, 24] and "between two and a dozen" [2, 12].
fn push_or_join_range(
    text: &str,
    found: &mut Vec<Mention<Number>>,
    m: Mention<Number>,
    m_in_dozens: bool,
) {
    if let Some(prev) = found.last_mut()
        && prev.value.qualifier.is_none()
        && m.value.qualifier.is_none()
        && prev.value.interval == Interval::exact(prev.value.value)
        && m.value.interval == Interval::exact(m.value.value)
    {
        let prev_text = &text[prev.span.clone()];
        let prev_in_dozens = prev_text
            .get(prev_text.len().saturating_sub(5)..)
            .is_some_and(|end| end.eq_ignore_ascii_case("dozen"));
        let per = if m_in_dozens && !prev_in_dozens {
            12.0
        } else {
            1.0
        };
        if prev.value.value * per >= m.value.value {
            found.push(m);
            return;
        }
        let gap = text.get(prev.span.end..m.span.start).unwrap_or("");
        let mut gap_words = gap.split_whitespace();
        let joiner = gap_words.next().unwrap_or("");
        let one_word = gap_words.next().is_none() && gap.len() > joiner.len();
        let before = previous_word(text, prev.span.start);
        let range = one_word
            && ((joiner.eq_ignore_ascii_case("and") && before.eq_ignore_ascii_case("between"))
                || joiner.eq_ignore_ascii_case("or")
                || (joiner.eq_ignore_ascii_case("to")
                    && !before.eq_ignore_ascii_case("from")
                    && !before.eq_ignore_ascii_case("between")));
        if range {
            prev.span.end = m.span.end;
            prev.value.value *= per;
            prev.value.interval = Interval::closed(prev.value.value, m.value.value);
            return;
        }
    }
    found.push(m);
}

/// The groups of the match of [`NUMBER`] at `found`. Resolving them runs
/// a bounded backtracker over the pattern's large NFA, which cost more than
/// the rest of number extraction together; most matches have a shape whose
/// groups the match alone gives ([`read_off`]).
fn parts<'t>(text: &'t str, found: Group<'t>) -> Option<Parts<'t>> {
    read_off(found)
        .or_else(|| matcher::groups_of(&NUMBER, None, text, found.range()).map(Parts::Resolved))
}

/// The groups of a match of a common shape, which only one way of
/// matching [`NUMBER`] can give: a bare numeral ("30", "1,000", "2.5") or
/// one listed word ("two", "dozens"), after a listed qualifier and spaces
/// or not ("at least 130", "at least five").
/// - The numeral is all `dig`; the word is the group of the first
///   alternative, in the pattern's order, whose phrases include it: one
///   that read a longer phrase would have made the match longer.
/// - The qualifier is `q`, all the words before the last space: with a
///   shorter one, the number would start with a word that no number
///   alternative reads before a numeral or a word of its own.
fn read_off(found: Group) -> Option<Parts> {
    let whole = found.as_str();
    // The numeral starts after the last white space that is not inside it
    // (a plain space groups thousands in "1 000", after a digit).
    let gap = whole
        .char_indices()
        .rev()
        .find(|&(i, c)| c.is_whitespace() && !whole[..i].ends_with(|c: char| c.is_ascii_digit()))
        .map(|(i, _)| i);
    let (qualifier, number) = match gap {
        Some(gap) => {
            let number = gap + whole[gap..].chars().next().map_or(1, char::len_utf8);
            let qualifier = whole[..gap].trim_end();
            // A qualifier spaced otherwise than listed is resolved.
            if !QUALIFIERS
                .iter()
                .any(|q| q.0.eq_ignore_ascii_case(qualifier))
            {
                return None;
            }
            (Some(("q", found.part(0..qualifier.len()))), number)
        }
        None => (None, 0),
    };
    let written = &whole[number..];
    let listed = |phrase: &str| phrase.eq_ignore_ascii_case(written);
    let bare = written
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b' '));
    let group = if bare && !written.is_empty() {
        "dig"
    } else if VAGUE.iter().any(|v| listed(v.0)) {
        "vague"
    } else if ARTICLED.iter().any(|a| listed(a.0)) {
        "art"
    } else if WORDS.iter().any(|w| listed(w.0)) {
        "words"
    } else {
        return None;
    };
    let number = found.part(number..whole.len());
    Some(Parts::Shape(
        found,
        [qualifier, Some((group, number)), None, None],
    ))
}

/// Builds the number at `caps`; returns where scanning continues, and whether the
/// number was counted in dozens ("three dozen").
fn number_from(text: &str, caps: &Parts) -> (usize, Option<Mention<Number>>, bool) {
    let q = caps.name("q");
    let mut in_dozens = false;
    let (span, base, value) = if let Some(m) = caps.name("vague") {
        let Some(&(_, lo, hi)) = VAGUE_PHRASES.get(m.as_str()) else {
            return (m.end(), None, false);
        };
        let interval = Interval {
            lo,
            hi,
            lo_closed: true,
            hi_closed: false,
        };
        (m.range(), interval, lo)
    } else if let Some(m) = caps.name("art") {
        let Some(&(_, lo, hi)) = ARTICLED_PHRASES.get(m.as_str()) else {
            return (m.end(), None, false);
        };
        match articled_run(text, m.range(), lo) {
            Some((span, v)) => (span, Interval::exact(v), v),
            None => (m.range(), Interval::closed(lo, hi), lo),
        }
    } else if let Some(m) = caps.name("dig") {
        let (span, base, value) = match digits_number(text, caps, m.start()) {
            Ok(found) => found,
            Err(skip) => return (skip, None, false),
        };
        in_dozens_of(text, span, base, value, &mut in_dozens)
    } else if let Some(m) = caps.name("words") {
        let run = &text[m.start()..words_run_end(text, m.end())];
        let Some((end, v)) = parse_words(run) else {
            return (word_end(text, m.start()), None, false);
        };
        let span = m.start()..m.start() + end;
        if is_pronoun_one(text, &span) {
            return (span.end, None, false);
        }
        in_dozens_of(text, span, Interval::exact(v), v, &mut in_dozens)
    } else {
        return (text.len(), None, false);
    };
    let mut qualifier = q.and_then(|m| QUALIFIER_PHRASES.get(m.as_str()).map(|p| p.1));
    let qualifier_span = qualifier.and(q).map(|m| m.range());
    let (mut span, mut interval) = (span, qualify(base, qualifier));
    if qualifier.is_none()
        && let Some((end, approx)) = approximate_after(text, span.end, base, value, !in_dozens)
    {
        span.end = end;
        interval = approx;
        qualifier = Some(About);
    }
    let number = Number {
        value,
        interval,
        qualifier,
        qualifier_span,
    };
    (
        span.end,
        Some(Mention {
            span,
            value: number,
        }),
        in_dozens,
    )
}

/// "a hundred and thirty", "a thousand five hundred": an article and a scale
/// word that more number words go on from, read as if the article were
/// "one". `None` when no number word follows.
fn articled_run(text: &str, art: Range<usize>, scale: f64) -> Option<(Range<usize>, f64)> {
    if ![100.0, 1e3, 1e6, 1e9].contains(&scale) {
        return None;
    }
    let end = words_run_end(text, art.end);
    if end == art.end {
        return None;
    }
    // "one" is two bytes longer than "a".
    let (consumed, v) = parse_words(&format!("one{}", text.get(art.start + 1..end)?))?;
    let end = art.start + consumed.checked_sub(2)?;
    (end > art.end).then_some((art.start..end, v))
}

/// The number at `span` times twelve when "dozen" follows it ("three dozen", "3-dozen"),
/// with the span taking in "dozen"; otherwise the number as it is. A comma or any other
/// word between keeps them apart: "three, dozen" is two numbers.
fn in_dozens_of(
    text: &str,
    span: Range<usize>,
    base: Interval,
    value: f64,
    in_dozens: &mut bool,
) -> (Range<usize>, Interval, f64) {
    let Some(end) =
        past_joiner(text, span.end, true).and_then(|at| whole_word_at(text, at, "dozen"))
    else {
        return (span, base, value);
    };
    *in_dozens = true;
    (span.start..end, base.scale(12.0), value * 12.0)
}

/// A hedge written after a number: "40-odd" and "40-some" (a round number and part of
/// the next step: [40, 50), "300-odd" [300, 400), "100-odd" [100, 150)), and "40 or so"
/// (as "about 40"). Returns where the hedge ends and the interval it makes of `base`.
/// Only exact numbers take one, and "-odd" only round ones not counted in dozens
/// (`odd_ok`): "a dozen-odd" and "five dozen-odd" are left alone.
fn approximate_after(
    text: &str,
    at: usize,
    base: Interval,
    value: f64,
    odd_ok: bool,
) -> Option<(usize, Interval)> {
    if base != Interval::exact(value) || value <= 0.0 {
        return None;
    }
    if let Some(rest) = text.get(at..).and_then(|r| r.strip_prefix('-')) {
        let end = ["odd", "some"]
            .iter()
            .find_map(|w| whole_word_at(text, text.len() - rest.len(), w))?;
        if !odd_ok || value % 10.0 != 0.0 {
            return None;
        }
        let mut step = 10.0;
        while value % (step * 10.0) == 0.0 {
            step *= 10.0;
        }
        let step = step.min(value / 2.0);
        let interval = Interval {
            lo: value,
            hi: value + step,
            lo_closed: true,
            hi_closed: false,
        };
        return Some((end, interval));
    }
    let or = past_joiner(text, at, false).and_then(|i| whole_word_at(text, i, "or"))?;
    let end = past_joiner(text, or, false).and_then(|i| whole_word_at(text, i, "so"))?;
    // "or so-called" is not a hedge.
    if text[end..].starts_with('-') {
        return None;
    }
    Some((end, qualify(base, Some(About))))
}

/// Where the text after `at` continues past a run of whitespace (or, with `hyphen`,
/// past a single hyphen); `None` when neither is there.
fn past_joiner(text: &str, at: usize, hyphen: bool) -> Option<usize> {
    let rest = text.get(at..)?;
    if hyphen && let Some(after) = rest.strip_prefix('-') {
        return Some(text.len() - after.len());
    }
    let after = rest.trim_start();
    (after.len() < rest.len()).then_some(text.len() - after.len())
}

/// Where `word` ends when it is written at `at` (in any case) as a whole word:
/// "dozen" in "dozen drones" or "dozen-strong", not in "dozens".
fn whole_word_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let end = at.checked_add(word.len())?;
    let written = text.get(at..end)?;
    let whole = written.eq_ignore_ascii_case(word)
        && !text[end..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
    whole.then_some(end)
}

/// A numeral in digits, or `Err(resume)` when it is part of a time, date or identifier.
fn digits_number(
    text: &str,
    caps: &Parts,
    start: usize,
) -> Result<(Range<usize>, Interval, f64), usize> {
    let skip = || word_end(text, start);
    let dig = caps.name("dig").ok_or_else(skip)?;
    let mut end = caps.whole().map_or(dig.end(), |m| m.end());
    let currency = text[..start].ends_with(['$', '£', '€', '¥']);
    let mut scale = 1.0;
    if let Some(s) = caps.name("dscale") {
        scale = WORDS
            .iter()
            .find(|w| s.as_str().eq_ignore_ascii_case(w.0))
            .map_or(1.0, |w| w.1);
    } else if let Some(s) = caps.name("sfx") {
        match s.as_str().to_ascii_lowercase().as_str() {
            "bn" => scale = 1e9,
            "k" => scale = 1e3,
            // "$5m" is money; "100m" is a distance, left to the unit table.
            "m" | "mn" if currency => scale = 1e6,
            _ => end = s.start(),
        }
    }
    if !context_ok(text, start, end) {
        return Err(skip());
    }
    let unscaled = scale == 1.0;
    let lo = parse_digits(dig.as_str(), unscaled).ok_or_else(skip)? * scale;
    let interval = match caps.name("dig2") {
        Some(d2) => {
            let hi = parse_digits(d2.as_str(), unscaled).ok_or_else(skip)? * scale;
            // "3-1" is a score, "2023-12" part of a date: only rising pairs are ranges.
            if hi <= lo {
                return Err(skip());
            }
            Interval::closed(lo, hi)
        }
        None => Interval::exact(lo),
    };
    Ok((start..end, interval, lo))
}

/// Whether the digits at `start..end` stand alone, not inside "F-16", "G7", "01:10",
/// "06-01-2024" or "20240104130140-6596fbc4".
fn context_ok(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let mut back = before.chars().rev();
    match back.next() {
        Some(c) if c.is_alphanumeric() || c == '_' => return false,
        Some('-' | '/' | ':' | '.' | ',' | '–')
            if back.next().is_some_and(|c| c.is_alphanumeric()) =>
        {
            return false;
        }
        _ => {}
    }
    let after = &text[end..];
    let mut fwd = after.chars();
    match fwd.next() {
        Some(c) if c.is_ascii_digit() => false,
        // "01:10", "06-01", "1/2", "12,2020": part of a time, date or broken numeral.
        Some(':' | '/' | '-' | '.' | ',' | '–') => {
            !fwd.next().is_some_and(|c| c.is_ascii_digit())
        }
        Some(c) if c.is_alphabetic() => quantity::unit_directly_at(text, end),
        _ => true,
    }
}

/// Parses "1,000" or "2.5" without allocating. Full stops that group
/// thousands, as German and French write them ("10.000 Container", "1.450
/// miles"), are read so when the number has no scale word after it ("2.125
/// million" is a decimal) and does not start with 0: every group after a
/// full stop has three digits, and the first group one to three.
fn parse_digits(s: &str, unscaled: bool) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((first, rest)) if unscaled && groups_thousands(first, rest) => (s, None),
        Some((int, frac)) => (int, Some(frac)),
        None => (s, None),
    };
    let mut v = 0.0f64;
    for b in int.bytes() {
        match b {
            b'0'..=b'9' => v = v * 10.0 + f64::from(b - b'0'),
            // Separators: commas, full stops, and the spaces that group
            // thousands (the pattern admits no other).
            b',' | b'.' | b' ' | 0x80.. => {}
            _ => return None,
        }
    }
    if let Some(f) = frac {
        let mut scale = 0.1;
        for b in f.bytes() {
            if !b.is_ascii_digit() {
                return None;
            }
            v += f64::from(b - b'0') * scale;
            scale /= 10.0;
        }
        // Re-parse the plain decimal so "2.5" is exactly the f64 the writer meant.
        if !int.contains(',') {
            return s.parse().ok();
        }
    }
    Some(v)
}

/// Whether the digits around full stops group thousands: `first` of one to
/// three digits (not a leading 0, no comma grouping), and three in each
/// group of `rest` ("1.450", "1.000.000").
fn groups_thousands(first: &str, rest: &str) -> bool {
    !first.starts_with('0')
        && (1..=3).contains(&first.len())
        && !first.contains(',')
        && rest.split('.').all(|group| group.len() == 3)
}

/// Parses a run of number words ("two hundred and five", "thirty-six"); returns the
/// length consumed and the value. Stops before a word that does not continue the number,
/// so "one two" gives 1 and leaves "two" for the next scan.
fn parse_words(s: &str) -> Option<(usize, f64)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last = Kind::Start;
    let mut biggest_scale = f64::INFINITY;
    let mut consumed = None;
    let mut after_and = false;
    for (start, word) in word_tokens(s) {
        if word.eq_ignore_ascii_case("and") {
            if after_and || !matches!(last, Kind::Hundred | Kind::Scale) {
                break;
            }
            after_and = true;
            continue;
        }
        let &(_, v, kind) = WORDS.iter().find(|w| word.eq_ignore_ascii_case(w.0))?;
        let ok = match kind {
            Kind::Unit => matches!(last, Kind::Start | Kind::Tens | Kind::Hundred | Kind::Scale),
            Kind::Teen | Kind::Tens => matches!(last, Kind::Start | Kind::Hundred | Kind::Scale),
            Kind::Hundred => matches!(last, Kind::Unit | Kind::Teen) && !after_and,
            Kind::Scale => {
                matches!(last, Kind::Unit | Kind::Teen | Kind::Tens | Kind::Hundred)
                    && v < biggest_scale
                    && !after_and
            }
            Kind::Start => false,
        };
        if !ok {
            break;
        }
        match kind {
            Kind::Hundred => current *= 100.0,
            Kind::Scale => {
                total += current * v;
                current = 0.0;
                biggest_scale = v;
            }
            _ => current += v,
        }
        last = kind;
        after_and = false;
        consumed = Some(start + word.len());
    }
    consumed.map(|end| (end, total + current))
}

/// Words of `s` split at whitespace and hyphens, with their byte offsets.
fn word_tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// "no one", "one another", "one's": "one" as a pronoun, not a count.
fn is_pronoun_one(text: &str, span: &Range<usize>) -> bool {
    if !text[span.clone()].eq_ignore_ascii_case("one") {
        return false;
    }
    let prev = previous_word(text, span.start);
    let after = &text[span.end..];
    let next = after
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    PRONOUN_ONE_BEFORE
        .iter()
        .any(|p| prev.eq_ignore_ascii_case(p))
        || next.eq_ignore_ascii_case("another")
        || starts_possessive(after)
        || one_of_the_most(after)
}

/// Whether `after` (the text after "one") reads "of the largest", "of the
/// most …", "of its worst": "one of the largest attacks" ranks, it counts
/// nothing.
fn one_of_the_most(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let (Some(of), Some(the), Some(rank)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let rank = rank.trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    of.eq_ignore_ascii_case("of")
        && ["the", "its", "their", "his", "her", "our"]
            .iter()
            .any(|w| the.eq_ignore_ascii_case(w))
        && (rank.eq_ignore_ascii_case("most")
            || (rank.len() > 4 && rank.to_ascii_lowercase().ends_with("est")))
}

/// The end of the whitespace-delimited token that starts at `start`: where to resume
/// after rejecting part of an identifier.
fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| start + i)
}

/// The interval a qualifier makes of a base value (a point, or a vague range).
fn qualify(base: Interval, q: Option<Qualifier>) -> Interval {
    let (lo, hi) = (base.lo, base.hi);
    let iv = |lo, hi, lo_closed, hi_closed| Interval {
        lo,
        hi,
        lo_closed,
        hi_closed,
    };
    match q {
        None => base,
        Some(Nearly) => iv(lo * 9.0 / 10.0, hi, true, false),
        Some(About) => iv(lo * 9.0 / 10.0, hi * 11.0 / 10.0, true, true),
        Some(MoreThan) => iv(lo, f64::INFINITY, false, false),
        Some(AtLeast) => iv(lo, f64::INFINITY, true, false),
        Some(UpTo) => iv(0.0, hi, true, base.hi_closed),
        Some(LessThan) => iv(0.0, hi, true, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A phrase spaced otherwise than one space between words would never be
    /// found: building the tables refuses it.
    #[test]
    fn phrase_tables_build() {
        LazyLock::force(&QUALIFIER_PHRASES);
        LazyLock::force(&VAGUE_PHRASES);
        LazyLock::force(&ARTICLED_PHRASES);
    }

    /// Each named group's span.
    type Spans = Vec<(&'static str, Option<Range<usize>>)>;

    /// The groups of `found` as read off its shape (`None`: resolved), and
    /// the groups the regex engine resolves.
    fn read_off_and_resolved(text: &str, found: Group) -> Option<(Spans, Spans)> {
        let shape = read_off(found)?;
        let caps = matcher::captures_at(&NUMBER, text, found.start()).expect("the same match");
        Some((
            matcher::named_spans(&NUMBER, 0, |name| shape.name(name)),
            matcher::named_spans(&NUMBER, 0, |name| caps.name(name)),
        ))
    }

    #[test]
    fn common_shapes_are_read_off_and_others_resolved() {
        for text in [
            "30",
            "1,000",
            "at least 130",
            "more than\n 1,000",
            "two",
            "Dozens",
            "dozen",
            "at least five",
            "AT LEAST dozens",
            "up to about 30",
        ] {
            let found = matcher::find_at(&NUMBER, text, 0).unwrap();
            let (ours, theirs) = read_off_and_resolved(text, found).expect(text);
            assert_eq!(ours, theirs, "{text:?}");
        }
        for text in [
            "5bn",
            "20-30",
            "1.5 million",
            "a dozen",
            "half a dozen",
            "more than a thousand",
            "at  least 30",
        ] {
            let found = matcher::find_at(&NUMBER, text, 0).unwrap();
            assert!(read_off_and_resolved(text, found).is_none(), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

        /// Groups read off a match's shape are the groups the engine resolves.
        #[test]
        fn groups_read_off_a_match_are_the_ones_resolved(
            text in "(at least|more than|up to about|up to|some|ſome|about|nearly|two|Two|TEN|dozens|dozen|a dozen|half a dozen|hundreds of thousands|thousand|million|1,000|1,00|30|2.5|5bn|20-30|k| |  |\n|,|\\.|-|x){0,12}"
        ) {
            let mut at = 0;
            while let Some(found) = matcher::find_at(&NUMBER, &text, at) {
                if let Some((ours, theirs)) = read_off_and_resolved(&text, found) {
                    proptest::prop_assert_eq!(ours, theirs, "{:?}", text);
                }
                at = found.end().max(found.start() + 1);
                while !text.is_char_boundary(at) {
                    at += 1;
                }
            }
        }
    }

    /// (span text, interval as displayed, qualifier span text).
    fn found(text: &str) -> Vec<(&str, String, Option<&str>)> {
        numbers(text)
            .into_iter()
            .map(|m| {
                (
                    &text[m.span],
                    m.value.interval.to_string(),
                    m.value.qualifier_span.map(|q| &text[q]),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let all = found(text);
        assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
        (all[0].0.to_string(), all[0].1.clone())
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(one("more than 1,000 containers").1, "(1000, inf)");
        assert_eq!(one("2.5 per cent"), ("2.5".into(), "2.5".into()));
        assert_eq!(
            one("1.2 million people"),
            ("1.2 million".into(), "1200000".into())
        );
        assert_eq!(one("3 million"), ("3 million".into(), "3000000".into()));
        assert_eq!(one("10,000 troops").1, "10000");
        assert_eq!(one("$5bn in aid"), ("5bn".into(), "5000000000".into()));
        assert_eq!(one("$5m in aid").1, "5000000");
    }

    #[test]
    fn footnote_marks_are_not_numbers() {
        assert_eq!(
            one("more than 1,000 containers[4] of munitions").1,
            "(1000, inf)"
        );
        assert!(found("Kirby said so.[12]").is_empty());
        assert_eq!(found("a list [3] of items").len(), 1);
    }

    #[test]
    fn a_reports_section_numbers_are_not_numbers() {
        assert_eq!(one("3.1 The strikes killed five civilians.").1, "5");
        assert_eq!(one("Intro.\n2.4.1 Kyiv said 130 were hurt.").1, "130");
        // Not at a line's start, or not before a capital: a number.
        assert_eq!(found("It rose 3.1 The index").len(), 1);
        assert_eq!(found("3.1 percent of voters").len(), 1);
    }

    #[test]
    fn full_stops_may_group_thousands() {
        assert_eq!(one("more than 10.000 containers").1, "(10000, inf)");
        assert_eq!(one("1.450 miles").1, "1450");
        assert_eq!(one("1.000.000 shells").1, "1000000");
        assert_eq!(
            one("wounded a hundred and thirty"),
            ("a hundred and thirty".into(), "130".into())
        );
        assert_eq!(one("A thousand five hundred fled").1, "1500");
        assert_eq!(one("a hundred people").1, "100");
        // No-break and thin spaces group thousands; a plain space only up to
        // a group that starts with 0.
        assert_eq!(one("more than 1\u{a0}000 containers").1, "(1000, inf)");
        assert_eq!(one("more than 1 000 containers").1, "(1000, inf)");
        assert_eq!(one("1 450 000 shells").1, "1450000");
        assert_eq!(one("10\u{202f}000 troops").1, "10000");
        assert_eq!(one("1\u{2009}450\u{2009}000 shells").1, "1450000");
        // A plain space before a group that does not start with 0 parts two
        // numbers.
        let apart: Vec<String> = found("Dec. 30 100 drones")
            .into_iter()
            .map(|m| m.1)
            .collect();
        assert_eq!(apart, ["30", "100"]);
        // Decimals: a scale word after it, a leading zero, not three digits.
        assert_eq!(one("2.125 million").1, "2125000");
        assert_eq!(one("0.125 of it").1, "0.125");
        assert_eq!(one("3.25 times").1, "3.25");
        assert_eq!(one("1,000.500 tonnes").1, "1000.5");
    }

    #[test]
    fn qualifiers_make_intervals() {
        let f = found("nearly 30 drones");
        assert_eq!(f, [("30", "[27, 30)".to_string(), Some("nearly"))]);
        assert_eq!(one("about 900 km").1, "[810, 990]");
        assert_eq!(one("approx. 900 km").1, "[810, 990]");
        assert_eq!(one("ca. 900 km").1, "[810, 990]");
        assert_eq!(one("at least five dead").1, "[5, inf)");
        assert_eq!(one("at least 130 injured").1, "[130, inf)");
        assert_eq!(one("up to 40 missiles").1, "[0, 40]");
        assert_eq!(one("fewer than 20").1, "[0, 20)");
        assert_eq!(one("no more than 3").1, "[0, 3]");
        assert_eq!(one("in excess of 200").1, "(200, inf)");
        assert_eq!(one("up to about 50").1, "[45, 55]");
        let f = found("More  than a dozen");
        assert_eq!(
            f,
            [("a dozen", "(12, inf)".to_string(), Some("More  than"))]
        );
    }

    #[test]
    fn number_words() {
        assert_eq!(one("thirty-six drones"), ("thirty-six".into(), "36".into()));
        assert_eq!(one("two hundred and five").1, "205");
        assert_eq!(one("Four civilians").1, "4");
        assert_eq!(one("two million").1, "2000000");
        assert_eq!(one("a dozen").1, "12");
        assert_eq!(one("dozens of drones").1, "[24, 100)");
        assert_eq!(one("hundreds of thousands").1, "[200000, 1000000)");
        assert_eq!(one("thousands fled").1, "[2000, 10000)");
        assert_eq!(one("nineteen hundred").1, "1900");
        let all: Vec<_> = found("one two").into_iter().map(|f| f.1).collect();
        assert_eq!(all, ["1", "2"]);
    }

    #[test]
    fn counts_in_dozens_are_one_number() {
        assert_eq!(
            one("three dozen drones"),
            ("three dozen".into(), "36".into())
        );
        assert_eq!(one("two dozen"), ("two dozen".into(), "24".into()));
        assert_eq!(one("Four Dozen eggs"), ("Four Dozen".into(), "48".into()));
        assert_eq!(one("3 dozen drones"), ("3 dozen".into(), "36".into()));
        assert_eq!(one("three-dozen drones").1, "36");
        assert_eq!(one("one dozen roses"), ("one dozen".into(), "12".into()));
        assert_eq!(one("thirty-six dozen").1, "432");
        let f = numbers("air defences downed three dozen drones over Crimea");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value.value, 36.0);
        // A number and "dozen" apart are two numbers.
        let all: Vec<_> = found("three, dozen").into_iter().map(|f| f.1).collect();
        assert_eq!(all, ["3", "12"]);
        let all: Vec<_> = found("three dozens").into_iter().map(|f| f.1).collect();
        assert_eq!(all, ["3", "[24, 100)"]);
    }

    #[test]
    fn dozen_alone_and_halves() {
        assert_eq!(one("dozen eggs"), ("dozen".into(), "12".into()));
        assert_eq!(one("a dozen eggs"), ("a dozen".into(), "12".into()));
        assert_eq!(
            one("half a dozen villages"),
            ("half a dozen".into(), "6".into())
        );
        assert_eq!(
            one("a half-dozen villages"),
            ("a half-dozen".into(), "6".into())
        );
        assert_eq!(one("a half dozen villages").1, "6");
        assert_eq!(
            one("dozens of drones"),
            ("dozens".into(), "[24, 100)".into())
        );
        // Either reading is fine; it is one number of about twelve.
        let f = found("a dozen-odd drones");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].0.starts_with("a dozen"));
    }

    #[test]
    fn a_few_and_several_dozen_are_vague() {
        assert_eq!(
            one("a few dozen protesters"),
            ("a few dozen".into(), "[24, 100)".into())
        );
        assert_eq!(
            one("several dozen drones"),
            ("several dozen".into(), "[24, 100)".into())
        );
        assert_eq!(one("the few dozen left").1, "[24, 100)");
        assert_eq!(one("more than a few dozen").1, "(24, inf)");
    }

    #[test]
    fn qualifiers_apply_to_dozens() {
        let f = found("nearly three dozen drones");
        assert_eq!(
            f,
            [("three dozen", "[32.4, 36)".to_string(), Some("nearly"))]
        );
        let f = found("more than two dozen");
        assert_eq!(
            f,
            [("two dozen", "(24, inf)".to_string(), Some("more than"))]
        );
        assert_eq!(one("at least 3 dozen").1, "[36, inf)");
        assert_eq!(one("three dozen or so").1, "[32.4, 39.6]");
    }

    #[test]
    fn ranges_of_dozens() {
        assert_eq!(
            one("two to three dozen"),
            ("two to three dozen".into(), "[24, 36]".into())
        );
        assert_eq!(one("between two and three dozen").1, "[24, 36]");
        assert_eq!(one("a dozen to two dozen").1, "[12, 24]");
        assert_eq!(one("between two and a dozen").1, "[2, 12]");
        let f = numbers("two to three dozen");
        assert_eq!(f[0].value.value, 24.0);
        assert_eq!(
            one("two or three dozen drones"),
            ("two or three dozen".into(), "[24, 36]".into())
        );
    }

    #[test]
    fn a_couple_of_dozen_is_two_or_three_dozen() {
        assert_eq!(
            one("a couple of dozen drones"),
            ("a couple of dozen".into(), "[24, 36]".into())
        );
        assert_eq!(one("A couple dozen drones").1, "[24, 36]");
        assert_eq!(one("nearly a couple dozen").1, "[21.6, 36)");
        // "A couple" alone, or of hundreds, is not read at all.
        assert!(found("a couple of drones").is_empty());
        assert!(found("a couple hundred drones").is_empty());
    }

    #[test]
    fn one_of_the_largest_ranks_and_counts_nothing() {
        assert!(found("one of the largest drone attacks").is_empty());
        assert!(found("one of the most intense barrages").is_empty());
        assert!(found("one of its deadliest days").is_empty());
        // A count of one among others is still a number.
        assert_eq!(one("one of the drones hit a house").1, "1");
        assert_eq!(one("one of the rest").1, "1");
    }

    #[test]
    fn alternatives_joined_by_or_are_a_range() {
        assert_eq!(
            one("three or four drones"),
            ("three or four".into(), "[3, 4]".into())
        );
        assert_eq!(one("30 or 40 missiles").1, "[30, 40]");
        // Not ascending, or more than a word between: separate numbers.
        assert_eq!(found("5 or 3").len(), 2);
        assert_eq!(found("5 killed or 10 injured").len(), 2);
    }

    #[test]
    fn hedges_after_a_number() {
        let f = numbers("40-odd drones");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].span, 0..6);
        assert_eq!(f[0].value.value, 40.0);
        assert_eq!(f[0].value.qualifier, Some(About));
        assert_eq!(f[0].value.qualifier_span, None);
        assert_eq!(f[0].value.interval.to_string(), "[40, 50)");
        assert_eq!(
            one("forty-odd drones"),
            ("forty-odd".into(), "[40, 50)".into())
        );
        assert_eq!(one("40-some drones"), ("40-some".into(), "[40, 50)".into()));
        assert_eq!(one("300-odd people").1, "[300, 400)");
        assert_eq!(one("100-odd people").1, "[100, 150)");
        assert_eq!(
            one("40 or so drones"),
            ("40 or so".into(), "[36, 44]".into())
        );
        assert_eq!(one("forty or so.").1, "[36, 44]");
        // A leading qualifier wins; "-something", "or sooner" and odd numbers are no hedge.
        assert_eq!(one("about 40-odd").1, "[36, 44]");
        assert_eq!(one("40-something").0, "40");
        assert_eq!(one("45-odd").1, "45");
        assert_eq!(one("in 40 or sooner").1, "40");
        assert_eq!(one("40 or so-called").1, "40");
        assert_eq!(one("20-30-odd").1, "[20, 30]");
    }

    #[test]
    fn one_as_pronoun_is_not_a_number() {
        assert!(found("no one was hurt").is_empty());
        assert!(found("someone said").is_empty());
        assert!(found("they met one another").is_empty());
        assert!(found("one's duty").is_empty());
        assert_eq!(one("at least one of the missiles").1, "[1, inf)");
    }

    #[test]
    fn not_numbers() {
        assert!(found("20240104130140-6596fbc4ab0e128c0986ac9fjpeg").is_empty());
        assert!(found("at 01:10").is_empty());
        assert!(found("06-01-2024").is_empty());
        assert!(found("Covid-19").is_empty());
        assert!(found("F-16 jets").is_empty());
        assert!(found("the G7 summit").is_empty());
        assert!(found("the 1990s").is_empty());
        assert!(found("the 30th").is_empty());
        assert!(found("3-1 win").is_empty());
    }

    #[test]
    fn ranges_and_years() {
        assert_eq!(one("20-30 people"), ("20-30".into(), "[20, 30]".into()));
        assert_eq!(
            one("between 20 and 30 people"),
            ("20 and 30".into(), "[20, 30]".into())
        );
        assert_eq!(
            one("20 to 30 people"),
            ("20 to 30".into(), "[20, 30]".into())
        );
        assert_eq!(one("twenty to thirty people").1, "[20, 30]");
        assert_eq!(found("rose from 20 to 30").len(), 2);
        assert_eq!(found("21 and 36").len(), 2);
        assert_eq!(found("30 to 20").len(), 2);
        assert_eq!(one("in 2024.").1, "2024");
        assert_eq!(one("a 30-year-old man").1, "30");
        assert_eq!(one("900km").0, "900");
    }

    #[test]
    fn long_runs_stay_linear() {
        let words = "one ".repeat(5_000);
        let start = std::time::Instant::now();
        assert_eq!(numbers(&words).len(), 5_000);
        let digits = "1".repeat(100_000) + " 5";
        assert_eq!(numbers(&digits).len(), 2);
        assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "", "-", "1,", "é1", "1é", "ſome 5", "1.", ".5", "—12—", "and", "hundred",
        ] {
            let _ = numbers(t);
        }
    }
}
