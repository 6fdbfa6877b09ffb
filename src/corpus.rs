//! Finding the articles to lint and what the corpus manifest says about them.

use crate::checks::error::{ConfigError, SpecError};
use crate::document::lines::LineIndex;
use crate::values::date::NumericOrder;
use globset::GlobSet;
use jiff::civil::Date;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// File name of the manifest that gives publication dates.
pub const MANIFEST: &str = "corpus.toml";

/// Extensions linted when walking a directory.
const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// An article to lint and its publication date from the manifest, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub path: PathBuf,
    /// Why a directory walk could not list this path (e.g. a directory
    /// without read permission): reported as unreadable, never silently lost.
    pub walk_error: Option<String>,
    pub published: Option<Date>,
    /// Who published it (`source` in the manifest).
    pub source: Option<String>,
    /// How it writes numeric dates (`date-order` in the manifest).
    pub numeric_order: Option<NumericOrder>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    #[serde(default)]
    article: Vec<ManifestEntry>,
}

/// One `[[article]]` of `corpus.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ManifestEntry {
    path: String,
    published: toml::value::Datetime,
    source: Option<String>,
    /// `day-first` (06-01-2024 is 6 January) or `month-first` (the default).
    date_order: Option<DateOrder>,
    /// Documents the entry for people; factlint reads the title from the text.
    #[serde(rename = "title")]
    _title: Option<String>,
}

/// `date-order` in the manifest.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl From<DateOrder> for NumericOrder {
    fn from(order: DateOrder) -> Self {
        match order {
            DateOrder::DayFirst => NumericOrder::DayFirst,
            DateOrder::MonthFirst => NumericOrder::MonthFirst,
        }
    }
}

/// What the manifest says about one article.
#[derive(Clone, Debug, Default)]
struct Entry {
    published: Option<Date>,
    source: Option<String>,
    numeric_order: Option<NumericOrder>,
}

/// The articles found, and what was wrong with the ignore files on the way.
#[derive(Debug, Default)]
pub struct Listing {
    pub articles: Vec<Article>,
    /// Lines of `.gitignore` or `.ignore` files that the walker could not
    /// apply (a bad glob), or ignore files it could not read. The walk goes
    /// on, as ripgrep's does, so files they name may be linted: reported as
    /// warnings, never dropped.
    pub ignore_problems: Vec<ConfigError>,
}

/// Why the articles could not be listed.
#[derive(Debug)]
pub enum CorpusError {
    /// A path named on the command line does not exist.
    Missing(PathBuf),
    Manifest(Box<ConfigError>),
}

/// Every article under `inputs`, sorted, with publication dates from the
/// `corpus.toml` of each directory given. Named files are always linted;
/// directories are walked like ripgrep does (ignore files, no hidden files).
///
/// Walked files whose path matches `exclude` are left out.
pub fn articles(inputs: &[PathBuf], exclude: &GlobSet) -> Result<Listing, CorpusError> {
    let mut articles = Vec::new();
    let mut ignore_problems = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|_| CorpusError::Missing(input.clone()))?;
        let root = if meta.is_dir() {
            input.as_path()
        } else {
            input.parent().unwrap_or(Path::new(""))
        };
        // A large corpus's manifest is read while its directories are listed.
        let ((files, problems), manifest) = rayon::join(
            || {
                if meta.is_dir() {
                    let (mut files, problems) = walk(input);
                    files.retain(|(f, _)| !exclude.is_match(f));
                    (files, problems)
                } else {
                    (vec![(input.clone(), None)], Vec::new())
                }
            },
            || manifest(root),
        );
        let manifest = manifest?;
        ignore_problems.extend(problems);
        articles.extend(files.into_iter().map(|(path, walk_error)| {
            let entry = path
                .strip_prefix(root)
                .ok()
                .and_then(|relative| manifest.get(relative))
                .cloned()
                .unwrap_or_default();
            Article {
                path,
                walk_error,
                published: entry.published,
                source: entry.source,
                numeric_order: entry.numeric_order,
            }
        }));
    }
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    articles.dedup_by(|a, b| a.path == b.path);
    // Inputs that overlap walk the same ignore files again.
    ignore_problems.dedup_by(|a, b| a.path == b.path && a.message == b.message && a.span == b.span);
    Ok(Listing {
        articles,
        ignore_problems,
    })
}

/// The articles under `dir`, found by `ignore`'s walker, each path it
/// could not list, with a message, and the problems in the ignore files it
/// read. One thread: listing directories is a small part of a run, and the
/// parallel walker's threads cost a one-article check more (2-8 ms with the
/// seed corpus as reference) than they save on 5,000 files.
///
/// The paths come back sorted by [`walk_order`], so that the caller's sort
/// by `Path` finds them in order. Both other ways cost more, for 51,897
/// files: the walker's own sort by file name parses both names at each
/// comparison (360 M instructions), and `Path`'s comparison of shuffled paths
/// splits them into components (570 M); this sort takes 80 M.
fn walk(dir: &Path) -> (Vec<(PathBuf, Option<String>)>, Vec<ConfigError>) {
    let mut found = Vec::new();
    let mut ignore_problems = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .follow_links(false)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                // A directory's own ignore files, read as it is entered.
                if let Some(error) = entry.error() {
                    ignore_problems.extend(ignore_file_problems(error));
                }
                if is_article(&entry) {
                    found.push((entry.into_path(), None));
                }
            }
            // The ignore files of the directories above `dir`.
            Err(error) if is_about_a_line(&error) => {
                ignore_problems.extend(ignore_file_problems(&error));
            }
            Err(error) => {
                let (path, why) = walk_problem(&error);
                let message = format!("cannot be listed: {why}; the articles in it are skipped");
                found.push((path.unwrap_or(dir).to_path_buf(), Some(message)));
            }
        }
    }
    found.sort_by_cached_key(|(path, _)| walk_order(path));
    (found, ignore_problems)
}

/// A path's bytes with each separator lowered below every other byte: these
/// sort the walker's paths (one root, then names joined by one separator
/// each) as `Path::cmp` does, component by component.
fn walk_order(path: &Path) -> Vec<u8> {
    let mut key = path.as_os_str().as_encoded_bytes().to_vec();
    for byte in &mut key {
        if std::path::is_separator(char::from(*byte)) {
            *byte = 0;
        }
    }
    key
}

/// A walked file with one of the article extensions.
fn is_article(entry: &ignore::DirEntry) -> bool {
    entry.file_type().is_some_and(|t| t.is_file())
        && entry
            .path()
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// The path a walk error is about, if it names one, and what went wrong
/// there (without the path, which the report shows on its own).
fn walk_problem(error: &ignore::Error) -> (Option<&Path>, String) {
    match problems(error).into_iter().next() {
        Some(Problem {
            path,
            line: Some(line),
            why,
        }) => (path, format!("line {line}: {why}")),
        Some(Problem { path, why, .. }) => (path, why),
        None => (None, error.to_string()),
    }
}

/// One thing that went wrong in a walk, with where.
struct Problem<'a> {
    path: Option<&'a Path>,
    line: Option<u64>,
    why: String,
}

/// The problems inside a walk error, first to last: the walker nests a cause
/// in its path, line and depth, and gathers several in `Partial`.
fn problems(error: &ignore::Error) -> Vec<Problem<'_>> {
    fn gather<'a>(
        error: &'a ignore::Error,
        path: Option<&'a Path>,
        line: Option<u64>,
        out: &mut Vec<Problem<'a>>,
    ) {
        match error {
            ignore::Error::Partial(errors) => {
                for error in errors {
                    gather(error, path, line, out);
                }
            }
            ignore::Error::WithPath { path, err } => gather(err, Some(path), line, out),
            ignore::Error::WithLineNumber { line, err } => gather(err, path, Some(*line), out),
            ignore::Error::WithDepth { err, .. } => gather(err, path, line, out),
            ignore::Error::Io(error) => {
                // The walker's own error repeats the path: show its cause.
                let mut cause: &dyn std::error::Error = error;
                while let Some(next) = cause.source() {
                    cause = next;
                }
                let why = cause.to_string();
                out.push(Problem { path, line, why });
            }
            other => {
                let why = other.to_string();
                out.push(Problem { path, line, why });
            }
        }
    }
    let mut out = Vec::new();
    gather(error, None, None, &mut out);
    out
}

/// Whether a walk error is about a line of an ignore file, not a directory
/// that could not be listed.
fn is_about_a_line(error: &ignore::Error) -> bool {
    problems(error).iter().any(|p| p.line.is_some())
}

/// An ignore file's problems as warnings that point at the line, when the
/// error names one. The file is read again to show it: it is small, and this
/// happens only when it is broken.
fn ignore_file_problems(error: &ignore::Error) -> Vec<ConfigError> {
    problems(error)
        .into_iter()
        .map(|Problem { path, line, why }| {
            let path = path.map_or_else(PathBuf::new, Path::to_path_buf);
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            let lines = LineIndex::new(&source);
            let span = line
                .and_then(|line| usize::try_from(line).ok()?.checked_sub(1))
                .filter(|&index| index < lines.line_count())
                .map(|index| lines.line_range(&source, index));
            let (message, label, help) = match line {
                Some(_) => (
                    why,
                    "this pattern is not applied",
                    "fix the pattern (gitignore syntax); until then, the files it names are linted",
                ),
                None => (
                    format!("ignore file not applied: {why}"),
                    "",
                    "make it readable; until then, the files it names are linted",
                ),
            };
            ConfigError {
                path,
                source,
                span,
                message,
                label: label.to_string(),
                help: Some(help.to_string()),
            }
        })
        .collect()
}

/// A TOML date (`2024-01-05`) as a calendar date; `None` for a bare time or an
/// impossible date.
pub fn toml_date(value: &toml::value::Datetime) -> Option<Date> {
    let d = value.date?;
    Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
}

/// Pieces of a manifest parsed at once: a few hundred entries.
const PIECE_BYTES: usize = 64 * 1024;

/// The `[[article]]` entries of a manifest, in order. A large manifest is
/// parsed piece by piece, cut before an `[[article]]` line: the TOML parser
/// builds a tree some thirty times the size of its input (120 MB for a 4 MB
/// manifest), so one piece per core at a time (each tree let go once its
/// entries are read) keeps that to a few MB. Each piece after
/// the first starts a new entry, so nothing in it can refer to an earlier one;
/// if any piece fails (a cut inside a multi-line string, or a real mistake),
/// the whole manifest is parsed again, so errors and edge cases are exactly
/// those of parsing it in one go.
fn parse_manifest(source: &str) -> Result<Vec<ManifestEntry>, toml::de::Error> {
    let pieces: Vec<&str> = pieces(source, PIECE_BYTES).collect();
    let parsed: Result<Vec<ManifestFile>, _> = pieces
        .par_iter()
        .map(|piece| toml::from_str::<ManifestFile>(piece))
        .collect();
    match parsed {
        Ok(files) => Ok(files.into_iter().flat_map(|file| file.article).collect()),
        Err(_) => toml::from_str::<ManifestFile>(source).map(|f| f.article),
    }
}

/// `source` cut into pieces of about `size` bytes, each cut just before a line
/// that is exactly `[[article]]`, and only once the piece holds such a line.
fn pieces(source: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = source;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut seen_header = false;
        let mut offset = 0;
        let mut cut = rest.len();
        for line in rest.split_inclusive('\n') {
            let header = line.trim_end() == "[[article]]";
            if header && seen_header && offset >= size {
                cut = offset;
                break;
            }
            seen_header |= header;
            offset += line.len();
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// Entries by path relative to `dir`, from `dir/corpus.toml`.
fn manifest(dir: &Path) -> Result<HashMap<PathBuf, Entry>, CorpusError> {
    let path = dir.join(MANIFEST);
    let Ok(source) = std::fs::read_to_string(&path) else {
        return Ok(HashMap::new());
    };
    let file = parse_manifest(&source).map_err(|e| {
        let mut error = SpecError::new(format!("invalid corpus manifest: {}", e.message().trim()));
        if let Some(span) = e.span() {
            error = error.at(span, "here");
        }
        CorpusError::Manifest(Box::new(error.in_file(path.clone(), &source)))
    })?;
    let fail = |message: String| {
        CorpusError::Manifest(Box::new(
            SpecError::new(message).in_file(path.clone(), &source),
        ))
    };
    let mut entries = HashMap::new();
    for entry in file {
        let date = toml_date(&entry.published).ok_or_else(|| {
            fail(format!(
                "`published` of `{}` is not a valid date",
                entry.path
            ))
        })?;
        let value = Entry {
            published: Some(date),
            source: entry.source,
            numeric_order: entry.date_order.map(NumericOrder::from),
        };
        entries.insert(PathBuf::from(entry.path), value);
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_order_sorts_paths_as_path_does() {
        // A separator sorts before '-', '.', ' ' and digits, unlike its byte.
        let names = [
            "c/a",
            "c/a-b/x.txt",
            "c/a/b.txt",
            "c/a.txt",
            "c/a b",
            "c/a/b/c.md",
            "c/ab",
            "c/a0",
            "c/A",
            "c/é.txt",
            "c/e.txt",
            "c/a/b-c",
            "c/a/b/c",
        ];
        let paths: Vec<&Path> = names.iter().map(Path::new).collect();
        for a in &paths {
            for b in &paths {
                assert_eq!(walk_order(a).cmp(&walk_order(b)), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn walked_paths_come_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for dir in ["a", "a-b", "a.b"] {
            std::fs::create_dir(root.join(dir)).unwrap();
        }
        for file in [
            "a/x.txt",
            "a-b/x.txt",
            "a.b/x.txt",
            "a.txt",
            "a/b.txt",
            "a0.txt",
        ] {
            std::fs::write(root.join(file), "x").unwrap();
        }
        let walked: Vec<PathBuf> = walk(root).0.into_iter().map(|(path, _)| path).collect();
        let mut sorted = walked.clone();
        sorted.sort();
        assert_eq!(walked.len(), 6);
        assert_eq!(walked, sorted);
    }

    #[test]
    fn walks_articles_with_manifest_dates_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join("b.md"), "x").unwrap();
        std::fs::write(root.join("c.rs"), "x").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join(".ignore"), "ignored.txt\n").unwrap();
        std::fs::write(root.join("ignored.txt"), "x").unwrap();
        std::fs::write(
            root.join(MANIFEST),
            "[[article]]\npath = \"a.txt\"\npublished = 2024-01-05\ndate-order = \"day-first\"\n",
        )
        .unwrap();
        let found = articles(&[root.to_path_buf()], &GlobSet::empty())
            .unwrap()
            .articles;
        let names: Vec<_> = found
            .iter()
            .map(|a| a.path.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["a.txt", "b.md"]);
        assert_eq!(found[0].published, Some(jiff::civil::date(2024, 1, 5)));
        assert_eq!(found[0].numeric_order, Some(NumericOrder::DayFirst));
        assert_eq!(found[1].published, None);
    }

    #[test]
    fn named_file_is_linted_whatever_its_extension() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("draft.article");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(
            articles(std::slice::from_ref(&file), &GlobSet::empty())
                .unwrap()
                .articles[0]
                .path,
            file
        );
    }

    #[test]
    fn a_manifest_parsed_in_pieces_gives_every_entry() {
        let entry =
            |i: usize| format!("[[article]]\npath = \"a{i}.txt\"\npublished = 2024-01-05\n\n");
        let source: String = (0..50).map(entry).collect();
        let cut: Vec<&str> = pieces(&source, 100).collect();
        assert!(cut.len() > 10);
        assert_eq!(cut.concat(), source);
        assert!(cut.iter().all(|p| p.starts_with("[[article]]")));
        let paths: Vec<String> = parse_manifest(&source)
            .unwrap()
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(paths.len(), 50);
        assert_eq!(paths[49], "a49.txt");
    }

    #[test]
    fn a_cut_inside_a_multi_line_string_falls_back_to_one_parse() {
        let source = "[[article]]\npath = \"a.txt\"\npublished = 2024-01-05\ntitle = \"\"\"\nlong\n[[article]]\n\"\"\"\n[[article]]\npath = \"b.txt\"\npublished = 2024-01-06\n";
        assert!(pieces(source, 1).count() > 2);
        let paths: Vec<String> = parse_manifest(source)
            .unwrap()
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(paths, ["a.txt", "b.txt"]);
    }

    #[test]
    fn manifest_errors_are_those_of_one_parse() {
        let good = "[[article]]\npath = \"a.txt\"\npublished = 2024-01-05\n".repeat(20);
        let source = format!("{good}[[article]]\npath = 3\n");
        let whole = toml::from_str::<ManifestFile>(&source).unwrap_err();
        let pieced = parse_manifest(&source).unwrap_err();
        assert_eq!(pieced.span(), whole.span());
        assert_eq!(pieced.message(), whole.message());
    }

    #[test]
    fn walk_problems_name_the_path_and_the_cause_once() {
        let denied = ignore::Error::WithDepth {
            depth: 2,
            err: Box::new(ignore::Error::WithPath {
                path: PathBuf::from("corpus/private"),
                err: Box::new(ignore::Error::Io(std::io::Error::from(
                    std::io::ErrorKind::PermissionDenied,
                ))),
            }),
        };
        let (path, why) = walk_problem(&denied);
        assert_eq!(path, Some(Path::new("corpus/private")));
        assert_eq!(why, "permission denied");
        let partial = ignore::Error::Partial(vec![ignore::Error::WithLineNumber {
            line: 3,
            err: Box::new(ignore::Error::Glob {
                glob: Some("a[".into()),
                err: "unclosed character class".into(),
            }),
        }]);
        let (path, why) = walk_problem(&partial);
        assert_eq!(path, None);
        assert_eq!(
            why,
            "line 3: error parsing glob 'a[': unclosed character class"
        );
    }

    #[test]
    fn bad_ignore_lines_are_reported_and_the_rest_applied() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join(".ignore"), "skipped.txt\r\n{a,b\r\n").unwrap();
        std::fs::write(root.join("sub/.gitignore"), "# wires\n\n{b\n").unwrap();
        for name in ["a.txt", "skipped.txt", "sub/b.txt"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let listing = articles(&[root.to_path_buf()], &GlobSet::empty()).unwrap();
        let names: Vec<_> = listing
            .articles
            .iter()
            .map(|a| a.path.strip_prefix(root).unwrap().to_owned())
            .collect();
        assert_eq!(names, [Path::new("a.txt"), Path::new("sub/b.txt")]);
        let problems: Vec<_> = listing
            .ignore_problems
            .iter()
            .map(|p| {
                let span = p.span.clone().unwrap();
                (
                    p.path.strip_prefix(root).unwrap().to_owned(),
                    &p.source[span],
                    p.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            problems,
            [
                (
                    PathBuf::from(".ignore"),
                    "{a,b",
                    "error parsing glob '{a,b': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"
                ),
                (
                    PathBuf::from("sub/.gitignore"),
                    "{b",
                    "error parsing glob '{b': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"
                ),
            ]
        );
        // Walking `sub` reads the root's ignore file as a parent's: its bad
        // line is a warning there too, not a directory that cannot be listed.
        let below = articles(&[root.join("sub")], &GlobSet::empty()).unwrap();
        assert_eq!(below.articles.len(), 1);
        assert_eq!(below.articles[0].walk_error, None);
        let files: Vec<_> = below.ignore_problems.iter().map(|p| &p.path).collect();
        assert_eq!(files, [&root.join(".ignore"), &root.join("sub/.gitignore")]);
    }

    #[test]
    fn missing_path_is_named() {
        match articles(&[PathBuf::from("no/such/dir")], &GlobSet::empty()) {
            Err(CorpusError::Missing(p)) => assert_eq!(p, PathBuf::from("no/such/dir")),
            other => panic!("unexpected {other:?}"),
        }
    }
}
