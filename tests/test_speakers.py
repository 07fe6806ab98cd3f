"""Corpus-wide speaker resolution: aliases that must merge, and names that must stay apart."""
import pytest

from quotes.speakers import LocalSpeaker, Registry, resolve


def partition(*speakers, registry=None):
    """Resolve speakers given as "Name" or ("Name", "kind", [roles]); return the groups of names."""
    items = []
    for n, s in enumerate(speakers):
        name, kind, roles = (s, "person", []) if isinstance(s, str) else (s + ([],) * (3 - len(s)))
        items.append(LocalSpeaker(id=str(n), name=name, kind=kind, roles=tuple(roles)))
    links, _ = resolve(items, registry)
    groups = {}
    for item in items:
        groups.setdefault(links[item.id].cluster, set()).add(item.name)
    return sorted(sorted(g) for g in groups.values())


def canonical(*speakers, registry=None):
    items = [LocalSpeaker(id=str(n), name=s, kind="person", quotes=q) for n, (s, q) in enumerate(speakers)]
    links, names = resolve(items, registry)
    return {names[links[i.id].cluster] for i in items}


MERGE = [
    ["Lukashenko", "Lukashenka", "Lukashenkko", "Alexander Lukashenko"],
    ["Alexander Lukashenko", "Aleksandr Lukashenko", "Alexander Lukashenka"],
    ["Dmitry Peskov", "Dmitri Peskov", "Dmitriy Peskov"],
    ["Dmitry Peskov", "Peskov"],
    ["Dmitry Peskov", "D. Peskov"],
    ["Sergei Lavrov", "Sergey Lavrov", "Lavrov"],
    ["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskiy"],
    ["Vladimir Putin", "Putin", "President Vladimir Putin"],
    ["Kirill Koktysh", "Koktysh"],
    ["Yuri Ushakov", "Yury Ushakov"],
    ["Mikhail Khodorkovsky", "Mikhail Khodorkovskiy", "Khodorkovsky"],
    ["Maria Zakharova", "Mariya Zakharova", "Zakharova"],
    ["Viktor Orban", "Victor Orban"],
    ["Grechulina", "Anna Grechulina"],
    ["Angela Merkel", "Merkel", "Chancellor Angela Merkel"],
]


@pytest.mark.parametrize("names", MERGE, ids=[m[0] for m in MERGE])
def test_aliases_merge(names):
    assert partition(*names) == [sorted(names)]


APART = [
    ["Hillary Clinton", "Bill Clinton"],
    ["Alexander Lukashenko", "Viktor Lukashenko"],
    ["Donald Trump", "Donald Trump Jr."],
    ["Dmitry Peskov", "Elizaveta Peskova"],
    ["Bernie Sanders", "Saunders"],
    ["John Smith", "Jane Smith"],
    ["John Smith", "A. Smith"],
    ["Sergei Lavrov", "Sergei Ivanov"],
    ["Vladimir Putin", "Vladimir Zhirinovsky"],
    ["Dmitry Medvedev", "Dmitry Peskov"],
    ["Ri", "Jessica Rye"],
    ["Daniel Martin", "Danielle Martin"],
    ["Ivan Trump", "Ivanka Trump"],
    ["Ivana Trump", "Ivanka Trump"],
    ["Donald", "Donald Jr"],
]


@pytest.mark.parametrize("names", APART, ids=[" / ".join(a) for a in APART])
def test_different_people_stay_apart(names):
    assert partition(*names) == sorted([n] for n in names)


def test_a_bare_surname_shared_by_two_people_stays_apart():
    assert partition("Hillary Clinton", "Bill Clinton", "Clinton") == [["Bill Clinton"], ["Clinton"],
                                                                     ["Hillary Clinton"]]


def test_a_bare_surname_joins_the_one_whose_role_it_shares():
    groups = partition(("Alexander Lukashenko", "person", ["Belarusian President"]), "Viktor Lukashenko",
                       ("Lukashenko", "person", ["the Belarusian leader"]))
    assert ["Alexander Lukashenko", "Lukashenko"] in groups


def test_conflicting_first_names_join_through_a_shared_role():
    groups = partition(("Alexander Lukashenko", "person", ["Belarusian President"]),
                       ("Alexei Lukashenko", "person", ["President of Belarus"]))
    assert groups == [["Alexander Lukashenko", "Alexei Lukashenko"]]


def test_conflicting_first_names_with_different_roles_stay_apart():
    groups = partition(("Alexander Lukashenko", "person", ["Belarusian President"]),
                       ("Viktor Lukashenko", "person", ["Belarusian national security adviser"]))
    assert len(groups) == 2


def test_a_person_and_an_organisation_named_after_him_stay_apart():
    assert partition("Donald Trump", ("Trump", "organization"), "Trump") == [["Donald Trump", "Trump"], ["Trump"]]


def test_organisations_join_by_their_names():
    assert partition(("the Kremlin", "organization"), ("Kremlin", "organization"), ("TASS", "organization")) == \
        [["Kremlin", "the Kremlin"], ["TASS"]]


def test_groups_and_organisations_never_join():
    assert len(partition(("experts", "group"), ("Experts", "organization"))) == 2


def test_the_canonical_name_is_the_most_quoted_full_name():
    assert canonical(("Lukashenko", 9), ("Alexander Lukashenko", 5), ("Alexander Lukashenka", 2)) == \
        {"Alexander Lukashenko"}


def test_the_registry_names_and_joins_its_aliases():
    registry = Registry([{"name": "Alexander Lukashenko", "aliases": ["Aliaksandr Lukashenka", "Batka"]}])
    assert canonical(("Aliaksandr Lukashenka", 3), ("Batka", 1), ("Lukashenko", 1), registry=registry) == \
        {"Alexander Lukashenko"}


def test_the_registry_keeps_its_entries_apart():
    registry = Registry([{"name": "Hillary Clinton"}, {"name": "Hillary R. Clinton-Smith", "aliases": ["H. Clinton"]}])
    assert len(partition("Hillary Clinton", "H. Clinton", registry=registry)) == 2


def test_a_listed_persons_surname_taken_for_an_organisation_is_that_person():
    registry = Registry([{"name": "Donald Trump"}, {"name": "Hillary Clinton"}, {"name": "Bill Clinton"},
                         {"name": "Ford", "kind": "organization"}, {"name": "Gerald Ford"}, {"name": "Donald Trump Jr"}])
    # Two Clintons are listed, so their surname is no one's; "Jr" is no surname.
    assert partition("Donald Trump", ("Trump", "organization"), ("Clinton", "organization"),
                     ("Ford", "organization"), "Gerald Ford", "Donald Trump Jr", ("Jr", "organization"),
                     registry=registry) == \
        [["Clinton"], ["Donald Trump", "Trump"], ["Donald Trump Jr"], ["Ford"], ["Gerald Ford"], ["Jr"]]


def test_a_listed_organisations_name_taken_for_a_persons_is_that_organisation():
    registry = Registry([{"name": "Facebook", "kind": "organization"}, {"name": "Ford", "kind": "organization"},
                         {"name": "Gerald Ford"}])
    items = [LocalSpeaker("1", "Facebook", "organization"), LocalSpeaker("2", "Facebook", "person"),
             LocalSpeaker("3", "Ford", "organization"), LocalSpeaker("4", "Ford", "person")]
    links, _ = resolve(items, registry)
    assert links["2"].cluster == links["1"].cluster and links["2"].step == "registry"
    assert links["4"].cluster != links["3"].cluster  # a bare "Ford" may be Gerald Ford's


def test_a_bare_surname_joins_the_one_the_corpus_quotes_nine_times_in_ten():
    items = [LocalSpeaker("1", "Barack Obama", "person", quotes=95), LocalSpeaker("2", "Michelle Obama", "person", 5),
             LocalSpeaker("3", "Obama", "person", quotes=40)]
    links, _ = resolve(items)
    assert links["3"].cluster == links["1"].cluster and links["3"].step == "surname_dominant"
    items[1].quotes = 30
    links, _ = resolve(items)
    assert links["3"].cluster not in (links["1"].cluster, links["2"].cluster)


@pytest.mark.parametrize("names", [["George H. W. Bush", "George W. Bush"], ["Friend", "Daniel Fried"]])
def test_middle_initials_and_short_surnames_keep_apart(names):
    assert partition(*names) == sorted([n] for n in names)


def test_a_bare_surname_joins_a_name_with_a_generation():
    assert partition("John Philip Sousa IV", "Sousa") == [["John Philip Sousa IV", "Sousa"]]


def test_a_generation_written_without_first_name_keeps_it():
    assert partition("Donald Trump", "Donald Trump Jr", "Trump Jr") == [["Donald Trump"], ["Donald Trump Jr", "Trump Jr"]]


def test_roles_never_join_first_names_with_different_initials():
    groups = partition(("Donald Trump", "person", ["US President"]), ("Melania Trump", "person", ["US President"]))
    assert len(groups) == 2


def test_a_bare_name_used_as_a_first_name_joins_no_surname():
    groups = partition("Anton Vaino", "Anton Siluanov", "Michael Anton", "Anton", "Vaino")
    assert ["Anton"] in groups and ["Anton Vaino", "Vaino"] in groups
    groups = partition("Joe Biden", "Joe Manchin", "Billy Joe", "Joe")  # a short name, spelled as keyed
    assert ["Joe"] in groups


def test_a_common_first_name_as_often_a_first_name_as_a_surname_joins_no_surname():
    groups = partition("Anton Mardasov", "Michael Anton", "Anton")  # "a man named Anton"
    assert ["Anton"] in groups
    groups = partition("Rudy Giuliani", "Chris Ruddy", "Rudy")  # Giuliani's first name
    assert ["Rudy"] in groups
    groups = partition("Lindsey Graham", "Graham Allison", "Graham")  # no common first name
    assert ["Graham", "Lindsey Graham"] in groups
