"""``quotes fetch``: download articles into a folder that ``quotes build`` reads."""
from __future__ import annotations

from urllib.parse import urlsplit

import click

from .fetch import Fetcher, FetchError, Politeness


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.ClickException(f"{url!r} is not an http(s) URL")
    return url


@click.command()
@click.argument("urls", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS or Atom feed: fetch every page it links.")
@click.option("--out", "folder", type=click.Path(file_okay=False), default="fetched", show_default=True,
              help="The fetch folder: pages.warc.gz (raw), articles.jsonl (text), fetch.db (what was asked).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds from the end of one request to a host to the next one (more if its robots.txt asks).")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Further attempts after a timeout, a connection error or HTTP 429/5xx.")
@click.option("--backoff", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds before the first retry, doubled for each next one.")
@click.option("--timeout", type=click.FloatRange(min=0.01), default=10.0, show_default=True,
              help="Seconds to wait for a response.")
@click.option("--quiet", is_flag=True, help="Print only the summary.")
def fetch(urls: tuple[str, ...], feeds: tuple[str, ...], folder: str, delay: float, retries: int, backoff: float,
          timeout: float, quiet: bool) -> None:
    """Download the pages at URLS (and those linked from each --feed), keep the raw HTML, and
    extract their text, title, date and outlet into OUT/articles.jsonl for `quotes build`.

    Polite and resumable: robots.txt is honoured, one host gets one request per --delay, failures
    are retried with back-off, and a page fetched once (under its URL or the URL it redirects to)
    is never fetched again, so the same command can run every day.
    """
    if not urls and not feeds:
        raise click.UsageError("give at least one URL or --feed")
    for url in urls + feeds:
        _check_url(url)
    fetcher = Fetcher(folder, Politeness(delay=delay, retries=retries, backoff=backoff, timeout=timeout),
                      log=(lambda line: None) if quiet else (lambda line: click.echo(line, err=True)))
    try:
        wanted: list[tuple[str, str | None]] = [(url, None) for url in urls]
        for feed in feeds:
            links = fetcher.feed_links(feed)
            click.echo(f"{feed}: {len(links)} links", err=True)
            wanted += links
        summary = fetcher.fetch_all(wanted)
    except FetchError as e:
        raise click.ClickException(str(e)) from None
    finally:
        fetcher.close()
    click.echo(f"{folder}: {summary.fetched} pages fetched, {summary.already} fetched before, "
               f"{summary.disallowed} disallowed by robots.txt, {summary.no_text} without article text, "
               f"{len(summary.failed)} failed", err=True)
    for url, error in summary.failed:
        click.echo(f"  failed: {url}: {error}", err=True)
    if summary.fetched:
        click.echo(f"next: quotes build DB {folder}/articles.jsonl", err=True)
