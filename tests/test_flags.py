"""find_flags: stale datelines shown by the text's own dates, rewrite markers and credits."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.extract.flags import find_flags
from dateline.extract.times import find_times

STALE = ("Israel on Friday, Oct. 13, 2023, ordered 1.1 million Gazans to move south. "
         "The day witnessed clashes across the West Bank, the ministry said on Friday.")
HISTORY = ("Blinken returned to the region on Wednesday. Israel says the Oct. 7 Hamas attack "
           "killed 1,200 people, and the war has gone on since.")


def _flags(nlp, text, published):
    doc = nlp(text)
    times = find_times(doc, published=published)
    return find_flags(doc, times=times, published=published)


@pytest.mark.parametrize("text,published,stale", [
    (STALE, date(2023, 11, 7), True),   # 25 days late, "on Friday" told as recent
    (STALE, date(2023, 10, 14), False),  # the next day: fine
    (STALE, None, False),               # no stated date, nothing to contradict
    (HISTORY, date(2023, 11, 15), False),  # an anniversary-style reference is history
])
def test_flags_stale_date(nlp, text, published, stale):
    kinds = [f.kind for f in _flags(nlp, text, published)]
    assert ("stale_date" in kinds) is stale


def test_flags_stale_detail_says_the_evidence(nlp):
    flag = next(f for f in _flags(nlp, STALE, date(2023, 11, 7)) if f.kind == "stale_date")
    assert "2023-10-13" in flag.detail and "25 days" in flag.detail and "Friday" in flag.detail


@pytest.mark.parametrize("tail,marked", [
    ("\n\nFAQs\n\nQ: What happened?\n\nTalks stalled.\n\nQ: Who met?\n\nBlinken and Abbas.", True),
    ("\n\nBlinken said the talks would go on.", False),
])
def test_flags_rewrite_marker(nlp, tail, marked):
    text = "Blinken met Abbas in Ramallah on Sunday." + tail
    kinds = [f.kind for f in _flags(nlp, text, date(2023, 11, 6))]
    assert ("rewrite_marker" in kinds) is marked


WEEKDAYS = ("At least 11 were killed across the West Bank on Friday, the ministry said. "
            "Since Saturday, a total of 43 Palestinians have been killed.")


@pytest.mark.parametrize("published,stale", [
    (date(2023, 11, 7), True),    # Tuesday: Saturday Nov. 4 would fall after Friday Nov. 3
    (date(2023, 10, 14), False),  # Saturday: "since Saturday" a week back, before Friday
    (date(2023, 10, 13), False),  # Friday itself: "since Saturday" is Oct. 7, before it
    (date(2023, 10, 16), True),   # Monday: Saturday Oct. 14 would fall after Friday Oct. 13
])
def test_flags_stale_weekday_order(nlp, published, stale):
    kinds = [f.kind for f in _flags(nlp, WEEKDAYS, published)]
    assert ("stale_date" in kinds) is stale


def test_flags_better_anchor_gives_both_readings(nlp):
    from dateline.extract.dating import with_better_anchor

    doc = nlp(STALE)
    times = with_better_anchor(doc, find_times(doc, published=date(2023, 11, 7)),
                               published=date(2023, 11, 7))
    friday = [t for t in times if t.text == "Friday"]
    assert friday and friday[0].value == "2023-11-03"
    assert friday[0].alt_value == "2023-10-13" and friday[0].alt_anchor == "2023-10-13"


@pytest.mark.parametrize("prefix,kinds", [
    ("000", ["stale_date"]),     # "since Saturday" after the "Friday" it reports
    ("001", []),
    ("002", []),
    ("003", ["rewrite_marker", "truncated"]),  # and it stops at "Israel compl"
    ("004", ["credit"]),         # "(Source: Reuters)" closes it
])
def test_flags_seeds(nlp, seeds_dir, prefix, kinds):
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    _, stated, text = path.read_text(encoding="utf-8").lstrip().split(" ", 2)
    flags = _flags(nlp, text, date.fromisoformat(stated))
    assert [f.kind for f in flags] == kinds
    for flag in flags:
        if flag.kind == "stale_date":
            assert "Saturday" in flag.detail and "Friday" in flag.detail


@pytest.mark.parametrize("text,credit", [
    ("Talks went on.\n\n(Source: Reuters)", "Reuters"),
    ("Talks went on.\nSource: AP", "AP"),
    ("GAZA CITY (Reuters) - Israeli jets struck the north of the enclave.", "Reuters"),
    ("JERUSALEM, Nov 5 (AP) — Talks resumed on Sunday.", "AP"),
    ("Aid trucks crossed at Rafah. This story originally appeared in The Guardian.", "The Guardian"),
    ("Source: a senior official said the talks had failed.\nMore followed.", None),  # a sentence
    ("Officials said (source: OCHA) that 1,000 fled." + " More text." * 40, None),  # not at the end
    ("Sources said on Friday that the talks had failed.", None),
])
def test_flags_credit_names_where_the_text_came_from(text, credit):
    from dateline.extract.flags import credit_line

    found = credit_line(text)
    assert (found[0] if found else None) == credit


@pytest.mark.parametrize("text,cut", [
    ("Blinken stressed the importance of Israel compl", True),
    ("The army said the raid on the camp would go on for the", True),
    ("The army said the raid on the camp would go on for days.", False),
    ("The army said the raid on the camp would go on for days", False),  # unpunctuated, whole
    ("Talks went on.\nReporting by Jane Doe", False),  # a byline
])
def test_flags_truncated_text(nlp, text, cut):
    assert ("truncated" in [f.kind for f in _flags(nlp, text, date(2023, 11, 7))]) is cut
