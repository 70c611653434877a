//! Quote-mark pairing: finds the spans between opening and closing quote marks in a document.
//!
//! Double marks (straight `"`, curly `“ ”`, low `„`, guillemets `« »`) delimit quotes; single
//! marks (`‘ ’`) do only in documents that use them as their outer quotes (British style),
//! because otherwise `’` is an apostrophe (it’s, Russians’, ’80s, rock ’n’ roll) and nested
//! single quotes need no pairing of their own. A straight mark's direction comes from the
//! characters around it. An unclosed quote ends with its paragraph, unless the next paragraph
//! opens with a quote mark (the newswire convention for a quote running over several
//! paragraphs), in which case it continues there. It does not decide what a quote is or who said it.

use crate::model::Span;

/// One quotation between marks. Offsets are bytes into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marked {
    /// From the opening mark to the end of the closing mark (or of the last paragraph).
    pub outer: Span,
    /// The text between the marks.
    pub inner: Span,
    /// False when the quote ran to the end of a paragraph without a closing mark.
    pub closed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    /// A straight mark whose context does not tell: closes an open quote, else opens one.
    Either,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Double,
    Single,
}

/// Finds the quotations of a document whose paragraphs are `paragraphs` (byte spans, in order).
pub(crate) fn find(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    let style = document_style(text);
    let mut out = Vec::new();
    // An open quote: (opening mark offset, inner start).
    let mut open: Option<(usize, usize)> = None;
    for (p, para) in paragraphs.iter().enumerate() {
        let marks = marks_of(text, *para, style);
        let mut marks = marks.as_slice();
        if open.is_some() {
            // The re-opening mark of a continued paragraph belongs to the running quote.
            match marks.first() {
                Some(&(at, _, Dir::Open | Dir::Either)) if at == para.start => marks = &marks[1..],
                _ => {
                    close_at_paragraph_end(text, paragraphs[p - 1], &mut open, &mut out);
                }
            }
        }
        for &(at, len, dir) in marks {
            match (open, dir) {
                (None, Dir::Open | Dir::Either) => open = Some((at, at + len)),
                (Some(_), Dir::Open) => open = Some((at, at + len)), // the earlier one was stray
                (Some((start, inner_start)), Dir::Close | Dir::Either) => {
                    push(&mut out, Span::new(start, at + len), Span::new(inner_start, at), true);
                    open = None;
                }
                (None, Dir::Close) => {} // a stray closing mark
            }
        }
        if open.is_some() && !next_opens_with_mark(text, paragraphs.get(p + 1), style) {
            close_at_paragraph_end(text, *para, &mut open, &mut out);
        }
    }
    if let Some(last) = paragraphs.last() {
        close_at_paragraph_end(text, *last, &mut open, &mut out);
    }
    out
}

fn close_at_paragraph_end(text: &str, para: Span, open: &mut Option<(usize, usize)>, out: &mut Vec<Marked>) {
    if let Some((start, inner_start)) = open.take() {
        let end = start.max(para.start) + text[start.max(para.start)..para.end].trim_end().len();
        push(out, Span::new(start, end), Span::new(inner_start, end.max(inner_start)), false);
    }
}

fn push(out: &mut Vec<Marked>, outer: Span, inner: Span, closed: bool) {
    // Drop empty or blank quotes (`""`, a lone pair of marks).
    if inner.end > inner.start {
        out.push(Marked { outer, inner, closed });
    }
}

/// Single quotes are the outer marks only where they outnumber double ones as openers.
fn document_style(text: &str) -> Style {
    let double = text.chars().filter(|c| matches!(c, '“' | '"' | '„' | '«')).count();
    let single = text.char_indices().filter(|&(i, c)| c == '‘' && opens_word(text, i, c)).count();
    if single > double {
        Style::Single
    } else {
        Style::Double
    }
}

fn next_opens_with_mark(text: &str, para: Option<&Span>, style: Style) -> bool {
    para.is_some_and(|p| marks_of_first(text, *p, style).is_some_and(|(at, _, dir)| at == p.start && dir != Dir::Close))
}

fn marks_of_first(text: &str, para: Span, style: Style) -> Option<(usize, usize, Dir)> {
    let c = text[para.start..para.end].chars().next()?;
    classify(text, para, para.start, c, style).map(|dir| (para.start, c.len_utf8(), dir))
}

/// The quote marks of one paragraph with their direction, in order.
fn marks_of(text: &str, para: Span, style: Style) -> Vec<(usize, usize, Dir)> {
    let s = &text[para.start..para.end];
    s.char_indices()
        .filter_map(|(i, c)| {
            let at = para.start + i;
            classify(text, para, at, c, style).map(|dir| (at, c.len_utf8(), dir))
        })
        .collect()
}

fn classify(text: &str, para: Span, at: usize, c: char, style: Style) -> Option<Dir> {
    let before = text[para.start..at].chars().next_back();
    let after = text[at + c.len_utf8()..para.end].chars().next();
    let space_before = before.map_or(true, |b| b.is_whitespace() || is_opening_punct(b));
    let space_after = after.map_or(true, |a| a.is_whitespace() || is_trailing_punct(a));
    let by_context = || match (space_before, space_after) {
        (true, false) => Some(Dir::Open),
        (false, true) => Some(Dir::Close),
        (false, false) if before.is_some_and(|b| b.is_alphanumeric()) && after.is_some_and(|a| a.is_alphanumeric()) => {
            None
        }
        _ => Some(Dir::Either),
    };
    match (style, c) {
        (Style::Double, '"') => by_context(),
        // Curly marks say their direction, unless the context plainly contradicts it (a
        // closing mark used to open, as some typesetting does).
        (Style::Double, '“' | '„' | '«') => {
            Some(if !space_before && space_after { Dir::Close } else { Dir::Open })
        }
        (Style::Double, '”' | '»') => Some(if space_before && !space_after { Dir::Open } else { Dir::Close }),
        (Style::Single, '‘') => opens_word(text, at, c).then_some(Dir::Open),
        // `’` is an apostrophe inside a word or before one (’80s, ’n’); it closes only after a
        // word and before a space or punctuation.
        (Style::Single, '’') => {
            (!space_before && space_after && !is_plural_possessive(text, at, para)).then_some(Dir::Close)
        }
        _ => None,
    }
}

/// `‘` opens a quote at the start of a word that is not an elided year (`‘80s`).
fn opens_word(text: &str, at: usize, c: char) -> bool {
    let before = text[..at].chars().next_back();
    let rest = &text[at + c.len_utf8()..];
    let after = rest.chars().next();
    let elided_year = rest.chars().take_while(char::is_ascii_digit).count() == 2;
    before.map_or(true, |b| b.is_whitespace() || is_opening_punct(b))
        && after.is_some_and(|a| !a.is_whitespace())
        && !elided_year
}

/// `the Russians’ plan`: an `s’` followed by a lowercase word is a possessive, not a closer.
fn is_plural_possessive(text: &str, at: usize, para: Span) -> bool {
    let before = text[..at].chars().next_back();
    let mut rest = text[at + '’'.len_utf8()..para.end].chars();
    before == Some('s') && rest.next() == Some(' ') && rest.next().is_some_and(char::is_lowercase)
}

fn is_opening_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«')
}

fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '”' | '’' | '"' | '\'' | '»'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraph_spans;

    fn quotes(text: &str) -> Vec<&str> {
        find(text, &paragraph_spans(text)).iter().map(|q| &text[q.inner.start..q.inner.end]).collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(quotes("“We will win,” she said. He called it \"a farce.\""), ["We will win,", "a farce."]);
    }

    #[test]
    fn adjacent_quotes_stay_two() {
        assert_eq!(quotes("“One.” “Two.”"), ["One.", "Two."]);
        assert_eq!(quotes("\"One,\" he said, \"two.\""), ["One,", "two."]);
    }

    #[test]
    fn nested_singles_and_apostrophes_stay_inside() {
        let text = "“It’s not that they get to say, ‘We’ll try.’ It’s the ’80s rock ’n’ roll,” he said.";
        assert_eq!(quotes(text), ["It’s not that they get to say, ‘We’ll try.’ It’s the ’80s rock ’n’ roll,"]);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        assert_eq!(quotes("He said “this is open\n\nNext paragraph."), ["this is open"]);
    }

    #[test]
    fn quote_runs_over_paragraphs_when_the_next_reopens() {
        let text = "“First part.\n\n“Second part.”\n\nAfter.";
        assert_eq!(quotes(text), ["First part.\n\n“Second part."]);
    }

    #[test]
    fn single_quotes_in_british_style() {
        let text = "‘We will not back down,’ the minister said, calling the Russians’ plan ‘absurd’.";
        assert_eq!(quotes(text), ["We will not back down,", "absurd"]);
    }

    #[test]
    fn inch_marks_and_stray_closers_open_nothing() {
        assert_eq!(quotes("A 12\" pipe and a 5\" one."), Vec::<&str>::new());
    }
}
