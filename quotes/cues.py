"""Word lists that decide what is speech and who can speak."""
from __future__ import annotations

import re

# Verbs of saying or writing. Beliefs and plans (think, want, hope) are deliberately absent.
SPEECH_VERBS = frozenset("""
say tell add note stress explain claim argue announce write report warn insist suggest
acknowledge admit deny predict promise vow declare state confirm recall conclude emphasize
emphasise tweet reply respond answer assert contend maintain observe remark comment mention
reiterate repeat complain allege charge counter concede testify disclose reveal estimate
caution point continue describe sum summarize summarise underline underscore retort quip
joke boast pledge assure inform urge recount explain recommend propose ask call accuse
yell shout scream exclaim whisper chant remember apologize apologise lament opine muse plead
criticize criticise praise blast speak interject scoff bark fume surmise elaborate exhort react
characterize characterise defend
""".split())
# Verbs whose reported content is a frame of objects: "called the actions lawful", "called for
# a ban", "described it as a disaster", "accused him of lying", "urged them to vote".
FRAME_PREPOSITIONS = {"call": ("for", "on"), "describe": ("as",), "accuse": ("of",), "urge": (),
                      "ask": ("about",), "promise": (), "vow": (), "pledge": (), "warn": ("against", "of"),
                      "tell": (), "speak": ("about", "of"), "criticize": ("for",), "criticise": ("for",),
                      "praise": ("for",), "blast": ("for",),
                      "characterize": ("as",), "characterise": ("as",), "defend": ("as", "against")}
# Frame verbs whose content begins with their object ("called the actions lawful", "defended his
# manager as a decent man"); the others' begins after it ("urged them to vote").
OBJECT_FIRST_FRAMES = frozenset("call describe accuse criticize criticise praise blast characterize characterise "
                                "defend".split())
# Verbs whose direct object names what was said ("announced a ban", "criticized his handling
# of the crisis"); for most others it is a thing written or the listener ("wrote a book", "told him").
OBJECT_CONTENT_VERBS = frozenset("announce criticize criticise praise blast mention note stress accuse".split())


PRONOUNS_PERSON = frozenset("he she him her i we".split())
PRONOUNS_GROUP = frozenset("they them".split())
PRONOUNS_ORG = frozenset("it".split())

# Unnamed sources: plural ones are groups, singular ones anonymous.
GROUP_NOUNS = frozenset("""
experts analysts officials sources observers critics diplomats economists politicians
commentators lawmakers legislators residents witnesses people observers scientists
authorities investigators activists protesters supporters opponents aides advisers
advisors insiders researchers
""".split())
ANONYMOUS_NOUNS = frozenset("source insider official witness person".split())
# Unnamed people known by whom they work for ("a senior Cruz adviser", "one Clinton aide"): anonymous
# sources too, when the article's roles do not name them.
AIDE_NOUNS = frozenset("adviser advisor aide staffer strategist operative confidant veteran".split())

# Words that make a noun phrase an organisation even when NER misses it.
ORG_WORDS = frozenset("""
kremlin ministry government committee department agency office council parliament
commission service administration campaign party embassy court police army ministry
newspaper agency press tass ria interfax bureau cabinet duma senate congress house
""".split())

TITLES_RE = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|professor|sen|senator|rep|representative|gov|governor|"
    r"president|vice president|premier|prime minister|minister|secretary|gen|general|col|"
    r"lt|sgt|capt|adm|judge|justice|rev|sir|lord|lady|dame|mayor|speaker|chancellor|"
    r"ambassador|king|queen|prince|princess|pope|sheikh|st)\.?\s+)+",
    re.IGNORECASE,
)

IRREGULAR_FORMS = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"], "shoot": ["shot"],
                   "speak": ["spoke", "spoken"]}


def verb_forms(lemma: str) -> set[str]:
    """Inflected forms of a regular English verb (enough for a pre-filter, not a lemmatiser)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        third, past = lemma[:-1] + "ies", lemma[:-1] + "ied"
    else:
        past = stem + "ed"
    forms = {lemma, third, past, stem + "ing", *IRREGULAR_FORMS.get(lemma, [])}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # admitted, summed, quipped
    return forms


SPEECH_FORMS = {form: verb for verb in SPEECH_VERBS for form in verb_forms(verb)}
# Base forms that are mostly nouns in news ("a report", "the state") do not make a sentence worth parsing.
NOUNLIKE = frozenset("""
report state point comment charge estimate answer claim note call promise pledge counter joke
tweet continue reply respond repeat mention complain remark observe describe sum answer
""".split())


# Verbs that report a reply with "back": "shot back", "fired back", "hit back".
RETORT_VERBS = frozenset(form for verb in ("shoot", "fire", "hit", "snap") for form in verb_forms(verb))


def speech_lemma(word: str) -> str | None:
    """The speech verb an inflected form belongs to ("stressed" -> "stress"), else None."""
    return SPEECH_FORMS.get(word.lower())


# Cheap pre-filter: a sentence without any of these cannot hold speech we can attribute.
CUE_RE = re.compile(
    r"[\"“”„«»]|''|``|\b(?:according|opinion|view|words|"
    + "|".join(sorted((f for f, v in SPEECH_FORMS.items() if f != v or v not in NOUNLIKE), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
