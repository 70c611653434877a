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
//! Each line is classified once, so the cost is linear in the text however it is wrapped.

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

/// What a line is, as far as joining goes; computed once per line.
struct Line<'a> {
    text: &'a str,
    /// Length in characters.
    chars: usize,
    /// Characters of its first word.
    first_word: usize,
    item: Option<(String, &'a str)>,
    /// A comment stamp or commenter line ([`comments::is_marker_line`]).
    marker: bool,
    /// Starts a block whatever precedes it (list item, stamp, commenter, dialogue, header line).
    starts: bool,
    /// Ends its block whatever follows (stamp, commenter, header line): a list item or a
    /// dialogue line may be wrapped, these never are.
    closes: bool,
    /// Ends a sentence: `.`, `!`, `?`, `:` or a closing quote or bracket after one.
    terminal: bool,
    /// Starts like a new paragraph: a capital, a digit or an opening quote.
    opens: bool,
}

/// Splits `content` into blocks: paragraphs and list items, lines already joined.
pub(super) fn split_blocks(content: &str, breaks: Breaks) -> Vec<RawBlock> {
    // `bytes::lines`: `str::lines` with a memchr of sixteen bytes at a step.
    blocks_of_lines(crate::bytes::lines(content), breaks)
}

/// [`split_blocks`] of a text whose lines (as `str::lines` gives them) are `lines`: for a
/// reader that wrote the text line by line and knows where they end (Markdown's, natively),
/// so that it is not split into lines again.
pub(super) fn blocks_of_lines<'a>(lines: impl Iterator<Item = &'a str>, breaks: Breaks) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut run: Vec<Line> = Vec::new();
    let mut line_number = 0;
    for raw in lines {
        let text = raw.trim();
        if text.is_empty() {
            flush(&mut run, breaks, &mut blocks);
            continue;
        }
        run.push(classify(text, breaks, line_number < HEADER_LINES));
        line_number += 1;
    }
    flush(&mut run, breaks, &mut blocks);
    blocks
}

fn classify(text: &str, breaks: Breaks, near_top: bool) -> Line<'_> {
    let item = list_marker(text);
    let detect = breaks == Breaks::Detect;
    // A line near the top that is no header line is no stamp either: `is_header_line` read it
    // as one (see `header::dateline`), and it is not read again.
    let marker = comments::is_marker_line(text);
    let closes = marker
        || (detect
            && if near_top { header::is_header_line(text) } else { text.len() <= 80 && parse_stamp(text).is_some() });
    let starts = closes || item.is_some() || (detect && dialogue_label(text));
    let last = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*']).chars().next_back();
    let first = text.trim_start_matches(['"', '\'', '“', '‘', '(', '«', '*', '_']).chars().next();
    Line {
        text,
        chars: text.chars().count(),
        first_word: text.split_whitespace().next().map_or(0, |w| w.chars().count()),
        item,
        marker,
        starts,
        closes,
        terminal: matches!(last, Some('.' | '!' | '?' | ':' | '…')),
        opens: text.starts_with(['"', '“', '‘', '«']) || first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
    }
}

/// Turns a run of lines (no blank line between them) into blocks.
fn flush(run: &mut Vec<Line>, breaks: Breaks, blocks: &mut Vec<RawBlock>) {
    if run.is_empty() {
        return;
    }
    let width = run.iter().map(|l| l.chars).filter(|&n| n <= LONG_LINE).max().unwrap_or(0);
    let one_per_line = breaks == Breaks::Detect && one_paragraph_per_line(run, width);
    // Whether line `k` continues the block of the line before it.
    let joins = |k: usize| {
        let (before, line) = (&run[k - 1], &run[k]);
        !line.starts
            && !before.closes
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
        let (marker, head) = match &lines[0].item {
            Some((marker, rest)) => (Some(marker.clone()), *rest),
            None => (None, lines[0].text),
        };
        let mut text = String::with_capacity(head.len() + lines[1..].iter().map(|l| 1 + l.text.len()).sum::<usize>());
        text.push_str(head);
        for line in &lines[1..] {
            text.push(' ');
            text.push_str(line.text);
        }
        // A block of one line, its text the line's, is a marker only if the line is one.
        let may_be_marker = lines.len() > 1 || lines[0].marker;
        blocks.push(RawBlock { text, item: marker, role: Role::Text, may_be_marker });
        first = end;
    }
    run.clear();
}

/// Whether a run of lines has one paragraph per line: it has sentences longer than a hard wrap,
/// and its other lines are not wrapped at one width (most of them would be close to it).
fn one_paragraph_per_line(run: &[Line], width: usize) -> bool {
    let long_sentences = run.iter().filter(|l| l.chars > LONG_LINE && l.terminal).count();
    if run.len() < 2 || long_sentences == 0 {
        return false;
    }
    let short: Vec<usize> = run.iter().map(|l| l.chars).filter(|&n| n <= LONG_LINE).collect();
    let near_width = short.iter().filter(|&&n| n * 5 >= width * 4).count();
    let wrapped = short.len() >= 3 * long_sentences && near_width * 2 >= short.len();
    !wrapped
}

/// A line ending in a colon (`He said:`) followed by a quotation: one sentence, one paragraph.
fn introduces(line: &Line, next: &Line, breaks: Breaks) -> bool {
    breaks == Breaks::Detect && line.text.ends_with(':') && next.text.starts_with(['"', '“', '«', '‘', '\''])
}

/// Whether `line` ends its paragraph, `next` starting another, in hard-wrapped plain text.
fn ends_paragraph(line: &Line, next: &Line, breaks: Breaks, width: usize) -> bool {
    if breaks == Breaks::Soft {
        return false;
    }
    if line.chars > LONG_LINE {
        return line.terminal;
    }
    let next_word_fits = line.chars + 1 + next.first_word <= width;
    next_word_fits && (line.terminal || next.opens)
}

/// `1. text`, `2) text`, `- text`, `* text`, `• text` → (marker, text).
pub(super) fn list_marker(line: &str) -> Option<(String, &str)> {
    for bullet in ["- ", "* ", "• ", "– ", "· "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(("•".to_string(), rest.trim_start()));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    // OK because the first `digits` bytes are ASCII digits.
    let (head, after) = line.split_at(digits);
    if (1..=3).contains(&digits) {
        for sep in [". ", ") "] {
            if let Some(rest) = after.strip_prefix(sep) {
                return Some((head.to_string(), rest.trim_start()));
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
    fn dialogue_lines_and_list_items_stand_alone() {
        let text = "Q: Where were you?\nA: At home.\n1. One\n2. Two";
        let blocks = split_blocks(text, Breaks::Detect);
        let got: Vec<_> = blocks.iter().map(|b| (b.item.as_deref(), b.text.as_str())).collect();
        assert_eq!(got, [(None, "Q: Where were you?"), (None, "A: At home."), (Some("1"), "One"), (Some("2"), "Two")]);
    }
}
