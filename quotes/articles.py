"""Read articles from files: .txt, .jsonl, .jsonl.gz, .html, WARC web archives (.warc,
.warc.gz, streamed with warcio) and folders of these.

Every problem with the input becomes an :class:`InputError` naming the file and line, never a
traceback; the caller decides whether to stop or to skip and go on.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .model import Article

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm", ".warc", ".warc.gz")
FIELD_ALIASES = {"id": ("id", "ID"), "text": ("text", "content"), "title": ("title",), "url": ("url",),
                 "outlet": ("outlet", "source"), "published": ("published", "date"), "language": ("language",)}


@dataclass
class InputError(Exception):
    """Bad input: a file or a line that cannot be read as an article."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


def text_hash(text: str) -> str:
    """The SHA-1 of the text, in hex: identical articles have the same hash."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_articles(paths: Iterable[str | Path],
                  on_error: Callable[[InputError], None] | None = None) -> Iterator[Article]:
    """Yield the articles of files and folders, lazily. Bad input raises :class:`InputError`, or,
    when ``on_error`` is given, is handed to it and reading goes on."""
    for path in paths:
        for file in _files(Path(path), on_error):
            try:
                yield from _read_file(file, on_error)
            except InputError as e:
                if on_error is None:
                    raise
                on_error(e)


def article_line(article: Article) -> str:
    """An article as one JSON line of the form ``read_articles`` reads back."""
    return json.dumps({name: getattr(article, name) for name in FIELD_ALIASES}, ensure_ascii=False) + "\n"


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """About how many articles ``read_articles`` will yield (lines of JSONL, one a page), read
    quickly for a progress bar's ETA, or None for web archives; bad input is counted, not reported."""
    total = 0
    for path in paths:
        for file in _files(Path(path), on_error=lambda e: None):
            suffix = _suffix(file)
            if suffix in (".warc", ".warc.gz"):
                return None
            if suffix in (".jsonl", ".jsonl.gz"):
                try:
                    with (gzip.open(file, "rb") if suffix == ".jsonl.gz" else file.open("rb")) as f:
                        total += sum(1 for line in f if line.strip())
                except (OSError, EOFError, zlib.error):
                    pass
            else:
                total += 1
    return total


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return next((s for s in SUFFIXES if name.endswith(s)), path.suffix.lower())


def _files(path: Path, on_error: Callable[[InputError], None] | None) -> Iterator[Path]:
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
            if file.is_file() and not hidden and _suffix(file) in SUFFIXES:
                yield file
        return
    error = None
    if not path.exists():
        error = InputError(str(path), None, "no such file or folder")
    elif _suffix(path) not in SUFFIXES:
        error = InputError(str(path), None, f"unsupported file type {_suffix(path)!r} "
                                            f"(expected {', '.join(SUFFIXES)}, or a folder)")
    if error is None:
        yield path
    elif on_error is None:
        raise error
    else:
        on_error(error)


def _read_file(path: Path, on_error: Callable[[InputError], None] | None) -> Iterator[Article]:
    suffix = _suffix(path)
    if suffix == ".jsonl.gz":
        yield from _read_jsonl(path, _gzip_lines(path), on_error)
        return
    if suffix in (".warc", ".warc.gz"):
        yield from _read_warc(path, on_error)
        return
    data = path.read_bytes()
    if not data.strip():
        raise InputError(str(path), None, "file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(str(path), None, "looks like a binary file (NUL bytes), not text")
    if suffix in (".html", ".htm"):
        yield _read_html(path, data)
        return
    text = _decode(path, data)
    if suffix == ".txt":
        title = next((line.strip() for line in text.splitlines() if line.strip()), None)
        yield Article(id=path.stem, text=text, title=title, origin=str(path))
    else:
        yield from _read_jsonl(path, enumerate(text.splitlines(), 1), on_error)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise InputError(str(path), line, f"invalid UTF-8 at byte {e.start}") from None


def _gzip_lines(path: Path) -> Iterator[tuple[int, str]]:
    lineno = 0
    try:
        with gzip.open(path, "rb") as f:
            for lineno, raw in enumerate(f, 1):
                try:
                    yield lineno, raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as e:
                    yield lineno, InputError(str(path), lineno, f"invalid UTF-8 at byte {e.start} of the line")
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(str(path), lineno + 1 if lineno else None, f"cannot read gzip data: {e}") from None


def _read_jsonl(path: Path, lines, on_error: Callable[[InputError], None] | None) -> Iterator[Article]:
    seen_any = False
    for lineno, line in lines:
        try:
            if isinstance(line, InputError):
                raise line
            if not line.strip():
                continue
            seen_any = True
            yield _article_from_json(path, lineno, line)
        except InputError as e:
            if on_error is None:
                raise
            on_error(e)
    if not seen_any:
        raise InputError(str(path), None, "file is empty")


def _article_from_json(path: Path, lineno: int, line: str) -> Article:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(str(path), lineno, f"line is not valid JSON: {e.msg} (column {e.colno})") from None
    if not isinstance(row, dict):
        raise InputError(str(path), lineno, "line is not a JSON object")
    fields = {name: next((row[k] for k in keys if row.get(k) not in (None, "")), None)
              for name, keys in FIELD_ALIASES.items()}
    text = fields.pop("text")
    if text is None:
        raise InputError(str(path), lineno, 'missing "text"')
    if not isinstance(text, str):
        raise InputError(str(path), lineno, '"text" is not a string')
    if not text.strip():
        raise InputError(str(path), lineno, '"text" is empty')
    given = fields.pop("id")
    meta = {k: (v if isinstance(v, str) else None) for k, v in fields.items()}
    return Article(id=str(given) if given is not None else text_hash(text)[:16], text=text,
                   origin=f"{path}:{lineno}", **meta)


def _read_html(path: Path, data: bytes) -> Article:
    article = html_article(data, id=path.stem, origin=str(path))
    if article is None:
        raise InputError(str(path), None, "no article text found in the HTML")
    return article


def html_article(html: bytes | str, *, id: str, origin: str, url: str | None = None,
                 published: str | None = None) -> Article | None:
    """The main text of a web page and its metadata (trafilatura), or None when it has no text.
    ``url`` and ``published`` stand in where the page itself does not say."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return None
    return Article(id=id, text=text, title=getattr(doc, "title", None), url=getattr(doc, "url", None) or url,
                   outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
                   published=getattr(doc, "date", None) or published,
                   language=getattr(doc, "language", None), origin=origin)


def _read_warc(path: Path, on_error: Callable[[InputError], None] | None) -> Iterator[Article]:
    """The HTML pages of a web archive, one article each (id: a hash of the page's URL), streamed."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    offset = 0
    try:
        with path.open("rb") as f:
            records = ArchiveIterator(f)
            for record in records:
                if record.rec_type not in ("response", "resource"):
                    continue
                mime = (record.http_headers.get_header("Content-Type") if record.http_headers
                        else record.rec_headers.get_header("Content-Type")) or ""
                if "html" not in mime.lower():
                    continue
                if record.http_headers and not record.http_headers.get_statuscode().startswith("2"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                html = record.content_stream().read()
                offset = records.get_record_offset()  # known once the record is read
                article = html_article(html, id=text_hash(url)[:16],
                                       origin=f"{path}@{offset}", url=url or None, published=date)
                if article is None:
                    error = InputError(str(path), None, f"record at byte {offset} ({url}): no article text found")
                    if on_error is None:
                        raise error
                    on_error(error)
                    continue
                yield article
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as e:
        raise InputError(str(path), None, f"cannot read the WARC record at byte {offset}: {e}") from None
