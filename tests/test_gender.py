"""What an article tells of the gender of its people, for resolving "he" and "she"."""
from quotes.gender import article_genders
from quotes.names import People


def genders_in(text: str, *names: str) -> dict[str, str | None]:
    people = People(text)
    for name in names:
        people.add(name, text.index(name.split()[-1]))
    told = article_genders(text, people)
    return {p.name: told.get(id(p)) for p in people.people}


def test_an_honorific_before_the_surname():
    text = "Casey Ardelean spoke. Later Ms. Ardelean left."
    assert genders_in(text, "Casey Ardelean") == {"Casey Ardelean": "f"}


def test_a_role_that_tells():
    text = "Robin Tamm, a spokeswoman for the ministry, spoke."
    people = People(text)
    people.add("Robin Tamm", 0, role="a spokeswoman for the ministry")
    assert article_genders(text, people) == {id(people.people[0]): "f"}


def test_a_first_name_of_the_shipped_table():
    assert genders_in("Dmitry Peskov and Maria Zakharova spoke.", "Dmitry Peskov", "Maria Zakharova") == {
        "Dmitry Peskov": "m", "Maria Zakharova": "f"}


def test_the_ending_of_a_slavic_surname():
    text = "Zakharova and Koktysh met Peskov."
    assert genders_in(text, "Zakharova", "Koktysh", "Peskov") == {"Zakharova": "f", "Koktysh": None, "Peskov": "m"}


def test_a_pronoun_after_a_speech_verb_only_when_nothing_else_tells():
    assert genders_in("Casey Ardelean said she would stay.", "Casey Ardelean") == {"Casey Ardelean": "f"}
    assert genders_in("Elizabeth Warren said he would stay.", "Elizabeth Warren") == {"Elizabeth Warren": "f"}


def test_a_surname_two_people_share_tells_of_neither():
    text = "Bill Clinton and Hillary Clinton came. Mrs. Clinton spoke first."
    assert genders_in(text, "Bill Clinton", "Hillary Clinton") == {"Bill Clinton": "m", "Hillary Clinton": "f"}
    text = "Casey Ardelean and Robin Ardelean came. Mrs. Ardelean spoke first."
    assert genders_in(text, "Casey Ardelean", "Robin Ardelean") == {"Casey Ardelean": None, "Robin Ardelean": None}


def test_signs_given_as_often_each_tell_nothing():
    text = "Casey Ardelean came. Mr. Ardelean spoke, then Mrs. Ardelean."
    assert genders_in(text, "Casey Ardelean") == {"Casey Ardelean": None}
