"""Timeline metrics as tilse computes them: alignment-based ROUGE-1/2 (many-to-one) and date F1.

ROUGE counting follows ROUGE-1.5.5 as tilse calls it (`-n 2 -m -s`, raw counts): a date's
sentences are joined, lowercased, "-" split off, every other character outside [A-Za-z0-9]
made a space; tokens not starting with [a-z0-9$] and the SMART stopwords are dropped; tokens
longer than 3 letters are Porter-stemmed. Bigrams run across sentence joins, as in ROUGE.
Not reproduced: ROUGE's WordNet exception list applied before stemming ("children" -> "child"),
so irregular forms can count slightly differently.

Alignment ("align+ m:1", Martschat & Markert 2017, tilse `evaluate_align_date_content_costs_
many_to_one`): every predicted date is mapped to the reference date of least cost
(1 - 1/(|days| + 1)) * (1 - ROUGE-1 approximation on raw tokens), and every reference date to
its least-cost predicted date; matched counts are weighted by 1/(|days| + 1); unmatched dates
count against precision or recall in full. P and R are micro-averaged over dates.
"""

from __future__ import annotations

import functools
import re
import string
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources

from dateline.evaluation.porter import stem

Timeline = Mapping[date, Sequence[str]]  # date -> its sentences

_NON_WORD = re.compile(r"[^A-Za-z0-9\-]")
_STARTS = re.compile(r"^[a-z0-9$]")


@functools.lru_cache(maxsize=1)
def smart_stopwords() -> frozenset[str]:
    """The SMART common-word list ROUGE-1.5.5 removes with `-s` (shipped in dateline/data)."""
    text = resources.files("dateline").joinpath("data/rouge_smart_stopwords.txt").read_text()
    return frozenset(w.strip() for w in text.splitlines() if w.strip())


def rouge_tokens(sentences: Sequence[str]) -> list[str]:
    """ROUGE-1.5.5 tokens of a summary (see the module docstring)."""
    text = " ".join(sentences).lower().replace("-", " - ")
    stop = smart_stopwords()
    out = []
    for token in _NON_WORD.sub(" ", text).split():
        if token in stop or not _STARTS.match(token):
            continue
        out.append(stem(token) if len(token) > 3 else token)
    return out


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(zip(*(tokens[i:] for i in range(n))))


def rouge_counts(pred: Sequence[str], ref: Sequence[str]) -> dict[str, tuple[int, int, int]]:
    """{"rouge_1": (hits, predicted n-grams, reference n-grams), "rouge_2": (...)}."""
    p_tokens, r_tokens = rouge_tokens(pred), rouge_tokens(ref)
    out = {}
    for n in (1, 2):
        p, r = _ngrams(p_tokens, n), _ngrams(r_tokens, n)
        hits = sum(min(k, r[g]) for g, k in p.items())
        out[f"rouge_{n}"] = (hits, sum(p.values()), sum(r.values()))
    return out


def _approx_rouge1(pred: Sequence[str], ref: Sequence[str]) -> float:
    """tilse's content similarity for alignment: unigram F1 on raw whitespace tokens."""
    p = Counter(t for s in pred for t in s.split() if t not in string.punctuation)
    r = Counter(t for s in ref for t in s.split() if t not in string.punctuation)
    match = sum(min(k, r[t]) for t, k in p.items())
    prec = match / sum(p.values()) if p else 0.0
    rec = match / sum(r.values()) if r else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _cost(d1: date, d2: date, pred: Sequence[str], ref: Sequence[str]) -> float:
    date_factor = 1 - 1 / (abs(d1.toordinal() - d2.toordinal()) + 1)
    return date_factor * (1 - _approx_rouge1(pred, ref))


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def alignment_rouge(pred: Timeline, ref: Timeline) -> dict[str, dict[str, float]]:
    """Alignment-based ROUGE-1/2 (many-to-one, date and content costs): {"rouge_1": {p, r, f}}."""
    pred_dates, ref_dates = sorted(pred), sorted(ref)
    prec_num, prec_den, rec_num, rec_den = Counter(), Counter(), Counter(), Counter()
    costs = {(p, r): _cost(p, r, pred[p], ref[r]) for p in pred_dates for r in ref_dates}
    for p in pred_dates:
        # argmin keeps the first of equal costs, as numpy's argmin does in tilse
        best = min(ref_dates, key=lambda r: costs[(p, r)], default=None)
        counts = rouge_counts(pred[p], ref[best] if best else [])
        weight = 1 / (abs(p.toordinal() - best.toordinal()) + 1) if best else 1.0
        for m, (hits, n_pred, _) in counts.items():
            prec_num[m] += weight * hits
            prec_den[m] += n_pred
    for r in ref_dates:
        best = min(pred_dates, key=lambda p: costs[(p, r)], default=None)
        counts = rouge_counts(pred[best] if best else [], ref[r])
        weight = 1 / (abs(r.toordinal() - best.toordinal()) + 1) if best else 1.0
        for m, (hits, _, n_ref) in counts.items():
            rec_num[m] += weight * hits
            rec_den[m] += n_ref
    out = {}
    for m in ("rouge_1", "rouge_2"):
        p = prec_num[m] / prec_den[m] if prec_den[m] else 0.0
        r = rec_num[m] / rec_den[m] if rec_den[m] else 0.0
        out[m] = {"p": p, "r": r, "f": _f(p, r)}
    return out


def date_scores(pred: Timeline, ref: Timeline) -> dict[str, float]:
    """Date precision, recall and F1 (tilse `evaluate_dates`)."""
    hit = len(set(pred) & set(ref))
    p = hit / len(pred) if pred else 0.0
    r = hit / len(ref) if ref else 0.0
    return {"p": p, "r": r, "f": _f(p, r)}


def average(results: Sequence[dict]) -> dict:
    """Mean P and R over timelines, F from the means (the news-tls report)."""
    out = {}
    for m in ("rouge_1", "rouge_2", "date"):
        p = sum(x[m]["p"] for x in results) / len(results) if results else 0.0
        r = sum(x[m]["r"] for x in results) / len(results) if results else 0.0
        out[m] = {"p": p, "r": r, "f": _f(p, r)}
    return out
