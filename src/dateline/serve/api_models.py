"""Request and response shapes of the REST API (pydantic), kept apart from records and rows."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str = "ok"
    articles: int
    writes: bool = Field(description="Whether writes are enabled (a token is set).")


class ArticleSummary(BaseModel):
    id: str
    source: str | None
    title: str | None
    published: dt.date | None
    url: str | None
    words: int
    lead: str | None = Field(default=None, description="The first 160 characters of the text.")
    counts: dict[str, int] = Field(description="How many times, places, figures, quotes, events, "
                                               "flags the article holds.")


class ArticleList(BaseModel):
    items: list[ArticleSummary]
    limit: int
    offset: int
    query: str | None = None


class NewArticle(BaseModel):
    """An article to ingest: the same fields a JSONL line may carry."""

    text: str
    date: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    source: str | None = None
    title: str | None = None
    url: str | None = None


class Stored(BaseModel):
    id: str
    created: bool = Field(description="False when the same article was stored already.")
    counts: dict[str, int]


class SearchHit(BaseModel):
    article_id: str
    source: str | None
    title: str | None
    published: dt.date | None
    start: int
    end: int
    text: str
    date: str | None = Field(description="The day the sentence tells about, when known.")


class TimelineEntry(BaseModel):
    date: str
    sentences: list[str]
    citations: list[dict]


class Problem(BaseModel):
    """Every error: a stable code and a message that says what to do."""

    code: str
    message: str
