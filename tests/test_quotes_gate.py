"""Quality gate: find_quotes on the PolNeAR dev split (94 docs) with each tagger must not fall below the measured scores."""

from __future__ import annotations

import pytest

# Measured on PolNeAR dev (2,319 gold attributions) with `python -m dateline.evaluation.quotes [--tagger T]`,
# minus a 0.015 margin:
# - crf (the default): rules + CRF tagger (data/quotes_tagger.crfsuite) + source ranker and quote filter
#   (quotes_source_model.tsv, quotes_filter_model.tsv): source exact F1 0.717 (P 0.745, R 0.690), content
#   overlap F1 0.864 (P 0.900, R 0.831); ~25 s.
# - neural: MiniLM with our adapters (data/quotes_neural.npz) + its own ranker and filter
#   (quotes_*_model_neural.tsv, the ranker also reading the tagger's source probabilities, the filter
#   dropping quotes whose source is unlikely too): source exact F1 0.770 (P 0.805, R 0.739), content
#   overlap F1 0.869 (P 0.913, R 0.830); ~45 s.
# The target (0.85 each) is reached for content, not for source.
FLOORS = {
    ("crf", "source_f1"): 0.702, ("crf", "content_f1"): 0.849,
    ("neural", "source_f1"): 0.755, ("neural", "content_f1"): 0.854,
}
_SCORES: dict[str, dict] = {}


def _scores(eval_dir, tagger: str) -> dict:
    dev = eval_dir / "quotes" / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip("quotes/polnear/dev is absent")
    if tagger not in _SCORES:
        from dateline.evaluation.quotes import score_polnear

        _SCORES[tagger] = score_polnear(dev, tagger=tagger)
    return _SCORES[tagger]


@pytest.mark.parametrize("tagger, measure", sorted(FLOORS))
def test_quotes_gate_polnear(eval_dir, tagger, measure):
    scores = _scores(eval_dir, tagger)
    assert scores[measure] >= FLOORS[tagger, measure], scores
