"""Find loaded or partisan terms (a documented lexicon) in an article: descriptive signals, never a verdict."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc

from dateline.extract.doc_cache import doc_text
from dateline.records import Signal

LEXICON = "slant_lexicon.tsv"


@lru_cache(maxsize=1)
def lexicon() -> list[tuple[str, str, str]]:
    """(term, kind, note) rows of data/slant_lexicon.tsv."""
    rows = []
    for line in files("dateline.data").joinpath(LEXICON).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, kind, note = (line.split("\t") + ["", ""])[:3]
            rows.append((term, kind, note))
    return rows


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, re.Pattern, dict[str, tuple[str, str]]]:
    """One case-insensitive and one case-sensitive alternation; group name -> (term, kind)."""
    loose, strict, names = [], [], {}
    for i, (term, kind, _) in enumerate(lexicon()):
        body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
        body += r"[\w-]*" if term.endswith("*") else ""
        names[f"t{i}"] = (term, kind)
        (strict if term.isupper() else loose).append(rf"(?P<t{i}>\b{body}\b)")
    return (re.compile("|".join(loose), re.I), re.compile("|".join(strict) or r"(?!)"), names)


def find_signals(doc: Doc) -> list[Signal]:
    """Every lexicon term in the article text, in text order, with its offsets and kind.

    Matching is on word boundaries, case-insensitive except for all-capital terms
    ("IOF"); a stem entry ("martyr*") matches its forms ("martyred", "martyrdom").
    Limits: no sense disambiguation — "the resistance of the patient", a quoted
    speaker's words and a court's "genocide" case are signals like any other; the
    reader decides what they mean.
    """
    loose, strict, names = _pattern()
    found, text = [], doc_text(doc)
    for pattern in (loose, strict):
        for m in pattern.finditer(text):
            term, kind = names[m.lastgroup]
            found.append(Signal(start=m.start(), end=m.end(), text=m.group(0), term=term, kind=kind))
    return sorted(found, key=lambda s: s.start)
