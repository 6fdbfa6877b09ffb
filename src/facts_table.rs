//! The facts table of `factlint facts`: what each article says about each fact of the story, side
//! by side, so an editor sees at a glance which article is the odd one out.
//!
//! One row per fact check (`consistent`, `quote` and `expect` kinds), one
//! column per article; each cell lists the values as written and normalised
//! (`Dec. 30 → 2023-12-30`). A value is an outlier when it is the primary span
//! of a finding of its check, so the table marks exactly what `check` reports.

use crate::checks::load::CheckSet;
use crate::checks::locate::Value;
use crate::checks::{Check, Fact, Rule};
use crate::corpus::Article;
use crate::finding::Finding;
use crate::report::sanitize;
use serde::Serialize;
use std::collections::HashMap;

/// Terminal width when it cannot be told.
const DEFAULT_WIDTH: usize = 120;
/// Widest a cell gets in the terminal table, in characters.
const MAX_CELL: usize = 34;
/// Narrowest a column gets.
const MIN_CELL: usize = 10;
/// Narrowest a column is squeezed to before lines are cut at the width.
const NARROWEST: usize = 20;

/// The table: articles (columns) and fact checks (rows).
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct FactsTable {
    pub articles: Vec<ArticleColumn>,
    pub rows: Vec<FactRow>,
}

/// One article: a column of the table.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ArticleColumn {
    pub path: String,
    /// The file name without its extension, as a column header.
    pub name: String,
    /// Who published it, from the corpus manifest.
    pub source: Option<String>,
}

/// One fact check: a row of the table.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FactRow {
    pub check: String,
    pub kind: &'static str,
    pub description: String,
    /// One cell per article, in the order of [`FactsTable::articles`].
    pub cells: Vec<Vec<FactMention>>,
}

/// A value as an article writes it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FactMention {
    /// The text as written (whitespace collapsed).
    pub written: String,
    /// The value it was read as (`2023-12-30`, `[810, 990] km`).
    pub normalised: String,
    /// Whether a finding of the check points at it.
    pub outlier: bool,
    /// The words the finding points at, when narrower than the mention (quotations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flagged: Option<String>,
    /// For quotations: the other wording of a flagged difference (a related
    /// span of a finding), though this mention is not the one flagged.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub counterpart: bool,
    pub line: usize,
    pub column: usize,
    /// Byte range in the file.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
}

impl FactMention {
    /// `Dec. 30 → 2023-12-30`, or the text alone when it is its own value.
    pub fn display(&self) -> String {
        let flagged = match &self.flagged {
            Some(words) => format!("[{words}] "),
            None => String::new(),
        };
        if self.normalised.is_empty() || self.normalised == self.written {
            format!("{flagged}{}", self.written)
        } else {
            format!("{flagged}{} → {}", self.written, self.normalised)
        }
    }
}

/// Whether a check's values belong in the table.
fn is_fact_check(check: &Check) -> bool {
    matches!(
        check.rule,
        Rule::Consistent(_) | Rule::Quote(_) | Rule::Expect(_)
    )
}

/// Per row, an article's normalised values and whether each is an outlier.
type GroupKey = Vec<Vec<(String, bool)>>;

/// The table of `facts` in `articles`, outliers marked from `findings`.
pub fn table(
    checks: &CheckSet,
    articles: &[Article],
    facts: &[Fact],
    findings: &[Finding],
) -> FactsTable {
    let columns: Vec<ArticleColumn> = articles
        .iter()
        .map(|a| ArticleColumn {
            path: a.path.to_string_lossy().into_owned(),
            name: a
                .path
                .file_stem()
                .map_or_else(|| a.path.to_string_lossy(), |s| s.to_string_lossy())
                .into_owned(),
            source: a.source.clone(),
        })
        .collect();
    let column_of: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.path.as_str(), i))
        .collect();
    let mut rows = Vec::new();
    for (index, check) in checks.checks.iter().enumerate() {
        if !is_fact_check(check) {
            continue;
        }
        let flagged: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.check_id == check.meta.id)
            .collect();
        let mut cells: Vec<Vec<FactMention>> = vec![Vec::new(); columns.len()];
        let mut mine: Vec<&Fact> = facts.iter().filter(|f| f.check == index).collect();
        mine.sort_by_key(|f| (f.location.path.clone(), f.location.span.start));
        mine.dedup_by(|a, b| {
            a.location.path == b.location.path && a.location.span == b.location.span
        });
        for fact in mine {
            let Some(&column) = column_of.get(fact.location.path.as_ref()) else {
                continue;
            };
            let loc = &fact.location;
            let hit = flagged.iter().find(|f| {
                f.primary.path == loc.path
                    && loc.span.start <= f.primary.span.start
                    && f.primary.span.end <= loc.span.end
            });
            let written = one_line(text_of(loc));
            let inside = |l: &crate::finding::Location| {
                l.path == loc.path && loc.span.start <= l.span.start && l.span.end <= loc.span.end
            };
            let counterpart = match (&fact.value, hit) {
                (Value::Quote(_), None) => {
                    flagged.iter().flat_map(|f| &f.related).find(|l| inside(l))
                }
                _ => None,
            };
            let flagged_text = hit
                .map(|f| one_line(text_of(&f.primary)))
                .or_else(|| counterpart.map(|l| one_line(text_of(l))))
                .filter(|t| *t != written);
            cells[column].push(FactMention {
                normalised: match &fact.value {
                    // A quotation's normal form is its words: shown as written.
                    Value::Quote(_) => String::new(),
                    value => one_line(&value.to_string()),
                },
                written,
                outlier: hit.is_some(),
                flagged: flagged_text,
                counterpart: counterpart.is_some(),
                line: loc.start.line,
                column: loc.start.column,
                span: loc.span.clone(),
            });
        }
        // An expect check's flagged value is shown even without its locator.
        if matches!(check.rule, Rule::Expect(_)) {
            for f in &flagged {
                let Some(&column) = column_of.get(f.primary.path.as_ref()) else {
                    continue;
                };
                if cells[column].iter().any(|m| m.span == f.primary.span) {
                    continue;
                }
                cells[column].push(FactMention {
                    written: one_line(text_of(&f.primary)),
                    normalised: String::new(),
                    outlier: true,
                    flagged: None,
                    counterpart: false,
                    line: f.primary.start.line,
                    column: f.primary.start.column,
                    span: f.primary.span.clone(),
                });
                cells[column].sort_by_key(|m| m.span.start);
            }
        }
        if cells.iter().all(Vec::is_empty) {
            continue;
        }
        rows.push(FactRow {
            check: check.meta.id.to_string(),
            kind: check.meta.kind,
            description: check.meta.description.clone(),
            cells,
        });
    }
    FactsTable {
        articles: columns,
        rows,
    }
}

/// The text a location flags, or nothing when the span does not fit its excerpt.
fn text_of(l: &crate::finding::Location) -> &str {
    l.excerpt.text.get(l.excerpt.span.clone()).unwrap_or("")
}

/// Article text for a cell: control characters neutralised, whitespace collapsed.
fn one_line(text: &str) -> String {
    sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `COLUMNS` when set to a number, else 120.
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w >= 20)
        .unwrap_or(DEFAULT_WIDTH)
}

/// The table as JSON (pretty, ended by a newline).
pub fn render_json(table: &FactsTable) -> String {
    let mut out = serde_json::to_string_pretty(table).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}

/// The table as CSV (RFC 4180): `check,kind,` then one column per article
/// (its path); cells list mentions separated by `; `, outliers starred.
pub fn render_csv(table: &FactsTable) -> String {
    let mut out = String::new();
    let header: Vec<String> = ["check", "kind"]
        .into_iter()
        .map(String::from)
        .chain(table.articles.iter().map(|a| a.path.clone()))
        .collect();
    csv_line(&mut out, &header);
    for row in &table.rows {
        let fields: Vec<String> = [row.check.clone(), row.kind.to_string()]
            .into_iter()
            .chain(row.cells.iter().map(|cell| {
                cell.iter()
                    .map(|m| line_of(m).0)
                    .collect::<Vec<_>>()
                    .join("; ")
            }))
            .collect();
        csv_line(&mut out, &fields);
    }
    out
}

fn csv_line(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// Quotes a field when it holds a comma, a quote or a line break; a field that
/// a spreadsheet would run as a formula is prefixed with `'`.
pub fn csv_field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// A column of the terminal table: one article, or a group of agreeing ones.
struct Column {
    title: String,
    subtitle: String,
    /// Per row, the lines of the cell with whether each is an outlier.
    cells: Vec<Vec<(String, bool)>>,
}

impl Column {
    /// The column of article `i` on its own.
    fn of_article(table: &FactsTable, i: usize) -> Self {
        let article = &table.articles[i];
        Column {
            title: article.name.clone(),
            subtitle: article.source.clone().unwrap_or_default(),
            cells: table
                .rows
                .iter()
                .map(|r| r.cells[i].iter().map(line_of).collect())
                .collect(),
        }
    }
}

/// The aligned table, cut to `width` characters per line; when it does not
/// fit, articles whose values all agree share one column.
pub fn render_table(table: &FactsTable, width: usize, colour: bool) -> String {
    if table.rows.is_empty() {
        return format!(
            "no facts found in {} article{}\n",
            table.articles.len(),
            if table.articles.len() == 1 { "" } else { "s" }
        );
    }
    let first: Vec<String> = table.rows.iter().map(|r| r.check.clone()).collect();
    let first_width = first
        .iter()
        .map(|s| s.chars().count())
        .chain([5])
        .max()
        .unwrap_or(5);
    let mut columns: Vec<Column> = (0..table.articles.len())
        .map(|i| Column::of_article(table, i))
        .collect();
    let total = |columns: &[Column]| {
        first_width + columns.iter().map(|c| column_width(c) + 2).sum::<usize>()
    };
    let mut note = None;
    if total(&columns) > width {
        let grouped = group_columns(table);
        if grouped.len() < columns.len() {
            note = Some(format!(
                "{} articles in {} columns: articles that agree share one; --wide shows each\n",
                table.articles.len(),
                grouped.len()
            ));
            columns = grouped;
        }
    }
    let mut widths: Vec<usize> = columns.iter().map(column_width).collect();
    // Still too wide: narrow the widest columns, down to a readable minimum.
    let sum = |widths: &[usize]| first_width + widths.iter().map(|w| w + 2).sum::<usize>();
    while sum(&widths) > width {
        let Some(widest) = (0..widths.len()).max_by_key(|&i| (widths[i], std::cmp::Reverse(i)))
        else {
            break;
        };
        if widths[widest] <= NARROWEST {
            break;
        }
        widths[widest] -= 1;
    }
    let mut out = String::new();
    let mut line = |segments: Vec<(String, Style)>| {
        out.push_str(&cut(&segments, width, colour));
        out.push('\n');
    };
    let header = |text: &dyn Fn(&Column) -> String, label: &str, style: Style| {
        let mut segments = vec![(pad(label, first_width), style)];
        for (c, w) in columns.iter().zip(&widths) {
            segments.push(("  ".into(), Style::Plain));
            segments.push((pad(&truncate(&text(c), *w), *w), style));
        }
        segments
    };
    line(header(&|c| c.title.clone(), "check", Style::Bold));
    if columns.iter().any(|c| !c.subtitle.is_empty()) {
        line(header(&|c| c.subtitle.clone(), "", Style::Dim));
    }
    for (r, check) in first.iter().enumerate() {
        let height = columns
            .iter()
            .map(|c| c.cells[r].len())
            .max()
            .unwrap_or(0)
            .max(1);
        for l in 0..height {
            let label = if l == 0 { check.as_str() } else { "" };
            let mut segments = vec![(pad(label, first_width), Style::Plain)];
            for (c, w) in columns.iter().zip(&widths) {
                segments.push(("  ".into(), Style::Plain));
                let (text, outlier) = c.cells[r]
                    .get(l)
                    .map_or((String::new(), false), |(t, o)| (t.clone(), *o));
                let style = if outlier { Style::Red } else { Style::Plain };
                segments.push((pad(&truncate(&text, *w), *w), style));
            }
            line(segments);
        }
    }
    out.push_str("* flagged by the check (an outlier)");
    if table
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten())
        .any(|m| m.counterpart)
    {
        out.push_str("   ~ the other wording of a flagged quotation");
    }
    out.push('\n');
    if let Some(note) = note {
        out.push_str(&note);
    }
    out
}

fn mark(outlier: bool) -> String {
    if outlier { "*".into() } else { String::new() }
}

/// A mention as a table line: `*` for an outlier, `~` for the other wording.
fn line_of(m: &FactMention) -> (String, bool) {
    let prefix = if m.outlier {
        "*"
    } else if m.counterpart {
        "~"
    } else {
        ""
    };
    (format!("{prefix}{}", m.display()), m.outlier)
}

fn column_width(c: &Column) -> usize {
    let content = c
        .cells
        .iter()
        .flatten()
        .map(|(t, _)| t.chars().count())
        .chain([c.title.chars().count().min(MAX_CELL), MIN_CELL])
        .max()
        .unwrap_or(MIN_CELL);
    content.min(MAX_CELL)
}

/// Articles with the same normalised values (and outliers) in every row, as
/// one column each group, in order of their first article.
fn group_columns(table: &FactsTable) -> Vec<Column> {
    let key = |i: usize| -> GroupKey {
        table
            .rows
            .iter()
            .map(|r| {
                let mut values: Vec<(String, bool)> = r.cells[i]
                    .iter()
                    .map(|m| (normal_form(m), m.outlier))
                    .collect();
                values.sort();
                values.dedup();
                values
            })
            .collect()
    };
    let mut groups: Vec<(GroupKey, Vec<usize>)> = Vec::new();
    for i in 0..table.articles.len() {
        let k = key(i);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, members)) => members.push(i),
            None => groups.push((k, vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(k, members)| {
            if members.len() == 1 {
                return Column::of_article(table, members[0]);
            }
            let names: Vec<String> = members
                .iter()
                .map(|&i| short_name(&table.articles[i].name))
                .collect();
            Column {
                title: format!("{} articles", members.len()),
                subtitle: names.join(", "),
                cells: k
                    .into_iter()
                    .map(|values| values.into_iter().map(|(v, o)| (mark(o) + &v, o)).collect())
                    .collect(),
            }
        })
        .collect()
}

/// What a mention means, for grouping: its value, or its words for quotations.
fn normal_form(m: &FactMention) -> String {
    if m.normalised.is_empty() {
        m.written.clone()
    } else {
        m.normalised.clone()
    }
}

/// `000_5eb7f0aaffca3f40` → `000`: the part before the first `_` or `-`.
fn short_name(name: &str) -> String {
    name.split(['_', '-'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(name)
        .to_string()
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Plain,
    Bold,
    Dim,
    Red,
}

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Joins styled segments, cut at `width` characters, trailing spaces trimmed.
fn cut(segments: &[(String, Style)], width: usize, colour: bool) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut pieces: Vec<(String, Style)> = Vec::new();
    let last = segments
        .iter()
        .rposition(|(t, _)| !t.trim().is_empty())
        .map_or(0, |i| i + 1);
    for (text, style) in &segments[..last] {
        if used >= width {
            break;
        }
        let n = text.chars().count();
        let piece = if used + n > width {
            let keep = width - used;
            let mut t: String = text.chars().take(keep.saturating_sub(1)).collect();
            t = t.trim_end().to_string();
            t.push('…');
            t
        } else {
            text.clone()
        };
        used += piece.chars().count();
        pieces.push((piece, *style));
    }
    // Trailing padding is noise in a pipe and in snapshots.
    while let Some((text, _)) = pieces.last_mut() {
        let trimmed = text.trim_end().to_string();
        if trimmed.is_empty() {
            pieces.pop();
        } else {
            *text = trimmed;
            break;
        }
    }
    for (text, style) in pieces {
        let code = match style {
            Style::Plain => None,
            Style::Bold => Some("1"),
            Style::Dim => Some("2"),
            Style::Red => Some("31"),
        };
        match code {
            Some(code) if colour && !text.trim().is_empty() => {
                out.push_str(&format!("\x1b[{code}m{text}\x1b[0m"));
            }
            _ => out.push_str(&text),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
    }

    #[test]
    fn lines_are_cut_to_the_width() {
        let segments = vec![
            ("abcdef".to_string(), Style::Plain),
            ("ghij".to_string(), Style::Red),
        ];
        assert_eq!(cut(&segments, 8, false), "abcdefg…");
        assert_eq!(cut(&segments, 100, true), "abcdef\x1b[31mghij\x1b[0m");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(short_name("000_5eb7"), "000");
    }
}
