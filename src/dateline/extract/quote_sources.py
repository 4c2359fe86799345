"""Pick an attribution's source among the phrases the tagger, the parse and the rules offer (a logistic ranker)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.extract.doc_cache import doc_text
from dateline.extract.quote_model import model_weights
from dateline.extract.quote_tagger import SOURCE_B, SOURCE_I

MODEL = "data/quotes_source_model.tsv"
MODELS = {"crf": MODEL, "neural": "data/quotes_source_model_neural.tsv"}  # per tagger
_PRONOUNS = {"i", "we", "you", "he", "she", "they", "it", "who", "which", "that"}


@dataclass
class Candidate:
    """A source phrase on offer: character span, head token, and where it came from (origins)."""

    span: tuple[int, int]
    head: Token
    origins: set[str] = field(default_factory=set)


def offer(found: dict[tuple[int, int], Candidate], span, head: Token, origin: str) -> None:
    """Add a candidate to `found` (span -> Candidate), or add an origin to the one already there."""
    span = (int(span[0]), int(span[1]))
    cand = found.setdefault(span, Candidate(span, head))
    cand.origins.add(origin)


def _tagged_boundaries(doc: Doc, lo: int, hi: int) -> list[str]:
    """How sure the neural tagger is that tokens lo..hi are a source, from its first word to its
    last and no further (its B-SRC and I-SRC probabilities; nothing with the CRF, which sets none)."""
    b, i = doc.user_data.get(SOURCE_B), doc.user_data.get(SOURCE_I)
    if b is None or i is None or hi >= len(b):
        return []
    inside = [b[k] + i[k] for k in range(lo, hi + 1)]
    f = [f"sp_min={round(5 * min(inside))}", f"sp_mean={round(5 * sum(inside) / len(inside))}",
         f"sp_first={round(5 * b[lo])}"]
    if hi + 1 < len(b):
        f.append(f"sp_next={round(5 * i[hi + 1])}")
    if lo > 0:
        f.append(f"sp_prev={round(5 * (b[lo - 1] + i[lo - 1]))}")
    return f


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def rows(doc: Doc, cands: list[Candidate], cue: Token | None, content: tuple[int, int],
         sent_of: list[int]) -> list[tuple[Candidate, list[str]]]:
    """(candidate, features) for every candidate."""
    return [(c, features(doc, c, cue, content, len(cands), sent_of)) for c in cands]


def features(doc: Doc, cand: Candidate, cue: Token | None, content: tuple[int, int], n_cands: int,
             sent_of: list[int]) -> list[str]:
    """Feature names of one candidate for one attribution (cue token, content token range)."""
    head, first, last = cand.head, content[0], content[1]
    anchor = cue.i if cue is not None else first
    toks = doc.char_span(*cand.span, alignment_mode="expand")
    lo, hi = (toks.start, toks.end - 1) if toks is not None and len(toks) else (head.i, head.i)
    side = "L" if hi < anchor else "R" if lo > anchor else "O"
    gap = anchor - hi if side == "L" else lo - anchor if side == "R" else 0
    sents = sent_of[anchor] - sent_of[head.i]
    low = head.lower_
    kind = f"P:{low}" if low in _PRONOUNS else f"E:{head.ent_type_}" if head.ent_type_ else f"N:{head.pos_}"
    origins = sorted(cand.origins)
    f = ["bias", f"os={'+'.join(origins)}", f"side={side}", f"gap={_bucket(gap)}|{side}",
         f"sent={max(min(sents, 2), -2)}", f"kind={kind}", f"hdep={head.dep_}", f"hdep={head.dep_}|{side}",
         f"len={_bucket(hi - lo + 1)}", f"n={min(n_cands, 4)}", f"kind={kind[0]}|os={'+'.join(origins)}"]
    f += [f"o={o}" for o in origins] + [f"o={o}|{side}" for o in origins]
    if cue is not None:
        f.append(f"cue={cue.lemma_.lower()}|{side}")
        if head.head.i == cue.i or head.head.head.i == cue.i:
            f.append(f"governed={head.dep_}")
    else:
        f.append("nocue")
    if lo <= last and first <= hi:
        f.append("in_content")
    f += _tagged_boundaries(doc, lo, hi)
    end_text = doc_text(doc)[cand.span[1] - 1:cand.span[1]]
    if not end_text.isalnum():
        f.append(f"ends={end_text}|{side}")
    if toks is not None and len(toks):
        f.append(f"first={toks[0].lower_ if toks[0].lower_ in ('the', 'a', 'an', 'who', 'according') else toks[0].pos_}")
    return f


def weights(tagger: str = "crf") -> dict[str, float] | None:
    """Feature weights learnt on the tagger's output (MODELS), or None when the file is absent."""
    return model_weights(MODELS[tagger])


def pick(rows: list[tuple[Candidate, list[str]]], tagger: str = "crf") -> tuple[Candidate, float] | None:
    """The best-scoring candidate and its share of the candidates' softmax (None without
    candidates or without the model).

    Limits: it only chooses among the phrases on offer, so a source none of them marks
    exactly (a boundary off by an apposition, a speaker two sentences back) stays wrong."""
    w = weights(tagger)
    if w is None or not rows:
        return None
    scores = [sum(w.get(f, 0.0) for f in feats) for _, feats in rows]
    top = max(range(len(rows)), key=scores.__getitem__)
    return rows[top][0], 1.0 / sum(math.exp(max(s - scores[top], -30.0)) for s in scores)
