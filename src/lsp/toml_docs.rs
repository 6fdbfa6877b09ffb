//! Help for check authors: what each key of a check file means, completion
//! of keys and values, and the file's errors as diagnostics.

use super::convert::Text;
use crate::checks::Rule;
use crate::checks::error::SpecError;
use crate::checks::load::load_str;
use lsp_types::{
    CompletionItem, CompletionItemKind, Diagnostic, DiagnosticSeverity, Documentation,
    MarkupContent, MarkupKind, NumberOrString, Position,
};

/// Keys of a `[[check]]` table (`CheckSpec`), with one paragraph each.
pub const CHECK_KEYS: &[(&str, &str)] = &[
    (
        "id",
        "The check's unique name, in kebab-case (`annexation-year`). It is the diagnostic's code, and what `--select`, `--ignore` and suppression comments name.",
    ),
    (
        "kind",
        "What the check asserts: `forbid` (a pattern must not occur), `expect` (a value must equal `expected`), `consistent` (every mention of a fact agrees), `relation` (two values obey `<`, `<=`, `==` …), `quote` (a quotation matches), or a built-in kind: `calendar`, `convert`, `artifact`, `duplicate`.",
    ),
    (
        "severity",
        "`error`, `warning` or `info`. Defaults to `error` for `expect` checks and `warning` otherwise; `factlint.toml` can override it per check.",
    ),
    (
        "message",
        "The diagnostic's text. `{found}` is replaced by what the article says and `{expected}` by what it should say.",
    ),
    (
        "description",
        "One line for `factlint list` and SARIF rules; defaults to `help`, else `message`.",
    ),
    (
        "help",
        "Why the check holds: the fact and its source, shown under every finding and in hover.",
    ),
    (
        "references",
        "URLs of the sources of truth. The first is linked from the diagnostic's code in editors and SARIF.",
    ),
    (
        "paths",
        "Globs of the article paths the check applies to (`[\"wires/**\", \"*.md\"]`); all articles when absent.",
    ),
    (
        "scope",
        "The piece of text the check looks at in one go: `sentence`, `paragraph`, `document`, or `corpus` (comparisons across every article, for `consistent` and `quote`). `when` and `unless` are tested on each scope.",
    ),
    (
        "when",
        "Regular expressions that must all match in a scope for the check to look at it (`(?i)` for case-insensitive). Linear-time `regex` syntax, size-limited.",
    ),
    (
        "unless",
        "Regular expressions of which none may match in a scope for the check to look at it.",
    ),
    (
        "topic",
        "Regular expressions that must all match somewhere in the article for the check to read it at all: the story its facts belong to (`'(?i)North Korea|Pyongyang'`).",
    ),
    (
        "article-unless",
        "Regular expressions of which none may match anywhere in the article for the check to read it: a note that the article changed the fact itself (`'(?i)this story has been updated'`).",
    ),
    (
        "label",
        "Text shown under the flagged span (`expected {expected}`); the same placeholders as `message`.",
    ),
    (
        "pattern",
        "`forbid`: the regular expression that must not match. A group named `flag` narrows the flagged span.",
    ),
    (
        "patterns",
        "`forbid`: several regular expressions, any of which must not match.",
    ),
    (
        "replace",
        "`forbid`: the replacement that fixes a match (`$1` names groups); an empty string removes it. Makes the finding machine-applicable.",
    ),
    (
        "value",
        "`expect`, `consistent`: which value to read, as an inline table: `{ type = \"year\", near = 'annex\\w*' }`. See `type`, `near`, `window`, `subject`, `rival`, `attach`.",
    ),
    (
        "expected",
        "`expect`: the value the scope must contain, of the value's type (`2022`, `2024-01-02`, `\"Tuesday\"`), or a list of acceptable values.",
    ),
    (
        "fix",
        "`expect`: `true` when replacing the found value with `expected` is always safe, which makes the finding machine-applicable.",
    ),
    (
        "canonical",
        "`consistent`, `quote`: the true value, which wins over the majority of mentions.",
    ),
    (
        "group-by",
        "`consistent` with `scope = \"document\"`: `\"date\"` compares only mentions of one event. A mention is dated by a date in its sentence (or heading its paragraph), not a page's stamp nor the day something was said; mentions dated on different days are not compared, and an undated one joins the day most mentions have.",
    ),
    (
        "values",
        "`relation`: named values, each an inline table like `value`: `values = { launched = { type = \"number\", near = 'launched' }, downed = { … } }`.",
    ),
    (
        "assert",
        "`relation`: the comparison of two named `values`, such as `\"downed <= launched\"` (`<`, `<=`, `==`, `>=`, `>`).",
    ),
    (
        "speaker",
        "`quote`: a regular expression for whose quotations are compared (`Kirby|White House`).",
    ),
    (
        "example",
        "`[[check.example]]`: a test of the check, run by `factlint test` and `cargo test`. `[[…]]` in `text` marks each span the check must flag; an example without markers must pass.",
    ),
];

/// Keys of a `value` inline table (`ValueSpec`).
pub const VALUE_KEYS: &[(&str, &str)] = &[
    (
        "type",
        "The type of value read: `year` (1900–2100), `date` (\"Dec. 30\", \"Tuesday\", \"yesterday\", resolved against the publication date), `weekday`, `number` (\"nearly 30\", \"more than 1,000\"), or `quantity` (a number with a unit, normalised to SI).",
    ),
    (
        "near",
        "A regular expression the value must stand near: within `window` bytes after a match, or `window_before` bytes before it.",
    ),
    (
        "window",
        "How far after `near` the value may stand, in bytes (default 60).",
    ),
    (
        "window-before",
        "How far before `near` the value may stand, in bytes (default: a sixth of `window`).",
    ),
    (
        "subject",
        "What the value is about; with `rival`, a value belongs to whichever of the two is written closest to it.",
    ),
    (
        "rival",
        "A competing subject: values closest to it are not this check's (\"said Thursday\" against \"fired on Dec. 30\"). Needs `subject`.",
    ),
    (
        "attach",
        "`preceding` (default): a value belongs to the subject or rival written closest before it, as years follow what they date. `nearest`: the closest on either side, as counts sit next to their noun.",
    ),
];

/// Keys of a `[[check.example]]` table.
pub const EXAMPLE_KEYS: &[(&str, &str)] = &[
    (
        "text",
        "The example article text; `[[…]]` marks each span the check must flag.",
    ),
    (
        "published",
        "The example's publication date (`2024-01-05`), for relative dates.",
    ),
    (
        "path",
        "The example's file name, to lint it as Markdown (`a.md`) or under `paths` globs.",
    ),
];

/// Value types of `value = { type = … }`.
pub const VALUE_TYPES: &[(&str, &str)] = &[
    ("year", "A year from 1900 to 2100."),
    (
        "date",
        "A calendar date (`December 30`, `Jan. 2, 2024`, `2024-01-02`) or a relative one (`Tuesday`, `yesterday`), resolved against the publication date.",
    ),
    ("weekday", "A day of the week."),
    (
        "number",
        "A count in digits or words, with qualifiers as intervals (`nearly 30`, `at least five`).",
    ),
    (
        "quantity",
        "A number with a unit (`900 km`, `550 miles`), normalised to SI.",
    ),
];

/// One line about each kind.
pub fn kind_doc(kind: &str) -> &'static str {
    match kind {
        "forbid" => "A pattern must not occur; `replace` makes a fix.",
        "expect" => "Where `when` matches, the value read must equal `expected`.",
        "consistent" => {
            "Every mention of a fact agrees, within a document or across the corpus; the outlier is reported."
        }
        "relation" => "Two values in one scope obey `assert` (`downed <= launched`).",
        "quote" => "A quotation matches its canonical wording, or the majority across the corpus.",
        "calendar" => "Built in: a weekday written next to a date matches it.",
        "convert" => "Built in: a unit conversion in parentheses agrees (`900 km (559 miles)`).",
        "artifact" => "Built in: residue of stripped links (`from as Moscow`, `an , the`).",
        "duplicate" => "Built in: a line that repeats an earlier one.",
        _ => "",
    }
}

fn lookup(table: &'static [(&str, &str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, doc)| *doc)
}

/// The documentation of `key`, in any table.
pub fn key_doc(key: &str) -> Option<&'static str> {
    let underscored = key.replace('_', "-");
    lookup(CHECK_KEYS, key)
        .or_else(|| lookup(VALUE_KEYS, &underscored))
        .or_else(|| lookup(EXAMPLE_KEYS, key))
        .or_else(|| (key == "check").then_some("`[[check]]`: one check per table."))
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// Markdown for a hover at `offset`: the key under the cursor, or a kind or
/// value type written as a string value.
pub fn hover(text: &Text, offset: usize) -> Option<(String, std::ops::Range<usize>)> {
    let s = &text.text;
    let offset = offset.min(s.len());
    let start = s[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_key_char(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = s[offset..]
        .char_indices()
        .find(|(_, c)| !is_key_char(*c))
        .map_or(s.len(), |(i, _)| offset + i);
    if start == end {
        return None;
    }
    let word = &s[start..end];
    let before = s[..start].trim_end_matches([' ', '\t']);
    if let Some(line_before) = before
        .strip_suffix('"')
        .or_else(|| before.strip_suffix('\''))
    {
        // A string value: a kind, a value type.
        let key = line_before
            .trim_end_matches([' ', '\t'])
            .strip_suffix('=')?
            .trim_end_matches([' ', '\t']);
        let key = key.rsplit(|c: char| !is_key_char(c)).next().unwrap_or(key);
        let doc = match key {
            "kind" => Some(kind_doc(word)).filter(|d| !d.is_empty()),
            "type" => lookup(VALUE_TYPES, word),
            _ => None,
        }?;
        return Some((format!("**`{word}`** — {doc}"), start..end));
    }
    // A key: followed by `=`, or a table name (`[[check.example]]`).
    let after = s[end..].trim_start_matches([' ', '\t']);
    let is_key = after.starts_with('=') || after.starts_with('.') || after.starts_with(']');
    if !is_key {
        return None;
    }
    let doc = key_doc(word)?;
    Some((format!("**`{word}`** — {doc}"), start..end))
}

/// Completions at `offset`: value types after `type = "`, kinds after
/// `kind = "`, other enumerations, else keys (`value` keys inside `{ … }`).
pub fn complete(text: &Text, offset: usize) -> Vec<CompletionItem> {
    let s = &text.text;
    let offset = offset.min(s.len());
    let line_start = s[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let prefix = &s[line_start..offset];
    let value_of = |key: &str| -> bool {
        let Some(at) = prefix.rfind(['"', '\'']) else {
            return false;
        };
        let before = prefix[..at].trim_end();
        let Some(before) = before.strip_suffix('=') else {
            return false;
        };
        before.trim_end().ends_with(key)
            && prefix[at + 1..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let items = |kind: CompletionItemKind, list: Vec<(&str, &str)>| -> Vec<CompletionItem> {
        list.into_iter()
            .map(|(label, doc)| CompletionItem {
                label: label.to_string(),
                kind: Some(kind),
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: doc.to_string(),
                })),
                ..CompletionItem::default()
            })
            .collect()
    };
    let constants = |names: &[&'static str]| -> Vec<(&'static str, &'static str)> {
        names.iter().map(|n| (*n, "")).collect()
    };
    if value_of("type") {
        return items(CompletionItemKind::ENUM_MEMBER, VALUE_TYPES.to_vec());
    }
    if value_of("kind") {
        let kinds = Rule::KINDS.iter().map(|k| (*k, kind_doc(k))).collect();
        return items(CompletionItemKind::ENUM_MEMBER, kinds);
    }
    if value_of("severity") {
        return items(
            CompletionItemKind::ENUM_MEMBER,
            constants(&["error", "warning", "info"]),
        );
    }
    if value_of("scope") {
        return items(
            CompletionItemKind::ENUM_MEMBER,
            constants(crate::checks::Scope::NAMES),
        );
    }
    if value_of("attach") {
        return items(
            CompletionItemKind::ENUM_MEMBER,
            constants(&["preceding", "nearest"]),
        );
    }
    // Inside an inline table: the last `{` is not closed before the cursor.
    let in_inline_table = prefix
        .rfind('{')
        .is_some_and(|open| !prefix[open..].contains('}'));
    let word_start = prefix
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_key_char(*c))
        .last()
        .map_or(prefix.len(), |(i, _)| i);
    let before_word = prefix[..word_start].trim_end();
    let at_key = if in_inline_table {
        before_word.ends_with('{') || before_word.ends_with(',')
    } else {
        before_word.is_empty()
    };
    if !at_key {
        return Vec::new();
    }
    if in_inline_table {
        return items(CompletionItemKind::PROPERTY, VALUE_KEYS.to_vec());
    }
    // Which table the cursor is in: the last header before it.
    let table = s[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .unwrap_or("");
    if table.starts_with("[[check.example") {
        return items(CompletionItemKind::PROPERTY, EXAMPLE_KEYS.to_vec());
    }
    if table.starts_with("[check.value") || table.starts_with("[check.values") {
        return items(CompletionItemKind::PROPERTY, VALUE_KEYS.to_vec());
    }
    let keys = CHECK_KEYS
        .iter()
        .copied()
        .filter(|(k, _)| *k != "example")
        .collect();
    items(CompletionItemKind::PROPERTY, keys)
}

/// A check file's errors, from the live text, as diagnostics.
pub fn diagnostics(text: &Text) -> Vec<Diagnostic> {
    match load_str(&text.text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| spec_diagnostic(text, e)).collect(),
    }
}

/// One error of a check file at its span (the file's start when it has none).
pub fn spec_diagnostic(text: &Text, e: &SpecError) -> Diagnostic {
    error_diagnostic(
        text,
        e.span.clone(),
        &e.message,
        &e.label,
        e.help.as_deref(),
    )
}

/// A diagnostic for an error in a TOML file.
pub fn error_diagnostic(
    text: &Text,
    span: Option<std::ops::Range<usize>>,
    message: &str,
    label: &str,
    help: Option<&str>,
) -> Diagnostic {
    let range = match span {
        Some(span) => text.range(span),
        None => lsp_types::Range::new(Position::new(0, 0), Position::new(0, 0)),
    };
    let mut message = message.to_string();
    if !label.is_empty() && label != "here" {
        message.push_str(&format!(" ({label})"));
    }
    if let Some(help) = help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("check-file".into())),
        source: Some("factlint".into()),
        message,
        ..Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Text {
        Text::new(s.to_string())
    }

    #[test]
    fn every_spec_key_is_documented() {
        for key in [
            "id",
            "kind",
            "severity",
            "message",
            "description",
            "help",
            "references",
            "paths",
            "scope",
            "when",
            "unless",
            "topic",
            "article-unless",
            "label",
            "pattern",
            "patterns",
            "replace",
            "value",
            "expected",
            "fix",
            "canonical",
            "group-by",
            "values",
            "assert",
            "speaker",
            "example",
            "type",
            "near",
            "window",
            "window-before",
            "subject",
            "rival",
            "attach",
            "text",
            "published",
            "path",
        ] {
            assert!(key_doc(key).is_some(), "{key} undocumented");
        }
    }

    #[test]
    fn misspelt_key_is_a_diagnostic_at_its_span() {
        // A curly quote and an emoji before the key: UTF-16 columns.
        let t = text(
            "# “x” 😀\n[[check]]\nid = \"a\"\nkind = \"forbid\"\nseverty = \"error\"\npattern = \"x\"\n",
        );
        let d = diagnostics(&t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].range.start, Position::new(4, 0));
        assert_eq!(d[0].range.end, Position::new(4, 7));
        assert!(
            d[0].message.starts_with("unknown key `severty`"),
            "{}",
            d[0].message
        );
        assert!(d[0].message.contains("did you mean `severity`?"));
    }

    #[test]
    fn bad_regex_and_unparsable_toml_are_diagnostics() {
        let t = text("[[check]]\nid = \"a\"\nkind = \"forbid\"\npattern = \"(x\"\n");
        let d = diagnostics(&t);
        assert_eq!(d[0].range.start, Position::new(3, 10));
        let t = text("[[check]\nid = ");
        assert_eq!(diagnostics(&t).len(), 1);
        assert!(
            diagnostics(&text(
                "[[check]]\nid = \"a\"\nkind = \"forbid\"\npattern = \"x\"\n"
            ))
            .is_empty()
        );
    }

    #[test]
    fn hover_on_keys_and_values() {
        let t = text(
            "[[check]]\nkind = \"forbid\"\nvalue = { type = \"year\", near = 'x' }\n[[check.example]]\n",
        );
        let at = |needle: &str| t.text.find(needle).unwrap() + 1;
        assert!(
            hover(&t, at("kind"))
                .unwrap()
                .0
                .contains("What the check asserts")
        );
        assert!(
            hover(&t, at("forbid"))
                .unwrap()
                .0
                .contains("must not occur")
        );
        assert!(hover(&t, at("type")).unwrap().0.contains("type of value"));
        assert!(hover(&t, at("year")).unwrap().0.contains("1900"));
        assert!(hover(&t, at("near")).unwrap().0.contains("stand near"));
        assert!(hover(&t, at("example")).unwrap().0.contains("[[…]]"));
        assert!(hover(&t, at("'x'") + 1).is_none());
    }

    #[test]
    fn completion_offers_keys_types_and_kinds() {
        let labels = |s: &str| -> Vec<String> {
            let t = text(s);
            complete(&t, s.len()).into_iter().map(|i| i.label).collect()
        };
        let keys = labels("[[check]]\nid = \"a\"\nsev");
        assert!(keys.contains(&"severity".to_string()) && keys.contains(&"when".to_string()));
        let types = labels("[[check]]\nvalue = { type = \"");
        assert_eq!(types, ["year", "date", "weekday", "number", "quantity"]);
        let value_keys = labels("[[check]]\nvalue = { type = \"year\", ne");
        assert!(value_keys.contains(&"near".to_string()));
        assert!(labels("[[check]]\nkind = \"").contains(&"consistent".to_string()));
        assert!(labels("[[check]]\n[[check.example]]\n").contains(&"published".to_string()));
        assert!(labels("[[check]]\nid = \"a b").is_empty());
    }
}
