//! Parse arbitrary bytes and lint them with the shipped checks (`checks/`),
//! with and without a publication date: never panics, spans stay in the file.
#![no_main]

use factlint::checks::load::{CheckSet, load_paths};
use factlint::document::Document;
use factlint::lint::lint_document;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;

static SHIPPED: LazyLock<CheckSet> = LazyLock::new(|| {
    let checks = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../checks");
    load_paths(&[checks]).expect("shipped checks load")
});

fuzz_target!(|data: &[u8]| {
    let published = data
        .first()
        .is_some_and(|b| b & 1 == 1)
        .then(|| jiff::civil::date(2024, 1, 5));
    for path in ["a.txt", "a.md"] {
        let Ok(doc) = Document::parse(path, data.to_vec(), published) else {
            return;
        };
        let out = lint_document(&SHIPPED, &doc);
        for f in &out.findings {
            assert!(doc.text.get(f.primary.span.clone()).is_some());
        }
    }
});
