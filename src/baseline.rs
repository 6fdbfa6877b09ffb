//! Baselines: adopt factlint on a repository with old findings by recording
//! them once (`--write-baseline`) and reporting only new ones (`--baseline`).
//!
//! Findings are matched by fingerprint (check id, path, flagged text and its
//! occurrence), so edits elsewhere in an article do not resurrect them.

use crate::finding::Finding;
use crate::report::sarif::fingerprints;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

/// One recorded finding; id and path are there for people reading the file.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    id: String,
    path: String,
    fingerprint: String,
}

/// Records `findings` in `path`.
pub fn write(path: &Path, findings: &[Finding]) -> std::io::Result<()> {
    let file = BaselineFile {
        version: VERSION,
        findings: findings
            .iter()
            .zip(fingerprints(findings))
            .map(|(f, fingerprint)| Entry {
                id: f.check_id.to_string(),
                path: f.primary.path.to_string(),
                fingerprint,
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
    std::fs::write(path, json + "\n")
}

/// The fingerprints recorded in `path`.
pub fn load(path: &Path) -> Result<HashSet<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline `{}`: {e}", path.display()))?;
    let file: BaselineFile = serde_json::from_str(&text)
        .map_err(|e| format!("`{}` is not a factlint baseline: {e}", path.display()))?;
    if file.version != VERSION {
        return Err(format!(
            "baseline `{}` has version {}, this factlint reads version {VERSION}",
            path.display(),
            file.version
        ));
    }
    Ok(file.findings.into_iter().map(|e| e.fingerprint).collect())
}

/// Drops findings recorded in the baseline; returns how many were dropped.
pub fn filter(findings: &mut Vec<Finding>, baseline: &HashSet<String>) -> usize {
    let keep: Vec<bool> = fingerprints(findings)
        .iter()
        .map(|fp| !baseline.contains(fp))
        .collect();
    let before = findings.len();
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
    before - findings.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use std::sync::Arc;

    fn finding(text: &str, needle: &str) -> Finding {
        let doc = Document::parse("a.txt", text.as_bytes().to_vec(), None).unwrap();
        let at = text.find(needle).unwrap();
        Finding {
            check_id: Arc::from("ad"),
            severity: crate::finding::Severity::Warning,
            message: "m".into(),
            primary: doc.location(at..at + needle.len()),
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }

    #[test]
    fn recorded_findings_are_hidden_even_after_edits_above_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        write(&path, &[finding("Advertisement\n", "Advertisement")]).unwrap();
        let baseline = load(&path).unwrap();
        let mut later = vec![
            finding("New first line.\n\nAdvertisement\n", "Advertisement"),
            finding("New first line.\n\nAdvertisement\n", "New first line."),
        ];
        assert_eq!(filter(&mut later, &baseline), 1);
        assert_eq!(later[0].primary.text(), "New first line.");
    }

    #[test]
    fn not_a_baseline_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, "{}").unwrap();
        assert!(
            load(&path)
                .unwrap_err()
                .contains("is not a factlint baseline")
        );
    }
}
