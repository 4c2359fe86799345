"""Place context: names used as actors or inside titles, and sub-localities placed by their town.

Two jobs the name lookup alone cannot do:
- telling a place name used as a location from one used as a party or inside an
  organisation's name or a title ("Israel ordered", "Pakistan's allegation", "U.S. troops",
  "Ministry of Health in Gaza", "Humanitarian Coordinator for the Occupied Palestinian
  Territory", "Beledweyne District Commissioner") — the gold guideline counts none of these;
- placing a named neighbourhood, camp or facility the gazetteer lacks by the known place
  written right after it ("Al Dorj neighbourhood, east of Gaza city", "Bashit Refugee Camp,
  central Rafah", "Shifa and Al Quds hospitals in Gaza city"): the mention gets the enclosing
  place's point, marked approximate, and no GeoNames id.
Limits: the enclosing place must follow within a few tokens and must not be a country (a
hotel "in central Somalia" is not placed at Mogadishu); an unknown name with no enclosing
place after it is left out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dateline.records import PlaceMention

# Head nouns of named sub-localities and facilities ("Sabra area", "Indonesian hospital").
LOCALITY_HEADS = {"area", "neighbourhood", "neighborhood", "quarter", "district", "camp",
                  "town", "village", "hospital", "hospitals", "university", "school",
                  "schools", "project", "hotel", "mosque", "church", "market", "street",
                  "road", "roundabout", "junction", "square", "forest", "valley", "farm"}
# Heads whose bare name is another thing (Al Quds hospital is not Jerusalem).
FACILITY_HEADS = {"hospital", "hospitals", "university", "school", "schools", "project",
                  "hotel", "mosque", "church", "market"}
_BETWEEN = {",", "in", "of", "the", "near", "east", "west", "north", "south", "northeast",
            "northwest", "southeast", "southwest", "northern", "southern", "eastern",
            "western", "central", "northeastern", "northwestern", "southeastern",
            "southwestern", "city", "town", "-"}
_LINK = {"al", "el", "an", "ad", "ar", "as", "ash", "at", "az", "-", "'"}
MAX_GAP = 5
_NOT_NAME = {"the", "a", "an", "on", "in", "at", "of", "and", "for", "by", "from", "to", "this",
             "that", "its", "their", "his", "her", "our", "one", "two", "three", "some", "many"}
# Words before "in"/"for"/"of" that make the place part of an institution's name or a title.
_TITLE_HEADS = {"ministry", "moh", "health", "authority", "department", "commission",
                "council", "coordinator", "envoy", "representative", "commissioner",
                "ambassador", "rapporteur", "directorate", "leader", "chief", "president"}
# Words after a place that make it part of a title or an institution ("Beledweyne District
# Commissioner", "Gaza Ministry of Health").
_TITLE_AFTER = {"commissioner", "ministry", "governor", "mayor", "authority", "municipality"}
# Nouns a country's name modifies or owns as a party, not as a location ("U.S. troops",
# "Pakistan's allegation", "Haiti's secretary of state").
_PARTY_NOUNS = {"troops", "forces", "force", "military", "army", "soldiers", "police",
                "officials", "official", "government", "president", "minister", "ministry",
                "secretary", "spokesman", "spokesperson", "consulate", "embassy",
                "allegation", "allegations", "assertion", "assertions", "claim", "claims",
                "leaders", "leader", "authorities", "delegation", "envoy", "navy",
                "air", "intelligence", "statement", "decision", "position", "demand"}


def used_as_party(span: Span, kind: str) -> bool:
    """Whether a country name is a party here: agent subject, owner or modifier of a party."""
    if kind != "country":
        return False
    root = span.root
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ == "VERB":
        return True
    if span.start and span.doc[span.start - 1].lower_ == "by" and root.dep_ == "pobj":
        return True
    if root.dep_ in ("poss", "compound", "amod", "nmod") and head.i >= span.end:
        return head.lower_ in _PARTY_NOUNS or (root.dep_ == "poss" and head.pos_ == "PROPN"
                                               and head.ent_type_ in ("PERSON", "ORG"))
    return False


def in_title(span: Span) -> bool:
    """Whether the name sits inside an institution's name or a person's title."""
    doc = span.doc
    after = doc[span.end:span.end + 2]
    if any(t.lower_ in _TITLE_AFTER and t.text[0].isupper() for t in after):
        return True
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "occupied"):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("in", "for", "of"):
        return False
    j = i - 1
    if doc[j].text == ")":  # "Ministry of Health (MoH) in Gaza"
        while j > 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    return j >= 0 and doc[j].lower_ in _TITLE_HEADS and doc[j].text[0].isupper()


def locality_spans(doc: Doc) -> list[tuple[Span, bool, int]]:
    """Capitalised names before a locality head ("As Sabra area"), with whether the head is a
    facility and the token after the head; "Shifa and Al Quds hospitals" gives both names."""
    out = []
    for head in doc:
        if head.lower_ not in LOCALITY_HEADS or head.i == 0:
            continue
        start = _name_start(doc, head.i)
        if start is None:
            continue
        facility = head.lower_ in FACILITY_HEADS
        out.append((doc[start:head.i + 1], facility, head.i + 1))
        if head.lower_.endswith("s") and start >= 2 and doc[start - 1].lower_ == "and":
            first = _name_start(doc, start - 1)
            if first is not None:
                out.append((doc[first:start - 1], facility, head.i + 1))
    return out


def _name_start(doc: Doc, end: int) -> int | None:
    """Start of the run of capitalised words (with Arabic articles) ending before `end`."""
    i = end
    while i > 0 and (_cap(doc[i - 1]) or doc[i - 1].lower_ in _LINK):
        i -= 1
    while i < end and not _cap(doc[i]):
        i += 1
    return i if i < end else None


def _cap(token) -> bool:
    return token.is_alpha and token.text[0].isupper() and token.lower_ not in _NOT_NAME \
        and token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")


def enclosing(doc: Doc, after: int, mentions: list[PlaceMention]) -> PlaceMention | None:
    """The known place written right after token `after` ("..., central Rafah"), if any."""
    if after >= len(doc):
        return None
    begin = doc[after].idx
    limit = doc[min(len(doc) - 1, after + MAX_GAP)].idx
    for m in mentions:
        if m.start < begin or m.start > limit or m.kind == "country":
            continue
        gap = doc.char_span(begin, m.start, alignment_mode="expand") if m.start > begin else ()
        if gap is not None and all(t.lower_ in _BETWEEN for t in gap):
            return m
    return None


def locality_mention(span: Span, where: PlaceMention) -> PlaceMention:
    """A sub-locality placed at its enclosing place's point."""
    return PlaceMention(start=span.start_char, end=span.end_char, text=span.text,
                        name=span.text, country=where.country, lat=where.lat, lon=where.lon,
                        geonameid=None, kind="area", relation=None)
