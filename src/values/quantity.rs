//! Measurements: a number with a unit ("900 kilometres", "550 miles", "10 times the speed
//! of sound", "-18C"), normalised to SI so that "900 km" and "559 miles" can be compared,
//! and conversions written in parentheses ("900 km (550 miles)") checked for agreement.

use super::number::{Number, numbers};
use super::{Interval, Mention, Phrases};
use crate::matcher;
use regex_automata::meta::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What a unit measures; only quantities of one dimension are comparable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Length,
    Mass,
    Speed,
    Area,
    Volume,
    Temperature,
}

/// A unit and its factor to the SI base unit of its dimension (metre, kilogram, metre per
/// second, square metre, cubic metre, kelvin), and the offset added after it: the zero of
/// a temperature scale is not the kelvin's.
#[derive(Debug, PartialEq)]
pub struct Unit {
    pub symbol: &'static str,
    pub dimension: Dimension,
    pub to_base: f64,
    pub offset: f64,
}

impl Unit {
    /// `value` of this unit in the base unit.
    pub fn to_base_value(&self, value: f64) -> f64 {
        value * self.to_base + self.offset
    }

    /// A value in the base unit, in this unit.
    pub fn from_base_value(&self, base: f64) -> f64 {
        (base - self.offset) / self.to_base
    }

    /// `interval` of this unit in the base unit.
    pub fn to_base_interval(&self, interval: Interval) -> Interval {
        let scaled = interval.scale(self.to_base);
        Interval {
            lo: scaled.lo + self.offset,
            hi: scaled.hi + self.offset,
            ..scaled
        }
    }
}

/// A measurement as written, with its interval in the base unit.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quantity {
    pub number: Number,
    #[serde(with = "unit_by_symbol")]
    pub unit: &'static Unit,
    /// `number.interval` in the base unit of `unit.dimension`.
    pub base: Interval,
}

/// A measurement followed by the same measurement in another unit: "900 km (550 miles)".
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    pub original: Mention<Quantity>,
    pub converted: Mention<Quantity>,
}

use Dimension::*;

const fn unit(symbol: &'static str, dimension: Dimension, to_base: f64) -> Unit {
    Unit {
        symbol,
        dimension,
        to_base,
        offset: 0.0,
    }
}

/// A temperature scale: degrees of `size` kelvins, from `zero` kelvins.
const fn temperature(symbol: &'static str, size: f64, zero: f64) -> Unit {
    Unit {
        symbol,
        dimension: Temperature,
        to_base: size,
        offset: zero,
    }
}

/// The speed of sound in dry air at 20 °C, which is what "Mach 1" means in the news.
const SPEED_OF_SOUND: f64 = 343.0;

/// Every known unit; `ALIASES` points into this table.
pub static UNITS: [Unit; 27] = [
    unit("km", Length, 1000.0),
    unit("m", Length, 1.0),
    unit("cm", Length, 0.01),
    unit("mm", Length, 0.001),
    unit("mi", Length, 1609.344),
    unit("nmi", Length, 1852.0),
    unit("ft", Length, 0.3048),
    unit("yd", Length, 0.9144),
    unit("in", Length, 0.0254),
    unit("kg", Mass, 1.0),
    unit("t", Mass, 1000.0),
    unit("ton", Mass, 907.184_74),
    unit("lb", Mass, 0.453_592_37),
    unit("km/h", Speed, 1000.0 / 3600.0),
    unit("mph", Speed, 0.447_04),
    unit("kn", Speed, 1852.0 / 3600.0),
    unit("m/s", Speed, 1.0),
    unit("Mach", Speed, SPEED_OF_SOUND),
    unit("km²", Area, 1e6),
    unit("mi²", Area, 2_589_988.110_336),
    unit("ha", Area, 1e4),
    unit("acre", Area, 4_046.856_422_4),
    unit("m²", Area, 1.0),
    unit("L", Volume, 0.001),
    unit("gal", Volume, 0.003_785_411_784),
    temperature("°C", 1.0, 273.15),
    temperature("°F", 5.0 / 9.0, 273.15 - 32.0 * 5.0 / 9.0),
];

/// Written forms of each unit (index into `UNITS`); matched case-insensitively with any
/// whitespace between words. Plurals are listed, not derived, so "ha" does not become "has".
const ALIASES: &[(&str, usize)] = &[
    ("km", 0),
    ("kms", 0),
    ("kilometre", 0),
    ("kilometres", 0),
    ("kilometer", 0),
    ("kilometers", 0),
    ("m", 1),
    ("metre", 1),
    ("metres", 1),
    ("meter", 1),
    ("meters", 1),
    ("cm", 2),
    ("centimetre", 2),
    ("centimetres", 2),
    ("centimeter", 2),
    ("centimeters", 2),
    ("mm", 3),
    ("millimetre", 3),
    ("millimetres", 3),
    ("millimeter", 3),
    ("millimeters", 3),
    ("mi", 4),
    ("mile", 4),
    ("miles", 4),
    ("nautical mile", 5),
    ("nautical miles", 5),
    ("nmi", 5),
    ("foot", 6),
    ("feet", 6),
    ("ft", 6),
    ("yard", 7),
    ("yards", 7),
    ("yd", 7),
    ("yds", 7),
    ("inch", 8),
    ("inches", 8),
    // Only written against the digits ("5in"): "5 in" is a number before "in".
    ("in", 8),
    ("kg", 9),
    ("kgs", 9),
    ("kilogram", 9),
    ("kilograms", 9),
    ("kilogramme", 9),
    ("kilogrammes", 9),
    ("kilo", 9),
    ("kilos", 9),
    ("tonne", 10),
    ("tonnes", 10),
    ("metric ton", 10),
    ("metric tons", 10),
    ("metric tonne", 10),
    ("metric tonnes", 10),
    ("ton", 11),
    ("tons", 11),
    ("short ton", 11),
    ("short tons", 11),
    ("pound", 12),
    ("pounds", 12),
    ("lb", 12),
    ("lbs", 12),
    ("km/h", 13),
    ("kmh", 13),
    ("kph", 13),
    ("km per hour", 13),
    ("km an hour", 13),
    ("kilometres per hour", 13),
    ("kilometers per hour", 13),
    ("kilometres an hour", 13),
    ("kilometers an hour", 13),
    ("mph", 14),
    ("miles per hour", 14),
    ("miles an hour", 14),
    ("knot", 15),
    ("knots", 15),
    ("m/s", 16),
    ("metres per second", 16),
    ("meters per second", 16),
    ("metres a second", 16),
    ("meters a second", 16),
    ("times the speed of sound", 17),
    ("times faster than the speed of sound", 17),
    ("square kilometres", 18),
    ("square kilometers", 18),
    ("square kilometre", 18),
    ("square kilometer", 18),
    ("square km", 18),
    ("sq km", 18),
    ("sq. km", 18),
    ("km²", 18),
    ("km2", 18),
    ("square miles", 19),
    ("square mile", 19),
    ("sq miles", 19),
    ("sq mi", 19),
    ("sq. miles", 19),
    ("hectare", 20),
    ("hectares", 20),
    ("ha", 20),
    ("acre", 21),
    ("acres", 21),
    ("square metres", 22),
    ("square meters", 22),
    ("square metre", 22),
    ("square meter", 22),
    ("sq m", 22),
    ("m²", 22),
    ("litre", 23),
    ("litres", 23),
    ("liter", 23),
    ("liters", 23),
    ("gallon", 24),
    ("gallons", 24),
    ("°C", 25),
    ("° C", 25),
    ("ºC", 25),
    ("℃", 25),
    // Only written against the digits ("-18C"): "18 C" may be a grade or a row.
    ("C", 25),
    ("degrees Celsius", 25),
    ("degree Celsius", 25),
    ("degrees centigrade", 25),
    ("degrees C", 25),
    ("Celsius", 25),
    ("°F", 26),
    ("° F", 26),
    ("ºF", 26),
    ("℉", 26),
    // As for "C".
    ("F", 26),
    ("degrees Fahrenheit", 26),
    ("degree Fahrenheit", 26),
    ("degrees F", 26),
    ("Fahrenheit", 26),
];

/// [`ALIASES`] by phrase.
static ALIAS_PHRASES: LazyLock<Phrases<(&str, usize)>> =
    LazyLock::new(|| Phrases::new(ALIASES, |a| a.0));

/// The characters that may separate a number from its unit, but for a hyphen.
const UNIT_SPACES: [char; 4] = ['\t', ' ', '\u{a0}', '\u{202f}'];

/// A unit right after a number: joined ("900km"), spaced, or hyphenated ("900-km range").
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let mut aliases: Vec<&str> = ALIASES.iter().map(|a| a.0).collect();
    aliases.sort_by_key(|a| std::cmp::Reverse(a.len()));
    let alts = aliases
        .iter()
        .map(|a| {
            a.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|");
    let spaces: String = UNIT_SPACES.iter().collect();
    matcher::build_str(&format!(r"(?i)^(?P<sep>[{spaces}]*|-)(?P<u>{alts})"))
        .expect("unit pattern is valid")
});

/// The unit written at `at` (after a number), with the end of its span.
fn unit_after(text: &str, at: usize) -> Option<(&'static Unit, usize, bool)> {
    let rest = text.get(at..)?;
    let (separator, unit) = unit_parts(matcher::find_at(&UNIT_AFTER, rest, 0)?.as_str());
    // A unit ends a word: "5 mines" is not "5 mi", "5 has" is not hectares.
    let end = separator.len() + unit.len();
    if rest[end..].starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    // "5M" is five million far more often than five metres.
    if unit == "M" {
        return None;
    }
    let (_, index) = ALIAS_PHRASES.get(unit)?;
    let joined = separator.is_empty();
    if ["in", "c", "f"]
        .iter()
        .any(|u| unit.eq_ignore_ascii_case(u))
        && !joined
    {
        return None;
    }
    Some((UNITS.get(*index)?, at + end, joined))
}

/// The separator and the unit of a match of [`UNIT_AFTER`], read off it
/// rather than resolved as its groups: no unit starts with a space or a
/// hyphen, so the separator is a hyphen or every space before the unit.
fn unit_parts(found: &str) -> (&str, &str) {
    let unit = match found.strip_prefix('-') {
        Some(unit) => unit,
        None => found.trim_start_matches(UNIT_SPACES),
    };
    found.split_at(found.len() - unit.len())
}

/// Whether a unit is written directly against the digits ending at `at` ("900km").
pub(crate) fn unit_directly_at(text: &str, at: usize) -> bool {
    unit_after(text, at).is_some_and(|(_, _, joined)| joined)
}

/// The start of "Mach" written just before `start` ("Mach 5"), if any.
fn mach_before(text: &str, start: usize) -> Option<usize> {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    let word_start = before.len().checked_sub(4)?;
    let word = before.get(word_start..)?;
    let clean_start = !before[..word_start].ends_with(|c: char| c.is_alphanumeric());
    (word.eq_ignore_ascii_case("mach") && clean_start && before.len() < start).then_some(word_start)
}

/// Every measurement in `text`, in order; the span covers number and unit.
pub fn quantities(text: &str) -> Vec<Mention<Quantity>> {
    quantities_among(text, numbers(text))
}

/// Like [`quantities`], from the numbers of `text` already read (by
/// [`numbers`]), so a sentence is not read for numbers once per use.
pub fn quantities_among(
    text: &str,
    numbers: impl IntoIterator<Item = Mention<Number>>,
) -> Vec<Mention<Quantity>> {
    let mut found = Vec::new();
    for m in numbers {
        // "$5m" and "£5 pounds" are money.
        if text[..m.span.start].ends_with(['$', '£', '€', '¥']) {
            continue;
        }
        let (unit, span) = if let Some((unit, end, _)) = unit_after(text, m.span.end) {
            (unit, m.span.start..end)
        } else if let Some(start) = mach_before(text, m.span.start) {
            (&UNITS[17], start..m.span.end)
        } else {
            continue;
        };
        let (m, span) = match minus_before(text, m.span.start) {
            Some(start) if unit.dimension == Temperature => (negated(m), start..span.end),
            _ => (m, span),
        };
        let base = unit.to_base_interval(m.value.interval);
        if let Some(feet) = feet_before(text, &mut found, unit, &span) {
            // "5ft 8in": one height, in feet (5.67) and in the base unit.
            feet.span.end = span.end;
            feet.value.base = Interval {
                lo: feet.value.base.lo + base.lo,
                hi: feet.value.base.hi + base.hi,
                ..feet.value.base
            };
            let per_foot = feet.value.unit.to_base;
            feet.value.number.value += m.value.value * unit.to_base / per_foot;
            feet.value.number.interval = feet.value.base.scale(1.0 / per_foot);
            continue;
        }
        found.push(Mention {
            span,
            value: Quantity {
                number: m.value,
                unit,
                base,
            },
        });
    }
    found
}

/// A number below zero: the value and its interval mirrored.
fn negated(mut m: Mention<Number>) -> Mention<Number> {
    let i = m.value.interval;
    m.value.value = -m.value.value;
    m.value.interval = Interval {
        lo: -i.hi,
        hi: -i.lo,
        lo_closed: i.hi_closed,
        hi_closed: i.lo_closed,
    };
    m
}

/// The start of a minus sign written just before the digits at `start` ("-18C",
/// "−18C", "minus 18C"), when it is no hyphen inside a word ("F-16").
fn minus_before(text: &str, start: usize) -> Option<usize> {
    let before = &text[..start];
    let sign = ["-", "−", "minus "]
        .iter()
        .find_map(|s| before.strip_suffix(s))?;
    let clean = !sign.ends_with(|c: char| c.is_alphanumeric() || c == '_');
    clean.then_some(sign.len())
}

/// The feet just before inches at `span` ("5ft 8in", "5 feet 8 inches"), to
/// take them in.
fn feet_before<'a>(
    text: &str,
    found: &'a mut [Mention<Quantity>],
    unit: &Unit,
    span: &Range<usize>,
) -> Option<&'a mut Mention<Quantity>> {
    let feet = found.last_mut()?;
    let adjacent = text
        .get(feet.span.end..span.start)
        .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\u{a0}'));
    (unit.symbol == "in" && feet.value.unit.symbol == "ft" && adjacent).then_some(feet)
}

/// Every measurement directly followed by its conversion: "900 km (550 miles)",
/// "550 miles [about 900 km]", "900 kilometres, or 560 miles".
pub fn conversions(text: &str) -> Vec<Conversion> {
    conversions_among(text, &quantities(text))
}

/// Like [`conversions`], from the measurements of `text` already read.
pub fn conversions_among(text: &str, qs: &[Mention<Quantity>]) -> Vec<Conversion> {
    let mut found = Vec::new();
    for pair in qs.windows(2) {
        let [a, b] = pair else { continue };
        if a.value.unit.dimension != b.value.unit.dimension
            || std::ptr::eq(a.value.unit, b.value.unit)
        {
            continue;
        }
        let b_start = b
            .value
            .number
            .qualifier_span
            .as_ref()
            .map_or(b.span.start, |q| q.start);
        let Some(gap) = text.get(a.span.end..b_start) else {
            continue;
        };
        // "(~350 mi)", "(≈ 350 mi)": the sign says "about", as "about" would.
        let gap = gap.trim().trim_end_matches(['~', '≈']).trim_end();
        let after = text[b.span.end..].trim_start();
        let joined = match gap {
            "(" => after.starts_with(')'),
            "[" => after.starts_with(']'),
            "or" | ", or" | "/" | "," | "—" | "–" => true,
            _ => false,
        };
        if joined {
            found.push(Conversion {
                original: a.clone(),
                converted: b.clone(),
            });
        }
    }
    found
}

impl Conversion {
    /// Whether the converted value is what a writer could get by converting and rounding:
    /// within 5% plus the precision the converted number is written to (550 → ±10).
    pub fn agrees(&self) -> bool {
        let from = &self.original.value;
        let to = &self.converted.value;
        if from.unit.dimension != to.unit.dimension || to.unit.to_base <= 0.0 {
            return false;
        }
        let expected = self.expected();
        let written = to.number.value;
        // A temperature's zero is arbitrary: "5%" of -0.4 °F would allow nothing, so
        // a degree either way (the rounding of a whole-degree figure) is allowed.
        let slack = match to.unit.dimension {
            Temperature => 1.0,
            _ => 0.05 * expected.abs(),
        };
        (written - expected).abs() <= slack + precision(written)
    }

    /// The original value, converted exactly to the converted one's unit.
    pub fn expected(&self) -> f64 {
        let (from, to) = (&self.original.value, &self.converted.value);
        to.unit
            .from_base_value(from.unit.to_base_value(from.number.value))
    }
}

/// The rounding step a writer probably used for `v`: its last non-zero digit's place,
/// but never coarser than two significant figures ("600" may be "about 600", not "6 hundreds").
fn precision(v: f64) -> f64 {
    let v = v.abs();
    if !v.is_finite() || v == 0.0 {
        return 1.0;
    }
    if v.fract() != 0.0 {
        let mut step = 1.0;
        for _ in 0..6 {
            step /= 10.0;
            let scaled = v / step;
            if (scaled - scaled.round()).abs() < 1e-6 {
                break;
            }
        }
        return step;
    }
    let mut place = 1.0;
    while place * 10.0 <= v && (v / (place * 10.0)).fract() == 0.0 {
        place *= 10.0;
    }
    let two_sig = 10f64.powi((v.log10().floor() as i32 - 1).max(0));
    place.min(two_sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A phrase spaced otherwise than one space between words would never be
    /// found: building the tables refuses it.
    #[test]
    fn phrase_tables_build() {
        LazyLock::force(&ALIAS_PHRASES);
    }

    #[test]
    fn units_read_off_are_the_groups_resolved() {
        let texts = [
            "km",
            "900km",
            " km away",
            "\t\u{a0} \u{202f}miles",
            "-km range",
            "- km",
            "  nautical  miles",
            " -km",
            "-",
            " ",
            "",
            "in",
            " sq. km",
            " 5in",
            "x km",
        ];
        for text in texts {
            let resolved = matcher::captures_at(&UNIT_AFTER, text, 0).map(|caps| {
                let group = |name| caps.name(name).map_or("", |g| g.as_str());
                (group("sep"), group("u"))
            });
            let read = matcher::find_at(&UNIT_AFTER, text, 0).map(|m| unit_parts(m.as_str()));
            assert_eq!(read, resolved, "{text:?}");
        }
    }

    fn q(text: &str) -> Vec<(&str, &'static str, String)> {
        quantities(text)
            .into_iter()
            .map(|m| (&text[m.span], m.value.unit.symbol, m.value.base.to_string()))
            .collect()
    }

    #[test]
    fn units_and_spans() {
        assert_eq!(
            q("ranges of around 900 kilometres"),
            [("900 kilometres", "km", "[810000, 990000]".into())]
        );
        assert_eq!(q("900km away"), [("900km", "km", "900000".into())]);
        assert_eq!(q("a 900-kilometre range")[0].0, "900-kilometre");
        let miles = &quantities("550 miles")[0].value.base;
        assert!((miles.lo - 885_139.2).abs() < 1e-6 && miles.lo == miles.hi);
        assert_eq!(
            q("10 times the speed of sound")[0],
            ("10 times the speed of sound", "Mach", "3430".into())
        );
        assert_eq!(q("at Mach 5")[0], ("Mach 5", "Mach", "1715".into()));
        assert_eq!(q("100 km/h")[0].1, "km/h");
        assert_eq!(q("1,000 square kilometres")[0].1, "km²");
        assert_eq!(q("1,000 sq km")[0].1, "km²");
        assert_eq!(q("2 tonnes")[0].2, "2000");
        assert_eq!(q("30 knots")[0].1, "kn");
        assert_eq!(q("5 gallons")[0].1, "gal");
        assert_eq!(q("50 hectares")[0].2, "500000");
        assert_eq!(q("50mm (2in) of rain")[1].0, "2in");
        assert_eq!(q("a 5 inch gap")[0].1, "in");
    }

    #[test]
    fn in_is_an_inch_only_against_the_digits() {
        assert!(q("5 in the morning").is_empty());
        assert!(q("killed 5 in Kyiv").is_empty());
        assert!(q("5in").len() == 1);
        assert!(q("won 5-in a row").is_empty());
    }

    #[test]
    fn temperatures_with_their_sign_in_kelvin() {
        fn kelvin(text: &str) -> (&str, &'static str, f64) {
            let found = quantities(text);
            assert_eq!(found.len(), 1, "{text}");
            let m = &found[0];
            // To the microkelvin: 273.15 - 18 is not exact in binary.
            let base = (m.value.base.lo * 1e6).round() / 1e6;
            (&text[m.span.clone()], m.value.unit.symbol, base)
        }
        assert_eq!(kelvin("fell to -18C at night"), ("-18C", "°C", 255.15));
        assert_eq!(kelvin("a low of −10 °C"), ("−10 °C", "°C", 263.15));
        assert_eq!(
            kelvin("minus 40 degrees Fahrenheit"),
            ("minus 40 degrees Fahrenheit", "°F", 233.15)
        );
        assert_eq!(kelvin("98.6°F").2, 310.15);
        assert_eq!(kelvin("a 20℃ day").2, 293.15);
        // "C" and "F" only against the digits; a hyphen inside a word is no sign.
        assert!(q("grade 5 C and row 7 F").is_empty());
        assert_eq!(q("the F-16C")[..], []);
        assert!(q("row B-12C").is_empty());
    }

    /// Whether the one conversion in `text` agrees with the value it converts.
    fn agrees(text: &str) -> bool {
        let found = conversions(text);
        assert_eq!(found.len(), 1, "{text}");
        found[0].agrees()
    }

    #[test]
    fn temperature_conversions_agree_within_a_degree() {
        assert!(agrees("-18C (0F)"));
        assert!(agrees("-18C (-0.4F)"));
        assert!(agrees("20°C (68°F)"));
        assert!(agrees("100F (38C)"));
        assert!(!agrees("-18C (-4F)"));
        assert!(!agrees("20°C (20°F)"));
        assert!((conversions("-18C (-4F)")[0].expected() - -0.4).abs() < 1e-9);
    }

    #[test]
    fn feet_and_inches_are_one_height() {
        let found = q("he stands 5ft 8in (1.73m) tall");
        assert_eq!(found[0].0, "5ft 8in");
        let base = &quantities("5ft 8in")[0].value.base;
        assert!((base.lo - 1.7272).abs() < 1e-9 && base.lo == base.hi);
        let feet = &quantities("5ft 8in")[0].value.number;
        assert!((feet.value - 5.0 - 8.0 / 12.0).abs() < 1e-9);
        assert_eq!(q("5 feet 8 inches")[0].0, "5 feet 8 inches");
        assert_eq!(q("5ft, 8in").len(), 2);
    }

    #[test]
    fn not_quantities() {
        assert!(q("5 mines").is_empty());
        assert!(q("3 has").is_empty());
        assert!(q("$5m").is_empty());
        assert!(q("5M people").is_empty());
        assert!(q("5 in the room").is_empty());
        assert!(q("more than 1,000 containers").is_empty());
    }

    #[test]
    fn conversions_agree_within_rounding() {
        assert!(agrees("900 km (550 miles)"));
        assert!(!agrees("~900 km (~350 mi)"));
        assert!(agrees("900 km (≈ 560 mi)"));
        assert!(agrees("900 km (560 miles)"));
        assert!(agrees("900 km (559 miles)"));
        assert!(!agrees("900 km (350 miles)"));
        assert!(!agrees("900 km (600 miles)"));
        assert!(agrees("550 miles (900 kilometers)"));
        assert!(agrees("around 900 kilometres (about 550 miles)"));
        assert!(agrees("900 kilometres, or 560 miles,"));
        assert!(agrees("5 miles (8 km)"));
        assert!(agrees("6 feet (1.8 metres)"));
    }

    #[test]
    fn conversion_spans() {
        let t = "ranges of around 900 kilometres (550 miles) were";
        let c = &conversions(t)[0];
        assert_eq!(&t[c.original.span.clone()], "900 kilometres");
        assert_eq!(&t[c.converted.span.clone()], "550 miles");
        assert!(conversions("900 km and 550 miles").is_empty());
        assert!(conversions("900 km (550 kg)").is_empty());
    }

    #[test]
    fn precision_is_at_most_two_significant_figures() {
        assert_eq!(precision(550.0), 10.0);
        assert_eq!(precision(559.0), 1.0);
        assert_eq!(precision(600.0), 10.0);
        assert_eq!(precision(2.5), 0.1);
        assert_eq!(precision(50.0), 1.0);
    }
}

/// A unit is kept (in the fact cache) by its symbol and found again in [`UNITS`].
mod unit_by_symbol {
    use super::{UNITS, Unit};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(unit: &&'static Unit, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(unit.symbol)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static Unit, D::Error> {
        let symbol = String::deserialize(d)?;
        UNITS
            .iter()
            .find(|u| u.symbol == symbol)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown unit `{symbol}`")))
    }
}
