//! Applying machine-applicable fixes to articles, safely.
//!
//! Fixes never overlap (the later of two overlapping fixes is left for the
//! next run), a file is only written when every fixed span still holds the
//! text that was flagged, and writing goes through a temporary file in the
//! same directory renamed over the original, keeping its permissions: a
//! killed process leaves the old file or the new one, never half of one.

use crate::finding::{Finding, Fix};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The fixes of one file, and its text with them applied.
#[derive(Debug)]
pub struct FixedFile {
    pub path: PathBuf,
    pub original: String,
    pub fixed: String,
    pub applied: usize,
}

/// Why a file was not fixed.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("cannot read `{0}`: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("`{0}` changed since it was linted; run factlint again")]
    Changed(PathBuf),
    #[error("cannot write `{0}`: {1}")]
    Write(PathBuf, std::io::Error),
}

/// Computes the fixed text of every file that has fixes, without writing.
pub fn plan(findings: &[Finding]) -> Vec<Result<FixedFile, FixError>> {
    let mut by_path: BTreeMap<&str, Vec<(&Fix, &str)>> = BTreeMap::new();
    for finding in findings {
        if let Some(fix) = &finding.fix {
            by_path
                .entry(&finding.primary.path)
                .or_default()
                .push((fix, finding.primary.text()));
        }
    }
    by_path
        .into_iter()
        .map(|(path, fixes)| fix_file(Path::new(path), fixes))
        .collect()
}

fn fix_file(path: &Path, mut fixes: Vec<(&Fix, &str)>) -> Result<FixedFile, FixError> {
    let original =
        std::fs::read_to_string(path).map_err(|e| FixError::Read(path.to_path_buf(), e))?;
    fixes.sort_by_key(|(fix, _)| (fix.span.start, fix.span.end));
    let mut fixed = String::with_capacity(original.len());
    let mut at = 0;
    let mut applied = 0;
    for (fix, flagged) in fixes {
        let span = line_aware_span(&original, fix);
        if span.start < at {
            continue; // Overlaps an earlier fix: left for the next run.
        }
        let current = original
            .get(fix.span.clone())
            .ok_or_else(|| FixError::Changed(path.to_path_buf()))?;
        if normalise(current) != normalise(flagged) {
            return Err(FixError::Changed(path.to_path_buf()));
        }
        fixed.push_str(&original[at..span.start]);
        fixed.push_str(&fix.replacement);
        at = span.end;
        applied += 1;
    }
    fixed.push_str(&original[at..]);
    Ok(FixedFile {
        path: path.to_path_buf(),
        original,
        fixed,
        applied,
    })
}

/// Excerpts store line breaks as `\n`; compare the flagged text the same way.
fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Deleting everything on a line deletes the line, and the blank line after
/// it when it sat between paragraphs, so no hole is left behind.
fn line_aware_span(text: &str, fix: &Fix) -> std::ops::Range<usize> {
    if !fix.replacement.is_empty() {
        return fix.span.clone();
    }
    let line_start = text[..fix.span.start]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1);
    let rest = &text[fix.span.end..];
    let line_end = fix.span.end + rest.find(['\n', '\r']).unwrap_or(rest.len());
    let whole_line = text[line_start..fix.span.start].trim().is_empty()
        && text[fix.span.end..line_end].trim().is_empty();
    if !whole_line {
        return fix.span.clone();
    }
    let mut end = line_end + terminator_len(text, line_end);
    // A paragraph of its own (blank or nothing before): take the blank line after it too.
    let before = &text[..line_start];
    let own_paragraph = before.is_empty() || before.ends_with("\n\n") || before.ends_with("\n\r\n");
    let next_is_blank = text[end..].starts_with('\n') || text[end..].starts_with("\r\n");
    if own_paragraph && next_is_blank {
        end += terminator_len(text, end);
    }
    line_start..end
}

/// Length of the line terminator at `at` (0 at the end of the text).
fn terminator_len(text: &str, at: usize) -> usize {
    if text[at..].starts_with("\r\n") {
        2
    } else {
        usize::from(at < text.len())
    }
}

/// Writes `fixed` over `path` atomically, keeping its permissions.
pub fn write(file: &FixedFile) -> Result<(), FixError> {
    let fail = |e: std::io::Error| FixError::Write(file.path.clone(), e);
    let dir = file
        .path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(&file.path).map_err(fail)?.permissions();
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    temp.write_all(file.fixed.as_bytes()).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    std::fs::set_permissions(temp.path(), permissions).map_err(fail)?;
    temp.persist(&file.path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// A unified diff of what fixing would change.
pub fn diff(file: &FixedFile) -> String {
    let path = file.path.display().to_string();
    similar::TextDiff::from_lines(&file.original, &file.fixed)
        .unified_diff()
        .header(&path, &path)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_after(text: &str, needle: &str, replacement: &str) -> String {
        let start = text.find(needle).expect("needle");
        let fix = Fix {
            span: start..start + needle.len(),
            replacement: replacement.into(),
        };
        let span = line_aware_span(text, &fix);
        format!(
            "{}{}{}",
            &text[..span.start],
            replacement,
            &text[span.end..]
        )
    }

    #[test]
    fn deleting_a_whole_line_removes_it_and_one_blank_line() {
        assert_eq!(
            span_after("One.\n\nAdvertisement\n\nTwo.\n", "Advertisement", ""),
            "One.\n\nTwo.\n"
        );
        assert_eq!(
            span_after("One.\r\n\r\nAdvertisement\r\n\r\nTwo.", "Advertisement", ""),
            "One.\r\n\r\nTwo."
        );
        assert_eq!(
            span_after("One.\nAdvertisement\nTwo.", "Advertisement", ""),
            "One.\nTwo."
        );
        assert_eq!(
            span_after("Advertisement\n\nTwo.", "Advertisement", ""),
            "Two."
        );
    }

    #[test]
    fn replacing_inside_a_line_touches_only_the_span() {
        assert_eq!(
            span_after("annexed in 2020 but", "2020", "2022"),
            "annexed in 2022 but"
        );
        assert_eq!(span_after("a analysiss b", "analysiss", ""), "a  b");
    }

    #[test]
    fn writes_atomically_keeping_permissions_and_refuses_changed_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "annexed in 2020.\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let fix = Fix {
            span: 11..15,
            replacement: "2022".into(),
        };
        let file = fix_file(&path, vec![(&fix, "2020")]).unwrap();
        assert_eq!(file.fixed, "annexed in 2022.\n");
        write(&file).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "annexed in 2022.\n"
        );
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        // The text at the span is no longer what was flagged.
        assert!(matches!(
            fix_file(&path, vec![(&fix, "2020")]),
            Err(FixError::Changed(_))
        ));
    }

    #[test]
    fn overlapping_fixes_keep_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "abcdef").unwrap();
        let one = Fix {
            span: 0..3,
            replacement: "X".into(),
        };
        let two = Fix {
            span: 2..5,
            replacement: "Y".into(),
        };
        let file = fix_file(&path, vec![(&two, "cde"), (&one, "abc")]).unwrap();
        assert_eq!((file.fixed.as_str(), file.applied), ("Xdef", 1));
    }
}
