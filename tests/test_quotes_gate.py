"""Quality gate: find_quotes on the PolNeAR dev split (94 docs, ~25 s) must not fall below the measured scores."""

from __future__ import annotations

import pytest

# Measured on PolNeAR dev (2,319 gold attributions) with `python -m dateline.evaluation.quotes`, rules
# + CRF tagger (data/quotes_tagger.crfsuite): source exact F1 0.677 (P 0.714, R 0.644), content
# overlap F1 0.849 (P 0.906, R 0.799), minus a 0.015 margin. The target (0.85 each) is not
# reached (content falls 0.001 short, source 0.17).
FLOORS = {"source_f1": 0.662, "content_f1": 0.834}


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
