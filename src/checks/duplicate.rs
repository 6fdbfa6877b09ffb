//! `duplicate` (built in): a line repeated in the same article — a headline
//! scraped twice, a related-links block, a newsletter box shown again.

use super::Emitter;
use crate::document::Document;
use crate::values::is_ascii_space;
use std::ops::Range;

/// Lines shorter than this are too common to mean anything when repeated.
const MIN_CHARS: usize = 20;
const MIN_WORDS: usize = 3;

/// Compiled `duplicate` check (no settings).
#[derive(Debug)]
pub struct Duplicate;

impl Duplicate {
    /// Flags every repetition of a line, pointing back at its first occurrence.
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        // The lines long enough to count, in document order, trimmed.
        let mut lines: Vec<Range<usize>> = Vec::new();
        let unit_text = &doc.lintable[unit.clone()];
        // Where each line ends, past its newline (the last, if any, at the end).
        let ends = memchr::memchr_iter(b'\n', unit_text.as_bytes()).map(|newline| newline + 1);
        let mut offset = unit.start;
        for end in ends.chain([unit_text.len()]) {
            let start = offset;
            offset = unit.start + end;
            let line = &doc.lintable[start..offset];
            let trimmed = line.trim();
            // A quoted line ("> …") repeats on purpose: a pull quote.
            if long_enough(trimmed) && !trimmed.starts_with('>') {
                let lead = line.len() - line.trim_start().len();
                lines.push(start + lead..start + lead + trimmed.len());
            }
        }
        let text = |i: usize| &doc.lintable[lines[i].clone()];
        // Sorted by text (stably, so each run of equal lines starts with the
        // first occurrence): comparing two lines reads them only as far as
        // they differ, where hashing read every line whole.
        let mut order: Vec<usize> = (0..lines.len()).collect();
        order.sort_by(|&a, &b| text(a).cmp(text(b)));
        let mut repeats: Vec<(usize, usize)> = order
            .chunk_by(|&a, &b| text(a) == text(b))
            .flat_map(|run| run[1..].iter().map(|&repeat| (repeat, run[0])))
            .collect();
        repeats.sort_unstable();
        for (repeat, first) in repeats {
            let first = lines[first].clone();
            let line_no = doc.lines.line_of(first.start) + 1;
            emit.report_related(
                lines[repeat].clone(),
                text(repeat),
                &line_no.to_string(),
                Some(String::new()),
                vec![(first, "first here".to_string())],
            );
        }
    }
}

/// Whether a trimmed line has `MIN_CHARS` characters and `MIN_WORDS` words.
/// Counting stops at the minimum: a long paragraph is not counted whole, and
/// its bytes alone tell most lines apart (a character is one to four bytes).
fn long_enough(line: &str) -> bool {
    let chars = match line.len() {
        n if n < MIN_CHARS => false,
        n if n >= 4 * MIN_CHARS => true,
        _ => line.chars().nth(MIN_CHARS - 1).is_some(),
    };
    chars && has_words(line, MIN_WORDS)
}

/// Whether `text` has `n` words or more, as [`str::split_whitespace`] counts
/// them; ASCII is read byte by byte, anything else by the standard library.
fn has_words(text: &str, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        if !b.is_ascii() {
            return text.split_whitespace().nth(n - 1).is_some();
        }
        let space = is_ascii_space(&b);
        if !space && !in_word {
            words += 1;
            if words == n {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `long_enough` shortcuts: counting characters and words whole.
    fn counted(line: &str) -> bool {
        line.chars().count() >= MIN_CHARS && line.split_whitespace().count() >= MIN_WORDS
    }

    #[test]
    fn lines_long_enough_are_those_with_the_characters_and_words() {
        let lines = [
            "Advertisement",
            "Advertisement Advertisement",
            "one two three four five",
            "aaaaaaaaaa\u{b}bbbbbbbbbb\u{b}cccc",
            "——————— ——— ——————",
            "one\u{a0}two\u{a0}three and more text",
            "one\u{85}two three four five six",
            "“Русские” ракеты — двадцать",
            "“Ру” ракеты",
            "\u{1c}one\u{1c}two\u{1c}three\u{1c}four\u{1c}",
            "ab\tcd\x0cef\rgh ij kl mn op",
            "x",
            "",
        ];
        for line in lines {
            assert_eq!(long_enough(line), counted(line), "{line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn long_enough_counts_as_the_standard_library_does(
            line in "[a-b \t\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{2003}é—]{0,90}"
        ) {
            proptest::prop_assert_eq!(long_enough(&line), counted(&line));
        }
    }

    fn findings(text: &str) -> Vec<(String, Vec<String>)> {
        let checks = "[[check]]\nid = \"dup\"\nkind = \"duplicate\"\n";
        crate::checks::findings_of(checks, text)
            .into_iter()
            .map(|f| {
                let at = format!("{}:{}", f.primary.start.line, f.primary.text());
                let related = f
                    .related
                    .iter()
                    .map(|r| format!("{}:{}", r.start.line, r.text()))
                    .collect();
                (at, related)
            })
            .collect()
    }

    #[test]
    fn repeated_headline_points_at_the_first() {
        let text = "North Korea supplied Russia with missiles\n\nNorth Korea supplied Russia with missiles\r\n\nBody.";
        assert_eq!(
            findings(text),
            [(
                "3:North Korea supplied Russia with missiles".to_string(),
                vec!["1:North Korea supplied Russia with missiles".to_string()]
            )]
        );
    }

    #[test]
    fn each_repetition_points_at_the_first_in_document_order() {
        let b = "Russia fired more missiles at Kyiv overnight";
        let a = "Also read: North Korea supplied the missiles";
        let text = format!("{b}\n{a}\n{b}\n  {a}\n{b}\n");
        let found: Vec<(String, Vec<String>)> = findings(&text);
        let at = |line: usize, text: &str| format!("{line}:{text}");
        assert_eq!(
            found,
            [
                (at(3, b), vec![at(1, b)]),
                (at(4, a), vec![at(2, a)]),
                (at(5, b), vec![at(1, b)]),
            ]
        );
    }

    #[test]
    fn a_last_line_without_a_newline_is_a_line() {
        let a = "North Korea supplied Russia with missiles";
        let at = |line: usize| format!("{line}:{a}");
        assert_eq!(findings(&format!("{a}\n{a}")), [(at(2), vec![at(1)])]);
        assert_eq!(findings(&format!("{a}\n\n{a}\n")), [(at(3), vec![at(1)])]);
    }

    #[test]
    fn short_or_different_lines_pass() {
        assert!(findings("Advertisement\n\nAdvertisement\n\nOnce\nOnce").is_empty());
        assert!(
            findings("Kirby said the missiles were fired.\nKirby said the drones were fired.")
                .is_empty()
        );
    }
}
