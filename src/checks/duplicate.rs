//! `duplicate` (built in): a line repeated in the same article — a headline
//! scraped twice, a related-links block, a newsletter box shown again.

use super::Emitter;
use crate::document::Document;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
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
        let mut first_seen: HashMap<&str, Range<usize>> = HashMap::new();
        let mut offset = unit.start;
        for line in doc.lintable[unit].split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let trimmed = line.trim();
            // Counting stops at the minimum: a long paragraph is not counted whole.
            let short = trimmed.chars().nth(MIN_CHARS - 1).is_none()
                || trimmed.split_whitespace().nth(MIN_WORDS - 1).is_none();
            if short {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let span = start + lead..start + lead + trimmed.len();
            match first_seen.entry(trimmed) {
                Entry::Occupied(first) => {
                    let first = first.get();
                    let line_no = doc.lines.line_of(first.start) + 1;
                    emit.report_related(
                        span,
                        trimmed,
                        &line_no.to_string(),
                        Some(String::new()),
                        vec![(first.clone(), "first here".to_string())],
                    );
                }
                Entry::Vacant(slot) => {
                    slot.insert(span);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {

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
    fn short_or_different_lines_pass() {
        assert!(findings("Advertisement\n\nAdvertisement\n\nOnce\nOnce").is_empty());
        assert!(
            findings("Kirby said the missiles were fired.\nKirby said the drones were fired.")
                .is_empty()
        );
    }
}
