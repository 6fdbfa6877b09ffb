//! serde_json's pretty layout (two spaces a level), started some levels in,
//! with each line break and its indentation written at once.
//!
//! SARIF results are rendered one at a time on the worker threads, then
//! joined into the log four levels in. `serde_json::ser::PrettyFormatter`
//! starts at the left margin and writes two bytes per level of each line's
//! indentation, one call into the writer each: a result's ~60 lines, eight
//! levels deep on average, took ~500 calls for their margins alone. The JSON
//! report uses the same layout from the margin.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io;

/// Appends `value` to `out`, pretty-printed as at `depth` levels into a
/// document: its first line where `out` ends, its later lines indented by
/// `depth` levels more than `serde_json::to_string_pretty` would.
pub fn write_at<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    depth: usize,
) -> serde_json::Result<()> {
    let layout = Layout {
        depth,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(out, layout))
}

/// A comma, a line break and the indentation of the deepest level written in
/// one call; deeper lines add the rest two spaces at a time.
const BREAK: &[u8; 2 + 2 * 24] = b",\n                                                ";

/// Where the serializer is: how deep, and whether the open array or object
/// has a value yet (an empty one closes on the same line: `[]`).
struct Layout {
    depth: usize,
    has_value: bool,
}

impl Layout {
    /// A line break, after a comma unless `first`, and the margin of `depth`.
    fn line_break<W: ?Sized + io::Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let start = usize::from(first);
        let margin = 2 * self.depth;
        match BREAK.get(start..2 + margin) {
            Some(bytes) => writer.write_all(bytes),
            None => {
                writer.write_all(&BREAK[start..])?;
                for _ in BREAK.len() - 2..margin {
                    writer.write_all(b" ")?;
                }
                Ok(())
            }
        }
    }

    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line_break(writer, true)?;
        }
        writer.write_all(bracket)
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn at(value: &Value, depth: usize) -> String {
        let mut out = Vec::new();
        write_at(&mut out, value, depth).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// serde_json's own layout, moved `depth` levels in.
    fn reference(value: &Value, depth: usize) -> String {
        let margin = "  ".repeat(depth);
        serde_json::to_string_pretty(value)
            .unwrap()
            .replace('\n', &format!("\n{margin}"))
    }

    /// `levels` objects and arrays inside each other, with empty ones and
    /// strings that need escaping on the way.
    fn nested(levels: usize) -> Value {
        (0..levels).fold(json!("a \"quoted\"\nline"), |inner, level| {
            if level % 2 == 0 {
                json!({ "k": inner, "empty": {}, "n": level })
            } else {
                json!([inner, [], null, "é"])
            }
        })
    }

    #[test]
    fn lays_out_as_serde_json_does_at_any_depth() {
        for levels in [0, 1, 2, 5, 30] {
            let value = nested(levels);
            for depth in [0, 1, 4, 23, 24, 25, 40] {
                assert_eq!(
                    at(&value, depth),
                    reference(&value, depth),
                    "{levels} levels at depth {depth}"
                );
            }
        }
    }

    #[test]
    fn empty_containers_close_on_their_line() {
        assert_eq!(at(&json!({}), 3), "{}");
        assert_eq!(at(&json!([[], {}]), 0), "[\n  [],\n  {}\n]");
    }
}
