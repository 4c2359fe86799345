"""JSONL (one object per line) and small JSON files (one object or an array of them)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from dateline.ingest.fields import article_from_record
from dateline.ingest.lines import bounded_lines, decode, read_bounded
from dateline.records import Article, Drop
from dateline.settings import Settings


def _from_value(value: object, origin: str, settings: Settings) -> Article | Drop:
    if not isinstance(value, dict):
        return Drop(origin, "malformed_json", f"a JSON {type(value).__name__}, not an object")
    return article_from_record(value, origin=origin, settings=settings)


def read_jsonl(stream: BinaryIO, label: str, settings: Settings) -> Iterator[Article | Drop]:
    """One Article or Drop per non-blank line, streaming with bounded line reads."""
    limit = settings.max_line_bytes
    for number, raw in bounded_lines(stream, limit):
        origin = f"{label}:{number}"
        if raw is None:
            yield Drop(origin, "too_long", f"line longer than max_line_bytes {limit}")
            continue
        line = decode(raw, first=number == 1)
        if line is None:
            yield Drop(origin, "undecodable", "line is not UTF-8")
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            yield Drop(origin, "malformed_json", str(exc)[:120])
            continue
        yield _from_value(value, origin, settings)


def read_json(stream: BinaryIO, label: str, settings: Settings) -> Iterator[Article | Drop]:
    """A .json file: a single object or an array, when small; otherwise (or if it is
    really JSONL) read line by line."""
    data = read_bounded(stream, settings.max_line_bytes)
    stream.seek(0)
    try:
        value = json.loads(decode(data) or "") if data is not None else None
    except ValueError:
        value = None
    if value is None:
        yield from read_jsonl(stream, label, settings)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield _from_value(item, f"{label}:{index}", settings)
    else:
        yield _from_value(value, f"{label}:1", settings)
