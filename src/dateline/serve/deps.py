"""What the API and page routes share: the settings dependency and query-value parsing."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from dateline.errors import error
from dateline.settings import Settings


def _settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(_settings)]
FromDep = Annotated[str | None, Query(alias="from", max_length=10,
                                      description="First date, YYYY-MM-DD.")]
ToDep = Annotated[str | None, Query(alias="to", max_length=10, description="Last date, YYYY-MM-DD.")]


def parse_day(value: str | None) -> date | None:
    """A YYYY-MM-DD query value as a date (E004, a 400, when it is not one)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise error("E004", value=value) from None


def split_words(value: str) -> list[str]:
    """Comma-separated keywords as a list, blanks left out."""
    return [w.strip() for w in value.split(",") if w.strip()]
