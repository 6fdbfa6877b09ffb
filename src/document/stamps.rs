//! Entry stamps: the date and clock time that open each entry of a chat
//! export, a live blog or an e-mail chain ("[02/01/2024, 07:48:22] Kyiv
//! Desk: …", "2 Jan 2024 07:48 — …", "On Tue, 2 Jan 2024 at 07:48, Jo
//! wrote:"). An entry's "this morning" and "on Tuesday" are of its own day,
//! not of the day the whole was published or exported.

use crate::values::date::{DateContext, DateValue, dates, opens_with_clock, weekday_named};
use jiff::civil::Date;

/// How many lines must open with a stamp before they are read as entries: a
/// single stamp at the top is the article's own ("Published 5 Jan 2024,
/// 10:30"), which the publication date already gives.
const MIN_ENTRIES: usize = 2;

/// How far into a line its stamp's clock time may end ("[02/01/2024,
/// 07:48:22]" is 22 bytes; "On Tuesday, 2 January 2024 at 07:48" is 35).
const HEAD: usize = 48;

/// The days the entries of `text` start on, in order: where each entry's
/// line starts, and its day (read with `ctx`, the article's own context).
/// Empty unless at least [`MIN_ENTRIES`] lines open with a stamp.
pub fn entry_days(text: &str, ctx: &DateContext) -> Vec<(usize, Date)> {
    let mut days = Vec::new();
    let mut stamps: Vec<&str> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        // An entry is not dated after the article that holds it: such a
        // "stamp" is read wrong, or is not one.
        if let Some((day, stamp)) = stamp_day(line, ctx)
            && ctx.published.is_none_or(|published| day <= published)
        {
            days.push((line_start, day));
            stamps.push(stamp);
        }
        line_start += line.len();
    }
    // A masthead's stamp scraped twice ("Latest News 06-01-2024 01:10")
    // opens no entries: entries have stamps of their own.
    stamps.sort_unstable();
    stamps.dedup();
    if stamps.len() < MIN_ENTRIES {
        days.clear();
    }
    days
}

/// Words a stamp may follow at the start of its line, besides a weekday the
/// date does not take in: an e-mail's "On … wrote:" and its headers.
const LEADS: &[&str] = &["on", "date", "sent"];

/// The day of the stamp `line` opens with, and the stamp as written, if it
/// opens with one: a full date (day, month and year) at its start, after at
/// most a bracket and a word or two of [`LEADS`] or weekdays ("On Tue,", "Date:"), and a
/// clock time right after it.
fn stamp_day<'a>(line: &'a str, ctx: &DateContext) -> Option<(Date, &'a str)> {
    let mut head_len = line.len().min(HEAD);
    while !line.is_char_boundary(head_len) {
        head_len -= 1;
    }
    let head = &line[..head_len];
    // Most lines have no clock time near their start: nothing to parse.
    if !head.as_bytes().windows(3).any(is_clock) {
        return None;
    }
    let mention = dates(head, ctx).into_iter().next()?;
    let lead = head[..mention.span.start].trim_start_matches([' ', '\t', '[', '(']);
    let lead_is_label = lead
        .split([' ', ',', ':', '.'])
        .filter(|word| !word.is_empty())
        .all(|word| {
            LEADS.iter().any(|lead| word.eq_ignore_ascii_case(lead))
                || weekday_named(word).is_some()
        });
    let written = &head[mention.span.clone()];
    let has_year = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| !digits.is_empty())
        .count()
        >= 2;
    let clock_after = starts_with_clock(&head[mention.span.end..]);
    match mention.value.value {
        DateValue::Resolved { first, last }
            if first == last && lead_is_label && has_year && clock_after =>
        {
            let clock_end = head.find(']').unwrap_or(head.len());
            Some((
                first,
                &head[mention.span.start..clock_end.max(mention.span.end)],
            ))
        }
        _ => None,
    }
}

/// Whether `rest` starts, after a separator, with a clock time ("07:48",
/// ", 7:48", " at 07:48", " · 07:48").
fn starts_with_clock(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t', ',', '·', '|', '-', '—', '–', 'T']);
    opens_with_clock(rest.strip_prefix("at ").unwrap_or(rest))
}

/// Whether three bytes are a digit, a colon and a digit: the middle of "07:48".
fn is_clock(w: &[u8]) -> bool {
    w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::date::NumericOrder;
    use jiff::civil::date;

    fn days(text: &str) -> Vec<(usize, Date)> {
        let ctx = DateContext {
            published: Some(date(2024, 1, 5)),
            numeric_order: NumericOrder::MonthFirst,
        };
        entry_days(text, &ctx)
    }

    #[test]
    fn chat_live_blog_and_mail_entries_are_dated_by_their_stamps() {
        let chat = "[31/12/2023, 09:15:03] Desk: <Media omitted>\n[02/01/2024, 07:48:22] Desk: Strike this morning.\n  Stay in shelters.\n";
        let at = |text: &str, line: &str| text.find(line).expect("the line");
        assert_eq!(
            days(chat),
            [
                (0, date(2023, 12, 31)),
                (at(chat, "[02/01"), date(2024, 1, 2))
            ]
        );
        let blog = "2 Jan 2024 07:48 — Explosions this morning.\n\n3 Jan 2024, 09:10 — Yesterday's toll rose.\n";
        assert_eq!(
            days(blog),
            [(0, date(2024, 1, 2)), (at(blog, "3 Jan"), date(2024, 1, 3))]
        );
        let mail = "On Tue, 2 Jan 2024 at 07:48, Jo wrote:\n> Strikes today.\nOn Wed, Jan 3, 2024 at 9:10 AM, Al wrote:\n";
        assert_eq!(
            days(mail),
            [
                (0, date(2024, 1, 2)),
                (at(mail, "On Wed"), date(2024, 1, 3))
            ]
        );
    }

    #[test]
    fn one_stamp_or_dates_in_prose_are_not_entries() {
        // The article's own stamp: the publication date already says it.
        assert!(days("Published 4 Jan 2024, 10:30\n\nKirby spoke on Thursday.\n").is_empty());
        // A date without a year, and a date inside a sentence, open no entry.
        assert!(days("Jan. 2 at 06:45: sirens.\nJan. 3 at 07:00: more sirens.\n").is_empty());
        assert!(
            days("Russia fired on 2 Jan 2024 at 06:45.\nKyiv said on 3 Jan 2024 at 07:00 that it was hit.\n")
                .is_empty()
        );
        // A clock time alone is no date.
        assert!(days("07:48 Sirens.\n09:10 All clear.\n").is_empty());
        // A masthead's stamp, scraped twice, and a label before it.
        assert!(
            days("Latest News 04-01-2024 01:10 12 Views\nLatest News 04-01-2024 01:10 12 Views\n")
                .is_empty()
        );
        assert!(days("04/01/2024, 01:10 Views\n04/01/2024, 01:10 Views\n").is_empty());
        // Stamps after the article's publication (5 January) are not its entries'.
        assert!(days("[06/01/2024, 07:48] a\n[07/01/2024, 07:48] b\n").is_empty());
    }
}
