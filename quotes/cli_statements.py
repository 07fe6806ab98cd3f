"""``quotes cluster``: group quote variants into statements, alone, so that it can be judged alone."""
from __future__ import annotations

import json

import click

from . import semantic
from .statements import SIMILARITY, Clusterer


def read_texts(path: str) -> list[tuple[str, str, str | None]]:
    """``(id, text, speaker)`` from JSON lines, with a clear error naming the file and line."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise click.ClickException(f"{path}:{n}: not JSON ({e.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "id" not in row:
                raise click.ClickException(f'{path}:{n}: a line needs "id" and a string "text"')
            speaker = row.get("speaker")
            rows.append((str(row["id"]), row["text"], speaker if isinstance(speaker, str) else None))
    return rows


def embedder(wanted: bool) -> semantic.Embedder | None:
    """The semantic scorer when asked for, or a clear error when it is not installed."""
    if not wanted:
        return None
    try:
        return semantic.Embedder()
    except semantic.SemanticUnavailable as e:
        raise click.ClickException(str(e)) from None


@click.command()
@click.argument("texts", type=click.Path(exists=True, dir_okay=False))
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help=f"Probability (of the fitted model) a wording needs to join a statement [default: {SIMILARITY}, "
                   f"{semantic.SIMILARITY} with --semantic].")
@click.option("--semantic", "use_semantic", is_flag=True,
              help="Add the semantic scorer (WordLlama sentence vectors, bundled; pip install 'quotes[semantic]') "
                   "for translations that share few words.")
def cluster(texts: str, threshold: float | None, use_semantic: bool) -> None:
    """Group the quotes of TEXTS ({"id", "text", "speaker"?} lines) into statements; print
    {"id", "cluster_id", "similarity", "excerpt_of"} lines, the input of ../shared/eval/score_clusters.py."""
    try:
        rows = read_texts(texts)
    except UnicodeDecodeError as e:
        raise click.ClickException(f"{texts}: not UTF-8 ({e.reason})") from None
    placed = Clusterer(threshold, embedder(use_semantic)).add(rows)
    for id_, _, _ in rows:
        a = placed[id_]
        click.echo(json.dumps({"id": id_, "cluster_id": a.statement, "similarity": a.similarity,
                               "excerpt_of": a.excerpt_of}))
