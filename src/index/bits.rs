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

    pub(crate) fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The indices in the set, ascending.
    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    k * 64 + bit
                })
            })
        })
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
        assert!(b.contains(7) && !b.contains(8) && !b.contains(500));
        assert_eq!(Bits::full(130).count(), 130);
        assert_eq!(Bits::full(130).iter().last(), Some(129));
        assert_eq!(Bits::empty(3).count() + Bits::full(0).count(), 0);
        assert_eq!(a.words_u32(), vec![0b100001, 0, 1, 0, 0b10]);
        assert_eq!(Bits::full(33).words_u32(), vec![u32::MAX, 1]);
        assert!(Bits::empty(0).words_u32().is_empty());
    }
}
