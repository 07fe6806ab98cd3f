"""Find direct quotes by their quote marks, robust to the unbalanced marks of real copy.

Marks are paired paragraph by paragraph, so one missing mark damages one paragraph, never
the rest of the article. Each mark is read from its context (what stands on its left and
right) and then paired by a small state machine that knows the habits of translated copy:
a closing mark with a stray space before it, and a quote resumed after `` - `` whose opening
mark is missing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Literal

Hint = Literal["open", "close", "either"]

# `''` and ``` `` ``` are the double quotes of wire copy converted from typewriter style.
MARK_RE = re.compile(r"''|``|[\"“”„«»‹›]")
OPEN_ONLY = {"„", "«", "‹", "``"}
CLOSE_ONLY = {"»", "›"}
TYPO_OPEN = {"“"}
TYPO_CLOSE = {"”"}
LEFT_OPEN_CONTEXT = set("([{—–-/\u202a\u202c") | {"\u00a0"}
RIGHT_CLOSE_CONTEXT = set(".,;:!?)]}—–-…'’\u202a\u202c")
RESUME_RE = re.compile(r"(?<=[.,!?…:;])\s+[-–—]\s*(?=\S)")
SENTENCE_END = ".!?…"
# A comma, colon or semicolon glued to an opening quote mark ('Ryan said,“Look', 'Gowdy (R-S.C.):"I'),
# and a closing mark glued to the next sentence ('American women."He said'): spaCy's tokenizer
# splits punctuation only at spaces, so these are its infixes (extract.load_model).
GLUED_MARK_INFIX = r"(?<=[\w.)\]])[,:;](?=[\"“„«‘])|(?<=[,:;])[\"“„«‘]|(?<=[.!?,])[\"”»](?=[A-Z])"


@dataclass(frozen=True)
class QuoteSpan:
    """Text between two quote marks (or a mark and the paragraph edge)."""

    start: int
    end: int
    open_mark: int | None  # position of the opening mark; None when it is missing
    close_mark: int | None  # position of the closing mark; None when it is missing
    how: str  # "paired", "open_to_paragraph_end", "resumed_after_dash", "from_paragraph_start"


def after_close(span: QuoteSpan, text: str) -> int:
    """Where a quote ends with its closing mark ('' is two characters); its end if the mark is missing."""
    if span.close_mark is None:
        return span.end
    mark = MARK_RE.match(text, span.close_mark)
    return span.close_mark + (len(mark.group()) if mark else 1)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each non-blank line of ``text``."""
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line.rstrip("\r\n"))
        if text[pos:end].strip():
            yield pos, end
        pos += len(line)


SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?…])([\"”’»']*)\s+(?=[\"“‘«(\[A-Z0-9-])")
# Titles written with a period before a name ("Navy Capt. Jeff Davis"): no sentence ends there.
TITLE_ABBREVIATIONS = ("Mr Mrs Ms Dr Sen Sens Rep Reps Gov Gen Lt Col Maj Adm Cmdr Rev Fr Msgr Hon Amb Atty Supt "
                       "Det Sgt Cpl Pvt Capt Prof Pres").split()
ABBREVIATION_RE = re.compile(rf"(?:\b(?:{'|'.join(TITLE_ABBREVIATIONS)}|St|Jr|Sr|No|Inc|Corp|Co|Ltd|Ft|Mt|Vs|vs)|"
                             r"\b[A-Z])\.[\"”’»']*\s*$")


def sentences(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of the sentences of ``text[lo:hi]``: a cheap splitter, good enough to
    choose what to parse (titles like "Mr." and initials do not end a sentence)."""
    start = lo
    for m in SENTENCE_BREAK_RE.finditer(text, lo, hi):
        if ABBREVIATION_RE.search(text, max(lo, m.start() - 6), m.start()):
            continue
        yield start, m.end(1)  # closing quote marks stay with the sentence they close
        start = m.end()
    if start < hi:
        yield start, hi


def sentence_end(text: str, start: int, limit: int) -> int:
    """Position just after the first sentence end in ``text[start:limit]`` (or ``limit``)."""
    return next(sentences(text, start, limit))[1] if start < limit else limit


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Position where the sentence holding ``pos`` begins (not before ``lo``)."""
    start = lo
    for start, _ in sentences(text, lo, pos):
        pass
    return start


def _hint(text: str, pos: int, mark: str, lo: int, hi: int) -> Hint:
    left = text[pos - 1] if pos > lo else " "
    right = text[pos + len(mark)] if pos + len(mark) < hi else " "
    left_open = left.isspace() or left in LEFT_OPEN_CONTEXT
    right_close = right.isspace() or right in RIGHT_CLOSE_CONTEXT
    if mark in OPEN_ONLY:
        return "open"
    if mark in CLOSE_ONLY:
        return "close"
    if mark in TYPO_OPEN:
        return "close" if right_close and not left_open else "open"
    if mark in TYPO_CLOSE:
        return "open" if left_open and not right_close else "close"
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return "either"


def _at_paragraph_end(text: str, pos: int, hi: int) -> bool:
    return not text[pos:hi].strip()


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return the direct-quote spans of ``text``, sorted by start, never overlapping."""
    spans: list[QuoteSpan] = []
    for lo, hi in paragraphs(text):
        spans.extend(_paragraph_spans(text, lo, hi))
    return spans


def _paragraph_spans(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_len = 0
    last_close = lo  # where text outside quotes resumes
    marks = [(m.start(), m.group(), _hint(text, m.start(), m.group(), lo, hi))
             for m in MARK_RE.finditer(text, lo, hi)]
    nested_close = -1  # the closing mark of an inner quote, read inside the outer one
    for k, (pos, mark, hint) in enumerate(marks):
        if k == nested_close:
            continue
        if open_at is None:
            isolated_end = hint == "either" and _at_paragraph_end(text, pos + len(mark), hi)
            if hint == "close" or isolated_end:
                start, how = _orphan_close_start(text, last_close, pos)
                spans.append(QuoteSpan(start, pos, None, pos, how))
                last_close = pos + len(mark)
            else:
                open_at, open_len = pos, len(mark)
            continue
        if hint == "open" and mark in TYPO_OPEN | OPEN_ONLY and text[open_at:open_at + open_len] == mark:
            if _nested(marks, k):
                # “... wearing “Settle For Hillary” shirts ...”: a quote inside the quote, in the same marks.
                nested_close = k + 1
                continue
            # Two opening marks in a row: the first quote lost its closing mark.
            spans.append(QuoteSpan(open_at + open_len, _trim_end(text, open_at, pos), open_at, None,
                                   "open_to_next_open"))
            open_at, open_len = pos, len(mark)
            continue
        spans.append(QuoteSpan(open_at + open_len, pos, open_at, pos, "paired"))
        open_at, last_close = None, pos + len(mark)
    if open_at is not None:
        spans.append(QuoteSpan(open_at + open_len, hi, open_at, None, "open_to_paragraph_end"))
    return [s for s in spans if text[s.start:s.end].strip()]


def _nested(marks: list[tuple[int, str, Hint]], k: int) -> bool:
    """Whether the opening mark ``marks[k]``, met inside an open quote, opens a quote within it: the
    next mark closes it and the one after closes the outer quote (else the outer quote lost its
    closing mark)."""
    return k + 2 < len(marks) and marks[k + 1][2] == "close" and marks[k + 2][2] == "close"


def _trim_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _orphan_close_start(text: str, lo: int, close: int) -> tuple[int, str]:
    """Where a quote whose opening mark is missing begins."""
    resumed = None
    for m in RESUME_RE.finditer(text, lo, close):
        resumed = m
    if resumed is not None:
        return resumed.end(), "resumed_after_dash"
    start = lo
    while start < close and (text[start].isspace() or text[start] in "-–—"):
        start += 1
    return start, "from_paragraph_start"
