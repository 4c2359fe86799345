"""Tests for resolve.series and resolve.staleness: series, competing figures, contradictions, stale tolls."""

from __future__ import annotations

import pytest

from dateline.records import Citation, FigureClaim
from dateline.resolve.series import build_series, contradictions, reporter_family, victims_class
from dateline.resolve.staleness import stale_figures


def claim(value, as_of, aid, *, metric="killed", scope="cumulative", area="Gaza",
          reporter="health ministry", since=None, victims="people"):
    return FigureClaim(metric=metric, scope=scope, value=value, low=value, high=None,
                       qualifier="more_than", victims=victims, area=area, reporter=reporter,
                       as_of=as_of, since=since,
                       citation=Citation(aid, f"outlet {aid}", as_of, 0, 10, "text"))


@pytest.mark.parametrize("who,expected", [
    ("Palestinians", "people"), ("people", "people"), (None, "people"),
    ("Palestinian civilians", "people"), ("children", "children"), ("a 14-year-old boy", "children"),
    ("Israeli soldiers", "soldiers"), ("journalists", "journalists")])
def test_series_victims_class(who, expected):
    assert victims_class(who) == expected


@pytest.mark.parametrize("reporter,expected", [
    ("Gaza health authorities", "health ministry"), ("the Gaza Ministry of Health", "health ministry"),
    ("UN OCHA", "OCHA"), ("WAFA", "WAFA"), (None, None)])
def test_series_reporter_family(reporter, expected):
    assert reporter_family(reporter) == expected


def test_series_competing_figures_side_by_side():
    claims = [claim(v, "2023-11-03", a, scope="incident", area="West Bank")
              for v, a in ((9, "a"), (11, "b"), (14, "c"))]
    flags = contradictions(build_series(claims))
    assert [f.kind for f in flags] == ["competing"]
    assert sorted(c.value for c in flags[0].claims) == [9, 11, 14]


def test_series_same_value_twice_is_no_contradiction():
    claims = [claim(11, "2023-11-03", "a", scope="incident"), claim(11, "2023-11-03", "b", scope="incident")]
    assert contradictions(build_series(claims)) == []


def test_series_cumulative_going_down_is_flagged():
    claims = [claim(9000, "2023-11-05", "a"), claim(8000, "2023-11-09", "b")]
    assert [f.kind for f in contradictions(build_series(claims))] == ["decreasing"]


def test_series_casualties_where_others_say_killed():
    claims = [claim(1400, "2023-10-07", "a", scope="incident", area="Israel"),
              claim(1400, "2023-10-07", "b", scope="incident", area="Israel", metric="casualties")]
    assert [f.kind for f in contradictions(build_series(claims))] == ["metric_changed"]


def test_staleness_flags_toll_far_below_interpolated_level():
    claims = [claim(1700, "2023-11-07", "old"), claim(9000, "2023-11-15", "b"),
              claim(15000, "2023-11-30", "c", since="2023-10")]
    flags = stale_figures(build_series(claims))
    assert [f.article_id for f in flags] == ["old"]
    assert {c.citation.article_id for c in flags[0].claims[1:]} == {"b"}


def test_staleness_keeps_fast_early_growth():
    """Gaza's real early toll rose about fivefold in two weeks; interpolating from the origin allows it."""
    claims = [claim(1799, "2023-10-13", "a", since="2023-10-07"), claim(4385, "2023-10-21", "b"),
              claim(8005, "2023-10-29", "c"), claim(10022, "2023-11-06", "d")]
    assert stale_figures(build_series(claims)) == []


def test_staleness_needs_an_origin_before_the_first_claim():
    claims = [claim(1700, "2023-11-07", "old"), claim(9000, "2023-11-15", "b")]
    assert stale_figures(build_series(claims)) == []


def test_staleness_flags_toll_below_an_earlier_report():
    claims = [claim(9000, "2023-11-05", "a"), claim(1700, "2023-11-09", "late"),
              claim(11000, "2023-11-12", "b")]
    assert [f.article_id for f in stale_figures(build_series(claims))] == ["late"]


def test_staleness_flags_stale_dated_article_and_stale_republication_together():
    """A late copy of an old toll must not hide the stale-dated original, nor be hidden by it."""
    claims = [claim(1700, "2023-10-14", "early", since="2023-10-07"),
              claim(1700, "2023-11-07", "old"), claim(9000, "2023-11-15", "b"),
              claim(1700, "2023-11-20", "copy"), claim(15000, "2023-11-30", "c", since="2023-10")]
    flags = stale_figures(build_series(claims))
    assert sorted(f.article_id for f in flags) == ["copy", "old"]
    evidence = {f.article_id: {c.citation.article_id for c in f.claims[1:]} for f in flags}
    assert "b" in evidence["old"] and "copy" not in evidence["old"]


def test_staleness_ignores_a_high_outlier_but_still_flags_a_stale_report():
    """One typo (90,000) neither makes the real toll look stale nor hides a stale report."""
    claims = [claim(1799, "2023-10-13", "a", since="2023-10-07"), claim(90000, "2023-10-20", "typo"),
              claim(4385, "2023-10-21", "b"), claim(8005, "2023-10-29", "c"),
              claim(10022, "2023-11-06", "d"), claim(1799, "2023-11-08", "late")]
    assert [f.article_id for f in stale_figures(build_series(claims))] == ["late"]


def test_staleness_skips_a_series_without_a_consistent_majority():
    claims = [claim(9000, "2023-11-01", "a"), claim(1700, "2023-11-03", "b"),
              claim(5000, "2023-11-05", "c"), claim(1200, "2023-11-07", "d")]
    assert stale_figures(build_series(claims)) == []


@pytest.mark.parametrize("reporter, family", [
    ("the Gaza Ministry of Health", "health ministry"),
    ("the WHO", "UN"),
    ("the World Health Organization", "UN"),
    ("witnesses who spoke to the agency", "witnesses who spoke to the agency"),
    ("a doctor who treated the wounded", "a doctor who treated the wounded"),
])
def test_series_reporter_family_reads_acronyms_not_pronouns(reporter, family):
    assert reporter_family(reporter) == family
