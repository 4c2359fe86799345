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
# Defaults measured on all of Timeline17 (README "Measuring"); `dateline timeline` uses them too.
LEAD = 5  # an article's first undated sentences tell its publication day (news leads)
MAX_WORDS = 45  # longer sentences pack several facts: as timeline lines they dilute the day
MIN_WORDS = 5  # shorter "sentences" are list bullets, bylines and headings ("* April 22 -")
REDUNDANCY = 0.3  # MMR: a candidate's centrality minus this times its cosine to a line picked
POOL_PER_LINE = 10  # MMR looks this many distinct candidates deep per line wanted
# Day weight (see `_day_weights`), measured on all of Timeline17 like the defaults above.
HINDSIGHT_DAYS = 10  # an article dating a sentence to a day this many days before it recalls it
HINDSIGHT_WEIGHT = 4.0  # a recalling article counts this much more than one reporting the day
VOLUME_DAYS = 3  # coverage of a day: articles published within this many days of it
VOLUME_POWER = 0.8  # a day's mentions are divided by (its coverage + 1) to this power
VOLUME_FLOOR = 0.1  # coverage is at least this quantile of the coverage over the published span

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


# First or second person, or a question: someone speaking (a quote, an op-ed), not a report
# of what happened; such sentences make poor timeline lines.
_SPOKEN = re.compile(r"(?<!\w)(?:I|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|me|us)(?!\w)|\?\W*$")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _article_id(info: dict) -> str:
    """The article's id, else its url or title, so distinct articles count apart."""
    return str(info.get("id") or info.get("url") or info.get("title") or "")


def _usable(text: str, pattern, max_words: int | None, skip_speech: bool) -> bool:
    """Whether a sentence may be a timeline line (see `build_timeline`)."""
    return ((max_words is None or len(text.split()) <= max_words)
            and len(_WORD.findall(text)) >= MIN_WORDS
            and not (skip_speech and _SPOKEN.search(text))
            and (pattern is None or pattern.search(text) is not None))


def _collect(items, lo, hi, pattern, lead: int, max_words: int | None, skip_speech: bool):
    """Per day: every sentence dated to it (its mentions) and those a summary may use; and
    the number of articles published on each day.

    A summary may use a sentence `_usable` says may be a line. With `lead`, the first `lead`
    undated sentences of an article also tell its publication day: news leads report the day's
    events without restating the date; but a lead published earlier word for word by another
    article (a republication) tells that earlier day, not this one, and is left out.
    """
    mentions: dict[str, list[_Candidate]] = defaultdict(list)
    usable: dict[str, list[_Candidate]] = defaultdict(list)
    position: Counter = Counter()
    published_on: Counter = Counter()  # publication day -> articles published that day
    first_told: dict[str, date] = {}  # a sentence's words -> its earliest publication day
    leads: list[tuple[str, _Candidate]] = []
    for info, sentence in items:
        aid = _article_id(info)
        position[aid] += 1
        published = _as_date(info.get("published"))
        if position[aid] == 1 and published:
            published_on[published] += 1
        key = " ".join(_tokens(sentence.text))
        if published and (key not in first_told or published < first_told[key]):
            first_told[key] = published
        day = _as_date(sentence.date)
        is_mention = day is not None
        if day is None and position[aid] <= lead and sentence.date is None:
            day = published
        if day is None or (lo and day < lo) or (hi and day > hi):
            continue
        candidate = _Candidate(aid, info, sentence, published or date.max)
        if is_mention:
            mentions[day.isoformat()].append(candidate)
        if _usable(sentence.text, pattern, max_words, skip_speech):
            if is_mention:
                usable[day.isoformat()].append(candidate)
            else:
                leads.append((key, candidate))
    for key, c in leads:
        if first_told.get(key, c.published) >= c.published:
            usable[c.published.isoformat()].append(c)
    return mentions, usable, published_on


def _coverage(published: Counter, days: list[date]) -> dict[date, tuple[int, bool]]:
    """Per day: its coverage (articles published within VOLUME_DAYS of it, at least the
    VOLUME_FLOOR quantile over the published span) and whether it lies within that span.

    A day outside the span (background history, an announced date) gets the busiest week's
    coverage: nothing was published around it, so its few mentions must not look like news
    from a quiet week.
    """
    ordinals = Counter({d.toordinal(): n for d, n in published.items()})
    if not ordinals:
        return {d: (0, False) for d in days}

    def around(o: int) -> int:
        return sum(ordinals.get(o + i, 0) for i in range(-VOLUME_DAYS, VOLUME_DAYS + 1))

    lo, hi = min(ordinals) - VOLUME_DAYS, max(ordinals) + VOLUME_DAYS
    spread = sorted(around(o) for o in range(lo, hi + 1))
    floor, busiest = spread[int(VOLUME_FLOOR * (len(spread) - 1))], spread[-1]
    return {d: (max(around(d.toordinal()), floor), True) if lo <= d.toordinal() <= hi
            else (busiest, False) for d in days}


def _day_weights(mentions: dict[str, list[_Candidate]], days: Iterable[str], published: Counter,
                 hindsight_weight: float, volume_power: float) -> dict[str, tuple[float, int]]:
    """How much each day matters: (weighted articles mentioning it / its coverage, sentences).

    Articles, not sentences: one article repeating a date is one report. An article published
    more than HINDSIGHT_DAYS after a day within the published span counts 1 +
    `hindsight_weight` times: later news recalling a day marks it as a turning point, and such
    recaps state the day's event as a timeline does. The sum is divided by (coverage + 1) **
    `volume_power` (`_coverage`): in a burst of coverage every day is mentioned often, and a
    quiet week's few mentions mean more. With both at 0 the weight is the plain count of
    articles. On Timeline17 both raise ROUGE (the days picked spread over the span) at a small
    cost in exact-day F1 (README "Measuring").
    """
    days = list(days)
    coverage = _coverage(published, [date.fromisoformat(d) for d in days])
    weights = {}
    for d in days:
        day = date.fromisoformat(d)
        found = mentions.get(d, [])
        volume, inside = coverage[day]
        recalled = {c.article_id for c in found if inside and c.published != date.max
                    and (c.published - day).days > HINDSIGHT_DAYS}
        count = len({c.article_id for c in found}) + hindsight_weight * len(recalled)
        weights[d] = (count / (volume + 1) ** volume_power, len(found))
    return weights


def _idf(token_lists) -> dict[str, float]:
    """Smoothed inverse document frequency of each word over the given sentences."""
    df: Counter = Counter()
    n = 0
    for ts in token_lists:
        df.update(set(ts))
        n += 1
    return {w: math.log((1 + n) / (1 + k)) + 1.0 for w, k in df.items()}


def _vector(tokens: list[str], idf: dict[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF vector of a sentence, function words left out."""
    vec = {w: k * idf.get(w, 1.0) for w, k in Counter(tokens).items() if w not in _STOPWORDS}
    norm = math.sqrt(sum([v * v for v in vec.values()])) or 1.0
    return {w: v / norm for w, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum([v * b.get(w, 0.0) for w, v in a.items()])


def _centrality(vectors: list[dict[str, float]]) -> list[float]:
    """Cosine of each sentence to the day's centroid (the mean of its sentence vectors)."""
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


def _pick(candidates: list[_Candidate], per_date: int, idf: dict[str, float],
          redundancy: float) -> list[_Candidate]:
    """Up to `per_date` central, mutually different sentences (maximal marginal relevance).

    The pool is the most central sentences that are no near-copy of a more central one
    (POOL_PER_LINE per line wanted); each step takes the one of highest centrality minus
    `redundancy` times its largest cosine to a line already picked.
    """
    if per_date <= 0:
        return []
    tokens = [_tokens(c.sentence.text) for c in candidates]
    vectors = [_vector(ts, idf) for ts in tokens]
    scores = _centrality(vectors)
    # Ties break on article id and offset so the same input always gives the same timeline.
    order = sorted(range(len(candidates)), key=lambda i: (
        -scores[i], candidates[i].article_id, candidates[i].sentence.start))
    pool: list[int] = []
    pool_sets: list[set[str]] = []
    for i in order:
        if len(pool) >= POOL_PER_LINE * per_date:
            break
        words = set(tokens[i])
        if not any(_jaccard(words, s) >= DUPLICATE_JACCARD for s in pool_sets):
            pool.append(i)
            pool_sets.append(words)
    overlap = dict.fromkeys(pool, 0.0)  # largest cosine to a picked line, kept up to date
    chosen: list[_Candidate] = []
    while overlap and len(chosen) < per_date:
        best = max(overlap, key=lambda i: scores[i] - redundancy * overlap[i])  # first on ties
        del overlap[best]
        original = _earliest_copy(best, candidates, tokens)
        if original in chosen:  # near-copy chains are not transitive; never cite one line twice
            continue
        chosen.append(original)
        for i in overlap:
            overlap[i] = max(overlap[i], _cosine(vectors[i], vectors[best]))
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
                   per_date: int = 2, keywords: Sequence[str] = (), lead: int = LEAD,
                   max_words: int | None = MAX_WORDS,
                   redundancy: float = REDUNDANCY,
                   skip_speech: bool = True, hindsight_weight: float = HINDSIGHT_WEIGHT,
                   volume_power: float = VOLUME_POWER) -> list[TimelineDate]:
    """A timeline of the most reported days, each with its most central distinct sentences.

    `items` pairs an article info dict (id, source, title, published, url) with one of its
    sentences, in article order. A day's weight is how often it is mentioned: the distinct
    articles dating a sentence to it (to the full day; month or week values are skipped),
    those recalling it later counted 1 + `hindsight_weight` times, divided by the day's
    coverage to `volume_power` (`_day_weights`); then its sentences. Days are taken by weight
    until `max_dates` have a sentence to show; a day's
    sentences are those dated to it (plus, with `lead`, the first `lead` undated sentences of
    the articles published that day) of MIN_WORDS to `max_words` words that hold a keyword when
    `keywords` are given and, with `skip_speech`, are no question nor in the first or second
    person (quotes and commentary, not reports). The most central of them (cosine to the
    day's TF-IDF centroid, IDF over all candidate sentences), each unlike those already kept
    (MMR with `redundancy`), are kept, near-copies skipped, each cited to the earliest
    published copy. The defaults are those measured on Timeline17.
    Limits: a widely syndicated day can still win over a rarely reported but grave one, and a
    few mentions in a quiet week over many in a busy one; the centroid
    favours typical wording over new facts; a sentence's date is whatever extraction gave it
    (a stale dateline gives a wrong day); a lead is not always about its publication day;
    third-person quotes ("..., Hamas said") are kept.
    """
    lo, hi = _as_date(date_from), _as_date(date_to)
    mentions, usable, published_on = _collect(items, lo, hi, _keyword_pattern(keywords),
                                              max(lead, 0), max_words, skip_speech)
    weight = _day_weights(mentions, usable, published_on, hindsight_weight, volume_power)
    ranked = sorted(usable, key=lambda d: (-weight[d][0], -weight[d][1], d))
    limit = len(ranked) if max_dates is None else max(max_dates, 0)
    idf = _idf(_tokens(c.sentence.text) for cs in usable.values() for c in cs)
    chosen: dict[str, list[_Candidate]] = {}
    for day in ranked:
        if len(chosen) >= limit:
            break
        picked = _pick(usable[day], per_date, idf, redundancy)
        if picked:
            chosen[day] = picked
    return [TimelineDate(date=day, sentences=tuple(c.sentence.text for c in chosen[day]),
                         citations=tuple(_citation(c) for c in chosen[day]))
            for day in sorted(chosen)]
