//! Common nouns that tell what a speaker phrase's head is: a person by role (`official`,
//! `aide`), a group or institution (`committee`, `crowd`), or a message or document
//! (`statement`, `letter`). From WordNet 3.0 through `scripts/gen-quote-nouns.py`; agent nouns
//! that WordNet's tagged senses miss (`spokesperson`, `protester`) are read by their suffix.
//!
//! Cost: none per word: [`forms`] fills the quote stage's word table once per process, and
//! [`classes`] (the suffix rule) runs for words the table does not know.

#[rustfmt::skip]
#[path = "quote_nouns_data.rs"]
mod data;

use super::lexicon::Class;
use crate::front_coded::FrontCoded;

/// The noun classes of the folded word `key`, singular or plural, when it is a WordNet noun
/// of the lists; [`forms`] gives every such word with its class, for a table built once.
pub(crate) fn classes(key: &str) -> Class {
    if !key.bytes().all(|b| b.is_ascii_lowercase()) || key.len() < 3 {
        return Class::default();
    }
    let singular = key.strip_suffix("men").map(|stem| format!("{stem}man"));
    if singular.as_deref().is_some_and(is_agent_noun) || is_agent_noun(key.strip_suffix('s').unwrap_or(key)) {
        Class::PERSON_NOUN
    } else {
        Class::default()
    }
}

/// Every listed noun in its singular and plural forms, with its class (people first, so a
/// word in two lists is a person), as [`Forms`]: the words in one buffer, not a `String` each.
pub(crate) fn forms() -> Forms {
    let lists =
        [(data::PERSON, Class::PERSON_NOUN), (data::GROUP, Class::GROUP_NOUN), (data::DOCUMENT, Class::DOCUMENT_NOUN)];
    let mut bytes: Vec<u8> = Vec::with_capacity(lists.iter().map(|(list, _)| list.len() * 4).sum());
    // The lists are front-coded (see `crate::front_coded`): each is decoded once, here, into
    // `bytes`, the singulars first (`nouns`: where each lies, and its class).
    // The three lists hold 2,528 nouns (a test counts them).
    let mut nouns: Vec<(usize, usize, Class)> = Vec::with_capacity(2600);
    for (list, class) in lists {
        let mut words = FrontCoded::new(list);
        while let Some(word) = words.next_word() {
            let start = bytes.len();
            bytes.extend_from_slice(word);
            nouns.push((start, bytes.len(), class));
        }
    }
    // Once per process: a few dozen plurals, each looked up among the lists' nouns (the class
    // of the first list that has it). A map of the nouns, not a scan of the lists for each
    // plural, which cost more than the rest of the table. The plurals are the data's own
    // `&'static str`s.
    let irregular: Vec<(&'static str, Class)> = {
        let mut first_class: crate::text::FxHashMap<&[u8], Class> = Default::default();
        first_class.reserve(nouns.len());
        for &(start, end, class) in &nouns {
            // OK because each range was recorded around the bytes appended to `bytes`.
            first_class.entry(&bytes[start..end]).or_insert(class);
        }
        data::PLURALS
            .lines()
            .filter_map(|line| {
                let (plural, singular) = line.split_once(' ')?;
                Some((plural, *first_class.get(singular.as_bytes())?))
            })
            .collect()
    };
    // Each noun, then its regular plural, appended after all the singulars.
    let mut words: Vec<(usize, usize, Class)> = Vec::with_capacity(nouns.len() * 2);
    for (start, end, class) in nouns {
        // OK because each range was recorded around the bytes appended to `bytes`.
        let noun = &bytes[start..end];
        let (stem, ending): (usize, &[u8]) =
            if noun.ends_with(b"s") || noun.ends_with(b"x") || noun.ends_with(b"ch") || noun.ends_with(b"sh") {
                (noun.len(), b"es")
            } else if let Some(stem) = noun
                .strip_suffix(b"y")
                .filter(|s| !s.ends_with(b"a") && !s.ends_with(b"e") && !s.ends_with(b"o") && !s.ends_with(b"u"))
            {
                (stem.len(), b"ies")
            } else if let Some(stem) = noun.strip_suffix(b"man") {
                (stem.len(), b"men")
            } else {
                (noun.len(), b"s")
            };
        let plural = bytes.len();
        bytes.extend_from_within(start..start + stem);
        bytes.extend_from_slice(ending);
        words.push((start, end, class));
        words.push((plural, bytes.len(), class));
    }
    // The lists are a-z words (a test of each list says so), and the endings are ASCII.
    let text = String::from_utf8(bytes).unwrap_or_default();
    Forms { text, words, irregular }
}

/// The forms [`forms`] lists: the regular ones as ranges of one buffer, then the irregular
/// plurals.
pub(crate) struct Forms {
    /// The regular forms' bytes.
    pub text: String,
    /// Byte ranges of `text`, with their classes: each noun, then its plural, list by list.
    pub words: Vec<(usize, usize, Class)>,
    /// The irregular plurals (`spokesmen` is regular: `-man` to `-men`), after the others.
    pub irregular: Vec<(&'static str, Class)>,
}

impl Forms {
    /// Every form with its class: each noun then its plural, list by list, then the irregular
    /// plurals (the tests' reading; the table takes the fields).
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, Class)> {
        let regular = self.words.iter().map(|&(start, end, class)| (self.text.get(start..end).unwrap_or(""), class));
        regular.chain(self.irregular.iter().copied())
    }

    /// How many forms [`Forms::iter`] gives.
    pub(crate) fn len(&self) -> usize {
        self.words.len() + self.irregular.len()
    }
}

/// `spokesperson`, `chairman`, `protester`, `strategist`: a suffix that makes a person.
fn is_agent_noun(s: &str) -> bool {
    s.len() > 5 && ["person", "man", "woman", "ist", "ester", "ician"].iter().any(|suffix| s.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(key: &str) -> Class {
        forms().iter().find(|&(form, _)| form == key).map_or_else(|| super::classes(key), |(_, c)| c)
    }

    #[test]
    fn person_group_and_document_nouns() {
        for w in ["official", "officials", "spokesperson", "protesters", "aide", "source", "spokesmen"] {
            assert_eq!(classes(w), Class::PERSON_NOUN, "{w}");
        }
        for w in ["committee", "crowd"] {
            assert_eq!(classes(w), Class::GROUP_NOUN, "{w}");
        }
        for w in ["statement", "letter", "report"] {
            assert_eq!(classes(w), Class::DOCUMENT_NOUN, "{w}");
        }
        for w in ["window", "Official", "matter"] {
            assert_eq!(classes(w), Class::default(), "{w}");
        }
    }

    /// The forms laid out in one buffer are the forms each noun spells as a `String` of its
    /// own (the table's old making, kept here as the definition): each noun then its plural,
    /// list by list, then the irregular plurals with the class of the first list naming
    /// their singular.
    #[test]
    fn the_buffered_forms_are_the_spelled_forms() {
        let lists = [
            (data::PERSON, Class::PERSON_NOUN),
            (data::GROUP, Class::GROUP_NOUN),
            (data::DOCUMENT, Class::DOCUMENT_NOUN),
        ];
        let nouns: Vec<(String, Class)> = lists
            .iter()
            .flat_map(|&(list, class)| FrontCoded::words(list).into_iter().map(move |n| (n, class)))
            .collect();
        let mut spelled: Vec<(String, Class)> = Vec::new();
        for (noun, class) in &nouns {
            let plural = if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("ch") || noun.ends_with("sh") {
                format!("{noun}es")
            } else if let Some(stem) = noun.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
                format!("{stem}ies")
            } else if let Some(stem) = noun.strip_suffix("man") {
                format!("{stem}men")
            } else {
                format!("{noun}s")
            };
            spelled.push((noun.clone(), *class));
            spelled.push((plural, *class));
        }
        for line in data::PLURALS.lines() {
            let (plural, singular) = line.split_once(' ').unwrap();
            if let Some((_, class)) = nouns.iter().find(|(n, _)| n == singular) {
                spelled.push((plural.to_string(), *class));
            }
        }
        let forms = forms();
        let buffered: Vec<(String, Class)> = forms.iter().map(|(f, c)| (f.to_string(), c)).collect();
        assert_eq!(forms.len(), buffered.len());
        assert!(spelled.len() > 5000 && spelled.iter().any(|(f, _)| f == "agencies"));
        assert_eq!(buffered, spelled);
    }

    /// The front-coded lists decode to sorted, distinct a-z words, as the generator wrote them.
    #[test]
    fn noun_lists_decode_to_sorted_words() {
        for (list, count) in [(data::PERSON, 1390), (data::GROUP, 313), (data::DOCUMENT, 825)] {
            let words = FrontCoded::words(list);
            assert_eq!(words.len(), count);
            assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted and distinct");
            assert!(words.iter().all(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase())));
        }
        assert!(FrontCoded::words(data::PERSON).iter().any(|w| w == "spokesman"));
    }
}
