"""One canonical name per person in an article, and roles that resolve descriptions."""
from quotes.names import People, clean_name, complete_surnames, person_name, split_title
from quotes.roles import is_role, known_holder, matches, role_key


def test_clean_name_drops_titles_and_possessives():
    assert clean_name("Mr. Peskov's") == "Peskov"
    assert clean_name("President Lukashenko") == "Lukashenko"
    assert clean_name("Sen. Bernie Sanders") == "Bernie Sanders"


def test_a_persons_name_drops_the_affiliation_written_before_it():
    assert person_name("Yale’s Harold Koh") == "Harold Koh"
    assert person_name("CNN's Christian Streib") == "Christian Streib"
    assert person_name("Hillary Clinton's") == "Hillary Clinton"
    assert person_name("Rival Hillary Clinton’s campaign") == "Rival Hillary Clinton’s campaign"


def test_split_title_before_a_name():
    assert split_title("Minister of Economy of Belarus Dmitry Krutoy") == (
        "Minister of Economy of Belarus", "Dmitry Krutoy")
    assert split_title("Dmitry Peskov") == (None, "Dmitry Peskov")


def test_spelling_variants_and_typos_join_the_fullest_name():
    people = People()
    people.add("Alexander Lukashenko", 0)
    for i, form in enumerate(["Lukashenka", "Lukashenkko", "President Lukashenko"]):
        people.add(form, 10 + i)
    assert len(people.people) == 1
    assert people.find("Lukashenka", 99).name == "Alexander Lukashenko"


def test_same_surname_different_first_names_stay_apart():
    people = People()
    people.add("Hillary Clinton", 0)
    people.add("Bill Clinton", 10)
    assert len(people.people) == 2
    # A bare surname goes to the one named last before it.
    assert people.find("Clinton", 20).name == "Bill Clinton"
    assert people.find("Clinton", 5).name == "Hillary Clinton"


def test_different_surnames_stay_apart():
    people = People()
    people.add("Vladimir Putin", 0)
    people.add("Dmitry Peskov", 5)
    assert {p.name for p in people.people} == {"Vladimir Putin", "Dmitry Peskov"}


def test_descriptions_match_roles_by_head_and_modifiers():
    spokesman = role_key("a spokesman for the Russian president")
    assert matches(role_key("the spokesman for the Russian president"), spokesman)
    assert matches(role_key("the press secretary of the Russian President"), spokesman)
    assert not matches(role_key("the Russian president"), spokesman)
    assert matches(role_key("the Belarusian leader"), role_key("Belarusian President"))
    assert matches(role_key("the head of Belarus"), role_key("Belarusian President"))
    assert not matches(role_key("the Russian leader"), role_key("Belarusian President"))


def test_a_role_is_what_follows_its_possessor_and_stops_at_a_clause_about_its_holder():
    assert role_key("Belarusian President Alexander Lukashenko's former press secretary").head == "spokesman"
    attorney = "U.S. President Donald Trump's former personal attorney"
    assert role_key(attorney) is None and is_role(attorney)  # kept as a role, matched as no president
    assert role_key("a Lukashenko ally who flew to Sochi with the president") is None  # an ally
    assert matches(role_key("the spokesman"), role_key("Putin's spokesman"))


def test_people_found_by_the_role_the_article_gives_them():
    people = People()
    people.add("Dmitry Peskov", 0, role="a spokesman for the Russian president")
    people.add("Vladimir Putin", 10)
    assert people.by_role("the spokesman for the Russian president", 50).name == "Dmitry Peskov"
    assert people.by_role("the Belarusian leader", 50) is None


def test_shipped_table_of_common_roles_is_only_a_fallback():
    assert known_holder("the head of Belarus").name == "Alexander Lukashenko"
    assert known_holder("the Kremlin spokesman").name == "Dmitry Peskov"
    assert known_holder("the mayor of Springfield") is None


def test_a_description_is_not_a_name():
    people = People()
    assert people.add("US President", 0) is None and people.add("Inspector General", 5) is None


def test_father_and_son_stay_apart():
    people = People()
    people.add("Donald Trump", 0)
    people.add("Donald Trump Jr.", 10)
    assert sorted(p.name for p in people.people) == ["Donald Trump", "Donald Trump Jr"]


def full_name(surname: str, at: int, text: str) -> str | None:
    """The full name that ``text`` gives the person named ``surname`` at ``at``."""
    people = People()
    people.add(surname, at)
    complete_surnames(text, people)
    return people.find(surname, at).full_name


def test_a_bare_surname_gets_the_full_name_the_text_gives_once():
    assert full_name("Evans", 80, "Stuart Evans, a deputy assistant attorney general, raised flags. "
                                  "Evans said so.") == "Stuart Evans"
    # two first names: it stays a surname
    assert full_name("Clinton", 60, "Hillary Clinton and Bill Clinton spoke. Clinton said so.") is None
    # the full name comes after: another person
    assert full_name("Trump", 10, "President Trump left for Asia on Friday; Melania Trump joined him later.") is None
    # a word opening a headline is no first name
    assert full_name("Obama", 47, "Assessing Obama's legacy.\n\nBarack Obama spoke. Obama said so.") == "Barack Obama"
    # of two full names, the one written before the bare surname
    assert full_name("McCarthy", 33, "I reviewed Andy McCarthy's book. McCarthy argues so. Kevin McCarthy "
                                     "disagrees.") == "Andy McCarthy"
    # a caption's last word is no first name
    assert full_name("Evans", 20, "Photo: Images\n\nEvans said so.") is None


def test_the_full_name_of_a_surname_skips_a_middle_name_and_the_end_of_a_title():
    assert full_name("Clinton", 70, "The former secretary of state Hillary Rodham Clinton spoke. "
                                    "Clinton said so.") == "Hillary Rodham Clinton"
    assert full_name("Evans", 60, "Deputy Attorney General Stuart Evans raised flags. Evans said so.") == "Stuart Evans"
    assert full_name("Kerry", 60, "Secretary of State John Kerry flew to Geneva. Kerry said so.") == "John Kerry"
    assert full_name("Tillerson", 60, "Secretary of State Tillerson flew to Geneva. Tillerson said so.") is None
    assert full_name("Bush", 60, "Former President George W. Bush flew to Texas. Bush said so.") == "George W. Bush"


def test_a_word_that_ner_ran_into_a_name_at_the_start_of_a_sentence_is_dropped():
    assert [clean_name(n) for n in ("Considering Trump", "During Putin", "Apparently Obama")] == \
        ["Trump", "Putin", "Obama"]
    assert clean_name("Will Smith") == "Will Smith"
