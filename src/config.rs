//! `factlint.toml`: a repository's settings, found by walking up from the
//! current directory. Command-line flags override it.

use crate::checks::error::{ConfigError, SpecError};
use crate::checks::load::toml_error;
use crate::finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// File name looked for in the current directory and its parents.
pub const CONFIG_FILE: &str = "factlint.toml";

/// Settings from `factlint.toml`, with paths made relative to the current directory.
#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Where the file was found, if anywhere.
    pub path: Option<PathBuf>,
    pub checks: Vec<PathBuf>,
    pub paths: Vec<PathBuf>,
    pub reference: Vec<PathBuf>,
    /// Globs of article paths never linted.
    pub exclude: Vec<String>,
    pub select: Vec<Spanned<String>>,
    pub ignore: Vec<Spanned<String>>,
    pub severity: BTreeMap<String, Spanned<Severity>>,
    pub severity_fail: Option<Severity>,
    /// The file's text, to point errors (an unknown check id) into it.
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    checks: Vec<PathBuf>,
    #[serde(default)]
    paths: Vec<PathBuf>,
    #[serde(default)]
    reference: Vec<PathBuf>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<Severity>>,
    severity_fail: Option<Severity>,
}

impl Config {
    /// The nearest `factlint.toml` at or above `start`, or the defaults.
    ///
    /// Paths are given relative to `start` (`../checks` for a file one level
    /// up), so reports keep the short relative paths CI annotations need.
    pub fn discover(start: &Path) -> Result<Self, Box<ConfigError>> {
        let absolute = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        let found = absolute
            .ancestors()
            .position(|dir| dir.join(CONFIG_FILE).is_file());
        let Some(levels_up) = found else {
            return Ok(Self::default());
        };
        let mut path = if start == Path::new(".") {
            PathBuf::new()
        } else {
            start.to_path_buf()
        };
        path.extend(std::iter::repeat_n("..", levels_up));
        Self::load(&path.join(CONFIG_FILE))
    }

    /// Reads one config file; relative paths in it are relative to its directory.
    pub fn load(path: &Path) -> Result<Self, Box<ConfigError>> {
        let source = std::fs::read_to_string(path).map_err(|e| {
            Box::new(
                SpecError::new(format!("cannot read `{}`: {e}", path.display()))
                    .in_file(path.to_path_buf(), ""),
            )
        })?;
        let file: ConfigFile = toml::from_str(&source)
            .map_err(|e| Box::new(toml_error(&e).in_file(path.to_path_buf(), &source)))?;
        let base = path.parent().unwrap_or(Path::new(""));
        let rebase = |paths: Vec<PathBuf>| -> Vec<PathBuf> {
            paths
                .into_iter()
                .map(|p| {
                    if p.is_absolute() || base.as_os_str().is_empty() {
                        p
                    } else {
                        base.join(p)
                    }
                })
                .collect()
        };
        // With a config file, the default folders are beside it, wherever factlint runs.
        let or_default = |paths: Vec<PathBuf>, default: &str| {
            if paths.is_empty() {
                vec![PathBuf::from(default)]
            } else {
                paths
            }
        };
        Ok(Self {
            path: Some(path.to_path_buf()),
            checks: rebase(or_default(file.checks, "checks")),
            paths: rebase(or_default(file.paths, "corpus")),
            reference: rebase(file.reference),
            exclude: file.exclude,
            select: file.select,
            ignore: file.ignore,
            severity: file.severity,
            severity_fail: file.severity_fail,
            source,
        })
    }

    /// An error at `span` of the config file.
    pub fn error_at(&self, span: std::ops::Range<usize>, error: SpecError) -> ConfigError {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(CONFIG_FILE));
        error.at(span, "here").in_file(path, &self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_by_walking_up_with_paths_relative_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join(CONFIG_FILE),
            "checks = [\"my-checks\"]\npaths = [\"articles\"]\nexclude = [\"**/drafts/**\"]\n\n[severity]\nstripped-link = \"info\"\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        let config = Config::discover(&root.join("a/b")).unwrap();
        assert_eq!(config.checks, [root.join("a/b/../../my-checks")]);
        assert_eq!(config.paths, [root.join("a/b/../../articles")]);
        assert_eq!(*config.severity["stripped-link"].get_ref(), Severity::Info);
    }

    #[test]
    fn unknown_key_points_into_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE);
        std::fs::write(&path, "chekcs = [\"x\"]\n").unwrap();
        let error = Config::load(&path).unwrap_err();
        assert_eq!(error.message, "unknown key `chekcs`");
        assert_eq!(error.help.as_deref(), Some("did you mean `checks`?"));
        assert_eq!(error.span, Some(0..6));
    }

    #[test]
    fn no_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Config::discover(dir.path()).unwrap().path.is_none());
    }
}
