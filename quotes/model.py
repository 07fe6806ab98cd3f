"""Plain data passed between the stages: articles in, quotes out."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "group", "anonymous"]


@dataclass(frozen=True)
class Article:
    """One news article. ``text`` is kept exactly as given: quote offsets index into it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    origin: str = ""  # "path" or "path:line", for error messages and provenance


@dataclass
class Quote:
    """A quote found in an article and who said it.

    ``start``/``end`` are character offsets into the article text; for a direct quote they
    delimit what stands inside the quote marks.
    """

    article_id: str
    start: int
    end: int
    text: str
    type: QuoteType
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_kind: SpeakerKind | None = None
    cue: str | None = None
    rule: str | None = None
    confidence: float = 0.0
    mention_start: int | None = None
    mention_end: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The quote as one line of ``quotes extract --format jsonl``."""
        row = asdict(self)
        row.pop("extra")
        return row
