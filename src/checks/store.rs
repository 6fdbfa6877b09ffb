//! The facts compared across the corpus, kept compactly until every article
//! has been read: a few ids and offsets per mention, its path, text and value
//! kept once however many articles repeat them.

use super::intern::{Strings, Values};
use super::locate::Value;
use super::{Fact, FactRef};
use crate::document::LineCol;
use crate::finding::{Excerpt, Location};
use std::sync::Arc;

/// Every corpus fact kept so far.
#[derive(Debug, Default)]
pub struct FactStore {
    paths: Strings,
    texts: Strings,
    values: Values,
    /// One exact-size slice per file: a single growing vector would hold up
    /// to twice the facts' size (and thrice while it grows).
    files: Vec<Box<[StoredFact]>>,
}

/// A fact as kept in a [`FactStore`]: what a compact [`Location`] holds,
/// as ids into the store's tables and 32-bit offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StoredFact {
    check: u32,
    path: u32,
    span: [u32; 2],
    /// Line and column of the span's start and end.
    start: [u32; 2],
    end: [u32; 2],
    text: u32,
    value: u32,
}

impl FactStore {
    /// Keeps one file's facts. A fact that does not fit 32 bits (an offset
    /// past 4 GiB, 2³² distinct texts) is left out: articles are far smaller.
    pub fn keep(&mut self, facts: Vec<Fact>) {
        let kept: Vec<StoredFact> = facts.into_iter().filter_map(|f| self.compact(f)).collect();
        self.files.push(kept.into_boxed_slice());
    }

    fn compact(&mut self, fact: Fact) -> Option<StoredFact> {
        let small = |n: usize| u32::try_from(n).ok();
        let at = |p: LineCol| Some([small(p.line)?, small(p.column)?]);
        let location = &fact.location;
        Some(StoredFact {
            check: small(fact.check)?,
            span: [small(location.span.start)?, small(location.span.end)?],
            start: at(location.start)?,
            end: at(location.end)?,
            path: self.paths.id(&location.path, Some(&location.path))?,
            text: self.texts.id(location.text(), None)?,
            value: self.values.id(fact.value)?,
        })
    }

    /// Every fact, in the order kept.
    pub fn iter(&self) -> impl Iterator<Item = Stored<'_>> + Clone {
        self.files
            .iter()
            .flat_map(|file| file.iter())
            .map(|fact| Stored { store: self, fact })
    }
}

/// A fact of a [`FactStore`], read through [`FactRef`].
#[derive(Clone, Copy, Debug)]
pub struct Stored<'a> {
    store: &'a FactStore,
    fact: &'a StoredFact,
}

impl<'a> FactRef<'a> for Stored<'a> {
    fn check(self) -> usize {
        self.fact.check as usize
    }

    fn value(self) -> &'a Value {
        self.store.values.get(self.fact.value)
    }

    fn text(self) -> &'a str {
        self.store.texts.get(self.fact.text)
    }

    fn path(self) -> &'a str {
        self.store.paths.get(self.fact.path)
    }

    /// The compact location the fact was kept from (facts carry no label).
    fn location(self) -> Location {
        let [from, to] = self.fact.span.map(|n| n as usize);
        let at = |[line, column]: [u32; 2]| LineCol {
            line: line as usize,
            column: column as usize,
        };
        let start = at(self.fact.start);
        Location {
            path: Arc::clone(self.store.paths.get(self.fact.path)),
            span: from..to,
            start,
            end: at(self.fact.end),
            excerpt: Excerpt::compact(self.text().to_string(), start.line),
            label: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn facts(path: &str, text: &str, mention: &str) -> Vec<Fact> {
        let doc = Document::parse(path, text.as_bytes().to_vec(), None).expect("readable");
        text.match_indices(mention)
            .map(|(at, _)| Fact {
                check: 1,
                location: doc.location(at..at + mention.len()).compact(),
                value: Value::Year(2023),
            })
            .collect()
    }

    #[test]
    fn a_stored_fact_reads_back_as_the_full_fact() {
        let original = facts(
            "a.txt",
            "Intro.\n\nIt was “Dec. 30”, and Dec. 30.",
            "Dec. 30",
        );
        let mut store = FactStore::default();
        store.keep(original.clone());
        let back: Vec<Fact> = store
            .iter()
            .map(|s| Fact {
                check: s.check(),
                location: s.location(),
                value: s.value().clone(),
            })
            .collect();
        assert_eq!(back, original);
    }

    #[test]
    fn mentions_repeated_across_files_are_kept_once() {
        let mut store = FactStore::default();
        store.keep(facts("a.txt", "Dec. 30 and Dec. 30.", "Dec. 30"));
        store.keep(facts("b.txt", "On Dec. 30.", "Dec. 30"));
        let kept: Vec<Stored> = store.iter().collect();
        assert_eq!(kept.len(), 3);
        assert!(kept.iter().all(|s| s.fact.text == kept[0].fact.text));
        assert!(kept.iter().all(|s| s.fact.value == kept[0].fact.value));
        assert_eq!(kept[1].path(), "a.txt");
        assert_eq!(kept[2].path(), "b.txt");
        assert_eq!(std::mem::size_of::<StoredFact>(), 40);
    }
}
