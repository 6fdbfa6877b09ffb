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
use crate::matcher;
use regex_automata::meta::Regex;
use std::collections::HashSet;
use std::ops::{Range, RangeInclusive};
use std::sync::{Arc, LazyLock};

/// Check id of the warning for a suppression that silences nothing.
pub const UNUSED: &str = "unused-suppression";

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(
        r"<!--\s*factlint-(disable-next-line|disable|enable)(?-u:\b)([^>]*?)\s*-->",
    )
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
        let group = |i| caps.get_group(i).map_or("", |g| &doc.text[g.range()]);
        let whole = caps.get_group(0).map_or(0..0, |g| g.range());
        let ids: Vec<String> = group(2)
            .split([',', ' ', '\t'])
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let location = doc.location(whole.clone());
        let line = location.end.line;
        match group(1) {
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

/// A file's suppressions, and which of them have silenced a finding so far:
/// findings of a file arrive in two batches (its own, then those comparing it
/// with other articles), and a suppression is unused only if neither used it.
#[derive(Debug, Default)]
pub struct FileSuppressions {
    list: Vec<Suppression>,
    used: Vec<bool>,
}

impl FileSuppressions {
    pub fn new(list: Vec<Suppression>) -> Self {
        let used = vec![false; list.len()];
        Self { list, used }
    }

    /// The file these suppressions are in (none when there are none).
    pub fn path(&self) -> Option<Arc<str>> {
        self.list.first().map(|s| s.location.path.clone())
    }

    /// Drops the findings (all of this file) that a suppression silences.
    pub fn silence(&mut self, findings: &mut Vec<Finding>) {
        findings.retain(|finding| {
            let hit = self.list.iter().position(|s| {
                s.lines.contains(&finding.primary.start.line)
                    && (s.ids.is_empty() || s.ids.iter().any(|id| **id == *finding.check_id))
            });
            if let Some(i) = hit {
                self.used[i] = true;
            }
            hit.is_none()
        });
    }

    /// Warnings for suppressions that silenced nothing or name unknown checks.
    pub fn unused(&self, known: &HashSet<&str>) -> Vec<Finding> {
        let mut warnings = Vec::new();
        for (suppression, &used) in self.list.iter().zip(&self.used) {
            let unknown: Vec<String> = suppression
                .ids
                .iter()
                .filter(|id| !known.contains(id.as_str()))
                .map(|id| format!("`{id}`"))
                .collect();
            let message = if !unknown.is_empty() {
                format!("suppression names unknown check {}", unknown.join(", "))
            } else if !used {
                "suppression silences no finding".to_string()
            } else {
                continue;
            };
            warnings.push(Finding {
                check_id: Arc::from(UNUSED),
                severity: Severity::Warning,
                message,
                primary: suppression
                    .location
                    .clone()
                    .with_label("remove this comment"),
                related: Vec::new(),
                help: Some(
                    "remove the comment, or name the check that fires on the next line".into(),
                ),
                fix: Some(crate::finding::Fix {
                    span: suppression.location.span.clone(),
                    replacement: String::new(),
                }),
            });
        }
        warnings
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
        let mut file = FileSuppressions::new(suppressions(&doc));
        file.silence(&mut findings);
        findings.extend(file.unused(&known));
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
