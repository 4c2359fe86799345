"""Quality gate for figures: toll headlines, NYT casualty sentences and OCHA reports against the MoH series."""

from __future__ import annotations

import pytest

# Measured on the full files (see the closing report of issue 4), minus a margin of about 0.015.
FLOORS = {"headlines_exact": 0.97, "sentences_found": 0.97, "sentences_side": 0.875, "ocha_toll": 0.91}


@pytest.fixture(scope="module")
def figures_eval(eval_dir):
    path = eval_dir / "figures"
    if not path.is_dir():
        pytest.skip("figures eval data absent")
    return path


def test_figures_gate_headlines(figures_eval):
    from dateline.evaluation.figures import score_headlines

    assert score_headlines(figures_eval / "headlines" / "death-toll.dev.tsv")["exact"] >= FLOORS["headlines_exact"]


def test_figures_gate_casualty_sentences(figures_eval):
    from dateline.evaluation.figures import score_casualty_sentences

    scores = score_casualty_sentences(figures_eval / "casualty_sentences")
    assert scores["recall"] >= FLOORS["sentences_found"], scores["recall"]
    assert scores["side_accuracy"] >= FLOORS["sentences_side"], scores["side_accuracy"]


def test_figures_gate_ocha_toll_matches_the_series(figures_eval):
    from dateline.evaluation.ocha import score_ocha

    scores = score_ocha(figures_eval / "ocha", figures_eval / "techforpalestine" / "casualties_daily.json")
    assert scores["stating"] >= 40  # the rule still finds the reports that state the toll
    assert scores["share"] >= FLOORS["ocha_toll"], scores["misses"]
