"""Tests for the event exports: ACLED-compatible CSV and GeoJSON FeatureCollection."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from dateline.records import Article, ArticleFacts, EventMention, PlaceMention
from dateline.serve.exports_geo import ACLED_COLUMNS, COLUMNS, write_acled, write_geojson

TEXT = "Israeli forces raided Jenin on Tuesday, killing eight. Hamas said it would fight."


def _facts() -> ArticleFacts:
    article = Article(id="abc123", text=TEXT, published=date(2025, 1, 23), origin="t", source="x")
    jenin = PlaceMention(start=22, end=27, text="Jenin", name="Jenin", country="PS",
                         lat=32.46, lon=35.30, geonameid=283506)
    raid = EventMention(start=0, end=53, type="Battles", subtype="Armed clash", date="2025-01-21",
                        place="Jenin", actors=("Israeli forces",), targets=("Palestinians",),
                        killed=8)
    said = EventMention(start=55, end=81, type="Strategic developments", subtype="Statement",
                        date=None, place=None, actors=("Hamas",))
    return ArticleFacts(article=article, places=(jenin,), events=(raid, said))


def test_exports_geo_acled_columns_in_order():
    out = io.StringIO()
    write_acled([_facts()], out)
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(header[:len(ACLED_COLUMNS)]) == (
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction",
        "civilian_targeting", "iso", "location", "latitude", "longitude", "geo_precision",
        "source", "notes", "fatalities")
    assert tuple(header) == COLUMNS and {"injured", "reporter", "article_id", "start", "end"} <= set(header)


def test_exports_geo_acled_one_row_per_event_with_direction():
    out = io.StringIO()
    assert write_acled([_facts()], out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2
    raid = rows[0]
    assert (raid["actor1"], raid["actor2"], raid["fatalities"]) == ("Israeli forces", "Palestinians", "8")
    assert (raid["location"], raid["latitude"], raid["geo_precision"], raid["time_precision"]) == \
        ("Jenin", "32.46", "1", "1")
    assert raid["event_id_cnty"].startswith("PS-") and raid["notes"] == TEXT[0:53]
    assert rows[1]["latitude"] == "" and rows[1]["fatalities"] == "0"


def test_exports_geo_acled_codes_actor_categories_as_the_codebook_does():
    out = io.StringIO()
    write_acled([_facts()], out)
    raid, said = csv.DictReader(io.StringIO(out.getvalue()))
    assert (raid["year"], raid["disorder_type"], raid["inter1"], raid["inter2"]) == \
        ("2025", "Political violence", "State forces", "Civilians")
    assert (raid["interaction"], raid["civilian_targeting"], raid["iso"]) == \
        ("State forces-Civilians", "Civilian targeting", "275")
    assert (said["disorder_type"], said["inter1"], said["interaction"], said["year"]) == \
        ("Strategic developments", "Rebel group", "Rebel group only", "")


def test_exports_geo_geojson_is_a_feature_collection_of_points():
    out = io.StringIO()
    assert write_geojson([_facts()], out) == 1  # the statement has no place: left out
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 1
    feature = data["features"][0]
    assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert (lon, lat) == (35.30, 32.46)
    assert feature["properties"]["event_type"] == "Battles"
    assert "latitude" not in feature["properties"]


def test_exports_geo_geojson_empty_store_is_valid():
    out = io.StringIO()
    assert write_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize("precision,expected", [("day", "1"), ("week", "2"), ("month", "3")])
def test_exports_geo_time_precision_from_event(precision, expected):
    facts = _facts()
    event = facts.events[0]
    object.__setattr__(event, "date_precision", precision)  # as the time extractor will set it
    out = io.StringIO()
    write_acled([facts], out)
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["time_precision"] == expected
