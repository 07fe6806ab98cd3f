"""Statements in the database: every quote keeps its own wording and links to its statement."""
import json
import sqlite3

from click.testing import CliRunner

from quotes.cli import main
from test_statements import BETWEEN, FREE_FIRST, FREE_SECOND

ARTICLES = [
    {"id": "a", "outlet": "TASS", "published": "2020-09-14",
     "text": '"Nothing happened ... The talks were very good," Dmitry Peskov told reporters.'},
    {"id": "b", "outlet": "RT", "published": "2020-09-15",
     "text": '"Nothing has happened. The negotiations were very good," Dmitry Peskov said on Monday.'},
    {"id": "c", "outlet": "BelTA", "published": "2020-09-15",
     "text": '"Belarus is our closest ally and economic partner," Dmitry Peskov said.'},
]


def build(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "quotes.db"
    for _ in range(2):
        result = CliRunner().invoke(main, ["build", str(db), str(path), "--no-progress",
                                           "--registry", str(tmp_path / "none.yml")])
        assert result.exit_code == 0, result.output
    return db


def test_two_wordings_are_one_statement_and_keep_their_own_text(tmp_path):
    db = build(tmp_path)
    con = sqlite3.connect(db)
    rows = con.execute("select article_id, text, statement_id from quotes order by article_id").fetchall()
    assert rows[0][2] == rows[1][2] != rows[2][2]
    assert rows[1][1] == "Nothing has happened. The negotiations were very good,"
    count, outlets, first = con.execute("select variant_count, outlets, first_seen from statements "
                                        "where id = ?", [rows[0][2]]).fetchone()
    assert (count, json.loads(outlets), first) == (2, ["RT", "TASS"], "2020-09-14")


def test_export_gives_the_statement_of_every_quote(tmp_path):
    db = build(tmp_path)
    lines = [json.loads(line) for line in CliRunner().invoke(main, ["export", str(db)]).output.splitlines()]
    assert all(line["statement_id"] for line in lines) and len({line["statement_id"] for line in lines}) == 2


def test_a_later_build_places_new_quotes_into_the_statements_already_there(tmp_path):
    path, db = tmp_path / "first.jsonl", tmp_path / "quotes.db"
    registry = str(tmp_path / "none.yml")
    path.write_text(json.dumps(ARTICLES[0]) + "\n" + json.dumps(ARTICLES[2]) + "\n", encoding="utf-8")
    CliRunner().invoke(main, ["build", str(db), str(path), "--no-progress", "--registry", registry])
    before = dict(sqlite3.connect(db).execute("select article_id, statement_id from quotes"))
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(ARTICLES[1]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(db), str(later), "--no-progress", "--registry", registry])
    assert result.exit_code == 0, result.output
    after = dict(sqlite3.connect(db).execute("select article_id, statement_id from quotes"))
    assert {k: after[k] for k in before} == before and after["b"] == before["a"]


def test_a_changed_article_gives_its_statement_up_and_the_other_wordings_are_placed_again(tmp_path):
    db = build(tmp_path)
    con = sqlite3.connect(db)
    leader = con.execute("select q.article_id from statements s join quotes q on q.id = s.quote_id "
                         "where s.variant_count = 2").fetchone()[0]
    changed = dict(next(a for a in ARTICLES if a["id"] == leader),
                   text='"We will build a new nuclear plant," Dmitry Peskov told reporters.')
    path = tmp_path / "changed.jsonl"
    path.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(db), str(path), "--no-progress",
                                       "--registry", str(tmp_path / "none.yml")])
    assert result.exit_code == 0, result.output
    assert con.execute("select count(*) from quotes where statement_id is null").fetchone() == (0,)
    assert con.execute("select count(*) from statements s left join quotes q on q.id = s.quote_id "
                       "where q.id is null").fetchone() == (0,)
    assert con.execute("select count(distinct statement_id) from quotes").fetchone() == (3,)


def test_loading_only_the_statements_that_share_a_word_places_quotes_as_loading_all(tmp_path, monkeypatch):
    from conftest import SAMPLES, SHARED
    from quotes import statement_tables

    first = [SAMPLES] + ([SHARED / "gold" / "seeds.jsonl"] if (SHARED / "gold").exists() else [])
    later = tmp_path / "later.jsonl"
    later.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    placed = {}
    for mode in ("sharing a word", "all"):
        db = tmp_path / f"{mode}.db"
        run = ["--no-progress", "--registry", str(tmp_path / "none.yml"), "--workers", "1"]
        assert CliRunner().invoke(main, ["build", str(db), *map(str, first), *run]).exit_code == 0
        if mode == "all":
            members = statement_tables._members
            monkeypatch.setattr(statement_tables, "_members", lambda db, chosen: members(db, None))
        assert CliRunner().invoke(main, ["build", str(db), str(later), *run]).exit_code == 0
        placed[mode] = sqlite3.connect(db).execute(
            "select id, statement_id, statement_similarity, excerpt_of from quotes order by id").fetchall()
    assert placed["sharing a word"] == placed["all"]
    statements = sqlite3.connect(tmp_path / "all.db").execute("select count(*) from statements").fetchone()[0]
    assert statements > len(ARTICLES)


def test_a_statement_emptied_by_the_second_look_is_not_kept(tmp_path):
    path, db = tmp_path / "articles.jsonl", tmp_path / "quotes.db"
    texts = [FREE_FIRST, FREE_SECOND, BETWEEN]
    path.write_text("".join(json.dumps({"id": str(i), "text": f'"{t}," the spokesman for the police said.'}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(db), str(path), "--no-progress",
                                       "--registry", str(tmp_path / "none.yml")])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    assert con.execute("select count(distinct statement_id) from quotes").fetchone()[0] == 1
    assert con.execute("select id, variant_count from statements").fetchall() == \
        [(con.execute("select statement_id from quotes").fetchone()[0], 3)]
