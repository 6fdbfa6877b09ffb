//! End-to-end: CI and editors' workflows — formats, config, suppressions,
//! baselines, fixes, and the check-authoring commands.

mod common;

use common::{factlint, factlint_in};
use std::path::Path;

/// A scratch repository holding a copy of the shipped checks and corpus.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["checks", "corpus"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        for entry in std::fs::read_dir(root.join(sub)).expect("readable") {
            let entry = entry.expect("entry");
            std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name()))
                .expect("copy");
        }
    }
    dir
}

#[test]
fn json_report_follows_the_documented_schema() {
    let (stdout, _, code) = factlint(&["check", "--format", "json"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(report["version"], 1);
    let annexation = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["id"] == "annexation-year")
        .expect("annexation finding");
    assert_eq!(annexation["path"], "corpus/000_5eb7f0aaffca3f40.txt");
    assert_eq!(annexation["start"]["line"], 26);
    assert_eq!(annexation["start"]["column"], 71);
    assert_eq!(annexation["text"], "2020");
}

#[test]
fn sarif_regions_read_back_to_the_flagged_text() {
    let (stdout, _, _) = factlint(&["check", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() > 40);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for result in results {
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().expect("uri");
        let region = &location["region"];
        let text = std::fs::read(root.join(uri)).expect("article");
        let (Some(offset), Some(length)) =
            (region["byteOffset"].as_u64(), region["byteLength"].as_u64())
        else {
            continue;
        };
        let flagged = &text[offset as usize..(offset + length) as usize];
        assert!(!flagged.is_empty(), "{result}");
        let line = String::from_utf8_lossy(&text)
            .lines()
            .nth(region["startLine"].as_u64().expect("line") as usize - 1)
            .expect("line exists")
            .to_string();
        let column = region["startColumn"].as_u64().expect("column") as usize - 1;
        let from_column: String = line.chars().skip(column).collect();
        assert!(
            from_column.starts_with(
                String::from_utf8_lossy(flagged)
                    .lines()
                    .next()
                    .unwrap_or("")
            ),
            "{uri}: {line:?} at column {column}"
        );
    }
}

#[test]
fn github_annotations_are_one_line_per_finding() {
    let (stdout, _, _) = factlint(&["check", "--format", "github"]);
    assert!(
        stdout.lines().any(|l| l.starts_with(
            "::error file=corpus/000_5eb7f0aaffca3f40.txt,line=26,col=71,endLine=26,endColumn=75,"
        )),
        "{stdout}"
    );
    assert!(stdout.lines().all(|l| l.starts_with("::")));
}

#[test]
fn output_file_and_statistics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.json");
    let (stdout, _, _) = factlint(&[
        "check",
        "--format",
        "json",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(stdout.is_empty());
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .starts_with('{')
    );
    let (stdout, _, _) = factlint(&["check", "--statistics"]);
    assert!(
        stdout.contains("    1  error    annexation-year\n"),
        "{stdout}"
    );
}

#[test]
fn config_file_sets_paths_selection_and_severity() {
    let repo = repository();
    std::fs::write(
        repo.path().join("factlint.toml"),
        "select = [\"annexation-year\", \"advertisement-marker\"]\n\n[severity]\nadvertisement-marker = \"error\"\n",
    )
    .expect("config");
    let nested = repo.path().join("corpus");
    let (stdout, _, code) = factlint_in(&nested, &["check", "--format", "concise", "."]);
    assert_eq!(code, 1);
    let ids: std::collections::BTreeSet<&str> = stdout
        .lines()
        .filter_map(|l| {
            l.split_once('[')
                .and_then(|(_, r)| r.split_once(']'))
                .map(|(id, _)| id)
        })
        .collect();
    assert_eq!(
        ids.into_iter().collect::<Vec<_>>(),
        ["advertisement-marker", "annexation-year"]
    );
    assert!(stdout.contains("error[advertisement-marker]"));
}

#[test]
fn unknown_config_key_and_unknown_check_id_exit_2() {
    let repo = repository();
    std::fs::write(repo.path().join("factlint.toml"), "chekcs = [\"checks\"]\n").expect("config");
    let (_, stderr, code) = factlint_in(repo.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown key `chekcs`") && stderr.contains("did you mean `checks`?"),
        "{stderr}"
    );
    std::fs::write(
        repo.path().join("factlint.toml"),
        "ignore = [\"anexation-year\"]\n",
    )
    .expect("config");
    let (_, stderr, code) = factlint_in(repo.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `annexation-year`?"),
        "{stderr}"
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn markdown_code_urls_and_suppressions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("draft.md");
    std::fs::write(
        &article,
        "---\ndate: 2024-01-05\n---\nIt is one of four regions Russia annexed in 2020.\n\n```\nIt is one of four regions Russia annexed in 2020.\n```\n\nSee <https://example.org/four-regions-annexed-in-2020>.\n\n<!-- factlint-disable-next-line annexation-year -->\nZaporizhzhia is one of four regions Russia annexed in 2020.\n\n<!-- factlint-disable-next-line advertisement-marker -->\nClean line.\n",
    )
    .expect("article");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checks = repo.join("checks");
    let (stdout, _, code) = factlint(&[
        "check",
        "--no-reference",
        "--format",
        "concise",
        "--checks",
        checks.to_str().expect("utf-8"),
        article.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().filter(|l| l.contains("draft.md")).collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].contains("draft.md:4:45: error[annexation-year]"),
        "{stdout}"
    );
    assert!(
        lines[1].contains("draft.md:15:1: warning[unused-suppression]"),
        "{stdout}"
    );
}

#[test]
fn baseline_hides_recorded_findings_only() {
    let repo = repository();
    let (_, stderr, code) =
        factlint_in(repo.path(), &["check", "--write-baseline", "baseline.json"]);
    assert_eq!(code, 0, "{stderr}");
    let (stdout, _, code) = factlint_in(repo.path(), &["check", "--baseline", "baseline.json"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("no findings in 5 files ("), "{stdout}");
    let article = repo.path().join("corpus/000_5eb7f0aaffca3f40.txt");
    let text = std::fs::read_to_string(&article).expect("article");
    std::fs::write(
        &article,
        format!("A new first line.\n\nSkip to content\n\n{text}"),
    )
    .expect("edit");
    let (stdout, _, code) = factlint_in(
        repo.path(),
        &[
            "check",
            "--baseline",
            "baseline.json",
            "--format",
            "concise",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        stdout.lines().filter(|l| l.contains("warning[")).count(),
        1,
        "{stdout}"
    );
    assert!(
        stdout.contains("000_5eb7f0aaffca3f40.txt:3:1: warning[navigation-residue]"),
        "{stdout}"
    );
}

#[test]
fn fix_removes_boilerplate_and_corrects_the_year_once() {
    let repo = repository();
    let (_, stderr, code) = factlint_in(repo.path(), &["check", "--fix"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("fixed "), "{stderr}");
    let fixed = std::fs::read_to_string(repo.path().join("corpus/000_5eb7f0aaffca3f40.txt"))
        .expect("article");
    assert!(fixed.contains("claimed to have annexed in 2022 but"));
    assert!(!fixed.contains("Advertisement"));
    let (diff, _, _) = factlint_in(
        repo.path(),
        &["check", "--diff", "--quiet", "--format", "concise"],
    );
    assert!(
        !diff.contains("+++"),
        "a second run has nothing to fix: {diff}"
    );
}

#[test]
fn diff_shows_fixes_without_writing() {
    let repo = repository();
    let article = repo.path().join("corpus/000_5eb7f0aaffca3f40.txt");
    let before = std::fs::read(&article).expect("article");
    let (stdout, _, _) = factlint_in(
        repo.path(),
        &["check", "--diff", "--quiet", "--format", "concise"],
    );
    assert!(
        stdout.contains(
            "-It is one of four regions that the Kremlin claimed to have annexed in 2020"
        )
    );
    assert!(
        stdout.contains(
            "+It is one of four regions that the Kremlin claimed to have annexed in 2022"
        )
    );
    assert_eq!(std::fs::read(&article).expect("article"), before);
}

#[test]
fn list_explain_and_new() {
    let (stdout, _, code) = factlint(&["list", "--format", "json"]);
    assert_eq!(code, 0);
    let list: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert!(
        list.as_array()
            .expect("array")
            .iter()
            .any(|c| c["id"] == "quote-drift" && c["kind"] == "quote")
    );
    let (stdout, _, code) = factlint(&["explain", "crimea-annexation-year"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Example that is flagged:") && stdout.contains("Example that passes:"));
    assert!(stdout.contains("error[crimea-annexation-year]: Crimea was annexed in 2014, not 2015"));
    let (_, stderr, code) = factlint(&["explain", "crimea-anexation-year"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `crimea-annexation-year`?"));

    let dir = tempfile::tempdir().expect("tempdir");
    let checks = dir.path().join("checks");
    let (stdout, _, code) = factlint_in(
        dir.path(),
        &["new", "boilerplate-footer", "--kind", "forbid"],
    );
    assert_eq!(code, 0, "{stdout}");
    let (stdout, _, code) = factlint_in(dir.path(), &["test", checks.to_str().expect("utf-8")]);
    assert_eq!(code, 1, "the skeleton's example is not met yet: {stdout}");
    assert!(stdout.contains("FAIL boilerplate-footer example 1"));
    let (_, stderr, code) = factlint_in(
        dir.path(),
        &["new", "boilerplate-footer", "--kind", "forbid"],
    );
    assert_eq!(code, 2, "never overwrites: {stderr}");
}

#[test]
fn failing_example_names_check_example_and_span() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("c.toml"),
        "[[check]]\nid = \"ad\"\nkind = \"forbid\"\npattern = 'Advertisement'\n\n[[check.example]]\ntext = \"[[Sponsored]] Advertisement\"\n",
    )
    .expect("check");
    let (stdout, _, code) = factlint_in(dir.path(), &["test", "c.toml"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn watch_prints_only_what_changed() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let repo = repository();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("factlint"))
        .current_dir(repo.path())
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--watch",
            "--format",
            "concise",
            "--select",
            "advertisement-marker",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("factlint starts");
    let (lines, received) = mpsc::channel();
    let stdout = child.stdout.take().expect("piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let until_watch_line = || -> Vec<String> {
        let mut seen = Vec::new();
        while let Ok(line) = received.recv_timeout(Duration::from_secs(20)) {
            let done = line.starts_with("[watch]");
            seen.push(line);
            if done {
                break;
            }
        }
        seen
    };
    let first = until_watch_line();
    assert!(
        first
            .last()
            .is_some_and(|l| l.starts_with("[watch] 4 new, 0 gone, 4 in all")),
        "{first:?}"
    );
    // Give the watcher time to register, then add one advertisement.
    std::thread::sleep(Duration::from_millis(500));
    let article = repo.path().join("corpus/002_7814750e9e9946be.txt");
    let text = std::fs::read_to_string(&article).expect("article");
    std::fs::write(&article, format!("Advertisement\n\n{text}")).expect("edit");
    let second = until_watch_line();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        second.len(),
        2,
        "only the new finding, then the summary: {second:?}"
    );
    assert!(second[0].contains("002_7814750e9e9946be.txt:1:1: warning[advertisement-marker]"));
    assert!(
        second[1].starts_with("[watch] 1 new, 0 gone, 5 in all"),
        "{second:?}"
    );
}

#[test]
fn reference_facts_are_cached_by_content() {
    let repo = repository();
    std::fs::create_dir(repo.path().join("drafts")).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafts/wrong-facts.md"),
        repo.path().join("drafts/wrong-facts.md"),
    )
    .expect("copy");
    // JSON shows the related spans, which come from the cached facts.
    let draft = ["check", "--format", "json", "drafts/wrong-facts.md"];
    let (first, _, _) = factlint_in(repo.path(), &draft);
    let cache = repo.path().join(".factlint_cache");
    let entries = || {
        std::fs::read_dir(&cache).map_or(0, |d| {
            d.filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension() == Some("json".as_ref()))
            })
            .count()
        })
    };
    assert_eq!(entries(), 5, "one entry per corpus article");
    let patterns = cache.join("patterns-2.bin");
    assert!(patterns.is_file(), "the parsed patterns are kept too");
    assert!(
        cache.join(".gitignore").is_file(),
        "the cache ignores itself"
    );
    let (second, _, _) = factlint_in(repo.path(), &draft);
    assert_eq!(first, second, "the cached facts give the same report");
    // A damaged pattern file is parsed afresh, and written again.
    let stored = std::fs::read(&patterns).expect("patterns");
    std::fs::write(&patterns, &stored[..stored.len() / 2]).expect("damage");
    let (damaged, _, _) = factlint_in(repo.path(), &draft);
    assert_eq!(damaged, second);
    let rewritten = std::fs::read(&patterns).expect("patterns");
    assert!(rewritten.len() > stored.len() / 2, "written whole again");
    // A run that parses nothing new leaves the file as it is, however its
    // threads happen to share out the patterns.
    for _ in 0..3 {
        factlint_in(repo.path(), &draft);
        assert_eq!(std::fs::read(&patterns).expect("patterns"), rewritten);
    }
    // An edited article is linted again: a new entry, and its new fact counts.
    let article = repo.path().join("corpus/002_7814750e9e9946be.txt");
    let text = std::fs::read_to_string(&article).expect("article");
    std::fs::write(
        &article,
        text.replace("on Dec. 30, which", "on Dec. 29, which"),
    )
    .expect("edit");
    let (third, _, _) = factlint_in(repo.path(), &draft);
    assert_eq!(entries(), 6);
    assert_ne!(
        third, second,
        "002 no longer agrees with the canonical date"
    );
    // --no-cache reads nothing from the cache and writes nothing to it.
    std::fs::remove_dir_all(&cache).expect("clear");
    let (fourth, _, _) = factlint_in(
        repo.path(),
        &[
            "check",
            "--no-cache",
            "--format",
            "json",
            "drafts/wrong-facts.md",
        ],
    );
    assert_eq!(fourth, third);
    assert!(!cache.exists());
}
