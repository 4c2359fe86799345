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
    alt_value: str | None = None  # the value against a better anchor the text itself gives
    alt_anchor: str | None = None  # that better anchor (see Flag "stale_date")


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
    parent: int | None = None  # index, in the article's figures, of the figure this one is a subset of
    mentions: tuple[tuple[int, int], ...] = ()  # (start, end) of every mention of this claim, restatements included
    date_precision: str | None = None  # day, week, month, quarter, season, year, decade of `date`
    date_approx: bool = False  # True when no time expression governs it (article date used)


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
    speaker_role: str | None = None  # role or affiliation stated with the speaker ("of Northwestern University in Qatar")
    speaker_partial: bool = False  # the speaker is never named in full in the article ("Jabarin")
    date: str | None = None  # when it was said: the governing time expression, else the article date
    date_precision: str | None = None
    date_approx: bool = False


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
    date_precision: str | None = None
    date_approx: bool = False


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


# The ArticleFacts fields a run summary and an article listing count.
FACT_KINDS = ("times", "places", "figures", "quotes", "events", "flags")


@dataclass(frozen=True)
class TimelineDate:
    """One date of a timeline with the sentences that tell it and their citations."""

    date: str
    sentences: tuple[str, ...]
    citations: tuple[dict, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Citation:
    """Where a resolved fact was read: the article, its outlet and date, the span in its text."""

    article_id: str
    source: str | None
    published: str | None
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class StoryArticle:
    """An article in a story; a rewrite or republication points to the original it copies."""

    article_id: str
    source: str | None
    published: str | None
    title: str | None
    duplicate_of: str | None = None
    copy_kind: str | None = None  # "republication" or "rewrite"
    similarity: float | None = None  # estimated Jaccard of word 3-shingles with the original


@dataclass(frozen=True)
class Story:
    """Articles about the same story across outlets, first published first."""

    id: str
    label: str  # the story's most telling words
    articles: tuple[StoryArticle, ...]
    first_published: str | None = None
    last_published: str | None = None


@dataclass(frozen=True)
class Event:
    """One event merged from the mentions of several articles, each mention kept with its outlet."""

    id: str
    type: str
    subtype: str | None
    date: str | None  # the most precise date the mentions agree on
    place: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    killed: tuple[tuple[int, str | None], ...]  # (value, outlet) as each mention reports it
    mentions: tuple[Citation, ...]
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class FigureClaim:
    """One reported figure with who reported it, where it was read and the day it stands for."""

    metric: str
    scope: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    victims: str  # normalised victims class ("people", "children", ...)
    area: str | None
    reporter: str | None
    as_of: str | None  # the day the figure tells (incident day, or a cumulative toll's day)
    since: str | None
    citation: Citation


@dataclass(frozen=True)
class FigureSeries:
    """Figures of one metric, scope, victims class and area over time, with their reporters."""

    key: str
    metric: str
    scope: str
    victims: str
    area: str | None
    reporters: tuple[str, ...]
    claims: tuple[FigureClaim, ...]  # by as_of date


@dataclass(frozen=True)
class Contradiction:
    """Figures that do not agree: competing values, a falling toll, a changed metric, a stale toll."""

    kind: str  # competing, decreasing, metric_changed, stale_figure
    detail: str
    claims: tuple[FigureClaim, ...]
    article_id: str | None = None  # the article flagged (stale_figure)
