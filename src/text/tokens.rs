//! Tokenizer: words (with inner apostrophes and hyphens), numbers (with inner `, . : / -`),
//! and single punctuation characters. Known abbreviations, initials and dotted acronyms keep
//! their period (`Mr.`, `M.`, `U.S.`), so the sentence splitter need not guess about them.

use super::vocabulary::WordId;
use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Starts with a letter: `Lagarde`, `it’s`, `long-range`, `Mr.`, `U.S.`.
    Word,
    /// Starts with a digit: `2009`, `8:48`, `3,000`, `03/03/2009`, `1980s`.
    Number,
    /// One character that is neither letter nor digit nor white space.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// True for a word that starts with an uppercase letter.
    pub capitalized: bool,
    /// The token's type in its analysis's vocabulary (set by [`super::Analysis::new`]).
    pub word: WordId,
}

impl Token {
    fn new(span: Span, kind: TokenKind, first: char) -> Self {
        Token { span, kind, capitalized: kind == TokenKind::Word && first.is_uppercase(), word: 0 }
    }
}

/// Abbreviations that keep their period. Lowercase; matched case-insensitively.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "rev", "fr", "st", "jr", "sr", "pres", "amb", "supt", "atty", "hon", "messrs", "mme", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "inc", "corp", "co", "ltd", "vs", "etc", "approx", "no", "nos", "vol", "dept", "univ", "ave",
    "blvd", "mt", "ft", "e.g", "i.e",
];

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Appends the tokens of `text[span]` to `out`.
pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = span.start + i;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let joins_next = |k: usize| s[k..].chars().nth(1).is_some_and(|n| n.is_alphanumeric());
                let joins = d.is_alphanumeric()
                    || (is_joiner(d) && joins_next(j))
                    || (numeric
                        && matches!(d, ',' | '.' | ':' | '/' | '-')
                        && s[j..].chars().nth(1).is_some_and(|n| n.is_ascii_digit()));
                if !joins {
                    break;
                }
                chars.next();
                end = j + d.len_utf8();
            }
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            if kind == TokenKind::Word {
                end = extend_abbreviation(s, i, end);
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            out.push(Token::new(Span::new(start, span.start + end), kind, c));
        } else {
            out.push(Token::new(Span::new(start, start + c.len_utf8()), TokenKind::Punct, c));
        }
    }
}

/// If the word `s[start..end]` is an abbreviation, initial or dotted acronym followed by a
/// period, returns the end including its period(s); otherwise `end`.
fn extend_abbreviation(s: &str, start: usize, end: usize) -> usize {
    if !s[end..].starts_with('.') {
        return end;
    }
    let word = &s[start..end];
    // Dotted acronyms and initials: U.S., U.N., A.B.C., M.
    let mut k = end;
    let mut letters = 1;
    while s[k..].starts_with('.') {
        let rest = &s[k + 1..];
        let mut it = rest.chars();
        match (it.next(), it.next()) {
            (Some(a), Some('.')) if a.is_alphabetic() && word.chars().count() == 1 => {
                k += 1 + a.len_utf8();
                letters += 1;
            }
            _ => break,
        }
    }
    if letters > 1 {
        return k + 1;
    }
    let single_upper = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single_upper || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        end + 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize_into(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            tokens("It’s 8:48 am, March 3, 2009; 3,000 long-range missiles."),
            ["It’s", "8:48", "am", ",", "March", "3", ",", "2009", ";", "3,000", "long-range", "missiles", "."]
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            tokens("Mr. Hale, Robert M. Smith and the U.S. envoy on Jan. 14."),
            ["Mr.", "Hale", ",", "Robert", "M.", "Smith", "and", "the", "U.S.", "envoy", "on", "Jan.", "14", "."]
        );
    }

    #[test]
    fn quotes_are_separate_tokens() {
        assert_eq!(tokens("“space,” he said"), ["“", "space", ",", "”", "he", "said"]);
        assert_eq!(tokens("the Russians’ plan"), ["the", "Russians", "’", "plan"]);
    }
}
