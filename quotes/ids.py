"""Ids that stay the same from build to build for the same things."""
from __future__ import annotations

import hashlib


def stable_id(*parts: object) -> str:
    """A short id made from its parts."""
    return hashlib.sha1(":".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def speaker_id(name: str, kind: str | None) -> str:
    return stable_id(kind or "person", name.casefold())
