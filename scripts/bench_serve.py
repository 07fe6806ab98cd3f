"""Latency of the search, speaker and statement pages of `quotes serve` over loopback.

Builds (once, then reuses) a database of at least --quotes quotes from the articles of
../shared/corpora/allsides/articles.jsonl.gz: each article with the quotes between its double
quote marks, its speaker the name written right after the quote ("...," said Jane Doe / Jane Doe
said), and the corpus repeated with every quote reworded (bench_cluster's rewording) until there
are enough. Speakers, statements and search indexes are built by the project's own code. Then it
serves the database and times each page for a set of queries, printing median and p95.

    scripts/bench_serve [--quotes 1000000] [--db /tmp/bench-serve/quotes.db] [--requests 200]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from bench_cluster import CORPUS, QUOTE_RE, reword  # noqa: E402

SPEAKER_AFTER = re.compile(r"[,.!?]?[\"”]\s*,?\s*(?:said|says|told \w+|added)?\s*((?:[A-Z][a-z]+\s){1,2}[A-Z][a-z]+)")
TARGETS = {"search": 100, "exact": 100, "speaker": 200, "speaker_quotes": 200, "statement": 200}  # ms


def make_rows(limit: int, rng: random.Random):
    """Articles and their quotes, repeated with rewording until ``limit`` quotes."""
    base = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a.get("text"):
                base.append(a)
    made, copy = 0, 0
    while made < limit:
        for a in base:
            text, pieces, quotes, pos = a["text"], [], [], 0
            for m in QUOTE_RE.finditer(text):
                q = m.group(1) if copy == 0 else reword(m.group(1), rng)
                pieces.append(text[pos:m.start(1)])
                start = sum(map(len, pieces))
                pieces.append(q)
                after = SPEAKER_AFTER.match(text, m.end(1))
                quotes.append((start, start + len(q), q, after.group(1).strip() if after else None))
                pos = m.end(1)
            pieces.append(text[pos:])
            if not quotes:
                continue
            yield ({"id": f"{a['ID']}~{copy}", "title": a.get("title"), "url": a.get("url"), "outlet": a.get("source"),
                    "published": a.get("date") or None, "text": "".join(pieces)}, quotes)
            made += len(quotes)
            if made >= limit:
                return
        copy += 1


def build(db_path: Path, limit: int) -> None:
    import sqlite_utils

    from quotes.articles import text_hash
    from quotes.database import ensure_db_shape
    from quotes.ids import stable_id
    from quotes.search_tables import INDEXES, ensure_search_tables
    from quotes.speaker_tables import load_registry, rebuild_speakers
    from quotes.statement_tables import update_statements

    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    db = sqlite_utils.Database(tmp)
    ensure_db_shape(db)
    for index, table, _, _ in INDEXES:  # filled in one go at the end rather than row by row
        for trigger in ("ai", "ad", "au"):
            db.execute(f"drop trigger [{index}_{trigger}]")
        db.execute(f"drop table [{index}]")
    rng, started, n = random.Random(1), time.perf_counter(), 0
    db.conn.execute("BEGIN")
    for article, quotes in make_rows(limit, rng):
        db.conn.execute("insert into articles (id, title, url, outlet, published, text, text_hash, quote_count) "
                        "values (?, ?, ?, ?, ?, ?, ?, ?)",
                        [article[k] for k in ("id", "title", "url", "outlet", "published", "text")]
                        + [text_hash(article["text"]), len(quotes)])
        local = {}
        for start, end, text, speaker in quotes:
            lid = stable_id(article["id"], "person", speaker.casefold()) if speaker else None
            if lid:
                local.setdefault(lid, [speaker, 0])[1] += 1
            db.conn.execute("insert into quotes (id, article_id, start, end, text, type, speaker, speaker_kind, rule, "
                            "confidence, article_speaker_id, published) values (?, ?, ?, ?, ?, 'direct', ?, ?, ?, ?, ?, ?)",
                            [stable_id(article["id"], start, end), article["id"], start, end, text, speaker,
                             "person" if speaker else None, "quote_then_cue" if speaker else "unattributed",
                             0.9 if speaker else 0.0, lid, article["published"]])
        for lid, (name, count) in local.items():
            db.conn.execute("insert into article_speakers (id, article_id, name, kind, forms, roles, quote_count) "
                            "values (?, ?, ?, 'person', ?, '[]', ?)", [lid, article["id"], name,
                                                                        json.dumps({name: count}), count])
        n += len(quotes)
    print(f"  {n} quotes written in {time.perf_counter() - started:.0f} s", flush=True)
    t = time.perf_counter()
    rebuild_speakers(db, load_registry(ROOT / "db" / "speakers.yml"))
    print(f"  speakers in {time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    update_statements(db)
    print(f"  statements in {time.perf_counter() - t:.0f} s", flush=True)
    t = time.perf_counter()
    ensure_search_tables(db)
    db.conn.execute("COMMIT")
    print(f"  search indexes in {time.perf_counter() - t:.0f} s", flush=True)
    db.close()
    tmp.replace(db_path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as r:
        r.read()
        assert r.status == 200
    return 1000 * (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/bench-serve/quotes.db")
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmark needs the AllSides corpus")
    import sqlite3

    db_path = Path(args.db)
    have = sqlite3.connect(db_path).execute("select count(*) from quotes").fetchone()[0] if db_path.exists() else 0
    if have < args.quotes:
        print(f"building {db_path} with {args.quotes} quotes", flush=True)
        build(db_path, args.quotes)
    con = sqlite3.connect(db_path)
    quotes = con.execute("select count(*) from quotes").fetchone()[0]
    rng = random.Random(2)
    words = [w for (t,) in con.execute("select text from quotes where rowid % 997 = 0 limit 400")
             for w in re.findall(r"[A-Za-z]{5,}", t)]
    phrases = [" ".join(t.split()[:3]) for (t,) in con.execute("select text from quotes where rowid % 991 = 0 limit 200")]
    names = [n for (n,) in con.execute("select alias from speaker_aliases order by count desc limit 300")]
    statements = [s for (s,) in con.execute("select id from statements where variant_count > 1 limit 300")]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "quotes.cli", "serve", str(db_path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/quotes/"
    try:
        for _ in range(200):
            try:
                timed(base.rstrip("/quotes/") + "/-/versions.json")
                break
            except OSError:
                time.sleep(0.1)
        pages = {
            "search": lambda: {"q": " ".join(rng.sample(words, rng.choice([1, 2])))},
            "exact": lambda: {"q": rng.choice(phrases)},
            "speaker": lambda: {"name": rng.choice(names)},
            "speaker_quotes": lambda: {"name": rng.choice(names)},
            "statement": lambda: {"id": rng.choice(statements)},
        }
        print(f"{quotes} quotes; {args.requests} requests a page over loopback, one at a time")
        print(f"{'page':16} {'median ms':>10} {'p95 ms':>8} {'target':>7}")
        for page, params in pages.items():
            for _ in range(5):  # warm the page cache
                timed(base + page + "?" + urllib.parse.urlencode(params()))
            times = sorted(timed(base + page + "?" + urllib.parse.urlencode(params())) for _ in range(args.requests))
            p95 = times[int(0.95 * (len(times) - 1))]
            ok = "ok" if statistics.median(times) < TARGETS[page] and p95 < TARGETS[page] else "SLOW"
            print(f"{page:16} {statistics.median(times):>10.1f} {p95:>8.1f} {TARGETS[page]:>5} {ok}", flush=True)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
