"""Statements in the database: every quote linked to the statement it words, after every build.

All quotes are clustered again on every build (within their corpus speaker), in a fixed order,
so that a statement's leader (its longest wording) and its id, made from that quote's id, stay
the same from build to build while the quotes do. Nothing is thrown away: each quote keeps its own
text and offsets and gains ``statement_id``, ``statement_similarity`` and, for a fragment of a
longer quote, ``excerpt_of``.
"""
from __future__ import annotations

import sqlite_utils

from .ids import stable_id
from .statements import Clusterer


def ensure_statement_tables(db: sqlite_utils.Database) -> None:
    if "statements" not in db.table_names():
        db["statements"].create({"id": str, "text": str, "quote_id": str, "speaker_id": str, "first_seen": str,
                                 "variant_count": int, "article_count": int, "outlets": str}, pk="id")
        db["statements"].create_index(["speaker_id"])
    for column, kind in (("statement_id", str), ("statement_similarity", float), ("excerpt_of", str)):
        if column not in db["quotes"].columns_dict:
            db["quotes"].add_column(column, kind)
    db["quotes"].create_index(["statement_id"], if_not_exists=True)


def rebuild_statements(db: sqlite_utils.Database) -> int:
    """Cluster every quote of the database into statements; runs inside the caller's transaction."""
    rows = list(db.query("""select q.id, q.text, q.speaker_id from quotes q join articles a on a.id = q.article_id
                            order by coalesce(a.published, ''), q.article_id, q.start, q.id"""))
    clusterer = Clusterer()
    placed = clusterer.add((r["id"], r["text"], r["speaker_id"]) for r in rows)
    ids = {s.id: stable_id("statement", s.leader.id) for s in clusterer.statements}
    db.execute("update quotes set statement_id = null, statement_similarity = null, excerpt_of = null")
    db.execute("delete from statements")
    db.conn.executemany(
        "insert into statements (id, text, quote_id, speaker_id) values (?, ?, ?, ?)",
        [(ids[s.id], s.leader.text, s.leader.id, s.speaker) for s in clusterer.statements])
    db.conn.executemany(
        "update quotes set statement_id = ?, statement_similarity = ?, excerpt_of = ? where id = ?",
        [(ids[a.statement], a.similarity, ids[a.excerpt_of] if a.excerpt_of is not None else None, qid)
         for qid, a in placed.items()])
    db.execute("""
        update statements set
          variant_count = (select count(*) from quotes q where q.statement_id = statements.id),
          article_count = (select count(distinct q.article_id) from quotes q where q.statement_id = statements.id),
          first_seen = (select min(a.published) from quotes q join articles a on a.id = q.article_id
                        where q.statement_id = statements.id),
          outlets = (select json_group_array(outlet) from (select distinct a.outlet from quotes q
                     join articles a on a.id = q.article_id where q.statement_id = statements.id
                     and a.outlet is not null order by a.outlet))
    """)
    return len(clusterer.statements)
