//! Paragraphs and abbreviation-aware sentences.

use std::ops::Range;

/// Paragraphs: runs of non-blank lines, trimmed, as byte ranges of `text`.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    while offset < bytes.len() {
        // Each line with its terminator; "\r\n" is two lines, "…\r" and "\n".
        let start = offset;
        offset =
            memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
        let line = &text[start..offset];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            // "\r\n" splits into "…\r" and "\n": the lone "\n" is not a blank line.
            if line != "\n" || start == 0 || bytes[start - 1] != b'\r' {
                paragraphs.extend(current.take());
            }
            continue;
        }
        if starts_verdict(trimmed) {
            paragraphs.extend(current.take());
        }
        let lead = line.len() - line.trim_start().len();
        let content = start + lead..start + lead + trimmed.len();
        current = Some(match current {
            Some(p) => p.start..content.end,
            None => content,
        });
    }
    paragraphs.extend(current);
    paragraphs
}

/// The labels a fact-check puts before its finding, lower-case.
const VERDICT_LABELS: &[&str] = &[
    "conclusion",
    "fact",
    "facts",
    "our rating",
    "our ruling",
    "our verdict",
    "rating",
    "ruling",
    "the facts",
    "verdict",
];

/// Whether `line` opens with a fact-check's finding ("Verdict: False",
/// "**Our rating:** Misleading"). It starts a paragraph even without a blank
/// line before it: the claim under review above it ends there, so what the
/// fact-check goes on to say is not read as part of the claim.
fn starts_verdict(line: &str) -> bool {
    let line = line.trim_start_matches(['#', '*', '_', '>', ' ', '\t']);
    let Some(colon) = line.find(':') else {
        return false;
    };
    let label = line[..colon].trim_end_matches(['*', '_', ' ']);
    VERDICT_LABELS
        .iter()
        .any(|known| label.eq_ignore_ascii_case(known))
}

/// Words that end with a period without ending a sentence, in order (they
/// are looked up by binary search).
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "aug", "ave", "blvd", "capt", "cmdr", "co", "col", "corp", "dec",
    "dept", "dr", "est", "etc", "feb", "fig", "fri", "ft", "gen", "gov", "inc", "jan", "jr", "jul",
    "jun", "lt", "ltd", "maj", "mar", "mon", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct",
    "pres", "prof", "rep", "rev", "sat", "sen", "sep", "sept", "sgt", "sr", "st", "sun", "thu",
    "thur", "thurs", "tue", "tues", "univ", "vol", "vs", "wed",
];

/// Dotted abbreviations that may also end a sentence ("… in the U.S. The …"),
/// in order.
const DOTTED: &[&str] = &["a.m", "d.c", "e.u", "p.m", "u.k", "u.n", "u.s"];

/// The longest word of [`ABBREVIATIONS`] and [`DOTTED`].
const LONGEST_ABBREVIATION: usize = 6;

/// Words that start a new sentence after an ambiguous abbreviation.
const STARTERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "An", "This", "That",
    "There", "His", "Her", "Their", "Its", "On", "At", "As", "After", "Before", "However", "Mr",
    "Ms",
];

/// Sentences of one paragraph `range` of `text`, as trimmed byte ranges.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = range.start;
    let mut i = range.start;
    while let Some(found) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..range.end]) {
        let terminator = i + found;
        let b = bytes[terminator];
        i = terminator + 1;
        // Swallow closing quotes, brackets and markup tags: ." .” .' .) .’
        // .</description> (an RSS feed or HTML saved as text).
        while i < range.end {
            let rest = &text[i..range.end];
            let closer = ['"', '\'', ')', ']', '”', '’', '»']
                .into_iter()
                .find(|c| rest.starts_with(*c))
                .map(char::len_utf8)
                .or_else(|| closing_tag_len(rest))
                .or_else(|| note_mark_len(rest));
            match closer {
                Some(len) => i += len,
                None => break,
            }
        }
        let next_ws = bytes.get(i).is_none_or(|c| c.is_ascii_whitespace()) || i >= range.end;
        if !next_ws {
            continue;
        }
        if b == b'.'
            && (numbers_an_item(text, range.start, terminator)
                || !ends_sentence(text, range.start, terminator, i, range.end))
        {
            continue;
        }
        push_trimmed(text, start..i, &mut sentences);
        start = i;
    }
    push_trimmed(text, start..range.end, &mut sentences);
    sentences
}

/// The length of the note mark `rest` starts with: a footnote's number
/// ("[7]") or a word processor's comment anchor ("[d]"), written after the
/// full stop of the sentence it annotates.
fn note_mark_len(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('[')?;
    let len = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let mark = &inner[..len];
    let is_mark = (1..=3).contains(&len) && mark.bytes().all(|b| b.is_ascii_digit())
        || len == 1 && mark.bytes().all(|b| b.is_ascii_lowercase());
    (is_mark && inner[len..].starts_with(']')).then_some(len + 2)
}

/// The length of the closing markup tag `rest` starts with (`</p>`,
/// `</content:encoded>`), if it starts with one.
fn closing_tag_len(rest: &str) -> Option<usize> {
    let name = rest.strip_prefix("</")?;
    let len = name
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'-'))
        .count();
    let starts_with_letter = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    (starts_with_letter && name[len..].starts_with('>')).then_some(2 + len + 1)
}

/// Whether the period at `dot` ends a sentence, looking at the word before it
/// and the text after `after`.
fn ends_sentence(text: &str, floor: usize, dot: usize, after: usize, end: usize) -> bool {
    // The word starts after the separator, which may be several bytes long
    // (“, a no-break space).
    let word_start = text[floor..dot]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\''))
        .map_or(floor, |(p, c)| floor + p + c.len_utf8());
    let word = &text[word_start..dot];
    let next: &str = text[after..end]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let next_starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    let next_is_digit = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    // A lower-case word goes on with the sentence, unless it opens the next
    // line: a screen reader's "heading level 2, …" or a line of its own.
    let ends_line = text[after..end]
        .split(|c: char| !c.is_whitespace())
        .next()
        .is_some_and(|space| space.contains('\n'));
    if next_starts_lower && !ends_line {
        return false;
    }
    // Lower-cased on the stack, if short enough to be an abbreviation.
    let mut buffer = [0u8; LONGEST_ABBREVIATION];
    let lower = buffer.get_mut(..word.len()).and_then(|lower| {
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).ok()
    });
    if let Some(lower) = lower {
        if DOTTED.binary_search(&lower).is_ok() {
            return STARTERS.contains(&next);
        }
        if ABBREVIATIONS.binary_search(&lower).is_ok() {
            return false;
        }
    }
    // Initials ("N. Korea", "John F. Kennedy") and dotted forms ("e.g").
    let single_capital = word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase());
    if single_capital || (word.contains('.') && word.len() <= 6) {
        return false;
    }
    // "No. 5", "Dec. 30": a number right after an abbreviation-like word.
    // (Not after a closing quote: "the 2023 \"referendums\". 14/ Reminder".)
    !(next_is_digit && !word.is_empty() && word.len() <= 4 && word.chars().all(char::is_alphabetic))
}

/// Pushes `range` trimmed, as one sentence per line where a line opens a
/// list item or a table row ("- Range: 900 km", "| 2 Jan 2024 | mass attack
/// |"): a list's items and a table's rows end without a full stop, but one
/// item's date is not another's.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    let mut line_start = range.start;
    for newline in memchr::memchr_iter(b'\n', &text.as_bytes()[range.clone()]) {
        let next_line = range.start + newline + 1;
        let line = &text[line_start..next_line];
        let rest = &text[next_line..range.end];
        if is_bold_line(line) || opens_item(rest) || is_fact_line(line) && opens_capitalised(rest) {
            push_line(text, start..next_line, out);
            start = next_line;
        }
        line_start = next_line;
    }
    push_line(text, start..range.end, out);
}

/// Whether a line is all bold, a heading as Markdown timelines write one
/// ("**13 October 2023**"): the line under it is another sentence.
fn is_bold_line(line: &str) -> bool {
    let line = line.trim();
    ["**", "__"]
        .iter()
        .any(|mark| line.len() > 2 * mark.len() && line.starts_with(mark) && line.ends_with(mark))
}

/// Whether a line is a fact box's entry, a short label and its value
/// ("Missile range: about 900 km (560 miles)", "White House disclosure:
/// 2024-01-05"): entries end without a full stop, and one entry's date is
/// not the next one's. The value ends with a figure or a bracket, or is at
/// most three words: a wrapped line of prose with a colon goes on ("Kyiv:
/// officials said on\nThursday that …").
fn is_fact_line(line: &str) -> bool {
    let line = line.trim().trim_start_matches(['*', '_', '#', '>', ' ']);
    // The first colon before a space, bold or not ("**Range:** 900 km").
    let Some((label, value)) = line.match_indices(':').find_map(|(colon, _)| {
        let value = line[colon + 1..].trim_start_matches(['*', '_']);
        value
            .starts_with(' ')
            .then(|| (line[..colon].trim_end_matches(['*', '_']), value.trim()))
    }) else {
        return false;
    };
    let words = |text: &str| text.split_whitespace().count();
    line.len() <= 100
        && label.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && (1..=8).contains(&words(label))
        && !label.contains(['.', '!', '?', ';', ',', '"', '“', '”'])
        && !value.is_empty()
        && !value.ends_with(['.', ',', ';', ':', '!', '?'])
        && (value.ends_with(|c: char| c.is_ascii_digit() || matches!(c, ')' | '%' | ']'))
            || words(value) <= 3)
}

/// Whether `text` opens with a capital letter or a digit, bold or not.
fn opens_capitalised(text: &str) -> bool {
    text.trim_start_matches(['*', '_', '#', '>', ' ', '\t'])
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the period at `dot` follows a list item's number at the start
/// of a line ("\n2. US briefing").
fn numbers_an_item(text: &str, floor: usize, dot: usize) -> bool {
    let before = &text[floor..dot];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let line_start = before[..before.len() - digits].trim_end_matches([' ', '\t']);
    (1..=3).contains(&digits) && (line_start.is_empty() || line_start.ends_with('\n'))
}

/// The longest cue in brackets that opens a line: a chat's "[02/01/2024,
/// 07:48:22]" has 20 characters inside.
const MAX_CUE: usize = 30;

/// Whether a line starts a list item ("- ", "• ", "2. ", a thread's "3/ "), a table row ("|",
/// or columns parted by a tab: "First launch:\t30 Dec. 2023"), a cue of
/// digits in brackets ("[05:45]") or an entry's clock time ("07:51 · 12 Jan").
fn opens_item(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    let first_line = line.split('\n').next().unwrap_or("");
    if first_line.trim_end().contains('\t') {
        return true;
    }
    let mut chars = line.chars();
    let spaced = |rest: &str| rest.starts_with([' ', '\t']);
    match chars.next() {
        Some('|') => true,
        // A transcript's or a chat's cue: "[05:45] six people died",
        // "[02/01/2024, 07:48] Desk: …", "(1) first".
        Some(open @ ('[' | '(')) => {
            let close = if open == '[' { ']' } else { ')' };
            let cue = &first_line[1..];
            cue.starts_with(|c: char| c.is_ascii_digit())
                && cue.find(close).is_some_and(|end| {
                    end <= MAX_CUE
                        && cue[..end].bytes().all(|b| {
                            b.is_ascii_digit()
                                || matches!(b, b':' | b'/' | b'.' | b',' | b' ' | b'-')
                        })
                })
        }
        Some('-' | '*' | '+' | '•' | '–' | '—') => spaced(chars.as_str()),
        _ => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            (1..=3).contains(&digits)
                && line[digits..].starts_with([')', '.', '/'])
                && spaced(&line[digits + 1..])
                || opens_with_time(line)
        }
    }
}

/// Whether a line opens with a clock time, then space and no lower-case word:
/// an alert's or a live blog's entry ("07:51 · 12 Jan  Odesa: …", "09:10
/// Sirens in Kyiv"), not a line that goes on with a sentence ("10:05 a.m.
/// on Tuesday").
fn opens_with_time(line: &str) -> bool {
    // Hours and minutes, not a recording's "00:12:45".
    let hours = line.bytes().take_while(u8::is_ascii_digit).count();
    let after = line.get(hours + 3..).unwrap_or("");
    crate::values::date::opens_with_clock(line)
        && line
            .as_bytes()
            .get(hours + 2)
            .is_some_and(u8::is_ascii_digit)
        && after.starts_with([' ', '\t'])
        && !after.trim_start().starts_with(|c: char| c.is_lowercase())
}

fn push_line(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = slice.len() - slice.trim_start().len();
    let start = range.start + lead;
    out.push(start..start + trimmed.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of the whole of `text`.
    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn list_items_and_table_rows_are_sentences_of_their_own() {
        let text = "FACTS:\n- First use: 30.12.2023\n• Mass attack: 2.1.2024\n2. US briefing: 4.1.2024\n| Friday | 63 drones |\n| Tuesday | mass attack |";
        assert_eq!(
            sentence_texts(text),
            [
                "FACTS:",
                "- First use: 30.12.2023",
                "• Mass attack: 2.1.2024",
                "2. US briefing: 4.1.2024",
                "| Friday | 63 drones |",
                "| Tuesday | mass attack |"
            ]
        );
        // A thread's posts are numbered "1/", "2/".
        assert_eq!(
            sentence_texts(
                "2/ Kirby briefed reporters at the White House\n3/ First confirmed use: Saturday, Dec. 30"
            ),
            [
                "2/ Kirby briefed reporters at the White House",
                "3/ First confirmed use: Saturday, Dec. 30"
            ]
        );
        // A line that goes on with a dash or a number is not an item.
        let text = "The toll rose to\nfive -- officials said\n2024 was long.";
        assert_eq!(sentences(text, 0..text.len()).len(), 1);
        // Columns parted by tabs are a table's rows, indented or not.
        let text =
            "FACT BOX\n\tFirst launch:\t30 December 2023\n\tKilled 2 Jan.:\t5\nRange\t900 km";
        assert_eq!(
            sentence_texts(text),
            [
                "FACT BOX",
                "First launch:\t30 December 2023",
                "Killed 2 Jan.:\t5",
                "Range\t900 km"
            ]
        );
        // A bold line is a heading: the line under it is another sentence.
        let text = "**13 October 2023**\nThe White House says North Korea shipped containers.";
        assert_eq!(sentences(text, 0..text.len()).len(), 2);
        // An indented line of prose goes on with its sentence.
        let text = "\tThe toll rose to\n\tfive, officials said.";
        assert_eq!(sentences(text, 0..text.len()).len(), 1);
    }

    #[test]
    fn a_full_stop_at_the_end_of_a_line_ends_the_sentence_before_a_lower_case_line() {
        assert_eq!(
            split(
                "It said it annexed them in 2021.\r\nheading level 2, A partnership\r\nThey met in 2000."
            ),
            [
                "It said it annexed them in 2021.",
                "heading level 2, A partnership\r\nThey met in 2000."
            ]
        );
        // Not after an abbreviation, nor inside a line.
        for text in [
            "Officials in the U.S.\nofficials said so.",
            "The strikes hit Kyiv, Kharkiv, etc.\nand Odesa.",
            "It fired 36 drones. and then more.",
        ] {
            assert_eq!(split(text), [text], "{text}");
        }
    }

    #[test]
    fn a_fact_box_entry_is_a_sentence_of_its_own() {
        let text = "FACT BOX\nFirst missile fired: 2023-12-30\nWhite House disclosure: 2024-01-05\n**Range:** about 900km (560 miles)\nDowned over Crimea: 36\nTuesday's attack killed five people, officials said.";
        assert_eq!(
            sentence_texts(text),
            [
                "FACT BOX\nFirst missile fired: 2023-12-30",
                "White House disclosure: 2024-01-05",
                "**Range:** about 900km (560 miles)",
                "Downed over Crimea: 36",
                "Tuesday's attack killed five people, officials said."
            ]
        );
        // Wrapped prose with a colon goes on with its sentence: a value of
        // four words or more that ends in a word, or a lower-case next line.
        for text in [
            "WASHINGTON: US officials said on\nThursday that missiles were used.",
            "The toll: 5\npeople were killed, officials said.",
            "Kirby said: it is, in our view, a significant\nEscalation of support.",
        ] {
            assert_eq!(sentence_texts(text), [text], "{text}");
        }
    }

    #[test]
    fn abbreviations_are_in_order_and_no_longer_than_the_longest() {
        for list in [ABBREVIATIONS, DOTTED] {
            assert!(list.is_sorted(), "{list:?}");
            assert!(list.iter().all(|w| w.len() <= LONGEST_ABBREVIATION));
            assert!(list.iter().all(|w| *w == w.to_ascii_lowercase()));
        }
        let longest = ABBREVIATIONS.iter().chain(DOTTED).map(|w| w.len()).max();
        assert_eq!(longest, Some(LONGEST_ABBREVIATION));
    }

    fn split(text: &str) -> Vec<&str> {
        paragraphs(text)
            .into_iter()
            .flat_map(|p| sentences(text, p))
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Missiles fell on Dec. 30 in Zaporizhzhia. Then on Jan. 2, 2024, more came."),
            [
                "Missiles fell on Dec. 30 in Zaporizhzhia.",
                "Then on Jan. 2, 2024, more came."
            ]
        );
        assert_eq!(
            split("U.S. intelligence says so. Gen. Smith agreed."),
            ["U.S. intelligence says so.", "Gen. Smith agreed."]
        );
        assert_eq!(
            split("It urged the U.S. Congress to act. N. Korea denied it."),
            ["It urged the U.S. Congress to act.", "N. Korea denied it."]
        );
    }

    #[test]
    fn dotted_abbreviation_can_end_a_sentence() {
        assert_eq!(
            split("Missiles went to the U.S. The talks ended."),
            ["Missiles went to the U.S.", "The talks ended."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said “it is a fact.” Then he left."),
            ["He said “it is a fact.”", "Then he left."]
        );
    }

    #[test]
    fn a_transcripts_or_chats_cue_starts_a_sentence() {
        assert_eq!(
            split("[05:45] six people died that morning\n[05:58] Zelensky's first post said four"),
            [
                "[05:45] six people died that morning",
                "[05:58] Zelensky's first post said four"
            ]
        );
        assert_eq!(
            split("[02/01/2024, 07:48] Desk: strike this morning\n[03/01/2024, 06:12] Desk: more"),
            [
                "[02/01/2024, 07:48] Desk: strike this morning",
                "[03/01/2024, 06:12] Desk: more"
            ]
        );
        assert_eq!(
            split(
                "07:51 · 12 Jan   Odesa: 11 injured overnight\n19:34 · 11 Jan   EU leaders to meet"
            ),
            [
                "07:51 · 12 Jan   Odesa: 11 injured overnight",
                "19:34 · 11 Jan   EU leaders to meet"
            ]
        );
        assert_eq!(
            split("The sirens sounded at\n10:05 a.m. on Tuesday, officials said."),
            ["The sirens sounded at\n10:05 a.m. on Tuesday, officials said."]
        );
        // Not a cue: words in brackets go on with their sentence.
        assert_eq!(
            split("Russia fired missiles\n[at least 20] on Tuesday."),
            ["Russia fired missiles\n[at least 20] on Tuesday."]
        );
    }

    #[test]
    fn a_full_stop_after_a_closing_quote_ends_the_sentence_before_a_number() {
        assert_eq!(
            split("after the 2023 \"referendums\".\n14/ Reminder: resolution 1718."),
            [
                "after the 2023 \"referendums\".",
                "14/ Reminder: resolution 1718."
            ]
        );
        assert_eq!(
            split("See No. 5 and Dec. 30 now."),
            ["See No. 5 and Dec. 30 now."]
        );
        // A footnote's number or a comment's anchor after the full stop.
        assert_eq!(
            split("over Crimea.[7]\n3.4 On December 29, it fired.[d] Then [a stop]. End."),
            [
                "over Crimea.[7]",
                "3.4 On December 29, it fired.[d]",
                "Then [a stop].",
                "End."
            ]
        );
    }

    #[test]
    fn a_closing_tag_after_the_full_stop_ends_the_sentence() {
        // An RSS feed saved as text: one paragraph, no blank lines.
        assert_eq!(
            split("<description>Five were hurt.</description>\n<title>On Monday</title>"),
            [
                "<description>Five were hurt.</description>",
                "<title>On Monday</title>"
            ]
        );
        assert_eq!(
            split("It said “so.”</p> Then it left.</content:encoded>"),
            ["It said “so.”</p>", "Then it left.</content:encoded>"]
        );
        // Not a tag: the sentence goes on.
        assert_eq!(
            split("Range 5.</ x> and more."),
            ["Range 5.</ x> and more."]
        );
    }

    #[test]
    fn a_fact_checks_verdict_starts_a_paragraph() {
        let text = "Claim: \"annexed in 2014\"\n**Verdict:** False.\nKyiv said so.\nOur rating: false\nA fact: it was 2022.\nRating agencies: none.";
        let ps: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            ps,
            [
                "Claim: \"annexed in 2014\"",
                "**Verdict:** False.\nKyiv said so.",
                "Our rating: false\nA fact: it was 2022.\nRating agencies: none."
            ]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines_with_crlf() {
        let text = "One.\r\nStill one.\r\n\r\nTwo.";
        let ps: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(ps, ["One.\r\nStill one.", "Two."]);
    }

    #[test]
    fn multibyte_space_before_an_abbreviation_is_not_a_char_boundary_trap() {
        assert_eq!(
            split("Said\u{a0}Putin. Then “Dec. 30” came."),
            ["Said\u{a0}Putin.", "Then “Dec. 30” came."]
        );
    }

    #[test]
    fn word_after_a_multi_byte_separator_is_found_on_a_char_boundary() {
        // Found by proptest and cargo fuzz: a period right after “ or a no-break
        // space sliced inside the separator and panicked.
        assert_eq!(split("“. "), ["“."]);
        assert_eq!(
            split("He said “Dec. 30” was wrong."),
            ["He said “Dec. 30” was wrong."]
        );
        assert_eq!(
            split("Sent to\u{a0}Gen. Smith. Then\u{3000}U.S. The end."),
            ["Sent to\u{a0}Gen. Smith.", "Then\u{3000}U.S.", "The end."]
        );
    }

    #[test]
    fn decimal_points_and_initials_do_not_split() {
        assert_eq!(
            split("It grew 2.5 percent. Done."),
            ["It grew 2.5 percent.", "Done."]
        );
        assert_eq!(
            split("Kim Il Sung met John F. Kennedy."),
            ["Kim Il Sung met John F. Kennedy."]
        );
    }
}
