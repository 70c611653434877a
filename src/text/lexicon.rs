//! The word classes of the token view: what a word type is, looked up once per type of a
//! document and then read by every stage as bits (`Classes`) and small payloads (a month's
//! number, a speech verb's lemma).
//!
//! This is the one home of the closed word lists that more than one stage reads: speech verbs
//! (with their inflections recognized by rule from a list of lemmas), month and weekday names
//! (whose tables are `calendar`'s, shared with the metadata parser). Lists that only one
//! stage reads stay in that stage, which memoizes them per word type with
//! [`super::Analysis::per_word`]. It knows words only, not syntax: whether `said` really
//! introduces a quote is the attribution parser's call.
//!
//! Cost: [`describe`] is one hash lookup that allocates nothing, called once per word type of
//! a batch of documents ([`super::Batch`]; of the document, for one analyzed alone), after a
//! filter of the known words' hashes that turns most other words down first. Its table
//! is built once per process, at the first call: about 3.4 M instructions natively (measured
//! 2026-11-30; a 17-byte article costs about 17 M in all, most of it such start-up tables), as
//! the rule is asked of some 2,100 generated forms; some 0.3 M less since the rule's lemma
//! search compares slices ([`lemma_spelled`], 2026-12-01). Laying it out at compile time would need
//! the rule in the build script too; it is built at run time so that the rule stays the one
//! definition.

use super::vocabulary::FxBuildHasher;
use jiff::civil::Weekday;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A set of word classes, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Classes(u16);

impl Classes {
    /// A month name or its usual abbreviation (`March`, `Sept.`).
    pub const MONTH: Classes = Classes(1);
    /// A weekday name or abbreviation (`Tuesday`, `Tues.`).
    pub const WEEKDAY: Classes = Classes(1 << 1);
    /// A form of a verb of saying (`said`, `tweeted`, `insisting`).
    pub const SPEECH_VERB: Classes = Classes(1 << 2);

    #[cfg(test)]
    pub(crate) fn contains(self, other: Classes) -> bool {
        self.0 & other.0 == other.0
    }
    pub(crate) fn intersects(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Classes {
    type Output = Classes;
    fn bitor(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Classes {
    fn bitor_assign(&mut self, other: Classes) {
        self.0 |= other.0;
    }
}

/// What the lexicon knows of one word type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Description {
    pub classes: Classes,
    /// Month number 1–12, or 0.
    pub month: i8,
    pub weekday: Option<Weekday>,
    /// Index into [`SPEECH_LEMMAS`] of a speech verb's lemma.
    pub lemma: Option<u8>,
}

impl Description {
    pub(crate) fn lemma(&self) -> Option<&'static str> {
        self.lemma.and_then(|i| SPEECH_LEMMAS.get(usize::from(i)).copied())
    }
}

/// Describes the word whose key (folded form, see [`super::fold`]) is `key`: one hash
/// lookup in a table of every word the lexicon knows, built once.
pub(crate) fn describe(key: &str) -> Description {
    describe_hashed(key, super::vocabulary::hash(key.as_bytes()))
}

/// [`describe`] of `key`, whose [`super::vocabulary::hash`] is `hashed` (the vocabulary has
/// it when it enters a new type). Most keys are no known word: a key whose hash's bit is not
/// set in the known words' filter ([`Known::filter`]) is none, without the table's lookup
/// (about 130 instructions a key: its own hash, then a probe and a comparison).
pub(crate) fn describe_hashed(key: &str, hashed: u64) -> Description {
    static KNOWN: OnceLock<Known> = OnceLock::new();
    let known = KNOWN.get_or_init(Known::new);
    let (word, bit) = filter_bit(hashed);
    // OK because `filter_bit` gives a word of the filter; `get` keeps a wrong one from panicking.
    if known.filter.get(word).is_some_and(|w| w & bit == 0) {
        return Description::default();
    }
    known.words.get(key).copied().unwrap_or_default()
}

/// The words the lexicon knows ([`known_words`]), and a filter of their hashes.
struct Known {
    words: HashMap<Box<str>, Description, FxBuildHasher>,
    /// One bit of [`FILTER_BITS`] per known word, chosen by its key's hash ([`filter_bit`]):
    /// a key whose bit is clear is no known word (some 860 of 8,192 bits are set).
    filter: [u64; FILTER_BITS / 64],
}

/// The bits of [`Known::filter`].
const FILTER_BITS: usize = 1 << 13;

/// The word of [`Known::filter`] and the bit in it of a key whose hash is `hashed`: bits 32 and
/// up of the hash (the vocabulary's tables read the low ones).
fn filter_bit(hashed: u64) -> (usize, u64) {
    let bit = (hashed >> 32) as usize % FILTER_BITS;
    (bit / 64, 1 << (bit % 64))
}

impl Known {
    fn new() -> Known {
        let words = known_words();
        let mut filter = [0; FILTER_BITS / 64];
        for key in words.keys() {
            let (word, bit) = filter_bit(super::vocabulary::hash(key.as_bytes()));
            // OK because `filter_bit` gives a word of the filter.
            filter[word] |= bit;
        }
        Known { words, filter }
    }
}

/// Every word [`describe_by_rule`] describes: month and weekday names and abbreviations, and
/// the inflections of the speech verbs. Forms are generated generously, and each is kept only
/// when the rule describes it, so the rule stays the one definition.
///
/// Built once per process (the page's extractor worker, or one CLI run), before the first
/// word is described: each form is written into one reused buffer and asked of the rule
/// (a form kept once is not asked again when generated again, as `says` is from the lemma
/// and from its stem without an `e`), and only the forms kept are allocated: some 2,100 forms
/// generated, 859 kept.
fn known_words() -> HashMap<Box<str>, Description, FxBuildHasher> {
    let mut known: HashMap<Box<str>, Description, FxBuildHasher> =
        HashMap::with_capacity_and_hasher(KNOWN_WORDS, FxBuildHasher);
    let mut form = String::new();
    let mut ask = |parts: &[&str]| {
        form.clear();
        parts.iter().for_each(|p| form.push_str(p));
        if known.contains_key(form.as_str()) {
            return;
        }
        let d = describe_by_rule(&form);
        if d != Description::default() {
            known.insert(form.as_str().into(), d);
        }
    };
    let mut with_dot = |word: &str| {
        ask(&[word]);
        ask(&[word, "."]);
    };
    for month in crate::calendar::MONTHS {
        with_dot(month);
        with_dot(&month[..3]);
        with_dot(&month[..4.min(month.len())]);
    }
    for (day, _) in crate::calendar::WEEKDAYS {
        for len in 3..=day.len().min(5) {
            with_dot(&day[..len]);
        }
        with_dot(day);
    }
    for (form, _) in IRREGULAR {
        ask(&[form]);
    }
    let mut doubled = String::new();
    for lemma in SPEECH_LEMMAS {
        let bare = lemma.strip_suffix('e').unwrap_or(lemma);
        doubled.clear();
        doubled.push_str(lemma);
        doubled.extend(lemma.chars().last());
        for stem in [*lemma, bare, doubled.as_str()] {
            for ending in ["", "s", "es", "d", "ed", "ing"] {
                ask(&[stem, ending]);
            }
        }
        if let Some(stem) = lemma.strip_suffix('y') {
            ask(&[stem, "ies"]);
            ask(&[stem, "ied"]);
        }
    }
    known
}

/// About the number of forms [`known_words`] keeps, for its table's size.
const KNOWN_WORDS: usize = 896;

/// Describes `key` by the rules: month and weekday names as `calendar` reads them, speech
/// verbs by [`speech_lemma`].
fn describe_by_rule(key: &str) -> Description {
    let mut d = Description::default();
    let Some(first) = key.bytes().next() else {
        return d;
    };
    if !first.is_ascii_alphabetic() {
        return d;
    }
    if let Some(m) = crate::calendar::month_number(key) {
        d.classes |= Classes::MONTH;
        d.month = m;
    }
    if let Some(w) = crate::calendar::weekday(key) {
        d.classes |= Classes::WEEKDAY;
        d.weekday = Some(w);
    }
    if let Some(lemma) = speech_lemma(key) {
        d.classes |= Classes::SPEECH_VERB;
        // The list is sorted (a test checks): a binary search finds its place.
        d.lemma = SPEECH_LEMMAS.binary_search(&lemma).ok().and_then(|i| u8::try_from(i).ok());
    }
    d
}

/// The length in bytes of the longest of [`SPEECH_LEMMAS`].
const LONGEST_LEMMA: usize = {
    let mut longest = 0;
    let mut k = 0;
    while k < SPEECH_LEMMAS.len() {
        if SPEECH_LEMMAS[k].len() > longest {
            longest = SPEECH_LEMMAS[k].len();
        }
        k += 1;
    }
    longest
};

/// Verbs of saying, writing and reporting speech, as lemmas, in byte order (binary search).
/// Their regular inflections (`-s`, `-ed`, `-ing`, with the usual spelling changes) are
/// recognized too.
pub(crate) const SPEECH_LEMMAS: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "beg",
    "blast",
    "blog",
    "boast",
    "brag",
    "caution",
    "charge",
    "chide",
    "claim",
    "clarify",
    "comment",
    "complain",
    "concede",
    "conclude",
    "concur",
    "confess",
    "confide",
    "confirm",
    "contend",
    "continue",
    "counter",
    "crow",
    "declare",
    "demand",
    "deny",
    "disagree",
    "disclose",
    "elaborate",
    "email",
    "emphasise",
    "emphasize",
    "exclaim",
    "explain",
    "fume",
    "grumble",
    "gush",
    "indicate",
    "inform",
    "insist",
    "interject",
    "joke",
    "lament",
    "maintain",
    "message",
    "mumble",
    "murmur",
    "muse",
    "mutter",
    "note",
    "object",
    "observe",
    "opine",
    "plead",
    "pledge",
    "post",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "quip",
    "rage",
    "reason",
    "recall",
    "recount",
    "reiterate",
    "rejoin",
    "remark",
    "remind",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "scoff",
    "scream",
    "shout",
    "sigh",
    "snap",
    "speak",
    "state",
    "stress",
    "suggest",
    "tell",
    "testify",
    "text",
    "thunder",
    "tweet",
    "underline",
    "underscore",
    "urge",
    "venture",
    "vow",
    "warn",
    "whisper",
    "wonder",
    "write",
    "yell",
];

/// Lemmas that are common nouns too (`a report`, `the state`): only their unambiguous verb
/// forms (`reported`, `stating`) count, never the bare form or the `-s` form.
const NOUN_LIKE: &[&str] = &[
    "answer", "blast", "blog", "charge", "claim", "comment", "counter", "demand", "email", "joke", "message", "note",
    "object", "pledge", "post", "promise", "protest", "rage", "reason", "reply", "report", "repeat", "scream", "shout",
    "sigh", "snap", "state", "stress", "text", "thunder", "tweet", "vow", "whisper", "wonder", "yell", "crow", "muse",
    "quip", "retort", "sigh",
];

const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
];

/// The lemma spelled `stem` + `tail`, by binary search (the list is sorted), the spelling
/// written into a buffer of the longest lemma's length so that each step compares two slices
/// (a chain of byte iterators, compared a byte at a time, took 1.3 M instructions of the known
/// words' build at start-up; a test compares the two). A longer spelling is no lemma.
fn lemma_spelled(stem: &str, tail: &str) -> Option<&'static str> {
    let mut spelled = [0u8; LONGEST_LEMMA];
    let n = stem.len() + tail.len();
    let (head, rest) = spelled.get_mut(..n)?.split_at_mut(stem.len());
    head.copy_from_slice(stem.as_bytes());
    rest.copy_from_slice(tail.as_bytes());
    // OK because `n <= LONGEST_LEMMA` (`get_mut` above).
    let spelled = &spelled[..n];
    SPEECH_LEMMAS.binary_search_by(|l| l.as_bytes().cmp(spelled)).ok().map(|i| SPEECH_LEMMAS[i])
}

/// The lemma of `key` (a folded word) when it is a form of a speech verb. Stems are tried in
/// a fixed order (`-ies`, `-es`, `-s`, `-ed`, `-ing`, `-d`), without building strings.
fn speech_lemma(key: &str) -> Option<&'static str> {
    if let Some((_, lemma)) = IRREGULAR.iter().find(|(form, _)| *form == key) {
        return Some(lemma);
    }
    let lemma = lemma_spelled;
    // The same, for forms that are never nouns (`-s` forms and bare forms can be).
    let verb_only = |stem: &str, tail: &str| lemma(stem, tail).filter(|l| !NOUN_LIKE.contains(l));
    if let Some(l) = verb_only(key, "") {
        return Some(l);
    }
    // Only words with an inflectional ending can be inflected forms: most words stop here.
    if !(key.ends_with('s') || key.ends_with('d') || key.ends_with("ing")) {
        return None;
    }
    let plural = [("ies", "y"), ("es", ""), ("s", "")];
    for (suffix, tail) in plural {
        if let Some(l) = key.strip_suffix(suffix).and_then(|s| verb_only(s, tail)) {
            return Some(l);
        }
    }
    for suffix in ["ed", "ing"] {
        let Some(s) = key.strip_suffix(suffix) else { continue };
        let y_stem = s.strip_suffix('i').and_then(|y| lemma(y, "y"));
        // Doubled final consonant: admitted, quipped.
        let undoubled = || {
            let mut chars = s.chars().rev();
            match (chars.next(), chars.next()) {
                // OK because `a` is the last char of `s`: cutting its length leaves a boundary.
                (Some(a), Some(b)) if a == b && !"aeiou".contains(a) => lemma(&s[..s.len() - a.len_utf8()], ""),
                _ => None,
            }
        };
        if let Some(l) = y_stem.or_else(|| lemma(s, "")).or_else(|| lemma(s, "e")).or_else(undoubled) {
            return Some(l);
        }
    }
    key.strip_suffix('d').and_then(|s| lemma(s, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemma(word: &str) -> Option<&'static str> {
        let mut key = String::new();
        super::super::fold::fold_token(word, &mut key);
        describe(&key).lemma()
    }

    #[test]
    fn recognizes_speech_verb_inflections() {
        for (word, l) in [
            ("said", "say"),
            ("Says", "say"),
            ("saying", "say"),
            ("told", "tell"),
            ("added", "add"),
            ("insisted", "insist"),
            ("tweeted", "tweet"),
            ("wrote", "write"),
            ("noted", "note"),
            ("admitted", "admit"),
            ("replied", "reply"),
            ("quipped", "quip"),
            ("stressing", "stress"),
            ("argues", "argue"),
            ("stated", "state"),
            ("asks", "ask"),
        ] {
            assert_eq!(lemma(word), Some(l), "{word}");
        }
    }

    #[test]
    fn rejects_nouns_and_other_words() {
        for word in ["report", "reports", "state", "note", "notes", "sad", "salad", "tell-tale", "the", "saddle"] {
            assert_eq!(lemma(word), None, "{word}");
        }
    }

    #[test]
    fn the_table_agrees_with_the_rules() {
        let words = [
            "said",
            "says",
            "saying",
            "tweeted",
            "replies",
            "quipped",
            "argued",
            "report",
            "reported",
            "stresses",
            "sept.",
            "tues",
            "thurs.",
            "wednesday",
            "march",
            "mar.",
            "may",
            "the",
            "salad",
            "sayed",
        ];
        for word in words {
            assert_eq!(describe(word), describe_by_rule(word), "{word}");
        }
    }

    /// The table as it was first built: every generated form in a list, each described by the
    /// rule, the described ones kept.
    fn known_words_listed() -> HashMap<Box<str>, Description, FxBuildHasher> {
        let mut forms: Vec<String> = Vec::new();
        let with_dot = |word: &str, forms: &mut Vec<String>| {
            forms.push(word.to_string());
            forms.push([word, "."].concat());
        };
        for month in crate::calendar::MONTHS {
            with_dot(month, &mut forms);
            with_dot(&month[..3], &mut forms);
            with_dot(&month[..4.min(month.len())], &mut forms);
        }
        for (day, _) in crate::calendar::WEEKDAYS {
            for len in 3..=day.len().min(5) {
                with_dot(&day[..len], &mut forms);
            }
            with_dot(day, &mut forms);
        }
        forms.extend(IRREGULAR.iter().map(|(form, _)| form.to_string()));
        for lemma in SPEECH_LEMMAS {
            let bare = lemma.strip_suffix('e').unwrap_or(lemma);
            let doubled = lemma.chars().last().map(|c| lemma.chars().chain([c]).collect()).unwrap_or_default();
            for stem in [lemma.to_string(), bare.to_string(), doubled] {
                for ending in ["", "s", "es", "d", "ed", "ing"] {
                    forms.push([stem.as_str(), ending].concat());
                }
            }
            if let Some(stem) = lemma.strip_suffix('y') {
                forms.push([stem, "ies"].concat());
                forms.push([stem, "ied"].concat());
            }
        }
        forms
            .into_iter()
            .filter_map(|form| {
                let d = describe_by_rule(&form);
                (d != Description::default()).then(|| (form.into_boxed_str(), d))
            })
            .collect()
    }

    #[test]
    fn the_table_keeps_every_described_form_once() {
        let table = known_words();
        assert_eq!(table, known_words_listed());
        // Sized for what it keeps: no growth while it is built, and not twice the room.
        assert!(table.len() <= KNOWN_WORDS && table.len() * 5 / 4 > KNOWN_WORDS, "{} forms kept", table.len());
    }

    #[test]
    fn the_filter_turns_down_no_known_word() {
        // Every known word and every generated form, and some thousands of other words, with
        // and without a period; described through the filter as by the table alone.
        let table = known_words();
        let mut keys: Vec<String> = table.keys().map(|k| k.to_string()).collect();
        keys.extend(known_words_listed().keys().map(|k| k.to_string()));
        for k in 0..5000 {
            keys.push(format!("w{k}"));
            keys.push(format!("said{k}."));
        }
        keys.extend(["", "the", "said", "says", "2009", "tues", "tue.", "ŁÓDŹ", "’s"].map(String::from));
        let filter = Known::new().filter;
        let mut turned_down = 0;
        for key in &keys {
            let plain = table.get(key.as_str()).copied().unwrap_or_default();
            assert_eq!(describe(key), plain, "{key}");
            let (word, bit) = filter_bit(super::super::vocabulary::hash(key.as_bytes()));
            turned_down += usize::from(filter[word] & bit == 0);
        }
        // The filter does turn most unknown words down.
        assert!(turned_down > 8000, "{turned_down} keys turned down by the filter");
    }

    #[test]
    fn a_lemma_spelled_in_a_buffer_is_the_iterators_lemma() {
        // The plain definition: the spelling's bytes compared as a chain of iterators.
        let plain = |stem: &str, tail: &str| {
            let spelled = stem.bytes().chain(tail.bytes());
            SPEECH_LEMMAS.binary_search_by(|l| l.bytes().cmp(spelled.clone())).ok().map(|i| SPEECH_LEMMAS[i])
        };
        let mut pairs = 0;
        for lemma in SPEECH_LEMMAS {
            // Every cut of each lemma, with its own tail or another, and lemmas grown longer.
            for cut in 0..=lemma.len() {
                let (stem, tail) = lemma.split_at(cut);
                for t in [tail, "", "e", "y", "s", "ed", "ing", "\0", "é", &lemma[cut.min(1)..], "underscores"] {
                    assert_eq!(lemma_spelled(stem, t), plain(stem, t), "{stem:?} + {t:?}");
                    pairs += 1;
                }
            }
        }
        for (stem, tail) in [("", ""), ("", "say"), ("underscore", ""), ("underscore", "s"), ("x", "")] {
            assert_eq!(lemma_spelled(stem, tail), plain(stem, tail), "{stem:?} + {tail:?}");
        }
        assert!(pairs > 5000, "{pairs} spellings");
    }

    #[test]
    fn speech_lemmas_are_sorted_for_binary_search() {
        assert!(SPEECH_LEMMAS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn months_and_weekdays_carry_their_values() {
        let d = describe("sept.");
        assert!(d.classes.contains(Classes::MONTH));
        assert_eq!(d.month, 9);
        assert_eq!(describe("tues").weekday, Some(Weekday::Tuesday));
        assert_eq!(describe("said").classes, Classes::SPEECH_VERB);
        assert_eq!(describe("2009"), Description::default());
    }
}
