//! Which dated clauses report the same event: the same date in one sentence ("… on Nov. 28
//! … and on Nov. 28 …"); ranges that overlap with participants or places in common — one
//! shared entity when the dates are the same, two when they differ (a day inside a
//! month-long "in June"), and only between ranges of at most a month, so a year or a decade
//! does not swallow everything in it; or the same date told in mostly the same words (a
//! story syndicated to two outlets). Two groups dated to different days never merge, even
//! through a coarser report overlapping both.
//!
//! Cost: each draft is compared with at most [`WINDOW`] neighbours by date, cheapest tests
//! first; of the twins of one report in other documents (a syndicated story, see [`twins`])
//! only the first is compared in full. One hash map entry per draft finds the twins.

use super::Draft;
use crate::calendar::days_between;

/// How many later drafts (by start date) one draft is compared with: keeps merging linear.
const WINDOW: usize = 256;
const LONGEST_MERGED_RANGE_DAYS: i32 = 31;
/// Two clauses with the same date share at least this fraction of their content words
/// (of the shorter one) to be one report told twice: three fifths.
const SAME_WORDS: (usize, usize) = (3, 5);
/// And at least this many words, so that two bare "said Monday" clauses are not one.
const SAME_WORDS_MIN: usize = 4;

/// What merging compares of a draft besides its lists, computed once per draft rather than
/// once per pair of the window.
struct Traits {
    /// Its value, as the index of its first draft with the same value.
    value: usize,
    /// True when its range is shorter than [`LONGEST_MERGED_RANGE_DAYS`].
    short: bool,
    /// Its content words by bucket (see [`Buckets`]).
    buckets: Option<Buckets>,
}

fn traits(drafts: &[Draft]) -> Vec<Traits> {
    let mut first_of: std::collections::HashMap<&str, usize, crate::text::FxBuildHasher> =
        std::collections::HashMap::with_capacity_and_hasher(drafts.len(), crate::text::FxBuildHasher);
    drafts
        .iter()
        .enumerate()
        .map(|(i, d)| Traits {
            value: *first_of.entry(&d.value).or_insert(i),
            short: days_between(d.range.1, d.range.0) < i64::from(LONGEST_MERGED_RANGE_DAYS),
            buckets: Buckets::of(&d.words),
        })
        .collect()
}

/// How many of a draft's content words (hashes) fall in each of 64 buckets, by their top
/// bits. Two drafts have at most the sum over the buckets of the smaller count in common: a
/// bound that turns down most pairs of unrelated clauses with the same date before their word
/// lists are walked (which was most of the cost of merging a large corpus).
struct Buckets([u8; 64]);

impl Buckets {
    /// The buckets of `words`, or `None` when one would hold more than 255 (no bound then).
    fn of(words: &[u64]) -> Option<Buckets> {
        let mut counts = [0u8; 64];
        for w in words {
            // OK because the index is 6 bits.
            let count = &mut counts[(w >> 58) as usize];
            *count = count.checked_add(1)?;
        }
        Some(Buckets(counts))
    }

    /// At least as many as the words the two lists have in common.
    fn common_bound(&self, other: &Buckets) -> usize {
        // 64 counts of at most 255 sum below 2^16: summed in 16 lanes of u16, which the
        // compiler turns into a few vector instructions (this runs for most pairs of the
        // merge's window).
        let mut lanes = [0u16; 16];
        for (a, b) in self.0.chunks_exact(16).zip(other.0.chunks_exact(16)) {
            for ((lane, a), b) in lanes.iter_mut().zip(a).zip(b) {
                *lane += u16::from(*a.min(b));
            }
        }
        lanes.iter().map(|&lane| usize::from(lane)).sum()
    }
}

/// Whether drafts `a` and `b`, placed at `pa` and `pb`, are one event. Whether their ranges
/// overlap is read from the placed day keys, which order as the dates do.
// Inlined natively; the wasm, whose size counts, leaves it to the optimizer.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn same_event(a: &Draft, b: &Draft, (pa, pb): (&Placed, &Placed), (ta, tb): (&Traits, &Traits)) -> bool {
    let overlap = pa.start <= pb.end && pb.start <= pa.end;
    if !overlap {
        return false;
    }
    let shared = |needed| common_at_least(&a.entities, &b.entities, needed);
    if ta.value == tb.value {
        // Cheapest test first: entity lists are short, word lists long.
        return a.doc == b.doc && a.sentence == b.sentence || shared(1) || same_words(a, b, ta, tb);
    }
    ta.short && tb.short && shared(2)
}

/// True when the sorted word sets of two drafts share most of the shorter one.
fn same_words(a: &Draft, b: &Draft, ta: &Traits, tb: &Traits) -> bool {
    let shorter = a.words.len().min(b.words.len());
    if shorter < SAME_WORDS_MIN {
        return false;
    }
    // The fewest words in common that make `SAME_WORDS` of the shorter list.
    let needed = (shorter * SAME_WORDS.0).div_ceil(SAME_WORDS.1);
    let possible = match (&ta.buckets, &tb.buckets) {
        (Some(x), Some(y)) => x.common_bound(y) >= needed,
        _ => true,
    };
    possible && common_at_least(&a.words, &b.words, needed)
}

/// Whether the sorted lists `a` and `b` have at least `needed` items in
/// common; it stops as soon as the answer is known, which in the merge's window of
/// neighbours is usually after a few items.
fn common_at_least<T: Ord>(a: &[T], b: &[T], needed: usize) -> bool {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while n < needed {
        if n + (a.len() - i).min(b.len() - j) < needed {
            return false;
        }
        // OK because the test above leaves at least one item in each list.
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    true
}

/// A date as one integer that orders as the date does: years, months and days in their own
/// bits (a month below 16, a day below 32).
fn day_key(d: jiff::civil::Date) -> i32 {
    i32::from(d.year()) << 9 | i32::from(d.month()) << 5 | i32::from(d.day())
}

/// What the window's loop reads of a draft: its first and last day as [`day_key`]s, its
/// index, document and twin, and the two [`Traits`] that turn most pairs down, in date order.
/// A draft is some 150 bytes; these are 28, so the window's neighbours lie in a few cache
/// lines instead of one each, and a draft itself is read only for a pair that may be one event.
#[derive(Clone, Copy)]
struct Placed {
    start: i32,
    end: i32,
    draft: u32,
    /// [`Draft::doc`].
    doc: u32,
    /// The draft's first twin (see [`twins`]), as the index of a draft.
    twin: u32,
    /// [`Traits::value`], as the index of a draft.
    value: u32,
    /// [`Traits::short`].
    short: bool,
    /// Another draft has the same first twin: only then can the answer for the twin be known
    /// before this draft is compared.
    twinned: bool,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Placed>() == 28, "the window's view of a draft grew");

/// Per draft, the index of the first draft that [`same_event`] cannot tell from it, when
/// each is compared with a draft of another document: the same value, range, entities and
/// words. A story syndicated to several outlets has such twins, one per outlet; a window full
/// of them compared one event's reports with another's again and again, and asks once per
/// twin instead (see [`groups`]).
fn twins(drafts: &[Draft]) -> Vec<u32> {
    type Key<'d> = (&'d str, (i32, i32), &'d [usize], &'d [u64]);
    let mut first: std::collections::HashMap<Key, u32, crate::text::FxBuildHasher> =
        std::collections::HashMap::with_capacity_and_hasher(drafts.len(), crate::text::FxBuildHasher);
    // OK because drafts are far fewer than 2^32 (each is a time expression of the corpus).
    drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let key = (d.value.as_ref(), (day_key(d.range.0), day_key(d.range.1)), &d.entities[..], &d.words[..]);
            *first.entry(key).or_insert(i as u32)
        })
        .collect()
}

/// The positions of `firsts` (each draft's first day) ordered by day, then by position: the
/// order of `sort_by_key(|&i| (firsts[i], i))`, made as one integer a draft (its day's
/// [`day_key`], moved to unsigned order, above its position) sorted as plain values. Sorting
/// the positions compared dates through jiff's `Ord` (1.66 M instructions on 2 MB of news).
///
/// Natively only: in the wasm, whose size counts, the positions are sorted by (date,
/// position) as they were.
#[cfg(not(target_arch = "wasm32"))]
fn by_first_day(firsts: impl Iterator<Item = jiff::civil::Date>) -> Vec<usize> {
    let mut keyed: Vec<u64> = firsts
        .enumerate()
        // OK because drafts are far fewer than 2^32 (each is a time expression of the corpus);
        // the casts keep a `day_key`'s 32 bits, its sign bit flipped so that the unsigned
        // order is the signed one.
        .map(|(i, day)| u64::from(day_key(day) as u32 ^ 1 << 31) << 32 | i as u64)
        .collect();
    crate::sorting::sort_values(&mut keyed);
    // OK because the low 32 bits are the position put there above.
    keyed.iter().map(|&k| (k & u64::from(u32::MAX)) as usize).collect()
}

/// [`by_first_day`] in the wasm: the positions sorted by (date, position).
#[cfg(target_arch = "wasm32")]
fn by_first_day(firsts: impl Iterator<Item = jiff::civil::Date>) -> Vec<usize> {
    let firsts: Vec<jiff::civil::Date> = firsts.collect();
    let mut order: Vec<usize> = (0..firsts.len()).collect();
    // OK because `order` holds positions of `firsts`.
    crate::sorting::sort_by_key(&mut order, |&i| (firsts[i], i));
    order
}

fn root(parent: &mut [u32], mut k: usize) -> usize {
    // OK because parents are positions of `parent`, which has one per draft.
    while parent[k] as usize != k {
        parent[k] = parent[parent[k] as usize];
        k = parent[k] as usize;
    }
    k
}

/// Groups of draft indices, each one event, in order of first draft, each group's drafts in
/// order: one list for all of them (a list per group was an allocation per event), group `g`
/// at `members[starts[g]..starts[g + 1]]`.
#[derive(Debug, PartialEq)]
pub(crate) struct Groups {
    members: Vec<usize>,
    /// Ascending offsets into `members`, one more than there are groups.
    starts: Vec<usize>,
}

impl Groups {
    /// How many groups there are.
    #[cfg(test)]
    fn count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The groups, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[usize]> {
        // OK because the offsets ascend and the last is `members.len()`.
        self.starts.windows(2).map(|w| &self.members[w[0]..w[1]])
    }
}

/// The drafts grouped into events (see [`Groups`]).
///
/// The groups are kept by position in date order (so that the window's bookkeeping is
/// contiguous too); which member stands for a group changes nothing of what joins, and the
/// groups are listed by their first draft at the end.
pub(crate) fn groups(drafts: &[Draft]) -> Groups {
    groups_with(drafts, twins(drafts))
}

/// [`groups`], given each draft's first twin (`twins`, as [`twins`] makes them; each draft its
/// own twin asks [`same_event`] of every pair).
fn groups_with(drafts: &[Draft], twins: Vec<u32>) -> Groups {
    let order = by_first_day(drafts.iter().map(|d| d.range.0));
    let traits = traits(drafts);
    // How many drafts share each first twin (saturating: only "more than one" is read).
    let mut class_size: Vec<u8> = vec![0; drafts.len()];
    for &t in &twins {
        // OK because twins are indices of drafts.
        class_size[t as usize] = class_size[t as usize].saturating_add(1);
    }
    // OK because drafts are far fewer than 2^32 (each is a time expression of the corpus).
    let placed: Vec<Placed> = order
        .iter()
        .map(|&i| {
            let draft = i as u32;
            Placed {
                start: day_key(drafts[i].range.0),
                end: day_key(drafts[i].range.1),
                draft,
                doc: drafts[i].doc as u32,
                twin: twins[i],
                value: traits[i].value as u32,
                short: traits[i].short,
                twinned: class_size[twins[i] as usize] > 1,
            }
        })
        .collect();
    drop(order);
    drop(class_size);
    drop(twins);
    // Per twin: the position of the last draft compared with it from another document, and
    // whether they were one event. A twin of a draft compared already with `p` gives the same
    // answer, without its lists being walked again.
    let mut asked: Vec<(u32, bool)> = vec![(u32::MAX, false); drafts.len()];
    let mut parent: Vec<u32> = (0..placed.len() as u32).collect();
    // The single day each group is dated to, if any: a month-long report must not chain the
    // start and the end of a story ("May 2", "early May", "May 15") into one event.
    let mut day: Vec<Option<i32>> = placed.iter().map(|p| (p.start == p.end).then_some(p.start)).collect();
    for (k, p) in placed.iter().enumerate() {
        let i = p.draft as usize;
        // The group of `p`, found once and kept up to date as it joins others: looking it up
        // again for each neighbour of the window was a large share of the stage.
        let mut a = root(&mut parent, k);
        // OK because `k < placed.len()`, so `k + 1 <= placed.len()`. (A slice, not
        // `skip(k + 1).take(WINDOW)`: this loop runs some ten million times on a large corpus.)
        let window = &placed[k + 1..placed.len().min(k + 1 + WINDOW)];
        for (m, q) in (k + 1..).zip(window) {
            if q.start > p.end {
                break;
            }
            // Two drafts join when they may be one event by their values and lengths (two
            // values that differ need two short ranges, see `same_event`), their groups differ,
            // the groups' days do not, and the drafts are one event: cheapest first. The first
            // test reads the placed pair alone, and turns down most pairs of a year or a month
            // with its window full. The groups next, the drafts' lists only when joining the
            // groups could change them: in a story told by many outlets most pairs of the
            // window are one event already, and comparing their word lists was most of the
            // stage's cost.
            let may_join = p.value == q.value || p.short && q.short;
            if !may_join {
                continue;
            }
            // A twin of a draft of another document that `p` was found not to be one event
            // with (asked only of a draft with twins: on a corpus of few, the lookup cost more
            // than it saved): this pair would be turned down too, whatever the groups (by them, or by
            // the answer), so it is turned down before they are looked up. In a story told
            // by many outlets most pairs of the window are such twins, and looking up their
            // groups was most of the loop's cost.
            // OK because twins are indices of drafts.
            if q.twinned && q.doc != p.doc && asked[q.twin as usize] == (k as u32, false) {
                continue;
            }
            // Most neighbours sit right under `a` already: no walk up for them.
            let b = if parent[m] as usize == a { a } else { root(&mut parent, m) };
            if a == b || matches!((day[a], day[b]), (Some(x), Some(y)) if x != y) {
                continue;
            }
            let j = q.draft as usize;
            // A pair of another document asks its twin's answer first. `same_event` is called
            // from this one place, inlined: called from two (a closure), it stayed a call of its
            // own, whose entry and exit were some 40 instructions of the 140 a pair asked took
            // (2.2 M on 2 MB of news).
            let ask = q.doc != p.doc;
            // OK because twins are indices of drafts, and `k` a position below `u32::MAX`.
            let known = ask && asked[q.twin as usize].0 == k as u32;
            let one = if known {
                asked[q.twin as usize].1
            } else {
                let one = same_event(&drafts[i], &drafts[j], (p, q), (&traits[i], &traits[j]));
                if ask {
                    asked[q.twin as usize] = (k as u32, one);
                }
                one
            };
            if !one {
                continue;
            }
            let (keep, gone) = (a.min(b), a.max(b));
            parent[gone] = keep as u32;
            day[keep] = day[a].or(day[b]);
            a = keep;
        }
    }
    // Each group under its first draft, in draft order.
    let mut group_at: Vec<u32> = vec![u32::MAX; placed.len()];
    let mut position: Vec<u32> = vec![0; drafts.len()];
    for (k, p) in placed.iter().enumerate() {
        position[p.draft as usize] = k as u32;
    }
    // Each draft's group, and each group's size at `starts[g + 1]`, summed into offsets after.
    let mut starts: Vec<usize> = vec![0];
    let group_of: Vec<u32> = position
        .iter()
        .map(|&k| {
            let r = root(&mut parent, k as usize);
            if group_at[r] == u32::MAX {
                group_at[r] = (starts.len() - 1) as u32;
                starts.push(0);
            }
            // OK because `group_at[r]` is a group just pushed or earlier.
            starts[group_at[r] as usize + 1] += 1;
            group_at[r]
        })
        .collect();
    for g in 1..starts.len() {
        starts[g] += starts[g - 1];
    }
    let mut members = vec![0; drafts.len()];
    let mut next = starts.clone();
    for (i, &g) in group_of.iter().enumerate() {
        // OK because a group's next slot stays below its end, at most `members.len()`.
        members[next[g as usize]] = i;
        next[g as usize] += 1;
    }
    Groups { members, starts }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`by_first_day`] orders positions as sorting them by (date, position) does, over dates
    /// of many years (before year 0 too), months and days, with many repeats.
    #[test]
    fn drafts_are_ordered_by_first_day_as_by_their_dates() {
        let mut x: u64 = 7;
        let mut next = |n: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        for round in 0..200 {
            let len = next(300) as usize;
            let span = [3, 40, 19_999][round % 3];
            let dates: Vec<jiff::civil::Date> = (0..len)
                .map(|_| {
                    let year = next(span) as i16 - (span / 2) as i16;
                    let month = 1 + next(12) as i8;
                    let day = 1 + next(28) as i8;
                    jiff::civil::Date::new(year, month, day).unwrap()
                })
                .collect();
            let mut plain: Vec<usize> = (0..len).collect();
            plain.sort_by_key(|&i| (dates[i], i));
            assert_eq!(by_first_day(dates.iter().copied()), plain, "{dates:?}");
        }
    }

    /// The buckets' bound is never below the true count of common words (the merge relies on
    /// it to skip pairs), over lists that share many, few or no words.
    #[test]
    fn the_buckets_bound_the_words_in_common() {
        let words = |seed: u64, n: u64| -> Vec<u64> {
            let mut w: Vec<u64> = (0..n).map(|k| (seed + k % 7).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ k).collect();
            w.sort_unstable();
            w.dedup();
            w
        };
        for (sa, na, sb, nb) in [(1, 40, 1, 40), (1, 40, 3, 25), (5, 3, 9, 300), (2, 0, 2, 10), (7, 600, 7, 600)] {
            let (a, b) = (words(sa, na), words(sb, nb));
            let common = a.iter().filter(|x| b.contains(x)).count();
            match (Buckets::of(&a), Buckets::of(&b)) {
                (Some(x), Some(y)) => assert!(x.common_bound(&y) >= common, "{sa} {na} {sb} {nb}"),
                _ => assert!(a.len() > 255 || b.len() > 255, "only a list of more than 255 words has no buckets"),
            }
        }
    }

    /// Three fifths in integers is the 0.6 of floating point that merging used before (and
    /// `day_key` orders as dates do, across years, months and days).
    #[test]
    fn integer_fractions_and_day_keys_agree_with_their_definitions() {
        for n in 0..200_000usize {
            assert_eq!((n * SAME_WORDS.0).div_ceil(SAME_WORDS.1), (0.6 * n as f64).ceil() as usize, "{n}");
        }
        let days = ["-000044-03-15", "0999-12-31", "2023-01-31", "2023-02-01", "2023-12-31", "2024-01-01"];
        let days: Vec<jiff::civil::Date> = days.iter().map(|d| d.parse().unwrap()).collect();
        for w in days.windows(2) {
            assert!(day_key(w[0]) < day_key(w[1]), "{} {}", w[0], w[1]);
        }
    }

    /// Asking once per twin (see [`twins`]) groups as asking of every pair does: over reports
    /// of a few events told by many outlets, on one day and across a month, some twins in the
    /// same sentence of one document (which joins them whatever their words).
    #[test]
    fn twins_group_as_every_pair_does() {
        let day = |d: i8| jiff::civil::date(2024, 5, d);
        let draft =
            |doc: usize, sentence: usize, value: &'static str, range, entities: &[usize], words: &[u64]| Draft {
                value: value.into(),
                range,
                precision: crate::model::Precision::Day,
                doc,
                sentence,
                clause: crate::model::Span::new(0, 1),
                entities: entities.to_vec(),
                quotes: Vec::new(),
                words: words.to_vec(),
                inferred: false,
            };
        let mut drafts = Vec::new();
        for doc in 0..40 {
            // Three events of May 2: two with nothing in common, one sharing an entity with
            // the first; a month-long report; a story of May 3 sharing its words with May 2's.
            drafts.push(draft(doc, 0, "2024-05-02", (day(2), day(2)), &[1], &[10, 11, 12, 13, 14]));
            drafts.push(draft(doc, 1, "2024-05-02", (day(2), day(2)), &[2], &[20, 21, 22, 23, 24]));
            drafts.push(draft(doc, 2, "2024-05-02", (day(2), day(2)), &[1, 3], &[30, 31]));
            drafts.push(draft(doc, 3, "2024-05", (day(1), day(31)), &[2, 4], &[40, 41, 42, 43]));
            drafts.push(draft(doc, 4, "2024-05-03", (day(3), day(3)), &[5], &[10, 11, 12, 13, 14]));
            if doc % 7 == 0 {
                // The second event told again in the first one's sentence.
                drafts.push(draft(doc, 0, "2024-05-02", (day(2), day(2)), &[2], &[20, 21, 22, 23, 24]));
            }
        }
        let twins = twins(&drafts);
        assert!(twins.iter().enumerate().filter(|&(i, &t)| t as usize != i).count() > 150, "twins to ask once");
        let every_pair = groups_with(&drafts, (0..drafts.len() as u32).collect());
        assert!(every_pair.count() > 2 && every_pair.count() < drafts.len(), "some drafts join, not all");
        assert_eq!(groups_with(&drafts, twins), every_pair);
    }

    #[test]
    fn common_at_least_answers_as_a_full_count_would() {
        let lists: [&[u64]; 5] = [&[], &[1, 3, 5, 7, 9], &[2, 3, 4, 5], &[1, 2, 3, 4, 5, 6, 7, 8, 9], &[9]];
        for a in lists {
            for b in lists {
                let count = a.iter().filter(|x| b.contains(x)).count();
                for needed in 0..=10 {
                    assert_eq!(common_at_least(a, b, needed), count >= needed, "{a:?} {b:?} {needed}");
                }
            }
        }
    }
}
