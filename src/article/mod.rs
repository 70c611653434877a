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
mod header;
mod html;
mod lines;
mod markdown;

use crate::calendar::Stamp;
use crate::model::{Comment, Document, Paragraph, PublishedSource};
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
    TooLarge { bytes: usize, limit: usize },
    NoText,
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleError::Empty => write!(f, "the file is empty"),
            ArticleError::Binary => write!(f, "the file is binary, not text"),
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
pub(crate) fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    // OK because the loop stopped on a boundary (0 always is one).
    &s[..end]
}

/// NUL bytes or a high share of control characters mean this is not text.
fn looks_binary(content: &str) -> bool {
    let sample: Vec<char> = content.chars().take(4096).collect();
    let control = sample.iter().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    sample.contains(&'\0') || control * 20 > sample.len()
}

/// Unix newlines, no byte-order mark, and no-break spaces as plain spaces (exports scatter
/// them around separators, where they only get in the way of matching).
fn normalize_whitespace(content: &str) -> String {
    let s = content.strip_prefix('\u{feff}').unwrap_or(content);
    // Most files have neither: one scan for both instead of three copies of the file.
    if !s.contains(['\r', '\u{a0}']) {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n").replace('\u{a0}', " ")
}
