"""People and organisations of one article: clean names, one canonical name each, their roles.

Within an article each speaker gets one canonical name, the fullest form in which the article
names them: "Lukashenko", "Lukashenka" and "Lukashenkko" join "Alexander Lukashenko".
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .cues import TITLES_RE
from .gender import Gender, article_genders
from .roles import HEADS, is_role, matches, role_key

SURNAME_SIMILARITY = 85  # fuzz.ratio: Lukashenko/Lukashenka 90, Lukashenko/Lukashenkko 95, Sanders/Saunders 93
LEADING_WORDS_RE = re.compile(r"^(?:(?:as|but|and|so|then|when|while|if|according|meanwhile|however|also|"
                              r"in|on|at|the|for|with|after|before|said|says|told)\s+)+", re.IGNORECASE)
NOT_FIRST_NAMES = frozenset("""
the a an in on at for but and if when while after before as so then than that this these those
democrat democrats republican republicans rep sen gov mr mrs ms dr judge president general senator
minister secretary chairman chairwoman director spokesman spokeswoman leader candidate former
with without from by of to said says told according also however meanwhile last next new
""".split())
# Words that NER runs into a name at the start of a sentence ("Sunday Trump", "Considering Trump").
NOT_NAME_OPENINGS = frozenset("""
is was has had did does do monday tuesday wednesday thursday friday saturday sunday during because
considering despite although though since until unlike like no yes why how what where who now even
still yet only just indeed instead perhaps maybe apparently advertisement under over against amid
among between through about both all many most some each every not would could should can must
""".split())
ROLE_ONLY_WORDS = {*HEADS, "general", "senator", "governor"}
MAX_NAME_WORDS_IN_CAPITALS = 4  # "MARTIN LUTHER KING JR"; a longer run in capitals is a headline
POSSESSIVE_RE = re.compile(r"(?:'s|’s|'|’)$")


def clean_name(name: str) -> str:
    """Drop titles, possessives and stray punctuation: "Mr. Peskov's" -> "Peskov"."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-–—\"“”'’()")
    name = re.split(r"(?<=\w\w)\.\s+", name)[-1]  # "Benjamin Netanyahu. Adelson": NER ran over a full stop
    name = LEADING_WORDS_RE.sub("", name)
    name = TITLES_RE.sub("", name)
    name = POSSESSIVE_RE.sub("", name)
    words = name.split()
    while len(words) > 1 and words[0].casefold() in NOT_NAME_OPENINGS:
        words.pop(0)  # "Sunday Trump", "Is Trump": NER ran over a word before the name
    return " ".join(words).strip(" ,.;:-–—")


# An affiliation written before a person's name: "Yale's Harold Koh", "CNN's Christian Streib".
AFFILIATION_RE = re.compile(r"^(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s\s+(?=(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+$)")


def person_name(name: str) -> str:
    """A person's name cleaned, and without the affiliation written before it ("Yale's Harold
    Koh" is Harold Koh)."""
    return AFFILIATION_RE.sub("", clean_name(name))


def is_name(name: str) -> bool:
    """False for what NER takes for a name but is a description: "US President", "Inspector General",
    or a headline in capitals: "JEROME CORSI CELEBRATES END OF RUSSIA PROBE"."""
    words = name.split()
    return len(name) >= 2 and words[-1][:1].isupper() and words[-1].casefold() not in ROLE_ONLY_WORDS \
        and not (name.isupper() and len(words) > MAX_NAME_WORDS_IN_CAPITALS)


def split_title(name: str) -> tuple[str | None, str]:
    """Split a role written before a name: "Minister of Economy of Belarus Dmitry Krutoy" ->
    ("Minister of Economy of Belarus", "Dmitry Krutoy")."""
    words = name.split()
    head = max((i for i, w in enumerate(words) if w.casefold() in HEADS), default=None)
    if head is None or head == len(words) - 1:
        return None, name
    i = head + 1
    while i + 1 < len(words) and words[i].casefold() in ("of", "for"):
        i += 3 if words[i + 1].casefold() == "the" else 2
    if i >= len(words) or not words[i][:1].isupper():
        return None, name
    return " ".join(words[:i]), " ".join(words[i:])


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Words inside a surname: "Ursula von der Leyen", "Bill de Blasio", "Marine Le Pen".
NAME_PARTICLES = frozenset("von van der den de del della di da dos das du la le bin ibn ter ten".split())


def _surname(name: str) -> str:
    """The surname with its generation: "Donald Trump Jr." is not his father."""
    parts = name.replace(",", " ").split()
    suffix = ""
    while len(parts) > 1 and parts[-1].lower().rstrip(".") in SUFFIXES:
        suffix = " " + parts.pop().lower().rstrip(".")
    return parts[-1].casefold() + suffix if parts else ""


def _split_suffix(surname: str) -> tuple[str, str]:
    base, _, suffix = surname.partition(" ")
    return base, suffix


def _first(name: str) -> str:
    parts = name.split()
    return parts[0].casefold() if len(parts) > 1 else ""


def _compatible_first(a: str, b: str) -> bool:
    """First names that can denote the same person: equal, an initial, or a spelling variant."""
    if not a or not b:
        return True
    if a[0] != b[0]:
        return False
    if len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1:
        return True
    return fuzz.ratio(a, b) >= 75


@dataclass
class Person:
    """One person of an article with every surface form seen and the roles the article gives."""

    forms: Counter = field(default_factory=Counter)
    roles: list[tuple[str, int]] = field(default_factory=list)  # (role text, position)
    positions: list[int] = field(default_factory=list)
    name: str = ""  # the fullest form; among equally full forms the most frequent, then the first seen
    full_name: str | None = None  # for a person named by surname only, the full name the text gives
    surname: str = ""
    first: str = ""

    def see(self, form: str, position: int) -> None:
        self.forms[form] += 1
        self.positions.append(position)
        order = {f: i for i, f in enumerate(self.forms)}
        self.name = max(self.forms, key=lambda f: (len(f.split()) > 1, self.forms[f], -order[f]))
        self.surname, self.first = _surname(self.name), _first(self.name)

    def holds(self, description: str) -> bool:
        """True when one of the person's roles in the article fits the description."""
        wanted = role_key(description)
        return wanted is not None and any(
            (key := role_key(role)) is not None and matches(wanted, key) for role, _ in self.roles)


class People:
    """The people named in one article, grouped so that each has one canonical name."""

    def __init__(self, text: str = "") -> None:
        self.people: list[Person] = []
        self.text = text
        self._places: dict[str, list[int]] = {}

    @functools.cached_property
    def titled(self) -> set[str]:
        """Surnames the text writes after a title of office that it never writes before the same
        surname with a generation ("President Trump" beside "Donald Trump Jr.", not "Vice President
        Biden" beside "Vice President Joseph R. Biden Jr."): someone else than the one with it.
        Read only when a name with a generation meets one without, so most articles never scan."""
        return _titled_without_generation(self.text)

    @functools.cached_property
    def genders(self) -> dict[int, Gender]:
        """The gender the article tells of each person, by ``id``: read at the first "he" or
        "she" to resolve, once every person of the article is known."""
        return article_genders(self.text, self)

    def gender(self, person: Person | None) -> Gender | None:
        """The gender the article tells of ``person``, if any."""
        return self.genders.get(id(person)) if person is not None else None

    def last_seen(self, person: Person, position: int) -> int:
        """Where the text names the person last before ``position`` (-1 if not before it): by
        the names the parse found, or by the surname in sentences that were not parsed."""
        found = [x for x in person.positions if x < position]
        surname = next((f.split()[-1] for f in person.forms if f.split()[-1].casefold() == person.surname), None)
        if surname is not None:
            written = self._written(surname)
            k = bisect.bisect_left(written, position)
            found += written[k - 1:k]
        return max(found, default=-1)

    def _written(self, word: str) -> list[int]:
        """Where the text writes ``word`` as a word, in order (found once per word)."""
        if word not in self._places:
            self._places[word] = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", self.text)]
        return self._places[word]

    def add(self, raw: str, position: int, role: str | None = None) -> Person | None:
        """Record a name seen at ``position``; return the person it denotes."""
        name = person_name(raw)
        if not is_name(name):
            return None
        person = self._find(name, position, create=True)
        person.see(name, position)
        if role:
            person.roles.append((role, position))
        return person

    def find(self, raw: str, position: int) -> Person | None:
        """The person a name denotes, without recording it."""
        name = person_name(raw)
        return self._find(name, position, create=False) if name else None

    def _find(self, name: str, position: int, create: bool) -> Person | None:
        surname, first = _surname(name), _first(name)
        base, suffix = _split_suffix(surname)
        candidates = []
        for person in self.people:
            other, other_suffix = _split_suffix(person.surname)
            same = other == base or (
                min(len(other), len(base)) >= 5 and other[0] == base[0]
                and fuzz.ratio(other, base) >= SURNAME_SIMILARITY
            )
            # "Sousa" is John Philip Sousa IV; "Donald Trump" is not Donald Trump Jr.; nor is a bare
            # "Trump" when the text writes "President Trump" and never "President ... Trump Jr.".
            generations_differ = suffix != other_suffix and (bool(first and person.first) or base in self.titled)
            if same and not generations_differ and _compatible_first(first, person.first):
                candidates.append(person)
        if not candidates and not create:
            whole = name.casefold()
            candidates = [p for p in self.people if any(f.casefold() == whole for f in p.forms)]
        if candidates:
            # A bare surname shared by two people goes to the one without a generation ("Trump"
            # beside Donald Trump Jr. is his father), else to the one named last before it.
            return max(candidates, key=lambda p: (not _split_suffix(p.surname)[1],
                                                  max((x for x in p.positions if x <= position), default=-1)))
        if not create:
            return None
        person = Person()
        self.people.append(person)
        return person

    def by_role(self, description: str, position: int) -> Person | None:
        """The person whose role in this article fits a description like "the Belarusian leader".

        When several do, the one named last before ``position`` wins.
        """
        holders = [p for p in self.people if p.holds(description)]
        if not holders:
            return None
        return max(holders, key=lambda p: max((x for x in p.positions if x <= position), default=-1))


def _titled_without_generation(text: str) -> set[str]:
    """Surnames (casefolded) that the text writes after a title of office it never writes before
    the same surname with a generation."""
    without: dict[str, set[str]] = {}
    for m in TITLED_RE.finditer(text):
        if not GENERATION_AFTER_RE.match(text, m.end()):
            without.setdefault(m.group(2).casefold(), set()).add(m.group(1).casefold().rstrip("."))
    with_generation: dict[str, set[str]] = {}
    for m in TITLED_GENERATION_RE.finditer(text):
        with_generation.setdefault(m.group(2).casefold(), set()).add(m.group(1).casefold().rstrip("."))
    return {name for name, titles in without.items() if titles - with_generation.get(name, set())}


# A title of office (not an honorific: "Mr. Biden" is Joseph R. Biden Jr.) before a surname, and
# the same title before a name with its generation.
OFFICE = r"\b(President|Senator|Sen|Governor|Gov|Representative|Rep|Secretary|Mayor|Speaker|Judge)\.?[ \t]+"
GENERATION = r",?[ \t]+(?:Jr|Sr|II|III|IV)\b"  # SUFFIXES as the text writes them after a surname
TITLED_RE = re.compile(OFFICE + r"([A-Z][\w’'-]+)\b(?![ \t]+[A-Z])")
TITLED_GENERATION_RE = re.compile(OFFICE + r"(?:[A-Z][\w.’'-]*[ \t]+){0,3}?([A-Z][\w’'-]+)" + GENERATION)
GENERATION_AFTER_RE = re.compile(GENERATION)
SPACE = r"[ \t\u00a0]+"  # between the words of a name: never a line break
NAME_RUN_RE = re.compile(rf"\b(?:[A-Z][\w’'-]*\.?{SPACE}){{0,5}}[A-Z][\w’'-]+")
OF_BEFORE_RE = re.compile(r"\b(?:of|for)(?: the)?\s+$")
APPOSITIVE_RE = re.compile(r",\s+((?:a|an|the)\s+[^,.;:\"“”]{3,80}?)(?=,|\.)")


def collect_from_text(text: str, people: People) -> None:
    """Add the roles that plain text gives people: a role written before a name ("Belarusian
    President Alexander Lukashenko") or an appositive after a known name ("Dmitry Peskov, a
    spokesman for the Russian president,"), also in sentences that were not parsed."""
    for m in NAME_RUN_RE.finditer(text):
        run, start = m.group(), m.start()
        cut = re.search(r".*\w\w\w\.\s+", run)  # "from Moscow. President Lukashenko": two sentences
        if cut:
            run, start = run[cut.end():], start + cut.end()
        role, name = split_title(run)
        if role is not None and OF_BEFORE_RE.search(text, max(0, start - 12), start):
            continue  # "the press secretary of the Russian President Dmitry Peskov": the role is longer
        if role is None:
            after = APPOSITIVE_RE.match(text, m.end())
            if after is None or not is_role(after.group(1)):
                continue
            role = after.group(1)
            known = people.find(name, start)
            if known is None:
                continue
        else:
            known = people.find(name, start)
        if known is not None and start in known.positions:
            known.roles.append((role, start))
        elif known is not None or len(name.split()) >= 2:
            people.add(name, start, role)


TITLE_GLUE_RE = re.compile(r"(?:\b[A-Z][\w.'’-]*|\bof|\bfor|\bthe)[ ]$")  # what a title ends with before a name
TITLE_OF_RE = re.compile(r"\b[A-Z][\w.'’-]*[ ](?:of|for)[ ]$")  # "Secretary of State", "Chief of Staff"


def _first_name_word(word: str) -> bool:
    """A capitalised word that can be a first name: not a title, nor a word that opens a sentence
    or a headline before a surname ("Because Putin", "Assessing Obama")."""
    low = word.casefold()
    return bool(re.fullmatch(r"[A-Z][a-z]+", word)) and low not in NOT_FIRST_NAMES | NOT_NAME_OPENINGS \
        and not low.endswith("ing") and not TITLES_RE.match(word + " ")


def complete_surnames(text: str, people: People) -> None:
    """Find the full name of a person the article names only by surname, when the text writes it
    with one first name ("Stuart Evans, a deputy assistant attorney general, ... Evans said"):
    the NER of the parsed sentences may have missed it. It is kept apart (``full_name``) for
    corpus-wide resolution; within the article the speaker keeps the name it was given."""
    for person in people.people:
        if person.first or len(person.surname) < 3 or " " in person.surname:
            continue
        surname = next((f for f in person.forms if f.casefold() == person.surname), None)
        if surname is None:
            continue
        # A first name, then perhaps a middle initial or name ("Hillary Rodham Clinton" is no Rodham),
        # after words that are not names ("Secretary", "When").
        runs = re.finditer(rf"\b[A-Z][a-z]+(?:{SPACE}(?:[A-Z]\.|[A-Z][a-z]+))?{SPACE}{re.escape(surname)}\b", text)
        found = []
        for m in runs:
            words = m.group().split()
            before = text[max(0, m.start() - 30):m.start()]
            if len(words) > 2:
                initial = re.fullmatch(r"[A-Z]\.", words[1])  # "President George W. Bush"
                if not _first_name_word(words[0]) or TITLE_GLUE_RE.search(before) and not initial:
                    words.pop(0)  # "Secretary of State John Kerry": the run goes on a title, not a first name
            elif TITLE_OF_RE.search(before):
                continue  # "Secretary of State Tillerson": no first name at all
            if _first_name_word(words[0]):
                found.append((" ".join(words), m.start()))
        # News write the full name before the bare surname: "President Trump ... Melania Trump"
        # does not make the president Melania, nor "Andy McCarthy's book ... McCarthy argues ...
        # Kevin McCarthy" the House leader.
        before = [full for full, at in found if at < min(person.positions)]
        if len({full.split()[0] for full in before}) == 1:
            person.full_name = before[-1]
