//! `factlint check`: lint articles, fix them, report in one of several formats.

use super::progress::Progress;
use super::{
    CommonArgs, DEFAULT_CORPUS, EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, FailLevel, Reported,
    chosen_paths,
};
use crate::baseline;
use crate::cache::FactCache;
use crate::checks::load::CheckSet;
use crate::config::Config;
use crate::corpus::{self, Article, CorpusError};
use crate::finding::{Finding, Severity};
use crate::fix;
use crate::lint::{self, Options, Outcome};
use crate::parsed;
use crate::report::human::HumanReporter;
use crate::report::sarif::{PreparedResults, ResultWriter, SarifLog};
use crate::report::{RuleInfo, RunInfo, Summary, concise, github, json, junit, sarif};
use clap::ValueEnum;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(super) struct CheckArgs {
    /// Articles or directories to lint [default: `paths` of factlint.toml, else corpus].
    paths: Vec<PathBuf>,
    #[command(flatten)]
    common: CommonArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the report to a file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Lowest severity that makes the exit status 1 [default: error].
    #[arg(long, value_enum)]
    severity_fail: Option<FailLevel>,
    /// Only these checks.
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    select: Vec<String>,
    /// Not these checks.
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    ignore: Vec<String>,
    /// Skip walked files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Publication date for articles with none in front matter or manifest.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<jiff::civil::Date>,
    /// Published articles to compare the linted ones with (facts only; no
    /// findings are reported in them) [default: corpus, when PATHS are given].
    #[arg(long, value_name = "PATH")]
    reference: Vec<PathBuf>,
    /// Compare with no reference corpus.
    #[arg(long, conflicts_with = "reference")]
    no_reference: bool,
    /// Lint every reference article and parse every pattern again instead of
    /// reading their facts and trees from `.factlint_cache/` (kept by content,
    /// so edited articles and patterns are always read afresh).
    #[arg(long)]
    no_cache: bool,
    /// Apply machine-applicable fixes to the articles.
    #[arg(long)]
    fix: bool,
    /// Show the fixes as a unified diff without writing them.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in a baseline file and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Count findings per check instead of listing them.
    #[arg(long)]
    statistics: bool,
    /// Print diagnostics only, without the summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Lint again whenever an article or a check changes; print what changed.
    #[arg(long, conflicts_with_all = ["fix", "diff", "write_baseline", "output"])]
    watch: bool,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style diagnostics with source snippets.
    Human,
    /// One line per finding: `path:line:col: severity[id] message`.
    Concise,
    /// Versioned JSON (docs/json-schema.md).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML.
    Junit,
    /// One self-contained HTML page: summary, facts table, highlighted articles.
    Html,
}

pub(super) fn run(args: &CheckArgs) -> Result<u8, Reported> {
    let cache_dir = Path::new(crate::cache::DEFAULT_DIR);
    let keeps_patterns = !args.no_cache && !args.watch;
    if keeps_patterns {
        // Before the warm-up: the built-in patterns are stored there too.
        parsed::read_stored(cache_dir);
    }
    let code = lint_and_report(args);
    if keeps_patterns {
        // Once all are parsed, the built-in ones used by the lint itself too.
        parsed::store(cache_dir);
    }
    code
}

fn lint_and_report(args: &CheckArgs) -> Result<u8, Reported> {
    rayon::spawn(crate::values::warm_up);
    if args.watch {
        return watch(args);
    }
    let config = args.common.config()?;
    let checks = args
        .common
        .load_checks(&config, &args.select, &args.ignore)?;
    let reporter = args.common.reporter();
    let (articles, reference) = targets(args, &config, &reporter)?;
    let options = Options {
        published: args.published,
        cache: (!args.no_cache).then(|| FactCache::new(crate::cache::DEFAULT_DIR, &checks)),
        keep_facts: args.format == Format::Html,
    };
    let fail_at = args
        .severity_fail
        .map(Severity::from)
        .or(config.severity_fail)
        .unwrap_or(Severity::Error);
    let baseline = match &args.baseline {
        Some(path) => Some(baseline::load(path).map_err(|e| {
            eprintln!("error: {e}");
            Reported(EXIT_TROUBLE)
        })?),
        None => None,
    };
    let streams = matches!(
        args.format,
        Format::Human | Format::Concise | Format::Github | Format::Sarif
    ) && !(args.fix || args.diff || args.statistics || args.write_baseline.is_some());
    if streams {
        let run = Run {
            checks: &checks,
            articles: &articles,
            reference: &reference,
            options: &options,
        };
        let code = stream(args, &run, baseline.as_ref(), fail_at);
        // The process ends next: freeing every compiled automaton one by one
        // would only delay the exit (by a millisecond for one article).
        std::mem::forget(checks);
        return code;
    }
    let mut outcome = lint::lint(&checks, &articles, &reference, &options);
    if args.fix || args.diff {
        apply_fixes(&outcome.findings, args.fix)?;
        if args.fix {
            outcome = lint::lint(&checks, &articles, &reference, &options);
        }
    }
    if let Some(path) = &args.write_baseline {
        baseline::write(path, &outcome.findings).map_err(|e| {
            eprintln!("error: cannot write baseline `{}`: {e}", path.display());
            Reported(EXIT_TROUBLE)
        })?;
        eprintln!(
            "recorded {} findings in `{}`",
            outcome.findings.len(),
            path.display()
        );
        return Ok(EXIT_CLEAN);
    }
    let hidden = baseline.as_ref().map_or(0, |recorded| {
        baseline::filter(&mut outcome.findings, recorded)
    });
    let report = render(args, &checks, &outcome, hidden);
    emit(args, &report)?;
    Ok(if outcome.findings.iter().any(|f| f.severity >= fail_at) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// `--watch`: settings, checks and articles are read again on every change.
fn watch(args: &CheckArgs) -> Result<u8, Reported> {
    let config = args.common.config()?;
    let mut watched = chosen_paths(&args.paths, &config.paths, DEFAULT_CORPUS);
    watched.extend(chosen_paths(
        &args.common.checks,
        &config.checks,
        super::DEFAULT_CHECKS,
    ));
    let reporter = HumanReporter::new(args.common.color.enabled());
    let mut lint_once = || -> Result<Vec<Finding>, Reported> {
        let config = args.common.config()?;
        let checks = args
            .common
            .load_checks(&config, &args.select, &args.ignore)?;
        let (articles, reference) = targets(args, &config, &reporter)?;
        let options = Options {
            published: args.published,
            cache: (!args.no_cache).then(|| FactCache::new(crate::cache::DEFAULT_DIR, &checks)),
            keep_facts: false,
        };
        Ok(lint::lint(&checks, &articles, &reference, &options).findings)
    };
    let render = |f: &Finding| match args.format {
        Format::Concise => concise::render(std::slice::from_ref(f)),
        Format::Github => github::render(std::slice::from_ref(f)),
        _ => reporter.finding(f),
    };
    super::watch::watch(&watched, &mut lint_once, &render)
}

/// What one run lints.
struct Run<'a> {
    checks: &'a CheckSet,
    articles: &'a [Article],
    reference: &'a [Article],
    options: &'a Options,
}

/// A batch of findings made ready on a worker thread.
enum Batch {
    /// Rendered (human, concise, GitHub).
    Text(String),
    /// SARIF results, joined into the log on the calling thread, which
    /// numbers built-in rules in the order they occur.
    Sarif(PreparedResults),
}

/// Writes a report (human, concise, GitHub, SARIF) as the run goes: each
/// file's findings once the file is linted, then the findings that compare
/// articles. Memory holds the facts being compared, not the findings.
fn stream(
    args: &CheckArgs,
    run: &Run,
    baseline: Option<&HashSet<String>>,
    fail_at: Severity,
) -> Result<u8, Reported> {
    let reporter = HumanReporter::new(args.output.is_none() && args.common.color.enabled());
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| {
                eprintln!("error: cannot write to `{}`: {e}", path.display());
                Reported(EXIT_TROUBLE)
            })?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut summary = Summary::default();
    let (mut hidden, mut failed) = (0, false);
    let mut written = Ok(());
    let paths = run.articles.iter().map(|a| a.path.as_path());
    let mut progress = Progress::new(paths, args.quiet);
    let info = run_info(run.checks, 0, 0);
    let mut sarif = (args.format == Format::Sarif).then(|| SarifLog::new(&info));
    let sarif_results = sarif.as_ref().map(ResultWriter::new);
    if let Some(log) = &sarif {
        written = out.write_all(log.header().as_bytes());
    }
    // Runs on the worker thread that linted the file.
    let render = |mut batch: Vec<Finding>| {
        let hidden = baseline.map_or(0, |recorded| baseline::filter(&mut batch, recorded));
        let counts = Summary::new(&batch, 0, 0);
        let failed = batch.iter().any(|f| f.severity >= fail_at);
        let ready = match args.format {
            Format::Human => Batch::Text(batch.iter().map(|f| reporter.finding(f)).collect()),
            Format::Concise => Batch::Text(concise::render(&batch)),
            Format::Sarif => match &sarif_results {
                Some(writer) => Batch::Sarif(writer.prepare(&batch)),
                None => Batch::Text(String::new()),
            },
            _ => Batch::Text(github::render(&batch)),
        };
        (ready, counts, hidden, failed)
    };
    // Only rustc-style snippets show the lines around a finding.
    let lines = if args.format == Format::Human {
        lint::Lines::Shown
    } else {
        lint::Lines::NotShown
    };
    let totals = lint::lint_streaming(
        run.checks,
        run.articles,
        run.reference,
        run.options,
        lines,
        &render,
        &mut |(ready, counts, batch_hidden, batch_failed)| {
            progress.file_done();
            hidden += batch_hidden;
            summary.add(counts);
            failed |= batch_failed;
            let text = match (ready, &mut sarif) {
                (Batch::Text(text), _) => text,
                (Batch::Sarif(prepared), Some(log)) => log.append(prepared),
                (Batch::Sarif(_), None) => String::new(),
            };
            if written.is_ok() {
                written = out.write_all(text.as_bytes());
            }
        },
    );
    progress.finish();
    summary.files = totals.files;
    summary.skipped = totals.skipped;
    if let Some(log) = &sarif {
        written = written.and_then(|()| out.write_all(log.footer().as_bytes()));
    }
    if matches!(args.format, Format::Human | Format::Concise) && !args.quiet {
        let mut line = summary.to_string();
        if hidden > 0 {
            line.push_str(&format!(" ({hidden} in the baseline not shown)"));
        }
        written = written.and_then(|()| writeln!(out, "{line}"));
    }
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the report: {e}");
            Err(Reported(EXIT_TROUBLE))
        }
        _ => Ok(if failed { EXIT_FINDINGS } else { EXIT_CLEAN }),
    }
}

/// The articles to lint, and the reference articles they are compared with.
fn targets(
    args: &CheckArgs,
    config: &Config,
    reporter: &HumanReporter,
) -> Result<(Vec<Article>, Vec<Article>), Reported> {
    let named = !args.paths.is_empty();
    let paths = chosen_paths(&args.paths, &config.paths, DEFAULT_CORPUS);
    let reference_paths: Vec<PathBuf> = if args.no_reference || !named {
        Vec::new()
    } else if !args.reference.is_empty() {
        args.reference.clone()
    } else if !config.reference.is_empty() {
        config.reference.clone()
    } else {
        // A draft is checked against the published corpus, when there is one.
        let default = config
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_CORPUS));
        Some(default).filter(|p| p.is_dir()).into_iter().collect()
    };
    let exclude = globs(config.exclude.iter().chain(&args.exclude))?;
    Ok((
        articles(&paths, &exclude, reporter)?,
        articles(&reference_paths, &exclude, reporter)?,
    ))
}

/// The articles under `paths`; a missing path or a broken manifest is
/// reported, and so is each ignore-file line that could not be applied.
pub(super) fn articles(
    paths: &[PathBuf],
    exclude: &GlobSet,
    reporter: &HumanReporter,
) -> Result<Vec<Article>, Reported> {
    let listing = corpus::articles(paths, exclude).map_err(|e| {
        match e {
            CorpusError::Missing(path) => {
                let path = crate::report::sanitize(&path.to_string_lossy());
                eprintln!("error: no such file or directory: `{path}`");
            }
            CorpusError::Manifest(e) => eprint!("{}", reporter.config_error(&e)),
        }
        Reported(EXIT_TROUBLE)
    })?;
    for problem in &listing.ignore_problems {
        eprint!("{}", reporter.config_warning(problem));
    }
    Ok(listing.articles)
}

/// The exclude patterns of the config and the command line, compiled.
pub(super) fn globs<'a>(patterns: impl Iterator<Item = &'a String>) -> Result<GlobSet, Reported> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|e| {
            eprintln!("error: invalid exclude pattern `{pattern}`: {e}");
            Reported(EXIT_TROUBLE)
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|e| {
        eprintln!("error: invalid exclude patterns: {e}");
        Reported(EXIT_TROUBLE)
    })
}

/// Writes fixes (or shows them as a diff). A file that cannot be fixed is
/// reported and left as it is; the others are still fixed.
fn apply_fixes(findings: &[Finding], write: bool) -> Result<(), Reported> {
    let mut failed = false;
    let mut fixed = 0;
    for planned in fix::plan(findings) {
        let result = planned.and_then(|file| {
            if write {
                fix::write(&file)?;
            } else {
                print!("{}", fix::diff(&file));
            }
            Ok(file.applied)
        });
        match result {
            Ok(n) => fixed += n,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    if write {
        eprintln!("fixed {fixed} finding{}", if fixed == 1 { "" } else { "s" });
    }
    if failed {
        Err(Reported(EXIT_TROUBLE))
    } else {
        Ok(())
    }
}

/// What machine-readable reports say about the run.
fn run_info(checks: &CheckSet, files: usize, skipped: usize) -> RunInfo<'_> {
    RunInfo {
        rules: checks
            .checks
            .iter()
            .map(|c| RuleInfo {
                id: &c.meta.id,
                kind: c.meta.kind,
                severity: c.meta.severity,
                description: &c.meta.description,
                help: c.meta.help.as_deref(),
                references: &c.meta.references,
            })
            .collect(),
        files,
        skipped,
    }
}

/// The report in the chosen format.
fn render(args: &CheckArgs, checks: &CheckSet, outcome: &Outcome, hidden: usize) -> String {
    let findings = &outcome.findings;
    let run = run_info(checks, outcome.files, outcome.skipped);
    let summary = || {
        let mut line = Summary::new(findings, outcome.files, outcome.skipped).to_string();
        if hidden > 0 {
            line.push_str(&format!(" ({hidden} in the baseline not shown)"));
        }
        line + "\n"
    };
    match args.format {
        Format::Human | Format::Concise if args.statistics => statistics(findings) + &summary(),
        Format::Human => {
            let reporter = HumanReporter::new(args.output.is_none() && args.common.color.enabled());
            let mut out: String = findings.iter().map(|f| reporter.finding(f)).collect();
            if !args.quiet {
                out.push_str(&summary());
            }
            out
        }
        Format::Concise => {
            let mut out = concise::render(findings);
            if !args.quiet {
                out.push_str(&summary());
            }
            out
        }
        Format::Json => json::render(findings, &run),
        Format::Sarif => sarif::render(findings, &run),
        Format::Github => github::render(findings),
        Format::Junit => junit::render(findings, &run),
        Format::Html => crate::report::html::report(findings, &outcome.facts, &run, checks),
    }
}

/// Findings per check, most frequent first.
fn statistics(findings: &[Finding]) -> String {
    let mut counts: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for f in findings {
        *counts.entry((&f.check_id, f.severity)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.into_iter()
        .map(|((id, severity), n)| format!("{n:>5}  {:<8} {id}\n", severity.as_str()))
        .collect()
}

/// Writes the report to `--output` or standard output.
fn emit(args: &CheckArgs, report: &str) -> Result<(), Reported> {
    let result = match &args.output {
        Some(path) => std::fs::write(path, report),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(report.as_bytes()).and_then(|()| out.flush())
        }
    };
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            let target = args
                .output
                .as_ref()
                .map_or("standard output".into(), |p| format!("`{}`", p.display()));
            eprintln!("error: cannot write to {target}: {e}");
            Err(Reported(EXIT_TROUBLE))
        }
        _ => Ok(()),
    }
}
