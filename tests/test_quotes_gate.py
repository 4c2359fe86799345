"""Quality gate: find_quotes on the PolNeAR dev split (94 docs, ~30 s) must not fall below the measured scores."""

from __future__ import annotations

import pytest

# Measured on PolNeAR dev (2,319 gold attributions) with `python -m dateline.evaluation.quotes`:
# source exact F1 0.652 (P 0.699, R 0.611), content overlap F1 0.815 (P 0.890, R 0.751), minus a
# 0.015 margin. The target (0.85 each) is not reached yet.
FLOORS = {"source_f1": 0.637, "content_f1": 0.800}


@pytest.fixture(scope="module")
def scores(eval_dir):
    dev = eval_dir / "quotes" / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip("quotes/polnear/dev is absent")
    from dateline.evaluation.quotes import score_polnear

    return score_polnear(dev)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_quotes_gate_polnear(scores, measure):
    assert scores[measure] >= FLOORS[measure], scores
