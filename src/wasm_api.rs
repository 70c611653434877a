//! The browser binding: converts JavaScript values to pipeline inputs and the extraction back
//! to plain JavaScript objects (serde-wasm-bindgen, one coarse call per corpus).
//!
//! No logic lives here. Errors cross the boundary as `Result`s (a JS exception with a readable
//! message), never as panics; the panic hook only makes an unexpected one readable.

use crate::index::{Counts, Filter, Index, KindCounts, SourceCounts};
use crate::model::{DocumentHead, Extraction, PublishedSource};
use crate::pipeline::{Failure, Input, Known};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// An article as the page hands it over: pasted text or a dropped file.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsArticle {
    id: String,
    #[serde(default)]
    name: Option<String>,
    /// The text, when the page already has it as a string.
    #[serde(default)]
    content: Option<String>,
    /// The raw bytes of a file, so that invalid UTF-8 is reported rather than replaced.
    #[serde(default, with = "serde_bytes_opt")]
    bytes: Option<Vec<u8>>,
    #[serde(default)]
    published: Option<String>,
}

mod serde_bytes_opt {
    use serde::{Deserialize, Deserializer};
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        Option::<serde_bytes::ByteBuf>::deserialize(d).map(|b| b.map(|b| b.into_vec()))
    }
}

/// The contract, plus the inputs that could not be extracted.
#[derive(Serialize)]
struct JsOutcome<'a> {
    #[serde(flatten)]
    extraction: &'a Extraction,
    failures: &'a [Failure],
}

/// Results go out as one JSON text parsed by the browser's `JSON.parse`: for a query at
/// 10,000 articles (hundreds of thousands of ids) that is one boundary crossing instead of one
/// per value, 20–50× faster than building the objects value by value (see `make bench`).
/// Arguments still come in through serde-wasm-bindgen.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&format!("cannot convert the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot convert the result"))
}

/// Extracts the embedded seed articles.
#[wasm_bindgen(js_name = extractSeeds)]
pub fn extract_seeds() -> Result<JsValue, JsError> {
    let outcome = crate::extract(&crate::seeds::inputs());
    to_js(&JsOutcome { extraction: &outcome.extraction, failures: &outcome.failures })
}

/// Extracts `articles` (an array of `{id, name?, content? | bytes?, published?}`), after the
/// seeds when `withSeeds` is true. Returns the contract with a `failures` array.
#[wasm_bindgen]
pub fn extract(articles: JsValue, with_seeds: bool) -> Result<JsValue, JsError> {
    let (extraction, failures) = extract_articles(articles, with_seeds)?;
    to_js(&JsOutcome { extraction: &extraction, failures: &failures })
}

/// An extracted corpus with its filtering and search index, kept in wasm memory so that the
/// page can query it on every change of its filters.
#[wasm_bindgen]
pub struct Corpus {
    index: Index,
    failures: Vec<Failure>,
}

/// Extracts and indexes `articles` (as for [`extract`]).
#[wasm_bindgen(js_name = newCorpus)]
pub fn new_corpus(articles: JsValue, with_seeds: bool) -> Result<Corpus, JsError> {
    let (extraction, failures) = extract_articles(articles, with_seeds)?;
    Ok(Corpus { index: Index::from_extraction(extraction), failures })
}

#[wasm_bindgen]
impl Corpus {
    /// The contract with its `failures` array: what [`extract`] returns.
    pub fn extraction(&self) -> Result<JsValue, JsError> {
        to_js(&JsOutcome { extraction: self.index.extraction(), failures: &self.failures })
    }

    /// What the page renders from: [`Corpus::extraction`] without the documents' texts and
    /// paragraphs, which the core keeps (a third of the contract's size; ask for one with
    /// [`Corpus::document`] when it is shown). Each document carries its `length` in code points.
    pub fn model(&self) -> Result<JsValue, JsError> {
        let x = self.index.extraction();
        let documents = x.documents.iter().map(|d| JsDocumentHead { head: DocumentHead::of(d) }).collect();
        to_js(&JsModel {
            documents,
            quotes: &x.quotes,
            entities: &x.entities,
            times: &x.times,
            events: &x.events,
            failures: &self.failures,
        })
    }

    /// `{text, paragraphs}` of document `id`, or an error naming it when there is none.
    pub fn document(&self, id: &str) -> Result<JsValue, JsError> {
        let d = self.index.document(id).ok_or_else(|| JsError::new(&format!("no document {id}")))?;
        to_js(&JsDocumentBody { text: &d.text, paragraphs: &d.paragraphs })
    }

    /// The ids passing `filter` (`{docs, entities, speakers, kinds, sources, from, to, q}`, all
    /// optional; null or undefined means no filter), with facets, hits and snippets.
    pub fn query(&self, filter: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.index.query(&read_filter(filter)?))
    }

    /// What [`Corpus::query`] answers, by position in the extraction's arrays and without the
    /// search matches (see [`Corpus::matches`]): `documents`, `quotes`, `entities` and
    /// `events` are `Uint32Array` bitsets (position `i` is bit `i % 32` of word `i / 32`) with
    /// their sizes in `counts`; `facets.documents` and `facets.entities` are `Uint32Array`
    /// counts by position. The page uses this one: at 10,000 articles it crosses a few typed
    /// arrays instead of hundreds of thousands of ids, and scans no text.
    pub fn select(&self, filter: JsValue) -> Result<JsValue, JsError> {
        let selected = self.index.select(&read_filter(filter)?);
        let sets = [
            ("documents", &selected.documents),
            ("quotes", &selected.quotes),
            ("entities", &selected.entities),
            ("events", &selected.events),
        ];
        let out = to_js(&JsSelected {
            counts: JsCounts {
                documents: selected.documents.count(),
                quotes: selected.quotes.count(),
                entities: selected.entities.count(),
                events: selected.events.count(),
            },
            facets: JsFacets {
                speakers: &selected.facets.speakers,
                kinds: &selected.facets.kinds,
                sources: &selected.facets.sources,
            },
        })?;
        for (name, set) in sets {
            set_property(&out, name, &js_sys::Uint32Array::from(set.words().as_slice()))?;
        }
        let facets =
            js_sys::Reflect::get(&out, &"facets".into()).map_err(|_| JsError::new("cannot convert the result"))?;
        set_property(&facets, "documents", &js_sys::Uint32Array::from(selected.facets.documents.as_slice()))?;
        set_property(&facets, "entities", &js_sys::Uint32Array::from(selected.facets.entities.as_slice()))?;
        Ok(out)
    }

    /// `{hits, snippets}`: where the words of the search `q` are in the documents `docs` (an
    /// array of ids, in the order the page shows them; unknown ids are skipped).
    pub fn matches(&self, q: &str, docs: JsValue) -> Result<JsValue, JsError> {
        let docs: Vec<String> = serde_wasm_bindgen::from_value(docs)
            .map_err(|e| JsError::new(&format!("expected an array of document ids: {e}")))?;
        to_js(&self.index.matches(q, &docs))
    }
}

/// A document without its body: see [`Corpus::model`].
#[derive(Serialize)]
struct JsDocumentHead<'a> {
    #[serde(flatten)]
    head: DocumentHead<'a>,
}

#[derive(Serialize)]
struct JsModel<'a> {
    documents: Vec<JsDocumentHead<'a>>,
    quotes: &'a [crate::model::Quote],
    entities: &'a [crate::model::Entity],
    times: &'a [crate::model::TimeExpression],
    events: &'a [crate::model::Event],
    failures: &'a [Failure],
}

#[derive(Serialize)]
struct JsDocumentBody<'a> {
    text: &'a str,
    paragraphs: &'a [crate::model::Paragraph],
}

/// The parts of a [`crate::index::Selected`] that cross as JSON; the sets are added as typed arrays.
#[derive(Serialize)]
struct JsSelected<'a> {
    counts: JsCounts,
    facets: JsFacets<'a>,
}

#[derive(Serialize)]
struct JsCounts {
    documents: usize,
    quotes: usize,
    entities: usize,
    events: usize,
}

#[derive(Serialize)]
struct JsFacets<'a> {
    speakers: &'a Counts,
    kinds: &'a KindCounts,
    sources: &'a SourceCounts,
}

/// A filter from JavaScript; null or undefined means no filter.
fn read_filter(filter: JsValue) -> Result<Filter, JsError> {
    if filter.is_null() || filter.is_undefined() {
        return Ok(Filter::default());
    }
    serde_wasm_bindgen::from_value(filter).map_err(|e| JsError::new(&format!("invalid filter: {e}")))
}

fn set_property(object: &JsValue, key: &str, value: &JsValue) -> Result<(), JsError> {
    js_sys::Reflect::set(object, &key.into(), value).map(drop).map_err(|_| JsError::new("cannot convert the result"))
}

/// The seeds (if asked) and the JavaScript articles, extracted; articles that cannot be read
/// become failures.
fn extract_articles(articles: JsValue, with_seeds: bool) -> Result<(Extraction, Vec<Failure>), JsError> {
    let articles: Vec<JsArticle> = serde_wasm_bindgen::from_value(articles)
        .map_err(|e| JsError::new(&format!("expected an array of articles: {e}")))?;
    let mut inputs = if with_seeds { crate::seeds::inputs() } else { Vec::new() };
    let mut failures = Vec::new();
    for article in articles {
        let name = article.name.clone().unwrap_or_else(|| article.id.clone());
        let input = match (article.content, article.bytes) {
            (Some(content), _) => Ok(Input { id: article.id, name, content, ..Input::default() }),
            (None, Some(bytes)) => Input::from_bytes(&article.id, &name, bytes),
            (None, None) => Err(Failure { name, reason: "the article has no content".into() }),
        };
        match input {
            Ok(mut input) => {
                if let Some(published) = article.published {
                    input.known = Known {
                        published: Some(published),
                        published_source: PublishedSource::Flag,
                        ..Known::default()
                    };
                }
                inputs.push(input);
            }
            Err(failure) => failures.push(failure),
        }
    }
    let outcome = crate::extract(&inputs);
    failures.extend(outcome.failures);
    Ok((outcome.extraction, failures))
}
