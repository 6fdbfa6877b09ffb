//! Quotations: text inside straight or curly, double or single quotes, split
//! into normalised words so two wordings can be compared word by word.

use super::Mention;
use compact_str::CompactString;
use std::ops::Range;

/// A word of a quotation, normalised ("Russia’s" → "russia's") with its span.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Word {
    /// Lower-cased; inline when short, as nearly every word is.
    pub text: CompactString,
    /// Relative to the start of the quotation, so that one quotation written
    /// in many articles is one equal value (and can be shared, see
    /// [`crate::checks::intern`]).
    pub span: Range<usize>,
}

/// A quotation: its words in order. The mention's span covers the quoted text
/// without the quote marks.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Quotation {
    pub words: Vec<Word>,
}

/// Pairs of opening and closing marks.
const MARKS: &[(char, char)] = &[('“', '”'), ('"', '"'), ('‘', '’'), ('\'', '\''), ('«', '»')];

/// Every quotation in `text` of at least `min_words` words (fewer are scare
/// quotes: "multiple", "absolutely").
pub fn quotations(text: &str, min_words: usize) -> Vec<Mention<Quotation>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // For each closing mark, where the last search for it gave up (the end of
    // the paragraph): an opener before that has no closing mark either, so it
    // is not searched again. Without this, "“a “a “a …" took quadratic time.
    let mut unclosed_until = [0usize; MARKS.len()];
    let mut at = 0;
    // Jump from one possible opening mark to the next: " and ' are one byte,
    // “ ‘ « start with 0xE2 or 0xC2 (each a char boundary). memchr looks for
    // three bytes at once; 0xC2 (« and a no-break space) is rare in English
    // and looked for apart, again only once passed.
    let mut next_c2 = memchr::memchr(0xC2, bytes);
    loop {
        if next_c2.is_some_and(|c2| c2 < at) {
            next_c2 = memchr::memchr(0xC2, &bytes[at..]).map(|offset| at + offset);
        }
        let next = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[at..]).map(|offset| at + offset);
        let Some(i) = next.into_iter().chain(next_c2).min() else {
            break;
        };
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        at = i + c.len_utf8();
        let Some(mark) = MARKS.iter().position(|(open, _)| *open == c) else {
            continue;
        };
        let previous = text[..i].chars().next_back().unwrap_or(' ');
        let starts_word = text[at..]
            .chars()
            .next()
            .is_some_and(|n| !n.is_whitespace());
        if !starts_word || previous.is_alphanumeric() {
            continue;
        }
        let close = MARKS[mark].1;
        let start = at;
        let end = if start < unclosed_until[mark] {
            None
        } else {
            closing(text, start, close)
                .map_err(|gave_up| unclosed_until[mark] = gave_up)
                .ok()
        };
        if let Some(end) = end {
            let quotation = Quotation {
                words: words(text, start..end),
            };
            if quotation.words.len() >= min_words {
                found.push(Mention {
                    span: start..end,
                    value: quotation,
                });
            }
            // Resume after the closing mark.
            at = end + close.len_utf8();
        }
    }
    found
}

/// The offset of the mark closing a quotation opened at `start`: one not inside
/// a word ("People’s" and "Russia's" are apostrophes), before the paragraph ends.
/// Without one, the offset where the search gave up: no opener between `start`
/// and there has a closing mark either (a later search sees the same candidates,
/// or fewer, and stops at the same place).
fn closing(text: &str, start: usize, close: char) -> Result<usize, usize> {
    let rest = &text[start..];
    let mut previous = ' ';
    let mut iter = rest.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '\n' && iter.peek().is_some_and(|(_, n)| *n == '\n' || *n == '\r') {
            return Err(start + i);
        }
        let next = iter.peek().map_or(' ', |(_, n)| *n);
        if c == close
            && !previous.is_whitespace()
            && !(previous.is_alphanumeric() && next.is_alphanumeric())
        {
            return Ok(start + i);
        }
        previous = c;
    }
    Err(text.len())
}

/// Words of `range`, split at spaces and dashes, lower-cased, with typographic
/// apostrophes made straight; their spans are relative to `range.start`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<usize> = None;
    let slice = &text[range.clone()];
    let flush = |from: usize, to: usize, words: &mut Vec<Word>| {
        let raw = &slice[from..to];
        let apostrophe = |c: char| c == '\'' || c == '’';
        // Most words start and end with a letter or digit: nothing to trim.
        let bytes = raw.as_bytes();
        let plain = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
            && bytes.last().is_some_and(u8::is_ascii_alphanumeric);
        let (lead, trimmed) = if plain {
            (0, raw)
        } else {
            let start = raw.trim_start_matches(apostrophe);
            (raw.len() - start.len(), start.trim_end_matches(apostrophe))
        };
        if trimmed.is_empty() {
            return;
        }
        let span = from + lead..from + lead + trimmed.len();
        let text = if trimmed.is_ascii() {
            let mut text = CompactString::from(trimmed);
            text.make_ascii_lowercase();
            text
        } else {
            trimmed.to_lowercase().replace('’', "'").into()
        };
        words.push(Word { text, span });
    };
    let mut i = 0;
    while let Some(&byte) = slice.as_bytes().get(i) {
        // ASCII is told apart by its byte; anything else is a whole character.
        let (in_word, len) = if byte.is_ascii() {
            (byte.is_ascii_alphanumeric() || byte == b'\'', 1)
        } else {
            let Some(c) = slice[i..].chars().next() else {
                break;
            };
            (c.is_alphanumeric() || c == '’', c.len_utf8())
        };
        match (current, in_word) {
            (None, true) => current = Some(i),
            (Some(from), false) => {
                flush(from, i, &mut words);
                current = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(from) = current {
        flush(from, slice.len(), &mut words);
    }
    words
}

/// How two wordings of one quotation differ, as index ranges into each word
/// list. Where one side lacks words the other has, both ranges also take the
/// shared word on each side of the gap, so neither is empty: "significant
/// escalation" against "significant and concerning escalation".
#[derive(Clone, Debug, PartialEq)]
pub struct Drift {
    pub ours: Range<usize>,
    pub theirs: Range<usize>,
}

/// Compares two quotations that share a passage: `None` when one is a part of
/// the other (a shorter excerpt is no drift), else the words that differ.
///
/// Words before the first shared word (or after the last) differ only when
/// both quotations have some there: when one alone has them, it quotes more of
/// the sentence, and the other is an excerpt.
pub fn drift(ours: &[Word], theirs: &[Word]) -> Option<Drift> {
    // An excerpt word for word. Checked first: a common subsequence may pair
    // its first word with an earlier one of the longer quotation ("the" in
    // "… the Ukrainians … The time for Congress to act is now") and find a gap.
    let (short, long) = if ours.len() <= theirs.len() {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    let same = |a: &[Word], b: &[Word]| a.iter().zip(b).all(|(x, y)| x.text == y.text);
    if !short.is_empty() && long.windows(short.len()).any(|window| same(short, window)) {
        return None;
    }
    let pairs = common_words(ours, theirs);
    let (&first, &last) = (pairs.first()?, pairs.last()?);
    let leading = first.0 > 0 && first.1 > 0;
    let trailing = last.0 + 1 < ours.len() && last.1 + 1 < theirs.len();
    // Consecutive shared words with words between them on either side.
    let gaps = || {
        pairs
            .windows(2)
            .filter(|w| w[1].0 > w[0].0 + 1 || w[1].1 > w[0].1 + 1)
    };
    let after = |p: (usize, usize)| (p.0 + 1, p.1 + 1);
    let from = match (leading, gaps().next()) {
        (true, _) => (0, 0),
        (false, Some(w)) => after(w[0]),
        (false, None) if trailing => after(last),
        (false, None) => return None,
    };
    let to = match (trailing, gaps().next_back()) {
        (true, _) => (ours.len(), theirs.len()),
        (false, Some(w)) => w[1],
        (false, None) => first,
    };
    let (mut mine, mut other) = (from.0..to.0, from.1..to.1);
    if mine.is_empty() || other.is_empty() {
        // A gap lies between two shared words (never at either end, where
        // words on one side alone are an excerpt), so both exist.
        mine = mine.start.saturating_sub(1)..(mine.end + 1).min(ours.len());
        other = other.start.saturating_sub(1)..(other.end + 1).min(theirs.len());
    }
    Some(Drift {
        ours: mine,
        theirs: other,
    })
}

/// Index pairs of a longest common subsequence of words.
fn common_words(a: &[Word], b: &[Word]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if a[i].text == b[j].text {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i].text == b[j].text {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Whether two quotations are versions of one: most words of the shorter one
/// (at least `min_shared`, and three in five) appear in the longer, in order.
pub fn same_quotation(a: &[Word], b: &[Word], min_shared: usize) -> bool {
    let shorter = a.len().min(b.len());
    if shorter < min_shared {
        return false;
    }
    let shared = common_words(a, b).len();
    shared >= min_shared && shared * 5 >= shorter * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        quotations(text, 3)
            .into_iter()
            .map(|m| &text[m.span])
            .collect()
    }

    #[test]
    fn curly_straight_and_single_quotes() {
        assert_eq!(
            texts("He said “This is a significant escalation,” and left."),
            ["This is a significant escalation,"]
        );
        assert_eq!(
            texts("'Our information indicates that the People's Republic provided,' Kirby told."),
            ["Our information indicates that the People's Republic provided,"]
        );
        assert_eq!(
            texts("the U.S. \"is concerned that Russia's talks advance.\""),
            ["is concerned that Russia's talks advance."]
        );
    }

    #[test]
    fn apostrophes_and_scare_quotes_are_not_quotations() {
        assert!(
            texts("Russia's forces fired \"multiple\" missiles, the DPRK's envoy said.").is_empty()
        );
        assert!(texts("an \"undesirable\" organization").is_empty());
    }

    #[test]
    fn unclosed_openers_stay_linear() {
        // Each unclosed “ used to scan to the end of the paragraph: 100,000 of
        // them took minutes. Closed quotations after them are still found.
        let start = std::time::Instant::now();
        let text = "“a ‘b \"c 'd «e ".repeat(20_000) + "\n\n“one two three” and «four five six»";
        assert_eq!(
            quotations(&text, 3)
                .into_iter()
                .map(|m| &text[m.span])
                .collect::<Vec<_>>(),
            ["one two three", "four five six"]
        );
        assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    }

    #[test]
    fn an_unclosed_opener_does_not_hide_a_later_quotation() {
        assert_eq!(
            texts("“a b c and then “one two three” here."),
            ["a b c and then “one two three"]
        );
        assert_eq!(
            texts("“unclosed here\n\n“one two three” there."),
            ["one two three"]
        );
    }

    proptest::proptest! {
        #[test]
        fn words_are_the_runs_of_letters_digits_and_apostrophes(
            text in "[a-zA-Z09 '’é—.,\u{300}\u{a0}\u{662}ß]{0,40}"
        ) {
            let ours: Vec<Range<usize>> =
                words(&text, 0..text.len()).into_iter().map(|w| w.span).collect();
            let apostrophe = |c: char| c == '\'' || c == '’';
            let theirs: Vec<Range<usize>> = text
                .split(|c: char| !(c.is_alphanumeric() || apostrophe(c)))
                .map(|run| {
                    let start = run.as_ptr() as usize - text.as_ptr() as usize;
                    let lead = run.len() - run.trim_start_matches(apostrophe).len();
                    let start = start + lead;
                    start..start + run.trim_matches(apostrophe).len()
                })
                .filter(|span| !span.is_empty())
                .collect();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn words_are_normalised() {
        let text = "Russia’s close-range MISSILES, ÉLYSÉE Counterdisinformationcampaigns";
        let w: Vec<String> = words(text, 0..text.len())
            .into_iter()
            .map(|w| w.text.to_string())
            .collect();
        // The last word is longer than a word kept inline.
        assert_eq!(
            w,
            [
                "russia's",
                "close",
                "range",
                "missiles",
                "élysée",
                "counterdisinformationcampaigns"
            ]
        );
    }

    fn wordings(a: &str, b: &str) -> Option<(String, String)> {
        let (wa, wb) = (words(a, 0..a.len()), words(b, 0..b.len()));
        drift(&wa, &wb).map(|d| {
            let join = |ws: &[Word], r: Range<usize>| {
                ws[r]
                    .iter()
                    .map(|w| w.text.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            (join(&wa, d.ours), join(&wb, d.theirs))
        })
    }

    #[test]
    fn drift_marks_the_differing_words() {
        assert_eq!(
            wordings(
                "The United States is concerned that Russian negotiations to acquire close-range ballistic missiles from Iran are actively advancing",
                "is concerned that Russia's negotiations to acquire close range ballistic missiles from Iran are actively advancing."
            ),
            Some(("russian".into(), "russia's".into()))
        );
    }

    #[test]
    fn an_excerpt_is_not_drift() {
        assert_eq!(
            wordings(
                "This is a significant and concerning escalation",
                "This is a significant and concerning escalation of the DPRK's support"
            ),
            None
        );
    }

    #[test]
    fn versions_share_most_words() {
        let w = |t: &str| words(t, 0..t.len());
        let canonical = w("This is a significant and concerning escalation of the DPRK's support");
        assert!(same_quotation(
            &w("This is a serious and concerning escalation"),
            &canonical,
            4
        ));
        assert!(!same_quotation(
            &w("This is a fact or not, I can't confirm"),
            &canonical,
            4
        ));
    }

    #[test]
    fn inserted_word_is_drift() {
        assert_eq!(
            wordings(
                "we have no information that missiles were used",
                "we have no new information that missiles were used"
            ),
            Some(("no information".into(), "no new information".into()))
        );
    }

    const KIRBY: &str =
        "This is a significant and concerning escalation of the DPRK’s support for Moscow";

    #[test]
    fn a_changed_first_word_is_drift() {
        assert_eq!(
            wordings(
                KIRBY,
                "That is a significant and concerning escalation of the DPRK’s support for Moscow"
            ),
            Some(("this".into(), "that".into()))
        );
    }

    #[test]
    fn a_changed_last_word_is_drift() {
        assert_eq!(
            wordings(
                "Russia must feel the consequences of its terrorism",
                "Russia must feel the consequences of its terror"
            ),
            Some(("terrorism".into(), "terror".into()))
        );
    }

    #[test]
    fn changes_at_both_ends_span_the_quotation() {
        assert_eq!(
            wordings(
                "Russia must feel the consequences of its terrorism",
                "Moscow must feel the consequences of its terror"
            ),
            Some((
                "russia must feel the consequences of its terrorism".into(),
                "moscow must feel the consequences of its terror".into()
            ))
        );
    }

    #[test]
    fn dropped_words_are_shown_with_the_shared_word_on_each_side() {
        let w = |t: &str| words(t, 0..t.len());
        let (long, short) = (
            w("a significant and troubling escalation"),
            w("a significant escalation"),
        );
        // "significant [and troubling] escalation": the gap with its neighbours.
        assert_eq!(
            drift(&long, &short),
            Some(Drift {
                ours: 1..5,
                theirs: 1..3
            })
        );
        assert_eq!(
            drift(&short, &long),
            Some(Drift {
                ours: 1..3,
                theirs: 1..5
            })
        );
    }

    #[test]
    fn excerpts_at_either_end_are_not_drift() {
        for excerpt in [
            "a significant and concerning escalation",
            "This is a significant and concerning",
            "escalation of the DPRK’s support for Moscow",
        ] {
            assert_eq!(wordings(excerpt, KIRBY), None, "{excerpt}");
            assert_eq!(wordings(KIRBY, excerpt), None, "{excerpt}");
        }
        // A word of the excerpt also earlier in the longer quotation ("the").
        let long = "It's critical that Congress responds by providing the Ukrainians \
                    what they need. The time for Congress to act is now";
        assert_eq!(wordings("The time for Congress to act is now", long), None);
        assert_eq!(wordings(long, "The time for Congress to act is now"), None);
        // An excerpt of the version with another first word is no drift either.
        assert_eq!(
            wordings(
                "is a significant and concerning escalation",
                "That is a significant and concerning escalation of the DPRK’s support"
            ),
            None
        );
        // Nor are two excerpts that overlap.
        assert_eq!(
            wordings(
                "This is a significant and concerning escalation",
                "concerning escalation of the DPRK’s support for Moscow"
            ),
            None
        );
    }

    #[test]
    fn different_quotations_sharing_a_few_words_are_not_versions() {
        let w = |t: &str| words(t, 0..t.len());
        for other in [
            "This is a significant moment for the whole alliance",
            "We see a significant and concerning escalation in the Black Sea",
            "The time for Congress to act is now",
        ] {
            assert!(!same_quotation(&w(other), &w(KIRBY), 4), "{other}");
        }
    }
}
