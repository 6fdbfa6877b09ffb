//! The facts compared across the corpus, kept compactly until every article
//! has been read: a few small integers per mention, its path, text and value
//! kept once however many articles repeat them.

use super::intern::{Strings, Values};
use super::locate::Value;
use super::{Fact, FactRef};
use crate::document::LineCol;
use crate::finding::{Excerpt, Location};
use jiff::civil::Date;
use std::sync::Arc;

/// Every corpus fact kept so far.
#[derive(Debug, Default)]
pub struct FactStore {
    texts: Strings,
    values: Values,
    files: Vec<File>,
}

/// The facts of one file.
#[derive(Debug)]
struct File {
    path: Arc<str>,
    /// Its facts one after another, each its length then its [`StoredFact`]
    /// fields, all written as variable-length integers: most take a byte, so
    /// a fact takes about a dozen bytes. The length lets a pass looking for
    /// one check's facts step over the others unread. An exact-size slice.
    facts: Box<[u8]>,
}

/// A fact as kept in a [`FactStore`]: what a compact [`Location`] holds,
/// with ids into the store's tables for its path, text and value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StoredFact {
    check: usize,
    span: [usize; 2],
    /// Line and column of the span's start and end.
    start: [usize; 2],
    end: [usize; 2],
    text: u32,
    value: u32,
}

impl StoredFact {
    /// Appends the fact's fields, offsets from the fact's own start where
    /// that keeps them small. The check, value and text come first: a
    /// comparison asks for them alone, many times per fact.
    fn write(&self, out: &mut Vec<u8>) {
        let fields = [
            self.check,
            self.value as usize,
            self.text as usize,
            self.span[0],
            self.span[1].saturating_sub(self.span[0]),
            self.start[0],
            self.start[1],
            self.end[0].saturating_sub(self.start[0]),
            self.end[1],
        ];
        for field in fields {
            put(out, field as u64);
        }
    }

    /// Reads the fact [`Self::write`] wrote at the start of `bytes`, moving
    /// `bytes` past it.
    fn read(bytes: &mut &[u8]) -> StoredFact {
        let mut next = || take(bytes) as usize;
        let (check, value, text) = (next(), next(), next());
        let (from, len) = (next(), next());
        let (line, column, lines, end_column) = (next(), next(), next(), next());
        StoredFact {
            check,
            span: [from, from + len],
            start: [line, column],
            end: [line + lines, end_column],
            text: text as u32,
            value: value as u32,
        }
    }
}

/// Writes `n` as unsigned LEB128: seven bits a byte, most numbers in one.
fn put(out: &mut Vec<u8>, n: u64) {
    // Writing to a Vec cannot fail.
    let _ = leb128::write::unsigned(out, n);
}

/// Reads what [`put`] wrote at the start of `bytes`, moving `bytes` past it.
fn take(bytes: &mut &[u8]) -> u64 {
    // Only `put` wrote these bytes; a misread would be 0, never a panic.
    leb128::read::unsigned(bytes).unwrap_or(0)
}

impl FactStore {
    /// Keeps one file's facts (those of each path in a row, should they
    /// name several). A fact whose text or value would be the 2³²nd distinct
    /// one kept is left out.
    pub fn keep(&mut self, facts: Vec<Fact>) {
        let mut facts = facts.into_iter().peekable();
        while let Some(first) = facts.peek() {
            let path = first.location.path.clone();
            let mut bytes = Vec::new();
            let mut record = Vec::new();
            while let Some(fact) = facts.next_if(|f| f.location.path == path) {
                if let Some(stored) = self.compact(fact) {
                    record.clear();
                    stored.write(&mut record);
                    put(&mut bytes, record.len() as u64);
                    bytes.extend_from_slice(&record);
                }
            }
            self.files.push(File {
                path,
                facts: bytes.into_boxed_slice(),
            });
        }
    }

    fn compact(&mut self, fact: Fact) -> Option<StoredFact> {
        let location = &fact.location;
        let at = |p: LineCol| [p.line, p.column];
        Some(StoredFact {
            check: fact.check,
            span: [location.span.start, location.span.end],
            start: at(location.start),
            end: at(location.end),
            text: self.texts.id(location.text())?,
            value: self.values.id(fact.value)?,
        })
    }

    /// Every fact, in the order kept.
    pub fn iter(&self) -> impl Iterator<Item = Stored<'_>> + Clone {
        self.files
            .iter()
            .zip(0u32..)
            .flat_map(move |(stored, file)| {
                let bytes: &[u8] = &stored.facts;
                let mut rest = bytes;
                std::iter::from_fn(move || {
                    let at = u32::try_from(bytes.len() - rest.len()).ok()?;
                    (!rest.is_empty()).then(|| {
                        let len = take(&mut rest) as usize;
                        rest = rest.get(len..).unwrap_or_default();
                        Stored {
                            store: self,
                            file,
                            at,
                        }
                    })
                })
            })
    }
}

/// A fact of a [`FactStore`], read through [`FactRef`]: 16 bytes, as many
/// are listed at once when a check's facts are compared.
#[derive(Clone, Copy, Debug)]
pub struct Stored<'a> {
    store: &'a FactStore,
    /// Where its bytes start: which file, how far in.
    file: u32,
    at: u32,
}

impl<'a> Stored<'a> {
    fn file(self) -> &'a File {
        &self.store.files[self.file as usize]
    }

    /// The fact's fields, after its length.
    fn fields(self) -> &'a [u8] {
        let mut bytes = &self.file().facts[self.at as usize..];
        take(&mut bytes);
        bytes
    }

    fn fact(self) -> StoredFact {
        StoredFact::read(&mut self.fields())
    }

    /// The `n`th field, read without the ones after it.
    fn field(self, n: usize) -> u64 {
        let mut fields = self.fields();
        for _ in 0..n {
            take(&mut fields);
        }
        take(&mut fields)
    }
}

impl<'a> FactRef<'a> for Stored<'a> {
    fn check(self) -> usize {
        // Every fact is asked once per check: its first field, read alone.
        self.field(0) as usize
    }

    fn value(self) -> &'a Value {
        self.store.values.get(self.field(1) as u32)
    }

    /// Never kept: facts compared across the corpus have no event ([`Fact::event`]).
    fn event(self) -> Option<Date> {
        None
    }

    fn text(self) -> &'a str {
        self.store.texts.get(self.field(2) as u32)
    }

    fn path(self) -> &'a str {
        &self.file().path
    }

    /// The compact location the fact was kept from (facts carry no label).
    fn location(self) -> Location {
        let fact = self.fact();
        let at = |[line, column]: [usize; 2]| LineCol { line, column };
        let start = at(fact.start);
        Location {
            path: Arc::clone(&self.file().path),
            span: fact.span[0]..fact.span[1],
            start,
            end: at(fact.end),
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
                event: None,
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
                event: s.event(),
            })
            .collect();
        assert_eq!(back, original);
    }

    /// Each field read alone, as a comparison reads them: checks and texts
    /// differ from fact to fact, values repeat, so no value id is its text id.
    #[test]
    fn each_field_read_alone_is_the_facts_own() {
        let text = "In 2022, 2023 and 2024, “Dec. 30”.";
        let original: Vec<Fact> = ["2022", "2023", "2024", "Dec. 30"]
            .iter()
            .enumerate()
            .flat_map(|(i, mention)| {
                facts("a.txt", text, mention)
                    .into_iter()
                    .map(move |f| Fact {
                        check: i * 3,
                        value: Value::Year(2030 - i as i32 % 2),
                        ..f
                    })
            })
            .collect();
        let mut store = FactStore::default();
        store.keep(original.clone());
        let read: Vec<(usize, Value, String)> = store
            .iter()
            .map(|s| (s.check(), s.value().clone(), s.text().to_string()))
            .collect();
        let expected: Vec<(usize, Value, String)> = original
            .iter()
            .map(|f| (f.check, f.value.clone(), f.location.text().to_string()))
            .collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn mentions_repeated_across_files_are_kept_once() {
        let mut store = FactStore::default();
        store.keep(facts("a.txt", "Dec. 30 and Dec. 30.", "Dec. 30"));
        store.keep(facts("b.txt", "On Dec. 30.", "Dec. 30"));
        let kept: Vec<StoredFact> = store.iter().map(Stored::fact).collect();
        assert_eq!(kept.len(), 3);
        assert!(kept.iter().all(|f| f.text == kept[0].text));
        assert!(kept.iter().all(|f| f.value == kept[0].value));
        assert_eq!(store.iter().nth(1).map(FactRef::path), Some("a.txt"));
        assert_eq!(store.iter().nth(2).map(FactRef::path), Some("b.txt"));
        // Ids and offsets this small take a byte each, and so does the length
        // before each fact's nine fields.
        assert_eq!(store.files[0].facts.len(), 20);
    }

    #[test]
    fn integers_of_any_size_read_back() {
        let numbers = [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX];
        let mut bytes = Vec::new();
        for n in numbers {
            put(&mut bytes, n);
        }
        let mut rest = &bytes[..];
        let back: Vec<u64> = numbers.iter().map(|_| take(&mut rest)).collect();
        assert_eq!(back, numbers);
        assert!(rest.is_empty());
        assert_eq!(take(&mut rest), 0);
    }
}
