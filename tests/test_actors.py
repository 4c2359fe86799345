"""Tests for actor normalisation with the hand-kept lexicon."""

from __future__ import annotations

import pytest

from dateline.extract.actors import find_actors, normalise_actor


@pytest.mark.parametrize("text,expected", [
    ("Israeli forces", ("Israeli forces", "state forces")),
    ("the IOF", ("Israeli forces", "state forces")),
    ("the Israeli army’s", ("Israeli forces", "state forces")),
    ("Israeli security forces", ("Israeli forces", "state forces")),
    ("the PA security forces", ("Palestinian Authority security forces", "state forces")),
    ("dozens of masked Israeli settlers", ("Israeli settlers", "militia")),
    ("THE Hamas Movement", ("Hamas", "armed group")),
    ("the Islamic Jihad Movement", ("Islamic Jihad", "armed group")),
    ("Fatah", ("Fatah", "political group")),
    ("Breaking the Silence", ("Breaking the Silence", "civil society")),
    ("U.S.", ("United States", "government")),
    ("UNRWA", ("UNRWA", "international body")),
    ("WAFA", ("WAFA", "media")),
    ("Palestinians", ("Palestinians", "civilians")),
    ("the Palestinian Ministry of Health", ("Palestinian Ministry of Health", "government")),
])
def test_actors_normalise(text, expected):
    assert normalise_actor(text) == expected


@pytest.mark.parametrize("text", ["us", "who", "a 14-year-old boy", "the region"])
def test_actors_normalise_rejects_common_words(text):
    assert normalise_actor(text) is None


def test_actors_find_offsets(nlp):
    doc = nlp("Israeli settlers torched cars while the IDF watched, WAFA said.")
    found = find_actors(doc)
    assert [a.name for a in found] == ["Israeli settlers", "Israeli forces", "WAFA"]
    assert all(doc.text[a.start:a.end] == a.text for a in found)
