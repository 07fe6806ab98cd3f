"""One statement, many wordings: fuzzy clustering of quote variants across translations and outlets.

Leader clustering, so that unrelated quotes never chain together and new quotes join the
statements already there (incremental by construction):

1. Exact duplicates, once normalised (case, punctuation, quote marks, white space), go together.
2. Candidate statements come from blocking: the rarest words of a quote that other wordings
   hold too (names, numbers, rare terms) look up the statements whose wordings hold them; with
   speakers known, only statements of the same speaker (or of an unknown one) are candidates.
3. A candidate is scored against its leader and a few of its variants by several scorers
   (rapidfuzz's character, token-set and token-sort ratios, the overlap of the content words,
   the ratio of the lengths), which a logistic model fitted on wmt21-de-en combines into the
   probability that two wordings are one statement (``scripts/fit_similarity``); the quote
   joins the best statement over the threshold, else it leads a new one.
4. Guards: never join when the numbers differ or one wording is negated and the other is not.
5. A quote whose words all stand in a much longer quote is an excerpt of it: linked, not merged.
6. A second look: a quote of the batch still alone once the batch is placed moves into a
   statement of several wordings that it matches (the wordings that would have joined it came
   later and each went elsewhere). Statements are never merged.

With an :class:`~quotes.semantic.Embedder` (optional), one more scorer joins (with its own
fitted weights): the cosine of sentence vectors, which also brings the statements whose leaders
are nearest as candidates.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from rapidfuzz import fuzz

from . import semantic

if TYPE_CHECKING:
    import numpy as np

STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those he she they we you i his her their our your my me him them us not no do does did have has had
will would shall should can could may might must so than then there here what which who whom whose when
where why how all any some such into over after before about also just very more most said says say
""".split())
NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot n't nowhere".split())
# Words that negate what follows them ("failed to find anyone" is "did not find anyone").
NEGATING_WORDS = frozenset("fail fails failed failing lack lacks lacked lacking unable".split())
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# A comma joins digits only as a thousands separator: "(3,5)" is two numbers, "3,500" one.
NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Digits glued to letters belong to a name, not a quantity: "COVID-19", "G7", "F-35".
NAME_DIGITS_RE = re.compile(r"(?<![\d.,])\b[^\W\d_]+-?\d+\b")
# Thousands that a translation spaces: "140, 000", "12 500" (a plain or a no-break space).
SPACED_THOUSANDS_RE = re.compile(r"\b(\d{1,3})(?:, | |\u00a0|\u202f)(\d{3})\b")
# Spelled numbers a translation may write as words ("for six months"); not "one" (no one, the one).
NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve".split(), start=2)} | {
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60"}
# The logistic model over the scorers of ``scorers``: the intercept, then a weight for each
# scorer, fitted by scripts/fit_similarity on wmt21-de-en (run it again after changing
# ``scorers``); with the semantic scorer, the cosine has the last weight.
LEXICAL_WEIGHTS = (-22.19, 9.01, 2.11, 2.82, 7.62, 9.37)
SEMANTIC_WEIGHTS = (-22.46, 9.16, 0.96, 2.16, 6.14, 9.06, 3.75)
SIMILARITY = 0.3  # the probability a wording needs to join; chosen on wmt21-de-en (see README)
BLOCK_WORDS = 4  # rarest words of a quote used to find candidates
MAX_BLOCK = 50  # statements a blocking word may lead to
MAX_VARIANTS_COMPARED = 4  # the leader and up to this many other variants of a candidate
EXCERPT_SHARE = 0.6  # a quote at most this share of a longer one, all its words in it, is an excerpt


def normalise(text: str) -> str:
    """Case, quote marks, punctuation and white space do not make another wording."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(WORD_RE.findall(text))


def _stem(word: str) -> str:
    """A crude stem so that "talks"/"talk" and "negotiated"/"negotiate" share a block and a score."""
    for end in ("ing", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return word


@dataclass
class Variant:
    """One wording of a statement, with what scoring and guards need."""

    id: str
    text: str
    norm: str
    content: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    speaker: str | None = None
    vector: "np.ndarray | None" = None  # a unit sentence vector, with the semantic scorer only

    @classmethod
    def of(cls, id: str, text: str, speaker: str | None = None) -> "Variant":
        norm = normalise(text)
        toks = norm.split()
        content = frozenset(_stem(w) for w in toks if w not in STOPWORDS)
        numbers = frozenset(_numbers(text) + [NUMBER_WORDS[w] for w in toks if w in NUMBER_WORDS])
        negated = any(w in NEGATIONS or w in NEGATING_WORDS or w.endswith("n't") for w in toks)
        return cls(id, text, norm, content, numbers, negated, speaker)


def _numbers(text: str) -> list[str]:
    """The quantities a wording states, written one way: "140, 000" and "140,000" are 140000,
    "8.00" is 8; the 19 of "COVID-19" is no quantity."""
    text = SPACED_THOUSANDS_RE.sub(r"\1,\2", NAME_DIGITS_RE.sub(" ", text))
    found = [n.replace(",", "") for n in NUMBER_RE.findall(text)]
    return [(n.rstrip("0").rstrip(".") or "0") if "." in n else n for n in found]


def scorers(a: Variant, b: Variant, cosine: bool = False) -> list[float]:
    """What the model weighs: the character ratio of the normalised wordings, the share of the
    smaller set of content words found in the other (to forgive a translation that adds a word),
    the token-set and token-sort ratios (words reordered), the ratio of the lengths, and with
    ``cosine`` the cosine of the sentence vectors (the semantic model's last scorer)."""
    shared = len(a.content & b.content)
    overlap = shared / min(len(a.content), len(b.content)) if a.content and b.content else 0.0
    lengths = min(len(a.norm), len(b.norm)) / max(len(a.norm), len(b.norm), 1)
    values = [fuzz.ratio(a.norm, b.norm) / 100, overlap, fuzz.token_set_ratio(a.norm, b.norm) / 100,
              fuzz.token_sort_ratio(a.norm, b.norm) / 100, lengths]
    return values + [float(a.vector @ b.vector)] if cosine else values


def combine(values: list[float], weights: tuple[float, ...]) -> float:
    """The logistic model's probability for these scorer values."""
    z = weights[0] + sum(w * v for w, v in zip(weights[1:], values))
    return 1 / (1 + math.exp(-z))


def similarity(a: Variant, b: Variant) -> float:
    """How likely two wordings are one statement, from the lexical scorers alone."""
    return combine(scorers(a, b), LEXICAL_WEIGHTS)


def compatible(a: Variant, b: Variant) -> bool:
    """Never one statement when the numbers differ or one wording is negated and the other is not."""
    return a.numbers == b.numbers and a.negated == b.negated


def is_excerpt(short: Variant, long: Variant) -> bool:
    """``short`` is a fragment of ``long``: all its words stand in it and it is much shorter."""
    return (len(short.norm) <= EXCERPT_SHARE * len(long.norm) and bool(short.content)
            and short.content <= long.content and short.norm in long.norm)


def _may_match(v: Variant, leader: Variant) -> bool:
    """A cheap filter before scoring: enough content words in common to be worth comparing."""
    shared = len(v.content & leader.content)
    return shared * 4 >= min(len(v.content), len(leader.content))


Key = tuple[str, str]  # (speaker, content word): "*" for every statement, "" for no known speaker


def blocking_words(content: Iterable[str], df: Counter) -> list[str]:
    """The rarest words of a quote (by how many wordings hold them), that look up its candidates;
    not the words no other wording holds, which lead nowhere."""
    return sorted((w for w in content if df[w] > 1), key=lambda w: (df[w], w))[:BLOCK_WORDS]


def lookup_keys(speaker: str | None, words: Iterable[str]) -> list[Key]:
    """The keys a quote looks up: its speaker's and no known speaker's statements, or everyone's."""
    words = list(words)
    if speaker is None:
        return [("*", w) for w in words]
    return [(speaker, w) for w in words] + [("", w) for w in words]


def index_keys(speaker: str | None, word: str) -> tuple[Key, Key]:
    """The keys a statement of ``speaker`` holding ``word`` is found under."""
    return ("*", word), (speaker or "", word)


@dataclass
class Statement:
    """A statement: its leader (first wording), the few variants new wordings are compared
    with, and how many wordings it has in all (the clusterer keeps no more in memory)."""

    id: int
    leader: Variant
    variants: list[Variant] = field(default_factory=list)
    speaker: str | None = None
    size: int = 1


@dataclass
class Assignment:
    """Where a quote went: its statement, its similarity to the statement's leader, and the
    longer statement it is an excerpt of, if any."""

    statement: int
    similarity: float
    excerpt_of: int | None = None


class Clusterer:
    """Statements so far; ``add`` clusters new quotes into them (or into new ones)."""

    def __init__(self, threshold: float | None = None, embedder: semantic.Embedder | None = None) -> None:
        self.embedder = embedder
        self.threshold = threshold if threshold is not None else semantic.SIMILARITY if embedder else SIMILARITY
        self.leaders = semantic.NearestLeaders() if embedder else None
        self.statements: list[Statement] = []
        self.exact: dict[tuple[str | None, str], int] = {}
        # (speaker, content word) -> statements holding it; speaker "*" indexes every statement.
        self.index: dict[Key, set[int]] = defaultdict(set)
        self.df: Counter = Counter()  # content word -> number of quotes holding it
        # Keys known to lead to more than MAX_BLOCK statements, some of them not loaded (seeded).
        self.capped: set[Key] = set()

    def add(self, quotes: Iterable[tuple[str, str, str | None]]) -> dict[str, Assignment]:
        """Cluster ``(id, text, speaker)`` triples; return each id's assignment."""
        return self.place(self.variants(list(quotes)))

    def place(self, batch: list[Variant]) -> dict[str, Assignment]:
        """Cluster variants made by ``variants``; return each id's assignment."""
        for v in batch:
            self.df.update(v.content)
        # Longer wordings lead: an excerpt met first would lead the statement it belongs to.
        out: dict[str, Assignment] = {}
        first_new = len(self.statements)
        order = sorted(batch, key=lambda v: -len(v.norm))
        for v in order:
            out[v.id] = self._place(v)
        self._second_look(order, out, first_new)
        return out

    def _second_look(self, order: list[Variant], out: dict[str, Assignment], first_new: int) -> None:
        """A quote placed early stays alone when the wordings that would join it come later and
        each lead elsewhere (two free translations of one sentence, then the machine ones that
        sit between them): look again once the batch is placed, and move a quote still alone
        into a statement of several wordings that it matches. Only statements begun in this
        batch are emptied, and an emptied one is dropped (``size`` 0)."""
        moved: dict[int, int] = {}
        for v in order:
            own = self.statements[out[v.id].statement]
            if own.id < first_new or own.size != 1 or own.leader is not v:
                continue
            best, score, _ = self._best(v, exclude=own.id, min_size=2)
            if best is None or score < self.threshold:
                continue
            own.size = 0
            out[v.id] = self._join(v, best, score)
            moved[own.id] = best.id
        for a in out.values():  # an excerpt of an emptied statement is one of where its quote went
            if a.excerpt_of in moved:
                a.excerpt_of = moved[a.excerpt_of]

    def seed(self, wordings: list[tuple[str, str, str | None]], size: int, count_words: bool = True) -> int:
        """Restore a statement built before: its leader and the variants new wordings are compared
        with, ``(id, text, speaker)`` each, leader first; return its index. ``count_words=False``
        when the caller has counted the words of every statement into ``df`` already."""
        leader, *others = self.variants(wordings[:1 + MAX_VARIANTS_COMPARED])
        s = self._new_statement(leader, size)
        for v in [leader, *others]:
            if count_words:
                self.df.update(v.content)
            self.exact[(v.speaker, v.norm)] = s.id
            if v is not leader:
                s.variants.append(v)
            self._index(v, s)
        return s.id

    def variants(self, quotes: list[tuple[str, str, str | None]]) -> list[Variant]:
        """``(id, text, speaker)`` triples as variants (with their vectors, for the semantic scorer)."""
        variants = [Variant.of(i, t, s) for i, t, s in quotes]
        if self.embedder is not None:
            for v, vector in zip(variants, self.embedder.embed([v.text for v in variants])):
                v.vector = vector
        return variants

    def _new_statement(self, leader: Variant, size: int = 1) -> Statement:
        s = Statement(len(self.statements), leader, [leader], leader.speaker, size)
        self.statements.append(s)
        if self.leaders is not None:
            self.leaders.add(leader.vector)
        return s

    def _score(self, a: Variant, b: Variant) -> float:
        if a.vector is not None and b.vector is not None:
            return combine(scorers(a, b, cosine=True), SEMANTIC_WEIGHTS)
        return similarity(a, b)

    def _candidates(self, v: Variant) -> set[int]:
        """Statements sharing one of the quote's rarest words: of its speaker or of no known
        speaker when the speaker is known, of anyone when it is not."""
        found: set[int] = set()
        for key in lookup_keys(v.speaker, blocking_words(v.content, self.df)):
            if key in self.capped:
                continue
            postings = self.index.get(key, ())
            if len(postings) <= MAX_BLOCK:  # a word in that many statements tells nothing
                found.update(postings)
        if self.leaders is not None and v.vector is not None:
            found.update(c for c in self.leaders.nearest(v.vector)
                         if v.speaker is None or self.statements[c].speaker in (v.speaker, None))
        return found

    def _index(self, v: Variant, statement: Statement) -> None:
        for w in v.content:
            for key in index_keys(statement.speaker, w):
                self.index[key].add(statement.id)

    def _best(self, v: Variant, exclude: int = -1, min_size: int = 1) -> tuple[Statement | None, float, int | None]:
        """The candidate statement ``v`` scores best with, that score, and the first statement
        ``v`` is an excerpt of."""
        best, best_score, excerpt_of = None, 0.0, None
        for c in sorted(self._candidates(v)):
            s = self.statements[c]
            compared = s.variants  # the leader first, then at most MAX_VARIANTS_COMPARED others
            if c == exclude or s.size < min_size or not any(_may_match(v, other) for other in compared):
                continue
            if is_excerpt(v, s.leader):
                excerpt_of = s.id if excerpt_of is None else excerpt_of
                continue  # a fragment of a longer quote is linked to it, not merged
            if not compatible(v, s.leader):
                continue
            score = max(self._score(v, other) for other in compared)
            if score > best_score:
                best, best_score = s, score
        return best, best_score, excerpt_of

    def _join(self, v: Variant, statement: Statement, score: float) -> Assignment:
        """Put ``v`` into ``statement``; it becomes a compared variant while there is room."""
        statement.size += 1
        self.exact[(v.speaker, v.norm)] = statement.id
        if len(statement.variants) < 1 + MAX_VARIANTS_COMPARED:
            statement.variants.append(v)
            self._index(v, statement)  # the words of a compared variant find the statement too
        return Assignment(statement.id, round(score, 4))

    def _place(self, v: Variant) -> Assignment:
        key = (v.speaker, v.norm)
        if key in self.exact:
            s = self.statements[self.exact[key]]
            s.size += 1
            return Assignment(s.id, 1.0)
        best, best_score, excerpt_of = self._best(v)
        if best is not None and best_score >= self.threshold:
            return self._join(v, best, best_score)
        s = self._new_statement(v)
        self.exact[key] = s.id
        self._index(v, s)
        return Assignment(s.id, 1.0, excerpt_of)
