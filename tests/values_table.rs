//! Real-world forms as the wire services write them (AP, Reuters, AFP, BBC, Guardian),
//! one row each: sentence, publication date, expected normalised value, expected span.
//! A row with an empty span must extract nothing of its kind.

use factlint::values::Interval;
use factlint::values::date::{DateContext, DateValue, NumericOrder, dates, weekday_name};
use factlint::values::number::numbers;
use factlint::values::quantity::{Dimension, conversions, quantities};
use jiff::civil::Date;
use proptest::prelude::*;

#[derive(Clone, Copy, Debug)]
enum Kind {
    Date,
    Number,
    Quantity,
    Conversion,
}
use Kind::*;

/// (kind, sentence, published ("" none; " dmy" suffix for day-first), value, span).
type Row = (Kind, &'static str, &'static str, &'static str, &'static str);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // --- Dates: the seed articles ---
    (Date, "Russia had launched at least one of the North Korean-supplied missiles on December 30, which landed in an open field", "2024-01-05", "2023-12-30", "December 30"),
    (Date, "Russian forces fired at least one of those ballistic missiles into Ukraine on Dec. 30 and it landed", "2024-01-04", "2023-12-30", "Dec. 30"),
    (Date, "as part of a mass aerial attack on January 2, he added.", "2024-01-05", "2024-01-02", "January 2"),
    (Date, "as part of a mass aerial attack on Jan. 2, Kirby said.", "2024-01-05", "2024-01-02", "Jan. 2"),
    (Date, "residential building damaged by a Russian missile strike in Kharkiv, Ukraine, Tuesday, Jan. 2, 2024. (AP Photo/Andrii Marienko)", "2024-01-04", "2024-01-02 stated Tuesday", "Tuesday, Jan. 2, 2024"),
    (Date, "a question during a press briefing at the White House in Washington, U.S., January 3, 2024. REUTERS/Kevin Lamarque", "2024-01-05", "2024-01-03", "January 3, 2024"),
    (Date, "/ 03:07 AM January 05, 2024", "", "2024-01-05", "January 05, 2024"),
    (Date, "Latest News 06-01-2024 01:10 12 Views", "2024-01-06 dmy", "2024-01-06", "06-01-2024"),
    (Date, "The White House laid out the claims late Thursday and also said", "2024-01-05", "2024-01-04", "Thursday"),
    (Date, "Ukraine said Friday it was so far unable to confirm", "2024-01-05", "2024-01-05", "Friday"),
    (Date, "Russia launched multiple North Korean ballistic missiles on Tuesday as part of an attack", "2024-01-04", "2024-01-02", "Tuesday"),
    (Date, "Russia launched hypersonic ballistic missiles at Ukraine's two largest cities on Tuesday morning, leaving", "2024-01-05", "2024-01-02", "Tuesday"),
    (Date, "National Security Council spokesman John Kirby speaks during Thursday's press briefing.", "2024-01-05", "2024-01-04", "Thursday"),
    (Date, "Russia attacked Ukraine with nearly 30 Iranian-designed attack drones overnight, but", "2024-01-05", "2024-01-04..2024-01-05", "overnight"),
    (Date, "were fired by Russia in two attacks on Ukraine within the past week, Kirby said.", "2024-01-05", "2023-12-29..2024-01-05", "within the past week"),
    (Date, "were fired by Russia in two attacks over the past week, National Security Council", "2024-01-05", "2023-12-29..2024-01-05", "over the past week"),
    (Date, "The Wall Street Journal first reported on the tentative sale agreement on Thursday, citing", "2024-01-05", "2024-01-04", "Thursday"),
    (Date, "the White House said Thursday.", "2024-01-04", "2024-01-04", "Thursday"),
    // --- Dates: BBC / Guardian day-month style ---
    (Date, "The missile struck on 30 December 2023, officials said.", "", "2023-12-30", "30 December 2023"),
    (Date, "The first missile hit on 30 December, Kirby said.", "2024-01-05", "2023-12-30", "30 December"),
    (Date, "a mass attack on 2 January 2024 killed", "", "2024-01-02", "2 January 2024"),
    (Date, "since 24 February 2022, when Russia invaded", "", "2022-02-24", "24 February 2022"),
    (Date, "on 7 October, Hamas attacked", "2024-01-05", "2023-10-07", "7 October"),
    (Date, "on 30th December the first launch", "2024-01-05", "2023-12-30", "30th December"),
    (Date, "on the 30th of December the first launch", "2024-01-05", "2023-12-30", "30th of December"),
    (Date, "on 5 Sept the talks began", "2024-01-05", "2023-09-05", "5 Sept"),
    (Date, "Ceasefire from 9 May 2023, it said", "", "2023-05-09", "9 May 2023"),
    (Date, "Tuesday 2 January was the worst day", "2024-01-05", "2024-01-02 stated Tuesday", "Tuesday 2 January"),
    (Date, "On Saturday 30 December 2023 a missile", "", "2023-12-30 stated Saturday", "Saturday 30 December 2023"),
    (Date, "Published 4 Jan 2024", "", "2024-01-04", "4 Jan 2024"),
    // --- Dates: AP / Reuters month-day style ---
    (Date, "the talks resumed Sept. 5 in Geneva", "2024-01-05", "2023-09-05", "Sept. 5"),
    (Date, "the talks resumed Sep 5 in Geneva", "2024-01-05", "2023-09-05", "Sep 5"),
    (Date, "the talks resumed Sep. 5, 2023, in Geneva", "", "2023-09-05", "Sep. 5, 2023"),
    (Date, "on Oct. 7, Hamas attacked", "2024-01-05", "2023-10-07", "Oct. 7"),
    (Date, "on October 7, 2023, Hamas attacked", "", "2023-10-07", "October 7, 2023"),
    (Date, "since Feb. 24, 2022, when Russia invaded", "", "2022-02-24", "Feb. 24, 2022"),
    (Date, "independence on Aug. 24, 1991.", "", "1991-08-24", "Aug. 24, 1991"),
    (Date, "on Nov. 21, the ministry said", "2024-01-05", "2023-11-21", "Nov. 21"),
    (Date, "on Dec 30 the first launch", "2024-01-05", "2023-12-30", "Dec 30"),
    (Date, "on December 30th the first launch", "2024-01-05", "2023-12-30", "December 30th"),
    (Date, "ON DECEMBER 30 THE FIRST LAUNCH", "2024-01-05", "2023-12-30", "DECEMBER 30"),
    (Date, "truce announced May 9 in Moscow", "2024-01-05", "2023-05-09", "May 9"),
    (Date, "agreed on June 1, 2023, in Kyiv", "", "2023-06-01", "June 1, 2023"),
    (Date, "the leap day, Feb. 29, 2024, fell", "", "2024-02-29", "Feb. 29, 2024"),
    (Date, "briefing on Thursday, Jan. 4, at the White House", "2024-01-05", "2024-01-04 stated Thursday", "Thursday, Jan. 4"),
    (Date, "Posted Thu, Jan 4, 2024 by staff", "", "2024-01-04 stated Thursday", "Thu, Jan 4, 2024"),
    (Date, "Sat, Dec 30, 2023 — A missile", "", "2023-12-30 stated Saturday", "Sat, Dec 30, 2023"),
    (Date, "Wednesday, Jan. 2, 2024 (a wrong weekday stays a stated weekday)", "", "2024-01-02 stated Wednesday", "Wednesday, Jan. 2, 2024"),
    (Date, "the Jan. 2, 2024, attack", "", "2024-01-02", "Jan. 2, 2024"),
    // --- Dates: numeric ---
    (Date, "Updated 2024-01-02 10:00 GMT", "", "2024-01-02", "2024-01-02"),
    (Date, "filed 2023/12/30 by the bureau", "", "2023-12-30", "2023/12/30"),
    (Date, "Posted 01/02/2024 at noon", "", "2024-01-02", "01/02/2024"),
    (Date, "Posted 01/02/2024 at noon", " dmy", "2024-02-01", "01/02/2024"),
    (Date, "Posted 13/01/2024 at noon", "", "2024-01-13", "13/01/2024"),
    (Date, "Posted 12/30/2023 at noon", " dmy", "2023-12-30", "12/30/2023"),
    (Date, "Stand: 06.01.2024", "", "2024-01-06", "06.01.2024"),
    // --- Dates: weekdays and relative expressions ---
    (Date, "Kyiv said on Monday it had", "2024-01-05", "2024-01-01", "Monday"),
    (Date, "the attack last Friday", "2024-01-05", "2023-12-29", "Friday"),
    (Date, "a drone barrage on Saturday killed", "2024-01-05", "2023-12-30", "Saturday"),
    (Date, "Sunday's attack on Belgorod", "2024-01-05", "2023-12-31", "Sunday"),
    (Date, "On Wednesday night the sirens", "2024-01-05", "2024-01-03", "Wednesday"),
    (Date, "explosions were heard early Friday in Kyiv", "2024-01-05", "2024-01-05", "Friday"),
    (Date, "the minister said yesterday", "2024-01-05", "2024-01-04", "yesterday"),
    (Date, "Today, the council meets", "2024-01-05", "2024-01-05", "Today"),
    (Date, "the attacks last week were", "2024-01-05", "2023-12-25..2023-12-31", "last week"),
    (Date, "strikes last night on Kharkiv", "2024-01-05", "2024-01-04..2024-01-05", "last night"),
    (Date, "hit in the past week", "2024-01-05", "2023-12-29..2024-01-05", "in the past week"),
    (Date, "deliveries last month included", "2024-01-05", "2023-12-01..2023-12-31", "last month"),
    (Date, "talks this week in Geneva", "2024-01-05", "2024-01-01..2024-01-07", "this week"),
    // --- Dates: without a publication date ---
    (Date, "on December 30, which landed", "", "?", "December 30"),
    (Date, "on Tuesday as part of", "", "? stated Tuesday", "Tuesday"),
    (Date, "drones overnight, but", "", "?", "overnight"),
    (Date, "a mass aerial attack on Jan. 2, 2024, he added", "", "2024-01-02", "Jan. 2, 2024"),
    // --- Dates: must extract nothing ---
    (Date, "Russia may attack again", "2024-01-05", "", ""),
    (Date, "in September to meet and visit key military sites.", "2024-01-05", "", ""),
    (Date, "elections due in May", "2024-01-05", "", ""),
    (Date, "Latest News 01:10 12 Views", "2024-01-05", "", ""),
    (Date, "20240104130140-6596fbc4ab0e128c0986ac9fjpeg", "2024-01-05", "", ""),
    (Date, "a deadline of Feb. 30", "2024-01-05", "", ""),
    (Date, "the Good Friday Agreement", "2024-01-05", "", ""),
    (Date, "markets open on Mondays", "2024-01-05", "", ""),
    (Date, "You will receive it in your mailbox every Friday.", "2024-01-05", "", ""),
    (Date, "talks resume next Tuesday", "2024-01-05", "", ""),
    (Date, "they march 5 km to the front", "2024-01-05", "", ""),
    (Date, "annexed in 2014", "2024-01-05", "", ""),
    (Date, "F-16 jets arrived in December", "2024-01-05", "", ""),
    (Date, "Russia may 10 times over", "2024-01-05", "", ""),
    // --- Numbers: the seed articles ---
    (Number, "Russia attacked Ukraine with nearly 30 Iranian-designed attack drones", "", "[27, 30)", "30"),
    (Number, "but that 21 of them had been downed.", "", "21", "21"),
    (Number, "shooting down 36 drones over the peninsula", "", "36", "36"),
    (Number, "North Korea had delivered more than 1,000 containers of military equipment", "", "(1000, inf)", "1,000"),
    (Number, "leaving at least five people dead and at least 130 injured", "", "[5, inf)", "five"),
    (Number, "leaving at least five people dead and at least 130 injured", "", "[130, inf)", "130"),
    (Number, "As of now, 92 people have been reported injured.", "", "92", "92"),
    (Number, "Unfortunately, four people were killed.", "", "4", "four"),
    (Number, "The death total has since been updated to five.", "", "5", "five"),
    (Number, "nearly two years into its invasion of Ukraine", "", "[1.8, 2)", "two"),
    (Number, "fired by Russia in two attacks", "", "2", "two"),
    (Number, "missiles that can fly at 10 times the speed of sound", "", "10", "10"),
    (Number, "at least one of the North Korean-supplied missiles", "", "[1, inf)", "one"),
    (Number, "please support us monthly starting from just $2.", "", "2", "2"),
    (Number, "annexed in 2014.", "", "2014", "2014"),
    // --- Numbers: words ---
    (Number, "Thirty-six drones were shot down", "", "36", "Thirty-six"),
    (Number, "thirty-six drones", "", "36", "thirty-six"),
    (Number, "twenty-one of them", "", "21", "twenty-one"),
    (Number, "ninety-nine balloons", "", "99", "ninety-nine"),
    (Number, "two hundred soldiers", "", "200", "two hundred"),
    (Number, "one hundred and twenty prisoners", "", "120", "one hundred and twenty"),
    (Number, "three million refugees", "", "3000000", "three million"),
    (Number, "seven drones", "", "7", "seven"),
    (Number, "eleven ships", "", "11", "eleven"),
    (Number, "Fifty tanks", "", "50", "Fifty"),
    (Number, "a dozen missiles", "", "12", "a dozen"),
    (Number, "half a dozen villages", "", "6", "half a dozen"),
    (Number, "more than a dozen missiles", "", "(12, inf)", "a dozen"),
    (Number, "dozens of drones", "", "[24, 100)", "dozens"),
    (Number, "hundreds of civilians", "", "[200, 1000)", "hundreds"),
    (Number, "thousands of troops", "", "[2000, 10000)", "thousands"),
    (Number, "tens of thousands of people", "", "[20000, 100000)", "tens of thousands"),
    (Number, "a thousand drones", "", "1000", "a thousand"),
    // --- Numbers: qualifiers ---
    (Number, "about 30 people", "", "[27, 33]", "30"),
    (Number, "around 900 kilometres", "", "[810, 990]", "900"),
    (Number, "some 2,000 troops", "", "[1800, 2200]", "2,000"),
    (Number, "roughly 40 percent", "", "[36, 44]", "40"),
    (Number, "approximately 500 people", "", "[450, 550]", "500"),
    (Number, "an estimated 10,000 civilians", "", "[9000, 11000]", "10,000"),
    (Number, "almost 20 years", "", "[18, 20)", "20"),
    (Number, "just under 50 drones", "", "[45, 50)", "50"),
    (Number, "close to 100 people", "", "[90, 100)", "100"),
    (Number, "over 200 drones", "", "(200, inf)", "200"),
    (Number, "upwards of 300 prisoners", "", "(300, inf)", "300"),
    (Number, "in excess of 1,000 rounds", "", "(1000, inf)", "1,000"),
    (Number, "no fewer than 12 ships", "", "[12, inf)", "12"),
    (Number, "no less than 8 hours", "", "[8, inf)", "8"),
    (Number, "up to 40 missiles", "", "[0, 40]", "40"),
    (Number, "at most 3 launchers", "", "[0, 3]", "3"),
    (Number, "no more than 10 launchers", "", "[0, 10]", "10"),
    (Number, "less than 5 percent", "", "[0, 5)", "5"),
    (Number, "fewer than 100 troops", "", "[0, 100)", "100"),
    (Number, "children under 18", "", "[0, 18)", "18"),
    (Number, "up to about 50 drones", "", "[45, 55]", "50"),
    (Number, "MORE THAN 1,000 CONTAINERS", "", "(1000, inf)", "1,000"),
    // --- Numbers: digits ---
    (Number, "1.2 million people fled", "", "1200000", "1.2 million"),
    (Number, "3 million shells", "", "3000000", "3 million"),
    (Number, "inflation of 2.5 percent", "", "2.5", "2.5"),
    (Number, "$61 billion in aid", "", "61000000000", "61 billion"),
    (Number, "a $5bn package", "", "5000000000", "5bn"),
    (Number, "10,000 troops", "", "10000", "10,000"),
    (Number, "1,000,000 shells", "", "1000000", "1,000,000"),
    (Number, "200,000 soldiers", "", "200000", "200,000"),
    (Number, "a 30-year-old man", "", "30", "30"),
    (Number, "between 20-30 people", "", "[20, 30]", "20-30"),
    (Number, "(12 Views)", "", "12", "12"),
    (Number, "between 20 and 30 drones", "", "[20, 30]", "20 and 30"),
    (Number, "killing 10 to 15 civilians", "", "[10, 15]", "10 to 15"),
    (Number, "the toll rose from 4 to 5", "", "5", "5"),
    // --- Numbers: must extract nothing ---
    (Number, "the Covid-19 pandemic", "", "", ""),
    (Number, "F-16 jets", "", "", ""),
    (Number, "the G7 summit", "", "", ""),
    (Number, "at 01:10", "", "", ""),
    (Number, "on 06-01-2024", "", "", ""),
    (Number, "20240104130140-6596fbc4ab0e128c0986ac9fjpeg", "", "", ""),
    (Number, "no one was hurt", "", "", ""),
    (Number, "someone said", "", "", ""),
    (Number, "they blamed one another", "", "", ""),
    (Number, "in the 1990s", "", "", ""),
    (Number, "on the 30th", "", "", ""),
    (Number, "a MiG-29 and an Su-34", "", "", ""),
    (Number, "S-400 systems", "", "", ""),
    (Number, "the A4 road", "", "", ""),
    // --- Quantities ---
    (Quantity, "with ranges of around 900 kilometres (550 miles)", "", "[810000, 990000] m", "900 kilometres"),
    (Quantity, "with ranges of around 900 kilometers, were fired", "", "[810000, 990000] m", "900 kilometers"),
    (Quantity, "a range of 900 km", "", "900000 m", "900 km"),
    (Quantity, "a range of 550 miles", "", "885139.2 m", "550 miles"),
    (Quantity, "can fly at 10 times the speed of sound", "", "3430 m/s", "10 times the speed of sound"),
    (Quantity, "flies at Mach 5", "", "1715 m/s", "Mach 5"),
    (Quantity, "a 300-km range", "", "300000 m", "300-km"),
    (Quantity, "about 80km from the border", "", "[72000, 88000] m", "80km"),
    (Quantity, "5,000 square kilometres of land", "", "5000000000 m²", "5,000 square kilometres"),
    (Quantity, "100 sq km of forest", "", "100000000 m²", "100 sq km"),
    (Quantity, "1,000 square miles", "", "2589988110.336 m²", "1,000 square miles"),
    (Quantity, "200 hectares of wheat", "", "2000000 m²", "200 hectares"),
    (Quantity, "50 acres", "", "202342.821 m²", "50 acres"),
    (Quantity, "20 tonnes of explosives", "", "20000 kg", "20 tonnes"),
    (Quantity, "5 tons of cargo", "", "4535.924 kg", "5 tons"),
    (Quantity, "a 100-pound bomb", "", "45.359 kg", "100-pound"),
    (Quantity, "10 kg of TNT", "", "10 kg", "10 kg"),
    (Quantity, "30 knots", "", "15.433 m/s", "30 knots"),
    (Quantity, "60 mph", "", "26.822 m/s", "60 mph"),
    (Quantity, "100 km/h", "", "27.778 m/s", "100 km/h"),
    (Quantity, "900 kilometres per hour", "", "250 m/s", "900 kilometres per hour"),
    (Quantity, "40 feet long", "", "12.192 m", "40 feet"),
    (Quantity, "100 yards away", "", "91.44 m", "100 yards"),
    (Quantity, "200 metres from the school", "", "200 m", "200 metres"),
    (Quantity, "10 nautical miles offshore", "", "18520 m", "10 nautical miles"),
    (Quantity, "1,000 litres of fuel", "", "1 m³", "1,000 litres"),
    (Quantity, "more than 1,000 km", "", "(1000000, inf) m", "1,000 km"),
    (Quantity, "nearly 30 miles", "", "[43452.288, 48280.32) m", "30 miles"),
    (Quantity, "between 20 and 30 km away", "", "[20000, 30000] m", "20 and 30 km"),
    (Quantity, "more than 1,000 containers", "", "", ""),
    (Quantity, "5 mines were cleared", "", "", ""),
    (Quantity, "a $5m contract", "", "", ""),
    (Quantity, "36 drones over Crimea", "", "", ""),
    (Quantity, "Kyiv fell to -18C overnight", "", "255.15 K", "-18C"),
    (Quantity, "a low of −10 °C in Sumy", "", "263.15 K", "−10 °C"),
    (Quantity, "highs of 86 degrees Fahrenheit", "", "303.15 K", "86 degrees Fahrenheit"),
    (Quantity, "Grade 5 C students", "", "", ""),
    // --- Conversions ---
    (Conversion, "ranges of around 900 kilometres (550 miles) were fired", "", "ok", "900 kilometres | 550 miles"),
    (Conversion, "a range of 900 km (560 miles)", "", "ok", "900 km | 560 miles"),
    (Conversion, "a range of 900 km (559 miles)", "", "ok", "900 km | 559 miles"),
    (Conversion, "a range of 900 km (350 miles)", "", "mismatch", "900 km | 350 miles"),
    (Conversion, "a range of 900 km (600 miles)", "", "mismatch", "900 km | 600 miles"),
    (Conversion, "a range of 550 miles (900 kilometers)", "", "ok", "550 miles | 900 kilometers"),
    (Conversion, "about 900 km (about 560 miles)", "", "ok", "900 km | 560 miles"),
    (Conversion, "a range of 900 kilometres, or 560 miles, and", "", "ok", "900 kilometres | 560 miles"),
    (Conversion, "100 km (62 miles) from the front", "", "ok", "100 km | 62 miles"),
    (Conversion, "at 5,000 feet (1,500 metres)", "", "ok", "5,000 feet | 1,500 metres"),
    (Conversion, "30 miles (48 km) south", "", "ok", "30 miles | 48 km"),
    (Conversion, "30 miles (80 km) south", "", "mismatch", "30 miles | 80 km"),
    (Conversion, "20 tonnes (22 tons)", "", "ok", "20 tonnes | 22 tons"),
    (Conversion, "100 mph (160 km/h)", "", "ok", "100 mph | 160 km/h"),
    (Conversion, "1,000 square kilometres (386 square miles)", "", "ok", "1,000 square kilometres | 386 square miles"),
    (Conversion, "1,000 km (1,000 miles)", "", "mismatch", "1,000 km | 1,000 miles"),
    (Conversion, "200 hectares (500 acres)", "", "ok", "200 hectares | 500 acres"),
    (Conversion, "900 km and 550 miles", "", "", ""),
    (Conversion, "900 km (550 kg)", "", "", ""),
    (Conversion, "forecast to fall to -18C (0F) at the weekend", "", "ok", "-18C | 0F"),
    (Conversion, "forecast to fall to -18C (-4F) at the weekend", "", "mismatch", "-18C | -4F"),
    (Conversion, "a sweltering 40°C (104°F)", "", "ok", "40°C | 104°F"),
    (Conversion, "minus 5 degrees Celsius (23 degrees Fahrenheit)", "", "ok", "minus 5 degrees Celsius | 23 degrees Fahrenheit"),
];

fn ctx(published: &str) -> DateContext {
    let (day, order) = match published.strip_suffix(" dmy") {
        Some(day) => (day, NumericOrder::DayFirst),
        None => (published, NumericOrder::MonthFirst),
    };
    DateContext {
        published: (!day.is_empty()).then(|| day.parse::<Date>().expect("row date")),
        numeric_order: order,
    }
}

/// A value to three decimals without trailing zeros: "885139.2", "inf".
fn fmt(v: f64) -> String {
    if v.is_infinite() {
        return "inf".into();
    }
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn interval(iv: &Interval) -> String {
    if iv.lo == iv.hi && iv.lo_closed && iv.hi_closed {
        return fmt(iv.lo);
    }
    let open = if iv.lo_closed { '[' } else { '(' };
    let close = if iv.hi_closed { ']' } else { ')' };
    format!("{open}{}, {}{close}", fmt(iv.lo), fmt(iv.hi))
}

fn base_unit(d: Dimension) -> &'static str {
    match d {
        Dimension::Length => "m",
        Dimension::Mass => "kg",
        Dimension::Speed => "m/s",
        Dimension::Area => "m²",
        Dimension::Volume => "m³",
        Dimension::Temperature => "K",
    }
}

/// Every extraction of `kind` from `text` as (span text, rendered value).
fn extract(kind: Kind, text: &str, published: &str) -> Vec<(String, String)> {
    match kind {
        Date => dates(text, &ctx(published))
            .into_iter()
            .map(|m| {
                let mut v = match m.value.value {
                    DateValue::Resolved { first, last } if first == last => first.to_string(),
                    DateValue::Resolved { first, last } => format!("{first}..{last}"),
                    DateValue::NeedsPublication => "?".into(),
                };
                if let Some(w) = &m.value.stated_weekday {
                    assert_eq!(
                        text[w.span.clone()].to_ascii_lowercase()[..3],
                        weekday_name(w.value).to_ascii_lowercase()[..3]
                    );
                    if !m.value.relative || m.value.value == DateValue::NeedsPublication {
                        v = format!("{v} stated {}", weekday_name(w.value));
                    }
                }
                (text[m.span].to_string(), v)
            })
            .collect(),
        Number => numbers(text)
            .into_iter()
            .map(|m| (text[m.span].to_string(), interval(&m.value.interval)))
            .collect(),
        Quantity => quantities(text)
            .into_iter()
            .map(|m| {
                let unit = base_unit(m.value.unit.dimension);
                (
                    text[m.span].to_string(),
                    format!("{} {unit}", interval(&m.value.base)),
                )
            })
            .collect(),
        Conversion => conversions(text)
            .into_iter()
            .map(|c| {
                let span = format!(
                    "{} | {}",
                    &text[c.original.span.clone()],
                    &text[c.converted.span.clone()]
                );
                let v = if c.agrees() { "ok" } else { "mismatch" };
                (span, v.to_string())
            })
            .collect(),
    }
}

#[test]
fn table_has_enough_real_world_rows() {
    assert!(ROWS.len() >= 150, "only {} rows", ROWS.len());
}

#[test]
fn every_row_extracts_its_value_and_span() {
    let mut failures = Vec::new();
    for &(kind, text, published, value, span) in ROWS {
        let got = extract(kind, text, published);
        let ok = if span.is_empty() {
            got.is_empty()
        } else {
            got.iter().any(|(s, v)| s == span && v == value)
        };
        if !ok {
            failures.push(format!(
                "{kind:?} {text:?} (published {published:?}): expected {span:?} = {value:?}, got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// --- Round trips ---

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// AP style: abbreviate only the long months, with a period; September is "Sept.".
const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn ordinal(d: i8) -> &'static str {
    match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// `date` rendered in style `style`, with the context that reads it back.
fn render(date: Date, style: u8) -> (String, NumericOrder) {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let i = usize::try_from(m - 1).expect("month 1..=12");
    let wd = weekday_name(date.weekday());
    let s = match style {
        0 => format!("{} {d}, {y}", MONTH_NAMES[i]),
        1 => format!("{} {d}, {y}", AP_MONTHS[i]),
        2 => format!("{d} {} {y}", MONTH_NAMES[i]),
        3 => format!("{y}-{m:02}-{d:02}"),
        4 => format!("{wd}, {} {d}, {y}", AP_MONTHS[i]),
        5 => format!("{} {d:02}, {y}", MONTH_NAMES[i]),
        6 => format!("{d}{} {} {y}", ordinal(d), MONTH_NAMES[i]),
        7 => format!("{} {d} {y}", SHORT_MONTHS[i]),
        8 => format!("{wd} {d} {} {y}", MONTH_NAMES[i]),
        9 => return (format!("{d:02}/{m:02}/{y}"), NumericOrder::DayFirst),
        10 => return (format!("{m:02}/{d:02}/{y}"), NumericOrder::MonthFirst),
        _ => format!("{d:02}.{m:02}.{y}"),
    };
    (s, NumericOrder::MonthFirst)
}

fn any_date() -> impl Strategy<Value = Date> {
    (1990i16..=2060, 1i8..=12, 1i8..=31)
        .prop_filter_map("valid day", |(y, m, d)| Date::new(y, m, d).ok())
}

proptest! {
    #[test]
    fn full_dates_round_trip(date in any_date(), style in 0u8..12) {
        let (written, order) = render(date, style);
        let text = format!("The strike on {written} was confirmed.");
        let found = dates(&text, &DateContext { published: None, numeric_order: order });
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(&text[found[0].span.clone()], written.as_str());
        prop_assert_eq!(&found[0].value.value, &DateValue::Resolved { first: date, last: date });
    }

    #[test]
    fn year_less_dates_resolve_near_publication(date in any_date(), back in 0i64..60, ap in any::<bool>()) {
        let i = usize::try_from(date.month() - 1).expect("month");
        let month = if ap { AP_MONTHS[i] } else { MONTH_NAMES[i] };
        let written = format!("{month} {}", date.day());
        let text = format!("It was launched on {written}, he said.");
        let published = date.checked_add(jiff::Span::new().days(back)).expect("in range");
        let ctx = DateContext { published: Some(published), numeric_order: NumericOrder::MonthFirst };
        let found = dates(&text, &ctx);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(&text[found[0].span.clone()], written.as_str());
        prop_assert_eq!(&found[0].value.value, &DateValue::Resolved { first: date, last: date });
    }

    #[test]
    fn bare_weekdays_are_the_last_one_before_publication(date in any_date(), back in 0i64..7) {
        let name = weekday_name(date.weekday());
        let text = format!("Officials said on {name} that");
        let published = date.checked_add(jiff::Span::new().days(back)).expect("in range");
        let ctx = DateContext { published: Some(published), numeric_order: NumericOrder::MonthFirst };
        let found = dates(&text, &ctx);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(&text[found[0].span.clone()], name);
        prop_assert!(found[0].value.relative);
        prop_assert_eq!(&found[0].value.value, &DateValue::Resolved { first: date, last: date });
    }

    #[test]
    fn numbers_with_separators_round_trip(n in 0u64..1_000_000_000_000) {
        let digits = n.to_string();
        let mut written = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                written.push(',');
            }
            written.push(c);
        }
        let text = format!("Officials counted {written} shells.");
        let found = numbers(&text);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(&text[found[0].span.clone()], written.as_str());
        prop_assert_eq!(found[0].value.interval, Interval::exact(n as f64));
    }

    #[test]
    fn decimals_round_trip(int in 0u32..100_000, frac in 1u32..100) {
        let written = format!("{int}.{frac:02}");
        let text = format!("a rise of {written} percent");
        let found = numbers(&text);
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(&text[found[0].span.clone()], written.as_str());
        let expected: f64 = written.parse().expect("decimal");
        prop_assert_eq!(found[0].value.value, expected);
    }

    #[test]
    fn number_words_round_trip(n in 1u64..1_000_000) {
        let written = words(n);
        let text = format!("Officials counted {written} shells.");
        let found = numbers(&text);
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(&text[found[0].span.clone()], written.as_str());
        prop_assert_eq!(found[0].value.value, n as f64);
    }

    #[test]
    fn extractors_never_panic(text in "\\PC{0,60}") {
        let ctx = DateContext { published: Date::new(2024, 1, 5).ok(), numeric_order: NumericOrder::MonthFirst };
        let _ = dates(&text, &ctx);
        let _ = numbers(&text);
        let _ = conversions(&text);
    }
}

/// `n` (below a million) in words, hyphenating the tens as style guides do: "thirty-six".
fn words(n: u64) -> String {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64) -> String {
        let mut parts = Vec::new();
        if n >= 100 {
            parts.push(format!("{} hundred", SMALL[(n / 100) as usize]));
        }
        let rest = n % 100;
        if rest > 0 {
            let r = if rest < 20 {
                SMALL[rest as usize].to_string()
            } else if rest.is_multiple_of(10) {
                TENS[(rest / 10) as usize].to_string()
            } else {
                format!(
                    "{}-{}",
                    TENS[(rest / 10) as usize],
                    SMALL[(rest % 10) as usize]
                )
            };
            parts.push(if n >= 100 { format!("and {r}") } else { r });
        }
        parts.join(" ")
    }
    if n >= 1000 {
        let rest = n % 1000;
        let head = format!("{} thousand", below_thousand(n / 1000));
        if rest == 0 {
            head
        } else if rest < 100 {
            format!("{head} and {}", below_thousand(rest))
        } else {
            format!("{head} {}", below_thousand(rest))
        }
    } else {
        below_thousand(n)
    }
}
