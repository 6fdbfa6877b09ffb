//! Commands for people who write checks: `test`, `list`, `explain`, `new`.

use super::{CommonArgs, EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, Reported};
use crate::checks::Check;
use crate::checks::Rule;
use crate::checks::error::suggestion;
use crate::examples;
use crate::lint;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(super) struct TestArgs {
    /// Check files or directories of check files [default: checks].
    paths: Vec<PathBuf>,
    /// Only the checks with these ids.
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    select: Vec<String>,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct ListArgs {
    /// `table` or `json`.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct ExplainArgs {
    /// The check's id.
    id: String,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct NewArgs {
    /// Id of the new check (kebab-case).
    id: String,
    /// Kind of check.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Rule::KINDS))]
    kind: String,
    /// Directory to write `ID.toml` into.
    #[arg(long, default_value = "checks")]
    dir: PathBuf,
}

/// Loads checks from the command's own paths when given.
fn checks_for(common: &CommonArgs, paths: &[PathBuf]) -> Result<Vec<Check>, Reported> {
    let config = common.config()?;
    let common = CommonArgs {
        checks: if paths.is_empty() {
            common.checks.clone()
        } else {
            paths.to_vec()
        },
        config: common.config.clone(),
        color: common.color,
    };
    Ok(common.load_checks(&config, &[], &[])?.checks)
}

pub(super) fn test(args: &TestArgs) -> Result<u8, Reported> {
    let reporter = args.common.reporter();
    let checks = checks_for(&args.common, &args.paths)?;
    let (mut passed, mut failed) = (0, 0);
    let mut out = String::new();
    for check in &checks {
        if !args.select.is_empty() && !args.select.iter().any(|id| **id == *check.meta.id) {
            continue;
        }
        // Every check needs both: text it flags and text it leaves alone.
        let must_pass = check
            .examples
            .iter()
            .filter(|e| examples::shown(e).expected.is_empty())
            .count();
        if must_pass == 0 || must_pass == check.examples.len() {
            let missing = if must_pass == 0 {
                "example that must pass"
            } else {
                "example with a [[…]] marker"
            };
            let _ = writeln!(out, "warning: check `{}` has no {missing}", check.meta.id);
        }
        for result in examples::run_examples(check) {
            if result.passed() {
                passed += 1;
                continue;
            }
            failed += 1;
            let _ = writeln!(out, "FAIL {} example {}", result.check_id, result.number);
            for mismatch in &result.mismatches {
                out.push_str(&reporter.finding(mismatch));
            }
        }
    }
    let _ = writeln!(out, "test result: {passed} passed, {failed} failed");
    print!("{out}");
    Ok(if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// A check as `list --format json` shows it.
#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    kind: &'a str,
    severity: &'a str,
    description: &'a str,
}

pub(super) fn list(args: &ListArgs) -> Result<u8, Reported> {
    let checks = checks_for(&args.common, &[])?;
    let listed: Vec<Listed> = checks
        .iter()
        .map(|c| Listed {
            id: &c.meta.id,
            kind: c.meta.kind,
            severity: c.meta.severity.as_str(),
            description: &c.meta.description,
        })
        .collect();
    if args.format == "json" {
        let json = serde_json::to_string_pretty(&listed).unwrap_or_default();
        println!("{json}");
        return Ok(EXIT_CLEAN);
    }
    let width = listed.iter().map(|l| l.id.len()).max().unwrap_or(2);
    println!(
        "{:<width$}  {:<10}  {:<8}  DESCRIPTION",
        "ID", "KIND", "SEVERITY"
    );
    for l in &listed {
        println!(
            "{:<width$}  {:<10}  {:<8}  {}",
            l.id, l.kind, l.severity, l.description
        );
    }
    Ok(EXIT_CLEAN)
}

pub(super) fn explain(args: &ExplainArgs) -> Result<u8, Reported> {
    let checks = checks_for(&args.common, &[])?;
    let Some(check) = checks.iter().find(|c| *c.meta.id == *args.id) else {
        let ids: Vec<&str> = checks
            .iter()
            .map(|c| &*c.meta.id)
            .chain(lint::BUILT_IN_IDS.iter().copied())
            .collect();
        eprintln!(
            "error: no check has the id `{}`; {}",
            args.id,
            suggestion(&args.id, &ids)
        );
        return Err(Reported(EXIT_TROUBLE));
    };
    let meta = &check.meta;
    let mut out = format!(
        "{} ({} check, {})\n\n{}\n",
        meta.id,
        meta.kind,
        meta.severity.as_str(),
        meta.description
    );
    let _ = writeln!(out, "\nMessage: {}", meta.message);
    if let Some(help) = &meta.help {
        let _ = writeln!(out, "Help:    {help}");
    }
    for reference in &meta.references {
        let _ = writeln!(out, "See:     {reference}");
    }
    let reporter = args.common.reporter();
    for (example, result) in check
        .examples
        .iter()
        .zip(examples::findings_of_examples(check))
    {
        let marked = examples::shown(example);
        let verdict = if marked.expected.is_empty() {
            "passes"
        } else {
            "is flagged"
        };
        let _ = writeln!(
            out,
            "\nExample that {verdict}:\n    {}",
            marked.text.replace('\n', "\n    ")
        );
        for finding in &result {
            out.push('\n');
            out.push_str(&reporter.finding(finding));
        }
    }
    print!("{out}");
    Ok(EXIT_CLEAN)
}

/// A commented skeleton per kind: the keys it reads, with examples.
fn skeleton(id: &str, kind: &str) -> String {
    let body = match kind {
        "forbid" => {
            "# The pattern that must not occur. A group named `flag` narrows the span.\npattern = '(?mi)^[ \\t]*(?P<flag>Advertisement)[ \\t]*$'\n# A fix: the replacement (\"\" deletes the line).\nreplace = \"\"\n"
        }
        "expect" => {
            "scope = \"sentence\"\n# All must match in the sentence; none of `unless`.\nwhen = ['(?i)\\bCrimea\\b', '(?i)\\bannex']\n# year | date | weekday | number | quantity, found near an anchor.\nvalue = { type = \"year\", near = '(?i)annex\\w*' }\nexpected = 2014\n# Replace a wrong value with the expected one.\nfix = true\n"
        }
        "consistent" => {
            "# Compare every mention across the corpus (or within each \"document\").\nscope = \"corpus\"\n# Only articles about this story: all must match somewhere in the article.\n# topic = ['(?i)North Korea']\nwhen = ['(?i)\\bcontainers\\b']\nvalue = { type = \"number\", near = '(?i)containers', window = 5, window-before = 25 }\n# The true value, when known; otherwise the majority wins.\ncanonical = { min = 1000, max = 1500 }\n# With scope = \"document\": compare only the mentions of one event, as dated in their sentences.\n# group-by = \"date\"\n"
        }
        "relation" => {
            "scope = \"sentence\"\nvalues.downed = { type = \"number\", near = '(?i)shot down|downed' }\nvalues.launched = { type = \"number\", near = '(?i)launched|fired' }\nassert = \"downed <= launched\"\n"
        }
        "quote" => {
            "scope = \"corpus\"\n# Only quotations attributed to this speaker (same paragraph, or the sentence before).\nspeaker = '(?i)\\bKirby\\b'\n# The verbatim wording, when known.\ncanonical = [\"This is a significant and concerning escalation\"]\n"
        }
        _ => "# A built-in kind: no settings besides the common keys.\n",
    };
    format!(
        "# {id}: describe the recurring error this check catches.\n\n[[check]]\nid = \"{id}\"\nkind = \"{kind}\"\nseverity = \"warning\"          # error | warning | info\ndescription = \"One line for `factlint list`\"\nmessage = \"what is wrong: {{found}}, expected {{expected}}\"\nhelp = \"how to fix it, and the source of truth\"\n{body}\n# [[...]] marks what must be flagged; an example without markers must pass.\n[[check.example]]\ntext = \"An article sentence with the [[error]].\"\n\n[[check.example]]\ntext = \"A correct sentence that must pass.\"\n"
    )
}

pub(super) fn new(args: &NewArgs) -> Result<u8, Reported> {
    let id_ok = !args.id.is_empty()
        && args.id.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !id_ok {
        eprintln!(
            "error: check id `{}` is not kebab-case (lower-case words joined by `-`)",
            args.id
        );
        return Err(Reported(EXIT_TROUBLE));
    }
    let path = args.dir.join(format!("{}.toml", args.id));
    let written = std::fs::create_dir_all(&args.dir).and_then(|()| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| {
                std::io::Write::write_all(&mut f, skeleton(&args.id, &args.kind).as_bytes())
            })
    });
    match written {
        Ok(()) => {
            println!(
                "wrote {}; edit it, then run `factlint test {}`",
                path.display(),
                path.display()
            );
            Ok(EXIT_CLEAN)
        }
        Err(e) => {
            eprintln!("error: cannot create `{}`: {e}", path.display());
            Err(Reported(EXIT_TROUBLE))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_skeleton_loads_and_its_examples_run() {
        for kind in Rule::KINDS {
            let source = skeleton("my-check", kind);
            let loaded = crate::checks::load::load_str(&source);
            assert!(loaded.is_ok(), "{kind}: {:?}", loaded.err());
        }
    }
}
