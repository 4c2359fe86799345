"""Fact tables gain an `extra` JSON column; a `signals` table for loaded terms.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FACT_TABLES = ("times", "places", "figures", "quotes", "events", "flags", "sentences")


def upgrade() -> None:
    for name in FACT_TABLES:
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("extra", sa.Text))
    op.create_table(
        "signals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("extra", sa.Text),
    )
    op.create_index("ix_signals_article", "signals", ["article_id", "n"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_signals_article", table_name="signals")
    op.drop_table("signals")
    for name in FACT_TABLES:
        with op.batch_alter_table(name) as batch:
            batch.drop_column("extra")
