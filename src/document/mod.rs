//! The document model: an article read once, with everything checks need to
//! know about its structure.

pub mod front_matter;
pub mod lines;
pub mod markdown;
pub mod segment;
mod stamps;

use crate::finding::{Excerpt, Finding, Location};
use crate::matcher;
use crate::values::date::{DateContext, NumericOrder};
use front_matter::FrontMatter;
use jiff::civil::Date;
pub use lines::{LineCol, LineIndex};
use markdown::Markup;
use regex_automata::meta::Regex;
use std::ops::Range;
use std::sync::{Arc, LazyLock, OnceLock};

/// An article: its original text and its lintable structure.
///
/// All ranges are byte offsets into `text`, the file exactly as read.
#[derive(Debug)]
pub struct Document {
    /// Unique in this process: caches of per-document work are keyed by it.
    pub id: u64,
    /// The path as shown to the user.
    pub path: Arc<str>,
    pub text: String,
    /// `text` with non-prose bytes (front matter, code, URLs, comments) blanked.
    pub lintable: String,
    pub lines: LineIndex,
    pub front_matter: Option<FrontMatter>,
    /// When the article was published: resolves "on Tuesday" and "December 30".
    pub published: Option<Date>,
    /// How to read an ambiguous numeric date such as 06-01-2024 (set from the
    /// manifest's `date-order`; month first unless it says otherwise).
    pub numeric_order: NumericOrder,
    pub paragraphs: Vec<Range<usize>>,
    /// For each paragraph, what kind of aside it is, if any, once asked
    /// ([`Document::aside`]).
    asides: Vec<OnceLock<Option<Aside>>>,
    /// The first paragraph of the readers' comments under the article, if
    /// it has any (else the number of paragraphs), once asked.
    comments_from: OnceLock<usize>,
    /// Where each entry of a chat export, live blog or e-mail chain starts,
    /// and the day its stamp gives, once asked ([`Document::date_context_at`]).
    entry_days: OnceLock<Vec<(usize, Date)>>,
    pub sentences: Vec<Sentence>,
}

/// The longest paragraph read as a photo caption, in bytes. A text with no
/// blank lines (a note pasted line by line) is one long paragraph, which a
/// photo credit on one of its lines does not make a caption.
const CAPTION_MAX: usize = 800;

/// Credits that end a photo caption.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str(
        r"(?i)\((?:AP|AFP|Reuters|EPA|Getty)(?:\s*Photo|/)[^)]{0,40}\)|\((?:AP|AFP|Reuters|EPA|Getty)[^)]{0,40}\)\s*$|(?-u:\b)REUTERS/|(?-u:\b)(?:AP|AFP|EPA) Photo(?-u:\b)|(?-u:\b)Getty Images(?-u:\b)|(?-u:\b)Photo(?:graph)?:|(?:^|\s)/\s*AFP(?-u:\b)|(?-u:\b)AFP\s*$|(?-u:\b)File photo(?-u:\b)",
    )
    .expect("valid caption pattern")
});

/// A fact-check's label for the claim it tests, at the start of a paragraph
/// (a Markdown heading or emphasis before it): "Claim 1:", "## Claim:",
/// "**Rumour:**".
static CLAIM_UNDER_REVIEW: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str(
        r"(?i)\A[#*_>\s]*(?:the |viral |false )?(?:claim|rumou?r)(?:\s*[0-9]+)?[*_]*\s*:",
    )
    .expect("valid claim pattern")
});

/// The heading of a page's reader comments: "READER COMMENTS", "12
/// comments", "Comments (4)", "Join the conversation".
static COMMENTS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str(
        r"(?i)\A[#*_>\s]*(?:(?:reader|user|readers['’]?) comments|comments?(?:\s*\([0-9]+\))?|[0-9]+ (?:comments?|responses?)|join the (?:conversation|discussion)|(?:leave|post|add) a (?:comment|reply)|what (?:our )?readers (?:say|think))[*_]*\s*:?\s*\z",
    )
    .expect("valid comments pattern")
});

/// A line that is only an image: a scraped file name
/// ("kharkiv-debris_1200x675.webp") or a Markdown image.
static IMAGE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str(
        r"(?i)\A[ \t]*(?:!\[[^\]\n]*\]\([^)\n]*\)|[\w./~%-]+\.(?:jpe?g|png|webp|gif|avif))[ \t]*\z",
    )
    .expect("valid image pattern")
});

/// A paragraph that is not the story told: what it says is not compared
/// with the rest, or only in part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aside {
    /// A photo caption: its days are the photo's ("Kharkiv, Tuesday, Jan. 2,
    /// 2024"), while its counts, years and quotations are the story's.
    Caption,
    /// A claim a fact-check quotes to test it: nothing in it is the story's.
    Claim,
    /// A reader's comment under the article: nothing in it is the story's.
    Comment,
}

/// The paragraph that opens the readers' comments with their heading (the
/// comments may follow on its next lines or in the paragraphs after it).
/// Only a heading in the second half of the text counts: near the top,
/// "Comments" is a link in the page's menu, and taking the article for
/// comments would silence it.
fn comments_from(text: &str, paragraphs: &[Range<usize>]) -> usize {
    let half = text.len() / 2;
    paragraphs
        .iter()
        .position(|p| {
            let first_line = text[p.clone()].lines().next().unwrap_or("");
            p.start >= half && first_line.len() <= 40 && COMMENTS_HEADING.is_match(first_line)
        })
        .unwrap_or(paragraphs.len())
}

/// A sentence, and the paragraph it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub span: Range<usize>,
    pub paragraph: usize,
}

/// Why a file cannot be linted as an article.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum Unreadable {
    #[error("contains NUL bytes (a binary file?)")]
    Binary,
    #[error("is UTF-16 encoded; convert it to UTF-8")]
    Utf16,
    #[error("is not valid UTF-8 (invalid byte at line {line}, byte offset {offset})")]
    InvalidUtf8 { offset: usize, line: usize },
}

impl Document {
    /// Decodes and analyses an article. `published` is the date known from outside
    /// the file (manifest, `--published`); front matter wins over it.
    pub fn parse(
        path: impl Into<Arc<str>>,
        bytes: Vec<u8>,
        published: Option<Date>,
    ) -> Result<Self, Unreadable> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(Unreadable::Utf16);
        }
        if memchr::memchr(0, &bytes).is_some() {
            return Err(Unreadable::Binary);
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            Unreadable::InvalidUtf8 { offset, line }
        })?;
        let path = path.into();
        let markup = Markup::of(&path, &text);
        let bom_len = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let front_matter = front_matter::parse(&text, bom_len);
        let mut excluded = markdown::excluded_ranges(&text, markup);
        excluded.push(0..bom_len);
        if let Some(fm) = &front_matter {
            excluded.push(fm.span.clone());
        }
        let lintable = markdown::mask(&text, &excluded);
        let paragraphs = segment::paragraphs(&lintable);
        let sentences = paragraphs
            .iter()
            .enumerate()
            .flat_map(|(index, p)| {
                segment::sentences(&lintable, p.clone())
                    .into_iter()
                    .map(move |span| Sentence {
                        span,
                        paragraph: index,
                    })
            })
            .collect();
        let asides = paragraphs.iter().map(|_| OnceLock::new()).collect();
        let published = front_matter.as_ref().and_then(|f| f.date).or(published);
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Ok(Self {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            path,
            lines: LineIndex::new(&text),
            text,
            lintable,
            front_matter,
            published,
            numeric_order: NumericOrder::MonthFirst,
            paragraphs,
            asides,
            comments_from: OnceLock::new(),
            entry_days: OnceLock::new(),
            sentences,
        })
    }

    /// Whether paragraph `index` is an aside, and which kind: a photo
    /// caption ("… (AP Photo/…)", or the text under an image's line), a
    /// fact-check's heading for the claim it goes on to test ("Claim 2:
    /// \"annexed in 2014\""), or readers' comments under the article.
    /// Looked for when first asked, which is when a check finds something
    /// in the paragraph: looking in every paragraph ahead cost 3% of a run,
    /// and asking this way reads a third less text.
    pub fn aside(&self, index: usize) -> Option<Aside> {
        let comments_from = *self
            .comments_from
            .get_or_init(|| comments_from(&self.lintable, &self.paragraphs));
        if index >= comments_from {
            return Some(Aside::Comment);
        }
        *self.asides[index].get_or_init(|| {
            let text = &self.lintable[self.paragraphs[index].clone()];
            if CLAIM_UNDER_REVIEW.is_match(text) {
                Some(Aside::Claim)
            } else if text.len() <= CAPTION_MAX
                && (PHOTO_CREDIT.is_match(text) || self.follows_an_image(index))
            {
                Some(Aside::Caption)
            } else {
                None
            }
        })
    }

    /// Whether paragraph `index` opens with an image's line: the lines
    /// under it are its caption, as its alternative text is. (After a blank
    /// line, the article goes on.) Read in the original text: the lintable
    /// one blanks a Markdown image's address.
    fn follows_an_image(&self, index: usize) -> bool {
        let start = self.paragraphs[index].start;
        IMAGE_LINE.is_match(self.text[start..].lines().next().unwrap_or(""))
    }

    /// Where `span` is, with the source lines around it for rendering.
    pub fn location(&self, span: Range<usize>) -> Location {
        self.source().location(span)
    }

    /// The text and line index alone, which is all locating a span needs.
    pub fn source(&self) -> Source<'_> {
        Source {
            path: &self.path,
            text: &self.text,
            lines: &self.lines,
        }
    }

    /// What a date extractor needs to know about this article.
    pub fn date_context(&self) -> DateContext {
        DateContext {
            published: self.published,
            numeric_order: self.numeric_order,
        }
    }

    /// How to read the dates of the text at `offset`: as [`Self::date_context`],
    /// except in an entry of a chat export, live blog or e-mail chain, whose
    /// relative dates ("this morning", "on Tuesday") are counted from the
    /// day its stamp gives.
    pub fn date_context_at(&self, offset: usize) -> DateContext {
        let days = self.entry_days();
        let entry = days.partition_point(|&(start, _)| start <= offset);
        DateContext {
            published: entry.checked_sub(1).map(|i| days[i].1).or(self.published),
            numeric_order: self.numeric_order,
        }
    }

    /// `span` cut where an entry starts in it (a chat message that ends
    /// without a full stop runs into the next one's sentence), each part
    /// with how to read its dates ([`Self::date_context_at`]).
    pub fn dated_parts(&self, span: Range<usize>) -> Vec<(Range<usize>, DateContext)> {
        let cuts = self
            .entry_days()
            .iter()
            .map(|&(start, _)| start)
            .filter(|&start| span.start < start && start < span.end);
        let mut parts = Vec::new();
        let mut from = span.start;
        for to in cuts.chain([span.end]) {
            parts.push((from..to, self.date_context_at(from)));
            from = to;
        }
        parts
    }

    fn entry_days(&self) -> &[(usize, Date)] {
        self.entry_days
            .get_or_init(|| stamps::entry_days(&self.lintable, &self.date_context()))
    }
}

/// An article's text and line index: enough to turn spans into locations
/// with their lines, without the analysis [`Document::parse`] does for
/// linting (findings across articles are completed this way at the end of a run).
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub path: &'a Arc<str>,
    pub text: &'a str,
    pub lines: &'a LineIndex,
}

impl Source<'_> {
    /// Where `span` is, with the source lines around it for rendering.
    pub fn location(&self, span: Range<usize>) -> Location {
        let excerpt = self.excerpt(&span);
        let start = self.lines.line_col(self.text, span.start);
        let end = self.lines.line_col(self.text, span.end);
        self.located(span, start, end, excerpt)
    }

    /// `self.location(span).compact()`, without copying the lines first: what
    /// every fact kept for a comparison needs.
    pub fn compact_location(&self, span: Range<usize>) -> Location {
        let flagged = &self.text[span.clone()];
        // No other character is written with these bytes, but for some
        // that start with 0xEF as a BOM does: a byte search rules most out.
        if memchr::memchr3(b'\n', b'\r', 0xEF, flagged.as_bytes()).is_some()
            && flagged.contains(['\n', '\r', '\u{feff}'])
        {
            // Line ends are normalised in an excerpt: let it do so.
            return self.location(span).compact();
        }
        let start = self.lines.line_col(self.text, span.start);
        // On the line it starts on: it ends as many characters further on.
        let end = LineCol {
            line: start.line,
            column: start.column + flagged.chars().count(),
        };
        let excerpt = Excerpt::compact(flagged.to_string(), start.line);
        self.located(span, start, end, excerpt)
    }

    fn located(
        &self,
        span: Range<usize>,
        start: LineCol,
        end: LineCol,
        excerpt: Excerpt,
    ) -> Location {
        Location {
            path: self.path.clone(),
            start,
            end,
            excerpt,
            span,
            label: None,
        }
    }

    /// Gives every compact location of `findings` in this document its lines back.
    pub fn complete_locations(&self, findings: &mut [Finding]) {
        for finding in findings {
            for location in std::iter::once(&mut finding.primary).chain(&mut finding.related) {
                if !location.excerpt.complete && *location.path == **self.path {
                    let label = location.label.take();
                    *location = self.location(location.span.clone());
                    location.label = label;
                }
            }
        }
    }

    /// The whole lines holding `span`, line terminators normalised to `\n`.
    fn excerpt(&self, span: &Range<usize>) -> Excerpt {
        let first = self.lines.line_of(span.start);
        let last = self
            .lines
            .line_of(span.end.saturating_sub(1).max(span.start));
        let mut text = String::new();
        let mut mapped = 0..0;
        for line in first..=last {
            let mut range = self.lines.line_range(self.text, line);
            if range.start == 0 && self.text.starts_with('\u{feff}') {
                range.start = 3;
            }
            let base = text.len();
            let map = |offset: usize| base + offset.clamp(range.start, range.end) - range.start;
            if line == first {
                mapped.start = map(span.start);
            }
            if line == last {
                mapped.end = map(span.end);
            }
            text.push_str(&self.text[range]);
            text.push('\n');
        }
        Excerpt {
            first_line: first + 1,
            text,
            span: mapped,
            complete: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, text: &str) -> Document {
        Document::parse(path, text.as_bytes().to_vec(), None).expect("readable")
    }

    #[test]
    fn location_of_span_after_curly_quotes_crlf_and_bom() {
        let text = "\u{feff}Title\r\n\r\n“Quote” annexed in 2020.\r\n";
        let d = doc("a.txt", text);
        let at = text.find("2020").expect("present");
        let loc = d.location(at..at + 4);
        assert_eq!((loc.start.line, loc.start.column), (3, 20));
        assert_eq!(loc.excerpt.first_line, 3);
        assert_eq!(&loc.excerpt.text[loc.excerpt.span.clone()], "2020");
        assert_eq!(loc.excerpt.text, "“Quote” annexed in 2020.\n");
    }

    #[test]
    fn compact_locations_are_full_locations_compacted() {
        // A fullwidth comma starts with 0xEF, as a BOM does.
        let text = "\u{feff}“Quote” one\r\ntwo，\tthree\nfour";
        let d = doc("a.txt", text);
        for start in 0..=text.len() {
            for end in start..=text.len() {
                if text.is_char_boundary(start) && text.is_char_boundary(end) {
                    let span = start..end;
                    assert_eq!(
                        d.source().compact_location(span.clone()),
                        d.location(span.clone()).compact(),
                        "{span:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn narrowed_compact_locations_point_where_narrowed_full_ones_do() {
        // Reporters that show no lines print compact locations as they are.
        let text = "\u{feff}Kyiv said “the “Russian” talks\tare on” today.\r\nNext “line”.";
        let d = doc("a.txt", text);
        let outer = text.find("the").expect("present")..text.find(" today").expect("present");
        let boundaries: Vec<usize> = (outer.start..=outer.end)
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (i, &start) in boundaries.iter().enumerate() {
            for &end in &boundaries[i..] {
                let full = d.location(outer.clone()).narrow(start..end);
                let compact = d
                    .source()
                    .compact_location(outer.clone())
                    .narrow(start..end);
                assert_eq!(
                    (compact.start, compact.end, compact.text()),
                    (full.start, full.end, full.text()),
                    "{start}..{end}"
                );
                assert_eq!(full, d.location(start..end), "{start}..{end}");
            }
        }
        let empty = text.find("today").expect("present");
        assert!(!d.source().compact_location(empty..empty).is_whole_file());
        assert!(Location::whole_file(d.path.clone()).is_whole_file());
    }

    #[test]
    fn multi_line_span_excerpt_keeps_both_lines() {
        let text = "one\r\ntwo three\r\nfour";
        let d = doc("a.txt", text);
        let start = text.find("two").expect("present");
        let end = text.find("four").expect("present") + 4;
        let loc = d.location(start..end);
        assert_eq!(loc.excerpt.text, "two three\nfour\n");
        assert_eq!(
            &loc.excerpt.text[loc.excerpt.span.clone()],
            "two three\nfour"
        );
    }

    #[test]
    fn front_matter_date_wins_and_is_not_linted() {
        let text = "---\ndate: 2024-01-04\n---\nBody 2020.";
        let d = Document::parse(
            "a.md",
            text.as_bytes().to_vec(),
            Some(jiff::civil::date(2000, 1, 1)),
        )
        .expect("readable");
        assert_eq!(d.published, Some(jiff::civil::date(2024, 1, 4)));
        assert!(!d.lintable.contains("date"));
        assert_eq!(d.sentences.len(), 1);
    }

    fn asides(d: &Document) -> Vec<Option<Aside>> {
        (0..d.paragraphs.len()).map(|p| d.aside(p)).collect()
    }

    const C: Option<Aside> = Some(Aside::Caption);
    const N: Option<Aside> = None;

    #[test]
    fn photo_captions_are_recognised() {
        let d = doc(
            "a.txt",
            "Kirby at a briefing, January 3, 2024. REUTERS/Kevin Lamarque\n\nKirby said so.\n\nA car in Kharkiv, Tuesday, Jan. 2, 2024. (AP Photo/Andrii Marienko)\n\nKirby speaks. Saul Loeb / AFP",
        );
        assert_eq!(asides(&d), [C, N, C, C]);
        // An agency in a dateline is no photo credit; one ending a paragraph is.
        let d = doc(
            "a.txt",
            "WASHINGTON (AP) — The White House said Thursday that …\n\nA damaged block in Kyiv on Jan. 2. (Reuters)\n\nKYIV (Reuters) - Russia fired …",
        );
        assert_eq!(asides(&d), [N, C, N]);
        // A note pasted with no blank lines is one paragraph: a credit on
        // one of its lines does not make the whole note a caption.
        let line =
            "Kirby said Russia launched a missile into Ukraine on Dec. 31, officials said.\n";
        let note = format!(
            "{}This undated file photo shows a missile test.\n{}",
            line.repeat(6),
            line.repeat(6)
        );
        assert_eq!(asides(&doc("a.txt", &note)), [N]);
    }

    #[test]
    fn the_text_under_an_image_is_its_caption() {
        let d = doc(
            "a.txt",
            "kharkiv-debris_1200x675.webp\nDebris lies on a street after the attack of Jan. 2.\n\nKirby said so.",
        );
        assert_eq!(asides(&d), [C, N]);
        let d = doc(
            "a.md",
            "![Debris, Jan. 2](https://example.com/debris.jpg)\n\nThe attack on Jan. 2 killed five.\n\nHe named the file missiles.png in a post.",
        );
        assert_eq!(asides(&d), [C, N, N]);
    }

    #[test]
    fn a_fact_checks_claim_headings_are_asides() {
        let d = doc(
            "a.md",
            "## Claim 2: \"The four regions were annexed in 2014\"\n\n**Claim:** 26 drones.\n\nCLAIM: fired on Jan. 1\n\nThe claim: it was 2014.\n\nClaims that it was fired on Jan. 1 are false.\n\nRussia claimed: 26 drones.",
        );
        assert_eq!(
            asides(&d),
            [
                Some(Aside::Claim),
                Some(Aside::Claim),
                Some(Aside::Claim),
                Some(Aside::Claim),
                N,
                N
            ]
        );
    }

    #[test]
    fn reader_comments_under_the_article_are_asides() {
        let article = "Russia fired North Korean missiles at Ukraine on Dec. 30, the White House said on Thursday.";
        let d = doc(
            "a.txt",
            &format!(
                "{article}\n\nREADER COMMENTS\nmike · Jan. 4, 2024: it was Dec. 31.\n\n**12 comments**\n\njo: 2015."
            ),
        );
        assert_eq!(
            asides(&d),
            [
                N,
                Some(Aside::Comment),
                Some(Aside::Comment),
                Some(Aside::Comment)
            ]
        );
        // A heading of its own, the comments after it.
        let d = doc(
            "a.txt",
            &format!("{article}\n\nComments (2)\n\nmike: Dec. 31."),
        );
        assert_eq!(asides(&d), [N, Some(Aside::Comment), Some(Aside::Comment)]);
        // Near the top, "Comments" is a menu's link, not the comments.
        let d = doc("a.txt", &format!("Comments\n\n{article}\n\n{article}"));
        assert_eq!(asides(&d), [N, N, N]);
        // A line that only mentions comments is prose.
        let d = doc(
            "a.txt",
            &format!("{article}\n\nComments were closed after the attack."),
        );
        assert_eq!(asides(&d), [N, N]);
    }

    #[test]
    fn unreadable_inputs_are_errors_not_panics() {
        let parse = |b: &[u8]| Document::parse("x.txt", b.to_vec(), None).err();
        assert_eq!(parse(b"ab\0c"), Some(Unreadable::Binary));
        assert_eq!(parse(b"\xff\xfea\0"), Some(Unreadable::Utf16));
        assert_eq!(
            parse(b"ok\nbad \xc3("),
            Some(Unreadable::InvalidUtf8 { offset: 7, line: 2 })
        );
        assert!(parse(b"").is_none());
        assert!(parse("\u{feff}".as_bytes()).is_none());
    }
}
