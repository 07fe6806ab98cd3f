"""Page furniture is read as blank space: The Hill's run-in links, CNN's gallery captions."""
from quotes.furniture import blank

RUN_IN = ("President Trump Donald John TrumpGOP senators balk at lengthy impeachment trial Schumer says he's "
          "'even more worried' after seeing whistleblower complaint MORE")


def words(text: str) -> str:
    return " ".join(text.split())


def test_a_run_in_link_after_a_name_is_blanked_and_offsets_stay():
    text = f"{RUN_IN} on Thursday said he wants a second meeting."
    assert len(blank(text)) == len(text)
    assert words(blank(text)) == "President Trump on Thursday said he wants a second meeting."


def test_a_run_in_of_the_full_name_alone():
    text = "White House chief of staff John Kelly John Francis KellyMORE called Tillerson on Friday."
    assert words(blank(text)) == "White House chief of staff John Kelly called Tillerson on Friday."


def test_the_name_as_written_stays_whole_when_the_full_name_repeats_its_first_name():
    text = ("Sen. Mitt Romney Willard (Mitt) Mitt RomneyJon Huntsman wins Utah primary Trump tweets 'we all "
            "miss' Ailes after swiping at Fox MORE (R-Utah) said no.")
    assert words(blank(text)) == "Sen. Mitt Romney (R-Utah) said no."
    text = ("Speaker Paul Ryan Paul Davis Ryan Retirees should say 'no thanks' to Romney's Social Security plan "
            "DC's liaison to rock 'n' roll MORE (R-Wis.) said no.")
    assert words(blank(text)) == "Speaker Paul Ryan (R-Wis.) said no."


def test_a_gallery_caption_is_blanked_from_its_heading_to_its_button():
    text = ("Clinton spoke on Monday.\n\nPhotos: Hillary Clinton's life in the spotlight Bill Clinton said "
            "\"I did not have sexual relations with that woman.\" Hide Caption 12 of 43\n\nShe left.")
    assert words(blank(text)) == "Clinton spoke on Monday. She left."


def test_the_markup_around_an_embedded_tweet_is_blanked():
    text = '<tweet id="75" author="@SpeakerRyan" datetime="2016-07-05">No one is above the law.<tweet/>'
    assert words(blank(text)) == "No one is above the law."
    assert words(blank("Skip Twitter post by @realDonaldTrump Remember it was Buzzfeed.")) == "Remember it was Buzzfeed."


def test_capitals_that_are_words_of_the_article_stay():
    for text in ('"NATO countries must pay MORE," Trump wrote.', "READ MORE: Mueller's First Indictments",
                 "Paul Ryan Paul Davis said MORE was needed.", "Hide and seek: a caption."):
        assert blank(text) == text


def test_quotes_keep_the_text_as_given_and_their_speaker_is_the_name_as_written(quotes_in):
    text = f'"We will meet again," {RUN_IN} said on Thursday.'
    quotes = quotes_in(text)
    assert [(q.text, q.speaker) for q in quotes] == [("We will meet again,", "Trump")]
    assert text[quotes[0].start:quotes[0].end] == quotes[0].text
