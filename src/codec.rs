//! A compact byte form for the per-document work an article's part keeps (the words it writes
//! in lowercase and the name tagger's sums): unsigned LEB128 varints, zigzag for signed numbers, lengths before
//! sequences. Written by hand rather than derived, as the derived forms cost the wasm several
//! KiB. Reading never panics: truncated or oversized input reads as `None`.

use crate::model::Span;

/// The bytes [`Writer::uint`] writes for `n`.
pub(crate) fn uint_len(n: u64) -> usize {
    (70 - (n | 1).leading_zeros() as usize) / 7
}

/// The bytes [`Writer::int`] writes for `n`.
#[cfg(test)]
pub(crate) fn int_len(n: i64) -> usize {
    uint_len(((n << 1) ^ (n >> 63)) as u64)
}

/// Appends values to a byte buffer.
#[derive(Default)]
pub(crate) struct Writer(pub Vec<u8>);

impl Writer {
    pub(crate) fn uint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    pub(crate) fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    /// Eight bytes as they are (hashes, which varints would only lengthen).
    pub(crate) fn fixed(&mut self, n: u64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    /// A string as its length and UTF-8 bytes.
    pub(crate) fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    /// A run of bytes as its length and the bytes.
    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        self.uint(bytes.len() as u64);
        self.0.extend_from_slice(bytes);
    }

    /// An option as 0 for none, or 1 and the value.
    pub(crate) fn option<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        self.uint(u64::from(value.is_some()));
        if let Some(value) = value {
            write(self, value);
        }
    }

    /// A span as its start and length (an end before its start is written as an empty span,
    /// which no part holds).
    pub(crate) fn span(&mut self, span: Span) {
        self.uint(span.start as u64);
        self.uint(span.end.saturating_sub(span.start) as u64);
    }
}

/// Reads values back in the order a [`Writer`] wrote them.
pub(crate) struct Reader<'b> {
    bytes: &'b [u8],
}

impl<'b> Reader<'b> {
    pub(crate) fn new(bytes: &'b [u8]) -> Self {
        Reader { bytes }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    #[inline]
    pub(crate) fn uint(&mut self) -> Option<u64> {
        // Most values are below 128: one byte, read without the loop.
        if let Some((&b, rest)) = self.bytes.split_first() {
            if b < 0x80 {
                self.bytes = rest;
                return Some(u64::from(b));
            }
        }
        self.long_uint()
    }

    #[inline(never)]
    fn long_uint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        let mut shift = 0;
        for (i, &b) in self.bytes.iter().enumerate() {
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                // OK because `i` indexes the bytes.
                self.bytes = &self.bytes[i + 1..];
                return Some(n);
            }
            shift += 7;
            // At most ten bytes: 7 bits each make 64 (the tenth's high bits are dropped).
            if shift > 63 {
                return None;
            }
        }
        None
    }

    pub(crate) fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.uint()?).ok()
    }

    pub(crate) fn int(&mut self) -> Option<i64> {
        let n = self.uint()?;
        Some((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    pub(crate) fn fixed(&mut self) -> Option<u64> {
        let (head, rest) = self.bytes.split_first_chunk::<8>()?;
        self.bytes = rest;
        Some(u64::from_le_bytes(*head))
    }

    /// A boolean written as 0 or 1.
    pub(crate) fn flag(&mut self) -> Option<bool> {
        match self.uint()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    pub(crate) fn str(&mut self) -> Option<String> {
        self.str_ref().map(str::to_string)
    }

    /// A string, borrowed from the bytes.
    pub(crate) fn str_ref(&mut self) -> Option<&'b str> {
        std::str::from_utf8(self.bytes_ref()?).ok()
    }

    /// A run of bytes written by [`Writer::bytes`], borrowed.
    pub(crate) fn bytes_ref(&mut self) -> Option<&'b [u8]> {
        let n = self.count()?;
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }

    /// An option written by [`Writer::option`].
    pub(crate) fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        Some(if self.flag()? { Some(read(self)?) } else { None })
    }

    pub(crate) fn span(&mut self) -> Option<Span> {
        let start = self.usize()?;
        Some(Span::new(start, start.checked_add(self.usize()?)?))
    }

    /// The entry of `table` at the index read next (an enum written as its position in a
    /// table of its values); `None` for an index past the table.
    pub(crate) fn pick<T: Copy>(&mut self, table: &[T]) -> Option<T> {
        table.get(self.usize()?).copied()
    }

    /// A count of items that take at least one byte each: never more than the bytes left, so
    /// that a damaged length cannot ask for a huge allocation.
    pub(crate) fn count(&mut self) -> Option<usize> {
        self.usize().filter(|&n| n <= self.bytes.len())
    }
}

/// A 64-bit checksum of `pieces`, eight bytes at a time (FxHash's step): every step is a
/// bijection of the running value, so a change within one eight-byte word of the input always
/// changes the sum. It guards against damage, not against forgery. Each piece is given as the
/// slices it is made of, so that a piece written in parts is summed without joining them:
/// `checksum(&[&[a, b], &[c]])` is `checksum(&[&[&[a, b].concat()], &[c]])`.
pub(crate) fn checksum(pieces: &[&[&[u8]]]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = 0;
    let mut step = |word: u64| h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    for piece in pieces {
        step(piece.iter().map(|s| s.len()).sum::<usize>() as u64);
        // The bytes of a word begun at the end of one slice and ended in the next.
        let mut carry = [0u8; 8];
        let mut carried = 0;
        for slice in piece.iter() {
            let mut rest: &[u8] = slice;
            if carried > 0 {
                let take = (8 - carried).min(rest.len());
                // OK because `carried + take` is at most 8 and `take` at most `rest.len()`.
                carry[carried..carried + take].copy_from_slice(&rest[..take]);
                carried += take;
                rest = &rest[take..];
                if carried < 8 {
                    continue;
                }
                step(u64::from_le_bytes(carry));
            }
            let mut chunks = rest.chunks_exact(8);
            for chunk in &mut chunks {
                step(crate::bytes::word_le(chunk));
            }
            let tail = chunks.remainder();
            // OK because a remainder of `chunks_exact(8)` is shorter than 8.
            carry[..tail.len()].copy_from_slice(tail);
            carried = tail.len();
        }
        if carried > 0 {
            // OK because `carried` is at most 8.
            step(crate::bytes::word_le(&carry[..carried]));
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_and_damage_reads_as_none() {
        let mut w = Writer::default();
        for n in [0, 1, 127, 128, 300, u64::MAX] {
            w.uint(n);
        }
        for n in [0, -1, 1, -300, i64::MIN, i64::MAX] {
            w.int(n);
        }
        w.fixed(0x0123_4567_89ab_cdef);
        let mut r = Reader::new(&w.0);
        assert_eq!([(); 6].map(|()| r.uint()), [0, 1, 127, 128, 300, u64::MAX].map(Some));
        assert_eq!([(); 6].map(|()| r.int()), [0, -1, 1, -300, i64::MIN, i64::MAX].map(Some));
        assert_eq!(r.fixed(), Some(0x0123_4567_89ab_cdef));
        assert!(r.is_empty());
        assert_eq!(r.uint(), None);
        assert_eq!(Reader::new(&[0x80, 0x80]).uint(), None, "truncated");
        assert_eq!(Reader::new(&[0xff; 11]).uint(), None, "too long");
        assert_eq!(Reader::new(&[5, 1]).count(), None, "a count beyond the bytes");
        assert_eq!(Reader::new(&[1, 2, 3]).fixed(), None);
    }

    #[test]
    fn a_checksum_of_slices_is_the_checksum_of_their_concatenation() {
        let bytes: Vec<u8> = (0..100u8).map(|b| b.wrapping_mul(37)).collect();
        for cut in [0, 1, 3, 7, 8, 9, 15, 16, 17, 50, 99, 100] {
            for second in [cut, (cut + 1).min(100), (cut + 9).min(100), 100] {
                let (a, rest) = bytes.split_at(cut);
                let (b, c) = rest.split_at(second - cut);
                let whole = reference(&[&bytes, b"text"]);
                assert_eq!(checksum(&[&[a, b, c], &[b"te", b"xt"]]), whole, "cut at {cut} and {second}");
                assert_eq!(checksum(&[&[&bytes], &[b"text"]]), whole);
            }
        }
        assert_eq!(checksum(&[&[], &[b""]]), reference(&[b"", b""]));
    }

    /// The checksum as it was before pieces could be given in slices (kept parts hold it): a
    /// 64-bit checksum of `pieces`, eight bytes at a time (FxHash's step): every step is a
    /// bijection of the running value, so a change within one eight-byte word of the input always
    /// changes the sum. It guards against damage, not against forgery.
    fn reference(pieces: &[&[u8]]) -> u64 {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h: u64 = 0;
        let mut step = |word: u64| h = (h.rotate_left(5) ^ word).wrapping_mul(K);
        for piece in pieces {
            step(piece.len() as u64);
            let mut chunks = piece.chunks_exact(8);
            for chunk in &mut chunks {
                step(crate::bytes::word_le(chunk));
            }
            let rest = chunks.remainder();
            if !rest.is_empty() {
                step(crate::bytes::word_le(rest));
            }
        }
        h
    }
}
