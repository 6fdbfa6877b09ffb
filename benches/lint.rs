//! The per-document hot path: `Document::parse` + `lint_document` with the
//! shipped checks, over the five seed articles.
//!
//! Run with `cargo bench --bench lint`. Throughput is in bytes of article text.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use factlint::checks::load::{CheckSet, load_paths};
use factlint::document::Document;
use factlint::lint::lint_document;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// How many times the five seed articles are repeated.
const REPEAT: usize = 20;

fn main() {
    divan::main();
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

static CHECKS: LazyLock<CheckSet> = LazyLock::new(|| {
    load_paths(&[root().join("checks")]).unwrap_or_else(|e| panic!("shipped checks: {e:?}"))
});

/// The seed articles, sorted by name.
static SEEDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus/")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "five seed articles");
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed article"))
        .collect()
});

/// The five seed articles concatenated, ×20, as one document.
static CONCATENATED: LazyLock<String> = LazyLock::new(|| SEEDS.join("\n\n").repeat(REPEAT));

fn published() -> Option<jiff::civil::Date> {
    Some(jiff::civil::date(2024, 1, 5))
}

/// One document of the five articles concatenated ×20 (~275 KB).
#[divan::bench]
fn parse_and_lint_concatenated(bencher: Bencher) {
    let checks = &*CHECKS;
    let text = &*CONCATENATED;
    bencher
        .counter(BytesCount::of_str(text))
        .with_inputs(|| text.as_bytes().to_vec())
        .bench_local_values(|bytes| {
            let doc = Document::parse("concatenated.txt", bytes, published()).expect("utf-8");
            lint_document(checks, &doc)
        });
}

/// The same bytes as 100 separate documents (each seed article ×20).
#[divan::bench]
fn parse_and_lint_each(bencher: Bencher) {
    let checks = &*CHECKS;
    let total: usize = SEEDS.iter().map(String::len).sum::<usize>() * REPEAT;
    bencher
        .counter(BytesCount::new(total))
        .with_inputs(|| {
            (0..REPEAT)
                .flat_map(|_| SEEDS.iter().map(|s| s.as_bytes().to_vec()))
                .collect::<Vec<_>>()
        })
        .bench_local_values(|docs| {
            let mut findings = 0;
            for bytes in docs {
                let doc = Document::parse("seed.txt", bytes, published()).expect("utf-8");
                findings += lint_document(checks, &doc).findings.len();
            }
            findings
        });
}

/// `Document::parse` alone on the concatenated text: the share of the hot path
/// that is decoding, masking and segmentation rather than checks.
#[divan::bench]
fn parse_only_concatenated(bencher: Bencher) {
    let text = &*CONCATENATED;
    bencher
        .counter(BytesCount::of_str(text))
        .with_inputs(|| text.as_bytes().to_vec())
        .bench_local_values(|bytes| {
            black_box(Document::parse("concatenated.txt", bytes, published()).expect("utf-8"))
        });
}
