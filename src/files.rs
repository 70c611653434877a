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
                write!(f, "the file is too large ({} KB; the limit is {} KB)", bytes / 1024, MAX_ARTICLE_BYTES / 1024)
            }
        }
    }
}

impl std::error::Error for FileError {}

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
