//! Byte offset → line and column, computed once per document.

/// A 1-based line and a 1-based column counted in characters.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line, so positions are found by binary search.
///
/// `\n`, `\r\n` and a lone `\r` all end a line. A byte-order mark is not a
/// column: the first character after it is column 1.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    bom_len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        let bom_len = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Self { starts, bom_len }
    }

    /// Number of lines (a trailing newline starts an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte range of 0-based `line`, without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// Line and character column of a byte offset, which must lie on a char boundary.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let mut start = self.starts[line];
        if line == 0 {
            start = start.max(self.bom_len.min(offset));
        }
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The byte offset of a line and column, the inverse of [`Self::line_col`].
    pub fn offset(&self, text: &str, at: LineCol) -> Option<usize> {
        let line = at.line.checked_sub(1).filter(|&l| l < self.starts.len())?;
        let range = self.line_range(text, line);
        let start = if line == 0 {
            range.start + self.bom_len
        } else {
            range.start
        };
        let skip = at.column.checked_sub(1)?;
        let line_text = text.get(start..range.end)?;
        if skip == line_text.chars().count() {
            return Some(range.end);
        }
        line_text.char_indices().nth(skip).map(|(i, _)| start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> LineCol {
        let offset = text.find(needle).expect("needle in text");
        LineIndex::new(text).line_col(text, offset)
    }

    #[test]
    fn counts_lines_and_character_columns() {
        let text = "first\nsecond “quoted” 2020\n";
        assert_eq!(
            at(text, "2020"),
            LineCol {
                line: 2,
                column: 17
            }
        );
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        assert_eq!(
            at("a\r\nb\r\nxx 2020", "2020"),
            LineCol { line: 3, column: 4 }
        );
        assert_eq!(at("a\rb\rxx 2020", "2020"), LineCol { line: 3, column: 4 });
    }

    #[test]
    fn bom_is_not_a_column() {
        assert_eq!(
            at("\u{feff}in 2020", "2020"),
            LineCol { line: 1, column: 4 }
        );
        assert_eq!(
            at("\u{feff}a\nin 2020", "2020"),
            LineCol { line: 2, column: 4 }
        );
    }

    #[test]
    fn tab_counts_as_one_column() {
        assert_eq!(at("\tin 2020", "2020"), LineCol { line: 1, column: 5 });
    }

    #[test]
    fn line_range_strips_terminators() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(text, 0)], "one");
        assert_eq!(&text[index.line_range(text, 1)], "two");
        assert_eq!(&text[index.line_range(text, 2)], "three");
    }

    #[test]
    fn offset_round_trips() {
        let text = "\u{feff}“a” b\r\nc — d\re";
        let index = LineIndex::new(text);
        // The "\n" of a CRLF is inside a line terminator: no column names it.
        for (offset, _) in text.char_indices().skip(1).filter(|&(i, _)| i != 13) {
            let pos = index.line_col(text, offset);
            assert_eq!(index.offset(text, pos), Some(offset), "offset {offset}");
        }
    }
}
