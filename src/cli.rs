//! Command-line interface: flags, subcommands, and the one place where errors
//! become messages and exit codes.

use crate::checks::load::{CheckSet, load_paths};
use crate::corpus::{self, CorpusError};
use crate::examples;
use crate::finding::Severity;
use crate::lint::{self, Options};
use crate::report::Summary;
use crate::report::human::HumanReporter;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Where articles are when no path is given, and the reference for a draft.
const DEFAULT_CORPUS: &str = "corpus";

/// Exit status: no finding at the failing severity.
const EXIT_CLEAN: u8 = 0;
/// Exit status: findings at the failing severity.
const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage, configuration or I/O error.
const EXIT_TROUBLE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about = "A fact-consistency linter for news articles",
    after_help = "Examples:\n  factlint check                      lint corpus/ with checks/\n  factlint check drafts/new.md        lint one article\n  factlint check --checks my-checks/ --severity-fail warning"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint articles and print diagnostics.
    Check(CheckArgs),
    /// Run every check's examples: `[[…]]` marks what must be flagged.
    Test(TestArgs),
}

#[derive(Debug, clap::Args)]
struct TestArgs {
    /// Check files or directories of check files.
    #[arg(default_value = "checks")]
    checks: Vec<PathBuf>,
    /// Only the checks with these ids.
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    select: Vec<String>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Articles or directories to lint [default: corpus].
    paths: Vec<PathBuf>,
    /// Published articles to compare the linted ones with (facts only; no
    /// findings are reported in them) [default: corpus, when PATHS are given].
    #[arg(long, value_name = "PATH")]
    reference: Vec<PathBuf>,
    /// Compare with no reference corpus.
    #[arg(long, conflicts_with = "reference")]
    no_reference: bool,
    /// Check file or directory of check files (repeatable).
    #[arg(long = "checks", value_name = "PATH", default_value = "checks")]
    checks: Vec<PathBuf>,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailLevel::Error)]
    severity_fail: FailLevel,
    /// Publication date for articles with none in front matter or manifest.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<jiff::civil::Date>,
    /// Print diagnostics only, without the summary line.
    #[arg(long, short)]
    quiet: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailLevel {
    Error,
    Warning,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Colour on a terminal, never with `NO_COLOR` set (no-color.org).
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check(&args),
        Command::Test(args) => test(&args),
    };
    ExitCode::from(code)
}

fn check(args: &CheckArgs) -> u8 {
    let reporter = HumanReporter::new(args.color.enabled());
    let checks = match load_checks(&args.checks, &reporter) {
        Ok(checks) => checks,
        Err(code) => return code,
    };
    let default_corpus = PathBuf::from(DEFAULT_CORPUS);
    let reference_paths: Vec<PathBuf> = if args.no_reference || args.paths.is_empty() {
        Vec::new()
    } else if args.reference.is_empty() {
        // A draft is checked against the published corpus, when there is one.
        Some(default_corpus.clone())
            .filter(|p| p.is_dir())
            .into_iter()
            .collect()
    } else {
        args.reference.clone()
    };
    let paths = if args.paths.is_empty() {
        vec![default_corpus]
    } else {
        args.paths.clone()
    };
    let list = |paths: &[PathBuf]| {
        corpus::articles(paths).map_err(|e| {
            match e {
                CorpusError::Missing(path) => {
                    eprintln!("error: no such file or directory: `{}`", path.display());
                }
                CorpusError::Manifest(e) => eprint!("{}", reporter.config_error(&e)),
            }
            EXIT_TROUBLE
        })
    };
    let (articles, reference) = match (list(&paths), list(&reference_paths)) {
        (Ok(articles), Ok(reference)) => (articles, reference),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let options = Options {
        published: args.published,
    };
    let outcome = lint::lint(&checks, &articles, &reference, &options);
    let mut out = std::io::stdout().lock();
    let mut printed = outcome
        .findings
        .iter()
        .try_for_each(|f| out.write_all(reporter.finding(f).as_bytes()));
    if !args.quiet {
        let summary = Summary::new(&outcome.findings, outcome.files, outcome.skipped);
        printed = printed.and_then(|()| writeln!(out, "{summary}"));
    }
    if let Err(e) = printed.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: cannot write output: {e}");
        return EXIT_TROUBLE;
    }
    let fail_at = match args.severity_fail {
        FailLevel::Error => Severity::Error,
        FailLevel::Warning => Severity::Warning,
    };
    if outcome.findings.iter().any(|f| f.severity >= fail_at) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn test(args: &TestArgs) -> u8 {
    let reporter = HumanReporter::new(args.color.enabled());
    let checks = match load_checks(&args.checks, &reporter) {
        Ok(checks) => checks,
        Err(code) => return code,
    };
    let (mut passed, mut failed, mut without_examples) = (0, 0, Vec::new());
    let mut out = String::new();
    for check in &checks.checks {
        if !args.select.is_empty() && !args.select.iter().any(|id| **id == *check.meta.id) {
            continue;
        }
        if check.examples.is_empty() {
            without_examples.push(check.meta.id.clone());
        }
        for result in examples::run_examples(check) {
            if result.passed() {
                passed += 1;
                continue;
            }
            failed += 1;
            out.push_str(&format!(
                "FAIL {} example {}\n",
                result.check_id, result.number
            ));
            for mismatch in &result.mismatches {
                out.push_str(&reporter.finding(mismatch));
            }
        }
    }
    for id in &without_examples {
        out.push_str(&format!("warning: check `{id}` has no examples\n"));
    }
    out.push_str(&format!("test result: {passed} passed, {failed} failed\n"));
    print!("{out}");
    if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Loads checks, printing every error in them.
fn load_checks(paths: &[PathBuf], reporter: &HumanReporter) -> Result<CheckSet, u8> {
    load_paths(paths).map_err(|errors| {
        for e in &errors {
            eprint!("{}", reporter.config_error(e));
        }
        let n = errors.len();
        eprintln!(
            "error: could not load checks due to {n} previous error{}",
            if n == 1 { "" } else { "s" }
        );
        EXIT_TROUBLE
    })
}
