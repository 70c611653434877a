#!/usr/bin/env python3
"""Prepares self-training data for the name tagger: unlabeled news text tagged by the
current extractor (tagger, document and corpus decisions, merging), written in the
development sets' JSON-lines form for `train-tagger --data`.

Input: polnear-train.quotes.jsonl from ../shared/eval/data (PolNeAR, Newell, Margolin and Ruths,
LREC 2018: 840 political news articles of 2016 from seven outlets). Only its texts are read, as
unlabeled news; its quote annotations are not used, and the texts are not redistributed (they
stay out of the repository; only weights learned from them are committed).

Usage: python3 scripts/prep-silver.py IN.jsonl OUT.jsonl [STORYSCOPE_BIN]
"""
import json
import os
import subprocess
import sys
import tempfile

KIND = {"person": "PER", "place": "LOC", "organization": "ORG"}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    binary = sys.argv[3] if len(sys.argv) > 3 else "target/release/storyscope"
    with open(src, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for k, row in enumerate(rows):
            front = "---\n" + (f"date: {row['dct'][:10]}\n" if row.get("dct") else "") + "---\n"
            with open(os.path.join(tmp, f"d{k:05}.md"), "w", encoding="utf-8") as out:
                out.write(front + row["text"] + "\n")
        result = subprocess.run([binary, "extract", "--compact", tmp], check=True, capture_output=True, text=True)
    extraction = json.loads(result.stdout)
    by_doc = {d["id"]: {"id": d["id"], "text": d["text"], "entities": []} for d in extraction["documents"]}
    for entity in extraction["entities"]:
        for m in entity["mentions"]:
            by_doc[m["doc"]]["entities"].append({"start": m["start"], "end": m["end"], "type": KIND[entity["kind"]], "minimal": True})
    with open(dst, "w", encoding="utf-8") as out:
        for doc_id in sorted(by_doc):
            doc = by_doc[doc_id]
            doc["entities"].sort(key=lambda e: (e["start"], e["end"]))
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
