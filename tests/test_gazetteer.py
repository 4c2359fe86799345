"""Tests for the gazetteer alias index: folding, lookups, alias overrides, fuzzy variants."""

from __future__ import annotations

import pytest

from dateline.extract.gazetteer import fold, fuzzy_lookup, load_gazetteer, lookup


@pytest.mark.parametrize("raw,folded", [
    ("Ţūlkarm", "tulkarm"), ("al-Funduq", "al funduq"), ("Be’eri", "beeri"), ("U.S.", "us"),
])
def test_gazetteer_fold(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize("surface,name,country,kind", [
    ("Jenin", "Jenin", "PS", "city"),
    ("Tulkarem", "Tulkarm", "PS", "city"),
    ("Nablus", "Nablus", "PS", "city"),
    ("Qalqilya", "Qalqilya", "PS", "city"),
    ("al-Funduq", "al-Funduq", "PS", "city"),
    ("West Bank", "West Bank", "PS", "area"),
    ("Gaza Strip", "Gaza Strip", "PS", "area"),
    ("East Jerusalem", "East Jerusalem", "PS", "area"),
    ("Tel Aviv", "Tel Aviv", "IL", "city"),
    ("Lebanon", "Lebanon", "LB", "country"),
    ("Qatar", "Qatar", "QA", "country"),
    ("Israel", "Israel", "IL", "country"),
    ("USA", "United States", "US", "country"),
    ("UK", "United Kingdom", "GB", "country"),
    ("Nir Oz", "Nir Oz", "IL", "city"),
    ("Maghazi", "Maghazi camp", "PS", "camp"),
    ("Balochistan", "Balochistan", "PK", "region"),
    ("Khyber-Pakhtunkhwa", "Khyber Pakhtunkhwa", "PK", "region"),
    ("Shan", "Shan State", "MM", "region"),
    ("Sabra", "Sabra", "PS", "area"),
    ("DRC", "Democratic Republic of the Congo", "CD", "country"),
])
def test_gazetteer_lookup_first_entry(surface, name, country, kind):
    first = lookup(surface)[0]
    assert (first.name, first.country, first.kind) == (name, country, kind)


def test_gazetteer_countries_have_capital_coordinates():
    lebanon = lookup("Lebanon")[0]
    assert lebanon.lat == pytest.approx(33.89, abs=0.1) and lebanon.lon == pytest.approx(35.5, abs=0.1)


def test_gazetteer_homonyms_kept():
    countries = {e.country for e in lookup("Rafah")}
    assert {"PS", "EG"} <= countries


@pytest.mark.parametrize("variant,name", [("Qalqiliya", "Qalqilya"), ("Tulkarim", "Tulkarm"),
                                          ("Khan Younes", "Khan Younis"), ("Nablous", "Nablus")])
def test_gazetteer_fuzzy_spelling_variants(variant, name):
    assert fuzzy_lookup(variant)[0].name == name


@pytest.mark.parametrize("word", ["Hamas", "Abbas", "Washingtonian", "Northwestern"])
def test_gazetteer_fuzzy_rejects_short_or_unknown(word):
    assert fuzzy_lookup(word) == ()


def test_gazetteer_disk_cache_is_reused():
    from dateline.extract import gazetteer

    path = gazetteer._cache_path()
    assert path.exists()  # built by the lookups above
    load_gazetteer.cache_clear()
    assert lookup("Jenin")[0].name == "Jenin"


def test_gazetteer_alias_regions_are_marked_approximate():
    entry = lookup("Zamfara")[0]
    assert entry.approximate and entry.source == "alias" and entry.lat is not None
