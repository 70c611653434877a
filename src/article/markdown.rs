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
    // Room for every line and its newline: stripping markup only shortens a line, but for a
    // heading set apart by its newlines (rare; the text then grows once). Grown from empty, a
    // long body's text was copied into a buffer twice its size by its last newline.
    let (text, ends) = strip_body(body, &mut given);
    // Natively the text's lines are read where they were written; the wasm splits the text
    // again (one copy of the block splitter in it, not two).
    #[cfg(not(target_arch = "wasm32"))]
    let blocks = lines::blocks_of_lines(&text, lines_at(&text, &ends), Breaks::Soft);
    #[cfg(target_arch = "wasm32")]
    let blocks = {
        let _ = ends;
        lines::split_blocks(&text, Breaks::Soft)
    };
    blocks::assemble(blocks, given)
}

/// The body's text, markup stripped, line by line (each line and its newline), and natively
/// where its newlines are, as they are written (a line is written as one piece with no
/// newline in it, or as a heading set apart by newlines): its lines need not be looked for
/// again (a scan of the whole text, some 120 instructions a line on 2 MB of news). The wasm
/// keeps no newlines' places. Memory: four bytes a line, for as long as the body's blocks are
/// made (which hold three times as much a line: each line's record).
fn strip_body(body: &str, given: &mut Metadata) -> (String, Vec<u32>) {
    // Room for every line and its newline: stripping markup only shortens a line, but for a
    // heading set apart by its newlines (rare; the text then grows once). Grown from empty, a
    // long body's text was copied into a buffer twice its size by its last newline.
    let mut text = String::with_capacity(body.len() + 1);
    let mut ends = Vec::new();
    let mut in_fence = false;
    // `bytes::lines`: `str::lines` with a memchr of sixteen bytes at a step.
    for line in crate::bytes::lines(body) {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        let start = text.len();
        let heading = if in_fence {
            text.push_str(line);
            false
        } else {
            strip_line(line, given, &mut text)
        };
        text.push('\n');
        if cfg!(not(target_arch = "wasm32")) {
            // A heading is written as `\n`, its text and `\n`: its first newline is where it
            // starts. No other line holds a newline (a line of the body has none, and stripping
            // markup writes none). OK because an article is at most `MAX_ARTICLE_BYTES` (8 MiB)
            // and its text at most twice its body, so every offset fits in a `u32`.
            let end = text.len() as u32 - 1;
            if heading {
                ends.push(start as u32);
                ends.push(end - 1);
            }
            ends.push(end);
        }
    }
    (text, ends)
}

/// The lines of `text` that end at the newlines at `ends` (every newline of `text`, in order,
/// the last its last byte), as `str::lines` gives them (a carriage return before a newline
/// dropped; a text of Markdown never holds one, as its reader made newlines of them).
#[cfg(not(target_arch = "wasm32"))]
fn lines_at<'a>(text: &'a str, ends: &'a [u32]) -> impl Iterator<Item = &'a str> {
    let starts = std::iter::once(0).chain(ends.iter().map(|&end| end as usize + 1));
    starts.zip(ends).map(|(start, &end)| {
        let end = end as usize;
        // OK because `start <= end` are the offsets after a newline (or 0) and of the next
        // newline, char boundaries; `get` keeps a wrong pair from panicking.
        let line = text.get(start..end).unwrap_or_default();
        line.strip_suffix('\r').unwrap_or(line)
    })
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

/// Strips block markers (`#`, `>`) and inline markup (emphasis, links, images, code) from one
/// line, onto `out` (a line written in place, not returned as a string of its own: one
/// allocation and copy less per line).
///
/// True when it wrote a heading set apart by newlines (`\n`, its text, `\n`); otherwise it
/// wrote no newline.
fn strip_line(line: &str, given: &mut Metadata, out: &mut String) -> bool {
    let mut line = line.trim_end();
    let trimmed = line.trim_start();
    if let Some(heading) = trimmed.strip_prefix('#') {
        let level = 1 + heading.chars().take_while(|&c| c == '#').count();
        let heading = heading.trim_start_matches('#').trim();
        if level == 1 && given.title.is_none() {
            given.title = Some(inline(heading));
            return false;
        }
        out.push('\n');
        inline_into(out, heading);
        out.push('\n');
        return true;
    }
    while let Some(rest) = line.trim_start().strip_prefix('>') {
        line = rest.trim_start();
    }
    if matches!(line.trim(), "---" | "***" | "___") {
        return false;
    }
    inline_into(out, line);
    false
}

/// Removes inline Markdown: `![alt](src)` → ``, `[text](url)` → `text`, `**b**`/`__b__`/`*i*` → text, `` `c` `` → `c`.
///
/// Linear in the line and without per-character tables: the markup is ASCII, so the line is
/// read by bytes, and where the next `]` and `)` are is found by two cursors that only move
/// forward (the positions asked about never decrease), so an unclosed `[` costs no scan to
/// the end of the line.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    inline_into(&mut out, s);
    out
}

/// [`inline`] onto the end of `out`.
fn inline_into(out: &mut String, s: &str) {
    // Most paragraphs carry no inline markup at all: copy them whole.
    if !has_markup_byte(s.as_bytes()) {
        out.push_str(s);
        return;
    }
    let bytes = s.as_bytes();
    let n = bytes.len();
    let (mut next_bracket, mut next_paren) = (Next::new(b']'), Next::new(b')'));
    out.reserve(s.len());
    let mut i = 0;
    while i < n {
        // The text up to the next byte that may start markup, copied whole (a byte at a time
        // was 0.8% of the run on unseen news). OK because `i` and `next` are char boundaries:
        // `i` only moves past whole runs and ASCII bytes, and `next` is at an ASCII byte or
        // the end.
        let next = next_markup_byte(bytes, i);
        out.push_str(s.get(i..next).unwrap_or_default());
        i = next;
        let Some(&c) = bytes.get(i) else {
            break;
        };
        let open = if c == b'!' && bytes.get(i + 1) == Some(&b'[') { Some(i + 1) } else { (c == b'[').then_some(i) };
        // `[text](url)`: the first `]` after `[` must be followed by `(`, closed by a `)`.
        let link = open.and_then(|open| {
            let close = next_bracket.at_or_after(bytes, open);
            (bytes.get(close + 1) == Some(&b'(')).then_some(())?;
            let paren = next_paren.at_or_after(bytes, close + 1);
            (paren < n).then_some((open + 1, close, paren + 1))
        });
        if let Some((text_start, text_end, end)) = link {
            if c == b'[' {
                // OK because both ends are at ASCII brackets: char boundaries.
                out.push_str(s.get(text_start..text_end).unwrap_or_default());
            }
            i = end;
            continue;
        }
        let word_before = || s.get(..i).and_then(|b| b.chars().next_back()).is_some_and(char::is_alphanumeric);
        let word_after = || s.get(i + 1..).and_then(|a| a.chars().next()).is_some_and(char::is_alphanumeric);
        let is_markup = match c {
            b'*' | b'`' => true,
            // `_` is markup only at a word edge (snake_case stays).
            b'_' => !(i > 0 && word_before() && word_after()),
            _ => false,
        };
        if !is_markup {
            out.push(char::from(c));
        }
        i += 1;
    }
}

/// True when `bytes` holds `[`, `*`, `` ` `` or `_`, the bytes that start inline markup (a
/// byte at a time was about 7 instructions a byte of every Markdown paragraph; see
/// [`crate::bytes::find_any`]).
fn has_markup_byte(bytes: &[u8]) -> bool {
    crate::bytes::find_any(bytes, 0, b"[*`_").is_some()
}

/// Where the first byte at or after `from` that may start inline markup is (`[`, `!`, `*`,
/// `` ` `` or `_`), or the length (see [`crate::bytes::find_any`]).
fn next_markup_byte(bytes: &[u8], from: usize) -> usize {
    crate::bytes::find_any(bytes, from, b"[!*`_").unwrap_or(bytes.len())
}

/// The first position of one byte at or after a position, for positions asked in
/// non-decreasing order: the answer is kept and only searched again past it, so all the
/// answers of one line cost one pass over it.
struct Next {
    target: u8,
    /// The last answer (the line's length when there is none).
    at: Option<usize>,
}

impl Next {
    fn new(target: u8) -> Self {
        Next { target, at: None }
    }

    /// The first `target` at or after `from` in `bytes`, or `bytes.len()`; `from` is never
    /// below the previous call's, so an answer at or after it is still the first.
    fn at_or_after(&mut self, bytes: &[u8], from: usize) -> usize {
        match self.at {
            Some(at) if at >= from => at,
            _ => {
                let rest = bytes.get(from..).unwrap_or_default();
                let at = rest.iter().position(|&b| b == self.target).map_or(bytes.len(), |k| from + k);
                self.at = Some(at);
                at
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines read where the body's text was written are the text's lines, on random
    /// bodies of headings (of every level, empty, the first one the title), quotes, fences,
    /// rules, markup, blank lines and carriage returns, and on the test articles.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn lines_where_written_are_the_texts_lines() {
        let pieces = [
            "# Title",
            "## Part *one*",
            "#",
            "##   ",
            "### ",
            "> quoted **text**",
            ">> deep",
            "```",
            "~~~ rust",
            "---",
            "***",
            "plain words",
            "a [link](http://x) and `code`",
            "",
            "   ",
            "\r",
            "tail\r",
            "é — “x”",
        ];
        let mut shuffle = crate::shuffle::Shuffle::from_seed(0x2545_f491_4f6c_dd1d);
        let mut bodies: Vec<String> = (0..3000)
            .map(|_| {
                let n = shuffle.below(12);
                let mut body = String::new();
                for _ in 0..n {
                    body.push_str(pieces[shuffle.below(pieces.len())]);
                    body.push_str(["\n", "\n", "\r\n", "\n\n"][shuffle.below(4)]);
                }
                if shuffle.below(2) == 0 {
                    body.push_str(pieces[shuffle.below(pieces.len())]);
                }
                body
            })
            .collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
        for entry in std::fs::read_dir(dir).expect("tests/articles") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                bodies.push(std::fs::read_to_string(&path).expect("an article"));
            }
        }
        let mut headings = 0;
        for body in &bodies {
            let (text, ends) = strip_body(body, &mut Metadata::default());
            assert_eq!(lines_at(&text, &ends).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{body:?}");
            headings += text.matches("\nPart one\n").count();
        }
        assert!(headings > 100, "{headings} bodies with headings set apart");
    }

    /// The word-at-a-time tests are the byte-at-a-time ones ([`has_markup_byte`], and
    /// [`next_markup_byte`] from every start): each markup byte at every position of texts of 0
    /// to 24 bytes, beside bytes one off from it and multi-byte characters.
    #[test]
    fn markup_bytes_are_found_at_every_position() {
        let by_bytes = |b: &[u8]| b.iter().any(|b| matches!(b, b'[' | b'*' | b'`' | b'_'));
        let starts_markup = |b: &u8| matches!(b, b'[' | b'!' | b'*' | b'`' | b'_');
        let mut found = 0;
        for len in 0..25 {
            for at in 0..=len {
                for mark in [b'[', b'!', b'*', b'`', b'_', b'Z', b'\\', b'^', b'a', b'+', b')', b' ', 0x80] {
                    let mut text: Vec<u8> = b"\\^+)Z\xc3\xa9ab".iter().copied().cycle().take(len).collect();
                    if at < len {
                        text[at] = mark;
                    }
                    assert_eq!(has_markup_byte(&text), by_bytes(&text), "{text:?}");
                    found += usize::from(has_markup_byte(&text));
                    for from in 0..=len {
                        let naive = from + text[from..].iter().position(starts_markup).unwrap_or(len - from);
                        assert_eq!(next_markup_byte(&text, from), naive, "{text:?} from {from}");
                    }
                }
            }
        }
        assert!(found > 1000, "{found}");
    }

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

    /// The per-character definition `inline` had before it read bytes (a `Vec<char>` and two
    /// tables of `usize` per character: 20 bytes of memory per byte of a line).
    fn inline_by_chars(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let next_of = |target: char| {
            let mut next = vec![chars.len(); chars.len() + 1];
            for k in (0..chars.len()).rev() {
                next[k] = if chars[k] == target { k } else { next[k + 1] };
            }
            next
        };
        let (next_bracket, next_paren) = (next_of(']'), next_of(')'));
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let open = if c == '!' && chars.get(i + 1) == Some(&'[') { Some(i + 1) } else { (c == '[').then_some(i) };
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

    #[test]
    fn inline_markup_by_bytes_is_the_per_character_definition() {
        // Every line of up to 5 pieces over an alphabet of markup, ASCII and multibyte
        // letters, spaces and a 4-byte character, and every 11th of 6 (deterministic: a
        // counter in base 12).
        let alphabet = ["[", "]", "(", ")", "!", "*", "`", "_", "a", "é", " ", "😀"];
        let mut lines = vec!["Ünïcödé [lïnk](x) and ![ïmg](y) _ä_ snake_cäse *b* `c` [ä] (b) [a](b".to_string()];
        for len in 1..=6u32 {
            let step = if len == 6 { 11 } else { 1 };
            for mut k in (0..12u64.pow(len)).step_by(step) {
                let mut line = String::new();
                for _ in 0..len {
                    line.push_str(alphabet[(k % 12) as usize]);
                    k /= 12;
                }
                lines.push(line);
            }
        }
        for line in &lines {
            assert_eq!(inline(line), inline_by_chars(line), "{line:?}");
        }
    }

    #[test]
    fn heading_is_title_without_front_matter() {
        let a = parse("# Big _News_ Today\n\nBody with snake_case and an ![img](x.png) image.");
        assert_eq!(a.meta.title.as_deref(), Some("Big News Today"));
        assert_eq!(a.paragraphs[0].text, "Body with snake_case and an  image.");
    }
}
