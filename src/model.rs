//! The extraction contract: the JSON that `storyscope extract` prints and the wasm API returns.
//!
//! These types are a public interface read by other tools. Fields may be added; none may be
//! renamed or dropped. Offsets in the serialized form are Unicode code-point offsets into the
//! document's `text`. Inside the pipeline every offset is a *byte* offset into that text (what
//! Rust string slicing wants); [`crate::offsets::to_code_points`] converts them all, once,
//! at the end. This module holds data only, no extraction logic, besides how a record's id is
//! spelled ([`numbered_id`]).

use crate::calendar::Stamp;
use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` into a document's `text`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Everything extracted from a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub documents: Vec<Document>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpression>,
    pub events: Vec<Event>,
}

/// Where a document's publication date (its document creation time) came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PublishedSource {
    FrontMatter,
    Manifest,
    Dateline,
    Meta,
    Flag,
    Inferred,
    #[default]
    None,
}

/// What an inferred publication date was worked out from (see `crate::times`): the earliest
/// reader comment, the latest past date the article's own text narrates, or, when the text
/// dates nothing, the other articles of the corpus (their median date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InferredFrom {
    Comments,
    Text,
    Corpus,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file stem (or the id the caller gave).
    pub id: String,
    pub title: String,
    /// Written `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or null when unknown.
    pub published: Option<Stamp>,
    pub published_source: PublishedSource,
    /// When `published_source` is `inferred`: what the date was worked out from; else null.
    #[serde(default)]
    pub published_inferred_from: Option<InferredFrom>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The body text: paragraphs joined by a blank line. Every offset refers to this.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub comments: Vec<Comment>,
}

/// A document without its body (`text` and `paragraphs`): what a list of documents needs.
/// Serializes as the document's other fields plus `length`, the body's length in code points.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentHead<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub published: Option<Stamp>,
    pub published_source: PublishedSource,
    pub published_inferred_from: Option<InferredFrom>,
    pub author: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub url: Option<&'a str>,
    pub comments: &'a [Comment],
    pub length: usize,
}

impl<'a> DocumentHead<'a> {
    pub fn of(d: &'a Document) -> Self {
        DocumentHead {
            id: &d.id,
            title: &d.title,
            published: d.published,
            published_source: d.published_source,
            published_inferred_from: d.published_inferred_from,
            author: d.author.as_deref(),
            outlet: d.outlet.as_deref(),
            url: d.url.as_deref(),
            comments: &d.comments,
            length: d.text.chars().count(),
        }
    }
}

/// A body paragraph. `item` is the list marker ("1", "a", "•") when the paragraph is a list item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentKind {
    Comment,
    Pingback,
}

/// A reader comment or pingback, kept apart from the body (its text has no offsets).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub kind: CommentKind,
    /// Written `YYYY-MM-DDTHH:MM` (or `YYYY-MM-DD`), null when the export gives none.
    pub posted: Option<Stamp>,
    pub author: Option<String>,
    pub text: String,
    /// A pingback's title line (the linking post); null for comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Dialogue,
    Scare,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable within one extraction: `q` + index. Events refer to quotes by it.
    pub id: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    /// The inner text, without the quote marks.
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub speaker_span: Option<Span>,
    pub speaker_id: Option<String>,
    /// The speech verb (or `:` for dialogue lines).
    pub cue: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The document's id, shared by the mentions of one extraction's document (an entity
    /// stage that copied it into each mention made one allocation per mention).
    pub doc: std::sync::Arc<str>,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimexType {
    #[serde(rename = "DATE")]
    Date,
    #[serde(rename = "TIME")]
    Time,
    #[serde(rename = "DURATION")]
    Duration,
    #[serde(rename = "SET")]
    Set,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// The document's id, shared by its expressions (a document of many dates would hold a
    /// copy of it for each).
    pub doc: std::sync::Arc<str>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2015-06-04`, `2015-W23`, `P3Y`, `PRESENT_REF`, `XXXX-WXX-1` …
    pub value: String,
    /// What a relative value was resolved against (a date value), null for absolute ones.
    pub anchor: Option<String>,
    /// When the expression is one end of a range ("10 - 22 August 2012", "from May to
    /// December"), the TIMEX3 values of both ends; each end is an expression of its own. Boxed:
    /// few expressions are ends of a range, and an expression is 40 bytes smaller for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<Box<TimeRange>>,
}

/// The two ends of a range of dates, as TIMEX3 values (`2012-08-10` and `2012-08-22`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRange {
    pub start: String,
    pub end: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    /// TIMEX3 value of the event's date, or for a range the ISO 8601 interval of its two
    /// ends' values (`2012-08-10/2012-08-22`).
    pub date: String,
    /// First and last day of the date's range, `YYYY-MM-DD`.
    pub start: String,
    pub end: String,
    pub summary: String,
    pub docs: Vec<String>,
    pub entities: Vec<String>,
    pub entity_names: Vec<String>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<String>,
    /// Every distinct date value the sources give this event, `date` first. More than one
    /// means the reports conflict (or differ in precision); they are shown, not hidden.
    #[serde(default)]
    pub dates: Vec<String>,
    /// How precise `date` is: a day, a week, a month … (its range is `start`..`end`).
    #[serde(default)]
    pub precision: Precision,
    /// The days each of `dates` covers, in the same order (`ranges[0]` is `date`'s).
    #[serde(default)]
    pub ranges: Vec<DateRange>,
    /// True when two of `dates` share no day: the sources disagree (rather than one being
    /// only less precise than another).
    #[serde(default)]
    pub conflict: bool,
    /// True when a relative date of a source ("on Monday") was resolved against a publication
    /// date that was itself inferred from the text, or is unknown: the day may be wrong.
    #[serde(default)]
    pub inferred: bool,
}

/// How precise a calendar date value is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A day (`2015-06-04`), also with a time of day (`2015-06-04T08:48`).
    #[default]
    Day,
    /// A weekend (`2015-W23-WE`).
    Weekend,
    /// An ISO week (`2015-W23`).
    Week,
    Month,
    /// A season (`2015-SP`).
    Season,
    Quarter,
    /// Half a year (`2015-H1`).
    Half,
    Year,
    /// A decade (`198`).
    Decade,
}

/// The first and last day (`YYYY-MM-DD`) a date value covers, and its precision.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// The TIMEX3 value, as in `Event::dates`.
    pub date: String,
    pub start: String,
    pub end: String,
    pub precision: Precision,
}

/// A record's id: `prefix` and `n` in decimal (`q12`, `ev3`), as `format!("{prefix}{n}")`
/// writes it, without the formatting machinery (about 500 instructions an id; some 6,600 ids
/// on 2 MB of news went through it).
///
/// Natively only: the wasm, whose size counts, uses `format!` itself.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn numbered_id(prefix: &str, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        // OK because a usize has at most 20 digits, so `at` stays within `digits`; the cast
        // keeps one digit (0-9).
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(prefix.len() + digits.len() - at);
    id.push_str(prefix);
    // `digits[at..]` holds ASCII digits only.
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

/// [`numbered_id`] in the wasm: `format!`.
#[cfg(target_arch = "wasm32")]
pub(crate) fn numbered_id(prefix: &str, n: usize) -> String {
    format!("{prefix}{n}")
}

#[cfg(test)]
mod tests {
    /// [`super::numbered_id`] spells ids as `format!` does, around every power of ten.
    #[test]
    fn numbered_ids_are_format_s() {
        let mut ns: Vec<usize> = (0..2000).collect();
        let mut p: usize = 1;
        while let Some(next) = p.checked_mul(10) {
            ns.extend([p - 1, p, p + 1, next - 1]);
            p = next;
        }
        ns.extend([usize::MAX, usize::MAX - 1, usize::MAX / 2]);
        for n in ns {
            for prefix in ["", "q", "ev", "d"] {
                assert_eq!(super::numbered_id(prefix, n), format!("{prefix}{n}"));
            }
        }
    }
}
