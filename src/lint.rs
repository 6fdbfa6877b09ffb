//! The per-file pass: read, analyse and check every article, in parallel.

use crate::cache::FactCache;
use crate::checks::load::CheckSet;
use crate::checks::store::FactStore;
use crate::checks::{Check, Fact, FactRef, FileOutput, Pending};
use crate::corpus::Article;
use crate::document::{Document, LineIndex, Source};
use crate::finding::{Finding, Location, Severity};
use crate::suppress::{self, FileSuppressions};
use jiff::civil::Date;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Check id of the warning for a file that cannot be read as an article.
pub const UNREADABLE: &str = "file-unreadable";
/// Check id of the note for relative dates in an article with no publication date.
pub const NEEDS_PUBLICATION: &str = "publication-date-unknown";

/// What a run found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Sorted by path, line, column, check id.
    pub findings: Vec<Finding>,
    pub files: usize,
    /// Files reported as unreadable and not linted.
    pub skipped: usize,
    /// Every value the checks found in the linted articles, with
    /// [`Options::keep_facts`] (for `factlint facts` and the HTML report).
    pub facts: Vec<Fact>,
}

/// Settings that apply to every article.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Publication date for articles that give none (`--published`).
    pub published: Option<Date>,
    /// Where reference articles' facts are cached (`None`: `--no-cache`).
    pub cache: Option<FactCache>,
    /// Return the values found in the linted articles, not just findings.
    pub keep_facts: bool,
}

/// Lints every article; one bad file never stops the others. Findings come
/// back sorted by path, line, column and check id.
///
/// `reference` articles (the published corpus, when checking a draft) only
/// contribute facts: findings are reported in `articles` alone.
pub fn lint(
    checks: &CheckSet,
    articles: &[Article],
    reference: &[Article],
    options: &Options,
) -> Outcome {
    let mut findings = Vec::new();
    let mut outcome = lint_streaming(
        checks,
        articles,
        reference,
        options,
        Lines::Shown,
        &|batch| batch,
        &mut |batch| findings.extend(batch),
    );
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    outcome.findings = findings;
    outcome
}

/// Whether the report shows the source lines of findings. The findings that
/// compare articles are built from the facts kept of each, which hold the
/// flagged text and its line and column but not its lines: those are read
/// again from the files (most of the corpus, once more) only to be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    Shown,
    NotShown,
}

/// Files linted at once: enough to keep both cores busy, few enough that
/// memory holds a chunk's findings, not the corpus's. Two chunks are in
/// memory at once (one linted, one handed on). At 512 files in flight, a
/// human-format run over 200 MB peaked at 103-107 MB; at 256, at 97-101 MB,
/// in as much time. 128 files in flight gave the same; the peak is at the
/// end of linting, where every article's facts are kept and the regexes'
/// caches ([`crate::search_caches`]) have not been let go yet.
const CHUNK: usize = 128;

/// The findings comparing articles are reported in this many batches per
/// [`CHUNK`] of files, prepared side by side.
const TAIL_BATCHES: usize = 8;

/// What the allocator is told as a streaming run moves on. The binary, which
/// chooses the allocator, sets them (`src/main.rs`); a library user's
/// allocator is told nothing.
pub static ALLOCATOR_HINTS: OnceLock<AllocatorHints> = OnceLock::new();

/// Calls into the allocator at the turns of [`lint_streaming`].
#[derive(Clone, Copy, Debug)]
pub struct AllocatorHints {
    /// The articles are listed: what reading the corpus and its manifest
    /// freed, on threads that may not allocate as much again, can go.
    pub listed: fn(),
    /// Every article is linted: what linting freed is not needed again,
    /// and comparing facts across articles allocates large blocks that a
    /// cache of small freed pages cannot hold.
    pub linted: fn(),
    /// The facts are compared; what is left is building and writing
    /// findings, many small blocks, as linting does.
    pub compared: fn(),
}

fn hint(which: fn(&AllocatorHints) -> fn()) {
    if let Some(hints) = ALLOCATOR_HINTS.get() {
        which(hints)();
    }
}

/// Like [`lint`], but hands findings on as they are ready instead of keeping
/// them: each file's findings (sorted) in path order, then the findings that
/// compare articles and suppressions that silenced nothing, sorted, in
/// batches of a few hundred files.
///
/// Each batch goes through `prepare` on the worker thread that linted the
/// file (a reporter renders it there, so rendering runs on every core), and
/// the result to `sink` on the calling thread, in path order, while the next
/// chunk of files is linted. Memory holds two chunks of files and the facts
/// compared across the corpus, never every finding. With [`Lines::NotShown`]
/// the findings that compare articles keep compact locations (line and
/// column, no lines). Returns the counts (and facts, when kept); its
/// `findings` are empty, since they went to `sink`.
pub fn lint_streaming<T: Send>(
    checks: &CheckSet,
    articles: &[Article],
    reference: &[Article],
    options: &Options,
    lines: Lines,
    prepare: &(dyn Fn(Vec<Finding>) -> T + Sync),
    sink: &mut dyn FnMut(T),
) -> Outcome {
    // Listing a few files frees little, and the hint wakes every thread.
    if articles.len() + reference.len() > CHUNK {
        hint(|hints| hints.listed);
    }
    let mut facts = FactStore::default();
    let targets: HashSet<&Path> = articles.iter().map(|a| a.path.as_path()).collect();
    let reference: Vec<&Article> = reference
        .iter()
        .filter(|a| !targets.contains(a.path.as_path()))
        .collect();
    drop(targets);
    // The cache is asked first, so that `prepare` knows how many documents
    // this run lints. An article it lacks is read again to be linted: holding
    // the bytes of every miss would grow memory with the archive.
    let cached: Vec<Option<Vec<Fact>>> = reference
        .par_iter()
        .map(|article| cached_facts(article, options))
        .collect();
    let to_lint = articles.len() + cached.iter().filter(|c| c.is_none()).count();
    checks.prepare(to_lint);
    for file in reference
        .par_iter()
        .zip(cached)
        .map(|(article, cached)| {
            cached.unwrap_or_else(|| reference_facts(checks, article, options))
        })
        .collect::<Vec<_>>()
    {
        facts.keep(file);
    }
    let mut suppressions: HashMap<Arc<str>, FileSuppressions> = HashMap::new();
    let mut skipped = 0;
    let mut kept = Vec::new();
    // One thread lints a chunk on every core while this one hands the
    // previous chunk's findings on: writing them never leaves a core idle.
    std::thread::scope(|scope| {
        let (chunks, linted) = std::sync::mpsc::sync_channel(0);
        scope.spawn(move || {
            for chunk in articles.chunks(CHUNK) {
                let outputs: Vec<(T, FileSuppressions, FileOutput, bool)> = chunk
                    .par_iter()
                    .map(|article| {
                        let (mut output, was_skipped) = lint_file(checks, article, options);
                        let mut findings = std::mem::take(&mut output.findings);
                        let mut file =
                            FileSuppressions::new(std::mem::take(&mut output.suppressions));
                        file.silence(&mut findings);
                        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
                        (prepare(findings), file, output, was_skipped)
                    })
                    .collect();
                if chunks.send(outputs).is_err() {
                    break;
                }
            }
        });
        for outputs in linted {
            for (prepared, file, output, was_skipped) in outputs {
                skipped += usize::from(was_skipped);
                if let Some(path) = file.path() {
                    suppressions.insert(path, file);
                }
                if options.keep_facts {
                    kept.extend(output.local_facts);
                    kept.extend(output.facts.iter().cloned());
                }
                facts.keep(output.facts);
                sink(prepared);
            }
        }
    });
    // No regex of the checks is searched again: their caches go before the
    // facts are compared, and the allocator is given back their pages.
    crate::search_caches::release();
    hint(|hints| hints.linted);
    let target_paths: HashSet<Cow<str>> =
        articles.iter().map(|a| a.path.to_string_lossy()).collect();
    let known: HashSet<&str> = checks
        .checks
        .iter()
        .map(|c| &*c.meta.id)
        .chain(BUILT_IN_IDS.iter().copied())
        .collect();
    // Findings comparing articles are kept as recipes, filtered by the file
    // they are in and built a few files at a time when reported. Only those
    // in a file with suppressions are built here, to be silenced.
    let mut pending: Vec<Pending> = reduce_pending(checks, facts.iter());
    pending.retain(|pending| {
        let path = pending.path();
        if !target_paths.contains(path) {
            return false;
        }
        let Some(file) = suppressions.get_mut(path) else {
            return true;
        };
        let mut one: Vec<Finding> = pending.build().into_iter().collect();
        file.silence(&mut one);
        !one.is_empty()
    });
    for (path, file) in &suppressions {
        for finding in file.unused(&known) {
            pending.push(Pending::one(path, move || Some(finding.clone())));
        }
    }
    // Grouped by file (a stable sort, so each batch is then sorted exactly as
    // the whole would be), built and sorted while compact (completing a
    // location does not move it), then completed, prepared on every core and
    // handed over a few files at a time: whole lines for every finding at
    // once would hold a copy of much of the corpus.
    pending.sort_by(|a, b| a.path().cmp(b.path()));
    hint(|hints| hints.compared);
    let mut batches = Vec::new();
    let mut rest = &pending[..];
    while !rest.is_empty() {
        let (now, later) = rest.split_at(files_end(rest, CHUNK / TAIL_BATCHES));
        batches.push(now);
        rest = later;
    }
    for group in batches.chunks(TAIL_BATCHES) {
        let prepared: Vec<T> = group
            .par_iter()
            .map(|now| {
                let mut batch: Vec<Finding> = now.iter().filter_map(Pending::build).collect();
                batch.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
                if lines == Lines::Shown {
                    complete_locations(&mut batch);
                }
                prepare(batch)
            })
            .collect();
        prepared.into_iter().for_each(&mut *sink);
    }
    Outcome {
        findings: Vec::new(),
        files: articles.len(),
        skipped,
        facts: kept,
    }
}

/// How many of `findings` (sorted by path) fall in their first `files` paths.
fn files_end(findings: &[Pending], files: usize) -> usize {
    let mut seen = 0;
    for (i, pair) in findings.windows(2).enumerate() {
        if pair[0].path() != pair[1].path() {
            seen += 1;
            if seen == files {
                return i + 1;
            }
        }
    }
    findings.len()
}

/// Gives compact locations (from facts) their lines back, reading each file
/// they point into once. A file that cannot be read again keeps the flagged
/// text alone.
fn complete_locations(findings: &mut [Finding]) {
    // Which findings point into which file, so each file is read once.
    let mut by_path: HashMap<Arc<str>, Vec<usize>> = HashMap::new();
    for (i, finding) in findings.iter().enumerate() {
        for location in std::iter::once(&finding.primary).chain(&finding.related) {
            if !location.excerpt.complete {
                let users = by_path.entry(location.path.clone()).or_default();
                if users.last() != Some(&i) {
                    users.push(i);
                }
            }
        }
    }
    let mut paths: Vec<(Arc<str>, Vec<usize>)> = by_path.into_iter().collect();
    paths.sort();
    for chunk in paths.chunks(CHUNK) {
        // Only the text and its lines are needed, not a whole `Document`.
        let sources: Vec<Option<(String, LineIndex)>> = chunk
            .par_iter()
            .map(|(path, _)| {
                let text = String::from_utf8(std::fs::read(path.as_ref()).ok()?).ok()?;
                let lines = LineIndex::new(&text);
                Some((text, lines))
            })
            .collect();
        for ((path, users), source) in chunk.iter().zip(sources) {
            let Some((text, lines)) = &source else {
                continue;
            };
            let source = Source { path, text, lines };
            for &i in users {
                source.complete_locations(std::slice::from_mut(&mut findings[i]));
            }
        }
    }
}

/// Check ids that are not in any check file but may be suppressed.
pub const BUILT_IN_IDS: &[&str] = &[UNREADABLE, NEEDS_PUBLICATION, suppress::UNUSED];

/// Findings from facts compared over a scope, check by check.
pub fn reduce<'a, F: FactRef<'a>>(
    checks: &'a CheckSet,
    facts: impl IntoIterator<Item = F, IntoIter: Clone + Sync>,
) -> Vec<Finding> {
    reduce_pending(checks, facts)
        .into_iter()
        .filter_map(|pending| pending.build())
        .collect()
}

/// Like [`reduce`], the findings left to be built, one check's after the
/// other's. Checks are compared side by side, each gathering its facts in a
/// pass of its own, so only as many checks' facts are listed at once as
/// there are cores. A first pass counts each check's facts, so that each
/// list is allocated once at its size: grown by doubling, the two lists of
/// the checks with most facts took up to twice the memory, at the end of a
/// run where its peak is.
fn reduce_pending<'a, F: FactRef<'a>>(
    checks: &'a CheckSet,
    facts: impl IntoIterator<Item = F, IntoIter: Clone + Sync>,
) -> Vec<Pending<'a>> {
    let facts = facts.into_iter();
    let mut counts = vec![0; checks.checks.len()];
    for fact in facts.clone() {
        if let Some(count) = counts.get_mut(fact.check()) {
            *count += 1;
        }
    }
    let reducing: Vec<(usize, &Check)> = checks
        .checks
        .iter()
        .enumerate()
        .filter(|(_, check)| check.reduces())
        .collect();
    reducing
        .par_iter()
        .map(|&(index, check)| {
            let mut mine = Vec::with_capacity(counts[index]);
            mine.extend(facts.clone().filter(|f| f.check() == index));
            check.reduce(&mine)
        })
        .flatten_iter()
        .collect()
}

/// The corpus facts of a reference article the cache does not have
/// ([`cached_facts`]): linted, and kept in the cache for the next run.
fn reference_facts(checks: &CheckSet, article: &Article, options: &Options) -> Vec<Fact> {
    let Some(cache) = &options.cache else {
        return lint_file(checks, article, options).0.facts;
    };
    let Ok(bytes) = std::fs::read(&article.path) else {
        return Vec::new();
    };
    let published = published_key(article, options);
    let facts = lint_bytes(checks, article, options, bytes.clone()).0.facts;
    cache.put(&article.path, &published, &bytes, &facts);
    facts
}

/// A reference article's facts from the cache, if it has them. An article
/// that cannot be read has none, and is left out.
fn cached_facts(article: &Article, options: &Options) -> Option<Vec<Fact>> {
    let cache = options.cache.as_ref()?;
    let Ok(bytes) = std::fs::read(&article.path) else {
        return Some(Vec::new());
    };
    cache.get(&article.path, &published_key(article, options), &bytes)
}

/// The publication date an article's cached facts are keyed by.
fn published_key(article: &Article, options: &Options) -> String {
    article
        .published
        .or(options.published)
        .map_or(String::new(), |d| d.to_string())
}

/// Findings (and corpus facts) of one file, and whether it had to be skipped.
fn lint_file(checks: &CheckSet, article: &Article, options: &Options) -> (FileOutput, bool) {
    let path = || Arc::from(article.path.to_string_lossy().as_ref());
    let finding = if let Some(problem) = &article.walk_error {
        skipped(
            path(),
            problem.clone(),
            "make it readable, or leave it out with `--exclude`",
        )
    } else {
        match std::fs::read(&article.path) {
            Ok(bytes) => return lint_bytes(checks, article, options, bytes),
            Err(e) => unreadable(path(), format!("cannot be read: {e}")),
        }
    };
    let output = FileOutput {
        findings: vec![finding],
        ..FileOutput::default()
    };
    (output, true)
}

/// Findings (and corpus facts) of a file's bytes, and whether it had to be skipped.
fn lint_bytes(
    checks: &CheckSet,
    article: &Article,
    options: &Options,
    bytes: Vec<u8>,
) -> (FileOutput, bool) {
    let path: Arc<str> = Arc::from(article.path.to_string_lossy().as_ref());
    let unreadable_output = |why: String| FileOutput {
        findings: vec![unreadable(path.clone(), why)],
        ..FileOutput::default()
    };
    let published = article.published.or(options.published);
    match Document::parse(path.clone(), bytes, published) {
        Ok(mut doc) => {
            if let Some(order) = article.numeric_order {
                doc.numeric_order = order;
            }
            (lint_document(checks, &doc), false)
        }
        Err(e) => (unreadable_output(e.to_string()), true),
    }
}

/// Runs every check over one document. Facts compared within the document are
/// reduced here; those compared across the corpus are returned.
pub fn lint_document(checks: &CheckSet, doc: &Document) -> FileOutput {
    let mut output = FileOutput::default();
    for (index, check) in checks.checks.iter().enumerate() {
        check.run(doc, index, &mut output);
    }
    output.values = Default::default();
    let (corpus, local): (Vec<Fact>, Vec<Fact>) = output
        .facts
        .drain(..)
        .partition(|f| checks.checks[f.check].compares_corpus());
    let mut compared = reduce(checks, &local);
    doc.source().complete_locations(&mut compared);
    output.findings.extend(compared);
    output.facts = corpus;
    output.local_facts = local;
    if let Some(span) = output.needs_publication.take() {
        output.findings.push(needs_publication(doc, span));
    }
    output.suppressions = suppress::suppressions(doc);
    output
}

/// Reported once per file: a relative date that no check could verify.
fn needs_publication(doc: &Document, span: std::ops::Range<usize>) -> Finding {
    let primary = doc.location(span);
    Finding {
        check_id: Arc::from(NEEDS_PUBLICATION),
        severity: Severity::Info,
        message: format!(
            "`{}` cannot be checked: the publication date of this article is unknown",
            primary.text()
        ),
        primary: primary.with_label("relative to what?"),
        related: Vec::new(),
        help: Some(
            "add `date:` to the front matter, an entry to corpus.toml, or pass --published YYYY-MM-DD"
                .into(),
        ),
        fix: None,
    }
}

fn unreadable(path: Arc<str>, why: String) -> Finding {
    skipped(
        path,
        format!("file {why}; skipped"),
        "factlint reads UTF-8 text articles (.txt, .md)",
    )
}

/// A `file-unreadable` warning: something was not linted.
fn skipped(path: Arc<str>, message: String, help: &str) -> Finding {
    Finding {
        check_id: Arc::from(UNREADABLE),
        severity: Severity::Warning,
        message,
        primary: Location::whole_file(path),
        related: Vec::new(),
        help: Some(help.into()),
        fix: None,
    }
}
