//! `factlint facts`: what each article says about each fact, side by side.

use super::check::{articles, globs};
use super::{CommonArgs, DEFAULT_CORPUS, EXIT_CLEAN, EXIT_TROUBLE, Reported, chosen_paths};
use crate::facts_table::{render_csv, render_json, render_table, table, terminal_width};
use crate::lint::{self, Options};
use clap::ValueEnum;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(super) struct FactsArgs {
    /// Articles or directories [default: `paths` of factlint.toml, else corpus].
    paths: Vec<PathBuf>,
    #[command(flatten)]
    common: CommonArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    format: TableFormat,
    /// One column per article, however wide the table gets.
    #[arg(long)]
    wide: bool,
    /// Publication date for articles with none in front matter or manifest.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<jiff::civil::Date>,
    /// Skip walked files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
}

/// Output formats of `factlint facts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    /// Aligned columns for the terminal.
    Table,
    /// One row per check, one column per article.
    Csv,
    /// The table as JSON: articles, then rows of cells.
    Json,
}

pub(super) fn run(args: &FactsArgs) -> Result<u8, Reported> {
    let config = args.common.config()?;
    let checks = args.common.load_checks(&config, &[], &[])?;
    let reporter = args.common.reporter();
    let paths = chosen_paths(&args.paths, &config.paths, DEFAULT_CORPUS);
    let exclude = globs(config.exclude.iter().chain(&args.exclude))?;
    let articles = articles(&paths, &exclude, &reporter)?;
    let options = Options {
        published: args.published,
        cache: None,
        keep_facts: true,
    };
    let outcome = lint::lint(&checks, &articles, &[], &options);
    let table = table(&checks, &articles, &outcome.facts, &outcome.findings);
    let out = match args.format {
        TableFormat::Table => {
            let width = if args.wide {
                usize::MAX
            } else {
                terminal_width()
            };
            render_table(&table, width, args.common.color.enabled())
        }
        TableFormat::Csv => render_csv(&table),
        TableFormat::Json => render_json(&table),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write to standard output: {e}");
            Err(Reported(EXIT_TROUBLE))
        }
        _ => Ok(EXIT_CLEAN),
    }
}
