"""Reads: stored rows back into the pipeline's records (never rows), by date and by search."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date

from sqlalchemy import Connection, Engine, Select, and_, func, select, text

from dateline.records import (FACT_KINDS, Article, ArticleFacts, Drop, EventMention, Figure, Flag,
                              PlaceMention, Quote, Sentence, Signal, TimeMention)
from dateline.store.schema import FACT_TABLES, SENTENCES_FTS, articles, drops, sentences
from dateline.store.writes import chunks

RECORDS = {"times": TimeMention, "places": PlaceMention, "figures": Figure, "quotes": Quote,
           "events": EventMention, "flags": Flag, "sentences": Sentence, "signals": Signal}
_HIDDEN = {"id", "article_id", "n"}
_WORD = re.compile(r"\w+", re.UNICODE)


def _iso(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _within(query: Select, date_from: date | str | None, date_to: date | str | None) -> Select:
    """Restrict to articles published within the bounds (inclusive); ISO text compares as dates."""
    if date_from is not None:
        query = query.where(articles.c.published >= _iso(date_from))
    if date_to is not None:
        query = query.where(articles.c.published <= _iso(date_to))
    return query


def article_ids(connection: Connection, date_from=None, date_to=None) -> list[str]:
    """Ids of the articles published within the bounds, oldest first (undated last)."""
    query = select(articles.c.id).order_by(articles.c.published.asc().nulls_last(), articles.c.id)
    return list(connection.scalars(_within(query, date_from, date_to)))


def _article(row) -> Article:
    return Article(id=row.id, text=row.text, origin=row.origin, source=row.source, url=row.url,
                   title=row.title,
                   published=date.fromisoformat(row.published) if row.published else None)


def _frozen(value):
    """JSON lists back to the tuples that frozen records hold."""
    return tuple(_frozen(v) for v in value) if isinstance(value, list) else value


def _record(name: str, values: dict):
    """A fact record from a row's values; the inverse of writes._fact_row."""
    extra = values.pop("extra", None)
    if extra:
        values.update({k: _frozen(v) for k, v in json.loads(extra).items()})
    if name == "quotes":
        start, end = values.pop("speaker_start"), values.pop("speaker_end")
        values["speaker_span"] = None if start is None else (start, end)
    elif name == "events":
        values["actors"] = tuple(json.loads(values["actors"]))
        values["targets"] = tuple(json.loads(values["targets"]))
    return RECORDS[name](**values)


def _facts_of(connection: Connection, name: str, ids: Sequence[str]) -> dict[str, list]:
    table = FACT_TABLES[name]
    columns = [c for c in table.c if c.name not in _HIDDEN]
    query = (select(table.c.article_id, *columns).where(table.c.article_id.in_(ids))
             .order_by(table.c.article_id, table.c.n))
    found: dict[str, list] = defaultdict(list)
    for row in connection.execute(query):
        values = dict(row._mapping)
        found[values.pop("article_id")].append(_record(name, values))
    return found


def load_facts(connection: Connection, ids: Sequence[str],
               kinds: Sequence[str] = tuple(FACT_TABLES)) -> list[ArticleFacts]:
    """The stored ArticleFacts of `ids` (facts of `kinds`), in the order given (unknown ids left out)."""
    rows = {r.id: r for r in connection.execute(select(articles).where(articles.c.id.in_(ids)))}
    facts = {name: _facts_of(connection, name, ids) for name in kinds}
    return [ArticleFacts(article=_article(rows[i]),
                         **{name: tuple(facts[name].get(i, ())) for name in kinds})
            for i in ids if i in rows]


def iter_facts(engine: Engine, date_from=None, date_to=None, *,
               kinds: Sequence[str] = tuple(FACT_TABLES)) -> Iterator[ArticleFacts]:
    """Articles published within the bounds with their facts of `kinds` (default all), a chunk
    at a time; the other fact lists are left empty."""
    # A short connection per chunk, so a slow consumer never holds a read transaction open.
    with engine.connect() as connection:
        ids = article_ids(connection, date_from, date_to)
    for part in chunks(ids, 200):
        with engine.connect() as connection:
            batch = load_facts(connection, part, kinds)
        yield from batch


def _info(row) -> dict:
    published = date.fromisoformat(row.published) if row.published else None
    return {"id": row.article_id, "source": row.source, "title": row.title,
            "published": published, "url": row.url}


def _sentence_query() -> Select:
    return (select(sentences.c.article_id, sentences.c.start, sentences.c.end, sentences.c.text,
                   sentences.c.date, articles.c.source, articles.c.title, articles.c.published,
                   articles.c.url)
            .join(articles, articles.c.id == sentences.c.article_id))


def _pair(row) -> tuple[dict, Sentence]:
    return _info(row), Sentence(start=row.start, end=row.end, text=row.text, date=row.date)


def iter_sentences(engine: Engine, date_from=None, date_to=None) -> Iterator[tuple[dict, Sentence]]:
    """(article info, Sentence) for articles published within the bounds, in article order.

    The info dict has id, source, title, published (a date or None) and url.
    """
    with engine.connect() as connection:
        ids = article_ids(connection, date_from, date_to)
    for part in chunks(ids, 200):
        order = {article_id: i for i, article_id in enumerate(part)}
        with engine.connect() as connection:
            rows = connection.execute(_sentence_query().where(sentences.c.article_id.in_(part))
                                      .order_by(sentences.c.article_id, sentences.c.n)).all()
        rows.sort(key=lambda r: order[r.article_id])  # stable: keeps n order within an article
        yield from (_pair(r) for r in rows)


def has_fts(connection: Connection) -> bool:
    """Whether the SQLite FTS5 index over sentences exists."""
    if connection.dialect.name != "sqlite":
        return False
    return connection.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = :name"),
                             {"name": SENTENCES_FTS}) > 0


def search(connection: Connection, query: str, limit: int = 20,
           fts: bool = True) -> list[tuple[dict, Sentence]]:
    """Sentences holding every word of `query`, best match first (FTS5), else in stored order."""
    words = _WORD.findall(query)
    if not words or limit <= 0:
        return []
    if fts:
        # Each word quoted as an FTS5 string, so punctuation or AND/OR/NEAR in the user's query
        # is never read as FTS5 syntax; the whole match string is one bound parameter.
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        hits = text("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH :match "
                    "ORDER BY rank LIMIT :limit").columns(rowid=sentences.c.id.type)
        ids = list(connection.scalars(hits, {"match": match, "limit": limit}))
        rows = {r.id: r for r in connection.execute(
            _sentence_query().add_columns(sentences.c.id).where(sentences.c.id.in_(ids)))}
        return [_pair(rows[i]) for i in ids if i in rows]
    lowered = func.lower(sentences.c.text)
    condition = and_(*(lowered.contains(w.lower(), autoescape=True) for w in words))
    rows = connection.execute(_sentence_query().where(condition)
                              .order_by(sentences.c.id).limit(limit))
    return [_pair(r) for r in rows]


def count_rows(connection: Connection) -> dict:
    """How many articles and facts are stored, and drops by reason."""
    result = {"articles": connection.scalar(select(func.count()).select_from(articles))}
    for name, table in FACT_TABLES.items():
        result[name] = connection.scalar(select(func.count()).select_from(table))
    by_reason = connection.execute(select(drops.c.reason, func.count()).group_by(drops.c.reason)
                                   .order_by(drops.c.reason))
    result["drops"] = {reason: n for reason, n in by_reason}
    return result


def all_drops(connection: Connection) -> list[Drop]:
    rows = connection.execute(select(drops.c.origin, drops.c.reason, drops.c.detail)
                              .order_by(drops.c.id))
    return [Drop(origin=r.origin, reason=r.reason, detail=r.detail) for r in rows]


LEAD_CHARS = 160  # the start of the text a listing carries, for articles without a title


def list_articles(connection: Connection, *, date_from=None, date_to=None,
                  ids: Sequence[str] | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Articles (newest first) with how many facts of each kind they hold; of the text only its
    first LEAD_CHARS characters (`lead`).

    `ids` keeps only those articles (a search's hits), in the same newest-first order.
    """
    query = (select(articles.c.id.label("article_id"), articles.c.source, articles.c.title,
                    articles.c.published, articles.c.url, articles.c.words,
                    func.substr(articles.c.text, 1, LEAD_CHARS).label("lead"))
             .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
             .limit(max(0, limit)).offset(max(0, offset)))
    if ids is not None:
        query = query.where(articles.c.id.in_(list(ids)))
    rows = connection.execute(_within(query, date_from, date_to)).all()
    found = [r.article_id for r in rows]
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for name in FACT_KINDS:
        table = FACT_TABLES[name]
        per = connection.execute(select(table.c.article_id, func.count())
                                 .where(table.c.article_id.in_(found))
                                 .group_by(table.c.article_id))
        for article_id, n in per:
            counts[article_id][name] = n
    return [{**_info(r), "words": r.words, "lead": r.lead,
             "counts": {k: counts[r.article_id].get(k, 0) for k in FACT_KINDS}}
            for r in rows]
