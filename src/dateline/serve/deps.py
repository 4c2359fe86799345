"""What the API and page routes share: the settings dependency and the date query options."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from dateline.settings import Settings


def _settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(_settings)]
FromDep = Annotated[str | None, Query(alias="from", max_length=10,
                                      description="First date, YYYY-MM-DD.")]
ToDep = Annotated[str | None, Query(alias="to", max_length=10, description="Last date, YYYY-MM-DD.")]
