//! Word clusters learned from unlabeled text (training builds only: `scripts/train-tagger.sh`
//! stores them in the weights file, and the tagger reads them as features).
//!
//! Each name-like word (capitalized inside sentences, seen a few times) is described by the
//! words around it: the words one and two places before and after it, among the most frequent
//! words of the text. Words with alike surroundings ("shares of X rose", "X said on") share a
//! fine cluster (spherical k-means over those descriptions), and fine clusters are grouped
//! into coarse ones the same way. Deterministic: words in a fixed order, a fixed-seed
//! start, a fixed number of rounds.
//!
//! It does not tag anything or decide a kind: the tagger learns what each cluster means from
//! the annotated data.

use super::features::View;
use super::train::Rng;
use crate::text::FxHashMap;
use crate::text::{Analysis, TokenKind};

/// How a clustering is made.
pub struct ClusterOptions {
    /// At most this many words get a cluster (the most frequent name-like words).
    pub words: usize,
    /// Fine and coarse clusters.
    pub fine: usize,
    pub coarse: usize,
    /// Context words: the most frequent words of the text.
    pub contexts: usize,
    /// A word needs this many occurrences, and this many capitalized inside a sentence.
    pub min_count: u32,
    pub min_capitalized: u32,
}

/// The clusters: each fine cluster's keys (sorted), and each fine cluster's coarse cluster.
pub struct Learned {
    pub words: Vec<Vec<String>>,
    pub coarse: Vec<u8>,
}

/// Learns clusters from `texts` (each split into paragraphs at blank lines).
pub fn learn(texts: &[&str], options: &ClusterOptions) -> Learned {
    // Sentences as word ids; ids in order of first sight.
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut keys: Vec<String> = Vec::new();
    let mut count: Vec<u32> = Vec::new();
    let mut capitalized: Vec<u32> = Vec::new();
    let mut inside: Vec<u32> = Vec::new();
    let mut sentences: Vec<Vec<u32>> = Vec::new();
    for text in texts {
        let spans = crate::text::paragraph_spans(text);
        let a = Analysis::new(text, &spans);
        let view = View::new(&a);
        for sentence in &a.sentences {
            let mut ids_of_sentence = Vec::with_capacity(sentence.tokens.len());
            for i in sentence.tokens.clone() {
                let key = view.key(i);
                let id = match ids.get(key) {
                    Some(&id) => id,
                    None => {
                        let id = keys.len() as u32;
                        ids.insert(key.to_string(), id);
                        keys.push(key.to_string());
                        count.push(0);
                        capitalized.push(0);
                        inside.push(0);
                        id
                    }
                };
                let t = &a.tokens[i];
                let id_ = id as usize;
                count[id_] += 1;
                // Inside a sentence: not its first word, nor the first after punctuation
                // other than a comma (quotes, colons, brackets open sentences too).
                let opens = i == sentence.tokens.start
                    || (a.tokens[i - 1].kind() == TokenKind::Punct && a.token_text(i - 1) != ",");
                if t.kind() == TokenKind::Word && !opens {
                    inside[id_] += 1;
                    if t.capitalized() {
                        capitalized[id_] += 1;
                    }
                }
                ids_of_sentence.push(id);
            }
            sentences.push(ids_of_sentence);
        }
    }
    // Context words: the most frequent (ties by key, for determinism).
    let mut by_count: Vec<u32> = (0..keys.len() as u32).collect();
    by_count.sort_by(|&a, &b| {
        count[b as usize].cmp(&count[a as usize]).then_with(|| keys[a as usize].cmp(&keys[b as usize]))
    });
    let mut context_of = vec![u32::MAX; keys.len()];
    for (c, &id) in by_count.iter().take(options.contexts).enumerate() {
        context_of[id as usize] = c as u32;
    }
    // Words to cluster: name-like (mostly capitalized inside sentences), the most frequent.
    let targets: Vec<u32> = by_count
        .iter()
        .copied()
        .filter(|&id| {
            let id = id as usize;
            count[id] >= options.min_count
                && capitalized[id] >= options.min_capitalized
                && capitalized[id] * 2 >= inside[id]
                && keys[id].chars().any(char::is_alphabetic)
        })
        .take(options.words)
        .collect();
    let mut target_of = vec![u32::MAX; keys.len()];
    for (t, &id) in targets.iter().enumerate() {
        target_of[id as usize] = t as u32;
    }
    // Context counts: four positions (-2, -1, +1, +2), each with the context words, one slot
    // for any other word and one for the sentence's edge.
    let slots = options.contexts as u32 + 2;
    let dims = 4 * slots as usize;
    let mut counts: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); targets.len()];
    for sentence in &sentences {
        for (p, &id) in sentence.iter().enumerate() {
            let t = target_of[id as usize];
            if t == u32::MAX {
                continue;
            }
            for (slot, k) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                let context = match p.checked_add_signed(k).and_then(|q| sentence.get(q)) {
                    None => slots - 1,
                    Some(&c) => match context_of[c as usize] {
                        u32::MAX => slots - 2,
                        c => c,
                    },
                };
                *counts[t as usize].entry(slot as u32 * slots + context).or_default() += 1.0;
            }
        }
    }
    // Descriptions: square roots of the counts, unit length, sparse and sorted by dimension.
    let vectors: Vec<Vec<(u32, f32)>> = counts
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(d, c)| (d, c.sqrt())).collect();
            v.sort_by_key(|&(d, _)| d);
            normalize_sparse(&mut v);
            v
        })
        .collect();
    let weights: Vec<f32> = targets.iter().map(|&id| (1.0 + count[id as usize] as f32).ln()).collect();
    let (assign, centroids) = kmeans(&vectors, &weights, dims, options.fine, 0x5eed_c1a5);
    // Coarse clusters: the fine centroids clustered the same way, weighted by their words.
    let mut size = vec![0f32; options.fine];
    for (&a, &w) in assign.iter().zip(&weights) {
        size[a] += w;
    }
    let dense: Vec<Vec<(u32, f32)>> = centroids
        .iter()
        .map(|c| {
            let mut v: Vec<(u32, f32)> =
                c.iter().enumerate().filter(|(_, &x)| x != 0.0).map(|(d, &x)| (d as u32, x)).collect();
            normalize_sparse(&mut v);
            v
        })
        .collect();
    let (coarse, _) = kmeans(&dense, &size, dims, options.coarse, 0x0c0a_25e5);
    let mut words = vec![Vec::new(); options.fine];
    for (t, &id) in targets.iter().enumerate() {
        words[assign[t]].push(keys[id as usize].clone());
    }
    for w in &mut words {
        w.sort();
    }
    Learned { words, coarse: coarse.into_iter().map(|c| c as u8).collect() }
}

fn normalize_sparse(v: &mut [(u32, f32)]) {
    let norm = v.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, x) in v.iter_mut() {
            *x /= norm;
        }
    }
}

fn dot(v: &[(u32, f32)], c: &[f32]) -> f32 {
    v.iter().map(|&(d, x)| x * c[d as usize]).sum()
}

/// Spherical k-means of unit vectors with weights: k-means++ start from a fixed seed, then
/// rounds of assigning each vector to its most similar centroid and recomputing centroids as
/// unit-length weighted means. Returns each vector's cluster and the centroids.
fn kmeans(
    vectors: &[Vec<(u32, f32)>],
    weights: &[f32],
    dims: usize,
    k: usize,
    seed: u64,
) -> (Vec<usize>, Vec<Vec<f32>>) {
    let n = vectors.len();
    let k = k.min(n).max(1);
    let mut rng = Rng(seed | 1);
    let dense = |v: &[(u32, f32)]| {
        let mut c = vec![0f32; dims];
        for &(d, x) in v {
            c[d as usize] = x;
        }
        c
    };
    let mut centroids: Vec<Vec<f32>> = Vec::with_capacity(k);
    if n == 0 {
        return (Vec::new(), vec![vec![0f32; dims]]);
    }
    centroids.push(dense(&vectors[0]));
    // Distance to the nearest chosen centroid (1 - cosine).
    let mut nearest: Vec<f32> = vectors.iter().map(|v| 1.0 - dot(v, &centroids[0])).collect();
    while centroids.len() < k {
        let total: f64 = nearest.iter().zip(weights).map(|(&d, &w)| f64::from(d.max(0.0) * d.max(0.0) * w)).sum();
        let mut pick = rng.unit() * total;
        let mut chosen = n - 1;
        for (i, (&d, &w)) in nearest.iter().zip(weights).enumerate() {
            pick -= f64::from(d.max(0.0) * d.max(0.0) * w);
            if pick <= 0.0 {
                chosen = i;
                break;
            }
        }
        let c = dense(&vectors[chosen]);
        for (near, v) in nearest.iter_mut().zip(vectors) {
            *near = near.min(1.0 - dot(v, &c));
        }
        centroids.push(c);
    }
    let mut assign = vec![0usize; n];
    for _round in 0..25 {
        let mut changed = 0;
        for (a, v) in assign.iter_mut().zip(vectors) {
            let mut best = (f32::MIN, 0);
            for (c, centroid) in centroids.iter().enumerate() {
                let s = dot(v, centroid);
                if s > best.0 {
                    best = (s, c);
                }
            }
            if *a != best.1 {
                changed += 1;
                *a = best.1;
            }
        }
        for c in centroids.iter_mut() {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for ((&a, v), &w) in assign.iter().zip(vectors).zip(weights) {
            for &(d, x) in v {
                centroids[a][d as usize] += x * w;
            }
        }
        for c in centroids.iter_mut() {
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                c.iter_mut().for_each(|x| *x /= norm);
            }
        }
        if changed == 0 {
            break;
        }
    }
    (assign, centroids)
}
