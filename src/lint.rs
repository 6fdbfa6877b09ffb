//! The per-file pass: read, analyse and check every article, in parallel.

use crate::checks::load::CheckSet;
use crate::corpus::Article;
use crate::document::{Document, LineCol};
use crate::finding::{Excerpt, Finding, Location, Severity};
use jiff::civil::Date;
use rayon::prelude::*;
use std::sync::Arc;

/// Check id of the warning for a file that cannot be read as an article.
pub const UNREADABLE: &str = "file-unreadable";

/// What a run found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Sorted by path, line, column, check id.
    pub findings: Vec<Finding>,
    pub files: usize,
    /// Files reported as unreadable and not linted.
    pub skipped: usize,
}

/// Settings that apply to every article.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Publication date for articles that give none (`--published`).
    pub published: Option<Date>,
}

/// Lints every article; one bad file never stops the others.
pub fn lint(checks: &CheckSet, articles: &[Article], options: &Options) -> Outcome {
    let per_file: Vec<(Vec<Finding>, bool)> = articles
        .par_iter()
        .map(|article| lint_file(checks, article, options))
        .collect();
    let mut outcome = Outcome {
        files: articles.len(),
        ..Outcome::default()
    };
    for (findings, skipped) in per_file {
        outcome.skipped += usize::from(skipped);
        outcome.findings.extend(findings);
    }
    outcome
        .findings
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    outcome
}

/// Findings of one file, and whether it had to be skipped.
fn lint_file(checks: &CheckSet, article: &Article, options: &Options) -> (Vec<Finding>, bool) {
    let path: Arc<str> = Arc::from(article.path.to_string_lossy().as_ref());
    let bytes = match std::fs::read(&article.path) {
        Ok(bytes) => bytes,
        Err(e) => return (vec![unreadable(path, format!("cannot be read: {e}"))], true),
    };
    let published = article.published.or(options.published);
    match Document::parse(path.clone(), bytes, published) {
        Ok(doc) => (lint_document(checks, &doc), false),
        Err(e) => (vec![unreadable(path, e.to_string())], true),
    }
}

/// Findings of every check in one parsed document.
pub fn lint_document(checks: &CheckSet, doc: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in &checks.checks {
        check.run(doc, &mut findings);
    }
    findings
}

/// A location for a finding about a whole file, with no text to show.
pub fn whole_file(path: Arc<str>) -> Location {
    let start = LineCol { line: 1, column: 1 };
    Location {
        path,
        span: 0..0,
        start,
        end: start,
        excerpt: Excerpt {
            first_line: 1,
            text: String::new(),
            span: 0..0,
        },
        label: None,
    }
}

fn unreadable(path: Arc<str>, why: String) -> Finding {
    Finding {
        check_id: Arc::from(UNREADABLE),
        severity: Severity::Warning,
        message: format!("file {why}; skipped"),
        primary: whole_file(path),
        related: Vec::new(),
        help: Some("factlint reads UTF-8 text articles (.txt, .md)".into()),
        fix: None,
    }
}
