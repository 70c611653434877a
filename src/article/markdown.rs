//! Markdown with YAML front matter: `title`, `date`, `author`, `outlet`, `url` (flat
//! `key: value` pairs, quoted or not) on top, and a body whose inline markup is stripped to
//! plain text before the shared block parser reads it.

use super::blocks::{self, Given};
use super::Article;
use crate::calendar::parse_stamp;
use crate::model::PublishedSource;

pub(super) fn parse(content: &str) -> Article {
    let (front, body) = split_front_matter(content);
    let mut given = Given::default();
    for (key, value) in front {
        match key.as_str() {
            "title" => given.title = Some(value),
            "date" | "published" | "pubdate" | "published_at" => {
                given.published = parse_stamp(&value).map(|s| (s, PublishedSource::FrontMatter));
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
    blocks::parse(&text, given)
}

/// Splits off `---`-delimited front matter into (key, value) pairs.
fn split_front_matter(content: &str) -> (Vec<(String, String)>, &str) {
    let Some(rest) = content.strip_prefix("---\n") else {
        return (Vec::new(), content);
    };
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
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v[1..v.len() - 1].replace("\\\"", "\"").replace("''", "'");
        }
    }
    v.to_string()
}

/// Strips block markers (`#`, `>`) and inline markup (emphasis, links, images, code) from one line.
fn strip_line(line: &str, given: &mut Given) -> String {
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
fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '[' || (c == '!' && chars.get(i + 1) == Some(&'['))) && link_end(&chars, i).is_some() {
            let (text_start, text_end, end) = link_end(&chars, i).unwrap();
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

/// For `[text](url)` at `i` (or `![...]`), returns (text start, text end, index after `)`).
fn link_end(chars: &[char], i: usize) -> Option<(usize, usize, usize)> {
    let open = if chars[i] == '!' { i + 1 } else { i };
    let close = open + chars[open..].iter().position(|&c| c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let paren = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
    Some((open + 1, close, paren + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body() {
        let a = parse("---\ntitle: \"Talks: Day Two\"\ndate: 2015-06-02\nauthor: Jane Doe\noutlet: The Daily Example\nurl: https://example.org/a\n---\n\nThe **talks** resumed, [officials](https://x.org) said.\n\n> A quoted block.\n");
        assert_eq!(a.title, "Talks: Day Two");
        assert_eq!(a.published.map(|s| s.to_string()).as_deref(), Some("2015-06-02"));
        assert_eq!(a.published_source, PublishedSource::FrontMatter);
        assert_eq!(a.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        let texts: Vec<_> = a.paragraphs.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["The talks resumed, officials said.", "A quoted block."]);
    }

    #[test]
    fn heading_is_title_without_front_matter() {
        let a = parse("# Big _News_ Today\n\nBody with snake_case and an ![img](x.png) image.");
        assert_eq!(a.title, "Big News Today");
        assert_eq!(a.paragraphs[0].text, "Body with snake_case and an  image.");
    }
}
