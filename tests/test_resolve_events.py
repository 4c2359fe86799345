"""Tests for resolve.events and resolve.stories: merging mentions across outlets, copies, stories."""

from __future__ import annotations

import dataclasses
from datetime import date

from dateline.records import Article, ArticleFacts, EventMention, PlaceMention
from dateline.resolve.events import merge_events
from dateline.resolve.stories import build_stories, find_copies

TEXT = ("Blinken met Palestinian President Mahmoud Abbas in Ramallah in the occupied West Bank. "
        "Abbas demanded an end to the assault on Gaza and urged the U.S. to act as a peacemaker.")


def facts(aid, published, *events, source="Sample Wire", text=TEXT, places=()):
    art = Article(id=aid, text=text, published=published, origin=aid, source=source)
    return ArticleFacts(article=art, events=tuple(events), places=tuple(places))


def meeting(day, place="Ramallah", actors=("Antony Blinken", "Mahmoud Abbas")):
    return EventMention(0, 40, "Strategic developments", "Meeting", day, place, actors)


RAMALLAH = PlaceMention(0, 0, "Ramallah", "Ramallah", "PS", 31.899, 35.204)
AL_BIREH = PlaceMention(0, 0, "Al-Bireh", "Al-Bireh", "PS", 31.910, 35.216)


def test_events_same_meeting_from_two_outlets_is_one_event():
    found = merge_events([facts("a", date(2023, 11, 5), meeting("2023-11-05"), places=[RAMALLAH]),
                          facts("b", date(2023, 11, 6), meeting("2023-11-05", "Al-Bireh"),
                                source="Demo Daily", places=[AL_BIREH])])
    assert len(found) == 1
    assert [m.source for m in found[0].mentions] == ["Sample Wire", "Demo Daily"]


def test_events_same_place_different_days_stay_apart():
    found = merge_events([facts("a", date(2023, 11, 8), meeting("2023-11-05")),
                          facts("b", date(2023, 11, 30), meeting("2023-11-30"))])
    assert sorted(e.date for e in found) == ["2023-11-05", "2023-11-30"]


def test_events_undated_mentions_weeks_apart_stay_apart():
    found = merge_events([facts("a", date(2023, 11, 8), meeting(None)),
                          facts("b", date(2023, 11, 30), meeting(None))])
    assert len(found) == 2


def test_events_month_joins_one_day_but_never_links_two_days():
    found = merge_events([facts("a", date(2023, 11, 8), meeting("2023-11-05")),
                          facts("b", date(2023, 11, 30), meeting("2023-11-30")),
                          facts("c", date(2023, 12, 2), meeting("2023-11"))])
    assert len(found) == 2 and sum(len(e.mentions) for e in found) == 3


def test_events_far_places_or_other_actors_stay_apart():
    far = PlaceMention(0, 0, "Gaza", "Gaza", "PS", 31.50, 34.46)
    found = merge_events([facts("a", date(2023, 11, 5), meeting("2023-11-05"), places=[RAMALLAH]),
                          facts("b", date(2023, 11, 5), meeting("2023-11-05", "Gaza"), places=[far]),
                          facts("c", date(2023, 11, 5), meeting("2023-11-05", actors=("Netanyahu",)),
                                places=[RAMALLAH])])
    assert len(found) == 3


def test_stories_republication_and_rewrite_point_to_original():
    long = " ".join([TEXT] * 3) + " Talks on aid deliveries continued into the night in Amman."
    rewrite = long.replace("demanded", "called for").replace("urged", "pressed").replace("night", "evening")
    items = [facts("orig", date(2023, 11, 5), text=long),
             facts("copy", date(2023, 11, 6), text=long, source="Aggregator"),
             facts("rw", date(2023, 11, 7), text=rewrite, source="Content Farm"),
             facts("other", date(2023, 11, 7), text="Hezbollah fired rockets at northern Israel "
                   "and the army answered with strikes on villages in southern Lebanon.")]
    copies = find_copies([f.article for f in items])
    assert copies["copy"][:2] == ("orig", "republication")
    assert copies["rw"][0] == "orig"
    assert "other" not in copies and "orig" not in copies
    stories = build_stories(items)
    home = next(s for s in stories if any(a.article_id == "orig" for a in s.articles))
    assert {a.article_id for a in home.articles} >= {"orig", "copy", "rw"}
    assert home.articles[0].article_id == "orig" and home.articles[0].duplicate_of is None


def test_stories_far_apart_in_time_are_two_stories():
    later = ("Months on, Abbas hosted Blinken again in Ramallah; the two spoke about Gaza, "
             "the Palestinian president and the occupied West Bank.")
    items = [facts("a", date(2023, 11, 5)), facts("b", date(2024, 3, 5), text=later)]
    assert find_copies([f.article for f in items]) == {}
    assert len(build_stories(items)) == 2
    assert len(build_stories([items[0], dataclasses.replace(items[1], article=dataclasses.replace(
        items[1].article, published=date(2023, 11, 6)))])) == 1
