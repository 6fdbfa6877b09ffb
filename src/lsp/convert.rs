//! Conversions between factlint's byte offsets and paths and the LSP's
//! UTF-16 positions and URIs.
//!
//! LSP positions count UTF-16 code units from the start of a line (`\n`,
//! `\r\n` and a lone `\r` all end one, as in [`LineIndex`]), so an emoji is
//! two units and a curly quote one, where factlint counts bytes.

use crate::document::LineIndex;
use lsp_types::{Position, Range, Uri};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A text with its line index, for converting positions back and forth.
#[derive(Debug)]
pub struct Text {
    pub text: String,
    pub lines: LineIndex,
}

impl Text {
    pub fn new(text: String) -> Self {
        Self {
            lines: LineIndex::new(&text),
            text,
        }
    }

    /// The LSP position of a byte offset (clamped to the text, moved back to a
    /// character boundary if it falls inside one).
    pub fn position(&self, offset: usize) -> Position {
        position(&self.text, &self.lines, offset)
    }

    /// The LSP range of a byte range.
    pub fn range(&self, span: std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of an LSP position; a column past the end of its line
    /// is the line's end, a line past the end is the end of the text.
    pub fn offset(&self, at: Position) -> usize {
        offset(&self.text, &self.lines, at)
    }
}

/// Largest char boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The LSP position of a byte offset of `text`.
pub fn position(text: &str, lines: &LineIndex, offset: usize) -> Position {
    let offset = floor_boundary(text, offset);
    let line = lines.line_of(offset);
    let start = lines.line_range(text, line).start.min(offset);
    let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
    Position::new(to_u32(line), to_u32(column))
}

/// The byte offset of an LSP position in `text`.
pub fn offset(text: &str, lines: &LineIndex, at: Position) -> usize {
    let line = at.line as usize;
    if line >= lines.line_count() {
        return text.len();
    }
    let range = lines.line_range(text, line);
    let mut units = at.character as usize;
    for (i, c) in text[range.clone()].char_indices() {
        if units == 0 {
            return range.start + i;
        }
        // A position inside a surrogate pair falls on the character's start.
        units = units.saturating_sub(c.len_utf16());
        if units == 0 {
            return range.start + i + c.len_utf8();
        }
    }
    range.end
}

/// The position of a 1-based line and character column when the text is
/// not at hand: exact when the line holds no character outside the BMP.
pub fn approximate(line: usize, column: usize) -> Position {
    Position::new(
        to_u32(line.saturating_sub(1)),
        to_u32(column.saturating_sub(1)),
    )
}

/// The local path of a `file:` URI, percent-decoded.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s
        .strip_prefix("file://")
        .or_else(|| s.strip_prefix("FILE://"))?;
    // `file:///p`, `file://localhost/p`; other hosts are not local files.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(i) if rest[..i].eq_ignore_ascii_case("localhost") => &rest[i..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = percent_decode(path)?;
    let decoded = String::from_utf8(bytes).ok()?;
    if cfg!(windows) {
        // `/c:/dir` → `c:/dir`
        let b = decoded.as_bytes();
        if b.len() >= 3 && b[0] == b'/' && b[1].is_ascii_alphabetic() && b[2] == b':' {
            return Some(PathBuf::from(&decoded[1..]));
        }
    }
    Some(PathBuf::from(decoded))
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The `file:` URI of a path (made absolute against `base` if relative).
pub fn path_to_uri(path: &Path, base: &Path) -> Option<Uri> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    };
    // `a/../b` → `b`, so the URI is the one the editor has for the file.
    let mut absolute = PathBuf::new();
    for component in joined.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                absolute.pop();
            }
            other => absolute.push(other),
        }
    }
    let text = absolute.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else if b == b':' && cfg!(windows) {
            uri.push(':');
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&uri).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Text {
        Text::new(s.to_string())
    }

    #[test]
    fn emoji_is_two_units_and_curly_quote_one() {
        let t = text("first line\n😀 “quoted” in 2020\n");
        let at = t.text.find("2020").unwrap();
        // 😀 = 2, space, “ = 1, quoted = 6, ” = 1, " in " = 4
        assert_eq!(t.position(at), Position::new(1, 2 + 1 + 1 + 6 + 1 + 4));
        assert_eq!(t.offset(Position::new(1, 15)), at);
        let r = t.range(at..at + 4);
        assert_eq!(r.end, Position::new(1, 19));
    }

    #[test]
    fn round_trips_every_character_boundary() {
        let t = text("\u{feff}a😀b\r\nc — “d”\re𝄞f\n");
        for (offset, c) in t.text.char_indices() {
            let p = t.position(offset);
            // The `\n` of a CRLF has no position of its own.
            if c == '\n' && t.text[..offset].ends_with('\r') {
                continue;
            }
            assert_eq!(t.offset(p), offset, "offset {offset} at {p:?}");
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let t = text("ab\ncd");
        assert_eq!(t.offset(Position::new(0, 99)), 2);
        assert_eq!(t.offset(Position::new(9, 0)), 5);
        assert_eq!(t.position(99), Position::new(1, 2));
        // inside a multi-byte character: its start
        let t = text("😀x");
        assert_eq!(t.position(2), Position::new(0, 0));
        // inside a surrogate pair: past the character
        assert_eq!(t.offset(Position::new(0, 1)), 4);
    }

    proptest::proptest! {
        #[test]
        fn conversions_never_panic(s in "(?s).{0,40}", line in 0u32..6, character in 0u32..50, at in 0usize..200) {
            let t = text(&s);
            let offset = t.offset(Position::new(line, character));
            proptest::prop_assert!(t.text.is_char_boundary(offset));
            let p = t.position(at);
            proptest::prop_assert!(t.offset(p) <= t.text.len());
        }
    }

    #[test]
    fn file_uris_round_trip_with_percent_encoding() {
        let path = Path::new("/tmp/a dir/ü#1.md");
        let uri = path_to_uri(path, Path::new("/")).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20dir/%C3%BC%231.md");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        let localhost = Uri::from_str("file://localhost/x/y.txt").unwrap();
        assert_eq!(uri_to_path(&localhost).unwrap(), Path::new("/x/y.txt"));
        let dotted = path_to_uri(Path::new("../x/./y.md"), Path::new("/a/b")).unwrap();
        assert_eq!(dotted.as_str(), "file:///a/x/y.md");
        let untitled = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(uri_to_path(&untitled), None);
    }
}
