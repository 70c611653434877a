//! The word view the recognizer matches on: one sentence's tokens, lowercased, with a
//! possessive `’s` cut off (`Tuesday’s` matches as `Tuesday`, and its extent stops before `’s`).

use crate::text::{Analysis, Sentence, TokenKind};

#[derive(Clone, Debug)]
pub(crate) struct Word {
    pub start: usize,
    /// End of the word without a possessive ending.
    pub end: usize,
    pub lower: String,
    pub kind: TokenKind,
    pub capitalized: bool,
    pub possessive: bool,
    /// True when white space separates this word from the previous one.
    pub spaced: bool,
}

/// The words of one sentence.
pub(crate) fn of_sentence(analysis: &Analysis, sentence: &Sentence) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(sentence.tokens.len());
    let mut previous_end = None;
    for i in sentence.tokens.clone() {
        let Some(token) = analysis.tokens.get(i) else { continue };
        let text = analysis.token_text(i);
        let (core, possessive) = match text.strip_suffix("’s").or_else(|| text.strip_suffix("'s")) {
            Some(core) if token.kind == TokenKind::Word && !core.is_empty() => (core, true),
            _ => (text, false),
        };
        out.push(Word {
            start: token.span.start,
            end: token.span.start + core.len(),
            lower: core.to_lowercase(),
            kind: token.kind,
            capitalized: token.is_capitalized(analysis.text),
            possessive,
            spaced: previous_end.map_or(true, |e| e < token.span.start),
        });
        previous_end = Some(token.span.end);
    }
    out
}

/// Lowercase text of word `i`, or "" past either end.
pub(crate) fn at(words: &[Word], i: usize) -> &str {
    words.get(i).map_or("", |w| w.lower.as_str())
}
