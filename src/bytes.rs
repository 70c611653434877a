//! Bytes read as 64-bit words, for the scans and hashes that take eight bytes at a step (the
//! vocabulary's hash, the parts' checksum, the quote-mark scan).
//!
//! `let mut w = [0u8; 8]; w.copy_from_slice(chunk)` is one load natively, but at the wasm's
//! opt-level "z" it stays a call to `copy_from_slice` and `memory.copy` per word (about 2% of
//! the wasm's extraction time in a V8 profile); a fixed-size array read is one load in both.

/// The little-endian word of the first eight bytes of `bytes`, zero-padded when there are
/// fewer (the last partial word of a hash).
#[inline]
pub(crate) fn word_le(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(word) => u64::from_le_bytes(*word),
        None => bytes.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::word_le;

    #[test]
    fn reads_little_endian_and_pads_short_input_with_zeros() {
        assert_eq!(word_le(&[1, 2, 3, 4, 5, 6, 7, 8, 9]), 0x0807_0605_0403_0201);
        assert_eq!(word_le(&[1, 2, 3]), 0x03_0201);
        assert_eq!(word_le(&[]), 0);
        let mut padded = [0u8; 8];
        padded[..5].copy_from_slice(b"hello");
        assert_eq!(word_le(b"hello"), u64::from_le_bytes(padded));
    }
}
