//! A file's bytes as text, the way a browser reads a page that does not say its encoding.
//!
//! - UTF-8 is taken as it is, without a copy (nearly every file).
//! - UTF-16 is read when a byte-order mark says so (what Windows tools call "Unicode").
//! - Other bytes with a NUL are binary.
//! - A charset the file declares in its first kilobyte (`<meta charset>`, `charset=` in an
//!   `http-equiv` or `encoding=` in an XML declaration) decides the rest: UTF-8 (its bad bytes
//!   become U+FFFD), Windows-1252 under any of its labels (ISO-8859-1, Latin-1, ASCII, …, as
//!   the WHATWG Encoding Standard maps them), or a refusal that names the charset, since a
//!   Cyrillic or Japanese page read as Windows-1252 would be nonsense.
//! - Undeclared, a file that holds well-formed UTF-8 beside a stray bad byte stays UTF-8 (a
//!   cut copy), and anything else is Windows-1252, the encoding of "ANSI" exports and old
//!   Western web pages.
//!
//! This module does not guess among non-Western encodings, and it does not look at the text
//! after decoding (the article parser refuses text full of control characters). Linear in
//! the input: one validation, at most one kilobyte searched, and one decoding pass.

use super::ArticleError;

/// The text of `bytes`, decoded as the module doc says.
///
/// # Errors
/// [`ArticleError::Binary`] for bytes with a NUL that are neither UTF-8 nor UTF-16, and
/// [`ArticleError::Encoding`] for a declared charset this module does not read.
pub fn decode(bytes: Vec<u8>) -> Result<String, ArticleError> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e.into_bytes(),
    };
    if let Some(text) = decode_utf16(&bytes) {
        return Ok(text);
    }
    if bytes.contains(&0) {
        return Err(ArticleError::Binary);
    }
    let (text, holds_utf8) = utf8_lossy(&bytes);
    let utf8 = match declared_charset(&bytes) {
        Some(label) if UTF8_LABELS.contains(&label.as_str()) => true,
        Some(label) if WINDOWS_1252_LABELS.contains(&label.as_str()) => false,
        Some(label) => return Err(ArticleError::Encoding { declared: label }),
        None => holds_utf8,
    };
    Ok(if utf8 { text } else { windows_1252(&bytes) })
}

/// The bytes as UTF-8 with each bad sequence replaced by U+FFFD (as `String::from_utf8_lossy`,
/// but with the validation the crate already links), and whether any well-formed sequence of
/// more than one byte was among them.
fn utf8_lossy(mut bytes: &[u8]) -> (String, bool) {
    let mut text = String::with_capacity(bytes.len() + 2);
    let mut holds_utf8 = false;
    loop {
        let (valid, skipped) = match std::str::from_utf8(bytes) {
            Ok(valid) => (valid, bytes.len()),
            Err(e) => {
                // OK because `valid_up_to` is a character boundary that `from_utf8` checked,
                // and `error_len` counts bytes after it (the rest when the input ends cut).
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                (valid, e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to()))
            }
        };
        holds_utf8 |= !valid.is_ascii();
        text.push_str(valid);
        if skipped == valid.len() {
            return (text, holds_utf8);
        }
        text.push(char::REPLACEMENT_CHARACTER);
        bytes = bytes.get(skipped..).unwrap_or_default();
    }
}

/// UTF-16 text after a byte-order mark (little- or big-endian), or `None` without one.
/// Unpaired surrogates and an odd last byte become U+FFFD.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little_endian = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]]; // OK because chunks_exact(2) gives two bytes.
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text: String = char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Some(text)
}

/// Windows-1252 as the WHATWG Encoding Standard defines it: bytes below 0x80 and from 0xA0
/// are the code points of the same number; 0x80–0x9F map through this table (its five unused
/// bytes to the C1 controls of the same number, as browsers do).
fn windows_1252(bytes: &[u8]) -> String {
    const C1: [u16; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d,
        0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d,
        0x17e, 0x178,
    ];
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        // OK because the arm's range makes `b - 0x80` at most 31.
        let code = if (0x80..0xa0).contains(&b) { C1[usize::from(b - 0x80)] } else { u16::from(b) };
        // Every entry is a scalar value outside the surrogates, so the fallback never shows.
        text.push(char::from_u32(u32::from(code)).unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    text
}

/// The charset a file declares in its first kilobyte, lowercased: the value after the first
/// `charset` or `encoding` that is followed by `=` (spaces and one quote allowed between).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    const SEARCHED: usize = 1024;
    let head = &bytes[..bytes.len().min(SEARCHED)];
    for at in 0..head.len() {
        let rest = &head[at..];
        for key in [&b"charset"[..], b"encoding"] {
            let Some(after) = rest.get(key.len()..) else { continue };
            // OK because `get` above proved `key.len()` in range.
            if !rest[..key.len()].eq_ignore_ascii_case(key) {
                continue;
            }
            let mut i = after.iter().position(|b| *b != b' ').unwrap_or(after.len());
            if after.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while matches!(after.get(i), Some(b' ' | b'"' | b'\'')) {
                i += 1;
            }
            let mut label = String::new();
            while let Some(&b) = after.get(i).filter(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b)) {
                label.push(char::from(b.to_ascii_lowercase()));
                i += 1;
            }
            if !label.is_empty() {
                return Some(label);
            }
        }
    }
    None
}

/// The labels of UTF-8 in the WHATWG Encoding Standard.
const UTF8_LABELS: [&str; 6] =
    ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"];

/// The labels of Windows-1252 in the WHATWG Encoding Standard (ISO-8859-1 and ASCII among them).
const WINDOWS_1252_LABELS: [&str; 17] = [
    "ansi_x3.4-1968",
    "ascii",
    "cp1252",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-8859-1",
    "iso-ir-100",
    "iso8859-1",
    "iso88591",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_it_is() {
        assert_eq!(decode("Zoë said “yes”.".as_bytes().to_vec()), Ok("Zoë said “yes”.".to_string()));
    }

    #[test]
    fn undeclared_bytes_that_are_not_utf8_are_windows_1252() {
        // "Café – “open”" as a Windows "ANSI" export writes it.
        let bytes = b"Caf\xe9 \x96 \x93open\x94 \x80 \x81".to_vec();
        assert_eq!(decode(bytes), Ok("Café – “open” € \u{81}".to_string()));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_in_either_order() {
        let text = "Zoë said 2015.";
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(le.clone()), Ok(text.to_string()));
        assert_eq!(decode(be), Ok(text.to_string()));
        // A lone surrogate and an odd last byte become replacement characters, not a failure.
        let mut cut = le;
        cut.extend([0x00, 0xd8, b'x']);
        assert_eq!(decode(cut), Ok(format!("{text}\u{fffd}\u{fffd}")));
    }

    #[test]
    fn a_stray_byte_in_utf8_text_keeps_the_text_utf8() {
        assert_eq!(decode(b"Zo\xc3\xab and \xff.".to_vec()), Ok("Zoë and \u{fffd}.".to_string()));
    }

    #[test]
    fn a_declared_charset_decides() {
        let latin1 = b"<meta charset=\"ISO-8859-1\"><p>Zo\xc3\xab \xe9</p>".to_vec();
        assert_eq!(decode(latin1), Ok("<meta charset=\"ISO-8859-1\"><p>ZoÃ« é</p>".to_string()));
        let utf8 = b"<?xml version='1.0' encoding = 'utf-8'?><p>caf\xe9</p>".to_vec();
        assert_eq!(decode(utf8), Ok("<?xml version='1.0' encoding = 'utf-8'?><p>caf\u{fffd}</p>".to_string()));
        let japanese = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">\x82\xa0".to_vec();
        let refused = decode(japanese).unwrap_err();
        assert_eq!(refused, ArticleError::Encoding { declared: "shift_jis".to_string() });
        assert!(refused.to_string().contains("shift_jis") && refused.to_string().contains("UTF-8"));
    }

    #[test]
    fn bytes_with_a_nul_are_binary() {
        assert_eq!(decode(vec![0x89, b'P', b'N', b'G', 0, 0, 0x1a]), Err(ArticleError::Binary));
    }

    #[test]
    fn short_and_cut_inputs_decode_without_reading_past_their_end() {
        let cases: [(&[u8], &str); 6] = [
            (b"\xff", "\u{ff}"),
            (b"\xff\xfe", ""),
            (b"\xfe\xff\x41", "\u{fffd}"),
            (b"charset=\xe9", "charset=\u{e9}"),
            (b"encoding= '\xe9", "encoding= '\u{e9}"),
            (b"\xe9 charset", "\u{e9} charset"),
        ];
        for (bytes, text) in cases {
            assert_eq!(decode(bytes.to_vec()), Ok(text.to_string()), "{bytes:?}");
        }
    }
}
