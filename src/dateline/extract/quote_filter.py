"""Judge each tagged quote: a logistic model over the tagger's confidence, cue, source and shape drops unlikely ones."""

from __future__ import annotations

import math

from spacy.tokens import Doc, Token

from dateline.extract.quote_model import model_weights
from dateline.extract.quote_tagger import MARGINALS

MODEL = "data/quotes_filter_model.tsv"
MODELS = {"crf": MODEL, "neural": "data/quotes_filter_model_neural.tsv"}  # per tagger
# What each tagger's filter learnt to predict: the quote overlaps a gold content ("content"), and
# also carries that attribution's gold source ("source": a quote with an unlikely source goes too).
TARGETS = {"crf": "content", "neural": "source"}
# Probability under which a quote is dropped, tuned on every 10th train doc held out (crf .3-.5:
# content F1 within .003; neural .3: source F1 as at .4, content F1 .015 higher).
THRESHOLDS = {"crf": 0.4, "neural": 0.3}
_PRONOUNS = {"i", "we", "you", "he", "she", "they", "it", "who", "which", "that"}


def _tenth(p: float) -> int:
    return min(int(p * 10), 9)


def features(doc: Doc, first: int, last: int, *, cue: Token | None, cue_p: float | None, source: Token | None,
             direct: bool, carried: bool, rule_tags: list[str], src_p: float | None = None) -> list[str]:
    """Feature names of one quote over tokens first..last (inclusive); `src_p` is the source
    ranker's confidence in the source it picked (None: no ranker)."""
    probs = doc.user_data.get(MARGINALS) or [1.0] * len(doc)
    words = [i for i in range(first, last + 1) if not doc[i].is_space] or [first]
    mean = sum(probs[i] for i in words) / len(words)
    low = min(probs[i] for i in words)
    ruled = sum(rule_tags[i] == "C" for i in words) / len(words)
    n = len(words)
    size = "1-2" if n < 3 else "3-5" if n < 6 else "6-12" if n < 13 else "13+"
    if source is None:
        kind = "none"
    else:
        low_src = source.lower_
        kind = f"P:{low_src}" if low_src in _PRONOUNS else f"E:{source.ent_type_}" if source.ent_type_ else f"N:{source.pos_}"
    f = ["bias", f"mean={_tenth(mean)}", f"min={_tenth(low)}", f"mean={_tenth(mean)}|direct={direct}",
         f"rule={round(ruled * 4)}", f"size={size}", f"size={size}|direct={direct}", f"src={kind}",
         f"src={kind[0]}", f"carried={carried}", f"direct={direct}",
         "srcp=none" if src_p is None else f"srcp={_tenth(src_p)}"]
    if src_p is not None:
        f.append(f"srcp={_tenth(src_p)}|src={kind[0]}")
    if cue is not None:
        f += [f"cue={cue.lemma_.lower()}", f"cuepos={cue.pos_}", f"cuep={round((cue_p or 0.0) * 5)}",
              f"cueside={'L' if cue.i < first else 'R' if cue.i > last else 'in'}"]
    else:
        f.append("nocue")
    return f


def weights(tagger: str = "crf") -> dict[str, float] | None:
    """Feature weights learnt on the tagger's output (MODELS), or None when the file is absent."""
    return model_weights(MODELS[tagger])


def probability(feats: list[str], tagger: str = "crf") -> float:
    """The model's probability that a quote with these features is an attribution's content (1 without it)."""
    w = weights(tagger)
    if w is None:
        return 1.0
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def keep(feats: list[str], threshold: float | None = None, tagger: str = "crf") -> bool:
    """Whether the model keeps a quote (always, without the model)."""
    return probability(feats, tagger) >= (THRESHOLDS[tagger] if threshold is None else threshold)
