"""The one Jinja2 environment for every page: autoescaping on, since article text comes from anywhere."""

from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape


def outlet(citation) -> str:
    """Who published a cited article: its source, else its title, else its short id."""
    get = citation.get if isinstance(citation, dict) else lambda k: getattr(citation, k, None)
    aid = get("article_id")
    return get("source") or get("title") or (f"article {aid[:10]}" if aid else "source not stated")


def in_context(article_id, start, end) -> str:
    """The served article page with the span start-end highlighted and scrolled to."""
    return f"/articles/{quote(str(article_id), safe='')}?at={int(start)}-{int(end)}#hit"


def lead(text: str | None, words: int = 14) -> str:
    """The first words of an article, for a listing when it has no title."""
    found = (text or "").split()
    return " ".join(found[:words]) + ("…" if len(found) > words else "")


ENV = Environment(
    loader=PackageLoader("dateline.serve", "templates"),
    # Sentences are article text from anywhere: everything rendered must be escaped.
    autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["outlet"] = outlet
ENV.filters["lead"] = lead
ENV.globals["in_context"] = in_context
