//! Events: dated clauses turned into timeline entries, merged across documents (issue 5).
//!
//! Input: documents, their time expressions, entities and quotes. It does not recognize time
//! expressions or names itself.

use crate::entities::Entities;
use crate::model::{Event, Quote, TimeExpression};
use crate::pipeline::Doc;

pub(crate) fn build(docs: &[Doc], entities: &Entities, quotes: &[Quote], times: &[TimeExpression]) -> Vec<Event> {
    let _ = (docs, entities, quotes, times);
    Vec::new()
}
