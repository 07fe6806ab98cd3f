"""Benchmark `quotes build` on the whole AllSides corpus: one process, two processes, and an
incremental run that adds the last 10% of the articles to a database built from the first 90%.

Every build is a fresh `quotes build` subprocess; wall time is measured around it and peak
memory by sampling the resident memory of the process and all its workers (summed) every
0.2 s. Figures are printed as each build ends, then a summary with the speed-up of two
processes over one and the cost of the incremental run against a full build.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "allsides" / "articles.jsonl.gz"
QUOTES = ROOT / ".venv" / "bin" / "quotes"
STEPS = ("w2", "incremental", "w1")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, from /proc, in MB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total / 2**20


def timed_build(db: Path, files: list[Path], workers: int, progress: bool = False) -> dict:
    """Run one build; return wall time, peak memory of the process tree and its summary line
    (and, with ``progress``, the time of each corpus-wide step in ``stages``)."""
    cmd = [str(QUOTES), "build", str(db), *map(str, files), "--workers", str(workers),
           "--progress" if progress else "--no-progress"]
    peak = 0.0
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode:
        sys.exit(f"build failed ({' '.join(cmd)}):\n{err[-3000:]}")
    lines = err.replace("\r", "\n").strip().splitlines()
    return {"wall_s": wall, "peak_mb": peak, "summary": lines[-1] if lines else "",
            "stages": [line for line in lines if "..." in line]}


def db_counts(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("articles", "quotes", "speakers", "statements")}
    finally:
        con.close()


def split_corpus(source: Path, head: Path, tail: Path, limit: int | None, tail_share: float) -> tuple[int, int]:
    """Write the first articles (all but the last ``tail_share``) and the last ones to two files."""
    with gzip.open(source, "rt", encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    if limit:
        lines = lines[:limit]
    cut = len(lines) - round(len(lines) * tail_share)
    for path, part in ((head, lines[:cut]), (tail, lines[cut:])):
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as f:
            f.writelines(part)
    return cut, len(lines) - cut


def report(name: str, articles: int, r: dict) -> None:
    print(f"  {name:28} {r['wall_s']:8.1f} s  {articles / r['wall_s']:6.2f} articles/s  "
          f"{r['peak_mb']:6.0f} MB peak  | {r['summary']}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="only the first N articles, for a quick try")
    ap.add_argument("--steps", default=",".join(STEPS),
                    help=f"which builds, in order (default {','.join(STEPS)}): w1 and w2 are full builds with "
                         "1 and 2 workers; incremental builds the first 90%% with 2 workers, then adds the rest")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/bench_build"), help="where the databases go")
    ap.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = ap.parse_args()
    steps = args.steps.split(",")
    if unknown := set(steps) - set(STEPS):
        ap.error(f"unknown step(s) {', '.join(sorted(unknown))}; choose from {', '.join(STEPS)}")
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmark needs ../shared beside the checkout")
    if not QUOTES.exists():
        sys.exit(f"{QUOTES} is missing: run scripts/setup first")
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    head, tail = args.workdir / "first-90.jsonl.gz", args.workdir / "last-10.jsonl.gz"
    n_head, n_tail = split_corpus(CORPUS, head, tail, args.limit, 0.10)
    total = n_head + n_tail
    print(f"bench_build: {total} articles of {CORPUS.name} ({n_head} + {n_tail}), steps {args.steps}; "
          f"machine: {os.cpu_count()} cores, Python {platform.python_version()}", flush=True)
    results: dict[str, dict] = {}
    for step in steps:
        if step in ("w1", "w2"):
            db = args.workdir / f"{step}.db"
            r = timed_build(db, [head, tail], workers=int(step[1]))
            r.update(articles=total, counts=db_counts(db))
            results[step] = r
            report(f"full build, --workers {step[1]}", total, r)
        else:
            db = args.workdir / "incremental.db"
            r = timed_build(db, [head], workers=2)
            r.update(articles=n_head, counts=db_counts(db))
            results["first_90"] = r
            report("first 90%, --workers 2", n_head, r)
            r = timed_build(db, [head, tail], workers=2)
            r.update(articles=n_tail, counts=db_counts(db))
            results["add_last_10"] = r
            report("add last 10% (all files)", n_tail, r)
    print("summary:")
    for step in ("w1", "w2"):
        if step in results:
            r = results[step]
            print(f"  --workers {step[1]}: {r['wall_s'] / 60:.1f} min, {total / r['wall_s']:.2f} articles/s, "
                  f"peak {r['peak_mb']:.0f} MB, {r['counts']}")
    if "w1" in results and "w2" in results:
        results["speedup"] = results["w1"]["wall_s"] / results["w2"]["wall_s"]
        same = results["w1"]["counts"] == results["w2"]["counts"]
        print(f"  speed-up of --workers 2 over --workers 1: {results['speedup']:.2f}x "
              f"(same counts: {'yes' if same else 'NO'})")
    if "add_last_10" in results:
        full = results.get("w2", {}).get("wall_s")
        inc = results["add_last_10"]["wall_s"]
        base = full or results["first_90"]["wall_s"] / 0.9
        results["incremental_share"] = inc / base
        print(f"  incremental run adding {n_tail} articles: {inc:.1f} s = {100 * inc / base:.1f}% of "
              f"{'the full --workers 2 build' if full else 'a full build (estimated from the 90% build)'}; "
              f"counts after it {results['add_last_10']['counts']}")
        if "w2" in results:
            print(f"  (full build counts {results['w2']['counts']})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
