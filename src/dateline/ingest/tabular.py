"""CSV and TSV files whose header names the article fields; rows streamed with the csv module."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from dateline.ingest.fields import ALIASES, article_from_record
from dateline.ingest.lines import bounded_lines, decode
from dateline.records import Article, Drop
from dateline.settings import Settings


# The csv module's own cell limit is process-wide; it is raised once (harmless to others)
# and rows are bounded here instead, by the characters fed to the reader.
_CSV_CELL_LIMIT = 2**31 - 1


class _RowTooBig(Exception):
    """A row grew past the bound: an unclosed quote, or a cell far beyond any article."""


class _Lines:
    """Decoded lines for csv.reader; remembers a line it had to blank (undecodable, too long)
    so the row that contained it is dropped instead of read with a hole in it."""

    def __init__(self, stream: BinaryIO, limit: int, row_limit: int):
        self._lines = bounded_lines(stream, limit)
        self.limit = limit
        self.row_limit = row_limit
        self.row_size = 0
        self.problem: tuple[str, str] | None = None

    def new_row(self) -> None:
        self.row_size = 0
        self.problem = None

    def __iter__(self):
        return self

    def __next__(self) -> str:
        number, raw = next(self._lines)
        if raw is None:
            self.problem = ("too_long", f"line {number} longer than max_line_bytes {self.limit}")
            return "\n"
        line = decode(raw, first=number == 1)
        if line is None:
            self.problem = ("undecodable", f"line {number} is not UTF-8")
            return "\n"
        self.row_size += len(line)
        if self.row_size > self.row_limit:
            raise _RowTooBig(number)
        return line


def _header_problem(header: list[str]) -> str | None:
    names = {h.strip().lower() for h in header}
    if not names & set(ALIASES["text"]):
        return f"header {header[:8]} has no text column ({', '.join(ALIASES['text'])})"
    return None


def read_csv(stream: BinaryIO, label: str, settings: Settings, *,
             delimiter: str = ",") -> Iterator[Article | Drop]:
    """One Article or Drop per data row; origin is the row's first physical line."""
    if csv.field_size_limit() < _CSV_CELL_LIMIT:
        csv.field_size_limit(_CSV_CELL_LIMIT)
    row_limit = max(settings.max_line_bytes, 2 * settings.max_article_chars)
    lines = _Lines(stream, settings.max_line_bytes, row_limit)
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1
        lines.new_row()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Drop(f"{label}:{start}", "malformed_csv", str(exc)[:120])
            continue
        except _RowTooBig as big:
            # Inside an open quote the reader has lost its place: what follows would read as
            # bogus rows, so the rest of the file is dropped as one record, said so.
            yield Drop(f"{label}:{start}", "malformed_csv",
                       f"row of more than {row_limit} characters by line {big.args[0]} "
                       f"(an unclosed quote?); the rest of the file is skipped")
            return
        origin = f"{label}:{start}"
        if lines.problem:
            yield Drop(origin, *lines.problem)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = row
            if problem := _header_problem(header):
                yield Drop(origin, "malformed_csv", problem)
                return
            continue
        if len(row) != len(header):
            yield Drop(origin, "malformed_csv", f"{len(row)} cells, header has {len(header)}")
            continue
        yield article_from_record(dict(zip(header, row)), origin=origin, settings=settings)
