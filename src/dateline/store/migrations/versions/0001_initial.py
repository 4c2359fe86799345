"""Initial schema: articles, runs, drops, the per-article fact tables, and FTS5 over sentences.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Kept here, not imported from schema.py, so this revision stays what it was when later ones change.
FACTS = {
    "times": (("text", sa.Text, False), ("type", sa.Text, False), ("value", sa.Text, False),
              ("mod", sa.Text, True), ("anchor", sa.Text, True)),
    "places": (("text", sa.Text, False), ("name", sa.Text, False), ("country", sa.Text, True),
               ("lat", sa.Float, True), ("lon", sa.Float, True), ("geonameid", sa.Integer, True),
               ("kind", sa.Text, False), ("relation", sa.Text, True)),
    "figures": (("text", sa.Text, False), ("metric", sa.Text, False), ("value", sa.Integer, True),
                ("low", sa.Integer, True), ("high", sa.Integer, True),
                ("qualifier", sa.Text, False), ("who", sa.Text, True), ("place", sa.Text, True),
                ("date", sa.Text, True), ("since", sa.Text, True), ("scope", sa.Text, False),
                ("reporter", sa.Text, True)),
    "quotes": (("text", sa.Text, False), ("speaker", sa.Text, True),
               ("speaker_start", sa.Integer, True), ("speaker_end", sa.Integer, True),
               ("cue", sa.Text, True), ("direct", sa.Boolean, False)),
    "events": (("type", sa.Text, False), ("subtype", sa.Text, True), ("date", sa.Text, True),
               ("place", sa.Text, True), ("actors", sa.Text, False), ("targets", sa.Text, False),
               ("killed", sa.Integer, True), ("injured", sa.Integer, True)),
    "flags": (("kind", sa.Text, False), ("detail", sa.Text, False)),
    "sentences": (("text", sa.Text, False), ("date", sa.Text, True)),
}
SPANLESS = {"flags"}
DATE_COLUMNS = {"times": "value", "figures": "date", "events": "date", "sentences": "date"}

FTS_SQL = (
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id')",
    "CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN "
    "INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN "
    "INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
)


def _create_fact_table(name: str) -> None:
    span = () if name in SPANLESS else (sa.Column("start", sa.Integer, nullable=False),
                                        sa.Column("end", sa.Integer, nullable=False))
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        *span,
        *(sa.Column(col, kind, nullable=nullable) for col, kind, nullable in FACTS[name]),
    )
    op.create_index(f"ix_{name}_article", name, ["article_id", "n"], unique=True)
    if name in DATE_COLUMNS:
        op.create_index(f"ix_{name}_{DATE_COLUMNS[name]}", name, [DATE_COLUMNS[name]])


def _fts5_available() -> bool:
    """Whether this SQLite build has FTS5; search falls back to LIKE without it."""
    if context.is_offline_mode():
        return True
    try:
        return bool(op.get_bind().exec_driver_sql(
            "SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar())
    except sa.exc.DBAPIError:
        return False


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.Text, nullable=False),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.Text, nullable=False),
        sa.Column("finished_at", sa.Text),
        sa.Column("paths", sa.Text, nullable=False),
        sa.Column("read", sa.Integer),
        sa.Column("stored", sa.Integer),
        sa.Column("skipped_existing", sa.Integer),
        sa.Column("dropped", sa.Integer),
        sa.Column("summary", sa.Text),
    )
    op.create_table(
        "drops",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="SET NULL")),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.UniqueConstraint("origin", "reason", name="uq_drops_origin_reason"),
    )
    for name in FACTS:
        _create_fact_table(name)
    if op.get_context().dialect.name == "sqlite" and _fts5_available():
        for statement in FTS_SQL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS sentences_fts")
    for name in reversed(list(FACTS)):
        op.drop_table(name)
    op.drop_table("drops")
    op.drop_table("runs")
    op.drop_table("articles")
