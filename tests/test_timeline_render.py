"""Tests for serve.timeline_render: contract JSON, Markdown and the offline, escaped HTML page."""

from __future__ import annotations

import json
import re

import pytest

from dateline.records import Sentence, TimelineDate
from dateline.resolve.timeline import build_timeline
from dateline.serve.timeline_render import to_html, to_json, to_markdown

CITATION_KEYS = {"article_id", "source", "title", "url", "published", "start", "end"}


def _info(aid, source, published):
    return {"id": aid, "source": source, "title": f"Report by {source}", "published": published,
            "url": f"https://example.org/{aid}"}


@pytest.fixture()
def timeline():
    courier = _info("c1", "The Example Courier", "2023-10-14")
    monitor = _info("m1", "Demo Daily Monitor", "2023-11-08")
    items = [
        (courier, Sentence(0, 78, "At least 11 Palestinians were killed across the West Bank "
                                  "on Friday, the ministry said.", "2023-10-13")),
        (courier, Sentence(79, 130, "A 14-year-old boy was killed near Nablus.", "2023-10-13")),
        (monitor, Sentence(0, 70, "Blinken met Mahmoud Abbas, who demanded an end to the "
                                  "\u201catrocious, murderous assault\u201d.", "2023-11-05")),
    ]
    return build_timeline(items, per_date=2)


def test_timeline_render_json_has_contract_keys(timeline):
    rows = json.loads(to_json(timeline))
    assert [r["date"] for r in rows] == [d.date for d in timeline]
    for row, day in zip(rows, timeline, strict=True):
        assert set(row) == {"date", "sentences", "citations"}
        assert row["sentences"] == list(day.sentences)
        assert len(row["citations"]) == len(row["sentences"])
        assert all(set(c) == CITATION_KEYS for c in row["citations"])


def test_timeline_render_json_keeps_non_ascii(timeline):
    assert "\u201catrocious" in to_json(timeline)


def test_timeline_render_markdown_has_dates_and_credits(timeline):
    md = to_markdown(timeline)
    for day in timeline:
        assert f"## {day.date}" in md
        for sentence, cite in zip(day.sentences, day.citations, strict=True):
            assert f"- {sentence} — {cite['source']}, published {cite['published']}" in md
    assert md.index("## 2023-10-13") < md.index("## 2023-11-05")


@pytest.mark.parametrize("render", [to_markdown, to_html])
def test_timeline_render_empty_timeline_says_so(render):
    assert "No dated sentences matched." in render([])


def test_timeline_render_markdown_keeps_bullets_on_one_line():
    day = TimelineDate("2023-10-13", ("Clashes near Tulkarem\nleft four dead.",),
                       ({"source": "Sample Wire", "published": "2023-10-14"},))
    assert "- Clashes near Tulkarem left four dead. — Sample Wire, published 2023-10-14" \
        in to_markdown([day])


@pytest.mark.parametrize("text", [
    "<script>alert('x')</script> Raid on Jenin camp.",
    "Settlers torched cars & homes <img src=x onerror=alert(1)> near Qalqilya.",
])
def test_timeline_render_html_escapes_article_text(text):
    day = TimelineDate("2025-01-21", (text,),
                       ({"source": "<b>Sample Wire</b>", "title": "Jenin <i>raid</i>",
                         "published": "2025-01-23", "url": "https://example.org/x?a=1&b=2",
                         "article_id": "x", "start": 0, "end": len(text)},))
    html = to_html([day], title="Jenin <raid>")
    assert "<script>" not in html and "<img" not in html and "<b>Sample" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html
    assert "&lt;b&gt;Sample Wire&lt;/b&gt;" in html
    assert "<title>Jenin &lt;raid&gt;</title>" in html


def test_timeline_render_html_is_self_contained(timeline):
    html = to_html(timeline)
    links = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]+)""", html, re.IGNORECASE)
    assert not [u for u in links if re.match(r"(?:[a-z]+:)?//", u, re.IGNORECASE)]
    assert "<link" not in html.lower() and "<script" not in html.lower()
    assert "@import" not in html and "url(" not in html


def test_timeline_render_html_shows_dates_lines_and_sources(timeline):
    html = to_html(timeline)
    for day in timeline:
        assert f'<time datetime="{day.date}">{day.date}</time>' in html
        for cite in day.citations:
            assert f"{cite['source']}, published {cite['published']}" in html
    assert html.count("<q>") == sum(len(d.sentences) for d in timeline)
