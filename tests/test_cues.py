"""Speech verbs are recognised by their forms, without a lemmatiser."""
from quotes.cues import CUE_RE, speech_lemma


def test_inflected_forms_of_speech_verbs():
    assert [speech_lemma(w) for w in ["said", "told", "stressed", "noted", "denies", "admitted", "summed",
                                      "Adding"]] == ["say", "tell", "stress", "note", "deny", "admit", "sum", "add"]
    assert speech_lemma("table") is None


def test_pre_filter_keeps_sentences_with_marks_or_cues_only():
    assert CUE_RE.search('He said so.') and CUE_RE.search('A "quote" here.') and CUE_RE.search("According to him")
    assert not CUE_RE.search("The state report was published on Monday.")  # nouns, not verbs
