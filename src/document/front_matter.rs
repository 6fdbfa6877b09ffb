//! YAML (`---`) and TOML (`+++`) front matter at the top of an article.

use jiff::civil::Date;
use std::ops::Range;

/// Metadata block that is never linted; its `date` is the publication date.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontMatter {
    /// The whole block, fences included.
    pub span: Range<usize>,
    pub date: Option<Date>,
}

/// Finds front matter starting at `start` (just after any BOM).
///
/// An unterminated block is not front matter: its text is linted like the rest.
pub fn parse(text: &str, start: usize) -> Option<FrontMatter> {
    let rest = &text[start..];
    let fence = ["---", "+++"].into_iter().find(|f| {
        rest.strip_prefix(f)
            .is_some_and(|r| r.starts_with('\n') || r.starts_with("\r\n"))
    })?;
    let mut offset = start + rest.find('\n')? + 1;
    let mut date = None;
    for line in text[offset..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        offset += line.len();
        if content == fence || (fence == "---" && content == "...") {
            return Some(FrontMatter {
                span: start..offset,
                date,
            });
        }
        if date.is_none() {
            date = date_field(content);
        }
    }
    None
}

/// `date: 2024-01-04`, `date = 2024-01-04T10:00:00Z`, `date: "2024-01-04"`.
fn date_field(line: &str) -> Option<Date> {
    let (key, value) = line.split_once([':', '='])?;
    if !matches!(key.trim(), "date" | "published") {
        return None;
    }
    let value = value.trim().trim_matches(['"', '\'']);
    value.get(..10)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_with_date() {
        let text = "---\ntitle: x\ndate: 2024-01-04\n---\nBody";
        let fm = parse(text, 0).expect("front matter");
        assert_eq!(
            &text[fm.span.clone()],
            "---\ntitle: x\ndate: 2024-01-04\n---\n"
        );
        assert_eq!(fm.date, Some(jiff::civil::date(2024, 1, 4)));
    }

    #[test]
    fn toml_front_matter_with_datetime_and_crlf() {
        let text = "+++\r\ndate = 2024-01-05T03:07:00Z\r\n+++\r\nBody";
        let fm = parse(text, 0).expect("front matter");
        assert_eq!(fm.date, Some(jiff::civil::date(2024, 1, 5)));
        assert!(text[fm.span.end..].starts_with("Body"));
    }

    #[test]
    fn unterminated_block_is_not_front_matter() {
        assert_eq!(parse("---\ndate: 2024-01-04\nBody", 0), None);
        assert_eq!(parse("--- a rule", 0), None);
    }
}
