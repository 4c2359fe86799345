"""Events: ACLED-typed event mentions from trigger words over the dependency parse.

One event per trigger clause (`events_lexicon.py` over `events_triggers.tsv`: lemma ->
class, type, subtype, with "near:"/"unless:" conditions); its parties come from the parse
(`events_parties.py`). A casualty verb ("killed") tells the incident of the strike or raid
it is linked to, or, with no stated means or party, of the nearest strike in its sentence
(the gold guideline: deaths follow the strike); an attack whose casualties are civilians is
Violence against civilians, a clash whose injured are civilians a Riot. Tolls over a
period ("since the start of hostilities", "as of 18:00", "between 7 October and 8
December") are no incidents (`events_rules.py`, with attribution and generic mentions).
Place, day-precision date, killed and injured come from the other extractors' records in
the same sentence. Statements also come from quotes: one per distinct speaker per
sentence, unless the sentence already has one or the cue only attributes. Limits: pronoun
subjects resolve only to a force or group named in the same or the previous sentence;
negated triggers are skipped, and so are triggers that tell what may, would or should happen
("could attack", "urged Israel to protect civilians before resuming any operations";
`events_rules.irrealis`), except a noun naming a known incident ("to halt its assault"); one
sentence may yield several events of one incident.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from dateline.extract.actors import normalise_actor
from dateline.extract.events_lexicon import Trigger, casualty_token, match_trigger
from dateline.extract.events_parties import VIOLENT, full_names, participants, speaker_phrase, unique
from dateline.extract.events_rules import (KILLING, REPORTING, attribution_only, conditional,
                                           cumulative, generic_mention, irrealis, linked_violent,
                                           own_incident, victims_kind)
from dateline.records import EventMention, Figure, PlaceMention, Quote, TimeMention

ARMED = {"state forces", "armed group", "militia"}
# Clauses hung on a verb that tell something else (another report, a consequence).
_OTHER_CLAUSES = {"conj", "ccomp", "parataxis", "advcl", "punct", "cc"}
CIVILIAN = {"civilians"}
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


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
        trig = match_trigger(token)
        if trig is None or generic_mention(token) or conditional(token) or _told_by_verb(token, trig) \
                or irrealis(token) \
                or (trig.cls == "casualty" and cumulative(token)):
            continue
        actors, targets = participants(token, trig)
        if not targets and trig.cls in ("attack", "casualty", "remote") \
                and victims_kind(token) == "civilians":
            targets = ("civilians",)  # "attacked nearly 10 villages", "killing 28 people"
        if trig.cls in ("statement", "demand"):
            actors = actors or speaker_phrase(token)
            if not actors:
                continue  # an unattributed "said" is no statement event
        if trig.cls == "statement":
            # "land claimed by settlers": a participle on a noun says nothing.
            if (token.dep_ == "acl" and token.tag_ == "VBN") or attribution_only(token) or actors[0] in seen_speakers or any(
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
        # An attack whose casualties are civilians is Violence against civilians.
        civilians = out[j][1] == "attack" and victims_kind(tok) == "civilians"
        events[j] = _absorb(events[j], event, civilians=civilians)
        victims = [*event.targets, *([tok.head.text] if tok.dep_ == "acl" else []),
                   *(c.doc[c.left_edge.i:c.right_edge.i + 1].text for c in tok.children
                     if c.dep_ in ("nsubjpass", "dobj"))]  # "Dozens of Palestinians"
        if out[j][1] == "clash" and any((normalise_actor(t) or ("", ""))[1] in CIVILIAN
                                        for t in victims):
            # "Palestinians were injured in confrontations with police": a riot.
            events[j] = replace(events[j], type="Riots", subtype="Violent demonstration")
    for i in [i for i in loose if _conjunct_link(out[i][2], out, violent) is not None]:
        # "X were killed, and others injured in a building that was hit": the conjunct's
        # link holds for both verbs.
        j = violent[_conjunct_link(out[i][2], out, violent).i]
        events[j] = _absorb(events[j], events[i])
        loose.remove(i)
    # "300 were injured" with nobody named acting: a toll, not an incident of its own.
    loose = [i for i in loose if events[i].actors or out[i][2].lemma_.lower() in KILLING]
    kept = [e for i, e in enumerate(events) if out[i][1] != "casualty"]
    if loose and not violent:  # "killed and injured by X": one event, both verbs' parties
        first = events[loose[0]]
        kept.append(replace(first, actors=unique(a for i in loose for a in events[i].actors),
                            targets=unique(t for i in loose for t in events[i].targets)))
    elif loose:
        # Deaths with no stated means or party beside a strike of the same sentence are that
        # strike's; a casualty with its own party is its own incident.
        for i in loose:
            near = [v for v in violent.values() if not own_incident(tokens[v], tokens[i])]
            if events[i].actors or not near:
                kept.append(events[i])
                continue
            j = min(near, key=lambda v: abs(tokens[v].i - tokens[i].i))
            host = next(k for k, e in enumerate(kept) if e is events[j])
            kept[host] = events[j] = _absorb(events[j], events[i])
    return kept


def _absorb(host: EventMention, casualty: EventMention, *, civilians: bool = False) -> EventMention:
    """The violent event widened over a casualty of the same incident, with its parties."""
    kind = ("Violence against civilians", "Attack") if civilians and host.type == "Battles" \
        else (host.type, host.subtype)
    return replace(host, start=min(host.start, casualty.start), end=max(host.end, casualty.end),
                   type=kind[0], subtype=kind[1], actors=unique((*host.actors, *casualty.actors)),
                   targets=unique((*host.targets, *casualty.targets)))


def _conjunct_link(token: Token, out, violent: dict[int, int]) -> Token | None:
    """The violent trigger a conjoined casualty verb is linked to, if any."""
    tokens = [tok for _, _, tok in out]
    for c in token.conjuncts:
        if casualty_token(c):
            link = linked_violent(c, [tokens[j] for j in violent.values()])
            if link is not None:
                return link
    return None


def _told_by_verb(token: Token, trig: Trigger) -> bool:
    """"Strikes hit UNRWA facilities": the noun and its verb tell one incident; the verb's
    event (whose clause holds the noun) stands for both."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    head = match_trigger(token.head) if token.head.i != token.i else None
    return head is not None and head.cls in VIOLENT and trig.cls in VIOLENT and head.cls != "casualty"


def _violent(event: EventMention) -> bool:
    return event.type in ("Battles", "Violence against civilians", "Explosions/Remote violence")


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


def _event(token: Token, etype: str, subtype: str, actors, targets,
           facts: _SentenceFacts, *, cls: str) -> tuple[EventMention, str]:
    span = _clause(token, cls)
    return EventMention(start=span.start_char, end=span.end_char, type=etype, subtype=subtype,
                        date=_day(token, facts.times), place=_place(token, facts.places, span),
                        actors=actors, targets=targets,
                        killed=_count(facts.figures, "killed"),
                        injured=_count(facts.figures, "injured")), cls


def _clause(token: Token, cls: str = "") -> Span:
    """The trigger's own clause: its subtree without the other clauses hung on it ("...: X
    was hit; Y was hit" keeps each "hit" to its own part; a statement keeps what it says),
    from the sentence's last
    paragraph break (a heading glued to the sentence is not part of it)."""
    other = _OTHER_CLAUSES if cls in VIOLENT else _OTHER_CLAUSES - {"ccomp", "advcl"}
    own = [c for c in token.children if c.dep_ not in other or token.pos_ != "VERB"]
    left = min([token.i] + [c.left_edge.i for c in own])
    right = max([token.i] + [c.right_edge.i for c in own])
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" and token.head.i < left:
        left = token.head.i  # "fire rockets", "launched an operation": the verb tells it too
    sent = token.sent
    breaks = [t.i + 1 for t in token.doc[max(left, sent.start):token.i] if "\n\n" in t.text_with_ws]
    return token.doc[max([left, sent.start, *breaks]):min(right + 1, sent.end)]


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
    names = full_names(doc)
    for quote in quotes:
        if not quote.speaker or not quote.cue or quote.cue.lower().startswith("according"):
            continue  # "according to X" attributes; it is no statement of X's
        hit = normalise_actor(quote.speaker)
        speaker = hit[0] if hit else names.get(quote.speaker, quote.speaker)
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
    trig = match_trigger(token)
    return (trig is not None and trig.cls in ("statement", "demand")) \
        or token.lemma_.lower() in REPORTING


def _cue_token(sent: Span, cue: str) -> Token | None:
    """The verb of a quote's cue ("said", "told reporters") in its sentence."""
    word = cue.split()[0].lower()
    return next((t for t in sent if t.lower_ == word or t.lemma_.lower() == word), None)


