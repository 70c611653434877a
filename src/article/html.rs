//! HTML articles: a tolerant scan of tags (no DOM) that keeps the article's text blocks and
//! reads its metadata — title (`<h1>`, `og:title`, `<title>`), publication date (`<time
//! datetime>`, `article:published_time` and similar meta, JSON-LD `datePublished`), author,
//! outlet (`og:site_name`) and canonical URL.
//!
//! Scripts, styles, navigation, forms and asides are dropped; when the page has an `<article>`
//! (or `<main>`), only its content is the body. The blocks then go through the same block
//! parser as plain text (comments, boilerplate, bylines).

use super::blocks::{self, Given, RawBlock};
use super::Article;
use crate::calendar::{parse_stamp, Stamp};
use crate::model::PublishedSource;

/// Elements whose whole content is dropped.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "nav", "aside", "form", "button",
    "select", "textarea", "footer", "head", "figure",
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
];

#[derive(Default)]
struct Meta {
    title_tag: Option<String>,
    og_title: Option<String>,
    h1: Option<String>,
    published: Option<(Stamp, PublishedSource)>,
    author: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

/// One start or end tag: name (lowercase), attributes, and whether it closes.
struct Tag<'a> {
    name: String,
    raw_attrs: &'a str,
    closing: bool,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<String> {
        attribute(self.raw_attrs, name)
    }
}

pub(super) fn parse(content: &str) -> Article {
    let mut meta = Meta::default();
    read_head(content, &mut meta);
    let body = article_region(content);
    let blocks = read_blocks(body, &mut meta);
    if meta.published.is_none() {
        meta.published = json_ld_date(content);
    }
    let title = meta.h1.clone().or(meta.og_title.clone()).or(meta.title_tag.clone()).filter(|t| !t.is_empty());
    let given = Given { title, published: meta.published, author: meta.author, outlet: meta.outlet, url: meta.url };
    blocks::assemble(blocks, given)
}

/// Iterates over the tags and text runs of `html`: `f(Some(tag), "")` or `f(None, text)`.
fn scan<'a>(html: &'a str, mut f: impl FnMut(Option<&Tag<'a>>, &'a str)) {
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < html.len() {
        let Some(lt) = html[i..].find('<').map(|k| i + k) else {
            f(None, &html[i..]);
            break;
        };
        if lt > i {
            f(None, &html[i..lt]);
        }
        if html[lt..].starts_with("<!--") {
            i = html[lt..].find("-->").map_or(html.len(), |k| lt + k + 3);
            continue;
        }
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
            f(None, &html[lt..lt + 1]); // a stray `<` in text
            i = lt + 1;
            continue;
        }
        let end = tag_end(html, lt);
        let inner = &html[lt + 1..end.saturating_sub(1).max(lt + 1)];
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let name_len = inner.find(|c: char| c.is_whitespace() || c == '/' || c == '>').unwrap_or(inner.len());
        let tag = Tag { name: inner[..name_len].to_ascii_lowercase(), raw_attrs: &inner[name_len..], closing };
        f(Some(&tag), "");
        i = end;
        // Raw-text elements: jump to their end tag without reading their content as markup.
        if !closing && matches!(tag.name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{}", tag.name);
            let k = find_ascii_ci(&html[i..], &close).map_or(html.len(), |k| i + k);
            if tag.name == "title" {
                f(None, &html[i..k]);
            }
            i = k;
        }
    }
}

/// The index after the `>` closing the tag at `lt`, skipping `>` inside quoted attribute values.
fn tag_end(html: &str, lt: usize) -> usize {
    let mut quote = None;
    for (k, c) in html[lt..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return lt + k + 1,
            _ => {}
        }
    }
    html.len()
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

fn attribute(raw: &str, name: &str) -> Option<String> {
    let mut rest = raw;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let key_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let key = &rest[..key_len];
        rest = rest[key_len..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, r) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |k| k + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let k = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..k], &after[k..])
                }
            };
            value = v;
            rest = r;
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(decode_entities(value).trim().to_string());
        }
    }
}

/// Reads `<title>`, `<meta>` and `<link rel=canonical>` anywhere in the page.
fn read_head(html: &str, meta: &mut Meta) {
    let mut in_title = false;
    scan(html, |tag, text| match tag {
        Some(t) if t.name == "title" => in_title = !t.closing,
        Some(t) if t.name == "meta" => read_meta(t, meta),
        Some(t) if t.name == "link" && t.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
            meta.url = meta.url.take().or_else(|| t.attr("href"));
        }
        Some(_) => {}
        None if in_title && meta.title_tag.is_none() => meta.title_tag = Some(collapse(&decode_entities(text))),
        None => {}
    });
}

fn read_meta(tag: &Tag, meta: &mut Meta) {
    let key = tag
        .attr("property")
        .or_else(|| tag.attr("name"))
        .or_else(|| tag.attr("itemprop"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some(value) = tag.attr("content").filter(|v| !v.is_empty()) else { return };
    match key.as_str() {
        "og:title" | "twitter:title" => {
            meta.og_title.get_or_insert(value);
        }
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publishdate"
        | "dc.date"
        | "dc.date.issued"
        | "sailthru.date"
        | "parsely-pub-date"
            if meta.published.is_none() =>
        {
            meta.published = parse_stamp(&value).map(|s| (s, PublishedSource::Meta));
        }
        "author" | "article:author" | "dc.creator" | "byl" | "sailthru.author" if !value.starts_with("http") => {
            let name = value.strip_prefix("By ").or_else(|| value.strip_prefix("by ")).unwrap_or(&value).to_string();
            meta.author.get_or_insert(name);
        }
        "og:site_name" | "application-name" => {
            meta.outlet.get_or_insert(value);
        }
        "og:url" => {
            meta.url.get_or_insert(value);
        }
        _ => {}
    }
}

/// `"datePublished": "2015-06-04T09:30:00Z"` in a JSON-LD block.
fn json_ld_date(html: &str) -> Option<(Stamp, PublishedSource)> {
    let k = html.find("\"datePublished\"")?;
    let rest = html[k + 15..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let value = &rest[..rest.find('"')?];
    parse_stamp(value).map(|s| (s, PublishedSource::Meta))
}

/// The part of the page that holds the article: the first `<article>`, else `<main>`, else all.
fn article_region(html: &str) -> &str {
    for name in ["<article", "<main"] {
        if let Some(start) = find_ascii_ci(html, name) {
            let close = format!("</{}", &name[1..]);
            // The last closing tag: nested articles (comments) stay inside.
            let end = rfind_ascii_ci(html, &close).filter(|&e| e > start).unwrap_or(html.len());
            return &html[start..end];
        }
    }
    html
}

fn rfind_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).rev().find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// The text blocks of the body, with `<h1>` and `<time datetime>` noted in `meta`.
fn read_blocks(html: &str, meta: &mut Meta) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut item: Option<String> = None;
    let mut skip_depth: Vec<String> = Vec::new();
    let mut lists: Vec<(bool, u32)> = Vec::new(); // (ordered, counter)
    let mut in_h1 = false;
    let mut h1_text = String::new();
    // A block that is only the `<time>` read as the publication date is a dateline, not body.
    let mut time_start: Option<usize> = None;
    let mut dateline: Option<String> = None;
    let flush =
        |current: &mut String, item: &mut Option<String>, blocks: &mut Vec<RawBlock>, dateline: &Option<String>| {
            let text = collapse(&decode_entities(current));
            if !text.is_empty() && dateline.as_ref() != Some(&text) {
                blocks.push(RawBlock { text, item: item.take() });
            }
            current.clear();
        };
    scan(html, |tag, text| {
        let Some(t) = tag else {
            if skip_depth.is_empty() {
                current.push_str(text);
                if in_h1 {
                    h1_text.push_str(text);
                }
            }
            return;
        };
        if let Some(open) = skip_depth.last() {
            if t.closing && t.name == *open {
                skip_depth.pop();
            } else if !t.closing && t.name == *open {
                skip_depth.push(t.name.clone());
            }
            return;
        }
        if !t.closing && SKIPPED.contains(&t.name.as_str()) && !t.raw_attrs.trim_end().ends_with('/') {
            skip_depth.push(t.name.clone());
            return;
        }
        match (t.name.as_str(), t.closing) {
            ("time", false) if meta.published.is_none() => {
                meta.published = t.attr("datetime").and_then(|d| parse_stamp(&d)).map(|s| (s, PublishedSource::Meta));
                time_start = meta.published.is_some().then_some(current.len());
            }
            ("time", true) => {
                if let Some(start) = time_start.take() {
                    dateline = Some(collapse(&decode_entities(&current[start..])));
                }
            }
            ("h1", false) => in_h1 = meta.h1.is_none(),
            ("h1", true) if in_h1 => {
                in_h1 = false;
                meta.h1 = Some(collapse(&decode_entities(&h1_text)));
            }
            ("ul" | "ol", false) => lists.push((t.name == "ol", 0)),
            ("ul" | "ol", true) => {
                lists.pop();
            }
            _ => {}
        }
        if BLOCK_LEVEL.contains(&t.name.as_str()) {
            flush(&mut current, &mut item, &mut blocks, &dateline);
            if t.name == "li" && !t.closing {
                item = Some(match lists.last_mut() {
                    Some((true, n)) => {
                        *n += 1;
                        n.to_string()
                    }
                    _ => "•".to_string(),
                });
            }
        } else if !t.closing && matches!(t.name.as_str(), "img" | "input") {
            current.push(' ');
        }
    });
    flush(&mut current, &mut item, &mut blocks, &dateline);
    blocks
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("mdash", "—"),
    ("ndash", "–"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("uacute", "ú"),
    ("ntilde", "ñ"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("auml", "ä"),
    ("ccedil", "ç"),
    ("szlig", "ß"),
    ("euro", "€"),
    ("pound", "£"),
    ("middot", "·"),
    ("bull", "•"),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("thinsp", " "),
    ("ensp", " "),
    ("emsp", " "),
];

/// Decodes named (common ones) and numeric character references.
pub(super) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                code.and_then(char::from_u32).filter(|c| *c != '\0').map(String::from)
            } else {
                NAMED_ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((text, len)) => {
                out.push_str(&text);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
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

    #[test]
    fn reads_metadata_and_article_blocks() {
        let a = parse(PAGE);
        assert_eq!(a.title, "Talks Resume in Geneva");
        assert_eq!(a.published.map(|s| s.to_string()).as_deref(), Some("2015-06-02T09:30"));
        assert_eq!(a.published_source, PublishedSource::Meta);
        assert_eq!(a.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.outlet.as_deref(), Some("The Example Herald"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/talks"));
        let blocks: Vec<_> = a.paragraphs.iter().map(|b| (b.item.as_deref(), b.text.as_str())).collect();
        assert_eq!(
            blocks,
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
        assert_eq!(a.title, "Unclosed bold");
        let texts: Vec<_> = a.paragraphs.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["next < 3 and &bogus; &#xZZ; done"]);
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a &lt;b&gt; &#39;c&#39; &#x2014; &unknown; &"), "a <b> 'c' — &unknown; &");
    }
}
