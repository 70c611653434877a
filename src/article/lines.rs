//! Lines → blocks: where a paragraph ends in text that may be hard-wrapped, one paragraph per
//! line, or both.
//!
//! A blank line always ends a block. Within a run of lines, Markdown joins every line (a single
//! newline is a soft break there), except that list items and comment stamps stand alone. Plain
//! text is read as the eye reads it:
//! - a run with sentences longer than any hard wrap (100 characters), whose other lines are not
//!   wrapped at one width, has one paragraph per line;
//! - otherwise the run is hard-wrapped at the width of its longest line, and a line ends its
//!   paragraph when the next line's first word would have fitted on it (a wrapper would have
//!   put it there) and the line ends a sentence or the next one starts like a new paragraph;
//! - list items, comment stamps, `NAME:` dialogue lines, a line that is a date, and the
//!   dateline and byline near the top stand alone;
//! - a line ending in a colon (`He said:`) and the quotation on the next line are one paragraph.
//!
//! Each line is classified once, so the cost is linear in the text however it is wrapped, and
//! a run of lines holds 12 bytes a line until it ends.

use super::blocks::{RawBlock, Role};
use super::{comments, header};
use crate::calendar::parse_stamp;

/// How single newlines inside a run of lines are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Breaks {
    /// Markdown: a single newline continues the paragraph.
    Soft,
    /// Plain text: decided line by line (see the module docs).
    Detect,
}

/// A line longer than this is not a hard-wrapped line.
const LONG_LINE: usize = 100;
/// Lines this close to the top of the text may be a dateline or byline.
const HEADER_LINES: usize = 6;

/// What a line is, as far as joining goes; computed once per line. 12 bytes: a run of lines
/// holds one a line until a blank line ends it, and a Markdown or text file of one-letter lines
/// is one run of a line every two bytes (the record was 80 bytes, its text a `&str`, its
/// lengths `usize`s and its list marker a `String`: a peak of 41 MiB per MB of such a file, 9
/// with this one).
#[derive(Clone, Copy)]
struct Line {
    /// Where its text (trimmed) starts in the text its lines are read from, in bytes.
    start: u32,
    /// Its text's length in bytes.
    len: u32,
    /// Length in characters, at most [`CLAMP`]: every use compares it with [`LONG_LINE`] or
    /// with a width of at most that, which a longer line's `CLAMP` answers as its length does.
    /// Like [`TERMINAL`], [`OPENS`], [`COLON`] and [`QUOTED`], and `first_word`, only read
    /// (and only set: 0 otherwise) where single newlines are detected ([`Breaks::Detect`]).
    chars: u8,
    /// Characters of its first word, at most [`CLAMP`]: it is only added to a line's length
    /// and compared with a width of at most [`LONG_LINE`].
    first_word: u8,
    /// What else it is: [`ITEM`], [`MARKER`], [`STARTS`], [`CLOSES`], [`TERMINAL`], [`OPENS`],
    /// [`COLON`], [`QUOTED`].
    flags: u8,
}

/// [`Line::chars`] and [`Line::first_word`] are counted up to this.
const CLAMP: usize = u8::MAX as usize;
const _: () = assert!(LONG_LINE < CLAMP, "a clamped length reads as a long line");
/// A list item ([`list_marker`]); its marker is read again when its block is made.
const ITEM: u8 = 1;
/// A comment stamp or commenter line ([`comments::is_marker_line`]).
const MARKER: u8 = 2;
/// Starts a block whatever precedes it (list item, stamp, commenter, dialogue, header line).
const STARTS: u8 = 4;
/// Ends its block whatever follows (stamp, commenter, header line): a list item or a dialogue
/// line may be wrapped, these never are.
const CLOSES: u8 = 8;
/// Ends a sentence: `.`, `!`, `?`, `:` or a closing quote or bracket after one.
const TERMINAL: u8 = 16;
/// Starts like a new paragraph: a capital, a digit or an opening quote.
const OPENS: u8 = 32;
/// Ends in a colon (`He said:`).
const COLON: u8 = 64;
/// Starts with a quotation mark (see [`introduces`]).
const QUOTED: u8 = 128;

impl Line {
    fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Its text, in `text`, the text its lines are read from (empty for a wrong record: none
    /// is made so).
    fn text<'a>(&self, text: &'a str) -> &'a str {
        let start = self.start as usize;
        text.get(start..start + self.len as usize).unwrap_or_default()
    }
}

/// Splits `content` into blocks: paragraphs and list items, lines already joined.
pub(super) fn split_blocks(content: &str, breaks: Breaks) -> Vec<RawBlock> {
    // `bytes::lines`: `str::lines` with a memchr of sixteen bytes at a step.
    blocks_of_lines(content, crate::bytes::lines(content), breaks)
}

/// [`split_blocks`] of `content`, whose lines (as `str::lines` gives them, each a slice of
/// `content`) are `lines`: for a reader that wrote the text line by line and knows where they
/// end (Markdown's, natively), so that it is not split into lines again.
pub(super) fn blocks_of_lines<'a>(
    content: &'a str,
    lines: impl Iterator<Item = &'a str>,
    breaks: Breaks,
) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut run: Vec<Line> = Vec::new();
    let mut line_number = 0;
    for raw in lines {
        let text = raw.trim();
        if text.is_empty() {
            flush(content, &mut run, breaks, &mut blocks);
            continue;
        }
        run.push(classify(content, text, breaks, line_number < HEADER_LINES));
        line_number += 1;
    }
    flush(content, &mut run, breaks, &mut blocks);
    blocks
}

/// The record of line `text`, a slice of `content`.
fn classify(content: &str, text: &str, breaks: Breaks, near_top: bool) -> Line {
    let detect = breaks == Breaks::Detect;
    // A line near the top that is no header line is no stamp either: `is_header_line` read it
    // as one (see `header::dateline`), and it is not read again.
    let marker = comments::is_marker_line(text);
    let closes = marker
        || (detect
            && if near_top { header::is_header_line(text) } else { text.len() <= 80 && parse_stamp(text).is_some() });
    let item = list_marker(text).is_some();
    let starts = closes || item || (detect && dialogue_label(text));
    let mut flags = (u8::from(item) * ITEM)
        | (u8::from(marker) * MARKER)
        | (u8::from(starts) * STARTS)
        | (u8::from(closes) * CLOSES);
    // The rest is read only where single newlines are detected (see `flush`): in Markdown
    // every line joins the one before it unless one of the flags above says otherwise.
    let (mut chars, mut first_word) = (0, 0);
    if detect {
        let last = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*']).chars().next_back();
        let first = text.trim_start_matches(['"', '\'', '“', '‘', '(', '«', '*', '_']).chars().next();
        let terminal = matches!(last, Some('.' | '!' | '?' | ':' | '…'));
        let opens =
            text.starts_with(['"', '“', '‘', '«']) || first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        flags |= (u8::from(terminal) * TERMINAL)
            | (u8::from(opens) * OPENS)
            | (u8::from(text.ends_with(':')) * COLON)
            | (u8::from(text.starts_with(['"', '“', '«', '‘', '\''])) * QUOTED);
        chars = text.chars().count();
        first_word = text.split_whitespace().next().map_or(0, |w| w.chars().count());
    }
    // Where `text` starts in `content`: OK because callers pass a slice of `content` (an
    // offset that is not, or does not fit, reads as an empty text, never a panic) and articles
    // are at most 8 MiB (and Markdown's text at most twice its body), far below 4 GiB.
    let offset = (text.as_ptr() as usize).wrapping_sub(content.as_ptr() as usize);
    debug_assert!(offset.checked_add(text.len()).is_some_and(|end| end <= content.len()));
    Line {
        start: u32::try_from(offset).unwrap_or(u32::MAX),
        len: text.len() as u32,
        // OK because both are at most `CLAMP`, 255.
        chars: chars.min(CLAMP) as u8,
        first_word: first_word.min(CLAMP) as u8,
        flags,
    }
}

/// Turns a run of lines of `content` (no blank line between them) into blocks.
fn flush(content: &str, run: &mut Vec<Line>, breaks: Breaks, blocks: &mut Vec<RawBlock>) {
    if run.is_empty() {
        return;
    }
    let width = run.iter().map(|l| usize::from(l.chars)).filter(|&n| n <= LONG_LINE).max().unwrap_or(0);
    let one_per_line = breaks == Breaks::Detect && one_paragraph_per_line(run, width);
    // Whether line `k` continues the block of the line before it.
    let joins = |k: usize| {
        let (before, line) = (&run[k - 1], &run[k]);
        !line.is(STARTS)
            && !before.is(CLOSES)
            && ((!one_per_line && !ends_paragraph(before, line, breaks, width)) || introduces(before, line, breaks))
    };
    let mut first = 0;
    while first < run.len() {
        // The block's lines are found first, so that its text is made at its size at once.
        let mut end = first + 1;
        while end < run.len() && joins(end) {
            end += 1;
        }
        // OK because `first < end <= run.len()`.
        let lines = &run[first..end];
        let first_text = lines[0].text(content);
        let (marker, head) = match lines[0].is(ITEM).then(|| list_marker(first_text)).flatten() {
            Some((marker, rest)) => (Some(marker.to_string()), rest),
            None => (None, first_text),
        };
        let mut text = String::with_capacity(head.len() + lines[1..].iter().map(|l| 1 + l.len as usize).sum::<usize>());
        text.push_str(head);
        for line in &lines[1..] {
            text.push(' ');
            text.push_str(line.text(content));
        }
        // A block of one line, its text the line's, is a marker only if the line is one.
        let may_be_marker = lines.len() > 1 || lines[0].is(MARKER);
        blocks.push(RawBlock { text, item: marker, role: Role::Text, may_be_marker });
        first = end;
    }
    run.clear();
}

/// Whether a run of lines has one paragraph per line: it has sentences longer than a hard wrap,
/// and its other lines are not wrapped at one width (most of them would be close to it).
fn one_paragraph_per_line(run: &[Line], width: usize) -> bool {
    let long_sentences = run.iter().filter(|l| usize::from(l.chars) > LONG_LINE && l.is(TERMINAL)).count();
    if run.len() < 2 || long_sentences == 0 {
        return false;
    }
    let short = || run.iter().map(|l| usize::from(l.chars)).filter(|&n| n <= LONG_LINE);
    let near_width = short().filter(|&n| n * 5 >= width * 4).count();
    let short = short().count();
    let wrapped = short >= 3 * long_sentences && near_width * 2 >= short;
    !wrapped
}

/// A line ending in a colon (`He said:`) followed by a quotation: one sentence, one paragraph.
fn introduces(line: &Line, next: &Line, breaks: Breaks) -> bool {
    breaks == Breaks::Detect && line.is(COLON) && next.is(QUOTED)
}

/// Whether `line` ends its paragraph, `next` starting another, in hard-wrapped plain text.
fn ends_paragraph(line: &Line, next: &Line, breaks: Breaks, width: usize) -> bool {
    if breaks == Breaks::Soft {
        return false;
    }
    if usize::from(line.chars) > LONG_LINE {
        return line.is(TERMINAL);
    }
    let next_word_fits = usize::from(line.chars) + 1 + usize::from(next.first_word) <= width;
    next_word_fits && (line.is(TERMINAL) || next.is(OPENS))
}

/// `1. text`, `2) text`, `- text`, `* text`, `• text` → (marker, text), the marker as it is
/// read (`•` for every bullet).
#[inline]
fn list_marker(line: &str) -> Option<(&str, &str)> {
    for bullet in ["- ", "* ", "• ", "– ", "· "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(("•", rest.trim_start()));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    // OK because the first `digits` bytes are ASCII digits.
    let (head, after) = line.split_at(digits);
    if (1..=3).contains(&digits) {
        for sep in [". ", ") "] {
            if let Some(rest) = after.strip_prefix(sep) {
                return Some((head, rest.trim_start()));
            }
        }
    }
    None
}

/// `Q:`, `A:`, `MR. SMITH:`, `President Obama:` opening a line of a transcript.
fn dialogue_label(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    if rest.is_empty() || !rest.starts_with(' ') || label.len() > 40 {
        return false;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitalized = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    (1..=4).contains(&words.len()) && words.iter().all(capitalized) && !header::is_header_line(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(content: &str, breaks: Breaks) -> Vec<String> {
        split_blocks(content, breaks).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The Senate approved a storm relief package late\nThursday, sending the measure to the House after\ntwo days of debate.\n\nSecond paragraph.";
        assert_eq!(
            texts(text, Breaks::Detect),
            ["The Senate approved a storm relief package late Thursday, sending the measure to the House after two days of debate.", "Second paragraph."]
        );
    }

    #[test]
    fn one_paragraph_per_line() {
        let long = "Officials in the capital said on Monday that the talks, which began last week, would go on through the weekend at least.";
        let text = format!("Talks Continue\nMarch 01, 2008\n{long}\n{long}\nA short last line.");
        let got = texts(&text, Breaks::Detect);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0], "Talks Continue");
        assert_eq!(got[1], "March 01, 2008");
    }

    #[test]
    fn short_lines_end_paragraphs_when_the_next_word_would_have_fitted() {
        let text = "Title of the Story\nThe first paragraph is wrapped at a fixed width\nand ends here.\nThe second one starts on the next line and is\nwrapped too.";
        assert_eq!(
            texts(text, Breaks::Detect),
            [
                "Title of the Story",
                "The first paragraph is wrapped at a fixed width and ends here.",
                "The second one starts on the next line and is wrapped too."
            ]
        );
    }

    #[test]
    fn markdown_joins_single_newlines() {
        assert_eq!(
            texts("Title of the Story\nThe first paragraph.", Breaks::Soft),
            ["Title of the Story The first paragraph."]
        );
    }

    #[test]
    fn a_line_is_recorded_in_twelve_bytes() {
        // A run holds a record a line until a blank line: a file of one-letter lines peaked at
        // 41 MiB per MB with the 88-byte record this replaced.
        assert!(std::mem::size_of::<Line>() <= 12, "{}", std::mem::size_of::<Line>());
    }

    #[test]
    fn lengths_past_the_clamp_read_as_long_lines() {
        // A line of 300 characters ending a sentence, then short lines: one paragraph per line
        // (its length clamped is still longer than any hard wrap), and the short lines' width
        // is theirs alone.
        let long = format!("{}.", "word ".repeat(60).trim_end());
        let text = format!("Title\n{long}\nshort one\nand a second\nthird");
        let got = texts(&text, Breaks::Detect);
        assert_eq!(got, ["Title", long.as_str(), "short one", "and a second", "third"]);
        let item = format!("1. {long}\n2. two");
        let blocks = split_blocks(&item, Breaks::Detect);
        let got: Vec<_> = blocks.iter().map(|b| (b.item.as_deref(), b.text.as_str())).collect();
        assert_eq!(got, [(Some("1"), long.as_str()), (Some("2"), "two")]);
    }

    #[test]
    fn dialogue_lines_and_list_items_stand_alone() {
        let text = "Q: Where were you?\nA: At home.\n1. One\n2. Two";
        let blocks = split_blocks(text, Breaks::Detect);
        let got: Vec<_> = blocks.iter().map(|b| (b.item.as_deref(), b.text.as_str())).collect();
        assert_eq!(got, [(None, "Q: Where were you?"), (None, "A: At home."), (Some("1"), "One"), (Some("2"), "Two")]);
    }
}
