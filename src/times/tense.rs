//! The tense of the clause around an expression, by the nearest tense-bearing word: a modal
//! or plan word means future ("will vote on Thursday"), a past form means past ("told reporters
//! Sunday").
//! A past participle after an auxiliary ("can be fleshed out") is skipped, not taken as past.

use super::lexicon::{is_auxiliary, is_future_marker, is_past_marker};
use super::words::{at, Word};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    #[default]
    Unknown,
}

/// How far (in words) to look for a tense marker on each side.
const REACH: usize = 10;

fn is_boundary(word: &str) -> bool {
    matches!(word, ";" | ":" | "“" | "”" | "\"" | "(" | ")" | "—")
}

const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my", "your"];

/// The tense word `i` marks, if any.
fn marks(words: &[Word], i: usize) -> Option<Tense> {
    let w = words.get(i)?;
    if w.capitalized && i > 0 {
        return None; // "May", "Will": names and months, not modals
    }
    let lower = w.lower;
    if lower == "to" {
        let next = words.get(i + 1)?;
        let verb = next.kind == crate::text::TokenKind::Word && !next.capitalized && !DETERMINERS.contains(&next.lower);
        return verb.then_some(Tense::Future);
    }
    let after_present_be = i > 0 && matches!(at(words, i - 1), "is" | "are" | "’s" | "'s");
    if after_present_be && matches!(lower, "set" | "scheduled" | "slated" | "due" | "expected" | "poised") {
        return Some(Tense::Future);
    }
    if is_future_marker(lower) {
        return Some(Tense::Future);
    }
    if is_past_marker(lower) {
        let participle = i > 0 && is_auxiliary(at(words, i - 1));
        return (!participle).then_some(Tense::Past);
    }
    None
}

/// The tense of the clause holding words `first..=last`.
pub(crate) fn around(words: &[Word], first: usize, last: usize) -> Tense {
    for i in (first.saturating_sub(REACH)..first).rev() {
        if is_boundary(at(words, i)) {
            break;
        }
        if let Some(t) = marks(words, i) {
            return t;
        }
    }
    for i in last + 1..(last + 1 + REACH).min(words.len()) {
        if is_boundary(at(words, i)) {
            break;
        }
        if let Some(t) = marks(words, i) {
            return t;
        }
    }
    Tense::Unknown
}
