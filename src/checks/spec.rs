//! The TOML schema of check files, as written by editors.
//!
//! Everything a user can get wrong is kept with its span (`Spanned`) so that
//! errors can point into the check file.

use serde::Deserialize;
use toml::Spanned;

/// A check file: any number of `[[check]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckFile {
    #[serde(default)]
    pub check: Vec<CheckSpec>,
}

/// One `[[check]]` table. Keys valid only for some kinds are validated after
/// parsing, so the error can say which kind they belong to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckSpec {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub severity: Option<Spanned<String>>,
    pub message: Option<String>,
    pub description: Option<String>,
    pub help: Option<String>,
    #[serde(default)]
    pub references: Vec<String>,
    /// Globs of the article paths the check applies to (all when empty).
    #[serde(default)]
    pub paths: Vec<Spanned<String>>,
    pub scope: Option<Spanned<String>>,
    #[serde(default)]
    pub when: Vec<Spanned<String>>,
    #[serde(default)]
    pub unless: Vec<Spanned<String>>,
    /// Patterns the whole article must match for the check to read it: the
    /// story its facts belong to.
    #[serde(default)]
    pub topic: Vec<Spanned<String>>,
    /// Patterns none of which may match anywhere in the article for the
    /// check to read it: a note that the article itself changed the fact
    /// ("This story has been updated to reflect a higher death toll").
    #[serde(default)]
    pub article_unless: Vec<Spanned<String>>,
    pub label: Option<String>,
    // forbid
    pub pattern: Option<Spanned<String>>,
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    pub replace: Option<String>,
    // expect, consistent
    pub value: Option<Spanned<ValueSpec>>,
    pub expected: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub fix: bool,
    /// `consistent`/`quote`: the true value, which wins over the majority.
    pub canonical: Option<Spanned<toml::Value>>,
    /// `consistent`: `"date"` compares only mentions of one event, as dated
    /// in their sentences.
    pub group_by: Option<Spanned<String>>,
    /// `relation`: named values, compared by `assert`.
    pub values: Option<std::collections::BTreeMap<String, Spanned<ValueSpec>>>,
    pub assert: Option<Spanned<String>>,
    /// `quote`: whose quotations to compare.
    pub speaker: Option<Spanned<String>>,
    #[serde(default)]
    pub example: Vec<ExampleSpec>,
}

impl CheckSpec {
    /// The kind-specific keys this check sets, to refuse those its kind ignores.
    pub fn kind_keys(&self) -> Vec<&'static str> {
        [
            ("pattern", self.pattern.is_some()),
            ("patterns", !self.patterns.is_empty()),
            ("replace", self.replace.is_some()),
            ("value", self.value.is_some()),
            ("expected", self.expected.is_some()),
            ("fix", self.fix),
            ("canonical", self.canonical.is_some()),
            ("group-by", self.group_by.is_some()),
            ("values", self.values.is_some()),
            ("assert", self.assert.is_some()),
            ("speaker", self.speaker.is_some()),
        ]
        .into_iter()
        .filter_map(|(key, set)| set.then_some(key))
        .collect()
    }
}

/// Where and what value a check reads: `value = { type = "year", near = 'annex' }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ValueSpec {
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    /// The value must lie within `window` bytes of a match of this pattern.
    pub near: Option<Spanned<String>>,
    pub window: Option<usize>,
    /// How far before its anchor a value may stand (default: a sixth of `window`).
    pub window_before: Option<usize>,
    /// What the value is about; with `rival`, the value belongs to whichever of
    /// the two is written closest before it.
    pub subject: Option<Spanned<String>>,
    pub rival: Option<Spanned<String>>,
    /// `preceding` (default): a value belongs to the subject or rival written
    /// closest before it, as years follow what they date. `nearest`: to the
    /// closest on either side, as counts sit next to their noun ("five dead and
    /// 130 injured").
    pub attach: Option<Spanned<String>>,
}

/// A `[[check.example]]`: `[[…]]` marks each span the check must flag.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExampleSpec {
    #[serde(default)]
    pub text: String,
    pub published: Option<toml::value::Datetime>,
    pub path: Option<String>,
    /// Several articles, for checks that compare articles (`consistent`,
    /// `quote`): `[[check.example.document]]` tables, each with its own markers.
    #[serde(default)]
    pub document: Vec<ExampleDocument>,
}

impl ExampleSpec {
    /// The example's articles' texts (just `text` for a one-article example).
    pub fn texts(&self) -> Vec<&str> {
        if self.document.is_empty() {
            vec![self.text.as_str()]
        } else {
            self.document.iter().map(|d| d.text.as_str()).collect()
        }
    }
}

/// One article of a multi-document example.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExampleDocument {
    pub text: String,
    pub published: Option<toml::value::Datetime>,
    pub path: Option<String>,
}
