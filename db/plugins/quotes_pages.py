"""Datasette plugin of the quotes project: search snippets with their matches highlighted,
everything else from articles escaped as Datasette always does."""
from markupsafe import Markup, escape

from datasette import hookimpl

START, END = "\x02", "\x03"  # what the `search` query's snippet() puts around each match


@hookimpl
def render_cell(value, column):
    if column != "snippet" or not isinstance(value, str):
        return None
    text = str(escape(value))  # the article's words, escaped first: a quote holding <script> is text
    return Markup(text.replace(START, "<mark>").replace(END, "</mark>"))
