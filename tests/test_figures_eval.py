"""Quality gate for figures on the death-toll headlines (read in place) and the casualty-sentence rule."""

import pytest

from dateline.evaluation.figures import mentions_dead_count, score_headlines


@pytest.mark.parametrize("sentence,expected", [
    ("Hamas overwhelmed the border, killing more than 1,300 people.", True),
    ("The death toll in Gaza rose to 2,670 on Monday.", True),
    ("Mr. Saar, 25, said that many soldiers died in front of him.", False),
    ("The attack was the deadliest since 1973.", False),
])
def test_figures_eval_dead_count_rule(sentence, expected):
    assert mentions_dead_count(sentence) is expected


def test_figures_eval_headlines_gate(eval_dir):
    path = eval_dir / "figures" / "headlines" / "death-toll.dev.tsv"
    if not path.exists():
        pytest.skip("headlines file absent")
    assert score_headlines(path)["exact"] >= 0.95
