//! `train-tagger`: trains the name tagger's weights (see `src/entities/train.rs`). Built only
//! with `--features train`; run through `scripts/train-tagger.sh`, which names the data.
//!
//! Usage: train-tagger [--epochs N] [--bits B] [--seed S] [--open-bias F] [--gold-weight N] [--cluster-words N] [--fine-clusters N] [--ensemble N] [--keep-rows N] [--margin F] [--step N] [--dropout P] [--decay D] [--rounds N] [--agreeing-silver] [--unfiltered-last] [--keep-removals] [--keep-trims] [--command TEXT]
//!          --out FILE --data FILE DESCRIPTION ... [--unlabeled FILE DESCRIPTION ...]
//!          [--dev FILE ...] [--holdout N]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = storyscope::train::Options {
        data: Vec::new(),
        unlabeled: Vec::new(),
        epochs: 10,
        bits: 14,
        seed: 20240607,
        command: String::new(),
        dev: Vec::new(),
        holdout: 0,
        open_bias: 0.0,
        gold_weight: 1,
        cluster_words: 0,
        fine_clusters: 64,
        ensemble: 1,
        keep_rows: 0,
        margin: 0.0,
        step: 1,
        dropout: 0.0,
        decay: 0.0,
        rounds: 2,
        agreeing_silver: false,
        unfiltered_last: false,
        keep_removals: false,
        keep_trims: false,
    };
    let mut out = None;
    let mut i = 0;
    let usage = "usage: train-tagger [--epochs N] [--bits B] [--seed S] [--open-bias F] [--gold-weight N] [--cluster-words N] [--fine-clusters N] [--ensemble N] [--keep-rows N] [--margin F] [--step N] [--dropout P] [--decay D] [--rounds N] [--agreeing-silver] [--unfiltered-last] [--keep-removals] [--keep-trims] [--command TEXT] --out FILE --data FILE DESCRIPTION ... [--unlabeled FILE DESCRIPTION ...] [--dev FILE ...] [--holdout N]";
    while i < args.len() {
        let value = |k: usize| args.get(k).cloned().unwrap_or_else(|| fail(usage));
        // Switches take no value.
        let switch = match args[i].as_str() {
            "--agreeing-silver" => Some(&mut options.agreeing_silver),
            "--unfiltered-last" => Some(&mut options.unfiltered_last),
            "--keep-removals" => Some(&mut options.keep_removals),
            "--keep-trims" => Some(&mut options.keep_trims),
            _ => None,
        };
        if let Some(on) = switch {
            *on = true;
            i += 1;
            continue;
        }
        match args[i].as_str() {
            "--epochs" => options.epochs = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--bits" => options.bits = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--seed" => options.seed = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--command" => options.command = value(i + 1),
            "--out" => out = Some(value(i + 1)),
            "--dev" => options.dev.push(value(i + 1)),
            "--open-bias" => options.open_bias = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--gold-weight" => options.gold_weight = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--cluster-words" => options.cluster_words = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--fine-clusters" => options.fine_clusters = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--ensemble" => options.ensemble = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--margin" => options.margin = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--keep-rows" => options.keep_rows = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--step" => options.step = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--dropout" => options.dropout = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--decay" => options.decay = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--rounds" => options.rounds = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--holdout" => options.holdout = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--data" => {
                options.data.push((value(i + 1), value(i + 2)));
                i += 1;
            }
            "--unlabeled" => {
                options.unlabeled.push((value(i + 1), value(i + 2)));
                i += 1;
            }
            _ => fail(usage),
        }
        i += 2;
    }
    let out = out.unwrap_or_else(|| fail(usage));
    if options.data.is_empty() || !(8..=20).contains(&options.bits) || !(1..=127).contains(&options.step) {
        fail(usage);
    }
    match storyscope::train::train(&options) {
        Ok(bytes) => {
            if let Err(e) = std::fs::write(&out, bytes) {
                fail(&format!("{out}: {e}"));
            }
        }
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("train-tagger: {message}");
    std::process::exit(2);
}
