//! The extraction pipeline: inputs → articles → sentences and tokens → entities, quotes,
//! times → events → the contract, with offsets converted to code points.
//!
//! This module only sequences the stages and settles the document creation time; each stage
//! lives in its own module.

use crate::article::{self, Format, Metadata};
use crate::calendar::Stamp;
use crate::model::{Document, Extraction, PublishedSource};
use crate::text::Analysis;
use crate::{entities, events, quotes, times};

/// One article to extract, as read from a file, the clipboard or the embedded seeds.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// The document id in the output: a file stem, unique within one extraction.
    pub id: String,
    /// The name to report errors with (a file name or path).
    pub name: String,
    /// The raw content of the file.
    pub content: String,
    /// The format; `None` guesses it from the name and content.
    pub format: Option<Format>,
    /// Facts known from outside the text (a manifest, a command-line flag, the page's form);
    /// they win over what the text says.
    pub known: Metadata,
}

impl Input {
    /// An input from raw file bytes, or a failure saying why they are not a text article.
    pub fn from_bytes(id: &str, name: &str, bytes: Vec<u8>) -> Result<Input, Failure> {
        match String::from_utf8(bytes) {
            Ok(content) => Ok(Input { id: id.to_string(), name: name.to_string(), content, ..Input::default() }),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let reason = if e.as_bytes().contains(&0) {
                    "the file is binary, not text".to_string()
                } else {
                    format!("the file is not valid UTF-8 text (bad byte at offset {at})")
                };
                Err(Failure { name: name.to_string(), reason })
            }
        }
    }
}

/// An input that could not be extracted, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Failure {
    pub name: String,
    pub reason: String,
}

/// The result of a run: what was extracted, and the inputs that failed.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    pub extraction: Extraction,
    pub failures: Vec<Failure>,
}

/// A parsed document with its analysis and creation time, as the extractors see it.
pub(crate) struct Doc<'a> {
    pub document: &'a Document,
    pub analysis: Analysis<'a>,
    /// The document creation time that relative expressions resolve against.
    pub dct: Option<Stamp>,
}

/// Extracts everything from `inputs`. Inputs that cannot be parsed are reported in
/// `failures`; the others are still extracted.
pub fn extract(inputs: &[Input]) -> Outcome {
    let mut failures = Vec::new();
    let mut documents: Vec<Document> = Vec::new();
    let mut used_ids = std::collections::HashSet::new();
    for input in inputs {
        match article::parse(&input.content, input.format, &input.name, &input.known) {
            Ok(article) => documents.push(article.into_document(unique_id(&input.id, &mut used_ids))),
            Err(e) => failures.push(Failure { name: input.name.clone(), reason: e.to_string() }),
        }
    }
    for document in &mut documents {
        if document.published.is_none() {
            if let Some(inferred) = times::infer_published(document) {
                document.published = Some(inferred);
                document.published_source = PublishedSource::Inferred;
            }
        }
    }
    let extraction = extract_documents(documents);
    Outcome { extraction, failures }
}

/// Runs the extractors over parsed documents.
pub(crate) fn extract_documents(documents: Vec<Document>) -> Extraction {
    let docs: Vec<Doc> = documents
        .iter()
        .map(|document| {
            let spans: Vec<_> = document.paragraphs.iter().map(|p| crate::model::Span::new(p.start, p.end)).collect();
            Doc { document, analysis: Analysis::new(&document.text, &spans), dct: document.published }
        })
        .collect();
    let entities = entities::extract(&docs);
    let quotes = quotes::extract(&docs, &entities);
    let times = times::extract(&docs, &quotes);
    let events = events::build(&docs, &entities, &quotes, &times);
    drop(docs);
    Extraction { documents, quotes, entities: entities.list, times, events }.into_code_point_offsets()
}

/// Groups `items` by the id of their document, in one pass (stages run per document; filtering
/// the whole list per document would be quadratic in corpus size).
pub(crate) fn group_by_doc<'a, T>(
    items: &'a [T],
    doc_of: impl Fn(&T) -> &str,
) -> std::collections::HashMap<&'a str, Vec<&'a T>> {
    let mut groups: std::collections::HashMap<&'a str, Vec<&'a T>> = std::collections::HashMap::new();
    for item in items {
        groups.entry(doc_of(item)).or_default().push(item);
    }
    groups
}

fn unique_id(id: &str, used: &mut std::collections::HashSet<String>) -> String {
    let base = if id.trim().is_empty() { "doc" } else { id.trim() };
    let mut candidate = base.to_string();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}
