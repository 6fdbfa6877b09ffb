//! `--format json`: the findings as data, in the versioned schema documented in
//! `docs/json-schema.md`.
//!
//! Strings are the exact text (messages, flagged text, replacements), not
//! sanitised: JSON escaping keeps them inert, and a consumer applying a fix needs
//! the real bytes. Consumers that print them to a terminal must sanitise them.

use super::{RunInfo, Summary};
use crate::document::LineCol;
use crate::finding::{Finding, Fix, Location, Severity};
use serde::Serialize;

/// Bumped on any incompatible change to the schema; additions keep it.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole run as one pretty-printed JSON document, ending with a newline.
pub fn render(findings: &[Finding], run: &RunInfo) -> String {
    let summary = Summary::new(findings, run.files, run.skipped);
    let report = Report {
        version: SCHEMA_VERSION,
        summary: SummaryView {
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            files: summary.files,
            skipped: summary.skipped,
            checks: run.rules.len(),
        },
        findings: findings.iter().map(FindingView::new).collect(),
    };
    let mut out = Vec::new();
    // Plain structs with string keys: serialisation cannot fail.
    super::pretty::write_at(&mut out, &report, 0).expect("serialising the JSON report");
    out.push(b'\n');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// The text a location flags; empty for a whole-file location (or a span that
/// does not fit its excerpt, which a reporter must survive rather than panic on).
pub(super) fn flagged_text(location: &Location) -> &str {
    location
        .excerpt
        .text
        .get(location.excerpt.span.clone())
        .unwrap_or("")
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    summary: SummaryView,
    findings: Vec<FindingView<'a>>,
}

#[derive(Serialize)]
struct SummaryView {
    errors: usize,
    warnings: usize,
    infos: usize,
    files: usize,
    skipped: usize,
    checks: usize,
}

#[derive(Serialize)]
struct FindingView<'a> {
    id: &'a str,
    severity: Severity,
    message: &'a str,
    path: &'a str,
    start: Position,
    end: Position,
    byte_range: ByteRange,
    text: &'a str,
    label: Option<&'a str>,
    help: Option<&'a str>,
    related: Vec<RelatedView<'a>>,
    fix: Option<FixView<'a>>,
}

impl<'a> FindingView<'a> {
    fn new(finding: &'a Finding) -> Self {
        let p = &finding.primary;
        Self {
            id: &finding.check_id,
            severity: finding.severity,
            message: &finding.message,
            path: &p.path,
            start: p.start.into(),
            end: p.end.into(),
            byte_range: ByteRange::new(&p.span),
            text: flagged_text(p),
            label: p.label.as_deref(),
            help: finding.help.as_deref(),
            related: finding.related.iter().map(RelatedView::new).collect(),
            fix: finding.fix.as_ref().map(FixView::new),
        }
    }
}

#[derive(Serialize)]
struct RelatedView<'a> {
    path: &'a str,
    start: Position,
    end: Position,
    byte_range: ByteRange,
    label: Option<&'a str>,
    text: &'a str,
}

impl<'a> RelatedView<'a> {
    fn new(location: &'a Location) -> Self {
        Self {
            path: &location.path,
            start: location.start.into(),
            end: location.end.into(),
            byte_range: ByteRange::new(&location.span),
            label: location.label.as_deref(),
            text: flagged_text(location),
        }
    }
}

/// 1-based line, 1-based column in Unicode code points.
#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

impl From<LineCol> for Position {
    fn from(at: LineCol) -> Self {
        Self {
            line: at.line,
            column: at.column,
        }
    }
}

/// Byte offsets into the file as read (a byte-order mark included), end exclusive.
#[derive(Serialize)]
struct ByteRange {
    start: usize,
    end: usize,
}

impl ByteRange {
    fn new(span: &std::ops::Range<usize>) -> Self {
        Self {
            start: span.start,
            end: span.end,
        }
    }
}

/// Replace bytes `start..end` of the primary file with `replacement`.
#[derive(Serialize)]
struct FixView<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

impl<'a> FixView<'a> {
    fn new(fix: &'a Fix) -> Self {
        Self {
            start: fix.span.start,
            end: fix.span.end,
            replacement: &fix.replacement,
        }
    }
}

/// Findings and run information shared by the reporters' tests.
#[cfg(test)]
pub(super) mod fixtures {
    use super::super::{RuleInfo, RunInfo};
    use crate::document::Document;
    use crate::finding::{Finding, Fix, Location, Severity};
    use std::ops::Range;
    use std::sync::Arc;

    /// Multi-byte characters (curly quotes, an em dash) before the flagged year.
    pub const ARTICLE: &str = "Title\n“Zaporizhzhia” — annexed in 2020.\n";
    pub const OTHER: &str = "Intro.\nIt was 2022, per Reuters.\n";
    /// An article trying to smuggle workflow commands and markup into the output.
    pub const EVIL: &str = "Intro.\nHe said ::add-mask::hunter2 </testcase> & \"q\" 'q' 100%\r\n::set-output name=x::1\n";
    /// Space, comma, colon and percent: all need escaping somewhere.
    pub const EVIL_PATH: &str = "corpus/odd name,1:2 %.md";

    fn doc(path: &str, text: &str) -> Document {
        Document::parse(path, text.as_bytes().to_vec(), None).expect("readable")
    }

    pub fn span_of(text: &str, needle: &str) -> Range<usize> {
        let at = text.find(needle).expect("needle present");
        at..at + needle.len()
    }

    /// The year finding: multi-byte columns, a related location in another file, a fix.
    pub fn year() -> Finding {
        let a = doc("corpus/a.txt", ARTICLE);
        let b = doc("corpus/b.md", OTHER);
        let at = span_of(ARTICLE, "2020");
        Finding {
            check_id: Arc::from("annexation-year"),
            severity: Severity::Error,
            message: "the four regions were annexed in 2022, not 2020".into(),
            primary: a.location(at.clone()).with_label("expected 2022"),
            related: vec![b.location(span_of(OTHER, "2022")).with_label("2022 here")],
            help: Some("Russia claimed to annex them on 30 September 2022".into()),
            fix: Some(Fix {
                span: at,
                replacement: "2022".into(),
            }),
        }
    }

    /// Injection attempts everywhere: message, label, help, flagged text, path.
    pub fn evil() -> Finding {
        let d = doc(EVIL_PATH, EVIL);
        let span = span_of(
            EVIL,
            "::add-mask::hunter2 </testcase> & \"q\" 'q' 100%\r\n::set-output",
        );
        let found = &EVIL[span.clone()];
        Finding {
            check_id: Arc::from("suspicious-quote"),
            severity: Severity::Info,
            message: format!("quoted `{found}`\n::error::pwned \u{1b}[31mred\u{7}"),
            primary: d.location(span).with_label("label\r\n::warning::x"),
            related: Vec::new(),
            help: Some("100% sure?\n::add-mask::secret".into()),
            fix: None,
        }
    }

    /// A finding about a whole file, as `lint` makes for an unreadable one.
    pub fn whole_file() -> Finding {
        Finding {
            check_id: Arc::from("file-unreadable"),
            severity: Severity::Warning,
            message: "file is not valid UTF-8; skipped".into(),
            primary: Location::whole_file(Arc::from("corpus/bad.txt")),
            related: Vec::new(),
            help: Some("factlint reads UTF-8 text articles (.txt, .md)".into()),
            fix: None,
        }
    }

    /// All of them, in report order.
    pub fn findings() -> Vec<Finding> {
        let mut all = vec![whole_file(), evil(), year()];
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        all
    }

    /// Any finding at all: arbitrary article text (control characters, NULs,
    /// lone CRs, any script), paths, messages, labels; spans at arbitrary character
    /// boundaries; sometimes a whole-file location or an excerpt span that does not
    /// fit its text. Reporters must render all of them without panicking.
    pub fn arbitrary_finding() -> impl proptest::strategy::Strategy<Value = Finding> {
        use proptest::prelude::*;
        (
            (any::<String>(), any::<String>(), any::<String>()),
            (any::<usize>(), any::<usize>(), any::<usize>()),
            (
                proptest::option::of(any::<String>()),
                proptest::option::of(any::<String>()),
                proptest::option::of(any::<String>()),
            ),
            (0..3u8, 0..4u8),
        )
            .prop_map(
                |((text, path, message), (a, b, c), (label, help, fix), (severity, shape))| {
                    let severity =
                        [Severity::Info, Severity::Warning, Severity::Error][usize::from(severity)];
                    let at = |n: usize| {
                        let bounds: Vec<usize> = text
                            .char_indices()
                            .map(|(i, _)| i)
                            .chain([text.len()])
                            .collect();
                        bounds[n % bounds.len()]
                    };
                    let span = at(a).min(at(b))..at(a).max(at(b));
                    let doc = Document::parse(path.as_str(), text.as_bytes().to_vec(), None);
                    let (primary, related) = match (doc, shape) {
                        (Ok(doc), 0 | 1) => {
                            let mut primary = doc.location(span.clone());
                            primary.label = label.clone();
                            let mut other = doc.location(at(c)..at(c));
                            other.label = label;
                            (primary, if shape == 0 { vec![other] } else { vec![] })
                        }
                        (Ok(doc), 2) => {
                            let mut broken = doc.location(span.clone());
                            broken.excerpt.span = c..c / 2;
                            (broken, Vec::new())
                        }
                        _ => {
                            let mut whole = whole_file().primary;
                            whole.path = Arc::from(path.as_str());
                            (whole, Vec::new())
                        }
                    };
                    Finding {
                        check_id: Arc::from(message.chars().rev().collect::<String>()),
                        severity,
                        message,
                        primary,
                        related,
                        help,
                        fix: fix.map(|replacement| Fix { span, replacement }),
                    }
                },
            )
    }

    pub fn references() -> Vec<String> {
        vec!["https://en.wikipedia.org/wiki/Annexation".into()]
    }

    /// Three loaded checks; `file-unreadable` is built in, not among them.
    pub fn run_info(references: &[String]) -> RunInfo<'_> {
        RunInfo {
            rules: vec![
                RuleInfo {
                    id: "annexation-year",
                    kind: "expect",
                    severity: Severity::Error,
                    description: "the year the four regions were annexed",
                    help: Some("Russia claimed to annex them on 30 September 2022"),
                    references,
                },
                RuleInfo {
                    id: "advertisement-marker",
                    kind: "forbid",
                    severity: Severity::Warning,
                    description: "advertisement placeholders",
                    help: None,
                    references: &[],
                },
                RuleInfo {
                    id: "suspicious-quote",
                    kind: "forbid",
                    severity: Severity::Info,
                    description: "quotes with \"odd\" <markup> & 100% ::add-mask::x",
                    help: None,
                    references: &[],
                },
            ],
            files: 4,
            skipped: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures;
    use super::*;
    use serde_json::Value;

    fn parsed(findings: &[Finding]) -> Value {
        let refs = fixtures::references();
        let out = render(findings, &fixtures::run_info(&refs));
        assert!(out.ends_with("}\n"));
        serde_json::from_str(&out).expect("valid JSON")
    }

    fn finding<'v>(json: &'v Value, id: &str) -> &'v Value {
        json["findings"]
            .as_array()
            .expect("findings array")
            .iter()
            .find(|f| f["id"] == id)
            .expect("finding present")
    }

    #[test]
    fn header_and_summary() {
        let json = parsed(&fixtures::findings());
        assert_eq!(json["version"], 1);
        let s = &json["summary"];
        assert_eq!(
            (&s["errors"], &s["warnings"], &s["infos"]),
            (&Value::from(1), &Value::from(1), &Value::from(1))
        );
        assert_eq!(
            (&s["files"], &s["skipped"]),
            (&Value::from(4), &Value::from(1))
        );
        assert_eq!(s["checks"], 3);
        let ids: Vec<_> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            ["annexation-year", "file-unreadable", "suspicious-quote"],
            "input order kept"
        );
    }

    #[test]
    fn positions_are_code_points_and_byte_ranges_are_bytes() {
        let json = parsed(&[fixtures::year()]);
        let f = finding(&json, "annexation-year");
        // `“Zaporizhzhia” — annexed in `: 28 characters, 34 bytes, before the year.
        assert_eq!(f["start"], serde_json::json!({"line": 2, "column": 29}));
        assert_eq!(f["end"], serde_json::json!({"line": 2, "column": 33}));
        let start = fixtures::ARTICLE.find("2020").unwrap();
        assert_eq!(
            f["byte_range"],
            serde_json::json!({"start": start, "end": start + 4})
        );
        assert!(
            start > 6 + 28,
            "multi-byte characters make bytes differ from columns"
        );
        assert_eq!(f["text"], "2020");
        assert_eq!(f["severity"], "error");
        assert_eq!(f["path"], "corpus/a.txt");
        assert_eq!(f["label"], "expected 2022");
        assert_eq!(
            f["help"],
            "Russia claimed to annex them on 30 September 2022"
        );
        assert_eq!(
            f["fix"],
            serde_json::json!({"start": start, "end": start + 4, "replacement": "2022"})
        );
    }

    #[test]
    fn related_location_in_another_file() {
        let json = parsed(&[fixtures::year()]);
        let related = &finding(&json, "annexation-year")["related"];
        let at = fixtures::OTHER.find("2022").unwrap();
        assert_eq!(
            related,
            &serde_json::json!([{
                "path": "corpus/b.md",
                "start": {"line": 2, "column": 8},
                "end": {"line": 2, "column": 12},
                "byte_range": {"start": at, "end": at + 4},
                "label": "2022 here",
                "text": "2022",
            }])
        );
    }

    #[test]
    fn whole_file_and_absent_fields() {
        let json = parsed(&[fixtures::whole_file()]);
        let f = finding(&json, "file-unreadable");
        assert_eq!(f["text"], "");
        assert_eq!(f["byte_range"], serde_json::json!({"start": 0, "end": 0}));
        assert_eq!(f["start"], serde_json::json!({"line": 1, "column": 1}));
        assert!(f["label"].is_null() && f["fix"].is_null());
        assert_eq!(f["related"], serde_json::json!([]));
    }

    #[test]
    fn hostile_text_round_trips_exactly() {
        let evil = fixtures::evil();
        let json = parsed(std::slice::from_ref(&evil));
        let f = finding(&json, "suspicious-quote");
        assert_eq!(f["message"], evil.message.as_str());
        assert_eq!(f["text"], flagged_text(&evil.primary));
        // The excerpt normalises line terminators; `byte_range` has the exact bytes.
        assert!(f["text"].as_str().unwrap().contains("100%\n::set-output"));
        assert_eq!(f["path"], fixtures::EVIL_PATH);
        assert_eq!(f["end"]["line"], 3, "the span crosses a CRLF");
    }

    #[test]
    fn no_findings_and_determinism() {
        let json = parsed(&[]);
        assert_eq!(json["findings"], serde_json::json!([]));
        let refs = fixtures::references();
        let run = fixtures::run_info(&refs);
        let all = fixtures::findings();
        assert_eq!(render(&all, &run), render(&all, &run));
    }

    proptest::proptest! {
        #[test]
        fn any_findings_render_as_valid_json(
            findings in proptest::collection::vec(fixtures::arbitrary_finding(), 0..4)
        ) {
            let json = parsed(&findings);
            proptest::prop_assert_eq!(json["findings"].as_array().unwrap().len(), findings.len());
            for (view, finding) in json["findings"].as_array().unwrap().iter().zip(&findings) {
                proptest::prop_assert_eq!(view["message"].as_str(), Some(finding.message.as_str()));
                proptest::prop_assert_eq!(view["path"].as_str(), Some(&*finding.primary.path));
            }
        }
    }

    #[test]
    fn out_of_range_spans_do_not_panic() {
        let mut f = fixtures::year();
        f.primary.excerpt.span = 5..500;
        f.related[0].excerpt.span = 2..usize::MAX;
        let json = parsed(&[f]);
        assert_eq!(finding(&json, "annexation-year")["text"], "");
    }
}
