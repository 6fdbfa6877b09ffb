//! Tables of phrases ("more than", "a few dozen", "Christmas Day") looked
//! up by the text a table-driven pattern matched.

use rustc_hash::FxHashMap;

/// The longest phrase a table may hold, in bytes: a lookup lays the words
/// it is given out in a buffer of this size on the stack.
const LONGEST: usize = 64;

/// A table's entries, found by their phrase: the same words, ignoring case
/// and spacing ("More  than" finds "more than"). Where two entries have one
/// phrase, the first is found, as a search of the table in order finds it.
///
/// Hashed rather than searched: comparing a match with each phrase in turn
/// took 222,000 comparisons over 3,000 articles, 1.35% of a run, in numbers
/// alone.
pub struct Phrases<T: 'static> {
    entries: &'static [T],
    /// Each phrase, lower-cased, and its first entry.
    index: FxHashMap<Box<str>, usize>,
    /// The longest phrase: longer text is no phrase of the table.
    longest: usize,
}

impl<T> Phrases<T> {
    /// The table of `entries`, `phrase` giving each one's phrase: words
    /// one space apart.
    ///
    /// # Panics
    /// If a phrase is longer than 64 bytes or spaced otherwise: the tables
    /// are constants, and their tests build them.
    pub fn new(entries: &'static [T], phrase: impl Fn(&T) -> &'static str) -> Self {
        let mut index = FxHashMap::default();
        let mut longest = 0;
        for (i, entry) in entries.iter().enumerate() {
            let phrase = phrase(entry);
            assert!(
                phrase.len() <= LONGEST
                    && phrase
                        .split(' ')
                        .all(|word| !word.is_empty() && !word.contains(char::is_whitespace)),
                "phrase {phrase:?}: words one space apart, at most {LONGEST} bytes"
            );
            longest = longest.max(phrase.len());
            let key = phrase.to_ascii_lowercase().into_boxed_str();
            index.entry(key).or_insert(i);
        }
        Self {
            entries,
            index,
            longest,
        }
    }

    /// The entry whose phrase `written` is.
    pub fn get(&self, written: &str) -> Option<&'static T> {
        let mut key = [0u8; LONGEST];
        let mut len = 0;
        for word in written.split_whitespace() {
            let start = if len == 0 { 0 } else { len + 1 };
            let end = start + word.len();
            if end > self.longest {
                return None;
            }
            if start > 0 {
                key[len] = b' ';
            }
            key[start..end].copy_from_slice(word.as_bytes());
            len = end;
        }
        key[..len].make_ascii_lowercase();
        // Whole words were copied, and lower-casing ASCII keeps UTF-8 valid.
        let key = std::str::from_utf8(&key[..len]).ok()?;
        self.index.get(key).map(|&i| &self.entries[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[(&str, u8)] = &[
        ("more than", 1),
        ("At least", 2),
        ("more", 3),
        ("more than", 4),
        ("été", 5),
    ];

    fn table() -> Phrases<(&'static str, u8)> {
        Phrases::new(TABLE, |entry| entry.0)
    }

    /// The words of `written` and `phrase`, compared one by one ignoring
    /// ASCII case: what a lookup must agree with.
    fn same_words(written: &str, phrase: &str) -> bool {
        let written: Vec<&str> = written.split_whitespace().collect();
        let phrase: Vec<&str> = phrase.split(' ').collect();
        written.len() == phrase.len()
            && written
                .iter()
                .zip(&phrase)
                .all(|(x, y)| x.eq_ignore_ascii_case(y))
    }

    fn searched(written: &str) -> Option<u8> {
        TABLE
            .iter()
            .find(|entry| same_words(written, entry.0))
            .map(|entry| entry.1)
    }

    #[test]
    fn case_and_spacing_do_not_matter_words_do() {
        let t = table();
        let found = |written: &str| t.get(written).map(|entry| entry.1);
        assert_eq!(found("More  than"), Some(1));
        assert_eq!(found(" at\nLEAST "), Some(2));
        assert_eq!(found("\u{a0}MORE"), Some(3));
        assert_eq!(found("ÉTÉ"), None);
        assert_eq!(found("été"), Some(5));
        assert_eq!(found("lore than"), None);
        assert_eq!(found("more than that"), None);
        assert_eq!(found(""), None);
        assert_eq!(found(&"more ".repeat(40)), None);
    }

    #[test]
    #[should_panic(expected = "one space apart")]
    fn a_phrase_spaced_otherwise_is_refused() {
        const BAD: &[&str] = &["more  than"];
        Phrases::new(BAD, |p| p);
    }

    #[test]
    #[should_panic(expected = "one space apart")]
    fn a_phrase_with_a_tab_is_refused() {
        const BAD: &[&str] = &["more\tthan"];
        Phrases::new(BAD, |p| p);
    }

    proptest::proptest! {
        #[test]
        fn a_lookup_finds_what_a_search_in_order_finds(
            written in "([Mm]ore|than|AT|least|été|ÉTÉ|x|[ \t\n\u{a0}]){0,6}"
        ) {
            let t = table();
            proptest::prop_assert_eq!(t.get(&written).map(|entry| entry.1), searched(&written));
        }
    }
}
