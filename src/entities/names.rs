//! The generated word lists (`names_data.rs`, made by `scripts/gen-names.py` from the US
//! Census name files, the `nicknames` list, `cleanco`'s company legal forms and the
//! `holidays` package's one-word holiday names): word classes for the tagger's features, and
//! nickname equivalence for merging people ("Ted" and "Teddy" with "Edward" or "Theodore").
//!
//! The nicknames are carried as ids into the name words (every given name of the three lists
//! and the nicknames that are none, merged into one sorted list: see `write_nicknames` in the
//! generator), which are decoded once a process into one string ([`NameWords`]); the nickname
//! table's formal names and nicknames are slices of it.
//!
//! It knows words, not names in text: lookups take keys that `features` already folded.

use super::features::{class, hash_bytes, KeyMap};
use super::names_data::{
    COMPANY_SUFFIXES, GIVEN_NAMES_F, GIVEN_NAMES_M, GIVEN_NAMES_U, HOLIDAYS, NICKNAMES_UNLISTED, NICKNAME_COUNTS,
    NICKNAME_FORMALS, NICKNAME_HIGH, NICKNAME_LOW, PERSON_VS_PLACE, SURNAMES,
};
use crate::front_coded::FrontCoded;
use crate::text::FxBuildHasher;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The generated lists the name words merge, in the order of [`NameWords::lists`]' numbers
/// (the given names' class bits by the same numbers, in [`LIST_CLASSES`]).
const NAME_WORD_LISTS: [&str; 4] = [GIVEN_NAMES_M, GIVEN_NAMES_F, GIVEN_NAMES_U, NICKNAMES_UNLISTED];

/// The word class of each list of [`NAME_WORD_LISTS`] (none for the unlisted nicknames).
const LIST_CLASSES: [u64; 4] = [class::GIVEN_M, class::GIVEN_F, class::GIVEN_U, 0];

/// A word's first eight bytes as a big-endian number, zeros after a shorter word.
fn prefix_number(word: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    for (to, &from) in bytes.iter_mut().zip(word) {
        *to = from;
    }
    u64::from_be_bytes(bytes)
}

/// The name words: every word of [`NAME_WORD_LISTS`] in one sorted list, whose places are the
/// ids of the generated nickname tables. Decoded once a process ([`NameWords::get`]), so that
/// the nickname table can hold `&'static str` slices of it.
struct NameWords {
    /// The words, one after another.
    text: String,
    /// Where each word ends in `text`.
    ends: Vec<u32>,
    /// The list of [`NAME_WORD_LISTS`] each word comes from.
    lists: Vec<u8>,
}

impl NameWords {
    /// The name words, decoded at the first call: the four lists' sorted words merged, the
    /// smallest of their next words at each step (linear in the lists).
    fn get() -> &'static NameWords {
        static WORDS: OnceLock<NameWords> = OnceLock::new();
        WORDS.get_or_init(|| {
            let mut lists = NAME_WORD_LISTS.map(FrontCoded::new);
            // Each list's next word, and its first eight bytes as a big-endian number (zeros
            // after a shorter word, which sorts first, as a-z words do): what the merge
            // compares, down to the words themselves only when those are equal.
            let mut heads = [None; 4];
            for (list, head) in lists.iter_mut().zip(&mut heads) {
                *head = list.next_word().map(prefix_number);
            }
            let count = NAME_WORD_LISTS.iter().map(|l| l.len() / 4).sum();
            let mut text = Vec::with_capacity(count * 6);
            let (mut ends, mut from) = (Vec::with_capacity(count), Vec::with_capacity(count));
            loop {
                let mut smallest: Option<(usize, u64)> = None;
                for (k, head) in heads.iter().enumerate() {
                    let Some(number) = *head else { continue };
                    let smaller = match smallest {
                        None => true,
                        // OK because `s` is an index of `heads`, as long as `lists`.
                        Some((s, least)) => number < least || (number == least && lists[k].word() < lists[s].word()),
                    };
                    if smaller {
                        smallest = Some((k, number));
                    }
                }
                let Some((k, _)) = smallest else { break };
                // OK because `k` is an index of `heads`, as long as `lists`.
                text.extend_from_slice(lists[k].word());
                ends.push(text.len() as u32);
                from.push(k as u8);
                heads[k] = lists[k].next_word().map(prefix_number);
            }
            // The lists are a-z words (a test says so), so UTF-8.
            NameWords { text: String::from_utf8(text).unwrap_or_default(), ends, lists: from }
        })
    }

    /// The word of id `id`, if there is one.
    fn word(&'static self, id: usize) -> Option<&'static str> {
        let start = match id.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        self.text.get(start as usize..*self.ends.get(id)? as usize)
    }

    /// Calls `each` with every formal name of the generated nickname table and each of its
    /// nicknames, in the table's order.
    fn for_each_nickname(&'static self, mut each: impl FnMut(&'static str, &'static str)) {
        let mut nicknames = NICKNAME_HIGH.iter().zip(NICKNAME_LOW);
        let mut formal_id = 0;
        for (&gap, &count) in NICKNAME_FORMALS.iter().zip(NICKNAME_COUNTS) {
            formal_id += usize::from(gap);
            let formal = self.word(formal_id);
            for (&high, &low) in nicknames.by_ref().take(usize::from(count)) {
                let nickname = self.word(usize::from(high) << 8 | usize::from(low));
                if let (Some(formal), Some(nickname)) = (formal, nickname) {
                    each(formal, nickname);
                }
            }
        }
    }
}

pub(crate) struct Names {
    /// Word-class bits by key hash.
    classes: KeyMap<u64>,
    /// Nickname or formal given name → the formal names it may stand for.
    formal: HashMap<&'static str, Vec<&'static str>, FxBuildHasher>,
}

impl Names {
    pub(crate) fn new() -> Self {
        let name_words = NameWords::get();
        // Room for every word of the lists (a surname takes more than four bytes front-coded,
        // and a company form or holiday more than four bytes with its newline), so that the
        // table is never grown.
        let room = name_words.ends.len() + (SURNAMES.len() + COMPANY_SUFFIXES.len() + HOLIDAYS.len()) / 4;
        let mut classes: KeyMap<u64> = KeyMap::with_capacity_and_hasher(room, Default::default());
        for (id, &list) in name_words.lists.iter().enumerate() {
            let bit = LIST_CLASSES.get(usize::from(list)).copied().unwrap_or(0);
            if let (Some(word), true) = (name_words.word(id), bit != 0) {
                *classes.entry(hash_bytes(word.as_bytes())).or_default() |= bit;
            }
        }
        let mut surnames = FrontCoded::new(SURNAMES);
        while let Some(word) = surnames.next_word() {
            *classes.entry(hash_bytes(word)).or_default() |= class::SURNAME;
        }
        for suffix in COMPANY_SUFFIXES.lines() {
            *classes.entry(hash_bytes(suffix.as_bytes())).or_default() |= class::COMPANY_FORM;
        }
        for holiday in HOLIDAYS.lines() {
            *classes.entry(hash_bytes(holiday.as_bytes())).or_default() |= class::HOLIDAY;
        }
        let mut formal: HashMap<&'static str, Vec<&'static str>, FxBuildHasher> =
            HashMap::with_capacity_and_hasher(NICKNAME_LOW.len(), Default::default());
        name_words.for_each_nickname(|name, nick| formal.entry(nick).or_default().push(name));
        Names { classes, formal }
    }

    /// The word classes of a key (given name with gender, surname, company legal form).
    pub(crate) fn classes(&self, _key: &str, hash: u64) -> u64 {
        self.classes.get(&hash).copied().unwrap_or(0)
    }

    /// How much a word looks like a person's name rather than a place's, by its character
    /// trigrams (naive Bayes log-odds in sixteenths; see `scripts/gen-names.py`).
    pub(crate) fn person_vs_place(&self, key: &str) -> i32 {
        // The trigrams run over `^`, the key's characters and `$`. Most keys are ASCII: a
        // trigram is then three bytes, hashed straight off the key (the same hash).
        if key.is_ascii() {
            let trigram = |bytes: [u8; 3]| {
                let bucket = (hash_bytes(&bytes) % PERSON_VS_PLACE.len() as u64) as usize;
                // OK because the bucket is below the table's length.
                i32::from(PERSON_VS_PLACE[bucket])
            };
            let (mut total, mut before) = (0, [b'^', b'^']);
            for (k, b) in key.bytes().chain(std::iter::once(b'$')).enumerate() {
                if k >= 1 {
                    total += trigram([before[0], before[1], b]);
                }
                before = [before[1], b];
            }
            return total;
        }
        Self::person_vs_place_by_char(key)
    }

    /// [`Names::person_vs_place`] of any key, a character at a time.
    fn person_vs_place_by_char(key: &str) -> i32 {
        let mut window = ['^', '^', '^'];
        let mut filled = 1;
        let mut total = 0i32;
        let mut buf = [0u8; 12];
        for c in key.chars().chain(std::iter::once('$')) {
            window = [window[1], window[2], c];
            filled += 1;
            if filled >= 3 {
                let mut n = 0;
                for ch in window {
                    n += ch.encode_utf8(&mut buf[n..]).len();
                }
                let bucket = (hash_bytes(&buf[..n]) % PERSON_VS_PLACE.len() as u64) as usize;
                total += i32::from(PERSON_VS_PLACE[bucket]);
            }
        }
        total
    }

    /// True when two given names (keys) can name the same person: equal, or one a nickname
    /// of the other, or both nicknames of one formal name ("ted" and "teddy"). Merging tests
    /// this from each name's [`Names::formal_of`], looked up once a name.
    #[cfg(test)]
    pub(crate) fn same_given_name(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let (formal_a, formal_b) = (self.formal_of(a), self.formal_of(b));
        formal_a.contains(&b) || formal_b.contains(&a) || formal_a.iter().any(|f| formal_b.contains(f))
    }

    /// The formal given names a nickname (key) may stand for, none for any other word. Two
    /// given names `a` and `b` are `Names::same_given_name` exactly when `a` or one of
    /// `formal_of(a)` is `b` or one of `formal_of(b)` (what lets merging file a name under
    /// each of these and find it again from the other).
    pub(crate) fn formal_of(&self, key: &str) -> &[&'static str] {
        self.formal.get(key).map_or(&[][..], Vec::as_slice)
    }

    /// The generated nickname table's entries, each a formal name and its nicknames, in order
    /// (the `formal nick nick …` lines the table was written from).
    #[cfg(test)]
    pub(crate) fn nickname_entries() -> Vec<Vec<&'static str>> {
        let mut entries: Vec<Vec<&'static str>> = Vec::new();
        NameWords::get().for_each_nickname(|name, nick| match entries.last_mut() {
            Some(entry) if entry.first() == Some(&name) => entry.push(nick),
            _ => entries.push(vec![name, nick]),
        });
        entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_surnames_and_company_forms() {
        let n = Names::new();
        let c = |w: &str| n.classes(w, hash_bytes(w.as_bytes()));
        assert_ne!(c("mary") & class::GIVEN_F, 0);
        assert_ne!(c("james") & class::GIVEN_M, 0);
        assert_ne!(c("johnson") & class::SURNAME, 0);
        assert_ne!(c("inc.") & class::COMPANY_FORM, 0);
        assert_eq!(c("the"), 0);
    }

    /// Every front-coded list decodes to sorted, distinct a-z words, as the generator wrote them.
    #[test]
    fn front_coded_lists_decode_to_sorted_words() {
        let decode = FrontCoded::words;
        for (table, count) in [
            (GIVEN_NAMES_M, 1054),
            (GIVEN_NAMES_F, 1562),
            (GIVEN_NAMES_U, 145),
            (SURNAMES, 1500),
            (NICKNAMES_UNLISTED, 474),
        ] {
            let words = decode(table);
            assert_eq!(words.len(), count);
            assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted and distinct");
            assert!(words.iter().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())));
        }
        assert!(decode(GIVEN_NAMES_F).iter().any(|w| w == "mary"));
        assert!(decode(SURNAMES).iter().any(|w| w == "johnson"));
    }

    /// The name words are the four lists' words merged in order, each once, with its list.
    #[test]
    fn name_words_merge_the_lists_in_order() {
        let words = NameWords::get();
        let all: Vec<&str> = (0..words.ends.len()).filter_map(|id| words.word(id)).collect();
        assert_eq!(all.len(), 1054 + 1562 + 145 + 474);
        assert!(all.windows(2).all(|w| w[0] < w[1]), "sorted and distinct");
        assert_eq!(words.word(all.len()), None);
        for (k, table) in NAME_WORD_LISTS.iter().enumerate() {
            for word in FrontCoded::words(table) {
                let id = all.binary_search(&word.as_str()).unwrap_or(usize::MAX);
                assert_eq!(words.lists.get(id), Some(&(k as u8)), "{word}");
            }
        }
    }

    /// The nickname table decodes to formal given names in order, each with its sorted,
    /// distinct nicknames (what the generator's `formal nick nick …` lines held).
    #[test]
    fn nickname_entries_are_formal_names_and_theirs() {
        let entries = Names::nickname_entries();
        assert_eq!(entries.len(), NICKNAME_FORMALS.len());
        assert_eq!(entries.iter().map(|e| e.len() - 1).sum::<usize>(), NICKNAME_LOW.len());
        assert!(entries.windows(2).all(|w| w[0][0] < w[1][0]));
        let n = Names::new();
        for entry in &entries {
            assert!(entry[1..].windows(2).all(|w| w[0] < w[1]), "{entry:?}");
            let c = n.classes(entry[0], hash_bytes(entry[0].as_bytes()));
            assert_ne!(c & (class::GIVEN_M | class::GIVEN_F | class::GIVEN_U), 0, "{}", entry[0]);
        }
        let edward = entries.iter().find(|e| e[0] == "edward").map(|e| &e[1..]);
        assert!(edward.is_some_and(|nicks| ["ed", "eddie", "ned", "ted", "teddy"].iter().all(|n| nicks.contains(n))));
    }

    #[test]
    fn trigrams_lean_to_people_or_places() {
        let n = Names::new();
        // A weak cue (many surnames come from places), but unseen words lean the right way.
        assert!(n.person_vs_place("johnson") > 0);
        assert!(n.person_vs_place("tasmania") < 0);
        assert!(n.person_vs_place("braverman") > n.person_vs_place("tasmania"));
        assert_eq!(n.person_vs_place(""), 0);
        for key in ["", "a", "ab", "johnson", "o'neill", "st.", "x-ray"] {
            assert_eq!(n.person_vs_place(key), Names::person_vs_place_by_char(key), "{key}");
        }
    }

    #[test]
    fn nicknames_join_formal_names() {
        let n = Names::new();
        assert!(n.same_given_name("ted", "edward"));
        assert!(n.same_given_name("teddy", "ted"));
        assert!(n.same_given_name("william", "bill"));
        assert!(!n.same_given_name("mary", "john"));
    }
}
