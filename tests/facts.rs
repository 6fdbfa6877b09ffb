//! "Editors see the facts": `factlint facts` and `factlint check --format html`,
//! run as a user would.

mod common;

use assert_cmd::Command;
use common::factlint;
use std::collections::BTreeMap;
use std::path::Path;

#[test]
fn facts_table_of_the_shipped_corpus() {
    let (stdout, stderr, code) = factlint(&["facts", "--wide"]);
    assert_eq!(code, 0, "{stderr}");
    let row = |id: &str| -> String {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row {id} in\n{stdout}"))
            .to_string()
    };
    // 000's annexation year is the outlier; Crimea's 2014 is right.
    assert!(row("annexation-year").contains("*2020"));
    assert!(!row("crimea-annexation-year").contains('*'));
    assert!(row("first-launch-date").contains("Dec. 30 → 2023-12-30"));
    assert!(row("mass-attack-date").contains("Tuesday → 2024-01-02"));
    assert!(row("missile-range").contains("900 kilometres → [810, 990] km"));
    assert!(row("containers-count").contains("1,000 → (1000, inf)"));
    // 003 words the quotation "Russian negotiations", 004 "Russia's negotiations".
    assert!(stdout.contains("*[Russian]"), "{stdout}");
    assert!(stdout.contains("~[Russia's]"), "{stdout}");
    insta::assert_snapshot!("facts_table_wide", stdout);
}

#[test]
fn narrow_terminal_cuts_lines_to_its_width() {
    let output = Command::cargo_bin("factlint")
        .expect("binary built")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "60")
        .args(["facts"])
        .output()
        .expect("factlint runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    for line in stdout
        .lines()
        .filter(|l| !l.starts_with('*') && !l.contains("--wide"))
    {
        assert!(line.chars().count() <= 60, "too long: {line:?}");
    }
    assert!(!stdout.contains('\u{1b}'), "no colour in a pipe");
}

/// A minimal RFC 4180 reader: records of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record unterminated"
    );
    records
}

#[test]
fn csv_and_json_outputs_parse() {
    let (csv, _, code) = factlint(&["facts", "--format", "csv"]);
    assert_eq!(code, 0);
    let records = parse_csv(&csv);
    assert_eq!(records[0][..2], ["check", "kind"]);
    assert_eq!(records[0].len(), 7, "check, kind and five articles");
    assert!(records.iter().all(|r| r.len() == 7));
    let annexation = records
        .iter()
        .find(|r| r[0] == "annexation-year")
        .expect("annexation row");
    assert_eq!(annexation[2], "*2020");
    let quotes = records
        .iter()
        .find(|r| r[0] == "quote-drift")
        .expect("quote row");
    assert!(quotes[5].contains("*[Russian]"));

    let (json, _, code) = factlint(&["facts", "--format", "json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let articles = value["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[0]["path"], "corpus/000_5eb7f0aaffca3f40.txt");
    assert_eq!(articles[0]["source"], "AFP");
    let rows = value["rows"].as_array().expect("rows");
    let row = rows
        .iter()
        .find(|r| r["check"] == "annexation-year")
        .expect("annexation row");
    let mention = &row["cells"][0][0];
    assert_eq!(mention["written"], "2020");
    assert_eq!(mention["outlier"], true);
    assert_eq!(mention["line"], 26);
    let launch = rows
        .iter()
        .find(|r| r["check"] == "first-launch-date")
        .expect("launch row");
    assert_eq!(launch["cells"][4][0]["written"], "Dec. 30");
    assert_eq!(launch["cells"][4][0]["normalised"], "2023-12-30");
    assert_eq!(launch["cells"][4][0]["outlier"], false);
}

fn unescape(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let Some(end) = after.find(';') else {
            out.push_str(after);
            return out;
        };
        let entity = &after[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") || e.starts_with("#X") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text of the marks of each finding's primary span, concatenated in document order.
fn marked_text(html: &str) -> BTreeMap<String, String> {
    let mut by_id: BTreeMap<String, String> = BTreeMap::new();
    let mut rest = html;
    while let Some(i) = rest.find("<mark ") {
        rest = &rest[i..];
        let open_end = rest.find('>').expect("tag closes");
        let tag = &rest[..open_end];
        let ids = tag
            .split("data-primary=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("data-primary");
        let close = rest.find("</mark>").expect("mark closes");
        let inner = &rest[open_end + 1..close];
        assert!(!inner.contains('<'), "marks do not nest: {inner}");
        let text = unescape(inner);
        for id in ids.split(' ').filter(|id| !id.is_empty()) {
            by_id.entry(id.to_string()).or_default().push_str(&text);
        }
        rest = &rest[close..];
    }
    by_id
}

fn check_report_spans(args: &[&str], dir: &Path) -> String {
    let out = dir.join("report.html");
    let out = out.to_str().expect("UTF-8 path");
    let mut html_args = args.to_vec();
    html_args.extend(["--format", "html", "--output", out]);
    let (_, stderr, code) = factlint(&html_args);
    assert!(code <= 1, "{stderr}");
    let html = std::fs::read_to_string(out).expect("report written");
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let (json, _, _) = factlint(&json_args);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let findings = report["findings"].as_array().expect("findings");
    let marks = marked_text(&html);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (i, f) in findings.iter().enumerate() {
        let (start, end) = (
            f["byte_range"]["start"].as_u64().unwrap() as usize,
            f["byte_range"]["end"].as_u64().unwrap() as usize,
        );
        if start == end {
            continue;
        }
        let path = f["path"].as_str().expect("path");
        let bytes = std::fs::read(root.join(path)).expect("article");
        let flagged = std::str::from_utf8(&bytes[start..end]).expect("UTF-8 span");
        let id = format!("f{i}");
        assert_eq!(
            marks.get(&id).map(String::as_str),
            Some(flagged),
            "finding {i} ({}) at {path}:{start}..{end}",
            f["id"]
        );
        assert!(html.contains(&format!("<a class=\"anchor\" id=\"{id}\"></a>")));
    }
    html
}

#[test]
fn html_report_marks_every_finding_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = check_report_spans(&["check"], dir.path());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("1 error, 64 warnings in 5 files"));
    // Self-contained: no external resources.
    for needle in ["<link", "src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(needle), "external resource: {needle}");
    }
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the report's own script"
    );
    // The facts table, with 000's annexation year as an outlier linking to its span.
    assert!(html.contains("<table class=\"facts\">"));
    assert!(html.contains(
        "<div class=\"mention outlier\" title=\"line 26:71\"><a href=\"#f3\">2020</a></div>"
    ));
    // The quote drift links to the other article's span.
    assert!(html.contains("data-check=\"quote-drift\""));
}

#[test]
fn html_report_escapes_article_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("evil.md");
    std::fs::write(
        &article,
        "Moscow claimed to annex four regions in 2020. <script>alert(1)</script>\n\n\
         An <img src=x onerror=alert(2)> and \"quotes\" & 'apostrophes' in 2020.\n",
    )
    .unwrap();
    let checks = dir.path().join("checks.toml");
    std::fs::write(
        &checks,
        r#"
[[check]]
id = "annexation-year"
kind = "expect"
when = ['four regions', 'annex']
value = { type = "year", near = 'annex\w*' }
expected = 2022
message = "annexed in {expected}, not {found} <script>alert(3)</script>"

[[check]]
id = "no-script"
kind = "forbid"
pattern = '<script>alert\(1\)</script>'
message = "script tag `{found}`"
"#,
    )
    .unwrap();
    let article = article.to_str().unwrap();
    let checks = checks.to_str().unwrap();
    let html = check_report_spans(&["check", "--checks", checks, article], dir.path());
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the report's own script"
    );
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(html.contains(
        "<mark class=\"sev-error\" data-ids=\"f0\" data-primary=\"f0\" tabindex=\"0\">2020</mark>"
    ));
}

#[test]
fn wide_corpus_collapses_agreeing_articles_unless_wide() {
    let args = [
        "facts",
        "tests/fixtures/articles",
        "--checks",
        "tests/fixtures/checks/year.toml",
    ];
    let output = Command::cargo_bin("factlint")
        .expect("binary built")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "60")
        .args(args)
        .output()
        .expect("factlint runs");
    let narrow = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(narrow.contains("5 articles"), "{narrow}");
    assert!(narrow.contains("--wide shows each"), "{narrow}");
    let mut wide_args = args.to_vec();
    wide_args.push("--wide");
    let (wide, _, code) = factlint(&wide_args);
    assert_eq!(code, 0);
    assert!(!wide.contains("articles"), "{wide}");
    assert_eq!(
        wide.lines().next().map(|l| l.split_whitespace().count()),
        Some(8)
    );
}
