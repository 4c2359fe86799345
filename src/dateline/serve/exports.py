"""Exports of the whole store: JSON (one object per article) and CSV (one row per fact)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from dateline.records import ArticleFacts
from dateline.serve.contract import facts_to_contract

CSV_COLUMNS = ("article_id", "published", "source", "title", "fact", "start", "end", "text",
               "type", "value", "metric", "low", "high", "qualifier", "who", "scope", "reporter",
               "speaker", "cue", "direct", "name", "country", "lat", "lon", "date", "place",
               "actors", "targets", "killed", "injured", "detail")


def write_json(facts: Iterable[ArticleFacts], out: TextIO) -> int:
    """A JSON array of annotate objects (with id, url, origin), streamed; returns the count."""
    count = 0
    out.write("[")
    for facts_one in facts:
        out.write(",\n" if count else "\n")
        json.dump(facts_to_contract(facts_one, with_id=True), out, ensure_ascii=False)
        count += 1
    out.write("\n]\n")
    return count


def _rows(facts: ArticleFacts):
    contract = facts_to_contract(facts)
    base = {"article_id": facts.article.id, "published": contract["date"],
            "source": facts.article.source, "title": facts.article.title}
    for kind in ("times", "places", "figures", "quotes", "events", "flags"):
        for fact in contract[kind]:
            row = {**base, "fact": kind.rstrip("s")}
            for key, value in fact.items():
                if key in CSV_COLUMNS:
                    row[key] = "; ".join(value) if isinstance(value, list) else value
            yield row


def write_rows(out: TextIO, columns, rows: Iterable[dict]) -> int:
    """A CSV with a header and `rows` (keys outside `columns` ignored); returns the row count."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_csv(facts: Iterable[ArticleFacts], out: TextIO) -> int:
    """One CSV row per fact with its article and span; returns the number of rows."""
    return write_rows(out, CSV_COLUMNS, (row for one in facts for row in _rows(one)))
