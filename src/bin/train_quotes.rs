//! `train-quotes`: trains the scare-quote model's weights (see `src/quotes/train.rs`). Built
//! only with `--features train`; run through `scripts/train-quotes.sh`, which names the data.
//!
//! Usage: train-quotes [--epochs N] [--holdout N] [--l2 F] [--step N] [--command TEXT] --out FILE
//!          --data FILE DESCRIPTION ...

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = storyscope::train_quotes::Options {
        data: Vec::new(),
        epochs: 6,
        command: String::new(),
        holdout: 0,
        l2: 1e-3,
        step: 16,
    };
    let mut out = None;
    let usage = "usage: train-quotes [--epochs N] [--holdout N] [--l2 F] [--step N] [--command TEXT] --out FILE --data FILE DESCRIPTION ...";
    let mut i = 0;
    while i < args.len() {
        let value = |k: usize| args.get(k).cloned().unwrap_or_else(|| fail(usage));
        match args[i].as_str() {
            "--epochs" => options.epochs = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--l2" => options.l2 = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--step" => options.step = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--holdout" => options.holdout = value(i + 1).parse().unwrap_or_else(|_| fail(usage)),
            "--command" => options.command = value(i + 1),
            "--out" => out = Some(value(i + 1)),
            "--data" => {
                options.data.push((value(i + 1), value(i + 2)));
                i += 1;
            }
            _ => fail(usage),
        }
        i += 2;
    }
    let out = out.unwrap_or_else(|| fail(usage));
    if options.data.is_empty() {
        fail(usage);
    }
    match storyscope::train_quotes::train(&options) {
        Ok(bytes) => {
            if let Err(e) = std::fs::write(&out, bytes) {
                fail(&format!("{out}: {e}"));
            }
        }
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("train-quotes: {message}");
    std::process::exit(2);
}
