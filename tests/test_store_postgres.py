"""The store on a real PostgreSQL server: a throwaway cluster started for these tests."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from dateline import pipeline
from dateline.settings import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found if isinstance(found, str) else (found[-1] if found else None)


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture(scope="module")
def pg_url():
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is missing: `make test` installs Debian's postgresql package")
        pytest.skip("PostgreSQL server binaries are not installed")
    home = tempfile.mkdtemp(prefix="dateline-pg-")
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = f"{home}/data"
    run = lambda args: subprocess.run(_as_postgres(args), check=True, capture_output=True)  # noqa: E731
    run([initdb, "-D", data, "-A", "trust", "-U", "postgres"])
    run([pg_ctl, "-D", data, "-w", "-l", f"{home}/log",
         "-o", f"-k {home} -p {port} -c listen_addresses=''", "start"])
    try:
        import psycopg

        with psycopg.connect(host=home, port=port, user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute("CREATE DATABASE dateline")
        yield f"postgresql+psycopg://postgres@/dateline?host={home}&port={port}"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", data, "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="module")
def stores(pg_url, tmp_path_factory):
    """The examples run into PostgreSQL and into SQLite: (postgres settings, sqlite settings)."""
    pg = load(environ={}, db=pg_url)
    lite = load(environ={}, db=str(tmp_path_factory.mktemp("lite") / "d.db"))
    for settings in (pg, lite):
        pipeline.run([str(EXAMPLES)], settings, progress=False)
    return pg, lite


def test_store_postgres_holds_the_same_facts_as_sqlite(stores):
    pg, lite = stores
    assert list(pipeline.stored_facts(pg)) == list(pipeline.stored_facts(lite))
    assert pipeline.count_articles(pg) == 17


def test_store_postgres_rerun_stores_nothing_twice(stores):
    pg, _ = stores
    again = pipeline.run([str(EXAMPLES)], pg, progress=False)
    assert (again.stored, again.already_stored) == (0, 17)


def test_store_postgres_search_and_article_list_match_sqlite(stores):
    pg, lite = stores
    ids = lambda s: {a["id"] for a in pipeline.list_articles(s, query="Jenin camp")}  # noqa: E731
    assert ids(pg) and ids(pg) == ids(lite)


def test_store_postgres_cross_article_views_match_sqlite(stores):
    pg, lite = stores
    assert pipeline.timeline(pg, max_dates=5) == pipeline.timeline(lite, max_dates=5)
    assert pipeline.figures(pg) == pipeline.figures(lite)
    assert pipeline.events(pg) == pipeline.events(lite)
