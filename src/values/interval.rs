//! Numeric intervals: how "nearly 30" and "about 30" can be compared with "29".

use std::fmt;

/// A set of reals `lo..hi` whose ends may be open or closed, possibly unbounded.
///
/// Values written in news are rarely exact ("nearly 30", "more than 1,000"), so every
/// extracted number is an interval and comparisons ask whether intervals can agree.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Interval {
    #[serde(with = "unbounded_below")]
    pub lo: f64,
    #[serde(with = "unbounded_above")]
    pub hi: f64,
    pub lo_closed: bool,
    pub hi_closed: bool,
}

/// JSON has no infinity: serde_json writes it as `null`, and cannot read that
/// back as a number. An unbounded end ("more than 1,000") is `null` both ways.
mod unbounded_above {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(end: &f64, s: S) -> Result<S::Ok, S::Error> {
        end.is_finite().then_some(*end).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
    }
}

/// As [`unbounded_above`], for the lower end.
mod unbounded_below {
    use serde::{Deserialize, Deserializer};

    pub use super::unbounded_above::serialize;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NEG_INFINITY))
    }
}

impl Interval {
    /// The single point `v`.
    pub fn exact(v: f64) -> Self {
        Self::closed(v, v)
    }

    /// `[lo, hi]`.
    pub fn closed(lo: f64, hi: f64) -> Self {
        Self {
            lo,
            hi,
            lo_closed: true,
            hi_closed: true,
        }
    }

    /// `(lo, +inf)`: "more than lo".
    pub fn above(lo: f64) -> Self {
        Self {
            lo,
            hi: f64::INFINITY,
            lo_closed: false,
            hi_closed: false,
        }
    }

    /// Whether `v` lies inside.
    pub fn contains(&self, v: f64) -> bool {
        let above_lo = if self.lo_closed {
            v >= self.lo
        } else {
            v > self.lo
        };
        let below_hi = if self.hi_closed {
            v <= self.hi
        } else {
            v < self.hi
        };
        above_lo && below_hi
    }

    /// Whether some value lies in both intervals: two mentions that can both be true.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let lo_ok = |a: &Interval, b: &Interval| {
            // b's upper end is at or above a's lower end.
            if b.hi > a.lo {
                true
            } else {
                b.hi == a.lo && b.hi_closed && a.lo_closed
            }
        };
        lo_ok(self, other) && lo_ok(other, self)
    }

    /// Multiplies both ends by a positive factor (unit conversion).
    pub fn scale(&self, factor: f64) -> Self {
        Self {
            lo: self.lo * factor,
            hi: self.hi * factor,
            ..*self
        }
    }

    /// Whether every value of `self` is strictly below every value of `other`.
    pub fn entirely_below(&self, other: &Interval) -> bool {
        self.hi < other.lo || (self.hi == other.lo && !(self.hi_closed && other.lo_closed))
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.lo == self.hi && self.lo_closed && self.hi_closed {
            return write!(f, "{}", self.lo);
        }
        let open = if self.lo_closed { '[' } else { '(' };
        let close = if self.hi_closed { ']' } else { ')' };
        let hi = if self.hi.is_infinite() {
            "inf".to_string()
        } else {
            self.hi.to_string()
        };
        write!(f, "{open}{}, {hi}{close}", self.lo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbounded_ends_survive_json() {
        let below = Interval {
            lo: f64::NEG_INFINITY,
            hi: 30.0,
            lo_closed: false,
            hi_closed: false,
        };
        for interval in [Interval::above(1000.0), below, Interval::exact(2.5)] {
            let json = serde_json::to_string(&interval).unwrap();
            assert_eq!(
                serde_json::from_str::<Interval>(&json).unwrap(),
                interval,
                "{json}"
            );
        }
        let json = serde_json::to_string(&Interval::above(1000.0)).unwrap();
        assert!(json.contains(r#""hi":null"#), "{json}");
    }

    #[test]
    fn nearly_thirty_holds_twenty_nine_not_thirty() {
        let nearly = Interval {
            lo: 27.0,
            hi: 30.0,
            lo_closed: true,
            hi_closed: false,
        };
        assert!(nearly.contains(29.0));
        assert!(!nearly.contains(30.0));
        assert!(nearly.overlaps(&Interval::exact(28.0)));
        assert!(!nearly.overlaps(&Interval::exact(30.0)));
    }

    #[test]
    fn more_than_is_open_below() {
        let more = Interval::above(1000.0);
        assert!(!more.contains(1000.0));
        assert!(more.contains(1001.0));
        assert!(more.overlaps(&Interval::exact(1200.0)));
        assert!(!more.overlaps(&Interval::closed(10.0, 1000.0)));
    }

    #[test]
    fn below_respects_open_ends() {
        assert!(Interval::exact(21.0).entirely_below(&Interval::exact(25.0)));
        assert!(!Interval::exact(25.0).entirely_below(&Interval::exact(25.0)));
        let nearly = Interval {
            lo: 27.0,
            hi: 30.0,
            lo_closed: true,
            hi_closed: false,
        };
        assert!(nearly.entirely_below(&Interval::exact(30.0)));
        assert_eq!(Interval::above(5.0).to_string(), "(5, inf)");
    }
}
