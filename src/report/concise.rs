//! `--format concise`: one line per finding, `path:line:col: severity[id] message`,
//! for editors' quickfix lists and `grep`.

use super::sanitize;
use crate::finding::Finding;

/// One line per finding, each ended by `\n`; nothing at all for no findings.
///
/// Control characters in the path and message are neutralised as in the human
/// output, and newlines are written as `\n` so one finding stays one line.
/// Backslashes are left alone, so a literal `\n` in a message reads the same.
pub fn render(findings: &[Finding]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for f in findings {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            one_line(&f.primary.path),
            f.primary.start.line,
            f.primary.start.column,
            f.severity.as_str(),
            one_line(&f.check_id),
            one_line(&f.message),
        );
    }
    out
}

fn one_line(text: &str) -> String {
    let safe = sanitize(text);
    if safe.contains('\n') {
        safe.replace('\n', "\\n")
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::super::json::fixtures;
    use super::*;

    #[test]
    fn one_line_per_finding_in_input_order() {
        let out = render(&fixtures::findings());
        assert_eq!(out.lines().count(), 3);
        let lines: Vec<_> = out.lines().collect();
        assert_eq!(
            lines[0],
            "corpus/a.txt:2:29: error[annexation-year] the four regions were annexed in 2022, not 2020"
        );
        assert_eq!(
            lines[1],
            "corpus/bad.txt:1:1: warning[file-unreadable] file is not valid UTF-8; skipped"
        );
        assert!(lines[2].starts_with(
            "corpus/odd name,1:2 %.md:2:9: info[suspicious-quote] quoted `::add-mask::hunter2"
        ));
    }

    #[test]
    fn newlines_and_control_characters_cannot_break_lines() {
        let out = render(&[fixtures::evil()]);
        assert_eq!(out.matches('\n').count(), 1);
        assert!(out.ends_with('\n'));
        assert!(!out.contains('\r') && !out.contains('\u{1b}') && !out.contains('\u{7}'));
        assert!(out.contains("100%\u{FFFD}\\n::set-output"), "{out}");
        assert!(out.contains("\\n::error::pwned \u{FFFD}[31mred\u{FFFD}"));
    }

    proptest::proptest! {
        #[test]
        fn any_finding_is_one_line(
            findings in proptest::collection::vec(fixtures::arbitrary_finding(), 0..4)
        ) {
            let out = render(&findings);
            proptest::prop_assert_eq!(out.matches('\n').count(), findings.len());
            proptest::prop_assert!(!out.contains(|c: char| c.is_control() && c != '\n' && c != '\t'));
        }
    }

    #[test]
    fn empty_and_deterministic() {
        assert_eq!(render(&[]), "");
        let all = fixtures::findings();
        assert_eq!(render(&all), render(&all));
    }
}
