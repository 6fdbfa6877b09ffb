//! factlint: a fact-consistency linter for news articles.

pub mod checks;
pub mod document;
pub mod finding;
pub mod values;
