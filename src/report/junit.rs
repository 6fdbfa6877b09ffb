//! `--format junit`: JUnit XML, for CI systems that show test reports (GitLab,
//! Jenkins, Azure Pipelines, …).
//!
//! Layout: one `<testsuite>` per article with findings (named by its path), and in
//! it one failing `<testcase>` per finding, whatever its severity: the failure's
//! `type` is the severity, its `message` the diagnostic, and its text the finding
//! in full (position, flagged text, help, related places, fix). The testcase's
//! `classname` is the check id, so reports group findings by check; its `name`
//! adds the position, so every testcase is distinct. Articles without findings do
//! not appear (reporters only see findings); a run with no findings at all gives
//! one passing testcase, so CI sees a report with a test in it rather than none.
//!
//! Output is deterministic: no timestamps, durations or host names.

use super::{RunInfo, sanitize};
use crate::finding::Finding;
use std::fmt::Write;

/// The JUnit XML document, ending with a newline.
pub fn render(findings: &[Finding], run: &RunInfo) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total = findings.len().max(1);
    let _ = writeln!(
        out,
        "<testsuites name=\"factlint\" tests=\"{total}\" failures=\"{}\" errors=\"0\">",
        findings.len()
    );
    if findings.is_empty() {
        let name = format!(
            "{} checks over {} files: no findings",
            run.rules.len(),
            run.files
        );
        out.push_str(
            "  <testsuite name=\"factlint\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n",
        );
        let _ = writeln!(
            out,
            "    <testcase name=\"{}\" classname=\"factlint\"/>",
            attribute(&name)
        );
        out.push_str("  </testsuite>\n");
    }
    for (path, group) in by_file(findings) {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"{n}\" errors=\"0\" skipped=\"0\">",
            attribute(path),
            n = group.len()
        );
        for finding in group {
            testcase(&mut out, finding);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// Findings grouped by primary path, groups in order of first appearance (the
/// findings come sorted by path, so each file's are together anyway).
fn by_file(findings: &[Finding]) -> Vec<(&str, Vec<&Finding>)> {
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for finding in findings {
        let path: &str = &finding.primary.path;
        let i = *index.entry(path).or_insert_with(|| {
            groups.push((path, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(finding);
    }
    groups
}

fn testcase(out: &mut String, finding: &Finding) {
    let p = &finding.primary;
    let whole_file = p.is_whole_file();
    let position = if whole_file {
        p.path.to_string()
    } else {
        format!("{}:{}:{}", p.path, p.start.line, p.start.column)
    };
    let _ = writeln!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\">",
        attribute(&format!("{} at {position}", finding.check_id)),
        attribute(&finding.check_id),
        attribute(&p.path),
        p.start.line,
    );
    let mut body = format!(
        "{position}: {}[{}] {}",
        finding.severity.as_str(),
        finding.check_id,
        finding.message
    );
    if !whole_file {
        let _ = write!(body, "\nflagged: {}", super::json::flagged_text(p));
    }
    if let Some(label) = &p.label {
        let _ = write!(body, "\nlabel: {label}");
    }
    if let Some(help) = &finding.help {
        let _ = write!(body, "\nhelp: {help}");
    }
    for related in &finding.related {
        let _ = write!(
            body,
            "\nsee {}:{}:{}",
            related.path, related.start.line, related.start.column
        );
        if let Some(label) = &related.label {
            let _ = write!(body, ": {label}");
        }
    }
    if let Some(fix) = &finding.fix {
        if fix.replacement.is_empty() {
            body.push_str("\nfix: remove it");
        } else {
            let _ = write!(body, "\nfix: replace with `{}`", fix.replacement);
        }
    }
    let _ = writeln!(
        out,
        "      <failure message=\"{}\" type=\"{}\">{}</failure>",
        attribute(&finding.message),
        finding.severity.as_str(),
        text(&body)
    );
    out.push_str("    </testcase>\n");
}

/// Element content: sanitised, markup escaped, characters XML 1.0 forbids removed.
fn text(s: &str) -> String {
    escape(&sanitize(s), false)
}

/// An attribute value: as [`text`], and tabs and line breaks as character
/// references so parsers do not normalise them to spaces.
fn attribute(s: &str) -> String {
    escape(&sanitize(s), true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// XML 1.0 `Char`: tab, LF, CR, and U+0020 up, less U+FFFE and U+FFFF (Rust
/// `char`s are never surrogates).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::super::json::fixtures;
    use super::*;

    fn render_all(findings: &[Finding]) -> String {
        let refs = fixtures::references();
        render(findings, &fixtures::run_info(&refs))
    }

    /// A minimal well-formedness check: tags balance, attributes are quoted,
    /// every `&` starts a known entity, and no character XML forbids appears.
    fn assert_well_formed(xml: &str) {
        let body = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .expect("declaration");
        assert!(body.chars().all(is_xml_char), "illegal character");
        let mut stack = Vec::new();
        let mut rest = body;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            assert!(!text.contains('>'), "stray > in {text:?}");
            check_entities(text);
            let close = rest[open..].find('>').expect("tag closes") + open;
            let tag = &rest[open + 1..close];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name.to_string()), "balanced");
            } else {
                let self_closing = tag.ends_with('/');
                let tag = tag.trim_end_matches('/');
                let name = tag.split(' ').next().unwrap();
                // Attribute values are quoted and hold no raw `<`, `"` or line break.
                let attrs = &tag[name.len()..];
                assert_eq!(attrs.matches('"').count() % 2, 0, "quoted: {tag}");
                assert!(!attrs.contains(['\n', '\r', '<']), "{tag}");
                check_entities(attrs);
                if !self_closing {
                    stack.push(name.to_string());
                }
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
        assert_eq!(rest, "\n");
    }

    fn check_entities(s: &str) {
        for (i, _) in s.match_indices('&') {
            let entity = &s[i..i + s[i..].find(';').expect("entity ends")];
            assert!(
                [
                    "&amp", "&lt", "&gt", "&quot", "&apos", "&#10", "&#13", "&#9"
                ]
                .contains(&entity),
                "{entity}"
            );
        }
    }

    #[test]
    fn one_suite_per_file_one_failing_case_per_finding() {
        let xml = render_all(&fixtures::findings());
        assert_well_formed(&xml);
        assert!(
            xml.contains("<testsuites name=\"factlint\" tests=\"3\" failures=\"3\" errors=\"0\">")
        );
        assert_eq!(xml.matches("<testsuite ").count(), 3);
        assert!(xml.contains(
            "  <testsuite name=\"corpus/a.txt\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\">\n\
             \x20   <testcase name=\"annexation-year at corpus/a.txt:2:29\" classname=\"annexation-year\" \
             file=\"corpus/a.txt\" line=\"2\">\n\
             \x20     <failure message=\"the four regions were annexed in 2022, not 2020\" type=\"error\">\
             corpus/a.txt:2:29: error[annexation-year] the four regions were annexed in 2022, not 2020\n\
             flagged: 2020\n\
             label: expected 2022\n\
             help: Russia claimed to annex them on 30 September 2022\n\
             see corpus/b.md:2:8: 2022 here\n\
             fix: replace with `2022`</failure>\n\
             \x20   </testcase>\n"
        ));
        assert!(xml.contains(
            "<testcase name=\"file-unreadable at corpus/bad.txt\" classname=\"file-unreadable\" \
             file=\"corpus/bad.txt\" line=\"1\">"
        ));
        assert!(xml.contains("type=\"warning\">corpus/bad.txt: warning[file-unreadable]"));
    }

    #[test]
    fn hostile_text_is_escaped() {
        let xml = render_all(&[fixtures::evil()]);
        assert_well_formed(&xml);
        assert_eq!(xml.matches("</testcase>").count(), 1, "no injected end tag");
        assert!(xml.contains("&lt;/testcase&gt; &amp; &quot;q&quot; &apos;q&apos; 100%"));
        assert!(xml.contains("<testsuite name=\"corpus/odd name,1:2 %.md\""));
        assert!(!xml.contains('\u{1b}') && !xml.contains('\u{7}') && !xml.contains('\r'));
        // The message attribute keeps its line breaks as references.
        assert!(xml.contains("100%\u{FFFD}&#10;::set-output`&#10;::error::pwned"));
    }

    proptest::proptest! {
        #[test]
        fn any_findings_give_well_formed_xml(
            findings in proptest::collection::vec(fixtures::arbitrary_finding(), 0..4)
        ) {
            let xml = render_all(&findings);
            assert_well_formed(&xml);
            proptest::prop_assert_eq!(xml.matches("<failure ").count(), findings.len());
        }
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(escape("a\u{0}b\u{b}c\u{FFFF}d\u{FFFE}e", false), "abcde");
        assert_eq!(escape("x\ty\nz", true), "x&#9;y&#10;z");
        assert_eq!(escape("x\ty\nz", false), "x\ty\nz");
        assert_eq!(text("bell\u{7}"), "bell\u{FFFD}");
    }

    #[test]
    fn no_findings_is_one_passing_case() {
        let xml = render_all(&[]);
        assert_well_formed(&xml);
        assert!(xml.contains("tests=\"1\" failures=\"0\""));
        assert!(xml.contains(
            "<testcase name=\"3 checks over 4 files: no findings\" classname=\"factlint\"/>"
        ));
        assert!(!xml.contains("<failure"));
    }

    #[test]
    fn deterministic_and_grouped_by_first_appearance() {
        let all = fixtures::findings();
        assert_eq!(render_all(&all), render_all(&all));
        let mut twice = all.clone();
        twice.extend(all.iter().cloned());
        let xml = render_all(&twice);
        assert_eq!(xml.matches("<testsuite ").count(), 3);
        assert!(xml.contains("<testsuite name=\"corpus/a.txt\" tests=\"2\" failures=\"2\""));
    }
}
