//! A fixed-size bitset over item indices (documents, quotes, events, entities): the currency
//! of the filter algebra. It only stores and combines sets; it knows nothing about items.

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    pub(crate) fn empty(len: usize) -> Self {
        Bits { words: vec![0; len.div_ceil(64)], len }
    }

    pub(crate) fn full(len: usize) -> Self {
        let mut bits = Bits { words: vec![u64::MAX; len.div_ceil(64)], len };
        bits.clear_tail();
        bits
    }

    /// The set of the given indices; indices out of range are ignored.
    pub(crate) fn of(len: usize, indices: impl IntoIterator<Item = u32>) -> Self {
        let mut bits = Bits::empty(len);
        for i in indices {
            bits.insert(i as usize);
        }
        bits
    }

    pub(crate) fn insert(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    pub(crate) fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub(crate) fn and(mut self, other: &Bits) -> Self {
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w &= o;
        }
        self
    }

    /// The members of `self` that are not in `other`.
    pub(crate) fn and_not(mut self, other: &Bits) -> Self {
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w &= !o;
        }
        self
    }

    /// The size of the intersection with `other`.
    pub(crate) fn and_count(&self, other: &Bits) -> usize {
        self.words.iter().zip(&other.words).map(|(w, o)| (w & o).count_ones() as usize).sum()
    }

    pub(crate) fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The indices in the set, ascending.
    pub(crate) fn iter(&self) -> Members<'_> {
        Members { words: &self.words, next_word: 0, base: 0, rest: 0 }
    }

    /// The number of indices the set ranges over (members or not).
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The indices not in the set.
    pub(crate) fn complement(&self) -> Bits {
        Bits::full(self.len).and_not(self)
    }

    /// Whether every index is in the set.
    pub(crate) fn is_full(&self) -> bool {
        self.count() == self.len
    }

    /// The set as 32-bit words, low half of each 64-bit word first.
    pub(crate) fn words_u32(&self) -> Vec<u32> {
        let words = self.words.iter().flat_map(|&w| [w as u32, (w >> 32) as u32]);
        words.take(self.len.div_ceil(32)).collect()
    }

    fn clear_tail(&mut self) {
        if self.len % 64 != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << (self.len % 64)) - 1;
            }
        }
    }
}

/// The members of a [`Bits`], ascending: one word at a time, a bit scan within it (a plain
/// loop rather than a `flat_map`, which the optimizer leaves much slower).
pub(crate) struct Members<'a> {
    words: &'a [u64],
    next_word: usize,
    base: usize,
    rest: u64,
}

impl Iterator for Members<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.rest == 0 {
            self.rest = *self.words.get(self.next_word)?;
            self.base = self.next_word * 64;
            self.next_word += 1;
        }
        let bit = self.rest.trailing_zeros() as usize;
        self.rest &= self.rest - 1;
        Some(self.base + bit)
    }
}

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn sets_combine_and_iterate_in_order() {
        let a = Bits::of(130, [0, 5, 64, 129, 200]);
        let b = Bits::of(130, [5, 129, 7]);
        assert_eq!(a.iter().collect::<Vec<_>>(), vec![0, 5, 64, 129]);
        let both = a.clone().and(&b);
        assert_eq!(both.iter().collect::<Vec<_>>(), vec![5, 129]);
        assert_eq!(a.count(), 4);
        assert_eq!(a.and_count(&b), 2);
        assert_eq!(a.clone().and_not(&b).iter().collect::<Vec<_>>(), vec![0, 64]);
        assert!(b.contains(7) && !b.contains(8) && !b.contains(500));
        assert_eq!(Bits::full(130).count(), 130);
        assert_eq!(Bits::full(130).iter().last(), Some(129));
        assert!(Bits::full(130).is_full() && !a.is_full() && Bits::full(0).is_full());
        assert_eq!(b.complement().count(), 127);
        assert!(!b.complement().contains(7) && b.complement().contains(8) && b.complement().len() == 130);
        assert_eq!(Bits::empty(3).count() + Bits::full(0).count(), 0);
        assert_eq!(a.words_u32(), vec![0b100001, 0, 1, 0, 0b10]);
        assert_eq!(Bits::full(33).words_u32(), vec![u32::MAX, 1]);
        assert!(Bits::empty(0).words_u32().is_empty());
    }
}
