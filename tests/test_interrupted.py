"""A build killed mid-way leaves a consistent database, and the next build completes it."""
import json
import signal
import sqlite3
import subprocess
import sys
import time

from conftest import shared_file


def has_quotes_table(db) -> bool:
    if not db.exists():
        return False
    con = sqlite3.connect(db)
    try:
        return con.execute("select 1 from sqlite_master where name = 'quotes'").fetchone() is not None
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()


def test_a_killed_build_leaves_a_consistent_database_and_the_next_run_completes_it(tmp_path):
    gold = shared_file("gold", "polnear-train.jsonl")  # 840 articles: a build of about a minute
    db = tmp_path / "quotes.db"
    command = [sys.executable, "-m", "quotes.cli", "build", str(db), str(gold), "--no-progress", "--workers", "1",
               "--registry", str(tmp_path / "none.yml")]
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not has_quotes_table(db) and time.monotonic() < deadline:  # a loaded machine starts slowly
        time.sleep(0.5)
    time.sleep(5)  # well into the articles
    assert build.poll() is None, "the build ended before it could be interrupted"
    build.send_signal(signal.SIGKILL)
    build.wait()
    con = sqlite3.connect(db)
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    assert con.execute("select count(*) from quotes").fetchone() == (0,)  # all or nothing
    con.close()
    subprocess.run(command, check=True, capture_output=True)
    con = sqlite3.connect(db)
    articles, quotes, ids = con.execute("select (select count(*) from articles), count(*), count(distinct id) "
                                        "from quotes").fetchone()
    distinct_texts = len({json.loads(line)["text"] for line in gold.open(encoding="utf-8")})
    assert articles == distinct_texts and quotes == ids > 0  # identical articles are stored once
    assert con.execute("select count(*) from quotes where statement_id is null").fetchone() == (0,)
