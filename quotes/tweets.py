"""Tweets embedded in an article: words their author wrote, with no quote marks.

An embedded tweet is a paragraph that ends on its author, handle and date, as Twitter's embed
code writes them: 'Raising tariffs will hurt both US & China economies ... — ChuckGrassley
(@ChuckGrassley) May 13, 2019'. Its words, without the links after them, are a direct quote of
the author (rule ``embedded_tweet``), a person or, by its name, an organisation ("The Associated
Press (@AP)").
"""
from __future__ import annotations

import re

from .speech import Mention, Speech

TWEET_RE = re.compile(r"^[ \t]*(?P<body>[^\n]*\S)[ \t]+[—–-]{1,2}[ \t]*(?P<author>[^\n()@—–]{1,60}?)[ \t]*"
                      r"\(@\w{1,15}\)[ \t]*[A-Z][a-z]+\.? \d{1,2}, \d{4}", re.M)
# What an embed puts after the words: links, photos, a newsletter button.
TRAILER_RE = re.compile(r"(?:[ \t]*(?:https?://\S+|pic\.twitter\.com/\S+|SIGN UP FOR OUR NEWSLETTER))+$")
ORGANIZATION_AUTHOR_RE = re.compile(r"^The\s|^[A-Z0-9&]{2,}$|\b(?:News|Press|Times|Post|Team|Party|Committee|"
                                    r"Campaign|TV|Radio|Network|Agency|Office|Ministry|Embassy|Department)\b")
MIN_TWEET_WORDS = 3


def find_tweets(text: str) -> list[Speech]:
    """The embedded tweets of an article, each as a cue whose speaker is its author and whose
    content is its words."""
    found = []
    if "(@" not in text:
        return found  # no embed: the pattern's backtracking is not worth running
    embeds = (m for line in re.finditer(r"[^\n]*\(@[^\n]*", text)
              for m in TWEET_RE.finditer(text, line.start(), line.end()))
    for m in embeds:
        start, end = m.start("body"), m.end("body")
        trailer = TRAILER_RE.search(text, start, end)
        if trailer is not None:
            end = trailer.start()
        if len(text[start:end].split()) < MIN_TWEET_WORDS:
            continue  # a photo or a link alone
        name = m.group("author").strip()
        kind = "organization" if ORGANIZATION_AUTHOR_RE.search(name) else "name"
        author = Mention(m.start("author"), m.start("author") + len(name), name, kind)
        found.append(Speech("tweeted", author.start, author.end, author, (start, end), "embedded_tweet"))
    return found
