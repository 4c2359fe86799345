"""Actors: who acts or suffers in an article, normalised with a small hand-kept lexicon.

`actors_lexicon.tsv` maps surface patterns to a canonical actor and an actor type (state
forces, armed group, militia, political group, government, international body, civil
society, media, civilians). National forces and governments ("Pakistan military",
"Kenya" as a party) and people typed by their title come from `actors_roles.py`; named
groups ("3R rebels", "Village de Dieu gang") are armed groups. Limits: other organisations
keep their surface name (see `actor_or_name`); demonyms alone ("Israeli") are not actors;
"Palestinians" is typed civilians even where they fight; no coreference.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Doc, Span

from dateline.extract.actors_roles import national_actor, person_actor


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


_GROUP = re.compile(r"^(?:the\s+)?(?P<name>[A-Z0-9][\w'’ -]*?)\s+"
                    r"(?P<noun>gang|rebels|militia|insurgents|fighters)$")


def actor_or_name(span: Span) -> tuple[str, str] | None:
    """The actor `span` names: the lexicon's whole-phrase entry, a national force or
    government ("Pakistan military" -> Pakistani forces), a lexicon actor inside the phrase, a
    named group ("3R rebels"), a person typed by their title, an ORG's own name, else None."""
    hit = party_name(span) or normalise_actor(span.text)
    if hit:
        return hit
    for ent in span.ents:
        if ent.label_ == "PERSON":
            return person_actor(ent, _lexicon_type)
        if ent.label_ == "ORG":
            return _strip(_key(ent.text)), "organisation"
    return None


def party_name(span: Span) -> tuple[str, str] | None:
    """The party a whole noun phrase names: a lexicon entry, a national force or government
    ("the Pakistan military", "C.A.R. forces", a bare "police" in a Haitian story), or a named
    group ("3R rebels"); no search inside the phrase ("the U.S. commitment" is no party)."""
    exact, folded, _ = _lexicon()
    key = _strip(_key(span.text))
    hit = exact.get(key) or folded.get(key.lower()) or national_actor(key, span.doc)
    if hit:
        return hit
    group = _GROUP.match(key)
    if group:
        name = group.group("name")
        return (f"{name} gang" if group.group("noun") == "gang" else name), "armed group"
    return None


def _lexicon_type(text: str) -> str | None:
    _, _, regex = _lexicon()
    match = regex.search(_key(text))
    return _value(match.group(0))[1] if match else None
