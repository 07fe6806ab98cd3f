"""Full-text search over the database: words (FTS5, porter stemming, accents folded) and exact
wording (FTS5 trigram index), both kept in step with their tables by triggers."""
from __future__ import annotations

import sqlite_utils

WORDS_TOKENIZER = "porter unicode61 remove_diacritics 2"
INDEXES = (  # (index, table, columns, tokenizer)
    ("quotes_fts", "quotes", ("text", "speaker", "speaker_mention"), WORDS_TOKENIZER),
    ("quotes_exact", "quotes", ("text",), "trigram"),
    ("speakers_fts", "speakers", ("name",), WORDS_TOKENIZER),
    ("aliases_fts", "speaker_aliases", ("alias",), WORDS_TOKENIZER),
)


QUOTE_LIST = """
create view quote_list as
select q.id, q.text, q.type, coalesce(s.name, q.speaker) as speaker, a.outlet, a.published,
  substr(a.published, 1, 7) as month, q.rule, q.confidence, q.statement_id, q.article_id, a.title
from quotes q
  join articles a on a.id = q.article_id
  left join speakers s on s.id = q.speaker_id
"""


def ensure_search_tables(db: sqlite_utils.Database) -> None:
    """Create the search indexes that are missing and fill them from the rows already there;
    and ``quote_list``, the quotes with speaker, outlet and date side by side, for facets."""
    tables = set(db.table_names())
    for index, table, columns, tokenizer in INDEXES:
        if index not in tables:
            _index(db, index, table, columns, tokenizer)
    if "quote_list" not in db.view_names():
        db.execute(QUOTE_LIST)


def _index(db: sqlite_utils.Database, index: str, table: str, columns: tuple[str, ...], tokenizer: str) -> None:
    """An external-content FTS5 index of ``table`` with triggers that fire only when an indexed
    column changes (a build that relinks speakers rewrites other columns, and names unchanged)."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    changed = " or ".join(f"old.[{c}] is not new.[{c}]" for c in columns)
    db.execute(f"create virtual table [{index}] using fts5({cols}, content=[{table}], content_rowid=rowid, "
               f"tokenize='{tokenizer}')")
    db.execute(f"insert into [{index}] (rowid, {cols}) select rowid, {cols} from [{table}]")
    db.executescript(f"""
        create trigger [{index}_ai] after insert on [{table}] begin
          insert into [{index}] (rowid, {cols}) values (new.rowid, {new});
        end;
        create trigger [{index}_ad] after delete on [{table}] begin
          insert into [{index}] ([{index}], rowid, {cols}) values ('delete', old.rowid, {old});
        end;
        create trigger [{index}_au] after update of {cols} on [{table}] when {changed} begin
          insert into [{index}] ([{index}], rowid, {cols}) values ('delete', old.rowid, {old});
          insert into [{index}] (rowid, {cols}) values (new.rowid, {new});
        end;
    """)
