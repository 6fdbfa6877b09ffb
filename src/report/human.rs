//! rustc-style diagnostics rendered with annotate-snippets.

use super::{sanitize, sanitize_with_span};
use crate::checks::error::ConfigError;
use crate::finding::{Finding, Location, Severity};
use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Patch, Renderer, Snippet};
use std::ops::Range;

/// Renders findings one after another, as rustc does.
pub struct HumanReporter {
    renderer: Renderer,
}

impl HumanReporter {
    pub fn new(color: bool) -> Self {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        Self { renderer }
    }

    /// One finding, followed by a blank line.
    pub fn finding(&self, finding: &Finding) -> String {
        let message = sanitize(&finding.message);
        let help = finding.help.as_deref().map(sanitize);
        let places: Vec<Excerpt> = std::iter::once(&finding.primary)
            .chain(&finding.related)
            .map(Excerpt::new)
            .collect();
        let mut group = level(finding.severity)
            .primary_title(message.as_str())
            .id(finding.check_id.as_ref())
            .elements(places.iter().enumerate().map(|(i, place)| {
                place.element(if i == 0 {
                    AnnotationKind::Primary
                } else {
                    AnnotationKind::Context
                })
            }));
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let mut report = vec![group];
        let primary = &places[0];
        let fix = finding
            .fix
            .as_ref()
            .filter(|fix| fix.span == finding.primary.span && !primary.text.is_empty())
            .map(|fix| {
                let replacement = sanitize(&fix.replacement);
                let title = if replacement.is_empty() {
                    "remove it".to_string()
                } else {
                    format!("replace with `{replacement}`")
                };
                (title, replacement)
            });
        if let Some((title, replacement)) = &fix {
            report.push(
                Group::with_title(Level::HELP.secondary_title(title.as_str())).element(
                    Snippet::source(primary.text.as_str())
                        .line_start(primary.first_line)
                        .path(primary.path.as_str())
                        .patch(Patch::new(primary.span.clone(), replacement.as_str())),
                ),
            );
        }
        let mut out = self.renderer.render(&report);
        out.push_str("\n\n");
        out
    }

    /// A check file error, pointing into the TOML.
    pub fn config_error(&self, error: &ConfigError) -> String {
        self.config_problem(Level::ERROR, error)
    }

    /// A check file problem that does not stop the run.
    pub fn config_warning(&self, warning: &ConfigError) -> String {
        self.config_problem(Level::WARNING, warning)
    }

    fn config_problem(&self, level: Level<'_>, error: &ConfigError) -> String {
        let path = sanitize(&error.path.display().to_string());
        let message = sanitize(&error.message);
        let label = sanitize(&error.label);
        let help = error.help.as_deref().map(sanitize);
        let title = level.primary_title(message.as_str());
        let mut group = match &error.span {
            Some(span) => title.element(
                Snippet::source(error.source.as_str())
                    .path(path.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(span.clone())
                            .label(label.as_str()),
                    ),
            ),
            None => title.element(Origin::path(path.as_str())),
        };
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let mut out = self.renderer.render(&[group]);
        out.push_str("\n\n");
        out
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// A location made safe to print: control characters replaced, span moved along.
struct Excerpt {
    path: String,
    first_line: usize,
    text: String,
    span: Range<usize>,
    label: Option<String>,
}

impl Excerpt {
    fn new(location: &Location) -> Self {
        let e = &location.excerpt;
        let (mut text, span) = sanitize_with_span(&e.text, e.span.clone());
        // annotate-snippets shows lines as given: drop the final newline.
        if text.ends_with('\n') {
            text.pop();
        }
        let span = span.start.min(text.len())..span.end.min(text.len());
        Self {
            path: sanitize(&location.path),
            first_line: e.first_line,
            text,
            span,
            label: location.label.as_deref().map(sanitize),
        }
    }

    fn element(&self, kind: AnnotationKind) -> Element<'_> {
        if self.text.is_empty() {
            // A finding about the whole file (e.g. unreadable): no source to show.
            return Origin::path(self.path.as_str()).into();
        }
        let mut annotation = kind.span(self.span.clone());
        if let Some(label) = &self.label {
            annotation = annotation.label(label.as_str());
        }
        Snippet::source(self.text.as_str())
            .line_start(self.first_line)
            .path(self.path.as_str())
            .annotation(annotation)
            .into()
    }
}
