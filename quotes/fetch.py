"""Pull articles from the web, politely: robots.txt, a delay between requests to one host,
retries with back-off, and never the same page twice.

A fetch folder holds everything a run learns, so that a run can stop anywhere and the next one
goes on where it stopped:

- ``pages.warc.gz``: every response as received (raw HTML with its headers), a web archive;
- ``articles.jsonl``: the text and metadata of each page (trafilatura), input for ``quotes build``;
- ``fetch.db``: each URL asked for, its final URL after redirects, status, attempts and error.
"""
from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from io import BytesIO
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import urljoin, urlsplit

import httpx
import sqlite_utils

from .articles import article_line, html_article, text_hash

USER_AGENT = "quotes-fetch/0.1 (news quote research; python-httpx)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Politeness:
    """How hard a run may press a site."""

    delay: float = 1.0  # seconds from the end of one request to a host to the next (robots.txt may ask for more)
    retries: int = 3  # further attempts after a timeout, a connection error or a 429/5xx
    backoff: float = 1.0  # first wait before a retry, doubled each time
    timeout: float = 10.0
    user_agent: str = USER_AGENT


@dataclass
class FetchSummary:
    fetched: int = 0
    already: int = 0
    disallowed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    no_text: int = 0


class Fetcher:
    """Fetch pages into a folder (see the module's doc), one request at a time."""

    def __init__(self, folder: str | Path, politeness: Politeness | None = None,
                 log: Callable[[str], None] = lambda line: None) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.polite = politeness or Politeness()
        self.log = log
        self.db = sqlite_utils.Database(self.folder / "fetch.db")
        if "pages" not in self.db.table_names():
            self.db["pages"].create({"url": str, "final_url": str, "status": int, "fetched": str, "attempts": int,
                                     "article_id": str, "error": str}, pk="url")
            self.db["pages"].create_index(["final_url"])
        self.client = httpx.Client(follow_redirects=True, timeout=self.polite.timeout,
                                   headers={"User-Agent": self.polite.user_agent})
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}  # by host
        self.next_request: dict[str, float] = {}
        self.summary = FetchSummary()

    def close(self) -> None:
        self.client.close()
        self.db.close()

    # -- what to fetch -------------------------------------------------------------------

    def feed_links(self, feed_url: str) -> list[tuple[str, str | None]]:
        """The links of an RSS or Atom feed, each with the date the feed gives it."""
        import feedparser

        response, error = self._get(feed_url)
        if response is None or response.status_code != 200:
            raise FetchError(f"{feed_url}: cannot read the feed ({error or response.status_code})")
        parsed = feedparser.parse(BytesIO(response.content))
        if parsed.bozo and not parsed.entries:
            raise FetchError(f"{feed_url}: not an RSS or Atom feed ({parsed.get('bozo_exception')})")
        links = []
        for entry in parsed.entries:
            if entry.get("link"):
                date = entry.get("published_parsed") or entry.get("updated_parsed")
                links.append((urljoin(feed_url, entry.link), time.strftime("%Y-%m-%d", date) if date else None))
        return links

    def fetch_all(self, urls: Iterable[tuple[str, str | None]]) -> FetchSummary:
        """Fetch each (url, date) not fetched before; the date stands in when the page gives none."""
        urls = list(urls)
        for n, (url, date) in enumerate(urls, 1):
            self._fetch_one(url, date, f"[{n}/{len(urls)}]")
        return self.summary

    # -- one page ------------------------------------------------------------------------

    def _seen(self, url: str) -> bool:
        return self.db.execute("select 1 from pages where (url = ? or final_url = ?) and status between 200 and 299",
                               [url, url]).fetchone() is not None

    def _fetch_one(self, url: str, date: str | None, counter: str) -> None:
        if self._seen(url):
            self.summary.already += 1
            self.log(f"{counter} already fetched {url}")
            return
        if not self._allowed(url):
            self.summary.disallowed += 1
            self._record(url, None, None, 0, None, "disallowed by robots.txt")
            self.log(f"{counter} robots.txt disallows {url}")
            return
        response, error = self._get(url)
        attempts = getattr(response, "attempts", None) or self.polite.retries + 1
        if response is None or not 200 <= response.status_code < 300:
            error = error or f"HTTP {response.status_code}"
            self.summary.failed.append((url, error))
            self._record(url, str(response.url) if response is not None else None,
                         response.status_code if response is not None else None, attempts, None, error)
            self.log(f"{counter} failed {url}: {error}")
            return
        final = str(response.url)
        if final != url and self._seen(final):  # a redirect to a page we have
            self.summary.already += 1
            self._record(url, final, response.status_code, attempts, None, None)
            self.log(f"{counter} {url} redirects to {final}, already fetched")
            return
        self._archive(response)
        article = html_article(response.content, id=text_hash(final)[:16], origin=url, url=final,
                               published=date or _http_date(response))
        if article is None:
            self.summary.no_text += 1
            self._record(url, final, response.status_code, attempts, None, "no article text found")
            self.log(f"{counter} no article text in {final}")
            return
        with (self.folder / "articles.jsonl").open("a", encoding="utf-8") as f:
            f.write(article_line(article))
        self._record(url, final, response.status_code, attempts, article.id, None)
        self.summary.fetched += 1
        self.log(f"{counter} {response.status_code} {final} ({len(article.text):,} characters)")

    def _record(self, url: str, final: str | None, status: int | None, attempts: int, article_id: str | None,
                error: str | None) -> None:
        with self.db.conn:
            self.db["pages"].upsert({"url": url, "final_url": final, "status": status, "attempts": attempts,
                                     "fetched": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                     "article_id": article_id, "error": error}, pk="url")

    def _archive(self, response: httpx.Response) -> None:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        headers = [(k, v) for k, v in response.headers.items()
                   if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")]
        http = StatusAndHeaders(f"{response.status_code} {response.reason_phrase}", headers,
                                protocol=response.http_version)
        with (self.folder / "pages.warc.gz").open("ab") as f:
            writer = WARCWriter(f, gzip=True)
            writer.write_record(writer.create_warc_record(str(response.url), "response",
                                                          payload=BytesIO(response.content), http_headers=http))

    # -- politeness ----------------------------------------------------------------------

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.netloc not in self.robots:
            self.robots[parts.netloc] = self._read_robots(f"{parts.scheme}://{parts.netloc}")
        robots = self.robots[parts.netloc]
        return robots is None or robots.can_fetch(self.polite.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (everything allowed) when it has no robots.txt. A site whose
        robots.txt cannot be read (5xx, unreachable) is treated as closed, as RFC 9309 asks."""
        response, _ = self._get(origin + "/robots.txt", retries=1)
        robots = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        if response is not None and 400 <= response.status_code < 500:
            return None
        if response is None or response.status_code >= 500:
            robots.disallow_all = True
            return robots
        robots.parse(response.text.splitlines())
        return robots

    def _wait_for(self, host: str) -> None:
        """Sleep until the host's delay has passed since the end of the last request to it."""
        if (wait := self.next_request.get(host, 0.0) - time.monotonic()) > 0:
            time.sleep(wait)

    def _done_with(self, host: str) -> None:
        """A request to ``host`` has ended: the next one waits the delay (robots.txt may ask for more)."""
        delay = self.polite.delay
        robots = self.robots.get(host)
        if robots is not None and (asked := robots.crawl_delay(self.polite.user_agent)):
            delay = max(delay, float(asked))
        self.next_request[host] = time.monotonic() + delay

    def _get(self, url: str, retries: int | None = None) -> tuple[httpx.Response | None, str | None]:
        """GET with retries on timeouts, connection errors and 429/5xx; the response (its
        ``attempts`` set) or None with the last error."""
        retries = self.polite.retries if retries is None else retries
        error = None
        for attempt in range(retries + 1):
            if attempt:
                time.sleep(self.polite.backoff * 2 ** (attempt - 1))
            host = urlsplit(url).netloc
            self._wait_for(host)
            try:
                response = self.client.get(url)
            except httpx.TimeoutException:
                error = f"timed out after {self.polite.timeout:g} s"
                continue
            except httpx.HTTPError as e:
                error = f"{type(e).__name__}: {e}"
                continue
            finally:
                self._done_with(host)
            response.attempts = attempt + 1  # type: ignore[attr-defined]
            if response.status_code in RETRY_STATUSES and attempt < retries:
                error = f"HTTP {response.status_code}"
                continue
            return response, None
        return None, f"{error} ({retries + 1} attempts)"


class FetchError(Exception):
    """A feed or URL that cannot be used at all."""


def _http_date(response: httpx.Response) -> str | None:
    try:
        value = response.headers.get("Last-Modified")
        return parsedate_to_datetime(value).date().isoformat() if value else None
    except (TypeError, ValueError):
        return None
