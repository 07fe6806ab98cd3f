"""Reading articles from files, and clear errors for bad input."""
import gzip
import json

import pytest

from conftest import SAMPLES, shared_file
from quotes.articles import InputError, read_articles, text_hash


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_txt_keeps_the_text_exactly_and_takes_id_and_title(tmp_path):
    path = tmp_path / "sochi.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle line\r\n\r\nBody \"quote\".\r\n")
    [article] = read_articles([path])
    assert article.id == "sochi" and article.title == "Title line"
    assert article.text == "Title line\r\n\r\nBody \"quote\".\r\n"


def test_jsonl_fields_aliases_and_default_id(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"id": 7, "text": "One.", "title": "T", "url": "u", "outlet": "RT", "published": "2018-08-22"},
        {"ID": "x1", "text": "Two.", "source": "BBC News", "date": "2019-01-01"},
        {"text": "Three."},
    ])
    one, two, three = read_articles([path])
    assert (one.id, one.outlet, one.published, one.origin) == ("7", "RT", "2018-08-22", f"{path}:1")
    assert (two.id, two.outlet, two.published) == ("x1", "BBC News", "2019-01-01")
    assert three.id == text_hash("Three.")[:16]


def test_jsonl_gz(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g", "text": "Zipped."}) + "\n")
    assert [a.id for a in read_articles([path])] == ["g"]


def test_folders_are_read_recursively_in_order_and_other_files_ignored(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z text")
    (tmp_path / "a.txt").write_text("A text")
    (tmp_path / "README.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert [a.id for a in read_articles([tmp_path])] == ["a", "z"]


def test_html_main_text_by_trafilatura(tmp_path):
    body = " ".join(["The president spoke to reporters about the talks in Sochi."] * 8)
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Talks</title></head><body><nav>Menu Home</nav>"
                    f"<article><h1>Talks</h1><p>{body}</p><p>\"We agreed,\" he said.</p></article></body></html>")
    [article] = read_articles([path])
    assert "We agreed" in article.text and "Menu Home" not in article.text
    assert article.id == "page"


@pytest.mark.parametrize("content, message, line", [
    (b"", "file is empty", None),
    (b"\x00\x01\x02binary", "binary", None),
    (b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n', "invalid UTF-8", 2),
    (b'{"id": "a", "text": "ok"}\n{"id": "b", text}\n', "not valid JSON", 2),
    (b'{"id": "a"}\n', 'missing "text"', 1),
    (b'{"id": "a", "text": "  "}\n', '"text" is empty', 1),
    (b'["a list"]\n', "not a JSON object", 1),
])
def test_bad_input_names_the_file_and_line(tmp_path, content, message, line):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputError) as e:
        list(read_articles([path]))
    assert message in str(e.value) and e.value.line == line and str(path) in str(e.value)


def test_unsupported_and_missing_files(tmp_path):
    (tmp_path / "x.pdf").write_text("x")
    for path, message in [(tmp_path / "x.pdf", "unsupported file type"), (tmp_path / "nope.txt", "no such file")]:
        with pytest.raises(InputError, match=message):
            list(read_articles([path]))


def test_corrupt_gzip_is_an_input_error(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "a", "text": "x"}\n' * 50)[:40])
    with pytest.raises(InputError, match="gzip"):
        list(read_articles([path]))


def test_skipping_errors_goes_on_and_lists_them(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\nnot json\n{"id": "c", "text": "fine"}\n')
    (tmp_path / "empty.txt").write_text("")
    errors = []
    articles = list(read_articles([path, tmp_path / "empty.txt"], on_error=errors.append))
    assert [a.id for a in articles] == ["a", "c"]
    assert [(e.line, e.path.endswith(name)) for e, name in zip(errors, ["mixed.jsonl", "empty.txt"])] == [
        (2, True), (None, True)]


def test_the_sample_article_reads_as_the_gold_text():
    gold = {json.loads(line)["id"]: json.loads(line) for line in shared_file("gold", "seeds.jsonl").open()}
    [article] = read_articles([SAMPLES / "sochi-2018-rt.txt"])
    assert article.text == gold["sochi-2018-rt"]["text"]
    assert {a.id for a in read_articles([shared_file("gold", "seeds.jsonl")])} == set(gold)


PAGE = """<html><head><title>Talks in Sochi</title></head><body><article>
<h1>Talks in Sochi</h1><p>{body}</p><p>The meeting lasted three hours and ended late in the evening,
according to the officials who spoke to reporters outside the residence afterwards.</p>
</article></body></html>"""


def write_warc(path, pages, gzipped=True):
    """A web archive holding an HTTP response for each (url, status, content type, body)."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzipped)
        for url, status, mime, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", mime)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body.encode()),
                                                          http_headers=headers))
    return path


@pytest.mark.parametrize("name, gzipped", [("pages.warc.gz", True), ("pages.warc", False)])
def test_warc_html_responses_are_articles_with_their_url(tmp_path, name, gzipped):
    body = '"Nothing happened," Peskov told reporters. "The talks were very good."'
    path = write_warc(tmp_path / name, [
        ("https://example.org/sochi", "200 OK", "text/html; charset=utf-8", PAGE.format(body=body)),
        ("https://example.org/logo.png", "200 OK", "image/png", "not html"),
        ("https://example.org/gone", "404 Not Found", "text/html", PAGE.format(body="Gone.")),
    ], gzipped)
    [article] = read_articles([path])
    assert article.url == "https://example.org/sochi" and article.title == "Talks in Sochi"
    assert "Peskov told reporters" in article.text and article.id == text_hash(article.url)[:16]
    assert article.published  # the page gives no date: the WARC record's date stands in


def test_a_damaged_warc_is_an_error_naming_the_file(tmp_path):
    path = write_warc(tmp_path / "pages.warc", [("https://example.org/a", "200 OK", "text/html",
                                                  PAGE.format(body="Peskov said the talks were good."))], False)
    path.write_bytes(path.read_bytes() + b"this is not a WARC record\r\n\r\n")
    articles = []
    with pytest.raises(InputError, match=r"pages\.warc: cannot read the WARC record at byte \d+"):
        articles.extend(read_articles([path]))
    assert len(articles) == 1  # what came before the damage is read
