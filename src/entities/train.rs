//! Training of the name tagger (built only with the `train` feature; run by
//! `scripts/train-tagger.sh`): an averaged structured perceptron over the same `View` and
//! features as inference.
//!
//! Two rounds. The teacher learns from annotated documents in the development sets'
//! JSON-lines form (`{"text", "entities": [{"start", "end", "type": "PER|LOC|ORG",
//! "minimal"}]}`, code-point offsets). Then, when unlabeled news is given (JSON lines with a
//! `text`), the whole entity stage runs on it with the teacher (tagger, the layer after it,
//! document and corpus decisions, merging), and the student learns from the annotated
//! documents plus those names. Only the student's weights are written. Deterministic:
//! documents in file order, islands shuffled by a fixed-seed generator, no threads, no clock.
//!
//! Reproducible: the silver names depend on the teacher and the entity stage's code, never on
//! the committed weights (`scripts/train-tagger.sh --check` regenerates and compares). A
//! training build also reads weights from `STORYSCOPE_TAGGER_WEIGHTS` at run time (see
//! `Model::builtin`), so that candidate weights are scored without compiling each one in.
//!
//! Gold spans become token labels so that a token takes the kind of the smallest annotated
//! name covering it (the scorer counts the innermost names: "Texas" inside "University of
//! Texas"), with a leading "the" and edge punctuation or function words left out.

use super::clusters::{self, ClusterOptions};
use super::features::{Clusters, View};
use super::gazetteer::Gazetteer;
use super::names::Names;
use super::tagger::{components, viterbi, Model, LABELS, MAGIC, WEIGHTS};
use crate::model::Span;
use crate::text::{Analysis, TokenKind};

/// What a run of `train-tagger` is told.
pub struct Options {
    /// Annotated JSON-lines files, each with a one-line description for the header.
    pub data: Vec<(String, String)>,
    /// Unlabeled JSON-lines files (a `text` per line) for the second round, with descriptions.
    pub unlabeled: Vec<(String, String)>,
    pub epochs: usize,
    pub bits: u32,
    pub seed: u64,
    /// The command that regenerates the weights, for the header.
    pub command: String,
    /// Files to score the trained tagger on (a development aid: printed, not learned from).
    pub dev: Vec<String>,
    /// Every `holdout`-th annotated document is kept out of training and scored (0: none).
    pub holdout: usize,
    /// Added to every transition into a `B-` label after training.
    pub open_bias: f32,
    /// How many times the second round sees each annotated island (silver ones once).
    pub gold_weight: usize,
    /// How many name-like words get a word cluster (0: no clusters), and how many fine
    /// clusters hold them.
    pub cluster_words: usize,
    pub fine_clusters: usize,
    /// How many shuffles' models are averaged (see `fit`).
    pub ensemble: usize,
    /// How many buckets keep their weights in the final model (0: all): the rest are zeroed
    /// (see [`keep_strongest`]).
    pub keep_rows: usize,
    /// Loss-augmented decoding while learning: every label but the gold one scores this much
    /// more at each token (0: plain perceptron), so that an update also comes when the gold
    /// labelling wins by less than that margin.
    pub margin: f32,
    /// The written weights' quantization step in `i8` units (1: every `i8` value; 6, the
    /// script's: every sixth), fewer bytes in the page for a coarser grid (see `serialize`).
    pub step: u8,
    /// The chance that a token's own word feature (template `WORD`, always its second) is left
    /// out of one visit while learning, scoring and update alike (0: never), so that the
    /// shape, affix, cluster and context features of a word seen in training learn what an
    /// unseen word will have to go by.
    pub dropout: f32,
    /// The learning rate of epoch `e` is `1 / (1 + decay × e)` (0: every update counts one).
    pub decay: f32,
    /// Training rounds (2 with unlabeled texts: the teacher's, the student's; each further
    /// round's teacher is the round before's student).
    pub rounds: usize,
    /// Learn only from the unlabeled texts' islands where the teacher's tagger alone already
    /// finds what the whole entity stage found (a confidence filter of the silver names).
    pub agreeing_silver: bool,
    /// With `agreeing_silver`: the last round learns from every silver island, unfiltered, so
    /// that its teacher is the stronger model of the filtered rounds before, while the names the
    /// rules after the model find (and the tagger alone misses) still reach the final student.
    pub unfiltered_last: bool,
    /// With `agreeing_silver`: an island where the stage only left out names the tagger found
    /// (a title alone, a word of an address: the rules' corrections) is kept as well.
    pub keep_removals: bool,
    /// With `agreeing_silver`: an island where the stage only trimmed the tagger's names (each
    /// keeps some of its tokens: a title or greeting cut off) is kept as well.
    pub keep_trims: bool,
}

/// A document to learn from: its text, paragraphs and names (byte spans, kind 0 person,
/// 1 place, 2 organization).
struct Doc {
    text: String,
    paragraphs: Vec<Span>,
    gold: Vec<(Span, usize)>,
    /// The minimal names only, as the development sets score them.
    minimal: Vec<(Span, usize)>,
}

/// One island of scored tokens: its features and gold labels.
struct Island {
    features: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn read_lines(path: &str) -> Result<Vec<serde_json::Value>, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut rows = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if !line.trim().is_empty() {
            rows.push(serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?);
        }
    }
    Ok(rows)
}

fn read(path: &str) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    for (n, v) in read_lines(path)?.into_iter().enumerate() {
        let text = v["text"].as_str().ok_or_else(|| format!("{path}:{}: no text", n + 1))?.to_string();
        let offsets = byte_offsets(&text);
        let (mut gold, mut minimal) = (Vec::new(), Vec::new());
        for e in v["entities"].as_array().map_or(&[][..], Vec::as_slice) {
            let kind = match e["type"].as_str() {
                Some("PER") => 0,
                Some("LOC") => 1,
                Some("ORG") => 2,
                _ => continue,
            };
            let (Some(s), Some(t)) = (e["start"].as_u64(), e["end"].as_u64()) else {
                continue;
            };
            let (Some(&s), Some(&t)) = (offsets.get(s as usize), offsets.get(t as usize)) else {
                continue;
            };
            let mut span = Span::new(s, t);
            for article in ["the ", "The "] {
                if text[span.start..span.end].starts_with(article) && span.len() > article.len() {
                    span.start += article.len();
                }
            }
            if e["minimal"].as_bool().unwrap_or(true) {
                minimal.push((span, kind));
            }
            gold.push((span, kind));
        }
        let paragraphs = crate::text::paragraph_spans(&text);
        docs.push(Doc { text, paragraphs, gold, minimal });
    }
    Ok(docs)
}

/// Token labels: the smallest gold name starting around each token, as BIO.
fn token_labels(a: &Analysis, gold: &[(Span, usize)]) -> Vec<usize> {
    let n = a.tokens.len();
    let owner: Vec<Option<usize>> = a
        .tokens
        .iter()
        .map(|t| {
            gold.iter()
                .enumerate()
                .filter(|(_, (s, _))| s.start <= t.span().start && t.span().start < s.end)
                .min_by_key(|(_, (s, _))| s.len())
                .map(|(g, _)| g)
        })
        .collect();
    // Edges of a piece that are punctuation or lowercase function words are outside it.
    let edge = |i: usize| {
        a.tokens[i].kind() == TokenKind::Punct
            || matches!(a.token_text(i), "of" | "the" | "and" | "in" | "for" | "at" | "on")
    };
    let mut labels = vec![0; n];
    let mut i = 0;
    while i < n {
        let Some(g) = owner[i] else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < n && owner[end] == Some(g) {
            end += 1;
        }
        let (mut s, mut e) = (i, end);
        while s < e && edge(s) {
            s += 1;
        }
        while e > s && edge(e - 1) {
            e -= 1;
        }
        for (k, label) in labels.iter_mut().enumerate().take(e).skip(s) {
            *label = 1 + 2 * gold[g].1 + usize::from(k > s);
        }
        i = end;
    }
    labels
}

/// The training islands of one corpus (its documents share the lowercase-word set, as one
/// extraction's do), and its counts: documents, tokens, names.
fn islands(
    docs: &[Doc],
    lex_tables: (&Gazetteer, &Names),
    bits: u32,
    clusters: &Clusters,
    out: &mut Vec<Island>,
) -> [usize; 3] {
    let analyses: Vec<Analysis> = docs.iter().map(|d| Analysis::new(&d.text, &d.paragraphs)).collect();
    let mut views: Vec<View> = analyses.iter().map(View::new).collect();
    View::classify_corpus(&mut views, lex_tables.0, lex_tables.1);
    let mut counts = [0; 3];
    for (view, doc) in views.iter_mut().zip(docs) {
        let labels = token_labels(view.a, &doc.gold);
        counts[0] += 1;
        counts[1] += view.len();
        counts[2] += labels.iter().filter(|&&l| l % 2 == 1).count();
        for sentence in &view.a.sentences {
            let range = sentence.tokens.clone();
            let mut i = range.start;
            while i < range.end {
                if !view.scored(i) {
                    i += 1;
                    continue;
                }
                let mut island = Island { features: Vec::new(), gold: Vec::new() };
                while i < range.end && view.scored(i) {
                    let mut f = Vec::new();
                    view.features(i, &range, bits, clusters, &mut f);
                    island.features.push(f);
                    island.gold.push(labels[i]);
                    i += 1;
                }
                // A name cut by the island's edge is learned from where the island starts.
                if let Some(first) = island.gold.first_mut() {
                    if *first % 2 == 0 && *first > 0 {
                        *first -= 1;
                    }
                }
                out.push(island);
            }
        }
    }
    counts
}

/// A small deterministic generator (xorshift64*).
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in [0, 1).
    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// [`fit_one`] from `options.ensemble` shuffles (seeds `seed`, `seed + 2`, …: the generator
/// starts from `seed | 1`), averaged: one shuffle's luck moves a development set's score by up
/// to a point, the mean of several by less.
fn fit(islands: &[Island], options: &Options) -> (Vec<f32>, Vec<f32>) {
    let n = options.ensemble.max(1);
    let (mut w, mut trans) = fit_one(islands, options, options.seed);
    for k in 1..n {
        let (w2, t2) = fit_one(islands, options, options.seed.wrapping_add(2 * k as u64));
        w.iter_mut().zip(&w2).for_each(|(a, b)| *a += b);
        trans.iter_mut().zip(&t2).for_each(|(a, b)| *a += b);
    }
    let scale = 1.0 / n as f32;
    w.iter_mut().for_each(|a| *a *= scale);
    trans.iter_mut().for_each(|a| *a *= scale);
    (w, trans)
}

/// The emission scores of an island's tokens under the float weights `w`, scaled by 64 for
/// the integer Viterbi, each token's word feature left out where `dropped` says so.
fn island_emissions(island: &Island, w: &[f32], dropped: &[bool], out: &mut Vec<[i32; LABELS]>) {
    out.clear();
    for (f, &drop) in island.features.iter().zip(dropped) {
        let mut sum = [0f32; WEIGHTS];
        for (k, &b) in f.iter().enumerate() {
            if drop && k == 1 {
                continue;
            }
            let row = b as usize * WEIGHTS;
            for (s, x) in sum.iter_mut().zip(&w[row..row + WEIGHTS]) {
                *s += x;
            }
        }
        // Viterbi runs on integers: scale finely enough.
        let mut q = [0i32; LABELS];
        for (l, q) in q.iter_mut().enumerate().skip(1) {
            let [k, p] = components(l);
            *q = ((sum[k] + sum[p]) * 64.0).round() as i32;
        }
        out.push(q);
    }
}

/// Keeps of `silver` only the islands whose names the model `(w, trans)` tags alone, before
/// the rules and the document's decisions, exactly as the whole entity stage found them (and,
/// with `keep_removals` or `keep_trims`, those where the stage only left out some of the
/// tagger's names or only trimmed them); prints how many disagree, and how.
fn keep_agreeing(silver: Vec<Island>, w: &[f32], trans: &[f32], keep_removals: bool, keep_trims: bool) -> Vec<Island> {
    let tq: Vec<i32> = trans.iter().map(|t| (t * 64.0).round() as i32).collect();
    let (mut emissions, mut predicted) = (Vec::new(), Vec::new());
    // Why islands go: the stage named tokens the tagger left out, left out tokens the tagger
    // named, gave a token another kind, or cut names elsewhere.
    let mut why = [0usize; 5];
    let kept: Vec<Island> = silver
        .into_iter()
        .filter(|island| {
            island_emissions(island, w, &vec![false; island.features.len()], &mut emissions);
            viterbi(&emissions, &tq, &mut predicted);
            if predicted == island.gold {
                return true;
            }
            let pairs = || island.gold.iter().zip(&predicted);
            let reason = if pairs().any(|(&g, &p)| g > 0 && p > 0 && (g - 1) / 2 != (p - 1) / 2) {
                2
            } else if pairs().any(|(&g, &p)| g > 0 && p == 0) {
                0
            } else if pairs().any(|(&g, &p)| g == 0 && p > 0) {
                // The stage left out tokens of the tagger's names: trimmed them (a title, a
                // greeting cut from a name it kept) or removed whole names.
                let mut names = Vec::new();
                for (t, &p) in predicted.iter().enumerate() {
                    match p {
                        0 => {}
                        p if p % 2 == 1 || t == 0 || predicted[t - 1] == 0 => names.push(t..t + 1),
                        _ => {
                            if let Some(name) = names.last_mut() {
                                name.end = t + 1;
                            }
                        }
                    }
                }
                if names.iter().all(|name| island.gold[name.clone()].iter().any(|&g| g > 0)) {
                    4
                } else {
                    1
                }
            } else {
                3
            };
            why[reason] += 1;
            (keep_removals && (reason == 1 || reason == 4)) || (keep_trims && reason == 4)
        })
        .collect();
    eprintln!(
        "silver islands where the tagger alone disagrees: {} the stage names more, {} the stage names less ({} of them trimming the tagger's names, the rest removing some), {} of another kind, {} cut elsewhere",
        why[0], why[1] + why[4], why[4], why[2], why[3]
    );
    kept
}

/// Averaged perceptron training from one shuffle seed; returns (emission weights,
/// transitions), averaged.
fn fit_one(islands: &[Island], options: &Options, seed: u64) -> (Vec<f32>, Vec<f32>) {
    let buckets = 1usize << options.bits;
    let mut w = vec![0f32; buckets * WEIGHTS];
    let mut w_acc = vec![0f32; buckets * WEIGHTS];
    let mut trans = vec![0f32; LABELS * LABELS];
    let mut trans_acc = vec![0f32; LABELS * LABELS];
    let mut order: Vec<usize> = (0..islands.len()).collect();
    let mut rng = Rng(seed | 1);
    let mut step = 1f32;
    let mut predicted = Vec::new();
    let mut emissions = Vec::new();
    // Dropout draws from its own generator: without dropout the shuffles are those of before.
    let mut drop_rng = Rng((seed ^ 0x9e37_79b9_7f4a_7c15) | 1);
    let mut dropped: Vec<bool> = Vec::new();
    for epoch in 0..options.epochs {
        let rate = 1.0 / (1.0 + options.decay * epoch as f32);
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let mut wrong = 0usize;
        for &x in &order {
            let island = &islands[x];
            emissions.clear();
            dropped.clear();
            dropped.extend(
                island.features.iter().map(|_| options.dropout > 0.0 && drop_rng.unit() < f64::from(options.dropout)),
            );
            island_emissions(island, &w, &dropped, &mut emissions);
            if options.margin > 0.0 {
                let cost = (options.margin * 64.0).round() as i32;
                for (q, &g) in emissions.iter_mut().zip(&island.gold) {
                    q.iter_mut().enumerate().filter(|&(l, _)| l != g).for_each(|(_, q)| *q += cost);
                }
            }
            let tq: Vec<i32> = trans.iter().map(|t| (t * 64.0).round() as i32).collect();
            viterbi(&emissions, &tq, &mut predicted);
            if predicted == island.gold {
                step += 1.0;
                continue;
            }
            wrong += 1;
            for (t, f) in island.features.iter().enumerate() {
                let (g, p) = (island.gold[t], predicted[t]);
                if g == p {
                    continue;
                }
                for (k, &b) in f.iter().enumerate() {
                    if dropped[t] && k == 1 {
                        continue;
                    }
                    let row = b as usize * WEIGHTS;
                    for (label, sign) in [(g, rate), (p, -rate)] {
                        if label > 0 {
                            for c in components(label) {
                                w[row + c] += sign;
                                w_acc[row + c] += sign * step;
                            }
                        }
                    }
                }
            }
            for (labels, sign) in [(&island.gold, rate), (&predicted, -rate)] {
                let mut from = 0;
                for &to in labels.iter().chain(std::iter::once(&0)) {
                    trans[from * LABELS + to] += sign;
                    trans_acc[from * LABELS + to] += sign * step;
                    from = to;
                }
            }
            step += 1.0;
        }
        eprintln!("epoch {}: {} of {} islands wrong", epoch + 1, wrong, islands.len());
    }
    let average = |w: &[f32], acc: &[f32]| -> Vec<f32> { w.iter().zip(acc).map(|(w, a)| w - a / step).collect() };
    let mut trans = average(&trans, &trans_acc);
    for from in 0..LABELS {
        for to in [1, 3, 5] {
            trans[from * LABELS + to] += options.open_bias;
        }
    }
    (average(&w, &w_acc), trans)
}

/// Zeroes every bucket's weights but those of the `keep` buckets whose largest weight is
/// largest (ties to the lower bucket; 0 keeps all). With more hash bits than the size budget
/// could hold densely, the rare features' buckets go and the table's zeros cost little gzipped.
fn keep_strongest(mut w: Vec<f32>, keep: usize) -> Vec<f32> {
    let rows = w.len() / WEIGHTS;
    if keep == 0 || keep >= rows {
        return w;
    }
    let strength = |r: usize| w[r * WEIGHTS..(r + 1) * WEIGHTS].iter().fold(0f32, |m, x| m.max(x.abs()));
    let mut order: Vec<(f32, usize)> = (0..rows).map(|r| (strength(r), r)).collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, r) in &order[keep..] {
        w[r * WEIGHTS..(r + 1) * WEIGHTS].fill(0.0);
    }
    w
}

/// The weights file: the text header, then bits, the quantization step, `i16` transitions and
/// the `i8` weights as multiples of the step (each written as its quotient, which `Model::parse`
/// multiplies back).
fn serialize(w: &[f32], trans: &[f32], header: &str, bits: u32, step: u8, clusters: &str) -> Vec<u8> {
    // One scale for all: the 99.9th percentile of the non-zero weights maps to 127.
    let mut mags: Vec<f32> = w.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
    mags.sort_by(f32::total_cmp);
    let top = mags.get(mags.len().saturating_sub(1) * 999 / 1000).copied().unwrap_or(1.0).max(1e-6);
    let scale = 127.0 / top;
    let mut out = Vec::new();
    out.extend_from_slice(header.as_bytes());
    out.push(bits as u8);
    out.push(step);
    for t in trans {
        out.extend_from_slice(&((t * scale).round().clamp(-32767.0, 32767.0) as i16).to_le_bytes());
    }
    // The quotients stay within ±127 once multiplied back: the largest is 127 / step, rounded down.
    let step = f32::from(step);
    let most = (127.0 / step).floor();
    for x in w {
        out.push((x * scale / step).round().clamp(-most, most) as i8 as u8);
    }
    out.extend_from_slice(clusters.as_bytes());
    out
}

/// Names the teacher finds in unlabeled texts, with the whole entity stage.
fn silver(path: &str, teacher: &Model) -> Result<Vec<Doc>, String> {
    let mut documents = Vec::new();
    for (n, v) in read_lines(path)?.into_iter().enumerate() {
        let Some(text) = v["text"].as_str() else {
            continue;
        };
        let name = format!("{n}.txt");
        if let Ok(article) =
            crate::article::parse(text, Some(crate::article::Format::Plain), &name, &Default::default())
        {
            documents.push(article.into_document(name));
        }
    }
    let docs: Vec<crate::doc::Doc> = documents
        .iter()
        .map(|document| {
            let spans: Vec<Span> = document.paragraphs.iter().map(|p| Span::new(p.start, p.end)).collect();
            crate::doc::Doc { document, analysis: Analysis::new(&document.text, &spans), dct: None }
        })
        .collect();
    let entities = super::extract_with(&docs, teacher);
    Ok(docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let gold: Vec<(Span, usize)> = entities.by_doc[d]
                .iter()
                .map(|m| {
                    let kind = match entities.list[m.entity].kind {
                        crate::model::EntityKind::Person => 0,
                        crate::model::EntityKind::Place => 1,
                        crate::model::EntityKind::Organization => 2,
                    };
                    (m.span, kind)
                })
                .collect();
            let paragraphs = doc.document.paragraphs.iter().map(|p| Span::new(p.start, p.end)).collect();
            Doc { text: doc.document.text.clone(), paragraphs, minimal: gold.clone(), gold }
        })
        .collect())
}

/// Trains and returns the weights file's bytes.
///
/// # Errors
/// When a data file cannot be read or parsed.
pub fn train(options: &Options) -> Result<Vec<u8>, String> {
    let tables = (&Gazetteer::new(), &Names::new());
    let mut labeled = Vec::new();
    let mut held_out = Vec::new();
    for (path, _) in &options.data {
        for (k, d) in read(path)?.into_iter().enumerate() {
            if options.holdout > 0 && k % options.holdout == 0 {
                held_out.push(d);
            } else {
                labeled.push(d);
            }
        }
    }
    // Word clusters from every text, annotated or not (their names are not read).
    let mut texts: Vec<String> = labeled.iter().chain(&held_out).map(|d| d.text.clone()).collect();
    for (path, _) in &options.unlabeled {
        texts.extend(read_lines(path)?.into_iter().filter_map(|v| v["text"].as_str().map(str::to_string)));
    }
    let cluster_text = if options.cluster_words == 0 {
        String::new()
    } else {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let learned = clusters::learn(
            &texts,
            &ClusterOptions {
                words: options.cluster_words,
                fine: options.fine_clusters,
                coarse: 16,
                contexts: 500,
                min_count: 2,
                min_capitalized: 1,
            },
        );
        Model::clusters_text(&learned.words, &learned.coarse)
    };
    let cluster_model = Model::parse(&serialize(
        &[0.0; WEIGHTS << 8],
        &[0.0; LABELS * LABELS],
        &format!("{MAGIC}\n\n"),
        8,
        1,
        &cluster_text,
    ))
    .map_err(|e| format!("{e:?}"))?;
    let clusters = &cluster_model.clusters;
    let cluster_note = format!(
        "{} word clusters ({} fine, 16 coarse; spherical k-means of name-like words by the words around them in all the texts above), as text after the tables; {} models averaged (shuffle seeds {} + 2k)",
        clusters.len(),
        options.fine_clusters,
        options.ensemble.max(1),
        options.seed,
    );
    eprintln!("clusters: {} words", clusters.len());
    let mut gold_islands = Vec::new();
    let mut counts = islands(&labeled, tables, options.bits, clusters, &mut gold_islands);
    let (mut w, mut trans) = fit(&gold_islands, options);
    let mut sources: Vec<String> = options.data.iter().map(|(_, d)| format!("# data: {d}")).collect();
    // Each later round learns from the annotated islands plus the names the model of the round
    // before finds in the unlabeled texts with the whole entity stage.
    let rounds = if options.unlabeled.is_empty() { 1 } else { options.rounds.max(2) };
    let mut all = Vec::new();
    for _ in 1..options.gold_weight {
        all.extend(gold_islands.iter().map(|i| Island { features: i.features.clone(), gold: i.gold.clone() }));
    }
    all.extend(gold_islands);
    let (annotated, annotated_counts) = (all.len(), counts);
    for round in 1..rounds {
        // The teacher keeps the finest step: only the file's weights are coarser.
        let teacher = Model::parse(&serialize(&w, &trans, &format!("{MAGIC}\n\n"), options.bits, 1, &cluster_text))
            .map_err(|e| format!("{e:?}"))?;
        all.truncate(annotated);
        counts = annotated_counts;
        for (path, description) in &options.unlabeled {
            let docs = silver(path, &teacher)?;
            let mut found = Vec::new();
            let c = islands(&docs, tables, options.bits, clusters, &mut found);
            if options.agreeing_silver && !(options.unfiltered_last && round + 1 == rounds) {
                let n = found.len();
                found = keep_agreeing(found, &w, &trans, options.keep_removals, options.keep_trims);
                eprintln!("silver islands: {} of {n} kept (the model alone agrees)", found.len());
            }
            all.extend(found);
            for (total, n) in counts.iter_mut().zip(c) {
                *total += n;
            }
            if round == 1 {
                let kept = match (options.agreeing_silver, options.keep_removals, options.keep_trims, options.unfiltered_last) {
                    (false, ..) => String::new(),
                    (true, removals, trims, last) => format!(
                        " (only the sentence pieces where that model's tagger alone finds what the whole stage found{}){}",
                        if removals {
                            ", or more than it kept"
                        } else if trims {
                            ", or names the stage trimmed"
                        } else {
                            ""
                        },
                        if last { "; each later round's teacher the round before's student, the last round learning from every piece" } else { "" },
                    ),
                };
                let rounds_note = if rounds > 2 { format!(", {rounds} rounds") } else { String::new() };
                sources.push(format!(
                    "# unlabeled: {description}; its names found by a first model trained on the data above{kept}{rounds_note}"
                ));
            }
        }
        (w, trans) = fit(&all, options);
    }
    let w = keep_strongest(w, options.keep_rows);
    let header = format!(
        "{MAGIC}\n# GENERATED by scripts/train-tagger.sh; do not edit by hand. Regenerate with:\n#   {}\n{}\n# {} documents, {} tokens, {} names; {} epochs, seed {}, opening bias {}, annotated islands {}x in the second round, {} buckets of {} i8 weights in steps of {} (person, place, organization, opening, continuing; O is 0), i16 transitions\n# {}\n# Labels: O B-PER I-PER B-LOC I-LOC B-ORG I-ORG. Binary tables follow the blank line.\n\n",
        options.command,
        sources.join("\n"),
        counts[0],
        counts[1],
        counts[2],
        options.epochs,
        options.seed,
        options.open_bias,
        options.gold_weight,
        1usize << options.bits,
        WEIGHTS,
        options.step,
        cluster_note,
    );
    let out = serialize(&w, &trans, &header, options.bits, options.step, &cluster_text);
    let model = Model::parse(&out).map_err(|e| format!("{e:?}"))?;
    for path in &options.dev {
        score(&model, path, read(path)?, tables);
    }
    if !held_out.is_empty() {
        score(&model, "held-out", held_out, tables);
    }
    Ok(out)
}

/// Prints the tagger's scores on `docs` the way the development sets count them: a gold
/// minimal name is found when a tagged name overlaps it, typed when the kinds agree (the
/// tagger alone, before the document's decisions).
fn score(model: &Model, path: &str, docs: Vec<Doc>, tables: (&Gazetteer, &Names)) {
    let analyses: Vec<Analysis> = docs.iter().map(|d| Analysis::new(&d.text, &d.paragraphs)).collect();
    let mut views: Vec<View> = analyses.iter().map(View::new).collect();
    View::classify_corpus(&mut views, tables.0, tables.1);
    let (mut tp, mut fp, mut fn_, mut typed) = (0usize, 0usize, 0usize, 0usize);
    let mut confusion = [[0usize; 4]; 3];
    for (view, doc) in views.iter_mut().zip(&docs) {
        let spans: Vec<(Span, usize)> = super::tagger::tag(model, view)
            .iter()
            .map(|t| {
                (
                    Span::new(view.a.tokens[t.tokens.start].span().start, view.a.tokens[t.tokens.end - 1].span().end),
                    t.kind,
                )
            })
            .collect();
        let mut used = vec![false; spans.len()];
        for &(g, kind) in &doc.minimal {
            match (0..spans.len()).find(|&i| !used[i] && spans[i].0.overlaps(g)) {
                Some(i) => {
                    used[i] = true;
                    tp += 1;
                    typed += usize::from(spans[i].1 == kind);
                    confusion[kind][spans[i].1] += 1;
                }
                None => {
                    fn_ += 1;
                    confusion[kind][3] += 1;
                }
            }
        }
        for (i, &(s, _)) in spans.iter().enumerate() {
            if !used[i] && !doc.gold.iter().any(|(g, _)| g.overlaps(s) && !doc.minimal.iter().any(|(m, _)| m == g)) {
                fp += 1;
            }
        }
    }
    let f1 = |a: f64, b: f64| {
        if a + b == 0.0 {
            0.0
        } else {
            2.0 * a * b / (a + b)
        }
    };
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    eprintln!(
        "{path}: typed F1 {:.4}, mention F1 {:.4} (tp {tp}, fp {fp}, fn {fn_}, typed {typed}); gold per/place/org by predicted per/place/org/none: {confusion:?}",
        f1(ratio(typed, tp + fp), ratio(typed, tp + fn_)),
        f1(ratio(tp, tp + fp), ratio(tp, tp + fn_))
    );
}
