"""Whether a person of an article is a man or a woman, so that "she" goes to a woman.

Read from what the article says of the person: an honorific before the name ("Mrs. Clinton"), a
role that tells ("spokeswoman", "chairman", "his wife"), a first name of the shipped table
(``quotes/data/first_names.tsv``), a Slavic surname's ending (Zakharova, Peskov) and, when
nothing else tells, a pronoun right after the name and a speech verb ("Clinton said she").
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .names import People, Person

Gender = Literal["f", "m"]
PRONOUN_GENDER: dict[str, Gender] = {"he": "m", "him": "m", "she": "f", "her": "f"}
HONORIFIC_GENDER: dict[str, Gender] = {"mr": "m", "mister": "m", "mrs": "f", "ms": "f", "miss": "f"}
ROLE_GENDER: dict[str, Gender] = {w: "f" for w in """
spokeswoman congresswoman chairwoman businesswoman councilwoman assemblywoman anchorwoman
wife widow mother daughter sister grandmother aunt niece actress queen princess duchess
""".split()} | {w: "m" for w in """
spokesman congressman chairman businessman councilman assemblyman anchorman
husband widower father son brother grandfather uncle nephew king prince duke
""".split()}
# Russian, Belarusian and Bulgarian surnames tell the sex: Zakharova, Tsikhanouskaya; Lavrov, Peskov.
SLAVIC_SURNAME_RE = re.compile(r"\w{2}(?:(ova|eva|yova|skaya|tskaya)|(?:ov|ev|yov))$")
NAME = r"(?:[A-Z][\w'’-]+[ \t]+){0,2}[A-Z][\w'’-]+"
HONORIFIC_RE = re.compile(rf"\b(Mr|Mister|Mrs|Ms|Miss)\.?[ \t]+({NAME})")
SAID_PRONOUN_RE = re.compile(rf"\b({NAME})[ \t]+(?:said|says|told [\w ]{{2,20}}?|added|insisted)[ \t]+"
                             r"(?:that[ \t]+)?(he|she)\b")


@lru_cache(maxsize=1)
def first_names() -> dict[str, Gender]:
    """The shipped table of common first names given to one sex."""
    with resources.files("quotes").joinpath("data/first_names.tsv").open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {row["name"]: row["gender"] for row in rows}


def article_genders(text: str, people: People) -> dict[int, Gender]:
    """The gender the article tells of each of its people, by ``id`` of the person; people it
    does not tell of, or of whom it tells both as often, are left out. A pronoun after a speech
    verb counts only for people of whom nothing else tells."""
    strong: dict[int, Counter] = {id(p): Counter() for p in people.people}
    weak: dict[int, Counter] = {id(p): Counter() for p in people.people}
    for person in people.people:
        if person.first in first_names():
            strong[id(person)][first_names()[person.first]] += 1
        ending = SLAVIC_SURNAME_RE.search(person.surname)
        if ending is not None and " " not in person.surname:
            strong[id(person)]["f" if ending.group(1) else "m"] += 1
        for role, _ in person.roles:
            for word in re.findall(r"[a-z]+", role.casefold()):
                if word in ROLE_GENDER:
                    strong[id(person)][ROLE_GENDER[word]] += 1
    signs = [(m.group(2), HONORIFIC_GENDER[m.group(1).casefold()], m.start(), strong)
             for m in HONORIFIC_RE.finditer(text)]
    signs += [(m.group(1), PRONOUN_GENDER[m.group(2)], m.start(), weak) for m in SAID_PRONOUN_RE.finditer(text)]
    for name, gender, position, votes in signs:
        person = _named(people, name, position)
        if person is not None:
            votes[id(person)][gender] += 1
    genders = {}
    for person in people.people:
        top = (strong[id(person)] or weak[id(person)]).most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            genders[id(person)] = top[0][0]  # the sign given most often: "Mrs. Clinton" beside one "Mr. Clinton"
    return genders


def _named(people: People, name: str, position: int) -> Person | None:
    """The one person a name denotes: a bare surname that two people of the article share
    ("Mrs. Clinton" beside Bill and Hillary Clinton) tells of neither."""
    person = people.find(name, position)
    if person is None or len(name.split()) > 1:
        return person
    sharing = [p for p in people.people if p.surname.split()[0] == person.surname.split()[0]]
    return person if len(sharing) == 1 else None
