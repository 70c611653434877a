//! The generated word lists (`names_data.rs`, made by `scripts/gen-names.py` from the US
//! Census name files, the `nicknames` list, `cleanco`'s company legal forms and the
//! `holidays` package's one-word holiday names): word classes for the tagger's features, and
//! nickname equivalence for merging people ("Ted" and "Teddy" with "Edward" or "Theodore").
//!
//! It knows words, not names in text: lookups take keys that `features` already folded.

use super::features::{class, hash_bytes, KeyMap};
use super::names_data::{
    COMPANY_SUFFIXES, GIVEN_NAMES_F, GIVEN_NAMES_M, GIVEN_NAMES_U, HOLIDAYS, NICKNAMES, PERSON_VS_PLACE, SURNAMES,
};
use crate::front_coded::FrontCoded;
use crate::text::FxBuildHasher;
use std::collections::HashMap;

pub(crate) struct Names {
    /// Word-class bits by key hash.
    classes: KeyMap<u64>,
    /// Nickname or formal given name → the formal names it may stand for.
    formal: HashMap<&'static str, Vec<&'static str>, FxBuildHasher>,
}

impl Names {
    pub(crate) fn new() -> Self {
        let mut classes: KeyMap<u64> = KeyMap::default();
        for (table, bit) in [
            (GIVEN_NAMES_M, class::GIVEN_M),
            (GIVEN_NAMES_F, class::GIVEN_F),
            (GIVEN_NAMES_U, class::GIVEN_U),
            (SURNAMES, class::SURNAME),
        ] {
            let mut words = FrontCoded::new(table);
            while let Some(word) = words.next_word() {
                *classes.entry(hash_bytes(word)).or_default() |= bit;
            }
        }
        for suffix in COMPANY_SUFFIXES.lines() {
            *classes.entry(hash_bytes(suffix.as_bytes())).or_default() |= class::COMPANY_FORM;
        }
        for holiday in HOLIDAYS.lines() {
            *classes.entry(hash_bytes(holiday.as_bytes())).or_default() |= class::HOLIDAY;
        }
        let mut formal: HashMap<&'static str, Vec<&'static str>, FxBuildHasher> = HashMap::default();
        for line in NICKNAMES.lines() {
            let mut words = line.split(' ');
            let Some(name) = words.next() else { continue };
            for nick in words {
                formal.entry(nick).or_default().push(name);
            }
        }
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
        for (table, count) in [(GIVEN_NAMES_M, 1054), (GIVEN_NAMES_F, 1562), (GIVEN_NAMES_U, 145), (SURNAMES, 1500)] {
            let words = decode(table);
            assert_eq!(words.len(), count);
            assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted and distinct");
            assert!(words.iter().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())));
        }
        assert!(decode(GIVEN_NAMES_F).iter().any(|w| w == "mary"));
        assert!(decode(SURNAMES).iter().any(|w| w == "johnson"));
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
