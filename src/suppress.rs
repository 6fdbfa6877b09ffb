//! Inline suppressions written in an article:
//!
//! ```text
//! <!-- factlint-disable-next-line annexation-year -->
//! <!-- factlint-disable stripped-link, duplicate-line -->  …  <!-- factlint-enable -->
//! ```
//!
//! The same HTML-comment form works in `.txt` articles (where it is not
//! linted either). A suppression that silences nothing, or names no known
//! check, is itself reported, as ruff's RUF100 does.

use crate::document::Document;
use crate::finding::{Finding, Location, Severity};
use regex::Regex;
use std::collections::HashSet;
use std::ops::{Range, RangeInclusive};
use std::sync::{Arc, LazyLock};

/// Check id of the warning for a suppression that silences nothing.
pub const UNUSED: &str = "unused-suppression";

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*factlint-(disable-next-line|disable|enable)(?-u:\b)([^>]*?)\s*-->")
        .expect("valid directive pattern")
});

/// One suppression: which checks (all when empty), on which lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Suppression {
    pub ids: Vec<String>,
    /// 1-based lines whose findings are silenced.
    pub lines: RangeInclusive<usize>,
    /// Where the comment is, to report it if unused.
    pub location: Location,
}

/// The byte ranges of directive comments, which are never linted.
pub fn directive_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    DIRECTIVE.find_iter(text).map(|m| m.range())
}

/// Every suppression in a document.
pub fn suppressions(doc: &Document) -> Vec<Suppression> {
    let mut found = Vec::new();
    let mut open: Vec<(Vec<String>, usize, Location)> = Vec::new();
    let last_line = doc.lines.line_count();
    for caps in DIRECTIVE.captures_iter(&doc.text) {
        let whole = caps.get(0).map_or(0..0, |m| m.range());
        let ids: Vec<String> = caps[2]
            .split([',', ' ', '\t'])
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let location = doc.location(whole.clone());
        let line = location.end.line;
        match &caps[1] {
            "disable-next-line" => {
                let next = next_content_line(doc, whole.end).unwrap_or(line + 1);
                found.push(Suppression {
                    ids,
                    lines: next..=next,
                    location,
                });
            }
            "disable" => open.push((ids, line, location)),
            _ => {
                let (closing, kept): (Vec<_>, Vec<_>) =
                    open.drain(..).partition(|(open_ids, _, _)| {
                        ids.is_empty() || open_ids.iter().any(|i| ids.contains(i))
                    });
                open = kept;
                found.extend(
                    closing
                        .into_iter()
                        .map(|(ids, from, location)| Suppression {
                            ids,
                            lines: from..=line,
                            location,
                        }),
                );
            }
        }
    }
    found.extend(open.into_iter().map(|(ids, from, location)| Suppression {
        ids,
        lines: from..=last_line,
        location,
    }));
    found
}

/// The 1-based number of the first line after `offset` with text on it.
fn next_content_line(doc: &Document, offset: usize) -> Option<usize> {
    let first = doc.lines.line_of(offset) + 1;
    (first..doc.lines.line_count())
        .find(|&line| {
            !doc.text[doc.lines.line_range(&doc.text, line)]
                .trim()
                .is_empty()
        })
        .map(|line| line + 1)
}

/// Drops suppressed findings of one file and reports suppressions that
/// silenced nothing or name unknown checks.
pub fn apply(findings: &mut Vec<Finding>, suppressions: &[Suppression], known: &HashSet<&str>) {
    let mut used = vec![false; suppressions.len()];
    findings.retain(|finding| {
        let hit = suppressions.iter().position(|s| {
            s.lines.contains(&finding.primary.start.line)
                && (s.ids.is_empty() || s.ids.iter().any(|id| **id == *finding.check_id))
        });
        if let Some(i) = hit {
            used[i] = true;
        }
        hit.is_none()
    });
    for (suppression, used) in suppressions.iter().zip(used) {
        let unknown: Vec<&String> = suppression
            .ids
            .iter()
            .filter(|id| !known.contains(id.as_str()))
            .collect();
        let message = if !unknown.is_empty() {
            let names: Vec<String> = unknown.iter().map(|id| format!("`{id}`")).collect();
            format!("suppression names unknown check {}", names.join(", "))
        } else if !used {
            "suppression silences no finding".to_string()
        } else {
            continue;
        };
        findings.push(Finding {
            check_id: Arc::from(UNUSED),
            severity: Severity::Warning,
            message,
            primary: suppression
                .location
                .clone()
                .with_label("remove this comment"),
            related: Vec::new(),
            help: Some("remove the comment, or name the check that fires on the next line".into()),
            fix: Some(crate::finding::Fix {
                span: suppression.location.span.clone(),
                replacement: String::new(),
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding_at(doc: &Document, needle: &str, id: &str) -> Finding {
        let at = doc.text.find(needle).expect("needle");
        Finding {
            check_id: Arc::from(id),
            severity: Severity::Error,
            message: "m".into(),
            primary: doc.location(at..at + needle.len()),
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }

    fn run(text: &str, flagged: &[(&str, &str)]) -> Vec<String> {
        let doc = Document::parse("a.md", text.as_bytes().to_vec(), None).unwrap();
        let mut findings: Vec<Finding> = flagged
            .iter()
            .map(|(n, id)| finding_at(&doc, n, id))
            .collect();
        let known: HashSet<&str> = ["year", "ad"].into_iter().collect();
        apply(&mut findings, &suppressions(&doc), &known);
        findings
            .iter()
            .map(|f| format!("{}:{}", f.check_id, f.primary.start.line))
            .collect()
    }

    #[test]
    fn next_line_silences_the_named_check_only() {
        let text = "<!-- factlint-disable-next-line year -->\n\nannexed in 2020 Advertisement\n";
        assert_eq!(
            run(text, &[("2020", "year"), ("Advertisement", "ad")]),
            ["ad:3"]
        );
    }

    #[test]
    fn disable_enable_block() {
        let text = "<!-- factlint-disable ad -->\nAdvertisement\n<!-- factlint-enable -->\nAdvertisement x\n";
        assert_eq!(
            run(
                text,
                &[("Advertisement\n", "ad"), ("Advertisement x", "ad")]
            ),
            ["ad:4"]
        );
    }

    #[test]
    fn unused_and_unknown_suppressions_are_reported() {
        let text = "<!-- factlint-disable-next-line year -->\nclean\n<!-- factlint-disable-next-line yaer -->\n2020\n";
        assert_eq!(
            run(text, &[("2020", "year")]),
            ["year:4", "unused-suppression:1", "unused-suppression:3"]
        );
    }

    #[test]
    fn directives_are_not_linted() {
        let doc =
            Document::parse("a.txt", b"<!-- factlint-disable year -->\nx".to_vec(), None).unwrap();
        assert!(!doc.lintable.contains("factlint"));
    }
}
