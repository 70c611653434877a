//! Quote-mark pairing: finds the spans between opening and closing quote marks in a document.
//!
//! Double marks (straight `"`, curly `“ ”`, low `„`, guillemets `« »`) delimit quotes; single
//! marks (`‘ ’`) do only in documents that use them as their outer quotes (British style),
//! because otherwise `’` is an apostrophe (it’s, Russians’, ’80s, rock ’n’ roll) and nested
//! single quotes need no pairing of their own. A straight mark's direction comes from the
//! characters around it.
//!
//! Marks nest: a quote of another family inside a quote (`"… “Do you agree?” …"`) stays inside
//! it, and only outermost quotes are returned. A closing mark closes the nearest open quote of
//! its family; failing one, a double mark closes an open double quote of the other family
//! (`“…"`, as careless typing has it).
//!
//! An unclosed quote ends with its paragraph, unless the next paragraph opens with a quote mark
//! (the newswire convention for a quote running over several paragraphs), in which case it
//! continues there, except where that paragraph opens a transcript line (`"JONES: …`), which
//! starts a quote of its own. It does not decide what a quote is or who said it.
//!
//! Cost: one pass over the bytes of each paragraph; only quote marks are looked at closely.

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

/// Which marks pair with which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Straight,
    Curly,
    Guillemet,
    Single,
}

impl Family {
    fn double(self) -> bool {
        matches!(self, Family::Straight | Family::Curly)
    }
}

/// A quote mark found in a paragraph.
#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    dir: Dir,
    family: Family,
}

/// An open quote: its mark and where its inner text starts.
#[derive(Clone, Copy, Debug)]
struct Open {
    at: usize,
    inner: usize,
    family: Family,
}

/// Finds the quotations of a document whose paragraphs are `paragraphs` (byte spans, in order).
pub(crate) fn find(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    let style = document_style(text);
    let mut out = Vec::new();
    // Open quotes, outermost first.
    let mut stack: Vec<Open> = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let mut rest = marks_of(text, *para, style).peekable();
        if let Some(outer) = stack.first().copied() {
            // The re-opening mark of a continued paragraph belongs to the running quote.
            match rest.peek() {
                Some(m) if m.at == para.start && m.dir != Dir::Close && continues(text, *para, m) => {
                    rest.next();
                    stack.truncate(1);
                }
                _ => {
                    stack.clear();
                    close_at_paragraph_end(text, paragraphs[p - 1], outer, &mut out);
                }
            }
        }
        for m in rest {
            pair(m, &mut stack, &mut out);
        }
        if let Some(outer) = stack.first().copied() {
            let next = paragraphs.get(p + 1).and_then(|n| first_mark(text, *n, style).map(|m| (n, m)));
            let continued = next.is_some_and(|(n, m)| m.dir != Dir::Close && continues(text, *n, &m));
            if !continued {
                stack.clear();
                close_at_paragraph_end(text, *para, outer, &mut out);
            }
        }
    }
    if let (Some(last), Some(outer)) = (paragraphs.last(), stack.first().copied()) {
        close_at_paragraph_end(text, *last, outer, &mut out);
    }
    out
}

/// Pairs one mark with the open quotes.
fn pair(m: Mark, stack: &mut Vec<Open>, out: &mut Vec<Marked>) {
    let same = stack.iter().rposition(|o| o.family == m.family);
    let closes = match m.dir {
        Dir::Close => true,
        Dir::Either => same.is_some(),
        Dir::Open => false,
    };
    if !closes {
        // An opening mark of the family on top: the earlier one was stray.
        if stack.last().is_some_and(|o| o.family == m.family) {
            stack.pop();
        }
        stack.push(Open { at: m.at, inner: m.at + m.len, family: m.family });
        return;
    }
    let target = same.or_else(|| {
        // `“…"`: a double mark closes the innermost open double quote of the other family.
        stack.iter().rposition(|o| o.family.double() && m.family.double())
    });
    let Some(k) = target else { return }; // a stray closing mark
    let open = stack[k];
    stack.truncate(k);
    if stack.is_empty() {
        push(out, Span::new(open.at, m.at + m.len), Span::new(open.inner, m.at), true);
    }
}

/// Whether a paragraph that opens with mark `m` continues the running quote: not when it
/// opens a transcript line (`"JONES: …`, `"Q: …`).
fn continues(text: &str, para: Span, m: &Mark) -> bool {
    let rest = text.get(m.at + m.len..para.end).unwrap_or("");
    let head: &str = rest.split(':').next().unwrap_or("");
    let label = rest.len() > head.len()
        && !head.is_empty()
        && head.len() <= 40
        && head.split_whitespace().count() <= 3
        && head.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
        && head.chars().any(char::is_alphabetic);
    !label
}

fn close_at_paragraph_end(text: &str, para: Span, open: Open, out: &mut Vec<Marked>) {
    let from = open.at.max(para.start);
    let end = from + text[from..para.end].trim_end().len();
    push(out, Span::new(open.at, end), Span::new(open.inner, end.max(open.inner)), false);
}

fn push(out: &mut Vec<Marked>, outer: Span, inner: Span, closed: bool) {
    // Drop empty or blank quotes (`""`, a lone pair of marks).
    if inner.end > inner.start {
        out.push(Marked { outer, inner, closed });
    }
}

/// Single quotes are the outer marks only where they outnumber double ones as openers.
///
/// They cannot without one `‘` (bytes E2 80 98): a text without a byte 0x98 (most news, whose
/// `’` is E2 80 99) is of double style, found by one scan for that byte, which stops nowhere
/// else. Counting the openers stops at every `"` and at every E2 (each `’`, `—` and curly
/// mark): the scan for 0x98 alone saves 0.5 M instructions on 2 MB of news. Natively only:
/// the wasm, whose size counts (the page's budget), counts as before.
fn document_style(text: &str) -> Style {
    if !cfg!(target_arch = "wasm32") && crate::bytes::find_any(text.as_bytes(), 0, &[0x98]).is_none() {
        return Style::Double;
    }
    counted_style(text)
}

/// [`document_style`] by counting the openers of each style.
fn counted_style(text: &str) -> Style {
    let bytes = text.as_bytes();
    let mut double = 0;
    let mut single = 0;
    let mut i = 0;
    while i < bytes.len() {
        i = next_mark_byte(bytes, i);
        // OK because `next_mark_byte` returns `bytes.len()` at most.
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => double += 1,
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C | 0x9E) => double += 1,
                // OK because 0xE2 starts a three-byte character: `i` is a boundary.
                Some(0x98) if opens_word(text, i, '‘') => single += 1,
                _ => {}
            },
            0xC2 if bytes.get(i + 1) == Some(&0xAB) => double += 1,
            _ => {}
        }
        i += 1;
    }
    if single > double {
        Style::Single
    } else {
        Style::Double
    }
}

/// The first mark of a paragraph, when the paragraph opens with one.
fn first_mark(text: &str, para: Span, style: Style) -> Option<Mark> {
    let c = text[para.start..para.end].chars().next()?;
    classify(text, para, para.start, c, style)
}

/// The first index at or after `from` whose byte may start a quote mark, or `bytes.len()`:
/// `"`, or 0xE2 (`“ ” „ ‘ ’`) or 0xC2 (`« »`), lead bytes that are always a character's start.
/// News text is mostly without them, so the scans skip sixteen bytes at a step natively (see
/// [`crate::bytes::find_any`]), and pass over other characters past ASCII (`é`, `—` is E2 too).
/// Stopping at every byte past ASCII, eight bytes at a step, was about 0.6% of the run on
/// unseen news.
fn next_mark_byte(bytes: &[u8], from: usize) -> usize {
    crate::bytes::find_any(bytes, from, &[b'"', 0xE2, 0xC2]).unwrap_or(bytes.len())
}

/// The quote character starting at byte `i` of `bytes`, if any: only `"`, `“ ” „ ‘ ’` and
/// `« »` are, so a paragraph is scanned by bytes and characters are decoded at marks only.
fn mark_char(bytes: &[u8], i: usize) -> Option<char> {
    match bytes[i] {
        b'"' => Some('"'),
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2)? {
            0x9C => Some('“'),
            0x9D => Some('”'),
            0x9E => Some('„'),
            0x98 => Some('‘'),
            0x99 => Some('’'),
            _ => None,
        },
        0xC2 => match bytes.get(i + 1)? {
            0xAB => Some('«'),
            0xBB => Some('»'),
            _ => None,
        },
        _ => None,
    }
}

/// The quote marks of one paragraph with their direction, in order.
///
/// Read as they are paired, never collected: a paragraph of many quotes held its list of marks
/// (12 bytes each in the wasm) beside the quotes found, growing by doubling.
fn marks_of(text: &str, para: Span, style: Style) -> impl Iterator<Item = Mark> + '_ {
    let bytes = &text.as_bytes()[..para.end];
    let mut i = para.start;
    std::iter::from_fn(move || {
        while i < para.end {
            i = next_mark_byte(bytes, i);
            if i >= para.end {
                break;
            }
            if let Some(c) = mark_char(bytes, i) {
                let at = i;
                i += c.len_utf8();
                // A single mark is no mark of a document of double style (`classify` says so
                // too): most are apostrophes (`’`), passed over without reading the characters
                // around them. Natively only (the wasm's size: it asks `classify`).
                if !cfg!(target_arch = "wasm32") && style == Style::Double && matches!(c, '‘' | '’') {
                    continue;
                }
                if let Some(m) = classify(text, para, at, c, style) {
                    return Some(m);
                }
            } else {
                i += 1;
            }
        }
        None
    })
}

fn classify(text: &str, para: Span, at: usize, c: char, style: Style) -> Option<Mark> {
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
    let (dir, family) = match (style, c) {
        (_, '"') => (by_context()?, Family::Straight),
        // Curly marks say their direction, unless the context plainly contradicts it (a
        // closing mark used to open, as some typesetting does).
        (_, '“' | '„') => (if !space_before && space_after { Dir::Close } else { Dir::Open }, Family::Curly),
        (_, '”') => (if space_before && !space_after { Dir::Open } else { Dir::Close }, Family::Curly),
        (_, '«') => (Dir::Open, Family::Guillemet),
        (_, '»') => (Dir::Close, Family::Guillemet),
        (Style::Single, '‘') => (opens_word(text, at, c).then_some(Dir::Open)?, Family::Single),
        // `’` is an apostrophe inside a word or before one (’80s, ’n’); it closes only after a
        // word and before a space or punctuation.
        (Style::Single, '’') => (
            (!space_before && space_after && !is_plural_possessive(text, at, para)).then_some(Dir::Close)?,
            Family::Single,
        ),
        _ => return None,
    };
    Some(Mark { at, len: c.len_utf8(), dir, family })
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

    #[test]
    fn the_skip_to_a_mark_byte_stops_where_a_byte_by_byte_scan_does() {
        let text = "plain ascii text, then \"a quote\" and “curly” marks; «guillemets» — é 12345678\"";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let naive = (from..bytes.len()).find(|&i| matches!(bytes[i], b'"' | 0xE2 | 0xC2)).unwrap_or(bytes.len());
            assert_eq!(next_mark_byte(bytes, from), naive, "from {from}");
        }
    }
    /// The style is the counted one: for texts of double, single and mixed marks, with a `‘`
    /// among them or not, and other characters with a byte 0x98 (`ј`, `˘`) or E2 (`—`, `’`).
    #[test]
    fn the_style_is_the_counted_one() {
        let pieces = ["a", " ", "\"", "“", "”", "‘", "’", "«", "—", "ј", "˘", "80s", "\n\n", "x ‘y", "é"];
        let mut shuffle = crate::shuffle::Shuffle::from_seed(25);
        let (mut single, mut double) = (0, 0);
        for _ in 0..5_000 {
            let len = shuffle.below(40);
            let text: String = (0..len).map(|_| pieces[shuffle.below(pieces.len())]).collect();
            let counted = counted_style(&text);
            assert_eq!(document_style(&text), counted, "{text:?}");
            match counted {
                Style::Single => single += 1,
                Style::Double => double += 1,
            }
        }
        assert!(single > 100 && double > 100, "both styles: {single} single, {double} double");
    }

    /// A paragraph's marks are those `classify` finds at every quote character, in both styles,
    /// over texts of straight, curly, single and guillemet marks with words and apostrophes.
    #[test]
    fn the_marks_are_those_classify_finds() {
        let pieces = ["a", "s", " ", "\"", "“", "”", "„", "‘", "’", "«", "»", "—", "80", ".", "é"];
        let mut shuffle = crate::shuffle::Shuffle::from_seed(3);
        let mut singles = 0;
        for _ in 0..3_000 {
            let len = shuffle.below(40);
            let text: String = (0..len).map(|_| pieces[shuffle.below(pieces.len())]).collect();
            let para = Span::new(0, text.len());
            for style in [Style::Double, Style::Single] {
                let plain: Vec<(usize, Dir, Family)> = text
                    .char_indices()
                    .filter(|&(_, c)| matches!(c, '"' | '“' | '”' | '„' | '‘' | '’' | '«' | '»'))
                    .filter_map(|(at, c)| classify(&text, para, at, c, style))
                    .map(|m| (m.at, m.dir, m.family))
                    .collect();
                let marks: Vec<(usize, Dir, Family)> =
                    marks_of(&text, para, style).map(|m| (m.at, m.dir, m.family)).collect();
                assert_eq!(marks, plain, "{text:?} {style:?}");
                singles += plain.iter().filter(|m| m.2 == Family::Single).count();
            }
        }
        assert!(singles > 1_000, "single marks: {singles}");
    }

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
    fn a_quote_of_the_other_family_nests() {
        let text = "He said: \"I asked them: “Are you better off?” Most said no.\" Then he left.";
        assert_eq!(quotes(text), ["I asked them: “Are you better off?” Most said no."]);
        // Careless typing: a curly opener closed by a straight mark.
        assert_eq!(quotes("a “big deal\" to them, and “huge” too"), ["big deal", "huge"]);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        assert_eq!(quotes("He said “this is open\n\nNext paragraph."), ["this is open"]);
    }

    #[test]
    fn quote_runs_over_paragraphs_when_the_next_reopens() {
        let text = "“First part.\n\n“Second part.”\n\nAfter.";
        assert_eq!(quotes(text), ["First part.\n\n“Second part."]);
        let nested = "\"First, “inside” part.\n\n\"Second part.\"";
        assert_eq!(quotes(nested), ["First, “inside” part.\n\n\"Second part."]);
    }

    #[test]
    fn transcript_lines_in_marks_are_quotes_of_their_own() {
        let text = "\"HOST: Why?\n\n\"GUEST: Because.\n\n\"HOST: Thanks.\"";
        assert_eq!(quotes(text), ["HOST: Why?", "GUEST: Because.", "HOST: Thanks."]);
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
