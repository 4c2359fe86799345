"""Score attribution cues with a small logistic model over parse features (weights in quotes_cue_model.tsv)."""

from __future__ import annotations

import functools
import math
from importlib import resources

from spacy.tokens import Token

from dateline.extract.quote_cues import noun_source, verb_source

THRESHOLD = 0.3  # probability above which a candidate counts as a cue (tuned on held-out train docs)
HUMAN_PRONOUNS = {"i", "we", "you", "he", "she", "they", "who"}
_CHILD_DEPS = {"ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "dative", "advcl", "neg", "aux", "auxpass",
               "agent", "parataxis", "oprd", "npadvmod", "advmod", "mark"}


def source_head(tok: Token) -> Token | None:
    """The head of the candidate's source phrase: a verb's subject, a noun's possessor."""
    if tok.pos_ == "VERB":
        heads = verb_source(tok)
        return heads[0] if heads is not None else None
    if tok.pos_ == "NOUN":
        return noun_source(tok)
    return None


def features(tok: Token, src: Token) -> list[str]:
    """Feature names of one candidate cue token with its source head."""
    lemma, pos = tok.lemma_.lower(), tok.pos_
    low = src.lower_
    if low in HUMAN_PRONOUNS or low in ("which", "that", "it"):
        skind = "P:" + low
    elif src.ent_type_:
        skind = "E:" + src.ent_type_
    else:
        skind = "N:" + src.pos_
    kids = {c.dep_ + (":" + c.lower_ if c.dep_ in ("prep", "mark", "advmod") else "") for c in tok.children
            if c.dep_ in _CHILD_DEPS}
    feats = ["bias", f"L={lemma}|{pos}", f"D={tok.dep_}", f"T={tok.tag_}", f"S={skind}",
             f"L={lemma}|D={tok.dep_}", f"L={lemma}|S={skind[0]}", f"D={tok.dep_}|S={skind}",
             f"H={tok.head.lemma_.lower()}|{tok.dep_}", f"SD={src.dep_}"]
    feats += [f"C={k}" for k in kids]
    feats += [f"L={lemma}|C={k.split(':')[0]}" for k in kids if k.split(":")[0] in ("ccomp", "xcomp", "dobj", "prep")]
    if any(t.text in ("“", '"') for t in tok.sent):
        feats.append("QUOTED_SENT")
    return feats


@functools.lru_cache(maxsize=8)
def model_weights(name: str) -> dict[str, float] | None:
    """Feature weights of a packaged logistic model (a TSV of feature and weight under
    dateline/data/), or None when the file is absent."""
    path = resources.files("dateline").joinpath(name)
    if not path.is_file():
        return None
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            feature, value = line.rsplit("\t", 1)
            out[feature] = float(value)
    return out


def weights() -> dict[str, float]:
    """Feature weights from quotes_cue_model.tsv."""
    return model_weights("data/quotes_cue_model.tsv") or {}


def cue_probability(tok: Token) -> float:
    """The model's probability that a token is an attribution cue (0 when it has no source).

    Kept per document in `doc.user_data`, since the rules and the tagger both ask."""
    cache = tok.doc.user_data.setdefault("dateline.cue_probability", {})
    if tok.i not in cache:
        src = source_head(tok)
        z = sum(weights().get(f, 0.0) for f in features(tok, src)) if src is not None else None
        cache[tok.i] = 0.0 if z is None else 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
    return cache[tok.i]


@functools.lru_cache(maxsize=1)
def not_cues() -> frozenset[str]:
    """Lemmas of physical acts never taken for cues (quotes_not_cues.tsv)."""
    text = resources.files("dateline").joinpath("data/quotes_not_cues.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_cue(tok: Token, threshold: float | None = None) -> bool:
    """Whether the model takes a verb or noun for an attribution cue."""
    if tok.pos_ not in ("VERB", "NOUN") or tok.lemma_.lower() in not_cues():
        return False
    return cue_probability(tok) >= (THRESHOLD if threshold is None else threshold)
