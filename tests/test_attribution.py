"""Each rule of the attribution sieve, on small articles written for the test."""


def only(quotes, type_=None):
    found = [q for q in quotes if type_ is None or q.type == type_]
    assert len(found) == 1, found
    return found[0]


def test_quote_then_cue_with_an_appositive(quotes_in):
    q = only(quotes_in('"There are some disagreements, but none is critical," Kirill Koktysh, '
                       'assistant professor at MGIMO, said in a conversation with RT.'))
    assert (q.speaker, q.rule, q.type, q.speaker_kind) == ("Kirill Koktysh", "quote_then_cue", "direct", "person")
    assert q.cue == "said" and q.confidence > 0.9


def test_inverted_cue_after_the_quote(quotes_in):
    q = only(quotes_in('"We have problems that are resolved quickly," said Alexander Lukashenko.'))
    assert (q.speaker, q.rule) == ("Alexander Lukashenko", "quote_then_cue")


def test_cue_then_quote(quotes_in):
    q = only(quotes_in('Dmitry Peskov told reporters: "The talks were very good and useful for both sides."'))
    assert (q.speaker, q.rule) == ("Dmitry Peskov", "cue_then_quote")


def test_subject_after_quote_without_a_speech_verb(quotes_in):
    q = only(quotes_in('Dmitry Peskov, a spokesman for the Russian president, spoke later.\n\n'
                       '"Nothing happened ... The talks were very good," the spokesman for the Russian '
                       'president calmed the media.'))
    assert (q.speaker, q.rule) == ("Dmitry Peskov", "subject_after_quote")
    assert q.speaker_mention == "the spokesman for the Russian president"


def test_interrupted_quote_pieces_share_the_speaker(quotes_in):
    quotes = quotes_in('"We are friends," Vladimir Putin said, "and we will stay friends for many years."')
    assert [q.speaker for q in quotes] == ["Vladimir Putin", "Vladimir Putin"]


def test_resumed_quote_continues_the_previous_speaker(quotes_in):
    quotes = quotes_in('"There are some disagreements, "Kirill Koktysh said in a conversation with RT. '
                       '- However, these issues need to be resolved very soon by both governments. "')
    assert [(q.speaker, q.rule) for q in quotes] == [("Kirill Koktysh", "quote_then_cue"),
                                                     ("Kirill Koktysh", "continues_previous_quote")]


def test_speech_reported_in_the_sentence_of_a_quotes_cue_does_not_take_over_the_next_quote(quotes_in):
    quotes = quotes_in('"We are going to win so much," Lukashenko said in Minsk, two hours after officials '
                       'declared him the victor. "You are going to be so happy with the result."')
    assert [(q.type, q.speaker) for q in quotes if q.type == "direct"] == [("direct", "Lukashenko"),
                                                                          ("direct", "Lukashenko")]


def test_next_paragraph_opening_with_a_quote_continues(quotes_in):
    quotes = quotes_in('"We discussed oil and gas at length today," Lukashenko said.\n\n'
                       '"Decisions have been taken on these issues long ago, and we keep to them."')
    assert [q.speaker for q in quotes] == ["Lukashenko", "Lukashenko"]
    assert quotes[1].rule == "continues_previous_quote"


def test_a_quote_continues_across_a_paragraph_about_its_speaker(quotes_in):
    quotes = quotes_in('"He has a lot of the appeal Reagan had to Democrats," Richard Viguerie notes.\n\n'
                       "Viguerie's mood is upbeat about the senator's chances in November.\n\n"
                       '"Not only can he win in November, he is the one with the best chance of winning."')
    assert [(q.speaker, q.rule) for q in quotes] == [("Richard Viguerie", "quote_then_cue"),
                                                     ("Richard Viguerie", "continues_previous_quote")]


def test_a_paragraph_about_someone_else_ends_the_continuation(quotes_in):
    quotes = quotes_in('"He has a lot of the appeal Reagan had to Democrats," Richard Viguerie notes.\n\n'
                       "Polls in Iowa have been tightening since the debate last week.\n\n"
                       '"Not only can he win in November, he is the one with the best chance of winning."')
    assert [q.speaker for q in quotes] == ["Richard Viguerie", None]


def test_paragraph_cue(quotes_in):
    q = only(quotes_in('Gene Sperling said it at a recent event in Iowa. "I think the American people '
                       'are capable of understanding that things got better."'))
    assert (q.speaker, q.rule) == ("Gene Sperling", "paragraph_cue")


def test_pronoun_resolved_to_the_last_speaker(quotes_in):
    quotes = quotes_in('"The ministers will resolve the technical issues," Kirill Koktysh said.\n\n'
                       'Later he said that the presidents must negotiate in principle.')
    assert [(q.speaker, q.type) for q in quotes] == [("Kirill Koktysh", "direct"), ("Kirill Koktysh", "indirect")]
    assert quotes[1].speaker_mention == "he" and quotes[1].extra["resolution"] == "pronoun"


def test_she_goes_to_the_woman_who_spoke_before_not_to_the_man_who_spoke_last(quotes_in):
    quotes = quotes_in('"We will fight for every worker in this state," Elizabeth Warren said.\n\n'
                       '"The senator is wrong about trade," Kirill Koktysh said.\n\n'
                       '"Trade deals have cost this state its factories," she said.')
    assert [q.speaker for q in quotes] == ["Elizabeth Warren", "Kirill Koktysh", "Elizabeth Warren"]
    assert quotes[2].extra["resolution"] == "pronoun"


def test_he_is_not_the_woman_the_article_calls_ms(quotes_in):
    quotes = quotes_in('"The talks went well," Dmitry Peskov said.\n\n'
                       '"We expect a deal," Ms. Ardelean said.\n\n'
                       '"We discussed oil and gas at length today," he said.')
    assert [q.speaker for q in quotes] == ["Dmitry Peskov", "Ardelean", "Dmitry Peskov"]


def test_a_pronoun_goes_to_the_fitting_person_named_last_also_in_sentences_not_parsed(quotes_in):
    quotes = quotes_in('"We will win," Bernie Sanders said.\n\n"We will win first," Dmitry Peskov said.\n\n'
                       '"Nobody will win," Elizabeth Warren said.\n\nSanders arrived in Iowa on Monday.\n\n'
                       '"Iowa will decide," he said.')
    assert quotes[-1].speaker == "Bernie Sanders"


def test_a_pronoun_whose_gender_nothing_tells_still_goes_to_the_last_speaker(quotes_in):
    quotes = quotes_in('"The talks went well," Casey Ardelean said.\n\n'
                       '"We expect a deal," Robin Grechulina said.\n\n'
                       '"We discussed oil and gas at length today," she said.')
    assert [q.speaker for q in quotes] == ["Casey Ardelean", "Robin Grechulina", "Robin Grechulina"]


def test_after_the_quote_the_person_speaks_not_the_organisation_before_the_name(quotes_in):
    q = only(quotes_in('"Is President Obama going to finally mention the words radical Islamic terrorism?" the '
                       'presumptive GOP presidential nominee, Donald Trump, tweeted Sunday.'))
    assert (q.speaker, q.speaker_kind) == ("Donald Trump", "person")


def test_the_affiliation_written_before_a_name_is_not_part_of_it(quotes_in):
    q = only(quotes_in('"The order is plainly unlawful," said Yale’s Harold Koh, a former State Department official.'))
    assert q.speaker == "Harold Koh"


def test_description_resolved_through_the_role_the_article_gives(quotes_in):
    quotes = quotes_in('Belarusian President Alexander Lukashenko arrived in Sochi on Friday.\n\n'
                       '"We really had a very friendly atmosphere in these talks," the Belarusian leader said.')
    q = only(quotes, "direct")
    assert q.speaker == "Alexander Lukashenko" and q.extra["resolution"] == "role_in_article"


def test_description_resolved_through_the_shipped_table(quotes_in):
    quotes = quotes_in('Lukashenko flew to Sochi.\n\n"We are peoples from one root, native people," '
                       'the head of Belarus said.')
    q = only(quotes, "direct")
    assert q.speaker == "Alexander Lukashenko" and q.extra["resolution"] == "role_table"


def test_one_canonical_name_for_three_spellings(quotes_in):
    quotes = quotes_in('"We discussed international relations with our partners," Alexander Lukashenko said.\n\n'
                       '"Both Russia and Belarus are guardian angels for each other," Lukashenka said.\n\n'
                       'According to Lukashenkko, the meeting will end the painful issues.')
    assert {q.speaker for q in quotes} == {"Alexander Lukashenko"}


def test_according_to(quotes_in):
    q = only(quotes_in("According to President Lukashenko, this meeting will put an end to the painful issues."))
    assert (q.rule, q.type, q.speaker) == ("according_to", "indirect", "Lukashenko")
    assert q.text == "this meeting will put an end to the painful issues"


def test_verb_clause_and_organisation_speakers(quotes_in):
    q = only(quotes_in("The Kremlin said that the talks in Sochi will focus on the strategic partnership."))
    assert (q.rule, q.speaker, q.speaker_kind) == ("verb_clause", "Kremlin", "organization")


def test_clause_then_verb(quotes_in):
    q = only(quotes_in("The talks will go on next month, Peskov said."))
    assert q.rule in ("clause_then_verb", "verb_clause")
    assert (q.speaker, q.type, q.text) == ("Peskov", "indirect", "The talks will go on next month")


def test_as_x_noted(quotes_in):
    q = only(quotes_in("Vladimir Putin met him twice. As Lukashenko noted, Putin told him about his recent talks."))
    assert (q.rule, q.speaker) == ("as_x_said", "Lukashenko")
    assert q.text.startswith("Putin told him")


def test_this_was_stated_by(quotes_in):
    q = only(quotes_in("Moscow and Minsk agreed to work out a compensation mechanism. This was stated by the "
                       "Minister of Economy of Belarus Dmitry Krutoy in an interview with STV."))
    assert (q.rule, q.speaker) == ("this_was_stated_by", "Dmitry Krutoy")
    assert q.text == "Moscow and Minsk agreed to work out a compensation mechanism"


def test_in_his_opinion_after_a_quote_of_his(quotes_in):
    quotes = quotes_in('"The governments now have to make some decisions," Koktysh explained.\n\n'
                       "In his opinion, both Minsk and Moscow have their own interests. And there is a readiness "
                       "to compromise.")
    q = only(quotes, "indirect")
    assert (q.rule, q.speaker) == ("in_his_opinion", "Koktysh")
    assert q.text.endswith("a readiness to compromise")


def test_mixed_quote_holds_the_quoted_fragment(quotes_in):
    q = only(quotes_in('The Belarusian president Lukashenko explained that the reverse side of this is '
                       '"the greatest economic dependence" on the neighboring country.'))
    assert q.type == "mixed" and '"the greatest economic dependence"' in q.text


def test_experts_say_is_a_group_not_a_person(quotes_in):
    q = only(quotes_in("Experts say that difficulties in economic cooperation still exist."))
    assert q.speaker_kind == "group"


def test_the_aides_of_named_people_are_a_group_named_by_its_words(quotes_in):
    q = only(quotes_in("Aides to Gov. Chris Christie of New Jersey and Gov. John R. Kasich of Ohio, who had a "
                       "long career in Congress, said their speeches would focus on the subject."))
    assert q.speaker_kind == "group" and q.speaker.startswith("Aides to Gov. Chris Christie")


def test_a_source_is_anonymous(quotes_in):
    q = only(quotes_in("A source said that the agreement was not planned in advance."))
    assert q.speaker_kind == "anonymous" and q.speaker is None


def test_an_unnamed_aide_is_an_anonymous_source_not_the_person_he_works_for(quotes_in):
    quotes = quotes_in('"They want his support," said a senior Cruz adviser. "Fewer people would say that now."')
    assert [(q.speaker, q.speaker_kind, q.speaker_mention) for q in quotes] == \
        [(None, "anonymous", "a senior Cruz adviser")] * 2


def test_the_spokesman_for_a_named_person_is_not_that_person(quotes_in):
    quotes = quotes_in('Dmitry Peskov, a spokesman for Vladimir Putin, spoke to reporters.\n\n'
                       '"The talks were very good," said the spokesman for Vladimir Putin.')
    q = only(quotes, "direct")
    assert (q.speaker, q.extra["resolution"]) == ("Dmitry Peskov", "role_in_article")
    q = only(quotes_in("A communications aide for Mr. Lyovochkin, who financed Mr. Manafort's work, said the "
                       "work had ended."))
    assert (q.speaker, q.speaker_kind) == (None, "anonymous")


def test_an_indefinite_description_is_someone_unnamed_not_the_holder_named_before(quotes_in):
    quotes = quotes_in('Dmitry Peskov, a spokesman for the Russian president, spoke to reporters.\n\n'
                       '"Nothing was decided," a spokesman for the Russian president said.')
    q = only(quotes, "direct")
    assert (q.speaker, q.speaker_kind) == (None, "anonymous")


def test_beliefs_and_plans_are_not_quotes(quotes_in):
    assert quotes_in("Putin wants the talks to go on. Polls show that voters like him.") == []


def test_titles_channels_and_scare_quotes_are_not_quotes(quotes_in):
    text = ('Lukashenko told the TV channel "Belarus 1" about the talks. Relations had some "roughness" '
            'and a "spark", he said.')
    assert [q for q in quotes_in(text) if q.type == "direct"] == []


def test_programme_and_book_titles_with_their_closing_period_are_not_quotes(quotes_in):
    text = ('"We will win," Trump said on NBC\'s "Meet the Press." He repeated it on "Fox News Sunday," '
            'and Jon Meacham, the author of "Destiny and Power," disagreed.')
    assert [q.text for q in quotes_in(text) if q.type == "direct"] == ["We will win,"]


def test_a_title_with_a_subtitle_is_not_a_quote(quotes_in):
    text = ('"Be careful how you communicate," said James Miller, a co-author of "Those Guys Have All the '
            'Fun: Inside the World of ESPN."')
    assert [q.text for q in quotes_in(text) if q.type == "direct"] == ["Be careful how you communicate,"]


def test_a_phrase_quoted_in_the_description_of_a_speaker_is_not_a_statement(quotes_in):
    text = ('"It was truly shameful," said Leslie Feldman, a plaintiff in the lawsuit who waited in an '
            '"extraordinarily long line" for four hours.')
    assert [q.text for q in quotes_in(text) if q.type == "direct"] == ["It was truly shameful,"]


def test_a_short_sentence_in_sentence_case_is_still_a_quote(quotes_in):
    q = only(quotes_in('"Democracy is messy," the mayor said.'), "direct")
    assert q.text == "Democracy is messy,"


def test_a_reply_shot_back_is_speech(quotes_in):
    q = only(quotes_in('After Jerry Brown spoke, Hillary Clinton shot back, "I chose to fulfill my '
                       'profession."'), "direct")
    assert (q.speaker, q.rule, q.cue) == ("Hillary Clinton", "cue_then_quote", "shot back")


def test_verbs_of_manner_frame_speech(quotes_in):
    for verb in ("scoffed", "barked", "fumed", "surmised", "reacted"):
        q = only(quotes_in(f'"Silly boys acting like they have never seen a girl before," {verb} Arianna Gil.'))
        assert (q.speaker, q.cue) == ("Arianna Gil", verb)


def test_subject_before_quote_without_a_speech_verb(quotes_in):
    q = only(quotes_in('When Wallace died in 1998, President Bill Clinton released the following statement: '
                       '"Hillary and I offer our condolences to his family."'))
    assert (q.speaker, q.rule) == ("Bill Clinton", "subject_before_quote")


def test_subject_before_a_quote_that_opens_the_next_paragraph(quotes_in):
    q = only(quotes_in('In response, Republican presidential nominee Donald Trump issued the following statement:\n\n'
                       '"Our prayers are with all those affected by the horrible attacks in Munich."'))
    assert (q.speaker, q.rule) == ("Donald Trump", "subject_before_quote")


def test_subject_of_a_long_clause_ending_at_the_quote(quotes_in):
    q = only(quotes_in('Earlier this week, Hillary Clinton shared a bit of her anxiety with an audience at a '
                       'fundraiser in the Hamptons, "I do not know which Donald Trump will show up."'))
    assert (q.speaker, q.rule) == ("Hillary Clinton", "subject_before_quote")


def test_a_speech_verb_in_the_sentence_wins_over_the_subject_before_the_quote(quotes_in):
    q = only(quotes_in('Maria Lopez told reporters as Governor Tom Wolf watched, "The talks went well."'))
    assert (q.speaker, q.rule) == ("Maria Lopez", "cue_then_quote")


def test_a_description_speaks_for_the_person_it_names_not_one_in_its_modifiers(quotes_in):
    q = only(quotes_in('"He is obviously struggling," said former Vermont governor Howard Dean (D), '
                       'a Clinton supporter.'))
    assert (q.speaker, q.rule) == ("Howard Dean", "quote_then_cue")


def test_a_cue_set_off_by_commas_splits_reported_speech_into_two_pieces(quotes_in):
    quotes = quotes_in("Christopher Abboud, a Twitter spokesman, said that the numbers were high. "
                       "The hashtag #prayforparis, he said, was even more popular, with 6.7 million posts.")
    pieces = [(q.text, q.speaker, q.rule) for q in quotes if q.rule == "parenthetical"]
    assert pieces == [("The hashtag #prayforparis", "Christopher Abboud", "parenthetical"),
                      ("was even more popular, with 6.7 million posts", "Christopher Abboud", "parenthetical")]


def test_a_cue_set_off_by_commas_after_a_circumstance_reports_what_follows_it(quotes_in):
    quotes = quotes_in("Senator Ann Moore spoke to voters in Ohio. Still, she said, the state has to decide "
                       "who gets the money.")
    pieces = [(q.text, q.speaker) for q in quotes if q.rule == "parenthetical"]
    assert pieces == [("the state has to decide who gets the money", "Ann Moore")]


def test_a_circumstance_of_some_words_before_a_cue_set_off_by_commas_is_a_piece_too(quotes_in):
    quotes = quotes_in("Senator Ann Moore spoke to voters in Ohio. At times last year, she said, the state "
                       "ran out of money.")
    pieces = [(q.text, q.speaker) for q in quotes if q.rule == "parenthetical"]
    assert pieces == [("At times last year", "Ann Moore"), ("the state ran out of money", "Ann Moore")]


def test_a_speech_verb_inside_the_content_does_not_make_what_comes_before_it_speech(quotes_in):
    quotes = quotes_in("A major climate group is demanding that the candidates propose a plan.")
    assert [q for q in quotes if q.rule == "clause_then_verb"] == []


def test_as_x_continues_tells_when_not_what_was_said(quotes_in):
    quotes = quotes_in("Clinton is attempting to turn her attention to Trump even as she continues to face "
                       "a challenge from the left.")
    assert [q for q in quotes if q.rule == "as_x_said"] == []


def test_offsets_point_into_the_article(quotes_in):
    text = 'Intro line.\n\n"We have problems," said Alexander Lukashenko.'
    for q in quotes_in(text):
        assert text[q.start:q.end] == q.text


def test_a_dash_and_a_name_sign_a_quote_with_no_cue(quotes_in):
    quotes = quotes_in('The candidates repeated their claims.\n\n'
                       '"Almost all new income and wealth is going to the top 1 percent."\n\n- Bernie Sanders.\n\n'
                       '"I will look into it, I certainly will." — Hillary Clinton, in the debate.')
    assert [(q.speaker, q.rule) for q in quotes] == [("Bernie Sanders", "signature"), ("Hillary Clinton", "signature")]
    q = only(quotes_in('"Did you really tell the committee everything you knew?"\n\n- Yes.'))
    assert (q.speaker, q.rule) == (None, "unattributed")
    q = only(quotes_in('Sen. Graham spoke first.\n\n"Nobody in their right mind would take their star witness '
                       'before the nation" — Sen. Graham pic.twitter.com/Si1UAziuZm'))
    assert (q.speaker, q.rule) == (None, "unattributed")  # not "Sen"


def test_the_words_of_an_embedded_tweet_are_its_authors(quotes_in):
    quotes = quotes_in('Senators reacted on Monday.\n\n'
                       'Raising tariffs will hurt both US & China economies. Enough is enough '
                       'pic.twitter.com/Nokueiy9Ki — Chuck Grassley (@ChuckGrassley) May 13, 2019\n\n'
                       'BREAKING: More than half of them gave money. — The Associated Press (@AP) August 23, 2016')
    assert [(q.text, q.speaker, q.speaker_kind, q.rule, q.type) for q in quotes] == [
        ("Raising tariffs will hurt both US & China economies. Enough is enough", "Chuck Grassley", "person",
         "embedded_tweet", "direct"),
        ("BREAKING: More than half of them gave money.", "Associated Press", "organization", "embedded_tweet", "direct")]


def test_a_tweet_in_quote_marks_is_one_quote_signed_by_its_author(quotes_in):
    q = only(quotes_in('Senators reacted on Monday.\n\n'
                       '"We will not stop, ever." — Alexandria Ocasio-Cortez (@AOC) June 1, 2019'))
    assert (q.text, q.speaker, q.rule) == ("We will not stop, ever.", "Alexandria Ocasio-Cortez", "signature")


def test_name_and_colon_introduce_a_quote(quotes_in):
    q = only(quotes_in('The forecast - David Wasserman: "Indiana bills itself as the Crossroads of America."'))
    assert (q.speaker, q.rule) == ("David Wasserman", "name_colon_quote")


def test_a_name_with_its_affiliation_before_a_colon(quotes_in):
    q = only(quotes_in('Rep. Trey Gowdy (R-S.C.): "Who told you that 90 percent of your e-mails were in the system?"'))
    assert (q.speaker, q.rule) == ("Trey Gowdy", "name_colon_quote")


def test_a_mark_glued_to_the_colon_or_comma_before_it(quotes_in):
    q = only(quotes_in('Rep. Trey Gowdy (R-S.C.):"Who told you that 90 percent of your e-mails were in the system?"'))
    assert (q.speaker, q.rule) == ("Trey Gowdy", "name_colon_quote")
    q = only(quotes_in('Paul Ryan said,“Look, anti-Semitic images, they’ve got no place in a campaign.”'))
    assert (q.speaker, q.rule) == ("Paul Ryan", "cue_then_quote")



def test_a_closing_mark_glued_to_the_next_sentence_leaves_its_pronoun_a_pronoun(quotes_in):
    quotes = quotes_in('Emin Agalarov said they talked about "the beauty of Russian and American women."He said he '
                       'also introduced Trump to Ani Lorak.')
    assert [(q.speaker, q.speaker_mention) for q in quotes][-1] == ("Emin Agalarov", "He")


def test_of_two_names_before_a_colon_the_first_speaks(quotes_in):
    q = only(quotes_in('POLLS TOO EARLY - Mark Blumenthal and Jon Cohen: "The polls just ended too early."'))
    assert q.speaker == "Mark Blumenthal"


def test_a_name_inside_the_clause_before_a_colon_is_not_the_speaker(quotes_in):
    q = only(quotes_in('Nelson Diaz, a former boss of Mr. Rubio, said of Marco Rubio: '
                       '"He is American 100 percent, but he is very in touch with his Cuban background."'))
    assert (q.speaker, q.rule) == ("Nelson Diaz", "cue_then_quote")
    q = only(quotes_in('Senate Majority Leader Mitch McConnell delivered a blunt message to Donald Trump: '
                       '"It is time to quit attacking various people and get on message."'))
    assert q.speaker == "Mitch McConnell"


def test_a_quote_opening_a_paragraph_continues_reported_speech_above(quotes_in):
    quotes = quotes_in("Douglas Schoen said on Monday that superdelegates may reconsider their support.\n\n"
                       '"A Sanders win in California would powerfully underscore the doubts."')
    assert [(q.type, q.speaker) for q in quotes] == [("indirect", "Douglas Schoen"), ("direct", "Douglas Schoen")]
    assert quotes[1].rule == "continues_previous_quote"


def test_verbs_that_frame_their_content_with_objects(quotes_in):
    called = only(quotes_in("Senator Bernie Sanders called for a ban on assault weapons."))
    assert (called.rule, called.speaker, called.text) == ("verb_object_frame", "Bernie Sanders",
                                                          "a ban on assault weapons")
    urged = only(quotes_in("Dmitry Peskov urged the journalists to wait for the outcome of the summit."))
    assert urged.text == "to wait for the outcome of the summit" and urged.speaker == "Dmitry Peskov"
    clause = only(quotes_in("Hillary Clinton is calling for the United States to step up military efforts."))
    assert (clause.rule, clause.text) == ("verb_object_frame", "the United States to step up military efforts")
    spoke = only(quotes_in("Martin O'Malley spoke of a recent visit to a mosque in Northern Virginia."))
    assert (spoke.rule, spoke.text) == ("verb_object_frame", "a recent visit to a mosque in Northern Virginia")


def test_a_speech_verb_coordinated_inside_a_reported_clause_ends_it(quotes_in):
    quotes = quotes_in('Bernie Sanders says he respects Clinton and calls her "an extremely intelligent woman."')
    assert [(q.type, q.text) for q in quotes][0] == ("indirect", "he respects Clinton")


def test_a_verb_phrase_joined_with_would_goes_on_with_what_was_said(quotes_in):
    q = only(quotes_in('Ms. Gedrich said she hoped to get her account back, and then would continue to spread '
                       'her political message.'))
    assert q.text == "she hoped to get her account back, and then would continue to spread her political message"


def test_a_that_clause_after_phrases_the_parse_hangs_elsewhere_is_what_was_said(quotes_in):
    q = only(quotes_in('Schoen elaborated in an editorial piece for The Wall Street Journal that superdelegates '
                       'currently pledged to Clinton may reconsider.'))
    assert (q.text, q.speaker) == ("superdelegates currently pledged to Clinton may reconsider", "Schoen")
    assert quotes_in("Peskov said in a statement that was released on Monday.") == []


def test_a_clause_whose_subject_the_parse_takes_for_a_participle_is_what_was_said(quotes_in):
    q = only(quotes_in('Mr. Xi and other leaders have said cutting that output must be a key part of their program.'))
    assert (q.text, q.speaker) == ("cutting that output must be a key part of their program", "Xi")


def test_defending_or_characterising_something_as_a_thing_is_speech(quotes_in):
    quotes = quotes_in('Donald Trump defended his campaign manager as a "very decent man." Carly Fiorina '
                       'routinely characterizes herself as a "change warrior."')
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Donald Trump", 'his campaign manager as a "very decent man."'),
        ("Carly Fiorina", 'herself as a "change warrior."')]


def test_of_two_clauses_the_parse_gives_a_speech_verb_the_one_after_it_is_what_was_said(quotes_in):
    quotes = quotes_in('Last July, the group polled its members online ahead of the endorsement: 1,409 teachers '
                       'said they wanted to endorse Sanders.')
    assert [(q.text, q.speaker) for q in quotes] == [("they wanted to endorse Sanders", "1,409 teachers")]
    quotes = quotes_in('"We have problems that are resolved quickly," Lukashenko said, "and we will resolve them."')
    assert [q.speaker for q in quotes] == ["Lukashenko", "Lukashenko"]


def test_a_second_clause_after_the_first_goes_on_with_what_was_said(quotes_in):
    quotes = quotes_in('Mr. Regalado said he had been inundated with angry email, some of it mentioning Mr. Trump '
                       'by name.')
    assert (quotes[0].speaker, quotes[0].text) == (
        "Regalado", "he had been inundated with angry email, some of it mentioning Mr. Trump by name")


def test_the_writers_relative_clause_after_what_was_named_is_not_said(quotes_in):
    quotes = quotes_in('Trump criticized Clinton’s email use, which an FBI investigation said was extremely careless.')
    assert (quotes[0].speaker, quotes[0].text) == ("Trump", "Clinton’s email use")


def test_the_object_of_a_verb_that_names_what_was_said(quotes_in):
    q = only(quotes_in("Belarusian President Alexander Lukashenko announced a ban on Polish food imports."))
    assert (q.rule, q.type, q.speaker, q.text) == ("verb_object", "indirect", "Alexander Lukashenko",
                                                   "a ban on Polish food imports")
    assert quotes_in("Dmitry Peskov wrote a book about the Kremlin.") == []  # a thing written is no statement


def test_a_name_and_colon_heading_a_paragraph_report_what_was_said(quotes_in):
    quotes = quotes_in("Lukashenko: Belarus will never become part of Russia.\n\n"
                       "Belarusian President Alexander Lukashenko spoke in Minsk on Friday.")
    q = only(quotes, "indirect")
    assert (q.rule, q.speaker, q.text) == ("headline_colon", "Alexander Lukashenko",
                                           "Belarus will never become part of Russia")
    assert quotes_in("The Latest: Sanders wins Minnesota Democratic caucuses.") == []


def test_a_headline_with_a_name_and_a_capitalised_speech_verb_reports_what_was_said(quotes_in):
    quotes = quotes_in("Lukashenko Says Belarus Will Never Join Russia As Putin Visits Minsk\n\n"
                       "Belarusian President Alexander Lukashenko spoke in Minsk on Friday.")
    assert [(q.rule, q.speaker, q.text) for q in quotes] == [
        ("headline_verb", "Alexander Lukashenko", "Belarus Will Never Join Russia")]
    said_of_him = "Lukashenko Accused Of Rigging The Vote\n\nAlexander Lukashenko spoke in Minsk on Friday."
    assert [q for q in quotes_in(said_of_him) if q.rule == "headline_verb"] == []
    called_on = "Lukashenko Calls On Putin To Open The Border\n\nAlexander Lukashenko spoke in Minsk on Friday."
    assert [q.text for q in quotes_in(called_on) if q.rule == "headline_verb"] == ["Putin To Open The Border"]


def test_quoted_fragment_inside_what_was_said_makes_a_mixed_quote(quotes_in):
    q = only(quotes_in('Vladimir Putin in his speech mentioned the opportunity "to talk face to face on issues '
                       'of bilateral relations" during the visit.'))
    assert (q.type, q.rule, q.speaker) == ("mixed", "verb_object", "Vladimir Putin")
    assert q.text == 'the opportunity "to talk face to face on issues of bilateral relations" during the visit'


def test_quoted_fragment_after_a_cue_without_content_runs_to_the_clause_end(quotes_in):
    q = only(quotes_in('Peskov promised reporters "a detailed answer within a week" after the talks.'))
    assert (q.type, q.rule, q.speaker) == ("mixed", "verb_then_fragment", "Peskov")
    assert q.text == 'reporters "a detailed answer within a week" after the talks'


def test_fragments_filling_most_of_a_reported_clause_are_one_mixed_quote(quotes_in):
    quotes = quotes_in('In an interview, Anna Petrova, a former adviser, said Ivanov "was personally involved '
                       'in all that research" and shared in "a great amount of regret."')
    assert [(q.type, q.speaker) for q in quotes] == [("mixed", "Anna Petrova")]
    assert quotes[0].text.startswith('Ivanov "was personally')
    assert quotes[0].text.endswith('"a great amount of regret."')


def test_a_subject_before_a_quoted_fragment_makes_the_clause_mixed(quotes_in):
    q = only(quotes_in('Lukashenko spoke for an hour. Putin “caused tremendous havoc in the region,” he said.'))
    assert (q.type, q.rule, q.speaker) == ("mixed", "verb_clause", "Lukashenko")
    assert q.text == 'Putin “caused tremendous havoc in the region,”'


def test_a_quote_the_writers_clause_goes_on_from_is_mixed(quotes_in):
    q = only(quotes_in('Adel Nefzi, the imam, spoke to reporters. "We don\'t teach anything" against the West in the '
                       'mosque meetings, he said.'))
    assert (q.type, q.speaker) == ("mixed", "Adel Nefzi")
    assert q.text == '"We don\'t teach anything" against the West in the mosque meetings'


def test_what_a_speaker_said_never_runs_into_the_words_that_name_the_speaker(quotes_in):
    quotes = quotes_in("''They were professionals, but also competitors,'' William M. Daley, President "
                       "Obama's former chief of staff, said of their time in the administration.")
    assert [(q.type, q.speaker, q.text) for q in quotes] == [
        ("direct", "William M. Daley", "They were professionals, but also competitors,")]


def test_a_relative_clause_of_speech_reports_what_follows_its_cue(quotes_in):
    q = only(quotes_in("It was a strategy which Democrats say could be aiding Senator Bernie Sanders."))
    assert (q.type, q.speaker_kind, q.text) == ("indirect", "group", "could be aiding Senator Bernie Sanders")


def test_a_relative_clause_after_a_comma_at_the_end_of_a_reported_clause_is_the_writers(quotes_in):
    q = only(quotes_in("Dmitry Peskov said the talks would resume in Minsk next week, which would give both "
                       "delegations more time to prepare."))
    assert (q.speaker, q.text) == ("Dmitry Peskov", "the talks would resume in Minsk next week")


def test_a_name_the_tagger_takes_for_a_plural_noun_is_still_the_person(quotes_in):
    quotes = quotes_in('Bernie Sanders spoke in Iowa on Monday.\n\nBill Clinton defended the law. Sanders '
                       'delivered a snappy retort: "No one is tearing this up. We are going to go forward."')
    q = only(quotes, "direct")
    assert (q.speaker, q.speaker_kind, q.rule) == ("Bernie Sanders", "person", "subject_before_quote")


def test_whoever_asks_a_question_put_to_a_speaker_is_not_the_speaker(quotes_in):
    quotes = quotes_in("Asked whether he would meet Putin, Lukashenko said that the talks would go on.")
    assert sorted((q.text, q.speaker) for q in quotes) == [
        ("that the talks would go on", "Lukashenko"), ("whether he would meet Putin", None)]


def test_a_long_quote_with_no_cue_is_kept_unattributed(quotes_in):
    q = only(quotes_in('The weather was fine.\n\n"Nobody here expected the summit to end so quickly and so well."'))
    assert (q.rule, q.speaker, q.confidence) == ("unattributed", None, 0.0)


def test_every_rule_of_the_sieve_has_a_test():
    from pathlib import Path

    from quotes.attribution import RULE_CONFIDENCE

    tests = Path(__file__).read_text(encoding="utf-8")
    assert [rule for rule in RULE_CONFIDENCE if f'"{rule}"' not in tests] == []


def test_a_phrase_quoted_in_the_writers_own_clause_is_not_a_statement(quotes_in):
    text = 'The server handled messages later deemed "top secret," Senator John Smith said on Monday.'
    assert [q for q in quotes_in(text) if q.type == "direct"] == []


def test_a_surname_ending_in_s_opens_the_paragraph_between(quotes_in):
    quotes = quotes_in('"Voters want a fighter in the White House," Bernie Sanders said.\n\n'
                       "Sanders then turned to the question of health care in Vermont.\n\n"
                       '"We finally have a path to universal health care for every American."')
    assert [q.speaker for q in quotes] == ["Bernie Sanders", "Bernie Sanders"]


def test_a_quoted_fragment_ends_before_a_clause_joined_to_it(quotes_in):
    q = only(quotes_in('Peskov promised reporters "a detailed answer" and left the room without questions.'))
    assert (q.type, q.rule, q.speaker) == ("mixed", "verb_then_fragment", "Peskov")
    assert q.text == 'reporters "a detailed answer"'


def test_who_in_a_relative_clause_speaks_for_the_person_it_follows(quotes_in):
    q = only(quotes_in("The plan was backed by Dmitry Peskov, who said that the talks would go on."))
    assert (q.type, q.speaker, q.text) == ("indirect", "Dmitry Peskov", "that the talks would go on")


def test_a_cue_whose_clause_comes_before_it_still_introduces_the_quote_after_it(quotes_in):
    quotes = quotes_in('The meeting was held at the residence, in keeping with protocol and also, Sanders said, '
                       '"to make clear that there is no endorsement here."')
    q = only(quotes, "direct")
    assert (q.text, q.speaker, q.rule) == ("to make clear that there is no endorsement here.", "Sanders",
                                           "cue_then_quote")


def test_a_short_quote_that_is_a_sentence_of_its_own_continues_the_speaker(quotes_in):
    quotes = quotes_in('"There was carnage on the road," Bouhlel said. "Bodies everywhere."')
    assert [(q.text, q.speaker, q.rule) for q in quotes] == [
        ("There was carnage on the road,", "Bouhlel", "quote_then_cue"),
        ("Bodies everywhere.", "Bouhlel", "continues_previous_quote")]


def test_a_phrase_opening_the_sentence_speaks_with_its_subject(quotes_in):
    q = only(quotes_in("After suggesting on Wednesday that he regretted the insults, Senator Marco Rubio "
                       "only occasionally disagreed with him."))
    assert (q.text, q.speaker) == ("that he regretted the insults", "Marco Rubio")


def test_a_verb_the_parse_leaves_without_subject_takes_the_nearest_person_before_it(quotes_in):
    q = only(quotes_in("Addressing committee members skeptical about Mr. Trump's candidacy, the campaign "
                       "chief, Paul Manafort, bluntly suggested that the candidate's style amounted to an act."))
    assert (q.speaker, q.text) == ("Paul Manafort", "that the candidate's style amounted to an act")


def test_a_subject_after_a_question_that_ends_inside_its_marks(quotes_in):
    q = only(quotes_in("“What was the pivot point that made him change so fundamentally?” Beck questioned."))
    assert (q.speaker, q.rule) == ("Beck", "subject_after_quote")


def test_after_a_question_a_sentence_with_an_object_is_a_new_sentence_not_the_cue(quotes_in):
    quotes = quotes_in("John McCain had a big ego. “How many more lawmakers have to go to jail before we actually "
                       "fix this process?” He liked challenging authority.")
    assert [(q.speaker, q.rule) for q in quotes] == [(None, "unattributed")]


def test_a_title_the_son_does_not_hold_tells_the_father_from_him(quotes_in):
    quotes = quotes_in('Donald Trump Jr. met a Russian lawyer in June 2016, emails show.\n\n'
                       '"It was a nothing meeting," Trump Jr. told reporters on Tuesday.\n\n'
                       'President Trump defended his son on Wednesday. "He is a good boy," Trump said.')
    assert [q.speaker for q in quotes] == ["Trump Jr", "Trump"]
    quotes = quotes_in('"This is not a joke," Vice President Biden said.\n\n'
                       '"We will win this," said Vice President Joseph R. Biden Jr. in Scranton.')
    assert [q.speaker for q in quotes] == ["Joseph R. Biden Jr"] * 2


def test_a_name_with_its_generation_that_ner_calls_a_work_of_art_still_speaks(quotes_in):
    q = only(quotes_in('"It was a nothing meeting," Trump Jr. told reporters on Tuesday.'))
    assert (q.speaker, q.speaker_kind) == ("Trump Jr", "person")


def test_the_person_after_an_inverted_verb_speaks(quotes_in):
    q = only(quotes_in('"That is simply not true," shot back Jeff Weaver.'))
    assert (q.speaker, q.cue) == ("Jeff Weaver", "shot back")
    q = only(quotes_in('"We are the biggest badasses around," mused Blaze co-host Stu Burguiere.'))
    assert q.speaker == "Stu Burguiere"


def test_a_participle_after_a_comma_speaks_with_the_subject_of_its_clause(quotes_in):
    q = only(quotes_in("Mr. Trump made a third attempt to deflect Mr. Khan's criticism, writing on Twitter that "
                       "the real issue at stake in the election was terrorism."))
    assert (q.speaker, q.text) == ("Trump", "that the real issue at stake in the election was terrorism")


def test_a_name_the_parse_hangs_on_the_speech_verb_is_its_subject(quotes_in):
    quotes = quotes_in("When someone in the audience shouted, “Cruz,” Beck joked, again using an exaggerated "
                       "accent, “Amen, brother! Come on up and get baptized!”")
    assert (quotes[-1].speaker, quotes[-1].rule) == ("Beck", "cue_then_quote")


def test_a_participle_of_speech_inside_the_clause_begins_a_cue_of_its_own(quotes_in):
    quotes = quotes_in("Ivanka Trump said her father has been an advocate for women in his company, saying that "
                       "he supports equal pay for equal work.")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("her father has been an advocate for women in his company", "Ivanka Trump"),
        ("that he supports equal pay for equal work", "Ivanka Trump")]


def test_a_cue_the_parse_coordinates_with_the_clause_before_it_still_reports_it(quotes_in):
    q = only(quotes_in("The army is sending more troops. This includes a special force to assist the Kurds, "
                       "Defense Secretary Ash Carter told a Senate panel Wednesday."))
    assert (q.text, q.speaker, q.rule) == ("This includes a special force to assist the Kurds", "Ash Carter",
                                           "clause_then_verb")


def test_a_transcript_turn_is_its_speakers(quotes_in):
    answer = ("Well, I think the whole nation needs to work together, and a president can help. We have seen "
              "too much anger this summer, in too many cities. People want to be heard, and they want to "
              "know that someone in Washington is listening to them, whatever party they vote for.")
    quotes = quotes_in("Governor Mary Fallin spoke to Jake Tapper of CNN on Sunday.\n\n"
                       "JAKE TAPPER: The president released a video on Friday about racial healing. Is he the man "
                       "for it?\n\n"
                       f"FALLIN: {answer}\n\n"
                       "BYLINE: Amber Phillips.")
    assert [(q.rule, q.speaker, q.type) for q in quotes] == [
        ("transcript", "Jake Tapper", "indirect"), ("transcript", "Mary Fallin", "indirect")]
    assert quotes[1].text == answer


def test_what_was_said_before_said_x_is_not_its_subject(quotes_in):
    q = only(quotes_in('The defeat of the treaty signals "the beginning of the end" for the union, said Kirill '
                       'Koktysh, an expert at MGIMO.'))
    assert (q.speaker, q.type) == ("Kirill Koktysh", "mixed")
    assert q.text == 'The defeat of the treaty signals "the beginning of the end" for the union'


def test_the_subject_of_a_reported_clause_is_not_the_verbs_object(quotes_in):
    q = only(quotes_in('Peskov said their networks of regional contacts, almost exclusively men until just a few '
                       'years ago, were now composed mostly of women.'))
    assert q.text == ("their networks of regional contacts, almost exclusively men until just a few years ago, "
                      "were now composed mostly of women")
    told = only(quotes_in("Peskov told Interfax the talks were now expected in Sochi."))
    assert told.text == "the talks were now expected in Sochi"


def test_a_sentence_that_ends_on_its_cue_is_what_was_said_however_the_parse_hangs_it(quotes_in):
    q = only(quotes_in("As Belarusian leader Alexander Lukashenko prepared to speak to supporters in Gomel on "
                       "Tuesday, a 15-year-old girl outside the venue was pepper-sprayed by another bystander, "
                       "police said."))
    assert (q.rule, q.speaker_kind) == ("clause_then_verb", "organization")
    assert q.text.startswith("As Belarusian leader") and q.text.endswith("by another bystander")
    assert quotes_in("In a speech at the congress in Minsk last year, Lukashenko said.") == []


def test_a_cue_set_off_by_commas_after_a_clause_the_parse_hangs_on_it(quotes_in):
    q = only(quotes_in("After the Kremlin approved Minsk's new oil deal two years ago, Koktysh said, most "
                       "Belarusian refineries were thought to be safe from sanctions."))
    assert (q.rule, q.speaker) == ("parenthetical", "Koktysh")
    assert q.text == "most Belarusian refineries were thought to be safe from sanctions"


def test_a_that_clause_after_a_relative_clause_on_the_place_is_what_was_said(quotes_in):
    q = only(quotes_in("Kirill Koktysh, an expert whom Lukashenko quoted a few weeks ago, said on TV Rain, where "
                       "he is now a paid contributor, that Minsk should be held to account if it vetted the deal."))
    assert (q.speaker, q.text) == ("Kirill Koktysh", "Minsk should be held to account if it vetted the deal")


def test_a_condition_the_parse_hangs_on_the_speech_verb_belongs_to_what_was_said(quotes_in):
    q = only(quotes_in('Dmitry Peskov says no matter what action the Belarusian opposition takes on the border, '
                       '“his word does not change the treaty.”'))
    assert (q.type, q.speaker) == ("mixed", "Dmitry Peskov")
    assert q.text.startswith("no matter what action")
    q = only(quotes_in("Peskov said just because the talks were not public did not mean they were not held."))
    assert q.text == "just because the talks were not public did not mean they were not held"


def test_what_someone_was_asked_is_the_question(quotes_in):
    quotes = quotes_in("Asked if she believed Putin wanted Lukashenko to win, Tsikhanouskaya said she would not "
                       "jump to that conclusion.")
    assert [(q.speaker, q.text) for q in quotes] == [
        (None, "if she believed Putin wanted Lukashenko to win"),
        ("Tsikhanouskaya", "she would not jump to that conclusion")]
    asked = only(quotes_in("Koktysh, an expert at MGIMO, asked the minister during a radio interview if he would "
                           "commit to the new gas price."))
    assert (asked.speaker, asked.text) == ("Koktysh", "if he would commit to the new gas price")


def test_a_description_is_not_resolved_to_whom_a_possessive_role_is_about(quotes_in):
    quotes = quotes_in("Viktor Babariko, Belarusian President Alexander Lukashenko's former personal attorney, pleaded "
                       "guilty on Tuesday.\n\n"
                       "The president said in his tweets he never told Babariko to break the law.\n\n"
                       'The president continued: "Babariko was guilty on many charges unrelated to me."')
    assert {q.speaker for q in quotes} == {"Alexander Lukashenko"}
