//! `--format html`: one self-contained page for editors: the summary, the
//! facts table, and each article's text with every flagged span highlighted.
//!
//! Everything is inline (CSS, JS): the page works offline and from a mail
//! attachment. Article text goes through minijinja's HTML auto-escaping; the
//! spans are exact: the text is split at the byte offsets of the findings into
//! non-overlapping segments, each `<mark>` listing the findings covering it.

use super::{RunInfo, Summary};
use crate::checks::Fact;
use crate::checks::load::CheckSet;
use crate::corpus::{self, Article};
use crate::facts_table::{self, FactsTable};
use crate::finding::{Finding, Location, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

const TEMPLATE: &str = include_str!("../../templates/report.html");
const STYLE: &str = include_str!("../../templates/report.css");
const SCRIPT: &str = include_str!("../../templates/report.js");

/// An article as the report shows it.
#[derive(Clone, Debug)]
pub struct ArticleText {
    pub path: String,
    pub source: Option<String>,
    /// `None` when the file could not be read as UTF-8 text.
    pub text: Option<String>,
}

/// The report for `factlint check --format html`: re-reads the articles the
/// findings name (primary and related spans), then renders them with the
/// facts the run kept ([`render`]).
pub fn report(findings: &[Finding], facts: &[Fact], run: &RunInfo, checks: &CheckSet) -> String {
    let mut paths: Vec<String> = findings
        .iter()
        .flat_map(|f| std::iter::once(&f.primary).chain(&f.related))
        .map(|l| l.path.to_string())
        .collect();
    paths.sort();
    paths.dedup();
    let articles: Vec<Article> = paths
        .iter()
        .map(|p| {
            let path = PathBuf::from(p);
            corpus::articles(std::slice::from_ref(&path), &globset::GlobSet::empty())
                .ok()
                .and_then(|mut found| found.articles.pop())
                .unwrap_or(Article {
                    path,
                    ..Article::default()
                })
        })
        .collect();
    let texts: Vec<ArticleText> = articles
        .iter()
        .map(|a| ArticleText {
            path: a.path.to_string_lossy().into_owned(),
            source: a.source.clone(),
            text: std::fs::read(&a.path)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .filter(|t| !t.contains('\0')),
        })
        .collect();
    let table = facts_table::table(checks, &articles, facts, findings);
    render(findings, run, &texts, &table)
}

/// The page, a pure function of the findings, the articles' texts and the facts.
pub fn render(
    findings: &[Finding],
    run: &RunInfo,
    articles: &[ArticleText],
    facts: &FactsTable,
) -> String {
    let view = Page::new(findings, run, articles, facts);
    let mut env = minijinja::Environment::new();
    let rendered = env
        .add_template("report.html", TEMPLATE)
        .and_then(|()| env.get_template("report.html"))
        .and_then(|t| t.render(&view));
    match rendered {
        Ok(page) => page,
        // The template is ours and fixed: this is a bug, reported without panicking.
        Err(e) => format!(
            "<!DOCTYPE html><meta charset=\"utf-8\"><title>factlint</title><p>cannot render the report: {}</p>\n",
            escape(&e.to_string())
        ),
    }
}

/// Escapes text for HTML (used only outside the template).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct Page {
    summary: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    checks: Vec<CheckCount>,
    facts: FactsView,
    articles: Vec<ArticleView>,
    style: &'static str,
    script: &'static str,
}

#[derive(Serialize)]
struct CheckCount {
    id: String,
    kind: String,
    severity: &'static str,
    description: String,
    count: usize,
}

#[derive(Serialize)]
struct FactsView {
    columns: Vec<ColumnView>,
    rows: Vec<RowView>,
}

#[derive(Serialize)]
struct ColumnView {
    name: String,
    path: String,
    href: Option<String>,
    source: Option<String>,
}

#[derive(Serialize)]
struct RowView {
    check: String,
    kind: &'static str,
    description: String,
    cells: Vec<Vec<MentionView>>,
}

#[derive(Serialize)]
struct MentionView {
    text: String,
    outlier: bool,
    href: Option<String>,
    place: String,
}

#[derive(Serialize)]
struct ArticleView {
    anchor: String,
    path: String,
    source: Option<String>,
    readable: bool,
    segments: Vec<Segment>,
    findings: Vec<Detail>,
}

/// A run of text covered by the same findings (or by none).
#[derive(Debug, Serialize, PartialEq)]
struct Segment {
    text: String,
    /// Space-separated ids of the findings whose spans cover it; empty for plain text.
    ids: String,
    /// The ids of the findings whose primary span covers it (a subset of `ids`).
    primary: String,
    /// `sev-error`, `sev-warning`, `sev-info` (a primary span) or `related`.
    class: String,
    /// Anchors of the spans starting here (`f3`, `f3-r0`).
    anchors: Vec<String>,
}

#[derive(Serialize)]
struct Detail {
    id: String,
    severity: &'static str,
    check: String,
    message: String,
    label: Option<String>,
    help: Option<String>,
    path: String,
    line: usize,
    column: usize,
    flagged: String,
    fix: Option<String>,
    related: Vec<RelatedView>,
}

#[derive(Serialize)]
struct RelatedView {
    href: String,
    place: String,
    label: Option<String>,
    text: String,
}

impl Page {
    fn new(
        findings: &[Finding],
        run: &RunInfo,
        articles: &[ArticleText],
        facts: &FactsTable,
    ) -> Self {
        let summary = Summary::new(findings, run.files, run.skipped);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for f in findings {
            *counts.entry(&f.check_id).or_default() += 1;
        }
        let mut checks: Vec<CheckCount> = counts
            .into_iter()
            .map(|(id, count)| {
                let rule = run.rules.iter().find(|r| r.id == id);
                let severity = findings
                    .iter()
                    .filter(|f| &*f.check_id == id)
                    .map(|f| f.severity)
                    .max()
                    .unwrap_or(Severity::Info);
                CheckCount {
                    id: id.to_string(),
                    kind: rule.map_or("built-in", |r| r.kind).to_string(),
                    severity: severity.as_str(),
                    description: rule.map_or("", |r| r.description).to_string(),
                    count,
                }
            })
            .collect();
        checks.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
        let anchor_of = |path: &str| {
            articles
                .iter()
                .position(|a| a.path == path)
                .map(|i| format!("#a{i}"))
        };
        let article_views = articles
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleView {
                anchor: format!("a{i}"),
                path: clean(&a.path),
                source: a.source.as_deref().map(clean),
                readable: a.text.is_some(),
                segments: a
                    .text
                    .as_deref()
                    .map(|t| segments(t, &a.path, findings))
                    .unwrap_or_default(),
                findings: findings
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| *f.primary.path == a.path)
                    .map(|(n, f)| detail(n, f))
                    .collect(),
            })
            .collect();
        let facts_view = FactsView {
            columns: facts
                .articles
                .iter()
                .map(|c| ColumnView {
                    name: clean(&c.name),
                    path: clean(&c.path),
                    href: anchor_of(&c.path),
                    source: c.source.as_deref().map(clean),
                })
                .collect(),
            rows: facts
                .rows
                .iter()
                .map(|r| RowView {
                    check: r.check.clone(),
                    kind: r.kind,
                    description: r.description.clone(),
                    cells: r
                        .cells
                        .iter()
                        .zip(&facts.articles)
                        .map(|(cell, column)| {
                            cell.iter()
                                .map(|m| MentionView {
                                    text: m.display(),
                                    outlier: m.outlier,
                                    href: mention_href(findings, &r.check, &column.path, &m.span),
                                    place: format!("{}:{}", m.line, m.column),
                                })
                                .collect()
                        })
                        .collect(),
                })
                .collect(),
        };
        Page {
            summary: summary.to_string(),
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            checks,
            facts: facts_view,
            articles: article_views,
            style: STYLE,
            script: SCRIPT,
        }
    }
}

/// Where a fact mention is highlighted: the finding it is the outlier of, else
/// a related span exactly at it.
fn mention_href(
    findings: &[Finding],
    check: &str,
    path: &str,
    span: &std::ops::Range<usize>,
) -> Option<String> {
    let within =
        |l: &Location| *l.path == *path && span.start <= l.span.start && l.span.end <= span.end;
    if let Some(i) = findings
        .iter()
        .position(|f| &*f.check_id == check && within(&f.primary))
    {
        return Some(format!("#f{i}"));
    }
    findings.iter().enumerate().find_map(|(i, f)| {
        f.related
            .iter()
            .position(|l| *l.path == *path && l.span == *span)
            .map(|j| format!("#f{i}-r{j}"))
    })
}

fn place(l: &Location) -> String {
    format!("{}:{}:{}", clean(&l.path), l.start.line, l.start.column)
}

fn detail(n: usize, f: &Finding) -> Detail {
    Detail {
        id: format!("f{n}"),
        severity: f.severity.as_str(),
        check: f.check_id.to_string(),
        message: clean(&f.message),
        label: f.primary.label.as_deref().map(clean),
        help: f.help.as_deref().map(clean),
        path: clean(&f.primary.path),
        line: f.primary.start.line,
        column: f.primary.start.column,
        flagged: clean(super::json::flagged_text(&f.primary)),
        fix: f.fix.as_ref().map(|x| clean(&x.replacement)),
        related: f
            .related
            .iter()
            .enumerate()
            .map(|(j, l)| RelatedView {
                href: format!("#f{n}-r{j}"),
                place: place(l),
                label: l.label.as_deref().map(clean),
                text: clean(super::json::flagged_text(l)),
            })
            .collect(),
    }
}

/// Neutralises characters that would let text disguise itself (bidi
/// overrides) or are invalid in HTML (control characters other than
/// whitespace); byte lengths may change, so it is applied per segment.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// A span to highlight: (start, end, finding index, related index or `None`).
type Span = (usize, usize, usize, Option<usize>);

/// Splits `text` at every span boundary of the findings in `path`, so that
/// overlapping and nested spans become non-overlapping segments.
fn segments(text: &str, path: &str, findings: &[Finding]) -> Vec<Segment> {
    let ok = |l: &Location| {
        *l.path == *path
            && l.span.start < l.span.end
            && l.span.end <= text.len()
            && text.is_char_boundary(l.span.start)
            && text.is_char_boundary(l.span.end)
    };
    let mut spans: Vec<Span> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        if ok(&f.primary) {
            spans.push((f.primary.span.start, f.primary.span.end, i, None));
        }
        for (j, l) in f.related.iter().enumerate() {
            if ok(l) {
                spans.push((l.span.start, l.span.end, i, Some(j)));
            }
        }
    }
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(spans.iter().flat_map(|s| [s.0, s.1]));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let covering: Vec<&Span> = spans.iter().filter(|s| s.0 <= a && b <= s.1).collect();
        let list = |only_primary: bool| {
            let mut ids: Vec<usize> = covering
                .iter()
                .filter(|s| !only_primary || s.3.is_none())
                .map(|s| s.2)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids.iter()
                .map(|i| format!("f{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let severity = covering
            .iter()
            .filter(|s| s.3.is_none())
            .map(|s| findings[s.2].severity)
            .max();
        let class = match (severity, covering.is_empty()) {
            (_, true) => String::new(),
            (Some(s), false) => format!("sev-{}", s.as_str()),
            (None, false) => "related".to_string(),
        };
        let anchors = spans
            .iter()
            .filter(|s| s.0 == a)
            .map(|s| match s.3 {
                None => format!("f{}", s.2),
                Some(j) => format!("f{}-r{j}", s.2),
            })
            .collect();
        out.push(Segment {
            text: clean(&text[a..b]),
            ids: list(false),
            primary: list(true),
            class,
            anchors,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use std::sync::Arc;

    fn finding(doc: &Document, span: std::ops::Range<usize>, severity: Severity) -> Finding {
        Finding {
            check_id: Arc::from("c"),
            severity,
            message: "m".into(),
            primary: doc.location(span),
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }

    #[test]
    fn overlapping_spans_become_non_overlapping_segments() {
        let text = "abcdefghij";
        let doc = Document::parse("a.txt", text.as_bytes().to_vec(), None).unwrap();
        let mut outer = finding(&doc, 2..8, Severity::Warning);
        outer.related = vec![doc.location(0..1)];
        let inner = finding(&doc, 4..6, Severity::Error);
        let segs = segments(text, "a.txt", &[outer, inner]);
        let view: Vec<(&str, &str, &str)> = segs
            .iter()
            .map(|s| (s.text.as_str(), s.ids.as_str(), s.class.as_str()))
            .collect();
        assert_eq!(
            view,
            [
                ("a", "f0", "related"),
                ("b", "", ""),
                ("cd", "f0", "sev-warning"),
                ("ef", "f0 f1", "sev-error"),
                ("gh", "f0", "sev-warning"),
                ("ij", "", ""),
            ]
        );
        assert_eq!(segs[0].anchors, ["f0-r0"]);
        assert_eq!(segs[2].anchors, ["f0"]);
        assert_eq!(segs[3].anchors, ["f1"]);
    }

    #[test]
    fn spans_off_char_boundaries_or_out_of_range_are_not_marked() {
        let text = "é2020";
        let doc = Document::parse("a.txt", text.as_bytes().to_vec(), None).unwrap();
        let mut bad = finding(&doc, 2..6, Severity::Error);
        bad.primary.span = 1..3;
        let mut far = finding(&doc, 2..6, Severity::Error);
        far.primary.span = 4..40;
        let segs = segments(text, "a.txt", &[bad, far]);
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].text, text);
    }
}
