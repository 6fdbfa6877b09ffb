//! factlint: a fact-consistency linter for news articles.
//!
//! Data flow: check files are loaded and compiled once ([`checks`]); articles
//! are found ([`corpus`]) and read into [`document::Document`]s; every check runs
//! over every document in parallel ([`lint`]); the findings are sorted and
//! rendered by a reporter ([`report`]).

pub mod baseline;
pub mod cache;
pub mod checks;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod document;
pub mod examples;
pub mod facts_table;
pub mod finding;
pub mod fix;
pub mod hash;
pub mod lint;
pub mod lsp;
pub mod matcher;
pub mod parsed;
pub mod report;
pub mod search_caches;
pub mod suppress;
pub mod values;
