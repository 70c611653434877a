//! A tolerant HTML tokenizer (no DOM): start and end tags with their raw attributes, text runs,
//! and the raw text of `<script>`, `<style>`, `<textarea>` and `<title>`. Comments are
//! skipped; a stray `<` is text; an unclosed tag or comment runs to the end of the input.
//!
//! Every step moves forward, so the cost is linear in the input; every slice is taken at an
//! ASCII delimiter found in the string, so no input can split a character.

/// One start or end tag: name (lowercase) and raw attributes.
pub(super) struct Tag<'a> {
    /// In ASCII lowercase: borrowed from the page when it is written so (most tags).
    pub name: std::borrow::Cow<'a, str>,
    pub raw_attrs: &'a str,
    pub closing: bool,
    /// Written `<name … />`.
    pub self_closing: bool,
}

impl Tag<'_> {
    pub fn attr(&self, name: &str) -> Option<String> {
        attribute(self.raw_attrs, name)
    }

    /// The values of attributes `names`, each as [`Tag::attr`] gives it, read in one pass over
    /// the raw attributes instead of one per name.
    pub fn attrs<const N: usize>(&self, names: [&str; N]) -> [Option<String>; N] {
        let mut values: [Option<String>; N] = std::array::from_fn(|_| None);
        for (key, value) in attributes(self.raw_attrs) {
            // The first attribute of a name wins, as in `attr`.
            if let Some(k) = names.iter().position(|n| key.eq_ignore_ascii_case(n)) {
                // OK because `position` returns an index of `names`, which has N items.
                let slot = &mut values[k];
                if slot.is_none() {
                    *slot = Some(decode_entities(value).trim().to_string());
                }
            }
        }
        values
    }
}

pub(super) enum Token<'a> {
    Tag(Tag<'a>),
    Text(&'a str),
    /// The content of a raw-text element (`script`, `style`, `textarea`, `title`), right
    /// after its start tag.
    RawText(&'a str),
}

/// Calls `f` with each token of `html`, in order.
pub(super) fn scan<'a>(html: &'a str, mut f: impl FnMut(Token<'a>)) {
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < html.len() {
        let Some(lt) = html[i..].find('<').map(|k| i + k) else {
            f(Token::Text(&html[i..]));
            break;
        };
        if lt > i {
            f(Token::Text(&html[i..lt]));
        }
        if html[lt..].starts_with("<!--") {
            i = html[lt + 4..].find("-->").map_or(html.len(), |k| lt + 4 + k + 3);
            continue;
        }
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
            f(Token::Text(&html[lt..lt + 1])); // a stray `<` in text
            i = lt + 1;
            continue;
        }
        // `end` is after the closing `>`, or the end of the input for an unclosed tag.
        let (inner_end, end) = match tag_end(html, lt) {
            Some(gt) => (gt, gt + 1),
            None => (html.len(), html.len()),
        };
        let inner = &html[lt + 1..inner_end];
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let name_len = inner.find(|c: char| c.is_whitespace() || c == '/' || c == '>').unwrap_or(inner.len());
        let raw_attrs = &inner[name_len..];
        let tag = Tag {
            name: ascii_lowercase(&inner[..name_len]),
            raw_attrs,
            closing,
            self_closing: raw_attrs.trim_end().ends_with('/'),
        };
        let raw_text = !closing && matches!(&*tag.name, "script" | "style" | "textarea" | "title");
        let close = raw_text.then(|| format!("</{}", tag.name));
        f(Token::Tag(tag));
        i = end;
        // Raw-text elements: jump to their end tag without reading their content as markup.
        if let Some(close) = close {
            let k = find_ascii_ci(&html[i..], &close).map_or(html.len(), |k| i + k);
            f(Token::RawText(&html[i..k]));
            i = k;
        }
    }
}

/// `s` in ASCII lowercase, copied only when it has an uppercase letter.
fn ascii_lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The index of the `>` closing the tag at `lt`, skipping `>` inside quoted attribute values.
fn tag_end(html: &str, lt: usize) -> Option<usize> {
    let mut quote = None;
    for (k, b) in html.as_bytes()[lt..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(*b),
            (Some(q), b) if *b == q => quote = None,
            (None, b'>') => return Some(lt + k),
            _ => {}
        }
    }
    None
}

/// The first index of ASCII `needle` in `haystack`, ignoring ASCII case.
pub(super) fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let first = n.first()?.to_ascii_lowercase();
    // Candidates start with the needle's first byte; each is compared over the needle's length,
    // which is a few bytes (an end tag's name).
    (0..h.len().saturating_sub(n.len() - 1))
        .find(|&k| h[k].to_ascii_lowercase() == first && h[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// The value of attribute `name` in a tag's raw attributes, entities decoded.
pub(super) fn attribute(raw: &str, name: &str) -> Option<String> {
    attributes(raw)
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| decode_entities(value).trim().to_string())
}

/// A tag's raw attributes as (name, raw value) pairs, in order; a name without a value has an
/// empty one.
fn attributes(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = raw;
    std::iter::from_fn(move || {
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
                // OK because the quote is one byte, and `find` returns a boundary.
                Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                    Some(k) => (&after[1..k + 1], &after[k + 2..]),
                    None => (&after[1..], ""),
                },
                _ => {
                    let k = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..k], &after[k..])
                }
            };
            value = v;
            rest = r;
        }
        Some((key, value))
    })
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

/// The longest reference looked for after a `&` (`&#x1F600;` and the names above fit).
const MAX_REFERENCE: usize = 12;

/// Decodes named (common ones) and numeric character references.
///
/// Linear: the `;` of a reference is looked for only in the few bytes after its `&`.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        // OK because `&` is one byte; `head` keeps to a boundary and `;` is one byte.
        let end = crate::article::head(&rest[1..], MAX_REFERENCE).find(';').map(|e| e + 1);
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

/// Text with runs of white space collapsed to one space, trimmed.
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a &lt;b&gt; &#39;c&#39; &#x2014; &unknown; &"), "a <b> 'c' — &unknown; &");
        assert_eq!(decode_entities("&&&amp;&é;"), "&&&&é;");
    }

    #[test]
    fn unclosed_tags_and_attributes_with_multibyte_text() {
        let mut texts = Vec::new();
        for input in ["<a href=\"é", "<p title='x>é", "<time datetime=\"2015-06-0é", "<é", "<b é"] {
            scan(input, |t| {
                if let Token::Tag(tag) = t {
                    texts.push(tag.attr("datetime").unwrap_or_default());
                }
            });
        }
        assert!(texts.iter().any(|t| t == "2015-06-0é"));
    }
}
