// The rANS stream writer of the tagger's coded weights, one copy for its two users: build.rs's
// `code_weights`, which codes the committed weights, and the tests of
// src/entities/coded_weights.rs, which code their own quotients. Each `include!`s this file
// (build.rs cannot be linked into the crate); it is no module of its own.

/// The stream's length in bytes (`u32` little-endian), then the rANS stream of `coded` (each
/// weight's context and symbol, in order) under `freqs` (each context's frequencies, summing to
/// `1 << prob_bits`, or zero for a context never used): the last state (`u32` little-endian),
/// then its 16-bit refill words (little-endian) in the order the decoder reads them. `low` is
/// the lower bound of the decoder's state between weights.
fn rans_stream(coded: &[(usize, usize)], freqs: &[Vec<u32>], prob_bits: u32, low: u32) -> Vec<u8> {
    let starts: Vec<Vec<u32>> =
        freqs.iter().map(|f| f.iter().scan(0, |s, &f| Some(std::mem::replace(s, *s + f))).collect()).collect();
    // rANS codes backwards: the decoder reads the last word written first. The state (below
    // 2^32 between weights) in a u64 here, so that the bound below never overflows.
    let (mut x, mut words) = (u64::from(low), Vec::new());
    for &(c, s) in coded.iter().rev() {
        let f = u64::from(freqs[c][s]);
        if x >= ((u64::from(low) >> prob_bits) << 16) * f {
            words.push(x as u16);
            x >>= 16;
        }
        x = ((x / f) << prob_bits) + x % f + u64::from(starts[c][s]);
    }
    let mut bytes = u32::try_from(x).unwrap().to_le_bytes().to_vec();
    bytes.extend(words.iter().rev().flat_map(|w| w.to_le_bytes()));
    let mut out = u32::try_from(bytes.len()).unwrap().to_le_bytes().to_vec();
    out.extend(bytes);
    out
}
