//! Bytes read as 64-bit words, for the scans and hashes that take eight bytes at a step (the
//! vocabulary's hash, the parts' checksum, the quote-mark, Markdown, offset and JSON-escape
//! scans, which find bytes in a word with [`bytes_equal`] and [`bytes_below`]), and the wasm build's `memcmp`
//! and `bcmp` (see [`memcmp`]).
//!
//! `let mut w = [0u8; 8]; w.copy_from_slice(chunk)` is one load natively, but at the wasm's
//! opt-level "z" it stays a call to `copy_from_slice` and `memory.copy` per word (about 2% of
//! the wasm's extraction time in a V8 profile); a fixed-size array read is one load in both.

/// Eight copies of a byte in a word.
#[inline]
pub(crate) const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of every byte of a word: a set one in `word & HIGH_BITS` is a non-ASCII byte.
pub(crate) const HIGH_BITS: u64 = splat(0x80);

/// The high bit of each byte of `word` below `n` (n ≤ 128), the classic "has a byte less than
/// n": a byte's borrow can flag a byte above it that is not below `n`, but no byte below the
/// first one that is, so the lowest flag (`trailing_zeros() / 8` of a little-endian word) is
/// exact, and the result is zero exactly when no byte is below `n`.
#[inline]
pub(crate) const fn bytes_below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(splat(n)) & !word & HIGH_BITS
}

/// [`bytes_below`] for the bytes of `word` equal to `b` (a zero byte of `word ^ splat(b)`):
/// the lowest flag is exact, and the result is zero exactly when no byte is `b`.
#[inline]
pub(crate) const fn bytes_equal(word: u64, b: u8) -> u64 {
    bytes_below(word ^ splat(b), 1)
}

/// The little-endian word of the first eight bytes of `bytes`, zero-padded when there are
/// fewer (the last partial word of a hash).
#[inline]
pub(crate) fn word_le(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(word) => u64::from_le_bytes(*word),
        None => bytes.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)),
    }
}

/// Compares the `n` bytes at `a` and `b`: negative, zero or positive as `a` sorts before, with
/// or after `b` (bytes compared unsigned), eight bytes at a step.
///
/// Every comparison of strings or byte slices (`==`, `cmp`, hash-map key checks, the search
/// index's sorted vocabulary) ends in `memcmp` or `bcmp`. On wasm32 the only ones linked are
/// compiler-builtins' portable versions, weak symbols that compare one byte per iteration
/// (2.6–4.8% of the wasm's extraction time in V8 profiles): the wasm build exports this as
/// both, and these strong symbols replace them in the final link. Native builds keep their C
/// library's. The first differing byte of two little-endian words is the lowest set byte of
/// their XOR.
///
/// # Safety
/// `a` and `b` must be valid for reads of `n` bytes (the C contract of `memcmp`).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
// Natively only its tests call it: the C library's `memcmp` serves the native build.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while n - i >= 8 {
        // OK because i + 8 <= n, and both pointers are readable for n bytes.
        let (x, y) = unsafe { (a.add(i).cast::<u64>().read_unaligned(), b.add(i).cast::<u64>().read_unaligned()) };
        if x != y {
            let shift = (x ^ y).trailing_zeros() & !7;
            return i32::from((x >> shift) as u8) - i32::from((y >> shift) as u8);
        }
        i += 8;
    }
    while i < n {
        // OK because i < n.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return i32::from(x) - i32::from(y);
        }
        i += 1;
    }
    0
}

/// Zero when the `n` bytes at `a` and `b` are equal, else non-zero: [`memcmp`].
///
/// # Safety
/// As [`memcmp`].
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // OK because the contract is memcmp's.
    unsafe { memcmp(a, b, n) }
}

#[cfg(test)]
mod tests {
    use super::{memcmp, word_le};

    #[test]
    fn compares_as_slices_do() {
        let words: Vec<Vec<u8>> = [
            "",
            "a",
            "ab",
            "abcdefgh",
            "abcdefgi",
            "abcdefgh\u{0}",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "abcdefghijklmnoq",
            "zbcdefgh",
            "é",
            "\u{ff}\u{1}x",
            "abcdefgé",
            "abcdefghijkl\u{80}",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .chain([vec![0xff; 9], vec![0x7f; 9], vec![0x80, 0, 0, 0, 0, 0, 0, 0, 1], vec![0x80, 0, 0, 0, 0, 0, 0, 0, 2]])
        .collect();
        for a in &words {
            for b in &words {
                let n = a.len().min(b.len());
                // OK because both hold at least n bytes.
                let got = unsafe { memcmp(a.as_ptr(), b.as_ptr(), n) };
                assert_eq!(got.cmp(&0), a[..n].cmp(&b[..n]), "{a:?} {b:?}");
            }
        }
    }

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
