"""Tests for the store's Alembic migrations: schema from empty, head, match with schema.py, packaging."""

from __future__ import annotations

import fnmatch
import sqlite3
import tomllib
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from dateline.errors import DatelineError
from dateline.records import Article, ArticleFacts, Sentence
from dateline.store import Store
from dateline.store.engine import (MIGRATIONS, alembic_config, current_revision, head_revision,
                                   make_engine, migrate)
from dateline.store.schema import SENTENCES_FTS, metadata

ROOT = Path(__file__).resolve().parent.parent


def _fts5_built_in() -> bool:
    connection = sqlite3.connect(":memory:")
    try:
        return bool(connection.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()[0])
    finally:
        connection.close()


def test_store_migrations_create_schema_from_empty(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert current_revision(engine) is None
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(metadata.tables) <= tables
    assert current_revision(engine) == head_revision() is not None
    assert (SENTENCES_FTS in tables) == _fts5_built_in()
    engine.dispose()


def test_store_migrations_match_schema_module(tmp_path):
    """schema.py (used by queries) and the migrations (which build the tables) agree."""
    engine = make_engine(f"sqlite:///{tmp_path / 'compare.db'}")
    migrate(engine)
    own = set(metadata.tables)

    def include_name(name, type_, _parent):
        return type_ != "table" or name in own  # FTS5 and alembic_version tables are not ours

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, metadata) == []
    engine.dispose()


def test_store_migrations_reopen_is_a_no_op(tmp_path):
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    with Store.open(url) as store:
        store.start_run(["x"])
    with Store.open(url) as store:
        assert store.counts()["articles"] == 0
        assert current_revision(store._engine) == head_revision()


def test_store_migrations_downgrade_and_upgrade_again(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'down.db'}")
    migrate(engine)
    cfg = alembic_config(str(engine.url))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "base")
    assert not set(metadata.tables) & set(inspect(engine).get_table_names())
    migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_store_migrations_are_package_data():
    """Every file Alembic needs to upgrade is listed in pyproject's package-data."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["dateline"]
    package = ROOT / "src" / "dateline"
    needed = [p for p in MIGRATIONS.rglob("*.py") if "__pycache__" not in p.parts]
    assert MIGRATIONS.is_relative_to(package) and len(needed) >= 2
    for path in needed:
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative


@pytest.mark.skipif(not _fts5_built_in(), reason="this SQLite has no FTS5")
def test_store_migrations_fts_index_follows_sentences(tmp_path):
    body = "Israeli air strikes hit the Maghazi camp overnight. Hamas said homes were hit."
    first = body.index(". ") + 1
    facts = ArticleFacts(
        article=Article(id="h1", text=body, published=date(2023, 11, 7), origin="t:1"),
        sentences=(Sentence(0, first, body[:first], "2023-11-07"),
                   Sentence(first + 1, len(body), body[first + 1:], None)))
    match = text("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH :q")
    with Store.open(str(tmp_path / "fts.db")) as store:
        store.save_facts(facts)
        with store._engine.begin() as connection:
            assert connection.scalar(match, {"q": "Maghazi"}) == 1
            # Deleting an article cascades to its sentences, and the trigger unindexes them.
            connection.execute(text("DELETE FROM articles WHERE id = 'h1'"))
            assert connection.scalar(match, {"q": "Maghazi"}) == 0


def test_store_migrations_refuse_a_newer_database(tmp_path):
    """A database migrated by a later Dateline is reported, not silently used."""
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    Store.open(url).close()
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": "9999"})
    engine.dispose()
    with pytest.raises(DatelineError) as caught:
        Store.open(url)
    assert caught.value.code == "E008" and "9999" in caught.value.message
