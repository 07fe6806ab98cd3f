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


def test_a_second_verb_hung_under_the_reported_clause_keeps_the_speaker(quotes_in):
    quotes = quotes_in('Suu Kyi, 70, said it was too early to congratulate winners but added, '
                       '"I think you all have an idea of the results."')
    assert [(q.speaker, q.type) for q in quotes if q.type == "direct"] == [("Suu Kyi", "direct")]


def test_an_official_of_a_named_organisation_speaks_for_it(quotes_in):
    quotes = quotes_in('In a statement, a State Department official said, "We are not going to speak to '
                       'the content of these documents."')
    assert speakers(quotes) == [("State Department", "organization")]



def test_a_group_is_named_without_its_relative_clause(quotes_in):
    quotes = quotes_in("Republican lawmakers, who are close to many of the industries that oppose the new "
                       "rule, said it would cost jobs.")
    assert speakers(quotes) == [("Republican lawmakers", "group")]


def test_a_name_the_tagger_reads_as_a_verb_still_speaks(quotes_in):
    quotes = quotes_in('"Jeb wants to be a tough guy tonight," Trump shot back.')
    assert [(q.speaker, q.rule) for q in quotes] == [("Trump", "quote_then_cue")]


def test_a_spokesman_named_in_apposition_speaks_not_his_office(quotes_in):
    quotes = quotes_in("A Kremlin spokesman, Dmitry Peskov, said the talks were useful.")
    assert speakers(quotes) == [("Dmitry Peskov", "person")]


def test_an_unnamed_spokesman_speaks_for_his_office(quotes_in):
    quotes = quotes_in("A Kremlin spokesman said the talks were useful.")
    assert speakers(quotes) == [("Kremlin", "organization")]


def test_a_subject_the_tagger_reads_as_a_verb_at_the_start_of_a_sentence_is_a_name(quotes_in):
    quotes = quotes_in("Trump and his attorneys have said the company would return in some form.")
    assert [(q.speaker, q.text) for q in quotes] == [("Trump", "the company would return in some form")]


def test_a_title_abbreviation_does_not_end_the_sentence_before_the_name(quotes_in):
    quotes = quotes_in('"We see no reason to change our operations," said Pentagon spokesman Navy Capt. Jeff Davis, '
                       'who was asked about the strategy.')
    assert speakers(quotes)[0] == ("Jeff Davis", "person")


def test_a_name_is_not_looked_for_in_the_clause_about_the_speaker(quotes_in):
    quotes = quotes_in('"The numbers do not add up," said Elmendorf, who supports Clinton but is not working for her.')
    assert speakers(quotes)[0][0] == "Elmendorf"


def test_a_name_that_is_the_whole_of_a_quote_is_a_slogan_not_a_person(quotes_in):
    quotes = quotes_in("A man at the rally wore a shirt that read ''Fascist Trump,'' and others carried signs.\n\n"
                       "Mr. Trump said he had not seen the fight.")
    assert speakers(quotes) == [("Trump", "person")]


def test_the_subject_of_a_copula_before_a_colon_speaks_the_quote(quotes_in):
    quotes = quotes_in("The Central Election Commission was conclusive in its findings: “Further discussion of "
                       "this issue is unnecessary.”")
    assert [(q.speaker, q.rule) for q in quotes] == [("Central Election Commission", "subject_before_quote")]


def test_a_headline_in_capitals_is_no_name(quotes_in):
    quotes = quotes_in("JEROME CORSI CELEBRATES END OF RUSSIA PROBE, SAYS HE'S VINDICATED IN DECISION TO RESIST "
                       "MUELLER\n\n"
                       '"I was right all along," Jerome Corsi said on Monday.')
    assert "JEROME CORSI CELEBRATES END OF RUSSIA PROBE" not in {q.speaker for q in quotes}
    assert ("Jerome Corsi", "person") in speakers(quotes)


def test_a_name_that_ner_ends_at_its_particle_goes_on_through_it(quotes_in):
    quotes = quotes_in('"We will not accept this," said Ursula von der Leyen, the European Commission president.')
    assert speakers(quotes) == [("Ursula von der Leyen", "person")]
    flynn = quotes_in("On Friday, Michael Flynn - who Mr Trump sacked as national security adviser - pleaded "
                      "guilty.\n\nMr Trump said that he had never asked James Comey to stop the investigation.")
    assert {q.speaker for q in flynn} == {"Trump"}  # NER's "Michael Flynn - who" ends on no particle
