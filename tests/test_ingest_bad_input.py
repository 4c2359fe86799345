"""Ingest drops bad input with a named reason and goes on; big files stream in flat memory."""

from __future__ import annotations

import gzip
import json
import re
import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from dateline.ingest import read_paths
from dateline.ingest.reasons import REASONS
from dateline.records import Article, Drop
from dateline.settings import Settings

DATA = Path(__file__).parent / "data" / "ingest"
SETTINGS = Settings()
GOOD = "Two ambulances were hit near the northern gate on Thursday, medics said."


def read(*paths, settings: Settings = SETTINGS) -> list[Article | Drop]:
    items = list(read_paths(paths, settings=settings))
    assert all(i.reason in REASONS and i.detail for i in items if isinstance(i, Drop))
    return items


def reasons(items) -> list[str]:
    return [i.reason if isinstance(i, Drop) else "article" for i in items]


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_ingest_reasons_documented_one_line_each():
    required = {"empty_file", "binary_file", "undecodable", "missing_date", "impossible_date",
                "malformed_json", "no_text", "html_no_article", "unsupported_format", "too_long",
                "malformed_csv", "feed_no_items", "not_found"}
    assert required <= set(REASONS)
    assert all(help_.strip() and "\n" not in help_ for help_ in REASONS.values())


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n"])
def test_ingest_bad_empty_file(tmp_path, content):
    (tmp_path / "empty.txt").write_bytes(content)
    assert reasons(read(tmp_path / "empty.txt")) == ["empty_file"]


def test_ingest_bad_jsonl_of_blank_lines_is_reported_empty(tmp_path):
    (tmp_path / "blank.jsonl").write_text("\n" * 10000)  # past the 8 KB head
    assert reasons(read(tmp_path / "blank.jsonl")) == ["empty_file"]


@pytest.mark.parametrize("name, content, reason", [
    ("scan.pdf", b"%PDF-1.4\n\x00\x01\x02 stream", "binary_file"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary_file"),
    ("wide.txt", " date 2023-11-07 Text.".encode("utf-16"), "undecodable"),
    ("notes.md", b"# Notes\nNothing here is news.\n", "unsupported_format"),
    ("archive.jsonl.gz", b"this is not gzip data at all", "bad_archive"),
])
def test_ingest_bad_whole_file_dropped(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    items = read(tmp_path / name)
    assert reasons(items) == [reason]
    assert items[0].origin == f"{tmp_path / name}:0"


def test_ingest_bad_truncated_gz_keeps_what_came_before(tmp_path):
    packed = gzip.compress(jsonl(*({"date": "2023-11-07", "text": f"{GOOD} ({n})"} for n in range(500))).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    found = reasons(read(tmp_path / "cut.jsonl.gz"))
    assert found[-1] == "bad_archive" and set(found[:-1]) == {"article"} and len(found) > 2


def test_ingest_bad_not_found_and_run_goes_on(tmp_path):
    (tmp_path / "ok.txt").write_text(f" date 2023-11-07 {GOOD}\n")
    items = read(tmp_path / "missing.jsonl", tmp_path / "ok.txt")
    assert reasons(items) == ["not_found", "article"]


def test_ingest_bad_pipe_in_a_folder_is_dropped_not_read(tmp_path):
    import os

    (tmp_path / "ok.txt").write_text(f" date 2023-11-07 {GOOD}\n")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer forever
    items = read(tmp_path)
    assert reasons(items) == ["article", "not_a_file"]
    assert items[1].origin == f"{tmp_path / 'pipe.txt'}:0"


def test_ingest_bad_undecodable_jsonl_line_among_good(tmp_path):
    good = json.dumps({"date": "2023-11-07", "text": GOOD}).encode()
    bad = b'{"date": "2023-11-07", "text": "caf\xe9 \xff\xfe bombed"}'
    (tmp_path / "mixed.jsonl").write_bytes(good + b"\n" + bad + b"\n" + good + b"\n")
    items = read(tmp_path / "mixed.jsonl")
    assert reasons(items) == ["article", "undecodable", "article"]
    assert items[1].origin.endswith("mixed.jsonl:2")


def test_ingest_bad_cp1252_text_file_is_read_by_fallback(tmp_path):
    (tmp_path / "legacy.txt").write_bytes(" date 2023-11-07 The mayor\x92s office said the caf\xe9 was shelled.\n".encode("latin-1"))
    (article,) = read(tmp_path / "legacy.txt")
    assert article.text == "The mayor\u2019s office said the caf\u00e9 was shelled."


def test_ingest_bad_bytes_neither_utf8_nor_cp1252(tmp_path):
    good = f" date 2023-11-07 {GOOD}\n".encode()
    bad = b" date 2023-11-08 Shelling \x81\x8d resumed.\nIt went on all night.\n"
    (tmp_path / "broken.txt").write_bytes(bad + good + bad + good)
    items = read(tmp_path / "broken.txt")
    assert reasons(items) == ["undecodable", "article", "undecodable", "article"]
    assert [i.origin.rsplit(":", 1)[1] for i in items] == ["1", "3", "4", "6"]


@pytest.mark.parametrize("record, reason", [
    ({"text": GOOD}, "missing_date"),
    ({"text": GOOD, "date": ""}, "missing_date"),
    ({"text": GOOD, "date": "2023-02-30"}, "impossible_date"),
    ({"text": GOOD, "published": "0001-01-01T00:00:00Z"}, "impossible_date"),
    ({"text": GOOD, "time": "2187-06-01"}, "impossible_date"),
    ({"text": GOOD, "date": "02/30/2023"}, "impossible_date"),
    ({"text": GOOD, "date": "last Tuesday"}, "unreadable_date"),
    ({"date": "2023-11-07"}, "no_text"),
    ({"date": "2023-11-07", "text": "   "}, "no_text"),
    ({"date": "2023-11-07", "text": ["a", "list"]}, "no_text"),
    ('{"date": "2023-11-07", "text": "unterminated', "malformed_json"),
    ('["a", "list", "not", "an", "object"]', "malformed_json"),
])
def test_ingest_bad_jsonl_record_dropped_among_good(tmp_path, record, reason):
    good = {"date": "2023-11-07", "text": GOOD}
    (tmp_path / "in.jsonl").write_text(jsonl(good, record, good), encoding="utf-8")
    items = read(tmp_path / "in.jsonl")
    assert reasons(items) == ["article", reason, "article"]
    assert items[1].origin == f"{tmp_path / 'in.jsonl'}:2"


@pytest.mark.parametrize("text, reason", [
    (f"Residents said {GOOD}\n", "missing_date"),
    (f" date 2023-02-30 {GOOD}\n", "impossible_date"),
    (f" date 2101-01-01 {GOOD}\n", "impossible_date"),
    (" date 2023-11-07   \n", "no_text"),
])
def test_ingest_bad_dateline_text_dropped(tmp_path, text, reason):
    (tmp_path / "one.txt").write_text(text + f" date 2023-11-09 {GOOD}\n", encoding="utf-8")
    assert reasons(read(tmp_path / "one.txt")) == [reason, "article"]


def test_ingest_bad_html_without_article_or_date(tmp_path):
    page = (DATA / "page.html").read_text(encoding="utf-8")
    undated = "\n".join(line for line in page.splitlines() if "published_time" not in line)
    (tmp_path / "undated.html").write_text(undated, encoding="utf-8")
    items = read(DATA / "no_article.html", tmp_path / "undated.html")
    assert reasons(items) == ["html_no_article", "missing_date"]


@pytest.mark.parametrize("content", [
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
    "<rss><channel><title>Cut off before the first ite",
    "just some words in a file named like a feed",
])
def test_ingest_bad_feed_without_items(tmp_path, content):
    (tmp_path / "feed.rss").write_text(content, encoding="utf-8")
    assert reasons(read(tmp_path / "feed.rss")) == ["feed_no_items"]


@pytest.mark.parametrize("pattern, replacement, reason", [
    (r"<pubDate>.*?</pubDate>", "", "missing_date"),
    (r"<pubDate>.*?</pubDate>", "<pubDate>someday</pubDate>", "unreadable_date"),
    (r"<description>.*?</description>", "<description><![CDATA[<p> </p>]]></description>", "no_text"),
])
def test_ingest_bad_feed_item_dropped_among_good(tmp_path, pattern, replacement, reason):
    rss = (DATA / "feed.rss").read_text(encoding="utf-8")
    second = rss.index("<item>", rss.index("<item>") + 1)
    end = rss.index("</item>", second)
    item = re.sub(pattern, replacement, rss[second:end], flags=re.S)
    (tmp_path / "f.rss").write_text(rss[:second] + item + rss[end:], encoding="utf-8")
    items = read(tmp_path / "f.rss")
    assert reasons(items) == ["article", reason, "article"]
    assert items[1].origin.endswith("f.rss:2")


@pytest.mark.parametrize("content, expected", [
    ("title,date\nA,2023-11-07\n", ["malformed_csv"]),
    (f'date,text\n2023-11-07,"{GOOD}"\n2023-11-08,too,many,cells\n2023-11-09,"{GOOD}"\n',
     ["article", "malformed_csv", "article"]),
    (f'date,text\n2023-11-07,"{GOOD}"\n2023-13-40,"{GOOD}"\n', ["article", "impossible_date"]),
    (f'date,sentence\n,"{GOOD}"\n2023-11-08,\n', ["missing_date", "no_text"]),
])
def test_ingest_bad_csv_rows(tmp_path, content, expected):
    (tmp_path / "rows.csv").write_text(content, encoding="utf-8")
    assert reasons(read(tmp_path / "rows.csv")) == expected


def test_ingest_bad_csv_long_cell_dropped_and_next_row_read(tmp_path):
    settings = SETTINGS.with_(max_article_chars=1000, max_line_bytes=1000)
    cell = "word\n" * 300  # 1500 characters over 300 short lines: too long, but within the row bound
    (tmp_path / "rows.csv").write_text(f'date,text\n2023-11-06,"{GOOD}"\n2023-11-07,"{cell}"\n'
                                       f'2023-11-08,"{GOOD}"\n', encoding="utf-8")
    items = read(tmp_path / "rows.csv", settings=settings)
    assert reasons(items) == ["article", "too_long", "article"]
    assert items[2].origin.endswith(f"rows.csv:{3 + 300 + 1}")


def test_ingest_bad_csv_unclosed_quote_stops_with_one_drop(tmp_path):
    settings = SETTINGS.with_(max_article_chars=1000, max_line_bytes=1000)
    rest = "".join(f"2023-11-08,Shops reopened in the market on Wednesday\n" for _ in range(200))
    (tmp_path / "rows.csv").write_text(f'date,text\n2023-11-06,"{GOOD}"\n2023-11-07,"never closed\n{rest}',
                                       encoding="utf-8")
    items = read(tmp_path / "rows.csv", settings=settings)
    assert reasons(items) == ["article", "malformed_csv"]
    assert items[1].origin.endswith("rows.csv:3") and "unclosed quote" in items[1].detail


def test_ingest_bad_too_long_line_is_skipped_and_next_read(tmp_path):
    settings = SETTINGS.with_(max_line_bytes=1000)
    huge = json.dumps({"date": "2023-11-07", "text": "x " * 5000})
    (tmp_path / "long.jsonl").write_text(jsonl({"date": "2023-11-06", "text": GOOD}, huge,
                                              {"date": "2023-11-08", "text": GOOD}))
    items = read(tmp_path / "long.jsonl", settings=settings)
    assert reasons(items) == ["article", "too_long", "article"]
    assert items[2].origin.endswith("long.jsonl:3") and items[2].published == date(2023, 11, 8)


@pytest.mark.parametrize("name, content", [
    ("long.jsonl", jsonl({"date": "2023-11-07", "text": GOOD * 3})),
    ("long.txt", f" date 2023-11-07 {GOOD}\n{GOOD}\n{GOOD}\n"),
    ("long.csv", f'date,text\n2023-11-07,"{GOOD * 3}"\n'),
])
def test_ingest_bad_too_long_article(tmp_path, name, content):
    (tmp_path / name).write_text(content)
    settings = SETTINGS.with_(max_article_chars=2 * len(GOOD))
    assert reasons(read(tmp_path / name, settings=settings)) == ["too_long"]
    assert reasons(read(tmp_path / name)) == ["article"]


def test_ingest_bad_folder_of_everything_never_raises(tmp_path):
    (tmp_path / "a.bin").write_bytes(b"\x00" * 64)
    (tmp_path / "b.jsonl").write_text("{nope\n")
    (tmp_path / "c.html").write_text("<html><body></body></html>")
    (tmp_path / "d.csv").write_text('text\n"unclosed quote\n')
    (tmp_path / "e.txt").write_text(f" date 2023-11-07 {GOOD}\n")
    items = read(tmp_path)
    assert reasons(items)[-1] == "article" and len(items) >= 5


def _write_big_jsonl(path: Path, target_bytes: int) -> int:
    """A JSONL file of about `target_bytes`, written in blocks; returns its record count."""
    line = json.dumps({"date": "2023-11-07", "title": "Daily report",
                       "text": " ".join([GOOD] * 60)}) + "\n"
    per_block = 200
    blocks = target_bytes // (len(line) * per_block) + 1
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(blocks):
            f.write(line * per_block)
    return blocks * per_block


def test_ingest_bad_50mb_jsonl_streams_in_flat_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    expected = _write_big_jsonl(path, 50 * 1024 * 1024)
    assert path.stat().st_size >= 50 * 1024 * 1024
    started = time.perf_counter()
    tracemalloc.start()
    try:
        count = 0
        for item in read_paths([path], settings=SETTINGS):
            assert isinstance(item, Article)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == expected
    assert peak < 2 * 1024 * 1024, f"peak {peak} bytes while streaming"
    assert time.perf_counter() - started < 60
