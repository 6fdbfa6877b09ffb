//! `Document::parse` on arbitrary bytes, as `.txt` and as `.md`: never panics,
//! every span lies on char boundaries, and `LineIndex` round-trips.
#![no_main]

use factlint::document::{Document, LineIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for path in ["a.txt", "a.md"] {
        let Ok(doc) = Document::parse(path, data.to_vec(), None) else {
            continue;
        };
        let text = &doc.text;
        assert_eq!(doc.lintable.len(), text.len(), "masking keeps offsets");
        for p in &doc.paragraphs {
            assert!(p.start <= p.end && p.end <= text.len());
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        }
        for s in &doc.sentences {
            assert!(s.span.start <= s.span.end && s.span.end <= text.len());
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            let p = &doc.paragraphs[s.paragraph];
            assert!(p.start <= s.span.start && s.span.end <= p.end);
            // Rendering a location must not panic either.
            let loc = doc.location(s.span.clone());
            assert!(loc.excerpt.span.end <= loc.excerpt.text.len());
        }
        let index = LineIndex::new(text);
        let bytes = text.as_bytes();
        for (offset, _) in text.char_indices() {
            // Inside a BOM or between the `\r` and `\n` of a CRLF there is no column.
            if (offset > 0 && offset < 3 && text.starts_with('\u{feff}'))
                || (offset == 0 && text.starts_with('\u{feff}'))
                || (offset > 0 && bytes[offset] == b'\n' && bytes[offset - 1] == b'\r')
            {
                continue;
            }
            let at = index.line_col(text, offset);
            assert_eq!(index.offset(text, at), Some(offset), "offset {offset} at {at:?}");
        }
        let end = index.line_col(text, text.len());
        assert_eq!(index.offset(text, end), Some(text.len()));
    }
});
