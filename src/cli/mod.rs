//! Command-line interface: flags, subcommands, and the one place where errors
//! become messages and exit codes.

mod authoring;
mod check;
mod facts;
mod progress;
mod watch;

use crate::checks::error::{ConfigError, SpecError, suggestion};
use crate::checks::load::{CheckSet, load_paths};
use crate::config::Config;
use crate::finding::Severity;
use crate::report::human::HumanReporter;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status: no finding at the failing severity.
const EXIT_CLEAN: u8 = 0;
/// Exit status: findings at the failing severity (or failing check examples).
const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage, configuration or I/O error.
const EXIT_TROUBLE: u8 = 2;

/// Where articles are when no path is given, and the reference for a draft.
const DEFAULT_CORPUS: &str = "corpus";
/// Where checks are when neither `--checks` nor `factlint.toml` says.
const DEFAULT_CHECKS: &str = "checks";

/// The paths named on the command line, else those in `factlint.toml`, else
/// `default`: how every command finds its articles and its checks.
fn chosen_paths(named: &[PathBuf], configured: &[PathBuf], default: &str) -> Vec<PathBuf> {
    if !named.is_empty() {
        named.to_vec()
    } else if !configured.is_empty() {
        configured.to_vec()
    } else {
        vec![PathBuf::from(default)]
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about = "A fact-consistency linter for news articles",
    after_help = "Examples:
  factlint check                          lint corpus/ with checks/
  factlint check drafts/new.md            lint a draft against the published corpus
  factlint check --format sarif -o factlint.sarif
  factlint test                           run every check's examples
  factlint explain annexation-year        what a check asserts, with examples"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint articles and print diagnostics.
    Check(check::CheckArgs),
    /// Run every check's examples: `[[…]]` marks what must be flagged.
    Test(authoring::TestArgs),
    /// List the loaded checks.
    List(authoring::ListArgs),
    /// Explain a check: what it asserts, why, and its examples.
    Explain(authoring::ExplainArgs),
    /// Write a commented skeleton for a new check.
    New(authoring::NewArgs),
    /// Show what each article says about each fact, outliers marked.
    Facts(facts::FactsArgs),
    /// Run the language server over standard input and output.
    Lsp(crate::lsp::LspArgs),
}

/// Options every command that loads checks shares.
#[derive(Debug, clap::Args)]
struct CommonArgs {
    /// Check file or directory of check files (repeatable) [default: checks].
    #[arg(long = "checks", value_name = "PATH", global = true)]
    checks: Vec<PathBuf>,
    /// Settings file [default: the nearest factlint.toml upwards].
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
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

/// A failure already explained to the user; carries the exit status.
struct Reported(u8);

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Test(args) => authoring::test(&args),
        Command::List(args) => authoring::list(&args),
        Command::Explain(args) => authoring::explain(&args),
        Command::New(args) => authoring::new(&args),
        Command::Facts(args) => facts::run(&args),
        Command::Lsp(args) => Ok(crate::lsp::run(&args)),
    };
    ExitCode::from(code.unwrap_or_else(|Reported(code)| code))
}

impl CommonArgs {
    fn reporter(&self) -> HumanReporter {
        HumanReporter::new(self.color.enabled())
    }

    /// `--config`, else the nearest `factlint.toml`, else defaults.
    fn config(&self) -> Result<Config, Reported> {
        let loaded = match &self.config {
            Some(path) => Config::load(path),
            None => Config::discover(std::path::Path::new(".")),
        };
        loaded.map_err(|e| {
            eprint!("{}", self.reporter().config_error(&e));
            Reported(EXIT_TROUBLE)
        })
    }

    /// Loads the checks named on the command line, else in the config, else `checks/`,
    /// applying the config's selection and severity overrides.
    fn load_checks(
        &self,
        config: &Config,
        select: &[String],
        ignore: &[String],
    ) -> Result<CheckSet, Reported> {
        let reporter = self.reporter();
        let paths = chosen_paths(&self.checks, &config.checks, DEFAULT_CHECKS);
        let mut set =
            load_paths(&paths).map_err(|errors| report_config_errors(&reporter, &errors))?;
        configure(&mut set, config, select, ignore)
            .map_err(|errors| report_config_errors(&reporter, &errors))?;
        for warning in &set.warnings {
            eprint!("{}", reporter.config_warning(warning));
        }
        Ok(set)
    }
}

/// Prints configuration errors; the run cannot go on.
fn report_config_errors(reporter: &HumanReporter, errors: &[ConfigError]) -> Reported {
    for e in errors {
        eprint!("{}", reporter.config_error(e));
    }
    let n = errors.len();
    eprintln!(
        "error: could not load checks due to {n} previous error{}",
        if n == 1 { "" } else { "s" }
    );
    Reported(EXIT_TROUBLE)
}

/// Applies `select`/`ignore` (flags win over the config) and severity overrides.
/// An id that names no loaded check is an error with a suggestion.
fn configure(
    set: &mut CheckSet,
    config: &Config,
    select: &[String],
    ignore: &[String],
) -> Result<(), Vec<ConfigError>> {
    let ids: Vec<String> = set.checks.iter().map(|c| c.meta.id.to_string()).collect();
    let valid: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut errors = Vec::new();
    let mut check_id = |id: &str, span: Option<std::ops::Range<usize>>| {
        if valid.contains(&id) {
            return;
        }
        let error =
            SpecError::new(format!("no check has the id `{id}`")).help(suggestion(id, &valid));
        errors.push(match span {
            Some(span) => config.error_at(span, error),
            None => error.in_file(PathBuf::from("<command line>"), ""),
        });
    };
    let from_config =
        |list: &[toml::Spanned<String>]| -> Vec<(String, Option<std::ops::Range<usize>>)> {
            list.iter()
                .map(|s| (s.get_ref().clone(), Some(s.span())))
                .collect()
        };
    let from_flags = |list: &[String]| -> Vec<(String, Option<std::ops::Range<usize>>)> {
        list.iter().map(|s| (s.clone(), None)).collect()
    };
    let select = if select.is_empty() {
        from_config(&config.select)
    } else {
        from_flags(select)
    };
    let ignore = if ignore.is_empty() {
        from_config(&config.ignore)
    } else {
        from_flags(ignore)
    };
    for (id, span) in select.iter().chain(&ignore) {
        check_id(id, span.clone());
    }
    for (id, severity) in &config.severity {
        check_id(id, Some(severity.span()));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    set.checks.retain(|c| {
        let id = c.meta.id.as_ref();
        (select.is_empty() || select.iter().any(|(s, _)| s == id))
            && !ignore.iter().any(|(s, _)| s == id)
    });
    for check in &mut set.checks {
        if let Some(severity) = config.severity.get(check.meta.id.as_ref()) {
            check.meta.severity = *severity.get_ref();
        }
    }
    Ok(())
}

/// `--severity-fail` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailLevel {
    Error,
    Warning,
}

impl From<FailLevel> for Severity {
    fn from(level: FailLevel) -> Self {
        match level {
            FailLevel::Error => Severity::Error,
            FailLevel::Warning => Severity::Warning,
        }
    }
}
