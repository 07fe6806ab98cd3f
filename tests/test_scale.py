"""Builds at scale: on a Dask cluster, and incremental runs that parse only what is new."""
import json
import sqlite3
import subprocess
import sys

from click.testing import CliRunner

from conftest import SAMPLES, SHARED
from quotes import extract
from quotes.cli import main

TABLES = ("articles", "quotes", "mentions", "speakers", "speaker_aliases", "speaker_roles", "statements")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def contents(db):
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"select * from {t} order by 1").fetchall() for t in TABLES}
    finally:
        con.close()


def write_jsonl(path, articles):
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles), encoding="utf-8")
    return path


def parsed_ids(monkeypatch):
    """Record the id of every article the extractor parses in this process."""
    seen = []
    original = extract.Extractor.extract_many

    def recording(self, articles):
        for article in articles:
            seen.append(article.id)
            yield from original(self, [article])

    monkeypatch.setattr(extract.Extractor, "extract_many", recording)
    return seen


def test_a_build_on_a_dask_local_cluster_writes_what_one_process_writes(tmp_path):
    inputs = [SAMPLES]
    dev = SHARED / "gold" / "polnear-dev.jsonl"
    if dev.exists():
        inputs.append(dev)  # 84 more articles, many batches in flight
    registry = tmp_path / "none.yml"
    one = run("build", tmp_path / "one.db", *inputs, "--workers", 1, "--no-progress", "--registry", registry)
    dask = run("build", tmp_path / "dask.db", *inputs, "--dask", "local", "--workers", 2, "--no-progress",
               "--registry", registry)
    assert one.exit_code == 0 and dask.exit_code == 0, one.output + dask.output
    single, cluster = contents(tmp_path / "one.db"), contents(tmp_path / "dask.db")
    assert single["quotes"] and single["speakers"] and single["statements"]
    assert cluster == single


def test_an_unreachable_dask_scheduler_is_a_clear_error(tmp_path):
    result = run("build", tmp_path / "q.db", SAMPLES, "--dask", "tcp://127.0.0.1:9", "--no-progress")
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.output
    assert not (tmp_path / "q.db").exists()


OLD = [("a", 'Peskov said: "The talks were very good." He added that nothing had happened.'),
       ("b", '"We will not allow it," Lukashenko told reporters on Friday.')]
NEW = [("c", 'Zakharova said the statement was "a provocation" and that Moscow would respond.')]


def test_a_second_build_parses_only_the_new_articles(tmp_path, monkeypatch):
    old, new = write_jsonl(tmp_path / "old.jsonl", OLD), write_jsonl(tmp_path / "new.jsonl", NEW)
    parsed = parsed_ids(monkeypatch)
    assert run("build", tmp_path / "q.db", old, "--workers", 1, "--no-progress").exit_code == 0
    assert parsed == ["a", "b"]
    result = run("build", tmp_path / "q.db", old, new, "--workers", 1, "--no-progress")
    assert result.exit_code == 0
    assert parsed == ["a", "b", "c"]
    assert "3 articles read, 1 written, 2 unchanged" in result.output
    everything = write_jsonl(tmp_path / "all.jsonl", OLD + NEW)
    run("build", tmp_path / "fresh.db", everything, "--workers", 1, "--no-progress")
    incremental, fresh = contents(tmp_path / "q.db"), contents(tmp_path / "fresh.db")
    assert incremental["quotes"] == fresh["quotes"] and incremental["speakers"] == fresh["speakers"]


def test_a_changed_article_is_parsed_again_and_replaces_its_quotes(tmp_path, monkeypatch):
    parsed = parsed_ids(monkeypatch)
    run("build", tmp_path / "q.db", write_jsonl(tmp_path / "v1.jsonl", OLD), "--workers", 1, "--no-progress")
    changed = [OLD[0], ("b", '"We will never allow it," Lukashenko told reporters on Saturday.')]
    run("build", tmp_path / "q.db", write_jsonl(tmp_path / "v2.jsonl", changed), "--workers", 1, "--no-progress")
    assert parsed == ["a", "b", "b"]
    texts = [t for (t,) in sqlite3.connect(tmp_path / "q.db").execute("select text from quotes where article_id='b'")]
    assert texts == ["We will never allow it,"]


def test_a_new_version_of_the_extractor_parses_everything_again(tmp_path, monkeypatch):
    old = write_jsonl(tmp_path / "old.jsonl", OLD)
    run("build", tmp_path / "q.db", old, "--workers", 1, "--no-progress")
    parsed = parsed_ids(monkeypatch)
    run("build", tmp_path / "q.db", old, "--workers", 1, "--no-progress", "--reparse")
    assert parsed == ["a", "b"]
    monkeypatch.setattr(extract, "code_digest", lambda: "changed-code")
    run("build", tmp_path / "q.db", old, "--workers", 1, "--no-progress")
    assert parsed == ["a", "b", "a", "b"]
    run("build", tmp_path / "q.db", old, "--workers", 1, "--no-progress")
    assert parsed == ["a", "b", "a", "b"]  # the new version is recorded even where no quote changed


def test_the_extractors_version_covers_every_module_that_extraction_imports():
    code = "import sys, quotes.extract; print(' '.join(m for m in sys.modules if m.startswith('quotes.')))"
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert {m.removeprefix("quotes.") for m in imported.split()} <= set(extract.EXTRACTION_MODULES)


def test_a_correction_survives_an_incremental_build(tmp_path):
    db = tmp_path / "q.db"
    run("build", db, write_jsonl(tmp_path / "old.jsonl", OLD), "--workers", 1, "--no-progress")
    quote_id = sqlite3.connect(db).execute("select id from quotes where article_id = 'b'").fetchone()[0]
    assert run("fix", db, quote_id, "--speaker", "Alexander Lukashenko").exit_code == 0
    run("build", db, tmp_path / "old.jsonl", write_jsonl(tmp_path / "new.jsonl", NEW), "--workers", 1,
        "--no-progress")
    name = sqlite3.connect(db).execute(
        "select s.name from quotes q join speakers s on s.id = q.speaker_id where q.id = ?", [quote_id]).fetchone()
    assert name == ("Alexander Lukashenko",)
