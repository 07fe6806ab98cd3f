"""``quotes speakers ...``, ``quotes fix`` and ``quotes export``: look at and curate the corpus speakers.

Every correction is recorded in the database (table ``corrections``) and applied on this and
every later build, so that no rebuild undoes it; ``quotes speakers export`` writes them back to
the registry.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import click
import sqlite_utils
import yaml
from rapidfuzz import process

from .database import ensure_db_shape
from .speaker_tables import RegistryError, load_registry, rebuild_speakers, record_correction
from .speakers import Registry, fold

DEFAULT_REGISTRY = "db/speakers.yml"


def registry_option(f):
    return click.option("--registry", "registry_path", default=DEFAULT_REGISTRY, show_default=True,
                        type=click.Path(dir_okay=False),
                        help="Curated speakers (YAML) that seed and constrain resolution; ignored when absent.")(f)


def read_registry(path: str | None) -> Registry:
    try:
        return load_registry(path)
    except RegistryError as e:
        raise click.ClickException(str(e)) from None


def open_existing(path: str) -> sqlite_utils.Database:
    if not Path(path).is_file():
        raise click.ClickException(f"{path}: no such database (build one with: quotes build {path} FILES...)")
    db = sqlite_utils.Database(path)
    if "article_speakers" not in db.table_names():
        raise click.ClickException(f"{path}: not a quotes database, or built before corpus speakers "
                                   f"(rebuild it with: quotes build {path} FILES...)")
    return db


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[None]:
    db.conn.isolation_level = None
    db.execute("BEGIN")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def find_speaker(db: sqlite_utils.Database, name: str) -> dict:
    """The speaker called ``name``, by canonical name first, then by any alias."""
    wanted = fold(name)
    rows = list(db.query("select * from speakers"))
    for row in rows:
        if fold(row["name"]) == wanted:
            return row
    ids = {r["speaker_id"] for r in db.query("select speaker_id, alias from speaker_aliases") if fold(r["alias"]) == wanted}
    found = [r for r in rows if r["id"] in ids]
    if len(found) == 1:
        return found[0]
    if found:
        raise click.ClickException(f"{name!r} is an alias of several speakers: "
                                   + ", ".join(sorted(r["name"] for r in found)))
    close = [m[0] for m in process.extract(name, [r["name"] for r in rows], limit=3, score_cutoff=60)]
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise click.ClickException(f"no speaker called {name!r}{hint}")


def speaker_record(db: sqlite_utils.Database, row: dict) -> dict:
    """One speaker as ``quotes speakers list --format jsonl`` prints it."""
    aliases = [r["alias"] for r in db.query(
        "select alias from speaker_aliases where speaker_id = ? order by count desc, alias", [row["id"]])]
    roles = [r["role"] for r in db.query(
        "select role from speaker_roles where speaker_id = ? order by count desc, role", [row["id"]])]
    return {"id": row["id"], "name": row["name"], "kind": row["kind"], "wikidata": row.get("wikidata"),
            "aliases": aliases, "roles": roles, "quotes": row["quote_count"], "articles": row["article_count"],
            "first_quote": row.get("first_quote"), "last_quote": row.get("last_quote"),
            "outlets": json.loads(row.get("outlets") or "[]")}


def _correct(db_path: str, registry_path: str, action: str, subject: str, *values: str) -> dict:
    """Record one correction per value, resolve the speakers again once, and return the speaker
    the correction is about."""
    db = open_existing(db_path)
    registry = read_registry(registry_path)
    with transaction(db):
        ensure_db_shape(db)  # an older database gains what corrections need
        for value in values:
            record_correction(db, action, subject, value)
        rebuild_speakers(db, registry)
    return find_speaker(db, values[-1] if action in ("rename", "split", "fix") else subject)


@click.group()
def speakers() -> None:
    """List, inspect and curate the speakers of a database (corrections survive every rebuild)."""


@speakers.command(name="list")
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="jsonl prints one speaker a line: id, name, kind, aliases, roles, quotes, ...")
@click.option("--kind", type=click.Choice(["person", "organization", "group"]), help="Only speakers of this kind.")
@click.option("--limit", type=int, default=0, help="At most N speakers, most quoted first (0: all).")
def list_speakers(db: str, fmt: str, kind: str | None, limit: int) -> None:
    """Speakers by number of quotes: id, name, kind, aliases, roles, quotes."""
    database = open_existing(db)
    sql = "select * from speakers" + (" where kind = ?" if kind else "") + " order by quote_count desc, name"
    sql += f" limit {int(limit)}" if limit else ""
    for row in database.query(sql, [kind] if kind else []):
        record = speaker_record(database, row)
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            aliases = ", ".join(a for a in record["aliases"] if a != record["name"])[:60]
            click.echo(f"{record['quotes']:>6}  {record['kind'][:12]:12}  {record['name'][:32]:32}  {aliases}")


@speakers.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("name")
@click.option("--quotes", "n_quotes", type=int, default=5, show_default=True, help="Show up to N quotes.")
def show(db: str, name: str, n_quotes: int) -> None:
    """One speaker (by name or any alias): aliases, roles, dates, outlets and some quotes."""
    database = open_existing(db)
    record = speaker_record(database, find_speaker(database, name))
    for key in ("name", "kind", "id", "wikidata", "quotes", "articles", "first_quote", "last_quote"):
        click.echo(f"{key:12} {record[key] if record[key] is not None else ''}")
    click.echo(f"{'aliases':12} {', '.join(record['aliases'])}")
    click.echo(f"{'roles':12} {'; '.join(record['roles'])}")
    click.echo(f"{'outlets':12} {', '.join(record['outlets'])}")
    for q in database.query("select id, text, speaker_step, rule from quotes where speaker_id = ? limit ?",
                            [record["id"], n_quotes]):
        click.echo(f"  [{q['id']}] ({q['rule']}, {q['speaker_step']}) {' '.join(q['text'].split())[:110]}")


@speakers.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("name")
@click.argument("others", nargs=-1, required=True)
@registry_option
def merge(db: str, name: str, others: tuple[str, ...], registry_path: str) -> None:
    """Make OTHERS the same speaker as NAME (which keeps its name)."""
    database = open_existing(db)
    find_speaker(database, name)
    for other in others:
        find_speaker(database, other)
    row = _correct(db, registry_path, "merge", name, *others)
    click.echo(f"{row['name']}: {row['quote_count']} quotes")


@speakers.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("name")
@click.argument("alias")
@registry_option
def split(db: str, name: str, alias: str, registry_path: str) -> None:
    """Take the articles that name NAME as ALIAS out of NAME: a speaker of its own."""
    database = open_existing(db)
    row = find_speaker(database, name)
    if fold(alias) not in {fold(r["alias"]) for r in database.query(
            "select alias from speaker_aliases where speaker_id = ?", [row["id"]])}:
        raise click.ClickException(f"{alias!r} is not an alias of {row['name']!r}")
    new = _correct(db, registry_path, "split", row["name"], alias)
    click.echo(f"{new['name']}: {new['quote_count']} quotes, apart from {row['name']}")


@speakers.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("name")
@click.argument("new_name")
@registry_option
def rename(db: str, name: str, new_name: str, registry_path: str) -> None:
    """Give the speaker NAME the canonical name NEW_NAME."""
    row = find_speaker(open_existing(db), name)
    new = _correct(db, registry_path, "rename", row["name"], new_name)
    click.echo(f"{row['name']} -> {new['name']}")


@speakers.command()
@click.argument("db", type=click.Path(dir_okay=False))
@registry_option
def resolve(db: str, registry_path: str) -> None:
    """Resolve the speakers again (after editing the registry), without extracting anything."""
    database = open_existing(db)
    registry = read_registry(registry_path)
    started = time.perf_counter()
    with transaction(database):
        ensure_db_shape(database)
        n = rebuild_speakers(database, registry)
    local = database.execute("select count(*) from article_speakers").fetchone()[0]
    click.echo(f"{db}: {local} article speakers -> {n} speakers in {time.perf_counter() - started:.2f} s")


@speakers.command(name="export")
@click.argument("db", type=click.Path(dir_okay=False))
@registry_option
def export_registry(db: str, registry_path: str) -> None:
    """Write the corrected speakers back into the registry file, keeping its other entries."""
    database = open_existing(db)
    registry = read_registry(registry_path)
    entries = {fold(e["name"]): dict(e) for e in registry.entries}
    corrected = {fold(r["subject"]) for r in database.query("select subject from corrections where action != 'fix'")} | \
        {fold(r["value"]) for r in database.query("select value from corrections")}
    for row in database.query("select * from speakers"):
        record = speaker_record(database, row)
        names = {fold(record["name"]), *map(fold, record["aliases"])}
        if not names & (corrected | set(entries)):
            continue
        entry = entries.pop(fold(record["name"]), None) or next(
            (entries.pop(k) for k in list(entries) if k in names), {"name": record["name"]})
        entry["name"] = record["name"]
        if record["kind"] != "person":
            entry["kind"] = record["kind"]
        entry["aliases"] = sorted({*entry.get("aliases", []), *(a for a in record["aliases"] if a != record["name"])})
        entry["roles"] = sorted({*entry.get("roles", []), *record["roles"][:5]})
        entries[fold(record["name"])] = entry
    listed = Counter(fold(a) for e in entries.values() for a in {e["name"], *e.get("aliases", [])})
    for entry in entries.values():  # an alias two speakers share ("Lukashenko") would decide nothing
        entry["aliases"] = [a for a in entry.get("aliases", []) if listed[fold(a)] == 1]
    Path(registry_path).parent.mkdir(parents=True, exist_ok=True)
    Path(registry_path).write_text(yaml.safe_dump(sorted(entries.values(), key=lambda e: e["name"]),
                                                  allow_unicode=True, sort_keys=False), encoding="utf-8")
    click.echo(f"{registry_path}: {len(entries)} speakers")


@click.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("quote")
@click.option("--speaker", required=True, help="Who said it: a canonical name, an alias, or a new name.")
@registry_option
def fix(db: str, quote: str, speaker: str, registry_path: str) -> None:
    """Give QUOTE (its id) to SPEAKER; the fix survives every rebuild."""
    database = open_existing(db)
    if database.execute("select 1 from quotes where id = ?", [quote]).fetchone() is None:
        raise click.ClickException(f"no quote with id {quote!r}")
    try:
        speaker = find_speaker(database, speaker)["name"]
    except click.ClickException:
        pass  # someone the corpus has not seen yet: a new speaker
    row = _correct(db, registry_path, "fix", quote, speaker)
    click.echo(f"{quote} -> {row['name']}")


@click.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="One quote a line, as JSON.")
def export(db: str, fmt: str) -> None:
    """Every quote of DB in the line format of `quotes extract`, with speaker_id, speaker_name
    (the corpus speaker), and the published date, outlet and url of its article."""
    database = open_existing(db)
    sql = """select q.*, s.name as speaker_name, a.published, a.outlet, a.url from quotes q
             join articles a on a.id = q.article_id left join speakers s on s.id = q.speaker_id
             order by q.article_id, q.start"""
    mentions = {r["id"]: (r["start"], r["end"]) for r in database.query("select id, start, end from mentions")}
    for r in database.query(sql):
        start, end = mentions.get(r["mention_id"], (None, None))
        click.echo(json.dumps({
            "article_id": r["article_id"], "start": r["start"], "end": r["end"], "text": r["text"], "type": r["type"],
            "speaker": r["speaker"], "speaker_mention": r["speaker_mention"], "speaker_kind": r["speaker_kind"],
            "cue": r["cue"], "rule": r["rule"], "confidence": r["confidence"], "mention_start": start,
            "mention_end": end, "id": r["id"], "speaker_id": r["speaker_id"], "speaker_name": r["speaker_name"],
            "speaker_step": r["speaker_step"], "resolution": r["resolution"], "statement_id": r["statement_id"],
            "statement_similarity": r["statement_similarity"], "excerpt_of": r["excerpt_of"], "published": r["published"],
            "outlet": r["outlet"], "url": r["url"]}, ensure_ascii=False))
