"""Quality gate: places, actors and event types on the hand-labelled gold (gold/places_events.jsonl)."""

from __future__ import annotations

import pytest

# Measured with `python -m dateline.evaluation.events` on the 30 gold articles (places 0.804,
# actors 0.626, event-type macro-F1 0.747), minus 0.02.
FLOORS = {"places": 0.784, "actors": 0.606, "event_type_f1": 0.727}


@pytest.fixture(scope="module")
def scores(eval_dir, nlp):
    from dateline.evaluation.events import score

    return score(eval_dir, nlp=nlp)


def test_events_gate_gold_size(scores):
    assert scores["articles"] >= 30 and scores["places"]["gold"] >= 100


def test_events_gate_places_resolved(scores):
    assert scores["places"]["right"] >= FLOORS["places"], scores["places"]


def test_events_gate_actor_normalisation(scores):
    assert scores["actors"]["right"] >= FLOORS["actors"], scores["actors"]


def test_events_gate_event_type_macro_f1(scores):
    assert scores["events"]["type_macro_f1"] >= FLOORS["event_type_f1"], scores["events"]
