"""dating: figures, quotes and events get the time expression that governs them, with precision."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.extract.dating import date_facts, precision
from dateline.extract.times import find_times
from dateline.records import EventMention, Figure, Quote

PUBLISHED = date(2023, 11, 7)


def _figure(text: str, phrase: str) -> Figure:
    start = text.index(phrase)
    return Figure(start=start, end=start + len(phrase), text=phrase, metric="killed", value=1,
                  low=1, high=None, qualifier="exact")


def _date_one(nlp, text, fact):
    doc = nlp(text)
    times = find_times(doc, published=PUBLISHED)
    figures, quotes, events = date_facts(
        doc, times=times, figures=[fact] if isinstance(fact, Figure) else [],
        quotes=[fact] if isinstance(fact, Quote) else [],
        events=[fact] if isinstance(fact, EventMention) else [], published=PUBLISHED)
    return (figures + quotes + events)[0]


@pytest.mark.parametrize("text,phrase,expected,prec,approx", [
    ("At least 11 Palestinians were killed across the West Bank on Friday, officials said.",
     "At least 11 Palestinians were killed", "2023-11-03", "day", False),
    ("On Friday, officials said, at least 11 Palestinians were killed in Jenin.",
     "at least 11 Palestinians were killed", "2023-11-03", "day", False),
    ("Officials said 30 people were detained earlier this month.",
     "30 people were detained", "2023-11", "month", False),
    ("Officials said the convoy lost 3 drivers last week.",
     "3 drivers", "2023-W44", "week", False),
    ("Since Saturday, a total of 43 Palestinians have been killed.",
     "43 Palestinians have been killed", "2023-11-07", "day", True),
    ("The siege lasted 48 days and 20 people were killed.",
     "20 people were killed", "2023-11-07", "day", True),
    ("More than 1,400 people were killed in Israel in 1993, the paper said.",
     "More than 1,400 people were killed", "1993", "year", False),
    ("The hospital is currently treating 300 wounded people.",
     "300 wounded people", "2023-11-07", "day", False),
])
def test_dating_figure_governed_by_its_clause(nlp, text, phrase, expected, prec, approx):
    fig = _date_one(nlp, text, _figure(text, phrase))
    assert (fig.date, fig.date_precision, fig.date_approx) == (expected, prec, approx)


def test_dating_quote_dated_by_its_attribution_not_its_content(nlp):
    text = "Blinken said on Monday that the talks would resume next week."
    content = "the talks would resume next week"
    start = text.index(content)
    quote = Quote(start=start, end=start + len(content), text=content, speaker="Blinken",
                  speaker_span=(0, 7), cue="said", direct=False)
    dated = _date_one(nlp, text, quote)
    assert (dated.date, dated.date_precision, dated.date_approx) == ("2023-11-06", "day", False)


@pytest.mark.parametrize("text,expected,approx", [
    ("Troops raided the camp on Sunday. The army said it was a success.", "2023-11-05", False),
    # A range start is when a count began, not the day of the event: article date, approximate.
    ("Since Saturday, troops raided the camp.", "2023-11-07", True),
])
def test_dating_event_by_the_parse(nlp, text, expected, approx):
    event = EventMention(start=0, end=text.index(" the camp"), type="Battles", subtype=None,
                         date="2023-11-04", place=None)
    dated = _date_one(nlp, text, event)
    assert (dated.date, dated.date_precision, dated.date_approx) == (expected, "day", approx)


@pytest.mark.parametrize("value,expected", [
    ("2023-11-03", "day"), ("2023-W45", "week"), ("2023-10", "month"), ("2023-Q3", "quarter"),
    ("2023-SU", "season"), ("1993", "year"), ("199", "decade"), ("P48D", None),
    ("PRESENT_REF", None), ("XXXX-XX-XX", None),
])
def test_dating_precision(value, expected):
    assert precision(value) == expected


def test_dating_seeds_every_fact_dated(nlp, seeds_dir):
    from dateline.extract import extract_facts
    from dateline.records import Article

    for path in sorted(seeds_dir.glob("*.txt")):
        _, stated, text = path.read_text(encoding="utf-8").lstrip().split(" ", 2)
        article = Article(id=path.stem, text=text, published=date.fromisoformat(stated),
                          origin=str(path))
        facts = extract_facts(nlp(text), article)
        for fact in facts.figures + facts.quotes + facts.events:
            assert fact.date and fact.date_precision, (path.name, fact)
        if path.name.startswith("000"):
            friday = [f for f in facts.figures if "11 Palestinians" in f.text]
            assert friday and (friday[0].date, friday[0].date_approx) == ("2023-11-03", False)
