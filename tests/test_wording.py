"""Word-level comparison of two wordings of one statement."""
from quotes.wording import compare


def test_what_differs_and_what_is_the_same():
    pieces = compare("Nothing happened ... The talks were very good",
                     "Nothing has happened. The negotiations were very good.")
    assert [(p.same, p.a, p.b) for p in pieces] == [
        (True, "Nothing", "Nothing"), (False, "", "has"), (True, "happened", "happened."),
        (False, "...", ""), (True, "The", "The"), (False, "talks", "negotiations"),
        (True, "were very good", "were very good."),
    ]


def test_each_side_keeps_its_own_words():
    pieces = compare("“We are FRIENDS”", "we are friends")
    assert [p.same for p in pieces] == [True] and pieces[0].a == "“We are FRIENDS”"
