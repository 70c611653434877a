//! HTML articles: a tolerant scan of tags (no DOM) that finds the article's text by its density
//! and reads the page's metadata.
//!
//! - **Metadata** ([`meta`]): schema.org JSON-LD (`headline`, `datePublished`, `author`,
//!   `publisher`), `<meta>` (`article:published_time`, `og:title`, `og:site_name`, `author`),
//!   the canonical URL, `<title>`; in the page, `<time datetime>`, the first `<h1>`, and
//!   elements marked as a byline or an author (`class="byline"`, `rel="author"`,
//!   `itemprop="author"`).
//! - **Main content**: every text block is scored like Readability does — a paragraph of 25
//!   characters or more gives its container points for its length and commas, and its
//!   container's container half as many — and a container's score is scaled down by the share of
//!   its text inside links. The best container, with its siblings that score nearly as well, is
//!   the body. Scripts, styles, forms, navigation, asides, footers, share bars, related-article
//!   lists and other elements whose class, id or role says they are boilerplate are dropped.
//! - **Comments**: an element marked as the comment section (`id="comments"`, `comment-list`,
//!   `disqus_thread`) is read apart and handed to the block parser as a comment section.
//!
//! The blocks then go through the same block parser as plain text (bylines, datelines,
//! boilerplate lines, comments). Everything is one pass over the tags plus one over the
//! blocks: linear in the page.

mod meta;
mod scan;

use super::blocks::{self, RawBlock, Role};
use super::header;
use super::{Article, Metadata, Published};
use crate::calendar::{parse_stamp, Stamp};
use crate::model::PublishedSource;
use meta::PageMeta;
use scan::{collapse, decode_entities, Tag, Token};

/// Elements whose whole content is dropped.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "nav", "aside", "form", "button",
    "select", "textarea", "footer", "head", "figure",
];

/// Of those, the ones dropped inside a comment section too (where `<footer>` holds the
/// commenter's name and date).
const SKIPPED_IN_COMMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "form", "button", "select",
    "textarea",
];

/// Elements that end a block of text.
const BLOCK_LEVEL: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "main",
    "br",
    "tr",
    "dt",
    "dd",
    "figcaption",
    "hr",
    "ul",
    "ol",
    "table",
    "address",
    "body",
    "dl",
    "td",
    "th",
    "caption",
    "footer",
    "aside",
    "nav",
];

/// Elements with no content (never pushed on the stack of open elements).
const VOID: &[&str] = &[
    "br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "col", "embed", "param", "track", "base",
    "!doctype",
];

/// Elements whose text belongs to their container when scoring (a paragraph gives its
/// container the points).
const PARAGRAPH_LIKE: &[&str] = &[
    "p",
    "li",
    "blockquote",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dd",
    "dt",
    "td",
    "span",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "font",
    "figcaption",
];

/// Class, id or role words of boilerplate containers.
const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sidebar",
    "widget",
    "footer",
    "cookie",
    "cookies",
    "popup",
    "modal",
    "tags",
    "masthead",
    "outbrain",
    "taboola",
    "complementary",
    "contentinfo",
    "banner",
    "search",
    "toolbar",
    "pagination",
    "respond",
];

/// Class or id words of the main content.
const CONTENT_WORDS: &[&str] = &["article", "body", "content", "entry", "main", "post", "story", "text"];

/// How deep an end tag looks for its start tag among the open elements (misnested markup is
/// rarely deeper; the bound keeps a page of unclosed elements linear).
const END_TAG_REACH: usize = 16;

pub(super) fn parse(content: &str) -> Article {
    let page = Reader::read(content);
    page.into_article()
}

/// An element of the outline: its place in the tree, the blocks inside it, and its text.
struct Node {
    parent: usize,
    name: String,
    first_block: usize,
    end_block: usize,
    /// Bytes of text inside it, and of those inside links.
    text: usize,
    links: usize,
    /// From its tag, class and id: a content container scores more, boilerplate less.
    weight: f32,
    score: f32,
}

/// A text block of the page.
struct PageBlock {
    text: String,
    item: Option<String>,
    /// The innermost open element when its text began.
    owner: usize,
    in_comments: bool,
    /// It holds text of a byline or author element.
    byline: bool,
    /// The block is one `<time datetime>` element, whose date is this.
    time_only: Option<Stamp>,
    h1: bool,
    /// All its text is inside links (a "Back to News" line, a list of links).
    all_links: bool,
}

/// The text of an element marked as a byline (`By Jane Doe | March 1, 2008`) or an author name.
struct BylineCandidate {
    text: String,
    name_only: bool,
}

/// What a start tag's attributes say about its element.
#[derive(Default)]
struct Marks {
    boilerplate: bool,
    comments: bool,
    byline: bool,
    author: bool,
    weight: f32,
}

/// A capture of the text of one element, ended when its element closes.
struct Capture {
    /// The stack depth at which its element was open.
    depth: usize,
    text: String,
    /// An author element (its text is a name), not a byline.
    name_only: bool,
}

struct Reader {
    meta: PageMeta,
    nodes: Vec<Node>,
    stack: Vec<usize>,
    blocks: Vec<PageBlock>,
    current: String,
    current_owner: Option<usize>,
    current_byline: bool,
    current_h1: bool,
    /// Bytes of `current` outside links, and inside them.
    current_plain: usize,
    current_linked: usize,
    item: Option<String>,
    lists: Vec<(bool, u32)>,
    /// The element being skipped, and how many of its name are open inside it.
    skip: Option<(String, usize)>,
    links_open: usize,
    comments_depth: Option<usize>,
    /// Open byline and author elements (they may nest: a byline holds an author link).
    bylines_open: Vec<Capture>,
    h1: Option<Capture>,
    bylines: Vec<BylineCandidate>,
    /// An open `<time>`: its date, and where its text began in `current`.
    time: Option<(Option<Stamp>, usize)>,
    /// `current` up to here is one `<time>` element, with this date.
    time_only: Option<(Stamp, usize)>,
    times: Vec<(usize, Stamp, bool)>,
    h1s: Vec<(usize, String)>,
    /// The raw-text element whose content comes next.
    raw_kind: Option<RawKind>,
}

#[derive(Clone, Copy, PartialEq)]
enum RawKind {
    Title,
    JsonLd,
    Other,
}

impl Reader {
    fn read(html: &str) -> Reader {
        let root = Node {
            parent: 0,
            name: String::new(),
            first_block: 0,
            end_block: 0,
            text: 0,
            links: 0,
            weight: 0.0,
            score: 0.0,
        };
        let mut r = Reader {
            meta: PageMeta::default(),
            nodes: vec![root],
            stack: vec![0],
            blocks: Vec::new(),
            current: String::new(),
            current_owner: None,
            current_byline: false,
            current_h1: false,
            current_plain: 0,
            current_linked: 0,
            item: None,
            lists: Vec::new(),
            skip: None,
            links_open: 0,
            comments_depth: None,
            bylines_open: Vec::new(),
            h1: None,
            bylines: Vec::new(),
            time: None,
            time_only: None,
            times: Vec::new(),
            h1s: Vec::new(),
            raw_kind: None,
        };
        scan::scan(html, |token| match token {
            Token::Tag(tag) => r.tag(&tag),
            Token::Text(text) => r.text(text),
            Token::RawText(text) => r.raw_text(text),
        });
        r.flush();
        r.pop_to(1);
        let end = r.blocks.len();
        r.nodes[0].end_block = end;
        r
    }

    fn raw_text(&mut self, text: &str) {
        match self.raw_kind.take() {
            Some(RawKind::Title) => self.meta.read_title(text),
            Some(RawKind::JsonLd) => self.meta.read_json_ld(text),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip.is_some() {
            return;
        }
        let owner = *self.stack.last().unwrap_or(&0);
        let len = text.trim().len();
        self.nodes[owner].text += len;
        if self.links_open > 0 {
            self.nodes[owner].links += len;
            self.current_linked += len;
        } else {
            self.current_plain += len;
        }
        if self.current_owner.is_none() && len > 0 {
            self.current_owner = Some(owner);
        }
        self.current.push_str(text);
        for capture in self.bylines_open.iter_mut().chain(self.h1.as_mut()) {
            capture.text.push_str(text);
        }
        if len > 0 && !self.bylines_open.is_empty() {
            self.current_byline = true;
        }
        if len > 0 && self.h1.is_some() {
            self.current_h1 = true;
        }
    }

    fn tag(&mut self, t: &Tag) {
        let name = &*t.name;
        // Metadata is read wherever it is, skipped elements included.
        if !t.closing {
            match name {
                "meta" => self.meta.read_meta(t),
                "link" => self.meta.read_link(t),
                "title" => self.raw_kind = Some(RawKind::Title),
                "script" => {
                    let json_ld = t.attr("type").is_some_and(|ty| ty.to_ascii_lowercase().contains("ld+json"));
                    self.raw_kind = Some(if json_ld { RawKind::JsonLd } else { RawKind::Other });
                }
                "style" | "textarea" => self.raw_kind = Some(RawKind::Other),
                _ => {}
            }
        }
        if let Some((skipped, open)) = &mut self.skip {
            if *skipped == name && !t.self_closing {
                if !t.closing {
                    *open += 1;
                } else if *open == 0 {
                    self.skip = None;
                } else {
                    *open -= 1;
                }
            }
            return;
        }
        let in_comments = self.comments_depth.is_some();
        let marks = if t.closing { Marks::default() } else { marks(t, in_comments) };
        let skipped_tags = if in_comments { SKIPPED_IN_COMMENTS } else { SKIPPED };
        if !t.closing && !t.self_closing && !VOID.contains(&name) && (skipped_tags.contains(&name) || marks.boilerplate)
        {
            self.flush();
            self.skip = Some((name.to_string(), 0));
            return;
        }
        if BLOCK_LEVEL.contains(&name) || (marks.comments && !t.closing) {
            self.flush();
        }
        if t.closing {
            self.close(t);
        } else {
            self.open(t, marks);
        }
    }

    fn open(&mut self, t: &Tag, marks: Marks) {
        let name = &*t.name;
        match name {
            "a" => self.links_open += 1,
            "img" | "input" => self.current.push(' '),
            "ul" | "ol" => self.lists.push((name == "ol", 0)),
            "li" if self.comments_depth.is_none() => {
                self.item = Some(match self.lists.last_mut() {
                    Some((true, n)) => {
                        *n += 1;
                        n.to_string()
                    }
                    _ => "•".to_string(),
                });
            }
            "time" => {
                let stamp = t.attr("datetime").and_then(|d| parse_stamp(&d));
                if let (Some(stamp), None) = (stamp, self.comments_depth) {
                    let published = t.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || t.attr("pubdate").is_some();
                    self.times.push((self.blocks.len(), stamp, published));
                }
                self.time = Some((stamp, self.current.len()));
            }
            _ => {}
        }
        if VOID.contains(&name) || t.self_closing {
            return;
        }
        // A `<p>` (or `<li>`) inside an open one closes it, as browsers do.
        if matches!(name, "p" | "li") {
            let top = *self.stack.last().unwrap_or(&0);
            if self.nodes[top].name == name {
                self.pop_to(self.stack.len() - 1);
            }
        }
        let parent = *self.stack.last().unwrap_or(&0);
        self.nodes.push(Node {
            parent,
            name: name.to_string(),
            first_block: self.blocks.len(),
            end_block: self.blocks.len(),
            text: 0,
            links: 0,
            weight: marks.weight,
            score: 0.0,
        });
        self.stack.push(self.nodes.len() - 1);
        let depth = self.stack.len();
        if marks.comments {
            self.comments_depth = Some(depth);
            self.blocks.push(PageBlock {
                text: String::new(),
                item: None,
                owner: parent,
                in_comments: true,
                byline: false,
                time_only: None,
                h1: false,
                all_links: false,
            });
        }
        if self.comments_depth.is_none() {
            if marks.byline || marks.author {
                self.bylines_open.push(Capture { depth, text: String::new(), name_only: !marks.byline });
            }
            if name == "h1" && self.h1.is_none() {
                self.h1 = Some(Capture { depth, text: String::new(), name_only: false });
            }
        }
    }

    fn close(&mut self, t: &Tag) {
        let name = &*t.name;
        match name {
            "a" => self.links_open = self.links_open.saturating_sub(1),
            "ul" | "ol" => {
                self.lists.pop();
            }
            "time" => {
                if let Some((Some(stamp), start)) = self.time.take() {
                    // The `<time>` may have been cut by a block tag: `start` is then past the text.
                    if self.current.get(..start).is_some_and(|before| before.trim().is_empty()) {
                        self.time_only = Some((stamp, self.current.len()));
                    }
                }
            }
            _ => {}
        }
        let reach = self.stack.len().saturating_sub(END_TAG_REACH).max(1);
        if let Some(k) = (reach..self.stack.len()).rev().find(|&k| self.nodes[self.stack[k]].name == name) {
            self.pop_to(k);
        }
    }

    /// Closes the open elements down to `len` of them.
    fn pop_to(&mut self, len: usize) {
        if self.stack.len() > len {
            self.flush_if_block_below(len);
        }
        while self.stack.len() > len.max(1) {
            let depth = self.stack.len();
            let Some(node) = self.stack.pop() else { break };
            let end = self.blocks.len();
            let (text, links, parent) = (self.nodes[node].text, self.nodes[node].links, self.nodes[node].parent);
            self.nodes[node].end_block = end;
            self.nodes[parent].text += text;
            self.nodes[parent].links += links;
            if self.comments_depth == Some(depth) {
                self.comments_depth = None;
            }
            while self.bylines_open.last().is_some_and(|c| c.depth >= depth) {
                let Some(capture) = self.bylines_open.pop() else { break };
                let text = collapse(&decode_entities(&capture.text));
                self.bylines.push(BylineCandidate { text, name_only: capture.name_only });
            }
            if self.h1.as_ref().is_some_and(|c| c.depth == depth) {
                let capture = self.h1.take().map(|c| c.text).unwrap_or_default();
                self.h1s.push((self.blocks.len(), collapse(&decode_entities(&capture))));
            }
        }
    }

    /// Before inline elements close, their block goes on; a block-level one ends it.
    fn flush_if_block_below(&mut self, len: usize) {
        if self.stack[len..].iter().any(|&n| BLOCK_LEVEL.contains(&self.nodes[n].name.as_str())) {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let time_only = self
            .time_only
            .take()
            .filter(|(_, end)| self.current.get(*end..).is_some_and(|rest| rest.trim().is_empty()))
            .map(|(s, _)| s);
        let text = collapse(&decode_entities(&self.current));
        self.current.clear();
        let owner = self.current_owner.take().unwrap_or(0);
        let byline = std::mem::take(&mut self.current_byline);
        let h1 = std::mem::take(&mut self.current_h1);
        let all_links = std::mem::take(&mut self.current_linked) > 0 && std::mem::take(&mut self.current_plain) <= 2;
        self.current_plain = 0;
        if text.is_empty() {
            return;
        }
        let in_comments = self.comments_depth.is_some();
        let item = if in_comments { None } else { self.item.take() };
        self.blocks.push(PageBlock { text, item, owner, in_comments, byline, time_only, h1, all_links });
    }

    /// Scores the containers and returns the ranges of blocks that are the article's body.
    fn content_ranges(&mut self) -> Vec<(usize, usize)> {
        for b in 0..self.blocks.len() {
            let block = &self.blocks[b];
            let chars = block.text.chars().count();
            if block.in_comments || chars < 25 {
                continue;
            }
            let points = 1.0 + block.text.matches(',').count() as f32 + (chars as f32 / 100.0).min(3.0);
            let owner = block.owner;
            let container = if PARAGRAPH_LIKE.contains(&self.nodes[owner].name.as_str()) {
                self.nodes[owner].parent
            } else {
                owner
            };
            let outer = self.nodes[container].parent;
            self.nodes[container].score += points;
            if outer != container {
                self.nodes[outer].score += points / 2.0;
            }
        }
        let link_share = |n: &Node| if n.text == 0 { 0.0 } else { n.links as f32 / n.text as f32 };
        let final_score = |n: &Node| (n.score + n.weight) * (1.0 - link_share(n));
        let scored = self.nodes.iter().enumerate().filter(|(_, n)| n.score > 0.0);
        let Some((best, _)) =
            scored.map(|(i, n)| (i, final_score(n))).fold(None, |acc: Option<(usize, f32)>, (i, s)| match acc {
                Some((_, top)) if top >= s => acc,
                _ => Some((i, s)),
            })
        else {
            return vec![(0, self.blocks.len())];
        };
        if best == 0 {
            return vec![(0, self.blocks.len())];
        }
        // Siblings holding nearly as much paragraph text are parts of the same article (their
        // class names alone do not count: `article-header` is not body).
        let text_score = |n: &Node| n.score * (1.0 - link_share(n));
        let parent = self.nodes[best].parent;
        let threshold = (text_score(&self.nodes[best]) * 0.2).max(10.0);
        // Nodes are numbered in document order, so the ranges come out in order.
        let ranges: Vec<(usize, usize)> = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| *i == best || (n.parent == parent && *i != 0 && text_score(n) >= threshold))
            .map(|(_, n)| (n.first_block, n.end_block))
            .collect();
        ranges
    }

    fn into_article(mut self) -> Article {
        let ranges = self.content_ranges();
        let in_content = |b: usize| ranges.iter().any(|&(s, e)| s <= b && b < e);
        let content_start = ranges.first().map_or(0, |r| r.0);
        let content_end = ranges.last().map_or(0, |r| r.1);

        // Bylines: a `By …` line with a date, a `Posted on … by …` line, or a name.
        let parsed: Vec<Option<(Option<String>, Option<Stamp>)>> = self.bylines.iter().map(read_byline).collect();
        let byline_author = parsed.iter().flatten().find_map(|(n, _)| n.clone());
        let byline_read = parsed.iter().any(Option::is_some);
        let byline_date = parsed.iter().flatten().find_map(|(_, d)| *d);

        let h1_in_content = self.h1s.iter().find(|(b, _)| in_content(*b)).map(|(_, t)| t.clone());
        let h1_before = self.h1s.iter().rev().find(|(b, _)| *b <= content_start).map(|(_, t)| t.clone());
        let first_blocks: Vec<&str> = self
            .blocks
            .iter()
            .enumerate()
            .filter(|(b, _)| in_content(*b))
            .take(3)
            .map(|(_, b)| b.text.as_str())
            .collect();
        let (title_tag, site_in_title) = self.meta.split_title(&first_blocks).unzip();
        let time = self
            .times
            .iter()
            .find(|t| t.2)
            .or_else(|| self.times.iter().find(|t| t.0 < content_end.max(1)))
            .map(|t| Published { stamp: t.1, source: PublishedSource::Meta });
        // Each field weighs the page's sources in its own order: the headline the reader sees
        // first, the `<meta>` date (JSON-LD often gives the modified one too), the JSON-LD
        // author (a meta `author` is often the site), the site's own name.
        let meta::PageMeta { tags, ld, .. } = std::mem::take(&mut self.meta);
        let given = Metadata {
            title: [h1_in_content.clone(), ld.title, tags.title, h1_before, title_tag]
                .into_iter()
                .flatten()
                .find(|t| !t.is_empty()),
            published: tags
                .published
                .or(ld.published)
                .or(time)
                .or(byline_date.map(|stamp| Published { stamp, source: PublishedSource::Dateline })),
            author: ld.author.or(tags.author).or(byline_author),
            outlet: tags.outlet.or(ld.outlet).or(site_in_title.flatten()),
            url: tags.url,
        };

        let mut body = Vec::new();
        let mut comments = Vec::new();
        let mut headline_dropped = false;
        for (b, block) in self.blocks.into_iter().enumerate() {
            if block.in_comments {
                let role = if block.text.is_empty() { Role::CommentSection } else { Role::Text };
                comments.push(RawBlock { text: block.text, item: None, role, may_be_marker: true });
                continue;
            }
            if !in_content(b)
                || block.time_only.is_some()
                || (block.all_links && block.text.len() <= 80)
                || (block.byline && byline_read && block.text.len() <= 200)
            {
                continue;
            }
            if block.h1 && !headline_dropped && body.len() < 3 {
                headline_dropped = true;
                continue;
            }
            body.push(RawBlock { text: block.text, item: block.item, role: Role::Text, may_be_marker: true });
        }
        body.extend(comments);
        blocks::assemble(body, given)
    }
}

/// What a start tag's class, id, role, itemprop and rel say.
fn marks(t: &Tag, in_comments: bool) -> Marks {
    let mut m = Marks::default();
    // One pass over the attributes for the five (each `attr` would read them all again).
    let [class, id, role, itemprop, rel] = t
        .attrs(["class", "id", "role", "itemprop", "rel"])
        .map(|v| v.map(|v| v.to_ascii_lowercase()).unwrap_or_default());
    let names: Vec<&str> = class.split_whitespace().chain(id.split_whitespace()).collect();
    let parts = || names.iter().flat_map(|n| n.split(['-', '_']));
    if !in_comments {
        let comment_section = names.iter().any(|n| {
            matches!(
                *n,
                "comments"
                    | "comment-list"
                    | "commentlist"
                    | "comments-area"
                    | "comment-section"
                    | "disqus_thread"
                    | "dsq-comments"
                    | "comments-block"
            ) || n.starts_with("comments-")
        });
        m.comments = comment_section && !matches!(&*t.name, "a" | "span" | "button");
        let boilerplate_role = role
            .split_whitespace()
            .any(|r| matches!(r, "navigation" | "complementary" | "contentinfo" | "banner" | "search"));
        let boilerplate_class = parts().any(|p| BOILERPLATE_WORDS.contains(&p))
            && !matches!(&*t.name, "body" | "html" | "article" | "main");
        m.boilerplate = !m.comments && (boilerplate_role || boilerplate_class);
        m.byline = parts().any(|p| matches!(p, "byline" | "dateline" | "byl"))
            || names.iter().any(|n| matches!(*n, "by-line" | "article-meta" | "entry-meta" | "post-meta"));
        m.author = rel.split_whitespace().any(|r| r == "author")
            || itemprop.split_whitespace().any(|p| p == "author")
            || names.iter().any(|n| {
                matches!(
                    *n,
                    "author" | "author-name" | "byline-author" | "article-author" | "post-author" | "entry-author"
                )
            });
    }
    let content = parts().any(|p| CONTENT_WORDS.contains(&p)) || itemprop.contains("articlebody");
    m.weight = match &*t.name {
        "article" => 10.0,
        "main" | "div" | "section" => 5.0,
        _ => 0.0,
    } + if content { 25.0 } else { 0.0 }
        + if itemprop.contains("articlebody") { 25.0 } else { 0.0 };
    m
}

/// A byline element's text as (name, date), or an author element's as a name; `None` when it
/// says neither.
fn read_byline(candidate: &BylineCandidate) -> Option<(Option<String>, Option<Stamp>)> {
    let text = candidate.text.as_str();
    if text.is_empty() || text.len() > 200 {
        return None;
    }
    if let Some((name, date)) = header::byline(text) {
        return Some((Some(name), date));
    }
    if let Some((date, name)) = header::dateline(text).filter(|_| !candidate.name_only) {
        return Some((name, Some(date)));
    }
    let name = text.strip_prefix("By ").or_else(|| text.strip_prefix("by ")).unwrap_or(text);
    // `Jane Doe | March 1, 2008`, `Jane Doe, Staff Writer`.
    let mut parts = name.split(['|', '•', '—', '–', ',']).map(str::trim);
    let first = parts.next()?;
    if !header::is_name_list(first) || (candidate.name_only && first.split_whitespace().count() > 5) {
        return None;
    }
    let date = parts.find_map(parse_stamp);
    Some((Some(header::name_case(first)), date))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Talks resume | The Example Herald</title>
<meta property="og:site_name" content="The Example Herald">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://example.org/talks">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script>
</head><body><nav><a href="/">Home</a></nav>
<article><h1>Talks Resume in Geneva</h1>
<time datetime="2015-06-02T09:30:00Z">June 2</time>
<p>Negotiators met &amp; talked, officials said&nbsp;Tuesday.</p>
<p>“We are close,” said one &#8220;envoy&#8221;.</p>
<ol><li>First point</li><li>Second point</li></ol>
<aside>Read more: unrelated</aside>
</article><footer>© 2015</footer></body></html>"#;

    fn texts(a: &Article) -> Vec<(Option<&str>, &str)> {
        a.paragraphs.iter().map(|b| (b.item.as_deref(), b.text.as_str())).collect()
    }

    #[test]
    fn reads_metadata_and_article_blocks() {
        let a = parse(PAGE);
        assert_eq!(a.meta.title.as_deref(), Some("Talks Resume in Geneva"));
        assert_eq!(a.meta.published.map(|p| p.stamp.to_string()).as_deref(), Some("2015-06-02T09:30"));
        assert_eq!(a.meta.published.map(|p| p.source), Some(PublishedSource::Meta));
        assert_eq!(a.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.meta.outlet.as_deref(), Some("The Example Herald"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.org/talks"));
        assert_eq!(
            texts(&a),
            [
                (None, "Negotiators met & talked, officials said Tuesday."),
                (None, "“We are close,” said one “envoy”."),
                (Some("1"), "First point"),
                (Some("2"), "Second point"),
            ]
        );
    }

    #[test]
    fn tolerates_broken_markup() {
        let a = parse("<p>Unclosed <b>bold <p>next < 3 and &bogus; &#xZZ; done<script>never closed");
        // Without <h1> or <title>, the first short block is the title, as in plain text.
        assert_eq!(a.meta.title.as_deref(), Some("Unclosed bold"));
        assert_eq!(texts(&a), [(None, "next < 3 and &bogus; &#xZZ; done")]);
    }

    #[test]
    fn byline_paragraph() {
        let a = parse("<html><body><h1>Storm Hits Coast</h1><p class=\"byline\">By Ann Lee, March 01, 2008</p><p>The storm hit the coast on Saturday, officials said, and thousands lost power.</p></body></html>");
        assert_eq!(a.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(
            a.meta.published.map(|p| (p.stamp.to_string(), p.source)),
            Some(("2008-03-01".into(), PublishedSource::Dateline))
        );
        assert_eq!(
            texts(&a),
            [(None, "The storm hit the coast on Saturday, officials said, and thousands lost power.")]
        );
    }

    #[test]
    fn densest_container_wins_over_link_lists() {
        let para = "<p>The council voted on Tuesday, after a long debate, to close the old bridge for repairs.</p>";
        let links =
            "<li><a href=\"/a\">Another story about something else entirely, with commas, here</a></li>".repeat(6);
        let page = format!("<body><div class=\"wrap\"><div class=\"story\">{}</div><div class=\"list\"><ul>{links}</ul></div></div></body>", para.repeat(3));
        let a = parse(&page);
        assert_eq!(a.paragraphs.len(), 3, "{:?}", texts(&a)); // a lead sentence is no title
        assert!(a.paragraphs.iter().all(|p| p.text.starts_with("The council")));
    }

    #[test]
    fn time_cut_by_a_block_tag() {
        for page in [
            "<p><time datetime=\"2015-06-02\">June<p>2</time>é</p>",
            "<time datetime=\"2015-06-0é\">é<div>é</time>",
            "<p>ab<time datetime=\"2015-06-02\">é</p></time>",
        ] {
            parse(page);
        }
    }
}
