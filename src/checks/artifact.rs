//! `artifact` (built in): residue of stripped links and cut text.
//!
//! When a scraper drops a link, its text goes with it and leaves tell-tale
//! grammar behind: "missiles from as Moscow struggles", "supplies for its , the
//! White House said", "said that delivered", or a paragraph that starts in the
//! middle of a sentence ("in September to meet…").

use super::Emitter;
use crate::document::Document;
use crate::matcher;
use regex_automata::meta::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A word left before punctuation: "for its , the", "an , the", "leader , as",
/// "in a video posted on .".
/// Patterns here find spans without capture groups: a plain match keeps the
/// regex engine on its fast DFA, and the few checks on a match are done by hand.
/// This one has a prefilter: it jumps from one punctuation mark to the next
/// (5x faster).
static SPACE_BEFORE_PUNCTUATION: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(r"(?-u:\b)[A-Za-z]+[ \t]+[,;.]").expect("valid artifact pattern")
});

/// Five kinds of residue, found in one scan of the text: five patterns of one
/// regex, read as they would be one by one, since a match of one never
/// overlaps a match of another: none starts with a word that can occur
/// inside another, where two start with "reported", the next word ("by",
/// "that") tells them apart, and a capitalized determiner ("The at") is
/// pattern 0's, listed first.
///
/// Pattern 0: a determiner or "from" right before a conjunction: "from and",
/// "from as", "an and"; "from to" ("missiles from to its arsenal"); a determiner right before a preposition ("in an on
/// Kyiv", where "attack" was a link; not "the in-laws"); "by and" ("condemned by and the UN"), but for "by and
/// large" and "by and by"; a preposition before "and" and a function word
/// ("trade with and that Washington"), where "agreed to and signed" or "with
/// and without" are prose; "between and" ("a summit between and Putin"); a byline's, a report's or a curator's "by" before "with", "from", "on", "in",
/// "earlier" or "yesterday" ("Reported by with additional input", "curated
/// by with support from", "as reported by earlier this week"); "at" or "from" right before a verb of saying
/// ("Analysts at told the Ledger"), unless the words after make it prose
/// ("the people he looked at told him"), or before "have" or "has" and a
/// participle ("Experts at have compared"); a possessive before "that" ("said
/// in their that"); a determiner before a participle and "by" ("pointed
/// reporters to a released by the Treasury"); "available" before two prepositions
/// ("available at in English", "available at for anyone"); "from on" before a weekday ("pulled from on
/// Thursday", not "orders from on high"); "on" after a noun that takes a
/// topic, before a preposition ("the earlier explainer on for background";
/// not "on and off", which is prose). (A literal prefilter, which [`matcher`] leaves out,
/// would be 2.5x slower here: "a" is every few bytes of English, and each hit
/// restarts the search.)
///
/// Pattern 1: "said that delivered": a verb where the subject (a stripped
/// link) should be.
///
/// Pattern 2: "said on that the city", "said in a statement on that it
/// would", "said in that the debris": a verb of saying, "on" or "in" and a
/// clause, where the day ("on Friday"), the platform ("wrote on Telegram")
/// or the month or place ("in January") was a link. It starts with verbs of
/// pattern 1 and goes on with "on" or "in", not "that". "Wrote", "posted" and
/// "reported" also take "on" for their topic ("reported on that the week
/// before"), so after them only a clause with its verb counts.
///
/// Pattern 3: "in talks with to buy", "supplied by to Russia": "with", or
/// "by" after a participle of giving, right before "to", where the name
/// between them was a link. (Bare "by to" is prose: "stopped by to say".)
/// Where it starts like pattern 0 ("with", "produced by"), "to" is not
/// "and", "with" or "from".
///
/// Pattern 4: "met Vladimir Putin at in September", "a visit by Kim Jong Un to
/// in September": a name, then two prepositions, where the place or the
/// person after the first was a link. After a common word two prepositions
/// are prose ("the people I worked with at the office", "agreed to in
/// September"); after a name they are not. Case-sensitive: the name's
/// capital is the signal.
static RESIDUE: LazyLock<Regex> = LazyLock::new(|| {
    let dangling = r"(?i)(?-u:\b)(?:(?:from|an?|the|its|their|our)\s+(?:and|or|but|as)|from\s+to|(?:its|their|our)\s+that|(?:an?|the)\s+(?:released|published|issued)\s+by|available\s+(?:at|on|from|via)\s+(?:in|on|at|from|for)|from\s+on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:explainer|backgrounder|factbox|primer|article|report|story|analysis|guide|timeline)\s+on\s+(?:for|from|with|by)|(?:an?|the)\s+(?:on|in|at|of|with|by|from)|(?:by|with|for|to|about|against|of|on|at|between)\s+and|(?:reported|written|edited|compiled|produced|curated|organi[sz]ed|translated|statement|report|article|story|interview|posted|published)\s+by\s+(?:with|from|on|in|earlier|yesterday)|(?:at|from)\s+(?:told|said|says|added|reported|wrote|confirmed)|at\s+(?:have|has)\s+[a-z]+ed)(?-u:\b)";
    let missing_subject = r"(?i)(?-u:\b)(?:said|says|say|saying|added|announced|reported|confirmed|claimed|noted|stated|warned)\s+that\s+[a-z]+ed(?-u:\b)";
    let missing_day = r"(?i)(?-u:\b)(?:(?:said|says|say|added|announced|confirmed|claimed|stated|warned|wrote|writes|posted|tweeted|reported)(?:\s+in\s+an?\s+(?:statement|post|video|interview|speech|address|message))?\s+(?:on|in)|(?:posted|published|shared|uploaded)\s+to)\s+that(?-u:\b)";
    let missing_object = r"(?i)(?-u:\b)(?:with|(?:supplied|provided|sent|delivered|given|sold|transferred|shipped|made|produced|manufactured)\s+by)\s+to(?-u:\b)";
    let name_then_prepositions = r"(?-u:\b)[A-Z][a-z]+\s+(?:at|to|with|from|by|for)\s+(?:in|on|at|after|before|during|for|with|to)(?-u:\b)";
    matcher::build_many_str(&[
        dangling.to_string(),
        missing_subject.to_string(),
        missing_day.to_string(),
        missing_object.to_string(),
        name_then_prepositions.to_string(),
    ])
    .expect("valid artifact patterns")
});

/// A link whose text is gone: an HTML anchor with nothing between its tags
/// (`<a href="…"></a>`), or a Markdown link with empty brackets (`[](…)`,
/// not an image's `![](…)`). The text it had is what the sentence lacks.
static EMPTY_LINK: LazyLock<Regex> = LazyLock::new(|| {
    matcher::build_str_prefiltered(r"(?i)<a(?-u:\b)[^<>]*>\s*</a\s*>|\[\s*\]\([^()\s]*\)")
        .expect("valid empty-link pattern")
});

/// Prepositions before "and" that are residue only when a function word follows
/// ("trade with and that Washington"), not a verb or another preposition.
const PREPOSITIONS: &[&str] = &["with", "for", "to", "about", "against", "of", "on", "at"];

/// Words after "with and" that show the name between them was stripped.
const FUNCTION_WORDS: &[&str] = &[
    "that", "the", "a", "an", "which", "its", "his", "her", "their", "said", "says", "is", "was",
    "were", "has", "have", "had", "will", "would", "may", "might", "can", "could", "should",
    "must",
];

/// "as" after "from" that starts a comparison, not a stripped name.
const COMPARATIVES: &[&str] = &[
    "early", "late", "far", "many", "much", "little", "long", "soon", "recently", "high", "low",
    "young", "old", "well", "close", "near", "few",
];

/// Verbs whose subject is often the pronoun "that" ("Kirby said that showed how
/// isolated Moscow had become"): not a missing name.
const PRONOUN_VERBS: &[&str] = &[
    "showed",
    "proved",
    "demonstrated",
    "suggested",
    "indicated",
    "signalled",
    "signaled",
    "reflected",
    "marked",
    "mattered",
    "happened",
    "helped",
    "changed",
    "illustrated",
    "underscored",
    "underlined",
    "highlighted",
    "explained",
    "appeared",
    "seemed",
    "sparked",
    "prompted",
    "triggered",
    "followed",
    "worked",
    "succeeded",
    "failed",
    "remained",
];

/// "-ed" words that are adjectives after "that" ("said that armed groups").
const ED_ADJECTIVES: &[&str] = &[
    "armed",
    "advanced",
    "united",
    "detailed",
    "organized",
    "organised",
    "limited",
    "related",
    "alleged",
    "unnamed",
    "unidentified",
    "embattled",
    "renewed",
    "increased",
    "reduced",
    "continued",
    "proposed",
    "planned",
    "coordinated",
    "sustained",
    "prolonged",
    "heightened",
    "unprecedented",
    "expanded",
    "combined",
    "need",
    "speed",
    "seed",
    "feed",
    "shed",
    "bed",
    "hundred",
    "red",
    "isolated",
    "elected",
    "biased",
    "belated",
    "disputed",
    "occupied",
    "annexed",
    "contested",
    "wounded",
    "injured",
];

/// Lower-case words that may start a paragraph: brands, name particles,
/// news agencies that write their names in lower case (dpa, epa, bne), as in
/// a credit line ("dpa and AFP contributed to this report"), and "russia",
/// which Ukraine's government writes in lower case on purpose.
const LOWERCASE_STARTS: &[&str] = &[
    "iphone", "ipad", "ios", "ebay", "e.g", "i.e", "de", "van", "von", "al", "bin", "dpa", "epa",
    "bne", "russia", "russian", "russians",
];

/// Compiled `artifact` check (no settings).
#[derive(Debug)]
pub struct Artifact;

impl Artifact {
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        let text = &doc.lintable[unit.clone()];
        let mut spans: Vec<Range<usize>> = Vec::new();
        spans.extend(
            SPACE_BEFORE_PUNCTUATION
                .find_iter(text)
                .filter(|m| {
                    let after = &text[m.end()..];
                    // A spaced ellipsis (". . .") is punctuation, not residue.
                    let ellipsis = text[m.range()].ends_with('.')
                        && after.trim_start_matches([' ', '\t']).starts_with('.');
                    after.chars().next().is_none_or(char::is_whitespace) && !ellipsis
                })
                .map(|m| m.range()),
        );
        spans.extend(
            RESIDUE
                .find_iter(text)
                .filter_map(|m| match m.pattern().as_usize() {
                    0 => dangling_word(text, m.range()),
                    1 => missing_subject(text, m.range()),
                    2 => missing_day(text, m.range()),
                    3 => with_or_by_to(text, m.range()),
                    _ => prepositions_after_name(text, m.range()),
                }),
        );
        spans.extend(
            lowercase_paragraph_starts(doc, &unit)
                .map(|r| r.start - unit.start..r.end - unit.start),
        );
        spans.sort_by_key(|r| r.start);
        spans.dedup();
        // A span over blanked text (a URL, inline code) is no residue: "See
        // <https://…>." reads as "See ." once the link is blanked.
        spans.retain(|span| {
            let span = unit.start + span.start..unit.start + span.end;
            doc.text.get(span.clone()) == doc.lintable.get(span)
        });
        // A link left with no text, read in the article as written (Markdown's
        // tags are blanked).
        let written = &doc.text[unit.clone()];
        spans.extend(
            EMPTY_LINK
                .find_iter(written)
                .filter(|m| !written[..m.start()].ends_with('!'))
                .map(|m| m.range()),
        );
        spans.sort_by_key(|r| r.start);
        for span in spans {
            let found = written[span.clone()].to_string();
            emit.report(
                unit.start + span.start..unit.start + span.end,
                &found,
                "",
                None,
            );
        }
    }
}

/// The span of a determiner or preposition before a conjunction, unless the
/// words around it make it prose.
fn dangling_word(text: &str, found: Range<usize>) -> Option<Range<usize>> {
    // "the in-laws", "an on-site team": one word, not two.
    if text[found.end..].starts_with(['-', '‑']) {
        return None;
    }
    let next = text[found.end..].split_whitespace().next().unwrap_or("");
    let next = next
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    let words = text[found.clone()].to_ascii_lowercase();
    let first = words.split_whitespace().next().unwrap_or("");
    let comparison = words.ends_with("as") && COMPARATIVES.contains(&next.as_str());
    let idiom = first == "by" && matches!(next.as_str(), "large" | "by");
    // After "preposition and", a function word or a name's possessive shows
    // the noun before "and" was stripped ("trade with and that", "alert on
    // and OFAC's"), unless "on" is a phrasal verb's ("went on and Kyiv's").
    let after = &text[found.end..];
    let phrasal_on = first == "on" && ends_phrasal_verb(&text[..found.start]);
    let noun_gone = !phrasal_on
        && (FUNCTION_WORDS.contains(&leading_word(after).as_str())
            || starts_with_possessive_name(after));
    let prose = PREPOSITIONS.contains(&first) && !noun_gone;
    // "an explainer on for background": the topic after "on" is gone, and
    // the span starts at "on".
    let second = first.len() + words[first.len()..].len() - words[first.len()..].trim_start().len();
    let topic_gone = TOPIC_NOUNS.contains(&first) && words[second..].starts_with("on");
    let start = found.start + if topic_gone { second } else { 0 };
    (!(comparison || idiom || prose)).then_some(start..found.end)
}

/// Nouns "on" gives a topic to: "an explainer on for background" lost it.
const TOPIC_NOUNS: &[&str] = &[
    "explainer",
    "backgrounder",
    "factbox",
    "primer",
    "article",
    "report",
    "story",
    "analysis",
    "guide",
    "timeline",
];

/// The span from "that" to the verb after it ("that delivered"), not the verb
/// of saying before it, unless the verb is an adjective or takes "that" as
/// its subject.
fn missing_subject(text: &str, found: Range<usize>) -> Option<Range<usize>> {
    let words = &text[found.clone()];
    let that = words.to_ascii_lowercase().rfind("that")?;
    let verb = words[that + 4..].trim().to_ascii_lowercase();
    let ordinary = ED_ADJECTIVES.contains(&verb.as_str()) || PRONOUN_VERBS.contains(&verb.as_str());
    (!ordinary).then(|| found.start + that..found.end)
}

/// Words that start a clause after "said on that": "on that day" is prose,
/// "on that the city" is not.
const CLAUSE_STARTS: &[&str] = &[
    "the", "a", "an", "it", "he", "she", "they", "we", "its", "his", "her", "their", "there",
    "this", "these", "those",
];

/// Verbs that take "on" for their topic ("wrote on that subject") or "to"
/// for where ("posted to that forum").
const TOPIC_VERBS: &[&str] = &[
    "wrote",
    "writes",
    "posted",
    "tweeted",
    "reported",
    "published",
    "shared",
    "uploaded",
];

/// Verbs that show a clause has begun: "that rescuers were", "that the
/// city had".
const FINITE_VERBS: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should", "might",
    "must", "did",
];

/// The span from "on" or "in" to "that" ("said on that the city"), or from
/// "to" ("a statement posted to that Ottawa was"), when a clause follows, not
/// a noun that "that" points to ("said on that day", "said in that regard"): a word that starts one,
/// or (after a verb that takes a topic) a subject of one or two words and
/// its verb ("wrote on that rescuers were").
fn missing_day(text: &str, found: Range<usize>) -> Option<Range<usize>> {
    let words = text[found.clone()].to_ascii_lowercase();
    let on = words[..words.rfind("that")?]
        .trim_end()
        .rfind(char::is_whitespace)?
        + 1;
    let after = &text[found.end..];
    let takes_topic = TOPIC_VERBS.iter().any(|verb| words.starts_with(verb));
    let next = leading_word(after);
    let starts_clause = !takes_topic && CLAUSE_STARTS.contains(&next.as_str());
    (starts_clause || is_plural_noun(&next) || has_subject_and_verb(after))
        .then(|| found.start + on..found.end)
}

/// Nouns that end in "s" and take "that": "said on that news".
const SINGULAR_IN_S: &[&str] = &["means", "news", "series", "species", "whereabouts"];

/// Whether a lower-case `word` reads as a plural noun, which "that" cannot
/// point to: "said on that fragments recovered …" lost its link, "said on
/// that basis" did not.
fn is_plural_noun(word: &str) -> bool {
    word.len() > 3
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && word.ends_with('s')
        && !["ss", "us", "is", "ics"]
            .iter()
            .any(|end| word.ends_with(end))
        && !SINGULAR_IN_S.contains(&word)
}

/// Whether `text` opens with a subject of one or two words and a finite
/// verb, each word after a single space; or with a name or a word that
/// starts a clause and up to three more words before a finite verb or one in
/// the past ("North Korea's deliveries violated", "the city's metro stations
/// were").
fn has_subject_and_verb(text: &str) -> bool {
    let words: Vec<&str> = text
        .trim_start()
        .splitn(6, ' ')
        .take(5)
        .take_while(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        })
        .collect();
    let is_verb = |w: &&str| FINITE_VERBS.contains(&w.to_ascii_lowercase().as_str());
    let is_past = |w: &&str| w.len() > 4 && w.ends_with("ed");
    let led = words.first().is_some_and(|w| {
        w.starts_with(char::is_uppercase)
            || CLAUSE_STARTS.contains(&w.to_ascii_lowercase().as_str())
    });
    words.first().is_some_and(|w| !is_verb(w))
        && (words.iter().take(3).skip(1).any(is_verb)
            || led && words.iter().skip(1).any(|w| is_verb(w) || is_past(w)))
}

/// The two prepositions after a name ("at in" in "Putin at in September");
/// not before a hyphen ("invited Biden to in-person talks").
fn prepositions_after_name(text: &str, found: Range<usize>) -> Option<Range<usize>> {
    if text[found.end..].starts_with(['-', '‑']) {
        return None;
    }
    let name_end = text[found.clone()].find(char::is_whitespace)?;
    let first = text[found.start + name_end..found.end].find(|c: char| !c.is_whitespace())?;
    Some(found.start + name_end + first..found.end)
}

/// The span from "with" or "by" to "to": "with to", "by to"; not "with
/// to-do lists".
fn with_or_by_to(text: &str, found: Range<usize>) -> Option<Range<usize>> {
    if text[found.end..].starts_with('-') {
        return None;
    }
    let words = text[found.clone()].to_ascii_lowercase();
    let start = words.rfind("with").or_else(|| words.rfind("by"))?;
    Some(found.start + start..found.end)
}

/// Whether `text` opens with a name's possessive ("OFAC's guidance"): as a
/// function word does, it shows the noun before "and" is gone ("our alert
/// on and OFAC's guidance").
fn starts_with_possessive_name(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or("");
    word.starts_with(|c: char| c.is_uppercase()) && (word.ends_with("'s") || word.ends_with("’s"))
}

/// Verbs "on" makes phrasal ("went on and Kyiv's streets filled").
const ON_VERBS: &[&str] = &[
    "go", "goes", "going", "gone", "went", "carry", "carries", "carrying", "hold", "holds",
    "holding", "keep", "keeps", "keeping", "kept", "move", "moves", "moving", "come", "comes",
    "coming", "came", "live", "lives", "living", "turn", "turns", "turning", "press", "presses",
    "pressing", "push", "pushes", "pushing", "log", "logs", "switch", "switches",
];

/// Whether `before` ends with a verb "on" may belong to: one of
/// [`ON_VERBS`] or a past form ("turned on", "carried on").
fn ends_phrasal_verb(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    word.ends_with("ed") || ON_VERBS.contains(&word.as_str())
}

/// The first run of letters and digits in `text`, after spaces, lower-cased:
/// "that" in " that's".
fn leading_word(text: &str) -> String {
    let text = text.trim_start();
    let end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    text[..end].to_ascii_lowercase()
}

/// The first word of each paragraph in `unit` that starts with a lower-case letter.
fn lowercase_paragraph_starts<'a>(
    doc: &'a Document,
    unit: &'a Range<usize>,
) -> impl Iterator<Item = Range<usize>> + 'a {
    doc.paragraphs
        .iter()
        .filter(move |p| p.start >= unit.start && p.end <= unit.end)
        .filter_map(move |p| {
            let text = &doc.lintable[p.clone()];
            let word_len = text
                .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
                .unwrap_or(text.len());
            let word = text[..word_len].trim_end_matches('.');
            // ASCII only: a paragraph opened by mojibake ("â€œSo far," for
            // "“So far,") starts with a lower-case "â", and is no cut sentence.
            let starts_lower = word.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            // A label ("by: Associated Press", "source: …") is no cut
            // sentence, nor a forum's handle ("u/kyiv_watcher", "r/worldnews").
            let label = text[word_len..].starts_with([':', '/']);
            // Most paragraphs start with a capital: no word to look up.
            let cut =
                starts_lower && !label && !LOWERCASE_STARTS.contains(&word.to_lowercase().as_str());
            cut.then(|| p.start..p.start + word.len())
        })
}

#[cfg(test)]
mod tests {

    /// Asserts that none of `texts` is flagged.
    fn assert_silent(texts: &[&str]) {
        for text in texts {
            assert!(flagged(text).is_empty(), "{text}: {:?}", flagged(text));
        }
    }

    fn flagged(text: &str) -> Vec<String> {
        let checks = "[[check]]\nid = \"stripped-link\"\nkind = \"artifact\"\n";
        crate::checks::findings_of(checks, text)
            .into_iter()
            .map(|f| f.primary.text().to_string())
            .collect()
    }

    #[test]
    fn seed_article_residue() {
        assert_eq!(
            flagged(
                "Russia has acquired ballistic missiles from and is seeking close-range ballistic missiles from as Moscow struggles to replenish supplies for its , the White House said Thursday."
            ),
            ["from and", "from as", "its ,"]
        );
        assert_eq!(
            flagged("It fired as part of an , the impact of which"),
            ["an ,"]
        );
        assert_eq!(
            flagged("The White House in October said that delivered more than 1,000 containers."),
            ["that delivered"]
        );
        assert_eq!(
            flagged("First paragraph.\n\nin September to meet and visit key military sites."),
            ["in"]
        );
    }

    #[test]
    fn a_noun_stripped_between_a_determiner_and_a_preposition() {
        assert_eq!(
            flagged("Moscow launched missiles in an on Kyiv and Kharkiv, Kirby said."),
            ["an on"]
        );
        assert!(flagged("She met the in-laws and an on-site team.").is_empty());
    }

    #[test]
    fn a_name_stripped_before_a_verb_of_saying() {
        assert_eq!(
            flagged("Analysts at told the Ledger that the launchers matter."),
            ["at told"]
        );
        assert_eq!(
            flagged("Officials from said the strike was deliberate."),
            ["from said"]
        );
        assert!(flagged("The analysts he spoke to at length said so.").is_empty());
    }

    #[test]
    fn a_day_stripped_after_a_verb_of_saying() {
        assert_eq!(
            flagged("Mayor Ihor Terekhov said on that the city was hit again overnight."),
            ["on that"]
        );
        assert_eq!(
            flagged("The ministry said in a statement on that it would \"not go unpunished\"."),
            ["on that"]
        );
        assert!(flagged("He said on that day that the city was hit.").is_empty());
        assert!(flagged("Asked about the strike, he said only that the city was hit.").is_empty());
        // "Report on" and "write on" take an object: "reported on that the week before".
        assert!(flagged("She reported on that the previous week.").is_empty());
        assert!(flagged("He wrote on that subject for years.").is_empty());
        assert_eq!(
            flagged("Baerbock wrote on that North Korea's deliveries violated UN resolutions."),
            ["on that"]
        );
        assert!(flagged("She wrote on that Telegram channel she used for years.").is_empty());
        assert!(flagged("He wrote on that topic and reported it.").is_empty());
        assert_eq!(
            flagged("Experts at have compared the design to the Iskander."),
            ["at have compared"]
        );
        // A month or a place gone after "in".
        assert_eq!(
            flagged("The Ukrainian air force said in that the debris fell on homes."),
            ["in that"]
        );
        assert!(flagged("The air force said in that regard the debris fell on homes.").is_empty());
        // A topic gone after "on".
        assert_eq!(
            flagged("See the earlier explainer on for background on the Hwasong-11."),
            ["on for"]
        );
        assert_eq!(
            flagged("An explainer\non from the ISW said so."),
            ["on from"]
        );
        assert_silent(&[
            "Read our explainer on how the missiles work.",
            "The report on for-profit contractors was published.",
            "A timeline on and off the battlefield.",
        ]);
        // A plural noun after "that" starts a clause of its own.
        assert_eq!(
            flagged("The agency said on that fragments recovered in Kharkiv bore markings."),
            ["on that"]
        );
        assert_silent(&[
            "The agency said on that basis the fragments were Korean.",
            "Officials said on that news that talks would resume.",
            "He said on that series of strikes nothing more.",
        ]);
        assert_eq!(
            flagged("Klitschko wrote on that the city's metro stations were open."),
            ["on that"]
        );
        assert_eq!(
            flagged("The disclosure follows a report by on Wednesday that officials met."),
            ["report by on"]
        );
        // After them, a clause with its verb: a platform was stripped.
        assert_eq!(
            flagged("Kyiv Mayor Vitali Klitschko wrote on that rescuers were still working."),
            ["on that"]
        );
        assert_eq!(
            flagged("The governor posted on that the city had no power."),
            ["on that"]
        );
    }

    #[test]
    fn a_name_stripped_before_a_conjunction_or_a_clause() {
        assert_eq!(
            flagged("For background, see our prior alert on and OFAC's guidance on sanctions."),
            ["on and"]
        );
        assert_eq!(
            flagged(
                "Global Affairs Canada said in a statement posted to that Ottawa was consulting allies."
            ),
            ["to that"]
        );
        assert!(flagged("The lights went on and Kyiv's streets filled.").is_empty());
        assert!(flagged("The power was switched on and Kharkiv's trams ran.").is_empty());
        assert!(flagged("He posted to that forum for years, and the site was shut.").is_empty());
        assert!(flagged("The video, posted to that channel on Tuesday, was removed.").is_empty());
    }

    #[test]
    fn a_name_stripped_before_a_modal_or_a_preposition() {
        assert_eq!(
            flagged("The full brief is available on and may be quoted with attribution."),
            ["on and"]
        );
        assert_eq!(
            flagged("The joint statement is available at in English and French."),
            ["available at in"]
        );
        assert!(flagged("Tickets are available at in-store kiosks.").is_empty());
        assert_eq!(
            flagged("The transcript was pulled from on Thursday evening."),
            ["from on Thursday"]
        );
        assert!(flagged("Orders came from on high on Thursday.").is_empty());
        assert_eq!(
            flagged("The institute said in their that Russia was short of missiles."),
            ["their that"]
        );
        assert_eq!(
            flagged("Kirby pointed reporters to a released by the Treasury."),
            ["a released by"]
        );
        assert!(flagged("The text released by the Treasury said so.").is_empty());
        assert_eq!(
            flagged("As first reported by on Thursday, Moscow is close to a deal."),
            ["reported by on"]
        );
        assert_eq!(
            flagged("Source: statement by on 13 Oct 2023"),
            ["statement by on"]
        );
        assert!(flagged("It was reported by the Journal on Thursday.").is_empty());
        assert!(flagged("The lights came on and may stay on.").is_empty());
        assert!(flagged("The fighting went on and the city burned.").is_empty());
    }

    #[test]
    fn a_name_stripped_before_to() {
        assert_eq!(
            flagged("Russia was also in talks with to buy close-range missiles."),
            ["with to"]
        );
        assert_eq!(
            flagged("The missiles were supplied by to Russia in violation of the resolutions."),
            ["by to"]
        );
        assert!(flagged("He stopped by to say goodbye, and agreed with Tokyo.").is_empty());
        assert!(flagged("They came up with to-do lists.").is_empty());
    }

    #[test]
    fn other_residue() {
        assert_eq!(
            flagged("Gladkov announced the closures in a video posted on . Schools shut."),
            ["on ."]
        );
        assert_eq!(flagged("It was posted on ."), ["on ."]);
        assert_eq!(
            flagged("The attack was condemned by and the UN Secretary-General."),
            ["by and"]
        );
        assert_eq!(
            flagged("Resolutions bar any arms trade with and that Washington would act."),
            ["with and"]
        );
        assert_eq!(
            flagged("Officials said that delivered 300 shells, Kirby added."),
            ["that delivered"]
        );
        assert_eq!(
            flagged("Reported by with additional input from wire services."),
            ["Reported by with"]
        );
        // A byline with its name, and "reported that", are prose.
        assert!(
            flagged("Reported by Anna Lee with additional input from wire services.").is_empty()
        );
        assert!(flagged("Officials reported that Kyiv was hit.").is_empty());
        // A lower-case label starting a paragraph is a byline, not a cut sentence.
        assert!(flagged("Title\n\nby: Associated Press and staff\n\nText.").is_empty());
        // Two prepositions after a name; after a common word they are prose.
        assert_eq!(
            flagged("He met Russian President Vladimir Putin at in September."),
            ["at in"]
        );
        assert_eq!(
            flagged("It follows a visit by Kim Jong Un to in September."),
            ["to in"]
        );
        assert!(
            flagged("The people I worked with at the office agreed to in September.").is_empty()
        );
        assert!(
            flagged("Kyiv invited Biden to in-person talks. He looked at in detail.").is_empty()
        );
        // A link left with no text.
        assert_eq!(
            flagged("Missiles went to <a href=\"https://x.org/russia\"></a> as Moscow struggles."),
            ["<a href=\"https://x.org/russia\"></a>"]
        );
        assert_eq!(
            flagged("Missiles went to [](https://x.org/r) as Moscow struggles."),
            ["[](https://x.org/r)"]
        );
        assert!(
            flagged("A photo: ![](https://x.org/p.jpg) and <a href=\"#\">the map</a>.").is_empty()
        );
        assert_eq!(
            flagged("It followed a summit between and Russian President Vladimir Putin."),
            ["between and"]
        );
        assert!(
            flagged("Title\n\nu/kyiv_watcher — 980 points\n\nr/worldnews • 17 hr. ago").is_empty()
        );
        assert_eq!(flagged("Title\n\nin September to meet.\n"), ["in"]);
    }

    #[test]
    fn blanked_links_and_code_are_not_residue() {
        let checks = "[[check]]\nid = \"stripped-link\"\nkind = \"artifact\"\n";
        let doc = crate::document::Document::parse(
            "a.md",
            b"See <https://example.org/a-b>. Run `cargo test` , then stop.\n".to_vec(),
            None,
        )
        .expect("parses");
        let set = crate::checks::check_set(checks);
        let found = crate::lint::lint_document(&set, &doc).findings;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn pronoun_that_and_idioms_pass() {
        let prose = [
            "Kirby said that showed how isolated Moscow had become.",
            "Tim Cook said that mattered more than being first.",
            "By and large, the strikes missed. They came by and by.",
            "He paused . . . and went on.",
            "Flights to and from Kyiv resumed.",
            "Kyiv agreed to and signed the deal; aid came with and without conditions.",
            "They voted for and against the bill.",
        ];
        for text in prose {
            assert!(flagged(text).is_empty(), "{text}: {:?}", flagged(text));
        }
    }

    #[test]
    fn ordinary_prose_passes() {
        let prose = [
            "Attacks came from as early as 2014, and from as far as Crimea.",
            "The officials said that armed groups were involved.",
            "They fought for the town and its people, the mayor said.",
            "Ukraine has struggled, and Russia, as well as Iran, has not.",
            "iPhone sales fell.",
            "Prices rose 2.5 percent; wages did not.",
            // Ukraine's government writes "russia" in lower case.
            "Kyiv, 8 January.\n\nrussia uses North Korean missiles against Ukraine.",
            // Mojibake of a curly quote opens the paragraph: no cut sentence.
            "Kirby spoke.\n\nâ€œSo far, we have no information,â€\u{9d} Ihnat said.",
        ];
        for text in prose {
            assert!(flagged(text).is_empty(), "{text}: {:?}", flagged(text));
        }
    }
}
