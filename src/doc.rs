//! The document as the extraction stages see it: the parsed article, its token view and its
//! creation time. It sits below the stages so that none of them imports the pipeline that
//! sequences them.

use crate::calendar::Stamp;
use crate::model::Document;
use crate::text::Analysis;
use std::collections::HashMap;

/// A parsed document with its analysis and creation time.
pub(crate) struct Doc<'a> {
    pub document: &'a Document,
    pub analysis: Analysis<'a>,
    /// The document creation time that relative expressions resolve against.
    pub dct: Option<Stamp>,
}

/// Groups `items` by the id of their document, in one pass (stages run per document;
/// filtering the whole list per document would be quadratic in corpus size).
pub(crate) fn group_by_doc<'a, T>(items: &'a [T], doc_of: impl Fn(&T) -> &str) -> HashMap<&'a str, Vec<&'a T>> {
    let mut groups: HashMap<&'a str, Vec<&'a T>> = HashMap::new();
    for item in items {
        groups.entry(doc_of(item)).or_default().push(item);
    }
    groups
}
