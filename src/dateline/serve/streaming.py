"""A writer that fills a text file, turned into a stream of chunks for an HTTP response."""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TextIO

_DONE = object()
PUT_TIMEOUT_S = 30  # a reader gone this long (client hung up) stops the writer


class _Stopped(Exception):
    """The reader went away: the writer's thread stops quietly."""


class _Pipe(io.TextIOBase):
    def __init__(self, chunks: queue.Queue, stop: threading.Event):
        self._chunks, self._stop = chunks, stop

    def write(self, text: str) -> int:
        while not self._stop.is_set():
            try:
                self._chunks.put(text, timeout=PUT_TIMEOUT_S)
                return len(text)
            except queue.Full:
                continue
        raise _Stopped


def stream(write: Callable[[TextIO], object], *, buffered: int = 256) -> Iterator[str]:
    """The text `write(out)` writes, chunk by chunk, as it writes it (memory stays bounded).

    `write` runs in a thread; an error in it is raised here; closing the iterator stops it.
    """
    chunks: queue.Queue = queue.Queue(maxsize=buffered)
    stop = threading.Event()

    def work() -> None:
        try:
            write(_Pipe(chunks, stop))
            chunks.put(_DONE)
        except _Stopped:
            pass
        except Exception as exc:  # handed to the reader, which raises it
            chunks.put(exc)

    threading.Thread(target=work, daemon=True, name="dateline-export").start()
    try:
        while (item := chunks.get()) is not _DONE:
            if isinstance(item, Exception):
                raise item
            yield item
    finally:
        stop.set()
