"""Statements in the database: every quote linked to the statement it words, after every build.

A build places only the quotes of new or changed articles (incrementally: they join the
statements already there or lead new ones); a statement's id is made from its leading quote's id
and stays the same from build to build. Nothing is thrown away: each quote keeps its own
text and offsets and gains ``statement_id``, ``statement_similarity`` and, for a fragment of a
longer quote, ``excerpt_of``.
"""
from __future__ import annotations

from collections import defaultdict

import sqlite_utils

from .ids import stable_id
from .semantic import Embedder
from .statements import (MAX_BLOCK, MAX_VARIANTS_COMPARED, Clusterer, Key, Variant, blocking_words, index_keys,
                         lookup_keys)


def ensure_statement_tables(db: sqlite_utils.Database) -> None:
    if "statements" not in db.table_names():
        db["statements"].create({"id": str, "text": str, "quote_id": str, "speaker_id": str, "first_seen": str,
                                 "variant_count": int, "article_count": int, "outlets": str}, pk="id")
        db["statements"].create_index(["speaker_id"])
    if "words" not in db["statements"].columns_dict:
        db["statements"].add_column("words", str)
    for column, kind in (("statement_id", str), ("statement_similarity", float), ("excerpt_of", str)):
        if column not in db["quotes"].columns_dict:
            db["quotes"].add_column(column, kind)
    db["quotes"].create_index(["statement_id"], if_not_exists=True)


def update_statements(db: sqlite_utils.Database, embedder: Embedder | None = None) -> int:
    """Place the quotes that have no statement yet (those of new or changed articles) into the
    statements already there or into new ones; runs inside the caller's transaction and returns
    the number of statements.

    A statement whose leading quote is gone (its article changed) is dissolved and its other
    quotes are placed again; the others keep their ids and their quotes.
    """
    # A leading quote is gone when its row was deleted or written anew (it then has no statement).
    gone = "select s.id from statements s left join quotes q on q.id = s.quote_id and q.statement_id = s.id " \
           "where q.id is null"
    db.execute(f"update quotes set statement_id = null, statement_similarity = null where statement_id in ({gone})")
    db.execute(f"delete from statements where id in ({gone})")
    db.execute("update quotes set excerpt_of = null where excerpt_of not in (select id from statements)")
    # Corpus speakers may have been merged or renamed since: a statement follows its leader's.
    leader_speaker = "(select speaker_id from quotes q where q.id = statements.quote_id)"
    db.execute(f"update statements set speaker_id = {leader_speaker} where speaker_id is not {leader_speaker}")
    new = list(db.query("""select id, text, speaker_id from quotes where statement_id is null
                           order by coalesce(published, ''), article_id, start, id"""))
    if not new:
        return db.execute("select count(*) from statements").fetchone()[0]
    clusterer = Clusterer(embedder=embedder)
    _refresh_words(db, _stale(db))
    variants = clusterer.variants([(r["id"], r["text"], r["speaker_id"]) for r in new])
    if embedder is None:
        members = _members(db, _candidate_statements(db, clusterer, variants))
    else:  # the nearest leaders may share no word: load them all
        members = _members(db, None)
    ids: dict[int, str] = {}
    sizes = dict(db.execute("select id, variant_count from statements"))
    for sid, wordings in members.items():
        ids[clusterer.seed(wordings, sizes.get(sid) or len(wordings), count_words=embedder is not None)] = sid
    placed = clusterer.place(variants)
    for st in clusterer.statements[len(ids):]:
        ids[st.id] = stable_id("statement", st.leader.id)
    db.conn.executemany(
        "insert into statements (id, text, quote_id, speaker_id) values (?, ?, ?, ?)",
        [(ids[st.id], st.leader.text, st.leader.id, st.speaker) for st in clusterer.statements[len(members):]
         if st.size])  # a statement begun and emptied in this build is not kept
    db.conn.executemany(
        "update quotes set statement_id = ?, statement_similarity = ?, excerpt_of = ? where id = ?",
        [(ids[a.statement], a.similarity, ids[a.excerpt_of] if a.excerpt_of is not None else None, qid)
         for qid, a in placed.items()])
    touched = {ids[a.statement] for a in placed.values()}
    _describe(db, touched)
    _refresh_words(db, touched)
    return db.execute("select count(*) from statements").fetchone()[0]


WORDING_SEPARATOR = "|"


def _candidate_statements(db: sqlite_utils.Database, clusterer: Clusterer, quotes: list[Variant]) -> list[str]:
    """The statements the new ``quotes`` can meet in the clusterer, and only those: the holders of
    their blocking words under the keys they look up (where such a key leads to few enough
    statements to be used at all), and the statements that have their exact words. Word rarity
    counts every statement's compared wordings, as the clusterer counts them; they are counted
    into ``clusterer.df`` on the way."""
    def wordings(words: str | None) -> list[frozenset[str]]:
        return [frozenset(w.split()) for w in words.split(WORDING_SEPARATOR)] if words is not None else []

    for (words,) in db.execute("select words from statements"):
        for content in wordings(words):
            clusterer.df.update(content)
    df = clusterer.df.copy()
    for v in quotes:  # the clusterer counts its batch before placing it
        df.update(v.content)
    wanted = {key for v in quotes for key in lookup_keys(v.speaker, blocking_words(v.content, df))}
    blocking = {w for _, w in wanted}
    exact = {v.content for v in quotes}
    postings: dict[Key, list[str]] = defaultdict(list)
    chosen = set()
    for sid, speaker, words in db.execute("select id, speaker_id, words from statements"):
        held = wordings(words)
        if any(content in exact for content in held):
            chosen.add(sid)
        for w in set().union(*held) & blocking:
            for key in index_keys(speaker, w):
                if key in wanted:
                    postings[key].append(sid)
    for key, sids in postings.items():
        if len(sids) <= MAX_BLOCK:
            chosen.update(sids)
        else:  # never used for candidates, though some of its statements may be loaded for others
            clusterer.capped.add(key)
    return sorted(chosen)


def _members(db: sqlite_utils.Database, chosen: list[str] | None) -> dict[str, list[tuple[str, str, str | None]]]:
    """For each statement (of ``chosen``, or all), what new wordings are compared with: its leader
    and its closest variants, leader first."""
    where = ""
    if chosen is not None:
        db.execute("create temp table if not exists chosen_statements (id text primary key)")
        db.execute("delete from temp.chosen_statements")
        db.conn.executemany("insert into temp.chosen_statements values (?)", [(c,) for c in chosen])
        where = "where q.statement_id in (select id from temp.chosen_statements)"
    members: dict[str, list[tuple[str, str, str | None]]] = {}
    for r in db.query(f"""select id, text, speaker_id, statement_id from (
                            select q.id, q.text, q.speaker_id, q.statement_id, row_number() over (
                              partition by q.statement_id
                              order by s.quote_id = q.id desc, q.statement_similarity desc, q.id) as n
                            from quotes q join statements s on s.id = q.statement_id {where})
                          where n <= {1 + MAX_VARIANTS_COMPARED} order by statement_id, n"""):
        members.setdefault(r["statement_id"], []).append((r["id"], r["text"], r["speaker_id"]))
    if chosen is not None:
        db.execute("drop table temp.chosen_statements")
    return members


def _stale(db: sqlite_utils.Database) -> set[str]:
    """Statements whose stored words may be out of date: never stored, or wordings removed since."""
    return {sid for (sid,) in db.execute("""
        select s.id from statements s left join (select statement_id, count(*) as n from quotes
                                                  where statement_id is not null group by statement_id) c
          on c.statement_id = s.id
        where s.words is null or s.variant_count is not c.n""")}


def _refresh_words(db: sqlite_utils.Database, statements: set[str]) -> None:
    """Store the content words of the wordings each statement compares new quotes with."""
    if not statements:
        return
    rows = [(WORDING_SEPARATOR.join(" ".join(sorted(Variant.of(i, t).content)) for i, t, _ in wordings), sid)
            for sid, wordings in _members(db, sorted(statements)).items()]
    db.conn.executemany("update statements set words = ? where id = ?", rows)


def _describe(db: sqlite_utils.Database, touched: set[str]) -> None:
    """Counts, first date and outlets of the statements that gained wordings."""
    db.conn.executemany("""
        update statements set
          variant_count = (select count(*) from quotes q where q.statement_id = statements.id),
          article_count = (select count(distinct q.article_id) from quotes q where q.statement_id = statements.id),
          first_seen = (select min(q.published) from quotes q where q.statement_id = statements.id),
          outlets = (select json_group_array(outlet) from (select distinct a.outlet from quotes q
                     join articles a on a.id = q.article_id where q.statement_id = statements.id
                     and a.outlet is not null order by a.outlet))
        where id = ?
    """, [(sid,) for sid in touched])
