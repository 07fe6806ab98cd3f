"""The ``quotes`` command: a thin click layer over the pipeline modules."""
from __future__ import annotations

import itertools
import json
import sqlite3
import sys
import threading
import time
from typing import Callable, Iterable, Iterator

import click

from . import __version__
from .articles import InputError, count_articles, read_articles
from .cli_speakers import export, fix, read_registry, registry_option, speakers
from .cli_fetch import fetch
from .cli_statements import cluster, embedder
from .serve import serve
from .extract import ARTICLE_BATCH, DEFAULT_MODEL, Extractor, ModelNotFound
from .model import Article, Quote

TABLE_COLUMNS = (("speaker", 24), ("type", 8), ("rule", 24), ("text", 70))


def model_option(f):
    return click.option("--model", default=DEFAULT_MODEL, show_default=True,
                        help="Installed spaCy pipeline to parse with, e.g. en_core_web_trf.")(f)


def skip_errors_option(f):
    return click.option("--skip-errors", is_flag=True,
                        help="Skip bad files and lines (listed at the end) instead of stopping at the first.")(f)


@click.group()
@click.version_option(__version__)
def main() -> None:
    """Pull quotes out of news articles, attribute them to their speakers, store them in SQLite.

    Articles are .txt files, .jsonl or .jsonl.gz files (one {"id", "text", ...} object a line),
    .html pages, WARC web archives (.warc, .warc.gz), or folders holding any of these.
    `quotes fetch` downloads pages into such a folder.
    """


class Progress:
    """Articles done, rate and (once the input is counted) ETA on standard error, once a second;
    then each corpus-wide step with the time it took."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self.done, self.started, self.shown = 0, time.monotonic(), 0.0
        self.skipped: Callable[[], int] = lambda: 0
        self.stage_started: float | None = None

    def count_in_background(self, paths: Iterable[str], skipped: Callable[[], int]) -> None:
        """Count the input while the work goes on; the ETA appears once the total is known.
        ``skipped`` tells how many articles were passed over without work (already stored)."""
        def count() -> None:
            self.total = count_articles(paths)

        self.skipped = skipped
        if self.enabled:
            threading.Thread(target=count, daemon=True).start()

    def step(self, _article: Article | None = None) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and now - self.shown >= 1.0:
            self.shown = now
            self._show(now)

    def _show(self, now: float) -> None:
        rate = self.done / max(now - self.started, 1e-9)
        line = f"{self.done} articles, {rate:.1f}/s"
        if self.total:
            todo = self.total - self.skipped()
            eta = max(todo - self.done, 0) / rate if rate else 0
            line = f"{self.done}/{todo} articles, {rate:.1f}/s, ETA {_duration(eta)}"
        click.echo(f"\r{line}   ", err=True, nl=False)

    def stage(self, name: str) -> None:
        """A corpus-wide step begins: end the line of the one before (or of the articles)."""
        if not self.enabled:
            return
        self._end_line()
        click.echo(f"{name}...", err=True, nl=False)
        self.stage_started = time.monotonic()

    def _end_line(self) -> None:
        now = time.monotonic()
        if self.stage_started is not None:
            click.echo(f" {_duration(now - self.stage_started)}", err=True)
        elif self.done:
            self._show(now)
            click.echo("", err=True)

    def close(self) -> None:
        if self.enabled:
            self._end_line()
        self.enabled = False


def _duration(seconds: float) -> str:
    minutes, s = divmod(int(seconds), 60)
    return f"{minutes // 60}h{minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m{s:02d}s" if minutes else f"{s}s"


class ErrorLog:
    """Collects skipped inputs under --skip-errors; without it the first one stops the command."""

    def __init__(self, skip: bool) -> None:
        self.skip = skip
        self.errors: list[InputError] = []

    def __call__(self, error: InputError) -> None:
        self.errors.append(error)

    def report(self) -> None:
        if self.errors:
            click.echo(f"Skipped {len(self.errors)} bad input(s):", err=True)
            for error in self.errors:
                click.echo(f"  {error}", err=True)


def _articles(paths: Iterable[str], log: ErrorLog) -> Iterator[Article]:
    try:
        yield from read_articles(paths, on_error=log if log.skip else None)
    except InputError as e:
        raise click.ClickException(f"{e}\n(use --skip-errors to skip bad input and go on)") from None


def _extractor(model: str) -> Extractor:
    try:
        return Extractor(model)
    except ModelNotFound as e:
        raise click.ClickException(str(e)) from None


def _table_row(quote: Quote) -> str:
    cells = []
    for name, width in TABLE_COLUMNS:
        value = str(getattr(quote, name) or ("?" if name == "speaker" else ""))
        value = " ".join(value.split())
        cells.append(value[:width - 1] + "…" if len(value) > width else value.ljust(width))
    return "  ".join(cells).rstrip()


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="jsonl prints one quote a line, the format that ../shared/eval/score.py judges.")
@model_option
@skip_errors_option
def extract(files: tuple[str, ...], fmt: str, model: str, skip_errors: bool) -> None:
    """Print the quotes of FILES with their speakers, without writing a database."""
    log = ErrorLog(skip_errors)
    extractor = _extractor(model)
    if fmt == "table":
        click.echo("  ".join(name.upper().ljust(width) for name, width in TABLE_COLUMNS).rstrip())
    for article, quotes in extractor.extract_many(_articles(files, log)):
        for quote in quotes:
            if fmt == "jsonl":
                click.echo(json.dumps(quote.to_dict(), ensure_ascii=False))
            else:
                click.echo(_table_row(quote))
    log.report()


def _extracted(articles: Iterator[Article], extractor: Extractor, workers: int | None,
               dask_address: str | None) -> Iterator[tuple[Article, list[Quote]]]:
    """The articles with their quotes, extracted here, in worker processes or on a Dask cluster."""
    from .workers import default_workers, extract_in_processes, extract_on_dask

    if dask_address:
        return extract_on_dask(articles, extractor.model_name, dask_address, workers)
    workers = workers or default_workers()
    first = list(itertools.islice(articles, workers * ARTICLE_BATCH))  # fewer: not worth more processes
    articles = itertools.chain(first, articles)
    if workers > 1 and len(first) == workers * ARTICLE_BATCH:
        return extract_in_processes(articles, extractor.model_name, workers)
    return extractor.extract_many(articles)


@main.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True))
@model_option
@skip_errors_option
@click.option("--progress/--no-progress", default=None, help="Show progress (default: when stderr is a terminal).")
@registry_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes for the per-article stage (default: all cores); writes stay in one place, in order.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run the per-article stage on the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://host:8786), or on a LocalCluster of --workers processes with 'local'.")
@click.option("--semantic", "use_semantic", is_flag=True,
              help="Cluster new quotes into statements with the semantic scorer too (see quotes cluster --help).")
@click.option("--reparse", is_flag=True,
              help="Parse every article again, even those stored by this same version of the extractor.")
def build(db: str, files: tuple[str, ...], model: str, skip_errors: bool, progress: bool | None,
          registry_path: str, workers: int | None, dask_address: str | None, use_semantic: bool,
          reparse: bool) -> None:
    """Extract the quotes of FILES into the SQLite database DB and resolve their speakers across
    the whole database (with the registry and every correction recorded in DB).

    Running it again with the same files changes nothing; an interrupted build leaves DB as it was.
    Only new or changed articles are parsed: an article stored by the same version of the
    extractor is passed over, so a daily run with the whole archive costs what its new articles cost.
    """
    from .database import StoredArticles, write_results
    from .workers import DaskUnavailable

    registry = read_registry(registry_path)
    semantic = embedder(use_semantic)
    log = ErrorLog(skip_errors)
    extractor = _extractor(model)  # loaded here too: a missing pipeline is a clear error before any work
    stored = StoredArticles(None if reparse else db, extractor.version)
    bar = Progress(None, sys.stderr.isatty() if progress is None else progress)
    bar.count_in_background(files, lambda: stored.unchanged + stored.duplicates)
    results = _extracted(stored.new(_articles(files, log)), extractor, workers, dask_address)
    started = time.monotonic()
    try:
        stats = write_results(db, results, version=extractor.version, progress=bar.step, registry=registry,
                              on_stage=bar.stage, embedder=semantic)
    except DaskUnavailable as e:
        raise click.ClickException(str(e)) from None
    finally:
        bar.close()
    log.report()
    seen = stats.articles_seen + stored.unchanged + stored.duplicates
    click.echo(f"{db}: {seen} articles read, {stats.articles_written} written, "
               f"{stats.articles_unchanged + stored.unchanged} unchanged, "
               f"{stats.duplicates + stored.duplicates} duplicates, {len(log.errors)} skipped as bad input; "
               f"{stats.quotes} quotes, {stats.speakers} speakers, {stats.statements} statements "
               f"({_duration(time.monotonic() - started)})", err=True)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="Score these predictions (JSON lines) instead of extracting from the gold articles.")
@model_option
@click.option("--errors", type=int, default=0, help="List up to N errors.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole result as JSON.")
def evaluate(gold: str, predictions: str | None, model: str, errors: int, as_json: bool) -> None:
    """Score quote extraction and attribution on GOLD.jsonl, as ../shared/eval/score.py does."""
    from .evaluate import format_report, read_jsonl, score

    try:
        gold_rows = read_jsonl(gold)
        if predictions:
            predicted = read_jsonl(predictions)
        else:
            log = ErrorLog(False)
            predicted = [q.to_dict() for _, quotes in _extractor(model).extract_many(_articles([gold], log))
                         for q in quotes]
        result = score(gold_rows, predicted, errors)
    except (ValueError, KeyError, TypeError) as e:
        raise click.ClickException(f"cannot score {predictions or gold}: {type(e).__name__}: {e}") from None
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else format_report(result))


main.add_command(speakers)
main.add_command(fix)
main.add_command(export)
main.add_command(cluster)
main.add_command(serve)
main.add_command(fetch)


def run() -> None:
    """Entry point that keeps a broken pipe (``quotes extract ... | head``) quiet and turns
    database errors (locked, not a database, disk full) into one line."""
    try:
        main(standalone_mode=False)
    except BrokenPipeError:
        sys.stderr.close()
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(1)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except sqlite3.Error as e:
        hint = " (is another build writing it?)" if "locked" in str(e) else ""
        click.echo(f"Error: database: {e}{hint}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    run()
