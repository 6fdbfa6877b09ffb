//! Finding the value a check is about: typed extraction, then attribution to
//! an anchor (`near`) and a subject (`subject` vs `rival`).

use super::compile_regex;
use super::error::{SpecError, suggestion};
use super::spec::ValueSpec;
use crate::document::Document;
use crate::values::{Mention, year};
use regex::Regex;
use std::ops::Range;
use toml::Spanned;

/// The type of value a check reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    Year,
}

impl ValueType {
    pub const NAMES: &[&str] = &["year"];

    fn parse(spanned: &Spanned<String>) -> Result<Self, SpecError> {
        match spanned.get_ref().as_str() {
            "year" => Ok(ValueType::Year),
            other => Err(SpecError::new(format!("unknown value type `{other}`"))
                .at(spanned.span(), "not a value type")
                .help(suggestion(other, Self::NAMES))),
        }
    }
}

/// A typed value found in a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Year(i32),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Year(y) => write!(f, "{y}"),
        }
    }
}

/// Default distance, in bytes, between an anchor and its value.
const DEFAULT_WINDOW: usize = 60;

/// Compiled `value = { … }`.
#[derive(Debug)]
pub struct ValueLocator {
    pub kind: ValueType,
    near: Option<Regex>,
    window: usize,
    subject: Option<Regex>,
    rival: Option<Regex>,
}

impl ValueLocator {
    pub fn compile(spec: &Spanned<ValueSpec>) -> Result<Self, SpecError> {
        let spec = spec.get_ref();
        let compile = |p: &Option<Spanned<String>>| p.as_ref().map(compile_regex).transpose();
        if spec.rival.is_some() && spec.subject.is_none() {
            return Err(SpecError::new("`rival` needs a `subject` to compete with")
                .at(spec.kind.span(), "in this value"));
        }
        Ok(Self {
            kind: ValueType::parse(&spec.kind)?,
            near: compile(&spec.near)?,
            window: spec.window.unwrap_or(DEFAULT_WINDOW),
            subject: compile(&spec.subject)?,
            rival: compile(&spec.rival)?,
        })
    }

    /// The values in `unit` this check is about, with spans in the document.
    pub fn locate(&self, doc: &Document, unit: Range<usize>) -> Vec<Mention<Value>> {
        let text = &doc.lintable[unit.clone()];
        let candidates: Vec<Mention<Value>> = match self.kind {
            ValueType::Year => year::years(text)
                .into_iter()
                .map(|m| Mention {
                    span: m.span,
                    value: Value::Year(m.value),
                })
                .collect(),
        };
        if candidates.is_empty() {
            return candidates;
        }
        let anchors: Option<Vec<Range<usize>>> = self
            .near
            .as_ref()
            .map(|r| r.find_iter(text).map(|m| m.range()).collect());
        let marks = self.subject_marks(text);
        candidates
            .into_iter()
            .filter(|c| {
                anchors
                    .as_ref()
                    .is_none_or(|anchors| anchors.iter().any(|a| self.is_near(a, &c.span)))
            })
            .filter(|c| belongs_to_subject(&marks, &c.span))
            .map(|c| Mention {
                span: unit.start + c.span.start..unit.start + c.span.end,
                value: c.value,
            })
            .collect()
    }

    /// A value after its anchor may be a clause away ("annexed four regions in
    /// September 2022"); one before it is adjacent ("the 2014 annexation"), or a
    /// year opening another clause would be taken ("since 2014, and Russia annexed").
    fn is_near(&self, anchor: &Range<usize>, value: &Range<usize>) -> bool {
        if anchor.end <= value.start {
            value.start - anchor.end <= self.window
        } else {
            anchor.start.saturating_sub(value.end) <= self.window / 6
        }
    }

    /// Matches of `subject` (true) and `rival` (false), sorted by position.
    fn subject_marks(&self, text: &str) -> Vec<(Range<usize>, bool)> {
        let Some(subject) = &self.subject else {
            return Vec::new();
        };
        let mut marks: Vec<(Range<usize>, bool)> =
            subject.find_iter(text).map(|m| (m.range(), true)).collect();
        if let Some(rival) = &self.rival {
            marks.extend(rival.find_iter(text).map(|m| (m.range(), false)));
        }
        marks.sort_by_key(|(r, _)| r.start);
        marks
    }
}

/// A value belongs to the subject or rival written closest before it (English
/// puts the year after what it dates), else to the closest after it.
fn belongs_to_subject(marks: &[(Range<usize>, bool)], value: &Range<usize>) -> bool {
    if marks.is_empty() {
        return true;
    }
    let before = marks
        .iter()
        .filter(|(r, _)| r.end <= value.start)
        .max_by_key(|(r, _)| r.end);
    let after = marks
        .iter()
        .filter(|(r, _)| r.start >= value.end)
        .min_by_key(|(r, _)| r.start);
    before.or(after).is_none_or(|(_, is_subject)| *is_subject)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locator(near: Option<&str>, subject: Option<&str>, rival: Option<&str>) -> ValueLocator {
        let re = |p: Option<&str>| p.map(|p| Regex::new(p).unwrap());
        ValueLocator {
            kind: ValueType::Year,
            near: re(near),
            window: DEFAULT_WINDOW,
            subject: re(subject),
            rival: re(rival),
        }
    }

    fn years(locator: &ValueLocator, text: &str) -> Vec<String> {
        let doc = Document::parse("a.txt", text.as_bytes().to_vec(), None).unwrap();
        locator
            .locate(&doc, 0..text.len())
            .into_iter()
            .map(|m| text[m.span].to_string())
            .collect()
    }

    #[test]
    fn near_keeps_values_close_to_an_anchor() {
        let l = locator(Some("annex"), None, None);
        assert_eq!(
            years(
                &l,
                "In 2020, officials said the regions were annexed in 2022."
            ),
            ["2022"]
        );
    }

    #[test]
    fn subject_written_before_the_year_wins() {
        let regions = locator(
            Some("annex|claim|seiz"),
            Some("four regions"),
            Some("Crimea"),
        );
        let crimea = locator(
            Some("annex|claim|seiz"),
            Some("Crimea"),
            Some("four regions"),
        );
        let text = "Russia annexed Crimea in 2014 and claimed to annex four regions in 2022.";
        assert_eq!(years(&regions, text), ["2022"]);
        assert_eq!(years(&crimea, text), ["2014"]);
        let text = "In 2022, Moscow claimed to annex four regions, eight years after seizing Crimea in 2014.";
        assert_eq!(years(&regions, text), ["2022"]);
        assert_eq!(years(&crimea, text), ["2014"]);
    }

    #[test]
    fn a_value_before_its_anchor_must_be_adjacent() {
        let l = locator(Some("annex"), None, None);
        assert_eq!(years(&l, "After the 2014 annexation, it grew."), ["2014"]);
        assert!(years(&l, "It was 2015 when officials discussed annexation.").is_empty());
    }
}
