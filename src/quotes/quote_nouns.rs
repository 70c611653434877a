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
/// word in two lists is a person).
pub(crate) fn forms() -> impl Iterator<Item = (String, Class)> {
    let lists =
        [(data::PERSON, Class::PERSON_NOUN), (data::GROUP, Class::GROUP_NOUN), (data::DOCUMENT, Class::DOCUMENT_NOUN)];
    let regular = lists.into_iter().flat_map(|(list, class)| {
        list.lines().flat_map(move |noun| {
            let plural = if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("ch") || noun.ends_with("sh") {
                [noun, "es"].concat()
            } else if let Some(stem) = noun.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
                [stem, "ies"].concat()
            } else if let Some(stem) = noun.strip_suffix("man") {
                [stem, "men"].concat()
            } else {
                [noun, "s"].concat()
            };
            [(noun.to_string(), class), (plural, class)]
        })
    });
    // Once per process: a few dozen plurals, each looked up among the lists' nouns (the class
    // of the first list that has it). A map of the nouns, not a scan of the lists for each
    // plural, which cost more than the rest of the table.
    let mut first_class: crate::text::FxHashMap<&str, Class> = Default::default();
    for (list, class) in lists {
        for noun in list.lines() {
            first_class.entry(noun).or_insert(class);
        }
    }
    let irregular = data::PLURALS.lines().filter_map(move |line| {
        let (plural, singular) = line.split_once(' ')?;
        let class = *first_class.get(singular)?;
        Some((plural.to_string(), class))
    });
    regular.chain(irregular)
}

/// `spokesperson`, `chairman`, `protester`, `strategist`: a suffix that makes a person.
fn is_agent_noun(s: &str) -> bool {
    s.len() > 5 && ["person", "man", "woman", "ist", "ester", "ician"].iter().any(|suffix| s.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(key: &str) -> Class {
        forms().find(|(form, _)| form == key).map_or_else(|| super::classes(key), |(_, c)| c)
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
}
