"""A file writer turned into a chunk stream: order kept, errors raised, an early close stops it."""

from __future__ import annotations

import threading

import pytest

from dateline.serve import streaming


def test_streaming_yields_every_write_in_order():
    assert "".join(streaming.stream(lambda out: [out.write(f"{i},") for i in range(1000)])) == \
        "".join(f"{i}," for i in range(1000))


def test_streaming_raises_the_writers_error_after_what_it_wrote():
    def write(out):
        out.write("head")
        raise ValueError("broken row")

    chunks = streaming.stream(write)
    assert next(chunks) == "head"
    with pytest.raises(ValueError, match="broken row"):
        next(chunks)


def test_streaming_closed_early_stops_the_writer(monkeypatch):
    monkeypatch.setattr(streaming, "PUT_TIMEOUT_S", 0.05)
    finished = threading.Event()

    def write(out):
        try:
            for _ in range(10_000):
                out.write("x" * 10)
        finally:
            finished.set()

    chunks = streaming.stream(write, buffered=2)
    next(chunks)
    chunks.close()
    assert finished.wait(timeout=5)
