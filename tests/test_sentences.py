"""dated_sentences: every sentence with offsets and the first day-precise date it tells about."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.extract.sentences import dated_sentences
from dateline.extract.times import find_times

TEXT = ("  Troops entered the camp on Friday, the ministry said.  The siege began in October.\n\n"
        "Since Saturday, 43 people have been killed. Talks are to resume on Nov. 20 and Nov. 21.")


def _sentences(nlp, text, published):
    doc = nlp(text)
    times = find_times(doc, published=published)
    return dated_sentences(doc, times=times, published=published)


def test_sentences_offsets_point_into_text(nlp):
    sentences = _sentences(nlp, TEXT, date(2023, 11, 7))
    assert len(sentences) == 4
    for s in sentences:
        assert TEXT[s.start:s.end] == s.text
        assert s.text == s.text.strip()


@pytest.mark.parametrize("index,expected", [
    (0, "2023-11-03"),  # "on Friday"
    (1, None),          # a month is not a day
    (2, None),          # "Since Saturday": a period, not that day
    (3, "2023-11-20"),  # the first of two dates
])
def test_sentences_date_is_first_day_precise_date(nlp, index, expected):
    assert _sentences(nlp, TEXT, date(2023, 11, 7))[index].date == expected


def test_sentences_undated_without_article_date(nlp):
    sentences = _sentences(nlp, TEXT, None)
    assert [s.date for s in sentences] == [None, None, None, None]


def test_sentences_seed_days(nlp, seeds_dir):
    path = next(seeds_dir.glob("001_*.txt"))
    _, stated, text = path.read_text(encoding="utf-8").lstrip().split(" ", 2)
    sentences = _sentences(nlp, text, date.fromisoformat(stated))
    dated = {s.date for s in sentences if s.date}
    assert dated == {"2025-01-21", "2025-01-22"}
