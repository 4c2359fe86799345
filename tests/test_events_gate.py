"""Quality gate: places, actors and event types on the hand-labelled gold (gold/places_events.jsonl)."""

from __future__ import annotations

import pytest

# Measured with `python -m dateline.evaluation.events` on the 30 gold articles (places 0.980,
# actors 0.931, event-type macro-F1 0.879, direction on matched events: actor 0.562, target
# 0.476), minus 0.02 (0.016 for the type F1).
FLOORS = {"places": 0.960, "actors": 0.911, "event_type_f1": 0.863,
          "direction_actor": 0.542, "direction_target": 0.456}


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


def test_events_gate_direction(scores):
    direction = scores["events"]["direction"]
    assert direction["actor"] >= FLOORS["direction_actor"], direction
    assert direction["target"] >= FLOORS["direction_target"], direction
