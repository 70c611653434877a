//! Transcript lines: paragraphs of the form `Speaker Name: words` (`President Doe: …`,
//! `DOE: …`) and interview lines `Q:` / `A:`.
//!
//! A named label counts only when the document has at least two such lines, so that a single
//! `Update: …` or `Background: …` heading is not taken for speech. It does not resolve the
//! label to an entity (see `speakers`).

use super::lexicon::Class;
use super::phrases::Words;
use crate::model::Span;

/// One transcript line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// Token indices of the label (the speaker), inclusive.
    pub label: (usize, usize),
    /// The spoken text after the colon, to the end of the paragraph.
    pub inner: Span,
    pub paragraph: usize,
    /// `Q` / `A` lines: the label is a role, not a name.
    pub interview: bool,
}

const MAX_LABEL_WORDS: usize = 5;

/// The transcript lines of a document.
///
/// A line's colon is a token of its paragraph, so a paragraph without a byte `:` has none:
/// such paragraphs (most) are passed over without looking for their first token (a binary
/// search over the document's tokens) and its first words: 0.5 M instructions fewer on 2 MB
/// of news.
/// The colons are found by one scan, each search going on from the colon before. Natively only:
/// the wasm, whose size counts (the page's budget), reads every paragraph as before.
pub(crate) fn find(w: &Words, paragraphs: &[Span]) -> Vec<Line> {
    let bytes = w.a.text.as_bytes();
    // Where the last search started, and the first colon at or after it (or the text's end).
    let mut searched: Option<(usize, usize)> = None;
    let mut has_colon = |para: Span| {
        let colon = match searched {
            Some((from, colon)) if from <= para.start && para.start <= colon => colon,
            _ => {
                let colon = crate::bytes::find_any(bytes, para.start, b":").unwrap_or(bytes.len());
                searched = Some((para.start, colon));
                colon
            }
        };
        colon < para.end
    };
    let mut lines: Vec<Line> = paragraphs
        .iter()
        .enumerate()
        .filter(|&(_, para)| cfg!(target_arch = "wasm32") || has_colon(*para))
        .filter_map(|(p, para)| line_of(w, p, *para))
        .collect();
    if lines.iter().filter(|l| !l.interview).count() < 2 {
        lines.retain(|l| l.interview);
    }
    lines
}

fn line_of(w: &Words, p: usize, para: Span) -> Option<Line> {
    let first = w.a.token_from(para.start);
    let in_para = |i: usize| i < w.a.tokens.len() && w.a.tokens[i].start() < para.end;
    let colon = (first..first + MAX_LABEL_WORDS + 1).take_while(|&i| in_para(i)).find(|&i| w.is_punct(i, &[':']))?;
    if colon == first || !in_para(colon + 1) {
        return None;
    }
    let label = (first, colon - 1);
    let interview = label.0 == label.1 && matches!(w.text(first), "Q" | "A" | "Question" | "Answer");
    let named = (first..colon).all(|i| w.is_name_word(i)) && !w.has(first, Class::HEADING);
    if !interview && !named {
        return None;
    }
    let inner = Span::new(w.a.tokens[colon + 1].start(), para.end);
    Some(Line { label, inner, paragraph: p, interview })
}

/// A transcript line inside quote marks whose first token is `first` and inner text `inner`
/// (`"JONES: …`, `"Q: …`): the label must be in capitals, as transcripts print it.
pub(crate) fn in_quote(w: &Words, first: usize, inner: Span) -> Option<Line> {
    let in_inner = |i: usize| i < w.a.tokens.len() && w.a.tokens[i].start() < inner.end;
    let colon = (first..first + MAX_LABEL_WORDS + 1).take_while(|&i| in_inner(i)).find(|&i| w.is_punct(i, &[':']))?;
    if colon == first || !in_inner(colon + 1) || w.a.tokens[first].start() != inner.start {
        return None;
    }
    let capitals = (first..colon).all(|i| {
        let t = w.text(i);
        w.is_word(i) && t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
    });
    if !capitals || w.has(first, Class::HEADING) {
        return None;
    }
    let interview = colon == first + 1 && matches!(w.text(first), "Q" | "A");
    let spoken = Span::new(w.a.tokens[colon + 1].start(), inner.end);
    Some(Line { label: (first, colon - 1), inner: spoken, paragraph: 0, interview })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::lexicon::Lexicon;
    use crate::text::Analysis;

    fn labels(text: &str) -> Vec<String> {
        let a = Analysis::of_text(text);
        let lex = Lexicon::new(&a);
        let w = Words { a: &a, lex: &lex };
        find(&w, &a.paragraphs)
            .iter()
            .map(|l| text[a.tokens[l.label.0].span().start..a.tokens[l.label.1].span().end].to_string())
            .collect()
    }

    /// The lines found are those of every paragraph read (the colon's scan passes over none
    /// that has one): over generated documents of labels, colons, times and plain sentences,
    /// and paragraphs given out of order.
    #[test]
    fn the_lines_are_those_of_every_paragraph() {
        let pieces = ["Doe", "JONES", "Q", "A", ":", " ", "said", "10:30", "x", ".", "\n\n", "é:", "Mr."];
        let mut shuffle = crate::shuffle::Shuffle::from_seed(7);
        let mut found = 0;
        for round in 0..3_000 {
            let len = shuffle.below(60);
            let text: String = (0..len).map(|_| pieces[shuffle.below(pieces.len())]).collect();
            let a = Analysis::of_text(&text);
            let lex = Lexicon::new(&a);
            let w = Words { a: &a, lex: &lex };
            let mut paragraphs = a.paragraphs.clone();
            if round % 3 == 0 {
                paragraphs.reverse();
            }
            let mut plain: Vec<Line> =
                paragraphs.iter().enumerate().filter_map(|(p, para)| line_of(&w, p, *para)).collect();
            if plain.iter().filter(|l| !l.interview).count() < 2 {
                plain.retain(|l| l.interview);
            }
            let lines = find(&w, &paragraphs);
            assert_eq!(lines, plain, "{text:?}");
            found += lines.len();
        }
        assert!(found > 500, "lines found: {found}");
    }

    #[test]
    fn transcript_and_interview_lines() {
        assert_eq!(
            labels("Intro.\n\nPresident Doe: We agree.\n\nMINISTER ROE: We do not.\n\nAfter."),
            ["President Doe", "MINISTER ROE"]
        );
        assert_eq!(labels("Q: Why now?\n\nA: Because."), ["Q", "A"]);
    }

    #[test]
    fn a_lone_heading_is_no_dialogue() {
        assert!(labels("Update: the vote was delayed.\n\nMore text.").is_empty());
        assert!(labels("Jane Doe: a profile of the mayor.\n\nText.").is_empty());
        assert!(labels("Update: one.\n\nNote: two.").is_empty());
    }
}
