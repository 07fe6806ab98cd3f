"""The per-article stage in several processes, on this machine or on a Dask cluster: each
process loads the spaCy pipeline once and extracts batches of articles; results come back in
input order, so that the database is written in one place, in order, exactly as a single process
would write it."""
from __future__ import annotations

import collections
import functools
import multiprocessing
import os
from itertools import islice
from typing import Iterable, Iterator

from .extract import ARTICLE_BATCH, Extractor
from .model import Article, Quote


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@functools.cache
def _worker_extractor(model: str) -> Extractor:
    return Extractor(model)  # once per worker process, local or Dask


def _extract(model: str, batch: list[Article]) -> list[tuple[Article, list[Quote]]]:
    return list(_worker_extractor(model).extract_many(batch))


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, ARTICLE_BATCH)):
        yield batch


def extract_in_processes(articles: Iterable[Article], model: str, workers: int) -> Iterator[tuple[Article, list[Quote]]]:
    """Yield each article with its quotes, in input order, extracted by ``workers`` processes."""
    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                          else "spawn")
    with context.Pool(workers, initializer=_worker_extractor, initargs=(model,)) as pool:
        for results in pool.imap(functools.partial(_extract, model), _batches(articles), chunksize=1):
            yield from results


class DaskUnavailable(Exception):
    """The Dask scheduler cannot be reached or started."""


def extract_on_dask(articles: Iterable[Article], model: str, address: str,
                    workers: int | None = None) -> Iterator[tuple[Article, list[Quote]]]:
    """Yield each article with its quotes, in input order, extracted on a Dask cluster: the
    scheduler at ``address``, or, for ``"local"``, a LocalCluster of ``workers`` processes.

    Batches stream out and back: at most a few per worker are in flight, so the corpus is never
    held in memory, and each result is handed on as soon as those before it are back."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        if cluster is not None:
            cluster.close()
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {e}") from None
    try:
        slots = 2 * max(len(client.scheduler_info().get("workers", {})), 1)
        pending: collections.deque = collections.deque()
        for batch in _batches(articles):
            pending.append(client.submit(_extract, model, batch, pure=False))
            if len(pending) >= slots:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
