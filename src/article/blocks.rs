//! The block-level article parser shared by all formats: header (title, dateline, byline),
//! body paragraphs and list items, trailing byline, reader comments and pingbacks, and dropped
//! boilerplate.
//!
//! Blog exports date a comment with a stamp line *after* its text ("Comment posted March 3,
//! 2009 @ 8:25 am") and give a pingback as a title line, a stamp line, then an excerpt; the
//! WordPress form "Name says:" / stamp / text is read too. Everything before the first
//! comment is the article.

use super::{Article, Block};
use crate::calendar::{parse_stamp, Stamp};
use crate::model::{Comment, CommentKind, PublishedSource};

/// Metadata already known from front matter or HTML meta; it wins over what the text says.
#[derive(Clone, Debug, Default)]
pub(super) struct Given {
    pub title: Option<String>,
    pub published: Option<(Stamp, PublishedSource)>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// A block of text: one paragraph or list item (lines already joined).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RawBlock {
    pub text: String,
    pub item: Option<String>,
}

/// Parses plain text: blocks are separated by blank lines; lines of a block are joined, except
/// that list items and stamp lines stand alone.
pub(super) fn parse(content: &str, given: Given) -> Article {
    assemble(split_blocks(content), given)
}

pub(super) fn split_blocks(content: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    for chunk in content.split("\n\n") {
        let mut current: Option<RawBlock> = None;
        for line in chunk.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let marker = list_marker(line);
            let alone = marker.is_some() || stamp_line(line).is_some() || commenter_line(line).is_some();
            let continues =
                current.as_ref().is_some_and(|b| stamp_line(&b.text).is_none() && commenter_line(&b.text).is_none());
            match (&mut current, alone) {
                (Some(block), false) if continues => {
                    block.text.push(' ');
                    block.text.push_str(line);
                }
                _ => {
                    if let Some(b) = current.take() {
                        blocks.push(b);
                    }
                    current = Some(match marker {
                        Some((item, rest)) => RawBlock { text: rest.to_string(), item: Some(item) },
                        None => RawBlock { text: line.to_string(), item: None },
                    });
                }
            }
        }
        blocks.extend(current);
    }
    blocks
}

/// `1. text`, `2) text`, `a. text`, `- text`, `* text`, `• text` → (marker, text).
fn list_marker(line: &str) -> Option<(String, &str)> {
    for bullet in ["- ", "* ", "• ", "– ", "· "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(("•".to_string(), rest.trim_start()));
        }
    }
    let head: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after = &line[head.len()..];
    if !head.is_empty() && head.len() <= 3 {
        for sep in [". ", ") "] {
            if let Some(rest) = after.strip_prefix(sep) {
                return Some((head, rest.trim_start()));
            }
        }
    }
    None
}

/// A stamp line: `Comment posted [by NAME] [on] DATE`, `Pingback posted DATE`, `Trackback …`.
#[derive(Clone, Debug, PartialEq)]
struct StampLine {
    kind: CommentKind,
    posted: Option<Stamp>,
    author: Option<String>,
}

fn stamp_line(line: &str) -> Option<StampLine> {
    let lower = line.to_ascii_lowercase();
    let (kind, rest) =
        [("comment", CommentKind::Comment), ("pingback", CommentKind::Pingback), ("trackback", CommentKind::Pingback)]
            .into_iter()
            .find_map(|(word, kind)| {
                let r = lower.strip_prefix(word)?.trim_start();
                let r = r.strip_prefix("posted").or_else(|| r.strip_prefix("by").map(|_| r))?;
                Some((kind, line.len() - r.len()))
            })?;
    let rest = line[rest..].trim();
    let (author, date) = match rest.strip_prefix("by ") {
        Some(r) => match r.find(" on ") {
            Some(k) => (Some(r[..k].trim().to_string()), &r[k + 4..]),
            None => (Some(r.trim().to_string()), ""),
        },
        None => (None, rest.strip_prefix("on ").unwrap_or(rest)),
    };
    let posted = parse_stamp(date);
    (posted.is_some() || date.is_empty()).then_some(StampLine { kind, posted, author })
}

/// WordPress's `Jane Doe says:` line that opens a comment; returns the name.
fn commenter_line(line: &str) -> Option<&str> {
    let name = line.strip_suffix(" says:").or_else(|| line.strip_suffix(" said:"))?;
    (name.split_whitespace().count() <= 6 && !name.is_empty()).then_some(name.trim())
}

const BOILERPLATE: &[&str] = &[
    "load more comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "comments",
    "no comments",
    "no comments yet.",
    "comments are closed.",
    "comments are closed",
    "share this:",
    "share this",
    "share",
    "like this:",
    "like this",
    "tweet",
    "email",
    "print",
    "related",
    "related posts",
    "related articles",
    "advertisement",
    "subscribe",
    "read more",
    "continue reading",
    "skip to content",
    "back to top",
    "show comments",
    "view comments",
    "trackback url",
    "permalink",
    "reply",
    "you must be logged in to post a comment.",
];

const BOILERPLATE_PREFIXES: &[&str] = &[
    "rss feed for comments",
    "sorry, the comment form is closed",
    "click to share on",
    "click to email",
    "click to print",
    "tags:",
    "filed under:",
    "posted in:",
    "categories:",
    "share on facebook",
    "share on twitter",
    "comments (",
    "trackback uri",
];

fn is_boilerplate(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    if lower.len() > 120 {
        return false;
    }
    BOILERPLATE.contains(&lower.as_str())
        || BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || lower
            .strip_suffix(" comments")
            .or_else(|| lower.strip_suffix(" comment"))
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

/// Lowercase words that may stand inside a personal name.
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "bin", "bint", "al", "el", "la", "le", "di", "da", "dos", "du",
    "ter", "ten",
];

/// `Follow Jane Doe on Twitter` (or on X, Bluesky…) → `Jane Doe`.
fn follow_byline(text: &str) -> Option<String> {
    let rest = text.strip_prefix("Follow ")?;
    let k = rest.find(" on ")?;
    let name = rest[..k].trim();
    let words = name.split_whitespace().count();
    let is_name = (1..=5).contains(&words)
        && name
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '@') || NAME_PARTICLES.contains(&w));
    is_name.then(|| name.trim_start_matches('@').to_string())
}

/// `By Jane Doe`, `By Jane Doe and John Roe`, `By Jane Doe | March 3, 2009` → (name, date).
fn byline(text: &str) -> Option<(String, Option<Stamp>)> {
    let rest = text.strip_prefix("By ").or_else(|| text.strip_prefix("by "))?;
    let (name, tail) = match rest.find(['|', ',', '—', '–']) {
        Some(k) => (rest[..k].trim(), rest[k..].trim_start_matches(['|', ',', '—', '–']).trim()),
        None => (rest.trim(), ""),
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_name = (1..=8).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || *w == "and" || NAME_PARTICLES.contains(w));
    is_name.then(|| (name.to_string(), parse_stamp(tail)))
}

/// `Posted on March 3, 2009`, `Published March 3, 2009 by X`, `Updated: …`, or a bare date.
fn dateline(text: &str) -> Option<Stamp> {
    if let Some(s) = parse_stamp(text) {
        return Some(s);
    }
    let lower = text.to_ascii_lowercase();
    let mut rest = text;
    for prefix in [
        "posted on ",
        "posted ",
        "published on ",
        "published ",
        "updated on ",
        "updated: ",
        "updated ",
        "last updated: ",
        "last updated ",
    ] {
        if lower.starts_with(prefix) {
            rest = &text[prefix.len()..];
            break;
        }
    }
    let rest = match rest.find(" by ") {
        Some(k) => &rest[..k],
        None => rest,
    };
    parse_stamp(rest)
}

enum Unit {
    Text(RawBlock),
    Stamp(StampLine),
    Commenter(String),
}

/// Builds the article from its blocks.
pub(super) fn assemble(blocks: Vec<RawBlock>, given: Given) -> Article {
    let units: Vec<Unit> = blocks
        .into_iter()
        .filter(|b| !is_boilerplate(&b.text))
        .map(|b| match (stamp_line(&b.text), commenter_line(&b.text)) {
            (Some(s), _) if b.item.is_none() => Unit::Stamp(s),
            (_, Some(name)) if b.item.is_none() => Unit::Commenter(name.to_string()),
            _ => Unit::Text(b),
        })
        .collect();

    let (body_end, comments) = split_comments(&units);
    let mut body: Vec<RawBlock> = units[..body_end]
        .iter()
        .filter_map(|u| match u {
            Unit::Text(b) => Some(b.clone()),
            _ => None,
        })
        .collect();

    let mut article = Article { comments, ..Article::default() };
    article.title = given.title.clone().unwrap_or_default();
    article.author = given.author.clone();
    article.outlet = given.outlet.clone();
    article.url = given.url.clone();
    if let Some((stamp, source)) = given.published {
        article.published = Some(stamp);
        article.published_source = source;
    }

    read_header(&mut body, &mut article, given.title.is_some());
    read_trailer(&mut body, &mut article);
    article.paragraphs = body.into_iter().map(|b| Block { text: b.text, item: b.item }).collect();
    article
}

/// Takes the title, dateline and byline off the top of the body.
fn read_header(body: &mut Vec<RawBlock>, article: &mut Article, title_given: bool) {
    let mut i = 0;
    if title_given {
        if body.first().is_some_and(|b| b.text == article.title) {
            body.remove(0);
        }
    } else if body.first().is_some_and(|b| b.item.is_none() && headline_like(&b.text) && body.len() > 1) {
        article.title = body.remove(0).text;
    }
    // The few lines after the title may be a dateline or a byline.
    while i < body.len().min(3) {
        let text = &body[i].text;
        if text.len() > 160 || body[i].item.is_some() {
            break;
        }
        if let Some(stamp) = dateline(text).filter(|&s| body.len() > 1 && article.published.map_or(true, |p| p == s)) {
            // A date line that neither gives nor repeats the publication date, or is all
            // there is, is the article's text.
            if article.published.is_none() {
                article.published = Some(stamp);
                article.published_source = PublishedSource::Dateline;
            }
            body.remove(i);
        } else if let Some((name, date)) = byline(text) {
            article.author.get_or_insert(name);
            if let (None, Some(stamp)) = (article.published, date) {
                article.published = Some(stamp);
                article.published_source = PublishedSource::Dateline;
            }
            body.remove(i);
        } else {
            i += 1;
        }
    }
}

/// True when a first line without a given title reads as a headline: short, and not a
/// sentence of running text (headlines rarely end with a full stop; a lead paragraph does).
fn headline_like(text: &str) -> bool {
    const LONGEST_HEADLINE_BYTES: usize = 300;
    const SENTENCE_WORDS: usize = 8;
    let sentence_end = text.trim_end_matches(['"', '\'', '”', '’']).ends_with('.');
    text.len() <= LONGEST_HEADLINE_BYTES && !(sentence_end && text.split_whitespace().count() >= SENTENCE_WORDS)
}

/// Takes a trailing "Follow X on Twitter" byline off the end of the body.
fn read_trailer(body: &mut Vec<RawBlock>, article: &mut Article) {
    let from = body.len().saturating_sub(3);
    if let Some(k) = (from..body.len()).rev().find(|&k| follow_byline(&body[k].text).is_some()) {
        let name = follow_byline(&body.remove(k).text);
        if article.author.is_none() {
            article.author = name;
        }
    }
}

/// Finds where the body ends and reads the comments after it.
///
/// Exports differ in whether a comment's stamp line comes before or after its text. The order
/// is read off the export itself: if text follows the last comment stamp (before the next
/// stamp, or the title line of a pingback), stamps come first.
fn split_comments(units: &[Unit]) -> (usize, Vec<Comment>) {
    let Some(first) = units.iter().position(|u| matches!(u, Unit::Stamp(_) | Unit::Commenter(_))) else {
        return (units.len(), Vec::new());
    };
    let is_comment_stamp = |u: &Unit| matches!(u, Unit::Stamp(s) if s.kind == CommentKind::Comment);
    let stamp_first =
        units.iter().rposition(is_comment_stamp).is_some_and(|last| !text_run(units, last + 1).is_empty());
    // In stamp-after exports the unit the first stamp dates (a comment, or a pingback's title)
    // is not body; a pingback's title line always precedes its stamp.
    let first_dates_previous = match &units[first] {
        Unit::Stamp(s) => s.kind == CommentKind::Pingback || !stamp_first,
        Unit::Commenter(_) => false,
        Unit::Text(_) => unreachable!(),
    };
    let body_end =
        if first_dates_previous && first > 0 && matches!(units[first - 1], Unit::Text(_)) { first - 1 } else { first };
    let mut comments = Vec::new();
    let mut consumed = body_end;
    let mut i = first;
    while i < units.len() {
        match &units[i] {
            Unit::Stamp(stamp) if stamp.kind == CommentKind::Pingback => {
                let title = (i > consumed).then(|| texts(&units[i - 1..i])).filter(|t| !t.is_empty());
                let excerpt_end = if matches!(units.get(i + 1), Some(Unit::Text(_))) { i + 2 } else { i + 1 };
                comments.push(Comment {
                    kind: CommentKind::Pingback,
                    posted: stamp.posted.map(|s| s.to_string()),
                    author: stamp.author.clone(),
                    text: texts(&units[i + 1..excerpt_end]),
                    title,
                });
                consumed = excerpt_end;
                i = excerpt_end;
            }
            Unit::Stamp(stamp) => {
                let text = if stamp_first {
                    let run = text_run(units, i + 1);
                    consumed = i + 1 + run.len();
                    texts(run)
                } else {
                    let text = texts(&units[consumed..i]);
                    consumed = i + 1;
                    text
                };
                comments.push(Comment {
                    kind: CommentKind::Comment,
                    posted: stamp.posted.map(|s| s.to_string()),
                    author: stamp.author.clone(),
                    text,
                    title: None,
                });
                i = i.max(consumed.saturating_sub(1)) + 1;
            }
            Unit::Commenter(name) => {
                // WordPress: "Name says:", an optional stamp, then the text up to the next comment.
                let mut j = i + 1;
                let mut posted = None;
                if let Some(Unit::Stamp(s)) = units.get(j) {
                    posted = s.posted;
                    j += 1;
                } else if let Some(Unit::Text(b)) = units.get(j) {
                    if let Some(s) = parse_stamp(&b.text) {
                        posted = Some(s);
                        j += 1;
                    }
                }
                let run = text_run(units, j);
                comments.push(Comment {
                    kind: CommentKind::Comment,
                    posted: posted.map(|s| s.to_string()),
                    author: Some(name.clone()),
                    text: texts(run),
                    title: None,
                });
                consumed = j + run.len();
                i = consumed;
            }
            Unit::Text(_) => i += 1,
        }
    }
    (body_end, comments)
}

/// The text units from `from` up to the next stamp or commenter line, leaving out the title
/// line of a pingback that follows.
fn text_run(units: &[Unit], from: usize) -> &[Unit] {
    let from = from.min(units.len());
    let end = (from..units.len()).find(|&k| !matches!(units[k], Unit::Text(_))).unwrap_or(units.len());
    let pingback_next = matches!(units.get(end), Some(Unit::Stamp(s)) if s.kind == CommentKind::Pingback);
    let end = if pingback_next && end > from { end - 1 } else { end };
    &units[from..end]
}

fn texts(units: &[Unit]) -> String {
    let parts: Vec<&str> = units
        .iter()
        .filter_map(|u| match u {
            Unit::Text(b) => Some(b.text.as_str()),
            _ => None,
        })
        .collect();
    parts.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Article {
        parse(s, Given::default())
    }

    #[test]
    fn title_dateline_and_paragraphs() {
        let a =
            plain("Budget Talks Stall\n\nMonday, June 1, 2015 at 9:30 pm\n\nFirst paragraph\nwrapped here.\n\nSecond.");
        assert_eq!(a.title, "Budget Talks Stall");
        assert_eq!(a.published.map(|s| s.to_string()).as_deref(), Some("2015-06-01T21:30"));
        assert_eq!(a.published_source, PublishedSource::Dateline);
        let texts: Vec<_> = a.paragraphs.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["First paragraph wrapped here.", "Second."]);
    }

    #[test]
    fn a_lead_sentence_is_body_not_title() {
        let a = plain("Acme Corp.'s third-quarter profit rose 11%, even though storms cut its results.\n\nSecond.");
        assert_eq!(a.title, "");
        assert_eq!(a.paragraphs.len(), 2);
        let b = plain("Profit Rises at Acme\n\nAcme's profit rose.");
        assert_eq!(b.title, "Profit Rises at Acme");
    }

    #[test]
    fn a_date_line_that_is_not_the_publication_date_stays_text() {
        let given = |published| Given { title: Some("T".into()), published, ..Given::default() };
        let alone =
            parse("T\n\nAugust 10, 2012", given(parse_stamp("2012-08-09").map(|s| (s, PublishedSource::FrontMatter))));
        assert_eq!(alone.paragraphs.len(), 1, "a lone date line is the text");
        let other = parse(
            "T\n\nAugust 10, 2012\n\nBody.",
            given(parse_stamp("2012-08-09").map(|s| (s, PublishedSource::FrontMatter))),
        );
        assert_eq!(other.paragraphs.len(), 2, "another date than the publication's is text");
        let same = parse(
            "T\n\nAugust 9, 2012\n\nBody.",
            given(parse_stamp("2012-08-09").map(|s| (s, PublishedSource::FrontMatter))),
        );
        assert_eq!(same.paragraphs.len(), 1, "the publication date repeated is a dateline");
    }

    #[test]
    fn list_items_stay_items() {
        let a = plain("Title\n\nThree points:\n\n  1. One thing;\n  2. Another;\n\n- a bullet");
        let items: Vec<_> = a.paragraphs.iter().map(|b| (b.item.as_deref(), b.text.as_str())).collect();
        assert_eq!(
            items,
            [(None, "Three points:"), (Some("1"), "One thing;"), (Some("2"), "Another;"), (Some("•"), "a bullet")]
        );
    }

    #[test]
    fn byline_top_and_bottom() {
        let a = plain("Title\n\nBy Jane Q. Doe | May 5, 2020\n\nBody text.\n\nFollow John Roe on Twitter");
        assert_eq!(a.author.as_deref(), Some("Jane Q. Doe"));
        assert_eq!(a.published.map(|s| s.to_string()).as_deref(), Some("2020-05-05"));
        assert_eq!(a.paragraphs.len(), 1);
        let b = plain("Title\n\nBody text.\n\nFollow Maria de la Cruz on Twitter");
        assert_eq!(b.author.as_deref(), Some("Maria de la Cruz"));
        let c = plain("Title\n\nBody text.\n\nFollow Sam Lee on Twitter");
        assert_eq!(c.author.as_deref(), Some("Sam Lee"));
        assert_eq!(c.paragraphs.len(), 1);
    }

    #[test]
    fn comments_and_pingbacks_after_the_body() {
        let text = "A Post\n\nThe body.\n\nLast body line.\n\nFirst!\n\nComment posted May 1, 2011 @ 8:25 am\n\nSecond comment\nspans lines.\n\nComment posted by Ann on May 2, 2011 @ 4:25 pm\n\nOther Blog: Why the post is wrong | Blog\nPingback posted May 3, 2011 @ 3:21 pm\n\n[...] an excerpt [...]\n\nRSS feed for comments on this post.\n\nSorry, the comment form is closed at this time.";
        let a = plain(text);
        let body: Vec<_> = a.paragraphs.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(body, ["The body.", "Last body line."]);
        assert_eq!(a.comments.len(), 3);
        assert_eq!(a.comments[0].text, "First!");
        assert_eq!(a.comments[0].posted.as_deref(), Some("2011-05-01T08:25"));
        assert_eq!(a.comments[1].text, "Second comment spans lines.");
        assert_eq!(a.comments[1].author.as_deref(), Some("Ann"));
        assert_eq!(a.comments[2].kind, CommentKind::Pingback);
        assert_eq!(a.comments[2].title.as_deref(), Some("Other Blog: Why the post is wrong | Blog"));
        assert_eq!(a.comments[2].text, "[...] an excerpt [...]");
        assert_eq!(a.comments[2].posted.as_deref(), Some("2011-05-03T15:21"));
    }

    #[test]
    fn stamp_before_comment_text() {
        let text = "A Post\n\nThe body.\n\nFollow Ann Lee on Twitter\n\nComment posted May 1, 2011 @ 8:25 am\n\nNice.\n\nComment posted May 1, 2011 @ 4:25 pm\n\nNot nice.\n\nSome Blog: A reply\nPingback posted May 4, 2011 @ 3:21 pm\n\n[...] excerpt [...]";
        let a = plain(text);
        assert_eq!(a.author.as_deref(), Some("Ann Lee"));
        let body: Vec<_> = a.paragraphs.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(body, ["The body."]);
        let comments: Vec<_> = a.comments.iter().map(|c| (c.kind, c.posted.as_deref(), c.text.as_str())).collect();
        assert_eq!(
            comments,
            [
                (CommentKind::Comment, Some("2011-05-01T08:25"), "Nice."),
                (CommentKind::Comment, Some("2011-05-01T16:25"), "Not nice."),
                (CommentKind::Pingback, Some("2011-05-04T15:21"), "[...] excerpt [...]"),
            ]
        );
        assert_eq!(a.comments[2].title.as_deref(), Some("Some Blog: A reply"));
    }

    #[test]
    fn wordpress_comments() {
        let a =
            plain("Post\n\nBody.\n\nJane Doe says:\nJune 2, 2014 at 10:01 am\n\nGreat post.\n\nBob says:\n\nDisagree.");
        assert_eq!(a.paragraphs.len(), 1);
        assert_eq!(a.comments.len(), 2);
        assert_eq!(a.comments[0].author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.comments[0].posted.as_deref(), Some("2014-06-02T10:01"));
        assert_eq!(a.comments[0].text, "Great post.");
        assert_eq!(a.comments[1].text, "Disagree.");
    }

    #[test]
    fn boilerplate_is_dropped() {
        let a = plain("Post\n\nBody.\n\nShare this:\n\n12 Comments\n\nLoad More Comments");
        assert_eq!(a.paragraphs.len(), 1);
    }
}
