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


@pytest.mark.parametrize("text", [
    "According to the ministry, between 7 October and 8 December, at least 17,000 people were killed.",
    "Since the start of hostilities, more than 15,000 people have been killed in the territory.",
    "Some 284 displaced people sheltering in schools have been killed and another 976 injured.",
])
def test_events_tolls_over_a_period_are_no_incidents(nlp, text):
    assert not [e for e in _events(nlp, text) if e.type == "Violence against civilians"]


@pytest.mark.parametrize("text", [
    "Blinken urged Israel to protect civilians before resuming any military operations in Gaza.",
    "Hospitals must not be used to shield military objectives from attack.",
    "Rebels could again attack villages for supplies, residents fear.",
    "Any military operation around hospitals must spare the patients.",
    "The army plans to strike the camp next week.",
])
def test_events_what_may_or_should_happen_is_no_incident(nlp, text):
    assert not [e for e in _events(nlp, text) if e.type != "Strategic developments"]


@pytest.mark.parametrize("text,etype", [
    # A known incident named inside a call or plan is still that incident.
    ("Hamas called on young people to foil the Israeli military operation in Jenin.", "Battles"),
    ("Settlers were allowed to torch villages throughout the West Bank.", "Strategic developments"),
    ("Further clashes with Palestinian armed groups have taken place.", "Battles"),
    ("Plumes of smoke could be seen, and an eyewitness said militants attacked the hotel.", "Battles"),
])
def test_events_real_incident_beside_a_modal_or_call_stays(nlp, text, etype):
    assert etype in {e.type for e in _events(nlp, text)}


@pytest.mark.parametrize("text,actor", [
    ("Mawlawi Hibatullah Akhundzada urged foreign troops to leave the country.", "Hibatullah Akhundzada"),
    ("The Humanitarian Coordinator for the Occupied Palestinian Territory, Lynn Hastings, warned "
     "that no place in Gaza was safe.", "Lynn Hastings"),
])
def test_events_statement_names_the_person_not_the_title(nlp, text, actor):
    assert actor in {a for e in _events(nlp, text) for a in e.actors}


def test_events_toll_with_a_perpetrator_stays(nlp):
    text = "Since Saturday, a total of 43 Palestinians have been killed by Israeli forces."
    assert [e.actors for e in _events(nlp, text)] == [("Israeli forces",)]


def test_events_deaths_follow_the_strike(nlp):
    # No means stated for the deaths: they belong to the strike of the same sentence.
    text = ("On Monday, at least eight people were reportedly killed, including three children, "
            "with many others injured, when a residential building in Rafah was hit.")
    events = _events(nlp, text)
    assert [(e.type, e.subtype) for e in events] == [("Explosions/Remote violence",
                                                      "Air/drone strike")]
    assert events[0].start == 0 or text[events[0].start:].startswith("at least eight")


def test_events_relative_clause_is_its_own_incident(nlp):
    text = "Soldiers killed all six attackers who laid siege to a hotel in the town."
    events = _events(nlp, text)
    starts = sorted(e.start for e in events)
    assert len(events) == 2 and starts[1] >= text.index("who laid")


@pytest.mark.parametrize("text,etype,subtype", [
    ("Four of them blew themselves up when they realized they could not escape.",
     "Explosions/Remote violence", "Suicide bomb"),
    ("Separatist militants took over a passenger train near the town.", "Battles",
     "Non-state actor overtakes territory"),
    ("This followed renewed calls by the Israeli military to evacuate the hospitals.",
     "Strategic developments", "Evacuation order"),
    ("Dozens of Palestinians were injured in violent confrontations with Israeli police.",
     "Riots", "Violent demonstration"),
    ("The gunmen attacked the village and killed twelve residents.",
     "Violence against civilians", "Attack"),
])
def test_events_more_types(nlp, text, etype, subtype):
    assert (etype, subtype) in {(e.type, e.subtype) for e in _events(nlp, text)}


@pytest.mark.parametrize("text,actors,targets", [
    ("Airstrikes and shelling by Israeli forces continued in the south.",
     ("Israeli forces",), ()),
    ("The Pakistan military said it killed 33 BLA fighters.", ("Pakistani forces",), None),
    ("Palestinian armed groups continued to fire rockets into Israel.",
     ("Palestinian armed groups",), ("Israel",)),
    ("Soldiers later killed at least 50 al-Shabab militants in airstrikes.", None,
     ("al-Shabab",)),
])
def test_events_direction(nlp, text, actors, targets):
    event = next(e for e in _events(nlp, text) if e.type != "Strategic developments")
    if actors is not None:
        assert event.actors[:len(actors)] == actors
    if targets is not None:
        assert event.targets[:len(targets)] == targets


def test_events_title_person_speaks(nlp):
    text = ("The leader of the Bring Back Our Girls movement, Florence Ozor, said the campaign "
            "is not over if children can still be kidnapped.")
    statements = [e for e in _events(nlp, text) if e.subtype == "Statement"]
    assert statements and statements[0].actors == ("Florence Ozor",)


def test_events_heading_is_not_part_of_the_clause(nlp):
    text = "KEY POINTS\n\n* On 28 October, the vicinity of the hospital has been bombarded, causing damage."
    event = next(e for e in _events(nlp, text) if e.type == "Explosions/Remote violence")
    assert event.start > text.index("KEY POINTS") + 10


def test_events_gold_context_prefix_skips_an_earlier_occurrence(tmp_path):
    from dateline.evaluation import events_gold

    text = "# KEY POINTS\n\n" + "The Ministry of Health in Gaza said people in Gaza fled. " * 20
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "r.md").write_text(text, encoding="utf-8")
    labels = tmp_path / "labels_x.txt"
    labels.write_text("== figures/r.md\nP [people in ]Gaza = ~31.42,34.36,25\n", encoding="utf-8")
    [record] = events_gold.build(tmp_path, [labels])
    [place] = record["places"]
    assert text[place["start"] - 10:place["end"]] == "people in Gaza"
