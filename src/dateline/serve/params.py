"""User-typed values shared by the CLI and the web routes: dates and keyword lists."""

from __future__ import annotations

from datetime import date

from dateline.errors import error


def parse_day(value: str | None) -> date | None:
    """A YYYY-MM-DD value as a date, None when empty; E004 when it is not one."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise error("E004", value=value) from None


def split_words(value: str) -> list[str]:
    """Comma-separated keywords as a list, blanks left out."""
    return [w.strip() for w in value.split(",") if w.strip()]
