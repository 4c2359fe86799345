"""Cited timeline: pick the most reported days and, per day, its most central distinct sentences."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from dateline.records import Sentence, TimelineDate

# Two sentences sharing this share of their words tell the same thing (rewrites, republications).
DUPLICATE_JACCARD = 0.6

_WORD = re.compile(r"\w+", re.UNICODE)

# Function words carry no topic; leaving them in would pull every centroid towards "the ... of".
_STOPWORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his in into is it its
    of on or our said says she that the their them they this to was were which who will with
    would we you""".split()
)


@dataclass(frozen=True)
class _Candidate:
    """A dated sentence with the article it came from."""

    article_id: str
    info: dict
    sentence: Sentence
    published: date  # date.max when unknown, so a dated copy counts as earlier


def _as_date(value) -> date | None:
    """A date from a date, datetime or ISO string; None when it is not a full day."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if len(text) < 10:  # "2023-11" or "2023-W45" is not a day
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _keyword_pattern(keywords: Sequence[str]) -> re.Pattern | None:
    """One case-insensitive pattern matching any keyword as whole words."""
    words = [k.strip() for k in keywords if k and k.strip()]
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # Lookarounds rather than \b so keywords ending in punctuation ("U.S.") still match.
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _article_id(info: dict) -> str:
    """The article's id, else its url or title, so distinct articles count apart."""
    return str(info.get("id") or info.get("url") or info.get("title") or "")


def _collect(items, lo, hi, pattern) -> dict[str, list[_Candidate]]:
    """Sentences with a day inside the bounds (and a keyword, if any), grouped by day."""
    by_day: dict[str, list[_Candidate]] = defaultdict(list)
    for info, sentence in items:
        day = _as_date(sentence.date)
        if day is None or (lo and day < lo) or (hi and day > hi):
            continue
        if pattern is not None and not pattern.search(sentence.text):
            continue
        by_day[day.isoformat()].append(
            _Candidate(_article_id(info), info, sentence,
                       _as_date(info.get("published")) or date.max))
    return by_day


def _day_score(candidates: list[_Candidate]) -> int:
    """How much a day was reported: distinct articles telling it plus sentences about it."""
    return len({c.article_id for c in candidates}) + len(candidates)


def _vectors(words: list[tuple[str, ...]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors, IDF taken over this day's sentences only."""
    n = len(words)
    df: Counter = Counter()
    for ws in words:
        df.update(set(ws))
    idf = {w: math.log((1 + n) / (1 + k)) + 1.0 for w, k in df.items()}
    vectors = []
    for ws in words:
        vec = {w: k * idf[w] for w, k in Counter(ws).items()}
        norm = math.sqrt(sum([v * v for v in vec.values()])) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def _centrality(tokens: list[list[str]]) -> list[float]:
    """Cosine of each sentence to the day's centroid (the mean of its sentence vectors)."""
    vectors = _vectors([tuple([w for w in ts if w not in _STOPWORDS]) for ts in tokens])
    centroid: dict[str, float] = defaultdict(float)
    for vec in vectors:
        for w, v in vec.items():
            centroid[w] += v
    norm = math.sqrt(sum([v * v for v in centroid.values()])) or 1.0
    return [sum([v * centroid[w] for w, v in vec.items()]) / norm for vec in vectors]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _earliest_copy(best: int, candidates: list[_Candidate], tokens: list[list[str]]) -> _Candidate:
    """The first-published near-copy of candidate `best`: credit the original, not a reprint."""
    own, first = set(tokens[best]), candidates[best]
    copies = [c for c, ts in zip(candidates, tokens) if c.published < first.published
              and _jaccard(own, set(ts)) >= DUPLICATE_JACCARD]
    return min(copies, key=lambda c: (c.published, c.article_id, c.sentence.start), default=first)


def _pick(candidates: list[_Candidate], per_date: int) -> list[_Candidate]:
    """Up to `per_date` central sentences, skipping near-copies of one already picked."""
    if per_date <= 0:
        return []
    tokens = [_tokens(c.sentence.text) for c in candidates]
    scores = _centrality(tokens)
    # Ties break on article id and offset so the same input always gives the same timeline.
    order = sorted(range(len(candidates)), key=lambda i: (
        -scores[i], candidates[i].article_id, candidates[i].sentence.start))
    chosen: list[_Candidate] = []
    chosen_sets: list[set[str]] = []
    for i in order:
        if len(chosen) >= per_date:
            break
        words = set(tokens[i])
        if any(_jaccard(words, s) >= DUPLICATE_JACCARD for s in chosen_sets):
            continue
        original = _earliest_copy(i, candidates, tokens)
        if original in chosen:  # near-copy chains are not transitive; never cite one line twice
            continue
        chosen.append(original)
        chosen_sets.append(words)
    return chosen


def _published(value) -> str | None:
    day = _as_date(value)
    return day.isoformat() if day else (str(value) if value else None)


def _citation(c: _Candidate) -> dict:
    """Where a timeline sentence came from: the article and the character span in it."""
    info = c.info
    return {"article_id": info.get("id"), "source": info.get("source"),
            "title": info.get("title"), "url": info.get("url"),
            "published": _published(info.get("published")),
            "start": c.sentence.start, "end": c.sentence.end}


def build_timeline(items: Iterable[tuple[dict, Sentence]], *, date_from: date | None = None,
                   date_to: date | None = None, max_dates: int | None = None,
                   per_date: int = 2, keywords: Sequence[str] = ()) -> list[TimelineDate]:
    """A timeline of the most reported days, each with its most central distinct sentences.

    `items` pairs an article info dict (id, source, title, published, url) with one of its
    sentences. Only sentences dated to a full day count; month or week values are skipped.
    Of near-copies (rewrites, republications) one is kept, cited to the earliest published.
    Limits: a day's importance is a count of mentions, so a widely syndicated day wins over
    a rarely reported but grave one; the centroid favours typical wording over new facts;
    a sentence's date is whatever extraction gave it (a stale dateline gives a wrong day).
    """
    lo, hi = _as_date(date_from), _as_date(date_to)
    by_day = _collect(items, lo, hi, _keyword_pattern(keywords))
    ranked = sorted(by_day, key=lambda d: (-_day_score(by_day[d]), d))
    if max_dates is not None:
        ranked = ranked[:max(max_dates, 0)]
    timeline = []
    for day in sorted(ranked):
        picked = _pick(by_day[day], per_date)
        if picked:
            timeline.append(TimelineDate(
                date=day, sentences=tuple(c.sentence.text for c in picked),
                citations=tuple(_citation(c) for c in picked)))
    return timeline
