//! Bytes read as 64-bit words, for the scans and hashes that take eight bytes at a step (the
//! vocabulary's hash, the parts' checksum, the quote-mark, Markdown, offset and JSON-escape
//! scans, which find bytes in a word with [`bytes_equal`] and [`bytes_below`]), the input's
//! line splits and quote-mark scans ([`lines`], [`find_any`]), the native skip over ASCII to
//! the next wide character (`skip_ascii`, x86-64 only), and the wasm build's `memcmp` and
//! `bcmp` (see [`memcmp`]).
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
/// fewer (the last partial word of a hash: most words of a text are shorter than eight bytes,
/// so it is read in at most three loads, not a byte at a step).
#[inline]
pub(crate) fn word_le(bytes: &[u8]) -> u64 {
    if let Some(word) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*word);
    }
    let n = bytes.len();
    // Two overlapping reads cover every byte of the slice, each shifted to where it lies;
    // a byte read twice is the same byte at the same place. OK because each arm reads within
    // the `n` bytes there are: the first and last chunks of a slice at least the chunk's size,
    // or bytes 0, n / 2 and n - 1 of one of one to three.
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(first), Some(last)) => {
            u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << (8 * (n - 4))
        }
        _ if n > 0 => {
            u64::from(bytes[0]) | u64::from(bytes[n / 2]) << (8 * (n / 2)) | u64::from(bytes[n - 1]) << (8 * (n - 1))
        }
        _ => 0,
    }
}

/// Where the first byte of `set` is in `bytes` at or after `from`, if any: the memchr of the
/// line splits ([`lines`]), of the input's whitespace check and of the quote-mark scans.
///
/// Sixteen bytes at a step natively (SSE2, which every x86-64 processor has: about 0.4
/// instructions a byte, where the standard library's `memchr`, a word of eight at a step, cost
/// about 1.2) and in the wasm (simd128), eight where neither is there ([`bytes_equal`]); the
/// last few bytes one by one. A set is a
/// slice, not an array of its size: one function in the wasm, not one per size (the page's
/// budget); natively it is inlined with its set.
#[cfg_attr(target_arch = "x86_64", inline(always))]
pub(crate) fn find_any(bytes: &[u8], mut from: usize, set: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128,
        };
        while let Some(chunk) = bytes.get(from..).and_then(|rest| rest.first_chunk::<16>()) {
            // SAFETY: SSE2 is part of x86-64 itself (every x86_64 target enables it), and the
            // one load reads the sixteen bytes of `chunk` (unaligned loads are allowed).
            let found = unsafe {
                let v = _mm_loadu_si128(chunk.as_ptr().cast());
                let mut hits = _mm_setzero_si128();
                for &b in set {
                    hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)));
                }
                _mm_movemask_epi8(hits)
            };
            if found != 0 {
                // Bit k of the mask is byte k of the chunk.
                return Some(from + found.trailing_zeros() as usize);
            }
            from += 16;
        }
    }
    // The same in the wasm's 128-bit SIMD (simd128, which .cargo/config.toml enables).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{i8x16_eq, u8x16_bitmask, u8x16_splat, v128_any_true, v128_load, v128_or};
        while let Some(chunk) = bytes.get(from..).and_then(|rest| rest.first_chunk::<16>()) {
            // SAFETY: the one load reads the sixteen bytes of `chunk` (unaligned loads are
            // allowed).
            let v = unsafe { v128_load(chunk.as_ptr().cast()) };
            let hits = set.iter().fold(u8x16_splat(0), |hits, &b| v128_or(hits, i8x16_eq(v, u8x16_splat(b))));
            if v128_any_true(hits) {
                // Bit k of the mask is byte k of the chunk.
                return Some(from + u8x16_bitmask(hits).trailing_zeros() as usize);
            }
            from += 16;
        }
    }
    while let Some(word) = bytes.get(from..).and_then(|rest| rest.first_chunk::<8>()) {
        let word = u64::from_le_bytes(*word);
        let found = set.iter().fold(0, |found, &b| found | bytes_equal(word, b));
        if found != 0 {
            // The lowest flag is exact (see `bytes_below`): the high bit of the first match.
            return Some(from + found.trailing_zeros() as usize / 8);
        }
        from += 8;
    }
    Some(from + bytes.get(from..)?.iter().position(|x| set.contains(x))?)
}

/// Where the first byte past ASCII (0x80 and above) at or after `from` is in `bytes`, or
/// `bytes.len()` when there is none (`from` when it is past the end): sixteen bytes at a step
/// in SSE2's registers, one `movemask` telling the high bits, then the last bytes one by one.
/// Natively only (the code-point offsets' scan, [`crate::offsets`]); the wasm keeps its words
/// of eight there.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn skip_ascii(bytes: &[u8], mut from: usize) -> usize {
    use std::arch::x86_64::{_mm_loadu_si128, _mm_movemask_epi8};
    while let Some(chunk) = bytes.get(from..).and_then(|rest| rest.first_chunk::<16>()) {
        // SAFETY: SSE2 is part of x86-64 itself, and the one load reads the sixteen bytes of
        // `chunk` (unaligned loads are allowed).
        let high = unsafe { _mm_movemask_epi8(_mm_loadu_si128(chunk.as_ptr().cast())) };
        if high != 0 {
            // Bit k of the mask is the high bit of byte k of the chunk.
            return from + high.trailing_zeros() as usize;
        }
        from += 16;
    }
    match bytes.get(from..) {
        Some(rest) => from + rest.iter().position(|&b| b >= 0x80).unwrap_or(rest.len()),
        None => from,
    }
}

/// The lines of `s`, exactly as [`str::lines`] gives them (split at `\n`, a `\r` before it
/// dropped, no empty last line after a final `\n`), found with [`find_any`] natively. The
/// wasm, without SSE2, keeps [`str::lines`] (already in it: no code added to the page).
#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn lines(s: &str) -> std::str::Lines<'_> {
    s.lines()
}

/// See the other `lines`.
#[cfg(target_arch = "x86_64")]
pub(crate) fn lines(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(at) = find_any(rest.as_bytes(), 0, b"\n") else {
            return Some(std::mem::take(&mut rest));
        };
        // OK because `\n` is ASCII: `at` and `at + 1` are character boundaries of `rest`.
        let line = &rest[..at];
        rest = &rest[at + 1..];
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
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
    use super::{find_any, lines, memcmp, word_le};

    /// [`super::skip_ascii`] finds the first byte past ASCII as a byte-by-byte search does:
    /// one such byte (or none) at every place of texts of every length up to 50, from every
    /// start (and past the end), across the steps of sixteen and the last bytes.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn skip_ascii_finds_the_first_byte_past_ascii() {
        let mut checked = 0;
        for len in 0..50 {
            for at in 0..=len {
                for high in [0x80u8, 0xC3, 0xFF, 0x7F] {
                    let mut text: Vec<u8> = b"ab\x00z\x7f ~9".iter().copied().cycle().take(len).collect();
                    if at < len {
                        text[at] = high;
                    }
                    for from in 0..=len + 2 {
                        let plain =
                            from + text.get(from..).map_or(0, |r| r.iter().position(|&b| b >= 0x80).unwrap_or(r.len()));
                        assert_eq!(super::skip_ascii(&text, from), plain, "{text:?} from {from}");
                        checked += usize::from(plain < len);
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// [`find_any`] finds the first byte of a set in every place, from every start, across the
    /// steps of sixteen and eight and the last bytes.
    #[test]
    fn find_any_finds_the_first_byte_of_a_set() {
        for len in 0..=40 {
            for (a, b) in [(b'\n', b'\n'), (b'\r', 0xa0), (0x80, 0), (b'"', 0xe2)] {
                for place in 0..len.max(1) {
                    for other in [None, Some(place + 3)] {
                        let mut bytes = vec![b'x'; len];
                        if let Some(slot) = bytes.get_mut(place) {
                            *slot = a;
                        }
                        if let Some(slot) = other.and_then(|o| bytes.get_mut(o)) {
                            *slot = b;
                        }
                        for from in 0..=len + 1 {
                            let naive = bytes.get(from..).and_then(|r| r.iter().position(|&x| x == a || x == b));
                            let found = naive.map(|p| p + from);
                            assert_eq!(find_any(&bytes, from, &[a, b]), found, "{bytes:?} {from}");
                            assert_eq!(find_any(&bytes, from, &[a, b, 0xc2]), found, "{bytes:?} {from}");
                        }
                    }
                }
            }
        }
    }

    /// [`lines`] splits as [`str::lines`] does.
    #[test]
    fn lines_as_str_lines() {
        let long = "x".repeat(37);
        let cases = [
            String::new(),
            "\n".into(),
            "\n\n".into(),
            "a".into(),
            "a\n".into(),
            "a\r\nb\r".into(),
            "\r\n\r\n".into(),
            "a\r\rb\n\nc".into(),
            format!("{long}\n{long}é\r\n\n{long}"),
            format!("é{long}{long}\n"),
        ];
        for case in &cases {
            assert_eq!(lines(case).collect::<Vec<_>>(), case.lines().collect::<Vec<_>>(), "{case:?}");
        }
    }

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
        // Every length up to a word and past it, each byte distinct and some above 0x7f.
        let bytes: Vec<u8> = (0..10u8).map(|k| 0x71u8.wrapping_add(0x13 * k)).collect();
        for n in 0..=bytes.len() {
            let mut padded = [0u8; 8];
            let read = n.min(8);
            padded[..read].copy_from_slice(&bytes[..read]);
            assert_eq!(word_le(&bytes[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }
}
