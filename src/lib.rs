//! factlint: a fact-consistency linter for news articles.

pub mod values;
