//! Where the time of a lint goes, check by check: one thread, no reporting.
//!
//! ```text
//! cargo run --release --example check-costs -- DIR [--checks PATH]
//! ```
//!
//! Reads every `*.txt` and `*.md` file directly in `DIR`, parses each one, then
//! runs every check over every document in load order, timing each check and
//! the parsing. A check that runs first on a document also pays for the
//! document's shared work (its gate sets, values extracted for later checks),
//! so read the table as "what this check adds", not as its cost alone.
//! Comparisons across articles (the reduce step) are not included.

use clap::Parser;
use factlint::checks::FileOutput;
use factlint::checks::load::load_paths;
use factlint::document::Document;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Debug, Parser)]
#[command(about = "Time each check over the articles of one directory")]
struct Args {
    /// Directory of articles (not walked recursively).
    dir: PathBuf,
    /// Check file or directory.
    #[arg(long, default_value = "checks")]
    checks: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let Ok(set) = load_paths(std::slice::from_ref(&args.checks)) else {
        eprintln!(
            "error: cannot load the checks in `{}`",
            args.checks.display()
        );
        return ExitCode::from(2);
    };
    let entries = match std::fs::read_dir(&args.dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", args.dir.display());
            return ExitCode::from(2);
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    paths.sort();
    let published = jiff::civil::Date::new(2024, 1, 5).ok();
    let mut parsing = Duration::ZERO;
    let mut documents = Vec::new();
    for path in &paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let started = Instant::now();
        if let Ok(doc) = Document::parse(path.to_string_lossy().as_ref(), bytes, published) {
            documents.push(doc);
        }
        parsing += started.elapsed();
    }
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let mut spent = vec![Duration::ZERO; set.checks.len()];
    for doc in &documents {
        let mut output = FileOutput::default();
        for (index, check) in set.checks.iter().enumerate() {
            let started = Instant::now();
            check.run(doc, index, &mut output);
            spent[index] += started.elapsed();
        }
    }
    let total: Duration = spent.iter().sum();
    println!(
        "{} articles, {:.1} MB; parsing {:.1} ms, checks {:.1} ms ({:.1} MB/s in one thread)",
        documents.len(),
        bytes as f64 / 1e6,
        parsing.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3,
        bytes as f64 / 1e6 / (parsing + total).as_secs_f64().max(1e-9),
    );
    let mut rows: Vec<(&str, Duration)> =
        set.checks.iter().map(|c| &*c.meta.id).zip(spent).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (id, time) in rows {
        println!("{:>9.1} ms  {id}", time.as_secs_f64() * 1e3);
    }
    ExitCode::SUCCESS
}
