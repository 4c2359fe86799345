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


@pytest.mark.parametrize("text,expected", [
    ("Pakistan military", ("Pakistani forces", "state forces")),
    ("the Myanmar army", ("Myanmar forces", "state forces")),
    ("Somali security forces", ("Somali forces", "state forces")),
    ("Ethiopian soldiers", ("Ethiopian forces", "state forces")),
    ("C.A.R. forces", ("Central African Republic forces", "state forces")),
    ("Security forces in Somalia", ("Somali forces", "state forces")),
    ("Haitian police", ("Haitian police", "state forces")),
    ("Kenya", ("Kenyan government", "government")),
    ("Pakistan officials", ("Pakistani government", "government")),
])
def test_actors_national_forces_and_governments(nlp, text, expected):
    from dateline.extract.actors import actor_or_name

    assert actor_or_name(nlp(text)[:]) == expected


def test_actors_bare_force_takes_main_country(nlp):
    from dateline.extract.actors import actor_or_name

    doc = nlp("Haiti's police chief spoke. In Haiti, police said a gang leader was killed.")
    police = next(t for t in doc if t.text == "police" and t.i > 5)
    assert actor_or_name(doc[police.i:police.i + 1]) == ("Haitian police", "state forces")


@pytest.mark.parametrize("text,name,expected", [
    ("In a briefing, Lieutenant General Ahmed Sharif Chaudhry said 18 soldiers died.",
     "Ahmed Sharif Chaudhry", ("Ahmed Sharif Chaudhry", "state forces")),
    ("U.N. Secretary-General Antonio Guterres condemned the attack.", "Antonio Guterres",
     ("Antonio Guterres", "international body")),
    ("Iraqi Prime Minister Mohammed Shia al-Sudani shared the news.", "Mohammed Shia al-Sudani",
     ("Mohammed Shia al-Sudani", "government")),
    ("The man was killed, Frantz Exantus, Haiti's secretary of state for communication, said.",
     "Frantz Exantus", ("Frantz Exantus", "government")),
    ("The leader of the Bring Back Our Girls movement, Florence Ozor, said the fight goes on.",
     "Florence Ozor", ("Florence Ozor", "civil society")),
])
def test_actors_person_typed_by_title(nlp, text, name, expected):
    from dateline.extract.actors import actor_or_name

    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert actor_or_name(span) == expected


@pytest.mark.parametrize("text,expected", [
    ("Gunmen", ("unidentified armed group", "armed group")),
    ("3R rebels", ("3R", "armed group")),
    ("the Village de Dieu gang", ("Village de Dieu gang", "armed group")),
])
def test_actors_groups(nlp, text, expected):
    from dateline.extract.actors import actor_or_name

    assert actor_or_name(nlp(text)[:]) == expected
