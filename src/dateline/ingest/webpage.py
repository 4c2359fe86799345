"""HTML pages: the main article text and its metadata, extracted with trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from dateline.ingest.build import make_article
from dateline.ingest.lines import read_bounded
from dateline.records import Article, Drop
from dateline.settings import Settings

# Fewer words than this is navigation or a login wall that trafilatura fell back to, not a report.
MIN_WORDS = 15
# A page carries scripts and markup around the article, so allow several lines' worth of bytes.
PAGE_FACTOR = 8


def _extract(data: bytes):
    import trafilatura  # imported here: it takes a second and only HTML needs it

    # Trafilatura logs every page it cannot parse; the Drop already says so.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return trafilatura.bare_extraction(
        data, include_comments=False, with_metadata=True,
        # No extensive search: it guesses the date from any date in the body text.
        date_extraction_params={"original_date": True, "extensive_search": False})


def _without_title(text: str, title: str | None) -> str:
    """Trafilatura repeats the headline as the first line; the Article keeps it in `title`."""
    first, _, rest = text.partition("\n")
    if title and rest and first.strip().lower() == title.strip().lower():
        return rest
    return text


def read_html(stream: BinaryIO, label: str, settings: Settings) -> Iterator[Article | Drop]:
    """One Article (or Drop) for the page; origin is `path:1`."""
    origin = f"{label}:1"
    limit = PAGE_FACTOR * settings.max_line_bytes
    data = read_bounded(stream, limit)
    if data is None:
        yield Drop(origin, "too_long", f"page larger than {limit} bytes")
        return
    doc = _extract(data)
    text = (doc.text or "") if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        yield Drop(origin, "html_no_article", f"main text has {len(text.split())} words")
        return
    if not doc.date:
        yield Drop(origin, "missing_date", "page metadata names no publication date")
        return
    yield make_article(_without_title(text, doc.title), doc.date, origin=origin, settings=settings,
                       source=doc.sitename, url=doc.url, title=doc.title)
