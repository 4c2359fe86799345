"""RSS and Atom files: each item becomes an Article from its content or description."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import BinaryIO

from dateline.ingest.build import make_article
from dateline.ingest.dates import BadDate, parse_date
from dateline.ingest.lines import read_bounded
from dateline.ingest.webpage import PAGE_FACTOR
from dateline.records import Article, Drop
from dateline.settings import Settings

_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "section", "article", "table", "tr", "figure", "figcaption"}
_SKIP = {"script", "style"}


class _TextOf(HTMLParser):
    """Text of an HTML fragment: block elements become paragraphs, scripts vanish."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an item's HTML: spaces collapsed in lines, one blank line between paragraphs."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _item_text(entry) -> str:
    """The longest of the item's content blocks and its summary/description, as plain text."""
    blocks = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        blocks.append((entry["summary"], detail.get("type") or "text/html"))
    texts = [value if kind == "text/plain" else html_to_text(value) for value, kind in blocks]
    return max(texts, key=len, default="")


def _item_date(entry) -> object:
    """The item's date as written (RFC 822 or ISO); feedparser's UTC tuple only as a fallback."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parse_date(raw)
        except BadDate:
            parsed = entry.get(f"{key}_parsed")
            return date(*parsed[:3]) if parsed else raw
    return None


def read_feed(stream: BinaryIO, label: str, settings: Settings) -> Iterator[Article | Drop]:
    """One Article or Drop per item; origin is `path:N` with N the item's 1-based index."""
    import feedparser  # imported here: only feeds need it

    limit = PAGE_FACTOR * settings.max_line_bytes
    data = read_bounded(stream, limit)
    if data is None:
        yield Drop(f"{label}:1", "too_long", f"feed larger than {limit} bytes")
        return
    feed = feedparser.parse(data)  # bytes, never a URL: feedparser would fetch a URL
    if not feed.entries:
        why = f"not a readable feed: {feed.bozo_exception}" if feed.bozo else "the feed has no items"
        yield Drop(f"{label}:1", "feed_no_items", str(why)[:160])
        return
    channel = feed.feed.get("title")
    for index, entry in enumerate(feed.entries, start=1):
        source = (entry.get("source") or {}).get("title") or channel
        yield make_article(_item_text(entry), _item_date(entry), origin=f"{label}:{index}",
                           settings=settings, source=source, url=entry.get("link"),
                           title=entry.get("title"))
