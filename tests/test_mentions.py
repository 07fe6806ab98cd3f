"""How the speaker of a cue is written: names behind military titles, roles in front of names."""


def speakers(quotes):
    return [(q.speaker, q.speaker_kind) for q in quotes]


def test_a_military_rank_is_not_the_speaker(quotes_in):
    quotes = quotes_in('“The candidates left just don’t understand the military,” said Army Capt. '
                       'Christian Pardo, who said he would not vote for either Clinton or Trump.')
    assert speakers(quotes)[0] == ("Christian Pardo", "person")


def test_a_role_in_front_of_the_name(quotes_in):
    quotes = quotes_in('"Debate recap," tweeted Rubio spokesman Alex Conant. "The election is about the future."')
    assert speakers(quotes) == [("Alex Conant", "person")] * 2
    assert quotes[0].speaker_mention == "Alex Conant"


def test_a_cue_after_a_quote_of_several_sentences(quotes_in):
    quotes = quotes_in('"Crooked Hillary Clinton is spending a fortune on ads against me. I am the one '
                       'person she does not want to run against. Will be such fun!" Trump tweeted.')
    assert speakers(quotes) == [("Trump", "person")]
