"""Cluster 10k, 100k and 1M quote variants and print time and peak memory for each (and how
well the rewordings of each quote were grouped: pairwise precision and recall).

The variants are made from the quotes of ../shared/corpora/allsides/articles.jsonl.gz (the text
between straight or typographic double quote marks, 6 to 60 words): each quote is worded again
the way outlets and translators do it (synonyms, dropped or added little words, contractions,
punctuation and case, a clause moved), a few times. Each size runs in a fresh process, so that
its peak memory (ru_maxrss) is its own.

    scripts/bench_cluster [--sizes 10000,100000,1000000] [--runs 1]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides" / "articles.jsonl.gz"
SCORER = ROOT.parent / "shared" / "eval" / "score_clusters.py"
QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]{30,400})[\"”]")
SYNONYMS = [("said", "stated"), ("talks", "negotiations"), ("very", "really"), ("big", "large"),
            ("people", "citizens"), ("country", "nation"), ("want", "wish"), ("going to", "will"),
            ("begin", "start"), ("help", "assist"), ("important", "significant"), ("show", "demonstrate"),
            ("buy", "purchase"), ("get", "obtain"), ("think", "believe"), ("fight", "battle")]
CONTRACTIONS = [("do not", "don't"), ("it is", "it's"), ("we are", "we're"), ("cannot", "can't"),
                ("will not", "won't"), ("I am", "I'm"), ("they are", "they're"), ("has happened", "happened")]
LITTLE_WORDS = ["really", "just", "also", "indeed", "certainly", "now"]


def base_quotes(limit: int) -> list[str]:
    found: list[str] = []
    seen: set[str] = set()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            for m in QUOTE_RE.finditer(json.loads(line).get("text") or ""):
                q = m.group(1).strip()
                if 6 <= len(q.split()) <= 60 and q.lower() not in seen:
                    seen.add(q.lower())
                    found.append(q)
                    if len(found) >= limit:
                        return found
    return found


def reword(text: str, rng: random.Random) -> str:
    """One more wording of a quote, as another outlet or translator might write it."""
    for a, b in rng.sample(SYNONYMS + CONTRACTIONS, 3):
        if rng.random() < 0.7:
            text = re.sub(rf"\b{a}\b", b, text) if rng.random() < 0.5 else re.sub(rf"\b{b}\b", a, text)
    words = text.split()
    if len(words) > 8 and rng.random() < 0.4:
        del words[rng.randrange(len(words))]
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words) + 1), rng.choice(LITTLE_WORDS))
    text = " ".join(words)
    if "," in text and rng.random() < 0.2:
        head, _, tail = text.partition(",")
        text = f"{tail.strip().rstrip('.')}, {head[:1].lower()}{head[1:]}"
    if rng.random() < 0.3:
        text = text.rstrip(".!?,") + rng.choice([".", "", "...", "!"])
    if rng.random() < 0.1:
        text = text.upper() if rng.random() < 0.2 else text.lower()
    return text


def variants(n: int, seed: int = 1) -> list[tuple[str, str, str | None]]:
    """``n`` variants: about n/5 quotes, each in 1 to 9 wordings, with a speaker for most."""
    rng = random.Random(seed)
    quotes = base_quotes(max(n // 5, 10))
    out: list[tuple[str, str, str | None]] = []
    while len(out) < n:
        for q_id, q in enumerate(quotes):
            speaker = None if q_id % 4 == 0 else f"speaker-{q_id % 5000}"
            for k in range(rng.randint(1, 9)):
                out.append((f"{q_id}-{len(out)}", q if k == 0 else reword(q, rng), speaker))
                if len(out) >= n:
                    break
            if len(out) >= n:
                break
    rng.shuffle(out)
    return out


def one_size(n: int) -> None:
    """In a child process: make the variants, cluster them, print one JSON line."""
    sys.path.insert(0, str(ROOT))
    from quotes.statements import Clusterer

    items = variants(n)
    started = time.perf_counter()
    clusterer = Clusterer()
    placed = {}
    for i in range(0, len(items), 50_000):  # in batches, as a growing archive would add them
        placed.update(clusterer.add(items[i:i + 50_000]))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    quality = {}
    if SCORER.exists():  # how well the rewordings were grouped, by the reference scorer
        sys.path.insert(0, str(SCORER.parent))
        from score_clusters import score

        result = score([{"id": i, "cluster": i.split("-")[0]} for i, _, _ in items],
                       [{"id": i, "cluster_id": a.statement} for i, a in placed.items()])
        quality = {"precision": result["pairwise"]["precision"], "recall": result["pairwise"]["recall"]}
    print(json.dumps({"variants": n, "statements": len(clusterer.statements), "seconds": round(seconds, 2),
                      "peak_mb": round(peak_mb), "base_quotes": len({i.split("-")[0] for i, _, _ in items}),
                      **quality}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_size(args.one)
        return
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmark needs the AllSides corpus")
    print(f"{'variants':>10} {'quotes':>8} {'statements':>11} {'seconds':>9} {'us/variant':>11} {'peak MB':>8} "
          f"{'pair P':>7} {'pair R':>7}")
    for n in (int(x) for x in args.sizes.split(",")):
        runs = []
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        seconds = statistics.median(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        r = runs[0]
        print(f"{n:>10} {r['base_quotes']:>8} {r['statements']:>11} {seconds:>9.1f} {1e6 * seconds / n:>11.1f} "
              f"{peak:>8} {r.get('precision', float('nan')):>7.3f} {r.get('recall', float('nan')):>7.3f}", flush=True)


if __name__ == "__main__":
    main()
