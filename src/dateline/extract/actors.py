"""Actors: who acts or suffers in an article, normalised with a small hand-kept lexicon.

`actors_lexicon.tsv` maps surface patterns to a canonical actor and an actor type (state
forces, armed group, militia, political group, government, international body, civil
society, media, civilians). Limits: only lexicon actors are normalised; other people and
organisations keep their surface name (see `actor_or_name`); demonyms alone ("Israeli")
are not actors; "Palestinians" is typed civilians even where they fight.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Doc, Span


class ActorMention(NamedTuple):
    """A lexicon actor found in the text, with character offsets."""

    start: int
    end: int
    text: str
    name: str
    type: str


def _key(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], re.Pattern]:
    """Case-sensitive and case-folded pattern tables, and one regex over all patterns."""
    text = resources.files("dateline").joinpath("data", "actors_lexicon.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    exact: dict[str, tuple[str, str]] = {}
    folded: dict[str, tuple[str, str]] = {}
    parts = []
    for row in sorted(csv.DictReader(lines, delimiter="\t"), key=lambda r: -len(r["pattern"])):
        pattern = _key(row["pattern"])
        value = (row["canonical"], row["type"])
        body = re.escape(pattern).replace(r"\ ", r"\s+")
        # All-capital acronyms must match as written: "US" is not "us", "WHO" is not "who".
        if _is_acronym(pattern):
            exact[pattern] = value
            parts.append(body)
        else:
            folded[pattern.lower()] = value
            parts.append(f"(?i:{body})")
    regex = re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w]|'\w\w)")
    return exact, folded, regex


def _is_acronym(pattern: str) -> bool:
    letters = [c for c in pattern if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


def normalise_actor(text: str) -> tuple[str, str] | None:
    """(canonical name, actor type) for an actor phrase, or None when no pattern is in it.

    The whole phrase is tried first ("the Israeli army's" -> Israeli forces); otherwise the
    longest pattern inside it ("a senior Hamas official" -> Hamas).
    """
    exact, folded, regex = _lexicon()
    key = _strip(_key(text))
    hit = exact.get(key) or folded.get(key.lower())
    if hit:
        return hit
    match = regex.search(key)
    return _value(match.group(0)) if match else None


def _strip(key: str) -> str:
    key = re.sub(r"^(?:the|a|an)\s+", "", key, flags=re.I)
    return re.sub(r"'s?$", "", key)


def _value(surface: str) -> tuple[str, str]:
    exact, folded, _ = _lexicon()
    key = _key(surface)
    return exact.get(key) or folded[re.sub(r"\s+", " ", key.lower())]


def find_actors(doc: Doc | Span) -> list[ActorMention]:
    """Every lexicon actor mentioned in `doc` (offsets into its text), in text order."""
    _, _, regex = _lexicon()
    text = _key_same_length(doc.text)
    out = []
    for match in regex.finditer(text):
        name, kind = _value(match.group(0))
        out.append(ActorMention(match.start(), match.end(), doc.text[match.start():match.end()],
                                name, kind))
    return out


def _key_same_length(text: str) -> str:
    # Curly apostrophes to straight ones, keeping offsets.
    return text.replace("\u2019", "'").replace("\u2018", "'")


def actor_or_name(span: Span) -> tuple[str, str] | None:
    """The lexicon actor in `span`, else a PERSON/ORG/NORP entity's own name, else None."""
    hit = normalise_actor(span.text)
    if hit:
        return hit
    for ent in span.ents:
        if ent.label_ == "PERSON":
            return ent.text, "person"
        if ent.label_ == "ORG":
            return _strip(_key(ent.text)), "organisation"
    return None
