"""Flag what a reader should know about an article: a stale dateline, a rewritten text.

`stale_date`: the text's own explicit dates lie well before the stated date while it speaks
of them as recent ("on Friday", "yesterday", "the day") and names nothing later.
`rewrite_marker`: traces of an automated rewrite — an appended "FAQs"/"Q:" block, or talk of
"the original article".

Limits: only what the text itself supports is flagged. An article that names no explicit date
(seed 000: stated 2023-11-07, telling of Friday 13 Oct 2023) is not flagged here. That needs
the cross-article check, for the resolve stage with the store — the `stale_evidence_from_store`
idea: compare the article's cumulative figures ("over 1,700 killed in Gaza") with the series
others reported, and date the article by where its figures fall behind.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from dateline.records import Flag, TimeMention

STALE_DAYS = 10  # explicit dates this much before the stated date count as stale
_EXPLICIT = re.compile(r"\d")  # "Oct. 13", "13 October 2023": the writer named the day
_RECENT = re.compile(r"^(?:today|yesterday|tonight|the day|that day|(?:last|this)\s+\w+|"
                     r"mon|tue|wed|thu|fri|sat|sun)", re.I)
_FAQ = re.compile(r"^\s*(?:FAQs?|Frequently Asked Questions)\s*:?\s*$", re.M | re.I)
_QLINE = re.compile(r"^\s*Q\s*[:.]\s+\S", re.M)
_ORIGINAL = re.compile(r"\bthe original (?:article|story|report)\b", re.I)


def find_flags(doc: Doc, *, times: list[TimeMention], published: date | None) -> list[Flag]:
    """The flags one article's text supports; each `detail` says the evidence in words."""
    flags = []
    stale = _stale_date(doc, times, published)
    if stale:
        flags.append(Flag(kind="stale_date", detail=stale))
    rewrite = _rewrite_marker(doc.text)
    if rewrite:
        flags.append(Flag(kind="rewrite_marker", detail=rewrite))
    return flags


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def _stale_date(doc: Doc, times: list[TimeMention], published: date | None) -> str | None:
    if published is None:
        return None
    explicit = [(t, _day(t.value)) for t in times
                if t.type == "DATE" and _EXPLICIT.search(t.text) and _day(t.value)]
    if not explicit:
        return None
    latest_mention, latest = max(explicit, key=lambda e: e[1])
    if latest > published - timedelta(days=STALE_DAYS) or _names_an_event(doc, latest_mention):
        return None
    recent = [t for t in times if _RECENT.match(t.text) and not _EXPLICIT.search(t.text)]
    # "Friday" when the latest named day is a Friday, or "the day" / "yesterday" told in the
    # same sentence: the text speaks of that day as recent.
    weekday = latest.strftime("%a").lower()
    sentence = doc.char_span(latest_mention.start, latest_mention.end, alignment_mode="expand")
    sent = sentence.sent if sentence is not None else None
    cues = [t for t in recent if t.text.lower().startswith(weekday) or (
        sent is not None and sent.start_char <= t.start < sent.end_char
        and not t.text[:3].lower() in _WEEKDAY_PREFIXES)]
    if not cues:
        return None
    gap = (published - latest).days
    return (f"the latest day the text names is {latest_mention.text!r} ({latest.isoformat()}, "
            f"{gap} days before the stated date {published.isoformat()}), yet it speaks of it "
            f"as recent ({cues[0].text!r}) and names nothing later")


_WEEKDAY_PREFIXES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _names_an_event(doc: Doc, mention: TimeMention) -> bool:
    """"the Oct. 7 attack": a date used as the name of an event is history, not news."""
    before = doc.text[max(0, mention.start - 5):mention.start].lower()
    return before.endswith("the ")


def _rewrite_marker(text: str) -> str | None:
    evidence = []
    if _FAQ.search(text):
        evidence.append("an appended 'FAQs' block")
    questions = len(_QLINE.findall(text))
    if questions >= 2:
        evidence.append(f"{questions} 'Q:' lines")
    if _ORIGINAL.search(text):
        evidence.append("talk of 'the original article'")
    if not evidence:
        return None
    return "text carries traces of an automated rewrite: " + ", ".join(evidence)
