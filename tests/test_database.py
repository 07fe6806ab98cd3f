"""The database stage: one transaction a build, idempotent, nothing stale, nothing twice."""
import sqlite3

import pytest

from quotes.database import write_results
from quotes.model import Article, Quote


def article(id_, text="Peskov said the talks were good.", **meta):
    return Article(id=id_, text=text, **meta)


def quote(article_id, start=13, end=32, speaker="Dmitry Peskov", kind="person", mention=(0, 6)):
    return Quote(article_id=article_id, start=start, end=end, text="the talks were good", type="indirect",
                 speaker=speaker, speaker_mention="Peskov", speaker_kind=kind, cue="said", rule="verb_clause",
                 confidence=0.85, mention_start=mention[0], mention_end=mention[1], extra={"resolution": "name"})


def dump(path):
    conn = sqlite3.connect(path)
    tables = ["articles", "speakers", "mentions", "quotes", "builds"]
    data = {t: sorted(map(tuple, conn.execute(f"select * from {t}"))) for t in tables}
    conn.close()
    return data


def test_rows_and_foreign_keys(tmp_path):
    db = tmp_path / "q.db"
    stats = write_results(db, [(article("a", outlet="RT"), [quote("a")])], version="test")
    assert (stats.articles_written, stats.quotes, stats.speakers) == (1, 1, 1)
    conn = sqlite3.connect(db)
    row = conn.execute("select q.text, s.name, s.kind, m.text, a.outlet, q.rule, q.resolution from quotes q "
                       "join speakers s on s.id = q.speaker_id join mentions m on m.id = q.mention_id "
                       "join articles a on a.id = q.article_id").fetchone()
    assert row == ("the talks were good", "Dmitry Peskov", "person", "Peskov", "RT", "verb_clause", "name")
    assert conn.execute("pragma foreign_key_check").fetchall() == []


def test_a_second_build_changes_nothing(tmp_path):
    db = tmp_path / "q.db"
    results = [(article("a"), [quote("a")]), (article("b", "Lavrov said nothing new today."), [])]
    write_results(db, results)
    before = dump(db)
    stats = write_results(db, results)
    assert dump(db) == before
    assert (stats.articles_unchanged, stats.articles_written) == (2, 0)


def test_a_changed_article_replaces_its_quotes(tmp_path):
    db = tmp_path / "q.db"
    write_results(db, [(article("a"), [quote("a")])])
    changed = article("a", "Peskov said the talks were good. Lavrov said so too.")
    write_results(db, [(changed, [quote("a", start=39, end=45, speaker="Sergei Lavrov", mention=(33, 39))])])
    data = dump(db)
    assert [q[4] for q in data["quotes"]] == ["the talks were good"] and len(data["quotes"]) == 1
    assert [s[1] for s in data["speakers"]] == ["Sergei Lavrov"]  # Peskov has no quote left
    assert [m[5] for m in data["mentions"]] == ["Lavrov"]


def test_identical_text_under_another_id_is_stored_once(tmp_path):
    db = tmp_path / "q.db"
    stats = write_results(db, [(article("a"), [quote("a")]), (article("copy"), [quote("copy")])])
    assert (stats.articles_written, stats.duplicates) == (1, 1)
    assert [a[0] for a in dump(db)["articles"]] == ["a"]


def test_quotes_sharing_a_mention_store_it_once_and_counts_add_up(tmp_path):
    db = tmp_path / "q.db"
    text = "Peskov said the talks were good and the talks were long."
    quotes = [quote("a"), quote("a", start=37, end=55)]
    write_results(db, [(article("a", text), quotes), (article("b", "Peskov said the talks were good!"),
                                                      [quote("b")])])
    data = dump(db)
    assert len(data["mentions"]) == 2  # one per article
    assert [(s[1], s[3], s[4]) for s in data["speakers"]] == [("Dmitry Peskov", 3, 2)]


class Boom(Exception):
    pass


def failing(results, after):
    for i, item in enumerate(results):
        if i == after:
            raise Boom()
        yield item


def test_an_interrupted_build_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "q.db"
    write_results(db, [(article("a"), [quote("a")])])
    before = dump(db)
    more = [(article(f"n{i}", f"Text number {i} said here."), []) for i in range(5)]
    with pytest.raises(Boom):
        write_results(db, failing([(article("a", "Peskov said the talks were bad."), [])] + more, 3))
    assert dump(db) == before


def test_an_interrupted_first_build_leaves_no_database(tmp_path):
    db = tmp_path / "new.db"
    with pytest.raises(KeyboardInterrupt):
        write_results(db, _interrupt())
    assert not db.exists()


def _interrupt():
    yield (article("a"), [quote("a")])
    raise KeyboardInterrupt


def test_a_new_attribution_of_the_same_quote_is_written(tmp_path):
    db = tmp_path / "q.db"
    write_results(db, [(article("a"), [quote("a")])])
    stats = write_results(db, [(article("a"), [quote("a", speaker="Sergei Lavrov")])])
    assert stats.articles_written == 1
    assert [s[1] for s in dump(db)["speakers"]] == ["Sergei Lavrov"]
