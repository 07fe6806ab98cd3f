"""One person across every article: corpus-wide resolution of the speakers each article names.

Extraction gives every article its own speakers ("Lukashenko" here, "Alexander Lukashenka" there).
This stage groups them into corpus speakers, in steps that each leave their name on the link:

- ``registry``: a form listed in the curated registry (``db/speakers.yml``) goes to its entry.
- ``full_name``: full names join when their surnames agree up to transliteration and typos
  (Lukashenko, Lukashenka, Lukashenkko) and their first names do (Dmitry, Dmitri, Dmitriy; D.).
- ``shared_role``: full names whose first names conflict join only when they share a role
  ("Alexei Lukashenko" and "Alexander Lukashenko", both "Belarusian President").
- ``surname_unique`` / ``surname_role`` / ``surname_dominant``: a bare surname joins the one full
  name with that surname in the corpus, or among several the one whose role it shares, or the one
  that holds nine in ten of their quotes; otherwise it stays apart ("Clinton" beside Hillary and Bill).
- ``surname_only``: bare surnames that no full name took join the other spellings of their surname.
- ``same_name``: organisations and groups join only by their normalised names, never with people.
- ``own``: nothing joined it. (``correction`` is the step of a link a person made: speaker_tables.)
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz, process

from .cues import TITLES_RE
from .gender import first_names
from .names import SUFFIXES
from .roles import RoleKey, role_key

SURNAME_SIMILARITY = 85  # on transliteration keys; the in-article threshold (names.SURNAME_SIMILARITY)
DOMINANT_SHARE = 0.9  # a bare surname goes to a full name holding this share of the candidates' quotes
FIRST_NAME_SIMILARITY = 90  # Aleksandr/Alexander 95, Alexei/Alexander 71
# Spellings that transliterations of one Russian or Belarusian name take in English copy.
TRANSLIT_RULES = [
    (r"(?:iy|yy|ij|ii|y)$", "i"), (r"kh", "h"), (r"y(?=[aeiou])", "i"), (r"ie$", "i"), (r"ei", "ey"),
    (r"(?<=[aeiou])y(?![aeiou])", "i"), (r"ck", "k"), (r"c(?=[kt])", "k"), (r"x", "ks"), (r"j(?=[aeiou])", "i"),
    (r"(.)\1", r"\1"),
]


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Case, accents and punctuation do not make another name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s-]", " ", text)).strip()


@functools.lru_cache(maxsize=1 << 18)
def translit_key(word: str) -> str:
    """One key for the English spellings of a name: Dmitry, Dmitri and Dmitriy -> "dmitri"."""
    key = fold(word).replace("-", "")
    for pattern, repl in TRANSLIT_RULES:
        key = re.sub(pattern, repl, key)
    return key


@dataclass(frozen=True)
class Name:
    first: str  # translit key of the first name, "" for a bare surname; an initial is one letter
    surname: str  # translit key of the surname
    suffix: str = ""  # "jr", "iii": father and son differ
    middle: str = ""  # middle initials: George H. W. Bush is not George W. Bush


@functools.lru_cache(maxsize=1 << 18)
def parse_name(name: str) -> Name:
    """The parts of a person's name that identify them, titles dropped."""
    name = TITLES_RE.sub("", name.strip())
    parts = [p for p in re.split(r"[\s,]+", name) if p]
    suffix = ""
    while parts and fold(parts[-1]).replace(" ", "") in SUFFIXES:
        suffix = fold(parts.pop()).replace(" ", "")
    if not parts:
        return Name("", "")
    first = translit_key(parts[0].rstrip(".")) if len(parts) > 1 else ""
    initials = [p for p in parts[1:-1] if re.fullmatch(r"(?:[A-Z]\.?){1,3}", p)]
    middle = "".join(c.lower() for p in initials for c in p if c.isalpha())
    surname = parts[-1]
    # A surname of two or three letters is too short to spell the same way twice by chance:
    # "Ri" (Ri Yong-ho) and "Rye" must not become one key.
    return Name(first, translit_key(surname) if len(surname) > 3 else fold(surname), suffix, middle)


def same_person_name(a: Name, b: Name) -> bool:
    """Two full names can be one person's: same surname, no different generation or middle initials."""
    return a.suffix == b.suffix and (not a.middle or not b.middle or a.middle == b.middle) \
        and same_surname(a.surname, b.surname)


def same_surname(a: str, b: str) -> bool:
    """Spellings of one surname: Lukashenko, Lukashenka, Lukashenkko. Not Sanders and Saunders
    (they part within the first four letters), nor Peskov and Peskova (a woman's form)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:4] != b[:4] or a + "a" == b or b + "a" == a:
        return False
    return fuzz.ratio(a, b) >= SURNAME_SIMILARITY


def first_names_agree(a: str, b: str) -> bool:
    """Dmitry/Dmitri agree; "D." agrees with any D name; Alexander and Alexei do not."""
    if not a or not b or a == b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    shorter, longer = sorted((a, b), key=len)
    stems = {shorter, shorter[:-1] if shorter[-1] in "aeiouy" else shorter}
    if any(longer.startswith(stem) and longer[len(stem):] in ("a", "e", "ka", "le", "ina") for stem in stems):
        return False  # Daniel and Danielle, Eric and Erica, Ivan, Ivana and Ivanka
    return fuzz.ratio(a, b) >= FIRST_NAME_SIMILARITY


@dataclass
class LocalSpeaker:
    """A speaker as one article names it: the unit that resolution groups."""

    id: str
    name: str
    kind: str
    quotes: int = 1
    roles: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()


@dataclass
class Registry:
    """Curated speakers: canonical names with their aliases, kinds, Wikidata ids and roles."""

    entries: list[dict] = field(default_factory=list)

    def lookup(self) -> dict[tuple[str, str], int]:
        """(kind, folded form) -> index of the entry; a form that two entries list decides nothing.
        A listed person's surname alone, taken by NER for an organisation ("Trump said" in an
        article that names no Donald Trump), is that person too, unless another entry claims it;
        and a listed organisation's name taken for a person's ("Facebook said") is the organisation."""
        found: dict[tuple[str, str], int] = {}
        shared = set()
        surnames = {surname for e in self.entries if (surname := _listed_surname(e))}
        for i, e in enumerate(self.entries):
            kind = e.get("kind", "person")
            forms = [e["name"], *e.get("aliases", [])]
            keys = [(kind, fold(form)) for form in forms]
            if _listed_surname(e):
                keys.append(("organization", _listed_surname(e)))
            if kind == "organization":  # not "Ford" beside a listed Gerald Ford
                keys += [("person", fold(form)) for form in forms if fold(form) not in surnames]
            for key in dict.fromkeys(keys):
                if found.get(key, i) != i:
                    shared.add(key)
                found[key] = i
        return {k: v for k, v in found.items() if k not in shared}


def _listed_surname(entry: dict) -> str | None:
    """The folded surname of a registry person with a full name; not "Jr" of "Donald Trump Jr"."""
    words = entry["name"].split()
    if entry.get("kind", "person") != "person" or len(words) < 2 or fold(words[-1]).rstrip(".") in SUFFIXES:
        return None
    return fold(words[-1])


@dataclass
class Link:
    """Where one local speaker went: its corpus speaker's key and the step that put it there."""

    cluster: int
    step: str


class _Groups:
    """Union-find over local speakers that never puts two registry entries together."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.step = ["own"] * n
        self.entry: dict[int, int] = {}  # root -> registry entry

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, how: str) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        ei, ej = self.entry.get(ri), self.entry.get(rj)
        if ei is not None and ej is not None and ei != ej:
            return  # two registry entries stay two speakers
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        entry = ei if ei is not None else ej
        self.entry.pop(child, None)
        if entry is not None:
            self.entry[root] = entry
        for k in (i, j):
            if self.step[k] == "own":
                self.step[k] = how


def resolve(locals_: Iterable[LocalSpeaker], registry: Registry | None = None) -> tuple[dict[str, Link], dict[int, str]]:
    """Group local speakers into corpus speakers; return each local id's link and each cluster's name."""
    items = list(locals_)
    registry = registry or Registry()
    groups = _Groups(len(items))
    listed = registry.lookup()
    for i, s in enumerate(items):
        entry = next((listed[(s.kind, fold(f))] for f in (s.name, *s.forms) if (s.kind, fold(f)) in listed), None)
        if entry is not None:
            groups.step[i] = "registry"
            anchor = next((r for r, e in groups.entry.items() if e == entry), None)
            groups.entry[groups.find(i)] = entry
            if anchor is not None:
                groups.union(anchor, i, "registry")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(items):
        by_kind[s.kind].append(i)
    for kind, members in by_kind.items():
        if kind == "person":
            _resolve_people(items, members, groups)
            continue
        first_of: dict[str, int] = {}
        for i in members:
            key = re.sub(r"^the ", "", fold(items[i].name))
            if key in first_of:
                groups.union(first_of[key], i, "same_name")
            else:
                first_of[key] = i
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        clusters[groups.find(i)].append(i)
    names = {root: _canonical(items, members, registry, groups.entry.get(root)) for root, members in clusters.items()}
    return {items[i].id: Link(groups.find(i), groups.step[i]) for i in range(len(items))}, names


def _roles_of(s: LocalSpeaker) -> list[RoleKey]:
    return [k for r in s.roles if (k := role_key(r)) is not None and k.modifiers]


def _share_role(a: list[RoleKey], b: list[RoleKey]) -> bool:
    return any(x.head == y.head and (x.modifiers <= y.modifiers or y.modifiers <= x.modifiers)
               for x in a for y in b)


def _similar_surnames(surnames: list[str]) -> list[tuple[int, int]]:
    """Pairs of indexes of surnames that are spellings of one another (rapidfuzz, all pairs in C)."""
    if len(surnames) < 2:
        return []
    scores = process.cdist(surnames, surnames, scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY, workers=1)
    pairs = []
    for x, y in zip(*scores.nonzero()):
        if x < y and same_surname(surnames[x], surnames[y]):
            pairs.append((int(x), int(y)))
    return pairs


def _resolve_people(items: list[LocalSpeaker], members: list[int], groups: _Groups) -> None:
    parsed = {i: parse_name(items[i].name) for i in members}
    roles = {i: _roles_of(items[i]) for i in members}
    # A bare name that the corpus's full names use more as a first name than as a surname ("a man
    # named Anton", "Dan") is no surname to join a full name by.
    names = {(n.first, n.surname) for n in parsed.values() if len(n.first) > 1}
    as_first, as_surname = Counter(f for f, _ in names), Counter(sn for _, sn in names)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in members:
        if parsed[i].surname:
            blocks[parsed[i].surname[0]].append(i)
    for block in blocks.values():
        full = [i for i in block if len(parsed[i].first) > 1]
        bare = [i for i in block if len(parsed[i].first) <= 1]
        # The pairwise work is over distinct spellings, not over every article's speaker.
        by_key: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
        for i in full:
            by_key[(parsed[i].first, parsed[i].surname, parsed[i].suffix, parsed[i].middle)].append(i)
        shapes = {k: parsed[by_key[k][0]] for k in by_key}
        for group in by_key.values():
            for i in group[1:]:
                groups.union(group[0], i, "full_name")
        surnames = sorted({key[1] for key in by_key} | {parsed[i].surname for i in bare})
        index = {sn: n for n, sn in enumerate(surnames)}
        similar: dict[str, set[str]] = {sn: {sn} for sn in surnames}
        for x, y in _similar_surnames(surnames):
            similar[surnames[x]].add(surnames[y])
            similar[surnames[y]].add(surnames[x])
        keys_by_surname: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
        for key in by_key:
            keys_by_surname[key[1]].append(key)
        key_roles = {k: [r for i in by_key[k] for r in roles[i]] for k in by_key}
        key_quotes = {k: sum(items[i].quotes for i in by_key[k]) for k in by_key}
        for a in by_key:
            for sn in similar[a[1]]:
                for b in keys_by_surname[sn]:
                    if index[a[1]] > index[b[1]] or (a[1] == b[1] and a >= b):
                        continue
                    if not same_person_name(shapes[a], shapes[b]):
                        continue
                    if first_names_agree(a[0], b[0]):
                        groups.union(by_key[a][0], by_key[b][0], "full_name")
                    elif a[0][:1] == b[0][:1] and _share_role(key_roles[a], key_roles[b]):
                        # Alexei and Alexander, both "Belarusian President"; never Melania and
                        # Donald, whatever the roles a noisy sentence gave them.
                        groups.union(by_key[a][0], by_key[b][0], "shared_role")
        # Bare surnames and initials join a full name only when the corpus supports it.
        def spellings(surname: str) -> set[str]:
            # Across articles a bare surname is matched as spelled, but for long ones, whose
            # transliterations differ (Lukashenka): "Friend" is not "Fried".
            return similar[surname] if len(surname) >= 7 else {surname}

        for i in bare:
            surname = parsed[i].surname  # a short one is keyed by its spelling, a first name never
            given = as_first[translit_key(surname) if len(surname) <= 3 else surname]
            if not parsed[i].first and (given > as_surname[surname] or given == as_surname[surname]
                                        and items[i].name.casefold() in first_names()):
                # As often a first name as a surname, and a common first name: "a man named Anton"
                # is not Michael Anton, "Rudy" (Giuliani) not Chris Ruddy.
                continue
            keys = [k for sn in sorted(spellings(parsed[i].surname)) for k in keys_by_surname[sn]
                    if first_names_agree(parsed[i].first, k[0]) and (not parsed[i].suffix or k[2] == parsed[i].suffix)]
            candidates = {groups.find(by_key[k][0]) for k in keys}
            if len(candidates) == 1:
                groups.union(next(iter(candidates)), i, "surname_unique")
                continue
            fitting = {groups.find(by_key[k][0]) for k in keys if _share_role(roles[i], key_roles[k])}
            if len(fitting) == 1:
                groups.union(next(iter(fitting)), i, "surname_role")
                continue
            weight = Counter()
            for k in keys:
                weight[groups.find(by_key[k][0])] += key_quotes[k]
            if weight:
                (top, n), = weight.most_common(1)
                if n >= DOMINANT_SHARE * sum(weight.values()):
                    # "Obama" beside Barack Obama and Michelle Obama: the corpus quotes one of them
                    # nine times out of ten.
                    groups.union(top, i, "surname_dominant")
        # Bare surnames that no full name took join the other spellings of their surname, of the
        # same generation ("Donald" is not "Donald Jr").
        taken = {groups.find(i) for i in full}
        alone: dict[tuple[str, str], int] = {}
        for i in bare:
            if groups.find(i) in taken:
                continue
            suffix = parsed[i].suffix
            key = next(((k, suffix) for k in sorted(spellings(parsed[i].surname)) if (k, suffix) in alone), None)
            if key is None:
                alone[(parsed[i].surname, suffix)] = i
            elif parsed[i].first == parsed[alone[key]].first or not parsed[i].first:
                groups.union(alone[key], i, "surname_only")


def _canonical(items: list[LocalSpeaker], members: list[int], registry: Registry, entry: int | None) -> str:
    """The registry's name, else the most quoted of the fullest names."""
    if entry is not None:
        return registry.entries[entry]["name"]
    weight: Counter = Counter()
    for i in members:
        weight[items[i].name] += items[i].quotes
    return max(weight, key=lambda n: (items[members[0]].kind != "person" or len(parse_name(n).first) > 1,
                                      weight[n], len(n)))
