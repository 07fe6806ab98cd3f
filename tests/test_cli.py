"""The command line: extract, build and eval, with clear errors for bad input."""
import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import SAMPLES, shared_file
from quotes.cli import main

EXPECTED_FIELDS = {"article_id", "start", "end", "text", "type", "speaker", "speaker_mention", "speaker_kind",
                   "cue", "rule", "confidence"}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_extract_jsonl_lines_carry_offsets_speakers_and_rules():
    result = run("extract", SAMPLES / "sochi-2018-rt.txt", "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    text = (SAMPLES / "sochi-2018-rt.txt").read_text(encoding="utf-8")
    assert lines and all(EXPECTED_FIELDS <= set(line) for line in lines)
    assert all(text[q["start"]:q["end"]] == q["text"] for q in lines)
    koktysh = [q for q in lines if q["speaker"] == "Kirill Koktysh" and q["type"] == "direct"]
    assert len(koktysh) >= 3


def test_extract_prints_a_readable_table_by_default():
    result = run("extract", SAMPLES)
    header, *rows = result.output.splitlines()
    assert header.split() == ["SPEAKER", "TYPE", "RULE", "TEXT"]
    assert any(row.startswith("Dmitry Peskov") for row in rows)


def test_build_twice_changes_nothing(tmp_path):
    db = tmp_path / "quotes.db"
    first = run("build", db, SAMPLES)
    assert first.exit_code == 0, first.output
    conn = sqlite3.connect(db)
    quotes = conn.execute("select * from quotes order by id").fetchall()
    assert quotes and conn.execute("select count(*) from articles").fetchone()[0] == 2
    second = run("build", db, SAMPLES)
    assert "0 written, 2 unchanged" in second.output
    assert conn.execute("select * from quotes order by id").fetchall() == quotes


def test_bad_input_is_a_clear_error_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "ok"}\n{oops\n')
    result = run("extract", bad)
    assert result.exit_code == 1
    assert f"{bad}:2: line is not valid JSON" in result.output and "Traceback" not in result.output


def test_skip_errors_goes_on_and_lists_what_was_skipped(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{oops\n{"id": "a", "text": "\\"We will win the election,\\" said Mr. Smith."}\n')
    result = run("extract", bad, "--format", "jsonl", "--skip-errors")
    assert result.exit_code == 0
    assert "Skipped 1 bad input(s)" in result.output and f"{bad}:1" in result.output
    assert '"speaker": "Smith"' in result.output


def test_a_missing_spacy_pipeline_is_a_clear_error():
    result = run("extract", SAMPLES, "--model", "no_such_pipeline")
    assert result.exit_code == 1 and "spaCy pipeline 'no_such_pipeline' is not installed" in result.output


def test_every_option_is_documented():
    commands = list(main.commands.items())
    while commands:
        name, command = commands.pop()
        commands.extend((f"{name} {sub}", c) for sub, c in getattr(command, "commands", {}).items())
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"quotes {name} {param.opts} has no help"
        assert command.help, f"quotes {name} has no help"


def test_eval_reports_what_the_reference_scorer_reports(tmp_path):
    gold = shared_file("gold", "seeds.jsonl")
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(run("extract", gold, "--format", "jsonl").output)
    reference = subprocess.run([sys.executable, str(shared_file("eval", "score.py")), str(gold), str(predictions)],
                               capture_output=True, text=True, check=True).stdout
    assert run("eval", gold).output == reference
    assert run("eval", gold, "--predictions", predictions).output == reference


@pytest.mark.parametrize("name, direct, everything", [("seeds.jsonl", 0.95, 0.85)])
def test_seed_articles_meet_the_targets(name, direct, everything):
    result = json.loads(run("eval", shared_file("gold", name), "--json").output)
    assert result["direct"]["end_to_end"]["f1"] >= direct
    assert result["all"]["end_to_end"]["f1"] >= everything


def test_malformed_predictions_are_a_clear_error(tmp_path):
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text('{"article_id": "sochi-2018-rt"}\n')
    result = run("eval", shared_file("gold", "seeds.jsonl"), "--predictions", predictions)
    assert result.exit_code == 1 and "cannot score" in result.output and "Traceback" not in result.output


def test_build_in_two_processes_writes_what_one_process_writes(tmp_path):
    rows = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        result = run("build", db, shared_file("gold", "polnear-dev.jsonl"), "--no-progress", "--workers", workers,
                     "--registry", tmp_path / "none.yml")  # 84 articles: more than two workers' first batches
        assert result.exit_code == 0, result.output
        con = sqlite3.connect(db)
        rows[workers] = [con.execute(f"select * from {t} order by 1").fetchall()
                         for t in ("articles", "quotes", "speakers", "speaker_aliases", "statements")]
    assert rows[1] == rows[2] and rows[1][1]
