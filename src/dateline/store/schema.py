"""The store's tables as SQLAlchemy Core objects, for queries; Alembic migrations create them."""

from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text,
                        UniqueConstraint)

# Portable types only (Text, Integer, Float, Boolean): the same tables run on SQLite and PostgreSQL.
# Dates are ISO text ("2023-11-07"), so comparisons are plain string comparisons on both.
metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Text, primary_key=True),  # content hash
    Column("origin", Text, nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Text),
    Column("text", Text, nullable=False),
    Column("words", Integer, nullable=False),
    Column("ingested_at", Text, nullable=False),
    Index("ix_articles_published", "published"),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text),
    Column("paths", Text, nullable=False),  # JSON list
    Column("read", Integer),
    Column("stored", Integer),
    Column("skipped_existing", Integer),
    Column("dropped", Integer),
    Column("summary", Text),  # JSON of everything the run reported
)

drops = Table(
    "drops", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="SET NULL")),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("detail", Text, nullable=False),
    UniqueConstraint("origin", "reason", name="uq_drops_origin_reason"),
)


def _fact_table(name: str, *columns: Column, date_column: str | None = None) -> Table:
    """A per-article fact table: id, article, position in the article (`n`), then its columns."""
    indexes = [Index(f"ix_{name}_article", "article_id", "n", unique=True)]
    if date_column:
        indexes.append(Index(f"ix_{name}_{date_column}", date_column))
    return Table(
        name, metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        Column("n", Integer, nullable=False),
        *columns,
        Column("extra", Text),  # JSON of record fields that have no column of their own
        *indexes,
    )


def _span() -> tuple[Column, Column]:
    return Column("start", Integer, nullable=False), Column("end", Integer, nullable=False)


times = _fact_table(
    "times", *_span(), Column("text", Text, nullable=False), Column("type", Text, nullable=False),
    Column("value", Text, nullable=False), Column("mod", Text), Column("anchor", Text),
    date_column="value")

places = _fact_table(
    "places", *_span(), Column("text", Text, nullable=False), Column("name", Text, nullable=False),
    Column("country", Text), Column("lat", Float), Column("lon", Float),
    Column("geonameid", Integer), Column("kind", Text, nullable=False), Column("relation", Text))

figures = _fact_table(
    "figures", *_span(), Column("text", Text, nullable=False), Column("metric", Text, nullable=False),
    Column("value", Integer), Column("low", Integer), Column("high", Integer),
    Column("qualifier", Text, nullable=False), Column("who", Text), Column("place", Text),
    Column("date", Text), Column("since", Text), Column("scope", Text, nullable=False),
    Column("reporter", Text),
    date_column="date")

quotes = _fact_table(
    "quotes", *_span(), Column("text", Text, nullable=False), Column("speaker", Text),
    Column("speaker_start", Integer), Column("speaker_end", Integer), Column("cue", Text),
    Column("direct", Boolean, nullable=False))

events = _fact_table(
    "events", *_span(), Column("type", Text, nullable=False), Column("subtype", Text),
    Column("date", Text), Column("place", Text),
    Column("actors", Text, nullable=False), Column("targets", Text, nullable=False),  # JSON lists
    Column("killed", Integer), Column("injured", Integer),
    date_column="date")

flags = _fact_table(
    "flags", Column("kind", Text, nullable=False), Column("detail", Text, nullable=False))

sentences = _fact_table(
    "sentences", *_span(), Column("text", Text, nullable=False), Column("date", Text),
    date_column="date")

signals = _fact_table(
    "signals", *_span(), Column("text", Text, nullable=False), Column("term", Text, nullable=False),
    Column("kind", Text, nullable=False))

# Fact tables in the order ArticleFacts lists them; the names are the ArticleFacts field names.
FACT_TABLES: dict[str, Table] = {
    "times": times, "places": places, "figures": figures, "quotes": quotes,
    "events": events, "flags": flags, "sentences": sentences, "signals": signals,
}

# SQLite-only full-text index over sentences (FTS5, external content); absent when FTS5 is.
SENTENCES_FTS = "sentences_fts"
