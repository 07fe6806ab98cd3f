"""Writing rows with plain SQL, inside the caller's transaction."""
from __future__ import annotations

import sqlite_utils


def upsert(db: sqlite_utils.Database, table: str, rows: list[dict], update: bool = True) -> None:
    """Insert rows, or update those whose id exists, with plain SQL: sqlite-utils' own writers
    commit as they go, which would break the one transaction of a build."""
    if not rows:
        return
    cols = list(rows[0])
    sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c != "id")
    conflict = f"do update set {sets}" if update else "do nothing"
    db.conn.executemany(
        f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' for _ in cols)}) "
        f"on conflict(id) {conflict}", [[r[c] for c in cols] for r in rows])
