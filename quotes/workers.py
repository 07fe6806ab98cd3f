"""The per-article stage in several processes: each loads the spaCy pipeline once and extracts
batches of articles; results come back in input order, so that the database is written in one
place, in order, exactly as a single process would write it."""
from __future__ import annotations

import multiprocessing
import os
from itertools import islice
from typing import Iterable, Iterator

from .extract import Extractor
from .model import Article, Quote

BATCH = 32  # articles a worker extracts at a time (the extractor's own batch)
_extractor: Extractor | None = None


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _start(model: str) -> None:
    global _extractor
    _extractor = Extractor(model)


def _extract(batch: list[Article]) -> list[tuple[Article, list[Quote]]]:
    assert _extractor is not None
    return list(_extractor.extract_many(batch))


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, BATCH)):
        yield batch


def extract_in_processes(articles: Iterable[Article], model: str, workers: int) -> Iterator[tuple[Article, list[Quote]]]:
    """Yield each article with its quotes, in input order, extracted by ``workers`` processes."""
    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                          else "spawn")
    with context.Pool(workers, initializer=_start, initargs=(model,)) as pool:
        for results in pool.imap(_extract, _batches(articles), chunksize=1):
            yield from results
