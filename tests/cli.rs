//! End-to-end: run the binary as a user would and snapshot what it prints.

mod common;

use assert_cmd::Command;
use common::factlint;

const YEAR_CHECK: &str = "tests/fixtures/checks/year.toml";

#[test]
fn shipped_corpus_reports_the_annexation_year_and_boilerplate() {
    let (stdout, stderr, code) = factlint(&["check"]);
    assert_eq!(code, 1, "an error-level finding exits 1; stderr: {stderr}");
    assert!(
        stderr.is_empty(),
        "no progress bar when stderr is not a terminal: {stderr}"
    );
    assert!(stdout.contains(
        "error[annexation-year]: the four regions were annexed in 2022, not 2020\n  --> corpus/000_5eb7f0aaffca3f40.txt:26:71"
    ));
    insta::assert_snapshot!("shipped_corpus", stdout);
}

#[test]
fn crlf_line_endings() {
    let (stdout, _, code) = factlint(&[
        "check",
        "--checks",
        YEAR_CHECK,
        "tests/fixtures/articles/crlf.txt",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn byte_order_mark_is_not_a_column() {
    let (stdout, _, _) = factlint(&[
        "check",
        "--checks",
        YEAR_CHECK,
        "tests/fixtures/articles/bom.txt",
    ]);
    assert!(stdout.contains("bom.txt:1:54"), "{stdout}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn curly_quotes_and_dashes_before_the_span() {
    let (stdout, _, _) = factlint(&[
        "check",
        "--checks",
        YEAR_CHECK,
        "tests/fixtures/articles/curly.txt",
    ]);
    assert!(stdout.contains("curly.txt:1:64"), "{stdout}");
    insta::assert_snapshot!(stdout);
}

/// Lints one fixture of `tests/fixtures/spans` on its own (`extra` are more
/// arguments), which must give an error, and asserts that a diagnostic
/// starts at each `file:line:col` of `places`. Returns the report.
fn lint_spans(extra: &[&str], places: &[&str]) -> String {
    let mut args = vec!["check", "--no-reference"];
    args.extend(extra);
    let (stdout, _, code) = factlint(&args);
    assert_eq!(code, 1, "the fixture has an error: {stdout}");
    for place in places {
        assert!(stdout.contains(place), "{place} in {stdout}");
    }
    stdout
}

/// The residue and the weekday this pass taught the checks to read, in a
/// file with a BOM, CRLF line ends, curly quotes, a dash and an emoji before
/// or on the spans: each points at its exact line and column.
#[test]
fn new_residue_and_weekday_spans_in_a_bom_crlf_file() {
    let stdout = lint_spans(
        &["tests/fixtures/spans/new-residue.txt"],
        &[
            "new-residue.txt:1:35",
            "new-residue.txt:3:26",
            "new-residue.txt:3:84",
            "new-residue.txt:5:1",
        ],
    );
    insta::assert_snapshot!(stdout);
}

/// The seventeenth pass's diagnostics in a file with a BOM, CRLF line
/// endings, curly quotes and dashes: a platform stripped after "wrote on",
/// a name before "told", a noun after "an", a weekday before a date in
/// parentheses, and thousands grouped by full stops.
#[test]
fn this_pass_spans_in_a_bom_crlf_file() {
    let stdout = lint_spans(
        &["tests/fixtures/spans/this-pass.txt"],
        &[
            "this-pass.txt:1:39",
            "this-pass.txt:3:12",
            "this-pass.txt:3:61",
            "this-pass.txt:5:36",
            "this-pass.txt:7:32",
        ],
    );
    insta::assert_snapshot!(stdout);
}

/// The eighteenth pass's diagnostics in a file with a BOM, CRLF line
/// endings, curly quotes and apostrophes, dashes and a no-break space:
/// "between and", a name before two prepositions, an empty HTML link,
/// "MISSILESS" in capitals, a possessive date of the mass attack, and
/// thousands grouped by a no-break space. The fact box's tab-separated rows
/// are sentences of their own: its first-launch date is not read with the
/// row under it.
#[test]
fn eighteenth_pass_spans_in_a_bom_crlf_file() {
    let stdout = lint_spans(
        &[
            "--published",
            "2024-01-05",
            "tests/fixtures/spans/eighteenth-pass.txt",
        ],
        &[
            "eighteenth-pass.txt:1:67",
            "eighteenth-pass.txt:3:46",
            "eighteenth-pass.txt:3:84",
            "eighteenth-pass.txt:5:44",
            "eighteenth-pass.txt:7:68",
            "eighteenth-pass.txt:9:46",
        ],
    );
    assert!(!stdout.contains("eighteenth-pass.txt:12"), "{stdout}");
    assert!(!stdout.contains("eighteenth-pass.txt:13"), "{stdout}");
    insta::assert_snapshot!(stdout);
}

/// The nineteenth pass's reading of asides and struck text, in a Markdown
/// file with a BOM, CRLF line endings, curly quotes and dashes: a toll in a
/// photo caption is compared; words after struck text and after a
/// reviewer's comment keep their columns; a push prompt; and nothing from
/// the readers' comments.
#[test]
fn nineteenth_pass_spans_in_a_bom_crlf_file() {
    let stdout = lint_spans(
        &[
            "--published",
            "2024-01-05",
            "tests/fixtures/spans/nineteenth-pass.md",
        ],
        &[
            "nineteenth-pass.md:3:31",
            "nineteenth-pass.md:5:74",
            "nineteenth-pass.md:5:143",
            "nineteenth-pass.md:7:68",
            "nineteenth-pass.md:9:1",
        ],
    );
    // The struck date, the comment's words and the readers' comments give nothing.
    for quiet in [":5:28", ":7:33", "nineteenth-pass.md:14"] {
        assert!(!stdout.contains(quiet), "{quiet} in {stdout}");
    }
    insta::assert_snapshot!(stdout);
}

/// The twentieth pass's diagnostics in files with a BOM, CRLF line ends,
/// curly quotes and dashes: a chat entry's "this morning" read on its own
/// stamp's day, a platform stripped after "posted to", a year in words, a
/// counter row, a transcript cue's count in words, and, in a feed saved as
/// text, a count inside `<description>` and a footer after a tag.
#[test]
fn twentieth_pass_spans_in_bom_crlf_files() {
    let stdout = lint_spans(
        &[
            "--published",
            "2024-01-05",
            "tests/fixtures/spans/twentieth-pass.txt",
            "tests/fixtures/spans/twentieth-pass-feed.txt",
        ],
        &[
            "twentieth-pass.txt:2:88",
            "twentieth-pass.txt:3:84",
            "twentieth-pass.txt:4:78",
            "twentieth-pass.txt:5:1",
            "twentieth-pass.txt:6:34",
            "twentieth-pass-feed.txt:4:72",
            "twentieth-pass-feed.txt:8:18",
            // The first entry's "this morning", its own day (2 January),
            // is the mention the second is compared with.
            "::: tests/fixtures/spans/twentieth-pass.txt:1:78",
        ],
    );
    // Nothing is reported in the first entry; the feed's 2014 and its
    // other item's Monday are right.
    for quiet in [
        "> tests/fixtures/spans/twentieth-pass.txt:1:",
        "feed.txt:4:1",
        "feed.txt:7:",
    ] {
        assert!(!stdout.contains(quiet), "{quiet} in {stdout}");
    }
    insta::assert_snapshot!(stdout);
}

/// This pass's readings pinned at line:col in a file with a BOM, CRLF line
/// ends, curly quotes, dashes and letters of two bytes before the spans:
/// an alert history's clock-time cues, "wrote on that" before a name,
/// "Wednesday, the 2nd of January", a numeric date's year, "available at
/// in", a Swedish "read also", "absorbed", an elliptical downed count ("19
/// … launched and 21 were shot down"), "said in their that", an aggregator's
/// "· 4h ago" rail. "1 000 containers" is right.
#[test]
fn twenty_first_pass_spans_in_a_bom_crlf_file() {
    let stdout = lint_spans(
        &[
            "--published",
            "2024-01-05",
            "tests/fixtures/spans/twenty-first-pass.txt",
        ],
        &[
            "twenty-first-pass.txt:2:48",
            "twenty-first-pass.txt:3:44",
            "twenty-first-pass.txt:4:75",
            "twenty-first-pass.txt:5:36",
            "twenty-first-pass.txt:7:1",
            "twenty-first-pass.txt:8:68",
            "twenty-first-pass.txt:9:54",
            "twenty-first-pass.txt:10:41",
            "twenty-first-pass.txt:11:1",
        ],
    );
    // The first alert's count and the containers are not findings.
    for quiet in ["twenty-first-pass.txt:1:", "twenty-first-pass.txt:6:"] {
        assert!(!stdout.contains(quiet), "{quiet} in {stdout}");
    }
    insta::assert_snapshot!(stdout);
}

/// This pass's readings in a BOM, CRLF file with curly quotes: a fact box's
/// entry, a thread's numbered post, "said in that", a quoted verb of
/// annexation, a denied year, a first launch beside the mass attack.
#[test]
fn twenty_second_pass_spans_in_a_bom_crlf_file() {
    let stdout = lint_spans(
        &[
            "--published",
            "2024-01-06",
            "tests/fixtures/spans/twenty-second-pass.txt",
        ],
        &[
            "twenty-second-pass.txt:3:25",
            "twenty-second-pass.txt:4:20",
            "twenty-second-pass.txt:5:43",
            "twenty-second-pass.txt:6:39",
            "twenty-second-pass.txt:8:97",
            "twenty-second-pass.txt:9:1",
        ],
    );
    // The box's other entry, the denied year and the first launch's date
    // are not findings.
    for quiet in [
        "twenty-second-pass.txt:2:",
        "twenty-second-pass.txt:7:",
        "twenty-second-pass.txt:8:38",
    ] {
        assert!(!stdout.contains(quiet), "{quiet} in {stdout}");
    }
    insta::assert_snapshot!(stdout);
}

#[test]
fn tab_before_the_span() {
    let (stdout, _, _) = factlint(&[
        "check",
        "--checks",
        YEAR_CHECK,
        "tests/fixtures/articles/tab.txt",
    ]);
    assert!(stdout.contains("tab.txt:1:51"), "{stdout}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn markdown_code_urls_and_comments_are_not_linted() {
    let (stdout, _, code) = factlint(&[
        "check",
        "--checks",
        YEAR_CHECK,
        "tests/fixtures/articles/markdown.md",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout.matches("error[annexation-year]").count(),
        1,
        "{stdout}"
    );
    assert!(stdout.contains("markdown.md:5:52"), "{stdout}");
}

#[test]
fn binary_and_non_utf8_files_are_skipped_and_others_linted() {
    let (stdout, _, code) = factlint(&[
        "check",
        "--checks",
        YEAR_CHECK,
        "tests/fixtures/articles/binary.txt",
        "tests/fixtures/articles/latin1.txt",
        "tests/fixtures/articles/bom.txt",
    ]);
    assert_eq!(code, 1, "bom.txt still has its error");
    insta::assert_snapshot!(stdout);
}

#[test]
fn bad_ignore_file_line_is_a_warning_pointing_at_it() {
    let (stdout, stderr, code) = factlint(&[
        "check",
        "--checks",
        YEAR_CHECK,
        "--format",
        "concise",
        "tests/fixtures/bad-ignore",
    ]);
    assert_eq!(
        code, 1,
        "the article's error still counts; stderr: {stderr}"
    );
    assert!(
        !stdout.contains("skipped.txt"),
        "the good line of the ignore file still applies: {stdout}"
    );
    assert!(stdout.contains("linted.txt"), "{stdout}");
    insta::assert_snapshot!(stderr);
}

#[test]
fn misspelt_key_in_checks_exits_2_with_suggestion() {
    let (stdout, stderr, code) = factlint(&[
        "check",
        "--checks",
        "tests/fixtures/checks/typo.toml",
        "corpus",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("did you mean `severity`?"), "{stderr}");
    insta::assert_snapshot!(stderr);
}

#[test]
fn invalid_regex_names_the_check_file_and_pattern() {
    let (_, stderr, code) = factlint(&[
        "check",
        "--checks",
        "tests/fixtures/checks/bad-regex.toml",
        "corpus",
    ]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(stderr);
}

#[test]
fn missing_path_exits_2_with_its_name() {
    let (stdout, stderr, code) = factlint(&["check", "no/such/article.txt"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr,
        "error: no such file or directory: `no/such/article.txt`\n"
    );
}

#[test]
fn severity_fail_warning_fails_on_warnings() {
    let article = "tests/fixtures/articles/crlf.txt";
    let checks = "checks/boilerplate.toml";
    let (_, _, code) = factlint(&["check", "--checks", checks, article]);
    assert_eq!(code, 0, "warnings alone pass by default");
    let (_, _, code) = factlint(&[
        "check",
        "--checks",
        checks,
        "--severity-fail",
        "warning",
        article,
    ]);
    assert_eq!(code, 1);
}

#[test]
fn quiet_drops_the_summary() {
    let (stdout, _, _) = factlint(&[
        "check",
        "--quiet",
        "--checks",
        YEAR_CHECK,
        "tests/fixtures/articles/tab.txt",
    ]);
    assert!(stdout.starts_with("error[annexation-year]"));
    assert!(!stdout.contains(" in 1 file"));
}

#[test]
fn usage_errors_exit_2() {
    let (_, stderr, code) = factlint(&["check", "--severity-fail", "sometimes"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid value 'sometimes'"));
}

#[test]
fn shipped_checks_pass_their_examples() {
    let (stdout, _, code) = factlint(&["test"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with(" 0 failed\n"), "{stdout}");
}

#[test]
fn draft_is_checked_against_the_published_corpus() {
    let (stdout, _, code) = factlint(&["check", "tests/fixtures/drafts/wrong-facts.md"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("  ::: corpus/000_5eb7f0aaffca3f40.txt:17:88"),
        "related spans point into the corpus: {stdout}"
    );
    assert!(
        !stdout.contains("--> corpus/"),
        "no findings are reported in the corpus"
    );
    insta::assert_snapshot!(stdout);
}

#[test]
fn draft_without_reference_still_knows_canonical_facts() {
    let (stdout, _, code) = factlint(&[
        "check",
        "--no-reference",
        "tests/fixtures/drafts/wrong-facts.md",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("error[first-launch-date]"));
    assert!(!stdout.contains("::: corpus/"));
}

#[test]
fn quote_drift_is_reported_once_pointing_at_both_articles() {
    let (stdout, _, _) = factlint(&["check"]);
    assert_eq!(
        stdout.matches("warning[quote-drift]").count(),
        1,
        "{stdout}"
    );
    assert!(stdout.contains("--> corpus/003_6632207225475f1e.txt:25:38"));
    assert!(stdout.contains("::: corpus/004_f5959b2be3a0d548.txt:17:92"));
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let run = |threads: &str| {
        Command::cargo_bin("factlint")
            .expect("binary built")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NO_COLOR", "1")
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "corpus", "tests/fixtures/drafts"])
            .output()
            .expect("factlint runs")
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("8"));
}
