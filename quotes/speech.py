"""Speech events in parsed text: a cue (said, according to, in his opinion), who, and what.

Works on one spaCy ``Doc`` per run of parsed sentences; every offset returned is a character
offset into the article (``offset`` is where the run starts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Literal

from spacy.tokens import Doc, Span, Token

from .cues import (AIDE_NOUNS, ANONYMOUS_NOUNS, FRAME_PREPOSITIONS, GROUP_NOUNS, OBJECT_CONTENT_VERBS,
                   OBJECT_FIRST_FRAMES, ORG_WORDS, PRONOUNS_GROUP, PRONOUNS_ORG, PRONOUNS_PERSON, RETORT_VERBS,
                   speech_lemma)
from .names import NAME_PARTICLES, SUFFIXES, split_title
from .roles import is_role

MentionKind = Literal["name", "organization", "pronoun", "description", "group", "anonymous"]
SUBJECTS = ("nsubj", "nsubjpass")
# What a phrase before a cue is when it only sets the scene ("In a statement, X said, ...").
NOT_CONTENT = frozenset(("prep", "advmod", "npadvmod", "advcl", "punct", "cc", "mark", "intj"))
SPEECH_EVENTS = frozenset("""statement interview speech letter email e-mail tweet post release conversation remark
appearance call briefing conference memo testimony hearing debate rally address op-ed column""".split())
MIN_CIRCUMSTANCE_WORDS = 3  # "At times last year, he said, ...": a piece of what was said; "And so, he said," is not
MAX_VERB_TO_QUOTE = 8  # tokens from a verb to the quote it introduces (its object between)
NOT_SPEAKERS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "WORK_OF_ART",
                "LAW", "LANGUAGE"}
SPOKESPEOPLE = {"official", "spokesman", "spokeswoman", "spokesperson", "aide", "representative", "statement"}
WORKERS = SPOKESPEOPLE | AIDE_NOUNS  # nouns for people who speak for someone else
PUBLICATIONS = {"survey", "poll", "report", "study", "analysis", "editorial", "memo", "release"}
POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}
EDGE_PUNCT = set(" \t\n,;:—–-")
RELATIVES = frozenset("which that what who whom".split())


@dataclass(frozen=True)
class Mention:
    """A speaker as the article writes it, with the role given beside it if any."""

    start: int
    end: int
    text: str
    kind: MentionKind
    role: str | None = None


@dataclass(frozen=True)
class Speech:
    """One speech cue: who speaks (if the parse says) and, for reported speech, what."""

    cue: str
    cue_start: int
    cue_end: int
    speaker: Mention | None
    content: tuple[int, int] | None
    rule: str


def _chars(tokens: list[Token], offset: int, text: str) -> tuple[int, int] | None:
    """Character span of a token range, trimmed of edge punctuation and white space."""
    while tokens and tokens[-1].dep_ in ("cc", "punct", "mark"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and (text[end - 1] in EDGE_PUNCT or text[end - 1] == "." and not text[end - 2].isupper()):
        end -= 1
    return (offset + start, offset + end) if end - start > 1 else None


COARSE_TAGS = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "PRP": "PRON", "PRP$": "PRON",
               "WP": "PRON", "WP$": "PRON", "MD": "AUX", **{t: "VERB" for t in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")}}
AUXILIARIES = frozenset("be am is are was were been being have has had having do does did".split())


def _pos(tok: Token) -> str:
    """The coarse part of speech, from the tagger's fine tag: cheaper than running the attribute ruler."""
    pos = COARSE_TAGS.get(tok.tag_, "X")
    return "AUX" if pos == "VERB" and tok.lower_ in AUXILIARIES else pos


def _text(tokens: list[Token]) -> str:
    """The article's own text from the first to the last token."""
    doc = tokens[0].doc
    return doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]


def _entity(tok: Token) -> Span | None:
    doc = tok.doc
    if not tok.ent_type_:
        return None
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _name_tokens(tok: Token) -> list[Token]:
    """The proper-noun run around ``tok``: "Kirill Koktysh" from "Koktysh"."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and _pos(doc[lo - 1]) == "PROPN" and doc[lo - 1].head.i in range(lo - 1, tok.i + 1):
        lo -= 1
    while hi + 1 < len(doc) and _pos(doc[hi + 1]) == "PROPN" and doc[hi + 1].dep_ in ("flat", "compound", "nsubj"):
        hi += 1
    return list(doc[lo:hi + 1])


def role_of(tok: Token, name: list[Token]) -> str | None:
    """The role the article gives beside a name: an appositive, or the words before the name."""
    for child in tok.children:
        if child.dep_ == "appos" and _pos(child) in ("NOUN", "PROPN") and child.i > tok.i:
            words = [t for t in child.subtree if t.i > tok.i]
            text = _text(words).strip(" ,")
            if is_role(text):
                return text
    before = [t for t in tok.subtree if t.i < name[0].i and t.dep_ not in ("det", "punct", "poss", "case")]
    verbs = [t.i for t in before if _pos(t) == "VERB"]
    if verbs:  # '," tweeted Rubio spokesman Alex Conant': the role starts after the verb
        before = [t for t in before if t.i > max(verbs)]
    start = before[0].i if before else 0
    while start > 0 and tok.doc[start - 1].dep_ == "det":
        start -= 1
    if before and before[-1].i == name[0].i - 1 and not (start > 0 and tok.doc[start - 1].lower_ in ("of", "for")):
        # (not in "the press secretary of the Russian President Dmitry Peskov": the role is longer)
        text = _text(before)
        if is_role(text):
            return text
    return None


def mention_of(tok: Token, offset: int) -> Mention | None:
    """Describe the speaker that ``tok`` (a subject or the object of "according to") denotes."""
    if _pos(tok) == "VERB" and tok.text[:1].isupper() and (not tok.is_sent_start or tok.dep_ in SUBJECTS):
        return _name_taken_for_a_verb(tok, offset)
    low = POSSESSIVES.get(tok.lower_, tok.lower_)
    if _pos(tok) == "PRON" or low in PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_ORG:
        if low in PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_ORG:
            return Mention(offset + tok.idx, offset + tok.idx + len(tok), tok.text, "pronoun")
        return None
    ent = _entity(tok)
    if ent is not None and ent.label_ in NOT_SPEAKERS:
        if not (len(ent) > 1 and ent[-1].lower_.rstrip(".") in SUFFIXES and ent[0].text[:1].isupper()):
            return None
        ent = None  # '" Trump Jr. told reporters': NER may call a name with its generation a work of art
    if (ent is None or ent.label_ != "PERSON") and _pos(tok) == "PROPN":
        # "Army Capt. Christian Pardo", "Gov. John Kasich (R-OH)", "Rubio spokesman Alex Conant":
        # the person named in the phrase, or in the run of names right after it.
        tok = _compound_head(tok)
        last = tok.right_edge.i
        while last + 1 < len(tok.doc) and _pos(tok.doc[last + 1]) == "PROPN":
            last += 1
        # Not a name in a clause about the speaker ("Elmendorf, who supports Clinton").
        about = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        person = next((e for e in tok.doc.ents if e.label_ == "PERSON" and e.root.i not in about
                       and tok.left_edge.i <= e.start and e.end <= last + 1), None)
        person = through_particle(person) if person is not None else None
        ent = person or ent
        tok = person.root if person is not None else tok
    if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP") or _pos(tok) == "PROPN":
        if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE"):
            name = list(ent)
        else:
            name = _name_tokens(tok)
        label = ent.label_ if ent is not None else ""
        text = _text(name)
        role, person = split_title(text)
        if role is not None:
            start = name[0].idx + text.rindex(person)
            return Mention(offset + start, offset + start + len(person), person, "name", role)
        if label == "NORP":
            kind: MentionKind = "group"
        elif label in ("ORG", "GPE") or (label != "PERSON" and tok.lower_ in ORG_WORDS):
            kind = "organization"
        else:
            kind = "name"
        start, end = name[0].idx, name[-1].idx + len(name[-1])
        return Mention(offset + start, offset + end, text, kind, role_of(tok, name))
    if _pos(tok) != "NOUN":
        return None
    named = [e for e in tok.doc.ents if e.label_ == "PERSON" and e.start > tok.i
             and tok.is_ancestor(e.root) and not _works_for(tok, e.root)]
    owner = _org_modifier(tok)
    noun = _singular(low)
    appositive = any(e.root.dep_ == "appos" and e.root.head.i == tok.i for e in named)
    if owner is not None and noun in SPOKESPEOPLE | PUBLICATIONS and not appositive:
        # "a Freedom Partners official", "a New York Times/CBS News survey": the organisation speaks
        # (unless the official is named: "a spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn").
        return Mention(offset + owner.start_char, offset + owner.end_char, owner.text, "organization")
    if named:
        # The person the noun itself names, not one named inside its modifiers: "governor Howard
        # Dean (D), a Clinton supporter" is Dean; among equals, the last ("of X, Dmitry Peskov").
        ent = min(reversed(named), key=lambda e: _depth(e.root, tok))
        role = tok.doc[tok.left_edge.i:ent.start].text
        role = role[4:] if role.lower().startswith("the ") else role
        return Mention(offset + ent.start_char, offset + ent.end_char, ent.text, "name",
                       role if is_role(role) else None)
    span = _chars(_noun_phrase(tok), offset, tok.doc.text)
    if span is None:
        return None
    text = tok.doc.text[span[0] - offset:span[1] - offset]
    if noun in ORG_WORDS:
        kind = "organization"
    elif noun in ANONYMOUS_NOUNS and tok.tag_ == "NN":
        kind = "anonymous"
    elif low in GROUP_NOUNS or tok.tag_ == "NNS":
        kind = "group"
    elif is_role(text):
        kind = "description"
    elif noun in AIDE_NOUNS and tok.tag_ == "NN":
        kind = "anonymous"
    else:
        return None
    return Mention(span[0], span[1], text, kind)


def through_particle(person: Span) -> Span:
    """NER may end a name at its particle ("Ursula von der" + "Leyen"): the name goes on through the
    capitalised proper nouns after it. Any other person comes back as it is."""
    if person[-1].text not in NAME_PARTICLES:
        return person
    doc, end = person.doc, person.end
    while end < len(doc) and _pos(doc[end]) == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return Span(doc, person.start, end, label="PERSON") if end > person.end else person


def _works_for(noun: Token, person: Token) -> bool:
    """'the spokesman for Vladimir Putin', 'aides to Christie and Kasich', 'an aide for Mr.
    Lyovochkin, who financed Mr. Manafort's work': a person in the phrase that says whom the
    noun works for is not the one speaking."""
    if _singular(noun.lower_) not in WORKERS:
        return False
    while person.head.i != noun.i and person.head.i != person.i:
        person = person.head
    return person.dep_ == "prep" and person.lower_ in ("for", "to", "of")


def _name_taken_for_a_verb(tok: Token, offset: int) -> Mention:
    """'," Trump shot back': a capitalised word inside the sentence, or a subject, that the tagger
    read as a verb is a name, with the capitalised words right before it ("Donald Trump"; not
    ``_name_tokens``, which would also take the words after it)."""
    first = tok.i
    while first > tok.sent.start and tok.doc[first - 1].text[:1].isupper() and _pos(tok.doc[first - 1]) == "PROPN":
        first -= 1
    name = list(tok.doc[first:tok.i + 1])
    start, end = name[0].idx, name[-1].idx + len(name[-1])
    return Mention(offset + start, offset + end, _text(name), "name", role_of(tok, name))


def _noun_phrase(noun: Token) -> list[Token]:
    """A noun with its modifiers, without what follows it in appositions, relative clauses and
    coordinations: "Republican lawmakers" of "Republican lawmakers, who are close to ..."."""
    cut = {t.i for d in noun.subtree if d.i > noun.i and d.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj")
           for t in d.subtree}
    words = [t for t in noun.subtree if t.i == noun.i or t.i not in cut and not (t.dep_ == "punct" and t.i < noun.i)]
    return next(run for run in _runs(words) if any(t.i == noun.i for t in run))


def _depth(tok: Token, ancestor: Token) -> int:
    """How many arcs lead from ``ancestor`` down to ``tok``."""
    depth = 0
    while tok.i != ancestor.i and tok.head.i != tok.i:
        tok, depth = tok.head, depth + 1
    return depth


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _org_modifier(tok: Token) -> Span | None:
    """The organisation named in front of a noun: "Freedom Partners" in "a Freedom Partners official"."""
    for ent in tok.doc.ents:
        if ent.label_ == "ORG" and ent.end == tok.i and ent.root.head.i == tok.i:
            return ent
    return None


def _compound_head(tok: Token) -> Token:
    """The noun a name modifies when that noun names a person: "Conant" for "Rubio" in
    "Rubio spokesman Alex Conant"; else the token itself."""
    head = tok
    while head.dep_ == "compound" and head.head.i > head.i and _pos(head.head) in ("NOUN", "PROPN"):
        head = head.head
    return head if head.i != tok.i and head.ent_type_ == "PERSON" else tok


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        # "said Army Capt. Christian Pardo" may come out as two subjects: the person is the speaker.
        subject = next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0])
        if verb.dep_ == "relcl" and subject.lower_ in ("who", "that", "which") and verb.head.i != verb.i:
            return verb.head  # "Dmitry Peskov, who said that ...": the person the clause is about
        return subject
    glued = next((c for c in verb.children if c.i == verb.i - 1 and c.ent_type_ == "PERSON"), None)
    if glued is not None:
        return glued  # "Beck joked": the parse may hang the name on the verb as a compound
    # "Mr. Trump made a third attempt ..., writing that": a participle set off by a comma
    # modifies a noun in the parse, but its subject is the clause's.
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        head = verb.head
        while _pos(head) not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return _subject(head) if _pos(head) in ("VERB", "AUX") else None
    # "..., adding that" / "and stressed that": the subject is the head verb's.
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            head = head.head  # "After suggesting that ..., Mr. Rubio ...": the clause the phrase opens
        # 'X said it was early but added, "..."': the parse hangs "added" under the reported
        # clause, whose subject ("it") is not the speaker; the speaker is the reporting verb's.
        while head.dep_ == "ccomp" and speech_lemma(head.head.lower_) and head.head.i != head.i:
            head = head.head
        return _subject(head)
    return None


def _is_mark(tok: Token) -> bool:
    """A quote mark, the typewriter '' and `` of wire copy included."""
    return tok.is_quote or tok.text in ("''", "``")


def _name_beside(verb: Token) -> Token | None:
    """A name the parser left unattached to the verb: the first after the quote mark before it
    ('," Gene Sperling, a top adviser, said'), the nearest person when no quote mark comes
    first, else the name right after the verb when it follows the quote ('," said David
    Brock'; after "told" stands the listener, not the speaker)."""
    doc = verb.doc
    lo = verb.i
    while lo > 0 and not _is_mark(doc[lo - 1]) and verb.i - lo < 25:
        lo -= 1
    names = [tok for tok in doc[lo:verb.i]
             if (tok.ent_type_ == "PERSON" or _pos(tok) == "PROPN") and tok.ent_type_ not in NOT_SPEAKERS]
    if names:
        # "Mr. Trump's candidacy, the campaign chief, Paul Manafort, bluntly suggested": the nearest.
        people = [t for t in names if t.ent_type_ == "PERSON"]
        after_quote = lo > 0 and _is_mark(doc[lo - 1])
        # After the quote the first person speaks, not an organisation before it ('," the
        # presumptive GOP presidential nominee, Donald Trump, tweeted').
        end = (people[0] if after_quote else people[-1]).i if people else names[0].i
        while end + 1 < verb.i and _pos(doc[end + 1]) == "PROPN":
            end += 1
        return doc[end]
    return _inverted_speaker(verb) if verb.i == 0 or _follows_quote(verb) else None


def _follows_quote(verb: Token) -> bool:
    """The verb stands right after a closing quote mark, punctuation aside ('," said')."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].is_punct and not _is_mark(verb.doc[i]):
        i -= 1
    return i >= 0 and _is_mark(verb.doc[i])


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker standing after a verb that follows the quote ('," shot back Jeff Weaver',
    '," mused Blaze co-host Stu Burguiere'): the person named in the words before the next
    punctuation or preposition ("Putin's spokesman Dmitry Peskov", not "the spokesman for
    Vladimir Putin"), else the proper nouns right after the verb; its last token."""
    doc = verb.doc
    after = verb.i + 1
    while after < len(doc) and doc[after].dep_ == "prt" and doc[after].head.i == verb.i:
        after += 1  # "shot back"
    words = []
    for tok in doc[after:after + 8]:
        if (tok.is_punct and tok.text != "-") or tok.tag_ in ("IN", "TO", "WP", "WDT"):
            break
        words.append(tok)
    people = [t for t in words if t.ent_type_ == "PERSON"]
    if people:
        return people[-1]
    if not words or _pos(words[0]) != "PROPN" or words[0].ent_type_ in NOT_SPEAKERS:
        return None
    end = words[0].i
    while end + 1 < len(doc) and _pos(doc[end + 1]) == "PROPN":
        end += 1
    return doc[end]


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def find_speech(doc: Doc, offset: int, quoted: Callable[[int], bool]) -> list[Speech]:
    """Every speech cue of the parsed text outside direct quotes, with speaker and content."""
    found: list[Speech] = []
    text = doc.text
    for tok in doc:
        if quoted(offset + tok.idx):
            continue
        low = tok.lower_
        if low == "according" and any(c.lower_ == "to" for c in tok.children):
            found.extend(_according_to(tok, offset, text))
        elif low in ("opinion", "view", "words") and tok.head.lower_ == "in":
            found.extend(_in_his_opinion(tok, offset, text))
        elif _is_speech_verb(tok):
            found.extend(_verb(tok, offset, text, quoted))
        elif tok.text in (":", ",", "):") and _opens_quote(tok):
            found.extend((tok.text != "," and _name_colon(tok, offset)) or _subject_before_quote(tok, offset))
        elif _pos(tok) == "VERB":
            found.extend(_subject_after_quote(tok, offset))
    return found


def _opens_quote(punct: Token) -> bool:
    """True when a quote mark follows, or a colon ends the parsed text (the quote opens the
    next paragraph: 'Trump issued the following statement:')."""
    after = next((t for t in punct.doc[punct.i + 1:] if not t.is_space), None)
    return after.is_quote if after is not None else punct.text != ","


def _is_speech_verb(tok: Token) -> bool:
    """A verb of saying, or a reply "shot back" / "fired back"."""
    return _pos(tok) == "VERB" and (speech_lemma(tok.lower_) is not None or _retort(tok))


def _retort(verb: Token) -> bool:
    """"shot back", "fired back": a reply, when a clause or a quote follows."""
    return verb.lower_ in RETORT_VERBS and any(c.lower_ == "back" and c.i == verb.i + 1 for c in verb.children)


def _object_frame(verb: Token) -> list[Token]:
    """The content some verbs of saying frame with objects and prepositions rather than a clause."""
    lemma = speech_lemma(verb.lower_)
    if lemma not in FRAME_PREPOSITIONS:
        return []
    children = [c for c in verb.children if c.i > verb.i]
    question = None if lemma != "ask" else next((c for c in children if c.dep_ in ("advcl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)
    if question is not None:
        return list(verb.doc[question.left_edge.i:question.right_edge.i + 1])  # "asked (her) if she would ..."
    xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
    oprd = next((c for c in children if c.dep_ == "oprd"), None)
    preps = [c for c in children if c.dep_ in ("prep", "prt") and c.lower_ in FRAME_PREPOSITIONS[lemma]]
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    if xcomp is not None:
        tail = xcomp
    elif oprd is not None and dobj is not None:
        tail = oprd
    elif preps:
        tail = preps[-1]
    else:
        # "called for the strongholds to be hit": the parse makes "for" the mark of a clause.
        clause = next((c for c in children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in FRAME_PREPOSITIONS[lemma] and m.i == verb.i + 1 for m in c.children)), None)
        if clause is None:
            return []
        return list(verb.doc[verb.i + 2:clause.right_edge.i + 1])
    first = dobj if dobj is not None and lemma in OBJECT_FIRST_FRAMES else (
        preps[0] if preps and tail is preps[-1] and lemma in ("call", "ask", "warn") else tail)
    start = first.i + 1 if first.dep_ in ("prep", "prt") else first.left_edge.i  # "called for [a ban]"
    return [t for t in verb.doc[start:tail.right_edge.i + 1]]


def _before_second_cue(tokens: list[Token]) -> list[Token]:
    """A reported clause up to a speech verb coordinated inside it, or a participle of speech:
    in "He says he respects Clinton and calls her ..." (or "..., saying that ..."), what he says
    is "he respects Clinton"; "calls her" is a cue of its own. A relative clause set off by a
    comma at its end is the writer's ("..., which would give police more time")."""
    for k, t in enumerate(tokens):
        if k < 2 or t.head.i < tokens[0].i:
            continue
        second_cue = (t.dep_ == "conj" or t.dep_ == "advcl" and t.tag_ == "VBG") and _is_speech_verb(t)
        rest = t.doc[t.right_edge.i + 1:tokens[-1].i + 1]
        writers = t.dep_ in ("relcl", "advcl") and t.left_edge.lower_ in ("which", "who", "whom", "whose") \
            and t.left_edge.i > tokens[0].i and t.doc[t.left_edge.i - 1].text == "," and all(r.is_punct for r in rest)
        if second_cue or writers:
            cut = tokens[:t.left_edge.i - tokens[0].i]
            while cut and (cut[-1].is_punct or cut[-1].dep_ == "cc"):
                cut.pop()
            return cut or tokens
    return tokens


REPORTED_MODALS = frozenset("would could might should".split())


def _modal(verb: Token) -> bool:
    """The verb has a modal of reported speech ("would continue")."""
    return any(c.dep_ == "aux" and c.lower_ in REPORTED_MODALS for c in verb.children)


def _content_of(verb: Token, offset: int, text: str,
                quoted: Callable[[int], bool]) -> tuple[tuple[int, int] | None, str]:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        # The clause after the verb when there are two: in "the group polled members: 1,409
        # teachers said they wanted to ..." the parse makes the sentence before the colon a clause
        # of "said" too; not when the one before is a direct quote ('"...," he said, "..."').
        child = min(clauses, key=lambda c: c.i < verb.i and not quoted(offset + c.idx))
        # "said that A, and that B": a clause coordinated with "that" is reported too. So is a
        # verb phrase joined to the speech verb with a modal and no subject of its own ("said she
        # hoped to ..., and then would continue to ..."): the future of the past.
        more = [c for c in verb.children if c.dep_ == "conj" and c.i > child.i
                and (any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children)
                     or _modal(c) and not any(m.dep_ in SUBJECTS for m in c.children))]
        # A second clause after the first ("said he had been inundated with angry email, some of
        # it mentioning Mr. Trump") goes on with it.
        more += [c for c in clauses if c.i > child.i > verb.i]
        last = max([child, *more], key=lambda c: c.right_edge.i)
        tokens = list(verb.doc[_clause_start(verb, child):last.right_edge.i + 1])
        return _chars(_before_second_cue(tokens), offset, text), "verb_clause"
    inverted = _content_as_subject(verb)
    if inverted:
        return _chars(inverted, offset, text), "clause_then_verb"
    framed = _object_frame(verb)
    if framed:
        return _chars(framed, offset, text), "verb_object_frame"
    dobj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if dobj is not None and speech_lemma(verb.lower_) in OBJECT_CONTENT_VERBS and _pos(dobj) != "PRON":
        # "announced a small ad buy", "criticized the president's foreign policy": what was said, named.
        return _chars(_before_second_cue(list(verb.doc[dobj.left_edge.i:dobj.right_edge.i + 1])), offset, text), \
            "verb_object"
    head = verb.head
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            and not any(c.dep_ in ("xcomp", "ccomp", "dobj", "prep") for c in verb.children):
        # a bare "as X said"; "as he continues to press", "as he mentioned raising wages" tell when.
        own = {t.i for t in verb.subtree}
        rest = [t for t in head.subtree if t.i not in own]
        return _chars(_longest_run(rest), offset, text), "as_x_said"
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    # "..., Defense Secretary Ash Carter told a Senate panel": with no "and" before it, a verb the
    # parse coordinates with the content is its cue too.
    unjoined = verb.dep_ == "conj" and not any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)
    if (verb.dep_ in ("ccomp", "parataxis") or unjoined) and head.i < verb.i and not speech_lemma(head.lower_) \
            and subject is not None and subject.left_edge.i > 0 and verb.doc[subject.left_edge.i - 1].text == ",":
        # "Content, X said." - the parser hangs the verb under the content (and not "A group is
        # demanding that the candidates propose ...", where the verb is inside the content).
        left = [t for t in head.subtree if t.i < verb.left_edge.i]
        return _chars(left, offset, text), "clause_then_verb"
    before = _clause_before_cue(verb, subject)
    if before:
        return _chars(before, offset, text), "clause_then_verb"
    that_clause = _that_clause_after_phrases(verb)
    if that_clause:
        return _chars(that_clause, offset, text), "verb_clause"
    gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i
                   and any(d.dep_ == "ccomp" for d in c.children)), None)
    if gerund is not None:
        # "have said cutting that output must be a key part": the parse takes the subject of the
        # clause for a participle of the verb.
        return _chars(list(verb.doc[gerund.left_edge.i:gerund.right_edge.i + 1]), offset, text), "verb_clause"
    return None, "verb_only"


CONDITION_MARKS = frozenset("if unless although though because once whether".split())


def _clause_start(verb: Token, clause: Token) -> int:
    """Where a reported clause after its verb starts: at a condition the parse hangs on the verb,
    or at the verb's object when the clause has no subject of its own ('said their networks of
    potential donors, almost exclusively men ..., were now composed mostly of women': the parse
    took the clause's subject for the object)."""
    start = clause.left_edge.i
    if clause.i < verb.i:
        return start
    # 'says no matter what action Obama takes, "his word does not trump ..."', 'said if elected, he
    # would ...': a condition the parse hangs on the speech verb belongs to what was said.
    condition = [c for c in verb.children if verb.i < c.i < clause.i and (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
        or c.dep_ == "advmod" and c.lower_ == "matter" and c.i > 0 and c.doc[c.i - 1].lower_ == "no")]
    if condition:
        start = min(start, condition[0].left_edge.i)
    if any(c.dep_ in SUBJECTS or c.dep_ in ("expl", "mark") for c in clause.children):
        return start
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or _pos(obj) == "PRON" or obj.ent_type_ == "PERSON" or speech_lemma(verb.lower_) == "tell":
        return start  # "told POLITICO Florida the standards are ...": the listener
    return min(start, obj.left_edge.i)


CIRCUMSTANCE_DEPS = frozenset("punct prep npadvmod advmod".split())  # "he said on Tuesday", "she said later"


def _clause_before_cue(verb: Token, subject: Token | None) -> list[Token]:
    """'As Trump prepared to speak on Tuesday, a girl outside the venue was pepper-sprayed, police
    said': a sentence that ends on its cue, what comes before the comma hung on the verb in the
    parse (as an adverbial clause or an unlabelled dependent)."""
    if subject is None or verb.dep_ != "ROOT" or subject.left_edge.i < 2:
        return []
    comma = subject.left_edge.i - 1
    if verb.doc[comma].text != "," or any(not t.is_punct and t.i > verb.i and not verb.is_ancestor(t)
                                          for t in verb.sent):
        return []
    if any(c.i > verb.i and c.dep_ not in CIRCUMSTANCE_DEPS or c.i < comma and _is_speech_verb(c)
           for c in verb.children):
        return []  # "..., Putin told him about the talks", "As Lukashenko noted, Putin said"
    before = [t for t in verb.subtree if t.i < comma]
    if len([t for t in before if not t.is_punct]) < MIN_CIRCUMSTANCE_WORDS or before[0].i != verb.sent.start \
            or len(before) != comma - verb.sent.start:
        return []
    # A clause of its own, not only the circumstance of the speech ("In a 1963 speech", "With 222
    # delegates at stake", "Though Sanders is gaining ground").
    main = any(t.dep_ not in ("relcl", "acl") and any(c.dep_ in SUBJECTS for c in t.children)
               and not any(c.dep_ == "mark" for c in t.children) for t in before)
    return before if main else []


def _content_as_subject(verb: Token) -> list[Token]:
    """'The rejection of the treaty signals "the beginning of the end" for the EU, said Geert
    Wilders': after a comma, a verb with a subject on each side; the parse takes what was said for
    a subject, and the one after the verb speaks."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if verb.i == 0 or verb.doc[verb.i - 1].text != "," or not any(c.i > verb.i for c in subjects):
        return []
    before = [c for c in subjects if c.i < verb.i]
    return list(verb.doc[before[0].left_edge.i:verb.i - 1]) if before else []


PHRASE_DEPS = frozenset("prep pobj det amod compound poss case nummod".split())  # "in an editorial piece for ..."


def _that_clause_after_phrases(verb: Token) -> list[Token]:
    """'Schoen elaborated in an editorial piece for The Wall Street Journal that superdelegates may
    reconsider': the parse hangs the clause on the last noun of the phrases between as a relative
    clause; "that" and a subject before its verb tell it is what was said (not "in a statement
    that was released Monday"), up to the end of the sentence."""
    doc = verb.doc
    i = verb.i + 1
    while i < min(len(doc), verb.i + 14) and doc[i].dep_ in PHRASE_DEPS and verb.is_ancestor(doc[i]):
        i += 1
        if i + 1 < len(doc) and doc[i].text == ",":
            # "said on CNN, where he is now a paid contributor, that ...": a relative clause between.
            aside = next((c for c in doc[i - 1].children if c.dep_ == "relcl" and c.left_edge.i == i + 1), None)
            end = aside.right_edge.i + 1 if aside is not None else i
            if end < len(doc) and doc[end].text == "," and end > i:
                i = end + 1
    if i == verb.i + 1 or i >= len(doc) or doc[i].lower_ != "that":
        return []
    clause = doc[i].head
    if clause.dep_ != "relcl" or not any(c.dep_ in SUBJECTS and c.i > i for c in clause.children):
        return []
    return list(doc[i + 1:verb.sent.end])  # the parse of the rest is as poor: to the sentence's end


def _before_speaker(content: tuple[int, int] | None, speaker: Token | None, verb: Token, offset: int,
                    text: str) -> tuple[int, int] | None:
    """What a speaker says ends before the speaker, at a comma or a closing mark: a parse may run
    the clause on into the words that name who said it ('"They were professionals," William M.
    Daley, President Obama's former chief of staff, said')."""
    if content is None or speaker is None:
        return content
    lo, hi = content[0] - offset, content[1] - offset  # ``text`` is the parsed chunk's
    edge = speaker.left_edge.idx
    if not lo < edge < hi:
        return content
    before = text[lo:edge].rstrip()
    if before.lower() in RELATIVES and lo < verb.idx < hi:
        # "a strategy which Democrats say could be aiding Mr. Sanders": what follows the cue.
        after = verb.idx + len(verb)
        after += len(text[after:hi]) - len(text[after:hi].lstrip())
        return (offset + after, offset + hi) if after < hi else None
    if not before.endswith((",", "\"", "”", "''", "»")):
        return None  # no content of its own before the speaker
    while edge > lo and text[edge - 1] in EDGE_PUNCT:
        edge -= 1
    return (offset + lo, offset + edge) if edge - lo > 1 else None


def _parenthetical(verb: Token) -> list[list[Token]]:
    """'The hashtag, he said, was even more popular': a cue set off by commas inside the sentence it
    reports. Like an interrupted quote, each side is a piece of its own, with the same speaker
    ("At times last year, he said, ..."); after a connective ("Still, he said, ...") only what
    follows the cue is."""
    if verb.dep_ != "parataxis":
        return []
    doc, sent = verb.doc, verb.sent
    # The cue is the subject, the verb and what follows it up to the comma; a clause before the
    # subject may hang on the verb ("Asked about the deal, Hebert said, most ...").
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    lo = subject.left_edge.i if subject is not None else verb.i
    hi = verb.i
    while hi + 1 < sent.end and doc[hi + 1].text != "," and verb.is_ancestor(doc[hi + 1]):
        hi += 1
    if lo - 1 <= sent.start or hi + 2 >= sent.end or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return []
    before, after = list(doc[sent.start:lo - 1]), list(doc[hi + 2:sent.end])
    while after and after[-1].is_punct and not after[-1].is_quote:
        after.pop()
    inside = {t.i for t in before}
    if any(verb.is_ancestor(t) for t in before):
        return [after]  # what the parse hangs on the cue tells when or where it was said
    if all(t.dep_ in NOT_CONTENT for t in before if t.head.i not in inside or t.head.i == t.i) and (
            len([t for t in before if not t.is_punct]) < MIN_CIRCUMSTANCE_WORDS or (after and after[0].is_quote)
            or any(_singular(t.lower_) in SPEECH_EVENTS for t in before)):
        # "Still, he said, ...": a connective; "In a statement, an official said, ...": the
        # circumstance of the speech, not a piece of what was said.
        return [after]
    return [before, after]


def _verb(verb: Token, offset: int, text: str, quoted: Callable[[int], bool]) -> list[Speech]:
    subject, agent = _subject(verb), _agent(verb)
    content, rule = _content_of(verb, offset, text, quoted)
    if subject is not None and quoted(offset + subject.idx):
        subject = None  # the parser took a word of the quote for the speaker
    speaker_tok = agent if agent is not None else subject if subject is not None else _name_beside(verb)
    if agent is None and verb.tag_ == "VBN" and verb.dep_ == "advcl" \
            and not any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in verb.children):
        speaker_tok = None  # "Asked about the wall, Trump said": someone unnamed asked Trump
    if agent is not None and subject is not None and subject.lower_ in ("this", "that", "it") and content is None:
        # "This was stated by X": the statement is the sentence before.
        sent = verb.sent
        if sent.start > 0:
            prev = doc_sentence_before(sent)
            content, rule = _chars(list(prev), offset, text), "this_was_stated_by"
    speaker = mention_of(speaker_tok, offset) if speaker_tok is not None else None
    if speaker is None and speaker_tok is subject and subject is not None and subject.i > verb.i \
            and _follows_quote(verb):
        # '," mused Blaze co-host Stu Burguiere': the parse made "co" the subject
        speaker_tok = _inverted_speaker(verb)
        speaker = mention_of(speaker_tok, offset) if speaker_tok is not None else None
    content = _before_speaker(content, speaker_tok if speaker_tok is not None else subject, verb, offset, text)
    cue_end = verb.idx + len(verb)
    for child in verb.children:
        if (child.dep_ == "prt" or child.lower_ == "back") and child.i == verb.i + 1:
            cue_end = child.idx + len(child)
    pieces = _parenthetical(verb) if speaker is not None else []
    if pieces:
        spans = [_chars(piece, offset, text) for piece in pieces]
        return [Speech(text[verb.idx:cue_end], offset + verb.idx, offset + cue_end, speaker, span, "parenthetical")
                for span in spans if span is not None]
    return [Speech(text[verb.idx:cue_end], offset + verb.idx, offset + cue_end, speaker, content, rule)]


def _name_colon(colon: Token, offset: int) -> list[Speech]:
    """'David Wasserman: "Indiana ..."', 'Rep. Trey Gowdy (R-S.C.): "..."': a name, standing alone
    before a colon, introduces a quote. A name inside a clause is not the speaker ('Trump said of
    Rubio:', 'McConnell delivered a message to Trump:'); of two names ('Frank Newport and Jim
    Harter:'), the first speaks."""
    i = colon.i - 1
    # spaCy keeps "):" as one token, and "S.C.)" when a mark is glued to the colon
    if colon.text == "):" or (i >= 0 and colon.doc[i].text.endswith(")")):
        while i >= 0 and "(" not in colon.doc[i].text:
            i -= 1
        i -= 1
    if i < 0:
        return []
    name = colon.doc[i]
    if name.ent_type_ != "PERSON":
        return []  # "told CNN:" names the outlet, not the speaker
    while name.dep_ == "conj" and name.head.ent_type_ == "PERSON" and name.head.i < name.i:
        name = name.head
    ent = _entity(name)
    first = ent.start if ent is not None else name.left_edge.i
    for tok in reversed(colon.doc[colon.sent.start:first]):
        if tok.text in ("-", "—", "–") or "\n" in tok.text:
            break
        if _pos(tok) in ("VERB", "AUX"):
            return []
    mention = mention_of(name, offset)
    if mention is None or mention.kind not in ("name", "organization"):
        return []
    at = offset + colon.idx + len(colon.text) - 1
    return [Speech(":", at, at + 1, mention, None, "name_colon")]


def _subject_after_quote(verb: Token, offset: int) -> list[Speech]:
    """ "...," the spokesman calmed the media: a subject right after a quote's closing comma."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i or subject.left_edge.i < 2:
        return []
    mark, comma = subject.doc[subject.left_edge.i - 1], subject.doc[subject.left_edge.i - 2]
    if not (mark.is_quote or mark.text in "\"”»''") or comma.text not in (",", "!", "?", "...", "…"):
        return []
    if comma.text != "," and any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd") for c in verb.children):
        return []  # '"...?" Beck questioned.', but after a question a new sentence: '"...?" McCain had a big ego.'
    mention = mention_of(subject, offset)
    if mention is None or mention.kind not in ("name", "description", "pronoun"):
        return []
    return [Speech(verb.text, offset + verb.idx, offset + verb.idx + len(verb), mention, None,
                   "subject_after_quote")]


def _subject_before_quote(punct: Token, offset: int) -> list[Speech]:
    """'Jared Potts echoed: "..."', 'Trump issued a statement, "..."': no speech verb in the
    sentence, but a named subject of the verb whose clause ends at the quote's opening mark."""
    before = [t for t in punct.sent if t.i < punct.i]
    if any(_is_speech_verb(t) for t in before):
        return []  # a speech verb frames the quote itself
    # "was conclusive in its findings:" too: a verb or a copula.
    clauses = [(t, c) for t in before
               if _pos(t) in ("VERB", "AUX") and (punct.i - t.i <= MAX_VERB_TO_QUOTE or punct.head == t)
               for c in t.children if c.dep_ == "nsubj" and c.i < t.i]
    if not clauses:
        return []
    verb, subject = clauses[-1]
    mention = mention_of(subject, offset)
    # A capitalised word the tagger took for a plural ("Sanders delivered a retort:") may be a name.
    named_group = mention is not None and mention.kind == "group" and re.fullmatch(r"[A-Z]\w+", mention.text)
    if mention is None or mention.kind not in ("name", "organization", "description") and not named_group:
        return []
    return [Speech(verb.text, offset + verb.idx, offset + verb.idx + len(verb), mention, None,
                   "subject_before_quote")]


def _runs(tokens: list[Token]) -> list[list[Token]]:
    """The runs of consecutive tokens in ``tokens`` (in order)."""
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _longest_run(tokens: list[Token]) -> list[Token]:
    """The longest run of consecutive tokens: what is left of a clause once a phrase is cut out."""
    return max(_runs(tokens), key=len, default=[])


def doc_sentence_before(sent: Span) -> Span:
    return sent.doc[sent.start - 1].sent


def _according_to(tok: Token, offset: int, text: str) -> list[Speech]:
    to = next(c for c in tok.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return []
    skip = {t.i for t in tok.subtree}
    clause = _longest_run([t for t in tok.sent if t.i not in skip])
    span = _chars(clause, offset, text)
    return [Speech(text[tok.idx:to.idx + len(to)], offset + tok.idx, offset + to.idx + len(to),
                   mention_of(source, offset), span, "according_to")]


def _in_his_opinion(tok: Token, offset: int, text: str) -> list[Speech]:
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        return []
    prep = tok.head
    after = [t for t in prep.sent if t.i > max(x.i for x in prep.subtree)]
    if not after:
        return []
    # The opinion runs on to the end of the paragraph (extended by the caller beyond this chunk).
    span = _chars([t for t in tok.doc if t.i >= after[0].i], offset, text)
    return [Speech(text[prep.idx:tok.idx + len(tok)], offset + prep.idx, offset + tok.idx + len(tok),
                   mention_of(owner, offset), span, "in_his_opinion")]
