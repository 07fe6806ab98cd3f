"""Datasette plugin of the quotes project.

- ``wording_diff(a, b)``: SQL function marking the words of ``b`` that differ from ``a``.
- Cells named ``snippet``, ``difference`` and ``context`` show their marked words highlighted;
  everything else from articles is escaped first, as Datasette always does.
"""
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


@hookimpl
def render_cell(value, column):
    if column not in MARKED_COLUMNS or not isinstance(value, str):
        return None
    text = str(escape(value))  # the article's words, escaped first: a quote holding <script> is text
    return Markup(text.replace(START, "<mark>").replace(END, "</mark>"))
