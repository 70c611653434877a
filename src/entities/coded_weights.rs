//! The tagger's emission weights as the binary compiles them in: entropy-coded by `build.rs`
//! (`code_weights`), read back here into the same `i8` table the plain file gives.
//!
//! The weights file (src/entities/tagger.weights) stores each weight as a byte, its quotient by
//! the quantization step. Those bytes are nearly independent and spread over a few dozen
//! values: the page's LZMA codes the 81,920 of them in 34.7 KB, against an order-0 entropy of
//! 33.2 KB and about 31 KB given the row's earlier weights. Here each quotient is coded by
//! rANS (range asymmetric numeral systems: one 32-bit state, refilled 16 bits at a time) from
//! a fixed frequency table per context: the weight's place in its row (see
//! `tagger::components`) and the sum of the row's earlier quotients' magnitudes, capped at
//! `SUM_CAP - 1` (a row's weights share a scale). Tables and stream: 33.1 KB, 32.2 KB of
//! LZMA. Decoding reads one table entry a weight: it adds about 1.7 M instructions (20 a
//! weight) to the start of a process, or of a page's worker.
//!
//! It decodes; it does not know what a weight means (the tagger does).

use crate::weights::WeightsError;

/// The weights of a row (`tagger::WEIGHTS`).
const ROW: usize = super::tagger::WEIGHTS;

/// A row's earlier quotients' magnitudes are summed up to this (the contexts of a place in
/// the row: sums 0 to `SUM_CAP - 1`, the last for any larger sum).
pub(crate) const SUM_CAP: usize = 4;

/// The contexts: `SUM_CAP` for each place of a row (the first place's sum is always 0).
pub(crate) const CONTEXTS: usize = ROW * SUM_CAP;

/// Each context's frequencies sum to `1 << PROB_BITS`.
pub(crate) const PROB_BITS: u32 = 10;

/// The state stays at or above this between symbols (a `u32`: up to `LOW << 16`); it is
/// refilled 16 bits at a time, at most once a weight.
pub(crate) const LOW: u32 = 1 << 16;

/// The context of a row's weight `k`, given the sum of its earlier quotients' magnitudes.
#[cfg(test)]
fn context(k: usize, sum: u32) -> usize {
    k * SUM_CAP + (sum as usize).min(SUM_CAP - 1)
}

/// A slot of a context never used (its entries' mark).
const UNUSED: u32 = 1 << 31;

/// Reads `count` coded weights (a multiple of the row's length) from the start of `bytes` and
/// multiplies each by `step`: the quotients' table (the smallest quotient as an `i8`, the
/// number of quotients from it less one, then each context's frequency of each quotient,
/// `u16` little-endian), the stream's length in bytes (`u32` little-endian), then the stream:
/// the state after the last weight was coded (`u32` little-endian, at least [`LOW`]), then the
/// 16-bit words (little-endian) that refill it, in the order they are read. Returns the
/// weights and the bytes after the stream.
///
/// # Errors
/// [`WeightsError::WrongSize`] when the table or the stream is cut short or does not end
/// where it says; [`WeightsError::WrongFormat`] when a context's frequencies do not sum to
/// `1 << PROB_BITS` (or zero, for a context never used), a weight times the step leaves
/// the `i8` range, or the stream does not end in the state coding began with.
pub(crate) fn decode(bytes: &[u8], count: usize, step: u8) -> Result<(Vec<i8>, &[u8]), WeightsError> {
    const MASK: u32 = (1 << PROB_BITS) - 1;
    let (&[low, last], rest) = bytes.split_first_chunk::<2>().ok_or(WeightsError::WrongSize)?;
    let symbols = usize::from(last) + 1;
    let (table, rest) = rest.split_at_checked(CONTEXTS * symbols * 2).ok_or(WeightsError::WrongSize)?;
    // Each slot of each context, all a weight's decoding reads in one load: the symbol's
    // weight (its quotient times the step, as a byte; bits 0-7), the next place's sum of
    // magnitudes (this context's, plus the quotient's, capped at SUM_CAP - 1; bits 8-9), the
    // symbol's frequency less one (bits 10-19), the slot's distance from the symbol's first
    // slot (bits 20-29), and UNUSED (bit 31) in a context with no frequencies.
    let mut slots = vec![UNUSED; CONTEXTS << PROB_BITS];
    let (low, step) = (i32::from(low as i8), i32::from(step));
    for (c, (freqs, slots)) in table.chunks_exact(symbols * 2).zip(slots.chunks_exact_mut(1 << PROB_BITS)).enumerate() {
        let mut total = 0usize;
        for (s, freq) in freqs.chunks_exact(2).enumerate() {
            let freq = usize::from(u16::from_le_bytes([freq[0], freq[1]]));
            if freq == 0 {
                continue;
            }
            let quotient = low + s as i32;
            let product = i8::try_from(quotient * step).map_err(|_| WeightsError::WrongFormat)?;
            let next = (c % SUM_CAP + quotient.unsigned_abs() as usize).min(SUM_CAP - 1) as u32;
            let entry = u32::from(product as u8) | next << 8 | (freq as u32 - 1) << 10;
            // The range must lie inside the context's slots (so a frequency less one and a
            // distance fit their ten bits).
            let range = slots.get_mut(total..total + freq).ok_or(WeightsError::WrongFormat)?;
            for (distance, slot) in range.iter_mut().enumerate() {
                *slot = entry | (distance as u32) << 20;
            }
            total += freq;
        }
        if total != 1 << PROB_BITS && total != 0 {
            return Err(WeightsError::WrongFormat);
        }
    }
    let (length, rest) = rest.split_first_chunk::<4>().ok_or(WeightsError::WrongSize)?;
    let (stream, after) = rest.split_at_checked(u32::from_le_bytes(*length) as usize).ok_or(WeightsError::WrongSize)?;
    let (state, mut refill) = stream.split_first_chunk::<4>().ok_or(WeightsError::WrongSize)?;
    let mut x = u32::from_le_bytes(*state);
    if x < LOW || count % ROW != 0 {
        return Err(WeightsError::WrongFormat);
    }
    let mut weights = vec![0i8; count];
    let mut unused = 0;
    for row in weights.chunks_exact_mut(ROW) {
        let mut sum = 0;
        for (k, w) in row.iter_mut().enumerate() {
            // OK because the context is below CONTEXTS (`sum` < SUM_CAP) and the slot below
            // 1 << PROB_BITS.
            let entry = slots[(k * SUM_CAP + sum) << PROB_BITS | (x & MASK) as usize];
            unused |= entry;
            // x < 2^32 and a slot's distance is below its frequency, so the result is below
            // frequency * ((x >> 10) + 1) <= 2^32: nothing wraps (the wrapping operations only
            // spare the checks; an unused slot of a broken table decodes as frequency 1 and
            // distance 0, and is refused below), and it is at least 2^6: one refill brings it
            // to LOW.
            x = ((entry >> 10 & MASK) + 1).wrapping_mul(x >> PROB_BITS).wrapping_add(entry >> 20 & MASK);
            if x < LOW {
                let (word, rest) = refill.split_first_chunk::<2>().ok_or(WeightsError::WrongSize)?;
                x = x << 16 | u32::from(u16::from_le_bytes(*word));
                refill = rest;
            }
            *w = entry as u8 as i8;
            sum = (entry >> 8 & 3) as usize;
        }
    }
    if unused & UNUSED != 0 || x != LOW {
        return Err(WeightsError::WrongFormat);
    }
    if !refill.is_empty() {
        return Err(WeightsError::WrongSize);
    }
    Ok((weights, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    include!("rans_stream.rs");

    /// `build.rs`'s `code_weights` with the given frequencies (each context's summing to
    /// `1 << PROB_BITS`, or zero), for the tests: quotients coded as [`decode`] reads them.
    fn code(quotients: &[i8], low: i8, freqs: &[Vec<u16>]) -> Vec<u8> {
        let symbols = freqs[0].len();
        let mut out = vec![low as u8, (symbols - 1) as u8];
        for f in freqs {
            out.extend(f.iter().flat_map(|f| f.to_le_bytes()));
        }
        let mut coded = Vec::new();
        for row in quotients.chunks_exact(ROW) {
            let mut sum = 0;
            for (k, &q) in row.iter().enumerate() {
                coded.push((context(k, sum), (q - low) as usize));
                sum += q.unsigned_abs() as u32;
            }
        }
        let freqs: Vec<Vec<u32>> = freqs.iter().map(|f| f.iter().map(|&f| u32::from(f)).collect()).collect();
        out.extend(rans_stream(&coded, &freqs, PROB_BITS, LOW));
        out
    }

    /// Frequencies that give every quotient of -2..=2 a share in every context.
    fn even() -> Vec<Vec<u16>> {
        vec![vec![200, 200, 224, 200, 200]; CONTEXTS]
    }

    #[test]
    fn coded_weights_decode_to_the_quotients_times_the_step() {
        let quotients: Vec<i8> = (0..ROW as i32 * 40).map(|i| ((i * 7 + i / 3) % 5 - 2) as i8).collect();
        let mut bytes = code(&quotients, -2, &even());
        bytes.extend_from_slice(b"after");
        let (weights, rest) = decode(&bytes, quotients.len(), 6).expect("decodes");
        assert_eq!(weights, quotients.iter().map(|&q| q * 6).collect::<Vec<i8>>());
        assert_eq!(rest, b"after");
    }

    #[test]
    fn broken_streams_are_refused_not_panicked_on() {
        let quotients: Vec<i8> = (0..ROW as i32 * 40).map(|i| (i % 5 - 2) as i8).collect();
        let bytes = code(&quotients, -2, &even());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut], quotients.len(), 1).is_err(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut broken = bytes.clone();
            broken[at] ^= 0x5a;
            // Any answer but a panic; most are refused.
            let _ = decode(&broken, quotients.len(), 1);
        }
        // A product outside i8, and a count that is not whole rows.
        assert_eq!(decode(&bytes, quotients.len(), 100).err(), Some(WeightsError::WrongFormat));
        assert!(decode(&bytes, quotients.len() + 1, 1).is_err());
    }
}
