"""Figures across articles: claims keyed by metric, victims, area and reporter; series; contradictions.

A claim's day (`as_of`) is the incident day the extractor gave it; a cumulative toll with no
day of its own stands for its article's publication day. Victims are reduced to a class:
"people" for people, persons, civilians, residents and demonyms (the area keeps Gazans and
Israelis apart), else the group named (children, women, soldiers, journalists...). Reporters
are reduced to a family ("health ministry", "OCHA", ...) so "Gaza health authorities" and
"the Gaza Ministry of Health" are one source; unattributed figures stay unattributed.
Limits: areas are compared by name (a city's toll is not summed into its region); "Israel"
as a reporter and "Israelis" as victims are not told apart from the text alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from dateline.records import ArticleFacts, Citation, Contradiction, FigureClaim, FigureSeries

TOLERANCE = 0.05  # values closer than 5% (or within 1) are the same figure told twice
_GENERAL = re.compile(r"^(?:people|persons?|civilians?|residents?|individuals|victims|"
                      r"[A-Z][a-z]+(?:is|ians?|ans|ese|ers|s))$")
_GROUPS = (("children", r"child|kid|minor|boy|girl|infant|bab(?:y|ies)|teen"),
           ("women", r"wom[ae]n|mother"), ("soldiers", r"soldier|troop|servicem|officer"),
           ("journalists", r"journalist|reporter|photographer"),
           ("aid workers", r"aid worker|staff|paramedic|medic|doctor|nurse|health worker"),
           ("fighters", r"militant|fighter|gunm[ae]n|combatant|terrorist"))
_REPORTERS = (("health ministry", r"health (?:ministry|authorit|officials)|ministry of health|\bmoh\b"),
              ("OCHA", r"\bocha\b|office for the coordination"),
              ("UN", r"\bun\b|united nations|unrwa|(?-i:\bWHO\b)|world health organi[sz]ation"),
              ("Israeli army", r"\bidf\b|israeli (?:army|military|defen[cs]e forces)"),
              ("WAFA", r"\bwafa\b"), ("Palestinian Red Crescent", r"red crescent"))


def victims_class(who: str | None) -> str:
    """'people' for a general population, else the group it names."""
    if not who:
        return "people"
    words = who.strip()
    for name, rx in _GROUPS:
        if re.search(rx, words, re.IGNORECASE):
            return name
    if _GENERAL.match(words) or _GENERAL.match(words.split()[-1]):
        return "people"
    return words.lower()


def reporter_family(reporter: str | None) -> str | None:
    if not reporter:
        return None
    for name, rx in _REPORTERS:
        if re.search(rx, reporter, re.IGNORECASE):
            return name
    return reporter.strip()


def area_name(place: str | None) -> str | None:
    """A place as an area key: "the Gaza Strip" and "Gaza" are one area."""
    if not place:
        return None
    name = re.sub(r"^the\s+", "", place.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+strip$", "", name, flags=re.IGNORECASE)


def claims_of(facts: ArticleFacts) -> list[FigureClaim]:
    """Every figure of one article with a value, as a claim with its citation."""
    a = facts.article
    published = a.published.isoformat() if a.published else None
    out = []
    for f in facts.figures:
        if f.value is None and f.low is None:
            continue
        as_of = f.date if f.date and len(f.date) == 10 else None
        if as_of is None and f.scope == "cumulative":
            as_of = published
        out.append(FigureClaim(
            metric=f.metric, scope=f.scope, value=f.value if f.value is not None else f.low,
            low=f.low, high=f.high, qualifier=f.qualifier, victims=victims_class(f.who),
            area=area_name(f.place), reporter=reporter_family(f.reporter), as_of=as_of,
            since=f.since, citation=Citation(a.id, a.source, published, f.start, f.end, f.text)))
    return out


def all_claims(facts: Iterable[ArticleFacts]) -> list[FigureClaim]:
    return [c for f in facts for c in claims_of(f)]


def _series_key(c: FigureClaim) -> tuple:
    return (c.metric, c.scope, c.victims, c.area or "")


def build_series(claims: Iterable[FigureClaim]) -> list[FigureSeries]:
    """Claims grouped per metric, scope, victims class and area, each group ordered by day.

    Reporters are kept on every claim and listed per series; unattributed claims join the
    series of their metric and area (a toll quoted without its source is still that toll).
    """
    groups: dict[tuple, list[FigureClaim]] = defaultdict(list)
    for c in claims:
        groups[_series_key(c)].append(c)
    out = []
    for key, members in sorted(groups.items()):
        members.sort(key=lambda c: (c.as_of or "9999", c.citation.published or "", c.value or 0))
        reporters = tuple(sorted({c.reporter for c in members if c.reporter}))
        out.append(FigureSeries(key="/".join(k or "-" for k in key), metric=key[0], scope=key[1],
                                victims=key[2], area=key[3] or None, reporters=reporters,
                                claims=tuple(members)))
    return out


def differ(a: int, b: int, tolerance: float = TOLERANCE) -> bool:
    """Values apart by more than the tolerance (relative) and by more than 1."""
    return abs(a - b) > max(1, tolerance * max(a, b))


def _competing(series: FigureSeries) -> list[Contradiction]:
    """Same scope, area, victims and day, values apart beyond the tolerance: side by side."""
    by_day: dict[str, list[FigureClaim]] = defaultdict(list)
    for c in series.claims:
        if c.as_of and c.value is not None:
            by_day[c.as_of].append(c)
    out = []
    for day, claims in sorted(by_day.items()):
        values = sorted({c.value for c in claims})
        articles = {c.citation.article_id for c in claims}
        if len(articles) > 1 and differ(values[0], values[-1]):
            told = " / ".join(f"{c.value:,} ({c.citation.source or c.citation.article_id[:8]}"
                              f"{', ' + c.reporter if c.reporter else ''})" for c in claims)
            out.append(Contradiction("competing", f"{series.metric} {series.victims} in "
                                     f"{series.area or 'an unnamed area'} on {day}: {told}",
                                     tuple(claims)))
    return out


def _decreasing(series: FigureSeries) -> list[Contradiction]:
    """A cumulative toll from one reporter lower than that reporter's earlier toll."""
    out = []
    best: dict[str, FigureClaim] = {}
    for c in series.claims:
        if not c.reporter or c.value is None or not c.as_of:
            continue
        prior = best.get(c.reporter)
        if prior and prior.as_of < c.as_of and c.value < prior.value and differ(c.value, prior.value):
            out.append(Contradiction("decreasing", f"{c.reporter}'s cumulative {series.metric} "
                                     f"toll fell from {prior.value:,} ({prior.as_of}) to "
                                     f"{c.value:,} ({c.as_of})", (prior, c)))
        if prior is None or c.value >= prior.value:
            best[c.reporter] = c
    return out


def _metric_changed(claims: list[FigureClaim]) -> list[Contradiction]:
    """"Casualties" where another article gives the same number "killed" (or the reverse)."""
    killed = [c for c in claims if c.metric == "killed" and c.value]
    out = []
    for c in claims:
        if c.metric != "casualties" or not c.value:
            continue
        for k in killed:
            same_day = not c.as_of or not k.as_of or c.as_of == k.as_of
            if (k.citation.article_id != c.citation.article_id and same_day
                    and not differ(c.value, k.value, 0.02) and (c.area == k.area or not c.area)):
                out.append(Contradiction("metric_changed", f"{c.value:,} 'casualties' in "
                                         f"{c.citation.source or c.citation.article_id[:8]} where "
                                         f"{k.citation.source or k.citation.article_id[:8]} says "
                                         f"{k.value:,} killed", (k, c)))
                break
    return out


def contradictions(series: list[FigureSeries]) -> list[Contradiction]:
    """Competing values, falling cumulative tolls and changed metrics across the series."""
    out: list[Contradiction] = []
    for s in series:
        out += _competing(s)
        if s.scope == "cumulative":
            out += _decreasing(s)
    out += _metric_changed([c for s in series for c in s.claims])
    return out
