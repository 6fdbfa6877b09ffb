//! Parsed patterns, remembered by their source and kept across runs.
//!
//! Parsing the shipped checks' patterns into the regex crate's syntax tree
//! (case-folding every letter of every `(?i)` pattern) is a fifth of linting
//! one article, and it is the first thing that run waits for. The patterns
//! rarely change between runs, so every parse is remembered by its source: a
//! check file loaded again (`--watch`, the language server) parses nothing,
//! and `factlint check` stores the trees in its cache directory for the next
//! run, as it stores articles' facts ([`crate::cache`]). factlint's built-in
//! patterns (dates, numbers, residue) are parsed through here too
//! ([`crate::matcher`]).
//!
//! The regex crate cannot write its trees, so [`encode`] and [`decode`] do: a
//! tree is rebuilt through the same constructors the parser uses, which gives
//! an equal tree. A stored tree is decoded only when its pattern is loaded.

use crate::hash::Fnv1a;
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
    Look, Repetition,
};
use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

/// Parses a pattern with the regex crate's defaults, or returns the tree of
/// an earlier parse of the same source.
pub fn parse(source: &str) -> Result<Arc<Hir>, Box<regex_syntax::Error>> {
    let stored = {
        let memo = lock();
        if let Some(hir) = memo.trees.get(source) {
            return Ok(hir.clone());
        }
        // Not taken out of the index: a thread that asks for the same
        // source meanwhile must find it there too, or it would parse it and
        // have the file written again for nothing.
        memo.stored.get(source)
    };
    // Decoded or parsed without the lock: other threads are loading too.
    let (hir, parsed) = match stored.and_then(|tree| tree.decode()) {
        Some(hir) => (hir, false),
        None => (
            regex_syntax::Parser::new()
                .parse(source)
                .map_err(Box::new)?,
            true,
        ),
    };
    let hir = Arc::new(hir);
    let mut memo = lock();
    memo.trees.insert(source.into(), hir.clone());
    memo.changed |= parsed;
    Ok(hir)
}

/// Makes the trees stored in `dir` by an earlier run known, so that their
/// patterns are not parsed again. A missing or damaged file is ignored.
pub fn read_stored(dir: &Path) {
    let Ok(bytes) = std::fs::read(dir.join(FILE)) else {
        return;
    };
    if let Some(stored) = Stored::index(bytes) {
        lock().stored = stored;
    }
}

/// Stores in `dir` the trees of the patterns this process loaded, if it had
/// to parse any: then the file there lacks them (see [`Memo::encode`] for
/// what it keeps of the others). Failing to write only costs the next run
/// time.
pub fn store(dir: &Path) {
    let bytes = {
        let memo = lock();
        if !memo.changed {
            return;
        }
        memo.encode()
    };
    if !crate::cache::create_dir(dir) {
        return;
    }
    // Written whole then renamed: a reader never sees half a file.
    if let Ok(mut temp) = tempfile::NamedTempFile::new_in(dir) {
        use std::io::Write as _;
        if temp.write_all(&bytes).is_ok() {
            let _ = temp.persist(dir.join(FILE));
        }
    }
}

/// The file in the cache directory; its name changes with the format.
const FILE: &str = "patterns-2.bin";

/// What the file starts with: its format and factlint's version, whose
/// regex parser made the trees.
fn header() -> Vec<u8> {
    format!("factlint patterns 2 {}\n", env!("CARGO_PKG_VERSION")).into_bytes()
}

/// Deepest tree [`decode`] rebuilds, to keep a damaged file from running it
/// out of stack: the parser refuses patterns nested deeper than 250 groups,
/// and a deeper tree is parsed again instead.
const MAX_DEPTH: usize = 256;

static MEMO: LazyLock<Mutex<Memo>> = LazyLock::new(Mutex::default);

fn lock() -> std::sync::MutexGuard<'static, Memo> {
    // A thread that panicked holding the lock left the map whole: every
    // change to it is one insert.
    MEMO.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The trees this process parsed or read, by source.
#[derive(Default)]
struct Memo {
    trees: FxHashMap<Box<str>, Arc<Hir>>,
    /// Trees from the cache file, still encoded (a tree decoded since is in
    /// `trees` too, and is written from there).
    stored: Stored,
    /// Whether a pattern was parsed that the file does not hold.
    changed: bool,
}

impl Memo {
    /// The file: the header, then each tree after its source and its age,
    /// then a hash of all that, to tell a whole file from a damaged one.
    ///
    /// A tree this process did not use is kept, one write older, until
    /// [`KEEP_UNUSED`] writes have passed without it: runs that need
    /// different patterns (a Markdown article and a plain one, `--select`)
    /// do not drop each other's, while those of an edited check age out.
    ///
    /// Entries are written in the order of their sources, so that the same
    /// trees give the same bytes whatever order the threads loaded them in.
    fn encode(&self) -> Vec<u8> {
        let mut out = header();
        let mut tree = Vec::new();
        let mut used: Vec<_> = self.trees.iter().collect();
        used.sort_unstable_by_key(|&(source, _)| source);
        for (source, hir) in used {
            tree.clear();
            encode(hir, &mut tree);
            put_entry(&mut out, source, 0, &tree);
        }
        let mut unused: Vec<_> = (self.stored.trees.iter())
            .filter(|&(source, &(_, age))| {
                age + 1 < KEEP_UNUSED && !self.trees.contains_key(source)
            })
            .collect();
        unused.sort_unstable_by_key(|&(source, _)| source);
        for (source, (range, age)) in unused {
            put_entry(&mut out, source, age + 1, &self.stored.bytes[range.clone()]);
        }
        let mut hash = Fnv1a::new();
        hash.write(&out);
        out.extend_from_slice(&hash.0.to_le_bytes());
        out
    }
}

/// A cache file, indexed: where each source's tree lies in it.
#[derive(Default)]
struct Stored {
    bytes: Arc<[u8]>,
    /// Where each tree lies, and how many writes ago it was last used.
    trees: FxHashMap<Box<str>, (std::ops::Range<usize>, u64)>,
}

/// How many writes of the file a tree no run used stays in it.
const KEEP_UNUSED: u64 = 16;

fn put_entry(out: &mut Vec<u8>, source: &str, age: u64, tree: &[u8]) {
    put_bytes(out, source.as_bytes());
    put(out, age);
    put_bytes(out, tree);
}

impl Stored {
    /// Indexes a file [`Memo::encode`] wrote; `None` if it is not one, or is
    /// damaged.
    fn index(mut bytes: Vec<u8>) -> Option<Self> {
        let body_len = bytes.len().checked_sub(8)?;
        let mut hash = Fnv1a::new();
        hash.write(&bytes[..body_len]);
        if bytes[body_len..] != hash.0.to_le_bytes() {
            return None;
        }
        bytes.truncate(body_len);
        let header = header();
        if !bytes.starts_with(&header) {
            return None;
        }
        let mut trees = FxHashMap::default();
        let mut rest = &bytes[header.len()..];
        while !rest.is_empty() {
            let source = std::str::from_utf8(take_bytes(&mut rest)?).ok()?;
            let age = take(&mut rest)?;
            let tree_len = take_bytes(&mut rest)?.len();
            let end = bytes.len() - rest.len();
            trees.insert(source.into(), (end - tree_len..end, age));
        }
        Some(Self {
            bytes: bytes.into(),
            trees,
        })
    }

    /// The stored tree of `source`, still encoded.
    fn get(&self, source: &str) -> Option<StoredTree> {
        let (range, _) = self.trees.get(source)?.clone();
        Some(StoredTree {
            bytes: self.bytes.clone(),
            range,
        })
    }
}

/// One tree in a cache file.
struct StoredTree {
    bytes: Arc<[u8]>,
    range: std::ops::Range<usize>,
}

impl StoredTree {
    fn decode(&self) -> Option<Hir> {
        let mut bytes = self.bytes.get(self.range.clone())?;
        let hir = decode(&mut bytes, 0)?;
        bytes.is_empty().then_some(hir)
    }
}

/// Node tags of the encoding.
const EMPTY: u8 = 0;
const LITERAL: u8 = 1;
const UNICODE_CLASS: u8 = 2;
const BYTE_CLASS: u8 = 3;
const LOOK: u8 = 4;
const REPETITION: u8 = 5;
const CAPTURE: u8 = 6;
const CONCAT: u8 = 7;
const ALTERNATION: u8 = 8;

/// Writes `hir` as bytes: a tag per node, then its fields, children last.
pub fn encode(hir: &Hir, out: &mut Vec<u8>) {
    match hir.kind() {
        HirKind::Empty => out.push(EMPTY),
        HirKind::Literal(literal) => {
            out.push(LITERAL);
            put_bytes(out, &literal.0);
        }
        HirKind::Class(Class::Unicode(class)) => {
            out.push(UNICODE_CLASS);
            put(out, class.ranges().len() as u64);
            for range in class.ranges() {
                put(out, u64::from(range.start()));
                put(out, u64::from(range.end()));
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            out.push(BYTE_CLASS);
            put(out, class.ranges().len() as u64);
            for range in class.ranges() {
                out.extend([range.start(), range.end()]);
            }
        }
        HirKind::Look(look) => {
            out.push(LOOK);
            put(out, u64::from(look.as_repr()));
        }
        HirKind::Repetition(rep) => {
            out.push(REPETITION);
            put(out, u64::from(rep.min));
            put(out, rep.max.map_or(0, |max| u64::from(max) + 1));
            out.push(u8::from(rep.greedy));
            encode(&rep.sub, out);
        }
        HirKind::Capture(capture) => {
            out.push(CAPTURE);
            put(out, u64::from(capture.index));
            match &capture.name {
                None => out.push(0),
                Some(name) => {
                    out.push(1);
                    put_bytes(out, name.as_bytes());
                }
            }
            encode(&capture.sub, out);
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            out.push(if matches!(hir.kind(), HirKind::Concat(_)) {
                CONCAT
            } else {
                ALTERNATION
            });
            put(out, subs.len() as u64);
            for sub in subs {
                encode(sub, out);
            }
        }
    }
}

/// Rebuilds a tree [`encode`] wrote at the start of `bytes`, moving `bytes`
/// past it; `None` for bytes it did not write.
pub fn decode(bytes: &mut &[u8], depth: usize) -> Option<Hir> {
    if depth > MAX_DEPTH {
        return None;
    }
    let (&tag, rest) = bytes.split_first()?;
    *bytes = rest;
    let children = |bytes: &mut &[u8]| -> Option<Vec<Hir>> {
        let len = take_len(bytes)?;
        (0..len).map(|_| decode(bytes, depth + 1)).collect()
    };
    Some(match tag {
        EMPTY => Hir::empty(),
        LITERAL => Hir::literal(take_bytes(bytes)?),
        UNICODE_CLASS => {
            let len = take_len(bytes)?;
            let char = |bytes: &mut &[u8]| char::from_u32(u32::try_from(take(bytes)?).ok()?);
            let ranges = (0..len)
                .map(|_| Some(ClassUnicodeRange::new(char(bytes)?, char(bytes)?)))
                .collect::<Option<Vec<_>>>()?;
            Hir::class(Class::Unicode(ClassUnicode::new(ranges)))
        }
        BYTE_CLASS => {
            let len = take_len(bytes)?;
            let ranges = (0..len)
                .map(|_| {
                    let (pair, rest) = bytes.split_first_chunk::<2>()?;
                    *bytes = rest;
                    Some(ClassBytesRange::new(pair[0], pair[1]))
                })
                .collect::<Option<Vec<_>>>()?;
            Hir::class(Class::Bytes(ClassBytes::new(ranges)))
        }
        LOOK => Hir::look(Look::from_repr(u32::try_from(take(bytes)?).ok()?)?),
        REPETITION => {
            let min = u32::try_from(take(bytes)?).ok()?;
            let max = match take(bytes)? {
                0 => None,
                n => Some(u32::try_from(n - 1).ok()?),
            };
            let (&greedy, rest) = bytes.split_first()?;
            *bytes = rest;
            let sub = decode(bytes, depth + 1)?;
            Hir::repetition(Repetition {
                min,
                max,
                greedy: greedy != 0,
                sub: Box::new(sub),
            })
        }
        CAPTURE => {
            let index = u32::try_from(take(bytes)?).ok()?;
            let (&named, rest) = bytes.split_first()?;
            *bytes = rest;
            let name = match named {
                0 => None,
                _ => Some(std::str::from_utf8(take_bytes(bytes)?).ok()?.into()),
            };
            let sub = decode(bytes, depth + 1)?;
            Hir::capture(Capture {
                index,
                name,
                sub: Box::new(sub),
            })
        }
        CONCAT => Hir::concat(children(bytes)?),
        ALTERNATION => Hir::alternation(children(bytes)?),
        _ => return None,
    })
}

/// Writes `n` as unsigned LEB128.
fn put(out: &mut Vec<u8>, n: u64) {
    // Writing to a Vec cannot fail.
    let _ = leb128::write::unsigned(out, n);
}

fn take(bytes: &mut &[u8]) -> Option<u64> {
    leb128::read::unsigned(bytes).ok()
}

/// A count read back, no larger than the bytes left could hold.
fn take_len(bytes: &mut &[u8]) -> Option<usize> {
    usize::try_from(take(bytes)?)
        .ok()
        .filter(|&n| n <= bytes.len())
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

fn take_bytes<'a>(bytes: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len = take_len(bytes)?;
    let (taken, rest) = bytes.split_at(len);
    *bytes = rest;
    Some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(pattern: &str) {
        // Byte classes need a parser that may match invalid UTF-8.
        let hir = regex_syntax::ParserBuilder::new()
            .utf8(false)
            .build()
            .parse(pattern)
            .unwrap();
        let mut bytes = Vec::new();
        encode(&hir, &mut bytes);
        let mut rest = bytes.as_slice();
        assert_eq!(decode(&mut rest, 0).as_ref(), Some(&hir), "{pattern}");
        assert!(rest.is_empty(), "{pattern}");
    }

    #[test]
    fn every_kind_of_node_round_trips() {
        for pattern in [
            "",
            "a",
            "(?i)annexed in (?<year>20\\d\\d)",
            "(?-u:\\xFF[\\x00-\\x7F])",
            "^\\A\\z$\\b\\B(?m:^$)(?-u:\\b)",
            "a*?b+c{2,5}d{3,}e{4}",
            "(a|b)(?:c|d|ef)|[^\\p{L}]",
            "\\p{Greek}+[—–-]",
            "[a&&b]",
        ] {
            round_trip(pattern);
        }
    }

    #[test]
    fn the_shipped_checks_patterns_round_trip() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("checks");
        let mut seen = 0;
        for entry in std::fs::read_dir(root).unwrap() {
            let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let value: toml::Value = toml::from_str(&source).unwrap();
            let mut patterns = Vec::new();
            collect_strings(&value, &mut patterns);
            for pattern in patterns {
                if regex_syntax::Parser::new().parse(&pattern).is_ok() {
                    round_trip(&pattern);
                    seen += 1;
                }
            }
        }
        assert!(seen > 200, "only {seen} patterns");
    }

    fn collect_strings(value: &toml::Value, out: &mut Vec<String>) {
        match value {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
            toml::Value::Table(table) => table.values().for_each(|v| collect_strings(v, out)),
            _ => {}
        }
    }

    #[test]
    fn unused_trees_age_out_of_the_file() {
        let tree = |pattern: &str| Arc::new(regex_syntax::Parser::new().parse(pattern).unwrap());
        let mut memo = Memo::default();
        memo.trees.insert("used".into(), tree("used"));
        memo.trees.insert("unused".into(), tree("unused"));
        let mut file = memo.encode();
        for write in 1..=KEEP_UNUSED {
            // A run that uses only `used`, and writes the file.
            let mut next = Memo {
                stored: Stored::index(file).unwrap(),
                ..Memo::default()
            };
            let used = next.stored.get("used").and_then(|t| t.decode()).unwrap();
            next.trees.insert("used".into(), Arc::new(used));
            file = next.encode();
            let stored = Stored::index(file.clone()).unwrap();
            let age = stored.trees.get("unused").map(|&(_, age)| age);
            let expected = (write < KEEP_UNUSED).then_some(write);
            assert_eq!(age, expected, "after {write} writes");
            assert_eq!(stored.trees["used"].1, 0);
        }
    }

    #[test]
    fn a_parse_is_remembered_and_stored() {
        let source = "(?i)remembered[ ]parse";
        let first = parse(source).unwrap();
        assert!(Arc::ptr_eq(&first, &parse(source).unwrap()));
        assert!(parse("(unclosed").is_err());
        let dir = tempfile::tempdir().unwrap();
        store(dir.path());
        let file = Stored::index(std::fs::read(dir.path().join(FILE)).unwrap()).unwrap();
        let stored = file.get(source).and_then(|tree| tree.decode());
        assert_eq!(stored.as_ref(), Some(&*first));
    }

    #[test]
    fn damaged_bytes_decode_to_nothing_without_panicking() {
        let hir = regex_syntax::Parser::new()
            .parse("(?i)(?<n>\\d+) (?:drones?|missiles?){1,3}\\b")
            .unwrap();
        let mut bytes = Vec::new();
        encode(&hir, &mut bytes);
        for cut in 0..bytes.len() {
            assert_eq!(decode(&mut &bytes[..cut], 0), None, "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0xFF;
            // Any answer will do but a panic.
            let _ = decode(&mut damaged.as_slice(), 0);
        }
        let deep = [CAPTURE, 0, 0].repeat(MAX_DEPTH + 2);
        assert_eq!(decode(&mut deep.as_slice(), 0), None);
    }

    #[test]
    fn a_file_round_trips_and_a_damaged_one_is_ignored() {
        let mut memo = Memo::default();
        for pattern in ["(?i)crimea", "\\d+ km"] {
            let hir = Arc::new(regex_syntax::Parser::new().parse(pattern).unwrap());
            memo.trees.insert(pattern.into(), hir);
        }
        let file = memo.encode();
        let stored = Stored::index(file.clone()).unwrap();
        assert_eq!(stored.trees.len(), 2);
        // Asked for twice, as two threads loading one check do: found both times.
        for _ in 0..2 {
            assert_eq!(
                stored.get("\\d+ km").and_then(|tree| tree.decode()),
                Some(regex_syntax::Parser::new().parse("\\d+ km").unwrap())
            );
        }
        for at in [0, file.len() / 2, file.len() - 1] {
            let mut damaged = file.clone();
            damaged[at] ^= 1;
            assert!(Stored::index(damaged).is_none(), "damage at {at}");
        }
        assert!(Stored::index(file[..file.len() - 1].to_vec()).is_none());
    }

    #[test]
    fn the_same_trees_give_the_same_file_whatever_their_order() {
        let tree = |pattern: &str| Arc::new(regex_syntax::Parser::new().parse(pattern).unwrap());
        let patterns = ["(?i)seized", "\\d+ km", "annexed in (20\\d\\d)", "kremlin"];
        let mut forwards = Memo::default();
        let mut backwards = Memo::default();
        for pattern in patterns {
            forwards.trees.insert(pattern.into(), tree(pattern));
        }
        for pattern in patterns.iter().rev() {
            backwards.trees.insert((*pattern).into(), tree(pattern));
        }
        let file = forwards.encode();
        assert_eq!(file, backwards.encode());
        // A later run that decodes some stored trees and not others writes
        // each tree once, and writes the same file every time.
        let rerun = || {
            let mut memo = Memo {
                stored: Stored::index(file.clone()).unwrap(),
                ..Memo::default()
            };
            for pattern in &patterns[..2] {
                let hir = memo.stored.get(pattern).and_then(|t| t.decode()).unwrap();
                memo.trees.insert((*pattern).into(), Arc::new(hir));
            }
            memo.encode()
        };
        let written = rerun();
        assert_eq!(
            Stored::index(written.clone()).unwrap().trees.len(),
            patterns.len()
        );
        assert_eq!(written, rerun());
    }
}
