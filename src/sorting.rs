//! Stable sorting with one compiled copy of the algorithm for every element type.
//!
//! It stands in for `slice::sort_by_key`, `sort_by` and `sort` in the core, and for
//! `sort_unstable` on plain values (integers, dates), where equal means identical so that
//! stability changes nothing ([`sort_values`] for long lists of them on a hot path). Keyed
//! unstable sorts stay as they are unless their keys are distinct: their ties would land in
//! another order.
//!
//! The standard library's stable sort (driftsort) is fast but large, and it is compiled again
//! for every element type and comparison: a dozen copies weighed about 8 KiB of the gzipped
//! wasm. Here the comparisons go through a `dyn` callback on positions, so the merge sort is
//! compiled once; each call site adds only the small loop that moves its elements into place.
//!
//! The result is the standard library's: a stable sort's output is fully determined by the
//! order (elements that compare equal keep their order). So natively, where size does not
//! count, these functions are the standard library's sorts themselves ([`merge_sort_by`] and
//! [`merge_sort_values`] are the wasm's, tested against them): its sorts inline the comparison,
//! which the callback here cannot (the events stage's sorts took 4.5 M instructions on 2 MB of
//! news through them, about 1% of the run). The wasm's merge sorts cost O(n log n)
//! comparisons through an indirect call, O(n) for input that is already sorted, and one
//! `Vec<usize>` of n plus a scratch one; up to 16 elements, an insertion sort in place that
//! allocates nothing; nothing in them panics. The standard library's sorts may panic on an
//! order that is not total: every caller compares by a total order (integers, strings, dates
//! and tuples of them).

use std::cmp::Ordering;

/// The longest slice sorted by insertion.
const SHORT: usize = 16;

/// Sorts `v` by `key`, stably, like `slice::sort_by_key`.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by `compare`, stably, like `slice::sort_by`: natively that sort itself, in the
/// wasm [`merge_sort_by`].
pub(crate) fn sort_by<T>(v: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(compare);
    #[cfg(target_arch = "wasm32")]
    merge_sort_by(v, compare);
}

/// Sorts `v` by `compare`, stably, like `slice::sort_by`, with one compiled merge sort for
/// every element type (see the module docs).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn merge_sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    // Short slices (most of the core's: the words of a clause, one document's spans) are
    // sorted in place by insertion, stable too, without allocating.
    if v.len() <= SHORT {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && compare(&v[j], &v[j - 1]) == Ordering::Less {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let order = {
        let items: &[T] = v;
        stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]) == Ordering::Less)
    };
    if let Some(order) = order {
        permute(v, order);
    }
}

/// Sorts `v`, stably, like `slice::sort`.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts plain values (integers, hashes: equal means identical) like `slice::sort_unstable`:
/// natively that sort itself, in the wasm [`merge_sort_values`].
pub(crate) fn sort_values<T: Copy + Ord>(v: &mut [T]) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
    #[cfg(target_arch = "wasm32")]
    merge_sort_values(v);
}

/// Sorts plain values like `slice::sort_unstable`, with direct comparisons instead of
/// [`merge_sort_by`]'s callback, for long lists on a hot path (a document's hashed words): a
/// bottom-up merge sort, compiled per element type but a tenth of the size of std's sort.
/// O(n log n), one `Vec` of n above 16 elements (the passes merge from the slice into it and
/// back).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn merge_sort_values<T: Copy + Ord>(v: &mut [T]) {
    if v.len() <= SHORT {
        return merge_sort_by(v, T::cmp);
    }
    let n = v.len();
    let mut scratch = v.to_vec();
    // Where the sorted runs of `width` are: in `v` or in `scratch`.
    let mut in_v = true;
    let mut width = 1;
    while width < n {
        if in_v {
            merge_runs(v, &mut scratch, width);
        } else {
            merge_runs(&scratch, v, width);
        }
        in_v = !in_v;
        width *= 2;
    }
    if !in_v {
        v.copy_from_slice(&scratch);
    }
}

/// One pass of [`sort_values`]: merges each two neighbouring sorted runs of `width` of `from`
/// into one of `to` (as long).
fn merge_runs<T: Copy + Ord>(from: &[T], to: &mut [T], width: usize) {
    let n = from.len();
    for start in (0..n).step_by(2 * width) {
        let middle = (start + width).min(n);
        let end = (start + 2 * width).min(n);
        let (mut i, mut j) = (start, middle);
        for slot in &mut to[start..end] {
            // OK because i < middle <= n and j < end <= n where read.
            if i < middle && (j >= end || from[i] <= from[j]) {
                *slot = from[i];
                i += 1;
            } else {
                *slot = from[j];
                j += 1;
            }
        }
    }
}

/// The positions `0..n` in stably sorted order by `less`, or `None` when they already are.
fn stable_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Option<Vec<usize>> {
    if (1..n).all(|k| !less(k, k - 1)) {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    let mut scratch = vec![0; n];
    // Bottom-up merges of runs of `width`: take from the left run unless the right one's head
    // is strictly less, which keeps equal elements in their order.
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, middle);
            for slot in &mut scratch[start..end] {
                if i < middle && (j >= end || !less(order[j], order[i])) {
                    *slot = order[i];
                    i += 1;
                } else {
                    *slot = order[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut scratch);
        width *= 2;
    }
    Some(order)
}

/// Moves `v[order[k]]` to position `k` for every `k`, by following the permutation's cycles
/// (linear; `order` is a permutation of `0..v.len()`, made by [`stable_order`]).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut k = start;
        // Each position is visited once: `order[k] = k` marks it done.
        while order[k] != k {
            let from = order[k];
            order[k] = k;
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_library_does_keeping_ties_in_order() {
        for (seed, n, range) in [(1, 0, 5), (2, 1, 5), (3, 2, 2), (4, 17, 3), (5, 100, 10), (6, 1000, 50), (7, 4097, 4)]
        {
            // (key, original position): ties on the key must keep their positions' order.
            let mut mine: Vec<(u64, usize)> = numbers(seed, n, range).into_iter().zip(0..).collect();
            let mut std = mine.clone();
            merge_sort_by(&mut mine, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|&(key, _)| key);
            assert_eq!(mine, std, "seed {seed}, {n} elements");
            let mut reversed = mine.clone();
            merge_sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(reversed, std);
            merge_sort_by(&mut reversed, Ord::cmp);
            std.sort();
            assert_eq!(reversed, std);
            let mut values: Vec<u64> = numbers(seed, n, range);
            let mut std_values = values.clone();
            merge_sort_values(&mut values);
            std_values.sort_unstable();
            assert_eq!(values, std_values, "sort_values: seed {seed}, {n} elements");
        }
    }

    #[test]
    fn moves_elements_that_are_not_copy() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "kiwi", "date"].iter().map(|s| s.to_string()).collect();
        merge_sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
    }
}
