//! Article structure: raw file content → title, dateline and publication date, author, body
//! paragraphs (list items kept as items), and reader comments and pingbacks apart from the body.
//!
//! Three input formats share one block-level parser (`blocks`): plain text as exported from
//! blogs, wires and e-mail (`lines` splits it into paragraphs), Markdown with YAML front matter
//! (`markdown`), and HTML (`html`, which finds the main content and reads the page's metadata).
//! The block parser takes the comment sections apart (`comments`) and the title, dateline and
//! byline off the text (`header`).
//!
//! What is known about an article besides its body is one [`Metadata`] record, whatever says
//! it: the caller (it wins), front matter or HTML metadata, then the text's own header.
//! Publication dates stay [`Stamp`]s; they are written as text only in the contract.
//!
//! This module does no language analysis: names, quotes and dates in the body are found later.
//! Every step is linear in the input, and no string is sliced at an offset that is not proven
//! to be a character boundary.

mod blocks;
mod comments;
mod encoding;
mod header;
mod html;
mod lines;
mod markdown;

pub use encoding::decode;

use crate::calendar::Stamp;
use crate::model::{Comment, Document, Paragraph, PublishedSource};
use std::borrow::Cow;
use std::fmt;

/// The input formats understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// Guesses the format from a file name's extension, then from the content.
    pub fn guess(name: &str, content: &str) -> Format {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" | "mdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "txt" | "text" => Format::Plain,
            _ => {
                let head = head(content.trim_start(), 200).to_ascii_lowercase();
                if head.starts_with("<!doctype html")
                    || head.starts_with("<html")
                    || head.contains("<body")
                    || head.starts_with("<article")
                {
                    Format::Html
                } else if content.starts_with("---\n") || content.starts_with("---\r\n") {
                    Format::Markdown
                } else {
                    Format::Plain
                }
            }
        }
    }
}

/// Why an input could not be turned into an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleError {
    Empty,
    Binary,
    /// A charset the file declares that is not read (see [`decode`]).
    Encoding {
        declared: String,
    },
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NoText,
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleError::Empty => write!(f, "the file is empty"),
            ArticleError::Binary => write!(f, "the file is binary, not text"),
            ArticleError::Encoding { declared } => {
                write!(f, "the file is in the {declared} encoding, which cannot be read; save it as UTF-8")
            }
            // The message the file check gives (written once, there); `limit` is that one's.
            ArticleError::TooLarge { bytes, .. } => crate::files::FileError::TooLarge { bytes: *bytes as u64 }.fmt(f),
            ArticleError::NoText => write!(f, "no article text was found in it"),
        }
    }
}

impl std::error::Error for ArticleError {}

/// The largest article accepted (a long feature is ~100 KB; this leaves room for HTML markup).
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

/// What is known about an article besides its body: title, publication date, author, outlet
/// and URL. One record serves every source of such facts — the caller (a seed manifest, the
/// `--dct` flag, the page's form), front matter, HTML metadata, and the text's own header —
/// merged by precedence with [`Metadata::or`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub published: Option<Published>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// A publication date and where it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Published {
    pub stamp: Stamp,
    pub source: PublishedSource,
}

impl Metadata {
    /// The fields set in `self`, with the gaps filled from `other` (which has lower precedence).
    pub fn or(self, other: Metadata) -> Metadata {
        Metadata {
            title: self.title.or(other.title),
            published: self.published.or(other.published),
            author: self.author.or(other.author),
            outlet: self.outlet.or(other.outlet),
            url: self.url.or(other.url),
        }
    }
}

/// A structured article, before the body is joined into one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub meta: Metadata,
    pub paragraphs: Vec<Block>,
    pub comments: Vec<Comment>,
}

/// A body paragraph: its text, and its list marker when it is a list item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub item: Option<String>,
}

impl Article {
    /// Joins the paragraphs into the document body (blank-line separated) with their spans.
    pub fn into_document(self, id: String) -> Document {
        let mut text = String::new();
        let mut paragraphs = Vec::with_capacity(self.paragraphs.len());
        for block in self.paragraphs {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&block.text);
            paragraphs.push(Paragraph { start, end: text.len(), item: block.item });
        }
        let meta = self.meta;
        Document {
            id,
            title: meta.title.unwrap_or_default(),
            published: meta.published.map(|p| p.stamp),
            published_source: meta.published.map_or(PublishedSource::None, |p| p.source),
            published_inferred_from: None,
            author: meta.author,
            outlet: meta.outlet,
            url: meta.url,
            text,
            paragraphs,
            comments: self.comments,
        }
    }
}

/// Parses raw content into an article. `name` (a file name) helps guess the format; `known`
/// holds facts given from outside the text, which win over what the text says.
///
/// # Errors
/// An input that is empty, binary, too large, or holds no text.
pub fn parse(content: &str, format: Option<Format>, name: &str, known: &Metadata) -> Result<Article, ArticleError> {
    if content.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { bytes: content.len(), limit: MAX_ARTICLE_BYTES });
    }
    if content.trim().is_empty() {
        return Err(ArticleError::Empty);
    }
    if looks_binary(content) {
        return Err(ArticleError::Binary);
    }
    let content = normalize_whitespace(content);
    let mut article = match format.unwrap_or_else(|| Format::guess(name, &content)) {
        Format::Plain => blocks::parse_plain(&content),
        Format::Markdown => markdown::parse(&content),
        Format::Html => html::parse(&content),
    };
    if article.paragraphs.is_empty() && article.meta.title.as_deref().unwrap_or("").is_empty() {
        return Err(ArticleError::NoText);
    }
    article.meta = known.clone().or(article.meta);
    Ok(article)
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
/// `s` without `prefix`, which is compared in ASCII case (`Posted By ` is `posted by `): the
/// lowercase copy of a line that the comparison would otherwise take is never made.
pub(crate) fn strip_prefix_ascii_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.as_bytes().get(..prefix.len())?;
    // The bytes matched are the prefix's, so the cut is a boundary whenever the prefix is
    // whole characters; `get` checks it anyway.
    head.eq_ignore_ascii_case(prefix.as_bytes()).then(|| s.get(prefix.len()..)).flatten()
}

pub(crate) fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    // OK because the loop stopped on a boundary (0 always is one).
    &s[..end]
}

/// NUL bytes or a high share of control characters among the first 4,096 characters mean
/// this is not text.
///
/// Counted over bytes, sixteen at a step natively (SSE2) and eight where it cannot (decoding
/// each character cost several instructions a byte, and a byte at a time about six): a
/// character starts at every byte that is not a continuation byte; the controls are the ASCII
/// ones (but tab, line feed, form feed and carriage return) and DEL, one byte each, and the C1
/// controls U+0080–U+009F, `C2 80`–`C2 9F`, looked for at the `C2` bytes only. (Words of eight
/// and a walk of every byte pair where a `C2` was there cost 1.2% of the run on unseen news.)
fn looks_binary(content: &str) -> bool {
    const SAMPLE_CHARS: usize = 4096;
    /// 1 for the one-byte controls counted, 0 for every other byte.
    const CONTROL: [u8; 256] = {
        let mut table = [0u8; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = !matches!(b as u8, b'\n' | b'\r' | b'\t' | 0x0c) as u8;
            b += 1;
        }
        table[0x7f] = 1;
        table
    };
    use crate::bytes::{bytes_below, bytes_equal, word_le, HIGH_BITS};
    let bytes = content.as_bytes();
    // The sample's end (where its 4,097th character starts, or the end) and its characters,
    // sixteen bytes at a step (see `sixteen_at_a_step`), then eight: a continuation byte is
    // `10xxxxxx`, its high bit set and the next one (shifted into the high bit's place) clear;
    // every other byte starts a character.
    let steps = sixteen_at_a_step::sample_start(bytes, SAMPLE_CHARS);
    let (mut end, mut chars) = (steps.end, steps.chars);
    while let Some(word) = bytes.get(end..end + 8).map(word_le) {
        let starts = 8 - (word & !(word << 1) & HIGH_BITS).count_ones() as usize;
        if chars + starts > SAMPLE_CHARS {
            break;
        }
        (chars, end) = (chars + starts, end + 8);
    }
    while let Some(&b) = bytes.get(end) {
        if b & 0xC0 != 0x80 {
            if chars == SAMPLE_CHARS {
                break;
            }
            chars += 1;
        }
        end += 1;
    }
    // OK because `end` is the length or a character's offset, both within `bytes`.
    let sample = &bytes[..end];
    // The NULs and controls of the rest of the sample, past the steps: the controls read byte
    // by byte only in the words that hold a byte below 0x20 or DEL (line feeds, mostly):
    // `bytes_below` and `bytes_equal` are zero exactly when none does. OK because
    // `steps.end <= end`.
    let rest = &sample[steps.end..];
    if steps.nul || rest.contains(&0) {
        return true;
    }
    let mut ascii_control = steps.controls;
    let mut words = rest.chunks_exact(8);
    for chunk in &mut words {
        let word = word_le(chunk);
        if bytes_below(word, 0x20) | bytes_equal(word, 0x7f) != 0 {
            ascii_control += chunk.iter().map(|&b| usize::from(CONTROL[usize::from(b)])).sum::<usize>();
        }
    }
    ascii_control += words.remainder().iter().map(|&b| usize::from(CONTROL[usize::from(b)])).sum::<usize>();
    let (mut c1_control, mut from) = (0, 0);
    while let Some(c2) = crate::bytes::find_any(sample, from, &[0xC2]) {
        c1_control += usize::from(sample.get(c2 + 1).is_some_and(|b| (0x80..=0x9F).contains(b)));
        from = c2 + 1;
    }
    (ascii_control + c1_control) * 20 > chars
}

/// [`looks_binary`]'s counts over the first whole steps of sixteen bytes, in SSE2's registers
/// (part of x86-64 itself: every x86_64 target enables it); elsewhere (the wasm) none, and
/// the words of eight do all the work.
mod sixteen_at_a_step {
    #[cfg(target_arch = "x86_64")]
    use std::arch::x86_64::{
        __m128i, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_cvtsi128_si32, _mm_extract_epi16,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_sad_epu8, _mm_set1_epi8, _mm_setzero_si128, _mm_sub_epi8,
        _mm_subs_epu8,
    };

    /// What the steps over `bytes` read, while the characters that start in them are at most
    /// `limit` (a character starts at every byte but a continuation byte, 0x80–0xBF, below -64
    /// as a signed byte): where they stop (a multiple of sixteen), those characters, whether a
    /// NUL byte was among them, and the one-byte controls [`super::looks_binary`] counts (below
    /// 0x20 but tab, line feed, form feed and carriage return, and DEL). One pass: the sample's
    /// end, its NULs and its controls were three.
    ///
    /// The steps that end within the first `limit` bytes cannot pass `limit` characters (a
    /// character takes a byte at least), so they are read without that test: their counts are
    /// kept in the lanes of three registers (a lane's count is at most [`LANE_STEPS`]) and
    /// summed once per [`LANE_STEPS`] steps, where counting each step's three masks took some
    /// forty instructions (no `popcnt` in the baseline x86-64). The steps after them (a sample
    /// longer than `limit` bytes) are read one at a time, each tested against `limit`.
    #[cfg(target_arch = "x86_64")]
    pub(super) fn sample_start(bytes: &[u8], limit: usize) -> Steps {
        let mut steps = Steps::default();
        // OK because `sure <= bytes.len()`.
        let sure = bytes.len().min(limit) / 16 * 16;
        for run in bytes[..sure].chunks(16 * LANE_STEPS) {
            // SAFETY: SSE2 is there (see the module docs); each load reads the sixteen bytes of
            // a chunk of `chunks_exact(16)`.
            unsafe {
                let zero = _mm_setzero_si128();
                let (mut continuations, mut nul, mut counted) = (zero, zero, zero);
                for chunk in run.chunks_exact(16) {
                    let (c, z, k) = classes(_mm_loadu_si128(chunk.as_ptr().cast()));
                    // A class's lanes are -1 (all ones) where it holds: subtracting counts one.
                    continuations = _mm_sub_epi8(continuations, c);
                    nul = _mm_or_si128(nul, z);
                    counted = _mm_sub_epi8(counted, k);
                }
                steps.chars += run.len() - lane_sum(continuations);
                steps.nul |= _mm_movemask_epi8(nul) != 0;
                steps.controls += lane_sum(counted);
            }
            steps.end += run.len();
        }
        while let Some(chunk) = bytes.get(steps.end..).and_then(|rest| rest.first_chunk::<16>()) {
            // SAFETY: SSE2 is there (see the module docs).
            let (continuations, nul, counted) = unsafe {
                let (c, z, k) = classes(load(chunk));
                (_mm_movemask_epi8(c), _mm_movemask_epi8(z), _mm_movemask_epi8(k))
            };
            let starts = 16 - continuations.count_ones() as usize;
            if steps.chars + starts > limit {
                break;
            }
            steps.chars += starts;
            steps.end += 16;
            steps.nul |= nul != 0;
            steps.controls += counted.count_ones() as usize;
        }
        steps
    }

    /// How many steps' counts a lane of bytes holds before they are summed.
    #[cfg(target_arch = "x86_64")]
    const LANE_STEPS: usize = 255;

    /// The lanes of `v` that are continuation bytes, NUL bytes, and the one-byte controls
    /// [`super::looks_binary`] counts (below 0x20 but tab, line feed, form feed and carriage
    /// return, and DEL): each all ones where it holds, zero elsewhere.
    ///
    /// # Safety
    /// SSE2 must be there (it is on every x86_64 target).
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn classes(v: __m128i) -> (__m128i, __m128i, __m128i) {
        // SAFETY: SSE2 intrinsics on registers only. A byte below 0x20 is one that saturating
        // subtraction of 0x1F takes to zero; a continuation byte (0x80–0xBF) is below -64 as a
        // signed byte.
        unsafe {
            let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
            let below = _mm_cmpeq_epi8(_mm_subs_epu8(v, _mm_set1_epi8(0x1f)), _mm_setzero_si128());
            let space = _mm_or_si128(_mm_or_si128(eq(b'\t'), eq(b'\n')), _mm_or_si128(eq(0x0c), eq(b'\r')));
            (_mm_cmplt_epi8(v, _mm_set1_epi8(-64)), eq(0), _mm_or_si128(_mm_andnot_si128(space, below), eq(0x7f)))
        }
    }

    /// The sum of the sixteen unsigned byte lanes of `v`.
    ///
    /// # Safety
    /// SSE2 must be there (it is on every x86_64 target).
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn lane_sum(v: __m128i) -> usize {
        // SAFETY: SSE2 intrinsics on registers only: `sad` against zero sums each half's eight
        // lanes into the low 16 bits of that half's 64.
        unsafe {
            let sums = _mm_sad_epu8(v, _mm_setzero_si128());
            _mm_cvtsi128_si32(sums) as usize + _mm_extract_epi16::<4>(sums) as usize
        }
    }

    /// # Safety
    /// SSE2 must be there (it is on every x86_64 target).
    #[cfg(target_arch = "x86_64")]
    #[inline]
    unsafe fn load(chunk: &[u8; 16]) -> __m128i {
        // SAFETY: the load reads the sixteen bytes of `chunk`; unaligned loads are allowed.
        unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) }
    }

    #[cfg(not(target_arch = "x86_64"))]
    pub(super) fn sample_start(_bytes: &[u8], _limit: usize) -> Steps {
        Steps::default()
    }

    /// What [`sample_start`] read.
    #[derive(Default)]
    pub(super) struct Steps {
        pub end: usize,
        pub chars: usize,
        pub nul: bool,
        pub controls: usize,
    }
}

/// Unix newlines, no byte-order mark, and no-break spaces as plain spaces (exports scatter
/// them around separators, where they only get in the way of matching).
///
/// Most files have neither: one byte scan (for `\r` and for the last byte of the no-break
/// space, U+00A0 = C2 A0, which ends other characters too: `à` is C3 A0) finds none, and the
/// content is read where it is (it was copied whole, some 2 MB on 2 MB of news). A file that
/// has them is rewritten in one pass from the same scan: `\r\n` and a lone `\r` as `\n`, the
/// no-break space as a space (three `replace`s made three copies; a test compares the two).
fn normalize_whitespace(content: &str) -> Cow<'_, str> {
    let s = content.strip_prefix('\u{feff}').unwrap_or(content);
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    let (mut run, mut from) = (0, 0); // the text before `run` is written
    while let Some(at) = crate::bytes::find_any(bytes, from, &[b'\r', 0xA0]) {
        from = at + 1;
        // OK because `at - 1 < at < bytes.len()`. A C2 byte always leads a character, so
        // C2 A0 is U+00A0.
        let (cut, with) = match bytes[at] {
            b'\r' => (at, '\n'),
            _ if at > 0 && bytes[at - 1] == 0xC2 => (at - 1, ' '),
            _ => continue,
        };
        let out = out.get_or_insert_with(|| String::with_capacity(bytes.len()));
        // Whole characters: `run` is after an ASCII byte or a no-break space, `cut` before
        // `\r` or the C2 that leads one, and `run <= cut`. OK because `get` keeps a wrong
        // range from panicking.
        out.push_str(s.get(run..cut).unwrap_or_default());
        out.push(with);
        // `\r\n` is one line break.
        run = if with == '\n' && bytes.get(at + 1) == Some(&b'\n') { at + 2 } else { at + 1 };
        from = run;
    }
    match out {
        None => Cow::Borrowed(s),
        Some(mut out) => {
            out.push_str(s.get(run..).unwrap_or_default());
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_normalized_as_the_replacements_did() {
        // The plain definition: the byte-order mark dropped, then three replacements.
        let plain = |content: &str| {
            let s = content.strip_prefix('\u{feff}').unwrap_or(content);
            s.replace("\r\n", "\n").replace('\r', "\n").replace('\u{a0}', " ")
        };
        // Pieces that end, join or look like the ones replaced, next to one another in a
        // deterministic shuffle.
        let pieces =
            ["a", " ", "\r", "\n", "\r\n", "\u{a0}", "à", "Â", "\u{c2}", "\u{120}", "\u{feff}", "\u{2028}", "Łódź"];
        let mut shuffle = crate::shuffle::Shuffle::new();
        let mut next = |n: usize| shuffle.below(n);
        let mut texts: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        for _ in 0..20_000 {
            let n = next(10);
            texts.push((0..n).map(|_| pieces[next(pieces.len())]).collect());
        }
        let mut rewritten = 0;
        for text in &texts {
            let normalized = normalize_whitespace(text);
            assert_eq!(normalized, plain(text), "{text:?}");
            rewritten += usize::from(matches!(normalized, Cow::Owned(_)));
        }
        assert!(rewritten > 5_000, "{rewritten} texts rewritten");
    }

    /// The definition [`looks_binary`] counts by bytes: over the first 4,096 characters.
    fn by_chars(content: &str) -> bool {
        let sample: Vec<char> = content.chars().take(4096).collect();
        let control = sample.iter().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
        sample.contains(&'\0') || control * 20 > sample.len()
    }

    #[test]
    fn binary_by_bytes_is_binary_by_characters() {
        let c1 = "\u{85}\u{9f}\u{80}";
        let mut cases = vec![
            String::new(),
            "plain text\n\r\t\u{c}".to_string(),
            "a\0b".to_string(),
            format!("{}{}", "x".repeat(19), "\u{1}"),
            format!("{}{}", "x".repeat(20), "\u{1}"),
            format!("{}{}", "é".repeat(38), c1),
            format!("{}{}", "é".repeat(60), c1),
            "\u{7f}\u{7f}é".to_string(),
            "Łódź à l’été — “quoted” \u{a0}".repeat(300),
        ];
        // Past the sample: what follows the 4,096th character does not count.
        cases.push(format!("{}{}", "é".repeat(4096), "\0"));
        cases.push(format!("{}{}", "é".repeat(4095), "\0"));
        cases.push(format!("{}{}", "\u{1}".repeat(300), "x".repeat(5000)));
        cases.push(format!("{}{}", "x".repeat(4000), "\u{1}".repeat(300)));
        // The sample's end in the middle of a word of eight bytes, after characters of three.
        cases.push(format!("{}{}{}", "ab", "€".repeat(4094), "\0"));
        cases.push(format!("{}{}{}", "a", "€".repeat(4094), "\0"));
        // Controls in the words read byte by byte, about the share that makes binary.
        cases.push(format!("{}{}", "\u{1}\u{7f}".repeat(110), "€".repeat(4000)));
        cases.push(format!("{}{}", "\u{1}\u{7f}".repeat(100), "€".repeat(4000)));
        // White-space controls, which do not count, in the steps of sixteen and around them,
        // beside controls that do (about the share that makes binary, both sides).
        cases.push("\t\n\r\u{c}".repeat(2000));
        cases.push("ab\u{1}\tcd\u{7f}\n\u{c}\r é".repeat(100));
        cases.push(format!("{}{}", "ab\u{1}\tcd\u{7f}\n\u{c}\r é".repeat(100), "x".repeat(400)));
        cases.push(format!("{}{}", "\u{85}".repeat(210), "x".repeat(4000)));
        cases.push(format!("{}{}", "\u{85}".repeat(200), "x".repeat(4000)));
        for case in &cases {
            assert_eq!(looks_binary(case), by_chars(case), "{:?}", case.chars().take(40).collect::<String>());
        }
        assert!(cases.iter().any(|c| looks_binary(c)) && cases.iter().any(|c| !looks_binary(c)));
    }

    /// Random texts of characters of one to four bytes, with controls (counted or not) about
    /// the share that makes binary and a NUL now and then, of lengths about the sample's
    /// bytes and past it, and about the steps of sixteen the lanes count in a run.
    #[test]
    fn binary_by_bytes_is_binary_by_characters_on_random_texts() {
        let mut shuffle = crate::shuffle::Shuffle::from_seed(0x5851_f42d_4c95_7f2d);
        // The characters that are no counted control, then those that are.
        let alphabet = ['a', ' ', 'é', '€', '😀', '\n', '\t', '\u{a0}', '\u{1}', '\u{7f}', '\u{85}', '\u{9f}'];
        let (mut binary, mut text) = (0, 0);
        for round in 0..600 {
            let bytes = match round % 4 {
                0 => shuffle.below(200),
                1 => 4000 + shuffle.below(200),
                2 => 16 * 255 + shuffle.below(64),
                _ => shuffle.below(9000),
            };
            // Controls at about one character in twenty, the share that makes binary.
            let controls = 2 + shuffle.below(12);
            let mut case = String::new();
            while case.len() < bytes {
                let c = match shuffle.below(100) {
                    k if k < controls => alphabet[8 + shuffle.below(4)],
                    _ if shuffle.below(5000) == 0 => '\0',
                    _ => alphabet[shuffle.below(8)],
                };
                case.push(c);
            }
            assert_eq!(looks_binary(&case), by_chars(&case), "round {round}: {} bytes", case.len());
            if looks_binary(&case) {
                binary += 1;
            } else {
                text += 1;
            }
        }
        assert!(binary > 100 && text > 100, "{binary} binary, {text} text");
    }
}
