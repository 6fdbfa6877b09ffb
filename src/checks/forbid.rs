//! `forbid`: a pattern must not occur (boilerplate, scraping residue, banned words).

use super::Emitter;
use super::error::SpecError;
use super::pattern::Pattern;
use super::spec::CheckSpec;
use crate::document::Document;
use std::ops::Range;

/// Compiled `forbid` check.
#[derive(Debug)]
pub struct Forbid {
    patterns: Vec<Pattern>,
    /// Replacement template (`$1` expands groups): a machine-applicable fix.
    replace: Option<String>,
}

impl Forbid {
    pub fn compile(spec: &CheckSpec) -> Result<Self, SpecError> {
        let patterns: Vec<Pattern> = spec
            .pattern
            .iter()
            .chain(&spec.patterns)
            .map(Pattern::new)
            .collect::<Result<_, _>>()?;
        if patterns.is_empty() {
            return Err(
                SpecError::new("a `forbid` check needs `pattern` or `patterns`")
                    .at(spec.kind.span(), "this check has no pattern"),
            );
        }
        Ok(Self {
            patterns,
            replace: spec.replace.clone(),
        })
    }

    /// The patterns it forbids.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Flags every match in `unit`; a group named `flag` narrows the flagged span.
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        let text = &doc.lintable[unit.clone()];
        for pattern in &self.patterns {
            for caps in pattern.captures_iter(text) {
                let Some(m) = caps.get_group_by_name("flag").or_else(|| caps.get_group(0)) else {
                    continue;
                };
                if m.is_empty() {
                    continue;
                }
                let fix = self.replace.as_ref().map(|template| {
                    let mut replacement = String::new();
                    caps.interpolate_string_into(text, template, &mut replacement);
                    replacement
                });
                let span = unit.start + m.start..unit.start + m.end;
                emit.report(span, text[m.range()].trim(), "", fix);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::load::load_str;

    fn run(checks: &str, text: &str) -> Vec<(String, Option<String>)> {
        crate::checks::findings_of(checks, text)
            .into_iter()
            .map(|f| (f.primary.text().to_string(), f.fix.map(|x| x.replacement)))
            .collect()
    }

    #[test]
    fn flags_each_match_with_exact_span() {
        let checks =
            "[[check]]\nid = \"ad\"\nkind = \"forbid\"\npattern = '(?mi)^advertisement$'\n";
        let found = run(
            checks,
            "Para.\n\nAdvertisement\n\nMore advertisement here.\n",
        );
        assert_eq!(found, [("Advertisement".to_string(), None)]);
    }

    #[test]
    fn flag_group_narrows_and_replace_expands() {
        let checks = "[[check]]\nid = \"typo\"\nkind = \"forbid\"\npattern = '\\b(?P<flag>(\\w+sis)s)\\b'\nreplace = '$2'\n";
        let found = run(checks, "news, analysiss and more");
        assert_eq!(
            found,
            [("analysiss".to_string(), Some("analysis".to_string()))]
        );
    }

    #[test]
    fn when_gate_limits_to_matching_scopes() {
        let checks = "[[check]]\nid = \"x\"\nkind = \"forbid\"\nscope = \"sentence\"\nwhen = ['Kremlin']\npattern = '2020'\n";
        assert_eq!(
            run(checks, "In 2020, Washington acted. The Kremlin said 2020.").len(),
            1
        );
    }

    #[test]
    fn needs_a_pattern() {
        let checks = "[[check]]\nid = \"x\"\nkind = \"forbid\"\n";
        let e = load_str(checks).err().unwrap();
        assert!(e[0].message.contains("needs `pattern`"));
    }
}
