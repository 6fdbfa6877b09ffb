//! Errors in check files, each pointing at the bytes of the TOML that caused it.

use std::ops::Range;
use std::path::PathBuf;

/// A problem in a check file, with enough context to render the offending TOML.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// The file's text, so the error can be rendered without reading it again.
    pub source: String,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

/// An error found in a check's TOML, before the loader says which file it is in.
#[derive(Debug, Clone)]
pub struct SpecError {
    pub message: String,
    pub span: Option<Range<usize>>,
    pub label: String,
    pub help: Option<String>,
}

impl SpecError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            span: None,
            label: String::new(),
            help: None,
        }
    }

    pub fn at(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.span = Some(span);
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn in_file(self, path: PathBuf, source: &str) -> ConfigError {
        ConfigError {
            path,
            source: source.to_string(),
            span: self.span,
            message: self.message,
            label: self.label,
            help: self.help,
        }
    }
}

/// The closest of `candidates` to a misspelt `word`, if any is close enough.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// "did you mean `x`?" or a list of what is valid.
pub fn suggestion(word: &str, valid: &[&str]) -> String {
    match did_you_mean(word, valid.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!(
            "expected one of {}",
            valid
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        assert_eq!(
            did_you_mean("severty", ["id", "severity", "scope"]),
            Some("severity")
        );
        assert_eq!(did_you_mean("xyz", ["id", "severity"]), None);
        assert_eq!(
            suggestion("forbd", &["forbid", "expect"]),
            "did you mean `forbid`?"
        );
        assert_eq!(suggestion("zz", &["a", "b"]), "expected one of `a`, `b`");
    }
}
