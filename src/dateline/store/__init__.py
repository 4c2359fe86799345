"""Store: articles and their facts in SQL (SQLite by default, PostgreSQL by URL), and named reads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from alembic.util import CommandError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dateline.errors import error
from dateline.records import ArticleFacts, Drop, Sentence
from dateline.settings import db_url
from dateline.store import reads, writes
from dateline.store.engine import WRITE, make_engine, migrate

__all__ = ["Store"]


def _shown(url: str) -> str:
    """The URL for messages, password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return "<unreadable database URL>"


class Store:
    """One database: open with `Store.open(url)`, use as a context manager, `close()` when done.

    Writes are idempotent by article id (the content hash): an article is stored with all its
    facts in one transaction or not at all, so an interrupted run can simply be run again.
    """

    def __init__(self, engine):
        self._engine = engine
        self._fts: bool | None = None

    @classmethod
    def open(cls, url: str) -> "Store":
        """Open (creating if needed) the database at `url` or SQLite file path; migrate to head."""
        url = db_url(str(url))
        engine = None
        try:
            engine = make_engine(url)
            migrate(engine)
        except (SQLAlchemyError, CommandError, OSError, ImportError) as exc:
            if engine is not None:
                engine.dispose()
            reason = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise error("E008", url=_shown(url), reason=reason) from exc
        return cls(engine)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _writing(self):
        """A connection whose transaction holds the write lock from its start (SQLite)."""
        return self._engine.connect().execution_options(**WRITE)

    # -- writes -------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self.known_ids([article_id]))

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids among `ids` that are stored already."""
        with self._engine.connect() as connection:
            return writes.known_ids(connection, ids)

    def save_facts(self, facts: ArticleFacts) -> bool:
        """Store one article with all its facts; False (and nothing written) if already stored."""
        return self.save_many([facts]) == 1

    def save_many(self, facts_list: Iterable[ArticleFacts]) -> int:
        """Store several articles in one transaction, skipping stored ones; returns how many new."""
        facts_list = list(facts_list)
        with self._writing() as connection, connection.begin():
            known = writes.known_ids(connection, (f.article.id for f in facts_list))
            fresh: dict[str, ArticleFacts] = {}
            for facts in facts_list:  # the first of repeated ids in one batch wins
                if facts.article.id not in known:
                    fresh.setdefault(facts.article.id, facts)
            writes.insert_facts(connection, list(fresh.values()))
        return len(fresh)

    def save_drop(self, drop: Drop, run_id: int | None = None) -> None:
        """Record a drop; the same (origin, reason) again is ignored."""
        with self._writing() as connection, connection.begin():
            writes.insert_drop(connection, drop, run_id)

    def start_run(self, paths: Iterable[str]) -> int:
        with self._writing() as connection, connection.begin():
            return writes.insert_run(connection, paths)

    def finish_run(self, run_id: int, counts: dict) -> None:
        """Close a run with its counts (read, stored, skipped_existing or already_stored, dropped)."""
        with self._writing() as connection, connection.begin():
            writes.close_run(connection, run_id, counts)

    # -- reads --------------------------------------------------------------------------------

    def get_facts(self, article_id: str) -> ArticleFacts | None:
        with self._engine.connect() as connection:
            found = reads.load_facts(connection, [article_id])
        return found[0] if found else None

    def iter_facts(self, date_from: date | str | None = None, date_to: date | str | None = None,
                   *, kinds: Iterable[str] | None = None) -> Iterator[ArticleFacts]:
        """Articles published within the bounds (inclusive; undated ones only when unbounded)
        with their facts of `kinds` (all when None; `()` for the articles alone)."""
        if kinds is None:
            return reads.iter_facts(self._engine, date_from, date_to)
        return reads.iter_facts(self._engine, date_from, date_to, kinds=tuple(kinds))

    def iter_sentences(self, date_from: date | str | None = None,
                       date_to: date | str | None = None) -> Iterator[tuple[dict, Sentence]]:
        """(info, Sentence) of articles published within the bounds; info: id, source, title,
        published, url."""
        return reads.iter_sentences(self._engine, date_from, date_to)

    def search(self, query: str, limit: int = 20) -> list[tuple[dict, Sentence]]:
        """Sentences holding every word of `query` (FTS5 on SQLite, else a LIKE scan)."""
        with self._engine.connect() as connection:
            if self._fts is None:
                self._fts = reads.has_fts(connection)
            return reads.search(connection, query, limit, fts=self._fts)

    def articles(self, *, date_from: date | str | None = None, date_to: date | str | None = None,
                 ids: Iterable[str] | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        """Articles newest first (id, source, title, published, url, words, counts of facts)."""
        with self._engine.connect() as connection:
            return reads.list_articles(connection, date_from=date_from, date_to=date_to,
                                       ids=None if ids is None else list(ids),
                                       limit=limit, offset=offset)

    def counts(self) -> dict:
        """{"articles": n, "times": n, ..., "sentences": n, "drops": {reason: n}}."""
        with self._engine.connect() as connection:
            return reads.count_rows(connection)

    def drops(self) -> list[Drop]:
        with self._engine.connect() as connection:
            return reads.all_drops(connection)
