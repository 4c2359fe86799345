"""Pipeline records: frozen dataclasses that flow one way through the stages, and no logic."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One dated news report as read from a file; `id` is the content hash."""

    id: str
    text: str
    published: date | None
    origin: str  # "path:line" where the record came from
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Drop:
    """A record that could not become an Article, with a named reason."""

    origin: str
    reason: str  # one of ingest.reasons.REASONS
    detail: str = ""


@dataclass(frozen=True)
class TimeMention:
    """A time expression with its TIMEX3 type and value against the article date."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value, e.g. 2023-11-03, 2023-W45, P48D, PRESENT_REF, XXXX-XX-XX
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER...
    anchor: str | None = None  # the date the value was resolved against


@dataclass(frozen=True)
class PlaceMention:
    """A place mention resolved to a gazetteer entry (or unresolved: name only)."""

    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str = "city"  # city, region, country, camp, area
    relation: str | None = None  # "near", "east of", ... when stated


@dataclass(frozen=True)
class Figure:
    """A reported number of people affected, with who reported it."""

    start: int
    end: int
    text: str
    metric: str  # killed, injured, casualties, missing, detained, displaced, evacuated, hostages, other
    value: int | None
    low: int | None
    high: int | None
    qualifier: str  # exact, at_least, more_than, about, up_to, fewer_than, range, vague
    who: str | None = None
    place: str | None = None
    date: str | None = None
    since: str | None = None
    scope: str = "incident"  # incident, cumulative
    reporter: str | None = None


@dataclass(frozen=True)
class Quote:
    """A direct or reported statement with its speaker and cue."""

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_span: tuple[int, int] | None
    cue: str | None
    direct: bool


@dataclass(frozen=True)
class EventMention:
    """An event as one article tells it."""

    start: int
    end: int
    type: str  # ACLED event type or Strategic developments
    subtype: str | None
    date: str | None
    place: str | None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    killed: int | None = None
    injured: int | None = None


@dataclass(frozen=True)
class Flag:
    """Something a reader should know about an article (e.g. a stale dateline)."""

    kind: str
    detail: str


@dataclass(frozen=True)
class Signal:
    """A loaded or partisan term in an article: a descriptive signal, never a verdict."""

    start: int
    end: int
    text: str
    term: str  # the lexicon entry it matched
    kind: str  # e.g. "victim_framing", "actor_label", "conflict_label"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article with the date it tells about (None when undated)."""

    start: int
    end: int
    text: str
    date: str | None  # YYYY-MM-DD of the day it tells about, when known to the day


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article, each fact with character offsets."""

    article: Article
    times: tuple[TimeMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[EventMention, ...] = ()
    flags: tuple[Flag, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    signals: tuple[Signal, ...] = ()


@dataclass(frozen=True)
class TimelineDate:
    """One date of a timeline with the sentences that tell it and their citations."""

    date: str
    sentences: tuple[str, ...]
    citations: tuple[dict, ...] = field(default_factory=tuple)
