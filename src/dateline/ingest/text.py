"""The dateline text format: ` date YYYY-MM-DD ` then the article, one or many per file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

from dateline.errors import error
from dateline.ingest.build import make_article
from dateline.ingest.dates import BadDate, parse_date
from dateline.ingest.lines import bounded_lines, decode
from dateline.records import Article, Drop
from dateline.settings import Settings

_PREFIX = re.compile(r"\ufeff?[ \t]*date (\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+|(?=\r?\n)|$)")
NO_PREFIX = "text does not start with ' date YYYY-MM-DD '"


def parse_dateline_text(text: str) -> tuple[date | None, str]:
    """(date, article text) of a dateline-text string; (None, text) when it has no prefix.

    Raises DatelineError E004 when the prefix names a day that does not exist,
    since silently treating it as undated would hide the typo.
    """
    m = _PREFIX.match(text)
    if m is None:
        return None, text
    try:
        return parse_date(m[1]), text[m.end():]
    except BadDate:
        raise error("E004", value=m[1]) from None


@dataclass
class _Pending:
    """An article being gathered line by line."""

    line: int
    date: str | None
    parts: list[str] = field(default_factory=list)
    size: int = 0
    problem: tuple[str, str] | None = None  # (reason, detail) that will drop it

    def add(self, text: str, cap: int) -> None:
        if self.problem:
            return
        self.size += len(text)
        # Raw text shrinks a little when normalised, so hold up to twice the cap before giving up.
        if self.size > 2 * cap:
            self.problem = ("too_long", f"more than {cap} characters")
            self.parts.clear()
        else:
            self.parts.append(text)


def _finish(p: _Pending, label: str, settings: Settings) -> Article | Drop:
    origin = f"{label}:{p.line}"
    if p.problem:
        return Drop(origin, *p.problem)
    text = "".join(p.parts)
    if p.date is None:
        if not text.strip():
            return Drop(origin, "no_text", "only blank text before the first date prefix")
        return Drop(origin, "missing_date", NO_PREFIX)
    return make_article(text, p.date, origin=origin, settings=settings)


def read_text(stream: BinaryIO, label: str, settings: Settings) -> Iterator[Article | Drop]:
    """Articles of a dateline-text file: a line opening with the prefix starts a new one,
    any other line continues the current one (so seeds with paragraphs stay whole)."""
    current: _Pending | None = None
    for number, raw in bounded_lines(stream, settings.max_line_bytes):
        line = None if raw is None else decode(raw, first=number == 1, cp1252=True)
        # An undecodable line may still open a new article; look for the prefix in what decodes.
        probe = line if line is not None or raw is None else raw.decode("utf-8", "replace")
        m = _PREFIX.match(probe) if probe is not None else None
        if m:
            if current is not None:
                yield _finish(current, label, settings)
            current = _Pending(number, m[1])
            line = line[m.end():] if line is not None else None
        elif current is None:
            if line is not None and not line.strip():
                continue  # blank lines before the first article are not a record
            current = _Pending(number, None)
        if raw is None:
            current.problem = current.problem or (
                "too_long", f"line {number} longer than max_line_bytes {settings.max_line_bytes}")
        elif line is None:
            current.problem = current.problem or ("undecodable", f"line {number} is not UTF-8 or cp1252")
        else:
            current.add(line, settings.max_article_chars)
    if current is not None:
        yield _finish(current, label, settings)
