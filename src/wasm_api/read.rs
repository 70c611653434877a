//! Reads the page's plain JavaScript values (articles, filters, lists of ids) into Rust ones,
//! field by field through `Reflect`, with serde's wording for bad input ("invalid type: string
//! \"q\", expected struct Filter", "missing field `id`", "unknown variant `tweet`, expected one
//! of …").
//!
//! It replaces serde-wasm-bindgen, whose error path formats any JavaScript number as a Rust
//! float and so links float printing (about 6 KiB of gzipped wasm) into a build that otherwise
//! never prints a float. Numbers in messages are written by JavaScript and adjusted to read as
//! Rust writes them (`5.0`, `0.0000001`, `inf`).
//!
//! Fields are read by name in declaration order, and the first error wins, as with a derived
//! `Deserialize`. An `undefined` field counts as missing; `null` or `undefined` is `None` for
//! an optional one. Properties the types do not name are ignored.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// A message for the page, without the caller's context ("invalid filter: …").
pub(super) type Error = String;

/// How serde names an unexpected value (`serde::de::Unexpected`'s wording).
fn unexpected(value: &JsValue) -> String {
    if value.is_null() || value.is_undefined() {
        "unit value".to_string()
    } else if let Some(b) = value.as_bool() {
        format!("boolean `{b}`")
    } else if let Some(n) = value.as_f64() {
        format!("floating point `{}`", float_text(value, n))
    } else if let Some(s) = value.as_string() {
        format!("string {s:?}")
    } else if value.is_instance_of::<Uint8Array>() || value.is_instance_of::<ArrayBuffer>() {
        "byte array".to_string()
    } else {
        format!("{value:?}")
    }
}

/// A number as Rust's `Display` writes a float, with serde's `.0` on whole numbers, from
/// JavaScript's own text of it (so that float printing stays out of the wasm): the digits are
/// the same shortest round-trip digits, only the notation differs.
fn float_text(value: &JsValue, n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "inf" } else { "-inf" }.into();
    }
    // OK because `value` is a number (the caller read it with `as_f64`).
    let js = value.unchecked_ref::<js_sys::Number>().to_string_with_radix(10).map(String::from).unwrap_or_default();
    let sign = if n.is_sign_negative() { "-" } else { "" };
    let js = js.trim_start_matches('-');
    // JavaScript writes 1e-7 and below, and 1e21 and above, in exponent form; Rust never does.
    let plain = match js.split_once('e') {
        Some((mantissa, exponent)) => {
            let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
            let point = mantissa.find('.').unwrap_or(mantissa.len()) as i64;
            let exponent: i64 = exponent.trim_start_matches('+').parse().unwrap_or(0);
            let at = point + exponent;
            if at <= 0 {
                format!("0.{}{digits}", "0".repeat(at.unsigned_abs() as usize))
            } else {
                // OK because `at` > 0 here, and whole numbers this large have no fraction.
                let zeros = (at as usize).saturating_sub(digits.len());
                format!("{digits}{}", "0".repeat(zeros))
            }
        }
        None => js.to_string(),
    };
    let point = if plain.contains('.') { "" } else { ".0" };
    format!("{sign}{plain}{point}")
}

fn invalid_type(value: &JsValue, expected: &str) -> Error {
    format!("invalid type: {}, expected {expected}", unexpected(value))
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

/// An object's fields, read by name, for a struct called `expected` (`struct Filter`).
pub(super) struct Object(JsValue);

impl Object {
    /// # Errors
    /// When `value` is not an object (arrays count, as with serde-wasm-bindgen).
    pub(super) fn new(value: JsValue, expected: &str) -> Result<Object, Error> {
        if value.is_object() {
            Ok(Object(value))
        } else {
            Err(invalid_type(&value, expected))
        }
    }

    /// The field `name`; `undefined` when it is missing.
    ///
    /// # Errors
    /// When reading it throws (a getter or a proxy of the page's).
    fn get(&self, name: &'static str) -> Result<JsValue, Error> {
        js_sys::Reflect::get(&self.0, field_name(name)).map_err(|_| format!("cannot read field `{name}`"))
    }

    /// A field that must be given.
    ///
    /// # Errors
    /// When it is missing or `read` refuses it.
    pub(super) fn required<T>(&self, name: &'static str, read: fn(JsValue) -> Result<T, Error>) -> Result<T, Error> {
        let value = self.get(name)?;
        if value.is_undefined() {
            return Err(format!("missing field `{name}`"));
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
    value.as_string().ok_or_else(|| invalid_type(&value, "a string"))
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
        return Err(invalid_type(&value, "a sequence"));
    };
    iterator.map(|element| element.map_err(|_| "cannot iterate the sequence".to_string()).and_then(&read)).collect()
}

/// # Errors
/// When `value` is not a list of strings.
pub(super) fn strings(value: JsValue) -> Result<Vec<String>, Error> {
    sequence(value, string)
}

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
        return Err(invalid_type(&value, "byte array"));
    }
    sequence(value, |element| {
        let n = element.as_f64().filter(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0);
        match n {
            // OK because `n` is a whole number in the safe-integer range.
            Some(n) => {
                u8::try_from(n as i64).map_err(|_| format!("invalid value: integer `{}`, expected u8", n as i64))
            }
            None => Err(invalid_type(&element, "u8")),
        }
    })
}

/// One of a unit enum's variants, by its name in `variants`.
///
/// # Errors
/// When `value` is not a string (`expected` names the enum), or not one of the names.
pub(super) fn variant<T: Copy>(value: JsValue, expected: &str, variants: &[(&str, T)]) -> Result<T, Error> {
    let name = value.as_string().ok_or_else(|| invalid_type(&value, expected))?;
    if let Some(&(_, v)) = variants.iter().find(|(n, _)| *n == name) {
        return Ok(v);
    }
    let names: Vec<String> = variants.iter().map(|(n, _)| format!("`{n}`")).collect();
    let one_of = match names.as_slice() {
        [] => "there are no variants".to_string(),
        [one] => format!("expected {one}"),
        [a, b] => format!("expected {a} or {b}"),
        _ => format!("expected one of {}", names.join(", ")),
    };
    Err(format!("unknown variant `{name}`, {one_of}"))
}
