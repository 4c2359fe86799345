"""Attribution cues: the mined cue lexicon and the source phrase each cue takes."""

from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Token

# A cue fires when its lexicon row says that, among tokens of this lemma and part of speech
# that had a source phrase, at least MIN_RATE were annotated as cues, seen at least MIN_SEEN times.
MIN_RATE = 0.25
MIN_SEEN = 5
RELATIVE = {"who", "which", "that"}


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, str], tuple[int, int]]:
    """(lemma, VERB|NOUN) -> (times annotated as a cue, times seen with a source) from quotes_cues.tsv."""
    rows = {}
    text = resources.files("dateline").joinpath("data/quotes_cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, pos, cued, seen = line.split("\t")[:4]
        rows[(lemma, pos)] = (int(cued), int(seen))
    return rows


@functools.lru_cache(maxsize=1)
def cue_words(min_rate: float | None = None, min_seen: int | None = None) -> frozenset[tuple[str, str]]:
    """The (lemma, pos) pairs treated as cues (thresholds default to MIN_RATE and MIN_SEEN)."""
    rate = MIN_RATE if min_rate is None else min_rate
    least = MIN_SEEN if min_seen is None else min_seen
    return frozenset(k for k, (cued, seen) in cue_lexicon().items() if seen >= least and cued / seen >= rate)


def verb_source(cue: Token) -> tuple[Token, Token] | None:
    """(mention, referent) heads of a verb cue's source, or None.

    The mention is what the text says ("who", "he", "the group"); the referent is the
    phrase to name the speaker by (the antecedent of "who"). A participle or a second
    verb shares its subject: "Hamas denounced X and said Y", "…, saying that …".
    """
    for child in cue.children:
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVE and cue.dep_ == "relcl":
                return child, cue.head
            return child, child
    for child in cue.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0], objs[0]
    if cue.dep_ in ("conj", "xcomp", "advcl") and cue.head.pos_ in ("VERB", "AUX"):
        if cue.dep_ == "advcl" and any(c.dep_ == "mark" for c in cue.children):
            return None  # "if he says …", "because they believe …": not the main subject's words
        return verb_source(cue.head)
    return None


def noun_source(cue: Token) -> Token | None:
    """The possessor of a nominal cue ("Trump's claim", "the report's finding"), or None."""
    for child in cue.children:
        if child.dep_ == "poss":
            return child
    return None


def in_lexicon(tok: Token) -> bool:
    """Whether a token is in the cue lexicon for its part of speech."""
    pos = "NOUN" if tok.pos_ == "NOUN" else "VERB" if tok.pos_ == "VERB" else None
    return pos is not None and (tok.lemma_.lower(), pos) in cue_words()
