"""Time corpus-wide speaker resolution on a database built by `quotes build`.

Prints, for growing shares of the database's article speakers, the median time of `resolve`
(the clustering alone), then the median time of a whole rebuild of the speaker tables (clustering
plus every table write) on a copy of the database, so that how the cost grows can be read off.

    scripts/bench_speakers DB [--runs 3] [--registry db/speakers.yml]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from quotes.speaker_tables import _locals, ensure_speaker_tables, load_registry, rebuild_speakers  # noqa: E402
from quotes.speakers import resolve  # noqa: E402


def median_time(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--registry", default="db/speakers.yml")
    args = parser.parse_args()
    if not Path(args.db).is_file():
        sys.exit(f"{args.db}: no such database (build one with: quotes build {args.db} FILES...)")
    registry = load_registry(args.registry)
    db = sqlite_utils.Database(args.db)
    items, _ = _locals(db)
    print(f"{args.db}: {len(items)} article speakers, registry of {len(registry.entries)} entries, "
          f"median of {args.runs} runs")
    print(f"{'share':>6} {'speakers in':>12} {'speakers out':>13} {'resolve s':>10} {'us/speaker':>11}")
    for share in (0.25, 0.5, 1.0):
        part = items[:int(len(items) * share)]
        seconds = median_time(lambda: resolve(part, registry), args.runs)
        out = len(set(link.cluster for link in resolve(part, registry)[0].values()))
        print(f"{share:>6.2f} {len(part):>12} {out:>13} {seconds:>10.3f} {1e6 * seconds / max(len(part), 1):>11.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(args.db, copy)
        work = sqlite_utils.Database(copy)
        ensure_speaker_tables(work)

        def rebuild() -> None:
            work.conn.isolation_level = None
            work.execute("BEGIN")
            rebuild_speakers(work, registry)
            work.execute("COMMIT")

        print(f"whole rebuild of the speaker tables: {median_time(rebuild, args.runs):.2f} s (median)")


if __name__ == "__main__":
    main()
