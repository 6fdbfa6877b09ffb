//! Texts and values found in many articles kept once, under a small id:
//! articles about one story repeat the same mentions ("Dec. 30", the same
//! quotation), and a corpus-wide comparison keeps every mention.

use super::locate::Value;
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::fmt::Write;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Distinct strings (mentions as written), each kept once.
#[derive(Debug, Default)]
pub struct Strings {
    ids: HashMap<Arc<str>, u32>,
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
    ids: HashMap<u64, u32>,
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

/// A hash of `value`. Values hold floats and so implement no `Hash`: their
/// `Debug` form, which writes floats exactly, is hashed instead (quotations,
/// long and hashable, directly). Equal fingerprints are confirmed with `==`.
fn fingerprint(value: &Value) -> u64 {
    struct Writer(DefaultHasher);
    impl Write for Writer {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut writer = Writer(DefaultHasher::new());
    match value {
        Value::Quote(quote) => quote.hash(&mut writer.0),
        other => {
            // Writing to a hasher cannot fail.
            let _ = write!(writer, "{other:?}");
        }
    }
    writer.0.finish()
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
    fn equal_strings_share_one_id() {
        let mut strings = Strings::default();
        let a = strings.id("Dec. 30").unwrap();
        assert_eq!(strings.id("Dec. 30"), Some(a));
        let b = strings.id("December 30").unwrap();
        assert_ne!(a, b);
        assert_eq!(&**strings.get(a), "Dec. 30");
    }
}
