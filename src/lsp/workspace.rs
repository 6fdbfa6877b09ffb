//! What the server knows about the workspace: its settings, the checks, and
//! the facts of the reference corpus, computed once and kept.

use crate::checks::error::ConfigError;
use crate::checks::load::{CheckSet, load_paths};
use crate::checks::{Check, Fact};
use crate::config::Config;
use crate::corpus::{self, Article};
use crate::document::Document;
use crate::finding::Finding;
use crate::lint::{self, BUILT_IN_IDS};
use crate::suppress;
use globset::{Glob, GlobSet, GlobSetBuilder};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Where checks are when `factlint.toml` does not say.
const DEFAULT_CHECKS: &str = "checks";
/// Where the reference corpus is when `factlint.toml` does not say.
const DEFAULT_CORPUS: &str = "corpus";

/// Settings, checks and corpus facts.
#[derive(Debug, Default)]
pub struct Workspace {
    pub root: PathBuf,
    pub config: Config,
    pub checks: CheckSet,
    /// Problems with the settings or check files; the last good checks stay in use.
    pub errors: Vec<ConfigError>,
    /// Corpus articles, with their publication dates.
    pub articles: Vec<Article>,
    /// Facts compared across the corpus, per article (keyed by normalised path).
    pub facts: HashMap<PathBuf, Vec<Fact>>,
    /// Publication dates of the corpus articles, by normalised path.
    dates: HashMap<PathBuf, Option<Date>>,
}

/// A path made comparable with others naming the same file.
pub fn normalise(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Workspace {
    /// Loads everything from `root` (the directory of the workspace).
    pub fn load(root: PathBuf) -> Self {
        let mut ws = Workspace {
            root: normalise(&root),
            ..Workspace::default()
        };
        ws.reload();
        ws
    }

    /// Reads the settings and checks again, then the corpus facts (whose
    /// check indices depend on the check set).
    pub fn reload(&mut self) {
        self.errors.clear();
        match Config::discover(&self.root) {
            Ok(config) => self.config = config,
            Err(e) => self.errors.push(*e),
        }
        let paths = self.checks_paths();
        match load_paths(&paths) {
            Ok(mut set) => {
                configure(&mut set, &self.config);
                self.checks = set;
            }
            Err(errors) => self.errors.extend(errors),
        }
        self.load_corpus();
    }

    /// The check files or directories.
    pub fn checks_paths(&self) -> Vec<PathBuf> {
        if self.config.checks.is_empty() {
            vec![self.root.join(DEFAULT_CHECKS)]
        } else {
            self.config.checks.clone()
        }
    }

    /// The reference corpus: `reference`, else `paths` of the settings, else `corpus/`.
    fn corpus_paths(&self) -> Vec<PathBuf> {
        let paths = if !self.config.reference.is_empty() {
            self.config.reference.clone()
        } else if !self.config.paths.is_empty() {
            self.config.paths.clone()
        } else {
            vec![self.root.join(DEFAULT_CORPUS)]
        };
        paths.into_iter().filter(|p| p.exists()).collect()
    }

    fn exclude(&self) -> GlobSet {
        let mut builder = GlobSetBuilder::new();
        for pattern in &self.config.exclude {
            if let Ok(glob) = Glob::new(pattern) {
                builder.add(glob);
            }
        }
        builder.build().unwrap_or_else(|_| GlobSet::empty())
    }

    /// Lints every corpus article once, keeping only the facts compared across articles.
    pub fn load_corpus(&mut self) {
        self.articles = match corpus::articles(&self.corpus_paths(), &self.exclude()) {
            // Like the check files' warnings, ignore-file problems are for
            // the command line; the editor shows what stops a load.
            Ok(listing) => listing.articles,
            Err(corpus::CorpusError::Manifest(e)) => {
                self.errors.push(*e);
                Vec::new()
            }
            Err(corpus::CorpusError::Missing(_)) => Vec::new(),
        };
        self.dates = self
            .articles
            .iter()
            .map(|a| (normalise(&a.path), a.published))
            .collect();
        let checks = &self.checks;
        self.facts = self
            .articles
            .par_iter()
            .map(|article| {
                (
                    normalise(&article.path),
                    article_facts(checks, &article.path, article.published),
                )
            })
            .collect();
    }

    /// Re-reads one corpus article's facts after it changed on disk; whether it is one.
    pub fn refresh_article(&mut self, path: &Path) -> bool {
        let key = normalise(path);
        let Some(article) = self.articles.iter().find(|a| normalise(&a.path) == key) else {
            return false;
        };
        let facts = article_facts(&self.checks, &article.path, article.published);
        self.facts.insert(key, facts);
        true
    }

    /// The publication date of an article, from the corpus manifest.
    pub fn published(&self, path: &Path) -> Option<Date> {
        if let Some(published) = self.dates.get(&normalise(path)) {
            return *published;
        }
        if !path.is_file() {
            return None;
        }
        corpus::articles(&[path.to_path_buf()], &GlobSet::empty())
            .ok()
            .and_then(|found| found.articles.first().and_then(|a| a.published))
    }

    /// The check of an id.
    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.checks.iter().find(|c| &*c.meta.id == id)
    }

    /// Findings in `doc`: its own, and those of comparisons with the cached
    /// corpus facts, where the facts of the file it was opened from (the
    /// `key`) are replaced by the live text's.
    pub fn lint(&self, doc: &Document, key: Option<&Path>) -> Vec<Finding> {
        let mut output = lint::lint_document(&self.checks, doc);
        let mut findings = std::mem::take(&mut output.findings);
        let mut facts = std::mem::take(&mut output.facts);
        if !facts.is_empty() {
            for (path, cached) in &self.facts {
                if Some(path.as_path()) != key {
                    facts.extend(cached.iter().cloned());
                }
            }
            findings.extend(
                lint::reduce(&self.checks, &facts)
                    .into_iter()
                    .filter(|f| f.primary.path == doc.path),
            );
        }
        if !output.suppressions.is_empty() {
            let known: HashSet<&str> = self
                .checks
                .checks
                .iter()
                .map(|c| &*c.meta.id)
                .chain(BUILT_IN_IDS.iter().copied())
                .collect();
            let mut file = suppress::FileSuppressions::new(output.suppressions.clone());
            file.silence(&mut findings);
            findings.extend(file.unused(&known));
        }
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings
    }
}

/// The corpus facts of one article on disk (none when it cannot be read).
fn article_facts(checks: &CheckSet, path: &Path, published: Option<Date>) -> Vec<Fact> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let shown: &str = &path.to_string_lossy();
    match Document::parse(shown, bytes, published) {
        Ok(doc) => lint::lint_document(checks, &doc).facts,
        Err(_) => Vec::new(),
    }
}

/// `select`, `ignore` and severity overrides of the settings; ids that name
/// no check are left for `factlint check` to report.
fn configure(set: &mut CheckSet, config: &Config) {
    let select: Vec<&str> = config.select.iter().map(|s| s.get_ref().as_str()).collect();
    let ignore: Vec<&str> = config.ignore.iter().map(|s| s.get_ref().as_str()).collect();
    set.checks.retain(|c| {
        let id = c.meta.id.as_ref();
        (select.is_empty() || select.contains(&id)) && !ignore.contains(&id)
    });
    for check in &mut set.checks {
        if let Some(severity) = config.severity.get(check.meta.id.as_ref()) {
            check.meta.severity = *severity.get_ref();
        }
    }
}
