//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other viewers.
//!
//! One run, written as findings arrive ([`SarifLog`]): its `results` first,
//! then `tool.driver.rules`, which lists every loaded check in load order, then
//! any built-in diagnostic that occurred (such as `file-unreadable`), so every
//! result's `ruleIndex` points at its rule. Artifact URIs are relative to `%SRCROOT%` (the
//! directory factlint ran in) with `/` separators and percent-encoding; regions
//! give lines and code-point columns (`columnKind: unicodeCodePoints`) plus byte
//! offsets. `charOffset` is left out: it counts characters from the start of the
//! file, which reporters cannot know without reopening it.
//!
//! Display strings (messages, labels, descriptions) are sanitised as in the human
//! output; a fix's inserted text is kept exact.

use super::json::flagged_text;
use super::{RunInfo, pretty, sanitize};
use crate::finding::{Finding, Fix, Location, Severity};
use crate::hash::Fnv1a;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";
/// Key of the fingerprint in `partialFingerprints`; bump the version if the
/// hashed content ever changes, so viewers do not match old and new hashes.
pub const FINGERPRINT_KEY: &str = "factlintFindingHash/v1";

/// The SARIF log, pretty-printed, ending with a newline.
pub fn render(findings: &[Finding], run: &RunInfo) -> String {
    let mut log = SarifLog::new(run);
    let mut out = log.header();
    out.push_str(&log.results(findings));
    out.push_str(&log.footer());
    out
}

/// A SARIF log written as findings arrive, so memory holds one batch of
/// findings, not the report. A [`ResultWriter`] renders the results on the
/// threads that lint; the log joins them in order.
///
/// The run object gives its `results` first and its `tool` after them: a
/// built-in diagnostic (an unreadable file, …) joins the rules when it first
/// occurs, and a reader of JSON does not mind the order of keys.
pub struct SarifLog<'a> {
    rules: Vec<RuleView<'a>>,
    index: HashMap<String, usize>,
    written: usize,
}

impl<'a> SarifLog<'a> {
    /// Every loaded check is a rule, in load order.
    pub fn new(run: &'a RunInfo) -> Self {
        let (rules, index) = rules(run);
        Self {
            rules,
            index,
            written: 0,
        }
    }

    /// The log up to the opening of `results`.
    pub fn header(&self) -> String {
        let (head, _) = self.halves();
        head
    }

    /// The results of `findings`, which must hold every finding of a rule in
    /// a file (each file's batch, or the comparisons across articles): the
    /// fingerprints count occurrences within a rule and a file.
    pub fn results(&mut self, findings: &[Finding]) -> String {
        let prepared = ResultWriter::new(self).prepare(findings);
        self.append(prepared)
    }

    /// A batch's results, as [`ResultWriter::prepare`] rendered them, joined
    /// into the log: a built-in diagnostic's result is rendered here, where
    /// its rule is numbered.
    pub fn append(&mut self, prepared: PreparedResults) -> String {
        let mut out = String::new();
        for result in prepared.0 {
            let json = match result {
                PreparedResult::Rendered(json) => json,
                PreparedResult::BuiltIn(finding, fingerprint) => {
                    let rule_index = self.rule_index(&finding);
                    render_result(&result_view(&finding, rule_index, fingerprint))
                }
            };
            out.push_str(if self.written == 0 { "\n" } else { ",\n" });
            out.push_str(&json);
            self.written += 1;
        }
        out
    }

    /// The rest of the log: the end of `results`, the tool and its rules.
    pub fn footer(&self) -> String {
        let (_, tail) = self.halves();
        if self.written == 0 {
            return tail;
        }
        format!("\n{}{tail}", &RESULT_INDENT[2..])
    }

    /// The index of a finding's rule, adding a built-in diagnostic's rule the
    /// first time one occurs.
    fn rule_index(&mut self, finding: &Finding) -> usize {
        let id: &str = &finding.check_id;
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let description = format!("factlint built-in diagnostic `{id}`");
        self.index.insert(id.to_string(), self.rules.len());
        self.rules.push(RuleView {
            id: Cow::Owned(id.to_string()),
            name: pascal_case(id),
            short_description: Message::new(&description),
            full_description: Message::new(&description),
            help: Message::new(finding.help.as_deref().unwrap_or(&description)),
            help_uri: None,
            default_configuration: Configuration {
                level: level(finding.severity),
            },
            properties: None,
        });
        self.rules.len() - 1
    }

    /// The log with no results, cut where the results go: before and after.
    fn halves(&self) -> (String, String) {
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                results: [],
                tool: Tool {
                    driver: Driver {
                        name: "factlint",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: information_uri(),
                        rules: &self.rules,
                    },
                },
                original_uri_base_ids: BTreeMap::from([(
                    SRCROOT,
                    BaseId {
                        description: Message::new(
                            "The directory factlint ran in; article paths are relative to it.",
                        ),
                    },
                )]),
                column_kind: "unicodeCodePoints",
            }],
        };
        // Plain structs and string-keyed maps: serialisation cannot fail.
        let mut whole = serde_json::to_string_pretty(&log).expect("serialising the SARIF log");
        whole.push('\n');
        let cut = whole
            .find(EMPTY_RESULTS)
            .map_or(0, |at| at + EMPTY_RESULTS.len() - 1);
        let tail = whole.split_off(cut);
        (whole, tail)
    }
}

/// Renders results on the thread that linted their file, so that only
/// joining them is left to the log: the rules of the loaded checks are
/// numbered before the run starts.
pub struct ResultWriter {
    loaded: HashMap<String, usize>,
}

/// A batch's results in file order: rendered, or left for the log to number
/// a built-in rule ([`SarifLog::append`]).
pub struct PreparedResults(Vec<PreparedResult>);

enum PreparedResult {
    Rendered(String),
    BuiltIn(Box<Finding>, String),
}

impl ResultWriter {
    /// Numbers results as `log` does now (its loaded checks).
    pub fn new(log: &SarifLog) -> Self {
        Self {
            loaded: log.index.clone(),
        }
    }

    /// The results of `findings`, with the requirement of [`SarifLog::results`].
    pub fn prepare(&self, findings: &[Finding]) -> PreparedResults {
        let results = findings
            .iter()
            .zip(fingerprints(findings))
            .map(
                |(finding, fingerprint)| match self.loaded.get(&*finding.check_id) {
                    Some(&rule_index) => PreparedResult::Rendered(render_result(&result_view(
                        finding,
                        rule_index,
                        fingerprint,
                    ))),
                    None => PreparedResult::BuiltIn(Box::new(finding.clone()), fingerprint),
                },
            )
            .collect();
        PreparedResults(results)
    }
}

/// One result, pretty-printed and indented as the log's `results` hold it.
fn render_result(view: &ResultView) -> String {
    let mut out = Vec::with_capacity(2048);
    out.extend_from_slice(RESULT_INDENT.as_bytes());
    // Plain structs and string-keyed maps: serialisation cannot fail.
    pretty::write_at(&mut out, view, RESULT_INDENT.len() / 2).expect("serialising a SARIF result");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// How `results` looks with none, in the pretty-printed log.
const EMPTY_RESULTS: &str = "\"results\": []";
/// The indentation of a result in the pretty-printed log (log, runs, run, results).
const RESULT_INDENT: &str = "        ";

/// The crate's homepage or repository, if Cargo.toml names one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|uri| is_web_uri(uri))
}

fn is_web_uri(uri: &str) -> bool {
    (uri.starts_with("https://") || uri.starts_with("http://"))
        && !uri.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Rules for the loaded checks, then for check ids only the findings know.
fn rules<'a>(run: &'a RunInfo) -> (Vec<RuleView<'a>>, HashMap<String, usize>) {
    let mut rules = Vec::new();
    let mut index = HashMap::new();
    for rule in &run.rules {
        if index.contains_key(rule.id) {
            continue;
        }
        index.insert(rule.id.to_string(), rules.len());
        let mut help = sanitize(rule.help.unwrap_or(rule.description));
        if !rule.references.is_empty() {
            help.push_str("\n\nReferences:");
            for reference in rule.references {
                help.push_str("\n- ");
                help.push_str(&sanitize(reference));
            }
        }
        rules.push(RuleView {
            id: Cow::Borrowed(rule.id),
            name: pascal_case(rule.id),
            short_description: Message::new(rule.description),
            full_description: Message::new(rule.description),
            help: Message { text: help },
            help_uri: rule
                .references
                .first()
                .map(String::as_str)
                .filter(|uri| is_web_uri(uri)),
            default_configuration: Configuration {
                level: level(rule.severity),
            },
            properties: Some(RuleProperties { kind: rule.kind }),
        });
    }
    (rules, index)
}

fn result_view(finding: &Finding, rule_index: usize, fingerprint: String) -> ResultView<'_> {
    let related = finding
        .related
        .iter()
        .enumerate()
        .map(|(i, location)| RelatedView {
            id: i + 1,
            physical_location: physical(location),
            message: location.label.as_deref().map(Message::new),
        })
        .collect();
    ResultView {
        rule_id: &finding.check_id,
        rule_index,
        level: level(finding.severity),
        message: Message::new(&finding.message),
        locations: [LocationView {
            physical_location: physical(&finding.primary),
        }],
        related_locations: related,
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
        fixes: finding
            .fix
            .as_ref()
            .map(|fix| vec![fix_view(fix, &finding.primary)])
            .unwrap_or_default(),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn physical(location: &Location) -> Physical {
    let region = if location.is_whole_file() {
        // About the whole file: its first line, which every viewer can show.
        Region {
            start_line: Some(1),
            ..Region::default()
        }
    } else {
        Region {
            start_line: Some(location.start.line),
            start_column: Some(location.start.column),
            end_line: Some(location.end.line),
            end_column: Some(location.end.column),
            byte_offset: Some(location.span.start),
            byte_length: Some(location.span.end.saturating_sub(location.span.start)),
        }
    };
    Physical {
        artifact_location: artifact_location(&location.path),
        region,
    }
}

fn fix_view<'a>(fix: &'a Fix, primary: &Location) -> FixView<'a> {
    let description = if fix.replacement.is_empty() {
        "remove it".to_string()
    } else {
        format!("replace with `{}`", fix.replacement)
    };
    FixView {
        description: Message::new(&description),
        artifact_changes: [ArtifactChange {
            artifact_location: artifact_location(&primary.path),
            replacements: [Replacement {
                deleted_region: Region {
                    byte_offset: Some(fix.span.start),
                    byte_length: Some(fix.span.end.saturating_sub(fix.span.start)),
                    ..Region::default()
                },
                inserted_content: Content {
                    text: &fix.replacement,
                },
            }],
        }],
    }
}

/// `/` separators and no leading `./`: the form URIs and fingerprints use.
fn normalise_path(path: &str) -> String {
    let mut path = if std::path::MAIN_SEPARATOR == '\\' {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.to_string();
    }
    path
}

/// A relative path becomes a relative URI against `%SRCROOT%`; an absolute one a
/// `file://` URI.
fn artifact_location(path: &str) -> ArtifactLocation {
    let path = normalise_path(path);
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/";
    if drive {
        ArtifactLocation {
            uri: format!("file:///{}{}", &path[..2], percent_encode(&path[2..])),
            uri_base_id: None,
        }
    } else if path.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", percent_encode(&path)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: percent_encode(&path),
            uri_base_id: Some(SRCROOT),
        }
    }
}

/// Percent-encodes every byte but unreserved characters (RFC 3986) and `/`, so
/// spaces, `%`, `#`, `?`, a `:` that would read as a scheme, and non-ASCII
/// characters (as UTF-8) are all safe.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `annexation-year` → `AnnexationYear`, SARIF's style for a rule's name.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A hash per finding that survives edits elsewhere in the file: rule id, path
/// and flagged text, plus which occurrence of that text (for that rule, in that
/// file) this is, counted in file order. No line numbers.
pub fn fingerprints(findings: &[Finding]) -> Vec<String> {
    type Key<'a> = (&'a str, String, &'a str);
    let keys: Vec<Key> = findings
        .iter()
        .map(|f| {
            (
                &*f.check_id,
                normalise_path(&f.primary.path),
                flagged_text(&f.primary),
            )
        })
        .collect();
    let mut groups: HashMap<&Key, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        groups.entry(key).or_default().push(i);
    }
    let mut occurrence = vec![0; findings.len()];
    for members in groups.values_mut() {
        members.sort_by_key(|&i| {
            (
                findings[i].primary.span.start,
                findings[i].primary.span.end,
                i,
            )
        });
        for (n, &i) in members.iter().enumerate() {
            occurrence[i] = n;
        }
    }
    keys.iter()
        .zip(occurrence)
        .map(|((rule, path, text), n)| {
            let mut hash = Fnv1a::new();
            for part in [rule.as_bytes(), path.as_bytes(), text.as_bytes()] {
                hash.write(part);
                hash.write(&[0]);
            }
            hash.write(n.to_string().as_bytes());
            format!("{:016x}", hash.0)
        })
        .collect()
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    /// Always empty here: [`SarifLog`] writes the results in their place.
    results: [ResultView<'a>; 0],
    tool: Tool<'a>,
    original_uri_base_ids: BTreeMap<&'static str, BaseId>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct BaseId {
    description: Message,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: &'a [RuleView<'a>],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleView<'a> {
    id: Cow<'a, str>,
    name: String,
    short_description: Message,
    full_description: Message,
    help: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
    default_configuration: Configuration,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<RuleProperties<'a>>,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    kind: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

/// A SARIF message; the text is sanitised for display.
#[derive(Serialize)]
struct Message {
    text: String,
}

impl Message {
    fn new(text: &str) -> Self {
        Self {
            text: sanitize(text),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultView<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: [LocationView; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedView>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<FixView<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationView {
    physical_location: Physical,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedView {
    id: usize,
    physical_location: Physical,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FixView<'a> {
    description: Message,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: [Replacement<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Content<'a>,
}

#[derive(Serialize)]
struct Content<'a> {
    text: &'a str,
}

#[cfg(test)]
mod tests {
    use super::super::json::fixtures;
    use super::*;
    use serde_json::{Value, json};

    fn log(findings: &[Finding]) -> Value {
        let refs = fixtures::references();
        let out = render(findings, &fixtures::run_info(&refs));
        serde_json::from_str(&out).expect("valid JSON")
    }

    fn results(log: &Value) -> &Vec<Value> {
        log["runs"][0]["results"].as_array().expect("results")
    }

    #[test]
    fn required_top_level_fields() {
        let log = log(&fixtures::findings());
        assert_eq!(log["$schema"], SCHEMA);
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        assert_eq!(log["runs"].as_array().unwrap().len(), 1);
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert!(run["originalUriBaseIds"]["%SRCROOT%"]["description"]["text"].is_string());
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "factlint");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(results(&log).len(), 3);
    }

    #[test]
    fn written_file_by_file_it_is_the_log_rendered_at_once() {
        let findings = fixtures::findings();
        let refs = fixtures::references();
        let run = fixtures::run_info(&refs);
        let mut log = SarifLog::new(&run);
        let mut out = log.header();
        for file in findings.chunk_by(|a, b| a.primary.path == b.primary.path) {
            out.push_str(&log.results(file));
        }
        out.push_str(&log.footer());
        assert_eq!(out, render(&findings, &run));
    }

    #[test]
    fn results_prepared_out_of_order_and_appended_in_order_are_the_log() {
        let findings = fixtures::findings();
        let refs = fixtures::references();
        let run = fixtures::run_info(&refs);
        let mut log = SarifLog::new(&run);
        // Made before the run, as the workers' copy is: it knows no built-in rule.
        let writer = ResultWriter::new(&log);
        let files: Vec<&[Finding]> = findings
            .chunk_by(|a, b| a.primary.path == b.primary.path)
            .collect();
        assert!(files.len() > 1);
        let mut prepared: Vec<PreparedResults> = files
            .iter()
            .rev()
            .map(|file| writer.prepare(file))
            .collect();
        prepared.reverse();
        let mut out = log.header();
        for batch in prepared {
            out.push_str(&log.append(batch));
        }
        out.push_str(&log.footer());
        assert_eq!(out, render(&findings, &run));
        assert!(out.contains("\"ruleId\": \"file-unreadable\""));
    }

    #[test]
    fn no_findings_is_an_empty_results_array() {
        let refs = fixtures::references();
        let out = render(&[], &fixtures::run_info(&refs));
        assert!(out.contains("\"results\": []"));
        assert!(results(&serde_json::from_str(&out).expect("valid JSON")).is_empty());
    }

    #[test]
    fn rules_in_load_order_then_built_ins() {
        let log = log(&fixtures::findings());
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        let ids: Vec<_> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(
            ids,
            [
                "annexation-year",
                "advertisement-marker",
                "suspicious-quote",
                "file-unreadable"
            ]
        );
        let year = &rules[0];
        assert_eq!(year["name"], "AnnexationYear");
        assert_eq!(
            year["shortDescription"]["text"],
            "the year the four regions were annexed"
        );
        assert!(year["fullDescription"]["text"].is_string());
        assert_eq!(
            year["help"]["text"],
            "Russia claimed to annex them on 30 September 2022\n\n\
             References:\n- https://en.wikipedia.org/wiki/Annexation"
        );
        assert_eq!(year["helpUri"], "https://en.wikipedia.org/wiki/Annexation");
        assert_eq!(year["defaultConfiguration"]["level"], "error");
        assert_eq!(year["properties"]["kind"], "expect");
        assert!(rules[1].get("helpUri").is_none());
        assert_eq!(rules[1]["help"]["text"], "advertisement placeholders");
        assert_eq!(rules[2]["defaultConfiguration"]["level"], "note");
        assert_eq!(rules[3]["defaultConfiguration"]["level"], "warning");
        assert_eq!(rules[3]["name"], "FileUnreadable");
        // Every result points at its own rule.
        for result in results(&log) {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
        }
    }

    #[test]
    fn result_with_multibyte_columns_related_location_and_fix() {
        let log = log(&[fixtures::year()]);
        let result = &results(&log)[0];
        assert_eq!(result["ruleId"], "annexation-year");
        assert_eq!(result["level"], "error");
        assert_eq!(
            result["message"]["text"],
            "the four regions were annexed in 2022, not 2020"
        );
        let at = fixtures::ARTICLE.find("2020").unwrap();
        assert_eq!(
            result["locations"][0]["physicalLocation"],
            json!({
                "artifactLocation": {"uri": "corpus/a.txt", "uriBaseId": "%SRCROOT%"},
                "region": {
                    "startLine": 2, "startColumn": 29, "endLine": 2, "endColumn": 33,
                    "byteOffset": at, "byteLength": 4,
                },
            })
        );
        let other = fixtures::OTHER.find("2022").unwrap();
        assert_eq!(
            result["relatedLocations"],
            json!([{
                "id": 1,
                "physicalLocation": {
                    "artifactLocation": {"uri": "corpus/b.md", "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 12,
                        "byteOffset": other, "byteLength": 4,
                    },
                },
                "message": {"text": "2022 here"},
            }])
        );
        assert_eq!(
            result["fixes"],
            json!([{
                "description": {"text": "replace with `2022`"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": "corpus/a.txt", "uriBaseId": "%SRCROOT%"},
                    "replacements": [{
                        "deletedRegion": {"byteOffset": at, "byteLength": 4},
                        "insertedContent": {"text": "2022"},
                    }],
                }],
            }])
        );
        let fingerprint = result["partialFingerprints"][FINGERPRINT_KEY]
            .as_str()
            .unwrap();
        assert_eq!(fingerprint.len(), 16);
        assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn whole_file_finding_has_first_line_region_only() {
        let log = log(&[fixtures::whole_file()]);
        let result = &results(&log)[0];
        assert_eq!(result["level"], "warning");
        assert_eq!(result["ruleIndex"], 3);
        assert_eq!(
            result["locations"][0]["physicalLocation"]["region"],
            json!({"startLine": 1})
        );
        assert!(result.get("relatedLocations").is_none() && result.get("fixes").is_none());
    }

    #[test]
    fn hostile_paths_and_text() {
        let log = log(&[fixtures::evil()]);
        let result = &results(&log)[0];
        assert_eq!(result["level"], "note");
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "corpus/odd%20name%2C1%3A2%20%25.md"
        );
        let message = result["message"]["text"].as_str().unwrap();
        assert!(!message.contains('\u{1b}') && !message.contains('\r'));
        assert!(message.contains("::add-mask::hunter2 </testcase> & \"q\" 'q' 100%"));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (&region["startLine"], &region["endLine"]),
            (&json!(2), &json!(3))
        );
    }

    proptest::proptest! {
        #[test]
        fn any_findings_give_a_consistent_log(
            findings in proptest::collection::vec(fixtures::arbitrary_finding(), 0..4)
        ) {
            let log = log(&findings);
            let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
            let results = results(&log);
            proptest::prop_assert_eq!(results.len(), findings.len());
            for result in results {
                let index = result["ruleIndex"].as_u64().unwrap() as usize;
                proptest::prop_assert_eq!(&rules[index]["id"], &result["ruleId"]);
                let region = &result["locations"][0]["physicalLocation"]["region"];
                proptest::prop_assert!(region["startLine"].as_u64().unwrap() >= 1);
                let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap();
                proptest::prop_assert!(
                    uri.bytes().all(|b| b.is_ascii_graphic()) && !uri.contains(['#', '?', ' ']),
                    "{}", uri
                );
            }
        }
    }

    #[test]
    fn uris() {
        let uri = |p: &str| artifact_location(p).uri;
        assert_eq!(uri("./corpus/ä b#?.md"), "corpus/%C3%A4%20b%23%3F.md");
        assert_eq!(uri("/srv/news/a b.md"), "file:///srv/news/a%20b.md");
        assert_eq!(artifact_location("/srv/a.md").uri_base_id, None);
        assert_eq!(uri("C:/news/a.md"), "file:///C:/news/a.md");
        assert_eq!(uri("c:x/a.md"), "c%3Ax/a.md", "not read as a scheme");
    }

    #[test]
    fn fingerprints_ignore_line_numbers_but_tell_occurrences_apart() {
        let base = fixtures::year();
        let mut moved = base.clone();
        // The same text, pushed down the file by an edit above it.
        for at in [&mut moved.primary.start, &mut moved.primary.end] {
            at.line += 5;
        }
        moved.primary.span = moved.primary.span.start + 80..moved.primary.span.end + 80;
        let fp = |findings: &[Finding]| fingerprints(findings);
        assert_eq!(fp(std::slice::from_ref(&base)), fp(&[moved.clone()]));
        // Two occurrences of the same text: distinct, each stable.
        let both = fp(&[base.clone(), moved.clone()]);
        assert_ne!(both[0], both[1]);
        assert_eq!(both[0], fp(std::slice::from_ref(&base))[0]);
        assert_eq!(
            fp(&[moved.clone(), base.clone()]),
            [both[1].clone(), both[0].clone()]
        );
        // Another rule, path or text: another hash.
        let mut other_rule = base.clone();
        other_rule.check_id = "crimea-annexation-year".into();
        let mut other_path = base.clone();
        other_path.primary.path = "corpus/z.txt".into();
        let all = fp(&[base.clone(), other_rule, other_path]);
        assert!(all[0] != all[1] && all[0] != all[2] && all[1] != all[2]);
        // Known value: the hash must not change across platforms or Rust releases.
        let mut h = Fnv1a::new();
        h.write(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn empty_run_and_determinism() {
        let log = log(&[]);
        assert_eq!(results(&log).len(), 0);
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .unwrap()
                .len(),
            3
        );
        let refs = fixtures::references();
        let run = fixtures::run_info(&refs);
        let all = fixtures::findings();
        assert_eq!(render(&all, &run), render(&all, &run));
    }

    #[test]
    fn pascal_case_names() {
        assert_eq!(pascal_case("annexation-year"), "AnnexationYear");
        assert_eq!(pascal_case("a--b_c"), "ABC");
        assert_eq!(pascal_case(""), "");
    }
}
