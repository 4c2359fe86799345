"""Flag what a reader should know about an article: a stale dateline, a rewritten text.

`stale_date`: the text's own explicit dates lie well before the stated date while it speaks
of them as recent ("on Friday", "yesterday", "the day") and names nothing later.
`rewrite_marker`: traces of an automated rewrite — an appended "FAQs"/"Q:" block, or talk of
"the original article".
`truncated`: the text stops mid-sentence — no closing punctuation, and its last word is cut
("... the importance of Israel compl") or a word that cannot end a sentence ("of", "the").
`credit`: the text names where it came from — a closing "(Source: Reuters)" line, a wire
dateline "GAZA (Reuters) -", "originally published by The Guardian". The outlet that carried
the text may be another one: the credit is recorded, the article's source is left as given.

A stale date is shown either by explicit dates (then `better_anchor` gives the day the text
itself anchors to, and relative expressions get a second reading against it), or by weekdays
that cannot both lie in the week before the stated date: a count "since Saturday" that would
start after the "Friday" the text reports (seed 000). The second names no better anchor.

Limits: only what the text itself supports is flagged. Which earlier week an article like
seed 000 belongs to needs the cross-article check (resolve stage, with the store): compare its
cumulative figures ("over 1,700 killed in Gaza") with the series other outlets reported by the
stated date, and date the article by where its figures fall behind.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from dateline.extract.doc_cache import doc_text
from dateline.extract.nlp import known_words
from dateline.records import Flag, TimeMention

STALE_DAYS = 10  # explicit dates this much before the stated date count as stale
_EXPLICIT = re.compile(r"\d")  # "Oct. 13", "13 October 2023": the writer named the day
_RECENT = re.compile(r"^(?:today|yesterday|tonight|the day|that day|(?:last|this)\s+\w+|"
                     r"mon|tue|wed|thu|fri|sat|sun)", re.I)
_FAQ = re.compile(r"^\s*(?:FAQs?|Frequently Asked Questions)\s*:?\s*$", re.M | re.I)
_QLINE = re.compile(r"^\s*Q\s*[:.]\s+\S", re.M)
_ORIGINAL = re.compile(r"\bthe original (?:article|story|report)\b", re.I)
# A credit on a line of its own at the end: "(Source: Reuters)", "Source: AP", "Via: WAFA".
_CREDIT_LINE = re.compile(r"^[ \t]*\(?[ \t]*(?i:source|via|credit)[ \t]*:[ \t]*([A-Z][^()\n]{1,59}?)[ \t]*\)?[ \t.]*$",
                          re.M)
# A wire's dateline opening the text: "GAZA CITY (Reuters) -", "JERUSALEM, Nov 5 (AP) —".
_WIRE_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z0-9 .,'’-]{1,40}?\((Reuters|AP|AFP|Associated Press|"
                            r"Agence France-Presse|Xinhua|Anadolu(?: Agency)?|WAFA|UPI|dpa|TASS)\)\s*[-–—]")
_ORIGINALLY = re.compile(r"\b(?:originally|first) (?:appeared|published|ran)(?: in| on| by)+ "
                         r"((?:the |The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,4})")
_CLOSED = re.compile(r"[.!?…\"”’')\]:;]$")
_OPEN_ENDS = {"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"}  # words no sentence ends on
LAST_LINE_WORDS = 5  # a shorter last line is a byline, a caption or a credit
CREDIT_WORDS = 6  # "Source: a senior official said ..." is a sentence, not a credit
CREDIT_TAIL = 300  # a "Source:" line counts as the text's credit only this near its end


def find_flags(doc: Doc, *, times: list[TimeMention], published: date | None) -> list[Flag]:
    """The flags one article's text supports; each `detail` says the evidence in words."""
    flags = []
    stale = _stale_date(doc, times, published)
    if stale:
        flags.append(Flag(kind="stale_date", detail=stale))
    rewrite = _rewrite_marker(doc_text(doc))
    if rewrite:
        flags.append(Flag(kind="rewrite_marker", detail=rewrite))
    cut = _truncated(doc)
    if cut:
        flags.append(Flag(kind="truncated", detail=cut))
    credit = credit_line(doc_text(doc))
    if credit:
        flags.append(Flag(kind="credit", detail=f"the text credits {credit[0]} ('{credit[1]}')"))
    return flags


def _truncated(doc: Doc) -> str | None:
    text = doc_text(doc).rstrip()
    if not text or _CLOSED.search(text) or len(text.splitlines()[-1].split()) < LAST_LINE_WORDS:
        return None  # a closed sentence, or a byline / caption line
    last = next((t for t in reversed(doc) if not t.is_space), None)
    if last is None:
        return None
    if last.pos_ in _OPEN_ENDS:
        return f"the text stops after '{last.text}', mid-sentence"
    words = known_words()
    if (words and last.is_alpha and last.text[0].islower()
            and last.lower_ not in words and last.lemma_.lower() not in words):
        return f"the text stops mid-word ('{last.text}')"
    return None


def credit_line(text: str) -> tuple[str, str] | None:
    """(who, the words) when the text says where it came from, else None."""
    tail_start = max(0, len(text.rstrip()) - CREDIT_TAIL)
    found = [m for m in _CREDIT_LINE.finditer(text)
             if m.start() >= tail_start and len(m.group(1).split()) <= CREDIT_WORDS]
    if found:
        m = found[-1]
        return m.group(1).strip(), m.group(0).strip()
    m = _WIRE_DATELINE.match(text) or _ORIGINALLY.search(text)
    if m:
        return m.group(1).strip().rstrip("."), m.group(0).strip()
    return None


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def better_anchor(doc: Doc, *, times: list[TimeMention], published: date | None) -> date | None:
    """The latest day the text names explicitly, when it contradicts the stated date; else None."""
    evidence = _explicit_evidence(doc, times, published)
    return evidence[1] if evidence else None


def _stale_date(doc: Doc, times: list[TimeMention], published: date | None) -> str | None:
    evidence = _explicit_evidence(doc, times, published)
    if evidence is None:
        return _weekday_order(doc, times, published)
    latest_mention, latest, cue = evidence
    gap = (published - latest).days
    return (f"the latest day the text names is {latest_mention.text!r} ({latest.isoformat()}, "
            f"{gap} days before the stated date {published.isoformat()}), yet it speaks of it "
            f"as recent ({cue.text!r}) and names nothing later; relative dates are also read "
            f"against {latest.isoformat()} (alt_value)")


def _explicit_evidence(doc: Doc, times: list[TimeMention], published: date | None):
    """(mention, day, cue) when explicit dates lie well before the stated date, told as recent."""
    if published is None:
        return None
    explicit = [(t, _day(t.value)) for t in times
                if t.type == "DATE" and _EXPLICIT.search(t.text) and _day(t.value)]
    if not explicit:
        return None
    latest_mention, latest = max(explicit, key=lambda e: e[1])
    if latest > published - timedelta(days=STALE_DAYS) or _names_an_event(doc, latest_mention):
        return None
    recent = [t for t in times if _RECENT.match(t.text) and not _EXPLICIT.search(t.text)]
    # "Friday" when the latest named day is a Friday, or "the day" / "yesterday" told in the
    # same sentence: the text speaks of that day as recent.
    weekday = latest.strftime("%a").lower()
    sentence = doc.char_span(latest_mention.start, latest_mention.end, alignment_mode="expand")
    sent = sentence.sent if sentence is not None else None
    cues = [t for t in recent if t.text.lower().startswith(weekday) or (
        sent is not None and sent.start_char <= t.start < sent.end_char
        and not t.text[:3].lower() in _WEEKDAY_PREFIXES)]
    return (latest_mention, latest, cues[0]) if cues else None


def _weekday_order(doc: Doc, times: list[TimeMention], published: date | None) -> str | None:
    """A count "since <weekday>" that, read against the stated date, starts after the weekday
    the text reports as its latest day: in a text written then, "since Saturday" would leave
    out the Friday it reports. Both weekdays fit an earlier week, not the stated one."""
    if published is None:
        return None
    text = doc_text(doc)
    days = [(t, _day(t.value)) for t in times if t.type == "DATE" and _day(t.value)
            and t.text[:3].lower() in _WEEKDAY_PREFIXES and _day(t.value) <= published]
    starts = [(t, d) for t, d in days if _before(text, t) in ("since", "from")]
    told = [(t, d) for t, d in days if _before(text, t) not in ("since", "from", "until")]
    for start, start_day in starts:
        for day_mention, day in told:
            if day < start_day and (published - day).days < 7:
                return (f"the text counts 'since {start.text}' ({start_day.isoformat()} against "
                        f"the stated date {published.isoformat()}) yet reports {day_mention.text!r}"
                        f" ({day.isoformat()}) before it as the day of its news: the weekdays "
                        f"fit an earlier week than the stated one; the text names no date to "
                        f"say which (the cross-article figures check can)")
    return None


def _before(text: str, mention: TimeMention) -> str:
    words = text[max(0, mention.start - 12):mention.start].lower().split()
    return words[-1] if words else ""


_WEEKDAY_PREFIXES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _names_an_event(doc: Doc, mention: TimeMention) -> bool:
    """"the Oct. 7 attack": a date used as the name of an event is history, not news."""
    before = doc_text(doc)[max(0, mention.start - 5):mention.start].lower()
    return before.endswith("the ")


def _rewrite_marker(text: str) -> str | None:
    evidence = []
    if _FAQ.search(text):
        evidence.append("an appended 'FAQs' block")
    questions = len(_QLINE.findall(text))
    if questions >= 2:
        evidence.append(f"{questions} 'Q:' lines")
    if _ORIGINAL.search(text):
        evidence.append("talk of 'the original article'")
    if not evidence:
        return None
    return "text carries traces of an automated rewrite: " + ", ".join(evidence)
