"""Stale datelines across the store: a cumulative toll far below what the series says at its date.

A cumulative toll never falls, so a report dated d whose toll is far below the series'
level at d was written earlier than d (or copies an old report). The level at d is read
from the *other* articles' claims of the same series (same metric, victims class and area):
  * a claim dated on or before d is a floor for the level at d (the toll only grows);
  * between the last claim before d and the first after it, the level is interpolated;
  * before the first claim, the series origin stands in as value 0: the earliest "since"
    day any claim states (a month counts from its first day, so the estimate stays low).
A claim is flagged when its value is below STALE_RATIO of that level, the series' other
claims rise monotonically (within tolerance; else it is not a reliable cumulative series),
and at least one claim from another article within MAX_GAP_DAYS backs the estimate.
Limits: needs a stated origin when the claim is earlier than every other claim; a toll from
a much smaller area (a city) filed under the region's name would look stale.
"""

from __future__ import annotations

from datetime import date

from dateline.records import Contradiction, FigureClaim, FigureSeries
from dateline.resolve.series import differ

STALE_RATIO = 0.5
MAX_GAP_DAYS = 45


def _day(value: str | None) -> date | None:
    if not value:
        return None
    text = value[:10] if len(value) >= 10 else value[:7] + "-01" if len(value) >= 7 else None
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _points(claims: list[FigureClaim]) -> list[tuple[date, int, FigureClaim]]:
    pts = [(_day(c.as_of), c.value, c) for c in claims if c.value and _day(c.as_of)]
    return sorted(pts, key=lambda p: (p[0], p[1]))


def _monotone(points) -> bool:
    return all(not (b[1] < a[1] and differ(a[1], b[1])) for a, b in zip(points, points[1:]))


def _level(d: date, points, origin: date | None) -> tuple[float | None, list[FigureClaim]]:
    """The series level at d and the claims it rests on."""
    before = [p for p in points if p[0] <= d]
    after = [p for p in points if p[0] > d]
    if before:
        floor = max(before, key=lambda p: p[1])
        if not after:
            return float(floor[1]), [floor[2]]
        nxt = after[0]
        left = before[-1]
        span = (nxt[0] - left[0]).days or 1
        interpolated = left[1] + (nxt[1] - left[1]) * (d - left[0]).days / span
        return max(float(floor[1]), interpolated), [floor[2], nxt[2]]
    if after and origin and origin < d:
        nxt = after[0]
        return nxt[1] * (d - origin).days / ((nxt[0] - origin).days or 1), [nxt[2]]
    return None, []


def stale_figures(series: list[FigureSeries]) -> list[Contradiction]:
    """A stale_figure contradiction (with its evidence claims) per far-behind cumulative toll."""
    out = []
    for s in series:
        if s.scope != "cumulative":
            continue
        for claim in s.claims:
            d = _day(claim.as_of)
            if not claim.value or d is None:
                continue
            others = [c for c in s.claims if c.citation.article_id != claim.citation.article_id]
            points = _points(others)
            if len(points) < 1 or not _monotone(points):
                continue
            origins = [_day(c.since) for c in s.claims if _day(c.since)]
            level, evidence = _level(d, points, min(origins) if origins else None)
            near = [e for e in evidence if abs((_day(e.as_of) - d).days) <= MAX_GAP_DAYS]
            if level is None or not near or claim.value >= STALE_RATIO * level:
                continue
            told = "; ".join(f"{e.value:,} by {e.as_of} ({e.citation.source or e.reporter or e.citation.article_id[:8]})"
                             for e in evidence)
            out.append(Contradiction(
                "stale_figure",
                f"cumulative {s.metric} toll {claim.value:,} ({s.victims}, {s.area}) in an article "
                f"dated {claim.as_of} is far below the ~{level:,.0f} the series gives for that "
                f"day: {told}", (claim, *evidence), article_id=claim.citation.article_id))
    return out
