//! Checks carry their own tests: every `[[check.example]]` marks with `[[…]]`
//! the spans the check must flag; an example without markers must pass.

use crate::checks::Check;
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
    check
        .examples
        .iter()
        .enumerate()
        .map(
            |(index, example)| match example_document(check, index, example) {
                Ok((doc, _)) => findings(check, &doc),
                Err(_) => Vec::new(),
            },
        )
        .collect()
}

/// An example as a document, with the spans its markers expect.
fn example_document(
    check: &Check,
    index: usize,
    example: &crate::checks::spec::ExampleSpec,
) -> Result<(Document, Vec<Range<usize>>), crate::document::Unreadable> {
    let marked = parse_markers(&example.text);
    let published = example
        .published
        .as_ref()
        .and_then(crate::corpus::toml_date);
    let name = format!(
        "{}#example-{}{}",
        check.meta.id,
        index + 1,
        example.path.as_deref().map_or(".txt", extension)
    );
    Document::parse(name, marked.text.into_bytes(), published).map(|doc| (doc, marked.expected))
}

/// Runs every example of `check`.
pub fn run_examples(check: &Check) -> Vec<ExampleResult> {
    check
        .examples
        .iter()
        .enumerate()
        .map(|(index, example)| {
            let mismatches = match example_document(check, index, example) {
                Ok((doc, expected)) => compare(check, &doc, &expected),
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

/// The check's findings in one document, its comparisons reduced over it.
fn findings(check: &Check, doc: &Document) -> Vec<Finding> {
    let mut output = crate::checks::FileOutput::default();
    check.run(doc, 0, &mut output);
    let facts: Vec<&crate::checks::Fact> = output.facts.iter().collect();
    let mut found = output.findings;
    found.extend(check.reduce(&facts));
    doc.complete_locations(&mut found);
    found
}

fn compare(check: &Check, doc: &Document, expected: &[Range<usize>]) -> Vec<Finding> {
    let found = findings(check, doc);
    let flagged: Vec<Range<usize>> = found.iter().map(|f| f.primary.span.clone()).collect();
    let mut mismatches: Vec<Finding> = expected
        .iter()
        .filter(|span| !flagged.contains(span))
        .map(|span| {
            let mut f = mismatch(
                check,
                Some((doc, span.clone())),
                "expected a finding here, found none".into(),
            );
            f.primary.label = Some("expected".into());
            f
        })
        .collect();
    mismatches.extend(
        found
            .into_iter()
            .filter(|f| !expected.contains(&f.primary.span))
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
