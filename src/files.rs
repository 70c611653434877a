//! Which files are articles: the extensions read (the CLI in folders, the page's file picker)
//! and the size limit, in one place, with each refusal written once ([`FileError`]). It reads
//! no file itself.

use crate::article::MAX_ARTICLE_BYTES;
use std::fmt;

/// The file extensions of articles (lower case, without the dot): plain text, Markdown, HTML.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "mdown", "html", "htm", "xhtml"];

/// Why a file is not read as an article, before its content is looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    Unsupported,
    TooLarge { bytes: u64 },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Unsupported => write!(f, "unsupported type: use .txt, .md or .html"),
            FileError::TooLarge { bytes } => {
                let (size, limit) = (readable_size(*bytes), readable_size(MAX_ARTICLE_BYTES as u64));
                write!(f, "the file is too large ({size}; the limit is {limit})")
            }
        }
    }
}

impl std::error::Error for FileError {}

/// A size as people read it: "640 KB" below 1,000 KB, else megabytes with at most one decimal
/// ("8 MB", "12.4 MB"; 1 KB and 1 MB are 1024 and 1024² bytes, as file managers count them).
/// Rounded up, so that a file over a round limit never reads as the limit itself.
pub fn readable_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    let kb = bytes.div_ceil(KB);
    if kb < 1000 {
        return format!("{kb} KB");
    }
    let tenths = bytes.saturating_mul(10).div_ceil(KB * KB);
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        t => format!("{}.{t} MB", tenths / 10),
    }
}

/// Whether a file name has an article extension (case-insensitive).
pub fn is_article_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| ARTICLE_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

/// Checks a file by its name and size, before reading it.
///
/// # Errors
/// [`FileError::Unsupported`] for another extension, [`FileError::TooLarge`] past
/// [`MAX_ARTICLE_BYTES`].
pub fn check_file(name: &str, bytes: u64) -> Result<(), FileError> {
    if !is_article_name(name) {
        return Err(FileError::Unsupported);
    }
    if bytes > MAX_ARTICLE_BYTES as u64 {
        return Err(FileError::TooLarge { bytes });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    #[test]
    fn article_names() {
        for good in ["a.txt", "B.MD", "page.Html", "x.y.htm", "notes.markdown"] {
            assert!(is_article_name(good), "{good}");
        }
        for bad in ["photo.png", "txt", "archive.tar.gz", "", "a.", ".md.zip"] {
            assert!(!is_article_name(bad), "{bad}");
        }
        assert_eq!(
            check_file("big.txt", MAX_ARTICLE_BYTES as u64 + 1),
            Err(FileError::TooLarge { bytes: MAX_ARTICLE_BYTES as u64 + 1 })
        );
        assert_eq!(check_file("a.txt", 10), Ok(()));
    }

    #[test]
    fn sizes_read_in_kb_or_mb() {
        assert_eq!(readable_size(0), "0 KB");
        assert_eq!(readable_size(1), "1 KB");
        assert_eq!(readable_size(640 * 1024), "640 KB");
        assert_eq!(readable_size(999 * 1024), "999 KB");
        assert_eq!(readable_size(1000 * 1024), "1 MB");
        assert_eq!(readable_size(13_000_000), "12.4 MB");
        let limit = MAX_ARTICLE_BYTES as u64;
        assert_eq!(
            FileError::TooLarge { bytes: limit + 1 }.to_string(),
            "the file is too large (8.1 MB; the limit is 8 MB)",
            "one byte over the limit does not read as the limit"
        );
    }

    #[test]
    fn every_extension_has_its_format() {
        // Content that looks like another format: the extension must decide.
        for ext in ARTICLE_EXTENSIONS {
            let expected = match *ext {
                "md" | "markdown" | "mdown" => Format::Markdown,
                "html" | "htm" | "xhtml" => Format::Html,
                _ => Format::Plain,
            };
            let content = if expected == Format::Html { "---\ntitle: x\n---\n" } else { "<html><body>x</body></html>" };
            assert_eq!(Format::guess(&format!("a.{ext}"), content), expected, "{ext}");
        }
    }
}
