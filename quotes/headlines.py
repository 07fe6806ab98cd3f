"""Headlines and transcript turns that report what a person said: 'Sanders: Brexit's message could
draw Trump support in US', 'Hillary Clinton Says No To Fox News', 'TAPPER: ...'.

Read from the text of a paragraph rather than its parse: the parse of a capitalised headline is poor.
"""
from __future__ import annotations

import re
from typing import Callable

from .cues import speech_lemma
from .speech import Mention, Speech

HEADLINE_VERBS = frozenset("say tell warn claim admit insist vow urge ask predict praise slam blast rip defend accuse "
                           "call deny confirm announce reveal argue suggest".split())
HEADLINE_WORD = r"[A-Z][\w.'’-]*"  # a capitalised word of a name in a headline
HEADLINE_WORD_RE = re.compile(HEADLINE_WORD)
LABEL = rf"({HEADLINE_WORD}(?:[ ]{HEADLINE_WORD}){{0,3}})"  # a name of up to four words before a colon
HEADLINE_COLON_RE = re.compile(
    rf"{LABEL}(?:[ ]to[ ][A-Z][^:\n]{{0,40}})?:[ ]+([^\s\"“”«»].{{10,250}}?)\.?[ ]*$")
# Where the reported part of a headline ends: "... Says No To Fox News As Sanders Turns Up The Heat".
HEADLINE_CLAUSE_END_RE = re.compile(r",[ ]|[ ](?:As|After|While|Amid|Before|Following|Despite|Over|But)[ ]|\.?[ ]*$")
MAX_HEADLINE = 200


# A transcript's turn: 'JAKE TAPPER: Donald Trump released a video ...', 'Matthews: Here's the irony ...'.
TRANSCRIPT_RE = re.compile(rf"{LABEL}:[ ]+([^\s\"“”«»][^\n]{{10,}}?)[ ]*$")


def headline_speech(text: str, para: tuple[int, int], is_person: Callable[[str, int], bool]) -> Speech | None:
    """A headline that reports what a person said: 'Sanders: Brexit's message could draw Trump
    support in US' (a name and a colon), or 'Hillary Clinton Says No To Fox News As Sanders
    Turns Up The Heat' (a name and a capitalised speech verb); or a turn of a transcript, a
    paragraph of any length after the name of a person of the article ('TAPPER: ...')."""
    m = HEADLINE_COLON_RE.fullmatch(text, para[0], para[1])
    rule = "headline_colon"
    if m is None or m.group(1).isupper():
        m, rule = TRANSCRIPT_RE.fullmatch(text, para[0], para[1]), "transcript"
    if m is not None and (is_person(m.group(1), m.start(1)) or m.group(1).isupper()
                          and is_person(m.group(1).title(), m.start(1))):
        colon = text.index(":", m.end(1))
        mention = Mention(m.start(1), m.end(1), m.group(1), "name")
        return Speech(":", colon, colon + 1, mention, (m.start(2), m.end(2)), rule)
    return _headline_verb(text, para, is_person)


def _headline_verb(text: str, para: tuple[int, int], is_person: Callable[[str, int], bool]) -> Speech | None:
    lo, hi = para
    if hi - lo > MAX_HEADLINE or re.search(r"[.!?]\s", text[lo:hi]):
        return None  # not a headline: more than one sentence
    words = list(re.finditer(r"\S+", text[lo:hi]))
    for i in range(1, min(5, len(words) - 1)):
        name, verb = words[:i], words[i]
        lemma = speech_lemma(verb.group())
        # Headlines report in the present: "Clinton Accused Of ..." is said of her, not by her.
        if not verb.group()[:1].isupper() or not verb.group().endswith("s") or lemma not in HEADLINE_VERBS \
                or not all(HEADLINE_WORD_RE.fullmatch(w.group()) for w in name):
            continue
        start, end = lo + name[0].start(), lo + name[-1].end()
        if not is_person(text[start:end], start):
            return None
        content = lo + words[i + 1].start()
        frame = re.match(r"(?:for|on)[ ]+", text[content:hi], re.IGNORECASE) if lemma == "call" else None
        if frame:
            content += frame.end()  # "Calls for Special Prosecutor", "Calls on Obama To Resign"
        stop = HEADLINE_CLAUSE_END_RE.search(text, content + 1, hi)
        mention = Mention(start, end, text[start:end], "name")
        cue_start = lo + verb.start()
        return Speech(text[cue_start:lo + verb.end()], cue_start, lo + verb.end(), mention,
                      (content, stop.start() if stop else hi), "headline_verb")
    return None
