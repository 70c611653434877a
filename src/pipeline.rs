//! The extraction pipeline: inputs → articles → sentences and tokens → entities, quotes,
//! times → events → the contract, with offsets converted to code points (and, for the page's
//! corpus, → the search index, whose document words are read from the token views).
//!
//! This module only sequences the stages and settles the document creation time; each stage
//! lives in its own module.

use crate::article::{self, Format, Metadata};
use crate::calendar::Stamp;
use crate::doc::Doc;
use crate::index::{DocumentWords, Index};
use crate::model::{Document, Extraction, PublishedSource};
use crate::text::{Analysis, Batch, Linked};
use crate::{entities, events, quotes, times};
use std::borrow::Cow;

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
    /// An input from raw file bytes (decoded by [`article::decode`]: UTF-8, UTF-16 with a
    /// byte-order mark, a declared charset or Windows-1252), or a failure saying why they are
    /// not a text article.
    pub fn from_bytes(id: &str, name: &str, bytes: Vec<u8>) -> Result<Input, Failure> {
        match article::decode(bytes) {
            Ok(content) => Ok(Input { id: id.to_string(), name: name.to_string(), content, ..Input::default() }),
            Err(e) => Err(Failure { name: name.to_string(), reason: e.to_string() }),
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

/// The version of the core that made an extraction: the crate's version and a hash of its
/// sources. A [`Part`] is valid only for the version that made it.
pub const CORE_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("STORYSCOPE_SOURCE_HASH"));

/// One article's share of an extraction, made on its own so that it can be kept and reused
/// (the page caches parts by content and core version, and re-extracts only what changed);
/// [`assemble`] puts parts together into a corpus.
///
/// A part holds the parsed document and what each stage makes of it alone: its token view
/// (tokens, sentences and word types), the name tagger's sums (the most expensive work of an
/// extraction), the quotes with their speaker mention candidates, and the time expressions
/// with their meaning before resolution. [`assemble`] reads those and runs only what needs the
/// corpus: the tagger's decoding with the corpus's lowercase words and merging, linking
/// speakers to the merged entities, inferring missing creation dates and resolving times
/// against them, and events. So adding, removing or hiding an article tokenizes, tags, finds
/// quotes in and scans for times no other article.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// [`CORE_VERSION`] of the core that made it.
    pub core: String,
    pub document: Document,
    /// The tagger's per-document work.
    pub(crate) names: entities::Scored,
    /// The quotes found in the document, before speakers are linked.
    pub(crate) quotes: quotes::Detected,
    /// The time expressions found in the document, before they are resolved.
    pub(crate) times: times::Detected,
    /// The document's token view, without its text.
    pub(crate) view: crate::text::TokenView,
}

/// The layout of a part's `work`, written first: a part of another layout (3: made before the
/// token view was kept, say) is malformed, and its article is extracted again. The core's
/// version already tells layouts apart; this tells them apart within one version too. The work
/// ends with a [`crate::codec::checksum`] of itself and the document's text, so that a damaged
/// part reads as malformed rather than as some other extraction.
const WORK_FORMAT: u64 = 4;

/// How a [`Part`] is stored: every field spelled out in order (a field the contract's JSON
/// leaves out when empty, `item` or a comment's `title`, is still written, as an absent
/// option), in the forms of [`crate::codec`]: strings and runs of bytes as their length and
/// bytes, options as 0, or 1 and the value, enums as their position in their declaration,
/// lists as their length and items, stamps as their contract string. These are the bytes the
/// serde derive of these fields wrote through postcard, which parts kept before were made with
/// (the test `parts_are_written_as_postcard_wrote_them`), written by hand because postcard and
/// serde's machinery cost the page's wasm about 1 KiB of its compressed stream.
struct StoredPart<'a> {
    core: String,
    id: String,
    title: String,
    published: Option<Stamp>,
    published_source: PublishedSource,
    author: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    /// Borrowed from the part while it is written, and from the bytes while they are read
    /// (the text and the work are the large fields: a copy of them was the peak of the page's
    /// corpus worker on long articles).
    text: Cow<'a, str>,
    paragraphs: Vec<(usize, usize, Option<String>)>,
    comments: Vec<StoredComment>,
    /// The tagger's, the quote stage's and the time stage's work and the token view, in the
    /// form of [`crate::codec`], after its [`WORK_FORMAT`] and before its checksum.
    work: Cow<'a, [u8]>,
}

/// A comment as stored: kind, posted, author, text, title.
type StoredComment = (crate::model::CommentKind, Option<Stamp>, Option<String>, String, Option<String>);

/// [`PublishedSource`]'s values in their declaration order: a stored source is its position.
const PUBLISHED_SOURCES: [PublishedSource; 7] = {
    use PublishedSource::*;
    [FrontMatter, Manifest, Dateline, Meta, Flag, Inferred, None]
};

/// [`crate::model::CommentKind`]'s values in their declaration order.
const COMMENT_KINDS: [crate::model::CommentKind; 2] =
    [crate::model::CommentKind::Comment, crate::model::CommentKind::Pingback];

impl<'a> StoredPart<'a> {
    fn of(part: &'a Part) -> StoredPart<'a> {
        StoredPart::with_work(&part.core, &part.document, part.work())
    }

    fn with_work(core: &str, d: &'a Document, work: Vec<u8>) -> StoredPart<'a> {
        StoredPart {
            core: core.to_string(),
            id: d.id.clone(),
            title: d.title.clone(),
            published: d.published,
            published_source: d.published_source,
            author: d.author.clone(),
            outlet: d.outlet.clone(),
            url: d.url.clone(),
            text: Cow::Borrowed(&d.text),
            paragraphs: d.paragraphs.iter().map(|p| (p.start, p.end, p.item.clone())).collect(),
            comments: d
                .comments
                .iter()
                .map(|c| (c.kind, c.posted, c.author.clone(), c.text.clone(), c.title.clone()))
                .collect(),
            work: Cow::Owned(work),
        }
    }

    /// The bytes of the part (see [`Part::into_bytes`], which writes the large work without
    /// this growing buffer).
    fn to_bytes(&self) -> Vec<u8> {
        let mut w = crate::codec::Writer::default();
        self.write_head(&mut w);
        w.bytes(&self.work);
        w.0
    }

    /// Every field but the work.
    fn write_head(&self, w: &mut crate::codec::Writer) {
        use crate::codec::Writer;
        let stamp = |w: &mut Writer, s: Stamp| w.str(&s.to_string());
        let text = |w: &mut Writer, s: &String| w.str(s);
        w.str(&self.core);
        w.str(&self.id);
        w.str(&self.title);
        w.option(self.published, stamp);
        w.uint(self.published_source as u64);
        w.option(self.author.as_ref(), text);
        w.option(self.outlet.as_ref(), text);
        w.option(self.url.as_ref(), text);
        w.str(&self.text);
        w.uint(self.paragraphs.len() as u64);
        for (start, end, item) in &self.paragraphs {
            w.uint(*start as u64);
            w.uint(*end as u64);
            w.option(item.as_ref(), text);
        }
        w.uint(self.comments.len() as u64);
        for (kind, posted, author, body, title) in &self.comments {
            w.uint(*kind as u64);
            w.option(*posted, stamp);
            w.option(author.as_ref(), text);
            w.str(body);
            w.option(title.as_ref(), text);
        }
    }

    /// The fields [`StoredPart::to_bytes`] wrote, the text and the work borrowed from `bytes`
    /// (bytes after the work are not read); `None` for bytes that are not a part.
    fn read(bytes: &'a [u8]) -> Option<StoredPart<'a>> {
        use crate::codec::Reader;
        let mut r = Reader::new(bytes);
        let stamp = |r: &mut Reader| r.str_ref()?.parse::<Stamp>().ok();
        let core = r.str()?;
        let id = r.str()?;
        let title = r.str()?;
        let published = r.option(stamp)?;
        let published_source = r.pick(&PUBLISHED_SOURCES)?;
        let author = r.option(Reader::str)?;
        let outlet = r.option(Reader::str)?;
        let url = r.option(Reader::str)?;
        let text = Cow::Borrowed(r.str_ref()?);
        let paragraphs =
            (0..r.count()?).map(|_| Some((r.usize()?, r.usize()?, r.option(Reader::str)?))).collect::<Option<_>>()?;
        let comments = (0..r.count()?)
            .map(|_| {
                let kind = r.pick(&COMMENT_KINDS)?;
                Some((kind, r.option(stamp)?, r.option(Reader::str)?, r.str()?, r.option(Reader::str)?))
            })
            .collect::<Option<_>>()?;
        let work = Cow::Borrowed(r.bytes_ref()?);
        Some(StoredPart {
            core,
            id,
            title,
            published,
            published_source,
            author,
            outlet,
            url,
            text,
            paragraphs,
            comments,
            work,
        })
    }

    #[cfg(test)]
    fn into_part(self) -> Option<Part> {
        self.into_part_with(Cow::into_owned)
    }

    /// [`StoredPart::into_part`], with the document's text made by `own_text` (which
    /// [`Part::from_vec`] gives the bytes the text is read from).
    fn into_part_with(self, own_text: impl FnOnce(Cow<'a, str>) -> String) -> Option<Part> {
        let (body, sum) = self.work.split_last_chunk::<8>()?;
        if crate::codec::checksum(&[&[body], &[self.text.as_bytes()]]) != u64::from_le_bytes(*sum) {
            return None;
        }
        let mut work = crate::codec::Reader::new(body);
        if work.uint()? != WORK_FORMAT {
            return None;
        }
        let names = entities::Scored::read(&mut work)?;
        let quotes = quotes::Detected::read(&mut work)?;
        let times = times::Detected::read(&mut work)?;
        let spans: Vec<_> =
            self.paragraphs.iter().map(|&(start, end, _)| crate::model::Span::new(start, end)).collect();
        let view = crate::text::kept::read(&mut work, &self.text, &spans)?;
        if !work.is_empty() {
            return None;
        }
        let document = Document {
            id: self.id,
            title: self.title,
            published: self.published,
            published_source: self.published_source,
            // Inferred when the corpus is assembled, never kept in a part.
            published_inferred_from: None,
            author: self.author,
            outlet: self.outlet,
            url: self.url,
            text: own_text(self.text),
            paragraphs: self
                .paragraphs
                .into_iter()
                .map(|(start, end, item)| crate::model::Paragraph { start, end, item })
                .collect(),
            comments: self
                .comments
                .into_iter()
                .map(|(kind, posted, author, text, title)| crate::model::Comment { kind, posted, author, text, title })
                .collect(),
        };
        Some(Part { core: self.core, document, names, quotes, times, view })
    }
}

/// Why bytes are not a usable [`Part`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartError {
    /// Made by another version of the core: extract the article again.
    OtherVersion(String),
    /// Not a part at all.
    Malformed(String),
}

impl std::fmt::Display for PartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartError::OtherVersion(v) => write!(f, "extracted by another version of the core ({v}); extract it again"),
            PartError::Malformed(e) => write!(f, "not an extraction part ({e})"),
        }
    }
}

impl Part {
    /// The part as bytes ([`Part::core`] first, then the rest: see [`StoredPart`]), to keep.
    pub fn to_bytes(&self) -> Vec<u8> {
        StoredPart::of(self).to_bytes()
    }

    /// [`Part::to_bytes`], in one buffer (the concatenation of [`Part::into_pieces`]).
    pub fn into_bytes(self) -> Vec<u8> {
        self.into_pieces().concat()
    }

    /// [`Part::to_bytes`] in pieces, in order: the page's extractor worker copies them into
    /// one array outside its wasm memory. The page's wasm allocator cannot grow a large block
    /// at the top of the heap in place, and its memory never shrinks, so a buffer of the whole
    /// part, made beside the structures it is written from, raised the worker's peak by the
    /// part's size (5.4 MB for 800 KB of unclosed `[a](`). Here each structure is written
    /// into pieces of about its written size and freed at once, largest first (the token
    /// view, 8 bytes a token, then the tagger's classes and sums, 8 and 20), so every piece
    /// after these fits where a freed structure was; the view's and the tagger's own, written
    /// beside the others, are cut small enough to fit in gaps.
    pub fn into_pieces(self) -> Vec<Vec<u8>> {
        use crate::codec::Writer;
        /// `write`'s bytes, in a buffer of `len` bytes (more if it writes more).
        fn piece(len: usize, write: impl FnOnce(&mut Writer)) -> Vec<u8> {
            let mut w = Writer(Vec::with_capacity(len));
            write(&mut w);
            w.0
        }
        let Part { core, document, names, quotes, times, view } = self;
        // Each closure owns what it writes: it is freed as the piece is done. The view, first
        // and beside every other structure, is written in pieces of at most 64 KiB (see
        // `kept::write_cut`): a long document's whole view found no gap and grew the memory.
        const PIECE: usize = 1 << 16;
        let len = crate::text::kept::written_len(&view).min(PIECE);
        let mut view_pieces = Vec::new();
        let last = piece(len, |w| crate::text::kept::write_cut(&view, w, PIECE, &mut view_pieces));
        drop(view);
        view_pieces.push(last);
        // The tagger's work, next largest, in pieces too (see `Scored::write_cut`): a guess
        // of its length (ten bytes a word's uses, a byte of classes and ten of sums a token)
        // is room enough for a short document's in one piece.
        let len = (10 * names.uses.len() + names.classes.len() + 10 * names.sums.len() + 30).min(PIECE);
        let mut names_pieces = Vec::new();
        let last = piece(len, |w| names.write_cut(w, PIECE, &mut names_pieces));
        drop(names);
        names_pieces.push(last);
        // About 22 bytes a quote and a time expression (see `estimated_len`).
        let len = 24 * quotes.len() + 16;
        let quotes = piece(len, move |w| quotes.write(w));
        let len = 24 * times.len() + 16;
        let times = piece(len, move |w| times.write(w));
        let format = piece(8, |w| w.uint(WORK_FORMAT));
        let mut work = vec![format];
        work.append(&mut names_pieces);
        work.extend([quotes, times]);
        work.append(&mut view_pieces);
        let slices: Vec<&[u8]> = work.iter().map(Vec::as_slice).collect();
        let sum = crate::codec::checksum(&[&slices, &[document.text.as_bytes()]]);
        drop(slices);
        let length = work.iter().map(Vec::len).sum::<usize>() + 8;
        // The other fields, and an empty work, whose length (0, one byte) is replaced by the
        // work's.
        let mut head = Writer(Vec::with_capacity(head_len(&document) + 10));
        StoredPart::with_work(&core, &document, Vec::new()).write_head(&mut head);
        head.uint(length as u64);
        let mut pieces = Vec::with_capacity(work.len() + 2);
        pieces.push(head.0);
        pieces.extend(work);
        pieces.push(sum.to_le_bytes().to_vec());
        pieces
    }

    /// About the length of [`Part::to_bytes`], a little more rather than less (the pieces of
    /// [`Part::into_pieces`] are sized so): the other fields ([`head_len`]) and the work: the
    /// tagger's classes and sums as written, the token view's bytes, about 22 bytes a quote
    /// and a time expression (measured on scripts/scaling.mjs's patterns: 24 with room), and
    /// a thirty-second more.
    #[cfg(test)]
    fn estimated_len(&self) -> usize {
        let work = self.names.written_len()
            + crate::text::kept::written_len(&self.view)
            + 24 * (self.quotes.len() + self.times.len());
        head_len(&self.document) + work + work / 32
    }

    /// The tagger's, the quote stage's and the time stage's work and the token view, in the
    /// form of [`crate::codec`]: [`WORK_FORMAT`] first, a checksum last.
    fn work(&self) -> Vec<u8> {
        let mut w = crate::codec::Writer::default();
        w.uint(WORK_FORMAT);
        self.names.write(&mut w);
        self.quotes.write(&mut w);
        self.times.write(&mut w);
        crate::text::kept::write(&self.view, &mut w);
        let sum = crate::codec::checksum(&[&[&w.0], &[self.document.text.as_bytes()]]);
        w.fixed(sum);
        w.0
    }

    /// A part kept by [`Part::to_bytes`], if this version of the core made it.
    ///
    /// # Errors
    /// [`PartError::OtherVersion`] for a part of another version, [`PartError::Malformed`] for
    /// bytes that are not a part.
    pub fn from_bytes(bytes: &[u8]) -> Result<Part, PartError> {
        Self::decode(bytes, Cow::into_owned)
    }

    /// [`Part::from_bytes`], taking the bytes: the document's text is moved to their start
    /// and they become it, instead of being copied beside them. The page's corpus worker reads
    /// parts so (its memory never shrinks, and the copy was made at its peak, beside the
    /// part's bytes and every structure read from them).
    ///
    /// # Errors
    /// As [`Part::from_bytes`].
    pub fn from_vec(bytes: Vec<u8>) -> Result<Part, PartError> {
        // Where the text lies in `bytes`, when it is read from them (StoredPart::read borrows it).
        let mut text_at = None;
        let mut part = Self::decode(&bytes, |text| match text {
            Cow::Borrowed(t) => {
                let start = (t.as_ptr() as usize).wrapping_sub(bytes.as_ptr() as usize);
                if start.checked_add(t.len()).is_some_and(|end| end <= bytes.len()) {
                    text_at = Some(start..start + t.len());
                    String::new()
                } else {
                    t.to_string()
                }
            }
            Cow::Owned(t) => t,
        })?;
        if let Some(range) = text_at {
            let mut bytes = bytes;
            let len = range.len();
            bytes.copy_within(range, 0);
            bytes.truncate(len);
            // In place: the rest of the part's bytes are freed.
            bytes.shrink_to_fit();
            // OK because these are the bytes of a `str` StoredPart::read read.
            part.document.text = String::from_utf8(bytes).map_err(|e| PartError::Malformed(e.to_string()))?;
        }
        Ok(part)
    }

    /// The part in `bytes`, its text made by `own_text` (see [`StoredPart::into_part_with`]).
    fn decode<'a>(bytes: &'a [u8], own_text: impl FnOnce(Cow<'a, str>) -> String) -> Result<Part, PartError> {
        let malformed = |why: &str| PartError::Malformed(why.to_string());
        // The version first: another version's layout may not decode at all.
        let core = crate::codec::Reader::new(bytes).str().ok_or_else(|| malformed("no version"))?;
        if core != CORE_VERSION {
            return Err(PartError::OtherVersion(core));
        }
        let stored = StoredPart::read(bytes).ok_or_else(|| malformed("its fields are truncated or damaged"))?;
        stored.into_part_with(own_text).ok_or_else(|| malformed("its extraction work is damaged"))
    }
}

/// About the length of a part's fields but its work, a little more rather than less: the
/// text, a few bytes a paragraph and a comment beside their text.
fn head_len(d: &Document) -> usize {
    let comments: usize = d.comments.iter().map(|c| c.text.len() + 64).sum();
    d.text.len() + 16 * d.paragraphs.len() + comments + 256
}

/// Hears the name of each stage as it starts, so that a caller can show progress (the page
/// shows it per file): `parse`, `analysis`, `names` (the name tagger), `quotes` and `times`
/// (finding them) for an article's part; `entities`, `speakers` (linking quotes to entities),
/// `dates` (resolving times) and `events` while a corpus is assembled (with `analysis`,
/// `quotes` and `times` first when some document brought no part, or a part that does not fit
/// it). Called between stages, never inside one.
pub type OnStage<'a> = &'a mut dyn FnMut(&'static str);

/// One article's part: its parse, with the facts known from outside applied, and the work of
/// the name tagger, the quote stage and the time stage on it alone. A panic is caught and reported as an internal error of this input only.
///
/// # Errors
/// The input's [`Failure`] when it is not an article (empty, binary, too large …).
pub fn extract_part(input: &Input) -> Result<Part, Failure> {
    extract_part_observed(input, &mut |_| ())
}

/// [`extract_part`], telling `on_stage` each stage as it starts.
///
/// # Errors
/// As [`extract_part`].
pub fn extract_part_observed(input: &Input, on_stage: OnStage) -> Result<Part, Failure> {
    let document = parse(input, on_stage)?;
    match isolated(|| {
        on_stage("analysis");
        let analysis = analyze(&document);
        on_stage("names");
        let names = entities::score(&analysis);
        part_work(analysis, names, on_stage)
    }) {
        Ok(work) => Ok(work.into_part(document)),
        Err(panic) => Err(Failure::internal(&input.name, &panic)),
    }
}

/// The word-type work that an extractor of one article at a time (the page's extractor
/// worker) keeps from one part to the next: the word types met, with the stages' word lists
/// (a [`Batch`]), and the name tagger's word rows. What a word type is depends on its key
/// alone, so a part made through the cache is the part made without it: only the time
/// differs (most of an article's word types were met in the articles before it).
///
/// Memory: bounded. The batch starts over past [`WordCache::TYPES_KEPT`] word types, the
/// tagger's rows past their own bound, and an article longer than [`WordCache::LONG_TEXT`]
/// bytes is analyzed alone (its own word types are most of its cost; entered in the batch they
/// would only take memory twice, as one long document of distinct words would).
#[derive(Default)]
pub struct WordCache {
    batch: Batch,
    names: entities::WordMemo,
}

impl WordCache {
    /// Word types kept before the batch starts over (a few MiB of keys and columns).
    const TYPES_KEPT: usize = 1 << 17;
    /// Longer texts (bytes) are analyzed without the cache's batch.
    const LONG_TEXT: usize = 1 << 18;
}

/// [`extract_part_observed`], with the word-type work of the articles before kept in `cache`:
/// the same part, made faster. After a panic the cache starts over. The input is dropped once
/// parsed: the page's extractor worker would otherwise hold the raw file beside every stage.
///
/// # Errors
/// As [`extract_part`].
pub fn extract_part_cached(input: Input, cache: &mut WordCache, on_stage: OnStage) -> Result<Part, Failure> {
    let document = parse(&input, on_stage)?;
    let name = input.name;
    drop(input.content);
    let result = isolated(|| {
        on_stage("analysis");
        let WordCache { batch, names } = &mut *cache;
        let analysis = if document.text.len() > WordCache::LONG_TEXT {
            analyze(&document)
        } else {
            if batch.types() > WordCache::TYPES_KEPT {
                *batch = Batch::default();
            }
            batch.analyze(&document.text, &paragraph_spans(&document)).in_batch(batch)
        };
        on_stage("names");
        let scored = entities::score_remembering(&analysis, names);
        part_work(analysis, scored, on_stage)
    });
    match result {
        Ok(work) => Ok(work.into_part(document)),
        Err(panic) => {
            *cache = WordCache::default();
            Err(Failure::internal(&name, &panic))
        }
    }
}

/// What a part holds beside its document.
struct PartWork {
    names: entities::Scored,
    quotes: quotes::Detected,
    times: times::Detected,
    view: crate::text::TokenView,
}

impl PartWork {
    fn into_part(self, document: Document) -> Part {
        let PartWork { names, quotes, times, view } = self;
        Part { core: CORE_VERSION.to_string(), document, names, quotes, times, view }
    }
}

/// The quote and time stages of a part, after its names were scored.
fn part_work(analysis: Analysis, names: entities::Scored, on_stage: OnStage) -> PartWork {
    on_stage("quotes");
    let quotes = quotes::detect(&analysis);
    on_stage("times");
    let times = times::detect(&analysis, quotes.spans());
    PartWork { names, quotes, times, view: analysis.into_view() }
}

/// An input's parsed document, with the facts known from outside applied.
fn parse(input: &Input, on_stage: OnStage) -> Result<Document, Failure> {
    on_stage("parse");
    match isolated(|| article::parse(&input.content, input.format, &input.name, &input.known)) {
        Ok(Ok(article)) => {
            let id = if input.id.trim().is_empty() { "doc".to_string() } else { input.id.trim().to_string() };
            Ok(article.into_document(id))
        }
        Ok(Err(e)) => Err(Failure { name: input.name.clone(), reason: e.to_string() }),
        Err(panic) => Err(Failure::internal(&input.name, &panic)),
    }
}

/// A document's token view.
fn analyze(document: &Document) -> Analysis<'_> {
    Analysis::new(&document.text, &paragraph_spans(document))
}

/// The byte spans of a document's paragraphs.
fn paragraph_spans(document: &Document) -> Vec<crate::model::Span> {
    document.paragraphs.iter().map(|p| crate::model::Span::new(p.start, p.end)).collect()
}

/// A document to extract, with the stages' work on it when a [`Part`] brought it.
struct Prepared {
    document: Document,
    names: Option<entities::Scored>,
    found: Option<(quotes::Detected, times::Detected)>,
    /// Its token view, until the stages take it (see [`extract_documents`]).
    view: Option<crate::text::TokenView>,
}

impl Prepared {
    fn parsed(document: Document) -> Self {
        Prepared { document, names: None, found: None, view: None }
    }
}

impl From<Part> for Prepared {
    fn from(p: Part) -> Self {
        Prepared { document: p.document, names: Some(p.names), found: Some((p.quotes, p.times)), view: Some(p.view) }
    }
}

/// Puts parts together into one extraction; document ids are made unique (`-2`, `-3` …) in
/// the order given.
pub fn assemble(parts: Vec<Part>) -> Outcome {
    assemble_observed(parts, &mut |_| ())
}

/// [`assemble`], telling `on_stage` each stage as it starts.
pub fn assemble_observed(parts: Vec<Part>, on_stage: OnStage) -> Outcome {
    let prepared = parts.into_iter().map(Prepared::from).collect();
    assemble_timed_from(prepared, Vec::new(), &mut StageTimes::default(), &mut Stopwatch::start(), on_stage, false).0
}

/// [`assemble_observed`], and the search index of the corpus, whose documents' words are read
/// from the token views the stages read (no text is split into words again: see
/// [`crate::index::Index`]); `on_stage` hears `index` last.
pub fn assemble_indexed(parts: Vec<Part>, on_stage: OnStage) -> (Index, Vec<Failure>) {
    let prepared = parts.into_iter().map(Prepared::from).collect();
    let (outcome, words) =
        assemble_timed_from(prepared, Vec::new(), &mut StageTimes::default(), &mut Stopwatch::start(), on_stage, true);
    indexed(outcome, words)
}

/// [`extract`], and the search index of its extraction, as [`assemble_indexed`] makes it.
pub fn extract_indexed(inputs: &[Input]) -> (Index, Vec<Failure>) {
    let (outcome, _, words) = extract_parsed(inputs.iter().map(|input| parse(input, &mut |_| ())), true);
    indexed(outcome, words)
}

/// The index of `outcome`, with its documents' words when the stages read them.
fn indexed(outcome: Outcome, words: Option<DocumentWords>) -> (Index, Vec<Failure>) {
    (Index::from_extraction_and_words(outcome.extraction, words), outcome.failures)
}

/// [`assemble`], with the time each stage took (`parse` is zero: parts are parsed already).
pub fn assemble_timed(parts: Vec<Part>) -> (Outcome, StageTimes) {
    let mut times = StageTimes::default();
    let prepared = parts.into_iter().map(Prepared::from).collect();
    let (outcome, _) =
        assemble_timed_from(prepared, Vec::new(), &mut times, &mut Stopwatch::start(), &mut |_| (), false);
    (outcome, times)
}

/// [`extract`], with the time each stage took. The same as [`assemble`] of each input's
/// [`extract_part`], with each document analyzed once: the tagger runs while it is assembled.
pub fn extract_timed(inputs: &[Input]) -> (Outcome, StageTimes) {
    let (outcome, times, _) = extract_parsed(inputs.iter().map(|input| parse(input, &mut |_| ())), false);
    (outcome, times)
}

/// [`extract_timed`] of inputs given away: each input's raw content is freed as soon as it is
/// parsed, so the files as read and their parsed documents never take memory together (the
/// CLI's way).
pub fn extract_timed_owned(inputs: Vec<Input>) -> (Outcome, StageTimes) {
    let (outcome, times, _) = extract_parsed(inputs.into_iter().map(|input| parse(&input, &mut |_| ())), false);
    (outcome, times)
}

/// Extracts the documents `parsed` yields (the clock starts before the first is parsed), with
/// their words for the search index when `index` is true.
fn extract_parsed(
    parsed: impl Iterator<Item = Result<Document, Failure>>,
    index: bool,
) -> (Outcome, StageTimes, Option<DocumentWords>) {
    let mut times = StageTimes::default();
    let mut clock = Stopwatch::start();
    let mut failures = Vec::new();
    let mut parts = Vec::new();
    for result in parsed {
        match result {
            Ok(document) => parts.push(Prepared::parsed(document)),
            Err(failure) => failures.push(failure),
        }
    }
    times.parse = clock.lap();
    let (outcome, words) = assemble_timed_from(parts, failures, &mut times, &mut clock, &mut |_| (), index);
    (outcome, times, words)
}

fn assemble_timed_from(
    parts: Vec<Prepared>,
    mut failures: Vec<Failure>,
    times: &mut StageTimes,
    clock: &mut Stopwatch,
    on_stage: OnStage,
    index: bool,
) -> (Outcome, Option<DocumentWords>) {
    let mut used_ids = crate::text::FxHashSet::default();
    let mut documents: Vec<Prepared> = parts
        .into_iter()
        .map(|mut part| {
            part.document.id = unique_id(&part.document.id, &mut used_ids);
            part
        })
        .collect();
    let mut found = match isolated(|| extract_documents(&mut documents, times, clock, &mut *on_stage, index)) {
        Ok(found) => found,
        Err(_) => {
            // One document broke a stage. Find which by extracting each alone, then extract the
            // others together, so that one bad file never costs the rest.
            let mut good = Vec::new();
            for mut document in std::mem::take(&mut documents) {
                let alone = std::slice::from_mut(&mut document);
                match isolated(|| {
                    extract_documents(alone, &mut StageTimes::default(), &mut Stopwatch::start(), &mut |_| (), false)
                }) {
                    Ok(_) => good.push(document),
                    Err(panic) => failures.push(Failure::internal(&document.document.id, &panic)),
                }
            }
            documents = good;
            isolated(|| extract_documents(&mut documents, times, clock, on_stage, index)).unwrap_or_else(|panic| {
                failures.extend(documents.drain(..).map(|d| Failure::internal(&d.document.id, &panic)));
                Findings::default()
            })
        }
    };
    let words = found.words.take();
    let extraction = found.into_extraction(documents.into_iter().map(|d| d.document).collect());
    times.offsets = clock.lap();
    (Outcome { extraction, failures }, words)
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
struct Findings {
    entities: Vec<crate::model::Entity>,
    quotes: Vec<crate::model::Quote>,
    times: times::Times,
    events: Vec<crate::model::Event>,
    /// The documents' words for the search index, when asked for.
    words: Option<DocumentWords>,
}

impl Findings {
    /// The contract: the documents (with their inferred creation times) and what was found in
    /// them, offsets converted to code points.
    fn into_extraction(self, mut documents: Vec<Document>) -> Extraction {
        for (document, inferred) in documents.iter_mut().zip(self.times.inferred) {
            if let Some((stamp, from)) = inferred {
                document.published = Some(stamp);
                document.published_source = PublishedSource::Inferred;
                document.published_inferred_from = Some(from);
            }
        }
        crate::offsets::to_code_points(Extraction {
            documents,
            quotes: self.quotes,
            entities: self.entities,
            times: self.times.expressions,
            events: self.events,
        })
    }
}

/// A fault injected by the tests of panic isolation (debug builds only): extraction panics when
/// a document's id is the value of `STORYSCOPE_FAILPOINT`.
#[cfg(debug_assertions)]
fn failpoint(documents: &[Prepared]) {
    if let Ok(id) = std::env::var("STORYSCOPE_FAILPOINT") {
        if documents.iter().any(|d| d.document.id == id) {
            panic!("failpoint on {id}");
        }
    }
}

/// Runs the extractors over parsed documents; the analysis, the tagger, quote finding and time
/// scanning run only over those no part brought (or whose part's work does not fit them).
/// The parts' token views are taken, not copied: after a panic, the documents are analyzed
/// afresh.
fn extract_documents(
    documents: &mut [Prepared],
    stage: &mut StageTimes,
    clock: &mut Stopwatch,
    on_stage: OnStage,
    index: bool,
) -> Findings {
    #[cfg(debug_assertions)]
    failpoint(documents);
    let views: Vec<Option<crate::text::TokenView>> =
        documents.iter_mut().map(|d| d.view.take().filter(|view| view.fits(&d.document.text))).collect();
    // Taken too: the entity stage takes their classes rather than copy them.
    let mut scored: Vec<Option<entities::Scored>> = documents.iter_mut().map(|d| d.names.take()).collect();
    let documents = &*documents;
    if views.iter().any(Option::is_none) {
        on_stage("analysis");
    }
    // The documents' word types are entered in one batch, so that each stage's word lists are
    // read once per word of the corpus, not once per word of each document. One document is
    // analyzed alone: with nothing to share, the batch's tables would only copy its words
    // (one long document of distinct words peaked 20.8 -> 25.3 MiB per MB through a batch).
    let alone = documents.len() == 1;
    let mut batch = Batch::default();
    let analyses: Vec<Analysis> = if alone {
        let made = documents.iter().zip(views).map(|(d, view)| match view {
            Some(view) => Analysis::with_view(&d.document.text, view),
            None => Analysis::new(&d.document.text, &paragraph_spans(&d.document)),
        });
        made.collect()
    } else {
        // Every document is entered before any is read: an analysis reads its words from the
        // batch (see `Linked`).
        let linked: Vec<Linked> = documents
            .iter()
            .zip(views)
            .map(|(d, view)| match view {
                Some(view) => batch.with_view(&d.document.text, view),
                None => batch.analyze(&d.document.text, &paragraph_spans(&d.document)),
            })
            .collect();
        let batch = &batch;
        linked.into_iter().map(|linked| linked.in_batch(batch)).collect()
    };
    let docs: Vec<Doc> = documents
        .iter()
        .zip(analyses)
        .map(|(d, analysis)| Doc { document: &d.document, analysis, dct: d.document.published })
        .collect();
    stage.analysis = clock.lap();
    on_stage("entities");
    let entities = entities::assemble(&docs, &mut scored);
    drop(scored);
    stage.entities = clock.lap();
    // Each document's quotes and times: its part's, or found here, in the stage that needs them,
    // when no part brought them or they do not fit the document.
    let kept: Vec<Option<&(quotes::Detected, times::Detected)>> = documents
        .iter()
        .zip(&docs)
        .map(|(d, doc)| d.found.as_ref().filter(|(q, t)| q.fits(&doc.analysis) && t.fits(&doc.analysis)))
        .collect();
    let all_kept = kept.iter().all(Option::is_some);
    on_stage(if all_kept { "speakers" } else { "quotes" });
    let kept_quotes: Vec<Option<&quotes::Detected>> = kept.iter().map(|k| k.map(|k| &k.0)).collect();
    let (quotes, quote_spans) = quotes::extract(&docs, &kept_quotes, &entities);
    stage.quotes = clock.lap();
    on_stage(if all_kept { "dates" } else { "times" });
    let time_work: Vec<Cow<times::Detected>> = kept
        .iter()
        .zip(&docs)
        .zip(quote_spans)
        .map(|((kept, doc), spans)| {
            kept.map_or_else(|| Cow::Owned(times::detect(&doc.analysis, spans)), |k| Cow::Borrowed(&k.1))
        })
        .collect();
    // The stage frees the found times as they become expressions, before events are built.
    let times = times::extract(&docs, time_work);
    stage.times = clock.lap();
    on_stage("events");
    let events = events::build(&docs, &entities, &quotes, &times.expressions);
    stage.events = clock.lap();
    // The search index's words of each document, read from its token view while it exists.
    let words = index.then(|| {
        on_stage("index");
        let mut words = DocumentWords::default();
        for doc in &docs {
            words.add(&doc.document.title, &doc.analysis);
        }
        words
    });
    // The token views go before the quotes' strings are made: the two never take memory at
    // once.
    drop(docs);
    let quotes = quotes::into_contract(quotes);
    Findings { entities: entities.list, quotes, times, events, words }
}

fn unique_id(id: &str, used: &mut crate::text::FxHashSet<String>) -> String {
    let base = if id.trim().is_empty() { "doc" } else { id.trim() };
    let mut candidate = base.to_string();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::runs::Kept;

    /// The seeds, then every article of tests/articles, as inputs of one corpus.
    /// The test corpus, its parts, and which of them is the longest and the shortest article.
    fn parts_of_corpus() -> (Vec<Input>, Vec<Part>, usize, usize) {
        let inputs = corpus();
        let parts: Vec<Part> = inputs.iter().map(|input| extract_part(input).expect("a part")).collect();
        let length = |k: &usize| parts[*k].document.text.len();
        let (long, short) =
            ((0..parts.len()).max_by_key(length).expect("parts"), (0..parts.len()).min_by_key(length).expect("parts"));
        (inputs, parts, long, short)
    }

    fn corpus() -> Vec<Input> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
        let mut paths: Vec<_> =
            std::fs::read_dir(dir).expect("tests/articles").map(|e| e.expect("entry").path()).collect();
        paths.sort();
        let articles = paths.into_iter().filter(|p| !p.to_string_lossy().ends_with(".json")).map(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let id = name.split('.').next().unwrap_or_default().to_string();
            Input::from_bytes(&id, &name, std::fs::read(&path).expect("an article")).expect("text")
        });
        crate::seeds::inputs().into_iter().chain(articles).collect()
    }

    fn json(outcome: &Outcome) -> String {
        serde_json::to_string(&outcome.extraction).expect("json")
    }

    /// How many documents this thread has analyzed (tokenized, folded, interned), run the
    /// tagger over, looked for quotes in and scanned for times.
    fn detections() -> [usize; 4] {
        [Kept::Analysis, Kept::Names, Kept::Quotes, Kept::Times].map(crate::doc::runs::of)
    }

    /// The search index of a corpus, its documents' words read from their token views as the
    /// page's corpus makes it (from kept parts, and from inputs), against the index of the
    /// extraction, which reads them from the texts.
    #[test]
    fn the_index_reads_documents_words_from_the_token_views_as_it_would_from_the_texts() {
        let mut inputs = corpus();
        // Words that run across tokens (through a combining mark's token; a run cut at the
        // longest token), which only the text has whole.
        for (id, body) in [("marks", "x\u{301}y met Cafe\u{301} owners."), ("run", &"b".repeat(400))] {
            let content = format!("Title {id}\n\n{body} And more words.\n");
            inputs.push(Input::from_bytes(id, &format!("{id}.txt"), content.into_bytes()).expect("text"));
        }
        let reference = Index::from_extraction(extract(&inputs).extraction);
        let (extracted, _) = extract_indexed(&inputs);
        assert!(extracted.document_words() == reference.document_words(), "extracted: other words than the texts'");
        let parts: Vec<Part> = inputs
            .iter()
            .map(|input| Part::from_bytes(&extract_part(input).expect("a part").to_bytes()).expect("kept"))
            .collect();
        let (assembled, _) = assemble_indexed(parts.clone(), &mut |_| ());
        assert!(assembled.document_words() == reference.document_words(), "assembled: other words than the texts'");
        // Every article's body came from its view, but the two above.
        let mut batch = Batch::default();
        let linked: Vec<Linked> =
            parts.iter().map(|p| batch.analyze(&p.document.text, &paragraph_spans(&p.document))).collect();
        let mut words = DocumentWords::default();
        for (part, linked) in parts.iter().zip(linked) {
            words.add(&part.document.title, &linked.in_batch(&batch));
        }
        assert_eq!((words.len(), words.read_from_views()), (inputs.len(), inputs.len() - 2));
    }

    #[test]
    fn assembling_kept_parts_gives_the_extraction_and_runs_no_detection_over_any_document() {
        let inputs = corpus();
        assert!(inputs.len() > 15, "the seeds and tests/articles");
        let parts: Vec<Part> = inputs
            .iter()
            .map(|input| Part::from_bytes(&extract_part(input).expect("a part").to_bytes()).expect("kept"))
            .collect();
        let before = detections();
        let assembled = assemble(parts.clone());
        assert_eq!(
            detections(),
            before,
            "assembling kept parts ran the analysis, the tagger, quote finding or time scanning"
        );
        let extracted = extract(&inputs);
        assert_eq!(json(&assembled), json(&extracted));
        assert!(extracted.extraction.entities.len() > 50, "the corpus has names to find");
        assert!(extracted.extraction.quotes.len() > 30, "the corpus has quotes to find");
        assert!(extracted.extraction.times.len() > 50, "the corpus has times to find");
        assert!(
            extracted.extraction.documents.iter().any(|d| d.published_source == PublishedSource::Inferred),
            "a document's creation date is inferred at assembly"
        );
        // Removing or hiding an article assembles the others again: still no tagger run, and
        // the same as extracting them afresh.
        let (kept, kept_inputs): (Vec<Part>, Vec<Input>) =
            parts.into_iter().zip(inputs).enumerate().filter(|(k, _)| k % 3 != 1).map(|(_, pair)| pair).unzip();
        let before = detections();
        let assembled = assemble(kept);
        assert_eq!(detections(), before);
        assert_eq!(json(&assembled), json(&extract(&kept_inputs)));
    }

    #[test]
    fn parts_made_through_one_word_cache_are_the_parts_made_alone() {
        let inputs = corpus();
        let alone: Vec<Part> = inputs.iter().map(|input| extract_part(input).expect("a part")).collect();
        let mut cache = WordCache::default();
        // Twice through, then backwards: each article meets a cache that knows none, some or
        // all of its word types, with the batch's word lists read between articles.
        let order = (0..inputs.len()).chain(0..inputs.len()).chain((0..inputs.len()).rev());
        for k in order {
            let cached = extract_part_cached(inputs[k].clone(), &mut cache, &mut |_| ()).expect("a part");
            assert_eq!(cached, alone[k], "{}", inputs[k].name);
        }
        assert!(cache.batch.types() > 1000, "the cache kept the corpus's word types");
    }

    #[test]
    fn a_part_that_does_not_fit_its_document_is_scored_again() {
        let inputs = corpus();
        let mut parts: Vec<Part> = inputs.iter().map(|input| extract_part(input).expect("a part")).collect();
        parts[0].names.classes.pop();
        parts[1].names.sums.clear();
        let before = crate::doc::runs::of(Kept::Names);
        let assembled = assemble(parts);
        assert_eq!(crate::doc::runs::of(Kept::Names), before + 2, "parts 0 and 1 are scored again");
        assert_eq!(json(&assembled), json(&extract(&inputs)));
    }

    #[test]
    fn a_long_view_is_written_in_pieces_that_make_the_part() {
        // A token a byte: the view's bytes (about two a token) take several 64 KiB pieces.
        let text = "Brackets\n\n".to_string() + &"[a](".repeat(40_000);
        let part = extract_part(&Input::from_bytes("b", "b.txt", text.into_bytes()).expect("text")).expect("a part");
        let pieces = part.clone().into_pieces();
        // The head, the format, the names, the quotes, the times, the view's pieces, the sum.
        assert!(pieces.len() >= 6 + 4, "{} pieces", pieces.len());
        assert!(pieces.iter().all(|p| p.len() <= (1 << 16) + 40 || p.len() > 150_000), "a view piece is too long");
        assert_eq!(pieces.concat(), part.to_bytes());
        assert_eq!(Part::from_vec(pieces.concat()), Ok(part));
    }

    #[test]
    fn a_long_documents_tagger_work_is_written_in_pieces_that_make_the_part() {
        // Six scored tokens a sentence, no quote: the sums (five varints a token) take several
        // 64 KiB pieces, and only the head (which holds the text) is longer.
        let text = "Names\n\n".to_string()
            + &(0..6000).map(|i| format!("Anna{i} Novak met Boris{i} Weber. ")).collect::<String>();
        let part = extract_part(&Input::from_bytes("n", "n.txt", text.into_bytes()).expect("text")).expect("a part");
        assert!(part.names.written_len() > 4 << 16, "{} bytes of names", part.names.written_len());
        let pieces = part.clone().into_pieces();
        let longest = pieces[1..].iter().map(Vec::len).max();
        assert!(longest <= Some((1 << 16) + 50), "a piece of {longest:?} bytes");
        assert_eq!(pieces.concat(), part.to_bytes());
        assert_eq!(Part::from_vec(pieces.concat()), Ok(part));
    }

    #[test]
    fn every_part_of_the_corpus_reads_back_as_it_was_and_damaged_work_reads_as_malformed() {
        let parts: Vec<Part> = corpus().iter().map(|input| extract_part(input).expect("a part")).collect();
        // Unlike prose, the work of these is more than a fixed guess per token and text byte
        // (which was a fifth short on them): many quotes and many names in one paragraph.
        let crowded = [|i| format!("“Point {i},” she said. "), |i| format!("Given{i} Novak spoke. ")]
            .map(|sentence: fn(usize) -> String| (0..2000).map(sentence).collect::<String>());
        let crowded =
            crowded.map(|text| extract_part(&Input::from_bytes("c", "c.txt", text.into_bytes()).expect("text")));
        for part in parts.iter().chain(crowded.iter().map(|part| part.as_ref().expect("a part"))) {
            assert_eq!(Part::from_bytes(&part.to_bytes()).as_ref(), Ok(part), "{}", part.document.id);
            assert_eq!(Part::from_vec(part.to_bytes()).as_ref(), Ok(part), "{}", part.document.id);
            assert_eq!(part.clone().into_bytes(), part.to_bytes(), "{}", part.document.id);
            // Never short (into_bytes' buffer would double), and not far over.
            let (length, estimate) = (part.to_bytes().len(), part.estimated_len());
            assert!(
                length <= estimate && estimate <= length + length / 2 + 512,
                "{}: {length} bytes, {estimate} estimated",
                part.document.id
            );
        }
        // Every cut and every flipped byte of a part's work: read as malformed or as some part,
        // never a panic.
        let part = parts.iter().max_by_key(|p| p.to_bytes().len()).expect("parts");
        let work = StoredPart::of(part).work;
        for n in 0..work.len() {
            let mut cut = StoredPart::of(part);
            cut.work.to_mut().truncate(n);
            assert!(cut.into_part().is_none(), "a cut at {n} reads as a part");
            let mut flipped = StoredPart::of(part);
            flipped.work.to_mut()[n] ^= 0x55;
            assert!(flipped.into_part().is_none(), "a flip at {n} reads as a part");
        }
        // So does a flipped byte of the text the work was made of.
        let mut flipped = StoredPart::of(part);
        flipped.text = flipped.text.replacen('e', "a", 1).into();
        assert!(flipped.into_part().is_none());
    }

    #[test]
    fn a_token_view_that_does_not_fit_its_document_is_analyzed_again() {
        let (inputs, mut parts, long, short) = parts_of_corpus();
        // The longest article's view, given to the shortest: its tokens lie beyond that text.
        parts[short].view = parts[long].view.clone();
        let before = detections();
        let assembled = assemble(parts);
        assert_eq!(detections()[0], before[0] + 1, "one document is analyzed again");
        assert_eq!(json(&assembled), json(&extract(&inputs)));
    }

    #[test]
    fn quotes_and_times_that_do_not_fit_their_document_are_found_again() {
        let (inputs, mut parts, long, short) = parts_of_corpus();
        // The longest article's work, given to the shortest: its spans and sentences lie
        // beyond that document.
        assert!(parts[long].document.text.len() > 10 * parts[short].document.text.len());
        assert!(parts[long].times != times::Detected::default() && parts[long].quotes != quotes::Detected::default());
        parts[short].quotes = parts[long].quotes.clone();
        parts[short].times = parts[long].times.clone();
        let before = detections();
        let assembled = assemble(parts);
        let after = detections();
        assert_eq!([after[2] - before[2], after[3] - before[3]], [1, 1], "one document is detected again");
        assert_eq!(after[0], before[0], "its own token view still fits it");
        assert_eq!(json(&assembled), json(&extract(&inputs)));
    }

    #[test]
    fn parts_keep_everything_through_bytes() {
        let content = "A Title\n\nBy Jane Doe\n\n1. A listed point.\n\nPlain paragraph.\n\n12 Comments\n\nKim says:\nMarch 3, 2009 at 8:25 am\nA comment.";
        let input = Input { id: "a".into(), name: "a.txt".into(), content: content.into(), ..Input::default() };
        let part = extract_part(&input).expect("a part");
        assert!(part.document.paragraphs.iter().any(|p| p.item.is_some()), "the case needs a list item");
        assert_eq!(Part::from_bytes(&part.to_bytes()), Ok(part.clone()));
        let mut bytes = part.to_bytes();
        bytes[1] ^= 1;
        assert!(matches!(Part::from_bytes(&bytes), Err(PartError::OtherVersion(_))));
        assert!(matches!(Part::from_bytes(b"\x03abc"), Err(PartError::Malformed(_)) | Err(PartError::OtherVersion(_))));
        assert!(matches!(Part::from_bytes(&[]), Err(PartError::Malformed(_))));
        let bytes = part.to_bytes();
        assert!(matches!(Part::from_bytes(&bytes[..bytes.len() - 1]), Err(PartError::Malformed(_))));
        // A part of an older layout of the work (the name tagger's alone, before parts kept
        // quotes and times) is not read as this one.
        let sealed = |mut w: crate::codec::Writer| {
            let sum = crate::codec::checksum(&[&[&w.0], &[part.document.text.as_bytes()]]);
            w.fixed(sum);
            w.0
        };
        let mut older = StoredPart::of(&part);
        let mut w = crate::codec::Writer::default();
        part.names.write(&mut w);
        older.work = sealed(w).into();
        let older = older.to_bytes();
        assert!(matches!(Part::from_bytes(&older), Err(PartError::Malformed(_))));
        // Nor is one of layout 2 (the tagger's and the quote stage's work, without the time
        // stage's), even when what follows would read as kept times, nor one of layout 3
        // (without the token view), even when it ends as a view would.
        for (format, times) in [(2, &[][..]), (2, &[0][..]), (3, &[0][..]), (3, &[0, 0][..])] {
            let mut older = StoredPart::of(&part);
            let mut w = crate::codec::Writer::default();
            w.uint(format);
            part.names.write(&mut w);
            part.quotes.write(&mut w);
            w.0.extend_from_slice(times);
            older.work = sealed(w).into();
            let older = older.to_bytes();
            assert!(matches!(Part::from_bytes(&older), Err(PartError::Malformed(_))));
        }
    }

    #[test]
    fn parts_are_written_as_postcard_wrote_them() {
        // The serde derive parts were stored with before the hand-written form: the work was a
        // sequence of bytes, which postcard writes as a run.
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Derived {
            core: String,
            id: String,
            title: String,
            published: Option<Stamp>,
            published_source: PublishedSource,
            author: Option<String>,
            outlet: Option<String>,
            url: Option<String>,
            text: String,
            paragraphs: Vec<(usize, usize, Option<String>)>,
            comments: Vec<StoredComment>,
            work: Vec<u8>,
        }
        let derived = |p: &StoredPart| Derived {
            core: p.core.clone(),
            id: p.id.clone(),
            title: p.title.clone(),
            published: p.published,
            published_source: p.published_source,
            author: p.author.clone(),
            outlet: p.outlet.clone(),
            url: p.url.clone(),
            text: p.text.to_string(),
            paragraphs: p.paragraphs.clone(),
            comments: p.comments.clone(),
            work: p.work.to_vec(),
        };
        let (_, mut parts, _, _) = parts_of_corpus();
        // Every source of a publication date, with and without a time, and every kind of
        // comment with and without its optional fields.
        let stamp = |s: &str| s.parse::<Stamp>().expect("a stamp");
        for (i, &source) in PUBLISHED_SOURCES.iter().enumerate() {
            let mut part = parts[0].clone();
            part.document.published_source = source;
            part.document.published = [None, Some(stamp("2009-03-03")), Some(stamp("0050-12-31T23:59"))][i % 3];
            part.document.author = (i % 2 == 0).then(|| "Ánna".to_string());
            part.document.url = None;
            part.document.comments = COMMENT_KINDS
                .iter()
                .map(|&kind| crate::model::Comment {
                    kind,
                    posted: (i % 2 == 1).then(|| stamp("2010-01-02T03:04")),
                    author: (i % 3 == 0).then(|| "Kim".to_string()),
                    text: "A comment.".repeat(i * 20),
                    title: (kind == crate::model::CommentKind::Pingback).then(|| "A post".to_string()),
                })
                .collect();
            parts.push(part);
        }
        for part in &parts {
            let ours = part.to_bytes();
            let stored = StoredPart::of(part);
            let theirs = postcard::to_allocvec(&derived(&stored)).expect("bytes");
            assert!(ours == theirs, "{}: the bytes differ from postcard's", part.document.id);
            let read = StoredPart::read(&theirs).expect("postcard's bytes read");
            assert_eq!(derived(&read), derived(&stored), "{}", part.document.id);
            assert_eq!(Part::from_bytes(&theirs).as_ref(), Ok(part), "{}", part.document.id);
        }
        // A source past the declared ones is no part.
        let mut part = parts[0].clone();
        part.document.published = None;
        part.document.published_source = PublishedSource::None;
        let mut w = crate::codec::Writer::default();
        for field in [CORE_VERSION, &part.document.id, &part.document.title] {
            w.str(field);
        }
        let at = w.0.len();
        let mut bytes = part.to_bytes();
        assert_eq!(bytes[at..at + 2], [0, 6], "no date, then the source");
        assert!(StoredPart::read(&bytes).is_some());
        bytes[at + 1] = 7;
        assert!(StoredPart::read(&bytes).is_none());
    }
}
