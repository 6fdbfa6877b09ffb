//! Checks carry their own tests: every `[[check.example]]` marks with `[[…]]`
//! the spans the check must flag; an example without markers must pass.

use crate::checks::{Check, Pending};
use crate::document::Document;
use crate::finding::{Finding, Location, Severity};
use std::ops::Range;
use std::sync::Arc;

/// An example with its markers removed.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkedText {
    pub text: String,
    /// Spans the check must flag, in `text`.
    pub expected: Vec<Range<usize>>,
}

/// Strips `[[…]]` markers, remembering where they were.
pub fn parse_markers(marked: &str) -> MarkedText {
    let mut text = String::with_capacity(marked.len());
    let mut expected = Vec::new();
    let mut open: Option<usize> = None;
    let mut rest = marked;
    while !rest.is_empty() {
        if let (Some(after), None) = (rest.strip_prefix("[["), open) {
            open = Some(text.len());
            rest = after;
        } else if let (Some(after), Some(start)) = (rest.strip_prefix("]]"), open) {
            expected.push(start..text.len());
            open = None;
            rest = after;
        } else {
            let c = rest.chars().next().unwrap_or_default();
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    MarkedText { text, expected }
}

/// An example as shown to people: its articles one after another, markers
/// parsed.
pub fn shown(example: &crate::checks::spec::ExampleSpec) -> MarkedText {
    parse_markers(&example.texts().join("\n\n(another article)\n\n"))
}

/// The outcome of one example.
#[derive(Debug)]
pub struct ExampleResult {
    pub check_id: Arc<str>,
    /// 1-based position among the check's examples.
    pub number: usize,
    /// Expected spans the check did not flag, and flagged spans nobody expected,
    /// as findings ready to render.
    pub mismatches: Vec<Finding>,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// What the check reports on each of its examples (for `factlint explain`).
pub fn findings_of_examples(check: &Check) -> Vec<Vec<Finding>> {
    (0..check.examples.len())
        .map(|index| match example_documents(check, index) {
            Ok(documents) => findings(check, &documents),
            Err(_) => Vec::new(),
        })
        .collect()
}

/// An example's articles, each with the spans its markers expect.
type Articles = Vec<(Document, Vec<Range<usize>>)>;

/// An example's articles (one, or its `[[check.example.document]]`s), each
/// with the spans its markers expect.
fn example_documents(check: &Check, index: usize) -> Result<Articles, crate::document::Unreadable> {
    let example = &check.examples[index];
    let one = [(&example.text, &example.published, &example.path)];
    let parts: Vec<_> = if example.document.is_empty() {
        one.to_vec()
    } else {
        example
            .document
            .iter()
            .map(|d| (&d.text, &d.published, &d.path))
            .collect()
    };
    let several = parts.len() > 1;
    parts
        .into_iter()
        .enumerate()
        .map(|(k, (text, published, path))| {
            let marked = parse_markers(text);
            let published = published.as_ref().and_then(crate::corpus::toml_date);
            let document = if several {
                format!("-{}", k + 1)
            } else {
                String::new()
            };
            let name = format!(
                "{}#example-{}{document}{}",
                check.meta.id,
                index + 1,
                path.as_deref().map_or(".txt", extension)
            );
            Document::parse(name, marked.text.into_bytes(), published)
                .map(|doc| (doc, marked.expected))
        })
        .collect()
}

/// Runs every example of `check`.
pub fn run_examples(check: &Check) -> Vec<ExampleResult> {
    (0..check.examples.len())
        .map(|index| {
            let mismatches = match example_documents(check, index) {
                Ok(documents) => compare(check, &documents),
                Err(e) => vec![mismatch(
                    check,
                    None,
                    format!("the example cannot be read: {e}"),
                )],
            };
            ExampleResult {
                check_id: check.meta.id.clone(),
                number: index + 1,
                mismatches,
            }
        })
        .collect()
}

fn extension(path: &str) -> &str {
    path.rfind('.').map_or(".txt", |i| &path[i..])
}

/// The check's findings in an example's articles, compared with each other
/// as a corpus would be.
fn findings(check: &Check, documents: &[(Document, Vec<Range<usize>>)]) -> Vec<Finding> {
    let mut output = crate::checks::FileOutput::default();
    for (doc, _) in documents {
        check.run(doc, 0, &mut output);
    }
    let facts: Vec<&crate::checks::Fact> = output.facts.iter().collect();
    let mut found = output.findings;
    found.extend(check.reduce(&facts).iter().filter_map(Pending::build));
    for (doc, _) in documents {
        doc.source().complete_locations(&mut found);
    }
    found
}

fn compare(check: &Check, documents: &[(Document, Vec<Range<usize>>)]) -> Vec<Finding> {
    let found = findings(check, documents);
    let at = |path: &str, span: &Range<usize>| (path.to_string(), span.clone());
    let flagged: Vec<(String, Range<usize>)> = found
        .iter()
        .map(|f| at(&f.primary.path, &f.primary.span))
        .collect();
    let mut expected_all = Vec::new();
    let mut mismatches = Vec::new();
    for (doc, expected) in documents {
        for span in expected {
            expected_all.push(at(&doc.path, span));
            if !flagged.contains(&at(&doc.path, span)) {
                let mut f = mismatch(
                    check,
                    Some((doc, span.clone())),
                    "expected a finding here, found none".into(),
                );
                f.primary.label = Some("expected".into());
                mismatches.push(f);
            }
        }
    }
    mismatches.extend(
        found
            .into_iter()
            .filter(|f| !expected_all.contains(&at(&f.primary.path, &f.primary.span)))
            .map(|mut f| {
                f.message = format!("unexpected finding: {}", f.message);
                f.severity = Severity::Error;
                f.primary.label = Some("not marked with [[…]] in the example".into());
                f.fix = None;
                f
            }),
    );
    mismatches
}

fn mismatch(check: &Check, at: Option<(&Document, Range<usize>)>, message: String) -> Finding {
    let primary = match at {
        Some((doc, span)) => doc.location(span),
        None => Location::whole_file(Arc::from(check.meta.id.as_ref())),
    };
    Finding {
        check_id: check.meta.id.clone(),
        severity: Severity::Error,
        message,
        primary,
        related: Vec::new(),
        help: None,
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_stripped_and_recorded() {
        let m = parse_markers("annexed in [[2020]] and “[[x]]”");
        assert_eq!(m.text, "annexed in 2020 and “x”");
        assert_eq!(&m.text[m.expected[0].clone()], "2020");
        assert_eq!(&m.text[m.expected[1].clone()], "x");
    }

    #[test]
    fn unmatched_closing_marker_is_text() {
        assert_eq!(parse_markers("a ]] b").text, "a ]] b");
    }

    #[test]
    fn failing_example_reports_both_directions() {
        let source = "[[check]]\nid = \"ad\"\nkind = \"forbid\"\npattern = 'Ad'\n\n[[check.example]]\ntext = \"[[x]] Ad\"\n";
        let (check, _) = crate::checks::load::load_str(source).unwrap().remove(0);
        let result = &run_examples(&check)[0];
        let messages: Vec<&str> = result
            .mismatches
            .iter()
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "expected a finding here, found none",
                "unexpected finding: `Ad` should not be here"
            ]
        );
    }
}
