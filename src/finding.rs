//! Findings: what a check reports, as data, before any rendering.

use crate::document::LineCol;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

/// How serious a finding is; ordered so that `Error > Warning > Info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The source lines around a span, kept so reporters never reopen files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Excerpt {
    /// 1-based number of the first line of `text`.
    pub first_line: usize,
    /// Whole lines, each ended by `\n`.
    pub text: String,
    /// The span, relative to `text`.
    pub span: Range<usize>,
    /// False for a compact excerpt holding only the span's own text: facts kept
    /// for comparison across a corpus carry no lines until a finding needs them
    /// (see [`Location::compact`]).
    pub complete: bool,
}

impl Excerpt {
    /// The excerpt of a compact location (see [`Location::compact`]): the
    /// flagged `text` alone, on line `first_line`.
    pub fn compact(text: String, first_line: usize) -> Excerpt {
        Excerpt {
            first_line,
            span: 0..text.len(),
            text,
            complete: false,
        }
    }
}

/// A span in a file, resolved to lines and columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub path: Arc<str>,
    /// Byte range in the original file.
    pub span: Range<usize>,
    pub start: LineCol,
    /// Position just past the span's last character.
    pub end: LineCol,
    pub excerpt: Excerpt,
    /// Shown under the carets.
    pub label: Option<String>,
}

impl Location {
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
                complete: true,
            },
            label: None,
        }
    }

    /// Whether this is about a whole file ([`Location::whole_file`]), with no
    /// line to point at. A compact location flagging nothing still has its line.
    pub fn is_whole_file(&self) -> bool {
        self.excerpt.text.is_empty() && self.excerpt.complete
    }

    /// The flagged text itself.
    pub fn text(&self) -> &str {
        &self.excerpt.text[self.excerpt.span.clone()]
    }

    /// A narrower span on the same lines (`span` must lie inside this one), so
    /// part of a kept location can be pointed at without the document.
    pub fn narrow(&self, span: Range<usize>) -> Location {
        let from_start = span.start.saturating_sub(self.span.start);
        let from_end = self.span.end.saturating_sub(span.end);
        let excerpt_span =
            self.excerpt.span.start + from_start..self.excerpt.span.end.saturating_sub(from_end);
        // Counted on from where this span starts, whose line and column are
        // known: a compact excerpt starts there, not at the start of a line.
        let position = |offset: usize| {
            let between = self
                .excerpt
                .text
                .get(self.excerpt.span.start..offset)
                .unwrap_or("");
            match between.rsplit_once('\n') {
                None => LineCol {
                    line: self.start.line,
                    column: self.start.column + between.chars().count(),
                },
                Some((before, last)) => LineCol {
                    line: self.start.line + before.matches('\n').count() + 1,
                    column: last.chars().count() + 1,
                },
            }
        };
        Location {
            path: self.path.clone(),
            start: position(excerpt_span.start),
            end: position(excerpt_span.end),
            excerpt: Excerpt {
                first_line: self.excerpt.first_line,
                text: self.excerpt.text.clone(),
                span: excerpt_span,
                complete: self.excerpt.complete,
            },
            span,
            label: self.label.clone(),
        }
    }

    /// The same location keeping only the flagged text, not its lines: what a
    /// fact needs until it becomes part of a finding, at a fraction of the memory.
    pub fn compact(mut self) -> Location {
        self.excerpt = Excerpt::compact(self.text().to_string(), self.start.line);
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
}

/// A machine-applicable edit: replace the primary span's bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub span: Range<usize>,
    pub replacement: String,
}

/// One diagnostic.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub check_id: Arc<str>,
    pub severity: Severity,
    pub message: String,
    pub primary: Location,
    /// Other places that explain the finding, possibly in other files.
    pub related: Vec<Location>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// Deterministic report order: path, line, column, check id.
    pub fn sort_key(&self) -> (&str, LineCol, &str, &str) {
        (
            &self.primary.path,
            self.primary.start,
            &self.check_id,
            &self.message,
        )
    }
}
