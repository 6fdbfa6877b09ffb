//! `forbid`: a pattern must not occur (boilerplate, scraping residue, banned words).

use super::Emitter;
use super::error::SpecError;
use super::pattern::{Padding, Pattern};
use super::spec::CheckSpec;
use crate::document::Document;
use std::ops::Range;

/// Compiled `forbid` check.
#[derive(Debug)]
pub struct Forbid {
    patterns: Vec<Pattern>,
    /// How each pattern's flagged span is found, in the same order.
    flagged: Vec<Flagged>,
    /// Replacement template (`$1` expands groups): a machine-applicable fix.
    replace: Option<String>,
    /// Whether the template names groups, so that each match needs its groups.
    replace_uses_groups: bool,
}

/// How the flagged span of a match is found.
#[derive(Debug)]
enum Flagged {
    /// The pattern has no `flag` group: the whole match.
    Match,
    /// A `flag` group padded with runs of blanks: the whole match, unless it
    /// starts or ends with a character the runs may take.
    Padded(Padding),
    /// Any other `flag` group: the match's groups are resolved.
    Group,
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
        let flagged = patterns
            .iter()
            .map(|pattern| {
                if !pattern.has_group(FLAG) {
                    Flagged::Match
                } else {
                    pattern
                        .padded_group(FLAG)
                        .map_or(Flagged::Group, Flagged::Padded)
                }
            })
            .collect();
        Ok(Self {
            patterns,
            flagged,
            replace_uses_groups: spec.replace.as_ref().is_some_and(|r| r.contains('$')),
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
        for (pattern, flagged) in self.patterns.iter().zip(&self.flagged) {
            for found in pattern.find_iter(text) {
                let known = match flagged {
                    _ if self.replace_uses_groups => None,
                    Flagged::Match => Some(found.clone()),
                    Flagged::Padded(padding) => padding.group_span(text, found.clone()),
                    Flagged::Group => None,
                };
                let (flagged, fix) = match known {
                    Some(span) => (span, self.replace.clone()),
                    None => match self.resolve(pattern, text, found) {
                        Some(resolved) => resolved,
                        None => continue,
                    },
                };
                if flagged.is_empty() {
                    continue;
                }
                let span = unit.start + flagged.start..unit.start + flagged.end;
                emit.report(span, text[flagged].trim(), "", fix);
            }
        }
    }

    /// The flagged span and the fix of the match at `found`, from its groups.
    fn resolve(
        &self,
        pattern: &Pattern,
        text: &str,
        found: Range<usize>,
    ) -> Option<(Range<usize>, Option<String>)> {
        let caps = pattern.groups_of(text, found)?;
        let flagged = caps.name(FLAG).or_else(|| caps.get(0))?;
        let fix = self
            .replace
            .as_ref()
            .map(|template| caps.interpolate(template));
        Some((flagged.range(), fix))
    }
}

/// The group that narrows a match to the span flagged.
const FLAG: &str = "flag";

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
    fn padded_flags_leave_out_the_padding() {
        let checks = "[[check]]\nid = \"ad\"\nkind = \"forbid\"\nscope = \"paragraph\"\npattern = '(?mRi)^[ \\t]*(?P<flag>[^\\n]*?advert[^\\n]*?)[ \\t]*$'\nreplace = ''\n";
        let found = run(checks, "Advertisement\n\n\tAdvert here  \n\nText.\n");
        let empty = Some(String::new());
        assert_eq!(
            found,
            [
                ("Advertisement".to_string(), empty.clone()),
                ("Advert here".to_string(), empty)
            ]
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
