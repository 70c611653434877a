//! Sentence splitter over one paragraph's tokens.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets right after
//! it) when the next token starts a new sentence: an uppercase word, a number, or an opening
//! quote. Abbreviations already carry their period (see `tokens`), and a title abbreviation
//! (`Mr.`) never ends one. A paragraph always ends its last sentence.

use super::tokens::{Token, TokenKind};
use super::Sentence;
use crate::model::Span;
use std::ops::Range;

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»')
}

/// The first character of token `t` of `text`: an ASCII byte is read without decoding.
fn first_char(text: &str, t: &Token) -> char {
    match text.as_bytes().get(t.start()) {
        Some(&b) if b.is_ascii() => char::from(b),
        // OK because tokens start at char boundaries; `get` keeps a wrong one from panicking.
        _ => text.get(t.start()..).and_then(|rest| rest.chars().next()).unwrap_or(' '),
    }
}

pub(super) fn split_into(text: &str, tokens: &[Token], range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = &tokens[i];
        // Most tokens are words and numbers, which end no sentence: they are passed over by
        // their kind alone, without reading their first character in the text (about half the
        // splitter's instructions, some ten a token).
        if t.kind() != TokenKind::Punct {
            i += 1;
            continue;
        }
        let c = first_char(text, t);
        let mut end = i + 1;
        let ends_here = if t.kind() == TokenKind::Punct && is_terminal(c) {
            // Swallow runs like `?!`, `...` and the closing quotes/brackets glued to them.
            while end < range.end
                && tokens[end].kind() == TokenKind::Punct
                && tokens[end].start() == tokens[end - 1].end()
                && (is_terminal(first_char(text, &tokens[end])) || is_closer(first_char(text, &tokens[end])))
            {
                end += 1;
            }
            end == range.end || starts_sentence(text, &tokens[end], &tokens[end - 1])
        } else {
            false
        };
        if ends_here {
            push(tokens, start..end, paragraph, out);
            start = end;
        }
        i = end;
    }
    if start < range.end {
        push(tokens, start..range.end, paragraph, out);
    }
}

fn starts_sentence(text: &str, next: &Token, prev: &Token) -> bool {
    if next.start() == prev.end() {
        return false; // `3.5`, `.com`: no space, no boundary
    }
    let c = first_char(text, next);
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '—')
}

fn push(tokens: &[Token], range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = Span::new(tokens[range.start].start(), tokens[range.end - 1].end());
    out.push(Sentence { span, paragraph, tokens: range });
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize_into;
    use super::*;

    /// [`split_into`]'s plain definition: every token's first character read and tested.
    fn split_reading_every_token(text: &str, tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
        let mut start = range.start;
        let mut i = range.start;
        while i < range.end {
            let t = &tokens[i];
            let c = first_char(text, t);
            let mut end = i + 1;
            let ends_here = if t.kind() == TokenKind::Punct && is_terminal(c) {
                while end < range.end
                    && tokens[end].kind() == TokenKind::Punct
                    && tokens[end].start() == tokens[end - 1].end()
                    && (is_terminal(first_char(text, &tokens[end])) || is_closer(first_char(text, &tokens[end])))
                {
                    end += 1;
                }
                end == range.end || starts_sentence(text, &tokens[end], &tokens[end - 1])
            } else {
                false
            };
            if ends_here {
                push(tokens, start..end, 0, out);
                start = end;
            }
            i = end;
        }
        if start < range.end {
            push(tokens, start..range.end, 0, out);
        }
    }

    #[test]
    fn words_passed_over_by_kind_split_as_reading_every_token_does() {
        // Texts of words, numbers, marks that end or close sentences and the starts that follow
        // them, next to one another in a deterministic shuffle.
        let pieces = [
            "Hale", "said", "it", "3", ".", "!", "?", "…", "”", "’", "\"", "'", ")", "]", "»", "“", "(", "—", "Mr.",
            " ", " ", ",", "é", "Łódź", "U.S.",
        ];
        let mut shuffle = crate::shuffle::Shuffle::new();
        let mut next = |n: usize| shuffle.below(n);
        let mut cut = 0;
        for _ in 0..20_000 {
            let n = next(16);
            let text: String = (0..n).map(|_| pieces[next(pieces.len())]).collect();
            let mut tokens = Vec::new();
            tokenize_into(&text, Span::new(0, text.len()), &mut tokens);
            for from in [0, tokens.len() / 3] {
                let (mut fast, mut plain) = (Vec::new(), Vec::new());
                split_into(&text, &tokens, from..tokens.len(), 0, &mut fast);
                split_reading_every_token(&text, &tokens, from..tokens.len(), &mut plain);
                assert_eq!(fast, plain, "{text:?} from token {from}");
                cut += fast.len();
            }
        }
        assert!(cut > 20_000, "{cut} sentences");
    }
}
