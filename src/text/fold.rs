//! Case and accent folding: the one normalization of words that every lookup goes through
//! (the token view's keys, the search index).
//!
//! A folded form is lowercase and without the accents of Latin letters (`Gdańsk` → `gdansk`,
//! `CAFÉ` → `cafe`, `Straße` → `strasse`); combining marks of decomposed text are dropped, and
//! other scripts are only lowercased. Accents are folded for Latin-1, Latin Extended-A and the
//! Romanian comma-below letters by a table. It does not stem or know any language.

/// Appends the lowercase, accent-free form of `c` to `out`.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'À'..='Å' | 'à'..='å' | '\u{100}'..='\u{105}' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | '\u{106}'..='\u{10d}' => "c",
        'Ð' | 'ð' | '\u{10e}'..='\u{111}' => "d",
        'È'..='Ë' | 'è'..='ë' | '\u{112}'..='\u{11b}' => "e",
        '\u{11c}'..='\u{123}' => "g",
        '\u{124}'..='\u{127}' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | '\u{128}'..='\u{131}' => "i",
        '\u{132}' | '\u{133}' => "ij",
        '\u{134}' | '\u{135}' => "j",
        '\u{136}'..='\u{138}' => "k",
        '\u{139}'..='\u{142}' => "l",
        'Ñ' | 'ñ' | '\u{143}'..='\u{14b}' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | '\u{14c}'..='\u{151}' => "o",
        '\u{152}' | '\u{153}' => "oe",
        '\u{154}'..='\u{159}' => "r",
        'ß' => "ss",
        '\u{15a}'..='\u{161}' | '\u{17f}' | '\u{218}' | '\u{219}' => "s",
        '\u{162}'..='\u{167}' | '\u{21a}' | '\u{21b}' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | '\u{168}'..='\u{173}' => "u",
        '\u{174}' | '\u{175}' => "w",
        'Ý' | 'ý' | 'ÿ' | '\u{176}'..='\u{178}' => "y",
        '\u{179}'..='\u{17e}' => "z",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// True for a combining diacritical mark (U+0300–U+036F), which folding drops.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Appends the key of one token to `out`: folded, with a typographic apostrophe written as
/// `'` (`It’s` → `it's`), so that word lists need one spelling of each form.
pub(crate) fn fold_token(token: &str, out: &mut String) {
    if token.is_ascii() {
        // Most news text is ASCII: copied whole and lowercased in place, no char decoding.
        let start = out.len();
        out.push_str(token);
        // OK because `start` was the end of `out`, a char boundary.
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in token.chars() {
        match c {
            '’' | 'ʼ' => out.push('\''),
            c if is_combining_mark(c) => {}
            c => fold_char(c, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(token: &str) -> String {
        let mut out = String::new();
        fold_token(token, &mut out);
        out
    }

    #[test]
    fn tokens_fold_case_accents_and_apostrophes() {
        assert_eq!(key("Łódź"), "lodz");
        assert_eq!(key("It’s"), "it's");
        assert_eq!(key("SAID"), "said");
        assert_eq!(key("Cafe\u{301}"), "cafe");
        assert_eq!(key("Москва"), "москва");
        assert_eq!(key("“"), "“");
    }
}
