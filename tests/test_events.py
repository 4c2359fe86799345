"""Tests for event mentions: ACLED types from triggers, actors, targets, place, date, figures."""

from __future__ import annotations

import re

import pytest

from dateline.extract.events import find_events
from dateline.extract.places import find_places
from dateline.records import Figure, Quote, TimeMention


def _events(nlp, text, *, times=(), figures=(), quotes=()):
    doc = nlp(text)
    return find_events(doc, times=list(times), places=find_places(doc), figures=list(figures),
                       quotes=list(quotes), published=None)


@pytest.mark.parametrize("text,etype,subtype", [
    ("Palestinians staged a solidarity march with Gaza in Ramallah.", "Protests", "Peaceful protest"),
    ("Israeli warplanes bombarded Khan Younis overnight.", "Explosions/Remote violence",
     "Air/drone strike"),
    ("The Israeli army launched a large-scale raid on Jenin camp.", "Battles", "Armed clash"),
    ("Dozens of Israeli settlers torched vehicles and homes in the village.",
     "Strategic developments", "Looting/property destruction"),
    ("Israeli forces arrested twelve Palestinians in Hebron.", "Strategic developments", "Arrests"),
    ("Blinken met with Palestinian President Mahmoud Abbas in Ramallah.", "Strategic developments",
     "Meeting"),
    ("Hamas strongly denounced the Palestinian Authority.", "Strategic developments", "Statement"),
])
def test_events_types(nlp, text, etype, subtype):
    assert (etype, subtype) in {(e.type, e.subtype) for e in _events(nlp, text)}


def test_events_clash_with_civilians_is_riot(nlp):
    text = "The day saw clashes between Palestinians and Israeli security forces near Tulkarem."
    event = next(e for e in _events(nlp, text) if e.type == "Riots")
    assert event.subtype == "Violent demonstration"
    assert set(event.actors) == {"Palestinians", "Israeli forces"}
    assert event.place == "Tulkarm"


def test_events_passive_agent_and_victims(nlp):
    text = "At least 11 Palestinians were killed by Israeli security forces across the West Bank on Friday."
    day = text.index("Friday")
    killed = text.index("At least")
    times = [TimeMention(day, day + 6, "Friday", "DATE", "2023-10-13")]
    figures = [Figure(killed, killed + 36, text[killed:killed + 36], "killed", 11, 11, None,
                      "at_least")]
    [event] = _events(nlp, text, times=times, figures=figures)
    assert (event.type, event.subtype) == ("Violence against civilians", "Attack")
    assert event.actors == ("Israeli forces",) and event.targets == ("Palestinians",)
    assert (event.place, event.date, event.killed) == ("West Bank", "2023-10-13", 11)


def test_events_casualty_joins_the_raid_in_its_sentence(nlp):
    text = "At least eight people were martyred and dozens were injured in the IOF raid."
    events = _events(nlp, text)
    assert [(e.type, e.actors) for e in events] == [("Battles", ("Israeli forces",))]


def test_events_meeting_has_both_sides(nlp):
    text = "Blinken had a tense meeting with Palestinian President Mahmoud Abbas in the occupied West Bank."
    event = next(e for e in _events(nlp, text) if e.subtype == "Meeting")
    assert set(event.actors) == {"Antony Blinken", "Mahmoud Abbas"}
    assert event.place == "West Bank"


def test_events_negated_trigger_skipped(nlp):
    assert not [e for e in _events(nlp, "Israeli forces did not raid the camp.")
                if e.type == "Battles"]


def test_events_statement_from_quote_once_per_speaker(nlp):
    text = "'We will resist,' Jabarin said. 'Our nation has a steel will,' he added."
    quotes = [Quote(0, 17, "'We will resist,'", "Jabarin", (18, 25), "said", True),
              Quote(32, 62, text[32:62], "Jabarin", (63, 65), "added", True)]
    statements = [e for e in _events(nlp, text, quotes=quotes) if e.subtype == "Statement"]
    assert [e.actors for e in statements] == [("Jabarin",), ("Jabarin",)]
    assert len({e.start for e in statements}) == 2  # one per sentence, not per cue


def _seed(seeds_dir, prefix):
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return re.sub(r"^\s*date \d{4}-\d\d-\d\d ", "", path.read_text())


@pytest.mark.parametrize("prefix,expected", [
    ("000", [("Protests", "Peaceful protest", "Palestinians"),
             ("Riots", "Violent demonstration", "Israeli forces"),
             ("Violence against civilians", "Attack", "Israeli forces")]),
    ("001", [("Battles", "Armed clash", "Israeli forces"),
             ("Strategic developments", "Looting/property destruction", "Israeli settlers"),
             ("Strategic developments", "Statement", "Hamas"),
             ("Strategic developments", "Statement", "Islamic Jihad"),
             ("Strategic developments", "Statement", "Jabarin")]),
    ("002", [("Strategic developments", "Meeting", "Antony Blinken"),
             ("Strategic developments", "Demand", "Mahmoud Abbas")]),
    ("003", [("Strategic developments", "Meeting", "Benjamin Netanyahu"),
             ("Strategic developments", "Meeting", "Mahmoud Abbas")]),
    ("004", [("Battles", "Armed clash", "Hamas"),
             ("Explosions/Remote violence", "Air/drone strike", "Israeli forces"),
             ("Strategic developments", "Statement", "Benjamin Netanyahu"),
             ("Strategic developments", "Statement", "Hassan Nasrallah")]),
])
def test_events_seeds(nlp, seeds_dir, prefix, expected):
    events = _events(nlp, _seed(seeds_dir, prefix))
    got = {(e.type, e.subtype, a) for e in events for a in e.actors}
    assert set(expected) <= got


@pytest.mark.parametrize("text", [
    "Security forces said they killed six attackers who stormed the hotel.",
    "At least 2,616 people were injured, according to the Ministry of Health.",
    "Officials said the soldiers worked through the night to rescue the elders.",
])
def test_events_attribution_is_no_statement(nlp, text):
    assert not [e for e in _events(nlp, text) if e.subtype == "Statement"]


@pytest.mark.parametrize("text", [
    "UNRWA warned that it will be forced to halt all operations.",
    "Stephane Dujarric said a firm, unified international response was urgently needed.",
    "\u201cThe conflict exposed the darkest depths of human cruelty,\u201d Pedersen said.",
])
def test_events_opinion_is_statement(nlp, text):
    assert [e for e in _events(nlp, text) if e.subtype == "Statement"]


@pytest.mark.parametrize("text", [
    "On 7 December, thirty Palestinians were reportedly killed when a house was hit in Gaza city.",
    "On 2 December, a house in Rafah was hit, reportedly killing seven people and injuring others.",
    "At least nine Palestinians were reportedly killed in a residential building that was hit in Khan Younis.",
])
def test_events_killed_joins_the_strike_it_belongs_to(nlp, text):
    events = _events(nlp, text)
    assert [(e.type, e.subtype) for e in events] == [("Explosions/Remote violence", "Air/drone strike")]
    assert events[0].start <= text.index("kill") < events[0].end


@pytest.mark.parametrize("text,etype,subtype", [
    ("Our soldiers shot dead two militants near the base.", "Battles", "Armed clash"),
    ("At least eight demonstrators were killed by the military on Friday.", "Protests",
     "Excessive force against protesters"),
    ("Rebels attacked nearly 10 villages near the border.", "Violence against civilians", "Attack"),
    ("Exchanges of fire continued in the towns near Gaza.", "Battles", "Armed clash"),
    ("Palestinian armed groups continued to fire rockets into Israel.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Gunmen kidnapped more than 270 schoolgirls in Zamfara state.", "Violence against civilians",
     "Abduction/forced disappearance"),
])
def test_events_acled_semantics(nlp, text, etype, subtype):
    assert (etype, subtype) in {(e.type, e.subtype) for e in _events(nlp, text)}


@pytest.mark.parametrize("text", [
    "The following are among the deadliest attacks reported in the past 24 hours.",
    "Since the pause began, airstrikes and ground clashes have largely ceased.",
    "The cumulative number of Palestinians killed in Gaza has reached 5,791.",
])
def test_events_generic_mentions_are_no_events(nlp, text):
    assert not [e for e in _events(nlp, text) if e.type != "Strategic developments"]
