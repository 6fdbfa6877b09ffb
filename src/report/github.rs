//! `--format github`: GitHub Actions workflow commands, which the runner turns
//! into annotations on the pull request's files.
//!
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, with
//! `warning` and `notice` for the other severities. Values are escaped exactly as
//! the Actions toolkit (`@actions/core`) escapes them, so an article's text can
//! never end the line and start a workflow command of its own (`::add-mask::`,
//! `::stop-commands::`, …); control characters are neutralised first, since the
//! log viewer interprets ANSI escapes.

use super::sanitize;
use crate::finding::{Finding, Location, Severity};

/// One workflow command per finding, each ended by `\n`.
pub fn render(findings: &[Finding]) -> String {
    findings.iter().map(command).collect()
}

fn command(finding: &Finding) -> String {
    let p = &finding.primary;
    let mut properties = vec![("file", path(&p.path))];
    if p.is_whole_file() {
        // About the whole file: annotate its first line.
        properties.push(("line", "1".to_string()));
    } else {
        properties.extend([
            ("line", p.start.line.to_string()),
            ("col", p.start.column.to_string()),
            ("endLine", p.end.line.to_string()),
            ("endColumn", p.end.column.to_string()),
        ]);
    }
    properties.push(("title", format!("factlint ({})", finding.check_id)));
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(&sanitize(value))))
        .collect();
    let name = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    format!(
        "::{name} {}::{}\n",
        properties.join(","),
        escape_data(&sanitize(&body(finding)))
    )
}

/// The annotation's text: the message, then help and related places on lines of
/// their own (the annotation shows them; the command stays one line).
fn body(finding: &Finding) -> String {
    let mut text = finding.message.clone();
    if let Some(help) = &finding.help {
        text.push_str("\n\nhelp: ");
        text.push_str(help);
    }
    for related in &finding.related {
        text.push_str("\nsee ");
        text.push_str(&place(related));
        if let Some(label) = &related.label {
            text.push_str(": ");
            text.push_str(label);
        }
    }
    text
}

fn place(location: &Location) -> String {
    format!(
        "{}:{}:{}",
        path(&location.path),
        location.start.line,
        location.start.column
    )
}

/// Paths as GitHub expects them: relative to the workspace, with `/`.
fn path(path: &str) -> String {
    let path = if std::path::MAIN_SEPARATOR == '\\' {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_string()
}

/// `escapeData` of `@actions/core`: the message after `::`.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// `escapeProperty` of `@actions/core`: a `key=value` before `::`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::super::json::fixtures;
    use super::*;

    #[test]
    fn one_command_per_finding_with_positions() {
        let out = render(&fixtures::findings());
        let lines: Vec<_> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[0],
            "::error file=corpus/a.txt,line=2,col=29,endLine=2,endColumn=33,\
             title=factlint (annexation-year)::the four regions were annexed in 2022, not 2020\
             %0A%0Ahelp: Russia claimed to annex them on 30 September 2022\
             %0Asee corpus/b.md:2:8: 2022 here"
        );
        assert_eq!(
            lines[1],
            "::warning file=corpus/bad.txt,line=1,title=factlint (file-unreadable)::\
             file is not valid UTF-8; skipped%0A%0Ahelp: factlint reads UTF-8 text articles (.txt, .md)"
        );
        assert!(lines[2].starts_with(
            "::notice file=corpus/odd name%2C1%3A2 %25.md,line=2,col=9,endLine=3,endColumn=13,\
             title=factlint (suspicious-quote)::quoted `::add-mask::hunter2 </testcase>"
        ));
    }

    #[test]
    fn article_text_cannot_start_a_command() {
        let out = render(&[fixtures::evil()]);
        assert_eq!(out.matches('\n').count(), 1, "one line: {out}");
        assert!(out.ends_with('\n'));
        assert!(!out.contains('\r') && !out.contains('\u{1b}') && !out.contains('\u{7}'));
        // Every line, however split (`\n`, `\r`), starts our own command.
        for line in out.split(['\n', '\r']).filter(|l| !l.is_empty()) {
            assert!(line.starts_with("::notice file="), "{line}");
        }
        // The property part holds no `::`, so the message is everything after the first.
        let (properties, data) = out
            .trim_end()
            .split_once("::notice ")
            .unwrap()
            .1
            .split_once("::")
            .unwrap();
        assert!(!properties.contains(':'));
        assert!(data.contains("100%25\u{FFFD}%0A::set-output`%0A"), "{data}");
        assert!(data.contains("%0A::error::pwned \u{FFFD}[31mred\u{FFFD}"));
        assert!(data.ends_with("help: 100%25 sure?%0A::add-mask::secret"));
    }

    proptest::proptest! {
        /// Whatever the path, message, label or help, the output is exactly one
        /// command per finding, and the property part never holds `::`.
        #[test]
        fn any_finding_is_exactly_one_command(
            findings in proptest::collection::vec(fixtures::arbitrary_finding(), 0..4)
        ) {
            let out = render(&findings);
            proptest::prop_assert!(!out.contains('\r'));
            let lines: Vec<_> = out.lines().collect();
            proptest::prop_assert_eq!(lines.len(), findings.len());
            for (line, finding) in lines.iter().zip(&findings) {
                let name = match finding.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let rest = line.strip_prefix(&format!("::{name} file=")).unwrap_or_default();
                proptest::prop_assert!(rest.contains("::"), "{}", line);
                let properties = rest.split_once("::").map(|(p, _)| p).unwrap_or_default();
                proptest::prop_assert!(!properties.contains(':'), "{}", line);
            }
        }
    }

    #[test]
    fn escaping_matches_the_actions_toolkit() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
        assert_eq!(
            escape_data("%0A"),
            "%250A",
            "already-escaped text stays literal"
        );
    }

    #[test]
    fn empty_and_deterministic() {
        assert_eq!(render(&[]), "");
        let all = fixtures::findings();
        assert_eq!(render(&all), render(&all));
        assert_eq!(path("././corpus/a.md"), "corpus/a.md");
    }
}
