"""Property-based tests: any text, however mangled, gives quotes that lie inside their article."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from quotes.marks import MARK_RE, find_quote_spans
from quotes.model import Article

MARKS = "\"“”„«»‘’'"
PARAGRAPHS = [p for f in sorted(SAMPLES.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
messy_text = st.lists(st.sampled_from(list(MARKS) + list("ab Cd. ,:-\n—") + ["Peskov said", " - ", "''"]),
                      max_size=120).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def mangled_paragraphs(draw):
    """Real paragraphs with quote marks deleted, inserted and swapped, lines joined and cut."""
    text = "\n\n".join(draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["delete", "insert", "swap", "join", "cut"]))
        marks = [m.start() for m in MARK_RE.finditer(text)]
        if op == "delete" and marks:
            i = draw(st.sampled_from(marks))
            text = text[:i] + text[i + 1:]
        elif op == "insert":
            i = draw(st.integers(0, len(text)))
            text = text[:i] + draw(st.sampled_from(list(MARKS))) + text[i:]
        elif op == "swap":
            text = text.translate(str.maketrans({'"': "“", "“": '"', "”": "»"}))
        elif op == "join":
            text = text.replace("\n\n", " ", 1)
        elif op == "cut" and len(text) > 1:
            text = text[:draw(st.integers(1, len(text)))]
    return text


def check_spans(text):
    spans = find_quote_spans(text)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start, "spans overlap"
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        if s.open_mark is not None:
            mark = MARK_RE.match(text, s.open_mark)
            assert mark is not None and s.start == mark.end()
        if s.close_mark is not None:
            assert MARK_RE.match(text, s.close_mark) is not None and s.end <= s.close_mark


def check_quotes(extractor, text):
    for q in extractor.extract(Article(id="p", text=text)):
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start:q.end]
        assert q.type in ("direct", "indirect", "mixed")
        assert 0.0 <= q.confidence <= 1.0


@SETTINGS
@given(st.text(max_size=400))
def test_any_unicode_text(extractor, text):
    check_spans(text)
    check_quotes(extractor, text)


@SETTINGS
@given(messy_text)
def test_text_made_of_quote_marks_and_dashes(extractor, text):
    check_spans(text)
    check_quotes(extractor, text)


@SETTINGS
@given(mangled_paragraphs())
def test_mangled_real_paragraphs(extractor, text):
    check_spans(text)
    check_quotes(extractor, text)


def test_direct_quotes_of_the_samples_point_at_the_text_inside_their_marks(extractor):
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for q in extractor.extract(Article(id=path.stem, text=text)):
            if q.type == "direct" and q.start > 0 and re.match(MARK_RE, text[q.start - 1]):
                assert not MARK_RE.match(text, q.start)
