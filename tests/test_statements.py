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


def test_a_verb_that_negates_counts_as_a_negation():
    assert len(statements("The rescue workers failed to find anyone between the tall corn plants",
                          "The rescue workers did not find anyone between the tall corn plants")) == 1
    assert len(statements("The driver was unable to brake in time on the wet road",
                          "The driver could not brake in time on the wet road")) == 1


def test_a_comma_between_digits_is_a_thousands_separator_only_before_three_digits():
    assert len(statements("A woman was driving towards Beckum with her two children (3,5)",
                          "A woman was driving towards Beckum with her two children (3 and 5)")) == 1
    assert len(statements("The fire destroyed 3,500 hectares of forest near the town",
                          "The fire destroyed 3,600 hectares of forest near the town")) == 2


def test_one_quantity_written_two_ways_is_the_same_number():
    assert len(statements('"It threatens a source of drinking water for 140,000 people," he said.',
                          '"It threatens the source of drinking water for 140, 000 people," he said.')) == 1
    assert len(statements("The shop opens at 8.00 on Saturday in the town centre",
                          "The shop opens at 8 on Saturday in the town centre")) == 1


def test_digits_in_a_name_are_no_quantity():
    assert len(statements("Not every sportsman contracting COVID-19 comes clean about it to the club",
                          "Not every sportsman contracting the coronavirus comes clean about it to the club")) == 1
    assert len(statements("The G7 will lend Belarus 600 million dollars this year",
                          "The G7 will lend Belarus 500 million dollars this year")) == 2


# Two free translations of one sentence (the first placed first, being the longest) and a
# closer one that joins the second: only a second look brings the first in.
FREE_FIRST = ("The police are still investigating the man who was detained on Sunday evening close to the "
              "Beckum railway station")
FREE_SECOND = "Officers keep up their inquiry into a suspect who was held on Sunday night at the main station"
BETWEEN = "Officers keep up their inquiry into the man detained on Sunday evening at Beckum station"


def test_a_wording_left_alone_because_it_came_first_gets_a_second_look():
    clusterer = Clusterer()
    placed = clusterer.add([("1", FREE_FIRST, None), ("2", FREE_SECOND, None), ("3", BETWEEN, None)])
    assert placed["1"].statement == placed["2"].statement == placed["3"].statement
    assert [s.size for s in clusterer.statements] == [0, 3]  # the statement it began is emptied


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


class FakeEmbedder:
    """Sentence vectors chosen by the test: texts of one group point the same way, every other
    text its own way."""

    def __init__(self, groups):
        self.column = {text: i for i, group in enumerate(groups) for text in group}

    def embed(self, texts):
        import numpy as np

        vectors = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, self.column.setdefault(text, len(set(self.column.values())))] = 1.0
        return vectors


HALF_ALIKE = ("Once again he called for the resignation of Borisov and his government",
              "Again he demanded that Borisov and his cabinet resign")


def test_the_semantic_scorer_joins_wordings_that_mean_the_same_and_share_few_words():
    from quotes.statements import SIMILARITY, Variant, similarity

    assert similarity(Variant.of("a", HALF_ALIKE[0]), Variant.of("b", HALF_ALIKE[1])) < SIMILARITY
    lexical = Clusterer().add([("a", HALF_ALIKE[0], None), ("b", HALF_ALIKE[1], None)])
    alike = Clusterer(embedder=FakeEmbedder([HALF_ALIKE])).add([("a", HALF_ALIKE[0], None),
                                                              ("b", HALF_ALIKE[1], None)])
    apart = Clusterer(embedder=FakeEmbedder([])).add([("a", HALF_ALIKE[0], None), ("b", HALF_ALIKE[1], None)])
    assert lexical["a"].statement != lexical["b"].statement
    assert alike["a"].statement == alike["b"].statement
    assert apart["a"].statement != apart["b"].statement


def test_the_nearest_leaders_are_candidates_even_without_a_shared_word():
    texts = ("The talks were fruitful", "Negotiations went well")
    c = Clusterer(embedder=FakeEmbedder([texts]))
    c.add([("a", texts[0], None)])
    [v] = c.variants([("b", texts[1], None)])
    assert c._candidates(v) == {0}
    assert Clusterer()._candidates(v) == set()


def test_the_guards_hold_with_the_semantic_scorer():
    pairs = [("The talks in Sochi were very good and useful for both sides",
              "The talks in Sochi were not very good and useful for both sides"),
             ("Russia will lend Belarus 600 million dollars this year",
              "Russia will lend Belarus 500 million dollars this year")]
    for pair in pairs:
        placed = Clusterer(embedder=FakeEmbedder([pair])).add([("a", pair[0], None), ("b", pair[1], None)])
        assert placed["a"].statement != placed["b"].statement


def test_the_bundled_semantic_model_loads_without_the_network():
    import pytest

    pytest.importorskip("wordllama")
    from quotes.semantic import Embedder

    vectors = Embedder().embed(["Police are still investigating the man.",
                                "The police continue their investigation into the man.",
                                "Belarus is our closest ally and economic partner."])
    assert vectors.shape[0] == 3 and abs(float(vectors[0] @ vectors[0]) - 1) < 1e-3
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.2


def test_cluster_semantic_without_wordllama_is_a_clear_error(monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "wordllama", None)  # as if it were not installed
    texts = tmp_path / "t.jsonl"
    texts.write_text('{"id": "a", "text": "The talks were good"}\n')
    result = CliRunner().invoke(main, ["cluster", str(texts), "--semantic"])
    assert result.exit_code == 1 and "pip install 'quotes[semantic]'" in result.output


def test_the_model_is_sure_of_one_wording_and_of_unrelated_ones():
    from quotes.statements import Variant, similarity

    same = Variant.of("a", "The talks were very good and useful for both sides")
    other = Variant.of("b", "Belarus will buy Russian oil at the world price next year")
    assert similarity(same, same) > 0.99
    assert similarity(same, other) < 0.01
