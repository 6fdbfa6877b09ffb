//! Reporters: pure functions from finished findings to text.

pub mod concise;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
mod pretty;
pub mod sarif;

use crate::finding::{Finding, Severity};

/// What machine-readable reporters need besides the findings.
#[derive(Clone, Debug)]
pub struct RunInfo<'a> {
    /// Every loaded check, in load order.
    pub rules: Vec<RuleInfo<'a>>,
    pub files: usize,
    pub skipped: usize,
}

/// A loaded check as reporters describe it (SARIF rules, JUnit suites).
#[derive(Clone, Debug)]
pub struct RuleInfo<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub severity: Severity,
    pub description: &'a str,
    pub help: Option<&'a str>,
    pub references: &'a [String],
}

/// Counts for the closing summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files: usize,
    pub skipped: usize,
}

impl Summary {
    pub fn new(findings: &[Finding], files: usize, skipped: usize) -> Self {
        let mut summary = Self {
            files,
            skipped,
            ..Self::default()
        };
        summary.count(findings);
        summary
    }

    /// Adds the finding counts of another batch (a streamed report counts
    /// batch by batch).
    pub fn add(&mut self, other: Summary) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }

    fn count(&mut self, findings: &[Finding]) {
        for finding in findings {
            match finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(plural(self.errors, "error"));
        }
        if self.warnings > 0 {
            parts.push(plural(self.warnings, "warning"));
        }
        if self.infos > 0 {
            parts.push(format!("{} info", self.infos));
        }
        if parts.is_empty() {
            parts.push("no findings".to_string());
        }
        write!(f, "{} in {}", parts.join(", "), plural(self.files, "file"))?;
        if self.skipped > 0 {
            write!(f, " ({} skipped)", plural(self.skipped, "file"))?;
        }
        Ok(())
    }
}

/// Replaces control characters (ANSI escapes, bells, lone CRs) that would let an
/// article drive the terminal; tabs and newlines stay.
pub fn sanitize(text: &str) -> String {
    if !has_unsafe(text) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// Sanitises `text` and moves `span` (byte offsets into it) along.
pub fn sanitize_with_span(
    text: &str,
    span: std::ops::Range<usize>,
) -> (String, std::ops::Range<usize>) {
    if !has_unsafe(text) {
        let clamp = |offset: usize| offset.min(text.len());
        return (text.to_owned(), clamp(span.start)..clamp(span.end));
    }
    let mut out = String::with_capacity(text.len());
    let (mut start, mut end) = (span.start, span.end);
    for (i, c) in text.char_indices() {
        if i == span.start {
            start = out.len();
        }
        if i == span.end {
            end = out.len();
        }
        out.push(if is_unsafe(c) { '\u{FFFD}' } else { c });
    }
    if span.start >= text.len() {
        start = out.len();
    }
    if span.end >= text.len() {
        end = out.len();
    }
    (out, start..end)
}

/// Whether `text` has a character [`sanitize`] replaces, told from its UTF-8
/// bytes. Most excerpts have curly quotes or dashes, which a check of
/// printable ASCII sent to a scan of the characters: 2.5% of a human run's
/// instructions. A first pass, which the compiler turns into vector code,
/// rules out text with none of the bytes an unsafe character has.
fn has_unsafe(text: &str) -> bool {
    let bytes = text.as_bytes();
    let suspect = |b: u8| {
        ((b < 0x20) & (b != b'\n') & (b != b'\t'))
            | (b == 0x7F)
            | (b == 0xC2)
            | (b.wrapping_sub(0xA6) <= 0xAE - 0xA6)
    };
    if !bytes.iter().fold(false, |any, &b| any | suspect(b)) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &byte)| match byte {
        b'\n' | b'\t' => false,
        // C0 controls and DEL.
        0..=0x1F | 0x7F => true,
        // C1 controls: U+0080 to U+009F.
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        // Bidirectional overrides and isolates: U+202A to U+202E, U+2066 to U+2069.
        0xE2 => matches!(
            bytes.get(i + 1..i + 3),
            Some([0x80, 0xAA..=0xAE] | [0x81, 0xA6..=0xA9])
        ),
        _ => false,
    })
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_reads_naturally() {
        let s = Summary {
            errors: 1,
            warnings: 14,
            infos: 0,
            files: 5,
            skipped: 0,
        };
        assert_eq!(s.to_string(), "1 error, 14 warnings in 5 files");
        let s = Summary {
            files: 1,
            skipped: 1,
            ..Summary::default()
        };
        assert_eq!(s.to_string(), "no findings in 1 file (1 file skipped)");
    }

    #[test]
    fn control_characters_are_neutralised_and_spans_follow() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        let (text, span) = sanitize_with_span("\u{1b}\u{7}x 2020\n", 4..8);
        assert_eq!(&text[span], "2020");
    }

    #[test]
    fn unsafe_characters_are_told_from_their_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(has_unsafe(&text), is_unsafe(c), "{c:?}");
        }
    }

    /// Printable ASCII and other characters pass whole; every control
    /// character but tab and newline, and bidirectional overrides, do not.
    #[test]
    fn only_characters_that_drive_a_terminal_are_replaced() {
        let kept = "Kirby said: “It’s a ~$1,000 — drone.”\tnext\n";
        assert_eq!(sanitize(kept), kept);
        for unsafe_char in ['\r', '\u{7f}', '\u{85}', '\u{202E}', '\u{2066}', '\0'] {
            let text = format!("plain {unsafe_char}text");
            assert_eq!(sanitize(&text), "plain \u{FFFD}text", "{unsafe_char:?}");
        }
    }
}
