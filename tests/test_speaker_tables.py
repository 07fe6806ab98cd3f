"""Corpus speakers in the database: aliases, roles, curation that survives rebuilds, export."""
import json
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import SAMPLES
from quotes.cli import main


def run(*args, ok=True):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert (result.exit_code == 0) == ok, result.output
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The demo database, built once; tests that change it work on a copy."""
    path = tmp_path_factory.mktemp("db") / "quotes.db"
    registry = path.parent / "none.yml"
    run("build", path, SAMPLES, "--no-progress", "--registry", registry)
    return path


@pytest.fixture
def db(built, tmp_path):
    copy = tmp_path / "quotes.db"
    copy.write_bytes(built.read_bytes())
    return copy


def speakers(db):
    return {s["name"]: s for s in map(json.loads, run("speakers", "list", db, "--format", "jsonl").output.splitlines())}


def test_one_speaker_for_every_spelling_across_articles(built):
    found = speakers(built)
    lukashenko = found["Alexander Lukashenko"]
    assert {"Lukashenko", "Lukashenka", "Lukashenkko", "Alexei Lukashenko"} <= set(lukashenko["aliases"])
    assert "the Belarusian leader" in lukashenko["roles"] and lukashenko["articles"] == 2
    assert set(found["Dmitry Peskov"]) >= {"id", "name", "kind", "aliases", "roles", "quotes"}
    assert found["Kremlin"]["kind"] == "organization"


def test_every_attributed_quote_links_to_a_corpus_speaker_with_its_step(built):
    con = sqlite3.connect(built)
    unlinked = con.execute("select count(*) from quotes where speaker is not null and speaker_id is null").fetchone()
    steps = {r[0] for r in con.execute("select distinct speaker_step from quotes where speaker_id is not null")}
    assert unlinked == (0,) and "shared_role" in steps
    total = con.execute("select sum(quote_count) from speakers").fetchone()[0]
    assert total == con.execute("select count(*) from quotes where speaker_id is not null").fetchone()[0]


def test_corrections_survive_a_rebuild(db, tmp_path):
    registry = tmp_path / "none.yml"
    quote = sqlite3.connect(db).execute("select id from quotes where speaker = 'Kirill Koktysh' "
                                        "order by start limit 1").fetchone()[0]
    run("speakers", "rename", db, "Koktysh", "Kirill V. Koktysh", "--registry", registry)
    run("speakers", "split", db, "Lukashenko", "Alexei Lukashenko", "--registry", registry)
    run("fix", db, quote, "--speaker", "Dmitry Peskov", "--registry", registry)
    run("build", db, SAMPLES, "--no-progress", "--registry", registry)
    found = speakers(db)
    assert "Kirill V. Koktysh" in found and "Kirill Koktysh" not in found
    assert "Alexei Lukashenko" in found and "Alexei Lukashenko" not in found["Alexander Lukashenko"]["aliases"]
    row = sqlite3.connect(db).execute("select s.name, q.speaker_step from quotes q join speakers s "
                                      "on s.id = q.speaker_id where q.id = ?", [quote]).fetchone()
    assert row == ("Dmitry Peskov", "correction")


def test_the_kind_the_registry_gives_wins_over_the_kind_ner_gave(db, tmp_path):
    registry = tmp_path / "speakers.yml"
    registry.write_text("- name: RT\n  kind: organization\n- name: Kirill Koktysh\n  kind: organization\n")
    run("build", db, SAMPLES, "--no-progress", "--registry", registry)
    assert speakers(db)["Kirill Koktysh"]["kind"] == "organization"  # taken for a person by NER


def test_merge_and_export_back_to_the_registry(db, tmp_path):
    registry = tmp_path / "speakers.yml"
    run("speakers", "merge", db, "Vladimir Putin", "Kremlin", "--registry", registry)
    assert "Kremlin" in speakers(db)["Vladimir Putin"]["aliases"]
    run("speakers", "export", db, "--registry", registry)
    assert "Kremlin" in registry.read_text(encoding="utf-8")


def test_the_registry_names_speakers_and_gives_wikidata_ids(db, tmp_path):
    registry = tmp_path / "speakers.yml"
    registry.write_text("- name: Alexander Grigoryevich Lukashenko\n  wikidata: Q0000001\n"
                        "  aliases: [Alexander Lukashenko]\n", encoding="utf-8")
    run("speakers", "resolve", db, "--registry", registry)
    found = speakers(db)
    assert found["Alexander Grigoryevich Lukashenko"]["wikidata"] == "Q0000001"


def test_a_broken_registry_is_a_clear_error(db, tmp_path):
    registry = tmp_path / "speakers.yml"
    registry.write_text("- name: A\n  aliases: [B\n- name: C\n", encoding="utf-8")
    result = run("speakers", "resolve", db, "--registry", registry, ok=False)
    assert "speakers.yml:" in result.output and "Traceback" not in result.output


def test_unknown_names_are_clear_errors_with_suggestions(db):
    result = run("speakers", "show", db, "Peskof", ok=False)
    assert "no speaker called 'Peskof'" in result.output and "Dmitry Peskov" in result.output
    assert "no such database" in run("speakers", "list", db.parent / "missing.db", ok=False).output


def test_export_gives_every_quote_with_its_corpus_speaker(built):
    lines = [json.loads(line) for line in run("export", built).output.splitlines()]
    assert len(lines) == sqlite3.connect(built).execute("select count(*) from quotes").fetchone()[0]
    assert {"speaker_id", "speaker_name", "published", "outlet", "url", "start", "end", "rule"} <= set(lines[0])
    assert {q["speaker_name"] for q in lines if q["speaker"] == "Alexei Lukashenko"} == {"Alexander Lukashenko"}
