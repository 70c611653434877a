//! The creation time of a document that states none, inferred from the text: reader comments
//! were posted after it (the earliest bounds it from above), and the body was written after
//! the latest fully dated past event it narrates (which bounds it from below).

use super::recognize::{self, Val};
use super::tense::{self, Tense};
use super::words;
use crate::calendar::Stamp;
use crate::model::{Document, Span};
use crate::text::Analysis;
use jiff::civil::Date;

/// Estimates the creation date of `document`: its earliest comment, else the latest complete
/// date its body mentions outside a future-tense clause.
pub(crate) fn infer_published(document: &Document) -> Option<Stamp> {
    let earliest_comment = document.comments.iter().filter_map(|c| c.posted).min().map(|s| s.date);
    let latest_mentioned = latest_mentioned_date(document);
    let date = match (earliest_comment, latest_mentioned) {
        // A mention after the first comment is an update or a future plan: trust the comment.
        (Some(c), _) => c,
        (None, Some(m)) => m,
        (None, None) => return None,
    };
    Some(Stamp { date, time: None })
}

/// The latest `Month Day, Year` (or ISO) date of the body, not in a future-tense clause.
fn latest_mentioned_date(document: &Document) -> Option<Date> {
    let spans: Vec<Span> = document.paragraphs.iter().map(|p| Span::new(p.start, p.end)).collect();
    let analysis = Analysis::new(&document.text, &spans);
    let mut latest = None;
    for sentence in &analysis.sentences {
        let words = words::of_sentence(&analysis, sentence);
        for f in recognize::scan(&words) {
            if let Val::Day { year: Some(y), month, day } = f.val {
                let future = tense::around(&words, f.first, f.last) == Tense::Future;
                if let (Ok(d), false) = (Date::new(y, month, day), future) {
                    latest = latest.max(Some(d));
                }
            }
        }
    }
    latest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Comment, CommentKind, Paragraph};

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
        assert_eq!(infer_published(&d).map(|s| s.to_string()).as_deref(), Some("2015-06-03"));
    }

    #[test]
    fn latest_past_date_bounds_it_otherwise() {
        let d = document(
            "The council met on June 2, 2015, after a vote on May 28, 2015. It will meet again on July 1, 2015.",
            &[],
        );
        assert_eq!(infer_published(&d).map(|s| s.to_string()).as_deref(), Some("2015-06-02"));
        assert_eq!(infer_published(&document("No dates here.", &[])), None);
    }
}
