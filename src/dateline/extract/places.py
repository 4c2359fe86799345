"""Places: place mentions in a parsed article, resolved against the gazetteer.

Candidates are spaCy GPE/LOC/FAC entities plus capitalised phrases the gazetteer knows
that spaCy tags as something else (small-model errors: "Jenin" as PERSON, "al-Funduq" as
ORG, "Quetta" after "the provincial capital,"). Homonyms are chosen by the article's other
places (their countries and neighbours), then by whether the name is the entry's own name
rather than an alternate one, then by population. "Rafah city", "Zamfara State" resolve by
their name. Named neighbourhoods and facilities the gazetteer lacks take the point of the
known place written after them (`places_context.py`). Not places: a country used as a
party ("Israel ordered", "U.S. troops", "Pakistan's allegation"), a name inside an
institution's name or a title ("Ministry of Health in Gaza", "Beledweyne District
Commissioner"), a first name or surname of a person named in the article, an actor name.
Limits: admin regions only as far as the alias file lists them; fuzzy matching only for
regional names of six letters or more.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc, Span

from dateline.extract.actors import normalise_actor
from dateline.extract.doc_cache import entities
from dateline.extract.gazetteer import REGION, Entry, fold, fuzzy_lookup, lookup, strip_article
from dateline.extract.places_context import (enclosing, in_title, locality_mention, locality_spans,
                                             used_as_party)
from dateline.records import PlaceMention

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A name followed by these words names an agreement or a meeting, not the place ("Oslo accords").
NOT_PLACE_AFTER = {"accord", "accords", "agreement", "agreements", "process", "declaration",
                   "peace", "summit", "talks", "format", "protocol", "treaty", "convention"}
RELATIONS = ("northeast of", "northwest of", "southeast of", "southwest of", "north-east of",
             "north-west of", "south-east of", "south-west of", "north of", "south of",
             "east of", "west of", "outside", "near", "close to", "in the vicinity of",
             "on the outskirts of", "outskirts of")
MAX_PHRASE = 4
_NAME_TAILS = {"camp", "city", "governorate"}
# "Rafah city", "Shan state", "Idlib province": the name without its tail when only that is known.
_ADMIN_TAILS = {"city", "state", "province", "region", "governorate", "district", "county"}
_REGION_TAILS = {"state", "province", "region", "governorate"}
_APPOS_HEADS = {"capital", "city", "town", "village", "province", "district", "hometown"}
_NAME_HEADS = {"northern", "southern", "eastern", "western", "central", "north", "south", "occupied"}
# A capitalised name spaCy did not call a place is still one after these words.
_LOCATIVE = {"in", "from", "to", "near", "of", "at", "outside", "into", "toward", "towards"}
_CONNECTORS = {"al", "el", "an", "ad", "ar", "as", "ash", "at", "az", "-", "'", "of", "de"}


def find_places(doc: Doc, *, fuzzy: bool = True) -> list[PlaceMention]:
    """Place mentions of `doc` in text order, each resolved to one gazetteer entry."""
    surnames = _person_surnames(doc)
    persons = _person_lengths(doc)
    candidates = _entity_candidates(doc) + _phrase_candidates(doc, _covered(doc))
    found: list[tuple[Span, tuple[Entry, ...], bool]] = []
    taken: set[int] = set()
    for span, from_entity in sorted(candidates, key=lambda c: (c[0].start, -len(c[0]))):
        if taken & set(range(span.start, span.end)) or _not_a_place(span, surnames, persons):
            continue
        entries = _candidates(span.text, fuzzy=fuzzy and from_entity)
        if not entries and len(span) > 1 and span[-1].lower_ in _ADMIN_TAILS:
            entries = _candidates(span[:-1].text, fuzzy=fuzzy and from_entity)
        if not from_entity:
            entries = tuple(e for e in entries if _trusted(e) or _own_name_place(span, e))
        if entries:
            found.append((span, entries, from_entity))
            taken |= set(range(span.start, span.end))
    context = _context_countries([entries for _, entries, _ in found])
    mentions = []
    for span, entries, _ in found:
        entry = _choose(span.text, entries, context)
        if not (used_as_party(span, entry.kind) or in_title(span)):
            mentions.append(_mention(span, entry))
    return _with_localities(doc, mentions)


def _with_localities(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mentions plus named sub-localities placed by the known place after them; a facility
    replaces the place its bare name would resolve to ("Al Quds hospitals" is not Jerusalem)."""
    for span, facility, after in locality_spans(doc):
        inside = [m for m in mentions if m.start < span.end_char and span.start_char < m.end]
        whole = any(m.start <= span.start_char and m.end >= span.end_char for m in inside)
        if whole or (after < len(doc) and doc[after].lower_ == "of"):
            continue
        where = enclosing(doc, after, mentions)
        # A bare name resolved near its enclosing place is right ("Al Qarara area, Khan
        # Younis"); one resolved far away is a homonym ("Al Rashidiya area, in Rafah").
        if where is None or (inside and not facility and all(_near(m, where) for m in inside)):
            continue
        mentions = [m for m in mentions if m not in inside] + [locality_mention(span, where)]
    return sorted(mentions, key=lambda m: m.start)


def _candidates(text: str, *, fuzzy: bool) -> tuple[Entry, ...]:
    entries = lookup(text)
    if not entries and fuzzy:
        entries = fuzzy_lookup(text)
    return entries


def _trusted(entry: Entry) -> bool:
    # A capitalised word spaCy did not call a place must be one we know in the region:
    # world-wide alternate names include "Abbas" (Fort Abbas) and "Hamas" (Hamm).
    return entry.source == "alias" or entry.kind == "country" or entry.country in REGION


def _own_name_place(span: Span, entry: Entry) -> bool:
    # A GeoNames city under its own name after "in"/"from"/"city of" ("Quetta" tagged ORG,
    # "Beledweyne" untagged); alternate names stay untrusted ("Hamas" is one of Hamm's).
    before = span.doc[span.start - 1].lower_ if span.start else ""
    appos = span.root.dep_ == "appos" and span.root.head.lower_ in _APPOS_HEADS
    return entry.key == fold(span.text) and entry.kind == "city" and (before in _LOCATIVE or appos)


def _entity_candidates(doc: Doc) -> list[tuple[Span, bool]]:
    out = []
    for ent in entities(doc):
        if ent.label_ not in PLACE_LABELS:
            continue
        span = _trim(ent)
        if span is not None:
            out.append((_extend_camp(span), True))
    return out


def _trim(span: Span) -> Span | None:
    """The span without a leading article or a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end] if start < end else None


def _extend_camp(span: Span) -> Span:
    """"Jenin" + "refugee camp" / "camp" / "city" / "governorate", "northern" + "Gaza", when
    the longer name is known (spaCy leaves lower-case words out of the entity)."""
    doc = span.doc
    for extra in (2, 1):
        end = span.end + extra
        if end <= len(doc) and doc[end - 1].lower_ in _NAME_TAILS and lookup(doc[span.start:end].text):
            span = doc[span.start:end]
            break
        if extra == 1 and end <= len(doc) and doc[end - 1].lower_ in _REGION_TAILS \
                and any(e.kind == "region" for e in lookup(span.text)):
            span = doc[span.start:end]  # "Zamfara state" names the region "Zamfara"
            break
    if span.start > 0 and doc[span.start - 1].lower_ in _NAME_HEADS \
            and lookup(doc[span.start - 1:span.end].text):
        span = doc[span.start - 1:span.end]
    return span


def _covered(doc: Doc) -> set[int]:
    return {i for ent in entities(doc) if ent.label_ in PLACE_LABELS for i in range(ent.start, ent.end)}


def _phrase_candidates(doc: Doc, covered: set[int]) -> list[tuple[Span, bool]]:
    """Capitalised phrases of up to MAX_PHRASE tokens outside place entities, longest first."""
    out = []
    for i, token in enumerate(doc):
        if i in covered or not _capitalised(token):
            continue
        for n in range(MAX_PHRASE, 0, -1):
            span = _phrase_at(doc, i, n, covered)
            if span is not None and lookup(span.text) and not _lower_acronym(span):
                out.append((span, False))
                break
    return out


def _phrase_at(doc: Doc, start: int, n: int, covered: set[int]) -> Span | None:
    # "al-Funduq" is three tokens (al, -, Funduq); start on the article when there is one.
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _CONNECTORS:
        start -= 2
    end = start + n
    if end > len(doc) or any(i in covered for i in range(start, end)):
        return None
    span = doc[start:end]
    if not _capitalised(span[-1]) or any(t.is_punct and t.text != "-" for t in span):
        return None
    if any(not (_capitalised(t) or t.lower_ in _CONNECTORS) for t in span):
        return None
    return span


def _lower_acronym(span: Span) -> bool:
    # "Car" is not "C.A.R.", "Us" is not "US": short names outside entities need capitals.
    return len(fold(span.text).replace(" ", "")) <= 3 and sum(c.isupper() for c in span.text) < 2


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[0].isupper() and not token.is_stop \
        and token.pos_ in ("PROPN", "NOUN", "ADJ", "X")


def _person_surnames(doc: Doc) -> set[str]:
    """Folded last words of multi-word PERSON names ("Mahmoud Abbas" -> "abbas")."""
    return {fold(ent[-1].text) for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1}


def _person_lengths(doc: Doc) -> dict[int, int]:
    """Token index -> length of the PERSON entity it lies in."""
    return {i: len(ent) for ent in entities(doc) if ent.label_ == "PERSON"
            for i in range(ent.start, ent.end)}


def _not_a_place(span: Span, surnames: set[str], persons: dict[int, int]) -> bool:
    doc = span.doc
    after = {t.lower_ for t in doc[span.end:span.end + 2]}
    if after & NOT_PLACE_AFTER:
        return True
    if len(span) == 1 and fold(span.text) in surnames:
        return True
    if persons.get(span.start, 0) > len(span):  # "Omar" of "Omar Osman Alasow"
        return True
    if normalise_actor(span.text) is None:
        return False
    # Actor names that are also places by their own name ("US", "Israel", "Washington")
    # stay places; "Hamas" (an alternate name of Hamm) and "Abbas" (Fort Abbas) do not.
    hits = lookup(span.text)
    return not hits or (hits[0].kind not in ("country", "area", "region")
                        and hits[0].key != fold(span.text))


def _near(a: PlaceMention, b: PlaceMention, km: float = 30.0) -> bool:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    dlat = math.radians(a.lat - b.lat)
    dlon = math.radians(a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon) <= km


def _context_countries(candidate_lists: list[tuple[Entry, ...]]) -> dict[str, int]:
    """Country -> how many unambiguous mentions of the article lie in it."""
    counts: dict[str, int] = {}
    for entries in candidate_lists:
        first = entries[0]
        if (len(entries) == 1 or first.source == "alias" or first.kind == "country") \
                and first.country:
            counts[first.country] = counts.get(first.country, 0) + 1
    return counts


def _choose(surface: str, entries: tuple[Entry, ...], context: dict[str, int]) -> Entry:
    first = entries[0]
    if first.source == "alias" or first.kind == "country" or len(entries) == 1:
        return first
    key = fold(surface)
    regional = any(c in REGION for c in context)

    def score(e: Entry) -> tuple:
        own_name = e.key in (key, strip_article(key))
        local = 2 if e.country in context else 1 if regional and e.country in REGION else 0
        return (local, own_name, math.log10(e.population + 1))

    return max(entries, key=score)


def _relation(span: Span) -> str | None:
    before = span.doc[max(0, span.start - 6):span.start].text.lower()
    for phrase in RELATIONS:
        if before.endswith(phrase):
            return phrase
    return None


def _mention(span: Span, entry: Entry) -> PlaceMention:
    return PlaceMention(start=span.start_char, end=span.end_char, text=span.text,
                        name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                        geonameid=entry.geonameid, kind=entry.kind, relation=_relation(span))
