"""The last stage of the pipeline: articles and their quotes in SQLite, with sqlite-utils.

A build is one transaction: interrupted, it leaves the database as it was. It is idempotent:
an article whose text and quotes are unchanged is not rewritten, a changed article replaces its
old quotes, and the same text under another id is stored once.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils

from .articles import text_hash
from .ids import stable_id
from .model import Article, Quote
from .rows import upsert
from .search_tables import ensure_search_tables
from .semantic import Embedder
from .speaker_tables import ensure_speaker_tables, rebuild_speakers
from .speakers import Registry
from .statement_tables import ensure_statement_tables, update_statements


@dataclass
class BuildStats:
    articles_seen: int = 0
    articles_written: int = 0
    articles_unchanged: int = 0
    duplicates: int = 0
    quotes: int = 0
    speakers: int = 0
    statements: int = 0


def open_db(path: str | Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create the tables, foreign keys and indexes that are missing; change nothing else."""
    if "articles" not in db.table_names():
        db["articles"].create({"id": str, "title": str, "url": str, "outlet": str, "published": str,
                               "language": str, "origin": str, "text": str, "text_hash": str,
                               "quote_count": int, "extracted_by": str}, pk="id")
        db["articles"].create_index(["text_hash"])
    if "extracted_by" not in db["articles"].columns_dict:
        db["articles"].add_column("extracted_by", str)
    if "speakers" not in db.table_names():
        db["speakers"].create({"id": str, "name": str, "kind": str, "quote_count": int, "article_count": int},
                              pk="id")
        db["speakers"].create_index(["name"])
    if "mentions" not in db.table_names():
        db["mentions"].create({"id": str, "article_id": str, "speaker_id": str, "start": int, "end": int,
                               "text": str}, pk="id",
                              foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")])
        db["mentions"].create_index(["article_id"])
    if "quotes" not in db.table_names():
        db["quotes"].create({"id": str, "article_id": str, "start": int, "end": int, "text": str, "type": str,
                             "speaker": str, "speaker_id": str, "speaker_mention": str, "speaker_kind": str,
                             "mention_id": str, "cue": str, "rule": str, "resolution": str, "confidence": float},
                            pk="id", foreign_keys=[("article_id", "articles", "id"),
                                                   ("speaker_id", "speakers", "id"),
                                                   ("mention_id", "mentions", "id")])
        db["quotes"].create_index(["article_id"])
        db["quotes"].create_index(["speaker_id"])
    if "builds" not in db.table_names():
        db["builds"].create({"id": int, "started": str, "finished": str, "articles": int, "quotes": int,
                             "version": str}, pk="id")
    if "published" not in db["quotes"].columns_dict:
        # The article's date on each quote: a speaker's newest quotes come from an index, not a sort.
        db["quotes"].add_column("published", str)
        db.execute("update quotes set published = (select published from articles a where a.id = quotes.article_id)")
    db["quotes"].create_index(["speaker_id", "published"], if_not_exists=True)
    ensure_speaker_tables(db)
    ensure_statement_tables(db)
    ensure_search_tables(db)


def _rows(article: Article, quotes: list[Quote], version: str = "") -> tuple[dict, list[dict], list[dict], list[dict]]:
    """The rows of an article: itself, its speakers as it names them, its mentions and its quotes.
    Corpus speakers are linked later, by speaker_tables.rebuild_speakers."""
    local, mentions, rows = {}, {}, []
    for q in quotes:
        lid = stable_id(article.id, q.speaker_kind or "person", q.speaker.casefold()) if q.speaker else None
        if lid:
            row = local.setdefault(lid, {"id": lid, "article_id": article.id, "name": q.speaker,
                                         "kind": q.speaker_kind or "person", "forms": q.extra.get("forms"),
                                         "roles": q.extra.get("roles"), "full_name": q.extra.get("full_name"),
                                         "quote_count": 0,
                                         "speaker_id": None, "step": None})
            row["quote_count"] += 1
            row["forms"] = row["forms"] or q.extra.get("forms")
            row["roles"] = row["roles"] or q.extra.get("roles")
        mid = None
        if q.mention_start is not None and q.mention_end is not None:
            mid = stable_id(article.id, q.mention_start, q.mention_end)
            mentions[mid] = {"id": mid, "article_id": article.id, "speaker_id": None, "start": q.mention_start,
                             "end": q.mention_end, "text": article.text[q.mention_start:q.mention_end]}
        rows.append({"id": stable_id(article.id, q.start, q.end, q.type), "article_id": article.id,
                     "start": q.start, "end": q.end, "text": q.text, "type": q.type, "speaker": q.speaker,
                     "speaker_id": None, "speaker_mention": q.speaker_mention, "speaker_kind": q.speaker_kind,
                     "mention_id": mid, "cue": q.cue, "rule": q.rule, "resolution": q.extra.get("resolution"),
                     "confidence": q.confidence, "article_speaker_id": lid, "speaker_step": None,
                     "published": article.published})
    for row in local.values():
        row["forms"] = json.dumps(row["forms"] or {row["name"]: row["quote_count"]}, ensure_ascii=False)
        row["roles"] = json.dumps(row["roles"] or [], ensure_ascii=False)
    row = {"id": article.id, "title": article.title, "url": article.url, "outlet": article.outlet,
           "published": article.published, "language": article.language, "origin": article.origin,
           "text": article.text, "text_hash": text_hash(article.text), "quote_count": len(rows),
           "extracted_by": version or None}
    return row, list(local.values()), list(mentions.values()), rows


LINKED_LATER = ("speaker_id", "speaker_step", "statement_id", "statement_similarity", "excerpt_of")


def _unchanged(db: sqlite_utils.Database, row: dict, quotes: list[dict]) -> bool:
    old = db.execute("select text_hash from articles where id = ?", [row["id"]]).fetchone()
    if old is None or old[0] != row["text_hash"]:
        return False

    def own(rows: Iterable[dict]) -> list[dict]:
        return sorted(({k: v for k, v in r.items() if k not in LINKED_LATER} for r in rows), key=lambda r: r["id"])

    # A new attribution is a change too.
    return own(db["quotes"].rows_where("article_id = ?", [row["id"]])) == own(quotes)


class StoredArticles:
    """The articles a database already holds as this version of the extractor extracted them.
    A build passes its input through ``new`` so that only new or changed articles are parsed."""

    def __init__(self, db_path: str | Path | None, version: str) -> None:
        self.by_hash: dict[str, str] = {}
        self.unchanged = self.duplicates = 0
        if db_path is not None and Path(db_path).exists():
            db = sqlite_utils.Database(db_path)
            try:
                if "extracted_by" in db["articles"].columns_dict:
                    self.by_hash = dict(db.execute("select text_hash, id from articles where extracted_by = ?",
                                                   [version]).fetchall())
            finally:
                db.close()

    def new(self, articles: Iterable[Article]) -> Iterator[Article]:
        """The articles that are not stored yet, or whose text changed; count the others."""
        for article in articles:
            stored = self.by_hash.get(text_hash(article.text)) if self.by_hash else None
            if stored is None:
                yield article
            elif stored == article.id:
                self.unchanged += 1
            else:
                self.duplicates += 1


def write_results(db_path: str | Path, results: Iterable[tuple[Article, list[Quote]]], *, version: str = "",
                  progress: Callable[[Article], None] | None = None, registry: Registry | None = None,
                  on_stage: Callable[[str], None] | None = None, embedder: Embedder | None = None) -> BuildStats:
    """Store articles with their quotes in one transaction; return what was done."""
    is_new = not Path(db_path).exists()
    db = open_db(db_path)
    try:
        ensure_db_shape(db)
        stats = _write(db, results, version, progress, registry or Registry(), on_stage or (lambda name: None),
                       embedder)
    except BaseException:
        db.close()
        if is_new:
            Path(db_path).unlink(missing_ok=True)
        raise
    db.close()
    return stats


def _write(db: sqlite_utils.Database, results: Iterable[tuple[Article, list[Quote]]], version: str,
           progress: Callable[[Article], None] | None, registry: Registry,
           on_stage: Callable[[str], None], embedder: Embedder | None) -> BuildStats:
    stats = BuildStats()
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    seen_hashes: dict[str, str] = {}
    db.conn.isolation_level = None  # explicit BEGIN/COMMIT below
    db.execute("BEGIN")
    try:
        for article, quotes in results:
            stats.articles_seen += 1
            if progress:
                progress(article)
            row, local_speakers, mentions, quote_rows = _rows(article, quotes, version)
            first = seen_hashes.setdefault(row["text_hash"], article.id)
            stored = db.execute("select id from articles where text_hash = ? and id != ?",
                                [row["text_hash"], article.id]).fetchone()
            if first != article.id or stored is not None:
                stats.duplicates += 1
                continue
            if _unchanged(db, row, quote_rows):
                stats.articles_unchanged += 1
                db.execute("update articles set extracted_by = ? where id = ? and extracted_by is not ?",
                           [row["extracted_by"], article.id, row["extracted_by"]])
                continue
            for table in ("quotes", "mentions", "article_speakers"):
                db.execute(f"delete from [{table}] where article_id = ?", [article.id])
            upsert(db, "articles", [row])
            upsert(db, "article_speakers", local_speakers)
            upsert(db, "mentions", mentions)
            upsert(db, "quotes", quote_rows)
            stats.articles_written += 1
        on_stage("resolving speakers across the database")
        stats.speakers = rebuild_speakers(db, registry)
        on_stage("clustering new quotes into statements")
        stats.statements = update_statements(db, embedder)
        on_stage("committing")
        stats.quotes = db.execute("select count(*) from quotes").fetchone()[0]
        if stats.articles_written:  # an unchanged rebuild leaves no trace, not even here
            upsert(db, "builds", [{"id": None, "started": started,
                                    "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                    "articles": stats.articles_seen, "quotes": stats.quotes, "version": version}])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return stats
