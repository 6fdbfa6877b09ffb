//! Texts and values found in many articles kept once, under a small id:
//! articles about one story repeat the same mentions ("Dec. 30", the same
//! quotation), and a corpus-wide comparison keeps every mention.

use super::locate::Value;
use crate::values::Interval;
use crate::values::number::Number;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A map keyed by text from articles. Its hash is seeded at random per
/// process, as std's SipHash is, so articles written to collide cannot make
/// lookups quadratic (FxHash's fixed one could); foldhash costs a fraction
/// of SipHash on the short strings checks compare (SipHash was 1.7% of a
/// run, most of it hashing quotations word by word).
pub type TextMap<K, V> = foldhash::HashMap<K, V>;

/// Distinct strings (mentions as written), each kept once.
#[derive(Debug, Default)]
pub struct Strings {
    ids: TextMap<Arc<str>, u32>,
    all: Vec<Arc<str>>,
}

impl Strings {
    /// The id of `text`, kept now if it is new; `None` once 2³² strings are kept.
    pub fn id(&mut self, text: &str) -> Option<u32> {
        if let Some(&id) = self.ids.get(text) {
            return Some(id);
        }
        let id = u32::try_from(self.all.len()).ok()?;
        let kept: Arc<str> = Arc::from(text);
        self.ids.insert(kept.clone(), id);
        self.all.push(kept);
        Some(id)
    }

    /// The string kept under `id` (an id this table gave).
    pub fn get(&self, id: u32) -> &Arc<str> {
        &self.all[id as usize]
    }
}

/// Distinct values, each kept once.
#[derive(Debug, Default)]
pub struct Values {
    /// Fingerprint to the first value kept with it; a value whose fingerprint
    /// is taken by an unequal one is kept without sharing.
    ids: FxHashMap<u64, u32>,
    all: Vec<Value>,
}

impl Values {
    /// The id of a value equal to `value`, keeping it if there is none;
    /// `None` once 2³² values are kept.
    pub fn id(&mut self, value: Value) -> Option<u32> {
        let key = fingerprint(&value);
        if let Some(&id) = self.ids.get(&key)
            && self.all[id as usize] == value
        {
            return Some(id);
        }
        let id = u32::try_from(self.all.len()).ok()?;
        self.all.push(value);
        self.ids.entry(key).or_insert(id);
        Some(id)
    }

    /// The value kept under `id` (an id this table gave).
    pub fn get(&self, id: u32) -> &Value {
        &self.all[id as usize]
    }
}

/// A hash of `value`, field by field. Values hold floats and so implement no
/// `Hash`: floats are hashed by their bits. Equal fingerprints are confirmed
/// with `==`; equal values with unequal bits (0.0 and -0.0) are merely kept
/// twice.
fn fingerprint(value: &Value) -> u64 {
    let mut hasher = FxHasher::default();
    let h = &mut hasher;
    std::mem::discriminant(value).hash(h);
    match value {
        Value::Year(year) => year.hash(h),
        Value::Date { first, last } => (first, last).hash(h),
        Value::Weekday(day) => day.hash(h),
        Value::Number(number) => hash_number(number, h),
        Value::Quantity(quantity) => {
            hash_number(&quantity.number, h);
            quantity.unit.symbol.hash(h);
            hash_interval(&quantity.base, h);
        }
        Value::UnresolvedDate => {}
        Value::Quote(quote) => quote.hash(h),
    }
    hasher.finish()
}

fn hash_number(number: &Number, h: &mut FxHasher) {
    number.value.to_bits().hash(h);
    hash_interval(&number.interval, h);
    number.qualifier.hash(h);
    number.qualifier_span.hash(h);
}

fn hash_interval(interval: &Interval, h: &mut FxHasher) {
    (interval.lo.to_bits(), interval.hi.to_bits()).hash(h);
    (interval.lo_closed, interval.hi_closed).hash(h);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::quote::{Quotation, words};
    use jiff::civil::date;

    fn quote(text: &str) -> Value {
        Value::Quote(Arc::new(Quotation {
            words: words(text, 0..text.len()),
        }))
    }

    #[test]
    fn equal_mentions_share_one_value() {
        let mut values = Values::default();
        let day = |d| Value::Date {
            first: date(2023, 12, d),
            last: date(2023, 12, d),
        };
        let a = values.id(day(30));
        let b = values.id(day(30));
        let c = values.id(day(31));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(values.all.len(), 2);
        assert_eq!(values.get(c.unwrap()), &day(31));
    }

    #[test]
    fn equal_quotations_share_one_value() {
        let mut values = Values::default();
        let a = values.id(quote("we will not back down"));
        let b = values.id(quote("We will not back down"));
        let c = values.id(quote("we shall not back down"));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn floats_are_told_apart_exactly() {
        let mut values = Values::default();
        let zero = values.id(Value::Year(0));
        let a = values.id(Value::Number(crate::values::number::Number {
            value: 0.1 + 0.2,
            interval: crate::values::Interval::exact(0.1 + 0.2),
            qualifier: None,
            qualifier_span: None,
        }));
        let b = values.id(Value::Number(crate::values::number::Number {
            value: 0.3,
            interval: crate::values::Interval::exact(0.3),
            qualifier: None,
            qualifier_span: None,
        }));
        assert_ne!(a, b);
        assert_ne!(zero, a);
    }

    #[test]
    fn equal_counts_and_quantities_share_one_value() {
        let mut values = Values::default();
        let count = |text: &str| {
            let found = crate::values::number::numbers(text);
            Value::Number(found[0].value.clone())
        };
        let distance = |text: &str| {
            let found = crate::values::quantity::quantities(text);
            Value::Quantity(found[0].value.clone())
        };
        let a = values.id(count("more than 1,000 containers"));
        assert_eq!(values.id(count("more than 1,000 containers")), a);
        assert_ne!(values.id(count("at least 1,000 containers")), a);
        let km = values.id(distance("about 900 km"));
        assert_eq!(values.id(distance("about 900 km")), km);
        assert_ne!(values.id(distance("about 900 miles")), km);
        assert_eq!(values.all.len(), 4);
    }

    #[test]
    fn equal_strings_share_one_id() {
        let mut strings = Strings::default();
        let a = strings.id("Dec. 30").unwrap();
        assert_eq!(strings.id("Dec. 30"), Some(a));
        let b = strings.id("December 30").unwrap();
        assert_ne!(a, b);
        assert_eq!(&**strings.get(a), "Dec. 30");
    }
}
