"""Stale datelines across the store: a cumulative toll far below what the series says at its date.

A cumulative toll never falls, so a report dated d whose toll is far below the series' level at
d was written earlier than d (or copies an old report). Outliers (a stale republication, a typo)
must not hide that, so the series is first reduced to its consistent core: the largest set of
claims that rises monotonically in date order (within tolerance; ties go to the higher values),
found by a longest-chain pass. The level at d is read from the core's claims by *other* articles:
  * a claim dated on or before d is a floor for the level at d (the toll only grows);
  * between the last claim before d and the first after it, the level is interpolated;
  * before the first claim, the series origin stands in as value 0: the earliest "since"
    day any claim states (a month counts from its first day, so the estimate stays low).
A claim is flagged when its value is below STALE_RATIO of that level, the core holds a strict
majority of the series' claims and of the other articles' claims (else the series is no reliable
cumulative series), and at least one claim from another article within MAX_GAP_DAYS backs the
estimate. Two claims that disagree have no majority: they are left to the "decreasing" check.
Limits: needs a stated origin when the claim is earlier than every other claim; the core is a
vote, so stale copies that outnumber current reports win it; a toll from a much smaller area
(a city) filed under the region's name would look stale.
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


def _fits(a, b) -> bool:
    """b may follow a in a cumulative series: not lower beyond tolerance."""
    return not (b[1] < a[1] and differ(a[1], b[1]))


def consistent_core(points) -> list:
    """The longest monotone chain of date-sorted points; of equally long ones, the highest."""
    best: list[tuple[int, int, int]] = []  # per point: (chain length, value sum, previous index)
    for i, p in enumerate(points):
        options = [(best[j][0] + 1, best[j][1] + p[1], j) for j in range(i) if _fits(points[j], p)]
        best.append(max(options, default=(1, p[1], -1)))
    if not best:
        return []
    i, chain = max(range(len(best)), key=lambda k: best[k][:2]), []
    while i >= 0:
        chain.append(points[i])
        i = best[i][2]
    return chain[::-1]


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
        every = _points(s.claims)
        core = {id(p[2]) for p in consistent_core(every)}
        if 2 * len(core) <= len(every):
            continue  # no consistent majority: not a reliable cumulative series
        for claim in s.claims:
            d = _day(claim.as_of)
            if not claim.value or d is None:
                continue
            others = [p for p in every if p[2].citation.article_id != claim.citation.article_id]
            points = [p for p in others if id(p[2]) in core]
            if not points or 2 * len(points) <= len(others):
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
