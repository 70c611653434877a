//! The block-level article parser shared by all formats: blocks (paragraphs and list items)
//! → comment sections apart ([`super::comments`]), boilerplate dropped, title, dateline and
//! byline off the top and bottom ([`super::header`]), the rest the body.

use super::lines::{self, Breaks};
use super::{comments, header, Article, Block, Metadata};

/// A block of text: one paragraph or list item (lines already joined).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RawBlock {
    pub text: String,
    pub item: Option<String>,
    pub role: Role,
    /// False for a block of one line that was found to be no comment marker as the lines
    /// were split ([`super::comments::is_marker_line`]): the comment reader does not ask again.
    pub may_be_marker: bool,
}

/// What the markup says a block is, where it says anything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Role {
    /// Text to be read like plain text.
    #[default]
    Text,
    /// The start of the page's comment section (its heading, if any); the blocks after it
    /// are comments.
    CommentSection,
}

#[cfg(test)]
impl RawBlock {
    pub fn text(text: &str) -> RawBlock {
        RawBlock { text: text.to_string(), item: None, role: Role::Text, may_be_marker: true }
    }
}

/// Parses plain text.
pub(super) fn parse_plain(content: &str) -> Article {
    assemble(lines::split_blocks(content, Breaks::Detect), Metadata::default())
}

/// Builds the article from its blocks. `given` (front matter, HTML metadata) wins over what the
/// text's header says.
pub(super) fn assemble(blocks: Vec<RawBlock>, given: Metadata) -> Article {
    let blocks: Vec<RawBlock> = blocks
        .into_iter()
        // Most blocks are longer than any boilerplate, which turns them down at once: it is
        // asked before the heading test.
        .filter(|b| b.role == Role::CommentSection || !is_boilerplate(&b.text) || comments::is_heading(&b.text))
        .collect();
    let (body, comments) = comments::split(blocks);
    let (body, found) = header::read(body, &given);
    Article {
        meta: given.or(found),
        paragraphs: body.into_iter().map(|b| Block { text: b.text, item: b.item }).collect(),
        comments,
    }
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
    "newer post",
    "older post",
    "home",
    "newer post older post home",
    "delete",
    "sort by best",
    "sort by newest",
    "sort by oldest",
    "view this email in your browser",
    "forward to a friend",
    "unsubscribe",
    "loading...",
    "like",
    "share ›",
    "reply •",
    "report",
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
    "labels:",
    "subscribe to: post comments",
    "your email address will not be published",
    "required fields are marked",
    "notify me of ",
    "save my name, email",
    "you are receiving this",
    "unsubscribe |",
    "update your preferences",
    "manage your subscription",
    "copyright ©",
    "© ",
];

/// For each ASCII byte, a bit for each ASCII byte that may follow it at the start of a
/// boilerplate block, both in lowercase: the first two bytes of each of [`BOILERPLATE`] and
/// [`BOILERPLATE_PREFIXES`], and any two after a digit (`12 comments`).
const OPENINGS: [u128; 128] = {
    let mut table = [0u128; 128];
    let mut d = b'0';
    while d <= b'9' {
        table[d as usize] = u128::MAX;
        d += 1;
    }
    let lists: [&[&str]; 2] = [BOILERPLATE, BOILERPLATE_PREFIXES];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            let b = lists[l][k].as_bytes();
            if b.len() >= 2 && b[0] < 128 && b[1] < 128 {
                table[b[0] as usize] |= 1 << b[1];
            }
            k += 1;
        }
        l += 1;
    }
    table
};

/// False when the first two bytes of `trimmed` are ASCII and open no boilerplate block (see
/// [`OPENINGS`]): most blocks, which then need no lowercase copy and no comparison with the
/// lists. (Lowercasing maps an ASCII character to itself in ASCII, so the lowercase text starts
/// with the same two bytes, lowercased.)
fn may_open_boilerplate(trimmed: &str) -> bool {
    match trimmed.as_bytes() {
        [a, b, ..] if a.is_ascii() && b.is_ascii() => {
            // OK because both bytes are below 128.
            OPENINGS[usize::from(a.to_ascii_lowercase())] & (1 << b.to_ascii_lowercase()) != 0
        }
        _ => true,
    }
}

pub(super) fn is_boilerplate(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.len() > 160 {
        return false;
    }
    // A rule (`___`, `* * *`) separates, it says nothing.
    if !trimmed.chars().any(char::is_alphanumeric) {
        return true;
    }
    if !may_open_boilerplate(trimmed) {
        return false;
    }
    // Most blocks are ASCII, and ASCII text is lowercased in a buffer on the stack, without
    // the allocation and the per-character case mapping of `to_lowercase` (whose result is
    // the same on ASCII).
    let mut buffer = [0u8; 160];
    let owned;
    let lower: &str = match buffer.get_mut(..trimmed.len()).filter(|_| trimmed.is_ascii()) {
        Some(ascii) => {
            ascii.copy_from_slice(trimmed.as_bytes());
            ascii.make_ascii_lowercase();
            std::str::from_utf8(ascii).unwrap_or_default()
        }
        None => {
            owned = trimmed.to_lowercase();
            &owned
        }
    };
    BOILERPLATE.contains(&lower)
        || BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || lower
            .strip_suffix(" comments")
            .or_else(|| lower.strip_suffix(" comment"))
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CommentKind, PublishedSource};

    fn plain(s: &str) -> Article {
        parse_plain(s)
    }

    fn body(a: &Article) -> Vec<&str> {
        a.paragraphs.iter().map(|b| b.text.as_str()).collect()
    }

    fn published(a: &Article) -> Option<String> {
        a.meta.published.map(|p| p.stamp.to_string())
    }

    /// The two-byte gate turns down no block the lists would take: every entry (and a few
    /// case variants and counts) still reads as boilerplate, and it does turn down others.
    #[test]
    fn the_opening_gate_keeps_every_boilerplate_block() {
        let mut blocks: Vec<String> = BOILERPLATE.iter().map(|s| s.to_string()).collect();
        blocks.extend(BOILERPLATE_PREFIXES.iter().map(|p| format!("{p}x")));
        blocks.extend(blocks.clone().iter().map(|b| b.to_uppercase()));
        blocks.extend(["12 comments", "1 Comment", "  Share this:  "].map(String::from));
        for block in &blocks {
            assert!(is_boilerplate(block), "{block:?}");
        }
        assert!(!may_open_boilerplate("The minister said"));
        assert!(!is_boilerplate("Th"));
    }

    #[test]
    fn title_dateline_and_paragraphs() {
        let a =
            plain("Budget Talks Stall\n\nMonday, June 1, 2015 at 9:30 pm\n\nFirst paragraph\nwrapped here.\n\nSecond.");
        assert_eq!(a.meta.title.as_deref(), Some("Budget Talks Stall"));
        assert_eq!(published(&a).as_deref(), Some("2015-06-01T21:30"));
        assert_eq!(a.meta.published.map(|p| p.source), Some(PublishedSource::Dateline));
        assert_eq!(body(&a), ["First paragraph wrapped here.", "Second."]);
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
    fn comments_and_pingbacks_after_the_body() {
        let text = "A Post\n\nThe body.\n\nLast body line.\n\nFirst!\n\nComment posted May 1, 2011 @ 8:25 am\n\nSecond comment\nspans lines.\n\nComment posted by Ann on May 2, 2011 @ 4:25 pm\n\nOther Blog: Why the post is wrong | Blog\nPingback posted May 3, 2011 @ 3:21 pm\n\n[...] an excerpt [...]\n\nRSS feed for comments on this post.\n\nSorry, the comment form is closed at this time.";
        let a = plain(text);
        assert_eq!(body(&a), ["The body.", "Last body line."]);
        assert_eq!(a.comments.len(), 3);
        assert_eq!(a.comments[0].text, "First!");
        assert_eq!(a.comments[0].posted.map(|s| s.to_string()).as_deref(), Some("2011-05-01T08:25"));
        assert_eq!(a.comments[1].text, "Second comment spans lines.");
        assert_eq!(a.comments[1].author.as_deref(), Some("Ann"));
        assert_eq!(a.comments[2].kind, CommentKind::Pingback);
        assert_eq!(a.comments[2].title.as_deref(), Some("Other Blog: Why the post is wrong | Blog"));
        assert_eq!(a.comments[2].text, "[...] an excerpt [...]");
        assert_eq!(a.comments[2].posted.map(|s| s.to_string()).as_deref(), Some("2011-05-03T15:21"));
    }

    #[test]
    fn stamp_before_comment_text() {
        let text = "A Post\n\nThe body.\n\nFollow Ann Lee on Twitter\n\nComment posted May 1, 2011 @ 8:25 am\n\nNice.\n\nComment posted May 1, 2011 @ 4:25 pm\n\nNot nice.\n\nSome Blog: A reply\nPingback posted May 4, 2011 @ 3:21 pm\n\n[...] excerpt [...]";
        let a = plain(text);
        assert_eq!(a.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(body(&a), ["The body."]);
        let comments: Vec<_> =
            a.comments.iter().map(|c| (c.kind, c.posted.map(|s| s.to_string()), c.text.as_str())).collect();
        assert_eq!(
            comments,
            [
                (CommentKind::Comment, Some("2011-05-01T08:25".into()), "Nice."),
                (CommentKind::Comment, Some("2011-05-01T16:25".into()), "Not nice."),
                (CommentKind::Pingback, Some("2011-05-04T15:21".into()), "[...] excerpt [...]"),
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
        assert_eq!(a.comments[0].posted.map(|s| s.to_string()).as_deref(), Some("2014-06-02T10:01"));
        assert_eq!(a.comments[0].text, "Great post.");
        assert_eq!(a.comments[1].text, "Disagree.");
    }

    #[test]
    fn he_said_keeps_the_rest_in_the_body() {
        let a = plain("Talks Resume\n\nThe minister spoke briefly.\nHe said:\n“We will meet again.”\nThe talks resume on Monday.\nOfficials declined to comment.");
        assert!(a.comments.is_empty());
        let text = body(&a).join(" ");
        assert_eq!(text, "The minister spoke briefly. He said: “We will meet again.” The talks resume on Monday. Officials declined to comment.");
    }

    #[test]
    fn boilerplate_is_dropped() {
        let a = plain("Post\n\nBody.\n\nShare this:\n\n12 Comments\n\nLoad More Comments");
        assert_eq!(a.paragraphs.len(), 1);
    }
}
