"""Ingest: files and folders in, a lazy stream of Articles and named Drops out.

Every Drop's origin is "path:N": N is the line (JSONL, CSV, dateline text), the
item's index (RSS/Atom) or 1 (an HTML page); N = 0 means the file as a whole
(not found, empty, binary, unknown format, broken archive).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from dateline.ingest.build import article_from_text, make_article
from dateline.ingest.feeds import read_feed
from dateline.ingest.jsonl import read_json, read_jsonl
from dateline.ingest.lines import HEAD_BYTES, inner_name, open_binary, read_head
from dateline.ingest.reasons import REASONS
from dateline.ingest.sniff import sniff, utf16
from dateline.ingest.tabular import read_csv
from dateline.ingest.text import parse_dateline_text, read_text
from dateline.ingest.webpage import read_html
from dateline.records import Article, Drop
from dateline.settings import Settings

__all__ = ["REASONS", "article_from_text", "make_article", "parse_dateline_text", "read_file",
           "read_paths"]

READERS = {
    "text": read_text, "jsonl": read_jsonl, "json": read_json, "csv": read_csv,
    "tsv": partial(read_csv, delimiter="\t"), "html": read_html, "feed": read_feed,
}


def read_paths(paths: Iterable[str | Path], *, settings: Settings) -> Iterator[Article | Drop]:
    """Articles and Drops from files and folders (recursed in sorted name order), lazily.

    Hidden entries (names starting with ".") inside folders are skipped; a path
    given explicitly is always read. Bad input never raises: it becomes a Drop.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _read_folder(path, settings, set())
        elif path.exists():
            yield from read_file(path, settings=settings)
        else:
            yield Drop(f"{path}:0", "not_found", "no such file or folder")


def _read_folder(folder: Path, settings: Settings, seen: set[Path]) -> Iterator[Article | Drop]:
    real = folder.resolve()
    if real in seen:  # a symlink loop would otherwise recurse forever
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield Drop(f"{folder}:0", "unreadable", exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _read_folder(entry, settings, seen)
        elif entry.is_file():
            yield from read_file(entry, settings=settings)
        elif entry.exists():  # reading a pipe found in a folder could wait forever
            yield Drop(f"{entry}:0", "not_a_file", "a pipe, socket or device")


def _head_drop(head: bytes, label: str) -> Drop | None:
    """The Drop a file's first 8 KB already call for, if any."""
    if not head.strip() and len(head) < HEAD_BYTES:
        return Drop(f"{label}:0", "empty_file", "no content" if not head else "only whitespace")
    if utf16(head):
        return Drop(f"{label}:0", "undecodable", "UTF-16 text; re-save it as UTF-8")
    if b"\x00" in head:
        return Drop(f"{label}:0", "binary_file", "NUL bytes in the first 8 KB")
    return None


def read_file(path: str | Path, *, settings: Settings) -> Iterator[Article | Drop]:
    """Articles and Drops of one file (plain or .gz), its format sniffed."""
    path = Path(path)
    label = str(path)
    try:
        with open_binary(path) as stream:
            head = read_head(stream)
            if drop := _head_drop(head, label):
                yield drop
                return
            fmt = sniff(inner_name(path), head)
            if fmt is None:
                yield Drop(f"{label}:0", "unsupported_format",
                           f"unknown extension and content starting {head[:24]!r}")
                return
            count = 0
            for item in READERS[fmt](stream, label, settings):
                count += 1
                yield item
            if not count:
                yield Drop(f"{label}:0", "empty_file", f"no records in this {fmt} file")
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Drop(f"{label}:0", "bad_archive", str(exc)[:160] or type(exc).__name__)
    except OSError as exc:
        yield Drop(f"{label}:0", "unreadable", exc.strerror or str(exc))
    except Exception as exc:  # a parser bug must not end the run; the Drop names it
        yield Drop(f"{label}:0", "read_error", f"{type(exc).__name__}: {exc}"[:160])
