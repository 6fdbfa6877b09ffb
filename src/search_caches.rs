//! The search caches of the checks' regexes, one per regex per thread, kept
//! here rather than in a pool inside each regex.
//!
//! A regex's cache holds the states its lazy DFA has built, and grows with
//! the text it reads: over a 200 MB corpus, those of the check patterns and
//! gate sets reach 20-30 MB. A pool inside a regex lives as long as the
//! regex, and the checks' regexes live for the run; but their caches are
//! needed only while articles are linted. Kept per thread here, [`release`]
//! lets them go before the facts are compared across the corpus, where the
//! run's memory peaks.

use rustc_hash::FxHashMap;
use std::any::Any;
use std::cell::RefCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};

thread_local! {
    /// This thread's idle caches, by owner. A regex searched again while a
    /// search of it is under way (reading a match's groups inside a loop
    /// over its matches) lends out a second cache, so there may be several.
    static IDLE: RefCell<FxHashMap<u64, Vec<Box<dyn Any>>>> = RefCell::default();
}

/// The regex (or set of regexes) caches belong to: an id no other regex of
/// the process has.
#[derive(Debug)]
pub struct Owner(u64);

impl Default for Owner {
    fn default() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Owner(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

impl Owner {
    /// An idle cache of this owner's on this thread, or a new one from
    /// `create`; it goes back to the thread's idle caches when dropped.
    pub fn cache<C: 'static>(&self, create: impl FnOnce() -> C) -> Lent<C> {
        let idle = IDLE
            .try_with(|idle| idle.borrow_mut().get_mut(&self.0)?.pop())
            .ok()
            .flatten()
            .and_then(|cache| cache.downcast::<C>().ok());
        Lent {
            owner: self.0,
            cache: Some(idle.unwrap_or_else(|| Box::new(create()))),
        }
    }
}

/// A cache lent out for a search.
pub struct Lent<C: 'static> {
    owner: u64,
    /// `Some` until dropped.
    cache: Option<Box<C>>,
}

impl<C: 'static> Deref for Lent<C> {
    type Target = C;

    fn deref(&self) -> &C {
        self.cache.as_deref().expect("lent until dropped")
    }
}

impl<C: 'static> DerefMut for Lent<C> {
    fn deref_mut(&mut self) -> &mut C {
        self.cache.as_deref_mut().expect("lent until dropped")
    }
}

impl<C: 'static> Drop for Lent<C> {
    fn drop(&mut self) {
        if let Some(cache) = self.cache.take() {
            // A thread that is exiting drops the cache instead.
            let _ = IDLE.try_with(|idle| {
                let cache: Box<dyn Any> = cache;
                idle.borrow_mut().entry(self.owner).or_default().push(cache);
            });
        }
    }
}

/// Drops the idle caches of every thread of rayon's pool (where articles are
/// linted) and of this one. A regex searched afterwards builds a new cache.
pub fn release() {
    fn here() {
        let _ = IDLE.try_with(|idle| std::mem::take(&mut *idle.borrow_mut()));
    }
    rayon::broadcast(|_| here());
    here();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_is_lent_again_once_returned() {
        let owner = Owner::default();
        let mut first = owner.cache(Vec::<u8>::new);
        first.push(7);
        drop(first);
        assert_eq!(*owner.cache(Vec::<u8>::new), [7]);
    }

    #[test]
    fn a_search_inside_a_search_gets_a_cache_of_its_own() {
        let owner = Owner::default();
        let mut outer = owner.cache(Vec::<u8>::new);
        outer.push(1);
        let inner = owner.cache(Vec::<u8>::new);
        assert!(inner.is_empty());
        drop(inner);
        drop(outer);
        // Both are kept: the last returned is lent first.
        let again = owner.cache(Vec::<u8>::new);
        assert_eq!(*again, [1]);
        assert!(owner.cache(Vec::<u8>::new).is_empty());
    }

    #[test]
    fn owners_do_not_share_caches() {
        let (one, other) = (Owner::default(), Owner::default());
        one.cache(|| vec![1u8]);
        assert!(other.cache(Vec::<u8>::new).is_empty());
    }

    #[test]
    fn released_caches_are_built_again() {
        let owner = Owner::default();
        owner.cache(|| vec![1u8]);
        release();
        assert!(owner.cache(Vec::<u8>::new).is_empty());
    }
}
