"""Direct quotes found by their marks, in the messy copy of translated news."""
from quotes.marks import find_quote_spans


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quote_spans(text)]


def test_straight_and_typographic_marks():
    assert quoted('He said "we will win" today.') == ["we will win"]
    assert quoted("He said “we will win” today.") == ["we will win"]
    assert quoted("Он сказал «мы победим» сегодня.") == ["мы победим"]
    assert quoted("Er sagte „wir gewinnen“ heute.") == ["wir gewinnen"]


def test_double_apostrophes_of_wire_copy():
    assert quoted("''There are big issues,'' said Steven Ekovich.") == ["There are big issues,"]


def test_apostrophes_are_not_quote_marks():
    assert quoted("Russia's president didn't say it.") == []


def test_closing_mark_with_a_stray_space_before_it():
    text = '"It\'s just that Minsk and Moscow differ on problems, "Kirill Koktysh said.'
    assert quoted(text) == ["It's just that Minsk and Moscow differ on problems, "]


def test_quote_resumed_after_a_dash_without_its_opening_mark():
    text = ('"There are some disagreements, "Kirill Koktysh said in a conversation with RT. '
            '- However, these issues need to be resolved. "')
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["There are some disagreements, ",
                                                     "However, these issues need to be resolved. "]
    assert spans[1].how == "resumed_after_dash" and spans[1].open_mark is None


def test_closing_mark_only_quotes_from_the_paragraph_start():
    text = 'Intro.\nNothing happened ... The talks were very good," the spokesman said.'
    assert quoted(text) == ["Nothing happened ... The talks were very good,"]


def test_quote_running_over_paragraphs_is_one_piece_per_paragraph():
    text = '"The first paragraph of the speech goes on.\n\n"And the second one ends here," he said.'
    assert quoted(text) == ["The first paragraph of the speech goes on.", "And the second one ends here,"]


def test_an_unbalanced_mark_damages_only_its_own_paragraph():
    text = 'He spoke of the "spark between them.\n\n"We are allies," Lukashenko said.'
    assert quoted(text)[-1] == "We are allies,"


def test_a_quote_inside_a_quote_in_the_same_marks_stays_inside():
    text = "He tweeted: “People wearing “Settle For Hillary” shirts ... ouch.” Then he left."
    assert quoted(text) == ["People wearing “Settle For Hillary” shirts ... ouch."]


def test_two_opening_marks_without_an_inner_quote_are_a_lost_closing_mark():
    text = "He said “we will win. She said “no way” and “never”."
    assert quoted(text) == ["we will win. She said", "no way", "never"]


def test_interrupted_quote_gives_two_pieces():
    text = '"We are friends," he said, "and we will stay friends."'
    assert quoted(text) == ["We are friends,", "and we will stay friends."]


def test_spans_point_inside_their_marks():
    text = 'A "b c" d “e f” g'
    for span in find_quote_spans(text):
        assert text[span.open_mark] in "\"“" and span.start == span.open_mark + 1
        assert text[span.close_mark] in "\"”" and span.end == span.close_mark


def test_titles_and_abbreviations_do_not_end_a_sentence():
    from quotes.marks import sentences

    text = "It was said by Rev. Kyev Tatum of Ft. Worth and Adm. Harry Harris. Then he left."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "It was said by Rev. Kyev Tatum of Ft. Worth and Adm. Harry Harris.", "Then he left."]
