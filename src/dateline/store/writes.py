"""Writes: records to rows, and inserts of whole articles in one transaction each batch."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime, timezone
from functools import cache

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dateline.records import ArticleFacts, Drop, EventMention, Quote
from dateline.store.schema import FACT_TABLES, articles, drops, runs

# Bind-parameter limit: SQLite allows 32766 per statement; stay far below on every backend.
CHUNK = 500


def now() -> str:
    """The current UTC time as ISO text."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def known_ids(connection: Connection, ids: Iterable[str]) -> set[str]:
    """The ids among `ids` that are stored already."""
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for part in chunks(wanted):
        found.update(connection.scalars(select(articles.c.id).where(articles.c.id.in_(part))))
    return found


def _article_row(facts: ArticleFacts, ingested_at: str) -> dict:
    a = facts.article
    return {"id": a.id, "origin": a.origin, "source": a.source, "url": a.url, "title": a.title,
            "published": a.published.isoformat() if a.published else None, "text": a.text,
            "words": len(a.text.split()), "ingested_at": ingested_at}


@cache
def _names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _fact_row(record, columns) -> dict:
    """A row from a fact record; fields without a column of their own go to `extra` as JSON."""
    # Shallow on purpose: dataclasses.asdict deep-copies and is several times slower.
    row = {name: getattr(record, name) for name in _names(type(record))}
    if isinstance(record, Quote):
        span = row.pop("speaker_span")
        row["speaker_start"], row["speaker_end"] = span if span else (None, None)
    elif isinstance(record, EventMention):
        row["actors"], row["targets"] = json.dumps(list(record.actors)), json.dumps(list(record.targets))
    extra = {name: row.pop(name) for name in list(row) if name not in columns}
    row["extra"] = json.dumps(extra, default=str) if extra else None
    return row


def insert_facts(connection: Connection, batch: Sequence[ArticleFacts]) -> None:
    """Insert the articles and all their facts (executemany per table); callers skip known ids."""
    if not batch:
        return
    stamp = now()
    connection.execute(insert(articles), [_article_row(f, stamp) for f in batch])
    for name, table in FACT_TABLES.items():
        rows = [{"article_id": f.article.id, "n": n, **_fact_row(record, table.c)}
                for f in batch for n, record in enumerate(getattr(f, name))]
        if rows:
            connection.execute(insert(table), rows)


def insert_drop(connection: Connection, drop: Drop, run_id: int | None) -> None:
    """Record a drop once per (origin, reason): a re-run of the same files adds nothing."""
    row = {"run_id": run_id, "origin": drop.origin, "reason": drop.reason, "detail": drop.detail}
    upsert = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}.get(connection.dialect.name)
    if upsert is not None:
        connection.execute(upsert(drops).values(row).on_conflict_do_nothing())
        return
    exists = connection.scalar(select(drops.c.id).where(
        drops.c.origin == drop.origin, drops.c.reason == drop.reason))
    if exists is None:
        connection.execute(insert(drops).values(row))


def insert_run(connection: Connection, paths: Iterable[str]) -> int:
    result = connection.execute(insert(runs).values(
        started_at=now(), paths=json.dumps([str(p) for p in paths])))
    return int(result.inserted_primary_key[0])


def _total(value) -> int | None:
    """A count from a number or from a {reason: count} mapping."""
    if isinstance(value, dict):
        return sum(int(v) for v in value.values())
    return None if value is None else int(value)


def close_run(connection: Connection, run_id: int, counts: dict) -> None:
    skipped = counts.get("skipped_existing", counts.get("already_stored"))
    connection.execute(update(runs).where(runs.c.id == run_id).values(
        finished_at=now(), read=_total(counts.get("read")), stored=_total(counts.get("stored")),
        skipped_existing=_total(skipped), dropped=_total(counts.get("dropped")),
        summary=json.dumps(counts, default=str, sort_keys=True)))
