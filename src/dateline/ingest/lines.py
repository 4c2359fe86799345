"""Byte streams: open plain or gzip files, read bounded lines, decode with named failures."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

HEAD_BYTES = 8192
_DRAIN_CHUNK = 1 << 16


def inner_name(path: Path) -> str:
    """The name a file is sniffed by: `news.jsonl.gz` is read as `news.jsonl`."""
    name = path.name
    return name[:-3] if name.lower().endswith(".gz") else name


def open_binary(path: Path) -> BinaryIO:
    """A seekable binary stream of the file's (decompressed) bytes."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def read_head(stream: BinaryIO) -> bytes:
    """The first 8 KB, then rewind so the format reader starts at byte 0."""
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    return head


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, raw line) pairs; a line longer than `limit` bytes comes as None.

    An over-long line is skipped in 64 KB chunks, so it is never held whole.
    """
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(_DRAIN_CHUNK)
            yield number, None
            continue
        yield number, raw


def decode(raw: bytes, *, first: bool = False, cp1252: bool = False) -> str | None:
    """The line as text: UTF-8 (a BOM dropped on the first line), else cp1252 if allowed."""
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        pass
    if cp1252:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return None
    return None


def read_bounded(stream: BinaryIO, limit: int) -> bytes | None:
    """The whole stream, or None when it is longer than `limit` bytes (for whole-file formats)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data
