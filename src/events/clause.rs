//! The clause a time expression dates: its sentence, cut between neighbouring time
//! expressions of the same sentence at the comma, semicolon or dash nearest the later one, so "They will vote on
//! June 9, aides said Thursday" gives two clauses, one per date.

use crate::model::Span;
use crate::text::Analysis;

fn is_cut(c: &str) -> bool {
    matches!(c, "," | ";" | "—" | "–" | ":")
}

/// The clause around `time` (a byte span) given the other dated spans of the document
/// (sorted by start), or None when the expression lies outside every sentence.
pub(crate) fn around(analysis: &Analysis, time: Span, dated: &[Span]) -> Option<Span> {
    let s = analysis.sentence_at(time.start)?;
    let sentence = analysis.sentences.get(s)?;
    let k = dated.partition_point(|d| d.start < time.start);
    let previous =
        k.checked_sub(1).and_then(|p| dated.get(p)).filter(|p| p.end <= time.start && p.start >= sentence.span.start);
    let next = dated[k..].iter().find(|n| n.start >= time.end).filter(|n| n.end <= sentence.span.end);
    let cuts: Vec<Span> = sentence
        .tokens
        .clone()
        .filter(|&t| is_cut(analysis.token_text(t)))
        .filter_map(|t| analysis.tokens.get(t).map(|tok| tok.span))
        .collect();
    // A clause starts after its cut (which may be a multibyte dash: its end, not start + 1).
    let start = previous
        .and_then(|p| cuts.iter().rev().find(|c| c.start >= p.end && c.start < time.start).map(|c| c.end))
        .unwrap_or(sentence.span.start);
    // The last cut before the next date keeps the subject with its date ("in Lyon on June 4,
    // the mayor said, “… two years ago …”" splits before the quote, not after "June 4").
    let end = next
        .and_then(|n| cuts.iter().rev().find(|c| c.start >= time.end && c.start < n.start).map(|c| c.start))
        .unwrap_or(sentence.span.end);
    Some(Span::new(start, end))
}

/// The clause text made readable as a summary: white space collapsed, leading punctuation
/// dropped, and cut at a word boundary past `max` characters.
pub(crate) fn summary(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        if out.chars().count() + w.chars().count() > max && !out.is_empty() {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.trim_start_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace()).to_string()
}
