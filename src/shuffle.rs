//! A deterministic stream of numbers for the tests that compare a fast path with its plain
//! definition on many generated inputs: a 64-bit linear congruential generator (Knuth's MMIX
//! constants), its high bits taken. Built only for tests; not a source of randomness for
//! anything else.

/// The generator's state.
pub(crate) struct Shuffle(u64);

impl Shuffle {
    /// The stream every such test starts from (each test's inputs stay the same from run to run).
    pub(crate) fn new() -> Shuffle {
        Shuffle::from_seed(0x2545_f491_4f6c_dd1d)
    }

    /// A stream of its own, for a test that wants other inputs.
    pub(crate) fn from_seed(seed: u64) -> Shuffle {
        Shuffle(seed)
    }

    /// The next number below `n`, or 0 when `n` is 0.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n.max(1)
    }
}
