"""Quote variants grouped into statements: translations join, negations and numbers never do."""
import json

from click.testing import CliRunner

from quotes.cli import main
from quotes.statements import Clusterer


def statements(*texts, speaker=None):
    placed = Clusterer().add((str(i), t, speaker) for i, t in enumerate(texts))
    groups = {}
    for i, t in enumerate(texts):
        groups.setdefault(placed[str(i)].statement, []).append(t)
    return sorted(groups.values())


def test_two_translations_of_one_statement_join():
    assert len(statements("Nothing happened ... The talks were very good",
                          "Nothing has happened. The negotiations were very good.")) == 1


def test_wordings_that_differ_in_case_and_punctuation_are_one_variant():
    placed = Clusterer().add([("a", "“We are friends,” he said", None), ("b", "we are FRIENDS he said!", None)])
    assert placed["a"].statement == placed["b"].statement and placed["b"].similarity == 1.0


def test_a_negated_wording_never_joins():
    assert len(statements("The talks in Sochi were very good and useful for both sides",
                          "The talks in Sochi were not very good and useful for both sides")) == 2


def test_different_numbers_never_join():
    assert len(statements("Russia will lend Belarus 600 million dollars this year",
                          "Russia will lend Belarus 500 million dollars this year")) == 2
    assert len(statements("The storage period must be extended for six months, the minister said",
                          "The storage period must be extended, the minister said")) == 2


def test_unrelated_quotes_stay_apart():
    assert len(statements("The talks were very good and useful for both sides",
                          "Belarus is our closest ally and economic partner")) == 2


def test_the_same_words_from_two_speakers_are_two_statements():
    c = Clusterer()
    a = c.add([("1", "We will never give up our independence", "Alexander Lukashenko")])
    b = c.add([("2", "We will never give up our independence", "Vladimir Putin")])
    assert a["1"].statement != b["2"].statement


def test_an_excerpt_is_linked_to_the_longer_quote_not_merged():
    c = Clusterer()
    placed = c.add([("long", "We have problems that are resolved quickly and which are not solved for a long "
                             "time, but new problems, fortunately, are few", None),
                    ("short", "problems that are resolved quickly", None)])
    assert placed["short"].statement != placed["long"].statement
    assert placed["short"].excerpt_of == placed["long"].statement


def test_new_quotes_join_the_statements_already_there():
    c = Clusterer()
    first = c.add([("1", "Nothing happened ... The talks were very good", None),
                   ("2", "Belarus is our closest ally and economic partner", None)])
    later = c.add([("3", "Nothing has happened. The negotiations were very good.", None),
                   ("4", "Belarus is our closest ally and our economic partner", None)])
    assert later["3"].statement == first["1"].statement and later["4"].statement == first["2"].statement
    assert len(c.statements) == 2


def test_every_wording_is_counted_and_the_longest_leads():
    c = Clusterer()
    c.add([("1", "Nothing happened ... The talks were very good", None),
           ("2", "Nothing has happened. The negotiations were very good.", None),
           ("3", "nothing happened... the talks were VERY good", None)])
    (statement,) = c.statements
    assert statement.size == 3 and statement.leader.text == "Nothing has happened. The negotiations were very good."


def test_cluster_command_prints_what_the_scorer_reads(tmp_path):
    path = tmp_path / "texts.jsonl"
    path.write_text('{"id": "a", "text": "The talks were very good"}\n'
                    '{"id": "b", "text": "The negotiations were very good"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["cluster", str(path)])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [row["id"] for row in lines] == ["a", "b"] and lines[0]["cluster_id"] == lines[1]["cluster_id"]
    path.write_text('{"id": "a", "text": "fine"}\n{"id": "b"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["cluster", str(path)])
    assert result.exit_code == 1 and "texts.jsonl:2" in result.output
