//! Page metadata: `<meta>` (`og:title`, `og:site_name`, `article:published_time`, `author`
//! and their usual aliases), `<link rel=canonical>`, `<title>`, and schema.org JSON-LD
//! (`headline`, `datePublished`, `author`, `publisher`).
//!
//! The JSON-LD reader is a small, bounded JSON parser of its own rather than `serde_json`'s
//! `Value`, which would cost the wasm several KiB for a few fields.

use super::scan::{collapse, decode_entities, Tag};
use crate::article::{Metadata, Published};
use crate::calendar::parse_stamp;
use crate::model::PublishedSource;

/// What the page's metadata says, by source (the page reader weighs them field by field); each
/// field is the first value found.
#[derive(Default, Debug)]
pub(super) struct PageMeta {
    /// From `<meta>` (`og:title` is the title, `og:site_name` the outlet) and the canonical link.
    pub tags: Metadata,
    /// From the schema.org article node (`headline`, `datePublished`, `author`, `publisher`).
    pub ld: Metadata,
    /// The text of `<title>`, with the site's name in it as pages write it.
    pub title_tag: Option<String>,
}

fn from_meta(stamp: crate::calendar::Stamp) -> Published {
    Published { stamp, source: PublishedSource::Meta }
}

impl PageMeta {
    pub fn read_meta(&mut self, tag: &Tag) {
        let key = tag
            .attr("property")
            .or_else(|| tag.attr("name"))
            .or_else(|| tag.attr("itemprop"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let Some(value) = tag.attr("content").filter(|v| !v.is_empty()) else {
            return;
        };
        match key.as_str() {
            "og:title" | "twitter:title" => {
                self.tags.title.get_or_insert(value);
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
            | "og:published_time" => {
                self.tags.published = self.tags.published.or_else(|| parse_stamp(&value).map(from_meta));
            }
            "author" | "article:author" | "dc.creator" | "byl" | "sailthru.author" | "parsely-author"
                if !value.starts_with("http") =>
            {
                let name =
                    value.strip_prefix("By ").or_else(|| value.strip_prefix("by ")).unwrap_or(&value).to_string();
                self.tags.author.get_or_insert(name);
            }
            "og:site_name" | "application-name" => {
                self.tags.outlet.get_or_insert(value);
            }
            "og:url" => {
                self.tags.url.get_or_insert(value);
            }
            _ => {}
        }
    }

    pub fn read_link(&mut self, tag: &Tag) {
        if tag.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
            self.tags.url = self.tags.url.take().or_else(|| tag.attr("href"));
        }
    }

    pub fn read_title(&mut self, text: &str) {
        if self.title_tag.is_none() {
            self.title_tag = Some(collapse(&decode_entities(text))).filter(|t| !t.is_empty());
        }
    }

    /// Reads one `<script type="application/ld+json">` block; the first article node wins.
    pub fn read_json_ld(&mut self, json: &str) {
        if self.ld.title.is_some() || self.ld.published.is_some() {
            return;
        }
        if let Some(value) = Json::parse(json) {
            if let Some(node) = article_node(&value, 0) {
                self.ld = Metadata {
                    title: node.get("headline").and_then(Json::as_str).map(|s| collapse(&decode_entities(s))),
                    published: node.get("datePublished").and_then(Json::as_str).and_then(parse_stamp).map(from_meta),
                    author: node.get("author").and_then(names),
                    outlet: node.get("publisher").and_then(names),
                    url: None,
                };
            }
        }
    }

    /// The headline in `<title>` and the site's name beside it (`Headline | The Herald`,
    /// `The Herald - Headline`): the part that is the site's known name, or that is not the
    /// page's own first heading, is the site.
    pub fn split_title(&self, headings: &[&str]) -> Option<(String, Option<String>)> {
        let title = self.title_tag.as_deref()?;
        let site = self.tags.outlet.as_deref().or(self.ld.outlet.as_deref());
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
            for (a, b) in [title.rsplit_once(sep), title.split_once(sep)].into_iter().flatten() {
                for (headline, other) in [(a, b), (b, a)] {
                    if site.is_some_and(|s| same(other, s)) || headings.iter().any(|h| same(h, headline)) {
                        return Some((headline.trim().to_string(), Some(other.trim().to_string())));
                    }
                }
            }
        }
        Some((title.to_string(), None))
    }
}

/// The node describing the article: a `…Article`, `BlogPosting` or `Report`, or any node with a
/// `headline`; searched through arrays and `@graph`.
fn article_node(value: &Json, depth: usize) -> Option<&Json> {
    if depth > 8 {
        return None;
    }
    match value {
        Json::Array(items) => items
            .iter()
            .find_map(|v| article_node(v, depth + 1).filter(|n| is_article(n)))
            .or_else(|| items.iter().find_map(|v| article_node(v, depth + 1))),
        Json::Object(_) => {
            if is_article(value) || value.get("headline").is_some() {
                return Some(value);
            }
            value.get("@graph").and_then(|g| article_node(g, depth + 1))
        }
        _ => None,
    }
}

fn is_article(node: &Json) -> bool {
    let is_article_type =
        |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting";
    match node.get("@type") {
        Some(Json::String(t)) => is_article_type(t),
        Some(Json::Array(types)) => types.iter().filter_map(Json::as_str).any(is_article_type),
        _ => false,
    }
}

/// A name, or the names of a list of people joined with "and": `"Jane Doe"`,
/// `{"@type": "Person", "name": "Jane Doe"}`, `[{…}, {…}]`.
fn names(value: &Json) -> Option<String> {
    let one = |v: &Json| match v {
        Json::String(s) if !s.starts_with("http") => Some(collapse(&decode_entities(s))),
        Json::Object(_) => v.get("name").and_then(Json::as_str).map(|s| collapse(&decode_entities(s))),
        _ => None,
    };
    let list: Vec<String> = match value {
        Json::Array(items) => items.iter().filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    let list: Vec<String> = list.into_iter().filter(|s| !s.is_empty()).collect();
    match list.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// A JSON value, as much of it as JSON-LD needs.
#[derive(Debug, PartialEq)]
enum Json {
    Null,
    Bool,
    Number,
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Nesting deeper than this is not metadata; the parser stops there (and cannot overflow the
/// stack on hostile input).
const MAX_DEPTH: usize = 32;

impl Json {
    fn parse(text: &str) -> Option<Json> {
        let mut p = Parser { b: text.as_bytes(), i: 0 };
        let v = p.value(0)?;
        p.ws();
        (p.i == p.b.len()).then_some(v)
    }

    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut fields = Vec::new();
                if self.eat(b'}').is_some() {
                    return Some(Json::Object(fields));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    self.eat(b':')?;
                    fields.push((key, self.value(depth + 1)?));
                    if self.eat(b',').is_none() {
                        self.eat(b'}')?;
                        return Some(Json::Object(fields));
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']').is_some() {
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',').is_none() {
                        self.eat(b']')?;
                        return Some(Json::Array(items));
                    }
                }
            }
            b'"' => self.string().map(Json::String),
            b't' => self.literal(b"true", Json::Bool),
            b'f' => self.literal(b"false", Json::Bool),
            b'n' => self.literal(b"null", Json::Null),
            b'-' | b'0'..=b'9' => {
                while self.b.get(self.i).is_some_and(|c| matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
                    self.i += 1;
                }
                Some(Json::Number)
            }
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Option<Json> {
        self.b[self.i..].starts_with(word).then(|| {
            self.i += word.len();
            value
        })
    }

    /// A string at the cursor, escapes decoded (a lone surrogate becomes U+FFFD).
    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out = Vec::new();
        loop {
            match *self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    // OK because the input was a `&str` and only whole characters or ASCII escapes were copied.
                    return String::from_utf8(out).ok();
                }
                b'\\' => {
                    let escaped = *self.b.get(self.i + 1)?;
                    self.i += 2;
                    let c = match escaped {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' | b'f' => ' ',
                        b'u' => {
                            let hex = std::str::from_utf8(self.b.get(self.i..self.i + 4)?).ok()?;
                            self.i += 4;
                            char::from_u32(u32::from_str_radix(hex, 16).ok()?).unwrap_or('\u{fffd}')
                        }
                        other => char::from(other),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                c => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> Metadata {
        let mut meta = PageMeta::default();
        meta.read_json_ld(json);
        meta.ld
    }

    #[test]
    fn json_ld_article_in_a_graph() {
        let got = ld(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Port \"Strike\" \u00e9nds","datePublished":"2023-02-23T09:15:00-05:00",
             "author":[{"@type":"Person","name":"Jo Park"},{"@type":"Person","name":"Ann Lee"}],
             "publisher":{"@type":"Organization","name":"The Ledger"}}]}"#);
        assert_eq!(got.title.as_deref(), Some("Port \"Strike\" énds"));
        assert_eq!(got.published.map(|p| p.stamp.to_string()).as_deref(), Some("2023-02-23T09:15"));
        assert_eq!(got.author.as_deref(), Some("Jo Park and Ann Lee"));
        assert_eq!(got.outlet.as_deref(), Some("The Ledger"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        for bad in [
            "{",
            "{\"headline\": \"x",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            "{\"a\":\"\\u12\"}",
            "\"é",
        ] {
            assert_eq!(ld(bad), Metadata::default(), "{bad}");
        }
    }
}
