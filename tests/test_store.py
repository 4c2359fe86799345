"""Tests for the store: round trips, idempotent and atomic writes, drops, search, date bounds."""

from __future__ import annotations

from dataclasses import replace
import re
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from dateline.errors import DatelineError
from dateline.records import (Article, ArticleFacts, Drop, EventMention, Figure, Flag,
                              PlaceMention, Quote, Sentence, TimeMention)
from dateline.store import Store

# Sentences written in the style of the seeds; offsets are computed, never typed in.
STORIES = [
    ("2023-10-13", "Al Jazeera",
     "At least 11 Palestinians were killed by Israeli forces in Jenin on Friday, according to the "
     "Palestinian Ministry of Health. \"We will not leave,\" Mahmoud Abbas said."),
    ("2023-11-07", "Reuters",
     "Israeli air strikes hit the Maghazi camp overnight, killing 9 people, medics said. "
     "Hamas said the strikes targeted homes."),
    ("2023-11-08", "WAFA",
     "Since Saturday, a total of 43 Palestinians have been killed in the West Bank. "
     "Antony Blinken met Netanyahu in Tel Aviv on Wednesday."),
    ("2023-12-01", "AP",
     "The truce ended on Friday and fighting resumed in Khan Younis, killing about 14 people."),
    (None, "Unknown outlet", "Residents of Nablus reported gunfire near the old city."),
]


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _facts(i: int, published: str | None, source: str, body: str) -> ArticleFacts:
    """An ArticleFacts with every kind of fact, built from the sentence's own text."""
    article = Article(id=f"hash{i:03d}", text=body, origin=f"seeds.jsonl:{i + 1}",
                      published=date.fromisoformat(published) if published else None,
                      source=source, url=f"https://news.example/{i}", title=body.split(",")[0])
    parts = re.split(r"(?<=[.\"]) (?=[A-Z\"])", body)
    first = parts[0]
    word = body.split()[0]
    s, e = _span(body, first)
    ws, we = _span(body, word)
    day = published or None
    return ArticleFacts(
        article=article,
        times=(TimeMention(ws, we, word, "DATE", day or "XXXX-XX-XX", mod="APPROX", anchor=day),
               TimeMention(s, e, first, "DURATION", "P48D")),
        places=(PlaceMention(ws, we, word, "Jenin", "PS", 32.46107, 35.30003, 293825, "city",
                             "near"),
                PlaceMention(s, e, first, "Somewhere", kind="area")),
        figures=(Figure(s, e, first, "killed", 11 + i, 11 + i, None, "at_least", who="Palestinians",
                        place="Jenin", date=day, since=None, scope="incident",
                        reporter="Palestinian Ministry of Health"),
                 Figure(s, e, first, "injured", None, 10, 20, "range", scope="cumulative")),
        quotes=(Quote(s, e, first, "Mahmoud Abbas", (ws, we), "said", True),
                Quote(s, e, first, None, None, None, False)),
        events=(EventMention(s, e, "Explosions/Remote violence", "Air/drone strike", day, "Jenin",
                             actors=("Israeli army",), targets=("civilians", "homes"), killed=9),
                EventMention(s, e, "Strategic developments", None, None, None)),
        flags=(Flag("stale_date", f"reports {word} of an earlier week"),),
        sentences=tuple(Sentence(*_span(body, part), part, day if n == 0 else None)
                        for n, part in enumerate(parts)),
    )


@pytest.fixture
def stories() -> list[ArticleFacts]:
    return [_facts(i, *story) for i, story in enumerate(STORIES)]


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'nested' / 'dateline.db'}") as opened:
        yield opened


def test_store_round_trip_every_fact_type(tmp_path, stories):
    url = str(tmp_path / "round.db")  # a plain path works as well as a URL
    with Store.open(url) as store:
        assert store.save_many(stories) == len(stories)
    with Store.open(url) as store:  # read back through a fresh engine
        back = {f.article.id: f for f in store.iter_facts()}
        assert back == {f.article.id: f for f in stories}
        assert store.get_facts(stories[0].article.id) == stories[0]
        assert store.get_facts("no-such-id") is None


def test_store_iter_facts_orders_by_published_undated_last(store, stories):
    store.save_many(list(reversed(stories)))
    published = [f.article.published for f in store.iter_facts()]
    dated = [p for p in published if p is not None]
    assert dated == sorted(dated) and published[-1] is None


def test_store_save_facts_is_idempotent(store, stories):
    assert store.save_facts(stories[0]) is True
    before = store.counts()
    assert store.save_facts(stories[0]) is False
    assert store.counts() == before
    assert store.has_article(stories[0].article.id)
    assert not store.has_article(stories[1].article.id)


def test_store_save_many_skips_stored_and_repeated_ids(store, stories):
    store.save_facts(stories[1])
    batch = [stories[0], stories[1], stories[0], stories[2]]
    assert store.save_many(batch) == 2
    assert store.known_ids(f.article.id for f in stories) == {f.article.id for f in stories[:3]}
    assert store.counts()["articles"] == 3
    assert store.counts()["flags"] == 3


def test_store_interrupted_batch_leaves_no_partial_article(tmp_path, stories):
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    # The third article breaks a NOT NULL column, so the database fails halfway through the
    # batch, after the article rows and some fact rows went in.
    broken = replace(stories[2], figures=(replace(stories[2].figures[0], metric=None),))
    with Store.open(url) as store:
        with pytest.raises(IntegrityError):
            store.save_many([stories[0], stories[1], broken, stories[3]])
        assert store.known_ids(f.article.id for f in stories) == set()
        assert all(n == 0 for k, n in store.counts().items() if k != "drops")
    with Store.open(url) as store:  # the re-run after the crash completes everything once
        assert store.save_many(stories) == len(stories)
        assert store.save_many(stories) == 0
        assert store.counts()["articles"] == len(stories)
        assert store.counts()["sentences"] == sum(len(f.sentences) for f in stories)


def test_store_rerun_after_half_a_run_adds_only_the_rest(tmp_path, stories):
    url = f"sqlite:///{tmp_path / 'half.db'}"
    with Store.open(url) as store:
        store.save_many(stories[:2])
    with Store.open(url) as store:
        assert store.save_many(f for f in stories) == len(stories) - 2
        assert store.counts()["figures"] == sum(len(f.figures) for f in stories)


def test_store_sqlite_connection_settings(store):
    with store._engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_store_foreign_keys_reject_orphan_facts(store):
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        with store._engine.begin() as connection:
            connection.execute(text("INSERT INTO flags (article_id, n, kind, detail) "
                                    "VALUES (:a, 0, 'stale_date', '')"), {"a": "missing"})


def test_store_drops_dedupe_by_origin_and_reason(store):
    run_id = store.start_run(["feeds/"])
    drops = [Drop("feeds/a.jsonl:3", "no_text"), Drop("feeds/a.jsonl:3", "no_text", "again"),
             Drop("feeds/a.jsonl:3", "too_long", "250000 chars"), Drop("feeds/b.csv:9", "no_text")]
    for drop in drops:
        store.save_drop(drop, run_id)
    store.save_drop(drops[0], None)
    assert store.drops() == [drops[0], drops[2], drops[3]]
    assert store.counts()["drops"] == {"no_text": 2, "too_long": 1}


def test_store_runs_keep_their_counts(store):
    run_id = store.start_run(["a.jsonl", "b/"])
    store.finish_run(run_id, {"read": 7, "stored": 4, "already_stored": 2,
                              "dropped": {"no_text": 1, "too_long": 2}})
    with store._engine.connect() as connection:
        row = connection.execute(text("SELECT * FROM runs WHERE id = :id"), {"id": run_id}).one()
    assert (row.read, row.stored, row.skipped_existing, row.dropped) == (7, 4, 2, 3)
    assert row.finished_at >= row.started_at and '"b/"' in row.paths
    assert store.start_run([]) == run_id + 1


@pytest.mark.parametrize("query,needle", [
    ("Maghazi", "Maghazi camp"),
    ("blinken netanyahu", "Antony Blinken met Netanyahu"),
    ("killed Jenin", "in Jenin on Friday"),
    ('"Khan Younis" (fighting* -', "Khan Younis"),  # FTS5 syntax in a query is read as words
])
@pytest.mark.parametrize("fts", [True, False])
def test_store_search_finds_sentence(store, stories, query, needle, fts):
    store.save_many(stories)
    if not fts:
        store._fts = False  # forces the LIKE scan used where FTS5 is missing
    hits = store.search(query, limit=5)
    assert hits and needle in hits[0][1].text
    info, sentence = hits[0]
    assert info["source"] and info["id"].startswith("hash")
    body = store.get_facts(info["id"]).article.text
    assert body[sentence.start:sentence.end] == sentence.text


def test_store_search_misses_and_limits(store, stories):
    store.save_many(stories)
    assert store.search("Rafah") == []
    assert store.search("   ") == []
    assert len(store.search("killed", limit=1)) == 1


@pytest.mark.parametrize("date_from,date_to,expected", [
    (None, None, {"hash000", "hash001", "hash002", "hash003", "hash004"}),
    (date(2023, 11, 7), date(2023, 11, 8), {"hash001", "hash002"}),
    ("2023-11-08", None, {"hash002", "hash003"}),
    (None, "2023-10-13", {"hash000"}),
    (date(2024, 1, 1), None, set()),
])
def test_store_reads_by_date_bounds(store, stories, date_from, date_to, expected):
    store.save_many(stories)
    assert {f.article.id for f in store.iter_facts(date_from, date_to)} == expected
    pairs = list(store.iter_sentences(date_from=date_from, date_to=date_to))
    assert {info["id"] for info, _ in pairs} == expected


def test_store_iter_sentences_pairs_info_with_sentences_in_order(store, stories):
    store.save_many(stories)
    pairs = list(store.iter_sentences())
    assert [s for _, s in pairs] == [s for f in stories for s in f.sentences]
    info, _ = pairs[0]
    article = stories[0].article
    assert info == {"id": article.id, "source": article.source, "title": article.title,
                    "published": article.published, "url": article.url}


def test_store_open_reports_unusable_database(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DatelineError) as caught:
        Store.open(str(blocker / "dateline.db"))
    assert caught.value.code == "E008"


def test_store_open_does_not_wait_for_a_writer(tmp_path, stories):
    """A web request opens the store while `dateline run` holds the write lock: no waiting."""
    import sqlite3
    import threading

    path = tmp_path / "busy.db"
    with Store.open(str(path)) as store:
        store.save_facts(stories[0])
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    released = threading.Event()
    timer = threading.Timer(20, lambda: (released.set(), writer.execute("COMMIT")))
    timer.start()
    try:
        with Store.open(str(path)) as store:
            assert store.has_article(stories[0].article.id)
        assert not released.is_set(), "Store.open waited for the writer's lock"
    finally:
        timer.cancel()
        if not released.is_set():
            writer.execute("COMMIT")
        writer.close()
