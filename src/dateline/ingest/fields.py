"""Field names that JSONL and CSV records may use for each Article field."""

from __future__ import annotations

from dateline.ingest.build import make_article
from dateline.records import Article, Drop
from dateline.settings import Settings

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "sentence", "body", "content"),
    "date": ("date", "time", "published", "published_at", "pubdate", "article_date"),
    "title": ("title", "headline", "article_title"),
    "source": ("source", "publisher", "sitename"),
    "url": ("url", "link"),
}


def pick(record: dict, field: str) -> object:
    """The first non-empty value among the field's aliases (`record` keys lower-cased);
    an empty string when the field is there but empty, None when it is absent."""
    present = [record[name] for name in ALIASES[field] if name in record]
    for value in present:
        if value not in (None, ""):
            return value
    return "" if "" in present else None


def article_from_record(record: dict, *, origin: str, settings: Settings) -> Article | Drop:
    """An Article (or Drop) from a JSON object or CSV row."""
    record = {str(k).strip().lower(): v for k, v in record.items()}
    return make_article(pick(record, "text"), pick(record, "date"), origin=origin,
                        settings=settings, source=pick(record, "source"),
                        url=pick(record, "url"), title=pick(record, "title"))
