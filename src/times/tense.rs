//! The tense of the clause around an expression, by the nearest tense-bearing word: a modal
//! or plan word means future ("will vote on Thursday"), a past form means past ("told reporters
//! Sunday").
//! A past participle after an auxiliary ("can be fleshed out") is skipped, not taken as past.

use super::lexicon::{AUXILIARY, FUTURE, PAST};
use super::words::{at, Word};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    #[default]
    Unknown,
}

/// How far (in words) to look for a tense marker on each side.
const REACH: usize = 14;

fn is_boundary(word: &str) -> bool {
    matches!(word, ";" | ":" | "“" | "”" | "\"" | "(" | ")" | "—")
}

const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my", "your"];

/// How surely a word marks a tense: a finite verb or modal surely, an infinitive `to` only
/// when nothing surer is near ("held a ceremony to mark the entry Friday" is past).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Strength {
    Weak,
    Sure,
}

/// The tense word `i` marks, if any, and how surely.
fn marks(words: &[Word], i: usize) -> Option<(Tense, Strength)> {
    let w = words.get(i)?;
    if w.capitalized && i > 0 {
        return None; // "May", "Will": names and months, not modals
    }
    let lower = w.lower;
    if lower == "to" {
        let verb = is_verb_like(words.get(i + 1)?);
        return verb.then_some((Tense::Future, Strength::Weak));
    }
    sure(words, i, lower).map(|t| (t, Strength::Sure))
}

fn sure(words: &[Word], i: usize, lower: &str) -> Option<Tense> {
    // "The vote is Friday", "the deadline is on Monday": a present copula before a date
    // schedules it.
    let names_day = |k: usize| words.get(k).is_some_and(|n| n.weekday().is_some() || n.month().is_some());
    if matches!(lower, "is" | "are") && (names_day(i + 1) || at(words, i + 1) == "on" && names_day(i + 2)) {
        return Some(Tense::Future);
    }
    let plan = matches!(lower, "set" | "scheduled" | "slated" | "due" | "expected" | "poised" | "planned");
    if plan {
        let before = |k: usize| i.checked_sub(k).map_or("", |p| at(words, p));
        // "had been due to expire Friday", "was scheduled for Monday": a plan in the past.
        if matches!(before(1), "was" | "were") || before(1) == "been" && before(2) == "had" {
            return Some(Tense::Past);
        }
        if matches!(before(1), "is" | "are" | "’s" | "'s") {
            return Some(Tense::Future);
        }
        // "set to resume Monday"; but "due to its loss" is a cause, not a plan.
        if at(words, i + 1) == "to" {
            return words.get(i + 2).is_some_and(is_verb_like).then_some(Tense::Future);
        }
    }
    // "next to the embassy": a place, not a time ahead.
    if lower == "next" && at(words, i + 1) == "to" {
        return None;
    }
    let class = words.get(i).map_or(0, |w| w.tense());
    if class & FUTURE != 0 {
        return Some(Tense::Future);
    }
    if class & PAST != 0 {
        let before = |k: usize| i.checked_sub(k).map_or("", |p| at(words, p));
        // The perfect tells of the past ("have been killed", "has voted"); after another
        // auxiliary a participle marks nothing ("can be fleshed out", "is expected").
        let perfect = matches!(before(1), "has" | "have" | "had")
            || before(1) == "been" && matches!(before(2), "has" | "have" | "had");
        if perfect {
            return Some(Tense::Past);
        }
        let participle = i > 0 && words[i - 1].tense() & AUXILIARY != 0;
        // "a still unspecified date", "the revised plan": an adjective, not a verb.
        let adjective = DETERMINERS.contains(&before(1))
            || before(1).ends_with("ly") && DETERMINERS.contains(&before(2))
            || matches!(before(1), "still" | "yet" | "newly") && DETERMINERS.contains(&before(2));
        return (!participle && !adjective).then_some(Tense::Past);
    }
    None
}

/// True when a word after `to` may be a verb: a lowercase word that is not a determiner.
fn is_verb_like(w: &Word) -> bool {
    w.kind == crate::text::TokenKind::Word && !w.capitalized && !DETERMINERS.contains(&w.lower) && !w.possessive
}

/// The tense of the clause holding words `first..=last`: a date that something takes effect
/// on lies ahead ("effective Feb. 1"); else the nearest sure marker before it, else after it,
/// else the nearest weak one.
pub(crate) fn around(words: &[Word], first: usize, last: usize) -> Tense {
    if first > 0 && at(words, first - 1) == "effective" {
        return Tense::Future;
    }
    let mut weak = None;
    let mut sure_in = |indices: &mut dyn Iterator<Item = usize>| {
        for i in indices {
            if is_boundary(at(words, i)) {
                break;
            }
            match marks(words, i) {
                Some((t, Strength::Sure)) => return Some(t),
                Some((t, Strength::Weak)) => weak = weak.or(Some(t)),
                None => {}
            }
        }
        None
    };
    let before = sure_in(&mut (first.saturating_sub(REACH)..first).rev());
    let after = || sure_in(&mut (last + 1..(last + 1 + REACH).min(words.len())));
    before.or_else(after).or(weak).unwrap_or(Tense::Unknown)
}
