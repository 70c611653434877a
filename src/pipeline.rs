//! The extraction pipeline: inputs → articles → sentences and tokens → entities, quotes,
//! times → events → the contract, with offsets converted to code points.
//!
//! This module only sequences the stages and settles the document creation time; each stage
//! lives in its own module.

use crate::article::{self, Format};
use crate::doc::Doc;
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
    /// Metadata known from outside the text (a manifest or a command-line flag); it wins over
    /// what the text says.
    pub known: Known,
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

/// Metadata given from outside the text.
#[derive(Clone, Debug, Default)]
pub struct Known {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub published: Option<String>,
    /// Whence `published` came: `Manifest` or `Flag`.
    pub published_source: PublishedSource,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
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

/// Seconds spent in each stage of one extraction (native builds; zero in wasm, which has no
/// clock without JavaScript). `make bench` prints their shares.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct StageTimes {
    pub parse: f64,
    pub analysis: f64,
    pub entities: f64,
    pub quotes: f64,
    pub times: f64,
    pub events: f64,
    pub offsets: f64,
}

/// A stopwatch for [`StageTimes`]: each `lap` returns the seconds since the previous one.
struct Stopwatch {
    #[cfg(not(target_arch = "wasm32"))]
    last: std::time::Instant,
}

impl Stopwatch {
    fn start() -> Self {
        Stopwatch {
            #[cfg(not(target_arch = "wasm32"))]
            last: std::time::Instant::now(),
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn lap(&mut self) -> f64 {
        let now = std::time::Instant::now();
        let seconds = now.duration_since(self.last).as_secs_f64();
        self.last = now;
        seconds
    }

    #[cfg(target_arch = "wasm32")]
    fn lap(&mut self) -> f64 {
        0.0
    }
}

/// Extracts everything from `inputs`. Inputs that cannot be parsed are reported in
/// `failures`; the others are still extracted.
pub fn extract(inputs: &[Input]) -> Outcome {
    extract_timed(inputs).0
}

/// [`extract`], with the time each stage took.
pub fn extract_timed(inputs: &[Input]) -> (Outcome, StageTimes) {
    let mut times = StageTimes::default();
    let mut clock = Stopwatch::start();
    let mut failures = Vec::new();
    let mut documents: Vec<Document> = Vec::new();
    let mut used_ids = std::collections::HashSet::new();
    for input in inputs {
        match isolated(|| article::parse(&input.content, input.format, &input.name)) {
            Ok(Ok(article)) => {
                let mut document = article.into_document(unique_id(&input.id, &mut used_ids));
                apply_known(&mut document, &input.known);
                documents.push(document);
            }
            Ok(Err(e)) => failures.push(Failure { name: input.name.clone(), reason: e.to_string() }),
            Err(panic) => failures.push(Failure::internal(&input.name, &panic)),
        }
    }
    times.parse = clock.lap();
    let found = match isolated(|| extract_documents(&documents, &mut times, &mut clock)) {
        Ok(found) => found,
        Err(_) => {
            // One document broke a stage. Find which by extracting each alone, then extract the
            // others together, so that one bad file never costs the rest.
            let mut good = Vec::new();
            for document in std::mem::take(&mut documents) {
                let alone = std::slice::from_ref(&document);
                match isolated(|| extract_documents(alone, &mut StageTimes::default(), &mut Stopwatch::start())) {
                    Ok(_) => good.push(document),
                    Err(panic) => failures.push(Failure::internal(&document.id, &panic)),
                }
            }
            documents = good;
            isolated(|| extract_documents(&documents, &mut times, &mut clock)).unwrap_or_else(|panic| {
                failures.extend(documents.drain(..).map(|d| Failure::internal(&d.id, &panic)));
                Found::default()
            })
        }
    };
    let extraction = found.into_extraction(documents);
    times.offsets = clock.lap();
    (Outcome { extraction, failures }, times)
}

impl Failure {
    /// A failure caused by a bug (a panic) rather than by the input's content.
    fn internal(name: &str, panic: &str) -> Failure {
        Failure {
            name: name.to_string(),
            reason: format!("internal error while extracting it ({panic}); please report it"),
        }
    }
}

/// Runs `f`, turning a panic into the message it carried. Native builds unwind (see the
/// release profile); in wasm a panic aborts, and the page isolates the core in a worker.
fn isolated<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

/// What the stages found in a set of documents, before it becomes the contract.
#[derive(Default)]
struct Found {
    entities: Vec<crate::model::Entity>,
    quotes: Vec<crate::model::Quote>,
    times: times::Times,
    events: Vec<crate::model::Event>,
}

impl Found {
    /// The contract: the documents (with their inferred creation times) and what was found in
    /// them, offsets converted to code points.
    fn into_extraction(self, mut documents: Vec<Document>) -> Extraction {
        for (document, inferred) in documents.iter_mut().zip(self.times.inferred) {
            if let Some(stamp) = inferred {
                document.published = Some(stamp.to_string());
                document.published_source = PublishedSource::Inferred;
            }
        }
        Extraction {
            documents,
            quotes: self.quotes,
            entities: self.entities,
            times: self.times.expressions,
            events: self.events,
        }
        .into_code_point_offsets()
    }
}

/// A fault injected by the tests of panic isolation (debug builds only): extraction panics when
/// a document's id is the value of `STORYSCOPE_FAILPOINT`.
#[cfg(debug_assertions)]
fn failpoint(documents: &[Document]) {
    if let Ok(id) = std::env::var("STORYSCOPE_FAILPOINT") {
        if documents.iter().any(|d| d.id == id) {
            panic!("failpoint on {id}");
        }
    }
}

/// Runs the extractors over parsed documents.
fn extract_documents(documents: &[Document], stage: &mut StageTimes, clock: &mut Stopwatch) -> Found {
    #[cfg(debug_assertions)]
    failpoint(documents);
    let docs: Vec<Doc> = documents
        .iter()
        .map(|document| {
            let spans: Vec<_> = document.paragraphs.iter().map(|p| crate::model::Span::new(p.start, p.end)).collect();
            Doc {
                document,
                analysis: Analysis::new(&document.text, &spans),
                dct: document.published.as_deref().and_then(crate::calendar::parse_stamp),
            }
        })
        .collect();
    stage.analysis = clock.lap();
    let entities = entities::extract(&docs);
    stage.entities = clock.lap();
    let quotes = quotes::extract(&docs, &entities);
    stage.quotes = clock.lap();
    let times = times::extract(&docs, &quotes);
    stage.times = clock.lap();
    let events = events::build(&docs, &entities, &quotes, &times.expressions);
    stage.events = clock.lap();
    Found { entities: entities.list, quotes, times, events }
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

fn apply_known(document: &mut Document, known: &Known) {
    if let Some(published) = known.published.as_deref().and_then(crate::calendar::parse_stamp) {
        document.published = Some(published.to_string());
        document.published_source = known.published_source;
    }
    for (field, value) in
        [(&mut document.author, &known.author), (&mut document.outlet, &known.outlet), (&mut document.url, &known.url)]
    {
        if value.is_some() {
            field.clone_from(value);
        }
    }
}
