//! Reader comments and pingbacks: where the comment section is, and the comments in it.
//!
//! A comment section is
//! - announced by a heading ("12 Comments", "3 thoughts on “…”", "Comments:") and followed by
//!   comment markers, or marked as one by the page's markup (HTML); or
//! - a run of markers — a name with a timestamp as WordPress ("Jane says:" + date), Blogger
//!   ("Jane said..." … date) and Disqus ("Jane • 3 years ago") render them, or the
//!   "Comment posted …" stamp lines of blog exports — that goes on to the end of the text, or
//!   repeats (two dated markers or more).
//!
//! One marker in the middle of an article is not a section: a "Name said:" line there is
//! dialogue or a transcript and stays in the body, where the quotes stage reads it. Blocks
//! outside every section are the body.
//!
//! Exports differ in whether a comment's stamp comes before or after its text; the order is
//! read off each section (see [`Section`]).
//!
//! Finding the sections is one pass over the blocks; strings are sliced only at ASCII
//! separators found in them.

use super::blocks::{RawBlock, Role};
use super::strip_prefix_ascii_case;
use crate::calendar::{parse_stamp, Stamp};
use crate::model::{Comment, CommentKind};

/// Text blocks allowed between two markers of one section (a comment of several paragraphs).
const GAP: usize = 8;
/// Text blocks allowed after the last marker of a section that ends the text.
const TAIL: usize = 8;

/// A stamp line: `Comment posted [by NAME] [on] DATE`, `Pingback posted DATE`, `Trackback …`.
#[derive(Clone, Debug, PartialEq)]
struct StampLine {
    kind: CommentKind,
    posted: Option<Stamp>,
    author: Option<String>,
}

/// A line naming a commenter: `Jane Doe says:`, `Jane said...`, `jdoe on June 2, 2014 said:`,
/// `Jane Doe • 3 years ago`.
#[derive(Clone, Debug, PartialEq)]
struct Commenter {
    name: String,
    posted: Option<Stamp>,
    /// The line itself carries a time (absolute or relative).
    dated: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Class {
    Text,
    Stamp(StampLine),
    Commenter(Commenter),
    /// A comments heading; `forced` when the markup says so (the rest of the page is comments).
    Heading {
        forced: bool,
    },
}

struct Unit {
    block: RawBlock,
    class: Class,
}

impl Unit {
    fn is_text(&self) -> bool {
        self.class == Class::Text
    }
    fn is_marker(&self) -> bool {
        matches!(self.class, Class::Stamp(_) | Class::Commenter(_))
    }
    /// A block that is only a date (`June 2, 2014 at 10:01 am`).
    fn date(&self) -> Option<Stamp> {
        (self.is_text() && self.block.text.len() <= 80).then(|| parse_stamp(&self.block.text)).flatten()
    }
}

/// True for a line that opens or dates a comment wherever it stands (it stands alone as a block).
pub(super) fn is_marker_line(line: &str) -> bool {
    stamp_line(line).is_some() || commenter_line(line).is_some()
}

/// A run of body blocks with the comment sections taken out: (body, comments).
pub(super) fn split(blocks: Vec<RawBlock>) -> (Vec<RawBlock>, Vec<Comment>) {
    let units: Vec<Unit> = blocks.into_iter().map(classify).collect();
    let sections = find_sections(&units);
    let mut comments = Vec::new();
    for section in &sections {
        comments.extend(read_section(&units[section.start..section.end], section.stamp_first));
    }
    let mut body = Vec::with_capacity(units.len());
    let mut next = sections.iter().peekable();
    for (i, unit) in units.into_iter().enumerate() {
        while next.peek().is_some_and(|s| s.end <= i) {
            next.next();
        }
        let inside = next.peek().is_some_and(|s| s.start <= i);
        if !inside && !matches!(unit.class, Class::Heading { .. }) {
            body.push(unit.block);
        }
    }
    (body, comments)
}

fn classify(block: RawBlock) -> Unit {
    let class = if block.role == Role::CommentSection {
        Class::Heading { forced: true }
    } else if block.item.is_some() {
        Class::Text
    } else if is_heading(&block.text) {
        Class::Heading { forced: false }
    } else if !block.may_be_marker {
        Class::Text
    } else if let Some(s) = stamp_line(&block.text) {
        Class::Stamp(s)
    } else if let Some(c) = commenter_line(&block.text) {
        Class::Commenter(c)
    } else {
        Class::Text
    };
    Unit { block, class }
}

/// Units `start..end` are one comment section; `stamp_first` when its stamps precede the text
/// they date (text follows the last comment stamp), else each stamp closes the text before it.
struct Section {
    start: usize,
    end: usize,
    stamp_first: bool,
}

fn find_sections(units: &[Unit]) -> Vec<Section> {
    // The markup's own comment section runs to the end (the HTML reader puts it last).
    let forced = units.iter().position(|u| u.class == Class::Heading { forced: true }).unwrap_or(units.len());
    let markers: Vec<usize> =
        units[..forced].iter().enumerate().filter(|(_, u)| u.is_marker()).map(|(i, _)| i).collect();
    let mut sections: Vec<Section> = Vec::new();
    let mut k = 0;
    while k < markers.len() {
        let mut j = k;
        while j + 1 < markers.len() && markers[j + 1] - markers[j] - 1 <= GAP {
            j += 1;
        }
        let (first, last) = (markers[k], markers[j]);
        k = j + 1;
        let floor = sections.last().map_or(0, |s| s.end);
        let heading = (floor..first).rev().take(GAP + 1).find(|&h| matches!(units[h].class, Class::Heading { .. }));
        let strong = (first..=last).filter(|&i| is_strong(units, i)).count();
        let trailing = forced - last - 1 <= TAIL;
        if heading.is_none() && !(strong >= 1 && trailing) && strong < 2 {
            continue;
        }
        let stamp_first = stamp_order(units, heading, first, last, if trailing { forced } else { last + 2 });
        let dates_previous = match &units[first].class {
            Class::Stamp(s) => s.kind == CommentKind::Pingback || !stamp_first,
            _ => false,
        };
        let start = match heading {
            Some(h) => h,
            None if dates_previous && first > floor && units[first - 1].is_text() => first - 1,
            None => first,
        };
        let end = if trailing {
            forced
        } else {
            // In the middle of a text, the last comment is its marker's first block (and the
            // date line that closes it, Blogger-style).
            let mut end = last + 1;
            if stamp_first || matches!(units[last].class, Class::Commenter(_)) {
                end += usize::from(units.get(end).is_some_and(Unit::is_text));
                end += usize::from(
                    matches!(units[last].class, Class::Commenter(_))
                        && units.get(end).is_some_and(|u| u.date().is_some()),
                );
            }
            end.min(forced)
        };
        sections.push(Section { start, end, stamp_first });
    }
    if forced < units.len() {
        let stamp_first = stamp_order(units, Some(forced), forced + 1, units.len() - 1, units.len());
        sections.push(Section { start: forced, end: units.len(), stamp_first });
    }
    sections
}

/// A marker that says by itself it opens a comment: a stamp line, or a name with a date.
fn is_strong(units: &[Unit], i: usize) -> bool {
    match &units[i].class {
        Class::Stamp(_) => true,
        Class::Commenter(c) => {
            c.posted.is_some()
                || c.dated
                || units.get(i + 1).is_some_and(|u| matches!(u.class, Class::Stamp(_)) || u.date().is_some())
        }
        _ => false,
    }
}

/// Whether the comment stamps of the section whose markers run `first..=last` precede their
/// text. Text after the last comment stamp (before `end`) means they do; text between the
/// heading and the first stamp means they follow it.
fn stamp_order(units: &[Unit], heading: Option<usize>, first: usize, last: usize, end: usize) -> bool {
    let is_comment_stamp = |u: &Unit| matches!(&u.class, Class::Stamp(s) if s.kind == CommentKind::Comment);
    let Some(last_stamp) =
        (first..=last.min(units.len().saturating_sub(1))).rev().find(|&i| is_comment_stamp(&units[i]))
    else {
        return true;
    };
    if let Some(h) = heading {
        let first_stamp = (h + 1..=last_stamp).find(|&i| units[i].is_marker());
        if first_stamp.is_some_and(|f| (h + 1..f).any(|i| units[i].is_text())) {
            return false;
        }
    }
    !text_run(&units[..end.min(units.len())], last_stamp + 1).is_empty()
}

/// The comments of one section (its units, the heading first if it has one).
fn read_section(units: &[Unit], stamp_first: bool) -> Vec<Comment> {
    let mut comments = Vec::new();
    let mut consumed = usize::from(units.first().is_some_and(|u| matches!(u.class, Class::Heading { .. })));
    let mut i = consumed;
    if !units.iter().any(Unit::is_marker) {
        // A section the markup marks, with no names or dates in it: one comment per block.
        let texts = units.iter().filter(|u| u.is_text());
        return texts.map(|u| comment(CommentKind::Comment, None, None, u.block.text.clone(), None)).collect();
    }
    while i < units.len() {
        match &units[i].class {
            Class::Stamp(stamp) if stamp.kind == CommentKind::Pingback => {
                let title = (i > consumed && units[i - 1].is_text()).then(|| units[i - 1].block.text.clone());
                let excerpt_end = if units.get(i + 1).is_some_and(Unit::is_text) { i + 2 } else { i + 1 };
                comments.push(comment(
                    CommentKind::Pingback,
                    stamp.posted,
                    stamp.author.clone(),
                    texts(&units[i + 1..excerpt_end]),
                    title,
                ));
                consumed = excerpt_end;
                i = excerpt_end;
            }
            Class::Stamp(stamp) => {
                let text = if stamp_first {
                    let run = text_run(units, i + 1);
                    consumed = i + 1 + run.len();
                    texts(run)
                } else {
                    let text = texts(&units[consumed..i]);
                    consumed = i + 1;
                    text
                };
                comments.push(comment(CommentKind::Comment, stamp.posted, stamp.author.clone(), text, None));
                i = i.max(consumed.saturating_sub(1)) + 1;
            }
            Class::Commenter(c) => {
                // The name, an optional stamp, then the text up to the next comment; a date
                // line closing the text dates it (Blogger).
                let mut j = i + 1;
                let mut posted = c.posted;
                match units.get(j) {
                    Some(Unit { class: Class::Stamp(s), .. }) if s.kind == CommentKind::Comment => {
                        posted = posted.or(s.posted);
                        j += 1;
                    }
                    Some(u) if u.date().is_some() => {
                        posted = posted.or(u.date());
                        j += 1;
                    }
                    _ => {}
                }
                let mut run = text_run(units, j);
                consumed = j + run.len();
                if let Some((last, rest)) = run.split_last() {
                    if posted.is_none() && last.date().is_some() {
                        posted = last.date();
                        run = rest;
                    }
                }
                comments.push(comment(CommentKind::Comment, posted, Some(c.name.clone()), texts(run), None));
                i = consumed;
            }
            Class::Text | Class::Heading { .. } => i += 1,
        }
    }
    comments
}

fn comment(
    kind: CommentKind,
    posted: Option<Stamp>,
    author: Option<String>,
    text: String,
    title: Option<String>,
) -> Comment {
    Comment { kind, posted, author, text, title }
}

/// The text units from `from` up to the next marker or heading, leaving out the title line of
/// a pingback that follows.
fn text_run(units: &[Unit], from: usize) -> &[Unit] {
    let from = from.min(units.len());
    let end = (from..units.len()).find(|&k| !units[k].is_text()).unwrap_or(units.len());
    let pingback_next =
        matches!(units.get(end), Some(Unit { class: Class::Stamp(s), .. }) if s.kind == CommentKind::Pingback);
    let end = if pingback_next && end > from { end - 1 } else { end };
    &units[from..end]
}

fn texts(units: &[Unit]) -> String {
    let parts: Vec<&str> = units.iter().filter(|u| u.is_text()).map(|u| u.block.text.as_str()).collect();
    parts.join("\n\n")
}

fn stamp_line(line: &str) -> Option<StampLine> {
    // Each marker starts with `comment`, `pingback` or `trackback`: most lines stop here.
    let first = line.as_bytes().first().map(u8::to_ascii_lowercase);
    if line.len() > 160 || !matches!(first, Some(b'c' | b'p' | b't')) {
        return None;
    }
    let (kind, rest) =
        [("comment", CommentKind::Comment), ("pingback", CommentKind::Pingback), ("trackback", CommentKind::Pingback)]
            .into_iter()
            .find_map(|(word, kind)| {
                let r = strip_prefix_ascii_case(line, word)?.trim_start();
                let r = strip_prefix_ascii_case(r, "posted").or_else(|| strip_prefix_ascii_case(r, "by").map(|_| r))?;
                Some((kind, r))
            })?;
    let rest = rest.trim();
    let (author, date) = match rest.strip_prefix("by ") {
        Some(r) => match r.find(" on ") {
            Some(k) => (Some(r[..k].trim()), &r[k + 4..]),
            None => (Some(r.trim()), ""),
        },
        None => (None, rest.strip_prefix("on ").unwrap_or(rest)),
    };
    if author.is_some_and(|a| !is_name(a)) {
        return None;
    }
    let posted = parse_stamp(date);
    (posted.is_some() || date.is_empty()).then(|| StampLine { kind, posted, author: author.map(str::to_string) })
}

/// Endings of a commenter line (WordPress, Blogger and forum themes).
const SAYS: &[&str] = &[" says:", " said:", " said...", " said…", " wrote:", " says…", " says..."];

fn commenter_line(line: &str) -> Option<Commenter> {
    if line.len() > 120 {
        return None;
    }
    // Every ending of `SAYS` ends with `:`, `.` or `…` (whose last byte is 0xA6).
    let said_ending = matches!(line.as_bytes().last(), Some(b':' | b'.' | 0xA6));
    if let Some(said) = SAYS.iter().filter(|_| said_ending).find_map(|end| line.strip_suffix(end)) {
        // `Jane on June 2, 2014 at 10:01 am said:`
        let (name, posted) = match said.split_once(" on ") {
            Some((name, date)) => match parse_stamp(date) {
                Some(stamp) => (name, Some(stamp)),
                None => (said, None),
            },
            None => (said, None),
        };
        let name = name.trim();
        return is_name(name).then(|| Commenter { name: name.to_string(), posted, dated: posted.is_some() });
    }
    // Disqus: `Jane Doe • 3 years ago`, `Jane Doe · June 2, 2014`. Most lines have neither
    // dot: a line without the last byte of either (`•` ends in 0xA2, `·` in 0xB7) stops here.
    // (Counted without an early exit, which the compiler vectorizes: lines are short.)
    if line.bytes().filter(|&b| b == 0xA2 || b == 0xB7).count() == 0 {
        return None;
    }
    let (name, when) = line.split_once(" • ").or_else(|| line.split_once(" · "))?;
    let posted = parse_stamp(when);
    let dated = posted.is_some() || is_time_ago(when);
    (dated && is_name(name.trim())).then(|| Commenter { name: name.trim().to_string(), posted, dated })
}

/// `3 years ago`, `an hour ago`, `2d ago`.
fn is_time_ago(s: &str) -> bool {
    let Some(amount) = s.trim().strip_suffix(" ago") else {
        return false;
    };
    let mut words = amount.split_whitespace();
    let count = words.next().unwrap_or("");
    let unit = words.next().unwrap_or(count.trim_start_matches(|c: char| c.is_ascii_digit()));
    let count_ok = matches!(count, "a" | "an") || count.starts_with(|c: char| c.is_ascii_digit());
    let units = [
        "second", "minute", "hour", "day", "week", "month", "year", "s", "m", "h", "d", "w", "y", "min", "mins", "hr",
        "hrs",
    ];
    count_ok && words.next().is_none() && units.iter().any(|u| unit.trim_end_matches('s') == *u || unit == *u)
}

/// Words a commenter line can't be named by: "He said:" is speech.
const PRONOUNS: &[&str] =
    &["he", "she", "they", "it", "we", "i", "you", "who", "this", "that", "one", "someone", "everyone", "nobody"];

/// Lowercase words that may stand inside a personal name.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "bin", "bint", "al", "el", "la", "le", "di", "da", "dos", "du",
    "ter", "ten",
];

/// A commenter's name: a few capitalized words, or one user handle; never a pronoun.
fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || name.len() > 60 {
        return false;
    }
    if words.len() == 1 && PRONOUNS.contains(&words[0].to_lowercase().as_str()) {
        return false;
    }
    let handle = words.len() == 1 && !words[0].ends_with(['.', ',', ';']);
    handle
        || words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '@') || NAME_PARTICLES.contains(w)
        })
}

/// A heading that announces reader comments: `Comments`, `12 Comments`, `Comments (3)`,
/// `3 thoughts on “Title”`, `One response to “Title”`, `3 comments:`.
pub(super) fn is_heading(text: &str) -> bool {
    if text.len() > 300 {
        return false;
    }
    let cleaned = text.trim().trim_end_matches(':').trim();
    // Every heading below starts with one of these words or a number: most blocks are
    // turned down here, before a lowercase copy is made. (No other character lowercases to
    // an ASCII letter of these words, so the test on the text as written is the same.)
    const FIRST_WORDS: &[&str] =
        &["comments", "comment", "reader", "readers'", "responses", "discussion", "join", "conversation"];
    const NUMBERS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    let first = cleaned.split_whitespace().next().unwrap_or("");
    let counted = !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit());
    if !counted && !FIRST_WORDS.iter().chain(NUMBERS).any(|w| first.eq_ignore_ascii_case(w)) {
        return false;
    }
    let lower = cleaned.to_lowercase();
    const PLAIN: &[&str] = &[
        "comments",
        "comment",
        "reader comments",
        "readers' comments",
        "responses",
        "discussion",
        "join the discussion",
        "conversation",
        "join the conversation",
    ];
    if PLAIN.contains(&lower.as_str()) {
        return true;
    }
    if let Some(n) = lower.strip_prefix("comments (").and_then(|r| r.strip_suffix(')')) {
        return n.bytes().all(|b| b.is_ascii_digit());
    }
    let Some((count, rest)) = lower.split_once(' ') else {
        return false;
    };
    let is_count = (!count.is_empty() && count.bytes().all(|b| b.is_ascii_digit())) || NUMBERS.contains(&count);
    let noun = rest.split_whitespace().next().unwrap_or("");
    let nouns = ["comment", "comments", "thought", "thoughts", "response", "responses", "reply", "replies"];
    let tail = rest.split_once(' ').map_or("", |(_, t)| t);
    is_count && nouns.contains(&noun) && (tail.is_empty() || tail.starts_with("on ") || tail.starts_with("to "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<RawBlock> {
        texts.iter().map(|t| RawBlock::text(t)).collect()
    }

    fn body_of(texts: &[&str]) -> (Vec<String>, Vec<Comment>) {
        let (body, comments) = split(blocks(texts));
        (body.into_iter().map(|b| b.text).collect(), comments)
    }

    #[test]
    fn a_said_line_mid_article_is_not_a_comment() {
        let (body, comments) =
            body_of(&["Officials met.", "He said:", "“We will win.”", "Obama said:", "“Soon.”", "The end."]);
        assert!(comments.is_empty());
        assert_eq!(body.len(), 6);
    }

    #[test]
    fn one_stamp_mid_article_is_not_a_section() {
        let mut texts = vec!["Body.", "Comment posted May 1, 2011 @ 8:25 am", "More body."];
        texts.extend(std::iter::repeat("Body goes on.").take(TAIL + 1));
        let (body, comments) = body_of(&texts);
        assert!(comments.is_empty());
        assert_eq!(body.len(), texts.len());
    }

    #[test]
    fn heading_then_names_is_a_section() {
        let (body, comments) = body_of(&[
            "Body.",
            "3 thoughts on “The Post”",
            "Ann Lee says:",
            "June 2, 2014 at 10:01 am",
            "Great.",
            "bob42 says:",
            "Hmm.",
        ]);
        assert_eq!(body, ["Body."]);
        let got: Vec<_> =
            comments.iter().map(|c| (c.author.as_deref(), c.posted.map(|s| s.to_string()), c.text.as_str())).collect();
        assert_eq!(got, [(Some("Ann Lee"), Some("2014-06-02T10:01".into()), "Great."), (Some("bob42"), None, "Hmm.")]);
    }

    #[test]
    fn blogger_dates_close_the_comment() {
        let (body, comments) = body_of(&[
            "Body.",
            "2 comments:",
            "Anonymous said...",
            "First.",
            "February 23, 2023 at 10:02 AM",
            "Jo Park said...",
            "Second.",
            "February 24, 2023 at 8:00 AM",
        ]);
        assert_eq!(body, ["Body."]);
        let got: Vec<_> =
            comments.iter().map(|c| (c.author.as_deref(), c.posted.map(|s| s.to_string()), c.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (Some("Anonymous"), Some("2023-02-23T10:02".into()), "First."),
                (Some("Jo Park"), Some("2023-02-24T08:00".into()), "Second.")
            ]
        );
    }

    #[test]
    fn disqus_names_with_relative_times_run_to_the_end() {
        let (body, comments) = body_of(&["Body.", "Jane Doe • 3 years ago", "Agreed.", "Sam • 2 years ago", "No."]);
        assert_eq!(body, ["Body."]);
        assert_eq!(comments.len(), 2);
        assert_eq!(comments[1].author.as_deref(), Some("Sam"));
    }

    #[test]
    fn headings() {
        for yes in
            ["Comments", "12 Comments", "Comments (3)", "3 thoughts on “Why”", "One response to \"X\"", "3 comments:"]
        {
            assert!(is_heading(yes), "{yes}");
        }
        for no in ["Comments from the minister surprised many.", "12 comments were filed", "No comments"] {
            assert!(!is_heading(no), "{no}");
        }
    }
}
