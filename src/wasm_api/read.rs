//! Reads the page's plain JavaScript values (articles, filters, lists of ids) into Rust ones,
//! field by field through `Reflect`. What can go wrong is one [`Error`], whose messages are
//! written once, in its `Display`, for whoever wrote the value: "expected text, not the number
//! 5", "the field `id` is missing", "`tweet` is not one of `quote`, `event` or `mention`".
//!
//! It replaces serde-wasm-bindgen, whose error path formats any JavaScript number as a Rust
//! float and so links float printing (about 6 KiB of gzipped wasm) into a build that otherwise
//! never prints a float. A number in a message is JavaScript's own text of it.
//!
//! Fields are read by name in declaration order, and the first error wins, as with a derived
//! `Deserialize`. An `undefined` field counts as missing; `null` or `undefined` is `None` for
//! an optional one. Properties the types do not name are ignored.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Why a value of the page's could not be read (the caller adds its context: "invalid
/// filter: …"). Each message is written once, in `Display`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Error {
    /// A value of another type: `expected` says what was wanted ("text", "a list"), `found`
    /// what came, in words ("the number 5").
    WrongType { expected: &'static str, found: String },
    /// A field that must be given is `undefined` or absent.
    MissingField(&'static str),
    /// Reading the field threw (a getter or a proxy of the page's).
    UnreadableField(&'static str),
    /// Iterating a sequence threw.
    UnreadableList,
    /// A name that is none of the `known` ones (written as a list: "`named` or `unnamed`").
    UnknownName { name: String, known: String },
    /// A whole number outside 0–255 where a byte was wanted.
    NotAByte(String),
    /// A value its field's own reader refused, with that reader's message (a day that is not one).
    Refused(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::WrongType { expected, found } => write!(f, "expected {expected}, not {found}"),
            Error::MissingField(name) => write!(f, "the field `{name}` is missing"),
            Error::UnreadableField(name) => write!(f, "the field `{name}` could not be read"),
            Error::UnreadableList => f.write_str("the list could not be read to its end"),
            Error::UnknownName { name, known } => write!(f, "`{name}` is not one of {known}"),
            Error::NotAByte(n) => write!(f, "{n} is not a byte (0 to 255)"),
            Error::Refused(message) => f.write_str(message),
        }
    }
}

/// What a value is, in words ("the number 5", "the text \"q\"", "nothing").
fn found(value: &JsValue) -> String {
    if value.is_null() || value.is_undefined() {
        "nothing".to_string()
    } else if let Some(b) = value.as_bool() {
        format!("the value {b}")
    } else if value.as_f64().is_some() {
        format!("the number {}", number_text(value))
    } else if let Some(s) = value.as_string() {
        format!("the text {}", quoted(&s))
    } else if value.is_instance_of::<Uint8Array>() || value.is_instance_of::<ArrayBuffer>() {
        "bytes".to_string()
    } else if value.is_instance_of::<Array>() {
        "a list".to_string()
    } else if value.is_function() {
        "a function".to_string()
    } else if value.is_object() {
        "an object".to_string()
    } else {
        // A symbol or a bigint.
        format!("a {}", value.js_typeof().as_string().unwrap_or_default())
    }
}

/// `text` in double quotes, as Rust's `{:?}` writes it for ASCII (`\"`, `\\`, `\n`, `\r`, `\t`,
/// `\0`, other control characters as `\u{1f}`); characters past ASCII as they are (`{:?}` would
/// escape the few that are not printable, such as U+200B). Written here because `{:?}` of a
/// `String` links its own formatter for this one message (828 bytes of the page's wasm, 0.3 KiB
/// of the page's gzip); `char`'s, which core's slicing errors use, stays either way.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_ascii_control() => {
                let digits = b"0123456789abcdef";
                out.push_str("\\u{");
                // OK because `c` is ASCII: `n >> 4` is below 8 and `n & 15` below 16.
                let n = c as usize;
                if n >= 16 {
                    out.push(char::from(digits[n >> 4]));
                }
                out.push(char::from(digits[n & 15]));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as JavaScript writes it (so that float printing stays out of the wasm).
fn number_text(value: &JsValue) -> String {
    // OK because `value` is a number (the caller read it with `as_f64`).
    value.unchecked_ref::<js_sys::Number>().to_string_with_radix(10).map(String::from).unwrap_or_default()
}

fn wrong_type(value: &JsValue, expected: &'static str) -> Error {
    Error::WrongType { expected, found: found(value) }
}

fn nullish(value: &JsValue) -> bool {
    value.is_null() || value.is_undefined()
}

thread_local! {
    /// The field names read so far, as JavaScript strings: made once per instance rather than
    /// decoded across the boundary at every read (nine per article the page extracts). There
    /// are a few dozen names at most, kept for the instance's life.
    static FIELD_NAMES: std::cell::RefCell<Vec<(&'static str, &'static JsValue)>> = std::cell::RefCell::default();
}

/// `name` as a JavaScript string. The table is not borrowed while the field is read, which may
/// run a getter of the page's.
fn field_name(name: &'static str) -> &'static JsValue {
    FIELD_NAMES.with_borrow_mut(|names| match names.iter().find(|(known, _)| *known == name) {
        Some(&(_, key)) => key,
        None => {
            let key: &'static JsValue = Box::leak(Box::new(JsValue::from_str(name)));
            names.push((name, key));
            key
        }
    })
}

/// An object's fields, read by name.
pub(super) struct Object(JsValue);

impl Object {
    /// `expected` names the object in a message ("a filter object").
    ///
    /// # Errors
    /// When `value` is not an object (arrays count, as with serde-wasm-bindgen).
    pub(super) fn new(value: JsValue, expected: &'static str) -> Result<Object, Error> {
        if value.is_object() {
            Ok(Object(value))
        } else {
            Err(wrong_type(&value, expected))
        }
    }

    /// The field `name`; `undefined` when it is missing.
    ///
    /// # Errors
    /// When reading it throws (a getter or a proxy of the page's).
    fn get(&self, name: &'static str) -> Result<JsValue, Error> {
        js_sys::Reflect::get(&self.0, field_name(name)).map_err(|_| Error::UnreadableField(name))
    }

    /// A field that must be given.
    ///
    /// # Errors
    /// When it is missing or `read` refuses it.
    pub(super) fn required<T>(&self, name: &'static str, read: fn(JsValue) -> Result<T, Error>) -> Result<T, Error> {
        let value = self.get(name)?;
        if value.is_undefined() {
            return Err(Error::MissingField(name));
        }
        read(value)
    }

    /// A field that may be missing, `null` or `undefined`.
    ///
    /// # Errors
    /// When `read` refuses it.
    pub(super) fn optional<T>(
        &self,
        name: &'static str,
        read: impl Fn(JsValue) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        let value = self.get(name)?;
        if nullish(&value) {
            Ok(None)
        } else {
            read(value).map(Some)
        }
    }
}

/// # Errors
/// When `value` is not a string.
pub(super) fn string(value: JsValue) -> Result<String, Error> {
    value.as_string().ok_or_else(|| wrong_type(&value, "text"))
}

/// The elements of an array (or any iterable object), each read by `read`.
///
/// # Errors
/// When `value` is not a sequence, iterating it throws, or `read` refuses an element.
pub(super) fn sequence<T>(value: JsValue, read: impl Fn(JsValue) -> Result<T, Error>) -> Result<Vec<T>, Error> {
    if let Some(array) = value.dyn_ref::<Array>() {
        return array.iter().map(read).collect();
    }
    let iterator = if value.is_object() { js_sys::try_iter(&value).ok().flatten() } else { None };
    let Some(iterator) = iterator else {
        return Err(wrong_type(&value, "a list"));
    };
    iterator.map(|element| element.map_err(|_| Error::UnreadableList).and_then(&read)).collect()
}

/// # Errors
/// When `value` is not a list of strings.
pub(super) fn strings(value: JsValue) -> Result<Vec<String>, Error> {
    sequence(value, string)
}

/// What [`bytes`] takes, as a message names it.
const BYTES: &str = "bytes (a Uint8Array, an ArrayBuffer or a list of numbers 0 to 255)";

/// Bytes from a `Uint8Array`, an `ArrayBuffer` or an array of numbers 0–255.
///
/// # Errors
/// When `value` is none of these, or an array holds another value.
pub(super) fn bytes(value: JsValue) -> Result<Vec<u8>, Error> {
    if let Some(array) = value.dyn_ref::<Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    if !value.is_instance_of::<Array>() {
        return Err(wrong_type(&value, BYTES));
    }
    sequence(value, |element| {
        let n = element.as_f64().filter(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0);
        match n {
            // OK because `n` is a whole number in the safe-integer range.
            Some(n) => u8::try_from(n as i64).map_err(|_| Error::NotAByte(number_text(&element))),
            None => Err(wrong_type(&element, "a byte (0 to 255)")),
        }
    })
}

/// One of a unit enum's variants, by its name in `variants`.
///
/// # Errors
/// When `value` is not a string (`expected` names what it should be: "the name of a kind"),
/// or not one of the names.
pub(super) fn variant<T: Copy>(value: JsValue, expected: &'static str, variants: &[(&str, T)]) -> Result<T, Error> {
    let name = value.as_string().ok_or_else(|| wrong_type(&value, expected))?;
    if let Some(&(_, v)) = variants.iter().find(|(n, _)| *n == name) {
        return Ok(v);
    }
    // "`a`", "`a` or `b`", "`a`, `b` or `c`".
    let mut known = String::new();
    for (i, (n, _)) in variants.iter().enumerate() {
        let separator = match i {
            0 => "",
            _ if i + 1 == variants.len() => " or ",
            _ => ", ",
        };
        known.push_str(separator);
        known.push('`');
        known.push_str(n);
        known.push('`');
    }
    Err(Error::UnknownName { name, known })
}
