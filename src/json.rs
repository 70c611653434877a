//! The contract's JSON, written byte for byte as serde_json writes it (`to_writer`, or
//! `to_writer_pretty` with two spaces a level), only faster: the CLI's output is several times
//! its input, and serde_json's escaping looks up a table at every byte of every string.
//!
//! [`to_writer`] is a [`serde::Serializer`] of the shapes the contract uses (structs,
//! sequences, maps with string or integer keys, strings, integers, booleans, options, unit
//! variants, newtypes, tuples); strings are escaped eight bytes at a time, and a buffer goes to
//! the writer in large pieces. Floats and 128-bit integers are formatted by serde_json itself.
//! Tuple and struct variants, which the contract has none of, are refused with an error. It
//! does not read JSON.
//!
//! Cost: linear in the output; about one instruction a byte for text without characters to
//! escape.

use serde::ser::{self, Serialize};
use std::io::Write;

/// Writes `value` as JSON to `out`: on one line, or `pretty` as serde_json's pretty printer
/// does. The output is serde_json's, byte for byte.
///
/// # Errors
/// When writing fails, or when `value` is not representable in JSON (a map whose keys are
/// not strings).
pub fn to_writer<W: Write, T: Serialize + ?Sized>(out: W, value: &T, pretty: bool) -> std::io::Result<()> {
    let mut json = Json { out, buffer: Vec::with_capacity(BUFFER), pretty, depth: 0, has_value: false };
    value.serialize(&mut json).map_err(|Error(e)| e)?;
    json.flush()
}

/// How much output is gathered before it goes to the writer.
const BUFFER: usize = 1 << 16;
/// The brackets of an array and of an object.
const ARRAY: [u8; 2] = *b"[]";
const OBJECT: [u8; 2] = *b"{}";

/// The serializer: the writer, a buffer, and for pretty output the depth and whether the
/// innermost open array or object holds a value yet (serde_json's `PrettyFormatter` state).
struct Json<W> {
    out: W,
    buffer: Vec<u8>,
    pretty: bool,
    depth: usize,
    has_value: bool,
}

/// A failed write, or a value JSON cannot represent.
#[derive(Debug)]
pub struct Error(std::io::Error);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error(std::io::Error::other(message.to_string()))
    }
}

/// A comma, a line break and the indentation of [`DEEPEST`] levels: a pretty line starts with
/// `LINE[0..]` (after a comma) or `LINE[1..]`, cut at its depth.
const DEEPEST: usize = 32;
const LINE: [u8; 2 + 2 * DEEPEST] = {
    let mut line = [b' '; 2 + 2 * DEEPEST];
    line[0] = b',';
    line[1] = b'\n';
    line
};

/// Per byte: what it is written as inside a JSON string: 0 for itself, `u` for `\u00XX`, or
/// the letter after the backslash (serde_json's table).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// True when one of the eight bytes of `word` must be escaped: a control character (below
/// 0x20), `"` or `\`. Exact as to whether there is one (the classic "has a byte less than"
/// and "has a zero byte" tests; their false positives fall only on bytes above a true one).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    below(word, 0x20) | below(quote, 1) | below(backslash, 1) != 0
}

impl<W: Write> Json<W> {
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.write_all(&self.buffer)?;
        self.buffer.clear();
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= BUFFER {
            self.flush().map_err(Error)?;
        }
        Ok(())
    }

    /// `s` as a JSON string, quotes included.
    fn string(&mut self, s: &str) -> Result<(), Error> {
        let bytes = s.as_bytes();
        self.buffer.reserve(bytes.len() + 2);
        self.buffer.push(b'"');
        // Eight bytes at a time; the bytes of a chunk that has one to escape one by one. The
        // last chunk is padded with spaces, which need no escaping.
        let mut done = 0;
        let mut chunks = bytes.chunks_exact(8);
        let mut at = 0;
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if needs_escape(u64::from_le_bytes(word)) {
                self.escape_bytes(bytes, at..at + 8, &mut done);
            }
            at += 8;
        }
        let rest = chunks.remainder();
        let mut word = [b' '; 8];
        // OK because the remainder of eight-byte chunks is shorter than eight.
        word[..rest.len()].copy_from_slice(rest);
        if needs_escape(u64::from_le_bytes(word)) {
            self.escape_bytes(bytes, at..bytes.len(), &mut done);
        }
        // OK because `done <= bytes.len()`.
        self.buffer.extend_from_slice(&bytes[done..]);
        self.write(b"\"")
    }

    /// Writes `bytes[*done..]` up to each byte of `range` that needs escaping, and that byte
    /// escaped; `*done` is then past the last byte written.
    fn escape_bytes(&mut self, bytes: &[u8], range: std::ops::Range<usize>, done: &mut usize) {
        for at in range {
            // OK because `range` lies within `bytes` (the caller's chunks do).
            let b = bytes[at];
            let escape = ESCAPE[usize::from(b)];
            if escape == 0 {
                continue;
            }
            // OK because `*done <= at < bytes.len()`.
            self.buffer.extend_from_slice(&bytes[*done..at]);
            match escape {
                b'u' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let code = [b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
                    self.buffer.extend_from_slice(&code);
                }
                letter => self.buffer.extend_from_slice(&[b'\\', letter]),
            }
            *done = at + 1;
        }
    }

    /// A pretty line break (after a comma when `comma`) with the current indentation; in
    /// compact output, the comma alone.
    fn line(&mut self, comma: bool) -> Result<(), Error> {
        if !self.pretty {
            return if comma { self.write(b",") } else { Ok(()) };
        }
        let from = usize::from(!comma);
        match LINE.get(from..2 + 2 * self.depth) {
            Some(line) => self.buffer.extend_from_slice(line),
            None => {
                // OK because `from` is 0 or 1 and LINE is longer than 2.
                self.buffer.extend_from_slice(&LINE[from..2]);
                (0..self.depth).for_each(|_| self.buffer.extend_from_slice(b"  "));
            }
        }
        Ok(())
    }

    /// Opens an array or an object (`brackets`: its opening and closing bracket); an empty
    /// one (`len` 0) is closed at once.
    fn open(&mut self, [open, close]: [u8; 2], len: Option<usize>) -> Result<Compound<'_, W>, Error> {
        self.depth += 1;
        self.has_value = false;
        self.write(&[open])?;
        if len == Some(0) {
            self.close(close)?;
            return Ok(Compound { json: self, state: State::Closed, close });
        }
        Ok(Compound { json: self, state: State::First, close })
    }

    /// Closes an array or an object; a non-empty one ends on a line of its own.
    fn close(&mut self, bracket: u8) -> Result<(), Error> {
        self.depth -= 1;
        if self.pretty && self.has_value {
            self.line(false)?;
        }
        self.write(&[bracket])
    }

    /// A value no contract type holds in bulk, written by serde_json itself.
    fn by_serde_json<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        serde_json::to_writer(&mut self.buffer, value).map_err(|e| Error(std::io::Error::other(e)))
    }
}

/// Whether an array or object is still to get its first value, or was closed when opened.
#[derive(PartialEq)]
enum State {
    First,
    Rest,
    Closed,
}

/// An open array or object, and its closing bracket.
struct Compound<'a, W> {
    json: &'a mut Json<W>,
    state: State,
    close: u8,
}

impl<W: Write> Compound<'_, W> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.json.line(self.state == State::Rest)?;
        self.state = State::Rest;
        value.serialize(&mut *self.json)?;
        self.json.has_value = true;
        Ok(())
    }

    fn key(&mut self, key: &str) -> Result<(), Error> {
        self.json.line(self.state == State::Rest)?;
        self.state = State::Rest;
        self.json.string(key)?;
        self.json.write(if self.json.pretty { b": " } else { b":" })
    }

    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.json)?;
        self.json.has_value = true;
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        match self.state {
            State::Closed => Ok(()),
            State::First | State::Rest => self.json.close(self.close),
        }
    }
}

impl<'a, W: Write> ser::Serializer for &'a mut Json<W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, W>;
    type SerializeTuple = Compound<'a, W>;
    type SerializeTupleStruct = Compound<'a, W>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Compound<'a, W>;
    type SerializeStruct = Compound<'a, W>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.write(if v { b"true" } else { b"false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        if v < 0 {
            self.write(b"-")?;
        }
        self.serialize_u64(v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, mut v: u64) -> Result<(), Error> {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            // OK because a u64 has at most 20 digits; `v % 10` is a digit.
            digits[at] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        // OK because `at` is where the last digit was put.
        self.write(&digits[at..])
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.by_serde_json(&v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.by_serde_json(&v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.by_serde_json(&v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.by_serde_json(&v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut array = self.open(ARRAY, Some(v.len()))?;
        v.iter().try_for_each(|b| array.element(b))?;
        array.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.write(b"null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.write(b"null")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.write(b"null")
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = self.open(OBJECT, Some(1))?;
        object.key(variant)?;
        object.value(value)?;
        object.end()
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, W>, Error> {
        self.open(ARRAY, len)
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, W>, Error> {
        self.open(ARRAY, Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, W>, Error> {
        self.open(ARRAY, Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(ser::Error::custom("the contract has no tuple variants"))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, W>, Error> {
        self.open(OBJECT, len)
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, W>, Error> {
        self.open(OBJECT, Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(ser::Error::custom("the contract has no struct variants"))
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.string(&value.to_string())
    }
}

impl<W: Write> ser::SerializeSeq for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl<W: Write> ser::SerializeTuple for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl<W: Write> ser::SerializeTupleStruct for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl<W: Write> ser::SerializeStruct for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.key(key)?;
        self.value(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl<W: Write> ser::SerializeMap for Compound<'_, W> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let key = key.serialize(KeyName)?;
        self.key(&key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.value(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// A map key as the string JSON writes it (string keys only).
struct KeyName;

impl ser::Serializer for KeyName {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<String, Error> {
        Ok(variant.to_string())
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<String, Error> {
        Ok(value.to_string())
    }
    fn serialize_bool(self, _: bool) -> Result<String, Error> {
        Err(key_error())
    }
    // Integer keys are written as strings, as serde_json does.
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_f64(self, _: f64) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

fn key_error() -> Error {
    ser::Error::custom("a JSON object's keys are strings")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(value: &impl Serialize) -> [(String, String); 2] {
        [false, true].map(|pretty| {
            let mut ours = Vec::new();
            to_writer(&mut ours, value, pretty).expect("written");
            let theirs =
                if pretty { serde_json::to_vec_pretty(value) } else { serde_json::to_vec(value) }.expect("serde_json");
            (String::from_utf8(ours).expect("utf-8"), String::from_utf8(theirs).expect("utf-8"))
        })
    }

    fn assert_same(value: &impl Serialize) {
        for (ours, theirs) in both(value) {
            assert_eq!(ours, theirs);
        }
    }

    /// The contract of the seeds and of every test article, compact and pretty, as serde_json
    /// writes it.
    #[test]
    fn the_contract_is_written_as_serde_json_writes_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
        let mut inputs = crate::seeds::inputs();
        let mut paths: Vec<_> =
            std::fs::read_dir(dir).expect("tests/articles").map(|e| e.expect("entry").path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| !p.to_string_lossy().ends_with(".json")) {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = std::fs::read(&path).expect("an article");
            inputs.push(crate::Input::from_bytes(&name, &name, bytes).expect("text"));
        }
        let extraction = crate::extract(&inputs).extraction;
        assert!(extraction.events.len() > 10 && extraction.quotes.len() > 30, "the corpus exercises every record");
        assert_same(&extraction);
    }

    /// Every character that needs escaping, at every offset of an eight-byte chunk, among
    /// ASCII and multibyte text; empty, nested and deep arrays and objects; numbers and
    /// options.
    #[test]
    fn strings_and_shapes_are_written_as_serde_json_writes_them() {
        let mut strings: Vec<String> = vec![String::new(), "plain".into(), "é“”…😀".into()];
        for b in (0u8..0x20).chain([b'"', b'\\', 0x7f]) {
            for offset in 0..10 {
                let mut s = "abcdefghij".repeat(2);
                s.insert(offset, char::from(b));
                strings.push(s.clone());
                strings.push(format!("Łódź {s} ünï"));
            }
        }
        assert_same(&strings);
        let mut deep = serde_json::json!({"a": [], "b": {}, "c": [1, -2, {"d": "x\n\"y\""}], "e": null, "f": true});
        for depth in 0..(DEEPEST + 3) {
            deep = serde_json::json!({ "level": depth, "inner": [deep, [], {}], "neg": -7, "max": u64::MAX });
        }
        for value in [deep, serde_json::json!([]), serde_json::json!({}), serde_json::json!([[[]], {"k": {}}])] {
            assert_same(&value);
        }
        assert_same(&(None::<u8>, Some("x"), 1.5f64, 'c', -3i8));
    }

    #[test]
    fn needs_escape_finds_every_escaped_byte_and_no_other() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = [b'a'; 8];
                word[at] = b;
                assert_eq!(needs_escape(u64::from_le_bytes(word)), ESCAPE[usize::from(b)] != 0, "{b:#x} at {at}");
            }
        }
    }
}
