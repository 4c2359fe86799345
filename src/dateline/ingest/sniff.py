"""Which reader a file needs: by its (inner) extension first, then by its first bytes."""

from __future__ import annotations

import re

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_DATELINE = re.compile(rb"[ \t]*date \d{4}-\d{1,2}-\d{1,2}\s")


def by_extension(name: str) -> str | None:
    """The format its extension names, or None."""
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower()) if dot > 0 else None


def by_content(head: bytes) -> str | None:
    """The format the first bytes show, or None."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    if _DATELINE.match(head.lstrip()):
        return "text"
    start = head.lstrip()[:512].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    if not start.startswith(b"<"):
        return None
    lowered = head.lower()
    if start.startswith((b"<rss", b"<feed", b"<rdf")) or (
            start.startswith(b"<?xml") and re.search(rb"<(rss|feed|rdf:rdf)[\s>]", lowered)):
        return "feed"
    if start.startswith((b"<html", b"<!doctype html")) or re.search(rb"<(html|body)[\s>]", lowered):
        return "html"
    return None


def sniff(name: str, head: bytes) -> str | None:
    """The format of a file called `name` (its inner name for .gz) starting with `head`."""
    return by_extension(name) or by_content(head)


def utf16(head: bytes) -> bool:
    """UTF-16 text holds NUL bytes too; name it so the user knows to re-save as UTF-8."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))
