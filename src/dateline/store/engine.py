"""Open a database: the engine, SQLite connection settings, and migrations to the latest schema."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# A writer waits this long for another writer's lock before giving up (SQLite only).
BUSY_TIMEOUT_MS = 30_000
# Connections opened with this execution option take the write lock at BEGIN (see _begin).
WRITE = {"dateline_write": True}


def _on_connect(dbapi_connection, _record) -> None:
    # Driver-level autocommit, so that SQLAlchemy's own BEGIN (see _begin) controls transactions:
    # pysqlite otherwise starts none before DDL, and migrations would not be atomic.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")  # first: switching to WAL may wait
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (serve) never block the writer (run)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a crash loses no committed data
    cursor.close()


def _begin(connection: Connection) -> None:
    # IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes
    # can fail with SQLITE_BUSY at once instead of waiting when another writer got in between.
    write = connection.get_execution_options().get("dateline_write")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for `url`; for SQLite files the parent folder is created and WAL switched on."""
    parsed = make_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed)
    if is_sqlite:
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _begin)
    return engine


def alembic_config(url: str) -> Config:
    """A programmatic Alembic config (no alembic.ini) pointing at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    # configparser treats % as interpolation; URL-encoded passwords carry % signs.
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@functools.lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The latest migration revision shipped with this package."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision in one transaction (a no-op when already there).

    The revision is read first without the write lock, so that opening an up-to-date database
    (every web request) never waits for a `dateline run` that is writing to it.
    """
    if current_revision(engine) == head_revision():
        return
    url = engine.url.render_as_string(hide_password=False)
    cfg = alembic_config(url)
    with engine.connect() as connection:
        connection.execution_options(**WRITE)
        with connection.begin():
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
