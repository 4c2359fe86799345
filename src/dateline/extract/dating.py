"""Date the facts: each figure, quote and event gets the time expression that governs it.

A time expression governs a fact when it hangs off the fact's clause in the dependency parse:
on the path from the fact's head word up to the sentence root ("11 were killed on Friday",
"said Friday that 11 were killed"), or on the verb of a clause the fact's clause belongs to.
Without one, the fact gets the article date, marked approximate (`date_approx=True`). Every
date keeps its precision: day, week, month, quarter, season, half, year, decade.

Not governing: durations and sets (not points in time), vague references (PAST_REF), and range
starts ("since Saturday" is when a count began, not when it was reported — the figure's `since`
carries it). When the text gives a better anchor than the stated date (see flags.better_anchor),
the reading against it (`alt_value`) is the one used.

Limits: the parse decides; a time expression in a neighbouring sentence ("The day witnessed
clashes ... Since Saturday, 43 were killed") does not govern, and a quote is dated by time
expressions outside its quoted words only (those inside tell what the speaker spoke about).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from spacy.tokens import Doc, Token

from dateline.extract.doc_cache import doc_text
from dateline.extract.flags import better_anchor
from dateline.extract.times import find_times
from dateline.records import EventMention, Figure, Quote, TimeMention

_PRECISION = [
    (re.compile(r"^\d{4}-\d\d-\d\d"), "day"),
    (re.compile(r"^\d{4}-W\d\d"), "week"),
    (re.compile(r"^\d{4}-\d\d$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
]


_SAME_CLAUSE = ("conj", "acl", "xcomp", "advcl")


def precision(value: str | None) -> str | None:
    """The granularity of a TIMEX3 date value: "2023-11-03" -> "day", "2023-W45" -> "week"."""
    for rx, name in _PRECISION:
        if value and rx.match(value):
            return name
    return None


def point_value(mention: TimeMention) -> str | None:
    """The date a time expression stands for (better reading first), None when it is no date."""
    if mention.type not in ("DATE", "TIME"):
        return None
    value = mention.alt_value or mention.value
    if value == "PRESENT_REF":
        return mention.alt_anchor or mention.anchor
    if mention.type == "TIME":
        value = value.split("T")[0]
    return value if precision(value) else None


def is_range_start(mention: TimeMention, text: str) -> bool:
    """"since Saturday", "from Oct. 7": the start of a period, not the day something happened."""
    return text[max(0, mention.start - 12):mention.start].lower().split()[-1:] in (
        ["since"], ["from"])


def with_better_anchor(doc: Doc, times: list[TimeMention], *,
                       published: date | None) -> list[TimeMention]:
    """Keep both readings: when the text's own dates contradict the stated date, each relative
    expression also gets its value against the day the text anchors to (`alt_value`)."""
    anchor = better_anchor(doc, times=times, published=published)
    if anchor is None:
        return times
    alt = {(t.start, t.end): t.value for t in find_times(doc, published=anchor)}
    return [dataclasses.replace(t, alt_value=alt[(t.start, t.end)], alt_anchor=anchor.isoformat())
            if alt.get((t.start, t.end), t.value) != t.value else t for t in times]


def date_facts(doc: Doc, *, times: list[TimeMention], figures: list[Figure],
               quotes: list[Quote], events: list[EventMention],
               published: date | None) -> tuple[list[Figure], list[Quote], list[EventMention]]:
    """The same facts with `date`, `date_precision` and `date_approx` set from the parse."""
    text = doc_text(doc)
    points = [(t, v) for t in times if not is_range_start(t, text) and (v := point_value(t))]
    fallback = _article_date(times, published)
    dated_figures = [_dated(doc, f, points, fallback) for f in figures]
    dated_quotes = [_dated(doc, q, points, fallback, outside=(q.start, q.end)) for q in quotes]
    dated_events = [_dated(doc, e, points, fallback) for e in events]
    return dated_figures, dated_quotes, dated_events


def _article_date(times: list[TimeMention], published: date | None) -> str | None:
    """The stated date, or the better anchor the text gives when one was found."""
    better = next((t.alt_anchor for t in times if t.alt_anchor), None)
    return better or (published.isoformat() if published else None)


def _dated(doc: Doc, fact, points, fallback: str | None, *, outside=None):
    governing = governing_time(doc, fact.start, fact.end, points, outside=outside)
    if governing is not None:
        value = governing[1]
        return dataclasses.replace(fact, date=value, date_precision=precision(value),
                                   date_approx=False)
    return dataclasses.replace(fact, date=fallback, date_precision="day" if fallback else None,
                               date_approx=True)


def governing_time(doc: Doc, start: int, end: int, points, *, outside=None):
    """(mention, value) of the time expression nearest in the parse that governs the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span.sent
    head = span.root
    path = _path_up(head)
    best, best_distance = None, None
    for mention, value in points:
        if not sent.start_char <= mention.start < sent.end_char:
            continue
        if outside and outside[0] <= mention.start < outside[1]:
            continue
        tspan = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if tspan is None or not len(tspan):
            continue
        hit = _reach(_attachment(tspan.root), path)
        if hit is not None:
            distance = hit + abs(tspan.root.i - head.i) / 1000
            if best_distance is None or distance < best_distance:
                best, best_distance = (mention, value), distance
    return best


def _reach(attach: Token, path: list[Token]) -> int | None:
    """Steps from the word a time modifies to the fact's path, through coordinated clauses
    ("11 were killed and dozens injured ... on Friday": Friday hangs off "injured")."""
    for steps in range(4):
        if attach in path:
            return path.index(attach) + steps
        if attach.dep_ not in _SAME_CLAUSE or attach.head is attach:
            return None
        attach = attach.head
    return None


def _path_up(token: Token) -> list[Token]:
    """The token and its heads up to the sentence root."""
    path = [token]
    while path[-1].head is not path[-1] and len(path) < 40:
        path.append(path[-1].head)
    return path


def _attachment(token: Token) -> Token:
    """The word a time expression modifies: past its prepositions ("on Friday" -> the verb)."""
    head = token.head
    while head.dep_ in ("prep", "pcomp", "pobj") and head.head is not head:
        head = head.head
    return head
