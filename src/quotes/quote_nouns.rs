//! Common nouns that tell what a speaker phrase's head is: a person by role (`official`,
//! `aide`), a group or institution (`committee`, `crowd`), or a message or document
//! (`statement`, `letter`). From WordNet 3.0 through `scripts/gen-quote-nouns.py`; agent nouns
//! that WordNet's tagged senses miss (`spokesperson`, `protester`) are read by their suffix.
//!
//! Cost: a few binary searches per distinct word of a document (see [`super::lexicon`]).

#[rustfmt::skip]
#[path = "quote_nouns_data.rs"]
mod data;

use super::lexicon::Class;

/// The noun classes of the folded word `key`, singular or plural.
pub(crate) fn classes(key: &str) -> Class {
    if !key.bytes().all(|b| b.is_ascii_lowercase()) || key.len() < 3 {
        return Class::default();
    }
    let singular = singular(key);
    let found = |list: &[&str]| singular.iter().any(|s| list.binary_search(&s.as_ref()).is_ok());
    if found(data::PERSON) {
        Class::PERSON_NOUN
    } else if found(data::GROUP) {
        Class::GROUP_NOUN
    } else if found(data::DOCUMENT) {
        Class::DOCUMENT_NOUN
    } else if singular.iter().any(|s| is_agent_noun(s)) {
        Class::PERSON_NOUN
    } else {
        Class::default()
    }
}

/// The word and the singulars it may be the plural of.
fn singular(key: &str) -> Vec<std::borrow::Cow<'_, str>> {
    let mut out = vec![key.into()];
    if let Ok(i) = data::PLURALS.binary_search_by(|(plural, _)| plural.cmp(&key)) {
        out.push(data::PLURALS[i].1.into());
    }
    // `spokesmen`, `congresswomen`: WordNet's rule for `-men`.
    if let Some(stem) = key.strip_suffix("men") {
        out.push(format!("{stem}man").into());
    }
    if let Some(s) = key.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        out.push(s.into());
        if let Some(e) = s.strip_suffix('e') {
            out.push(e.into());
        }
    }
    out
}

/// `spokesperson`, `chairman`, `protester`, `strategist`: a suffix that makes a person.
fn is_agent_noun(s: &str) -> bool {
    s.len() > 5 && ["person", "man", "woman", "ist", "ester", "ician"].iter().any(|suffix| s.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

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
