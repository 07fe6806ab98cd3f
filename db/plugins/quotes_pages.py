"""Datasette plugin of the quotes project.

- ``wording_diff(a, b)``: SQL function marking the words of ``b`` that differ from ``a``.
- Cells named ``snippet``, ``difference`` and ``context`` show their marked words highlighted;
  everything else from articles is escaped first, as Datasette always does.
- Quote, statement and speaker cells link to their pages; ``quotes_by_month`` is drawn as bars;
  ``outlets`` (a JSON list) is written as a list.
"""
import json
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from datasette import hookimpl

START, END = "\x02", "\x03"  # put around matches by snippet(), differing words, the quote in its context
MARKED_COLUMNS = {"snippet", "difference", "context"}


def wording_diff(a, b):
    from quotes.wording import compare

    if a is None or b is None:
        return b
    return " ".join(p.b if p.same else START + p.b + END for p in compare(a, b) if p.b)


@hookimpl
def prepare_connection(conn):
    conn.create_function("wording_diff", 2, wording_diff, deterministic=True)


LINKS = {"quote_id": ("quote", "id"), "statement_id": ("statement", "id"), "excerpt_of": ("statement", "id"),
         "speaker": ("speaker", "name")}


def month_chart(value: str) -> Markup:
    """ "2016-01: 3, 2016-02: 5" as a small bar chart (SVG), one bar a month, with its numbers."""
    months = []
    for part in value.split(", "):
        month, _, count = part.partition(": ")
        if count.isdigit():
            months.append((month, int(count)))
    if not months:
        return Markup(escape(value))
    top, width = max(n for _, n in months), 12
    bars = "".join(
        f'<rect x="{i * width}" y="{60 - 56 * n / top:.1f}" width="{width - 2}" height="{56 * n / top:.1f}" '
        f'fill="#276890"><title>{escape(m)}: {n}</title></rect>' for i, (m, n) in enumerate(months))
    return Markup(f'<svg width="{len(months) * width}" height="60" role="img" '
                  f'aria-label="quotes by month">{bars}</svg><br>{escape(months[0][0])} – {escape(months[-1][0])}, '
                  f'most in a month: {top}')


@hookimpl
def render_cell(value, column, database):
    if not isinstance(value, str):
        return None
    if column in MARKED_COLUMNS:
        text = str(escape(value))  # the article's words, escaped first: a quote holding <script> is text
        return Markup(text.replace(START, "<mark>").replace(END, "</mark>"))
    if column == "quotes_by_month":
        return month_chart(value)
    if column == "outlets" and value.startswith("["):
        try:
            outlets = json.loads(value)
        except ValueError:
            return None
        return Markup(escape(", ".join(map(str, outlets)) or "none recorded"))
    if column in LINKS and value:
        page, parameter = LINKS[column]  # the pages link to each other
        href = f"/{quote(database)}/{page}?{urlencode({parameter: value})}"
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    return None
