//! The browser binding: converts JavaScript values to pipeline inputs and the extraction back
//! to plain JavaScript objects (arguments through [`read`], results as one JSON text per call).
//!
//! No logic lives here. Errors cross the boundary as `Result`s (a JS exception with a readable
//! message), never as panics; the panic hook only makes an unexpected one readable. The page's
//! own wasm has no panic messages (scripts/bundle.mjs `withoutPanicMessages`: a panic traps at
//! once); the whole API's wasm keeps them.

use crate::article::{Metadata, Published};
use crate::index::{Day, Filter, Index, Kind, RawFilter, Sources};
use crate::json::{write_ascii, AsciiWriter};
use crate::model::{DocumentHead, Extraction, PublishedSource};
use crate::pipeline::{Failure, Input};
use wasm_bindgen::prelude::*;

mod classes;
mod grow;
mod read;

/// The allocator of the wasm build: small blocks by size class ([`classes::Classes`]) in front
/// of talc, instead of std's dlmalloc for wasm32. Talc links 3 KiB less (gzip) than dlmalloc
/// and is at least as fast (extraction in Chromium and Node, A/B: about 5% faster on 1.7 MB of
/// news, the same on 5.5 MB), with the same peak memory; the class front costs 1-3% more
/// memory for about 2.6% fewer instructions (see its module doc). Single-threaded: the core
/// runs in one worker. Its memory grows by what an allocation lacks, not by its whole size
/// ([`grow::GrowByShortfall`]).
#[global_allocator]
static ALLOCATOR: classes::Classes<talc::cell::TalcSyncCell<grow::GrowByShortfall, talc::wasm::WasmBinning>> =
    classes::Classes::new(talc::cell::TalcSyncCell::new_wasm(grow::GrowByShortfall::new()));

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// What the page may offer as article files: `{extensions, maxBytes}` (extensions lower case,
/// without the dot), for its file picker.
#[wasm_bindgen(js_name = fileRules)]
pub fn file_rules() -> Result<JsValue, JsError> {
    to_js(|w| {
        w.open(b'{');
        w.key(br#""extensions":"#);
        w.array(crate::files::ARTICLE_EXTENSIONS, |w, e| w.string(e));
        w.key(br#""maxBytes":"#);
        w.number(crate::article::MAX_ARTICLE_BYTES);
        w.close(b'}');
    })
}

/// Why a file of this name and size cannot be an article (a readable reason), or undefined
/// when it may be one: checked before the page reads its bytes.
#[wasm_bindgen(js_name = checkFile)]
pub fn check_file(name: &str, bytes: f64) -> Option<String> {
    // A file size is a whole number of bytes; the float only crosses the boundary.
    crate::files::check_file(name, bytes.max(0.0) as u64).err().map(|e| e.to_string())
}

/// An article as the page hands it over: pasted text or a dropped file, with the facts the
/// reader gave (they win over what the text says).
struct JsArticle {
    id: String,
    name: Option<String>,
    /// The text, when the page already has it as a string.
    content: Option<String>,
    /// The raw bytes of a file, so that invalid UTF-8 is reported rather than replaced.
    bytes: Option<Vec<u8>>,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    published: Option<String>,
    title: Option<String>,
    author: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

impl JsArticle {
    /// `{id, name?, content? | bytes?, published?, title?, author?, outlet?, url?}`.
    ///
    /// # Errors
    /// When `value` is not an object, `id` is missing, or a field has the wrong type.
    fn read(value: JsValue) -> Result<JsArticle, read::Error> {
        let o = read::Object::new(value, "an article object")?;
        Ok(JsArticle {
            id: o.required("id", read::string)?,
            name: o.optional("name", read::string)?,
            content: o.optional("content", read::string)?,
            bytes: o.optional("bytes", read::bytes)?,
            published: o.optional("published", read::string)?,
            title: o.optional("title", read::string)?,
            author: o.optional("author", read::string)?,
            outlet: o.optional("outlet", read::string)?,
            url: o.optional("url", read::string)?,
        })
    }

    /// The facts given with the article, as the core's one metadata record; blank ones count
    /// as not given.
    ///
    /// # Errors
    /// A publication date that is not one.
    fn known(&mut self) -> Result<Metadata, String> {
        let given = |v: &mut Option<String>| v.take().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let published = match given(&mut self.published) {
            Some(date) => {
                let stamp = crate::calendar::Stamp::given(&date).map_err(|e| format!("the publication date {e}"))?;
                Some(Published { stamp, source: PublishedSource::Flag })
            }
            None => None,
        };
        let (title, author, outlet, url) =
            (given(&mut self.title), given(&mut self.author), given(&mut self.outlet), given(&mut self.url));
        Ok(Metadata { title, published, author, outlet, url })
    }
}

/// The contract, plus the inputs that could not be extracted (`failures`).
fn outcome(extraction: &Extraction, failures: &[Failure]) -> Result<JsValue, JsError> {
    to_js(|w| {
        w.open(b'{');
        w.extraction_members(extraction);
        w.key(br#""failures":"#);
        w.array(failures, AsciiWriter::failure);
        w.close(b'}');
    })
}

/// Results go out as one JSON text parsed by the browser's `JSON.parse`: for a query at
/// 10,000 articles (hundreds of thousands of ids) that is one boundary crossing instead of one
/// per value, 20–50× faster than building the objects value by value (see `make bench`).
/// Arguments come in through [`read`]. A corpus's model, the largest result, goes out in
/// pieces instead ([`JsonPieces`]).
fn to_js(write: impl FnOnce(&mut AsciiWriter)) -> Result<JsValue, JsError> {
    let mut json = Vec::new();
    write_ascii(&mut json, write);
    parse_written(json)
}

/// The value of JSON text written by [`write_ascii`]: the part of [`to_js`] that does not depend
/// on what is written, compiled once rather than once per writer.
fn parse_written(json: Vec<u8>) -> Result<JsValue, JsError> {
    // OK because `write_ascii` writes ASCII only (checked here, at the cost of one fast pass,
    // rather than assumed).
    let json = String::from_utf8(json).map_err(|_| JsError::new("cannot convert the result"))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot convert the result"))
}

/// A JSON text that never lies whole in wasm memory: written value by value into a buffer
/// whose bytes go to JavaScript as a string piece whenever it holds [`JsonPieces::SIZE`],
/// joined there (a rope: joining does not copy), and parsed there at the end.
///
/// A corpus's model is about 3.7 times its articles' size as JSON. Built as one `String`, it
/// grew by doubling, each copy left its old buffer as a hole, and the corpus worker's memory,
/// which never shrinks, peaked at several times the model's size (dates joined by commas, 800
/// KB: 37.0 MiB per MB of input, 27.0 before the model).
///
/// The values are written by [`write_ascii`] into a `Vec`, as [`to_js`] writes them.
struct JsonPieces {
    /// The pieces sent so far, joined.
    text: js_sys::JsString,
    /// The bytes not sent yet: whole values and punctuation.
    buffer: Vec<u8>,
}

impl JsonPieces {
    /// Bytes a piece: a few dozen boundary crossings for a model of a few MB.
    const SIZE: usize = 1 << 16;

    fn new() -> JsonPieces {
        JsonPieces { text: js_sys::JsString::from(""), buffer: Vec::with_capacity(Self::SIZE) }
    }

    /// Punctuation and keys.
    fn raw(&mut self, json: &str) {
        self.buffer.extend_from_slice(json.as_bytes());
    }

    /// `"name":[…]`, each value written whole by `write`.
    fn array<T>(&mut self, name: &str, values: &[T], mut write: impl FnMut(&mut AsciiWriter, &T)) {
        self.raw("\"");
        self.raw(name);
        self.raw("\":[");
        for (n, value) in values.iter().enumerate() {
            if n > 0 {
                self.raw(",");
            }
            write_ascii(&mut self.buffer, |w| write(w, value));
            if self.buffer.len() >= Self::SIZE {
                self.send();
            }
        }
        self.raw("]");
    }

    /// Sends the buffer's bytes as a piece.
    fn send(&mut self) {
        // The buffer holds whole values and punctuation, in ASCII ([`write_ascii`]), so the piece
        // is valid (were it not, JSON.parse would fail on the empty piece in its place).
        let piece = std::str::from_utf8(&self.buffer).unwrap_or_default();
        self.text = self.text.concat(&js_sys::JsString::from(piece).into());
        self.buffer.clear();
    }

    /// The whole text, as one JavaScript string (a rope of the pieces).
    fn text(mut self) -> js_sys::JsString {
        self.send();
        self.text
    }

    /// The value the whole text stands for.
    fn parse(self) -> Result<JsValue, JsError> {
        parse_json(&self.text()).map_err(|_| JsError::new("cannot convert the result"))
    }
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JavaScript string (js-sys's takes a `&str`, which would have to lie
    /// whole in wasm memory).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// Extracts the embedded seed articles.
#[wasm_bindgen(js_name = extractSeeds)]
pub fn extract_seeds() -> Result<JsValue, JsError> {
    let outcome = crate::extract(&crate::seeds::inputs());
    self::outcome(&outcome.extraction, &outcome.failures)
}

/// Extracts `articles` (an array of `{id, name?, content? | bytes?, published?, title?,
/// author?, outlet?, url?}`; the facts given win over what the text says), after the seeds
/// when `withSeeds` is true. Returns the contract with a `failures` array.
#[wasm_bindgen]
pub fn extract(articles: JsValue, with_seeds: bool) -> Result<JsValue, JsError> {
    let (extraction, failures) = extract_articles(articles, with_seeds)?;
    outcome(&extraction, &failures)
}

/// The version of the core ([`crate::CORE_VERSION`]): parts made by another version must be
/// extracted again.
#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    crate::CORE_VERSION.to_string()
}

/// One article's part (`{id, name?, content? | bytes?, published?, title?, author?, outlet?,
/// url?}` as for [`extract`]): bytes to keep (the page caches them by content and
/// [`core_version`]) and to give to [`new_corpus_from_parts`]. An article that cannot be read is
/// an error whose message says why. `onStage`, when given, is called with each stage's name as
/// it starts (see [`crate::pipeline::OnStage`]).
#[wasm_bindgen(js_name = extractArticle)]
pub fn extract_article(article: JsValue, on_stage: Option<js_sys::Function>) -> Result<js_sys::Uint8Array, JsError> {
    let article = JsArticle::read(article).map_err(|e| JsError::new(&format!("expected an article: {e}")))?;
    let mut on_stage = stage_reporter(on_stage);
    let part =
        input_of(article).and_then(|input| extract_part(input, &mut on_stage)).map_err(|f| JsError::new(&f.reason))?;
    // Put together outside wasm memory, which never shrinks (see `Part::into_pieces`).
    let pieces = part.into_pieces();
    let bytes = js_sys::Uint8Array::new_with_length(pieces.iter().map(Vec::len).sum::<usize>() as u32);
    let mut at = 0;
    for piece in pieces {
        let end = at + piece.len() as u32;
        bytes.subarray(at, end).copy_from(&piece);
        at = end;
    }
    Ok(bytes)
}

thread_local! {
    /// What this instance's parts keep of each other's word types (see [`crate::WordCache`]):
    /// the page's extractor worker reads article after article.
    static WORD_CACHE: std::cell::RefCell<crate::WordCache> = std::cell::RefCell::default();
}

/// One article's part, made through this instance's [`WORD_CACHE`].
fn extract_part(input: Input, on_stage: crate::OnStage) -> Result<crate::Part, Failure> {
    WORD_CACHE.with_borrow_mut(|cache| crate::extract_part_cached(input, cache, on_stage))
}

/// A corpus of the seeds (when `withSeeds`) and the given parts (an array of the byte arrays
/// [`extract_article`] made), in that order. A part of another core version, or bytes that are
/// not a part, is listed in the corpus's `failures` as `part N` and left out. The parts'
/// token views, tagging, quotes and time expressions are reused: only the seeds are analyzed,
/// tagged, searched for quotes and scanned for times here. `onStage`, when given, hears each stage as it starts
/// (`parse`, `analysis`, `names`, `quotes` and `times` of each seed, then the corpus's), and
/// `index` last.
#[wasm_bindgen(js_name = newCorpusFromParts)]
pub fn new_corpus_from_parts(
    parts: js_sys::Array,
    with_seeds: bool,
    on_stage: Option<js_sys::Function>,
) -> Result<Corpus, JsError> {
    let mut on_stage = stage_reporter(on_stage);
    let mut failures = Vec::new();
    let mut kept = Vec::new();
    if with_seeds {
        // The seeds are extracted here, each time (a few small articles): their stages are
        // heard like any article's.
        for input in crate::seeds::inputs() {
            match extract_part(input, &mut on_stage) {
                Ok(part) => kept.push(part),
                Err(failure) => failures.push(failure),
            }
        }
    }
    for (n, value) in parts.iter().enumerate() {
        let bytes =
            value.dyn_into::<js_sys::Uint8Array>().map_err(|_| JsError::new("expected an array of byte arrays"))?;
        match crate::Part::from_vec(bytes.to_vec()) {
            Ok(part) => kept.push(part),
            Err(e) => failures.push(Failure { name: format!("part {n}"), reason: e.to_string() }),
        }
    }
    let (index, assembly_failures) = crate::assemble_indexed(kept, &mut on_stage);
    failures.extend(assembly_failures);
    Ok(Corpus { index, failures })
}

/// Calls the page's `onStage` callback, if any, with a stage's name. Progress is only shown:
/// a callback that throws is ignored.
fn stage_reporter(on_stage: Option<js_sys::Function>) -> impl FnMut(&'static str) {
    move |stage| {
        if let Some(callback) = &on_stage {
            let _ = callback.call1(&JsValue::NULL, &JsValue::from_str(stage));
        }
    }
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
    let (inputs, mut failures) = inputs_of(articles, with_seeds)?;
    let (index, extraction_failures) = crate::extract_indexed(&inputs);
    failures.extend(extraction_failures);
    Ok(Corpus { index, failures })
}

#[wasm_bindgen]
impl Corpus {
    /// The contract with its `failures` array: what [`extract`] returns.
    pub fn extraction(&self) -> Result<JsValue, JsError> {
        outcome(self.index.extraction(), &self.failures)
    }

    /// What the page renders from: [`Corpus::extraction`] without the documents' texts and
    /// paragraphs, which the core keeps (a third of the contract's size; ask for one with
    /// [`Corpus::document`] when it is shown). Each document carries its `length` in code points.
    pub fn model(&self) -> Result<JsValue, JsError> {
        self.model_pieces().parse()
    }

    /// [`Corpus::model`] as its JSON text, unparsed: what the page's worker posts to the page,
    /// which parses it. A string crosses between threads as one copy, where the model's
    /// objects are cloned one by one, and that clone costs more than the parse it replaces
    /// (in V8, on unseen news: serializing the objects about as long as parsing the text, and
    /// deserializing them, on the page's thread, about 1.8 times as long).
    #[wasm_bindgen(js_name = modelJson)]
    pub fn model_json(&self) -> js_sys::JsString {
        self.model_pieces().text()
    }

    /// The model's JSON text, in pieces ([`JsonPieces`]).
    fn model_pieces(&self) -> JsonPieces {
        let x = self.index.extraction();
        let mut json = JsonPieces::new();
        json.raw("{");
        json.array("documents", &x.documents, |w, d| w.document_head(&DocumentHead::of(d)));
        json.raw(",");
        json.array("quotes", &x.quotes, AsciiWriter::quote);
        json.raw(",");
        json.array("entities", &x.entities, AsciiWriter::entity);
        json.raw(",");
        json.array("times", &x.times, AsciiWriter::time);
        json.raw(",");
        json.array("events", &x.events, AsciiWriter::event);
        json.raw(",");
        json.array("failures", &self.failures, AsciiWriter::failure);
        json.raw("}");
        json
    }

    /// `{text, paragraphs}` of document `id`, or an error naming it when there is none.
    pub fn document(&self, id: &str) -> Result<JsValue, JsError> {
        let d = self.index.document(id).ok_or_else(|| JsError::new(&format!("no document {id}")))?;
        to_js(|w| {
            w.open(b'{');
            w.key(br#""text":"#);
            w.string(&d.text);
            w.key(br#""paragraphs":"#);
            w.array(&d.paragraphs, AsciiWriter::paragraph);
            w.close(b'}');
        })
    }

    /// The ids passing `filter` (`{docs, entities, speakers, kinds, sources, from, to, q}`, all
    /// optional; null or undefined means no filter), with facets, hits and snippets.
    pub fn query(&self, filter: JsValue) -> Result<JsValue, JsError> {
        let selection = self.index.query(&read_filter(filter)?);
        to_js(|w| w.selection(&selection))
    }

    /// What [`Corpus::query`] answers, by position in the extraction's arrays and without the
    /// search matches (see [`Corpus::matches`]): `documents`, `quotes`, `entities` and
    /// `events` are `Uint32Array` bitsets (position `i` is bit `i % 32` of word `i / 32`) with
    /// their sizes in `counts`; the facets are those the page shows (`speakers`, `kinds`,
    /// `sources`) and `facets.mentions`, the passing mentions of each entity as a `Uint32Array`
    /// by position (the per-document and per-entity facets are only in [`Corpus::query`]).
    /// The page uses this one: at 10,000 articles it crosses a few typed arrays instead of
    /// hundreds of thousands of ids, scans no text and counts no facet it does not show.
    pub fn select(&self, filter: JsValue) -> Result<JsValue, JsError> {
        let selected = self.index.select(&read_filter(filter)?);
        let sets = [
            ("documents", &selected.documents),
            ("quotes", &selected.quotes),
            ("entities", &selected.entities),
            ("events", &selected.events),
        ];
        // `{counts: {documents, quotes, entities, events}, facets: {speakers, kinds, sources}}`;
        // the sets are added as typed arrays.
        let out = to_js(|w| {
            w.open(b'{');
            w.key(br#""counts":"#);
            w.open(b'{');
            w.key(br#""documents":"#);
            w.number(selected.documents.count());
            w.key(br#""quotes":"#);
            w.number(selected.quotes.count());
            w.key(br#""entities":"#);
            w.number(selected.entities.count());
            w.key(br#""events":"#);
            w.number(selected.events.count());
            w.close(b'}');
            w.key(br#""facets":"#);
            w.open(b'{');
            w.key(br#""speakers":"#);
            w.counts(&selected.facets.speakers);
            w.key(br#""kinds":"#);
            w.kind_counts(&selected.facets.kinds);
            w.key(br#""sources":"#);
            w.source_counts(&selected.facets.sources);
            w.close(b'}');
            w.close(b'}');
        })?;
        for (name, set) in sets {
            set_property(&out, name, &js_sys::Uint32Array::from(set.words().as_slice()))?;
        }
        let facets =
            js_sys::Reflect::get(&out, &"facets".into()).map_err(|_| JsError::new("cannot convert the result"))?;
        set_property(&facets, "mentions", &js_sys::Uint32Array::from(selected.facets.mentions.as_slice()))?;
        Ok(out)
    }

    /// `{filter, dropped}`: the values of an untrusted filter (from a link; every field
    /// optional) that this corpus knows, and the dropped ones as `{field, value, reason,
    /// message}`: unknown ids and speakers, impossible days, an inverted date range.
    #[wasm_bindgen(js_name = checkFilter)]
    pub fn check_filter(&self, filter: JsValue) -> Result<JsValue, JsError> {
        let raw = read_raw_filter(filter).map_err(|e| JsError::new(&format!("invalid filter: {e}")))?;
        to_js(|w| w.checked_filter(&self.index.check(&raw)))
    }

    /// `{hits, snippets}`: where the words of the search `q` are in the documents `docs` (an
    /// array of ids, in the order the page shows them; unknown ids are skipped).
    pub fn matches(&self, q: &str, docs: JsValue) -> Result<JsValue, JsError> {
        let docs = read::strings(docs).map_err(|e| JsError::new(&format!("expected an array of document ids: {e}")))?;
        to_js(|w| w.matches(&self.index.matches(q, &docs)))
    }

    /// `{said, about, over_time}` of entity `id` (see [`crate::index::EntityProfile`]), or null
    /// when the corpus has no such entity.
    #[wasm_bindgen(js_name = entityProfile)]
    pub fn entity_profile(&self, id: &str) -> Result<JsValue, JsError> {
        to_js(|w| w.entity_profile(self.index.entity_profile(id).as_ref()))
    }
}

/// A filter from JavaScript; null or undefined means no filter.
fn read_filter(filter: JsValue) -> Result<Filter, JsError> {
    if filter.is_null() || filter.is_undefined() {
        return Ok(Filter::default());
    }
    let read = || -> Result<Filter, read::Error> {
        let o = read::Object::new(filter, "a filter object")?;
        let kind = |v| read::variant(v, "the name of a kind", &Kind::NAMES);
        let day = |v| read::string(v).and_then(|s| Day::read(&s).map_err(read::Error::Refused));
        Ok(Filter {
            docs: o.optional("docs", read::strings)?.unwrap_or_default(),
            entities: o.optional("entities", read::strings)?.unwrap_or_default(),
            speakers: o.optional("speakers", read::strings)?.unwrap_or_default(),
            kinds: o.optional("kinds", |v| read::sequence(v, kind))?.unwrap_or_default(),
            sources: o.optional("sources", |v| read::variant(v, "the name of a kind of source", &Sources::NAMES))?,
            from: o.optional("from", day)?,
            to: o.optional("to", day)?,
            q: o.optional("q", read::string)?.unwrap_or_default(),
        })
    };
    read().map_err(|e| JsError::new(&format!("invalid filter: {e}")))
}

/// An untrusted filter from JavaScript (every value a string); null or undefined is an empty one.
fn read_raw_filter(filter: JsValue) -> Result<RawFilter, read::Error> {
    if filter.is_null() || filter.is_undefined() {
        return Ok(RawFilter::default());
    }
    let o = read::Object::new(filter, "a filter object")?;
    Ok(RawFilter {
        docs: o.optional("docs", read::strings)?,
        entities: o.optional("entities", read::strings)?,
        speakers: o.optional("speakers", read::strings)?,
        kinds: o.optional("kinds", read::strings)?,
        sources: o.optional("sources", read::string)?,
        from: o.optional("from", read::string)?,
        to: o.optional("to", read::string)?,
        q: o.optional("q", read::string)?,
    })
}

fn set_property(object: &JsValue, key: &str, value: &JsValue) -> Result<(), JsError> {
    js_sys::Reflect::set(object, &key.into(), value).map(drop).map_err(|_| JsError::new("cannot convert the result"))
}

/// The seeds (if asked) and the JavaScript articles, extracted; articles that cannot be read
/// become failures.
fn extract_articles(articles: JsValue, with_seeds: bool) -> Result<(Extraction, Vec<Failure>), JsError> {
    let (inputs, mut failures) = inputs_of(articles, with_seeds)?;
    let outcome = crate::extract(&inputs);
    failures.extend(outcome.failures);
    Ok((outcome.extraction, failures))
}

/// The seeds (if asked) and the JavaScript articles as pipeline inputs, and the articles that
/// cannot be read as failures.
fn inputs_of(articles: JsValue, with_seeds: bool) -> Result<(Vec<Input>, Vec<Failure>), JsError> {
    let articles = read::sequence(articles, JsArticle::read)
        .map_err(|e| JsError::new(&format!("expected an array of articles: {e}")))?;
    let mut inputs = if with_seeds { crate::seeds::inputs() } else { Vec::new() };
    let mut failures = Vec::new();
    for article in articles {
        match input_of(article) {
            Ok(input) => inputs.push(input),
            Err(failure) => failures.push(failure),
        }
    }
    Ok((inputs, failures))
}

/// The pipeline input of an article from the page, or why it cannot be one.
fn input_of(mut article: JsArticle) -> Result<Input, Failure> {
    let name = article.name.clone().unwrap_or_else(|| article.id.clone());
    let known = article.known().map_err(|reason| Failure { name: name.clone(), reason })?;
    let input = match (article.content, article.bytes) {
        (Some(content), _) => Input { id: article.id, name, content, ..Input::default() },
        (None, Some(bytes)) => Input::from_bytes(&article.id, &name, bytes)?,
        (None, None) => return Err(Failure { name, reason: "the article has no content".into() }),
    };
    Ok(Input { known, ..input })
}
