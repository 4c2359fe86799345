"""Event triggers: the hand-kept trigger lexicon (`events_triggers.tsv`) and matching a token to it.

Each row maps a lemma (and part of speech) to a trigger class (attack, clash, casualty,
remote, statement, meeting...), an ACLED type and sub-type, with optional "near:" words one
of which must sit beside the token in the parse, and "unless:" words that veto it. Negated
triggers ("did not raid") match nothing.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Token


class Trigger(NamedTuple):
    """One row of the trigger lexicon."""

    lemma: str
    pos: str
    cls: str
    type: str
    subtype: str
    near: tuple[str, ...]
    unless: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[Trigger, ...]]:
    text = resources.files("dateline").joinpath("data", "events_triggers.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    table: dict[str, list[Trigger]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        conds = dict(c.split(":", 1) for c in (row.get("condition") or "").split() if ":" in c)
        near = tuple(conds["near"].split("|")) if "near" in conds else ()
        unless = tuple(conds["unless"].split("|")) if "unless" in conds else ()
        trig = Trigger(row["lemma"], row["pos"], row["class"], row["type"], row["subtype"], near,
                       unless)
        table.setdefault(row["lemma"], []).append(trig)
    return {k: tuple(v) for k, v in table.items()}


def match_trigger(token: Token) -> Trigger | None:
    rows = triggers().get(token.lemma_.lower()) or triggers().get(token.lower_)
    if not rows or token.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    if any(c.dep_ == "neg" for c in token.children):
        return None
    for trig in rows:
        pos_ok = trig.pos == "any" or trig.pos == token.pos_ or (trig.pos == "NOUN" and token.pos_ == "PROPN")
        if pos_ok and (not trig.near or near(token, trig.near)) \
                and not (trig.unless and near(token, trig.unless)):
            return trig
    return None


def near(token: Token, words: tuple[str, ...]) -> bool:
    around = [c.lower_ for c in token.children] + [token.head.lower_, token.head.lemma_.lower()]
    around += [c.lower_ for c in token.head.children if c.i < token.i and c.dep_ in ("amod", "compound")]
    # "exchange of fire", "under fire": the object of the trigger's preposition counts too.
    around += [g.lower_ for c in token.children if c.dep_ in ("prep", "prt", "dobj")
               for g in c.children if g.dep_ in ("pobj", "compound")]
    return any(w.startswith(words) for w in around)


def casualty_token(token: Token) -> bool:
    """Whether `token` is a casualty trigger ("killed", "martyred", "shot")."""
    trig = match_trigger(token)
    return trig is not None and trig.cls == "casualty"
