//! Calendar dates as the wire services write them ("Dec. 30", "30 December 2023",
//! "Tuesday, Jan. 2, 2024", "2024-01-02", "06-01-2024"), and relative ones ("on Tuesday",
//! "yesterday", "last week") resolved against the publication date the way HeidelTime
//! does for news: a bare weekday is the latest such day on or before publication.

use super::{
    Mention, Phrases, alternation, ends_with_ignore_ascii_case, is_ascii_space, previous_word,
};
use crate::matcher::{self, Group, Parts};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex_automata::meta::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How to read "01/02/2024" when both fields could be the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericOrder {
    /// US style: 01/02/2024 is January 2.
    MonthFirst,
    /// Most of the world: 01/02/2024 is 1 February.
    DayFirst,
}

/// What a document tells us about how to read its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateContext {
    /// The day the article was published; anchors "yesterday", "Tuesday", "December 30".
    pub published: Option<Date>,
    pub numeric_order: NumericOrder,
}

/// The days a date expression refers to.
#[derive(Clone, Debug, PartialEq)]
pub enum DateValue {
    /// first..=last: a single day has first == last; "last week"/"over the past week" is a range.
    Resolved { first: Date, last: Date },
    /// A relative or year-less expression and no publication date to resolve it against.
    NeedsPublication,
}

/// A date expression: its days, whether they depend on the publication date, and the
/// weekday the writer named, so a separate check can compare it with the date.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub value: DateValue,
    /// True for expressions whose day is counted from publication ("Tuesday", "yesterday",
    /// "last week"); false for calendar dates, even year-less ones.
    pub relative: bool,
    /// The weekday as written ("Tuesday" in "Tuesday, Jan. 2, 2024", or a bare "Tuesday").
    pub stated_weekday: Option<Mention<Weekday>>,
    /// A page's stamp, not a date the article reports: a calendar date with a
    /// clock time right after it ("Fri, 05 Jan 2024 06:45:00 GMT") or a label
    /// before it ("Updated: …"). Its weekday is still the date's.
    pub stamp: bool,
}

/// A weekday in parentheses right after a date: "Dec 30 (Fri)", "Jan 5, 2024
/// (Thu.)".
fn weekday_in_parentheses(text: &str, end: usize) -> Option<Mention<Weekday>> {
    let rest = &text[end..];
    let open = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if rest.as_bytes().get(open) != Some(&b'(') {
        return None;
    }
    let start = end + open + 1;
    let len = text[start..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let word = &text[start..start + len];
    let close = text[start + len..].trim_start_matches('.');
    if !close.starts_with(')') {
        return None;
    }
    Some(Mention {
        span: start..start + len,
        value: lookup_weekday(word)?,
    })
}

/// A weekday right before a date in parentheses: "the Monday (2 January)
/// bombardment".
fn weekday_before_parentheses(text: &str, span: &Range<usize>) -> Option<Mention<Weekday>> {
    let before = text[..span.start]
        .strip_suffix('(')?
        .trim_end_matches([' ', '\t']);
    if !text[span.end..].starts_with(')') {
        return None;
    }
    let word = previous_word(before, before.len());
    let start = before.len() - word.len();
    Some(Mention {
        span: start..before.len(),
        value: lookup_weekday(word)?,
    })
}

/// Days in words up to the nineteenth; the twenties and thirties are built
/// on the first nine ("twenty-first").
const ORDINAL_DAYS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// Labels of a page's date stamp, and of a recording's ("Broadcast Monday,
/// January 8", "Transcript for Friday, January 5").
const STAMP_LABELS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "fetched",
    "modified",
    "broadcast",
    "aired",
    "recorded",
];

/// Two-word labels of a stamp, lower-case.
const STAMP_PHRASES: &[&str] = &["transcript for", "transcript of", "episode of"];

/// Whether `text` opens with a clock time: one or two digits, a colon and a
/// digit ("07:48", "9:10").
pub(crate) fn opens_with_clock(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && bytes.get(digits) == Some(&b':')
        && bytes.get(digits + 1).is_some_and(u8::is_ascii_digit)
}

/// Whether the calendar date at `span` of `text` is a stamp ([`DateMention::stamp`]).
fn is_stamp(text: &str, span: &Range<usize>) -> bool {
    let after = text[span.end..]
        .trim_start_matches([' ', '\t'])
        .trim_start_matches([',', '·', '|', '@', '-'])
        .trim_start_matches([' ', '\t']);
    let clock = opens_with_clock(after);
    let before = text[..span.start].trim_end().trim_end_matches(':');
    let label = previous_word(before, before.len());
    // Set off by separators on both sides, as a masthead or byline writes it:
    // "The Morning Wire · Friday, Jan. 5, 2024 · Your briefing".
    const SEPARATORS: [char; 3] = ['·', '|', '•'];
    let mut lead = text[..span.start].trim_end().trim_end_matches(',');
    let word = previous_word(lead, lead.len());
    if lookup_weekday(word).is_some() {
        lead = lead[..lead.len() - word.len()].trim_end();
    }
    // A table's cell is set off by its column rules, not a masthead's date.
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let table_row = text[line_start..].trim_start().starts_with('|');
    let set_off = !table_row
        && lead.ends_with(SEPARATORS)
        && text[span.end..].trim_start().starts_with(SEPARATORS);
    clock
        || set_off
        || dateline(text, line_start, span)
        || STAMP_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
        || STAMP_PHRASES
            .iter()
            .any(|p| ends_with_ignore_ascii_case(before, p))
}

/// Whether the date at `span` is a wire story's dateline: a city in
/// capitals opens its line, the agency follows in parentheses, then a dash
/// ("WASHINGTON, Jan. 4 (Yonhap) -- North Korea has …").
fn dateline(text: &str, line_start: usize, span: &Range<usize>) -> bool {
    let city = text[line_start..span.start]
        .trim_end()
        .trim_end_matches(',');
    let city_in_capitals = !city.is_empty()
        && city.chars().any(char::is_alphabetic)
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    let agency_then_dash = text[span.end..]
        .trim_start_matches([' ', '\t'])
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(')'))
        .is_some_and(|(agency, rest)| {
            (1..=30).contains(&agency.len())
                && rest
                    .trim_start_matches([' ', '\t'])
                    .starts_with(['-', '—', '–'])
        });
    city_in_capitals && agency_then_dash
}

/// Words after which a date says when something was said, not when it
/// happened: "said on Tuesday", "in a statement late on Jan. 3".
const REPORTING_WORDS: &[&str] = &[
    "said",
    "says",
    "announced",
    "reported",
    "confirmed",
    "added",
    "stated",
    "wrote",
    "posted",
    "tweeted",
    "statement",
    "briefing",
    "interview",
    "conference",
];

/// Verbs that take the one they address before the date: "told reporters
/// on Wednesday".
const ADDRESSING_WORDS: &[&str] = &["told", "tells", "briefed"];

/// Whether the date starting at `start` of `text` is when something was
/// said ("officials said on Wednesday", "told reporters Wednesday"): a
/// report's day, which an article about one event gives as freely as the
/// event's own.
pub fn is_reporting_date(text: &str, start: usize) -> bool {
    let mut words = text[..start].split_whitespace().rev();
    let is = |word: Option<&str>, list: &[&str]| {
        word.is_some_and(|w| list.iter().any(|l| w.eq_ignore_ascii_case(l)))
    };
    let mut word = words.next();
    if is(word, &["on"]) {
        word = words.next();
    }
    if is(word, &["late", "early"]) {
        word = words.next();
    }
    is(word, REPORTING_WORDS) || is(words.next(), ADDRESSING_WORDS)
}

/// Month names and the abbreviations the style guides use (AP "Sept.", others "Sep").
const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names; abbreviations count only in front of a date ("Tue, Jan 2"), because
/// "Sun", "Sat" and "Wed" alone are usually other words.
const WEEKDAYS: &[(&str, Weekday, bool)] = &[
    ("monday", Weekday::Monday, true),
    ("mon", Weekday::Monday, false),
    ("tuesday", Weekday::Tuesday, true),
    ("tues", Weekday::Tuesday, false),
    ("tue", Weekday::Tuesday, false),
    ("wednesday", Weekday::Wednesday, true),
    ("wed", Weekday::Wednesday, false),
    ("thursday", Weekday::Thursday, true),
    ("thurs", Weekday::Thursday, false),
    ("thur", Weekday::Thursday, false),
    ("thu", Weekday::Thursday, false),
    ("friday", Weekday::Friday, true),
    ("fri", Weekday::Friday, false),
    ("saturday", Weekday::Saturday, true),
    ("sat", Weekday::Saturday, false),
    ("sunday", Weekday::Sunday, true),
    ("sun", Weekday::Sunday, false),
];

/// Month and weekday words that are also ordinary English words; lower-case they are
/// those words ("Russia may attack", "they march 5 km").
const NEEDS_CAPITAL: &[&str] = &["may", "march", "mar", "sun", "sat", "wed"];

/// Words before a bare weekday that make it something other than the latest such day:
/// a named day ("Good Friday", "Super Tuesday"), a habit ("every Friday"), the future
/// ("next Tuesday") or any such day ("any Monday"; for "a Monday" see
/// [`DAY_OF_AFTER_A`]), none of which the news rule can resolve.
const NOT_LATEST_BEFORE: &[&str] = &[
    "good", "black", "ash", "super", "cyber", "holy", "palm", "easter", "bloody", "maundy",
    "every", "each", "next", "coming", "any",
];

/// Nouns that make "overnight" before them an adjective ("an overnight
/// barrage", "overnight strikes"): the kind of attack, not a date.
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "barrage",
    "barrages",
    "strike",
    "strikes",
    "raid",
    "raids",
    "assault",
    "bombardment",
    "shelling",
    "wave",
    "salvo",
    "offensive",
];

/// Words between "overnight" and its attack noun: "an overnight aerial
/// attack", "overnight drone and missile strikes".
const ATTACK_MODIFIERS: &[&str] = &[
    "aerial", "air", "missile", "drone", "rocket", "combined", "and", "massive", "mass",
];

/// Whether `after` "overnight" names an attack, maybe after a few of
/// [`ATTACK_MODIFIERS`] ("overnight aerial attack"): then "overnight" is the
/// kind of attack.
fn names_an_attack(after: &str) -> bool {
    for word in after.split_whitespace().take(4) {
        let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
        if ATTACK_NOUNS.iter().any(|n| word.eq_ignore_ascii_case(n)) {
            return true;
        }
        if !ATTACK_MODIFIERS
            .iter()
            .any(|m| word.eq_ignore_ascii_case(m))
        {
            return false;
        }
    }
    false
}

/// Nouns a weekday names the day of after "a": "at a Wednesday briefing" is
/// the latest Wednesday's, while "Dec. 30, a Saturday" or "on a Monday" is
/// any such day.
const DAY_OF_AFTER_A: &[&str] = &[
    "briefing",
    "meeting",
    "press",
    "news",
    "statement",
    "speech",
    "call",
    "session",
    "summit",
    "interview",
    "address",
    "hearing",
    "vote",
    "attack",
    "strike",
    "barrage",
    "raid",
];

/// Relative expressions, counted from the publication date.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Relative {
    Today,
    Yesterday,
    /// The night before publication: pub-1..=pub.
    Overnight,
    /// The previous calendar week, Monday..=Sunday.
    LastWeek,
    /// The seven days up to publication.
    PastWeek,
    /// The calendar week of publication, Monday..=Sunday.
    ThisWeek,
    /// The previous calendar month.
    LastMonth,
    /// The last ten or so days of the previous month: its 21st..=its end.
    LateLastMonth,
    /// The first ten days of the previous month.
    EarlyLastMonth,
    /// The month of publication up to the day before it.
    EarlierThisMonth,
    /// The first ten days of the month of publication, up to publication.
    EarlyThisMonth,
    /// The month of publication, up to publication.
    ThisMonth,
    /// The week of publication, from Monday to the day before publication.
    EarlierThisWeek,
    /// Seven days before publication ("a week ago today").
    WeekAgoToday,
    /// About a week before publication: pub-8..=pub-6 ("a week ago").
    WeekAgo,
    /// Two days before publication.
    DayBeforeYesterday,
    /// About two weeks before publication: pub-15..=pub-13 ("a fortnight ago").
    FortnightAgo,
}

const RELATIVE: &[(&str, Relative)] = &[
    ("today", Relative::Today),
    ("tonight", Relative::Today),
    ("this morning", Relative::Today),
    ("yesterday", Relative::Yesterday),
    ("overnight", Relative::Overnight),
    ("last night", Relative::Overnight),
    ("last week", Relative::LastWeek),
    ("over the past week", Relative::PastWeek),
    ("within the past week", Relative::PastWeek),
    ("in the past week", Relative::PastWeek),
    ("during the past week", Relative::PastWeek),
    ("over the last week", Relative::PastWeek),
    ("in the last week", Relative::PastWeek),
    ("over the past seven days", Relative::PastWeek),
    ("in the past seven days", Relative::PastWeek),
    ("over the last seven days", Relative::PastWeek),
    ("in the last seven days", Relative::PastWeek),
    ("the past week", Relative::PastWeek),
    ("this week", Relative::ThisWeek),
    ("last month", Relative::LastMonth),
    ("late last month", Relative::LateLastMonth),
    ("early last month", Relative::EarlyLastMonth),
    ("earlier this month", Relative::EarlierThisMonth),
    ("early this month", Relative::EarlyThisMonth),
    ("this month", Relative::ThisMonth),
    ("earlier this week", Relative::EarlierThisWeek),
    ("two weeks ago", Relative::FortnightAgo),
    ("a week ago today", Relative::WeekAgoToday),
    ("a week ago", Relative::WeekAgo),
    ("the day before yesterday", Relative::DayBeforeYesterday),
    ("a fortnight ago", Relative::FortnightAgo),
];

/// [`RELATIVE`] by phrase.
static RELATIVE_PHRASES: LazyLock<Phrases<(&str, Relative)>> =
    LazyLock::new(|| Phrases::new(RELATIVE, |r| r.0));

/// Holidays written for their date: (name, month, day). A holiday takes the
/// year a written "December 25" would.
const HOLIDAYS: &[(&str, i8, i8)] = &[
    ("New Year's Day", 1, 1),
    ("New Year's Eve", 12, 31),
    ("Christmas Day", 12, 25),
    ("Christmas Eve", 12, 24),
    ("Boxing Day", 12, 26),
];

/// [`HOLIDAYS`] by phrase.
static HOLIDAY_PHRASES: LazyLock<Phrases<(&str, i8, i8)>> =
    LazyLock::new(|| Phrases::new(HOLIDAYS, |h| h.0));

/// Every supported form in one pass; forms are tried in order at each position,
/// so a weekday followed by a date is taken as one expression before a bare weekday.
///
/// Each form is a pattern of its own, searched together as their alternation
/// would be: a match's groups are then resolved over its own form only, not
/// by backtracking through the forms before it (two fifths fewer
/// instructions in `dates`).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let month = alternation(MONTHS.iter().map(|m| m.0));
    let wd_any = alternation(WEEKDAYS.iter().map(|w| w.0));
    let wd_full = alternation(WEEKDAYS.iter().filter(|w| w.2).map(|w| w.0));
    let rel = alternation(RELATIVE.iter().map(|r| r.0));
    let ordinal = format!(
        r"(?:twenty|thirty)(?:-|\s)?(?:{units})|twentieth|thirtieth|{all}",
        units = ORDINAL_DAYS[..9].join("|"),
        all = ORDINAL_DAYS.join("|"),
    );
    // Either apostrophe: "New Year’s Day".
    let holiday = alternation(HOLIDAYS.iter().map(|h| h.0)).replace('\'', "['’]");
    let forms = [
        format!(
            r"{b}(?:(?P<wi>{wd_any}){b}\.?,?\s+)?(?P<iy>[0-9]{{4}})(?P<is>[-/])(?P<im>[0-9]{{1,2}})[-/](?P<id>[0-9]{{1,2}})"
        ),
        format!(
            r"{b}(?:(?P<wn>{wd_any}){b}\.?,?\s+)?(?P<na>[0-9]{{1,2}})(?P<ns>[-/.])(?P<nb>[0-9]{{1,2}})[-/.](?P<ny>[0-9]{{4}}|[0-9]{{2}})"
        ),
        format!(
            r"{b}(?:(?P<w1>{wd_any}){b}\.?,?\s+)?(?P<m1>{month}){b}\.?\s+(?:(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?|(?:the\s+)?(?P<o1>{ordinal}){b})
              (?:,?\s+(?P<y1>[0-9]{{4}}))?"
        ),
        format!(
            r"{b}(?:(?P<w2>{wd_any}){b}\.?,?\s+(?:the\s+)?)?(?:(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?|(?P<o2>{ordinal})\s+of\s+)(?P<m2>{month}){b}\.?
              (?:,?\s+(?P<y2>[0-9]{{4}}))?"
        ),
        format!(r"{b}(?P<rel>{rel}){b}"),
        format!(r"{b}(?P<hol>{holiday}){b}"),
        format!(r"{b}(?P<w3>{wd_full}){b}"),
    ]
    .map(|form| format!("(?xi){form}"));
    matcher::build_many_str(&forms).expect("date patterns are valid")
});

/// The forms of [`DATE`] that are one group: a relative date, a holiday and
/// a weekday, by pattern and group name. Their groups are the match.
const ONE_GROUP_FORMS: [(usize, &str); 3] = [(4, "rel"), (5, "hol"), (6, "w3")];

/// The forms of [`DATE`] written with a month's name, by pattern: whether
/// the month comes before the day, and their weekday, month, day and year
/// groups.
const WRITTEN_FORMS: [(usize, bool, [&str; 4]); 2] = [
    (2, true, ["w1", "m1", "d1", "y1"]),
    (3, false, ["w2", "m2", "d2", "y2"]),
];

/// The first date expression at or after `at`, with its groups: those of
/// a form that is one group are the match, and are not resolved (half the
/// dates of the generated corpus are a weekday or a relative date); those
/// of a date written in ASCII with a month's name are read off the match.
fn date_parts(text: &str, at: usize) -> Option<Parts<'_>> {
    let (form, found) = matcher::find_pattern_at(&DATE, text, at)?;
    if let Some(&(_, group)) = ONE_GROUP_FORMS.iter().find(|(one, _)| *one == form) {
        return Some(Parts::Shape(
            found,
            [Some((group, found)), None, None, None],
        ));
    }
    WRITTEN_FORMS
        .iter()
        .find(|(written, ..)| *written == form)
        .and_then(|&(_, month_first, names)| read_written(month_first, names, found))
        .or_else(|| matcher::groups_of(&DATE, None, text, found.range()).map(Parts::Resolved))
}

/// The groups of a match of a written form ("Tuesday, Dec. 30, 2023", "4th
/// of January 2024"), read off it: its words are the names (a weekday is no
/// month), its digits the day and year. `None` when the match is not ASCII
/// (a Unicode space, a letter that folds to an ASCII one), to be resolved.
fn read_written<'t>(
    month_first: bool,
    [weekday, month, day, year]: [&'static str; 4],
    found: Group<'t>,
) -> Option<Parts<'t>> {
    let s = found.as_str();
    if !s.is_ascii() {
        return None;
    }
    let bytes = s.as_bytes();
    let run = |from: usize, kind: fn(&u8) -> bool| {
        from + bytes[from..].iter().take_while(|&b| kind(b)).count()
    };
    let spaces = |from: usize| run(from, is_ascii_space);
    let skip = |at: usize, byte: u8| at + usize::from(bytes.get(at) == Some(&byte));
    let mut named = [None; 4];
    let mut at = 0;
    // A weekday, then `.`, `,` and spaces.
    let end = run(0, u8::is_ascii_alphabetic);
    if WEEKDAYS.iter().any(|w| w.0.eq_ignore_ascii_case(&s[..end])) {
        named[0] = Some((weekday, found.part(0..end)));
        let punctuated = skip(skip(end, b'.'), b',');
        at = spaces(punctuated);
        if at == punctuated {
            return None;
        }
    }
    let read_month = |at: usize| {
        let end = run(at, u8::is_ascii_alphabetic);
        let listed = MONTHS.iter().any(|m| m.0.eq_ignore_ascii_case(&s[at..end]));
        listed.then(|| (found.part(at..end), skip(end, b'.')))
    };
    let read_day = |at: usize| {
        let end = run(at, u8::is_ascii_digit);
        let suffix = s.get(end..end + 2).filter(|x| {
            ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| o.eq_ignore_ascii_case(x))
        });
        (1..=2)
            .contains(&(end - at))
            .then(|| (found.part(at..end), end + suffix.map_or(0, str::len)))
    };
    let (m, d);
    if month_first {
        (m, at) = read_month(at)?;
        let after = spaces(at);
        (d, at) = read_day(after).filter(|_| after > at)?;
    } else {
        (d, at) = read_day(at)?;
        let after = spaces(at);
        let of = s
            .get(after..after + 2)
            .filter(|w| w.eq_ignore_ascii_case("of"));
        let month_at = match of {
            Some(_) if spaces(after + 2) > after + 2 => spaces(after + 2),
            _ => after,
        };
        (m, at) = read_month(month_at).filter(|_| after > at)?;
    }
    named[1] = Some((month, m));
    named[2] = Some((day, d));
    // A year: `,`, spaces and four digits, to the end of the match.
    if at < s.len() {
        let digits = spaces(skip(at, b','));
        let end = run(digits, u8::is_ascii_digit);
        if digits == skip(at, b',') || end - digits != 4 || end != s.len() {
            return None;
        }
        named[3] = Some((year, found.part(digits..end)));
    }
    Some(Parts::Shape(found, named))
}

/// Every date expression in `text`, in order.
pub fn dates(text: &str, ctx: &DateContext) -> Vec<Mention<DateMention>> {
    let mut found = Vec::new();
    let mut at = 0;
    while at <= text.len() {
        let Some(caps) = date_parts(text, at) else {
            break;
        };
        let Some(whole) = caps.whole() else { break };
        match date_from(text, &caps, ctx) {
            Some(mention) => {
                // A weekday in parentheses after the date is read with it, not
                // again as a day of its own: "Dec. 30, 2023 (Saturday)"…
                let stated = mention.value.stated_weekday.as_ref();
                // …and one before it, already read as a day, was the date's.
                if found.last().is_some_and(|m: &Mention<DateMention>| {
                    Some(&m.span) == stated.map(|w| &w.span)
                }) {
                    found.pop();
                }
                let stated_end = stated.map(|w| w.span.end);
                at = mention
                    .span
                    .end
                    .max(whole.start() + 1)
                    .max(stated_end.unwrap_or(0));
                found.push(mention);
            }
            // Rejected: a later, shorter expression may still start inside this match.
            None => at = whole.start() + 1,
        }
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
    }
    found
}

/// The English name of a weekday, for messages: "Tuesday".
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn date_from(text: &str, caps: &Parts, ctx: &DateContext) -> Option<Mention<DateMention>> {
    let whole = caps.whole()?;
    let calendar = |span: Range<usize>, value: DateValue, stated: Option<Mention<Weekday>>| {
        let stated = stated
            .or_else(|| weekday_in_parentheses(text, span.end))
            .or_else(|| weekday_before_parentheses(text, &span));
        Some(Mention {
            value: DateMention {
                value,
                relative: false,
                stated_weekday: stated,
                stamp: is_stamp(text, &span),
            },
            span,
        })
    };
    // The weekday written before a date, if any; `None` when it is no weekday.
    let stated = |w: Option<Group>| match w {
        Some(w) => Some(Some(Mention {
            span: w.range(),
            value: lookup_weekday(w.as_str())?,
        })),
        None => Some(None),
    };
    if let Some(y) = caps.name("iy") {
        if !clean_before(text, whole.start()) || !clean_after(text, whole.end()) {
            return None;
        }
        let date = Date::new(num(y)?, num(caps.name("im")?)?, num(caps.name("id")?)?).ok()?;
        return calendar(whole.range(), single(date), stated(caps.name("wi"))?);
    }
    if let Some(a) = caps.name("na") {
        if !clean_before(text, whole.start()) || !clean_after(text, whole.end()) {
            return None;
        }
        let (a, b): (i8, i8) = (num(a)?, num(caps.name("nb")?)?);
        let year = match num::<i16>(caps.name("ny")?)? {
            // "03.01.24", "1/2/24": this century, or the last one's 70s on.
            short @ 0..=69 => 2000 + short,
            short @ 70..=99 => 1900 + short,
            year => year,
        };
        let dotted = caps.name("ns").is_some_and(|s| s.as_str() == ".");
        let stated = stated(caps.name("wn"))?;
        let date = if a > 12 || dotted {
            Date::new(year, b, a)
        } else if b > 12 {
            Date::new(year, a, b)
        } else {
            let (month_first, day_first) = (Date::new(year, a, b), Date::new(year, b, a));
            let (usual, other) = match ctx.numeric_order {
                NumericOrder::MonthFirst => (month_first, day_first),
                NumericOrder::DayFirst => (day_first, month_first),
            };
            // A weekday written with it tells the order: "Tuesday 02/01/2024"
            // is 2 January (a Tuesday) in any article.
            let told = |date: &Result<Date, _>| {
                let weekday = stated.as_ref().map(|w| w.value);
                date.as_ref().is_ok_and(|d| Some(d.weekday()) == weekday)
            };
            // So, failing that, does the publication date: a report seldom
            // dates anything after it, so "2/1/2024" in an article of 5
            // January 2024 is 2 January.
            let reported = |date: &Result<Date, _>| {
                date.as_ref()
                    .is_ok_and(|d| ctx.published.is_some_and(|p| *d <= p))
            };
            let other_meant = if told(&usual) || told(&other) {
                told(&other)
            } else {
                ctx.published.is_some() && !reported(&usual) && reported(&other)
            };
            if other_meant { other } else { usual }
        };
        return calendar(whole.range(), single(date.ok()?), stated);
    }
    let written = [
        ("m1", "d1", "y1", "w1"),
        ("m1", "o1", "y1", "w1"),
        ("m2", "d2", "y2", "w2"),
        ("m2", "o2", "y2", "w2"),
    ]
    .into_iter()
    .find_map(|(m, d, y, w)| Some((caps.name(m)?, caps.name(d)?, caps.name(y), caps.name(w))));
    if let Some((m, d, y, w)) = written {
        if !clean_before(text, whole.start()) || !clean_after(text, whole.end()) {
            return None;
        }
        let month = lookup(MONTHS, m)?;
        let day: i8 = num(d).or_else(|| ordinal_day(d.as_str()))?;
        let stated = stated(w)?;
        let value = match y {
            Some(y) => single(Date::new(num(y)?, month, day).ok()?),
            None => without_year(month, day, ctx.published)?,
        };
        // "on 29 December." ends a sentence: the full stop is no abbreviation's.
        let mut span = whole.range();
        let abbreviated = ABBREVIATED_MONTHS
            .iter()
            .any(|a| m.as_str().eq_ignore_ascii_case(a));
        if y.is_none() && m.end() + 1 == span.end && !abbreviated {
            span.end -= 1;
        }
        return calendar(span, value, stated);
    }
    if let Some(h) = caps.name("hol") {
        let written = h.as_str().replace('’', "'");
        let &(_, month, day) = HOLIDAY_PHRASES.get(&written)?;
        return calendar(
            whole.range(),
            without_year(month, day, ctx.published)?,
            None,
        );
    }
    let value = if let Some(r) = caps.name("rel") {
        let &(_, rel) = RELATIVE_PHRASES.get(r.as_str())?;
        // "an overnight barrage": a kind of attack, not last night.
        if rel == Relative::Overnight
            && r.as_str().eq_ignore_ascii_case("overnight")
            && names_an_attack(&text[r.end()..])
        {
            return None;
        }
        // "a week ago Tuesday" is one day, read at its weekday.
        if rel == Relative::WeekAgo && names_a_weekday(&text[r.end()..]) {
            return None;
        }
        ctx.published.map(|p| resolve(rel, p))
    } else {
        let w = caps.name("w3")?;
        let weekday = lookup_weekday(w.as_str())?;
        let before = previous_word(text, w.start());
        let any_such_day = before.eq_ignore_ascii_case("a") && {
            let after = text[w.end()..].trim_start();
            let next = &after[..after
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(after.len())];
            !DAY_OF_AFTER_A.iter().any(|n| next.eq_ignore_ascii_case(n))
        };
        if any_such_day
            || NOT_LATEST_BEFORE
                .iter()
                .any(|n| before.eq_ignore_ascii_case(n))
        {
            return None;
        }
        // "last Tuesday" written on a Tuesday means a week ago, not today.
        let strictly_before = i64::from(before.eq_ignore_ascii_case("last"));
        // "a week ago Tuesday": the Tuesday of the week before.
        let week_before = ends_with_ignore_ascii_case(text[..w.start()].trim_end(), "a week ago");
        ctx.published.map(|p| {
            let back =
                (i64::from(weekday.until(p.weekday())) + 6 * strictly_before) % 7 + strictly_before;
            let back = back + 7 * i64::from(week_before);
            p.checked_sub(back.days()).ok().map(single)
        })
    };
    let value = match value {
        Some(resolved) => resolved?,
        None => DateValue::NeedsPublication,
    };
    let stated_weekday = caps.name("w3").and_then(|w| {
        Some(Mention {
            span: w.range(),
            value: lookup_weekday(w.as_str())?,
        })
    });
    Some(Mention {
        span: whole.range(),
        value: DateMention {
            value,
            relative: true,
            stated_weekday,
            stamp: false,
        },
    })
}

/// Month names written short, which a full stop may follow as part of the date.
const ABBREVIATED_MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// The day a month and day written without a year ("December 30", "Christmas
/// Day") mean: in the year that puts it nearest the publication date, or to be
/// resolved once there is one. A day no year has ("Feb. 30") is none.
fn without_year(month: i8, day: i8, published: Option<Date>) -> Option<DateValue> {
    match published {
        Some(published) => Some(single(infer_year(month, day, published)?)),
        None => {
            // 2000 is a leap year, so Feb. 29 passes.
            Date::new(2000, month, day).ok()?;
            Some(DateValue::NeedsPublication)
        }
    }
}

fn single(date: Date) -> DateValue {
    DateValue::Resolved {
        first: date,
        last: date,
    }
}

fn range(first: Date, last: Date) -> DateValue {
    DateValue::Resolved { first, last }
}

/// The days `first..=last`, if there are any.
fn nonempty(first: Date, last: Date) -> Option<DateValue> {
    (first <= last).then(|| range(first, last))
}

/// The days a relative expression means when published on `p`.
fn resolve(rel: Relative, p: Date) -> Option<DateValue> {
    let monday = p
        .checked_sub(i64::from(p.weekday().to_monday_zero_offset()).days())
        .ok()?;
    Some(match rel {
        Relative::Today => single(p),
        Relative::Yesterday => single(p.yesterday().ok()?),
        Relative::Overnight => range(p.yesterday().ok()?, p),
        Relative::LastWeek => range(monday.checked_sub(7.days()).ok()?, monday.yesterday().ok()?),
        Relative::PastWeek => range(p.checked_sub(7.days()).ok()?, p),
        Relative::ThisWeek => range(monday, monday.checked_add(6.days()).ok()?),
        Relative::WeekAgoToday => single(p.checked_sub(7.days()).ok()?),
        Relative::WeekAgo => range(p.checked_sub(8.days()).ok()?, p.checked_sub(6.days()).ok()?),
        Relative::DayBeforeYesterday => single(p.checked_sub(2.days()).ok()?),
        Relative::FortnightAgo => range(
            p.checked_sub(15.days()).ok()?,
            p.checked_sub(13.days()).ok()?,
        ),
        Relative::LastMonth => {
            let last = p.first_of_month().yesterday().ok()?;
            range(last.first_of_month(), last)
        }
        Relative::LateLastMonth => {
            let last = p.first_of_month().yesterday().ok()?;
            range(last.with().day(21).build().ok()?, last)
        }
        Relative::EarlyLastMonth => {
            let first = p.first_of_month().yesterday().ok()?.first_of_month();
            range(first, first.with().day(10).build().ok()?)
        }
        // Nothing came earlier on the 1st, or earlier in the week on a Monday.
        Relative::EarlierThisMonth => nonempty(p.first_of_month(), p.yesterday().ok()?)?,
        Relative::EarlyThisMonth => {
            range(p.first_of_month(), p.min(p.with().day(10).build().ok()?))
        }
        Relative::ThisMonth => range(p.first_of_month(), p),
        Relative::EarlierThisWeek => nonempty(monday, p.yesterday().ok()?)?,
    })
}

/// The year that puts month/day closest to publication, at most about two months after it:
/// "December 30" published 2024-01-05 is 2023-12-30.
fn infer_year(month: i8, day: i8, published: Date) -> Option<Date> {
    const MAX_AHEAD_DAYS: i64 = 62;
    let y = published.year();
    [y.checked_sub(1), Some(y), y.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(|year| Date::new(year, month, day).ok())
        .map(|d| (d, d.duration_since(published).as_hours() / 24))
        .filter(|&(_, ahead)| ahead <= MAX_AHEAD_DAYS)
        .min_by_key(|&(_, ahead)| ahead.abs())
        .map(|(d, _)| d)
}

/// The day an ordinal word names: "third" 3, "twenty-first" 21.
fn ordinal_day(word: &str) -> Option<i8> {
    let word = word.to_ascii_lowercase();
    match word.as_str() {
        "twentieth" => return Some(20),
        "thirtieth" => return Some(30),
        _ => {}
    }
    let (tens, unit) = match (word.strip_prefix("twenty"), word.strip_prefix("thirty")) {
        (Some(unit), _) => (20, unit),
        (_, Some(unit)) => (30, unit),
        _ => (0, word.as_str()),
    };
    let unit = unit.trim_start_matches(|c: char| c == '-' || c.is_ascii_whitespace());
    let ones = ORDINAL_DAYS.iter().position(|o| *o == unit)? + 1;
    i8::try_from(tens + ones).ok()
}

fn num<T: std::str::FromStr>(m: Group) -> Option<T> {
    m.as_str().parse().ok()
}

/// Whether a lower-case "may" or "sun" is the ordinary word, not the calendar one.
fn needs_capital(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && NEEDS_CAPITAL.iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn lookup(table: &[(&str, i8)], m: Group) -> Option<i8> {
    if needs_capital(m.as_str()) {
        return None;
    }
    table
        .iter()
        .find(|(name, _)| m.as_str().eq_ignore_ascii_case(name))
        .map(|&(_, v)| v)
}

/// The weekday `word` names, unless it is an ordinary word ("sun", "wed").
fn lookup_weekday(word: &str) -> Option<Weekday> {
    if needs_capital(word) {
        return None;
    }
    weekday_named(word)
}

/// The weekday `word` names, in full or abbreviated, in any case ("Tue",
/// "sat"): where a word can only be a weekday, as before a stamp's date.
pub(crate) fn weekday_named(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _, _)| word.eq_ignore_ascii_case(name))
        .map(|&(_, w, _)| w)
}

/// Whether `after` opens with a weekday's full name ("a week ago Tuesday").
fn names_a_weekday(after: &str) -> bool {
    let after = after.trim_start();
    let word = &after[..after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len())];
    word.len() > 5 && weekday_named(word).is_some()
}

/// Not the tail of a longer numeric token ("1-06-01-2024", "v2.2024-01-01").
fn clean_before(text: &str, start: usize) -> bool {
    let mut back = text[..start].chars().rev();
    match back.next() {
        Some('-' | '/' | '.' | ':' | ',') => !back.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !c.is_alphanumeric(),
        None => true,
    }
}

/// Not followed by more digits or a time ("December 300", "May 10:30").
fn clean_after(text: &str, end: usize) -> bool {
    let mut fwd = text[end..].chars();
    match fwd.next() {
        Some(':' | '/' | '-' | '.' | ',') => !fwd.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !c.is_alphanumeric(),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ambiguous_numeric_date_is_read_on_or_before_publication() {
        let on = |published: Date, text: &str| {
            let context = DateContext {
                published: Some(published),
                numeric_order: NumericOrder::MonthFirst,
            };
            match &dates(text, &context)[0].value.value {
                DateValue::Resolved { first, .. } => *first,
                other => panic!("{other:?}"),
            }
        };
        let published = jiff::civil::date(2024, 1, 5);
        // 1 February is after publication, 2 January is not.
        assert_eq!(
            on(published, "The strikes of 2/1/2024 killed five."),
            jiff::civil::date(2024, 1, 2)
        );
        // Both readings are before it: the article's order decides.
        assert_eq!(
            on(jiff::civil::date(2024, 3, 1), "On 2/1/2024 it began."),
            jiff::civil::date(2024, 2, 1)
        );
        // A weekday still wins: 1 February 2024 was a Thursday.
        assert_eq!(
            on(published, "Thursday 2/1/2024"),
            jiff::civil::date(2024, 2, 1)
        );
    }

    #[test]
    fn a_date_after_a_word_of_reporting_says_when_it_was_said() {
        let reporting = |text: &str| is_reporting_date(text, text.find("DATE").expect("marked"));
        for text in [
            "Officials said on DATE",
            "officials said DATE",
            "the governor said late on DATE",
            "Kirby told reporters on DATE",
            "Kirby told reporters DATE",
            "in a statement early DATE",
            "the ministry announced on DATE",
        ] {
            assert!(reporting(text), "{text}");
        }
        for text in [
            "The attack on DATE",
            "Officials said the attack on DATE",
            "DATE",
            "five people were killed on DATE",
            "the strike on Belgorod on DATE",
        ] {
            assert!(!reporting(text), "{text}");
        }
    }
    use jiff::civil::date;

    /// A phrase spaced otherwise than one space between words would never be
    /// found: building the tables refuses it.
    #[test]
    fn phrase_tables_build() {
        LazyLock::force(&RELATIVE_PHRASES);
        LazyLock::force(&HOLIDAY_PHRASES);
    }

    /// Each date expression's start, whole span and named groups' spans.
    type Expressions = Vec<(
        usize,
        Option<Range<usize>>,
        Vec<(&'static str, Option<Range<usize>>)>,
    )>;

    /// Every date expression's groups in `text`, read off or resolved, as
    /// `date_parts` gives them and as the engine resolves them searching from
    /// where the expression is found; and the forms met.
    fn parts_and_groups(text: &str) -> (Expressions, Expressions, Vec<usize>) {
        let (mut ours, mut theirs, mut forms) = (Vec::new(), Vec::new(), Vec::new());
        let mut at = 0;
        while let Some(parts) = date_parts(text, at) {
            let resolved = matcher::captures_at(&DATE, text, at).unwrap();
            let (form, _) = matcher::find_pattern_at(&DATE, text, at).unwrap();
            forms.push(form);
            let whole = parts.whole().unwrap();
            ours.push((
                at,
                Some(whole.range()),
                matcher::named_spans(&DATE, form, |name| parts.name(name)),
            ));
            theirs.push((
                at,
                resolved.get(0).map(|g| g.range()),
                matcher::named_spans(&DATE, form, |name| resolved.name(name)),
            ));
            at = whole.end();
        }
        (ours, theirs, forms)
    }

    #[test]
    fn groups_read_off_are_the_groups_resolved() {
        let text = "On Tuesday, Dec. 30, 2023, and 2023-12-30 (12/30/2023), \
                    then yesterday, on Christmas Day and New Year’s Eve, last week, \
                    Friday, 4 January and 4 January 2024, and thursday; \
                    Sat. May 1st,2020 and Sun 2nd of JUNE, 1999 on Sept 3rd \
                    12 Dec.\t2021 Mon.,Jan 5 4TH of\u{a0}March fri, 5 jan 20244";
        let (ours, theirs, forms) = parts_and_groups(text);
        assert_eq!(ours, theirs);
        for form in ONE_GROUP_FORMS
            .map(|(form, _)| form)
            .into_iter()
            .chain(WRITTEN_FORMS.map(|(form, ..)| form))
        {
            assert!(forms.contains(&form), "form {form} not met: {forms:?}");
        }
    }

    /// The shortcut is taken for the common ways of writing a date.
    #[test]
    fn common_written_dates_are_read_off() {
        let texts = [
            "Dec. 30, 2023",
            "Tuesday, Dec. 30",
            "Sept 3rd",
            "4 January 2024",
            "2nd of JUNE, 1999",
            "30 Dec.",
        ];
        for text in texts {
            let (form, found) = matcher::find_pattern_at(&DATE, text, 0).unwrap();
            let (_, month_first, names) = WRITTEN_FORMS.iter().find(|(f, ..)| *f == form).unwrap();
            assert!(
                read_written(*month_first, *names, found).is_some(),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_written_date_read_off_is_resolved_alike(
            text in "((Mon|tues|Sunday|Sat|Dec|may|SEPT|Sept|January|of|st|TH|the|x|_|[0-9]{1,5})[., \t\u{b}\u{a0}]{0,3}){0,8}"
        ) {
            let (ours, theirs, _) = parts_and_groups(&text);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    fn ctx(published: Option<Date>) -> DateContext {
        DateContext {
            published,
            numeric_order: NumericOrder::MonthFirst,
        }
    }

    /// (span text, "first..last" or "first" or "?").
    fn found(text: &str, published: Option<Date>) -> Vec<(&str, String)> {
        dates(text, &ctx(published))
            .into_iter()
            .map(|m| {
                let v = match m.value.value {
                    DateValue::Resolved { first, last } if first == last => first.to_string(),
                    DateValue::Resolved { first, last } => format!("{first}..{last}"),
                    DateValue::NeedsPublication => "?".into(),
                };
                (&text[m.span], v)
            })
            .collect()
    }

    const PUB: Option<Date> = Some(date(2024, 1, 5));

    #[test]
    fn calendar_forms() {
        assert_eq!(
            found("on December 30, which", PUB),
            [("December 30", "2023-12-30".into())]
        );
        assert_eq!(
            found("on Dec. 30 and", PUB),
            [("Dec. 30", "2023-12-30".into())]
        );
        assert_eq!(
            found("on Jan. 2, Kirby said", PUB),
            [("Jan. 2", "2024-01-02".into())]
        );
        assert_eq!(
            found("30 December 2023", None),
            [("30 December 2023", "2023-12-30".into())]
        );
        assert_eq!(found("the 30th of December", PUB)[0].0, "30th of December");
        assert_eq!(
            found("Wednesday, the 2nd of January", PUB),
            [("Wednesday, the 2nd of January", "2024-01-02".into())]
        );
        let written = dates("Wednesday, the 2nd of January", &ctx(PUB));
        assert_eq!(
            written[0].value.stated_weekday.as_ref().map(|w| w.value),
            Some(Weekday::Wednesday)
        );
        assert_eq!(
            found("on the third of January,", PUB)[0],
            ("third of January", "2024-01-03".to_string())
        );
        assert_eq!(
            found("the Thirty-First of December", PUB)[0].0,
            "Thirty-First of December"
        );
        // After the month, as a newsreader's script writes it.
        assert_eq!(
            found("fired on December thirty-first and", PUB)[0],
            ("December thirty-first", "2023-12-31".to_string())
        );
        assert_eq!(
            found("Tuesday, January the second, 2024", None)[0],
            (
                "Tuesday, January the second, 2024",
                "2024-01-02".to_string()
            )
        );
        assert!(
            found("in December firstly", PUB)
                .iter()
                .all(|f| f.0 == "December")
        );
        // A word ordinal needs "of": "the second January attack" is no date.
        assert!(
            found("the second January attack", PUB)
                .iter()
                .all(|f| f.0 == "January")
        );
        assert_eq!(
            found("January 05, 2024.", None)[0],
            ("January 05, 2024", "2024-01-05".into())
        );
        assert_eq!(found("Sept. 5", PUB)[0].1, "2023-09-05");
        assert_eq!(found("2024-01-02", None)[0].1, "2024-01-02");
        assert_eq!(
            found("06-01-2024 01:10", None)[0],
            ("06-01-2024", "2024-06-01".into())
        );
        assert_eq!(found("13/01/2024", None)[0].1, "2024-01-13");
        assert_eq!(found("06.01.2024", None)[0].1, "2024-01-06");
        // A full stop after a month written in full ends the sentence; after
        // an abbreviation it is the abbreviation's.
        assert_eq!(found("fired on 29 December.", PUB)[0].0, "29 December");
        assert_eq!(found("fired on 2 May.", PUB)[0].0, "2 May");
        assert_eq!(found("fired on 30 Dec.", PUB)[0].0, "30 Dec.");
        // Holidays, with either apostrophe; the year as for "January 1".
        assert_eq!(
            found("in the raid on New Year’s Day that hit Kyiv", PUB),
            [("New Year’s Day", "2024-01-01".into())]
        );
        assert_eq!(found("on Christmas Day,", PUB)[0].1, "2023-12-25");
        assert_eq!(found("New Year's Eve", None)[0].1, "?");
        // Published Saturday 6 January 2024.
        let saturday = Some(date(2024, 1, 6));
        assert_eq!(
            found("fired a week ago today, he said", saturday)[0],
            ("a week ago today", "2023-12-30".to_string())
        );
        assert_eq!(
            found("fired a week ago", saturday)[0].1,
            "2023-12-29..2023-12-31"
        );
        assert_eq!(
            found("the day before yesterday", saturday)[0].1,
            "2024-01-04"
        );
        assert_eq!(
            found("a fortnight ago", saturday)[0].1,
            "2023-12-22..2023-12-24"
        );
    }

    #[test]
    fn numeric_order_from_context() {
        let day_first = DateContext {
            published: None,
            numeric_order: NumericOrder::DayFirst,
        };
        let d = dates("06-01-2024", &day_first);
        assert_eq!(d[0].value.value, single(date(2024, 1, 6)));
    }

    #[test]
    fn a_weekday_tells_the_order_of_an_ambiguous_numeric_date() {
        let day_first = DateContext {
            published: None,
            numeric_order: NumericOrder::DayFirst,
        };
        let month_first = ctx(None);
        // Only 2 January is a Tuesday, only 1 February a Thursday. Where
        // neither reading fits, or both, the article's order stands; dots are
        // day first whatever the weekday says (and a two-digit year is this
        // century's).
        for (text, order, (m, d)) in [
            ("Tuesday 02/01/2024", &month_first, (1, 2)),
            ("Thursday 02/01/2024", &day_first, (2, 1)),
            ("Monday 02/01/2024", &month_first, (2, 1)),
            ("Monday 02/01/2024", &day_first, (1, 2)),
            ("Monday 01/01/2024", &day_first, (1, 1)),
            ("Thursday 02.01.2024", &month_first, (1, 2)),
            ("Tuesday 03.01.24", &month_first, (1, 3)),
            ("on 1/2/24,", &month_first, (1, 2)),
        ] {
            assert_eq!(
                dates(text, order)[0].value.value,
                single(date(2024, m, d)),
                "{text}"
            );
        }
        let with_weekday = &dates("On Tues., 2024-01-03, it rained.", &ctx(None))[0];
        let stated = with_weekday.value.stated_weekday.as_ref().expect("weekday");
        assert_eq!(stated.value, Weekday::Tuesday);
    }

    #[test]
    fn a_date_with_a_clock_time_or_a_label_is_a_stamp() {
        let stamp = |text: &str| dates(text, &ctx(PUB))[0].value.stamp;
        assert!(stamp("Fri, 05 Jan 2024 06:45:00 GMT"));
        assert!(stamp("Updated Fri 5 Jan 2024 · 08:12"));
        assert!(stamp("Fetched: 2024-01-05 07:00 UTC | 7 items"));
        assert!(stamp("Last updated: Jan. 5, 2024"));
        assert!(stamp(
            "The Morning Wire · Friday, Jan. 5, 2024 · Your briefing"
        ));
        assert!(stamp("By Anna Lee | Jan 5, 2024 | 4 min read"));
        assert!(stamp("Broadcast Monday, January 8, 2024"));
        assert!(stamp(
            "*Transcript for Friday, January 5, 2024. Produced with software.*"
        ));
        assert!(!stamp(
            "The briefing was broadcast live, and on January 4, 2024 Kirby spoke"
        ));
        // A table's cell is no stamp.
        assert!(!stamp(
            "| 030430ZJAN24 | 3 Jan 2024 | Mass strike on Kyiv |"
        ));
        assert!(!stamp("the briefing · on Jan. 4, Kirby said"));
        assert!(stamp("WASHINGTON, Jan. 4 (Yonhap) -- North Korea has"));
        assert!(stamp("KYIV, Jan 4 (Reuters) - Russia fired"));
        assert!(!stamp("Officials said on Jan. 4 (Thursday) - in Kyiv"));
        assert!(!stamp("fired on Jan. 2 at 06:45, Kirby said"));
        assert!(!stamp("fired on Jan. 2, 2024, 9 people died"));
        assert!(!stamp("yesterday 06:45"));
    }

    #[test]
    fn a_weekday_in_parentheses_after_a_date_is_its_weekday() {
        fn stated(text: &str) -> Option<(Weekday, &str)> {
            dates(text, &ctx(PUB))[0]
                .value
                .stated_weekday
                .as_ref()
                .map(|w| (w.value, &text[w.span.clone()]))
        }
        assert_eq!(
            stated("fired on Dec 30 (Fri) in"),
            Some((Weekday::Friday, "Fri"))
        );
        assert_eq!(
            stated("Jan 5, 2024 (Thu.) - 10:42"),
            Some((Weekday::Thursday, "Thu"))
        );
        assert_eq!(
            stated("2024-01-02 (Tuesday)"),
            Some((Weekday::Tuesday, "Tuesday"))
        );
        assert_eq!(stated("on Dec 30 (the first)"), None);
        // The weekday is the date's, not a day of its own.
        assert_eq!(
            dates("DEC. 30, 2023 (SATURDAY) - fired", &ctx(PUB)).len(),
            1
        );
        assert_eq!(
            stated("during the Monday (2 January) bombardment"),
            Some((Weekday::Monday, "Monday"))
        );
        assert_eq!(
            dates("the Monday (2 January) bombardment", &ctx(PUB)).len(),
            1
        );
        assert_eq!(stated("the talks (2 January) in"), None);
    }

    #[test]
    fn stated_weekday_is_kept_apart_from_the_date() {
        let text = "Kharkiv, Ukraine, Wednesday, Jan. 2, 2024. (AP Photo)";
        let d = &dates(text, &ctx(None))[0];
        assert_eq!(&text[d.span.clone()], "Wednesday, Jan. 2, 2024");
        assert_eq!(d.value.value, single(date(2024, 1, 2)));
        let w = d.value.stated_weekday.as_ref().expect("weekday");
        assert_eq!(&text[w.span.clone()], "Wednesday");
        assert_eq!(w.value, Weekday::Wednesday);
        assert!(!d.value.relative);
    }

    #[test]
    fn bare_weekdays_are_the_latest_on_or_before_publication() {
        let p = Some(date(2024, 1, 4)); // a Thursday
        assert_eq!(
            found("on Tuesday as part", p),
            [("Tuesday", "2024-01-02".into())]
        );
        assert_eq!(found("said Thursday.", p)[0].1, "2024-01-04");
        assert_eq!(found("late Friday", p)[0].1, "2023-12-29");
        assert_eq!(
            found("Thursday's press briefing", p)[0],
            ("Thursday", "2024-01-04".into())
        );
        assert_eq!(found("on Tuesday", None)[0].1, "?");
        assert!(found("Good Friday", p).is_empty());
        assert!(found("every Friday", p).is_empty());
        assert!(
            found("on Dec 30th, a Saturday", p)
                .iter()
                .all(|f| f.0 != "Saturday")
        );
        assert!(found("on a Monday", p).is_empty());
        assert_eq!(found("at a Wednesday briefing", p)[0].0, "Wednesday");
        assert!(found("talks next Tuesday", p).is_empty());
        assert_eq!(found("last Tuesday", p)[0].1, "2024-01-02");
        assert_eq!(found("last Thursday", p)[0].1, "2023-12-28");
        assert_eq!(found("on Thursday", p)[0].1, "2024-01-04");
        assert!(found("on Tuesdays", p).is_empty());
    }

    #[test]
    fn relative_expressions() {
        let p = Some(date(2024, 1, 5)); // a Friday
        assert_eq!(found("yesterday", p)[0].1, "2024-01-04");
        assert_eq!(found("today", p)[0].1, "2024-01-05");
        assert_eq!(found("drones overnight", p)[0].1, "2024-01-04..2024-01-05");
        assert!(found("during an overnight barrage", p).is_empty());
        assert!(found("launched overnight strikes on Kyiv", p).is_empty());
        assert!(found("part of its overnight aerial attack on Kyiv", p).is_empty());
        // "a week ago Tuesday": one day, the Tuesday of the week before.
        let wednesday = Some(date(2024, 1, 10));
        assert_eq!(
            found("more were used a week ago Tuesday in a barrage", wednesday),
            [("Tuesday", "2024-01-02".to_string())]
        );
        assert_eq!(found("a week ago, on Monday", wednesday).len(), 2);
        assert!(found("overnight drone and missile strikes", p).is_empty());
        assert_eq!(
            found("Russia attacked overnight and again on Kyiv", p).len(),
            1
        );
        assert_eq!(found("shot down overnight, air defence said", p).len(), 1);
        assert_eq!(found("last week", p)[0].1, "2023-12-25..2023-12-31");
        assert_eq!(
            found("attacks within the past week, Kirby", p)[0],
            ("within the past week", "2023-12-29..2024-01-05".into())
        );
        assert_eq!(found("last month", p)[0].1, "2023-12-01..2023-12-31");
        assert_eq!(found("yesterday", None)[0].1, "?");
    }

    #[test]
    fn parts_of_months_and_weeks() {
        let p = Some(date(2024, 1, 15)); // a Monday
        assert_eq!(
            found("fired late last month", p)[0].1,
            "2023-12-21..2023-12-31"
        );
        assert_eq!(found("early last month", p)[0].1, "2023-12-01..2023-12-10");
        assert_eq!(
            found("fired earlier this month", p)[0].1,
            "2024-01-01..2024-01-14"
        );
        assert_eq!(found("early this month", p)[0].1, "2024-01-01..2024-01-10");
        assert_eq!(found("this month", p)[0].1, "2024-01-01..2024-01-15");
        assert_eq!(found("two weeks ago", p)[0].1, "2023-12-31..2024-01-02");
        // On a Monday nothing came earlier in the week: "this week" is read.
        assert_eq!(found("earlier this week", p)[0].1, "2024-01-15..2024-01-21");
        assert_eq!(
            found("earlier this week", Some(date(2024, 1, 5)))[0].1,
            "2024-01-01..2024-01-04"
        );
    }

    #[test]
    fn year_less_dates_need_publication() {
        assert_eq!(found("December 30", None), [("December 30", "?".into())]);
        assert!(found("Feb. 30", None).is_empty());
        assert!(found("Feb. 30", PUB).is_empty());
        assert_eq!(found("Feb. 29", None)[0].1, "?");
    }

    #[test]
    fn not_dates() {
        assert!(found("Russia may attack", PUB).is_empty());
        assert!(found("Russia may 5 times", PUB).is_empty());
        assert!(found("in September to meet", PUB).is_empty());
        assert!(found("in May", PUB).is_empty());
        assert!(found("01:10 12 Views", PUB).is_empty());
        assert!(found("20240104130140-6596fbc4ab0e128c0986ac9fjpeg", PUB).is_empty());
        assert!(found("December 300", PUB).is_empty());
        assert!(found("the Sun newspaper", PUB).is_empty());
    }

    #[test]
    fn year_inference() {
        let p = date(2024, 1, 5);
        assert_eq!(infer_year(12, 30, p), Some(date(2023, 12, 30)));
        assert_eq!(infer_year(1, 2, p), Some(date(2024, 1, 2)));
        assert_eq!(infer_year(2, 20, p), Some(date(2024, 2, 20)));
        assert_eq!(infer_year(6, 1, p), Some(date(2023, 6, 1)));
        assert_eq!(weekday_name(Weekday::Tuesday), "Tuesday");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "",
            "é",
            "Dec.",
            "2024-",
            "Tuesday,",
            "31/31/2024",
            "9999-12-31",
            "Dec 31 9999",
        ] {
            let _ = dates(t, &ctx(Some(date(9999, 12, 31))));
            let _ = dates(t, &ctx(Some(date(-9999, 1, 1))));
        }
    }
}
