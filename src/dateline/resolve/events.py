"""Events across articles: mentions that agree on type, date, place and actors become one event.

Two mentions agree when (all of):
  * type agrees, and subtype when both give one;
  * dates agree within their precision: equal days, or a month/year containing the other's
    day; a mention with no date counts as its article's publication day with a margin of
    UNDATED_DAYS either way (news tells last days' events), so undated mentions from articles
    published weeks apart never merge — two meetings at one place on different days stay two;
  * places are within MAX_KM (coordinates from the article's own place mentions), or have
    the same name, or one of them is unknown;
  * actors overlap, or one side names none.
A mention joins the first event whose every mention it agrees with (complete link), so a vague
date cannot chain two distinct days together.
Limits: no coreference of actors ("the minister" vs his name); an unknown place agrees with
any place; event types come from the extractor as they are.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.records import ArticleFacts, Citation, Event, EventMention

MAX_KM = 25.0
UNDATED_DAYS = 1


@dataclass(frozen=True)
class _Mention:
    mention: EventMention
    citation: Citation
    lo: date | None  # the days the mention may stand for
    hi: date | None
    lat: float | None
    lon: float | None


def _span(value: str | None, published: date | None) -> tuple[date | None, date | None]:
    """First and last day a TIMEX-style date (day, month or year) may mean."""
    try:
        if value and len(value) == 10:
            d = date.fromisoformat(value)
            return d, d
        if value and len(value) == 7:
            lo = date.fromisoformat(value + "-01")
            hi = (lo.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return lo, hi
        if value and len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        pass
    if published:
        return published - timedelta(days=UNDATED_DAYS), published + timedelta(days=UNDATED_DAYS)
    return None, None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _km(a: _Mention, b: _Mention) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _agree(a: _Mention, b: _Mention) -> bool:
    x, y = a.mention, b.mention
    if x.type != y.type or (x.subtype and y.subtype and x.subtype != y.subtype):
        return False
    if a.lo is None or b.lo is None or a.hi < b.lo or b.hi < a.lo:
        return False
    if x.place and y.place and x.place != y.place:
        km = _km(a, b)
        if km is None or km > MAX_KM:
            return False
    actors_x, actors_y = {s.lower() for s in x.actors}, {s.lower() for s in y.actors}
    return not actors_x or not actors_y or bool(actors_x & actors_y)


def mentions_of(facts: ArticleFacts) -> list[_Mention]:
    a = facts.article
    published = a.published.isoformat() if a.published else None
    coords = {p.name: (p.lat, p.lon) for p in facts.places if p.lat is not None}
    out = []
    for m in facts.events:
        lo, hi = _span(m.date, a.published)
        lat, lon = coords.get(m.place or "", (None, None))
        text = a.text[m.start:m.end] if 0 <= m.start < m.end <= len(a.text) else ""
        out.append(_Mention(m, Citation(a.id, a.source, published, m.start, m.end, text),
                            lo, hi, lat, lon))
    return out


def _precision(m: _Mention) -> int:
    return (m.hi - m.lo).days if m.lo else 10**6


def _event(members: list[_Mention]) -> Event:
    first = min(members, key=_precision)
    dated = [m for m in members if m.mention.date]
    best_date = min(dated, key=_precision).mention.date if dated else None
    place = next((m.mention.place for m in members if m.mention.place and m.lat is not None),
                 next((m.mention.place for m in members if m.mention.place), None))
    where = next((m for m in members if m.mention.place == place and m.lat is not None), None)
    actors = tuple(dict.fromkeys(a for m in members for a in m.mention.actors))
    targets = tuple(dict.fromkeys(t for m in members for t in m.mention.targets))
    killed = tuple((m.mention.killed, m.citation.source) for m in members
                   if m.mention.killed is not None)
    key = "|".join(f"{m.citation.article_id}:{m.citation.start}" for m in members)
    return Event(id=hashlib.sha1(key.encode()).hexdigest()[:12], type=first.mention.type,
                 subtype=next((m.mention.subtype for m in members if m.mention.subtype), None),
                 date=best_date, place=place, actors=actors, targets=targets, killed=killed,
                 mentions=tuple(m.citation for m in members),
                 lat=where.lat if where else None, lon=where.lon if where else None)


def _days(lo: date, hi: date) -> list[date]:
    return [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]


def merge_events(facts: Iterable[ArticleFacts]) -> list[Event]:
    """Events merged across articles, most precisely dated mentions placed first."""
    mentions = [m for f in facts for m in mentions_of(f)]
    mentions.sort(key=lambda m: (_precision(m), m.lo or date.max, m.citation.article_id,
                                 m.citation.start))
    clusters: list[list[_Mention]] = []
    # Index: (type, day) -> clusters holding a mention that may stand for that day; mentions
    # spanning more than a month (a year) are looked up in a per-type list instead.
    by_day: dict[tuple, list[list[_Mention]]] = {}
    wide: dict[str, list[list[_Mention]]] = {}
    for m in mentions:
        home = None
        if m.lo is not None:
            days = _days(m.lo, m.hi) if _precision(m) <= 31 else []
            seen: set[int] = set()
            pools = [by_day.get((m.mention.type, d), []) for d in days] + [wide.get(m.mention.type, [])]
            if not days:  # a wide mention may agree with any cluster of its type
                pools.append([c for c in clusters if c[0].mention.type == m.mention.type])
            for pool in pools:
                for c in pool:
                    if id(c) not in seen:
                        seen.add(id(c))
                        if all(_agree(m, o) for o in c):
                            home = c
                            break
                if home is not None:
                    break
        if home is None:
            home = []
            clusters.append(home)
        home.append(m)
        if m.lo is not None:
            if _precision(m) <= 31:
                for d in _days(m.lo, m.hi):
                    pool = by_day.setdefault((m.mention.type, d), [])
                    if not pool or pool[-1] is not home:
                        pool.append(home)
            elif len(home) == 1:
                wide.setdefault(m.mention.type, []).append(home)
    events = [_event(c) for c in clusters]
    return sorted(events, key=lambda e: (e.date or "9999", e.type, e.id))
