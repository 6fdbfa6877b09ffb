//! Which bytes of an article are prose to lint.
//!
//! Rather than building a new string with offsets to map back, excluded bytes are
//! blanked in a copy of the text of the same length: every span found in the
//! masked copy is a span of the original file.

use crate::matcher;
use regex_automata::meta::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How an article is marked up: from its file extension, or, for a text
/// file, from how it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    PlainText,
    /// XML or HTML saved as text (an RSS or Atom feed, a page's source): it
    /// starts with a tag, and its tags are markup, not prose.
    Tags,
}

impl Markup {
    pub fn of(path: &str, text: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Markup::Markdown;
        }
        let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        let mut chars = start.chars();
        let opens_tag = chars.next() == Some('<')
            && chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '?' | '!'));
        if opens_tag {
            Markup::Tags
        } else {
            Markup::PlainText
        }
    }
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()\[\]]+")
        .expect("valid URL pattern")
});
// Both start with a literal rare in prose, which the prefilter jumps to.
static HTML_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(r"(?s)<!--.*?(?:-->|\z)").expect("valid comment pattern")
});
/// A link's target, a reference definition ("[1]: https://…"), and a
/// footnote's label (`[^2]`, `[^2]:`): the footnote's own text is prose.
static LINK_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str(
        r"\]\([^)\n]*\)|(?m)^[ ]{0,3}\[[^\]\n^][^\]\n]*\]:[^\n]*|\[\^[^\]\s]+\]:?|<[a-z]+:[^>\s]+>",
    )
    .expect("valid link pattern")
});
/// An HTML or XML tag (`<em>`, `<a href="…">`, `</div>`,
/// `<content:encoded>`), a declaration (`<?xml …?>`, `<!DOCTYPE …>`) or the
/// brackets of a CDATA section: markup, not prose; the text between tags is
/// prose.
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(
        r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<\?[^<>]*\?>|<![A-Za-z][^<>]*>|<!\[CDATA\[|\]\]>",
    )
    .expect("valid tag pattern")
});
static INLINE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(r"`[^`\n]+`|``[^\n]+?``").expect("valid code pattern")
});

/// Text struck through, with what strikes it: Markdown's `~~…~~` and HTML's
/// `<del>`, `<s>` and `<strike>`. A correction shown in place ("fired on
/// ~~Dec. 29~~ Dec. 30") strikes the old words: they are no longer said.
static STRUCK: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(
        r"(?i)~~[^~\n]+~~|<(?:del|s|strike)(?:\s[^<>]*)?>[^<]*</(?:del|s|strike)\s*>",
    )
    .expect("valid strikethrough pattern")
});

/// A word processor's review marks kept in an export: a deletion tracked in
/// place ("[Deleted: more than 1,000]", whose words are no longer said) and
/// a reviewer's comment ("[Comment JS1: check this date]"), in any markup.
static REVIEW_MARK: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(
        r"\[(?:Deleted|Removed|Comment(?: [A-Z]{1,4}[0-9]*)?):[^\]\n]*\]",
    )
    .expect("valid review-mark pattern")
});

/// The ranges of `text` that are not prose, in order of discovery (may overlap).
pub fn excluded_ranges(text: &str, markup: Markup) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = URL.find_iter(text).map(|m| m.range()).collect();
    ranges.extend(crate::suppress::directive_ranges(text));
    ranges.extend(REVIEW_MARK.find_iter(text).map(|m| m.range()));
    if markup == Markup::PlainText {
        return ranges;
    }
    ranges.extend(HTML_COMMENT.find_iter(text).map(|m| m.range()));
    ranges.extend(HTML_TAG.find_iter(text).map(|m| m.range()));
    ranges.extend(STRUCK.find_iter(text).map(|m| m.range()));
    if markup == Markup::Markdown {
        ranges.extend(code_blocks(text));
        ranges.extend(LINK_TARGET.find_iter(text).map(|m| {
            // Keep the closing bracket of the link text; blank "(target)".
            let r = m.range();
            if text[r.clone()].starts_with("](") {
                r.start + 1..r.end
            } else {
                r
            }
        }));
        ranges.extend(INLINE_CODE.find_iter(text).map(|m| m.range()));
    }
    ranges
}

/// Fenced (``` / ~~~, unterminated runs to the end) and indented code blocks.
fn code_blocks(text: &str) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut fence: Option<(u8, usize, usize)> = None; // (char, length, start offset)
    let mut previous_blank = true;
    let mut indented_start: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start_matches(' ');
        let indent = content.len() - trimmed.len();
        if let Some((ch, len, block_start)) = fence {
            let run = trimmed.bytes().take_while(|&b| b == ch).count();
            if indent < 4 && run >= len && trimmed[run..].trim().is_empty() {
                blocks.push(block_start..offset);
                fence = None;
            }
            continue;
        }
        let first = trimmed.bytes().next();
        if indent < 4 && matches!(first, Some(b'`' | b'~')) {
            let ch = first.unwrap_or(b'`');
            let run = trimmed.bytes().take_while(|&b| b == ch).count();
            if run >= 3 {
                if let Some(s) = indented_start.take() {
                    blocks.push(s..start);
                }
                fence = Some((ch, run, start));
                continue;
            }
        }
        let blank = content.trim().is_empty();
        let is_indented = !blank && (indent >= 4 || content.starts_with('\t'));
        match (indented_start, is_indented) {
            (None, true) if previous_blank => indented_start = Some(start),
            (Some(s), false) if !blank => {
                blocks.push(s..start);
                indented_start = None;
            }
            _ => {}
        }
        previous_blank = blank;
    }
    if let Some((_, _, s)) = fence {
        blocks.push(s..text.len());
    }
    if let Some(s) = indented_start {
        blocks.push(s..text.len());
    }
    blocks
}

/// A copy of `text` of the same length with `ranges` blanked (line breaks kept).
pub fn mask(text: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in ranges {
        for b in &mut bytes[range.clone()] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Whole UTF-8 sequences were blanked byte by byte: every range starts and
    // ends on a char boundary, so the result is still valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lintable(text: &str, markup: Markup) -> String {
        mask(text, &excluded_ranges(text, markup))
    }

    #[test]
    fn code_urls_and_comments_are_blanked_in_markdown() {
        let text = "Prose annexed in 2020.\n\n```\nannexed in 2020\n```\n\nSee `annexed in 2020` and https://x.org/annexed-in-2020 <!-- annexed in 2020 -->\n";
        let masked = lintable(text, Markup::Markdown);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked.matches("2020").count(), 1);
        assert!(masked.starts_with("Prose annexed in 2020."));
    }

    #[test]
    fn link_text_is_kept_and_target_blanked() {
        let text = "[annexed in 2022](https://example.org/2020) later";
        let masked = lintable(text, Markup::Markdown);
        assert!(masked.starts_with("[annexed in 2022]"));
        assert!(!masked.contains("2020"));
    }

    #[test]
    fn a_footnotes_label_is_blanked_and_its_text_kept() {
        let text = "Fired on Dec. 29.[^2]\n\n[^2]: Kirby dated the first launch to December 29.\n[1]: https://example.org/2020 \"annexed in 2020\"";
        let masked = lintable(text, Markup::Markdown);
        assert_eq!(masked.matches("December 29").count(), 1);
        assert!(!masked.contains("[^2]"));
        assert!(!masked.contains("2020"));
        assert_eq!(masked.len(), text.len());
    }

    #[test]
    fn html_tags_are_blanked_and_their_text_kept() {
        let text = "Fired <em>on Dec. 30</em>, <a href=\"https://x.org/2020\">per Kirby</a>.\n\n<div class=\"ad-slot\">Advertisement</div>\n\nIf a < b and c > d, 5 <10 km.";
        let masked = lintable(text, Markup::Markdown);
        assert_eq!(masked.len(), text.len());
        assert!(masked.contains("Fired     on Dec. 30     , "), "{masked}");
        assert!(masked.contains("per Kirby    ."), "{masked}");
        assert!(
            !masked.contains("2020") && !masked.contains("div"),
            "{masked}"
        );
        assert!(masked.contains("If a < b and c > d, 5 <10 km."), "{masked}");
        // Plain text keeps them: they may be what an article says.
        let plain = lintable(text, Markup::PlainText);
        assert!(
            plain.contains("<em>on Dec. 30</em>") && plain.contains("<div"),
            "{plain}"
        );
    }

    #[test]
    fn a_text_file_that_starts_with_a_tag_is_markup() {
        let feed = "\u{feff}<?xml version=\"1.0\"?>\n<rss><channel>\n<item>\n<title>Annexed in 2022</title>\n<content:encoded><![CDATA[Fired on <b>Dec. 30</b>.]]></content:encoded>\n</item>";
        assert_eq!(Markup::of("feed.txt", feed), Markup::Tags);
        assert_eq!(Markup::of("feed.md", feed), Markup::Markdown);
        assert_eq!(
            Markup::of("a.txt", "If a < b, 5 <10 km."),
            Markup::PlainText
        );
        assert_eq!(Markup::of("a.txt", "<10 km away"), Markup::PlainText);
        let masked = lintable(feed, Markup::Tags);
        assert_eq!(masked.len(), feed.len());
        // Lines of tags alone become blank lines: they part paragraphs.
        assert_eq!(masked.lines().nth(2).map(str::trim), Some(""), "{masked}");
        assert!(
            masked.contains("       Annexed in 2022        "),
            "{masked}"
        );
        assert!(masked.contains("Fired on    Dec. 30    ."), "{masked}");
        for markup in ["xml", "rss", "item", "content", "CDATA", "]]>", "<", ">"] {
            assert!(!masked.contains(markup), "{markup} in {masked}");
        }
    }

    #[test]
    fn struck_text_is_blanked() {
        let text = "Fired on ~~Friday, Dec. 29~~ Saturday, Dec. 30, killing <del>four</del> <s class=\"x\">4</s> five.\nA ~ tilde and ~~unclosed text.";
        let masked = lintable(text, Markup::Markdown);
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("29") && !masked.contains("four") && !masked.contains(" 4 "));
        assert!(masked.contains("Saturday, Dec. 30") && masked.contains("five"));
        assert!(masked.contains("~~unclosed text."));
        // Plain text is read as written.
        assert!(lintable(text, Markup::PlainText).contains("~~Friday, Dec. 29~~"));
    }

    #[test]
    fn tracked_deletions_and_review_comments_are_blanked_in_any_markup() {
        let text = "fired on [Deleted: December 29][Inserted: December 30] [Comment JS1: check this date] and [Deleted] [see note: 2014].";
        for markup in [Markup::Markdown, Markup::PlainText] {
            let masked = lintable(text, markup);
            assert!(
                !masked.contains("29") && !masked.contains("JS1"),
                "{masked}"
            );
            assert!(masked.contains("December 30"));
            assert!(masked.contains("[Deleted] [see note: 2014]."));
        }
    }

    #[test]
    fn indented_code_after_blank_line() {
        let text = "Para\n\n    annexed in 2020\n\nNext";
        assert!(!lintable(text, Markup::Markdown).contains("2020"));
        // In plain text indentation means nothing.
        assert!(lintable(text, Markup::PlainText).contains("2020"));
    }

    #[test]
    fn unterminated_fence_runs_to_end() {
        let text = "Para\n```\nannexed in 2020\n";
        assert!(!lintable(text, Markup::Markdown).contains("2020"));
    }

    #[test]
    fn multibyte_text_inside_code_stays_valid() {
        let text = "`“2020”` ok";
        let masked = lintable(text, Markup::Markdown);
        assert_eq!(masked.len(), text.len());
        assert!(masked.ends_with(" ok"));
    }
}
