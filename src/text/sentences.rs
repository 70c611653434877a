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
