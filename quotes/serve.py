"""``quotes serve``: the database published read-only through Datasette, with the project's
configuration (``db/metadata.yml``, ``db/plugins``, ``db/templates``)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

CONFIG = Path(__file__).resolve().parents[1] / "db"
SETTINGS = {  # a public instance: no facet suggestions, bounded queries and pages
    "suggest_facets": "off", "sql_time_limit_ms": "2000", "facet_time_limit_ms": "500",
    "max_returned_rows": "1000", "default_page_size": "50", "allow_download": "off",
}


def datasette_args(db: Path, host: str, port: int, config: Path = CONFIG) -> list[str]:
    """The command line that serves ``db`` as the database ``quotes``, immutable."""
    if db.stem != "quotes":  # the pages' addresses (/quotes/search?q=...) name the database "quotes"
        link = Path(tempfile.mkdtemp(prefix="quotes-serve-")) / "quotes.db"
        link.symlink_to(db.resolve())
        db = link
    args = [sys.executable, "-m", "datasette", "serve", "--immutable", str(db), "--host", host, "--port", str(port)]
    if (config / "metadata.yml").exists():
        args += ["--metadata", str(config / "metadata.yml")]
    for option, folder in (("--plugins-dir", "plugins"), ("--template-dir", "templates")):
        if (config / folder).is_dir():
            args += [option, str(config / folder)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    return args


@click.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--port", type=int, default=8001, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; 0.0.0.0 publishes it to the network.")
def serve(db: str, port: int, host: str) -> None:
    """Publish DB read-only with Datasette: search, speaker and statement pages, JSON and CSV."""
    args = datasette_args(Path(db), host, port)
    click.echo(f"serving {db} as /quotes on http://{host}:{port}/", err=True)
    os.execv(args[0], args)
