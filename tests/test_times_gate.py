"""Quality gate: find_times on TempEval-3 TBAQ must not fall below the measured scores."""

from __future__ import annotations

import pytest

# Measured on TBAQ-cleaned (256 files, 1,822 gold timexes), minus a 0.01 margin.
FLOORS = {"relaxed": 0.903, "strict": 0.818, "value": 0.759}


@pytest.fixture(scope="module")
def scores(eval_dir, nlp):
    tbaq = eval_dir / "timex" / "tbaq"
    if not tbaq.is_dir():
        pytest.skip("timex/tbaq is absent")
    from dateline.evaluation.timex import score

    return score(tbaq, nlp=nlp)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_times_gate_f1(scores, measure):
    assert scores[measure]["f1"] >= FLOORS[measure], scores[measure]


def test_times_gate_type_accuracy(scores):
    assert scores["type_accuracy"] >= 0.94
