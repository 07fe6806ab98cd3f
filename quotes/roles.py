"""Roles and descriptions of speakers: "the Belarusian leader" is the article's "Belarusian President".

A role is reduced to a key: its head noun (with synonyms folded: leader, head -> president) and
the set of its modifiers (nationalities folded to countries). A description matches a role when
the heads agree and every modifier of the description is among the role's.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

HEADS = {
    "leader": "president", "head": "president", "president": "president",
    "spokesman": "spokesman", "spokeswoman": "spokesman", "spokesperson": "spokesman",
    "secretary": "secretary", "premier": "prime minister", "pm": "prime minister",
    "chancellor": "chancellor", "minister": "minister", "professor": "professor",
    "scientist": "scientist", "analyst": "analyst", "expert": "expert", "director": "director",
}
MODIFIERS = {
    "belarusian": "belarus", "belarussian": "belarus", "byelorussian": "belarus",
    "russian": "russia", "kremlin": "russia", "ukrainian": "ukraine", "american": "us",
    "u.s.": "us", "united states": "us", "german": "germany", "french": "france",
    "british": "uk", "chinese": "china", "polish": "poland", "lithuanian": "lithuania",
    "moscow": "russia", "minsk": "belarus", "kiev": "ukraine", "kyiv": "ukraine",
    "presidential": "president", "press": "", "secretary": "",
}
STOP = {"the", "a", "an", "of", "for", "at", "to", "in", "on", "and", "his", "her", "its", "their",
        "country", "state", "republic", "federation", "s", "'s", "’s", "former", "current", "then"}
RELATIVES = {"who", "whom", "whose", "which", "that"}
SPLIT_RE = re.compile(r"\s+(?:of|for|at|to|in|from)\s+")


@dataclass(frozen=True)
class RoleKey:
    head: str
    modifiers: frozenset[str]


def _words(text: str) -> tuple[list[str], list[str]]:
    """The words of a role before its first of/for/at/... (stop words out), and those after."""
    text = re.sub(r"press secretary", "spokesman", text.casefold())
    text = re.sub(r"prime minister", "premier", text)
    parts = SPLIT_RE.split(" ".join(re.findall(r"[\w.’']+", text)), maxsplit=1)
    return [w for w in parts[0].split() if w not in STOP], parts[1].split() if len(parts) > 1 else []


def is_role(text: str) -> bool:
    """Whether a phrase beside a name describes its holder: it holds a role noun ("U.S. President
    Donald Trump's former personal attorney" is kept as Michael Cohen's role)."""
    return any(w in HEADS for w in _words(text)[0])


def role_key(text: str) -> RoleKey | None:
    """Reduce "a spokesman for the Russian president" to ``RoleKey("spokesman", {"russia", "president"})``."""
    pre, post = _words(text)
    # Not into a clause about the holder: "a Trump ally who golfed with the president".
    if any(w in RELATIVES for w in pre):
        pre, post = pre[:next(i for i, w in enumerate(pre) if w in RELATIVES)], []
    # The head comes after a possessor: "U.S. President Donald Trump's former personal attorney"
    # is an attorney, not a president.
    owner = max((i for i, w in enumerate(pre) if w.endswith(("'s", "’s"))), default=-1)
    head_at = next((i for i in range(len(pre) - 1, owner, -1) if pre[i] in HEADS), None)
    if head_at is None:
        return None
    mods = pre[:head_at] + pre[head_at + 1:] + post
    folded = {MODIFIERS.get(w, HEADS.get(w, w)) for w in mods if w not in STOP}
    return RoleKey(HEADS[pre[head_at]], frozenset(m for m in folded if m))


def matches(description: RoleKey, role: RoleKey) -> bool:
    """True when the description can denote the holder of ``role``."""
    return description.head == role.head and description.modifiers <= role.modifiers


@dataclass(frozen=True)
class KnownRole:
    key: RoleKey
    name: str
    kind: str


@lru_cache(maxsize=1)
def known_roles() -> tuple[KnownRole, ...]:
    """The shipped fallback table (``quotes/data/roles.tsv``) of roles common in the news we read."""
    rows = []
    with resources.files("quotes").joinpath("data/roles.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"):
            key = role_key(row["role"])
            if key:
                rows.append(KnownRole(key, row["name"], row["kind"]))
    return tuple(rows)


def known_holder(description: str) -> KnownRole | None:
    """The holder of a common role, when the article itself does not say who holds it."""
    key = role_key(description)
    if key is None:
        return None
    found = [r for r in known_roles() if r.key.head == key.head and r.key.modifiers == key.modifiers]
    return found[0] if len(found) == 1 else None
