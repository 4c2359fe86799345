"""Tests for serve.timeline_render: contract JSON, Markdown and the offline, escaped HTML page."""

from __future__ import annotations

import json
import re

import pytest

from dateline.records import (Citation, Contradiction, FigureClaim, FigureSeries, Sentence,
                              Story, StoryArticle, TimelineDate)
from dateline.resolve.timeline import build_timeline
from dateline.serve.timeline_render import (charts, main_series, to_html, to_json,
                                            to_markdown)

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


def _loads_anything(html: str) -> list[str]:
    """What a browser would fetch: src/srcset/data attributes, <link>, CSS url() and @import."""
    found = re.findall(r"""\b(?:src|srcset|data|poster|background)\s*=\s*["']?([^"'\s>]+)""", html,
                       re.IGNORECASE)
    found += re.findall(r"<link\b[^>]*>|<script\b|url\(|@import|<iframe\b|<object\b|<embed\b",
                        html, re.IGNORECASE)
    return found


def test_timeline_render_html_is_self_contained(timeline):
    html = to_html(timeline, series=[_gaza_series()], flags=[])
    assert _loads_anything(html) == []
    # Links are navigation only: in-page anchors, or the cited articles' own pages.
    hrefs = re.findall(r'<a\s+href="([^"]*)"', html)
    assert hrefs and all(h.startswith("#") or h.startswith("https://example.org/") for h in hrefs)


@pytest.mark.parametrize("url,linked", [
    ("https://example.org/a?x=1&y=2", True), ("http://example.org/b", True),
    ("javascript:alert(1)", False), ("data:text/html,<b>x</b>", False), (None, False)])
def test_timeline_render_html_links_only_web_pages(url, linked):
    day = TimelineDate("2023-11-05", ("Blinken met Abbas in Ramallah.",),
                       ({"source": "Sample Wire", "title": "Blinken in Ramallah", "url": url,
                         "published": "2023-11-06", "article_id": "a1", "start": 0, "end": 30},))
    html = to_html([day])
    assert ("<a href=" in html.split('id="timeline"')[1]) is linked
    assert "javascript:" not in html and "data:text" not in html
    if linked:
        assert ">Blinken in Ramallah</a>" in html


def test_timeline_render_html_shows_dates_lines_and_sources(timeline):
    html = to_html(timeline)
    for day in timeline:
        assert f'<time datetime="{day.date}">{day.date}</time>' in html
        for cite in day.citations:
            assert f"{cite['source']}, published {cite['published']}" in html
    assert html.count("<q>") == sum(len(d.sentences) for d in timeline)


def _claim(value, as_of, aid, *, reporter="health ministry", scope="cumulative", source=None):
    return FigureClaim(metric="killed", scope=scope, value=value, low=value, high=None,
                       qualifier="more_than", victims="people", area="Gaza", reporter=reporter,
                       as_of=as_of, since=None,
                       citation=Citation(aid, source or f"Outlet {aid}", as_of, 0, 30,
                                         f"more than {value:,} people have been killed"))


def _gaza_series(*claims):
    claims = claims or (_claim(1700, "2023-10-14", "a"), _claim(9000, "2023-11-15", "b"),
                        _claim(15000, "2023-11-30", "c", reporter=None))
    scope = claims[0].scope
    return FigureSeries(f"killed|{scope}|people|Gaza", "killed", scope, "people", "Gaza",
                        tuple(sorted({c.reporter or "" for c in claims})), tuple(claims))


def test_timeline_render_html_charts_cumulative_series_by_reporter(timeline):
    html = to_html(timeline, series=[_gaza_series()])
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert svg.count("<polyline") == 2  # health ministry; reporter not stated
    for label in ("over 1,700", "over 9,000", "over 15,000"):
        assert label in svg
    legend = html[html.index('class="legend"'):html.index("</ul>", html.index('class="legend"'))]
    assert "health ministry" in legend and "reporter not stated" in legend
    # Every point is cited in the table under the chart: outlet, publication date, its words.
    for aid, day in (("a", "2023-10-14"), ("b", "2023-11-15"), ("c", "2023-11-30")):
        assert f"Outlet {aid}, published {day}" in html


@pytest.mark.parametrize("series", [
    _gaza_series(_claim(1700, "2023-10-14", "a"), _claim(1750, "2023-10-14", "b")),  # one day
    _gaza_series(_claim(11, "2023-11-03", "a", scope="incident"),
                 _claim(14, "2023-11-04", "b", scope="incident")),  # not a cumulative toll
])
def test_timeline_render_html_skips_series_without_a_trend(timeline, series):
    assert main_series([series]) == []
    assert "<svg" not in to_html(timeline, series=[series])


def test_timeline_render_chart_prefers_most_told_series():
    small = _gaza_series(_claim(40, "2023-10-13", "a"), _claim(43, "2023-10-14", "b"))
    big = _gaza_series(_claim(1700, "2023-10-14", "a"), _claim(9000, "2023-11-15", "b"),
                       _claim(15000, "2023-11-30", "c"))
    assert main_series([small, big], limit=1) == [big]


def test_timeline_render_chart_geometry_stays_inside_the_frame():
    (chart,) = charts([_gaza_series()])
    for p in chart["points"]:
        assert chart["pad"]["left"] <= p["x"] <= chart["right"]
        assert chart["pad"]["top"] <= p["y"] <= chart["bottom"]
    assert chart["y_ticks"][0]["label"] == "0"
    assert chart["y_ticks"][-1]["label"].replace(",", "").isdigit()
    assert int(chart["y_ticks"][-1]["label"].replace(",", "")) >= 15000
    assert [t["label"] for t in chart["x_ticks"]][::len(chart["x_ticks"]) - 1] == [
        "2023-10-14", "2023-11-30"]


def test_timeline_render_stale_toll_marked_off_the_line_and_noted_once():
    stale = _claim(1700, "2023-11-20", "old", reporter=None, source="Late Wire")
    series = _gaza_series(_claim(1700, "2023-10-14", "a", reporter=None),
                          _claim(9000, "2023-11-15", "b", reporter=None),
                          _claim(15000, "2023-11-30", "c", reporter=None), stale)
    flag = Contradiction("stale_figure", "cumulative killed toll 1,700 is far below ~11,000",
                         (stale, series.claims[1]), article_id="old")
    cite = {"article_id": "old", "source": "Late Wire", "title": None, "url": None,
            "published": "2023-11-20", "start": 0, "end": 10}
    day = TimelineDate("2023-11-17", ("First line.", "Second line."), (cite, dict(cite, start=11)))
    html = to_html([day], series=[series], flags=[flag])
    (chart,) = charts([series], [flag])
    line = chart["lines"][0]["points"]
    marked = [p for p in chart["points"] if p["stale"]]
    assert [p["date"] for p in marked] == ["2023-11-20"]
    assert f"{marked[0]['x']},{marked[0]['y']}" not in line
    assert "over 1,700 (stale)" in html
    assert html.count("Stale figure in this article") == 1
    assert "Figures that disagree" in html and "far below ~11,000" in html


def test_timeline_render_html_escapes_chart_and_notes():
    evil = "<script>alert(1)</script>"
    series = _gaza_series(_claim(1700, "2023-10-14", "a", reporter=evil),
                          _claim(9000, "2023-11-15", "b", reporter=evil, source=evil))
    flag = Contradiction("competing", evil, series.claims)
    story = Story("s1", evil, (StoryArticle("a", evil, "2023-10-14", evil),
                               StoryArticle("b", "Wire", "2023-10-15", "t", duplicate_of="a",
                                            copy_kind="rewrite", similarity=0.8)))
    html = to_html([], series=[series], flags=[flag], stories=[story])
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "rewrite of &lt;script&gt;" in html


def test_timeline_render_html_lists_stories_with_copies():
    story = Story("s1", "abbas, blinken, ramallah", (
        StoryArticle("a", "The Example Courier", "2023-11-08", "Abbas tells Blinken"),
        StoryArticle("b", "Demo Aggregator", "2023-11-20", None, duplicate_of="a",
                     copy_kind="republication", similarity=0.97),
        StoryArticle("c", None, "2023-11-09", None)))
    lone = Story("s2", "jenin", (StoryArticle("d", "Mock Gazette", "2025-01-22", "Jenin"),))
    html = to_html([], stories=[story, lone])
    stories = html[html.index('id="stories"'):]
    assert "republication of The Example Courier (2023-11-08)" in stories
    assert "article c" in stories  # no source, no title: the article's id stands in
    assert "jenin" not in stories  # a story told once is no cross-outlet story
