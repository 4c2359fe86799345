"""The five seeds in one store: meetings stay apart, the Gaza tolls form a series, seed 000 is stale."""

from __future__ import annotations

import pytest

from dateline import pipeline
from dateline.serve import timeline_render
from dateline.settings import load


@pytest.fixture(scope="module")
def seeded(seeds_dir, tmp_path_factory):
    settings = load(db=str(tmp_path_factory.mktemp("seeds") / "seeds.db"))
    pipeline.run([str(seeds_dir)], settings, progress=False)
    ids = {f.article.origin.split("/")[-1][:3]: f.article.id for f in pipeline.stored_facts(settings)}
    return settings, ids


def test_resolve_seeds_blinken_abbas_meetings_stay_apart(seeded):
    settings, ids = seeded
    meetings = [e for e in pipeline.events(settings) if e.subtype == "Meeting"
                and any("Abbas" in a for a in e.actors)]
    homes = {frozenset(m.article_id for m in e.mentions) for e in meetings}
    assert any(ids["002"] in h for h in homes) and any(ids["003"] in h for h in homes)
    assert not any(ids["002"] in h and ids["003"] in h for h in homes)


def test_resolve_seeds_gaza_tolls_one_series_and_seed_000_stale(seeded):
    settings, ids = seeded
    series, flags = pipeline.figures(settings)
    gaza = next(s for s in series if s.metric == "killed" and s.scope == "cumulative"
                and s.area == "Gaza" and s.victims == "people")
    told = {c.citation.article_id: c.value for c in gaza.claims}
    assert told == {ids["000"]: 1700, ids["004"]: 9000, ids["003"]: 15000}
    stale = [f for f in flags if f.kind == "stale_figure"]
    assert [f.article_id for f in stale] == [ids["000"]]
    assert ids["004"] in {c.citation.article_id for c in stale[0].claims[1:]}


def test_resolve_seeds_stories_and_timeline_page(seeded):
    settings, ids = seeded
    stories = pipeline.stories(settings)
    assert sum(len(s.articles) for s in stories) == 5
    series, flags = pipeline.figures(settings)
    html = timeline_render.to_html(pipeline.timeline(settings, per_date=2), series=series,
                                   flags=flags, stories=stories)
    assert "<script" not in html and "2023-11" in html
    # The Gaza toll is charted: 1,700 (stale, seed 000), 9,000 and 15,000.
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert "over 1,700 (stale)" in svg and "over 9,000" in svg and "over 15,000" in svg
    assert "Figures that disagree" in html and "stale figure" in html
