//! The creation time of a document that states none, inferred from the text: reader comments
//! were posted after it (the earliest bounds it from above), and the body was written after
//! the latest fully dated past event it narrates (which bounds it from below). A text that
//! dates nothing fully is taken to be of the time of the other documents of the corpus (the
//! median of their creation times): articles gathered into one story are near each other in
//! time. Every such date is marked inferred, and so is what is resolved against it.

use super::recognize::Val;
use super::tense::Tense;
use super::Candidate;
use crate::calendar::Stamp;
use crate::doc::Doc;
use crate::model::{Document, InferredFrom};
use jiff::civil::Date;

/// The median creation date of the documents that have one, if any.
pub(super) fn corpus_date(docs: &[Doc]) -> Option<Date> {
    let mut dates: Vec<Date> = docs.iter().filter_map(|d| d.dct.map(|s| s.date)).collect();
    crate::sorting::sort(&mut dates);
    dates.get(dates.len() / 2).copied()
}

/// Estimates the creation date of `document`: its earliest comment, else the latest complete
/// date among its expressions (`candidates`, from the document's one scan) outside a
/// future-tense clause, else the corpus's date (see [`corpus_date`]); with what it came from.
pub(super) fn infer_published(
    document: &Document,
    candidates: &[Candidate],
    corpus: Option<Date>,
) -> Option<(Stamp, InferredFrom)> {
    let earliest_comment = document.comments.iter().filter_map(|c| c.posted).min().map(|s| s.date);
    let latest_mentioned = || {
        candidates
            .iter()
            .filter(|c| c.tense != Tense::Future)
            .filter_map(|c| match c.found.val {
                Val::Day { year: Some(y), month, day } => Date::new(y, month, day).ok(),
                _ => None,
            })
            .max()
    };
    // A mention after the first comment is an update or a future plan: trust the comment.
    let (date, from) = earliest_comment
        .map(|d| (d, InferredFrom::Comments))
        .or_else(|| latest_mentioned().map(|d| (d, InferredFrom::Text)))
        .or(corpus.map(|d| (d, InferredFrom::Corpus)))?;
    Some((Stamp { date, time: None }, from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Doc;
    use crate::model::{Comment, CommentKind, Paragraph, Span};
    use crate::text::Analysis;

    /// The creation time the times stage infers for `d`.
    fn infer(d: &Document) -> Option<(String, InferredFrom)> {
        let spans: Vec<Span> = d.paragraphs.iter().map(|p| Span::new(p.start, p.end)).collect();
        let doc = Doc { document: d, analysis: Analysis::new(&d.text, &spans), dct: None };
        let detected = super::super::detect(&doc.analysis, Vec::new());
        super::super::extract(std::slice::from_ref(&doc), vec![std::borrow::Cow::Owned(detected)]).inferred[0]
            .map(|(s, from)| (s.to_string(), from))
    }

    fn document(text: &str, comments: &[&str]) -> Document {
        Document {
            text: text.to_string(),
            paragraphs: vec![Paragraph { start: 0, end: text.len(), item: None }],
            comments: comments
                .iter()
                .map(|p| Comment {
                    kind: CommentKind::Comment,
                    posted: Some(p.parse().unwrap()),
                    author: None,
                    text: String::new(),
                    title: None,
                })
                .collect(),
            ..Document::default()
        }
    }

    #[test]
    fn comments_bound_the_date() {
        let d = document("The council voted on June 2, 2015.", &["2015-06-04T10:00", "2015-06-03T09:00"]);
        assert_eq!(infer(&d), Some(("2015-06-03".into(), InferredFrom::Comments)));
    }

    #[test]
    fn latest_past_date_bounds_it_otherwise() {
        let d = document(
            "The council met on June 2, 2015, after a vote on May 28, 2015. It will meet again on July 1, 2015.",
            &[],
        );
        assert_eq!(infer(&d), Some(("2015-06-02".into(), InferredFrom::Text)));
        assert_eq!(infer(&document("No dates here.", &[])), None);
    }
}
