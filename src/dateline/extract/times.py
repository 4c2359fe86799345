"""Find date/time expressions with character offsets and normalise them to TIMEX3 values.

Recognition is our own pattern set (timex_rules) checked against spaCy's parse: ages
("14-year-old"), amounts ("2000 troops"), names ("Theresa May", "the March for Life") and
titles ("This Week") are rejected. Values come from a deterministic resolver (timex_resolve)
against the article date: weekdays and year-less dates are past-preferring unless the clause
looks ahead ("will", "is expected to", "next", "has scheduled", "as soon as", "postponed
until"). Text told before anchors anaphors: "the day before" and a bare clock time take the
last day named, "that year" / "the following year" the last calendar date named.

Limits: no event anchoring — "three decades later" is a DURATION, not the date it implies, and
"two weeks after the attack" is not resolved further; fiscal years are read as calendar years
("for the fiscal year" is the article's year); earnings-report readings ("a year earlier" is
last year's quarter) hold when the text speaks of quarters and the sentence not of nine months.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from dateline.extract.doc_cache import doc_text
from dateline.extract.timex_lexicon import FUTURE_LEMMAS, UNITS, unit_key
from dateline.extract.timex_resolve import Context, resolve
from dateline.extract.timex_lexicon import norm
from dateline.extract.timex_rules import QUAL_OUTSIDE, find_candidates
from dateline.records import TimeMention

_REJECT_ENTS = {"PERSON", "ORG", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "PRODUCT",
                "WORK_OF_ART", "LAW", "FAC", "GPE", "NORP"}
_LEADING_WORDS = ("since", "from")


def find_times(doc: Doc, *, published: date | None) -> list[TimeMention]:
    """Every time expression in the doc, sorted by start, with TIMEX3 type, value and mod."""
    text = doc_text(doc)
    anchor = published.isoformat() if published else None
    mentions: list[TimeMention] = []
    ref_day: date | None = None
    ref_end = 0
    ref_value: str | None = None
    # Earnings reports compare quarters: there "a year ago" means the same quarter a year back.
    quarterly = text.lower().count("quarter") >= 1
    for start, end, rule, m in find_candidates(text):
        start = _span_start(m, start)
        token = _token_at(doc, start)
        if token is None or _rejected(rule, m, token, doc, end):
            continue
        tense = "future" if _ahead_cue(text, start, token) else clause_tense(token)
        if tense == "past" and _word_before(text, start) in _OPEN_CUES:
            tense = None  # "payable Dec. 15", "effective Feb. 1", "through January": either way
        ctx = Context(anchor=published, tense=tense, since=_follows(text, start),
                      ref_day=ref_day, ref_value=ref_value,
                      near_day=ref_day if start - ref_end < _NEAR else None,
                      quarterly=quarterly and not _LONGER_PERIOD.search(token.sent.text))
        resolved = resolve(rule, m, ctx)
        if resolved is None:
            continue
        kind, value, mod = resolved
        mentions.append(TimeMention(start=start, end=end, text=text[start:end], type=kind,
                                    value=value, mod=mod, anchor=anchor))
        if kind == "DATE" and _is_day(value):
            ref_day, ref_end = date.fromisoformat(value), end
        if kind == "DATE" and _CALENDAR.match(value):
            ref_value = value
    return mentions


# A sentence about nine months' or a full year's results compares years, not quarters.
_LONGER_PERIOD = re.compile(r"\b(?:nine|six|12|twelve)\s+months\b|\bfirst\s+half\b|"
                            r"\b(?:full|fiscal)\s+year\b", re.I)
_CALENDAR = re.compile(r"\d{4}(?:-(?:\d\d|Q\d)(?:-\d\d)?)?$")
# Words right before a weekday or date that put it ahead whatever the verb's tense: "as soon
# as Tuesday"; "until" only after a deadline verb ("postponed until Tuesday", "gave them until
# 9 a.m. Tuesday"), not in "Until Thursday, they had not called him a suspect".
_AHEAD_CUES = ("as soon as", "as early as", "no later than", "ahead of")
_DEADLINE_LEMMAS = {"postpone", "delay", "extend", "give", "adjourn", "defer", "suspend", "recess",
                    "have", "set", "push", "wait"}


_NEAR = 250  # characters: a day told this close before a bare clock time is its day
_OPEN_CUES = {"payable", "effective", "through", "by", "until", "till", "expiring", "due"}


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 16):start].split()
    return before[-1].lower() if before else ""


def _ahead_cue(text: str, start: int, token: Token) -> bool:
    before = " ".join(text[max(0, start - 20):start].lower().split())
    if before.endswith(_AHEAD_CUES):
        return True
    if not before.endswith((" until", " till")):
        return False
    verb = _clause_verb(token)
    return verb is not None and verb.lemma_ in _DEADLINE_LEMMAS


def _is_day(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit() \
        and value[5:7].isdigit() and value[8:].isdigit()


def _span_start(m, start: int) -> int:
    """Leave out qualifiers the TimeML convention keeps outside ("over 48 days" -> "48 days"),
    and the article before an adjective ("the 30-day truce" -> "30-day", "the third-quarter")."""
    groups = m.groupdict()
    for number in ("n", "qo"):
        if groups.get(number) and m.group(0)[:4].lower() == "the " and \
                m.string[m.end(number):m.end(number) + 1] == "-":
            return m.start(number)
    if groups.get("q") and norm(groups["q"]) in QUAL_OUTSIDE:
        for name in ("n", "h", "h24", "word"):
            if groups.get(name):
                return m.start(name)
    return start


def _token_at(doc: Doc, start: int) -> Token | None:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _follows(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start].lower().split()
    return bool(before) and before[-1] in _LEADING_WORDS


def _rejected(rule: str, m, token: Token, doc: Doc, end: int) -> bool:
    """Matches that spaCy's parse shows are not times: names, amounts, modal "May"."""
    groups = m.groupdict()
    if rule == "year" and not (groups.get("mm") or groups.get("fiscal")):
        return token.ent_type_ in _REJECT_ENTS or token.like_num and _counts_something(token)
    if rule == "month" and not (groups.get("yr") or groups.get("rel") or groups.get("mm")
                                or groups.get("ry")):
        return token.ent_type_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART") or token.pos_ in (
            "AUX", "VERB") or (token.lower_ == "may" and token.tag_ == "MD") or _named(m)
    if rule == "weekday":
        return token.ent_type_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART")
    unit = groups.get("u")
    if unit and unit[0].isupper() and not unit.isupper() and unit_key(unit) in UNITS:
        return True  # a title: the TV shows "This Week", "60 Minutes"
    if rule in ("duration", "bare_units"):
        last = doc.char_span(end - 1, end, alignment_mode="expand")
        if last is None or not len(last) or last[-1].i + 1 >= len(doc):
            return False
        after = doc[last[-1].i + 1]
        if after.lower_ in ("old", "-old"):
            return True  # an age: "14 years old"
        # An ordinal, not a unit: "a second betrayal", "A second group of directors".
        return norm(unit) == "second" and norm(groups.get("n")) in ("a", "one") and \
            after.pos_ in ("NOUN", "ADJ", "PROPN")
    return False


def _named(m) -> bool:
    """A month name starting a title: "the March for Life", "the March of the Mothers"."""
    after = m.string[m.end():m.end() + 12]
    return re.match(r"\s+(?:for\s+[A-Z]|of\s+the\s+[A-Z])", after) is not None


def _counts_something(token: Token) -> bool:
    """A bare four-digit number modifying a plural noun is a count ("2000 troops"), not a year,
    unless spaCy reads it as a date and words stand between ("the 1989 operating results")."""
    head = token.head
    return token.dep_ == "nummod" and head.tag_ == "NNS" and (
        head.i == token.i + 1 or token.ent_type_ != "DATE")


def clause_tense(token: Token) -> str | None:
    """"past" or "future" for the clause a token sits in, None when it does not tell."""
    verb = _clause_verb(token)
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "shall", "'ll", "wo") for c in aux):
        return "future"
    if any(c.lower_ in ("would", "might", "may") for c in aux) and not any(
            c.lower_ == "have" for c in aux):
        return "future"  # "would leave as soon as Tuesday": reported plans look ahead
    if _looks_ahead(verb):
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return "past"
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not aux and verb.lemma_ not in FUTURE_LEMMAS:
        return "past"  # a reduced relative clause: "the year ended March 31", "shares bought"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and not aux and verb.head is not verb:
        # "has fluctuated sharply, rising to a high ... in March": the main clause tells.
        head = verb.head
        return clause_tense(head) if head.pos_ in ("VERB", "AUX") else None
    return None


def _clause_verb(token: Token) -> Token | None:
    """The verb a token hangs from, a few steps up the parse; None when there is none."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _looks_ahead(verb: Token) -> bool:
    """"plans to meet", "is scheduled to", "is expected to", "going to", "to be held"."""
    head = verb.head
    if verb.lemma_ in ("schedule", "reschedule") or verb.lemma_ == "plan" and any(
            c.dep_ in ("dobj", "auxpass") for c in verb.children):
        return True  # "has scheduled a news conference Thursday", "planned a march on Saturday"
    # A finite clause keeps its own tense ("agreed ... Jayark was quoted Friday").
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP") for c in verb.children)
    if verb.dep_ in ("xcomp", "ccomp") and head is not verb and not finite:
        if head.lemma_ in FUTURE_LEMMAS:
            return True
        if head.lemma_ == "go" and head.tag_ == "VBG":
            return True
        if head.lemma_ == "be" and _has_to(verb):
            return True  # "is to resume trading Tuesday"
    if verb.lemma_ in FUTURE_LEMMAS and verb.lemma_ != "want" and verb.tag_ not in (
            "VBD", "VBN") and any(c.dep_ == "xcomp" for c in verb.children):
        return True  # "On Tuesday, the league plans to hold a news conference" (not "agreed")
    # An infinitive modifying a noun looks ahead: "talks to be held on Friday".
    return verb.dep_ == "acl" and _has_to(verb)


def _has_to(verb: Token) -> bool:
    """An infinitive marker, not the preposition of "from Sept. 14 to Thursday"."""
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
