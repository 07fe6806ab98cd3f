"""Corpus speakers in the database, rebuilt after every build from three sources: the speakers
each article names (``article_speakers``), the curated registry (``db/speakers.yml``) and the
corrections people made (``corrections``), which are applied last so that no rebuild undoes them.

Tables written here: ``speakers``, ``speaker_aliases``, ``speaker_roles``; and the corpus speaker
of every row of ``article_speakers``, ``quotes`` and ``mentions``.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils
import yaml

from .ids import speaker_id, stable_id
from .rows import upsert
from .speakers import Link, LocalSpeaker, Registry, fold, resolve

CORRECTION_ACTIONS = ("merge", "split", "rename", "fix")


class RegistryError(Exception):
    """The registry file cannot be read."""


def load_registry(path: str | Path | None) -> Registry:
    """Read ``db/speakers.yml``: a list of {name, kind?, wikidata?, aliases?, roles?}."""
    if path is None or not Path(path).exists():
        return Registry()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise RegistryError(f"{where}: not a valid registry ({e.__class__.__name__})") from None
    entries = data.get("speakers", []) if isinstance(data, dict) else data
    for n, e in enumerate(entries, 1):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            raise RegistryError(f"{path}: entry {n} has no name")
    return Registry(entries)


def ensure_speaker_tables(db: sqlite_utils.Database) -> None:
    """Create what corpus speakers need, and add columns that older databases lack."""
    tables = set(db.table_names())
    if "article_speakers" not in tables:
        db["article_speakers"].create({"id": str, "article_id": str, "name": str, "kind": str, "forms": str,
                                       "roles": str, "full_name": str, "quote_count": int, "speaker_id": str,
                                       "step": str},
                                      pk="id", foreign_keys=[("article_id", "articles", "id")])
        db["article_speakers"].create_index(["article_id"])
        db["article_speakers"].create_index(["speaker_id"])
    if "speaker_aliases" not in tables:
        db["speaker_aliases"].create({"id": str, "speaker_id": str, "alias": str, "count": int}, pk="id")
        db["speaker_aliases"].create_index(["speaker_id"])
        db["speaker_aliases"].create_index(["alias"])
    db.execute("create index if not exists speaker_aliases_nocase on speaker_aliases (alias collate nocase)")
    db.execute("create index if not exists speakers_name_nocase on speakers (name collate nocase)")
    if "speaker_roles" not in tables:
        db["speaker_roles"].create({"id": str, "speaker_id": str, "role": str, "count": int, "first_seen": str,
                                    "last_seen": str}, pk="id")
        db["speaker_roles"].create_index(["speaker_id"])
    if "corrections" not in tables:
        db["corrections"].create({"id": int, "created": str, "action": str, "subject": str, "value": str},
                                 pk="id")
    for column, kind in (("wikidata", str), ("first_quote", str), ("last_quote", str), ("outlets", str)):
        if column not in db["speakers"].columns_dict:
            db["speakers"].add_column(column, kind)
    if "full_name" not in db["article_speakers"].columns_dict:
        db["article_speakers"].add_column("full_name", str)
    for column in ("article_speaker_id", "speaker_step"):
        if column not in db["quotes"].columns_dict:
            db["quotes"].add_column(column, str)
    # Rewriting the speakers checks and follows these links: without indexes it is quadratic.
    db["mentions"].create_index(["speaker_id"], if_not_exists=True)
    db["quotes"].create_index(["mention_id"], if_not_exists=True)
    db["quotes"].create_index(["article_speaker_id"], if_not_exists=True)


def record_correction(db: sqlite_utils.Database, action: str, subject: str, value: str) -> None:
    """Keep a person's correction; it is applied on this and every later resolution."""
    assert action in CORRECTION_ACTIONS
    db.execute("insert into corrections (created, action, subject, value) values (?, ?, ?, ?)",
               [datetime.now(timezone.utc).isoformat(timespec="seconds"), action, subject, value])


def _locals(db: sqlite_utils.Database) -> tuple[list[LocalSpeaker], dict[str, tuple[str, dict[str, int]]]]:
    """The speakers articles name, and for each its article and the forms of its name with counts."""
    items, where = [], {}
    for r in db.query("select * from article_speakers order by id"):
        forms = json.loads(r["forms"] or "{}") or {r["name"]: r["quote_count"]}
        # A surname the article completes elsewhere in its text resolves as the full name.
        items.append(LocalSpeaker(id=r["id"], name=r.get("full_name") or r["name"], kind=r["kind"],
                                  quotes=r["quote_count"],
                                  roles=tuple(json.loads(r["roles"] or "[]")), forms=tuple(forms)))
        where[r["id"]] = (r["article_id"], forms)
    return items, where


def _apply_corrections(db: sqlite_utils.Database, items: list[LocalSpeaker], links: dict[str, Link],
                       names: dict[int, str]) -> dict[str, str]:
    """Merge, split and rename clusters as people asked, in the order they asked; return the
    speaker name fixed for single quotes (quote id -> name)."""
    fixes: dict[str, str] = {}
    next_cluster = max(names, default=0) + 1
    by_id = {i.id: i for i in items}

    def clusters_named(name: str) -> set[int]:
        wanted = fold(name)
        found = {c for c, n in names.items() if fold(n) == wanted}
        return found or {links[i.id].cluster for i in items
                         if fold(i.name) == wanted or any(fold(f) == wanted for f in i.forms)}

    for c in db.query("select * from corrections order by id"):
        subject, value = c["subject"], c["value"]
        if c["action"] == "merge":
            into = clusters_named(subject)
            target = min(into) if into else None
            for other in clusters_named(value) - {target}:
                if target is None:
                    break
                for link in links.values():
                    if link.cluster == other:
                        link.cluster, link.step = target, "correction"
                names.pop(other, None)
        elif c["action"] == "split":
            wanted, source = fold(value), clusters_named(subject)
            for lid, link in links.items():
                if link.cluster in source and fold(by_id[lid].name) == wanted:
                    link.cluster, link.step = next_cluster, "correction"
            names[next_cluster] = value
            next_cluster += 1
        elif c["action"] == "rename":
            for cluster in clusters_named(subject):
                names[cluster] = value
        elif c["action"] == "fix":
            fixes[subject] = value
    return fixes


def rebuild_speakers(db: sqlite_utils.Database, registry: Registry) -> int:
    """Resolve every article's speakers into corpus speakers and rewrite the speaker tables.

    Runs inside the caller's transaction; returns the number of corpus speakers.
    """
    items, where = _locals(db)
    links, names = resolve(items, registry)
    fixes = _apply_corrections(db, items, links, names)
    by_entry = {fold(e["name"]): e for e in registry.entries}
    kind_of = _kinds(items, links, names, by_entry)

    def sid(cluster: int) -> str:
        return speaker_id(names[cluster], kind_of.get(cluster, "person"))

    rows = {}
    for cluster, name in names.items():
        entry = by_entry.get(fold(name), {})
        rows[cluster] = {"id": sid(cluster), "name": name, "kind": kind_of[cluster], "wikidata": entry.get("wikidata")}
    known = {fold(r["name"]) for r in rows.values()}
    for n in fixes.values():  # a quote given to someone the corpus has not seen yet
        if fold(n) not in known:
            known.add(fold(n))
            cluster = max(rows, default=0) + 1
            names[cluster] = n
            rows[cluster] = {"id": sid(cluster), "name": n, "kind": "person", "wikidata": None}
    upsert(db, "speakers", list({r["id"]: r for r in rows.values()}.values()))
    linked = {r[0]: (r[1], r[2]) for r in db.execute("select id, speaker_id, step from article_speakers")}
    db.conn.executemany("update article_speakers set speaker_id = ?, step = ? where id = ?",
                        [(rows[link.cluster]["id"], link.step, lid) for lid, link in links.items()
                         if linked.get(lid) != (rows[link.cluster]["id"], link.step)])
    # Quotes and mentions are rewritten only where their speaker changed: a daily build touches
    # the rows of the speakers its new articles moved, not the whole corpus.
    by_fold = {fold(r["name"]): r["id"] for r in rows.values()}
    db.execute("create temp table if not exists quote_speakers (id text primary key, speaker_id text, step text)")
    db.execute("delete from temp.quote_speakers")
    db.execute("""insert into temp.quote_speakers select q.id, a.speaker_id, a.step from quotes q
                  left join article_speakers a on a.id = q.article_speaker_id""")
    db.conn.executemany("update temp.quote_speakers set speaker_id = ?, step = 'correction' where id = ?",
                        [(by_fold[fold(n)], qid) for qid, n in fixes.items()])
    db.execute("""update quotes set speaker_id = n.speaker_id, speaker_step = n.step from temp.quote_speakers n
                  where n.id = quotes.id and (quotes.speaker_id is not n.speaker_id or quotes.speaker_step is not n.step)""")
    db.execute("""update mentions set speaker_id = n.speaker_id
                  from (select mention_id, min(speaker_id) as speaker_id from quotes
                        where mention_id is not null and speaker_id is not null group by mention_id) n
                  where n.mention_id = mentions.id and mentions.speaker_id is not n.speaker_id""")
    db.execute("""update mentions set speaker_id = null where speaker_id is not null and not exists
                  (select 1 from quotes q where q.mention_id = mentions.id and q.speaker_id is not null)""")
    db.execute("drop table temp.quote_speakers")
    _describe(db, items, where, links, rows)
    _keep_only(db, "speakers", {r["id"] for r in rows.values()})
    return len(rows)


def _keep_only(db: sqlite_utils.Database, table: str, ids: set[str]) -> None:
    """Delete the rows of ``table`` whose id is not in ``ids``."""
    db.execute("create temp table keep (id text primary key)")
    db.conn.executemany("insert into temp.keep values (?)", [(i,) for i in ids])
    db.execute(f"delete from [{table}] where id not in (select id from temp.keep)")
    db.execute("drop table temp.keep")


def _kinds(items: list[LocalSpeaker], links: dict[str, Link], names: dict[int, str],
           by_entry: dict[str, dict]) -> dict[int, str]:
    """A speaker's kind: the one its registry entry gives ("Facebook" that NER took for a person),
    else that of the article speakers bearing its name, else of most of its quotes."""
    votes: dict[int, Counter] = defaultdict(Counter)
    for i in items:
        cluster = links[i.id].cluster
        votes[cluster][i.kind] += i.quotes + (10**6 if fold(i.name) == fold(names.get(cluster, "")) else 0)
    kinds = {cluster: counts.most_common(1)[0][0] for cluster, counts in votes.items()}
    for cluster, name in names.items():
        kinds[cluster] = by_entry.get(fold(name), {}).get("kind") or kinds.get(cluster, "person")
    return kinds


def _describe(db: sqlite_utils.Database, items: list[LocalSpeaker], where: dict[str, tuple[str, dict[str, int]]],
              links: dict[str, Link], rows: dict) -> None:
    """Counts, dates and outlets of each speaker; its aliases and its roles with first/last seen."""
    published = {r["id"]: r["published"] or "" for r in db.query("select id, published from articles")}
    aliases: dict[str, Counter] = defaultdict(Counter)
    roles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in items:
        speaker = rows[links[item.id].cluster]["id"]
        article_id, forms = where[item.id]
        aliases[speaker].update(forms)
        date = published.get(article_id, "")
        for role in item.roles:
            roles[(speaker, role)].append(date)
    alias_rows = [{"id": stable_id(s, a), "speaker_id": s, "alias": a, "count": n}
                  for s, forms in aliases.items() for a, n in forms.items()]
    role_rows = [{"id": stable_id(s, role), "speaker_id": s, "role": role, "count": len(dates),
                  "first_seen": min(dates) or None, "last_seen": max(dates) or None} for (s, role), dates in roles.items()]
    # Upserted and pruned rather than rewritten: an unchanged alias keeps its row and its search entry.
    for table, new_rows in (("speaker_aliases", alias_rows), ("speaker_roles", role_rows)):
        upsert(db, table, new_rows)
        _keep_only(db, table, {r["id"] for r in new_rows})
    db.execute("update speakers set quote_count = 0, article_count = 0, first_quote = null, last_quote = null, "
               "outlets = '[]'")
    db.execute("""
        update speakers set quote_count = s.n, article_count = s.articles, first_quote = s.first, last_quote = s.last
        from (select speaker_id, count(*) as n, count(distinct article_id) as articles, min(published) as first,
                     max(published) as last
              from quotes where speaker_id is not null group by speaker_id) s
        where s.speaker_id = speakers.id""")
    db.execute("""
        update speakers set outlets = s.outlets
        from (select speaker_id, json_group_array(outlet) as outlets
              from (select distinct q.speaker_id, a.outlet from quotes q join articles a on a.id = q.article_id
                    where q.speaker_id is not null and a.outlet is not null order by q.speaker_id, a.outlet)
              group by speaker_id) s
        where s.speaker_id = speakers.id""")
