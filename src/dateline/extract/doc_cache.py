"""Per-document values read once: spaCy rebuilds `doc.text` and `doc.ents` on every access."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span


def _cached(doc: Doc, key: str, build: Callable[[Doc], object]):
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = build(doc)
    return found


def doc_text(doc: Doc) -> str:
    """The document's text (built once, then kept in `doc.user_data`)."""
    return _cached(doc, "dateline.text", lambda d: d.text)


def entities(doc: Doc) -> tuple[Span, ...]:
    """The document's named entities (built once)."""
    return _cached(doc, "dateline.ents", lambda d: tuple(d.ents))


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity covering token `i`, if any."""
    index = _cached(doc, "dateline.ent_at", lambda d: {k: e for e in entities(d)
                                                          for k in range(e.start, e.end)})
    return index.get(i)
