"""Tests for resolve.timeline: day selection, bounds, keywords, de-duplication and citations."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest

from dateline.records import Sentence
from dateline.resolve.timeline import build_timeline

# Two outlets report the same Friday in the West Bank; the second is a light rewrite of the first.
COURIER = ("At least 11 Palestinians were killed by Israeli forces across the West Bank on Friday, "
           "the Palestinian health ministry said. Four of them died in clashes near Tulkarem. "
           "A 14-year-old boy was shot dead near Nablus, the WAFA news agency reported.")
WIRE = ("At least 11 Palestinians were killed by Israeli forces across the West Bank on Friday, "
        "the Palestinian Ministry of Health said. Crowds marched in solidarity with Gaza "
        "and some raised Hamas flags.")
MEETING = ("Blinken met Palestinian President Mahmoud Abbas in the occupied West Bank. "
           "Abbas demanded an end to the assault on Gaza.")


def _sentences(text: str, day: str | None) -> list[Sentence]:
    """Split after each full stop, keeping true character offsets into `text`."""
    return [Sentence(m.start(), m.end(), m.group(), day)
            for m in re.finditer(r"[^\s.][^.]*\.", text)]


def _article(aid: str, source: str, text: str, day: str | None, published="2023-10-14"):
    info = {"id": aid, "source": source, "title": f"{source} report", "published": published,
            "url": f"https://example.org/{aid}"}
    return [(info, s) for s in _sentences(text, day)], text


@pytest.fixture()
def corpus():
    """Three articles: two tell 2023-10-13, one tells 2023-11-05."""
    courier, courier_text = _article("c1", "The Example Courier", COURIER, "2023-10-13")
    wire, wire_text = _article("w1", "Sample Wire", WIRE, "2023-10-13", published=date(2023, 10, 15))
    meet, meet_text = _article("m1", "Demo Daily Monitor", MEETING, "2023-11-05", "2023-11-08")
    texts = {"c1": courier_text, "w1": wire_text, "m1": meet_text}
    return courier + wire + meet, texts


def test_timeline_splitter_keeps_offsets():
    for s in _sentences(COURIER, "2023-10-13"):
        assert COURIER[s.start:s.end] == s.text


def test_timeline_dedups_same_sentence_across_articles(corpus):
    items, _ = corpus
    day = next(d for d in build_timeline(items, per_date=3) if d.date == "2023-10-13")
    killed = [s for s in day.sentences if s.startswith("At least 11 Palestinians")]
    assert len(killed) == 1
    assert len(day.sentences) == 3  # the near-copy gave its place to a distinct sentence


def test_timeline_sorted_by_date_with_per_date_limit(corpus):
    items, _ = corpus
    timeline = build_timeline(items, per_date=1)
    assert [d.date for d in timeline] == ["2023-10-13", "2023-11-05"]
    assert all(len(d.sentences) == 1 == len(d.citations) for d in timeline)


@pytest.mark.parametrize("date_from,date_to,expected", [
    (None, None, ["2023-10-13", "2023-11-05"]),
    (date(2023, 11, 1), None, ["2023-11-05"]),
    (None, date(2023, 10, 31), ["2023-10-13"]),
    (date(2023, 10, 13), date(2023, 10, 13), ["2023-10-13"]),
    (date(2023, 10, 14), date(2023, 11, 4), []),
    ("2023-11-05", "2023-11-30", ["2023-11-05"]),
])
def test_timeline_date_bounds(corpus, date_from, date_to, expected):
    items, _ = corpus
    timeline = build_timeline(items, date_from=date_from, date_to=date_to)
    assert [d.date for d in timeline] == expected


@pytest.mark.parametrize("keywords,expected_dates,must_contain", [
    (("abbas",), ["2023-11-05"], "Abbas"),
    (("TULKAREM", "nablus"), ["2023-10-13"], None),
    (("Hamas flags",), ["2023-10-13"], "Hamas flags"),
    (("Nablu",), [], None),  # a word match, not a substring match
    ((), ["2023-10-13", "2023-11-05"], None),
])
def test_timeline_keywords(corpus, keywords, expected_dates, must_contain):
    items, _ = corpus
    timeline = build_timeline(items, keywords=keywords, per_date=5)
    assert [d.date for d in timeline] == expected_dates
    for day in timeline:
        for sentence in day.sentences:
            if keywords:
                assert any(k.lower() in sentence.lower() for k in keywords)
            if must_contain:
                assert must_contain in sentence


def test_timeline_max_dates_picks_most_reported(corpus):
    items, _ = corpus
    lone = {"id": "x1", "source": "Sample Wire", "title": "t", "published": "2023-11-30", "url": None}
    items = items + [(lone, Sentence(0, 40, "Blinken met Abbas again as his visit ended.", "2023-11-30"))]
    assert [d.date for d in build_timeline(items, max_dates=1)] == ["2023-10-13"]
    assert [d.date for d in build_timeline(items, max_dates=2)] == ["2023-10-13", "2023-11-05"]
    assert build_timeline(items, max_dates=0) == []


def test_timeline_citations_point_back_to_spans(corpus):
    items, texts = corpus
    for day in build_timeline(items, per_date=4):
        for sentence, cite in zip(day.sentences, day.citations, strict=True):
            assert texts[cite["article_id"]][cite["start"]:cite["end"]] == sentence
            assert set(cite) == {"article_id", "source", "title", "url", "published", "start", "end"}
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cite["published"])  # date objects too
            assert cite["url"].endswith(cite["article_id"])


@pytest.mark.parametrize("value", [None, "2023-11", "2023-W45", "P48D", "XXXX-XX-XX", "PRESENT_REF"])
def test_timeline_skips_sentences_not_dated_to_a_day(value):
    info = {"id": "a", "source": "Sample Wire", "title": "t", "published": "2023-11-08", "url": None}
    items = [(info, Sentence(0, 30, "Blinken met Abbas in the West Bank.", value)),
             (info, Sentence(31, 70, "Abbas demanded an end to the assault.", "2023-11-05"))]
    timeline = build_timeline(items, lead=0)
    assert [(d.date, d.sentences) for d in timeline] == [
        ("2023-11-05", ("Abbas demanded an end to the assault.",))]


@pytest.mark.parametrize("lead,expected", [
    (0, set()), (1, {"raided"}), (3, {"raided", "mourners"}),
    (5, {"raided", "mourners", "shops", "roads"})])
def test_timeline_lead_tells_publication_day(lead, expected):
    """An article's first `lead` undated sentences stand for its publication day; later ones do not."""
    info = {"id": "a", "source": "Sample Wire", "title": "t", "published": "2023-11-08", "url": None}
    texts = [("Israeli forces raided the Jenin camp overnight.", None),
             ("Abbas demanded an end to the assault.", "2023-11-05"),
             ("Hundreds of mourners joined the funerals.", None),
             ("Most shops in the city stayed shut.", None),
             ("Army bulldozers tore up the roads around the hospital.", None),
             ("Hospital staff described a shortage of blood.", None)]
    items = [(info, Sentence(i * 60, i * 60 + len(t), t, d)) for i, (t, d) in enumerate(texts)]
    timeline = build_timeline(items, lead=lead, per_date=10)
    told = {d.date: d.sentences for d in timeline}
    assert told["2023-11-05"] == ("Abbas demanded an end to the assault.",)
    found = {w for w in ("raided", "mourners", "shops", "roads", "shortage")
             for s in told.get("2023-11-08", ()) if w in s}
    assert found == expected


@pytest.mark.parametrize("text,usable", [
    ("Israeli forces killed 11 Palestinians across the West Bank on Friday.", True),
    ("\"We will not stop until the hostages are home,\" Netanyahu said on Friday.", False),
    ("I saw the tanks enter the camp on Friday.", False),
    ("What happened in Jenin on Friday?", False),
    ("The US said it would send more aid on Friday.", True),  # "US" is no pronoun
])
def test_timeline_skips_speech_not_reports(text, usable):
    info = {"id": "a", "source": "Sample Wire", "title": "t", "published": "2023-10-14", "url": None}
    items = [(info, Sentence(0, len(text), text, "2023-10-13"))]
    assert bool(build_timeline(items)) is usable
    assert build_timeline(items, skip_speech=False)[0].sentences == (text,)


def test_timeline_max_words_leaves_long_sentences_out():
    info = {"id": "a", "source": "Sample Wire", "title": "t", "published": "2023-10-14", "url": None}
    long = "Israeli forces killed " + "many " * 60 + "people."
    short = "Israeli forces killed 11 people near Jenin."
    items = [(info, Sentence(0, len(long), long, "2023-10-13")),
             (info, Sentence(0, len(short), short, "2023-10-13"))]
    assert build_timeline(items, per_date=2)[0].sentences == (short,)
    assert len(build_timeline(items, per_date=2, max_words=None)[0].sentences) == 2


@pytest.mark.parametrize("text,usable", [
    ("* Oct. 13 -", False),
    ("Updated: Oct. 13, 2023", False),
    ("Gunmen attacked a checkpoint on Oct. 13.", True),
])
def test_timeline_bullets_and_bylines_are_no_lines(text, usable):
    info = {"id": "a", "source": "Sample Wire", "title": "t", "published": "2023-10-14", "url": None}
    assert bool(build_timeline([(info, Sentence(0, len(text), text, "2023-10-13"))])) is usable


def test_timeline_redundancy_prefers_a_new_fact_for_the_second_line():
    """MMR: with the raid told twice in other words, the second line tells the other fact."""
    info = {"id": "a", "source": "Sample Wire", "title": "t", "published": "2023-10-14", "url": None}
    texts = ["Israeli forces raided the Jenin refugee camp, killing four Palestinians.",
             "Four Palestinians were killed when Israeli forces raided the Jenin refugee camp.",
             "In Jenin refugee camp Israeli forces killed four Palestinians during a raid.",
             "Settlers burned cars in Huwara as the raid on the camp went on."]
    items = [(info, Sentence(i * 100, i * 100 + len(t), t, "2023-10-13")) for i, t in enumerate(texts)]
    plain = build_timeline(items, per_date=2, redundancy=0.0)[0].sentences
    varied = build_timeline(items, per_date=2, redundancy=1.0)[0].sentences
    assert texts[3] not in plain
    assert texts[3] in varied


def test_timeline_two_meetings_on_seed_dates_stay_apart(seeds_dir):
    """Seed 002 (dated 8 Nov) and seed 003 (30 Nov) each tell a Blinken-Abbas meeting."""
    items, texts = [], {}
    for name, day in (("002", "2023-11-05"), ("003", "2023-11-30")):
        path = next(seeds_dir.glob(f"{name}_*.txt"))
        text = path.read_text(encoding="utf-8")
        texts[path.stem] = text
        info = {"id": path.stem, "source": f"seed {name}", "title": None,
                "published": text.split()[1], "url": None}
        items += [(info, s) for s in _sentences(text, day) if "Abbas" in s.text]
    timeline = build_timeline(items, keywords=["Blinken"], per_date=1)
    assert [d.date for d in timeline] == ["2023-11-05", "2023-11-30"]
    for day in timeline:
        cite = day.citations[0]
        assert texts[cite["article_id"]][cite["start"]:cite["end"]] == day.sentences[0]
        assert "Abbas" in day.sentences[0]


def test_timeline_handles_many_sentences_quickly():
    """20k sentences over 56 days (a fifth of the 100k target, to spare the shared CPUs)."""
    words = ("killed injured Gaza Jenin Nablus raid strike ministry health camp army forces "
             "hostages aid truce Blinken Abbas Netanyahu Hamas talks border crossing").split()
    items = []
    for i in range(20_000):
        info = {"id": f"a{i // 20}", "source": "Sample Wire", "title": "t",
                "published": "2023-12-01", "url": None}
        text = " ".join(words[(i * k) % len(words)] for k in range(1, 16)) + "."
        items.append((info, Sentence(0, len(text), text, f"2023-{10 + i % 56 // 28}-{1 + i % 28:02d}")))
    started = time.perf_counter()
    timeline = build_timeline(items, per_date=3)
    assert time.perf_counter() - started < 5.0
    assert len(timeline) == 56 and all(d.sentences for d in timeline)


@pytest.mark.parametrize("reprint_published", ["2023-11-20", None])
def test_timeline_credits_first_published_copy(reprint_published):
    """A republication of the same text (sorting first by id) must not take the credit."""
    reprint, _ = _article("a-reprint", "Demo News Aggregator", COURIER, "2023-10-13",
                          published=reprint_published)
    original, _ = _article("z-original", "The Example Courier", COURIER, "2023-10-13")
    timeline = build_timeline(reprint + original, per_date=3)
    assert len(timeline[0].sentences) == 3
    assert {c["article_id"] for c in timeline[0].citations} == {"z-original"}
    assert {c["published"] for c in timeline[0].citations} == {"2023-10-14"}


def _report(aid: str, text: str, day: str | None, published: str):
    """One article of one sentence, dated to `day` (None: undated)."""
    info = {"id": aid, "source": "Sample Wire", "title": "t", "published": published, "url": None}
    return [(info, Sentence(0, len(text), text, day))]


def _recall_corpus():
    """2023-10-20: three same-day reports; 2023-10-13: one same-day report, one recap weeks later."""
    items = []
    for i in range(3):
        items += _report(f"r{i}", "Israeli tanks shelled the outskirts of Beit Hanoun on Friday.",
                         "2023-10-20", "2023-10-20")
    items += _report("q1", "An explosion at the Al-Ahli hospital in Gaza City killed dozens of people.",
                     "2023-10-13", "2023-10-13")
    items += _report("q2", "The hospital blast on October 13 was the deadliest single strike of the month.",
                     "2023-10-13", "2023-11-06")
    return items


def test_timeline_day_recalled_weeks_later_outranks_day_only_reported_then():
    items = _recall_corpus()
    plain = build_timeline(items, max_dates=1, hindsight_weight=0, volume_power=0)
    assert [d.date for d in plain] == ["2023-10-20"]  # three articles against two
    recalled = build_timeline(items, max_dates=1, volume_power=0)
    assert [d.date for d in recalled] == ["2023-10-13"]  # the recap counts 1 + HINDSIGHT_WEIGHT


@pytest.mark.parametrize("recap_published,expected", [
    ("2023-11-06", "2023-10-13"),  # 24 days later: a recollection
    ("2023-10-16", "2023-10-20"),  # 3 days later: still the day's own news, counts once
])
def test_timeline_hindsight_needs_distance(recap_published, expected):
    items = _recall_corpus()[:-1] + _report(
        "q2", "The hospital blast on October 13 drew condemnation across the region.",
        "2023-10-13", recap_published)
    assert [d.date for d in build_timeline(items, max_dates=1, volume_power=0)] == [expected]


def test_timeline_quiet_week_mentions_outweigh_a_busy_weeks():
    """Three of nine articles in a busy week name its day; two of two in a quiet week do."""
    items = []
    for i in range(3):
        items += _report(f"b{i}", "Rockets were fired at Tel Aviv on Saturday, the army said.",
                         "2023-10-07", "2023-10-07")
    for i in range(6):
        items += _report(f"f{i}", "Queues formed outside bakeries in Khan Younis as flour ran short.",
                         None, f"2023-10-0{5 + i % 3}")
    for i in range(2):
        items += _report(f"w{i}", "A ceasefire took hold in Gaza on Wednesday morning.",
                         "2023-12-20", "2023-12-20")
    busy_first = build_timeline(items, max_dates=1, hindsight_weight=0, volume_power=0)
    assert [d.date for d in busy_first] == ["2023-10-07"]
    by_coverage = build_timeline(items, max_dates=1, hindsight_weight=0)
    assert [d.date for d in by_coverage] == ["2023-12-20"]


def test_timeline_background_day_before_the_coverage_gets_no_boost():
    """Two articles recall a 1973 day; three report the covered day: the covered day leads."""
    items = []
    for i in range(3):
        items += _report(f"n{i}", "Troops crossed into northern Gaza on Thursday, the army said.",
                         "2023-11-02", f"2023-11-0{1 + i}")
    for i in range(2):
        items += _report(f"h{i}", "Egypt and Syria attacked Israel on 6 October 1973.",
                         "1973-10-06", "2023-11-02")
    assert [d.date for d in build_timeline(items, max_dates=1)] == ["2023-11-02"]
    assert [d.date for d in build_timeline(items)] == ["1973-10-06", "2023-11-02"]
