"""Page furniture: text a web page puts inside the article that is none of its words.

- The Hill runs link text into a name: the full name glued to headlines of other stories and
  ended by "MORE" ('President Trump Donald John TrumpGOP senators balk at ... MORE said'), whose
  names and quote marks are taken for speakers and quotes.
- CNN's photo galleries run their captions into the text, each from a heading to a button
  ("Photos: Hillary Clinton's life in the spotlight ... Hide Caption 3 of 24").
- What some pages and corpora keep around embedded tweets (<tweet id="..." author="@...">, "Skip
  Twitter post by @realDonaldTrump").

``blank`` turns it into spaces of the same length: offsets stay those of the text as given, and
what is read as quotes and speakers comes from the article's own words only.
"""
from __future__ import annotations

import re

# The surname as written, the full name ending on it run into headlines (three of them, some 150
# characters at the least) and " MORE", or into "MORE" alone.
RUN_IN_RE = re.compile(r"\b([A-Z][\w'’-]+)[ \t]+((?:[A-Z(][\w.()'’-]*[ \t]+){1,4}?\1"
                       r"(?:MORE|[ \t]?(?=[A-Z0-9‘'\"“])[^\n]{60,600}?(?<!READ)[ \t]MORE))\b")
# A caption of a gallery, from its heading to its button; a button alone where the heading is lost.
# What some pages and corpora keep around an embedded tweet: <tweet id="..." author="@...">, and
# the BBC's "Skip Twitter post by @realDonaldTrump".
TWEET_TAG_RE = re.compile(r"</?tweet\b[^>\n]*>|\b(?:Skip|End of) Twitter post(?: \d+)? by @\w+")
GALLERY_RE = re.compile(r"(?:\bPhotos: [^\n]{0,1500}?)?\bHide Caption \d+ of \d+\b")


def blank(text: str) -> str:
    """The text with its page furniture turned into spaces (the same length, the same offsets)."""
    if not any(sign in text for sign in ("MORE", "Hide Caption", "<tweet", "Twitter post")):
        return text
    chars = list(text)
    spans = [m.span() for m in GALLERY_RE.finditer(text)] + [m.span() for m in TWEET_TAG_RE.finditer(text)]
    pos = 0
    while (m := RUN_IN_RE.search(text, pos)) is not None:
        # The first match may start on a first name ("Mitt Romney Willard (Mitt) Mitt RomneyJon ...
        # MORE" read as "Mitt" and "Romney ... Mitt"): the surname is the last start that reaches
        # the same "MORE".
        for later in re.finditer(r"\b[A-Z]", text[m.end(1):m.end(2)]):
            again = RUN_IN_RE.match(text, m.end(1) + later.start())
            if again is not None and again.end() == m.end():
                m = again
        spans.append(m.span(2))
        pos = m.end()
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
