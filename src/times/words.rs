//! The word view the recognizer matches on: one sentence's tokens as their folded keys, with a
//! possessive `’s` cut off (`Tuesday’s` matches as `Tuesday`, and its extent stops before `’s`).
//! Built from the shared token view without allocating per word.

use crate::text::{lexicon, Analysis, Description, Sentence, TokenKind};

#[derive(Clone, Debug)]
pub(crate) struct Word<'a> {
    pub start: usize,
    /// End of the word without a possessive ending.
    pub end: usize,
    /// The folded key, without a possessive ending.
    pub lower: &'a str,
    pub kind: TokenKind,
    pub capitalized: bool,
    pub possessive: bool,
    /// True when white space separates this word from the previous one.
    pub spaced: bool,
    /// True when the word can carry a time expression's meaning ([`super::lexicon::bears_time`]).
    pub bears_time: bool,
    /// What the lexicon says of the word (without its possessive ending): a month's number,
    /// a weekday.
    pub description: Description,
}

impl Word<'_> {
    /// The month (1–12) the word names, if it is a month name or abbreviation.
    pub(crate) fn month(&self) -> Option<i8> {
        (self.description.month > 0).then_some(self.description.month)
    }
}

/// The words of one sentence, into `out` (cleared first, so that a caller can reuse it).
/// `bears_time` is [`super::lexicon::bears_time`] of each word type of the analysis.
pub(crate) fn of_sentence<'a>(
    analysis: &'a Analysis,
    sentence: &Sentence,
    bears_time: &[bool],
    out: &mut Vec<Word<'a>>,
) {
    out.clear();
    let mut previous_end = None;
    for i in sentence.tokens.clone() {
        let Some(token) = analysis.tokens.get(i) else {
            continue;
        };
        let key = analysis.key(i);
        let (core, possessive) = match key.strip_suffix("'s") {
            Some(core) if token.kind == TokenKind::Word && !core.is_empty() => (core, true),
            _ => (key, false),
        };
        // The possessive ending is the token's last two characters (`’s`, `'s`, `’S`): the
        // word ends where its apostrophe starts in the text.
        let end = if possessive {
            let text = analysis.token_text(i);
            text.char_indices().rev().nth(1).map_or(token.span.end, |(at, _)| token.span.start + at)
        } else {
            token.span.end
        };
        out.push(Word {
            start: token.span.start,
            end,
            lower: core,
            kind: token.kind,
            capitalized: token.capitalized,
            possessive,
            spaced: previous_end.map_or(true, |e| e < token.span.start),
            bears_time: token.kind == TokenKind::Number
                || bears_time.get(token.word as usize).copied().unwrap_or(false),
            // A possessive's key is not the word's: describe the word itself (rare).
            description: if possessive { lexicon::describe(core) } else { *analysis.description(i) },
        });
        previous_end = Some(token.span.end);
    }
}

/// Lowercase text of word `i`, or "" past either end.
pub(crate) fn at<'a>(words: &[Word<'a>], i: usize) -> &'a str {
    words.get(i).map_or("", |w| w.lower)
}
