"""Event parties: who acted and who was targeted, read from the dependency parse around a trigger.

Actors come from the trigger's subject, a "by" agent, a possessive or compound ("Hamas
attack", "IOF raid"), or the subject of the verb that governs a trigger noun ("the army
launched an attack"); targets from the object, a passive subject, or "on"/"against" phrases
naming actors. Names are normalised with the actor lexicon; people keep their full name.
Limits: pronoun subjects resolve only to a force or militia named earlier in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.extract.actors import actor_or_name, find_actors, normalise_actor, party_name
from dateline.extract.actors_roles import person_name
from dateline.extract.doc_cache import entities, entity_at
from dateline.extract.events_lexicon import Trigger

VIOLENT = {"attack", "clash", "casualty", "remote"}
# An adjective before a violent noun names the side: "Israeli bombardment".
DEMONYM_FORCES = {"israeli": ("Israeli forces", "state forces")}
GENERIC = {"unidentified armed group", "civilians", "protesters"}
ROLE_NOUNS = {"official", "spokesman", "spokesperson", "spokeswoman", "leader", "member",
              "commander", "minister", "source", "statement", "representative", "chief"}


def participants(token: Token, trig: Trigger) -> tuple[tuple[str, ...], tuple[str, ...]]:
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
        if not actors:  # "Airstrikes and shelling by Israeli forces": one agent for both
            actors += [n for c in token.conjuncts for p in c.children
                       if p.dep_ == "prep" and p.lower_ == "by"
                       for o in p.children if o.dep_ == "pobj" for n in _names(o)]
    if not actors and trig.cls == "clash" and token.head.i != token.i:
        # "exchange of fire took place between X and Y": the parties hang on the verb.
        for p in token.head.children:
            if p.dep_ == "prep" and p.lower_ in ("between", "with") and p.i > token.i:
                actors += [n for o in p.children if o.dep_ == "pobj" for n in _names(o)]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    if not actors and not passive and token.pos_ == "VERB" \
            and token.dep_ in ("xcomp", "ccomp", "advcl", "conj"):
        actors += [n for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")
                   for n in _names(c)]
    if not actors and any(_is_pronoun(c) for c in token.children if c.dep_ in ("nsubj", "poss")):
        actors = _earlier_actor(token, trig)
    return unique(actors), unique(t for t in targets if t not in actors)


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
            targets += [n for n in _names(obj) if normalise_actor(phrase_of(obj).text)]
        elif word in ("into", "towards", "toward", "at") and trig.cls == "remote":
            targets += _names(obj)  # "fire rockets into Israel"
        elif word == "of" and prep.head.pos_ == "NOUN" and trig.cls != "statement":
            targets += _names(obj)  # "the eviction of Palestinians", "the killing of X"


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
    # "the leader of the movement, Florence Ozor, said": the person named beside the title.
    # A role noun's person may hang lower ("the leader of the X movement, Florence Ozor").
    # So may a subject's ("the Humanitarian Coordinator for the OPT, Lynn Hastings, stated").
    near = head.subtree if head.lemma_.lower() in ROLE_NOUNS or head.dep_ == "nsubj" else head.children
    named = [t for t in near if t.dep_ == "appos" and t.ent_type_ == "PERSON"]
    if named and head.ent_type_ != "PERSON":
        head = named[0]
    ent = entity_at(head.doc, head.i)
    if ent is not None and ent.label_ == "PERSON":
        hit = normalise_actor(ent.text)
        name = person_name(ent)  # "Mawlawi Hibatullah Akhundzada" -> "Hibatullah Akhundzada"
        return hit[0] if hit else full_names(head.doc).get(name, name)
    phrase = phrase_of(head)
    if head.lemma_.lower() in ROLE_NOUNS:
        hit = normalise_actor(phrase.text)  # "a senior Hamas official" speaks for Hamas
        return hit[0] if hit else None
    # The actor must end the phrase: "the U.S. commitment" is a commitment, not the US.
    found = find_actors(phrase)
    ends = [a for a in found if a.end == len(phrase.text)]
    if ends:
        # "al-Shabab militants": the named group, not the generic word after it.
        named = [a for a in found if a.end < ends[0].start and a.name != ends[0].name
                 and not phrase.text[a.end:ends[0].start].strip()]
        return named[-1].name if named and ends[0].name in GENERIC else ends[0].name
    # A lone modifier ("military operations") is no party; a whole phrase may be one.
    lone = len(phrase) == 1 and head.dep_ in ("amod", "compound")
    hit = (None if lone else party_name(phrase)) or (
        actor_or_name(phrase) if ent is not None and ent.label_ == "ORG" else None)
    return hit[0] if hit else None


def phrase_of(head: Token) -> Span:
    """The head with its left modifiers ("masked Israeli settlers"), not its clauses."""
    return head.doc[head.left_edge.i if head.left_edge.i <= head.i else head.i:head.i + 1]


def _is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON"


def _earlier_actor(token: Token, trig: Trigger) -> list[str]:
    """The nearest force or militia before the trigger in its sentence, else the last force,
    militia or armed group of the sentence before, for pronoun subjects ("they killed")."""
    if trig.cls not in VIOLENT | {"property", "arrest"}:
        return []
    sent = token.sent
    # Only forces and militias here: "its operations" after "Hamas said" is not Hamas's.
    found = [name for name, kind, at in _parties(sent) if at < token.i
             and kind in ("state forces", "militia")]
    if found:
        return [found[-1]]
    pronoun = [c for c in token.children if c.dep_ == "nsubj" and _is_pronoun(c)]
    if sent.start == 0 or not pronoun or pronoun[0].lower_ not in ("they", "it"):
        return []  # "he" is a person; "its operations" may be anyone's
    before = token.doc[sent.start - 1].sent
    found = [name for name, kind, _ in _parties(before)
             if kind in ("state forces", "militia", "armed group")]
    return [found[-1]] if found else []


def _parties(sent: Span) -> list[tuple[str, str, int]]:
    """(name, type, token index) of the lexicon actors and national forces named in `sent`."""
    out = []
    for a in find_actors(sent):
        span = sent.doc.char_span(sent.start_char + a.start, sent.start_char + a.end,
                                  alignment_mode="expand")
        out.append((a.name, a.type, span.start if span is not None else sent.start))
    for chunk in sent.noun_chunks:
        hit = party_name(chunk) if chunk.root.pos_ in ("NOUN", "PROPN") else None
        if hit and not any(name == hit[0] for name, _, _ in out):
            out.append((hit[0], hit[1], chunk.start))
    return sorted(out, key=lambda x: x[2])


def speaker_phrase(token: Token) -> tuple[str, ...]:
    """A statement's subject outside the actor lexicon ("The U.N. special envoy"), or the person
    named beside it ("the Humanitarian Coordinator for the OPT, Lynn Hastings, stated")."""
    for child in token.children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
            named = [entity_at(t.doc, t.i) for t in child.subtree if t.dep_ == "appos"]
            people = [e for e in named if e is not None and e.label_ == "PERSON"]
            if people and child.ent_type_ != "PERSON":
                return (full_names(child.doc).get(person_name(people[0]), person_name(people[0])),)
            words = [t for t in phrase_of(child) if t.lower_ not in ("the", "a", "an")]
            if words:
                return (child.doc[words[0].i:child.i + 1].text,)
    return ()


def full_names(doc: Doc) -> dict[str, str]:
    """Surname -> the full PERSON name it shortens, when the article names one such person."""
    found: dict[str, set[str]] = {}
    for ent in entities(doc):
        if ent.label_ == "PERSON" and len(ent) > 1:
            found.setdefault(ent[-1].text, set()).add(ent.text)
    return {last: next(iter(names)) for last, names in found.items() if len(names) == 1}
def unique(names) -> tuple[str, ...]:
    out: list[str] = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return tuple(out)
