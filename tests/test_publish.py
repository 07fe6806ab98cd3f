"""The published Datasette, through Datasette's own client: pages, JSON, CSV and escaping."""
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from datasette.app import Datasette

from conftest import ROOT, SAMPLES
from quotes.cli import main
from quotes.serve import SETTINGS

XSS = {"id": "xss", "outlet": "Evil Daily", "published": "2020-09-16",
       "text": '"<script>alert(1)</script> The talks were very good," Dmitry Peskov said.'}


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("publish")
    extra = folder / "xss.jsonl"
    extra.write_text(json.dumps(XSS) + "\n", encoding="utf-8")
    db = folder / "quotes.db"
    result = CliRunner().invoke(main, ["build", str(db), str(SAMPLES), str(extra), "--no-progress",
                                       "--registry", str(ROOT / "db" / "speakers.yml")])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def datasette(database):
    metadata = yaml.safe_load((ROOT / "db" / "metadata.yml").read_text(encoding="utf-8"))
    return Datasette(immutables=[str(database)], metadata=metadata, plugins_dir=str(ROOT / "db" / "plugins"),
                     template_dir=str(ROOT / "db" / "templates"),
                     settings={k: v == "on" if v in ("on", "off") else int(v) for k, v in SETTINGS.items()})


@pytest.mark.asyncio
async def test_search_finds_words_best_first_with_highlighted_snippets(datasette):
    rows = (await datasette.client.get("/quotes/search.json?q=very+good&_shape=array")).json()
    assert rows and all("\x02" in r["snippet"] for r in rows)
    assert rows[0]["speaker"] == "Dmitry Peskov"
    page = (await datasette.client.get("/quotes/search?q=very+good")).text
    assert "<mark>very</mark>" in page


@pytest.mark.asyncio
async def test_search_takes_any_input_without_an_error(datasette):
    response = await datasette.client.get('/quotes/search.json?q=%22very+good&_shape=array')
    assert response.status_code == 200


@pytest.mark.asyncio
async def test_exact_wording_search_finds_the_phrase_as_written(datasette):
    rows = (await datasette.client.get("/quotes/exact.json?q=talks+were+very+good&_shape=array")).json()
    assert rows and all("talks were very good" in r["text"] for r in rows)
    assert (await datasette.client.get("/quotes/exact.json?q=were+good+talks&_shape=array")).json() == []


@pytest.mark.asyncio
async def test_speaker_page_works_with_any_alias(datasette):
    for name in ("Alexander Lukashenko", "Lukashenka", "lukashenkko"):
        rows = (await datasette.client.get(f"/quotes/speaker_quotes.json?name={name}&_shape=array")).json()
        assert rows and {r["speaker"] for r in rows} == {"Alexander Lukashenko"}


@pytest.mark.asyncio
async def test_statement_page_lists_every_wording(datasette):
    (quote,) = (await datasette.client.get("/quotes/search.json?q=nothing+happened&_shape=array")).json()[:1]
    rows = (await datasette.client.get(f"/quotes/statement.json?id={quote['statement_id']}&_shape=array")).json()
    assert quote["quote_id"] in {r["quote_id"] for r in rows}


@pytest.mark.asyncio
async def test_csv_of_a_query(datasette):
    response = await datasette.client.get("/quotes/speaker_quotes.csv?name=Peskov")
    assert response.status_code == 200 and response.text.startswith("speaker,kind,published")


@pytest.mark.asyncio
async def test_everything_from_articles_is_escaped(datasette):
    for path in ("/quotes/search?q=alert", "/quotes/exact?q=script", "/quotes/quotes?_search=alert",
                 "/quotes/articles/xss"):
        page = (await datasette.client.get(path)).text
        assert "<script>alert(1)</script>" not in page, path
    assert "&lt;script&gt;" in (await datasette.client.get("/quotes/exact?q=script")).text


@pytest.mark.asyncio
async def test_the_published_database_is_read_only(datasette):
    response = await datasette.client.get("/quotes.json?sql=delete+from+quotes")
    assert response.status_code == 400
    rows = (await datasette.client.get("/quotes.json?sql=select+count(*)+as+n+from+quotes&_shape=array")).json()
    assert rows[0]["n"] > 0


def test_serve_publishes_read_only_as_quotes(tmp_path):
    from quotes.serve import datasette_args

    other = tmp_path / "archive.db"
    other.write_bytes(b"")
    args = datasette_args(other, "127.0.0.1", 8001)
    served = Path(args[args.index("--immutable") + 1])
    assert served.name == "quotes.db" and served.resolve() == other.resolve()
    assert "--metadata" in args and ["--setting", "suggest_facets", "off"] == args[args.index("suggest_facets") - 1:
                                                                                   args.index("suggest_facets") + 2]


@pytest.mark.asyncio
async def test_statement_page_highlights_the_words_that_differ(datasette):
    (quote,) = (await datasette.client.get("/quotes/search.json?q=nothing+happened&_shape=array")).json()[:1]
    page = (await datasette.client.get(f"/quotes/statement?id={quote['statement_id']}")).text
    assert "<mark>Nothing happened ... The talks were very good,</mark>" in page  # the quote in its sentence


@pytest.mark.asyncio
async def test_quote_page_says_why_it_was_attributed(datasette):
    (quote,) = (await datasette.client.get("/quotes/search.json?q=nothing+happened&_shape=array")).json()[:1]
    (row,) = (await datasette.client.get(f"/quotes/quote.json?id={quote['quote_id']}&_shape=array")).json()
    assert row["speaker"] == "Dmitry Peskov" and row["rule"] and row["resolution"] and row["confidence"] > 0
    assert "\x02Nothing happened" in row["context"]


@pytest.mark.asyncio
async def test_speaker_page_by_any_alias(datasette):
    (row,) = (await datasette.client.get("/quotes/speaker.json?name=Lukashenkko&_shape=array")).json()
    assert row["name"] == "Alexander Lukashenko" and "Lukashenka" in row["aliases"]
    assert "Belarusian" in row["roles"]


def test_wording_diff_marks_what_differs():
    import importlib.util

    spec = importlib.util.spec_from_file_location("quotes_pages", ROOT / "db" / "plugins" / "quotes_pages.py")
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    assert plugin.wording_diff("The talks were very good", "The negotiations were very good") == \
        "The \x02negotiations\x03 were very good"


@pytest.mark.asyncio
async def test_quotes_facet_by_speaker_outlet_type_and_month(datasette):
    data = (await datasette.client.get("/quotes/quote_list.json")).json()
    assert set(data["facet_results"]) == {"speaker", "outlet", "type", "month"}


@pytest.mark.asyncio
async def test_pages_link_to_each_other_and_the_profile_draws_quotes_by_month(datasette):
    page = (await datasette.client.get("/quotes/search?q=very+good")).text
    assert 'href="/quotes/statement?id=' in page and 'href="/quotes/quote?id=' in page
    assert 'href="/quotes/speaker?name=Dmitry+Peskov"' in page
    profile = (await datasette.client.get("/quotes/speaker?name=Evil+Daily")).text
    assert profile.count("<svg") == 0  # nobody by that name: no chart, no error
    profile = (await datasette.client.get("/quotes/speaker?name=Peskov")).text
    assert '<svg width="12" height="60"' in profile and "2020-09: 1" in profile


@pytest.mark.asyncio
async def test_statement_template_shows_wordings_side_by_side_escaped(datasette):
    (row,) = (await datasette.client.get("/quotes/exact.json?q=alert(1)&_shape=array")).json()
    page = (await datasette.client.get(f"/quotes/statement?id={row['statement_id']}")).text
    assert page.count('class="wording"') >= 1 and "<mark>" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


@pytest.mark.asyncio
async def test_speaker_template_shows_name_aliases_roles_and_a_link_to_every_quote(datasette):
    page = (await datasette.client.get("/quotes/speaker?name=Lukashenka")).text
    assert "<h1>Alexander Lukashenko</h1>" in page and "the Belarusian leader" in page
    assert 'href="/quotes/speaker_quotes?name=Lukashenka"' in page
    assert "Nobody by that name" in (await datasette.client.get("/quotes/speaker?name=Nobody")).text


def test_every_table_and_column_is_described(database):
    import sqlite_utils

    tables = yaml.safe_load((ROOT / "db" / "metadata.yml").read_text(encoding="utf-8"))["databases"]["quotes"]["tables"]
    db = sqlite_utils.Database(database)
    for name in db.table_names():
        if name.endswith(("_fts", "_exact")) or "_fts_" in name or "_exact_" in name:
            continue  # search indexes, hidden
        described = tables.get(name, {})
        assert described.get("description"), name
        assert set(db[name].columns_dict) <= set(described.get("columns", {})), name
