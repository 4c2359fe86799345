"""ArticleFacts as the CONTRACT.md `annotate` object (a response shape, not a record)."""

from __future__ import annotations

from dataclasses import asdict

from dateline.records import ArticleFacts


def _fact(record) -> dict:
    row = asdict(record)
    for key, value in row.items():
        if isinstance(value, tuple):
            row[key] = list(value)
    return row


def facts_to_contract(facts: ArticleFacts, *, with_id: bool = False) -> dict:
    """The stable annotate JSON object: text, date, source, title and the fact lists."""
    article = facts.article
    out = {
        "text": article.text,
        "date": article.published.isoformat() if article.published else None,
        "source": article.source,
        "title": article.title,
    }
    if with_id:
        out = {"id": article.id, "url": article.url, "origin": article.origin, **out}
    for kind in ("times", "places", "figures", "quotes", "events", "flags", "signals"):
        out[kind] = [_fact(r) for r in getattr(facts, kind)]
    return out
