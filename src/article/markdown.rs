//! Markdown with YAML front matter: `title`, `date`, `author`, `outlet`, `url` (flat
//! `key: value` pairs, quoted or not) on top, and a body whose inline markup is stripped to
//! plain text before the shared block parser reads it.

use super::blocks;
use super::lines::{self, Breaks};
use super::{Article, Metadata, Published};
use crate::calendar::parse_stamp;
use crate::model::PublishedSource;

pub(super) fn parse(content: &str) -> Article {
    let (front, body) = split_front_matter(content);
    let mut given = Metadata::default();
    for (key, value) in front {
        match key.as_str() {
            "title" => given.title = Some(value),
            "date" | "published" | "pubdate" | "published_at" => {
                given.published =
                    parse_stamp(&value).map(|stamp| Published { stamp, source: PublishedSource::FrontMatter });
            }
            "author" | "byline" => given.author = Some(value),
            "outlet" | "source" | "publication" | "site" => given.outlet = Some(value),
            "url" | "link" | "canonical" => given.url = Some(value),
            _ => {}
        }
    }
    let mut text = String::new();
    let mut in_fence = false;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        let line = if in_fence { line.to_string() } else { strip_line(line, &mut given) };
        text.push_str(&line);
        text.push('\n');
    }
    blocks::assemble(lines::split_blocks(&text, Breaks::Soft), given)
}

/// Splits off `---`-delimited front matter into (key, value) pairs.
fn split_front_matter(content: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = content.strip_prefix("---\n") else {
        return (Vec::new(), content);
    };
    // OK because `\n---` is ASCII, so `k + 4` is a boundary.
    let Some(end) = rest.find("\n---").filter(|&k| rest[k + 4..].starts_with('\n') || rest.len() == k + 4) else {
        return (Vec::new(), content);
    };
    let pairs = rest[..end]
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            let key = key.trim().to_ascii_lowercase();
            let value = unquote(value.trim());
            (!key.is_empty() && !key.starts_with('#') && !value.is_empty()).then_some((key, value))
        })
        .collect();
    (pairs, rest[end + 4..].strip_prefix('\n').unwrap_or(""))
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner.replace("\\\"", "\"").replace("''", "'");
        }
    }
    v.to_string()
}

/// Strips block markers (`#`, `>`) and inline markup (emphasis, links, images, code) from one line.
fn strip_line(line: &str, given: &mut Metadata) -> String {
    let mut line = line.trim_end();
    let trimmed = line.trim_start();
    if let Some(heading) = trimmed.strip_prefix('#') {
        let level = 1 + heading.chars().take_while(|&c| c == '#').count();
        let heading = heading.trim_start_matches('#').trim();
        if level == 1 && given.title.is_none() {
            given.title = Some(inline(heading));
            return String::new();
        }
        return format!("\n{}\n", inline(heading));
    }
    while let Some(rest) = line.trim_start().strip_prefix('>') {
        line = rest.trim_start();
    }
    if matches!(line.trim(), "---" | "***" | "___") {
        return String::new();
    }
    inline(line)
}

/// Removes inline Markdown: `![alt](src)` → ``, `[text](url)` → `text`, `**b**`/`__b__`/`*i*` → text, `` `c` `` → `c`.
///
/// Linear in the line: where the next `]` and `)` are is computed once, backwards, so an
/// unclosed `[` costs no scan to the end of the line.
fn inline(s: &str) -> String {
    // Most paragraphs carry no inline markup at all: copy them whole.
    if !s.bytes().any(|b| matches!(b, b'[' | b'*' | b'`' | b'_')) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let next_bracket = next_of(&chars, ']');
    let next_paren = next_of(&chars, ')');
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let open = if c == '!' && chars.get(i + 1) == Some(&'[') { Some(i + 1) } else { (c == '[').then_some(i) };
        // `[text](url)`: the first `]` after `[` must be followed by `(`, closed by a `)`.
        let link = open.and_then(|open| {
            let close = next_bracket[open];
            (chars.get(close + 1) == Some(&'(')).then_some(())?;
            let paren = *next_paren.get(close + 1)?;
            (paren < chars.len()).then_some((open + 1, close, paren + 1))
        });
        if let Some((text_start, text_end, end)) = link {
            if c == '[' {
                out.extend(&chars[text_start..text_end]);
            }
            i = end;
            continue;
        }
        let word_inside = |k: usize| chars.get(k).is_some_and(|c| c.is_alphanumeric());
        let is_markup = match c {
            '*' | '`' => true,
            // `_` is markup only at a word edge (snake_case stays).
            '_' => !(i > 0 && word_inside(i - 1) && word_inside(i + 1)),
            _ => false,
        };
        if !is_markup {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// For each position, the index of the first `target` at or after it (`chars.len()` if none).
fn next_of(chars: &[char], target: char) -> Vec<usize> {
    let mut next = vec![chars.len(); chars.len() + 1];
    for k in (0..chars.len()).rev() {
        next[k] = if chars[k] == target { k } else { next[k + 1] };
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body() {
        let a = parse("---\ntitle: \"Talks: Day Two\"\ndate: 2015-06-02\nauthor: Jane Doe\noutlet: The Daily Example\nurl: https://example.org/a\n---\n\nThe **talks** resumed, [officials](https://x.org) said.\n\n> A quoted block.\n");
        assert_eq!(a.meta.title.as_deref(), Some("Talks: Day Two"));
        assert_eq!(
            a.meta.published,
            Some(Published { stamp: "2015-06-02".parse().unwrap(), source: PublishedSource::FrontMatter })
        );
        assert_eq!(a.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.meta.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.org/a"));
        let texts: Vec<_> = a.paragraphs.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["The talks resumed, officials said.", "A quoted block."]);
    }

    #[test]
    fn heading_is_title_without_front_matter() {
        let a = parse("# Big _News_ Today\n\nBody with snake_case and an ![img](x.png) image.");
        assert_eq!(a.meta.title.as_deref(), Some("Big News Today"));
        assert_eq!(a.paragraphs[0].text, "Body with snake_case and an  image.");
    }
}
