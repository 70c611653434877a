//! The extraction contract ([`crate::model`]) written as JSON by hand: the bytes serde_json
//! writes (`to_writer`, or `to_writer_pretty` with two spaces a level), without serde's
//! per-field machinery.
//!
//! Why by hand: the contract's JSON is several times the input, and most of its values are
//! short (offsets, ids, one-word kinds) behind a field name. serde_json escapes every field
//! name as if it were data and calls through the formatter for each punctuation mark: some
//! 150–200 instructions a field, about 145,000 fields per 1,000 articles. Here a field name,
//! with its quotes and colon, is one literal copied as it is, and a string's escaping skips
//! runs of eight bytes that need none at a time.
//!
//! The wasm API writes its results with the same writer ([`write_ascii`]): the contract's
//! records and the index's answers, compact, with every character past ASCII escaped. So the
//! page's wasm links no serde_json (its serializer, formatter and error messages were about 4
//! KiB of the page's LZMA stream).
//!
//! What it does not do: read JSON, or write types other than the contract's and the results of
//! the wasm API. `tests` below check that it writes serde_json's bytes (the wasm's with
//! serde_json's formatter that escapes past ASCII), field for field and variant for variant.
//!
//! Cost: linear in the output. Memory: the output is buffered in blocks of [`BLOCK`] bytes
//! (a long text is escaped a block at a time), never held whole.

use crate::calendar::Stamp;
use crate::index::{
    CheckedFilter, Counts, DropReason, EntityProfile, Hit, KindCounts, Matches, Selection, Snippet, SourceCounts,
    TimeUnit,
};
use crate::model::{
    Comment, CommentKind, DateRange, Document, DocumentHead, Entity, EntityKind, Event, Extraction, InferredFrom,
    Mention, Paragraph, Precision, PublishedSource, Quote, QuoteKind, TimeExpression, TimexType,
};
use crate::pipeline::Failure;
use std::io::{self, Write};
use std::sync::Arc;

/// How the JSON is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// On one line, as serde_json's `to_writer`.
    Compact,
    /// Two spaces a level, as serde_json's `to_writer_pretty`.
    Pretty,
}

/// Writes `extraction` to `sink` as JSON (no line break after it).
///
/// The output goes to `sink` in blocks of about [`BLOCK`] bytes: `sink` needs no buffer of
/// its own.
///
/// # Errors
/// The first error of writing to `sink`; nothing more is written after it.
pub fn write_extraction<W: Write>(sink: W, extraction: &Extraction, layout: Layout) -> io::Result<()> {
    let mut w: Writer<W, false> = Writer::new(sink, Vec::with_capacity(BLOCK + BLOCK / 4), BLOCK, layout);
    w.extraction(extraction);
    w.drain();
    match w.error {
        Some(e) => Err(e),
        None => w.sink.flush(),
    }
}

/// The output is handed to the sink whenever this much of it is buffered.
pub const BLOCK: usize = 1 << 16;

/// The writer of [`write_ascii`]: compact, ASCII only, all of it kept in its buffer.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) type AsciiWriter = Writer<io::Sink, true>;

/// Appends to `out` the JSON that `write` writes, compact and in ASCII: every character past
/// it escaped as serde_json escapes a control character (`\u2019`; a pair of escapes past
/// U+FFFF). The wasm API's results (see `wasm_api::to_js`): the browser decodes and parses ASCII
/// text faster.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn write_ascii(out: &mut Vec<u8>, write: impl FnOnce(&mut AsciiWriter)) {
    let mut w = Writer::new(io::sink(), std::mem::take(out), usize::MAX, Layout::Compact);
    write(&mut w);
    *out = w.buffer;
}

/// A field name as the bytes that open its member: `"name":`.
macro_rules! key {
    ($name:literal) => {
        concat!("\"", $name, "\":").as_bytes()
    };
}

/// A JSON writer for the contract's shapes: objects of known fields, arrays, strings,
/// unsigned numbers, booleans and null. `ASCII`: every character past ASCII escaped (the
/// wasm's), else written as it is (serde_json's default, the CLI's).
pub(crate) struct Writer<W, const ASCII: bool> {
    sink: W,
    buffer: Vec<u8>,
    /// The buffer is handed to the sink whenever it holds this many bytes ([`BLOCK`], or
    /// `usize::MAX` for a writer that keeps all it writes).
    block: usize,
    /// The first error the sink returned; after one, output is dropped.
    error: Option<io::Error>,
    layout: Layout,
    /// How many objects and arrays are open.
    depth: usize,
    /// True when the innermost open object or array has no member yet.
    first: bool,
    /// The document id [`Writer::doc`] wrote last (held, so that no other id can take its
    /// place in memory while it is compared by address), and its JSON.
    last_doc: Option<Arc<str>>,
    last_doc_json: Vec<u8>,
}

/// A line break and the indentation of [`INDENTED`] levels: a pretty line starts with
/// `LINE[..1 + 2 * depth]`.
const LINE: [u8; 1 + 2 * INDENTED] = {
    let mut line = [b' '; 1 + 2 * INDENTED];
    line[0] = b'\n';
    line
};

/// The depth up to which a pretty line starts with one copy (the contract nests six levels).
const INDENTED: usize = 16;

impl<W: Write, const ASCII: bool> Writer<W, ASCII> {
    /// A writer at the start of its output, `buffer` handed to `sink` whenever it holds about
    /// `block` bytes (`usize::MAX`: never, the caller takes the buffer).
    fn new(sink: W, buffer: Vec<u8>, block: usize, layout: Layout) -> Self {
        Writer {
            sink,
            buffer,
            block,
            error: None,
            layout,
            depth: 0,
            first: true,
            last_doc: None,
            last_doc_json: Vec::new(),
        }
    }

    /// Hands the buffer to the sink (unless an earlier write failed) and empties it.
    fn drain(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.sink.write_all(&self.buffer) {
                self.error = Some(e);
            }
        }
        self.buffer.clear();
    }

    /// Drains the buffer once it holds a block.
    fn drain_full(&mut self) {
        if self.buffer.len() >= self.block {
            self.drain();
        }
    }

    /// Before a member or an element: a comma after an earlier one, then a new line.
    #[inline(always)]
    pub(crate) fn separate(&mut self) {
        if !self.first {
            self.buffer.push(b',');
        }
        self.first = false;
        self.line();
    }

    /// In the pretty layout, a line break and the indentation of the current depth.
    #[inline(always)]
    fn line(&mut self) {
        if !ASCII && self.layout == Layout::Pretty {
            let end = self.buffer.len() + 1 + 2 * self.depth;
            if self.depth <= INDENTED {
                // A copy of known length is a few moves, not a call: copy the whole line and
                // cut it at the depth.
                self.buffer.extend_from_slice(&LINE);
                self.buffer.truncate(end);
            } else {
                self.buffer.push(b'\n');
                self.buffer.resize(end, b' ');
            }
        }
    }

    pub(crate) fn open(&mut self, bracket: u8) {
        self.buffer.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    /// Closes an object or an array; a non-empty one ends on a line of its own.
    pub(crate) fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.first {
            self.line();
        }
        self.buffer.push(bracket);
        // The enclosing object or array now has a member: this one.
        self.first = false;
    }

    /// Opens a member: `key` is its name as [`key!`] writes it. Inlined, so that copying the
    /// literal is a few moves.
    #[inline(always)]
    pub(crate) fn key(&mut self, key: &[u8]) {
        if ASCII {
            return self.compact_key(key);
        }
        self.separate();
        self.buffer.extend_from_slice(key);
        if self.layout == Layout::Pretty {
            self.buffer.push(b' ');
        }
    }

    /// [`Writer::key`] of the ASCII writer (always compact), not inlined: the wasm's results
    /// are a small part of its work, and its size counts.
    #[inline(never)]
    fn compact_key(&mut self, key: &[u8]) {
        self.separate();
        self.buffer.extend_from_slice(key);
    }

    /// Written two digits at a time from [`DIGIT_PAIRS`]: offsets have up to seven digits, and a
    /// division per digit was most of their cost.
    pub(crate) fn number(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        let mut pair = |at: &mut usize, two: usize| {
            *at -= 2;
            // OK because `two < 100`, so `2 * two + 2 <= 200`, and `at` counts down from 20 by
            // at most the 20 digits a usize has.
            digits[*at..*at + 2].copy_from_slice(&DIGIT_PAIRS[2 * two..2 * two + 2]);
        };
        while rest >= 100 {
            pair(&mut at, rest % 100);
            rest /= 100;
        }
        if rest >= 10 {
            pair(&mut at, rest);
        } else {
            at -= 1;
            // OK because `at >= 1` here (at most 19 digits were written); the cast keeps one
            // digit (0–9).
            digits[at] = b'0' + rest as u8;
        }
        // OK because `at` is a position of `digits` (see above).
        self.buffer.extend_from_slice(&digits[at..]);
    }

    pub(crate) fn boolean(&mut self, b: bool) {
        self.buffer.extend_from_slice(if b { b"true" } else { b"false" });
    }

    pub(crate) fn null(&mut self) {
        self.buffer.extend_from_slice(b"null");
    }

    /// A string, escaped as serde_json escapes it: `"` and `\` with a backslash, the control
    /// characters below U+0020 as `\b \t \n \f \r` or `\u00XX`, everything else (U+007F,
    /// U+2028, any other non-ASCII) as it is, or as `\uXXXX` when `ASCII`.
    pub(crate) fn string(&mut self, s: &str) {
        // Natively, a string of fewer than sixteen bytes that needs no escape (most of the
        // contract's: ids, names, a mention's text) is written with its quotes as one block of
        // known length, cut to them: one check of the buffer's room where there were three.
        #[cfg(target_arch = "x86_64")]
        if !ASCII {
            if let Some(quoted) = quoted_short(s.as_bytes()) {
                let kept = self.buffer.len() + s.len() + 2;
                self.buffer.extend_from_slice(&quoted);
                self.buffer.truncate(kept);
                return;
            }
        }
        self.buffer.push(b'"');
        if ASCII {
            escape_ascii_into(&mut self.buffer, s);
        } else if s.len() <= BLOCK {
            escape_into(&mut self.buffer, s.as_bytes());
            self.drain_full();
        } else {
            for block in s.as_bytes().chunks(BLOCK) {
                escape_into(&mut self.buffer, block);
                self.drain_full();
            }
        }
        self.buffer.push(b'"');
    }

    /// One of the contract's fixed words (a kind, a precision): ASCII letters,
    /// digits and hyphens, which need no escape, so written as they are.
    fn word(&mut self, word: &'static str) {
        debug_assert!(word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'), "{word}");
        self.buffer.push(b'"');
        self.buffer.extend_from_slice(word.as_bytes());
        self.buffer.push(b'"');
    }

    /// A record's document id (a mention's or an expression's `doc`). The records of one
    /// document come in runs and share its id in memory (one `Arc` a document): the same id
    /// as the last one is copied as it was written, not scanned again (three in four ids on
    /// 2 MB of news; some 60 bytes each there, a file's path).
    ///
    /// The ASCII writer (the wasm's) writes each id as a string: there the code's size counts
    /// more than the scans.
    fn doc(&mut self, id: &Arc<str>) {
        if ASCII {
            return self.string(id);
        }
        if !self.last_doc.as_ref().is_some_and(|last| Arc::ptr_eq(last, id)) {
            self.last_doc_json.clear();
            self.last_doc_json.push(b'"');
            escape_into(&mut self.last_doc_json, id.as_bytes());
            self.last_doc_json.push(b'"');
            self.last_doc = Some(Arc::clone(id));
        }
        self.buffer.extend_from_slice(&self.last_doc_json);
    }

    pub(crate) fn optional_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    /// A stamp as its `Display` form (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`), written digit by
    /// digit: `format!`'s padding costs more than a thousand instructions a stamp.
    fn stamp(&mut self, stamp: Option<Stamp>) {
        let Some(stamp) = stamp else {
            return self.null();
        };
        let year = stamp.date.year();
        if !(0..=9999).contains(&year) {
            return self.string(&stamp.to_string());
        }
        let digits = |n: i16, width: usize| {
            let mut n = n.unsigned_abs();
            let mut out = [b'0'; 4];
            for d in out[..width].iter_mut().rev() {
                // OK because the cast keeps one digit (0–9).
                *d = b'0' + (n % 10) as u8;
                n /= 10;
            }
            out
        };
        let mut text = [0u8; 18];
        text[0] = b'"';
        text[1..5].copy_from_slice(&digits(year, 4));
        text[5] = b'-';
        text[6..8].copy_from_slice(&digits(stamp.date.month().into(), 2)[..2]);
        text[8] = b'-';
        text[9..11].copy_from_slice(&digits(stamp.date.day().into(), 2)[..2]);
        let len = match stamp.time {
            Some(time) => {
                text[11] = b'T';
                text[12..14].copy_from_slice(&digits(time.hour().into(), 2)[..2]);
                text[14] = b':';
                text[15..17].copy_from_slice(&digits(time.minute().into(), 2)[..2]);
                17
            }
            None => 11,
        };
        text[len] = b'"';
        // OK because `len` is 11 or 17, below the array's 18.
        self.buffer.extend_from_slice(&text[..=len]);
    }

    /// An array of `items`, each written by `item` (after the separator).
    pub(crate) fn array<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.open(b'[');
        for x in items {
            self.separate();
            item(self, x);
        }
        self.close(b']');
    }

    pub(crate) fn strings(&mut self, items: &[String]) {
        self.array(items, |w, s| w.string(s));
    }

    /// The whole contract. Each record is followed by a chance to drain the buffer.
    fn extraction(&mut self, e: &Extraction) {
        self.open(b'{');
        self.extraction_members(e);
        self.close(b'}');
    }

    /// The contract's members, in an object opened by the caller (the wasm's outcome adds
    /// `failures`).
    pub(crate) fn extraction_members(&mut self, e: &Extraction) {
        self.key(key!("documents"));
        self.array(&e.documents, |w, d| {
            w.document(d);
            w.drain_full();
        });
        self.key(key!("quotes"));
        self.array(&e.quotes, |w, q| {
            w.quote(q);
            w.drain_full();
        });
        self.key(key!("entities"));
        self.array(&e.entities, |w, x| {
            w.entity(x);
            w.drain_full();
        });
        self.key(key!("times"));
        self.array(&e.times, |w, t| {
            w.time(t);
            w.drain_full();
        });
        self.key(key!("events"));
        self.array(&e.events, |w, x| {
            w.event(x);
            w.drain_full();
        });
    }

    fn document(&mut self, d: &Document) {
        self.open(b'{');
        self.document_facts(&d.id, &d.title, d.published, d.published_source, d.published_inferred_from);
        self.document_source(d.author.as_deref(), d.outlet.as_deref(), d.url.as_deref());
        self.key(key!("text"));
        self.string(&d.text);
        self.key(key!("paragraphs"));
        self.array(&d.paragraphs, Self::paragraph);
        self.key(key!("comments"));
        self.array(&d.comments, Self::comment);
        self.close(b'}');
    }

    /// A document's first members: `id` to `published_inferred_from`.
    fn document_facts(
        &mut self,
        id: &str,
        title: &str,
        published: Option<Stamp>,
        source: PublishedSource,
        inferred: Option<InferredFrom>,
    ) {
        self.key(key!("id"));
        self.string(id);
        self.key(key!("title"));
        self.string(title);
        self.key(key!("published"));
        self.stamp(published);
        self.key(key!("published_source"));
        self.word(published_source(source));
        self.key(key!("published_inferred_from"));
        self.optional_string(inferred.map(inferred_from));
    }

    /// A document's `author`, `outlet` and `url`.
    fn document_source(&mut self, author: Option<&str>, outlet: Option<&str>, url: Option<&str>) {
        self.key(key!("author"));
        self.optional_string(author);
        self.key(key!("outlet"));
        self.optional_string(outlet);
        self.key(key!("url"));
        self.optional_string(url);
    }

    /// `{start, end}`.
    fn span(&mut self, start: usize, end: usize) {
        self.open(b'{');
        self.key(key!("start"));
        self.number(start);
        self.key(key!("end"));
        self.number(end);
        self.close(b'}');
    }

    pub(crate) fn quote(&mut self, q: &Quote) {
        self.open(b'{');
        self.key(key!("id"));
        self.string(&q.id);
        self.key(key!("doc"));
        self.string(&q.doc);
        self.key(key!("start"));
        self.number(q.start);
        self.key(key!("end"));
        self.number(q.end);
        self.key(key!("text"));
        self.string(&q.text);
        self.key(key!("kind"));
        self.word(quote_kind(q.kind));
        self.key(key!("speaker"));
        self.optional_string(q.speaker.as_deref());
        self.key(key!("speaker_span"));
        match q.speaker_span {
            Some(span) => self.span(span.start, span.end),
            None => self.null(),
        }
        self.key(key!("speaker_id"));
        self.optional_string(q.speaker_id.as_deref());
        self.key(key!("cue"));
        self.optional_string(q.cue.as_deref());
        self.close(b'}');
    }

    pub(crate) fn entity(&mut self, e: &Entity) {
        self.open(b'{');
        self.key(key!("id"));
        self.string(&e.id);
        self.key(key!("name"));
        self.string(&e.name);
        self.key(key!("kind"));
        self.word(entity_kind(e.kind));
        self.key(key!("aliases"));
        self.strings(&e.aliases);
        self.key(key!("roles"));
        self.strings(&e.roles);
        self.key(key!("mentions"));
        self.array(&e.mentions, Self::mention);
        self.close(b'}');
    }

    fn mention(&mut self, m: &Mention) {
        self.open(b'{');
        self.key(key!("doc"));
        self.doc(&m.doc);
        self.key(key!("start"));
        self.number(m.start);
        self.key(key!("end"));
        self.number(m.end);
        self.key(key!("text"));
        self.string(&m.text);
        self.close(b'}');
    }

    pub(crate) fn time(&mut self, t: &TimeExpression) {
        self.open(b'{');
        self.key(key!("doc"));
        self.doc(&t.doc);
        self.key(key!("start"));
        self.number(t.start);
        self.key(key!("end"));
        self.number(t.end);
        self.key(key!("text"));
        self.string(&t.text);
        self.key(key!("type"));
        self.word(timex_type(t.kind));
        self.key(key!("value"));
        self.string(&t.value);
        self.key(key!("anchor"));
        self.optional_string(t.anchor.as_deref());
        if let Some(range) = &t.range {
            self.key(key!("range"));
            self.open(b'{');
            self.key(key!("start"));
            self.string(&range.start);
            self.key(key!("end"));
            self.string(&range.end);
            self.close(b'}');
        }
        self.close(b'}');
    }

    pub(crate) fn event(&mut self, e: &Event) {
        self.open(b'{');
        self.key(key!("id"));
        self.string(&e.id);
        self.key(key!("date"));
        self.string(&e.date);
        self.key(key!("start"));
        self.string(&e.start);
        self.key(key!("end"));
        self.string(&e.end);
        self.key(key!("summary"));
        self.string(&e.summary);
        self.key(key!("docs"));
        self.strings(&e.docs);
        self.key(key!("entities"));
        self.strings(&e.entities);
        self.key(key!("entity_names"));
        self.strings(&e.entity_names);
        self.key(key!("mentions"));
        self.array(&e.mentions, Self::mention);
        self.key(key!("quotes"));
        self.strings(&e.quotes);
        self.key(key!("dates"));
        self.strings(&e.dates);
        self.key(key!("precision"));
        self.word(precision(e.precision));
        self.key(key!("ranges"));
        self.array(&e.ranges, Self::date_range);
        self.key(key!("conflict"));
        self.boolean(e.conflict);
        self.key(key!("inferred"));
        self.boolean(e.inferred);
        self.close(b'}');
    }

    fn date_range(&mut self, r: &DateRange) {
        self.open(b'{');
        self.key(key!("date"));
        self.string(&r.date);
        self.key(key!("start"));
        self.string(&r.start);
        self.key(key!("end"));
        self.string(&r.end);
        self.key(key!("precision"));
        self.word(precision(r.precision));
        self.close(b'}');
    }
}

/// The wasm API's results other than the contract's records (see [`write_ascii`]).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl<W: Write, const ASCII: bool> Writer<W, ASCII> {
    /// A document's head: its members but `text` and `paragraphs`, then `length`.
    pub(crate) fn document_head(&mut self, d: &DocumentHead) {
        self.open(b'{');
        self.document_facts(d.id, d.title, d.published, d.published_source, d.published_inferred_from);
        self.document_source(d.author, d.outlet, d.url);
        self.key(key!("comments"));
        self.array(d.comments, Self::comment);
        self.key(key!("length"));
        self.number(d.length);
        self.close(b'}');
    }

    /// `{name, reason}`.
    pub(crate) fn failure(&mut self, f: &Failure) {
        self.open(b'{');
        self.key(key!("name"));
        self.string(&f.name);
        self.key(key!("reason"));
        self.string(&f.reason);
        self.close(b'}');
    }

    /// Counts by id or name, as an object.
    pub(crate) fn counts(&mut self, counts: &Counts) {
        self.open(b'{');
        for (name, n) in &counts.0 {
            self.separate();
            self.string(name);
            self.buffer.push(b':');
            self.number(*n as usize);
        }
        self.close(b'}');
    }

    pub(crate) fn kind_counts(&mut self, k: &KindCounts) {
        self.open(b'{');
        self.key(key!("quote"));
        self.number(k.quote as usize);
        self.key(key!("event"));
        self.number(k.event as usize);
        self.key(key!("mention"));
        self.number(k.mention as usize);
        self.close(b'}');
    }

    pub(crate) fn source_counts(&mut self, s: &SourceCounts) {
        self.open(b'{');
        self.key(key!("named"));
        self.number(s.named as usize);
        self.key(key!("unnamed"));
        self.number(s.unnamed as usize);
        self.key(key!("all"));
        self.number(s.all as usize);
        self.key(key!("scare"));
        self.number(s.scare as usize);
        self.close(b'}');
    }

    /// `{filter, dropped}` ([`crate::Index::check`]).
    pub(crate) fn checked_filter(&mut self, c: &CheckedFilter) {
        let f = &c.filter;
        self.open(b'{');
        self.key(key!("filter"));
        self.open(b'{');
        self.key(key!("docs"));
        self.strings(&f.docs);
        self.key(key!("entities"));
        self.strings(&f.entities);
        self.key(key!("speakers"));
        self.strings(&f.speakers);
        self.key(key!("kinds"));
        self.strings(&f.kinds);
        self.key(key!("sources"));
        self.optional_string(f.sources.as_deref());
        self.key(key!("from"));
        self.optional_string(f.from.as_deref());
        self.key(key!("to"));
        self.optional_string(f.to.as_deref());
        self.key(key!("q"));
        self.string(&f.q);
        self.close(b'}');
        self.key(key!("dropped"));
        self.array(&c.dropped, |w, d| {
            w.open(b'{');
            w.key(key!("field"));
            w.string(d.field);
            w.key(key!("value"));
            w.string(&d.value);
            w.key(key!("reason"));
            w.word(drop_reason(d.reason));
            w.key(key!("message"));
            w.string(d.message);
            w.close(b'}');
        });
        self.close(b'}');
    }

    /// `{hits, snippets}` ([`crate::Index::matches`]).
    pub(crate) fn matches(&mut self, m: &Matches) {
        self.open(b'{');
        self.hits_and_snippets(&m.hits, &m.snippets);
        self.close(b'}');
    }

    /// `{documents, quotes, entities, events, facets, hits, snippets}` ([`crate::Index::query`]).
    pub(crate) fn selection(&mut self, s: &Selection) {
        self.open(b'{');
        self.key(key!("documents"));
        self.strings(&s.documents);
        self.key(key!("quotes"));
        self.strings(&s.quotes);
        self.key(key!("entities"));
        self.strings(&s.entities);
        self.key(key!("events"));
        self.strings(&s.events);
        self.key(key!("facets"));
        self.open(b'{');
        self.key(key!("documents"));
        self.counts(&s.facets.documents);
        self.key(key!("entities"));
        self.counts(&s.facets.entities);
        self.key(key!("speakers"));
        self.counts(&s.facets.speakers);
        self.key(key!("kinds"));
        self.kind_counts(&s.facets.kinds);
        self.key(key!("sources"));
        self.source_counts(&s.facets.sources);
        self.close(b'}');
        self.hits_and_snippets(&s.hits, &s.snippets);
        self.close(b'}');
    }

    /// `{said, about, over_time}` ([`crate::Index::entity_profile`]), or null for no entity.
    pub(crate) fn entity_profile(&mut self, profile: Option<&EntityProfile>) {
        let Some(p) = profile else {
            return self.null();
        };
        let positions = |w: &mut Self, n: &u32| w.number(*n as usize);
        self.open(b'{');
        self.key(key!("said"));
        self.array(&p.said, positions);
        self.key(key!("about"));
        self.array(&p.about, positions);
        self.key(key!("over_time"));
        match &p.over_time {
            None => self.null(),
            Some(t) => {
                self.open(b'{');
                self.key(key!("unit"));
                self.string(match t.unit {
                    TimeUnit::Day => "day",
                    TimeUnit::Month => "month",
                    TimeUnit::Year => "year",
                });
                self.key(key!("buckets"));
                self.array(&t.buckets, |w, b| {
                    w.open(b'{');
                    w.key(key!("date"));
                    w.string(&b.date);
                    w.key(key!("mentions"));
                    w.number(b.mentions as usize);
                    w.close(b'}');
                });
                self.key(key!("undated"));
                self.number(t.undated as usize);
                self.close(b'}');
            }
        }
        self.close(b'}');
    }

    /// The members `hits` and `snippets` of a search's answer.
    fn hits_and_snippets(&mut self, hits: &[Hit], snippets: &[Snippet]) {
        self.key(key!("hits"));
        self.array(hits, |w, h| {
            w.open(b'{');
            w.key(key!("doc"));
            w.string(&h.doc);
            w.key(key!("start"));
            w.number(h.start);
            w.key(key!("end"));
            w.number(h.end);
            w.close(b'}');
        });
        self.key(key!("snippets"));
        self.array(snippets, |w, s| {
            w.open(b'{');
            w.key(key!("doc"));
            w.string(&s.doc);
            w.key(key!("start"));
            w.number(s.start);
            w.key(key!("end"));
            w.number(s.end);
            w.key(key!("text"));
            w.string(&s.text);
            w.key(key!("hits"));
            w.array(&s.hits, |w, span| w.span(span.start, span.end));
            w.close(b'}');
        });
    }

    pub(crate) fn paragraph(&mut self, p: &Paragraph) {
        self.open(b'{');
        self.key(key!("start"));
        self.number(p.start);
        self.key(key!("end"));
        self.number(p.end);
        if let Some(item) = &p.item {
            self.key(key!("item"));
            self.string(item);
        }
        self.close(b'}');
    }

    fn comment(&mut self, c: &Comment) {
        self.open(b'{');
        self.key(key!("kind"));
        self.word(comment_kind(c.kind));
        self.key(key!("posted"));
        self.stamp(c.posted);
        self.key(key!("author"));
        self.optional_string(c.author.as_deref());
        self.key(key!("text"));
        self.string(&c.text);
        if let Some(title) = &c.title {
            self.key(key!("title"));
            self.string(title);
        }
        self.close(b'}');
    }
}

/// The escape of each byte: 0 for none, `u` for `\u00XX`, else the letter after the backslash.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// The two ASCII digits of each number below 100, in order: `00`, `01`, … `99`.
const DIGIT_PAIRS: [u8; 200] = {
    let mut table = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        table[2 * n] = b'0' + (n / 10) as u8;
        table[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    table
};

/// Where the first of eight bytes (read little-endian: the first byte is the lowest) needs an
/// escape (a control character below 0x20, `"` or `\`), as the position of the lowest set
/// bit, or 0 when none does (exact: see [`crate::bytes::bytes_below`]).
fn escape_flags(word: u64) -> u64 {
    use crate::bytes::{bytes_below, bytes_equal};
    bytes_below(word, 0x20) | bytes_equal(word, b'"') | bytes_equal(word, b'\\')
}

/// Appends `bytes` to `out` with JSON's escapes (see [`Writer::string`]), natively.
///
/// Steps of sixteen bytes in SSE2's registers ([`escape_mask`]): a clean run of whole steps
/// is copied in one piece; a step that holds an escape, and the last fewer than sixteen bytes
/// (read into a block padded with zeros by overlapping loads, [`short_block`]), are copied as
/// a whole block of sixteen, a move of known length, and cut back to the bytes before the
/// escape or the end. So a short string (most of the contract's: ids, kinds, names, a
/// mention's text) costs no call to `memcpy` and no loop: 78,867 strings on 2 MB of news took
/// `escape_into` from 12.57 M to 5.28 M instructions (it found the escape with the clean run
/// before it copied by `memcpy`, and read a short tail through a padded copy of its own).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn escape_into(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut at = 0; // the bytes before `at` are written
    loop {
        let run = at;
        let mut escape_in_step = None;
        while let Some(step) = bytes.get(at..).and_then(|rest| rest.first_chunk::<16>()) {
            let found = escape_mask(step);
            if found != 0 {
                escape_in_step = Some((*step, found.trailing_zeros() as usize));
                break;
            }
            at += 16;
        }
        if at > run {
            // OK because `run < at <= bytes.len()`: `at` moved by whole steps within `bytes`.
            out.extend_from_slice(&bytes[run..at]);
        }
        // The block to copy, where its first escape (or its end) is, and how many of its bytes
        // are the text's.
        let (block, cut, len) = match escape_in_step {
            Some((step, first)) => (step, first, 16),
            None => {
                // OK because `at <= bytes.len()` (the steps stay within it).
                let rest = &bytes[at..];
                if rest.is_empty() {
                    return;
                }
                let block = short_block(rest);
                // The padding's zeros are flagged as control characters; the bit at `len`
                // stops the search at the text's end when none of its bytes needs an escape.
                let len = rest.len();
                (block, (escape_mask(&block) | 1 << len).trailing_zeros() as usize, len)
            }
        };
        let kept = out.len() + cut;
        out.extend_from_slice(&block);
        out.truncate(kept);
        if cut == len {
            return; // the last bytes, none of them an escape
        }
        // OK because `cut < len <= 16`.
        escape_byte(out, block[cut]);
        at += cut + 1;
    }
}

/// The bits of the bytes of `block` that need an escape (a control character below 0x20, `"`
/// or `\`): bit k for byte k. SSE2 is part of x86-64 itself: every x86_64 target has it. A
/// control character is a byte that saturating subtraction of 0x1F takes to zero, so that
/// bytes past ASCII (negative as signed bytes) are not taken for one.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn escape_mask(block: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128,
        _mm_subs_epu8,
    };
    // SAFETY: SSE2 is enabled on every x86_64 target, and the one load reads the sixteen bytes
    // of `block` (unaligned loads are allowed).
    unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast());
        let control = _mm_cmpeq_epi8(_mm_subs_epu8(v, _mm_set1_epi8(0x1f)), _mm_setzero_si128());
        let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
        _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) as u32
    }
}

/// `bytes` in quotes, at the start of a block of eighteen (what follows the closing quote is
/// padding), when it is shorter than sixteen bytes and none of them needs an escape; `None`
/// otherwise ([`escape_into`] writes it).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn quoted_short(bytes: &[u8]) -> Option<[u8; 18]> {
    let len = bytes.len();
    if len >= 16 {
        return None;
    }
    let block = short_block(bytes);
    // The padding's zeros are flagged as control characters: only the string's own bits count.
    if escape_mask(&block) & ((1 << len) - 1) != 0 {
        return None;
    }
    let mut quoted = [b'"'; 18];
    // OK because `len < 16`: the block fits at 1..17 and the closing quote at `len + 1 <= 16`.
    quoted[1..17].copy_from_slice(&block);
    quoted[len + 1] = b'"';
    Some(quoted)
}

/// The bytes of `bytes` (fewer than sixteen) in a block of sixteen padded with zeros, read by
/// at most four overlapping loads ([`crate::bytes::word_le`]), not copied byte by byte or by a
/// call.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn short_block(bytes: &[u8]) -> [u8; 16] {
    use crate::bytes::word_le;
    let (low, high) = bytes.split_at(bytes.len().min(8));
    (u128::from(word_le(low)) | u128::from(word_le(high)) << 64).to_le_bytes()
}

/// Appends `bytes` to `out` with JSON's escapes (see [`Writer::string`]) where SSE2 is not
/// there (the wasm): the clean runs between the bytes that need an escape are copied whole,
/// each found by [`next_escape`].
#[cfg(not(target_arch = "x86_64"))]
fn escape_into(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut run = 0; // start of the bytes not yet copied
    loop {
        let at = next_escape(bytes, run);
        // OK because `run <= at <= bytes.len()` (see `next_escape`).
        out.extend_from_slice(&bytes[run..at]);
        let Some(&b) = bytes.get(at) else {
            break;
        };
        escape_byte(out, b);
        run = at + 1;
    }
}

/// Where the first byte at or after `at` that needs an escape is (a control character below
/// 0x20, `"` or `\\`), or `bytes.len()` when none does; `at` is at most `bytes.len()`. Words of
/// eight, then the last bytes one by one.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn next_escape(bytes: &[u8], mut at: usize) -> usize {
    while let Some(word) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let flags = escape_flags(u64::from_le_bytes(*word));
        if flags != 0 {
            // The lowest flag is in the high bit of the byte that needs the escape.
            return at + flags.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    // OK because `at <= bytes.len()`: the words stopped fewer than eight bytes before the end.
    at + bytes[at..].iter().position(|&b| ESCAPE[usize::from(b)] != 0).unwrap_or(bytes.len() - at)
}

/// [`escape_into`] that also escapes every character past ASCII, as `\uXXXX` (a pair of
/// escapes past U+FFFF), the way the wasm's results went through serde_json's formatter.
fn escape_ascii_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut run = 0; // start of the bytes not yet copied
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes at a time while there are eight: none needs an escape, or the first that
        // does is found.
        if let Some(word) = bytes.get(at..at + 8) {
            // OK because the slice is eight bytes long.
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            let flags = escape_flags(word) | word & crate::bytes::HIGH_BITS;
            if flags == 0 {
                at += 8;
                continue;
            }
            // The lowest flag is in the high bit of the first byte that needs an escape.
            at += flags.trailing_zeros() as usize / 8;
        }
        // OK because `at < bytes.len()`.
        let b = bytes[at];
        if b < 0x80 && ESCAPE[usize::from(b)] == 0 {
            at += 1;
            continue;
        }
        // OK because `run <= at`, and both are char boundaries: every byte before `at` since
        // `run` is ASCII.
        out.extend_from_slice(&bytes[run..at]);
        if b < 0x80 {
            escape_byte(out, b);
            at += 1;
        } else {
            // OK because `at` is a char boundary of `s` (see above), below its length.
            let c = s[at..].chars().next().unwrap_or_default();
            let mut units = [0u16; 2];
            for &unit in c.encode_utf16(&mut units).iter() {
                // OK because each index is a nibble, below 16.
                let hex = |shift: u16| HEX[usize::from(unit >> shift & 15)];
                out.extend_from_slice(&[b'\\', b'u', hex(12), hex(8), hex(4), hex(0)]);
            }
            at += c.len_utf8();
        }
        run = at;
    }
    // OK because `run` is a char boundary, at most the length.
    out.extend_from_slice(&bytes[run..]);
}

/// Lower-case hexadecimal digits, as serde_json writes `\u` escapes.
const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends the escape of `b`, a byte that needs one.
fn escape_byte(out: &mut Vec<u8>, b: u8) {
    match ESCAPE[usize::from(b)] {
        b'u' => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]),
        letter => out.extend_from_slice(&[b'\\', letter]),
    }
}

fn published_source(s: PublishedSource) -> &'static str {
    match s {
        PublishedSource::FrontMatter => "front-matter",
        PublishedSource::Manifest => "manifest",
        PublishedSource::Dateline => "dateline",
        PublishedSource::Meta => "meta",
        PublishedSource::Flag => "flag",
        PublishedSource::Inferred => "inferred",
        PublishedSource::None => "none",
    }
}

fn inferred_from(i: InferredFrom) -> &'static str {
    match i {
        InferredFrom::Comments => "comments",
        InferredFrom::Text => "text",
        InferredFrom::Corpus => "corpus",
    }
}

fn comment_kind(k: CommentKind) -> &'static str {
    match k {
        CommentKind::Comment => "comment",
        CommentKind::Pingback => "pingback",
    }
}

fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Dialogue => "dialogue",
        QuoteKind::Scare => "scare",
    }
}

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organization => "organization",
    }
}

fn timex_type(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn drop_reason(r: DropReason) -> &'static str {
    match r {
        DropReason::UnknownArticle => "unknown-article",
        DropReason::UnknownEntity => "unknown-entity",
        DropReason::UnknownSpeaker => "unknown-speaker",
        DropReason::UnknownKind => "unknown-kind",
        DropReason::UnknownSources => "unknown-sources",
        DropReason::NotADay => "not-a-day",
        DropReason::OutsideYears => "outside-years",
    }
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Weekend => "weekend",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Season => "season",
        Precision::Quarter => "quarter",
        Precision::Half => "half",
        Precision::Year => "year",
        Precision::Decade => "decade",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, TimeRange};
    use std::sync::Arc;

    fn written(extraction: &Extraction, layout: Layout) -> String {
        let mut out = Vec::new();
        write_extraction(&mut out, extraction, layout).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// serde_json's bytes for `extraction`, the reference this writer must equal.
    fn serde_jsons(extraction: &Extraction, layout: Layout) -> String {
        match layout {
            Layout::Compact => serde_json::to_string(extraction).unwrap(),
            Layout::Pretty => serde_json::to_string_pretty(extraction).unwrap(),
        }
    }

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        escape_into(&mut out, s.as_bytes());
        String::from_utf8(out).unwrap()
    }

    /// Strings that exercise every escape, next to and across the eight-byte words the fast
    /// path skips.
    fn tricky_strings() -> Vec<String> {
        let mut strings: Vec<String> = [
            "",
            "plain",
            "\"",
            "\\",
            "a\"b\\c/d",
            "line\nbreak\r\n\ttab\u{8}\u{c}",
            "\u{0}\u{1}\u{1f}\u{7f}",
            "\u{2028}\u{2029} separators",
            "naïve café — «quoted» “curly” ’s 日本語 🦀",
            "ends with a backslash \\",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        // Every ASCII character alone and at each position of a 43-byte string (before,
        // inside and after the first two blocks of sixteen and the word of eight after them).
        for c in (0u8..0x80).map(char::from) {
            strings.push(c.to_string());
            for at in 0..43 {
                let mut s: String = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ".into();
                s.replace_range(at..=at, &c.to_string());
                strings.push(s);
            }
        }
        // Non-ASCII bytes (0x80 and above) in every lane of a word and of a block of sixteen,
        // beside an escape.
        for at in 0..16 {
            let mut s = "x".repeat(at);
            s.push('é');
            s.push('"');
            s.push_str("yyyyyyyy\u{ff}\n");
            strings.push(s);
        }
        strings
    }

    /// Escaping equals serde_json's on each tricky string.
    #[test]
    fn escapes_as_serde_json_does() {
        for s in tricky_strings() {
            let expected = serde_json::to_string(&s).unwrap();
            assert_eq!(format!("\"{}\"", escaped(&s)), expected, "escaping {s:?}");
        }
    }

    /// The word test of the fast path flags the first byte that needs an escape, exactly: on
    /// every byte in every lane, behind bytes just above the escapes, non-ASCII bytes, and
    /// other escapes.
    #[test]
    fn escape_flags_find_the_first_escape() {
        let first_escape = |word: &[u8; 8]| word.iter().position(|&x| ESCAPE[usize::from(x)] != 0);
        for lane in 0..8 {
            for b in 0..=255u8 {
                for fill in [b'a', b' ', b'!', b'#', b'[', b']', 0x80, 0xff, b'"', 0x1f] {
                    let mut word = [fill; 8];
                    word[lane] = b;
                    // And the same word with every byte after `lane` an escape.
                    let mut tail = word;
                    tail[lane + 1..].fill(b'\\');
                    for word in [word, tail] {
                        let flags = escape_flags(u64::from_le_bytes(word));
                        let found = (flags != 0).then(|| flags.trailing_zeros() as usize / 8);
                        assert_eq!(found, first_escape(&word), "{word:?}");
                    }
                }
            }
        }
    }

    /// Escaping equals a naive escape of one byte at a time in strings of every length around
    /// the steps of sixteen and eight (the copied blocks, the padded last bytes, the words of
    /// the wasm's scan), with an escape in every place or none, among several kinds of bytes,
    /// after text already written.
    #[test]
    fn escapes_every_place_as_a_byte_at_a_time_does() {
        let naive = |bytes: &[u8]| {
            let mut out = b"head".to_vec();
            for &b in bytes {
                if ESCAPE[usize::from(b)] == 0 {
                    out.push(b);
                } else {
                    escape_byte(&mut out, b);
                }
            }
            out
        };
        for len in 0..=48usize {
            for fill in [b'a', b' ', 0x80, 0xff, b'~', 0x20] {
                for escape in [None, Some(b'"'), Some(b'\\'), Some(0u8), Some(0x1f), Some(b'\n')] {
                    for place in 0..len.max(1) {
                        for second in [None, Some(len.saturating_sub(1)), Some(place + 1), Some(place + 16)] {
                            let mut bytes = vec![fill; len];
                            for at in [Some(place), second].into_iter().flatten() {
                                if let (Some(e), Some(slot)) = (escape, bytes.get_mut(at)) {
                                    *slot = e;
                                }
                            }
                            let mut out = b"head".to_vec();
                            escape_into(&mut out, &bytes);
                            assert_eq!(out, naive(&bytes), "{bytes:?}");
                        }
                    }
                }
            }
        }
    }

    /// Strings are written as serde_json writes them, short ones (the native writer's block
    /// of its own) and longer: a byte that needs an escape, one that does not and characters
    /// past ASCII at every position of strings of every length up to 40, one after another in
    /// one buffer (each cut where its closing quote is).
    #[test]
    fn strings_as_serde_json_does() {
        let marks = ["\"", "\\", "\n", "\u{1}", "\u{1f}", "\0", " ", "\u{7f}", "é", "\u{2028}", "😀"];
        let mut strings = Vec::new();
        for len in 0..40 {
            let plain: String = "abcdefghijklmnopqrstuvwxyz0123456789ABCD".chars().take(len).collect();
            strings.push(plain.clone());
            for at in 0..len {
                for mark in marks {
                    strings.push(format!("{}{mark}{}", &plain[..at], &plain[at + 1..]));
                }
            }
        }
        let mut w = Writer::<io::Sink, false>::new(io::sink(), Vec::new(), usize::MAX, Layout::Compact);
        for s in &strings {
            w.string(s);
            w.buffer.push(b',');
        }
        let expected: String = strings.iter().map(|s| serde_json::to_string(s).unwrap() + ",").collect();
        assert_eq!(String::from_utf8(w.buffer).unwrap(), expected);
    }

    /// Numbers are written as serde_json writes them, at every count of digits.
    #[test]
    fn numbers_as_serde_json_does() {
        let mut n = 1usize;
        let mut numbers = vec![0, usize::MAX];
        while let Some(next) = n.checked_mul(10) {
            numbers.extend([n - 1, n, n + 1, 2 * n + 7]);
            n = next;
        }
        for n in numbers {
            let mut out = Vec::new();
            write_ascii(&mut out, |w| w.number(n));
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&n).unwrap());
        }
    }

    /// A long text is escaped a block at a time, across the blocks' seams.
    #[test]
    fn long_strings_cross_blocks() {
        let mut s = "ab\"c\nd\\é\u{1}".repeat(BLOCK / 5);
        s.push('\u{2028}');
        let extraction =
            Extraction { documents: vec![Document { text: s, ..Default::default() }], ..Default::default() };
        for layout in [Layout::Compact, Layout::Pretty] {
            assert_eq!(written(&extraction, layout), serde_jsons(&extraction, layout));
        }
    }

    /// An extraction with every optional field both ways, every variant of every enum and
    /// the tricky strings in its texts.
    fn every_shape() -> Extraction {
        let sources = [
            PublishedSource::FrontMatter,
            PublishedSource::Manifest,
            PublishedSource::Dateline,
            PublishedSource::Meta,
            PublishedSource::Flag,
            PublishedSource::Inferred,
            PublishedSource::None,
        ];
        let inferred = [None, Some(InferredFrom::Comments), Some(InferredFrom::Text), Some(InferredFrom::Corpus)];
        let precisions = [
            Precision::Day,
            Precision::Weekend,
            Precision::Week,
            Precision::Month,
            Precision::Season,
            Precision::Quarter,
            Precision::Half,
            Precision::Year,
            Precision::Decade,
        ];
        let strings = tricky_strings();
        let text = |i: usize| strings[i % strings.len()].clone();
        let some_text = |i: usize| (i % 3 != 0).then(|| text(i));
        // Stamps of every width of year, with and without a time, and none.
        let stamp = |i: usize| {
            let at = |year: i16, time: Option<(i8, i8)>| Stamp {
                date: jiff::civil::date(year, 1 + (i % 12) as i8, 1 + (i % 28) as i8),
                time: time.map(|(h, m)| jiff::civil::time(h, m, 0, 0)),
            };
            match i % 7 {
                0 => None,
                1 => Some(at(2015, None)),
                2 => Some(at(1999, Some((9, 5)))),
                3 => Some(at(7, Some((23, 59)))),
                4 => Some(at(987, None)),
                5 => Some(at(9999, Some((0, 0)))),
                _ => Some(at(-45, Some((12, 30)))),
            }
        };
        let mention = |i: usize| Mention { doc: text(i).into(), start: i, end: i * 1000 + 7, text: text(i + 1) };
        let documents = (0..sources.len())
            .map(|i| Document {
                id: text(i),
                title: text(i + 3),
                published: stamp(i),
                published_source: sources[i],
                published_inferred_from: inferred[i % inferred.len()],
                author: some_text(i),
                outlet: some_text(i + 1),
                url: some_text(i + 2),
                text: strings.concat(),
                paragraphs: (0..i).map(|p| Paragraph { start: p, end: p + 10, item: some_text(p) }).collect(),
                comments: (0..i + 7)
                    .map(|c| Comment {
                        kind: if c % 2 == 0 { CommentKind::Comment } else { CommentKind::Pingback },
                        posted: stamp(c),
                        author: some_text(c + 1),
                        text: text(c),
                        title: some_text(c + 2),
                    })
                    .collect(),
            })
            .collect();
        let quotes = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Dialogue, QuoteKind::Scare]
            .into_iter()
            .enumerate()
            .map(|(i, kind)| Quote {
                id: format!("q{i}"),
                doc: text(i),
                start: i,
                end: usize::MAX - i,
                text: text(i + 5),
                kind,
                speaker: some_text(i),
                speaker_span: (i % 2 == 0).then_some(Span::new(i, i + 4)),
                speaker_id: some_text(i + 1),
                cue: some_text(i + 2),
            })
            .collect();
        let entities = [EntityKind::Person, EntityKind::Place, EntityKind::Organization]
            .into_iter()
            .enumerate()
            .map(|(i, kind)| Entity {
                id: format!("e{i}"),
                name: text(i + 7),
                kind,
                aliases: (0..i).map(text).collect(),
                roles: (0..i * 2).map(text).collect(),
                mentions: (0..i).map(mention).collect(),
            })
            .collect();
        let times = [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set]
            .into_iter()
            .enumerate()
            .map(|(i, kind)| TimeExpression {
                doc: Arc::from(text(i)),
                start: i,
                end: i + 1,
                text: text(i + 2),
                kind,
                value: text(i + 3),
                anchor: some_text(i),
                range: (i % 2 == 1).then(|| Box::new(TimeRange { start: text(i), end: text(i + 1) })),
            })
            .collect();
        let events = precisions
            .into_iter()
            .enumerate()
            .map(|(i, precision)| Event {
                id: format!("v{i}"),
                date: text(i),
                start: text(i + 1),
                end: text(i + 2),
                summary: text(i + 3),
                docs: (0..i % 3).map(text).collect(),
                entities: (0..i % 4).map(text).collect(),
                entity_names: (0..i % 2).map(text).collect(),
                mentions: (0..i % 3).map(mention).collect(),
                quotes: (0..i % 5).map(text).collect(),
                dates: (0..i % 3).map(text).collect(),
                precision,
                ranges: (0..i % 3)
                    .map(|r| DateRange { date: text(r), start: text(r + 1), end: text(r + 2), precision })
                    .collect(),
                conflict: i % 2 == 0,
                inferred: i % 3 == 0,
            })
            .collect();
        Extraction { documents, quotes, entities, times, events }
    }

    /// The writer's bytes are serde_json's, in both layouts: on every shape the contract
    /// takes, on an empty extraction, and on the seeds' extraction.
    #[test]
    fn writes_serde_jsons_bytes() {
        let seeds = crate::extract_timed_owned(crate::seeds::inputs()).0.extraction;
        assert!(!seeds.events.is_empty() && !seeds.quotes.is_empty(), "the seeds extract something");
        for extraction in [every_shape(), Extraction::default(), seeds] {
            for layout in [Layout::Compact, Layout::Pretty] {
                assert_eq!(written(&extraction, layout), serde_jsons(&extraction, layout), "{layout:?}");
            }
        }
    }

    /// A record's document id is written anew when it changes: mentions and expressions of
    /// two documents in runs and alternating, sharing their ids in memory or holding equal
    /// ones of their own, as serde_json writes them (the ASCII writer too).
    #[test]
    fn document_ids_follow_their_records() {
        let ids: [Arc<str>; 2] = [Arc::from("a/“one” \"doc\".txt"), Arc::from("b/two.txt")];
        let mut docs: Vec<Arc<str>> = [0, 0, 1, 1, 0, 1, 0].iter().map(|&d| Arc::clone(&ids[d])).collect();
        docs.push(Arc::from("a/“one” \"doc\".txt"));
        docs.push(Arc::clone(&ids[1]));
        let mentions = docs.iter().map(|doc| Mention { doc: Arc::clone(doc), start: 1, end: 2, text: "x".into() });
        let entity = Entity {
            id: "e1".into(),
            name: "x".into(),
            kind: EntityKind::Place,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: mentions.collect(),
        };
        let times = docs
            .iter()
            .rev()
            .map(|doc| TimeExpression { doc: Arc::clone(doc), ..every_shape().times[0].clone() })
            .collect();
        let extraction = Extraction { entities: vec![entity], times, ..Default::default() };
        for layout in [Layout::Compact, Layout::Pretty] {
            assert_eq!(written(&extraction, layout), serde_jsons(&extraction, layout));
        }
        let ascii_written = ascii(|w| {
            w.open(b'{');
            w.extraction_members(&extraction);
            w.close(b'}');
        });
        assert_eq!(ascii_written, serde_ascii(&extraction));
    }

    /// The output reaches the sink in blocks, a long text included: never held whole.
    #[test]
    fn output_goes_out_in_blocks() {
        struct Largest(usize, usize);
        impl Write for Largest {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0 = self.0.max(buf.len());
                self.1 += buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let extraction = Extraction {
            documents: vec![Document { text: "plain words ".repeat(BLOCK), ..Default::default() }; 3],
            ..Default::default()
        };
        let mut sink = Largest(0, 0);
        write_extraction(&mut sink, &extraction, Layout::Pretty).unwrap();
        assert!(sink.1 > 36 * BLOCK, "the whole output was written");
        assert!(sink.0 < 2 * BLOCK + 1024, "a write of {} bytes", sink.0);
    }

    /// The sink's first error is the writer's; nothing is written after it.
    #[test]
    fn returns_the_sinks_error() {
        struct Failing(usize);
        impl Write for Failing {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                self.0 += 1;
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let extraction = Extraction {
            documents: vec![Document { text: "x".repeat(3 * BLOCK), ..Default::default() }],
            ..Default::default()
        };
        let mut sink = Failing(0);
        let error = write_extraction(&mut sink, &extraction, Layout::Compact).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(sink.0, 1, "one write tried");
    }

    /// serde_json's compact formatter with every character past ASCII escaped: how the wasm
    /// API wrote its results before [`write_ascii`], the reference it must equal.
    struct AsciiFormatter;

    impl serde_json::ser::Formatter for AsciiFormatter {
        fn write_string_fragment<W: ?Sized + Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
            for c in fragment.chars() {
                if c.is_ascii() {
                    out.write_all(&[c as u8])?;
                } else {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        write!(out, "\\u{unit:04x}")?;
                    }
                }
            }
            Ok(())
        }
    }

    /// serde_json's bytes for `value` through [`AsciiFormatter`].
    fn serde_ascii<T: serde::Serialize + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, AsciiFormatter)).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn ascii(write: impl FnOnce(&mut AsciiWriter)) -> String {
        let mut out = b"kept ".to_vec();
        write_ascii(&mut out, write);
        let text = String::from_utf8(out).unwrap();
        assert!(text.is_ascii(), "{text}");
        // What was in the buffer before stays.
        text.strip_prefix("kept ").unwrap().to_string()
    }

    /// The ASCII writer escapes as serde_json with [`AsciiFormatter`] does, tricky strings and
    /// every character past ASCII (one and two UTF-16 units) in every lane of a word.
    #[test]
    fn ascii_escapes_as_the_wasm_did() {
        let mut strings = tricky_strings();
        for c in ['é', '\u{80}', '\u{7ff}', '\u{800}', '\u{2019}', '\u{ffff}', '\u{10000}', '🦀', '\u{10ffff}'] {
            for at in 0..17 {
                let mut s = "abcdefghijklmnopq".to_string();
                s.replace_range(at..=at, &c.to_string());
                strings.push(s.clone());
                s.push('"');
                strings.push(s);
            }
        }
        for s in strings {
            assert_eq!(ascii(|w| w.string(&s)), serde_ascii(&s), "escaping {s:?}");
        }
    }

    /// Each result of the wasm API written by hand equals serde_json's bytes of the types'
    /// `Serialize` (the wasm's output before), on every shape and on the seeds' extraction.
    #[test]
    fn ascii_results_are_the_wasm_api_s_bytes() {
        use crate::index::{CheckedFilter, Dropped, Filter, Hit, Index, KeptFilter, RawFilter, Snippet};
        let seeds = crate::extract_timed_owned(crate::seeds::inputs()).0.extraction;
        let failures = vec![
            Failure { name: "a.txt".into(), reason: "not UTF-8 — «x»".into() },
            Failure { name: "b\"\n".into(), reason: String::new() },
        ];
        for extraction in [every_shape(), Extraction::default(), seeds.clone()] {
            #[derive(serde::Serialize)]
            struct Outcome<'a> {
                #[serde(flatten)]
                extraction: &'a Extraction,
                failures: &'a [Failure],
            }
            let outcome = ascii(|w| {
                w.open(b'{');
                w.extraction_members(&extraction);
                w.key(br#""failures":"#);
                w.array(&failures, AsciiWriter::failure);
                w.close(b'}');
            });
            assert_eq!(outcome, serde_ascii(&Outcome { extraction: &extraction, failures: &failures }));
            for d in &extraction.documents {
                let head = DocumentHead::of(d);
                assert_eq!(ascii(|w| w.document_head(&head)), serde_ascii(&head));
                assert_eq!(ascii(|w| w.array(&d.paragraphs, AsciiWriter::paragraph)), serde_ascii(&d.paragraphs));
            }
            for q in &extraction.quotes {
                assert_eq!(ascii(|w| w.quote(q)), serde_ascii(q));
            }
            for e in &extraction.entities {
                assert_eq!(ascii(|w| w.entity(e)), serde_ascii(e));
            }
            for t in &extraction.times {
                assert_eq!(ascii(|w| w.time(t)), serde_ascii(t));
            }
            for e in &extraction.events {
                assert_eq!(ascii(|w| w.event(e)), serde_ascii(e));
            }
        }
        // The index's answers: a query and search with matches and facets on the seeds, a
        // checked filter with values kept and every reason to drop one.
        let index = Index::from_extraction(seeds);
        let word = index.extraction().quotes[0].text.split_whitespace().next().unwrap().to_string();
        for filter in [Filter::default(), Filter { q: word.clone(), ..Filter::default() }] {
            let selection = index.query(&filter);
            assert_eq!(ascii(|w| w.selection(&selection)), serde_ascii(&selection));
        }
        let docs: Vec<String> = index.extraction().documents.iter().map(|d| d.id.clone()).collect();
        let matches = index.matches(&word, &docs);
        assert!(!matches.hits.is_empty() && !matches.snippets.is_empty(), "the search finds {word}");
        assert_eq!(ascii(|w| w.matches(&matches)), serde_ascii(&matches));
        for e in &index.extraction().entities {
            let profile = index.entity_profile(&e.id);
            assert!(profile.is_some(), "{} has a profile", e.id);
            assert_eq!(ascii(|w| w.entity_profile(profile.as_ref())), serde_ascii(&profile));
        }
        assert_eq!(ascii(|w| w.entity_profile(None)), "null");
        let made = Matches {
            hits: vec![Hit { doc: "d\u{e9}".into(), start: 1, end: 2 }],
            snippets: vec![Snippet { doc: "d".into(), start: 0, end: 9, text: "«é»\n".into(), hits: vec![] }],
        };
        assert_eq!(ascii(|w| w.matches(&made)), serde_ascii(&made));
        let raw = RawFilter {
            docs: Some(vec![docs[0].clone(), "nope".into()]),
            entities: Some(vec!["e?".into()]),
            speakers: Some(vec!["Nobody Ever".into()]),
            kinds: Some(vec!["quote".into(), "tweet".into()]),
            sources: Some("some".into()),
            from: Some("2009-02-30".into()),
            to: Some("2009-01-01".into()),
            q: Some("missile “defense”".into()),
        };
        for raw in [
            raw,
            RawFilter::default(),
            RawFilter { from: Some("2010-01-01".into()), to: Some("2009-01-01".into()), ..RawFilter::default() },
        ] {
            let checked = index.check(&raw);
            assert_eq!(ascii(|w| w.checked_filter(&checked)), serde_ascii(&checked));
        }
        let every_reason = CheckedFilter {
            filter: KeptFilter {
                sources: Some("named".into()),
                from: Some("2009-01-01".into()),
                ..KeptFilter::default()
            },
            dropped: [
                DropReason::UnknownArticle,
                DropReason::UnknownEntity,
                DropReason::UnknownSpeaker,
                DropReason::UnknownKind,
                DropReason::UnknownSources,
                DropReason::NotADay,
                DropReason::OutsideYears,
            ]
            .into_iter()
            .map(|reason| Dropped { field: "docs", value: "v\u{2028}".into(), reason, message: reason.message() })
            .collect(),
        };
        assert_eq!(ascii(|w| w.checked_filter(&every_reason)), serde_ascii(&every_reason));
    }
}
