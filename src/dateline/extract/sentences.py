"""Split an article into sentences, each with the day it tells about (for timelines)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from dateline.extract.dating import is_range_start
from dateline.extract.doc_cache import doc_text
from dateline.records import Sentence, TimeMention


def is_day_value(value: str) -> bool:
    """True for a day-precise TIMEX3 value (YYYY-MM-DD)."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def dated_sentences(doc: Doc, *, times: list[TimeMention],
                    published: date | None) -> list[Sentence]:
    """Every sentence (whitespace stripped, offsets into doc.text) with its first day-precise date.

    The date is the first DATE time in the sentence whose value is a whole day; sentences
    telling of a month, a year or nothing in particular get None. A range start ("Since
    Saturday, 43 were killed") does not date a sentence: it tells of a period, not that day.
    `published` is not used as a fallback on purpose: an undated sentence is not evidence of
    the article date.
    """
    text = doc_text(doc)
    days = sorted((t for t in times if t.type == "DATE" and is_day_value(t.value)
                   and not is_range_start(t, text)), key=lambda t: t.start)
    out: list[Sentence] = []
    for sent in doc.sents:
        raw = sent.text
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(text)
        day = next((t.value for t in days if start <= t.start < end), None)
        out.append(Sentence(start=start, end=end, text=text, date=day))
    return out
