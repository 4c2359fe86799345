"""Events: ACLED-typed event mentions from trigger words over the dependency parse.

One event per trigger clause (`events_triggers.tsv`: lemma -> class, type, subtype, with a
"near:" condition). Actors come from the trigger's subject, a "by" agent, a possessive or
compound ("Hamas attack", "IOF raid"), or the subject of the verb that governs a trigger
noun ("the army launched an attack"); targets from the object, a passive subject, or "on" /
"against" phrases naming actors. Place, day-precision date, killed and injured come from the
other extractors' records in the same sentence. Statements also come from quotes: one per
distinct speaker per sentence, unless the sentence already has one or the cue only
attributes (`events_rules.py`: attribution, generic mentions, casualty links). Limits:
pronoun subjects resolve only to an actor named earlier in the same sentence; negated or hypothetical events ("could spread") are not told
apart beyond skipping negated verbs; one sentence may yield several events of one incident.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import replace
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from dateline.extract.actors import actor_or_name, find_actors, normalise_actor
from dateline.extract.events_rules import (KILLING, REPORTING, attribution_only, cumulative, generic_mention,
                                           linked_violent, victims_kind)
from dateline.records import EventMention, Figure, PlaceMention, Quote, TimeMention

VIOLENT = {"attack", "clash", "casualty", "remote"}
ARMED = {"state forces", "armed group", "militia"}
CIVILIAN = {"civilians"}
# An adjective before a violent noun names the side: "Israeli bombardment".
DEMONYM_FORCES = {"israeli": ("Israeli forces", "state forces")}
ROLE_NOUNS = {"official", "spokesman", "spokesperson", "spokeswoman", "leader", "member",
              "commander", "minister", "source", "statement", "representative", "chief"}
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


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
def _triggers() -> dict[str, tuple[Trigger, ...]]:
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


def find_events(doc: Doc, *, times: list[TimeMention], places: list[PlaceMention],
                figures: list[Figure], quotes: list[Quote], published=None) -> list[EventMention]:
    """Event mentions of `doc` in text order (see the module docstring for the rules)."""
    events: list[EventMention] = []
    for sent in doc.sents:
        context = _facts(sent, times, places, figures)
        events.extend(_sentence_events(sent, context))
    events.extend(_quote_statements(doc, quotes, events, times, places))
    return sorted(events, key=lambda e: (e.start, e.end))


class _SentenceFacts(NamedTuple):
    """The other extractors' records that lie in one sentence."""

    sent: Span
    times: list[TimeMention]
    places: list[PlaceMention]
    figures: list[Figure]


def _facts(sent: Span, times, places, figures) -> _SentenceFacts:
    def inside(items):
        return [x for x in items if sent.start_char <= x.start < sent.end_char]

    return _SentenceFacts(sent, inside(times), inside(places), inside(figures))


def _sentence_events(sent: Span, facts: _SentenceFacts) -> list[EventMention]:
    out: list[tuple[EventMention, str, Token]] = []
    seen_speakers: set[str] = set()
    for token in sent:
        trig = _match(token)
        if trig is None or generic_mention(token) or _told_by_verb(token, trig) \
                or (trig.cls == "casualty" and cumulative(token)):
            continue
        actors, targets = _participants(token, trig)
        if trig.cls in ("statement", "demand"):
            actors = actors or _speaker_phrase(token)
            if not actors:
                continue  # an unattributed "said" is no statement event
        if trig.cls == "statement":
            if attribution_only(token) or actors[0] in seen_speakers or any(
                    e.actors[:1] == actors[:1] and e.subtype == "Demand" for e, _, _ in out):
                continue
            seen_speakers.add(actors[0])
        etype, subtype = _classify(trig, actors, targets, sent, token)
        event, cls = _event(token, etype, subtype, actors, targets, facts, cls=trig.cls)
        out.append((event, cls, token))
    return _join_casualties(out)


def _join_casualties(out: list[tuple[EventMention, str, Token]]) -> list[EventMention]:
    """A "killed"/"martyred" linked in the parse to a raid or strike of its sentence tells the
    same incident: it widens that event's span and adds its victims, not a second event."""
    violent = {tok.i: i for i, (e, cls, tok) in enumerate(out) if cls != "casualty" and _violent(e)}
    tokens = [tok for _, _, tok in out]
    events = [e for e, _, _ in out]
    loose: list[int] = []
    for i, (event, cls, tok) in enumerate(out):
        if cls != "casualty":
            continue
        link = linked_violent(tok, [tokens[j] for j in violent.values()]) if violent else None
        if link is None:
            loose.append(i)
            continue
        j = violent[link.i]
        host = events[j]
        events[j] = replace(host, start=min(host.start, event.start), end=max(host.end, event.end),
                            actors=_unique((*host.actors, *event.actors)),
                            targets=_unique((*host.targets, *event.targets)))
    loose = [i for i in loose if not _conjunct_linked(out[i][2], out, violent)]
    # "300 were injured" with nobody named acting: a toll, not an incident of its own.
    loose = [i for i in loose if events[i].actors or out[i][2].lemma_.lower() in KILLING]
    kept = [e for i, e in enumerate(events) if out[i][1] != "casualty"]
    if loose and not violent:  # "killed and injured by X": one event, both verbs' parties
        first = events[loose[0]]
        kept.append(replace(first, actors=_unique(a for i in loose for a in events[i].actors),
                            targets=_unique(t for i in loose for t in events[i].targets)))
    elif loose:  # a casualty the parse ties to nothing: its own incident
        kept.extend(events[i] for i in loose)
    return kept


def _conjunct_linked(token: Token, out, violent: dict[int, int]) -> bool:
    """"X were killed, and others injured in a building that was hit": the conjunct's link
    holds for both verbs."""
    tokens = [tok for _, _, tok in out]
    return any(linked_violent(c, [tokens[j] for j in violent.values()]) is not None
               for c in token.conjuncts if casualty_token(c))


def _told_by_verb(token: Token, trig: Trigger) -> bool:
    """"Strikes hit UNRWA facilities": the noun and its verb tell one incident; the verb's
    event (whose clause holds the noun) stands for both."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    head = _match(token.head) if token.head.i != token.i else None
    return head is not None and head.cls in VIOLENT and trig.cls in VIOLENT and head.cls != "casualty"


def _speaker_phrase(token: Token) -> tuple[str, ...]:
    """A statement's subject outside the actor lexicon ("The U.N. special envoy")."""
    for child in token.children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
            words = [t for t in _phrase(child) if t.lower_ not in ("the", "a", "an")]
            if words:
                return (child.doc[words[0].i:child.i + 1].text,)
    return ()


def casualty_token(token: Token) -> bool:
    """Whether `token` is a casualty trigger ("killed", "martyred", "shot")."""
    trig = _match(token)
    return trig is not None and trig.cls == "casualty"


def _violent(event: EventMention) -> bool:
    return event.type in ("Battles", "Violence against civilians", "Explosions/Remote violence")


def _match(token: Token) -> Trigger | None:
    rows = _triggers().get(token.lemma_.lower()) or _triggers().get(token.lower_)
    if not rows or token.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    if any(c.dep_ == "neg" for c in token.children):
        return None
    for trig in rows:
        pos_ok = trig.pos == "any" or trig.pos == token.pos_ or (trig.pos == "NOUN" and token.pos_ == "PROPN")
        if pos_ok and (not trig.near or _near(token, trig.near)) \
                and not (trig.unless and _near(token, trig.unless)):
            return trig
    return None


def _near(token: Token, words: tuple[str, ...]) -> bool:
    around = [c.lower_ for c in token.children] + [token.head.lower_, token.head.lemma_.lower()]
    around += [c.lower_ for c in token.head.children if c.i < token.i and c.dep_ in ("amod", "compound")]
    # "exchange of fire", "under fire": the object of the trigger's preposition counts too.
    around += [g.lower_ for c in token.children if c.dep_ in ("prep", "prt", "dobj")
               for g in c.children if g.dep_ in ("pobj", "compound")]
    return any(w.startswith(words) for w in around)


def _participants(token: Token, trig: Trigger) -> tuple[tuple[str, ...], tuple[str, ...]]:
    actors: list[str] = []
    targets: list[str] = []
    for child in token.children:
        dep = child.dep_
        if dep in ("nsubj", "poss", "compound", "amod"):
            actors += _names(child, violent=trig.cls in VIOLENT)
        elif dep == "agent":
            actors += [n for p in child.children if p.dep_ == "pobj" for n in _names(p)]
        elif dep in ("dobj", "nsubjpass"):
            targets += _names(child)
        elif dep == "prep":
            _prep_participants(child, trig, actors, targets)
    if token.pos_ == "VERB" and not actors:
        # "killed and injured by Israeli forces": the agent sits on the last conjunct.
        actors += [n for v in token.conjuncts for c in v.children if c.dep_ == "agent"
                   for p in c.children if p.dep_ == "pobj" for n in _names(p)]
    if token.pos_ in ("NOUN", "PROPN"):
        actors += _noun_governor_actors(token, trig, bool(actors))
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    if not actors and not passive and token.pos_ == "VERB" \
            and token.dep_ in ("xcomp", "ccomp", "advcl", "conj"):
        actors += [n for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")
                   for n in _names(c)]
    if not actors and any(_is_pronoun(c) for c in token.children if c.dep_ in ("nsubj", "poss")):
        actors = _earlier_actor(token, trig)
    return _unique(actors), _unique(t for t in targets if t not in actors)


def _noun_governor_actors(token: Token, trig: Trigger, have: bool) -> list[str]:
    """"The army launched an attack", "Blinken had a meeting with Abbas", "raid launched by X"."""
    out = [n for acl in token.children if acl.dep_ == "acl" for c in acl.children
           if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for n in _names(p)]
    if (not have or trig.cls == "meeting") and token.dep_ in ("dobj", "pobj", "attr"):
        governor = token.head if token.dep_ != "pobj" else token.head.head
        out = [n for c in governor.children if c.dep_ == "nsubj" for n in _names(c)] + out
    return out


def _prep_participants(prep: Token, trig: Trigger, actors: list[str], targets: list[str]) -> None:
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    word = prep.lower_
    for obj in objs:
        if word == "by":
            actors += _names(obj)
        elif word in ("between", "with") and trig.cls in ("clash", "meeting", "agreement"):
            actors += _names(obj)
        elif word in ("on", "against") and trig.cls in VIOLENT | {"property"}:
            targets += [n for n in _names(obj) if normalise_actor(_phrase(obj).text)]


def _names(token: Token, *, violent: bool = False) -> list[str]:
    """Canonical actor names of a noun phrase and its conjuncts."""
    out = []
    for head in [token] + [c for c in token.conjuncts]:
        if violent and head.dep_ == "amod" and head.lower_ in DEMONYM_FORCES:
            out.append(DEMONYM_FORCES[head.lower_][0])
            continue
        hit = _actor(head)
        if hit:
            out.append(hit)
    return out


def _actor(head: Token) -> str | None:
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if ent is not None and ent.label_ == "PERSON":
        hit = normalise_actor(ent.text)
        return hit[0] if hit else _full_names(head.doc).get(ent.text, ent.text)
    phrase = _phrase(head)
    if head.lemma_.lower() in ROLE_NOUNS:
        hit = normalise_actor(phrase.text)  # "a senior Hamas official" speaks for Hamas
        return hit[0] if hit else None
    # The actor must end the phrase: "the U.S. commitment" is a commitment, not the US.
    ends = [a for a in find_actors(phrase) if a.end == len(phrase.text)]
    if ends:
        return ends[0].name
    hit = actor_or_name(phrase) if ent is not None and ent.label_ == "ORG" else None
    return hit[0] if hit else None


def _phrase(head: Token) -> Span:
    """The head with its left modifiers ("masked Israeli settlers"), not its clauses."""
    return head.doc[head.left_edge.i if head.left_edge.i <= head.i else head.i:head.i + 1]


def _is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON"


def _earlier_actor(token: Token, trig: Trigger) -> list[str]:
    """The nearest lexicon actor before the trigger in its sentence, for pronoun subjects."""
    if trig.cls not in VIOLENT | {"property", "arrest"}:
        return []
    sent = token.sent
    # Only forces and militias: "its operations" after "Hamas said" is not Hamas's.
    found = [a for a in find_actors(sent) if a.start < token.idx - sent.start_char
             and a.type in ("state forces", "militia")]
    return [found[-1].name] if found else []


def _classify(trig: Trigger, actors, targets, sent: Span, token: Token) -> tuple[str, str]:
    types = {name: (normalise_actor(name) or ("", ""))[1] for name in (*actors, *targets)}
    if trig.cls in ("casualty", "attack"):
        victims = victims_kind(token)
        if trig.cls == "attack" and victims == "civilians":
            return "Violence against civilians", "Attack"
        if victims == "protesters":
            return "Protests", "Excessive force against protesters"
        if trig.cls == "casualty" and (victims == "fighters"
                                       or any(types[t] in ARMED for t in targets)):
            return "Battles", "Armed clash"
    if trig.cls == "clash" and any(types[a] in CIVILIAN for a in actors) \
            and any(types[a] in ARMED for a in actors):
        return "Riots", "Violent demonstration"
    if trig.cls == "attack" and targets and all(types[t] in CIVILIAN for t in targets):
        return "Violence against civilians", "Attack"
    if trig.cls == "casualty" and targets and any(types[t] in ARMED for t in targets) \
            and any(types[a] in ARMED for a in actors):
        return "Battles", "Armed clash"
    return trig.type, trig.subtype


def _unique(names) -> tuple[str, ...]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return tuple(out)


def _event(token: Token, etype: str, subtype: str, actors, targets,
           facts: _SentenceFacts, *, cls: str) -> tuple[EventMention, str]:
    span = _clause(token)
    return EventMention(start=span.start_char, end=span.end_char, type=etype, subtype=subtype,
                        date=_day(token, facts.times), place=_place(token, facts.places, span),
                        actors=actors, targets=targets,
                        killed=_count(facts.figures, "killed"),
                        injured=_count(facts.figures, "injured")), cls


def _clause(token: Token) -> Span:
    left, right = token.left_edge.i, token.right_edge.i
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" and token.head.i < left:
        left = token.head.i  # "fire rockets", "launched an operation": the verb tells it too
    sent = token.sent
    return token.doc[max(left, sent.start):min(right + 1, sent.end)]


def _nearest(token: Token, items):
    return min(items, key=lambda x: abs(x.start - token.idx), default=None)


def _day(token: Token, times: list[TimeMention]) -> str | None:
    days = [t for t in times if t.type == "DATE" and _DAY.match(t.value or "")]
    hit = _nearest(token, days)
    return hit.value if hit else None


def _place(token: Token, places: list[PlaceMention], clause: Span | None = None) -> str | None:
    """The place inside the trigger's clause nearest to it, else the sentence's nearest."""
    inside = [p for p in places if clause is not None and
              clause.start_char <= p.start < clause.end_char]
    hit = _nearest(token, inside or places)
    return hit.name if hit else None


def _count(figures: list[Figure], metric: str) -> int | None:
    # A cumulative toll ("9,000 killed since the assault began") is not this incident's.
    values = [f.value if f.value is not None else f.low for f in figures
              if f.metric == metric and f.scope != "cumulative"]
    values = [v for v in values if v is not None]
    return max(values) if values else None


def _quote_statements(doc: Doc, quotes: list[Quote], events: list[EventMention],
                      times: list[TimeMention], places: list[PlaceMention]) -> list[EventMention]:
    """One Statement per distinct quote speaker per sentence not already told by a verb."""
    # One statement per sentence: a verb's Statement or Demand already tells it.
    have = {(e.start, a) for e in events if e.subtype in ("Statement", "Demand") for a in e.actors}
    told = [(e.start, e.end) for e in events if e.subtype in ("Statement", "Demand")]
    out: list[EventMention] = []
    full_names = _full_names(doc)
    for quote in quotes:
        if not quote.speaker or not quote.cue or quote.cue.lower().startswith("according"):
            continue  # "according to X" attributes; it is no statement of X's
        hit = normalise_actor(quote.speaker)
        speaker = hit[0] if hit else full_names.get(quote.speaker, quote.speaker)
        anchor = quote.speaker_span[0] if quote.speaker_span else quote.start
        sent = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
        if sent is None:
            continue
        sent = sent.sent
        cue = _cue_token(sent, quote.cue)
        if cue is None or not _speech_verb(cue) or attribution_only(cue, direct=quote.direct):
            continue  # "troops have maintained the severance" is no speech
        if any(sent.start_char <= s < sent.end_char and a == speaker for s, a in have) \
                or any(s < sent.end_char and sent.start_char < e for s, e in told):
            continue
        have.add((sent.start_char, speaker))
        facts = _facts(sent, times, places, [])
        out.append(EventMention(start=sent.start_char, end=sent.end_char,
                                type="Strategic developments", subtype="Statement",
                                date=_day(sent.root, facts.times),
                                place=_place(sent.root, facts.places), actors=(speaker,)))
    return out


def _speech_verb(token: Token) -> bool:
    trig = _match(token)
    return (trig is not None and trig.cls in ("statement", "demand")) \
        or token.lemma_.lower() in REPORTING


def _cue_token(sent: Span, cue: str) -> Token | None:
    """The verb of a quote's cue ("said", "told reporters") in its sentence."""
    word = cue.split()[0].lower()
    return next((t for t in sent if t.lower_ == word or t.lemma_.lower() == word), None)


def _full_names(doc: Doc) -> dict[str, str]:
    """Surname -> the full PERSON name it shortens, when the article names one such person."""
    found: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            found.setdefault(ent[-1].text, set()).add(ent.text)
    return {last: next(iter(names)) for last, names in found.items() if len(names) == 1}
