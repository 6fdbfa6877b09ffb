//! Facts of reference articles cached by content, as ruff caches lint results:
//! checking a draft against a large archive reads every article but lints only
//! those that changed since the last run.
//!
//! An entry is keyed by factlint's version, the loaded checks, the article's
//! path, publication date and bytes; anything else that changes is a miss. A
//! damaged or unreadable entry is a miss too, never an error.

use crate::checks::Fact;
use crate::checks::load::CheckSet;
use crate::hash::Fnv1a;
use std::path::{Path, PathBuf};

/// Where the cache lives unless `--no-cache`.
pub const DEFAULT_DIR: &str = ".factlint_cache";

/// Version of the cached facts' format, bumped whenever their meaning
/// changes: 2 made quotation word spans relative to the quotation.
const FORMAT: u32 = 2;

/// Creates the cache directory, if it is not there, with a `.gitignore` that
/// keeps all of it out of version control (as ruff's cache does): linting a
/// repository leaves nothing to commit. Whether the directory is there.
pub fn create_dir(dir: &Path) -> bool {
    if dir.is_dir() {
        return true;
    }
    if std::fs::create_dir_all(dir).is_err() {
        return false;
    }
    // Without it the cache still works; it only shows in `git status`.
    let _ = std::fs::write(dir.join(".gitignore"), "# Created by factlint.\n*\n");
    true
}

/// A directory of cached facts for one set of checks.
#[derive(Clone, Debug)]
pub struct FactCache {
    dir: PathBuf,
    /// Hash of the version and the checks: their compiled form, so any edit to
    /// a check file gives new keys.
    checks: u64,
}

impl FactCache {
    pub fn new(dir: impl Into<PathBuf>, checks: &CheckSet) -> Self {
        let mut hash = Fnv1a::new();
        hash.write(env!("CARGO_PKG_VERSION").as_bytes());
        hash.write(&FORMAT.to_le_bytes());
        for check in &checks.checks {
            hash.write(format!("{:?}{:?}{:?}", check.meta.id, check.gate, check.rule).as_bytes());
        }
        Self {
            dir: dir.into(),
            checks: hash.0,
        }
    }

    fn entry(&self, path: &Path, published: &str, bytes: &[u8]) -> PathBuf {
        let mut hash = Fnv1a::new();
        hash.write(&self.checks.to_le_bytes());
        hash.write(path.to_string_lossy().as_bytes());
        hash.write(&[0]);
        hash.write(published.as_bytes());
        hash.write(&[0]);
        hash.write(bytes);
        self.dir.join(format!("{:016x}.json", hash.0))
    }

    /// The cached facts of an article, if these exact bytes were linted before.
    pub fn get(&self, path: &Path, published: &str, bytes: &[u8]) -> Option<Vec<Fact>> {
        let text = std::fs::read(self.entry(path, published, bytes)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Stores an article's facts; failing to write only costs the next run time.
    pub fn put(&self, path: &Path, published: &str, bytes: &[u8], facts: &[Fact]) {
        let Ok(json) = serde_json::to_vec(facts) else {
            return;
        };
        if !create_dir(&self.dir) {
            return;
        }
        let entry = self.entry(path, published, bytes);
        // Written whole then renamed: a reader never sees half an entry.
        if let Ok(mut temp) = tempfile::NamedTempFile::new_in(&self.dir) {
            use std::io::Write as _;
            if temp.write_all(&json).is_ok() {
                let _ = temp.persist(entry);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checks(source: &str) -> CheckSet {
        crate::checks::check_set(source)
    }

    const RANGE: &str = "[[check]]\nid = \"range\"\nkind = \"consistent\"\nwhen = ['range']\nvalue = { type = \"quantity\" }\n";

    #[test]
    fn facts_round_trip_and_any_change_misses() {
        let dir = tempfile::tempdir().unwrap();
        let set = checks(RANGE);
        let cache = FactCache::new(dir.path(), &set);
        let text = b"A range of about 900 km (550 miles), said Kirby on Tuesday.";
        let doc = crate::document::Document::parse("a.txt", text.to_vec(), None).unwrap();
        let facts = crate::lint::lint_document(&set, &doc).facts;
        assert_eq!(facts.len(), 2);
        let path = Path::new("a.txt");
        assert!(cache.get(path, "", text).is_none());
        cache.put(path, "", text, &facts);
        assert_eq!(cache.get(path, "", text), Some(facts));
        // An open-ended value ("more than 900 km") is written and read back too.
        let open = b"A range of more than 900 km.";
        let facts = crate::lint::lint_document(
            &set,
            &crate::document::Document::parse("a.txt", open.to_vec(), None).unwrap(),
        )
        .facts;
        assert_eq!(facts.len(), 1);
        cache.put(path, "", open, &facts);
        assert_eq!(cache.get(path, "", open), Some(facts));
        assert!(cache.get(path, "", b"A range of 800 km.").is_none());
        assert!(cache.get(path, "2024-01-05", text).is_none());
        let other = FactCache::new(dir.path(), &checks(&RANGE.replace("'range'", "'ranges?'")));
        assert!(other.get(path, "", text).is_none());
    }

    #[test]
    fn the_directory_ignores_itself() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("nested/.factlint_cache");
        assert!(create_dir(&dir));
        let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
        assert!(ignore.lines().any(|line| line == "*"), "{ignore}");
        // An existing directory is left as it is.
        std::fs::remove_file(dir.join(".gitignore")).unwrap();
        assert!(create_dir(&dir));
        assert!(!dir.join(".gitignore").exists());
    }

    #[test]
    fn a_damaged_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = FactCache::new(dir.path(), &checks(RANGE));
        let path = Path::new("a.txt");
        cache.put(path, "", b"x", &[]);
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            std::fs::write(entry.unwrap().path(), "{not json").unwrap();
        }
        assert!(cache.get(path, "", b"x").is_none());
    }
}
