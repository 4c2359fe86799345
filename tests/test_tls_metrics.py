"""Tests for the Timeline17 metrics: ROUGE-1.5.5 tokens, Porter stems, alignment ROUGE, date F1."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.evaluation.porter import stem
from dateline.evaluation.tls_metrics import alignment_rouge, average, date_scores, rouge_tokens


@pytest.mark.parametrize("word,expected", [
    ("caresses", "caress"), ("ponies", "poni"), ("agreed", "agre"), ("hopping", "hop"),
    ("relational", "relat"), ("generalization", "gener"), ("killed", "kill"),
    ("electricity", "electr"), ("controlling", "control"), ("sky", "sky")])
def test_tls_porter_stems(word, expected):
    assert stem(word) == expected


def test_tls_rouge_tokens_like_rouge155():
    # lowercased, stopwords dropped, "-" split off, words over 3 letters stemmed
    assert rouge_tokens(["The oil-spill was sealed on Sept. 19 ."]) == ["oil", "spill", "seal", "sept", "19"]


D1, D2, D3 = date(2010, 4, 20), date(2010, 4, 21), date(2010, 5, 1)
GOLD = {D1: ["The rig exploded , killing eleven workers ."], D3: ["BP tries a containment dome ."]}


def test_tls_identical_timeline_scores_one():
    scores = alignment_rouge(GOLD, GOLD)
    assert scores["rouge_1"]["f"] == pytest.approx(1.0) and scores["rouge_2"]["f"] == pytest.approx(1.0)
    assert date_scores(GOLD, GOLD)["f"] == 1.0


def test_tls_one_day_off_counts_half():
    pred = {D2: GOLD[D1], D3: GOLD[D3]}
    scores = alignment_rouge(pred, GOLD)
    # 5 unigrams on the day one off (weight 1/2), 3 on the exact day ("tries" is a SMART stopword)
    assert scores["rouge_1"]["f"] == pytest.approx(5.5 / 8)
    assert date_scores(pred, GOLD) == {"p": 0.5, "r": 0.5, "f": 0.5}


def test_tls_average_takes_f_from_mean_p_and_r():
    a = {m: {"p": 1.0, "r": 0.0, "f": 0.0} for m in ("rouge_1", "rouge_2", "date")}
    b = {m: {"p": 0.0, "r": 1.0, "f": 0.0} for m in ("rouge_1", "rouge_2", "date")}
    assert average([a, b])["date"]["f"] == pytest.approx(0.5)
