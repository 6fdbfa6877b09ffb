//! Reading check files and compiling them into a [`CheckSet`].

use super::error::{ConfigError, SpecError, suggestion};
use super::gate::{Gate, SETS_FROM, SharedGates, Sharing, share};
use super::pattern::Pattern;
use super::spec::{CheckFile, CheckSpec};
use super::{Check, CheckMeta, Rule, Scope};
use crate::finding::Severity;
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// Every check, compiled, in load order.
#[derive(Debug, Default)]
pub struct CheckSet {
    pub checks: Vec<Check>,
    /// Problems that do not stop a run (a `when` that matches everything).
    pub warnings: Vec<ConfigError>,
}

impl CheckSet {
    /// Readies the checks for a run that lints `documents` documents: says
    /// whether gates read shared sets ([`SETS_FROM`]), and starts compiling,
    /// on a thread of its own, what linting the first document needs: the
    /// sets or the gates' own patterns, and the patterns of checks whose
    /// gates admit every unit. Patterns compile on first use anyway; this
    /// takes them off the linting thread, which starts with the first check
    /// while this one starts with the last.
    /// Returns the thread, if one could be started.
    pub fn prepare(&self, documents: usize) -> Option<std::thread::JoinHandle<()>> {
        let shared = documents > SETS_FROM;
        let mut sets: Vec<Arc<SharedGates>> = Vec::new();
        for gate in self
            .checks
            .iter()
            .flat_map(|c| c.topic.iter().chain([&c.gate]))
        {
            if let Some(set) = gate.shared()
                && !sets.iter().any(|s| Arc::ptr_eq(s, set))
            {
                set.use_in_run(shared);
                sets.push(set.clone());
            }
        }
        // Sets not in use are never compiled.
        if !shared {
            sets.clear();
        }
        // A check with triggers in a set in use reads only the units they match in.
        let reads_all = |c: &Check| c.gate.is_open() && (!shared || c.rule.triggers().is_empty());
        let patterns: Vec<Pattern> = self
            .checks
            .iter()
            .rev()
            .flat_map(|c| {
                let gates = c.topic.iter().chain([&c.gate]);
                let own = gates.filter(|_| !shared).flat_map(Gate::patterns);
                let rule = if reads_all(c) {
                    c.rule.patterns()
                } else {
                    Vec::new()
                };
                own.chain(rule).cloned().collect::<Vec<_>>()
            })
            .collect();
        // Without a thread, patterns are compiled when used, as ever.
        std::thread::Builder::new()
            .spawn(move || {
                for set in &sets {
                    set.set();
                }
                for pattern in &patterns {
                    pattern.compile();
                }
            })
            .ok()
    }
}

/// Loads every `*.toml` under each path (a file or a directory). All errors of
/// all files are returned, not just the first.
pub fn load_paths(paths: &[PathBuf]) -> Result<CheckSet, Vec<ConfigError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match check_files(path) {
            Ok(found) if found.is_empty() => errors.push(
                SpecError::new(format!("no check files (*.toml) in `{}`", path.display()))
                    .help("pass a directory of check files with --checks, or create one with `factlint new`")
                    .in_file(path.clone(), ""),
            ),
            Ok(found) => files.extend(found),
            Err(e) => errors.push(*e),
        }
    }
    let mut set = CheckSet::default();
    let mut seen: HashMap<Arc<str>, PathBuf> = HashMap::new();
    for file in files {
        let source = match std::fs::read_to_string(&file) {
            Ok(s) => s,
            Err(e) => {
                errors.push(
                    SpecError::new(format!("cannot read check file `{}`: {e}", file.display()))
                        .in_file(file.clone(), ""),
                );
                continue;
            }
        };
        match compile_source(&source) {
            Ok(checks) => {
                for (check, id_span) in checks {
                    if let Some(first) = seen.get(&check.meta.id) {
                        errors.push(
                            SpecError::new(format!("duplicate check id `{}`", check.meta.id))
                                .at(id_span, "defined again here")
                                .help(format!("first defined in `{}`", first.display()))
                                .in_file(file.clone(), &source),
                        );
                        continue;
                    }
                    seen.insert(check.meta.id.clone(), file.clone());
                    set.warnings.extend(
                        check
                            .warnings
                            .iter()
                            .map(|w| w.clone().in_file(file.clone(), &source)),
                    );
                    set.checks.push(check);
                }
            }
            Err(errs) => errors.extend(errs.into_iter().map(|e| e.in_file(file.clone(), &source))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    link(&mut set.checks);
    Ok(set)
}

/// What checks share once all are compiled: pattern sets for their gates,
/// and the quote checks' transcripts.
fn link(checks: &mut [Check]) {
    share_gates(checks);
    super::quote::share_transcripts(checks);
}

/// Compiles the gates of `checks` into shared pattern sets (see [`super::gate`]).
fn share_gates(checks: &mut [Check]) {
    let mut gates: Vec<Sharing> = Vec::new();
    for check in checks.iter_mut() {
        let scope = check.rule.unit_scope(check.gate.scope);
        gates.push((&mut check.gate, scope, check.rule.triggers()));
        if let Some(topic) = &mut check.topic {
            gates.push((topic, Scope::Document, &[]));
        }
    }
    share(&mut gates);
}

/// The check files of a path, sorted so load order (and duplicate reports) are stable.
fn check_files(path: &Path) -> Result<Vec<PathBuf>, Box<ConfigError>> {
    let meta = std::fs::metadata(path).map_err(|e| {
        let error = SpecError::new(format!("cannot read checks `{}`: {e}", path.display()))
            .in_file(path.to_path_buf(), "");
        Box::new(error)
    })?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(path)
        .standard_filters(false)
        .hidden(true)
        .build()
        .filter_map(Result::ok)
        .map(ignore::DirEntry::into_path)
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Checks of one file, each with its id's span.
type Compiled = Vec<(Check, std::ops::Range<usize>)>;

/// Parses and compiles one check file's text, linked as [`link`] does.
pub fn load_str(source: &str) -> Result<Compiled, Vec<SpecError>> {
    let (mut checks, spans): (Vec<Check>, Vec<_>) = compile_source(source)?.into_iter().unzip();
    link(&mut checks);
    Ok(checks.into_iter().zip(spans).collect())
}

/// Parses and compiles one check file's text; gates are shared by the caller,
/// once for all files.
fn compile_source(source: &str) -> Result<Compiled, Vec<SpecError>> {
    let file: CheckFile = toml::from_str(source).map_err(|e| vec![toml_error(&e)])?;
    // Compiling regular expressions is most of start-up: do it on every core.
    let compiled: Vec<Result<(Check, Range<usize>), SpecError>> = file
        .check
        .into_par_iter()
        .map(|spec| {
            let id_span = spec.id.span();
            let id = spec.id.get_ref().clone();
            compile(spec)
                .map(|check| (check, id_span))
                .map_err(|mut e| {
                    e.message = format!("{} in check `{id}`", e.message);
                    e
                })
        })
        .collect();
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    for result in compiled {
        match result {
            Ok(check) => checks.push(check),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(checks)
    } else {
        Err(errors)
    }
}

/// Turns a TOML or schema error into one pointing at its span, with a
/// did-you-mean for unknown keys.
pub fn toml_error(e: &toml::de::Error) -> SpecError {
    let message = e.message().trim().to_string();
    let mut error = SpecError::new(format!("invalid check file: {message}"));
    if let Some(span) = e.span() {
        error = error.at(span, "here");
    }
    if let Some((unknown, expected)) = unknown_field(&message) {
        error.message = format!("unknown key `{unknown}`");
        error.label = "unknown key".into();
        let valid: Vec<&str> = expected.iter().map(String::as_str).collect();
        error.help = Some(suggestion(&unknown, &valid));
    }
    error
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" message.
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((unknown.to_string(), expected))
}

fn compile(spec: CheckSpec) -> Result<Check, SpecError> {
    let id = spec.id.get_ref();
    let kebab = !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !kebab {
        return Err(SpecError::new(format!("check id `{id}` is not kebab-case"))
            .at(spec.id.span(), "ids are lower-case words joined by `-`"));
    }
    let kind = spec.kind.get_ref().as_str();
    if !Rule::KINDS.contains(&kind) {
        return Err(SpecError::new(format!("unknown check kind `{kind}`"))
            .at(spec.kind.span(), "not a kind")
            .help(suggestion(kind, Rule::KINDS)));
    }
    let severity = match &spec.severity {
        None if kind == "expect" => Severity::Error,
        None => Severity::Warning,
        Some(s) => match s.get_ref().as_str() {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            other => {
                return Err(SpecError::new(format!("unknown severity `{other}`"))
                    .at(s.span(), "not a severity")
                    .help(suggestion(other, &["error", "warning", "info"])));
            }
        },
    };
    let compares = matches!(kind, "consistent" | "quote");
    let default_scope = match kind {
        "expect" | "relation" => Scope::Sentence,
        "consistent" | "quote" => Scope::Corpus,
        _ => Scope::Document,
    };
    let scope = spec
        .scope
        .as_ref()
        .map(Scope::parse)
        .transpose()?
        .unwrap_or(default_scope);
    if let Some(spanned) = &spec.scope {
        let comparison = matches!(scope, Scope::Document | Scope::Corpus);
        if compares != comparison && (compares || scope == Scope::Corpus) {
            let valid = if compares {
                "`document` or `corpus`"
            } else {
                "`sentence`, `paragraph` or `document`"
            };
            return Err(SpecError::new(format!(
                "scope `{}` does not fit a `{kind}` check",
                spanned.get_ref()
            ))
            .at(spanned.span(), "this scope")
            .help(format!("a `{kind}` check takes {valid}")));
        }
    }
    let when: Vec<Pattern> = spec
        .when
        .iter()
        .map(Pattern::new)
        .collect::<Result<_, _>>()?;
    let warnings = empty_matches(&spec.when, &when);
    let gate = Gate::new(
        scope,
        when,
        spec.unless
            .iter()
            .map(Pattern::new)
            .collect::<Result<_, _>>()?,
    );
    let article_gate = |patterns: &[Spanned<String>]| -> Result<Vec<Pattern>, SpecError> {
        patterns.iter().map(Pattern::new).collect()
    };
    let topic = article_gate(&spec.topic)?;
    let article_unless = article_gate(&spec.article_unless)?;
    let topic = (!topic.is_empty() || !article_unless.is_empty())
        .then(|| Gate::new(Scope::Document, topic, article_unless));
    let rule = Rule::compile(kind, &spec)?;
    let message = spec
        .message
        .clone()
        .unwrap_or_else(|| rule.default_message().to_string());
    let description = spec
        .description
        .clone()
        .unwrap_or_else(|| spec.help.clone().unwrap_or_else(|| message.clone()));
    Ok(Check {
        meta: CheckMeta {
            id: Arc::from(spec.id.get_ref().as_str()),
            kind: rule.kind(),
            severity,
            message,
            description,
            help: spec.help.clone(),
            references: spec.references.clone(),
            label: spec.label.clone(),
            paths: compile_globs(&spec.paths)?,
        },
        gate,
        topic,
        rule,
        examples: spec.example,
        warnings,
    })
}

/// `paths = ["corpus/wires/**", "*.md"]`; an invalid glob points at itself.
fn compile_globs(globs: &[Spanned<String>]) -> Result<Option<globset::GlobSet>, SpecError> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut set = globset::GlobSetBuilder::new();
    for glob in globs {
        let compiled = globset::Glob::new(glob.get_ref()).map_err(|e| {
            SpecError::new("invalid glob in `paths`")
                .at(glob.span(), "this glob")
                .help(e.kind().to_string())
        })?;
        set.add(compiled);
    }
    set.build()
        .map(Some)
        .map_err(|e| SpecError::new(format!("invalid `paths`: {e}")))
}

/// A `when` pattern that matches the empty string matches every unit: the
/// gate it belongs to lets everything through, which is rarely meant.
fn empty_matches(patterns: &[Spanned<String>], compiled: &[Pattern]) -> Vec<SpecError> {
    patterns
        .iter()
        .zip(compiled)
        .filter(|(_, r)| r.matches_empty())
        .map(|(p, _)| {
            SpecError::new("this `when` pattern matches the empty string, so it admits every unit")
                .at(p.span(), "matches \"\"")
                .help("make the pattern require at least one character (`+` instead of `*`)")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn errors(source: &str) -> Vec<SpecError> {
        match load_str(source) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e,
        }
    }

    #[test]
    fn misspelt_key_points_at_it_with_a_suggestion() {
        let source =
            "[[check]]\nid = \"a\"\nkind = \"forbid\"\nseverty = \"error\"\npattern = \"x\"\n";
        let e = &errors(source)[0];
        assert_eq!(e.message, "unknown key `severty`");
        assert_eq!(&source[e.span.clone().unwrap()], "severty");
        assert_eq!(e.help.as_deref(), Some("did you mean `severity`?"));
    }

    #[test]
    fn unknown_kind_suggests_the_nearest() {
        let source = "[[check]]\nid = \"a\"\nkind = \"forbd\"\npattern = \"x\"\n";
        let e = &errors(source)[0];
        assert_eq!(e.message, "unknown check kind `forbd` in check `a`");
        assert_eq!(&source[e.span.clone().unwrap()], "\"forbd\"");
        assert_eq!(e.help.as_deref(), Some("did you mean `forbid`?"));
    }

    #[test]
    fn invalid_regex_points_at_the_pattern() {
        let source = "[[check]]\nid = \"a\"\nkind = \"forbid\"\npattern = \"(unclosed\"\n";
        let e = &errors(source)[0];
        assert_eq!(e.message, "invalid regular expression in check `a`");
        assert_eq!(&source[e.span.clone().unwrap()], "\"(unclosed\"");
    }

    #[test]
    fn invalid_regex_anywhere_is_reported_while_loading() {
        let source = "[[check]]\nid = \"a\"\nkind = \"expect\"\nwhen = ['x']\nvalue = { type = \"year\", near = '\\p{Nope}' }\nexpected = 2022\n";
        let e = &errors(source)[0];
        assert_eq!(e.message, "invalid regular expression in check `a`");
        assert_eq!(&source[e.span.clone().unwrap()], "'\\p{Nope}'");
        assert!(
            e.help
                .as_deref()
                .unwrap_or("")
                .contains("Unicode property not found")
        );
    }

    #[test]
    fn checks_prepared_for_few_or_many_documents_find_what_lazily_compiled_ones_do() {
        let source = "[[check]]\nid = \"ad\"\nkind = \"forbid\"\npattern = '(?m)^Advertisement$'\n\n[[check]]\nid = \"year\"\nkind = \"expect\"\nwhen = ['(?i)annex']\nvalue = { type = \"year\", near = '(?i)\\bannex\\w*' }\nexpected = 2022\n";
        let text = "Russia annexed the regions in 2021.\n\nAdvertisement\n";
        let doc = Document::parse("a.txt", text.as_bytes().to_vec(), None).unwrap();
        // For a run of one document (gates read their own patterns) and of
        // many (gates read shared sets).
        let findings = |ahead_for: Option<usize>| {
            let checks = crate::checks::check_set(source);
            if let Some(documents) = ahead_for {
                checks.prepare(documents).unwrap().join().unwrap();
            }
            let found = crate::lint::lint_document(&checks, &doc).findings;
            found.into_iter().map(|f| f.check_id).collect::<Vec<_>>()
        };
        assert_eq!(findings(None), ["ad".into(), "year".into()]);
        assert_eq!(findings(Some(1)), findings(None));
        assert_eq!(findings(Some(SETS_FROM + 1)), findings(None));
    }

    /// Sets change how gates are read, never what they admit: the shipped
    /// checks find the same in the seed corpus and two unseen sets.
    #[test]
    fn shipped_checks_find_the_same_with_gate_sets_or_without() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut articles: Vec<PathBuf> =
            ["corpus", "tests/fixtures/blind", "tests/fixtures/blind20"]
                .iter()
                .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
                .map(|entry| entry.unwrap().path())
                .filter(|path| path.extension().is_some_and(|e| e == "txt" || e == "md"))
                .collect();
        articles.sort();
        let findings = |documents: usize| -> Vec<String> {
            let checks = load_paths(&[root.join("checks")]).unwrap();
            checks.prepare(documents).unwrap().join().unwrap();
            let published = Some(jiff::civil::date(2024, 1, 5));
            articles
                .iter()
                .flat_map(|path| {
                    let bytes = std::fs::read(path).unwrap();
                    let doc =
                        Document::parse(path.to_string_lossy().as_ref(), bytes, published).unwrap();
                    crate::lint::lint_document(&checks, &doc).findings
                })
                .map(|finding| format!("{finding:?}"))
                .collect()
        };
        let without_sets = findings(1);
        assert!(without_sets.len() > 100, "{}", without_sets.len());
        assert_eq!(without_sets, findings(SETS_FROM + 1));
    }

    #[test]
    fn huge_regex_is_refused() {
        let source =
            "[[check]]\nid = \"a\"\nkind = \"forbid\"\npattern = '\\w{1000}\\w{1000}\\w{1000}'\n";
        let e = &errors(source)[0];
        assert!(
            e.help
                .as_deref()
                .unwrap_or("")
                .contains("compiles to more than"),
            "{e:?}"
        );
    }

    #[test]
    fn missing_key_and_bad_id_are_errors() {
        assert!(
            errors("[[check]]\nid = \"a\"\n")[0]
                .message
                .contains("missing field `kind`")
        );
        let e = &errors("[[check]]\nid = \"Bad_Id\"\nkind = \"forbid\"\npattern = \"x\"\n")[0];
        assert!(e.message.contains("kebab-case"));
    }

    #[test]
    fn key_of_another_kind_is_rejected() {
        let source = "[[check]]\nid = \"a\"\nkind = \"forbid\"\npattern = \"x\"\nexpected = 2022\n";
        assert_eq!(
            errors(source)[0].message,
            "`expected` is not a key of `forbid` checks in check `a`"
        );
    }

    #[test]
    fn paths_limit_the_articles_a_check_applies_to() {
        let source = "[[check]]\nid = \"a\"\nkind = \"forbid\"\npattern = \"x\"\npaths = [\"wires/**\", \"*.md\"]\n";
        let (check, _) = load_str(source).unwrap().remove(0);
        assert!(check.meta.applies_to("wires/ap/1.txt"));
        assert!(check.meta.applies_to("drafts/a.md"));
        assert!(!check.meta.applies_to("corpus/a.txt"));
        let bad = source.replace("wires/**", "wires/[");
        let e = &errors(&bad)[0];
        assert_eq!(&bad[e.span.clone().unwrap()], "\"wires/[\"");
    }

    #[test]
    fn duplicate_ids_across_files() {
        let dir = tempfile::tempdir().unwrap();
        let check = "[[check]]\nid = \"same\"\nkind = \"forbid\"\npattern = \"x\"\n";
        std::fs::write(dir.path().join("a.toml"), check).unwrap();
        std::fs::write(dir.path().join("b.toml"), check).unwrap();
        let errs = load_paths(&[dir.path().to_path_buf()]).err().unwrap();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].message, "duplicate check id `same`");
        assert!(errs[0].path.ends_with("b.toml"));
    }

    #[test]
    fn empty_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let errs = load_paths(&[dir.path().to_path_buf()]).err().unwrap();
        assert!(errs[0].message.starts_with("no check files"));
    }
}
