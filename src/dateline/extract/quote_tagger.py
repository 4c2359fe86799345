"""Tag attribution sources, cues and contents with a CRF over the parse, stacked on the rule extractor's output."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from importlib import resources

from spacy.tokens import Doc

from dateline.extract.doc_cache import doc_text
from dateline.extract.quote_cues import in_lexicon
from dateline.extract.quote_model import cue_probability, not_cues

MODEL = "data/quotes_tagger.crfsuite"
LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
# Any pair of quote marks, however short: being inside one is a feature, not a decision.
_MARKS = re.compile(r"“[^”]*”|\"[^\"\n]*\"|(?<![\w’'])‘(?:[^’]|’(?=\w))*’(?!\w)")
_QUOTE_CHARS = {"“", "”", '"', "‘", "’", "'"}
MARGINALS = "dateline.quote_content_p"  # doc.user_data key of each token's content probability
# and of its B-SRC, I-SRC probabilities: the neural tagger's only (the CRF's did not help its ranker)
SOURCE_B, SOURCE_I = "dateline.quote_source_b", "dateline.quote_source_i"
SPEECH = {"say", "tell", "add", "according", "ask", "write", "tweet", "argue", "claim", "note", "warn"}


def shape(text: str) -> str:
    """A short word shape: Xx, x, X, d, ... with runs collapsed."""
    out = []
    for ch in text[:12]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def cue_candidates(doc: Doc) -> dict[int, float]:
    """Token index -> cue probability for verbs and nouns the cue model or the speech lexicon likes."""
    out = {}
    skip = not_cues()
    for tok in doc:
        if tok.lower_ == "according":
            out[tok.i] = 1.0
        elif tok.pos_ in ("VERB", "NOUN") and tok.lemma_.lower() not in skip:
            p = cue_probability(tok)
            if p >= 0.1 or in_lexicon(tok) or tok.lemma_.lower() in SPEECH:
                out[tok.i] = max(p, 0.1)
    return out


def _cue_path(i: int, heads: list[int], deps: list[str], cands) -> tuple[str, int | None]:
    """How token i hangs from its nearest cue ancestor: 'self', or the dependency of the branch it is in."""
    if i in cands:
        return "self", i
    below, node = i, heads[i]
    for _ in range(12):
        if node in cands:
            return deps[below], node
        if heads[node] == node:
            break
        below, node = node, heads[node]
    return "none", None


def _quoted(doc: Doc, starts: list[int]) -> set[int]:
    """Indices of tokens inside a pair of quote marks (`starts`: each token's character offset)."""
    inside: set[int] = set()
    for m in _MARKS.finditer(doc_text(doc)):
        lo, hi = bisect_left(starts, m.start() + 1), bisect_left(starts, m.end() - 1)
        inside.update(range(lo, hi))
    return inside


def doc_features(doc: Doc, rule_tags: list[str], cands: dict[int, float] | None = None) -> list[list[list[str]]]:
    """Feature lists for every token, grouped by paragraph (units); `rule_tags` is the rule extractor's
    S/K/C/O (source, cue, content, other) for each token of the doc, `cands` its cue_candidates."""
    cands = cue_candidates(doc) if cands is None else cands
    strong = {i: p for i, p in cands.items() if p >= 0.5 or rule_tags[i] == "K"}
    # Plain lists read in one pass: spaCy builds a Token object on every access.
    toks = list(doc)
    heads, deps = [t.head.i for t in toks], [t.dep_ for t in toks]
    lemmas, texts = [t.lemma_.lower() for t in toks], [t.text for t in toks]
    lows, poss, tags = [t.lower_ for t in toks], [t.pos_ for t in toks], [t.tag_ for t in toks]
    ents, spaces = [t.ent_type_ or "-" for t in toks], [t.whitespace_ for t in toks]
    quoted = _quoted(doc, [t.idx for t in toks])
    sentence = [(0, 0)] * len(toks)
    for sent in doc.sents:
        sentence[sent.start:sent.end] = [(sent.start, sent.end)] * (sent.end - sent.start)
    in_sentence: dict[int, tuple[list[int], list[str]]] = {}  # sentence start -> cues, features

    def token_features(i: int) -> list[str]:
        dep, lemma, tag, pos = deps[i], lemmas[i], rule_tags[i], poss[i]
        path, cue = _cue_path(i, heads, deps, cands)
        path2, cue2 = _cue_path(i, heads, deps, strong)
        prob, up = cands.get(i), heads[i]
        f = [f"w={lows[i]}", f"l={lemma}", f"p={pos}", f"t={tags[i]}", f"d={dep}",
             f"s={shape(texts[i])}", f"hd={lemmas[up]}|{dep}", f"hp={poss[up]}|{dep}",
             f"e={ents[i]}", f"a={path}", f"r={tag}",
             f"a={path}|r={tag}", f"a={path}|p={pos}", f"b={path2}|r={tag}",
             f"b={path2}|{'L' if cue2 is not None and i < cue2 else 'R'}"]
        chain = f"{dep}>{deps[up]}>{deps[heads[up]]}"
        f += [f"ch={chain}", f"ch={chain}|{path2}"]
        if cue2 is not None and cue2 != i:
            gap = abs(i - cue2)
            f += [f"bl={lemmas[cue2]}|{path2}", f"bd={min(gap, 8) if gap < 8 else 8 + (gap > 20)}|{path2}"]
        if cue is not None and cue != i:
            f += [f"al={lemmas[cue]}|{path}", f"aside={'L' if i < cue else 'R'}|{path}"]
        if prob is not None:
            f += [f"cp={round(prob * 5)}", f"cl={lemma}|{round(prob * 5)}"]
        if i in quoted:
            f += ["inq", f"inq|a={path}"]
        if texts[i] in _QUOTE_CHARS:
            f.append("qmark")
        if i > 0 and "\n" in spaces[i - 1] + texts[i - 1]:
            f.append("para")
        start, end = sentence[i]
        if start not in in_sentence:
            near = sorted(j for j in range(start, end) if j in cands)
            in_sentence[start] = (near, [f"hascue={bool(near)}",
                                         f"rulecue={'K' in rule_tags[start:end]}"])
        near, sent_feats = in_sentence[start]
        for off in (-2, -1, 1, 2):
            j = i + off
            if start <= j < end:
                f += [f"{off}w={lows[j]}", f"{off}p={poss[j]}", f"{off}r={rule_tags[j]}"]
            else:
                f.append(f"{off}edge")
        f += [f"{rule_tags[i - 1] if i > start else '^'}>{rule_tags[i]}", *sent_feats]
        if near:
            k = min(near, key=lambda k: abs(k - i))
            f.append(f"cueside={'L' if i < k else 'R' if i > k else '0'}|{poss[i]}")
        return f

    return [[token_features(i) for i in range(start, end)] for start, end in units(doc)]


def units(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges tagged as one sequence: paragraphs (split at line breaks), so that a quote
    running over sentences is one chain."""
    out, start = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
            out.append((start, tok.i + 1))
            start = tok.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


@functools.lru_cache(maxsize=1)
def tagger():
    """The trained CRF (quotes_tagger.crfsuite), or None when the file is absent."""
    import pycrfsuite

    path = resources.files("dateline").joinpath(MODEL)
    if not path.is_file():
        return None
    t = pycrfsuite.Tagger()
    t.open(str(path))
    return t


def tag_doc(doc: Doc, rule_tags: list[str], cands: dict[int, float] | None = None, *, crf=None) -> list[str] | None:
    """BIO labels (LABELS) for every token of the doc, or None without a model (`crf`: another
    pycrfsuite.Tagger than the shipped one). Each token's content probability (B-CON + I-CON
    marginals) goes to doc.user_data[MARGINALS] for the quote filter."""
    crf = tagger() if crf is None else crf
    if crf is None:
        return None
    labels: list[str] = []
    probs: list[float] = []
    for rows in doc_features(doc, rule_tags, cands):
        if not rows:
            continue
        labels.extend(crf.tag(rows))
        probs.extend(crf.marginal("B-CON", t) + crf.marginal("I-CON", t) for t in range(len(rows)))
    doc.user_data[MARGINALS] = probs
    doc.user_data.pop(SOURCE_B, None)  # a neural tagging of the same doc must not reach the CRF's ranker
    doc.user_data.pop(SOURCE_I, None)
    return labels
