"""Quality gate: find_quotes on the PolNeAR dev split (94 docs, ~25 s) must not fall below the measured scores."""

from __future__ import annotations

import pytest

# Measured on PolNeAR dev (2,319 gold attributions) with `python -m dateline.evaluation.quotes`, rules
# + CRF tagger (data/quotes_tagger.crfsuite) + source ranker and quote filter (quotes_source_model.tsv,
# quotes_filter_model.tsv): source exact F1 0.687 (P 0.706, R 0.669), content overlap F1 0.858
# (P 0.894, R 0.826), minus a 0.015 margin. The target (0.85 each) is reached for content,
# not for source (0.16 short).
FLOORS = {"source_f1": 0.672, "content_f1": 0.843}


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
