"""Who said it: a sieve of named rules for direct quotes, and the resolution of speaker mentions.

Rules for a direct quote, tried in order (the first that fires wins):

- ``quote_then_cue``: a speech cue right after the quote, in the same sentence ("...," X said).
- ``cue_then_quote``: a speech cue in the sentence that introduces the quote (X said: "...").
- ``subject_after_quote``: no speech verb, but a person right after the quote's closing comma
  ("...," the spokesman calmed the media).
- ``subject_before_quote``: no speech verb, but a named subject of the verb whose clause ends at
  the quote's opening mark (Jared Potts echoed: "..."; Trump issued a statement, "...").
- ``name_colon_quote``: a name and a colon introduce the quote (David Wasserman: "...").
- ``continues_previous_quote``: no cue of its own; the quote goes on from the one before it in its
  paragraph, or from the paragraph before when it opens its own paragraph.
- ``paragraph_cue``: the nearest speech cue with a speaker elsewhere in the quote's paragraph.
- ``signature``: with no cue of its own, a dash and a name sign the quote, after it or opening
  the next paragraph ('"..." — Hillary Clinton.').
- ``embedded_tweet``: the words of a tweet embedded in the article, without quote marks, are
  its author's ('... — ChuckGrassley (@ChuckGrassley) May 13, 2019'; ``quotes/tweets.py``).

A mention is then resolved to a canonical name: names through the article's people, pronouns
to the person who spoke last (unless the article tells that person is not of the pronoun's
gender: then to the fitting person named last), descriptions through the roles the article gives
its people (then a shipped table of common roles), organisations and unnamed sources by kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import GROUP_NOUNS
from .gender import PRONOUN_GENDER
from .marks import QuoteSpan, after_close, sentence_end, sentence_start
from .names import People, clean_name, is_name, person_name
from .roles import known_holder
from .speech import Mention, Speech

RULE_CONFIDENCE = {
    "quote_then_cue": 0.95,
    "cue_then_quote": 0.9,
    "verb_then_fragment": 0.75,
    "subject_after_quote": 0.7,
    "name_colon_quote": 0.8,
    "subject_before_quote": 0.65,
    "continues_previous_quote": 0.75,
    "paragraph_cue": 0.65,
    "signature": 0.8,
    "embedded_tweet": 0.9,
    "unattributed": 0.0,
    "verb_clause": 0.85,
    "verb_object_frame": 0.7,
    "verb_object": 0.6,
    "headline_colon": 0.7,
    "headline_verb": 0.7,
    "transcript": 0.8,
    "clause_then_verb": 0.8,
    "parenthetical": 0.8,
    "according_to": 0.85,
    "this_was_stated_by": 0.75,
    "in_his_opinion": 0.7,
    "as_x_said": 0.8,
}
# The rule a cue before a quote names when it is not a plain speech verb.
RULE_OF_CUE_BEFORE = {"name_colon": "name_colon_quote", "subject_before_quote": "subject_before_quote"}
RESOLUTION_CONFIDENCE = {
    "previous_quote": 1.0, "name": 1.0, "organization": 0.95, "group": 0.9, "anonymous": 0.9,
    "pronoun": 0.85, "role_in_article": 0.8, "role_table": 0.6, "unresolved": 0.5,
}


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: canonical name (None when unnamed), kind, and how it was found."""

    name: str | None
    kind: str | None
    resolution: str


def frame_cue(text: str, span: QuoteSpan, prev_end: int, next_start: int, para: tuple[int, int],
              cues: list[Speech]) -> tuple[Speech, str] | None:
    """The speech cue that frames a direct quote, and which rule found it."""
    close = after_close(span, text)
    after_end = sentence_end(text, close, min(next_start, para[1]))
    after = [c for c in cues if close <= c.cue_start < after_end and (c.content is None or _content_is(c, span))]
    if after:
        cue = min(after, key=lambda c: c.cue_start)
        return cue, "subject_after_quote" if cue.rule == "subject_after_quote" else "quote_then_cue"
    opening = span.open_mark if span.open_mark is not None else span.start
    before_start = max(prev_end, sentence_start(text, para[0], opening))
    if not text[para[0]:opening].strip() and text[:para[0]].rstrip().endswith(":"):
        # 'Trump told the crowd:' closes the paragraph before the quote.
        colon = len(text[:para[0]].rstrip())
        before_start = max(prev_end, sentence_start(text, text.rfind("\n", 0, colon) + 1, colon - 1))
    intro = text[before_start:opening].rstrip()
    if intro.endswith((":", ",", "-", "—", "–")) or not intro or intro[-1].isalpha():
        # Between two pieces of an interrupted quote ('"A," he said, "B."') any cue belongs to both;
        # so does a cue whose reported clause came before it ('..., Sanders said, "to make clear ..."').
        between = prev_end > 0 and before_start == prev_end
        before = [c for c in cues if before_start <= c.cue_start < opening and
                  (c.content is None or between or _content_is(c, span) or c.content[1] <= c.cue_start)]
        if before:
            cue = max(before, key=lambda c: c.cue_start)
            return cue, RULE_OF_CUE_BEFORE.get(cue.rule, "cue_then_quote")
    return None


def _content_is(cue: Speech, span: QuoteSpan) -> bool:
    """True when the parse took the direct quote itself as the cue's reported content."""
    if cue.content is None:
        return False
    lo, hi = cue.content
    overlap = min(hi, span.end) - max(lo, span.start)
    return overlap > 0 and overlap >= 0.6 * (hi - lo)


class SpeakerResolver:
    """Turns mentions into speakers, remembering who spoke last for pronouns."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.last_person: tuple[int, str] | None = None

    def resolve(self, mention: Mention | None, position: int) -> Speaker:
        if mention is None:
            return Speaker(None, None, "unresolved")
        kind = mention.kind
        if kind == "name":
            person = self.people.find(mention.text, position)
            name = person.name if person else person_name(mention.text)
            return self._person(name, position, "name") if is_name(name) else Speaker(None, None, "unresolved")
        if kind == "organization":
            person = self.people.find(mention.text, position)
            if len(mention.text.split()) > 1 and person is not None \
                    and mention.text.casefold() not in (f.casefold() for f in person.forms):
                person = None  # "the Clinton campaign" is not Clinton
            if person is not None and len(person.name.split()) > 1:
                # NER took a person's name for an organisation or a place ("De Blasio said").
                return self._person(person.name, position, "name")
            return Speaker(clean_name(re.sub(r"^(?i:the)\s+", "", mention.text)), "organization", "organization")
        if kind == "group":
            person = self.people.find(mention.text, position) if mention.text[:1].isupper() else None
            if person is not None and mention.text.casefold() in (person.surname, person.name.casefold()):
                return self._person(person.name, position, "name")  # "Sanders" tagged as a plural noun
            words = re.sub(r"^(?i:the|some|many|most|several|other)\s+", "", mention.text)
            # "aides to Gov. Chris Christie" keeps its words: cleaned like a name it read "Chris Christie"
            plain = words.split()[0].casefold() in GROUP_NOUNS
            return Speaker(" ".join(words.split()).strip(" ,.;:") if plain else clean_name(words), "group", "group")
        if kind == "anonymous":
            return Speaker(None, "anonymous", "anonymous")
        if kind == "pronoun":
            return self._pronoun(mention.text.lower(), position)
        return self._description(mention.text, position)

    def _person(self, name: str, position: int, how: str) -> Speaker:
        self.last_person = (position, name)
        return Speaker(name, "person", how)

    def _pronoun(self, pronoun: str, position: int) -> Speaker:
        if pronoun in ("they", "them"):
            return Speaker(None, "group", "pronoun")
        if pronoun == "it":
            return Speaker(None, "organization", "pronoun")
        wanted = PRONOUN_GENDER.get(pronoun)
        if self.last_person is not None and self._may_be(self.last_person[1], wanted, position):
            return Speaker(self.last_person[1], "person", "pronoun")
        # Else the person named last before the pronoun whose gender may be its own: not a man for "she".
        named = [(self.people.last_seen(p, position), p) for p in self.people.people]
        fits = [(at, p) for at, p in named if at >= 0 and self._may_be(p.name, wanted, position)]
        if fits:
            return Speaker(max(fits, key=lambda pair: pair[0])[1].name, "person", "pronoun")
        return Speaker(None, "person", "unresolved")

    def _may_be(self, name: str, wanted: str | None, position: int) -> bool:
        """True unless the article tells that the person named is not of the pronoun's gender."""
        return wanted is None or self.people.gender(self.people.find(name, position)) in (None, wanted)

    def _description(self, description: str, position: int) -> Speaker:
        if description.split()[0].lower() in ("a", "an", "one", "another"):
            # "a longtime adviser to Trump said": someone not named, not a holder of that role seen before
            return Speaker(None, "anonymous", "anonymous")
        person = self.people.by_role(description, position)
        if person is not None:
            return self._person(person.name, position, "role_in_article")
        known = known_holder(description)
        if known is not None:
            here = self.people.find(known.name, position)
            return self._person(here.name if here else known.name, position, "role_table")
        head = description.split()[-1].lower()
        if head in GROUP_NOUNS:
            return Speaker(None, "group", "group")
        return Speaker(None, "person", "unresolved")


def confidence(rule: str, resolution: str) -> float:
    """How sure an attribution is: the rule's confidence times the resolution step's."""
    return round(RULE_CONFIDENCE.get(rule, 0.5) * RESOLUTION_CONFIDENCE.get(resolution, 0.5), 3)
