//! Checks: loaded from TOML, compiled once, run over documents.
//!
//! Each kind lives in its own module with a `compile` from the spec and a `run`
//! over one scope of a document; adding a kind touches that module and [`Rule`].

pub mod artifact;
pub mod calendar;
pub mod consistent;
pub mod convert;
pub mod duplicate;
pub mod error;
pub mod expect;
pub mod forbid;
pub mod gate;
pub mod intern;
pub mod load;
pub mod locate;
pub mod pattern;
pub mod quote;
pub mod relation;
pub mod spec;
pub mod store;

use crate::document::{Aside, Document};
use crate::finding::{Finding, Fix, Location, Severity};
use error::{SpecError, suggestion};
use gate::{DocumentGates, Gate, Unit};
use jiff::civil::Date;
use locate::{Value, ValueLocator, ValueType};
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;

/// The part of a document a check looks at in one go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Sentence,
    Paragraph,
    Document,
    /// Every article: only for comparisons (`consistent`, `quote`).
    Corpus,
}

impl Scope {
    pub const NAMES: &[&str] = &["sentence", "paragraph", "document", "corpus"];

    fn parse(spanned: &Spanned<String>) -> Result<Self, SpecError> {
        match spanned.get_ref().as_str() {
            "sentence" => Ok(Scope::Sentence),
            "paragraph" => Ok(Scope::Paragraph),
            "document" => Ok(Scope::Document),
            "corpus" => Ok(Scope::Corpus),
            other => Err(SpecError::new(format!("unknown scope `{other}`"))
                .at(spanned.span(), "not a scope")
                .help(suggestion(other, Self::NAMES))),
        }
    }

    /// The units `doc` divides into in this scope.
    pub fn units(self, doc: &Document) -> Vec<Unit> {
        match self {
            Scope::Sentence => doc
                .sentences
                .iter()
                .map(|s| Unit {
                    span: s.span.clone(),
                    paragraph: Some(s.paragraph),
                })
                .collect(),
            Scope::Paragraph => doc
                .paragraphs
                .iter()
                .enumerate()
                .map(|(index, p)| Unit {
                    span: p.clone(),
                    paragraph: Some(index),
                })
                .collect(),
            Scope::Document | Scope::Corpus => vec![Unit {
                span: 0..doc.lintable.len(),
                paragraph: None,
            }],
        }
    }
}

/// What every check has, whatever its kind.
#[derive(Debug)]
pub struct CheckMeta {
    pub id: Arc<str>,
    pub kind: &'static str,
    pub severity: Severity,
    /// The diagnostic, with `{found}` and `{expected}` placeholders.
    pub message: String,
    /// One line for `factlint list`.
    pub description: String,
    pub help: Option<String>,
    pub references: Vec<String>,
    pub label: Option<String>,
    /// The articles the check applies to (`paths` globs); `None`: all.
    pub paths: Option<globset::GlobSet>,
}

impl CheckMeta {
    /// Whether the check applies to the article at `path`.
    pub fn applies_to(&self, path: &str) -> bool {
        self.paths.as_ref().is_none_or(|globs| globs.is_match(path))
    }
}

/// A kind's compiled logic.
#[derive(Debug)]
pub enum Rule {
    Forbid(forbid::Forbid),
    Expect(expect::Expect),
    Artifact(artifact::Artifact),
    Duplicate(duplicate::Duplicate),
    Consistent(consistent::Consistent),
    Relation(relation::Relation),
    Quote(quote::QuoteCheck),
    Calendar(calendar::Calendar),
    Convert(convert::Convert),
}

impl Rule {
    pub const KINDS: &[&str] = &[
        "forbid",
        "expect",
        "consistent",
        "relation",
        "quote",
        "calendar",
        "convert",
        "artifact",
        "duplicate",
    ];

    /// Keys each kind reads besides the common ones (id, severity, scope, …).
    fn keys(kind: &str) -> &'static [&'static str] {
        match kind {
            "forbid" => &["pattern", "patterns", "replace"],
            "expect" => &["value", "expected", "fix"],
            "consistent" => &["value", "canonical", "group-by"],
            "relation" => &["values", "assert"],
            "quote" => &["canonical", "speaker"],
            _ => &[],
        }
    }

    /// Compiles the kind-specific part of a check, refusing keys of other kinds.
    fn compile(kind: &str, spec: &spec::CheckSpec) -> Result<Self, SpecError> {
        let allowed = Self::keys(kind);
        if let Some(key) = spec.kind_keys().into_iter().find(|k| !allowed.contains(k)) {
            return Err(
                SpecError::new(format!("`{key}` is not a key of `{kind}` checks"))
                    .at(spec.kind.span(), format!("this check is a `{kind}`"))
                    .help(format!("remove `{key}` or change the kind")),
            );
        }
        Ok(match kind {
            "forbid" => Rule::Forbid(forbid::Forbid::compile(spec)?),
            "expect" => Rule::Expect(expect::Expect::compile(spec)?),
            "consistent" => Rule::Consistent(consistent::Consistent::compile(spec)?),
            "relation" => Rule::Relation(relation::Relation::compile(spec)?),
            "quote" => Rule::Quote(quote::QuoteCheck::compile(spec)?),
            "calendar" => Rule::Calendar(calendar::Calendar),
            "convert" => Rule::Convert(convert::Convert),
            "artifact" => Rule::Artifact(artifact::Artifact),
            _ => Rule::Duplicate(duplicate::Duplicate),
        })
    }

    /// The patterns a unit must match for this rule to find anything in it,
    /// any one of them (none: no such condition). They join the shared gate
    /// sets, so most units are ruled out by one pass of a set.
    pub(crate) fn triggers(&self) -> &[pattern::Pattern] {
        match self {
            Rule::Forbid(rule) => rule.patterns(),
            _ => &[],
        }
    }

    /// The check's own patterns (its gate's aside).
    pub fn patterns(&self) -> Vec<&pattern::Pattern> {
        match self {
            Rule::Forbid(rule) => rule.patterns().iter().collect(),
            Rule::Quote(rule) => rule.patterns().iter().collect(),
            Rule::Expect(rule) => rule.locator().patterns().collect(),
            Rule::Consistent(rule) => rule.locator().patterns().collect(),
            Rule::Relation(rule) => rule
                .locators()
                .into_iter()
                .flat_map(locate::ValueLocator::patterns)
                .collect(),
            Rule::Artifact(_) | Rule::Duplicate(_) | Rule::Calendar(_) | Rule::Convert(_) => {
                Vec::new()
            }
        }
    }

    /// Whether the kind reads values (dates, counts, measurements,
    /// quotations), which asides may not state as the story does.
    pub(crate) fn reads_values(&self) -> bool {
        matches!(
            self,
            Rule::Expect(_)
                | Rule::Consistent(_)
                | Rule::Relation(_)
                | Rule::Quote(_)
                | Rule::Calendar(_)
                | Rule::Convert(_)
        )
    }

    /// Whether what the kind finds in `aside` is dropped. A claim under
    /// review or a reader's comment is not the story: no value in it
    /// counts. A photo caption is, but for its days, which are the photo's
    /// ("Kharkiv, Tuesday, Jan. 2, 2024"): a caption's death toll, year or
    /// quotation is compared, and its conversions and weekdays checked.
    pub(crate) fn silenced_by(&self, aside: Aside) -> bool {
        let reads_days =
            |locator: &ValueLocator| matches!(locator.kind, ValueType::Date | ValueType::Weekday);
        match (self, aside) {
            (_, Aside::Claim | Aside::Comment) => self.reads_values(),
            (Rule::Expect(rule), Aside::Caption) => reads_days(rule.locator()),
            (Rule::Consistent(rule), Aside::Caption) => reads_days(rule.locator()),
            _ => false,
        }
    }

    /// The pieces of a document values are read from: facts sentence by
    /// sentence and quotations paragraph by paragraph, whatever scope they
    /// are compared over.
    pub(crate) fn unit_scope(&self, scope: Scope) -> Scope {
        match self {
            Rule::Consistent(_) => Scope::Sentence,
            // A quotation may run over several sentences ("… themselves. The
            // time for Congress to act is now," he said): read paragraphs.
            Rule::Quote(_) => Scope::Paragraph,
            _ => scope,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Rule::Forbid(_) => "forbid",
            Rule::Expect(_) => "expect",
            Rule::Artifact(_) => "artifact",
            Rule::Duplicate(_) => "duplicate",
            Rule::Consistent(_) => "consistent",
            Rule::Relation(_) => "relation",
            Rule::Quote(_) => "quote",
            Rule::Calendar(_) => "calendar",
            Rule::Convert(_) => "convert",
        }
    }

    /// The message used when a check gives none.
    fn default_message(&self) -> &'static str {
        match self {
            Rule::Forbid(_) => "`{found}` should not be here",
            Rule::Expect(_) => "found {found}, expected {expected}",
            Rule::Artifact(_) => "text seems to be missing here (a stripped link?)",
            Rule::Duplicate(_) => "this line repeats line {expected}",
            Rule::Consistent(_) => "{found} disagrees with {expected}",
            Rule::Relation(_) => "{found} breaks `{expected}`",
            Rule::Quote(_) => "the quotation differs from {expected}",
            Rule::Calendar(_) => "{found} does not match the date: it was a {expected}",
            Rule::Convert(_) => "{found} does not match the conversion: {expected}",
        }
    }
}

/// A compiled check.
#[derive(Debug)]
pub struct Check {
    pub meta: CheckMeta,
    pub gate: Gate,
    /// `topic`: patterns the whole article must match before the check reads
    /// any of it, so a fact of one story is not looked for in another; and
    /// `article-unless`, patterns it must not match anywhere.
    pub topic: Option<Gate>,
    pub rule: Rule,
    pub examples: Vec<spec::ExampleSpec>,
    /// Things in the check's TOML that load but are probably mistakes.
    pub warnings: Vec<SpecError>,
}

/// What checks produce from one document.
#[derive(Debug, Default)]
pub struct FileOutput {
    pub findings: Vec<Finding>,
    /// Values kept for a comparison across articles (`consistent`, `quote`
    /// with scope corpus).
    pub facts: Vec<Fact>,
    /// Values found and compared within this document (shown by `factlint facts`).
    pub local_facts: Vec<Fact>,
    /// The first relative date that could not be resolved, if any.
    pub needs_publication: Option<Range<usize>>,
    /// Inline suppressions, applied once every finding of the file is known.
    pub suppressions: Vec<crate::suppress::Suppression>,
    /// Values extracted so far, shared by the document's checks.
    pub values: locate::ValueCache,
    /// Which gate patterns match in which units, shared by the document's checks.
    pub gates: DocumentGates,
}

impl Check {
    /// Runs this check (number `index` of its set) over one document.
    pub fn run(&self, doc: &Document, index: usize, out: &mut FileOutput) {
        if !self.meta.applies_to(&doc.path) {
            return;
        }
        if let Some(topic) = &self.topic
            && topic
                .admitted(doc, Scope::Document, &mut out.gates)
                .is_empty()
        {
            return;
        }
        let mut emit = Emitter {
            meta: &self.meta,
            check: index,
            doc,
            out,
            rule: &self.rule,
            paragraph: None,
        };
        let scope = self.rule.unit_scope(self.gate.scope);
        let units = self.gate.admitted(doc, scope, &mut emit.out.gates);
        for unit in units {
            // Whether the unit is in an aside is asked only once it gives
            // something (see `Emitter::muted`).
            emit.paragraph = unit.paragraph.filter(|_| self.rule.reads_values());
            let unit = unit.span;
            match &self.rule {
                Rule::Forbid(rule) => rule.run(doc, unit, &mut emit),
                Rule::Expect(rule) => rule.run(doc, unit, &mut emit),
                Rule::Artifact(rule) => rule.run(doc, unit, &mut emit),
                Rule::Duplicate(rule) => rule.run(doc, unit, &mut emit),
                Rule::Consistent(rule) => rule.run(doc, unit, &mut emit),
                Rule::Relation(rule) => rule.run(doc, unit, &mut emit),
                Rule::Quote(rule) => rule.run(doc, unit, &mut emit),
                Rule::Calendar(rule) => rule.run(doc, unit, &mut emit),
                Rule::Convert(rule) => rule.run(doc, unit, &mut emit),
            }
        }
    }

    /// Findings from facts gathered over a scope (a document or the corpus),
    /// to be built when reported.
    pub fn reduce<'a, F: FactRef<'a>>(&'a self, facts: &[F]) -> Vec<Pending<'a>> {
        match &self.rule {
            Rule::Consistent(rule) => rule.reduce(&self.meta, facts),
            Rule::Quote(rule) => rule.reduce(&self.meta, facts),
            _ => Vec::new(),
        }
    }

    /// Whether [`Self::reduce`] can find anything: the kinds that compare
    /// facts. The others' facts need not even be listed.
    pub fn reduces(&self) -> bool {
        matches!(self.rule, Rule::Consistent(_) | Rule::Quote(_))
    }

    /// Whether this check's facts are compared across the corpus rather than
    /// within each document.
    pub fn compares_corpus(&self) -> bool {
        self.reduces() && self.gate.scope == Scope::Corpus
    }
}

impl CheckMeta {
    /// A finding of this check, `{found}`/`{expected}` filled in the message and label.
    pub fn finding(&self, mut primary: Location, found: &str, expected: &str) -> Finding {
        let fill = |template: &str| fill_template(template, found, expected);
        primary.label = self.label.as_deref().map(fill);
        Finding {
            check_id: self.id.clone(),
            severity: self.severity,
            message: fill(&self.message),
            primary,
            related: Vec::new(),
            help: self.help.clone(),
            fix: None,
        }
    }
}

/// `template` with `{found}` and `{expected}` filled in, in one pass: a value
/// that itself reads "{expected}" is left as written.
fn fill_template(template: &str, found: &str, expected: &str) -> String {
    let mut out = String::with_capacity(template.len() + found.len() + expected.len());
    let mut rest = template;
    while let Some(brace) = rest.find('{') {
        out.push_str(&rest[..brace]);
        let tail = &rest[brace..];
        rest = if let Some(after) = tail.strip_prefix("{found}") {
            out.push_str(found);
            after
        } else if let Some(after) = tail.strip_prefix("{expected}") {
            out.push_str(expected);
            after
        } else {
            out.push('{');
            &tail[1..]
        };
    }
    out.push_str(rest);
    out
}

/// Turns a kind's raw hits into findings and facts carrying the check's metadata.
pub struct Emitter<'a> {
    meta: &'a CheckMeta,
    check: usize,
    doc: &'a Document,
    out: &'a mut FileOutput,
    /// The check's kind, which says what asides silence.
    rule: &'a Rule,
    /// The paragraph of the unit being read, when the check reads values
    /// that an aside there may silence.
    paragraph: Option<usize>,
}

impl Emitter<'_> {
    /// Whether what the unit being read gives is dropped: it is in an aside
    /// that silences the check ([`Rule::silenced_by`]).
    fn muted(&self) -> bool {
        self.paragraph
            .and_then(|p| self.doc.aside(p))
            .is_some_and(|aside| self.rule.silenced_by(aside))
    }

    /// Reports `span` with the check's message, `{found}`/`{expected}` filled in.
    pub fn report(&mut self, span: Range<usize>, found: &str, expected: &str, fix: Option<String>) {
        self.report_related(span, found, expected, fix, Vec::new());
    }

    /// Like [`Self::report`], with labelled places in the same document that explain it.
    pub fn report_related(
        &mut self,
        span: Range<usize>,
        found: &str,
        expected: &str,
        fix: Option<String>,
        related: Vec<(Range<usize>, String)>,
    ) {
        if self.muted() {
            return;
        }
        let mut finding = self
            .meta
            .finding(self.doc.location(span.clone()), found, expected);
        finding.related = related
            .into_iter()
            .map(|(span, label)| self.doc.location(span).with_label(label))
            .collect();
        finding.fix = fix.map(|replacement| Fix { span, replacement });
        self.out.findings.push(finding);
    }

    /// Keeps a value for the comparison after every mention is known, with
    /// the day of the event its sentence tells of, when the check asks
    /// ([`Fact::event`]).
    pub fn fact(&mut self, span: Range<usize>, value: Value, event: Option<Date>) {
        if self.muted() {
            return;
        }
        self.out.facts.push(Fact {
            check: self.check,
            location: self.doc.source().compact_location(span),
            value,
            event,
        });
    }

    /// The document's value cache.
    pub fn values(&self) -> &locate::ValueCache {
        &self.out.values
    }

    /// Notes a relative date that needs the publication date to be checked.
    pub fn needs_publication(&mut self, span: Range<usize>) {
        if self.muted() {
            return;
        }
        self.out.needs_publication.get_or_insert(span);
    }
}

/// A value as written somewhere, kept for comparison with its other mentions.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Fact {
    /// Index of the check that found it in its [`load::CheckSet`].
    pub check: usize,
    pub location: Location,
    pub value: Value,
    /// The day of the event the mention's sentence tells of ("the Jan. 2
    /// attack killed five"), for checks that compare only mentions of one
    /// event (`group-by = "date"`). Those compare within one article, so
    /// facts kept for the corpus never have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Date>,
}

/// A kept mention as comparisons read it, either a [`Fact`] or a fact of the
/// compact corpus store ([`store::Stored`]): `reduce` is written once for both.
pub trait FactRef<'a>: Copy + Send + Sync + 'a {
    /// Index of the check that found it in its [`load::CheckSet`].
    fn check(self) -> usize;
    fn value(self) -> &'a Value;
    /// The day of its event ([`Fact::event`]).
    fn event(self) -> Option<Date>;
    /// The mention as written.
    fn text(self) -> &'a str;
    fn path(self) -> &'a str;
    /// Where it is, compact (a finding's locations get their lines when reported).
    fn location(self) -> Location;
}

impl<'a> FactRef<'a> for &'a Fact {
    fn check(self) -> usize {
        self.check
    }

    fn value(self) -> &'a Value {
        &self.value
    }

    fn event(self) -> Option<Date> {
        self.event
    }

    fn text(self) -> &'a str {
        self.location.text()
    }

    fn path(self) -> &'a str {
        &self.location.path
    }

    fn location(self) -> Location {
        self.location.clone()
    }
}

/// A finding decided by a comparison but not built yet. A corpus yields some
/// 100k findings at once, hundreds of megabytes built; their recipes take a
/// few dozen bytes each, and are built a few files at a time as they are
/// reported. Findings of one group share one recipe. Each knows the file its
/// finding is in, which is all that grouping and filtering them need.
#[derive(Clone)]
pub struct Pending<'a> {
    recipe: Arc<dyn Fn(usize) -> Option<Finding> + Send + Sync + 'a>,
    index: usize,
    path: &'a str,
}

impl<'a> Pending<'a> {
    /// A finding of its own, in the file at `path`.
    pub fn one(
        path: &'a str,
        build: impl Fn() -> Option<Finding> + Send + Sync + 'a,
    ) -> Pending<'a> {
        Pending {
            recipe: Arc::new(move |_| build()),
            index: 0,
            path,
        }
    }

    /// Findings in the files at `paths`, sharing what `build` (given each
    /// one's index in `paths`) keeps.
    pub fn each(
        paths: Vec<&'a str>,
        build: impl Fn(usize) -> Option<Finding> + Send + Sync + 'a,
    ) -> impl Iterator<Item = Pending<'a>> {
        let recipe: Arc<dyn Fn(usize) -> Option<Finding> + Send + Sync + 'a> = Arc::new(build);
        paths
            .into_iter()
            .enumerate()
            .map(move |(index, path)| Pending {
                recipe: recipe.clone(),
                index,
                path,
            })
    }

    /// The path of the file the finding is in (its primary location's).
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// The finding (`None`: nothing to report after all).
    pub fn build(&self) -> Option<Finding> {
        let finding = (self.recipe)(self.index);
        debug_assert!(
            finding
                .as_ref()
                .is_none_or(|f| *f.primary.path == *self.path)
        );
        finding
    }
}

/// Test support: the checks in `toml`, loaded as a set.
#[cfg(test)]
pub fn check_set(toml: &str) -> load::CheckSet {
    load::CheckSet {
        warnings: Vec::new(),
        checks: load::load_str(toml)
            .expect("test checks load")
            .into_iter()
            .map(|(check, _)| check)
            .collect(),
    }
}

/// Test support: the findings of the checks in `toml` on `text` (a `.txt`
/// article published 2024-01-05), within-document comparisons included.
#[cfg(test)]
pub fn findings_of(toml: &str, text: &str) -> Vec<Finding> {
    let checks = check_set(toml);
    let published = Some(jiff::civil::date(2024, 1, 5));
    let doc = Document::parse("a.txt", text.as_bytes().to_vec(), published).expect("readable");
    let mut output = crate::lint::lint_document(&checks, &doc);
    let facts = std::mem::take(&mut output.facts);
    output.findings.extend(crate::lint::reduce(&checks, &facts));
    output.findings
}

/// Test support: each finding's flagged text and its related spans' texts.
#[cfg(test)]
pub fn flagged_spans(toml: &str, text: &str) -> Vec<(String, Vec<String>)> {
    findings_of(toml, text)
        .into_iter()
        .map(|f| {
            let related = f.related.iter().map(|r| r.text().to_string()).collect();
            (f.primary.text().to_string(), related)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_divide_a_document() {
        let doc = Document::parse("a.txt", b"One. Two.\n\nThree.".to_vec(), None).unwrap();
        assert_eq!(Scope::Sentence.units(&doc).len(), 3);
        assert_eq!(Scope::Paragraph.units(&doc).len(), 2);
        assert_eq!(Scope::Document.units(&doc)[0].span, 0..doc.lintable.len());
    }

    #[test]
    fn a_topic_must_match_somewhere_in_the_article() {
        let check = "[[check]]\nid = \"first\"\nkind = \"expect\"\ntopic = ['(?i)North Korea', 'Kirby']\nwhen = ['first']\nvalue = { type = \"year\", near = 'first' }\nexpected = 2023\n";
        let on_topic =
            "Kirby spoke.\n\nThe missile was first fired in 2022.\n\nNorth Korea denied it.";
        assert_eq!(
            flagged_spans(check, on_topic),
            [("2022".to_string(), vec![])]
        );
        // Another story: the same sentence, without every topic pattern.
        let other = "Kirby spoke.\n\nThe missile was first fired in 2022.";
        assert!(findings_of(check, other).is_empty());
        // The topic is tested once per article, in the shared document set.
        let set = check_set(check);
        let topic = set.checks[0].topic.as_ref().expect("a topic gate");
        assert!(topic.shared().is_some());
    }

    #[test]
    fn an_article_unless_pattern_anywhere_keeps_the_check_out() {
        let check = "[[check]]\nid = \"toll\"\nkind = \"consistent\"\nscope = \"document\"\narticle-unless = ['(?i)this story has been updated']\nvalue = { type = \"number\", near = 'killed' }\n";
        let article = "The strike killed five people.\n\nOfficials said it killed four.";
        assert_eq!(findings_of(check, article).len(), 1);
        // The article says its toll changed: the older count is no error.
        let updated = format!("{article}\n\n*This story has been updated with a higher toll.*");
        assert!(findings_of(check, &updated).is_empty());
        // Alone, without a topic, and in the shared document set too.
        let set = check_set(check);
        let gate = set.checks[0].topic.as_ref().expect("an article gate");
        assert!(gate.when.is_empty() && gate.unless.len() == 1);
        assert!(gate.shared().is_some());
    }

    /// In a photo caption the days are the photo's, so a check of dates
    /// drops them; its years and counts are the story's, and a pattern
    /// check reports there as anywhere.
    #[test]
    fn photo_captions_give_no_days_but_years_and_patterns_report() {
        let checks = "[[check]]\nid = \"day\"\nkind = \"expect\"\nvalue = { type = \"date\", near = 'first' }\nexpected = 2023-12-30\n\n[[check]]\nid = \"year\"\nkind = \"expect\"\nvalue = { type = \"year\", near = 'first' }\nexpected = 2023\n\n[[check]]\nid = \"ad\"\nkind = \"forbid\"\npattern = 'Advertisement'\n";
        let ids = |text: &str| -> Vec<String> {
            findings_of(checks, text)
                .iter()
                .map(|f| {
                    format!(
                        "{}:{}:{}",
                        f.check_id,
                        f.primary.start.line,
                        f.primary.text()
                    )
                })
                .collect()
        };
        let story = "The missile was first fired on Jan. 1, 2022. Advertisement";
        assert_eq!(
            ids(story),
            ["day:1:Jan. 1, 2022", "year:1:2022", "ad:1:Advertisement"]
        );
        let caption = "The missile was first fired on Jan. 1, 2022. Advertisement (AP Photo/X)";
        assert_eq!(ids(caption), ["year:1:2022", "ad:1:Advertisement"]);
        // Only the caption's own paragraph is the photo's.
        let both = format!("{caption}\n\n{story}");
        assert_eq!(
            ids(&both),
            [
                "day:3:Jan. 1, 2022",
                "year:1:2022",
                "year:3:2022",
                "ad:1:Advertisement",
                "ad:3:Advertisement"
            ]
        );
        // A fact-check's claim under review gives nothing at all, nor does a
        // reader's comment under the article.
        let claim = "Claim: the missile was first fired on Jan. 1, 2022.";
        assert_eq!(ids(claim), Vec::<String>::new());
        let comments = format!("{story}\n\n{story}\n\nComments\n\nmike: {story}");
        assert_eq!(
            ids(&comments),
            [
                "day:1:Jan. 1, 2022",
                "day:3:Jan. 1, 2022",
                "year:1:2022",
                "year:3:2022",
                "ad:1:Advertisement",
                "ad:3:Advertisement",
                "ad:7:Advertisement"
            ]
        );
    }

    #[test]
    fn templates_are_filled_once() {
        let fill = |t: &str| fill_template(t, "2020", "2022");
        assert_eq!(
            fill("annexed in {expected}, not {found}"),
            "annexed in 2022, not 2020"
        );
        assert_eq!(fill("{found}{found} {x} {"), "20202020 {x} {");
        assert_eq!(fill("no placeholder"), "no placeholder");
        // Text found in the article is not read as a placeholder.
        assert_eq!(
            fill_template("not {found}", "{expected}", "2022"),
            "not {expected}"
        );
        assert_eq!(fill_template("«{found}»", "é—", ""), "«é—»");
    }
}
