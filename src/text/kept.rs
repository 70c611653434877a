//! The token view as an article's part keeps it (see [`crate::codec`]), so that assembling a
//! corpus of kept parts reads each article's tokens, sentences and word types instead of
//! tokenizing, folding and interning the article again.
//!
//! The form is small because most of the view follows from the text: a header (the token and
//! type counts, the keys' length, and which types the lexicon describes), then per paragraph
//! its sentence count, per sentence its token count, and per token one varint for its gap
//! after the previous token and its length, and one for its word type (0 for a type not seen
//! before, else the type's id plus one). A token's kind and capital come from its first
//! character, and a new type's key is its first token folded, so neither is written; the
//! lexicon describes only the types the header names (months, weekdays, speech verbs: a few
//! per article), as [`super::Analysis::new`] would. About 2.5 bytes per token.
//!
//! Reading checks everything it needs to never panic later: every token lies inside its
//! paragraph at char boundaries and after the one before it, every sentence has a token,
//! every word id was seen before, the counts are the header's. It does not fold every token
//! again to see that it is the word its id says (that would be the work the kept view saves):
//! a damaged part is caught by the part's checksum, not here.

use super::lexicon::Description;
use super::tokens::Token;
use super::{usable_paragraphs, Sentence, TokenView, Vocabulary, WordId};
use crate::codec::{Reader, Writer};
use crate::model::Span;

/// About the bytes [`write`] writes for `a`: per token a byte for its gap and length (more for
/// a token longer than 42 bytes or a gap of two or more: a sixteenth more for them) and at
/// most its word type's varint, a byte a sentence and a paragraph, and the header.
pub(crate) fn written_len(a: &TokenView) -> usize {
    let words: usize = a.tokens.iter().map(|t| 1 + crate::codec::uint_len(u64::from(t.word()))).sum();
    words + a.tokens.len() / 16 + a.sentences.len() + a.paragraphs.len() + 64
}

/// Writes `a` (its text is the part's document text, written elsewhere).
pub(crate) fn write(a: &TokenView, w: &mut Writer) {
    write_cut(a, w, usize::MAX, &mut Vec::new());
}

/// [`write`], its bytes cut in pieces: each time `w` holds `piece_len` bytes or more, they go
/// to the end of `done` and `w` starts again, with room for `piece_len` and a token's most
/// (the last bytes stay in `w`). The bytes in order are [`write`]'s. The page's extractor
/// worker writes a long document's view so: a piece fits in a gap that other structures left
/// in its wasm memory, which never shrinks, where the whole view (a megabyte or more) did not.
pub(crate) fn write_cut(a: &TokenView, w: &mut Writer, piece_len: usize, done: &mut Vec<Vec<u8>>) {
    // Four varints of at most ten bytes each: a token's most.
    let mut cut = |w: &mut Writer| {
        if w.0.len() >= piece_len {
            done.push(std::mem::replace(&mut w.0, Vec::with_capacity(piece_len.saturating_add(40))));
        }
    };
    let v = &a.vocabulary;
    w.uint(a.tokens.len() as u64);
    w.uint(v.len() as u64);
    w.uint(v.key_bytes() as u64);
    let described: Vec<WordId> =
        (0..v.len() as WordId).filter(|&id| *v.description(id) != Description::default()).collect();
    w.uint(described.len() as u64);
    let mut previous = 0;
    for &id in &described {
        w.uint(u64::from(id - previous));
        previous = id;
        cut(w);
    }
    let mut sentences = a.sentences.iter().peekable();
    let mut seen: WordId = 0;
    for (p, para) in a.paragraphs.iter().enumerate() {
        let mut count = 0;
        while sentences.peek().is_some_and(|s| s.paragraph == p) {
            count += 1;
            sentences.next();
        }
        w.uint(count);
        let first = a.sentences.partition_point(|s| s.paragraph < p);
        let mut previous_end = para.start;
        for s in &a.sentences[first..first + count as usize] {
            w.uint(s.tokens.len() as u64);
            for token in &a.tokens[s.tokens.clone()] {
                let gap = token.start() - previous_end;
                let length = (token.end() - token.start()) as u64;
                match gap {
                    0 | 1 => w.uint(length * 3 + gap as u64),
                    _ => {
                        w.uint(length * 3 + 2);
                        w.uint(gap as u64 - 2);
                    }
                }
                previous_end = token.end();
                let word = token.word();
                if word == seen {
                    w.uint(0);
                    seen += 1;
                } else {
                    w.uint(u64::from(word) + 1);
                }
                cut(w);
            }
        }
    }
}

/// The view of `text`, whose paragraphs are `paragraphs` (the document's, as given to
/// [`super::Analysis::new`]), that [`write`] wrote; `None` when the bytes are not one or do
/// not fit the text.
pub(crate) fn read(r: &mut Reader, text: &str, paragraphs: &[Span]) -> Option<TokenView> {
    let paragraphs = usable_paragraphs(text, paragraphs);
    let token_count = r.count()?;
    let type_count = r.usize()?.min(token_count);
    let key_bytes = r.usize()?;
    let described_count = r.count()?.min(type_count);
    let mut described = Vec::with_capacity(described_count);
    let mut id: WordId = 0;
    for k in 0..described_count {
        let step = WordId::try_from(r.uint()?).ok()?;
        // Strictly increasing after the first.
        id = id.checked_add(step).filter(|_| k == 0 || step > 0)?;
        described.push(id);
    }
    let mut described = described.into_iter().peekable();
    let mut tokens: Vec<Token> = Vec::with_capacity(token_count);
    let mut sentences = Vec::new();
    let mut vocabulary = Vocabulary::default();
    vocabulary.reserve(type_count, key_bytes.min(2 * text.len()));
    let bytes = text.as_bytes();
    for (p, para) in paragraphs.iter().enumerate() {
        let mut previous_end = para.start;
        for _ in 0..r.count()? {
            let first = tokens.len();
            let count = r.count()?;
            if count == 0 || first + count > token_count {
                return None;
            }
            for _ in 0..count {
                let code = r.uint()?;
                let gap = match code % 3 {
                    2 => usize::try_from(r.uint()?).ok()?.checked_add(2)?,
                    g => g as usize,
                };
                let start = previous_end.checked_add(gap)?;
                let end = start.checked_add(usize::try_from(code / 3).ok()?)?;
                if end == start || end > para.end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    return None;
                }
                // OK because start < end <= the paragraph's end, within the text.
                let first_char = match bytes[start] {
                    b if b.is_ascii() => char::from(b),
                    _ => text[start..end].chars().next()?,
                };
                let mut token = Token::of_first_char(Span::new(start, end), first_char)?;
                let word = match r.uint()? {
                    // No view has more types than a token can name (see `tokens::MAX_WORD_TYPES`).
                    0 if vocabulary.len() >= super::tokens::MAX_WORD_TYPES => return None,
                    0 => {
                        let id = vocabulary.len() as WordId;
                        let known = described.next_if_eq(&id).is_some();
                        // OK because both ends were checked to be char boundaries.
                        vocabulary.push_folded(&text[start..end], known)
                    }
                    id => WordId::try_from(id - 1).ok().filter(|&id| (id as usize) < vocabulary.len())?,
                };
                token.set_word(word);
                tokens.push(token);
                previous_end = end;
            }
            let span = Span::new(tokens[first].start(), previous_end);
            sentences.push(Sentence { span, paragraph: p, tokens: first..tokens.len() });
        }
    }
    if tokens.len() != token_count || vocabulary.len() != type_count || described.next().is_some() {
        return None;
    }
    Some(TokenView { paragraphs, sentences, tokens, vocabulary })
}

#[cfg(test)]
mod tests {
    use super::super::Analysis;
    use super::*;

    #[test]
    fn a_view_reads_back_as_it_was_made() {
        let text = "“We will win,” Mr. Hale said on Jan. 14.  It’s 8:48 am; Łódź agreed.\n\nThe U.S. envoy — and   the vote, said Hale.";
        let a = Analysis::of_text(text);
        let mut w = Writer::default();
        write(&a.clone().into_view(), &mut w);
        let spans = super::super::paragraph_spans(text);
        let view = read(&mut Reader::new(&w.0), text, &spans).expect("a view");
        assert_eq!(view, a.clone().into_view());
        assert!(w.0.len() < 3 * a.tokens.len(), "{} bytes for {} tokens", w.0.len(), a.tokens.len());
        // Every cut reads as no view (or a shorter one that does not reach the end).
        for n in 0..w.0.len() {
            let mut r = Reader::new(&w.0[..n]);
            assert!(read(&mut r, text, &spans).is_none(), "a cut at {n} reads as a view");
        }
        // A view does not fit another text of other char boundaries.
        let other = "é".repeat(text.len() / 2);
        let mut r = Reader::new(&w.0);
        assert!(read(&mut r, &other, &super::super::paragraph_spans(&other)).is_none());
    }
}
