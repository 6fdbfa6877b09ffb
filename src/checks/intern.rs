//! Values found in many articles kept once: articles about one story repeat
//! the same quotations, and a corpus-wide comparison keeps every mention.

use super::Fact;
use super::locate::Value;
use crate::values::quote::Quotation;
use std::collections::HashSet;
use std::sync::Arc;

/// The distinct quotations seen so far; equal ones share one allocation.
#[derive(Debug, Default)]
pub struct Interner {
    quotations: HashSet<Arc<Quotation>>,
}

impl Interner {
    /// A file's facts, their values shared with those kept before, in a
    /// slice of exactly their size.
    pub fn keep(&mut self, mut facts: Vec<Fact>) -> Box<[Fact]> {
        for fact in &mut facts {
            self.share(fact);
        }
        facts.into_boxed_slice()
    }

    /// Makes `fact` point at the copy of its value already kept, if any,
    /// letting its own copy go.
    fn share(&mut self, fact: &mut Fact) {
        let Value::Quote(quote) = &mut fact.value else {
            return;
        };
        match self.quotations.get(quote) {
            Some(kept) => *quote = kept.clone(),
            None => {
                self.quotations.insert(quote.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::values::quote::words;

    fn quote_fact(path: &str, text: &str) -> Fact {
        let doc = Document::parse(path, text.as_bytes().to_vec(), None).expect("readable");
        Fact {
            check: 0,
            location: doc.location(0..text.len()).compact(),
            value: Value::Quote(Arc::new(Quotation {
                words: words(text, 0..text.len()),
            })),
        }
    }

    #[test]
    fn equal_quotations_share_one_allocation() {
        let mut interner = Interner::default();
        let mut a = quote_fact("a.txt", "we will not back down");
        let mut b = quote_fact("b.txt", "We will not back down");
        let mut c = quote_fact("c.txt", "we shall not back down");
        for fact in [&mut a, &mut b, &mut c] {
            interner.share(fact);
        }
        let quote = |f: &Fact| match &f.value {
            Value::Quote(q) => q.clone(),
            _ => unreachable!("a quotation"),
        };
        assert!(Arc::ptr_eq(&quote(&a), &quote(&b)));
        assert!(!Arc::ptr_eq(&quote(&a), &quote(&c)));
        assert_eq!(a.location.path.as_ref(), "a.txt");
        assert_eq!(b.location.path.as_ref(), "b.txt");
    }
}
