"""Tag attribution sources, cues and contents with the fine-tuned MiniLM (settings: quotes_tagger = "neural")."""

from __future__ import annotations

import functools
from importlib import resources

import numpy as np
from spacy.tokens import Doc

from dateline.extract.quote_tagger import LABELS, MARGINALS, SOURCE_B, SOURCE_I, units
from dateline.extract.wordpiece import WordPiece
from dateline.minilm import MissingModel

ADAPTERS = "data/quotes_neural.npz"
MAX_PIECES = 254  # per sequence, besides [CLS] and [SEP]
_CON = [LABELS.index("B-CON"), LABELS.index("I-CON")]
__all__ = ["ADAPTERS", "MissingModel", "decode", "encoder", "sequences", "set_marginals", "tag_doc", "token_probs",
           "wordpiece"]


@functools.lru_cache(maxsize=1)
def wordpiece() -> WordPiece:
    """The base model's tokenizer."""
    from dateline.minilm import vocabulary

    return WordPiece(vocabulary())


def sequences(doc: Doc, wp: WordPiece | None = None) -> list[tuple[list[int], list[int]]]:
    """The doc as model inputs: consecutive paragraphs packed into sequences of at most MAX_PIECES
    word pieces; each is (piece ids, the doc token index of each piece, -1 after a word's first)."""
    wp = wordpiece() if wp is None else wp
    out: list[tuple[list[int], list[int]]] = []
    ids: list[int] = []
    owners: list[int] = []
    for start, end in units(doc):
        unit_ids, unit_owners = [], []
        for tok in doc[start:end]:
            pieces = () if tok.is_space else wp.pieces(tok.text)
            if pieces:
                unit_ids.extend(pieces)
                unit_owners.extend([tok.i] + [-1] * (len(pieces) - 1))
        if ids and len(ids) + len(unit_ids) > MAX_PIECES:
            out.append((ids, owners))
            ids, owners = [], []
        while len(unit_ids) > MAX_PIECES:  # a paragraph longer than a sequence: cut at a word
            cut = MAX_PIECES
            while cut > 0 and unit_owners[cut] == -1:
                cut -= 1
            cut = cut or MAX_PIECES  # one word longer than a sequence (a long URL) is cut inside
            out.append((unit_ids[:cut], unit_owners[:cut]))
            unit_ids, unit_owners = unit_ids[cut:], unit_owners[cut:]
        ids += unit_ids
        owners += unit_owners
    if ids:
        out.append((ids, owners))
    return out


@functools.lru_cache(maxsize=1)
def encoder():
    """The base MiniLM with the packaged adapters merged in, or None when the adapter file is absent."""
    from dateline.minilm import Encoder, base_weights, merge

    path = resources.files("dateline").joinpath(ADAPTERS)
    if not path.is_file():
        return None
    with np.load(str(path)) as z:
        adapters = {k: z[k] for k in z.files}
    return Encoder(merge(base_weights(), adapters))


def token_probs(doc: Doc, model=None) -> np.ndarray:
    """Label probabilities (len(doc), len(LABELS)) of every token; spaces and sub-word pieces'
    owners take their first piece's scores, tokens with no piece are 'O'."""
    model = encoder() if model is None else model
    wp = wordpiece()
    probs = np.zeros((len(doc), len(LABELS)), dtype=np.float32)
    probs[:, 0] = 1.0
    for ids, owners in sequences(doc, wp):
        scores = model(np.array([wp.cls, *ids, wp.sep]))[1:-1]
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        at = [n for n, o in enumerate(owners) if o >= 0]
        probs[[owners[n] for n in at]] = scores[at]
    return probs


def _allowed() -> np.ndarray:
    """Transition mask: an I- label follows only its own B- or I-."""
    ok = np.ones((len(LABELS), len(LABELS)), dtype=bool)
    for j, to in enumerate(LABELS):
        if to.startswith("I-"):
            ok[:, j] = [frm[2:] == to[2:] and frm != "O" for frm in LABELS]
    return ok


_ALLOWED = _allowed()


def decode(probs: np.ndarray, rows: range) -> list[str]:
    """The most probable well-formed BIO sequence over `rows` of `probs` (Viterbi)."""
    if not len(rows):
        return []
    logp = np.log(probs[rows.start:rows.stop] + 1e-9)
    start_ok = np.array([not lab.startswith("I-") for lab in LABELS])
    score = np.where(start_ok, logp[0], -np.inf)
    back = []
    penalty = np.where(_ALLOWED, 0.0, -np.inf)
    for row in logp[1:]:
        cand = score[:, None] + penalty
        best = cand.argmax(0)
        back.append(best)
        score = cand[best, np.arange(len(LABELS))] + row
    path = [int(score.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return [LABELS[k] for k in reversed(path)]


def set_marginals(doc: Doc, probs: np.ndarray) -> None:
    """Each token's content probability (B-CON + I-CON) to doc.user_data[MARGINALS], for the quote
    filter, and its B-SRC and I-SRC probabilities (SOURCE_B, SOURCE_I), for the source ranker."""
    doc.user_data[MARGINALS] = probs[:, _CON].sum(1).tolist()
    doc.user_data[SOURCE_B] = probs[:, LABELS.index("B-SRC")].tolist()
    doc.user_data[SOURCE_I] = probs[:, LABELS.index("I-SRC")].tolist()


def tag_doc(doc: Doc, model=None) -> list[str] | None:
    """BIO labels (quote_tagger.LABELS) for every token, decoded per paragraph, or None without
    the adapter file; each token's content probability goes to doc.user_data[MARGINALS]."""
    model = encoder() if model is None else model
    if model is None:
        return None
    probs = token_probs(doc, model)
    labels: list[str] = []
    for start, end in units(doc):
        labels.extend(decode(probs, range(start, end)))
    set_marginals(doc, probs)
    return labels
