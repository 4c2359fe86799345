"""The Python API: one object for a store and its settings, with every read and write the CLI has.

    from dateline import Dateline

    desk = Dateline("dateline.db")             # a SQLite file, or a postgresql:// URL
    summary = desk.run(["examples/"])          # ingest, extract, store: resumable, idempotent
    facts = desk.annotate(text, published="2023-11-07")   # one article, nothing stored
    desk.timeline(max_dates=10), desk.events(), desk.figures(), desk.stories()
    desk.search("Jenin killed"), desk.article(article_id)
    with open("events.csv", "w", newline="") as out:
        desk.export("acled", out)

Every method returns the records of `dateline.records` (frozen dataclasses); `serve.contract`
turns an `ArticleFacts` into the CONTRACT.md object. Dates may be `datetime.date` objects or
"YYYY-MM-DD" strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TextIO

from dateline import pipeline
from dateline.errors import error
from dateline.records import (ArticleFacts, Contradiction, Drop, Event, FigureSeries, Sentence,
                              Story, TimelineDate)
from dateline.serve import exports, exports_geo
from dateline.settings import load

WRITERS = {"json": exports.write_json, "csv": exports.write_csv,
           "acled": exports_geo.write_acled, "geojson": exports_geo.write_geojson}


def _day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise error("E004", value=value) from None


class Dateline:
    """A store and its settings; `settings` are the keyword overrides of the settings table
    (processes=2, batch_size=64, ...), the DATELINE_* environment applies under them."""

    def __init__(self, db: str | None = None, **settings):
        self.settings = load(**({"db": db} if db else {}), **settings)

    # -- writes ---------------------------------------------------------------------------

    def run(self, paths: Iterable[str], *, progress: bool = False) -> pipeline.RunSummary:
        """Ingest, extract and store every article under `paths` (files, folders, .gz)."""
        return pipeline.run(paths, self.settings, progress=progress)

    def add(self, text: str, *, published: date | str | None, source: str | None = None,
            title: str | None = None, url: str | None = None) -> ArticleFacts | Drop:
        """Store one article; its facts (stored now or before), or the Drop saying why not."""
        published = published.isoformat() if isinstance(published, date) else published
        facts, _ = pipeline.add_article(self.settings, text=text, published=published,
                                        source=source, title=title, url=url, origin="<python>")
        return facts

    # -- one article ----------------------------------------------------------------------

    def annotate(self, text: str, *, published: date | str | None = None,
                 source: str | None = None, title: str | None = None) -> ArticleFacts:
        """The facts of one article's text, nothing stored."""
        return pipeline.annotate(text, published=_day(published),
                                 settings=self.settings, source=source, title=title)

    def article(self, article_id: str) -> ArticleFacts | None:
        """A stored article with its facts, None when no article has that id."""
        return pipeline.article_facts(self.settings, article_id)

    # -- reads across the store -------------------------------------------------------------

    def articles(self, query: str = "", *, date_from: date | str | None = None,
                 date_to: date | str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        """Stored articles newest first with their fact counts; `query` keeps those with a
        sentence holding every word of it."""
        return pipeline.list_articles(self.settings, query=query, limit=limit, offset=offset,
                                      date_from=_day(date_from),
                                      date_to=_day(date_to))

    def search(self, query: str, *, limit: int = 20) -> list[tuple[dict, Sentence]]:
        """Sentences holding every word of `query`, best first, each with its article's info."""
        return pipeline.search(self.settings, query, limit=limit)

    def timeline(self, *, date_from: date | str | None = None, date_to: date | str | None = None,
                 max_dates: int | None = None, per_date: int = 2,
                 keywords: Iterable[str] = ()) -> list[TimelineDate]:
        """The cited timeline `dateline timeline` prints."""
        return pipeline.timeline(self.settings, date_from=_day(date_from),
                                 date_to=_day(date_to), max_dates=max_dates,
                                 per_date=per_date, keywords=keywords)

    def events(self, *, date_from: date | str | None = None,
               date_to: date | str | None = None) -> list[Event]:
        """Events merged across articles, every mention kept with its outlet."""
        return pipeline.events(self.settings, date_from=_day(date_from),
                               date_to=_day(date_to))

    def figures(self, *, date_from: date | str | None = None, date_to: date | str | None = None
                ) -> tuple[list[FigureSeries], list[Contradiction]]:
        """Figure series with every claim's reporter, and the contradictions and stale tolls."""
        return pipeline.figures(self.settings, date_from=_day(date_from),
                                date_to=_day(date_to))

    def stories(self, *, date_from: date | str | None = None,
                date_to: date | str | None = None) -> list[Story]:
        """Stories told by several outlets, copies linked to their original."""
        return pipeline.stories(self.settings, date_from=_day(date_from),
                                date_to=_day(date_to))

    def export(self, fmt: str, out: TextIO) -> int:
        """Write the whole store as json, csv, acled or geojson (what `dateline export` writes);
        returns the number of records written."""
        if fmt not in WRITERS:
            raise error("E017", fmt=fmt, known=", ".join(WRITERS))
        return WRITERS[fmt](pipeline.stored_facts(self.settings), out)
