"""What differs between two wordings of a statement, word by word, for the publication."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .statements import normalise

TOKEN_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Piece:
    """A run of words: the same in both wordings (``same``), or what each wording has there."""

    same: bool
    a: str
    b: str


def compare(a: str, b: str) -> list[Piece]:
    """Align two wordings word by word, ignoring case and punctuation; each piece keeps the
    words exactly as each wording writes them."""
    wa, wb = TOKEN_RE.findall(a), TOKEN_RE.findall(b)
    matcher = SequenceMatcher(None, [normalise(w) for w in wa], [normalise(w) for w in wb], autojunk=False)
    pieces = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        pieces.append(Piece(op == "equal", " ".join(wa[i1:i2]), " ".join(wb[j1:j2])))
    return pieces
