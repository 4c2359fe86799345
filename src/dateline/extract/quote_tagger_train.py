"""Train the attribution tagger (quote_tagger) from parsed documents and their gold Source/Cue/Content spans."""

from __future__ import annotations

import bisect
from pathlib import Path

from spacy.tokens import Doc

from dateline.extract.quote_records import rule_tags
from dateline.extract.quote_tagger import doc_features, units
from dateline.extract.quotes import rule_quotes

ROLES = {"source": "SRC", "cue": "CUE", "content": "CON"}
# L1 2.0 keeps the model small (~2 MB) at the held-out scores of weaker penalties (tuned on every
# 10th train document held out).
PARAMS = {"c1": 2.0, "c2": 0.5, "max_iterations": 150, "feature.possible_transitions": True,
          "feature.minfreq": 3}


def gold_labels(doc: Doc, gold: list[dict]) -> list[str]:
    """BIO labels of each token from gold attributions ({'source'|'cue'|'content': [(start, end), ...]});
    a token belongs to a piece when it starts inside it, each piece opens with a B- label."""
    labels = ["O"] * len(doc)
    starts = [t.idx for t in doc]
    for attribution in gold:
        for role, tag in ROLES.items():
            for s, e in attribution.get(role) or []:
                lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
                inside = [i for i in range(lo, hi) if not doc[i].is_space]
                for n, i in enumerate(inside):
                    labels[i] = ("B-" if n == 0 else "I-") + tag
    return labels


def examples(docs: list[Doc], golds: list[list[dict]]):
    """(features, labels) per paragraph (quote_tagger.units) of every document."""
    for doc, gold in zip(docs, golds):
        labels = gold_labels(doc, gold)
        feats = doc_features(doc, rule_tags(doc, rule_quotes(doc)))
        for (start, end), rows in zip(units(doc), feats):
            yield rows, labels[start:end]


def train_tagger(docs: list[Doc], golds: list[list[dict]], path: Path, params: dict | None = None) -> Path:
    """Train the CRF by L-BFGS (deterministic) and write it to `path`."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for rows, labels in examples(docs, golds):
        trainer.append(rows, labels)
    trainer.set_params({**PARAMS, **(params or {})})
    trainer.train(str(path))
    return path
