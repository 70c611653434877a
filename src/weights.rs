//! The committed model files (`*.weights`, written by the training scripts): a text header up to
//! an empty line, whose first line names the format and its version, then the binary tables.
//!
//! This module splits a file into header and tables and names the reasons a file is refused;
//! each model (the name tagger, the scare-quote model) reads its own header fields and tables.

/// The reasons a weights file is refused (only a broken build can meet them: the files are
/// compiled in and checked by each model's tests).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum WeightsError {
    /// No header ending in an empty line, or a header that is not UTF-8.
    MissingHeader,
    /// The first line names another format or version, or a header field disagrees with the
    /// code that reads the tables.
    WrongFormat,
    /// The tables are not the size the header announces.
    WrongSize,
}

/// The header's lines after the first, and the tables, of a file whose first line is `magic`.
///
/// # Errors
/// [`WeightsError::MissingHeader`] or [`WeightsError::WrongFormat`].
pub(crate) fn split<'a>(bytes: &'a [u8], magic: &str) -> Result<(std::str::Lines<'a>, &'a [u8]), WeightsError> {
    let end = bytes.windows(2).position(|w| w == b"\n\n").ok_or(WeightsError::MissingHeader)?;
    let header = std::str::from_utf8(&bytes[..end]).map_err(|_| WeightsError::MissingHeader)?;
    let mut lines = header.lines();
    if lines.next() != Some(magic) {
        return Err(WeightsError::WrongFormat);
    }
    // OK because `end + 2 <= bytes.len()`: the window at `end` holds two bytes.
    Ok((lines, &bytes[end + 2..]))
}
