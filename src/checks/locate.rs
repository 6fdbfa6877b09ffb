//! Finding the value a check is about: typed extraction, then attribution to
//! an anchor (`near`) and a subject (`subject` vs `rival`).

use super::error::{SpecError, suggestion};
use super::pattern::Pattern;
use super::spec::{CheckSpec, ValueSpec};
use crate::document::Document;
use crate::values::date::{DateContext, DateMention, DateValue, dates, is_reporting_date};
use crate::values::number::{Number, Qualifier, numbers};
use crate::values::quantity::{Quantity, quantities, quantities_among};
use crate::values::quote::{Quotation, quotations};
use crate::values::{Interval, Mention, ends_with_ignore_ascii_case, starts_possessive, year};
use jiff::civil::{Date, Weekday};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;
use std::sync::LazyLock;
use toml::Spanned;

/// The type of value a check reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    Year,
    Date,
    Weekday,
    Number,
    Quantity,
}

impl ValueType {
    pub const NAMES: &[&str] = &["year", "date", "weekday", "number", "quantity"];

    fn parse(spanned: &Spanned<String>) -> Result<Self, SpecError> {
        Ok(match spanned.get_ref().as_str() {
            "year" => ValueType::Year,
            "date" => ValueType::Date,
            "weekday" => ValueType::Weekday,
            "number" => ValueType::Number,
            "quantity" => ValueType::Quantity,
            other => {
                return Err(SpecError::new(format!("unknown value type `{other}`"))
                    .at(spanned.span(), "not a value type")
                    .help(suggestion(other, Self::NAMES)));
            }
        })
    }
}

/// A typed value found in a document (or written in a check as expected).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    Year(i32),
    /// The days a date expression can mean, `first..=last`.
    Date {
        first: Date,
        last: Date,
    },
    Weekday(#[serde(with = "weekday_number")] Weekday),
    Number(Number),
    Quantity(Quantity),
    /// A relative date in an article whose publication date is unknown.
    UnresolvedDate,
    /// A quotation's words (compared by the `quote` kind, never by `agrees`).
    Quote(Arc<Quotation>),
}

impl Value {
    /// Whether two values can both be true: equal years and weekdays, overlapping
    /// days, overlapping intervals (numbers, quantities of one dimension).
    pub fn agrees(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Year(a), Value::Year(b)) => a == b,
            (Value::Weekday(a), Value::Weekday(b)) => a == b,
            (
                Value::Date {
                    first: a1,
                    last: a2,
                },
                Value::Date {
                    first: b1,
                    last: b2,
                },
            ) => a1 <= b2 && b1 <= a2,
            (Value::Number(a), Value::Number(b)) => {
                rounded(a.value, a.interval).overlaps(&rounded(b.value, b.interval))
            }
            (Value::Quantity(a), Value::Quantity(b)) => {
                a.unit.dimension == b.unit.dimension
                    && quantity_range(a).overlaps(&quantity_range(b))
            }
            _ => false,
        }
    }

    /// Values with the same key can be compared: same type, and for quantities
    /// the same dimension (a range is not a speed).
    pub fn comparable_with(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Quantity(a), Value::Quantity(b)) => a.unit.dimension == b.unit.dimension,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }

    /// The numeric interval for comparisons (`relation`); `None` for non-numbers.
    pub fn interval(&self) -> Option<Interval> {
        match self {
            Value::Number(n) => Some(n.interval),
            Value::Quantity(q) => Some(q.base),
            Value::Year(y) => Some(Interval::exact(f64::from(*y))),
            _ => None,
        }
    }
}

/// A weekday is kept (in the fact cache) as its number, Monday = 1.
mod weekday_number {
    use jiff::civil::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i8(day.to_monday_one_offset())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        Weekday::from_monday_one_offset(i8::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A round written number stands for a rounded one: "900 km" may be 880 or 920.
///
/// A measure's maximum is the measure: "can hit targets up to 1,900 km away"
/// gives the missile a reach of 1,900 km, not any reach short of it (a count's
/// "up to 30 drones" stays a bound).
fn quantity_range(q: &Quantity) -> Interval {
    let claimed = match q.number.qualifier {
        Some(Qualifier::UpTo) => Interval::exact(q.number.value),
        _ => q.number.interval,
    };
    q.unit.to_base_interval(rounded(q.number.value, claimed))
}

/// Widens an exact, round number by half its rounding step (900 → [850, 950],
/// 550 → [545, 555], 1,000 → [950, 1050]: never coarser than a fifth of the
/// value); numbers with a qualifier already say how vague they are.
fn rounded(value: f64, interval: Interval) -> Interval {
    if interval.lo != interval.hi || value == 0.0 || value.fract() != 0.0 {
        return interval;
    }
    let mut step = 1.0;
    while (value / (step * 10.0)).fract() == 0.0 && step * 10.0 <= value.abs() / 5.0 {
        step *= 10.0;
    }
    if step == 1.0 {
        return interval;
    }
    Interval::closed(value - step / 2.0, value + step / 2.0)
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Year(y) => write!(f, "{y}"),
            Value::Date { first, last } if first == last => write!(f, "{first}"),
            Value::Date { first, last } => write!(f, "{first}..{last}"),
            Value::Weekday(w) => f.write_str(crate::values::date::weekday_name(*w)),
            Value::Number(n) => write!(f, "{}", n.interval),
            Value::Quantity(q) => {
                write!(f, "{} {}", q.number.interval, q.unit.symbol)
            }
            Value::UnresolvedDate => f.write_str("an unresolved date"),
            Value::Quote(q) => {
                let words: Vec<&str> = q.words.iter().map(|w| w.text.as_str()).collect();
                write!(f, "“{}”", words.join(" "))
            }
        }
    }
}

/// Default distance, in bytes, between an anchor and a value written after it.
const DEFAULT_WINDOW: usize = 60;

/// Compiled `value = { … }`.
#[derive(Debug)]
pub struct ValueLocator {
    pub kind: ValueType,
    near: Option<Pattern>,
    window: usize,
    window_before: usize,
    subject: Option<Pattern>,
    rival: Option<Pattern>,
    /// Attach values to the nearest subject/rival on either side, not the preceding one.
    attach_nearest: bool,
}

impl ValueLocator {
    /// The locator of a check that reads one value (`value = { type = … }`);
    /// without one, an error naming the check (`what`: "an `expect` check").
    pub fn of_check(spec: &CheckSpec, what: &str) -> Result<Self, SpecError> {
        let Some(value) = &spec.value else {
            return Err(
                SpecError::new(format!("{what} needs `value = {{ type = … }}`"))
                    .at(spec.kind.span(), "this check reads no value"),
            );
        };
        Self::compile(value)
    }

    pub fn compile(spec: &Spanned<ValueSpec>) -> Result<Self, SpecError> {
        let spec = spec.get_ref();
        let compile = |p: &Option<Spanned<String>>| p.as_ref().map(Pattern::new).transpose();
        if spec.rival.is_some() && spec.subject.is_none() {
            return Err(SpecError::new("`rival` needs a `subject` to compete with")
                .at(spec.kind.span(), "in this value"));
        }
        let attach_nearest = match spec.attach.as_ref().map(|a| (a, a.get_ref().as_str())) {
            None | Some((_, "preceding")) => false,
            Some((_, "nearest")) => true,
            Some((a, other)) => {
                return Err(SpecError::new(format!("unknown `attach` value `{other}`"))
                    .at(a.span(), "not a way to attach")
                    .help(suggestion(other, &["preceding", "nearest"])));
            }
        };
        Ok(Self {
            attach_nearest,
            kind: ValueType::parse(&spec.kind)?,
            near: compile(&spec.near)?,
            window: spec.window.unwrap_or(DEFAULT_WINDOW),
            window_before: spec
                .window_before
                .unwrap_or(spec.window.unwrap_or(DEFAULT_WINDOW) / 6),
            subject: compile(&spec.subject)?,
            rival: compile(&spec.rival)?,
        })
    }

    /// The `near`, `subject` and `rival` patterns it has.
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        [&self.near, &self.subject, &self.rival]
            .into_iter()
            .flatten()
    }

    /// The values in `unit` this check is about, with spans in the document.
    pub fn locate(
        &self,
        doc: &Document,
        unit: Range<usize>,
        cache: &ValueCache,
    ) -> Vec<Mention<Value>> {
        self.locate_with_distance(doc, unit, cache)
            .into_iter()
            .map(|(mention, _)| mention)
            .collect()
    }

    /// Like [`Self::locate`], with each value's distance to its nearest anchor, so
    /// a value claimed by two roles goes to the closer one.
    pub fn locate_with_distance(
        &self,
        doc: &Document,
        unit: Range<usize>,
        cache: &ValueCache,
    ) -> Vec<(Mention<Value>, usize)> {
        let text = &doc.lintable[unit.clone()];
        let candidates = cache.extract(self.kind, doc, unit.clone());
        if candidates.is_empty() {
            return Vec::new();
        }
        // A correction speaks of an earlier article before its verb.
        let corrected_until = cache.correction_in(doc, &unit).unwrap_or(0);
        // The values end by here: an anchor that starts further on is too far
        // from every one of them, so the search for anchors stops there.
        let last_end = candidates.iter().map(|c| c.span.end).max().unwrap_or(0);
        let anchors: Option<Vec<Range<usize>>> = self.near.as_ref().map(|r| {
            r.find_iter(text)
                .take_while(|a| a.start <= last_end + self.window_before)
                .collect()
        });
        // No anchor, no value near one: the subject need not be looked for.
        if anchors.as_ref().is_some_and(Vec::is_empty) {
            return Vec::new();
        }
        let marks = self.subject_marks(text, last_end);
        candidates
            .iter()
            .filter_map(|c| {
                let distance = match &anchors {
                    None => 0,
                    // An anchor takes the nearest value on each side: "annex in
                    // 2022, hit on Dec. 30, 2023" dates the annexation 2022 only.
                    // A value of the rival is passed over: in "launched 40 missiles
                    // and 25 drones", 25 is the nearest count of drones.
                    Some(anchors) => anchors
                        .iter()
                        .filter(|a| self.is_near(a, &c.span))
                        .filter(|a| {
                            !candidates.iter().any(|o| {
                                between(a, &o.span, &c.span)
                                    && !restates(text, &o.span, &c.span)
                                    && belongs_to_subject(
                                        &marks,
                                        text,
                                        &o.span,
                                        self.attach_nearest,
                                    )
                            })
                        })
                        .map(|a| claim_gap(text, a, &c.span))
                        .min()?,
                };
                (belongs_to_subject(&marks, text, &c.span, self.attach_nearest)
                    && c.span.start >= corrected_until
                    && !negated(&text[..c.span.start]))
                .then(|| {
                    let span = unit.start + c.span.start..unit.start + c.span.end;
                    (
                        Mention {
                            span,
                            value: c.value.clone(),
                        },
                        distance,
                    )
                })
            })
            .collect()
    }

    /// A value after its anchor may be a clause away ("annexed four regions in
    /// September 2022"); one before it is adjacent ("the 2014 annexation"), or a
    /// year opening another clause would be taken ("since 2014, and Russia annexed").
    fn is_near(&self, anchor: &Range<usize>, value: &Range<usize>) -> bool {
        if anchor.end <= value.start {
            value.start - anchor.end <= self.window
        } else {
            anchor.start.saturating_sub(value.end) <= self.window_before
        }
    }

    /// Matches of `subject` (true) and `rival` (false), sorted by position,
    /// as far as they can matter to values that end by `last_end`. Empty
    /// without a subject and a rival, or when the rival is nowhere: every
    /// value then belongs to the subject.
    fn subject_marks(&self, text: &str, last_end: usize) -> Vec<(Range<usize>, bool)> {
        let (Some(subject), Some(rival)) = (&self.subject, &self.rival) else {
            return Vec::new();
        };
        let mut rivals: Vec<(Range<usize>, bool)> = marks_until(rival, text, last_end)
            .map(|m| (m, false))
            .collect();
        if rivals.is_empty() {
            return rivals;
        }
        let mut marks: Vec<(Range<usize>, bool)> = marks_until(subject, text, last_end)
            .map(|m| (m, true))
            .collect();
        // Subjects first, so that a subject and a rival found at one place
        // stay in that order once sorted.
        marks.append(&mut rivals);
        marks.sort_by_key(|(r, _)| r.start);
        marks
    }
}

/// The matches of `pattern` in `text` up to the first that starts at or
/// after `last_end`. The marks after it are further from every value (which
/// ends by `last_end`) than it is, and none of them comes before a value.
fn marks_until<'a>(
    pattern: &'a Pattern,
    text: &'a str,
    last_end: usize,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut past = false;
    pattern.find_iter(text).take_while(move |m| {
        let keep = !past;
        past |= m.start >= last_end;
        keep
    })
}

/// The date expressions of a unit, as read.
type DateMentions = Arc<[Mention<DateMention>]>;

/// A date read from a part of a unit, with its spans made the unit's.
fn shifted(mut mention: Mention<DateMention>, by: usize) -> Mention<DateMention> {
    mention.span = mention.span.start + by..mention.span.end + by;
    if let Some(weekday) = &mut mention.value.stated_weekday {
        weekday.span = weekday.span.start + by..weekday.span.end + by;
    }
    mention
}

/// A unit's byte range and the value type extracted from it.
type UnitKey = (usize, usize, ValueType);

/// The date expressions read from each unit (by byte range). Maps keyed by
/// numbers use rustc's Fx hash: a fraction of SipHash's cost, and numbers
/// cannot be chosen to collide the way text could.
type UnitDates = FxHashMap<(usize, usize), DateMentions>;

/// The numbers read from each unit (by byte range), dates' and years' included.
type UnitNumbers = FxHashMap<(usize, usize), Arc<[Mention<Number>]>>;

/// The quotations read from each unit (by byte range and minimum length), as
/// [`Value::Quote`]s.
type UnitQuotations = FxHashMap<(usize, usize, usize), Arc<[Mention<Value>]>>;

/// Values extracted from the units of one document, shared by its checks:
/// each unit is read once per value type, however many checks look at it.
#[derive(Debug, Default)]
pub struct ValueCache {
    extracted: RefCell<FxHashMap<UnitKey, Arc<[Mention<Value>]>>>,
    /// Date expressions as read, with the weekday written beside them: dates,
    /// weekdays and numbers (which skip dates) of a unit all come from one read.
    dates: RefCell<UnitDates>,
    /// Numbers as read: counts (those outside dates and years) and
    /// measurements (those with a unit) of a unit both come from one read.
    numbers: RefCell<UnitNumbers>,
    /// Quotations of each unit (as [`Value::Quote`]), read once for every
    /// `quote` check.
    quotations: RefCell<UnitQuotations>,
    /// Where the document's correction verbs end ([`correction_verb_ends`]),
    /// found once for all its units.
    corrections: RefCell<Option<Vec<usize>>>,
    /// The document the cached values are from ([`Document::id`]); another
    /// document empties the cache.
    document: std::cell::Cell<u64>,
}

impl ValueCache {
    /// The values of `kind` in `unit`, with spans relative to the unit.
    pub fn extract(
        &self,
        kind: ValueType,
        doc: &Document,
        unit: Range<usize>,
    ) -> Arc<[Mention<Value>]> {
        let key = (unit.start, unit.end, kind);
        self.read_once(&self.extracted, doc, key, || {
            self.extract_anew(kind, doc, unit)
        })
    }

    /// The values of `kind` in `unit`, from the unit's cached reads.
    fn extract_anew(
        &self,
        kind: ValueType,
        doc: &Document,
        unit: Range<usize>,
    ) -> Arc<[Mention<Value>]> {
        let text = &doc.lintable[unit.clone()];
        match kind {
            ValueType::Date => self
                .dates(doc, unit)
                .iter()
                .filter_map(date_value)
                .collect(),
            ValueType::Weekday => self
                .dates(doc, unit)
                .iter()
                .filter_map(weekday_value)
                .collect(),
            // Numbers inside dates are not counts: reuse the unit's dates.
            ValueType::Number => {
                let dates = self.dates(doc, unit.clone());
                let years = self.extract(ValueType::Year, doc, unit.clone());
                let taken = dates.iter().map(|m| m.span.clone());
                numbers_outside(
                    &self.numbers(doc, unit),
                    taken.chain(years.iter().map(|m| m.span.clone())).collect(),
                )
                .into()
            }
            ValueType::Quantity => {
                let numbers = self.numbers(doc, unit);
                quantities_among(text, numbers.iter().cloned())
                    .into_iter()
                    .map(quantity_value)
                    .collect()
            }
            _ => extract(kind, text, &doc.date_context_at(unit.start)).into(),
        }
    }

    /// The date expressions in `unit` as read (spans relative to the unit),
    /// with the weekdays written beside them.
    pub fn dates(&self, doc: &Document, unit: Range<usize>) -> DateMentions {
        self.read_once(&self.dates, doc, (unit.start, unit.end), || {
            doc.dated_parts(unit.clone())
                .into_iter()
                .flat_map(|(part, context)| {
                    let by = part.start - unit.start;
                    dates(&doc.lintable[part], &context)
                        .into_iter()
                        .map(move |mention| shifted(mention, by))
                })
                .collect()
        })
    }

    /// The days `unit` (a sentence) dates events on, with the spans (in the
    /// document) of the dates that say so: dates of one day, but not a page's
    /// stamp nor the day something was said ([`is_reporting_date`]). A
    /// sentence with none takes the date heading its paragraph, as in a
    /// timeline's entry: "Dec. 29 — Russia fired 122 missiles. About 39
    /// people were killed."
    pub fn event_dates(&self, doc: &Document, unit: Range<usize>) -> Vec<(Range<usize>, Date)> {
        let own = self.days_in(doc, unit.clone());
        if !own.is_empty() {
            return own;
        }
        let at = doc.paragraphs.partition_point(|p| p.end <= unit.start);
        let Some(paragraph) = doc.paragraphs.get(at).filter(|p| p.start < unit.start) else {
            return own;
        };
        let first = doc
            .sentences
            .partition_point(|s| s.span.end <= paragraph.start);
        let Some(heading) = doc.sentences.get(first) else {
            return own;
        };
        let text = &doc.lintable;
        self.days_in(doc, heading.span.clone())
            .into_iter()
            .take(1)
            .filter(|(date, _)| {
                let lead = &text[paragraph.start..date.start];
                let rest = text[date.end..].trim_start_matches([' ', '\t', '*', '_']);
                lead.chars().all(|c| !c.is_alphanumeric())
                    && rest.starts_with(['—', '–', '-', ':', '|'])
            })
            .collect()
    }

    /// The one-day dates of `unit` that date what happened
    /// ([`Self::event_dates`]), with spans in the document.
    fn days_in(&self, doc: &Document, unit: Range<usize>) -> Vec<(Range<usize>, Date)> {
        let text = &doc.lintable[unit.clone()];
        self.dates(doc, unit.clone())
            .iter()
            .filter(|m| !m.value.stamp && !is_reporting_date(text, m.span.start))
            .filter_map(|m| match m.value.value {
                DateValue::Resolved { first, last } if first == last => {
                    Some((unit.start + m.span.start..unit.start + m.span.end, first))
                }
                _ => None,
            })
            .collect()
    }

    /// The measurements in `unit` (spans relative to the unit).
    pub fn quantities(&self, doc: &Document, unit: Range<usize>) -> Vec<Mention<Quantity>> {
        self.extract(ValueType::Quantity, doc, unit)
            .iter()
            .filter_map(|m| match &m.value {
                Value::Quantity(q) => Some(Mention {
                    span: m.span.clone(),
                    value: q.clone(),
                }),
                _ => None,
            })
            .collect()
    }

    /// Every number in `unit` as read, dates' and years' included.
    fn numbers(&self, doc: &Document, unit: Range<usize>) -> Arc<[Mention<Number>]> {
        self.read_once(&self.numbers, doc, (unit.start, unit.end), || {
            numbers(&doc.lintable[unit]).into()
        })
    }

    /// The quotations of at least `min_words` words in `unit` (spans relative
    /// to the unit), as [`Value::Quote`]s. Each minimum is read once.
    pub fn quotations(
        &self,
        doc: &Document,
        unit: Range<usize>,
        min_words: usize,
    ) -> Arc<[Mention<Value>]> {
        let key = (unit.start, unit.end, min_words);
        self.read_once(&self.quotations, doc, key, || {
            quotations(&doc.lintable[unit], min_words)
                .into_iter()
                .map(|q| Mention {
                    span: q.span,
                    value: Value::Quote(Arc::new(q.value)),
                })
                .collect()
        })
    }

    /// What `read` finds, kept in `map` under `key` for the rest of the
    /// document. No borrow of `map` is held while reading, so a read may
    /// use the cache itself (numbers use the unit's dates and years).
    fn read_once<K: std::hash::Hash + Eq, T: ?Sized>(
        &self,
        map: &RefCell<FxHashMap<K, Arc<T>>>,
        doc: &Document,
        key: K,
        read: impl FnOnce() -> Arc<T>,
    ) -> Arc<T> {
        self.switch_to(doc);
        if let Some(found) = map.borrow().get(&key) {
            return found.clone();
        }
        let found = read();
        map.borrow_mut().insert(key, found.clone());
        found
    }

    /// Empties the cache when it holds another document's values.
    fn switch_to(&self, doc: &Document) {
        if self.document.replace(doc.id) != doc.id {
            self.extracted.borrow_mut().clear();
            self.dates.borrow_mut().clear();
            self.numbers.borrow_mut().clear();
            self.quotations.borrow_mut().clear();
            self.corrections.borrow_mut().take();
        }
    }

    /// Where the first correction verb in `unit` ends, relative to the unit.
    pub fn correction_in(&self, doc: &Document, unit: &Range<usize>) -> Option<usize> {
        self.switch_to(doc);
        let mut corrections = self.corrections.borrow_mut();
        let ends = corrections.get_or_insert_with(|| correction_verb_ends(&doc.lintable));
        let first = ends.partition_point(|&end| end <= unit.start);
        ends.get(first)
            .filter(|&&end| end <= unit.end)
            .map(|end| end - unit.start)
    }
}

/// A date expression as a value: its days, or unresolved; `None` for a
/// page's stamp, which reports nothing.
fn date_value(m: &Mention<DateMention>) -> Option<Mention<Value>> {
    if m.value.stamp {
        return None;
    }
    Some(Mention {
        span: m.span.clone(),
        value: match m.value.value {
            DateValue::Resolved { first, last } => Value::Date { first, last },
            DateValue::NeedsPublication => Value::UnresolvedDate,
        },
    })
}

/// The weekday written with a date expression, if any.
fn weekday_value(m: &Mention<DateMention>) -> Option<Mention<Value>> {
    m.value.stated_weekday.as_ref().map(|w| Mention {
        span: w.span.clone(),
        value: Value::Weekday(w.value),
    })
}

/// Every value of `kind` in `text`. Numbers that are part of a date or a year
/// are not numbers ("December 30" is not 30 of anything).
pub fn extract(kind: ValueType, text: &str, context: &DateContext) -> Vec<Mention<Value>> {
    match kind {
        ValueType::Year => year::years(text)
            .into_iter()
            .map(|m| Mention {
                span: m.span,
                value: Value::Year(m.value),
            })
            .collect(),
        ValueType::Date => dates(text, context).iter().filter_map(date_value).collect(),
        ValueType::Weekday => dates(text, context)
            .iter()
            .filter_map(weekday_value)
            .collect(),
        ValueType::Number => {
            let taken = dates(text, context)
                .into_iter()
                .map(|m| m.span)
                .chain(year::years(text).into_iter().map(|m| m.span))
                .collect();
            numbers_outside(&numbers(text), taken)
        }
        ValueType::Quantity => quantities(text).into_iter().map(quantity_value).collect(),
    }
}

/// Whether `value` restates `other` in parentheses: "900 km (550 miles)".
fn restates(text: &str, other: &Range<usize>, value: &Range<usize>) -> bool {
    other.end <= value.start && text[other.end..value.start].trim() == "("
}

/// Whether `other` lies wholly between `anchor` and `value`.
fn between(anchor: &Range<usize>, other: &Range<usize>, value: &Range<usize>) -> bool {
    if other == value {
        return false;
    }
    if anchor.end <= value.start {
        anchor.end <= other.start && other.end <= value.start
    } else {
        value.end <= other.start && other.end <= anchor.start
    }
}

/// How far a value is from an anchor, to tell which of two roles a value
/// both claim belongs to: an anchor before the value is further off when
/// "and", "but", a comma or a semicolon stands between them. In "19 drones
/// were launched and 21 were shot down", 21 is the downed count; in
/// captions' capitals too ("LAUNCHED AND 30 WERE SHOT DOWN").
fn claim_gap(text: &str, anchor: &Range<usize>, value: &Range<usize>) -> usize {
    /// More than any window: the role whose anchor is not coordinated away wins.
    const COORDINATED: usize = 256;
    let between = text.get(anchor.end..value.start).unwrap_or("");
    let coordinated = between.contains([',', ';'])
        || between
            .split_whitespace()
            .any(|word| word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("but"));
    gap(anchor, value) + if coordinated { COORDINATED } else { 0 }
}

/// Bytes between two ranges (0 when they touch or overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// A measurement as a value.
fn quantity_value(m: Mention<Quantity>) -> Mention<Value> {
    Mention {
        span: m.span,
        value: Value::Quantity(m.value),
    }
}

/// The `numbers` that overlap none of the `taken` spans (dates, years).
fn numbers_outside(
    numbers: &[Mention<Number>],
    mut taken: Vec<Range<usize>>,
) -> Vec<Mention<Value>> {
    // Merged into disjoint sorted spans, a binary search finds the one span
    // that can overlap a number: linear in the unit, however many dates it has.
    taken.sort_by_key(|t| t.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(taken.len());
    for span in taken {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    let overlaps = |n: &Range<usize>| {
        let first = merged.partition_point(|t| t.end <= n.start);
        merged.get(first).is_some_and(|t| t.start < n.end)
    };
    numbers
        .iter()
        .filter(|n| !overlaps(&n.span))
        .map(|m| Mention {
            span: m.span.clone(),
            value: Value::Number(m.value.clone()),
        })
        .collect()
}

/// Verbs of a correction: "An article on Friday misstated the date on which
/// Russia first fired …". The values before the verb are the earlier
/// article's (its date, its subject), not claims; those after may be the
/// corrected fact ("misstated a figure from the ministry, which said 63").
const CORRECTION_VERBS: &[&str] = &[
    "misattributed",
    "misidentified",
    "misquoted",
    "misreported",
    "misspelled",
    "misstated",
    "overstated",
    "understated",
];

/// Where each of [`CORRECTION_VERBS`] in `text` ends, in order. Each verb
/// holds "mis" or "stated" (written in lower case, as after a subject): two
/// searches over the article, then a look at the word around each hit.
fn correction_verb_ends(text: &str) -> Vec<usize> {
    static PARTS: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
        [
            memchr::memmem::Finder::new("mis"),
            memchr::memmem::Finder::new("stated"),
        ]
    });
    let bytes = text.as_bytes();
    let mut ends: Vec<usize> = PARTS
        .iter()
        .flat_map(|part| part.find_iter(bytes))
        .filter_map(|hit| {
            let start = bytes[..hit]
                .iter()
                .rposition(|b| !b.is_ascii_alphabetic())
                .map_or(0, |i| i + 1);
            let end = bytes[hit..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .map_or(bytes.len(), |i| hit + i);
            let word = &text[start..end];
            CORRECTION_VERBS
                .iter()
                .any(|verb| word.eq_ignore_ascii_case(verb))
                .then_some(end)
        })
        .collect();
    ends.sort_unstable();
    ends.dedup();
    ends
}

/// Whether the text before a value denies it: "It was 2014, not 2015",
/// "35 drones, not 53", "not on Friday", "rather than 53". The value stated
/// as wrong is no claim.
pub(super) fn negated(before: &str) -> bool {
    let before = before.trim_end();
    // A preposition or article between the denial and the value: "not on".
    let before = [" on", " in", " at", " the"]
        .iter()
        .find(|word| ends_with_ignore_ascii_case(before, word))
        .map_or(before, |word| {
            before[..before.len() - word.len()].trim_end()
        });
    [" not", ",not", "rather than", "instead of"]
        .iter()
        .any(|word| ends_with_ignore_ascii_case(before, word))
        || before.eq_ignore_ascii_case("not")
}

/// A value belongs to the subject or rival written closest before it (English
/// puts the year after what it dates), else to the closest after it; with
/// `nearest`, to the closest on either side. Of two marks that end at one
/// place, the longer says more: "the first was launched" (a rival) over
/// "launched" (a subject) in "the first was launched last Saturday". A
/// possessive value dates what follows it: "Tuesday's mass attack".
fn belongs_to_subject(
    marks: &[(Range<usize>, bool)],
    text: &str,
    value: &Range<usize>,
    nearest: bool,
) -> bool {
    if marks.is_empty() {
        return true;
    }
    if nearest {
        return marks
            .iter()
            .min_by_key(|(r, _)| gap(r, value))
            .is_none_or(|(_, is_subject)| *is_subject);
    }
    let before = marks
        .iter()
        .filter(|(r, _)| r.end <= value.start)
        .max_by_key(|(r, _)| (r.end, std::cmp::Reverse(r.start)));
    let after = marks
        .iter()
        .filter(|(r, _)| r.start >= value.end)
        .min_by_key(|(r, _)| r.start);
    let possessive = text.get(value.end..).is_some_and(starts_possessive);
    let first = if possessive {
        after.or(before)
    } else {
        before.or(after)
    };
    first.is_none_or(|(_, is_subject)| *is_subject)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::date::NumericOrder;

    #[test]
    fn and_or_but_in_any_case_coordinates_a_value_away_from_its_anchor() {
        for text in [
            "launched and 30",
            "LAUNCHED AND 30",
            "launched, 30",
            "launched But 30",
        ] {
            let value = text.len() - 2..text.len();
            assert!(claim_gap(text, &(0..8), &value) > 256, "{text}");
        }
        assert_eq!(claim_gap("launched 30", &(0..8), &(9..11)), 1);
    }

    #[test]
    fn a_value_denied_or_before_a_correction_verb_is_no_claim() {
        for before in [
            "It was 2014, not ",
            "35 drones, not ",
            "not on ",
            "rather than the ",
            "Not ",
        ] {
            assert!(negated(before), "{before}");
        }
        for before in ["It was ", "knot ", "not more than ", "cannot say "] {
            assert!(!negated(before), "{before}");
        }
        let text = "An article on Friday misstated a figure, which said 63. It misquoted him.";
        assert_eq!(
            correction_verb_ends(text),
            [text.find(" a figure").unwrap(), text.find(" him").unwrap()]
        );
        let text = "The ministry’s misstated figure";
        assert_eq!(
            correction_verb_ends(text),
            ["The ministry’s misstated".len()]
        );
        assert!(correction_verb_ends("The article stated 36.").is_empty());
    }

    #[test]
    fn a_check_that_reads_a_value_must_say_which() {
        for (kind, what, rest) in [
            ("expect", "an `expect` check", "expected = 2022\n"),
            ("consistent", "a `consistent` check", ""),
        ] {
            let source = format!("[[check]]\nid = \"x\"\nkind = \"{kind}\"\n{rest}");
            let errors = crate::checks::load::load_str(&source).expect_err("an error");
            assert_eq!(
                errors[0].message,
                format!("{what} needs `value = {{ type = … }}` in check `x`")
            );
            let span = errors[0].span.clone().expect("a span");
            assert_eq!(&source[span], format!("\"{kind}\""));
        }
    }

    fn locator(near: Option<&str>, subject: Option<&str>, rival: Option<&str>) -> ValueLocator {
        let re = |p: Option<&str>| p.map(|p| Pattern::new(&Spanned::new(0..0, p.into())).unwrap());
        ValueLocator {
            kind: ValueType::Year,
            near: re(near),
            window: DEFAULT_WINDOW,
            window_before: DEFAULT_WINDOW / 6,
            subject: re(subject),
            rival: re(rival),
            attach_nearest: false,
        }
    }

    fn years(locator: &ValueLocator, text: &str) -> Vec<String> {
        let doc = Document::parse("a.txt", text.as_bytes().to_vec(), None).unwrap();
        locator
            .locate(&doc, 0..text.len(), &ValueCache::default())
            .into_iter()
            .map(|m| text[m.span].to_string())
            .collect()
    }

    #[test]
    fn near_keeps_values_close_to_an_anchor() {
        let l = locator(Some("annex"), None, None);
        assert_eq!(
            years(
                &l,
                "In 2020, officials said the regions were annexed in 2022."
            ),
            ["2022"]
        );
    }

    #[test]
    fn a_rivals_value_does_not_hide_the_subjects_from_the_anchor() {
        let regions = locator(Some("annexed"), Some("four regions"), Some("Crimea"));
        let text = "Russia annexed Crimea in 2014 and four regions in 2022.";
        assert_eq!(years(&regions, text), ["2022"]);
        // Without a rival, the nearest value after the anchor is the only one.
        let any = locator(Some("annexed"), None, None);
        assert_eq!(years(&any, text), ["2014"]);
    }

    #[test]
    fn a_possessive_value_belongs_to_what_follows_it() {
        let l = locator(None, Some("mass attack"), Some("first"));
        let text = "The first was fired in 2023 and more in 2024's mass attack.";
        assert_eq!(years(&l, text), ["2024"]);
        let text = "The first was fired in 2023 and more in the mass attack of 2024.";
        assert_eq!(years(&l, text), ["2024"]);
    }

    #[test]
    fn of_two_marks_ending_before_a_value_the_longer_wins() {
        // "launched" (the subject) ends where "first test was launched" (the rival) does.
        let l = locator(None, Some("launched"), Some("first test was launched"));
        let text = "The first test was launched in 2019; the missiles were launched in 2023.";
        assert_eq!(years(&l, text), ["2023"]);
        // A rival and a subject at one place: the rival, as before.
        let same = locator(None, Some("launched"), Some("launched"));
        assert!(years(&same, text).is_empty());
    }

    #[test]
    fn subject_written_before_the_year_wins() {
        let regions = locator(
            Some("annex|claim|seiz"),
            Some("four regions"),
            Some("Crimea"),
        );
        let crimea = locator(
            Some("annex|claim|seiz"),
            Some("Crimea"),
            Some("four regions"),
        );
        let text = "Russia annexed Crimea in 2014 and claimed to annex four regions in 2022.";
        assert_eq!(years(&regions, text), ["2022"]);
        assert_eq!(years(&crimea, text), ["2014"]);
        let text = "In 2022, Moscow claimed to annex four regions, eight years after seizing Crimea in 2014.";
        assert_eq!(years(&regions, text), ["2022"]);
        assert_eq!(years(&crimea, text), ["2014"]);
    }

    #[test]
    fn an_anchor_takes_the_nearest_value_only() {
        let l = locator(Some("annex"), None, None);
        assert_eq!(
            years(
                &l,
                "Zaporizhzhia, which Moscow claimed to annex in 2022, was hit on Dec. 30, 2023."
            ),
            ["2022"]
        );
    }

    #[test]
    fn a_value_before_its_anchor_must_be_adjacent() {
        let l = locator(Some("annex"), None, None);
        assert_eq!(years(&l, "After the 2014 annexation, it grew."), ["2014"]);
        assert!(years(&l, "It was 2015 when officials discussed annexation.").is_empty());
    }

    #[test]
    fn an_anchor_after_the_last_value_counts_up_to_the_window() {
        // The search for anchors stops `window_before` bytes after the last
        // value: an anchor exactly there is still near it, one further is not.
        let l = locator(Some("annex"), None, None);
        assert_eq!(years(&l, "It was 2014 then the annexation."), ["2014"]);
        assert!(years(&l, "It was 2014 then, the annexation.").is_empty());
    }

    #[test]
    fn the_mark_after_the_last_value_decides_when_none_is_before() {
        // The marks are searched up to the first one after the last value,
        // which claims a value that no mark precedes.
        let regions = locator(None, Some("four regions"), Some("Crimea"));
        let crimea = locator(None, Some("Crimea"), Some("four regions"));
        let text = "Annexed in 2014, Crimea was the first; later the four regions.";
        assert!(years(&regions, text).is_empty());
        assert_eq!(years(&crimea, text), ["2014"]);
        // With no rival in the text, every value is the subject's.
        assert_eq!(
            years(&regions, "Annexed in 2022: the four regions."),
            ["2022"]
        );
        assert_eq!(years(&regions, "In 2022 it happened."), ["2022"]);
    }

    fn one(kind: ValueType, text: &str) -> Value {
        let published = Some(jiff::civil::date(2024, 1, 5));
        let context = DateContext {
            published,
            numeric_order: NumericOrder::MonthFirst,
        };
        extract(kind, text, &context).remove(0).value
    }

    #[test]
    fn numbers_inside_dates_and_years_are_not_numbers() {
        let context = DateContext {
            published: None,
            numeric_order: NumericOrder::MonthFirst,
        };
        let found = extract(
            ValueType::Number,
            "On December 30, 2023, 21 drones fell.",
            &context,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, 22..24);
    }

    #[test]
    fn values_agree_as_intervals() {
        let nearly_30 = one(ValueType::Number, "nearly 30 drones");
        assert!(nearly_30.agrees(&one(ValueType::Number, "28 drones")));
        assert!(!nearly_30.agrees(&one(ValueType::Number, "31 drones")));
        let km = one(ValueType::Quantity, "900 kilometres");
        assert!(km.agrees(&one(ValueType::Quantity, "550 miles")));
        assert!(km.agrees(&one(ValueType::Quantity, "around 900 km")));
        assert!(!km.agrees(&one(ValueType::Quantity, "350 miles")));
        assert!(!km.agrees(&one(ValueType::Quantity, "900 kg")));
        let dec30 = one(ValueType::Date, "on December 30");
        assert!(dec30.agrees(&one(ValueType::Date, "Dec. 30")));
        assert!(!dec30.agrees(&one(ValueType::Date, "December 31")));
        assert_eq!(dec30.to_string(), "2023-12-30");
    }

    #[test]
    fn nearest_attachment_splits_counts_between_nouns() {
        let mut l = locator(
            Some("dead|killed|injured"),
            Some("dead|killed"),
            Some("injured"),
        );
        l.kind = ValueType::Number;
        l.attach_nearest = true;
        let doc_text =
            "leaving at least five people dead and at least 130 injured, officials said.";
        let doc = Document::parse("a.txt", doc_text.as_bytes().to_vec(), None).unwrap();
        let found: Vec<&str> = l
            .locate(&doc, 0..doc_text.len(), &ValueCache::default())
            .into_iter()
            .map(|m| &doc_text[m.span])
            .collect();
        assert_eq!(found, ["five"]);
    }

    #[test]
    fn numeric_dates_follow_the_article_date_order() {
        let mut doc =
            Document::parse("a.txt", b"Fired on 06-01-2024, they said.".to_vec(), None).unwrap();
        let date = |doc: &Document| {
            ValueCache::default().extract(ValueType::Date, doc, 0..doc.lintable.len())[0]
                .value
                .to_string()
        };
        assert_eq!(date(&doc), "2024-06-01");
        doc.numeric_order = NumericOrder::DayFirst;
        assert_eq!(date(&doc), "2024-01-06");
    }

    #[test]
    fn round_numbers_stand_for_a_range() {
        assert_eq!(
            rounded(900.0, Interval::exact(900.0)),
            Interval::closed(850.0, 950.0)
        );
        assert_eq!(
            rounded(550.0, Interval::exact(550.0)),
            Interval::closed(545.0, 550.0 + 5.0)
        );
        assert_eq!(rounded(21.0, Interval::exact(21.0)), Interval::exact(21.0));
        assert_eq!(
            rounded(1000.0, Interval::exact(1000.0)),
            Interval::closed(950.0, 1050.0)
        );
        assert_eq!(
            rounded(1000.0, Interval::above(1000.0)),
            Interval::above(1000.0)
        );
    }
}
