//! The document as the extraction stages see it: the parsed article, its token view and its
//! creation time. It sits below the stages so that none of them imports the pipeline that
//! sequences them.

use crate::calendar::Stamp;
use crate::model::Document;
use crate::text::Analysis;
use crate::text::FxHashMap;

/// A parsed document with its analysis and creation time.
pub(crate) struct Doc<'a> {
    pub document: &'a Document,
    pub analysis: Analysis<'a>,
    /// The document creation time that relative expressions resolve against.
    pub dct: Option<Stamp>,
}

/// Groups `items` by the id of their document, in one pass (stages run per document;
/// filtering the whole list per document would be quadratic in corpus size).
pub(crate) fn group_by_doc<'a, T>(items: &'a [T], doc_of: impl Fn(&T) -> &str) -> FxHashMap<&'a str, Vec<&'a T>> {
    let mut groups: FxHashMap<&'a str, Vec<&'a T>> = FxHashMap::default();
    for item in items {
        groups.entry(doc_of(item)).or_default().push(item);
    }
    groups
}

/// Counts, per thread and in test builds only, how many documents each stage whose work a part
/// keeps (the token view's analysis, names, quotes, times) has run over: the tests of assembly
/// check that kept parts run none of them again.
#[cfg(test)]
pub(crate) mod runs {
    use std::cell::Cell;

    /// A per-document stage whose work a part keeps.
    #[derive(Clone, Copy)]
    pub(crate) enum Kept {
        /// The token view: tokenizing, folding and interning a document's words.
        Analysis,
        /// The name tagger's model.
        Names,
        /// Finding quotes and what may name their speakers.
        Quotes,
        /// Scanning for time expressions.
        Times,
    }

    thread_local! {
        static RUNS: [Cell<usize>; 4] = const { [Cell::new(0), Cell::new(0), Cell::new(0), Cell::new(0)] };
    }

    /// Notes that `stage` ran over one more document.
    pub(crate) fn count(stage: Kept) {
        RUNS.with(|runs| runs[stage as usize].set(runs[stage as usize].get() + 1));
    }

    /// How many documents `stage` has run over on this thread.
    pub(crate) fn of(stage: Kept) -> usize {
        RUNS.with(|runs| runs[stage as usize].get())
    }
}
