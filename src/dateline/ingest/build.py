"""Articles from raw fields: text normalisation, content-hash ids, and the checks that drop."""

from __future__ import annotations

import hashlib
from datetime import date

from dateline.ingest.dates import BadDate, parse_date
from dateline.records import Article, Drop
from dateline.settings import Settings

def normalise_text(text: str) -> str:
    """Unix newlines, no trailing whitespace on any line, no blank margins; else as given."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def content_id(text: str, published: date | None) -> str:
    """Hash of the whitespace-collapsed text and the date, so re-ingest finds the same id."""
    key = " ".join(text.split()) + "\x00" + (published.isoformat() if published else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _clean(value: object) -> str | None:
    """A metadata field as a stripped string, or None ({"name": ...} objects give their name)."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if value is None or isinstance(value, (list, dict)):
        return None
    value = " ".join(str(value).split())
    return value or None


def article_from_text(text: str, *, published: date | None, origin: str, source=None,
                      url=None, title=None) -> Article:
    """An Article with normalised text and its content-hash id; checks nothing."""
    text = normalise_text(text)
    return Article(id=content_id(text, published), text=text, published=published,
                   origin=origin, source=_clean(source), url=_clean(url), title=_clean(title))


def make_article(text: object, date_value: object, *, origin: str, settings: Settings,
                 source=None, url=None, title=None) -> Article | Drop:
    """An Article, or the Drop saying why the fields cannot make one."""
    if not isinstance(text, str) or not text.strip():
        kind = "missing" if text is None else "empty" if isinstance(text, str) else type(text).__name__
        return Drop(origin, "no_text", f"text field is {kind}")
    try:
        published = parse_date(date_value)
    except BadDate as bad:
        return Drop(origin, bad.reason, bad.detail)
    article = article_from_text(text, published=published, origin=origin, source=source,
                                url=url, title=title)
    if len(article.text) > settings.max_article_chars:
        return Drop(origin, "too_long",
                    f"{len(article.text)} characters > max_article_chars {settings.max_article_chars}")
    return article
