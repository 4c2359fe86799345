"""Find reported counts of people killed, injured, missing, detained, displaced or held, and who reported them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from dateline.extract.doc_cache import doc_text
from dateline.extract.lexicon_figures import (
    CUMULATIVE_CUES, CUMULATIVE_PHRASES, CURRENCY, METRIC_WORDS, MONTHS, PRONOUNS,
    REPORT_VERBS, THING_NOUNS, TRANSITIVE, UNIT_WORDS,
)
from dateline.extract.figure_claims import link_claims
from dateline.extract.numbers import Amount, read_amounts
from dateline.extract.quote_cues import subjects
from dateline.records import Figure, PlaceMention, TimeMention

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# "between 7 October and 4 December": a period across months is a running total, not one incident
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_LONG_SPAN = re.compile(rf"\bbetween (?:\d{{1,2}} )?(?P<m1>{_MONTH})\b.{{0,30}}?\band\b.{{0,20}}?\b(?!(?P=m1)\b){_MONTH}\b")


def find_figures(doc: Doc, *, times: list[TimeMention], places: list[PlaceMention],
                 published: date | None) -> list[Figure]:
    """Every count of affected people in `doc`, one Figure per number, in text order.

    A figure needs a number (digits, words, "1.1 million", or a vague amount such as
    "dozens" or "tens of thousands") and a metric word tied to it by the parse or,
    failing that, standing within a few words ("death toll nears 1200"). Subsets
    ("including more than 6,000 children") are separate figures inside the parent's
    sentence. Limits: no metric "other" is produced (a number with no casualty word is
    skipped); reporters are taken from the same sentence only ("according to X", "X
    said/reported/claims", "citing X"), pronoun reporters are left null; a number whose
    parse ties it to the wrong verb gets that verb's metric. `published` is unused for
    now: dates come from the resolved `times`.
    """
    del published  # dates come from `times`, already resolved against the article date
    figures: list[Figure] = []
    last, prev_end = None, 0  # reporter credited in the previous sentence of the paragraph
    text = doc_text(doc)
    for sent in doc.sents:
        if "\n" in text[prev_end:sent.start_char]:
            last = None
        found = [f for f in (_figure(sent, a, times, places) for a in read_amounts(sent)) if f is not None]
        if last is not None and _continues(sent):
            found = [replace(f, reporter=last) if f.reporter is None else f for f in found]
        last = next((f.reporter for f in reversed(found) if f.reporter), None) or _keeper(sent)
        figures.extend(found)
        prev_end = sent.end_char
    return link_claims(text, figures)


def _keeper(sent: Span) -> str | None:
    """Who keeps the count, in a sentence without a figure: 'the MoH in Gaza did not update its casualty figures'."""
    for tok in sent:
        if tok.lemma_.lower() in TALLY_NOUNS and tok.dep_ == "dobj":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS]
            if subj and any(t.pos_ == "PROPN" for t in subj[0].subtree):
                return _name(subj[0])
    return None


def _continues(sent: Span) -> bool:
    """The sentence carries on the previous one's report: 'This brings the toll to…', 'In total, …',
    'The cumulative toll…', 'Their reported toll…', 'the reported fatality toll…' (no agent named)."""
    words = [t.lower_ for t in sent if not t.is_space and t.text not in ("*", "-", "•")][:3]
    if words[:2] in (["this", "brings"], ["in", "total"], ["the", "cumulative"]) or words[:1] in (["overall"], ["their"]):
        return True
    if any(t.lower_ == "reported" and t.dep_ == "amod" for t in sent):
        return True
    # a definite toll refers back to the count just credited: "The fatality toll in Gaza … stood at …"
    return any(t.dep_ == "nsubj" and t.lemma_.lower() in TALLY_NOUNS
               and any(c.lower_ in ("the", "their", "its") for c in t.children) for t in sent)


def _figure(sent: Span, amount: Amount, times, places) -> Figure | None:
    if _not_people(sent, amount):
        return None
    amount, anchor = _age_as_one(sent, amount)
    if anchor is None:
        anchor = _anchor(sent, amount)
    if anchor.pos_ == "NOUN" and anchor.lemma_.lower() in THING_NOUNS:
        return None  # "killed 400 people in over 500 attacks": the attacks are no casualties
    who = _who(sent, amount, anchor)
    metric_tok, metric = _metric(sent, amount, anchor)
    if metric is None:
        return None
    # "released 17 hostages … and 39 Palestinian detainees": the counted noun says who they are,
    # unless the verb says what befell them ("seven hostages had been killed")
    status = METRIC_WORDS.get(anchor.lower_) if anchor.pos_ == "NOUN" else None
    held = ("detained", "hostages", "displaced", "missing", "evacuated")
    if status in held and metric in held:
        metric = status
    clause = _clause(anchor)
    start, end = _span(sent, amount, anchor, metric_tok, clause)
    since = _since(sent, times)
    scope = _scope(sent, anchor, clause, times)
    return Figure(
        start=start, end=end, text=_slice(sent, start, end), metric=metric,
        value=amount.value, low=amount.low, high=amount.high, qualifier=amount.qualifier,
        who=who, place=_place(sent, start, end, anchor, places), date=_date(sent, times, since, clause, scope),
        since=since.value if since else None, scope=scope,
        reporter=_reporter(sent, anchor),
    )


def _not_people(sent: Span, a: Amount) -> bool:
    """Years, dates, durations, money, percentages and ordinals are not counts of people."""
    first, last = sent[a.start], sent[a.end - 1]
    nxt = sent[a.end] if a.end < len(sent) else None
    prev = sent[a.start - 1] if a.start > 0 else None
    if last.ent_type_ in ("PERCENT", "MONEY", "ORDINAL", "TIME"):
        return True
    if nxt is not None and (nxt.lower_ in UNIT_WORDS or nxt.text == "%"):
        return True
    if nxt is not None and nxt.text == "-" and a.end + 1 < len(sent) and sent[a.end + 1].lower_ in UNIT_WORDS:
        return not _is_age_tokens(sent, a.end)  # "48-hour", but ages are handled apart
    if prev is not None and (prev.lower_ in CURRENCY or _is_month(prev)):
        return True
    if nxt is not None and _is_month(nxt):
        return True
    if a.value is not None and a.qualifier == "exact" and re.fullmatch(r"(19|20)\d\d", last.text):
        return True  # a bare year such as 1993
    # "Ahmed, 14, was killed": an age in apposition
    if a.qualifier == "exact" and prev is not None and prev.text == "," and nxt is not None and nxt.text == ",":
        return a.start >= 2 and sent[a.start - 2].pos_ == "PROPN"
    if first.lower_ == "one" and prev is not None and prev.lower_ in ("no", "any", "every", "each"):
        return True  # "No one should be detained"
    before = sent[a.start - 2].lower_ if a.start >= 2 else ""
    if prev is not None and prev.lower_ == "of" and before in ("age", "ages"):
        return True  # "minors under the age of 18"
    return first.lower_ == "aged" or (prev is not None and prev.lower_ == "aged")


def _is_month(tok: Token) -> bool:
    return tok.lower_ in MONTHS and (tok.lower_ != "may" or tok.text == "May")


def _is_age_tokens(sent: Span, i: int) -> bool:
    """Tokens at i.. read '- year - old' (the small model splits '14-year-old' this way)."""
    words = [t.lower_ for t in sent[i:i + 4]]
    return len(words) == 4 and words[0] == "-" and words[2] == "-" and words[3] == "old"


def _age_as_one(sent: Span, a: Amount) -> tuple[Amount, Token | None]:
    """'a 14-year-old boy' is one person: value 1, anchored on the noun."""
    if a.qualifier != "exact" or not _is_age_tokens(sent, a.end):
        return a, None
    det = sent[a.start - 1] if a.start > 0 else None
    noun_i = a.end + 4
    if det is None or det.lower_ not in ("a", "an", "the") or noun_i >= len(sent):
        return a, None
    noun = sent[noun_i]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return a, None
    one = Amount(a.start - 1, noun_i + 1, 1, 1, 1, "exact")
    return one, noun


def _anchor(sent: Span, a: Amount) -> Token:
    """The token the count stands for: the counted noun ('Palestinians') or the number itself."""
    last = sent[a.end - 1]
    head = last.head
    if (last.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN")
            and 0 <= head.i - sent.start - a.end < 4 and head.lower_ not in UNIT_WORDS):
        return head
    return last


def _span(sent: Span, a: Amount, anchor: Token, metric_tok: Token | None, clause) -> tuple[int, int]:
    """Character span from the number (with its qualifier) through the counted noun and the metric word."""
    lo = sent[a.start].idx
    hi_tok = max(anchor, sent[a.end - 1], key=lambda t: t.i)
    subset = anchor.dep_ == "pobj" and anchor.head.lower_ == "including"
    if metric_tok is not None and metric_tok in clause and abs(metric_tok.i - anchor.i) <= 12 and not subset:
        lo = min(lo, metric_tok.idx)
        hi_tok = max(hi_tok, metric_tok, key=lambda t: t.i)
        if metric_tok.lemma_.lower() == "lose":  # "lost their lives"
            objs = [c for c in metric_tok.children if c.dep_ == "dobj"]
            hi_tok = max([hi_tok, *objs], key=lambda t: t.i)
    return lo, hi_tok.idx + len(hi_tok.text)


def _slice(sent: Span, start: int, end: int) -> str:
    """Text at document offsets within the sentence (sent.text is built from its tokens only)."""
    return sent.text[start - sent.start_char:end - sent.start_char]


def _in(sent: Span, start: int, end: int) -> bool:
    return sent.start_char <= start and end <= sent.end_char


def _since(sent: Span, times: list[TimeMention]) -> TimeMention | None:
    """The time mention right after 'since' in the sentence."""
    for tm in times:
        if _in(sent, tm.start, tm.end) and _slice(sent, max(sent.start_char, tm.start - 7),
                                                  tm.start).strip().lower().endswith("since"):
            return tm
    return None


def _date(sent: Span, times: list[TimeMention], since: TimeMention | None, clause: set[Token],
          scope: str) -> str | None:
    """The first day-precision DATE in the figure's clause, else (incident counts only) in its sentence.

    A running total takes no date from another clause ("…killed since the assault
    began, while Israel says the Oct. 7 attack…"): that date tells about another fact.
    """
    days = [tm for tm in times if tm is not since and tm.type == "DATE" and _DAY.match(tm.value)
            and _in(sent, tm.start, tm.end)]
    starts = {t.idx for t in clause}
    for tm in days:
        span = sent.doc.char_span(tm.start, tm.end, alignment_mode="expand")
        if span is not None and any(t.idx in starts for t in span):
            return tm.value
    return days[0].value if days and scope == "incident" else None


def _place(sent: Span, start: int, end: int, anchor: Token, places: list[PlaceMention]) -> str | None:
    """The place tied to the counted noun by the parse ('a boy near Nablus'), else the nearest in the sentence."""
    inside = [p for p in places if _in(sent, p.start, p.end)]
    for p in inside:
        tok = sent.doc.char_span(p.start, p.end, alignment_mode="expand")
        head = tok.root if tok is not None else None
        for _ in range(3):  # place -> "near"/"in" -> the counted noun
            if head is None or head.head == head:
                break
            head = head.head
            if head == anchor:
                return p.name

    def distance(p: PlaceMention) -> int:
        return max(0, p.start - end, start - p.end)

    return min(inside, key=distance).name if inside else None



def _who(sent: Span, a: Amount, anchor: Token) -> str | None:
    """The counted noun: 'Palestinians', 'children', 'boy'; for 'dozens of people' the noun after 'of'."""
    if anchor.lemma_.lower() in ABSTRACT_NOUNS:
        return None  # "1,400 casualties" names the metric, not the people
    counted = anchor.i >= sent.start + a.end or anchor.i < sent.start + a.start or not (
        anchor.like_num or anchor.lower_ in ("dozens", "scores", "hundreds", "thousands", "millions"))
    if counted:
        return anchor.text if anchor.pos_ in ("NOUN", "PROPN") else None
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if objs:
                return None if objs[0].lemma_.lower() in ABSTRACT_NOUNS else objs[0].text  # "hundreds of deaths"
    return None


def _metric_of(tok: Token) -> str | None:
    """The metric a single word names, if any ('martyred' -> killed, 'lives' after 'lost' -> killed)."""
    if tok.lemma_.lower() == "lose" and any(c.lemma_.lower() == "life" for c in tok.children):
        return "killed"
    if tok.lower_ == "hurt" and tok.pos_ != "VERB" and tok.dep_ not in ("acl", "amod"):
        return None  # "hurt" as a noun/adjective is rarely a count
    return METRIC_WORDS.get(tok.lower_) or METRIC_WORDS.get(tok.lemma_.lower())


def _agent(anchor: Token, verb: Token) -> bool:
    """The counted people are the subject of an active transitive verb: doers, not victims."""
    return (anchor.dep_ == "nsubj" and anchor.head == verb and verb.lemma_.lower() in TRANSITIVE
            and any(c.dep_ == "dobj" for c in verb.children))


def _metric(sent: Span, a: Amount, anchor: Token) -> tuple[Token | None, str | None]:
    """The metric word tied to the count: right after it, by the parse, then the nearest word close by."""
    nxt = anchor.i + 1 if anchor.i >= sent.start + a.end - 1 else sent.start + a.end
    while nxt < sent.end and sent.doc[nxt].pos_ in ("AUX", "ADV", "PART", "SPACE"):
        nxt += 1  # "11 Palestinians were killed", "thousands still missing"
    tok = sent.doc[nxt] if nxt < sent.end else None
    if tok is not None and _metric_of(tok) and tok.pos_ in ("VERB", "ADJ") and not _agent(anchor, tok):
        return tok, _metric_of(tok)
    later = None  # a people noun such as "hostages" yields to the verb: "4 hostages were killed"
    for tok in _dependency_candidates(anchor):
        metric = _metric_of(tok)
        if metric and not _agent(anchor, tok):
            if tok is anchor and anchor.lemma_.lower() not in ABSTRACT_NOUNS:
                later = (tok, metric)
                continue
            return tok, metric
    return later or _nearby_metric(sent, a, anchor)


def _dependency_candidates(anchor: Token):
    """The anchor, its modifiers, then its heads up to the clause verb (and that verb's subject)."""
    yield anchor
    for child in anchor.children:
        if child.dep_ in ("acl", "amod", "relcl", "compound"):
            yield child
    tok = anchor
    for _ in range(5):
        if tok.head == tok:
            return
        tok = tok.head
        yield tok
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":
            for child in tok.children:  # "the death toll rose to 4,000"
                if child.dep_ in ("nsubj", "nsubjpass") and child != anchor:
                    yield child
            return


def _nearby_metric(sent: Span, a: Amount, anchor: Token) -> tuple[Token | None, str | None]:
    """Fallback for loose parses (headlines): the nearest metric word within a few words."""
    after = [t for t in sent[a.end:a.end + 6] if not t.is_space]
    before = [t for t in reversed(sent[max(0, a.start - 4):a.start]) if not t.is_space]
    for seq in (after, before):
        for tok in seq:
            if tok.like_num or tok.text in (";", ".", ":"):
                break
            metric = _metric_of(tok)
            if metric and not _agent(anchor, tok):
                return tok, metric
    # "death toll in israeli attacks on gaza rises to 23210": a toll a few words back
    for tok in reversed(sent[max(0, a.start - 15):a.start]):
        if tok.lower_ == "toll":
            return tok, "killed"
        if tok.lower_ in ("and", "while", ";", "but"):
            break
    return None, None


TALLY_NOUNS = {"figure", "toll", "tally", "count"}
ABSTRACT_NOUNS = {"casualty", "death", "fatality", "injury", "toll", "displacement", "evacuation"}
CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "conj", "relcl", "xcomp", "pcomp", "parataxis", "acl")


def _clause_head(anchor: Token) -> Token:
    tok = anchor
    while tok.head != tok:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSE_DEPS:
            return tok
        tok = tok.head
    return tok


def _clause(anchor: Token) -> set[Token]:
    """Tokens of the clause carrying the count, without other clauses nested in it."""
    head = _clause_head(anchor)
    tokens = set(head.subtree)
    for tok in list(tokens):
        if tok is head or tok.dep_ not in CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX"):
            continue
        if anchor in tok.subtree or tok.head == anchor:
            continue
        if tok.dep_ == "advcl" and any(c.lower_ == "since" for c in tok.children):
            continue  # "since the assault began" belongs to the figure
        tokens -= set(tok.subtree)
    return tokens


def _scope(sent: Span, anchor: Token, clause: set[Token], times: list[TimeMention]) -> str:
    """Cumulative for running totals ('since', 'toll', 'so far', a perfect tense with no day), else incident."""
    words = {t.lower_ for t in clause}
    if words & CUMULATIVE_CUES:
        return "cumulative"
    text = " ".join(t.lower_ for t in sorted(clause, key=lambda t: t.i))
    if any(p in text for p in CUMULATIVE_PHRASES) or _LONG_SPAN.search(text):
        return "cumulative"
    head = _clause_head(anchor)
    verbs = [head, head.head] if head.dep_ == "conj" else [head]
    # a present perfect is a total to date ("have been killed"); a past perfect tells a story ("had been killed")
    perfect = any(c.lemma_ == "have" and c.dep_ == "aux" and c.tag_ != "VBD" for v in verbs for c in v.children)
    day = any(tm.type == "DATE" and _DAY.match(tm.value) and _in(sent, tm.start, tm.end) for tm in times)
    return "cumulative" if perfect and not day and "today" not in words else "incident"


def _reporter(sent: Span, anchor: Token) -> str | None:
    """Who the sentence credits with the figure: 'according to X', 'X said/reported', 'citing X', a
    headline's '…: health ministry'."""
    for tok in sent:
        if tok.lower_ == "according":
            objs = [g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            if objs:
                return _name(objs[0])
    tok = anchor
    while tok.head != tok:
        tok = tok.head
        # "X said …" above the count, or "…, X said" hung beside it ("killed 11 …, the ministry said")
        for verb in [tok, *(c for c in tok.children if c.dep_ == "parataxis")]:
            if verb.lemma_.lower() in REPORT_VERBS:
                subj = subjects(verb)
                if subj and subj[0].lower_ not in PRONOUNS and anchor not in subj[0].subtree:
                    return _name(subj[0])
    for tok in sent:  # "the toll reported by MoH in Gaza"
        if tok.lemma_.lower() in REPORT_VERBS and tok.dep_ in ("acl", "amod"):
            objs = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if objs:
                return _name(objs[0])
    for tok in sent:
        if tok.lemma_.lower() == "cite":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs:
                return _name(objs[0])
    return _headline_credit(sent, anchor)


def _headline_credit(sent: Span, anchor: Token) -> str | None:
    """A headline's closing credit after a colon: 'Israeli strikes kill 50 in Gaza: health ministry'."""
    colons = [t for t in sent if t.text == ":" and t.i > anchor.i]
    if not colons:
        return None
    tail = [t for t in sent[colons[-1].i + 1 - sent.start:] if not (t.is_space or t.is_punct)]
    while tail and tail[0].pos_ == "DET":
        tail = tail[1:]
    # "Hamas-run" is no verb
    verbs = [t for t in tail if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")]
    if not 0 < len(tail) <= 6 or verbs or any(t.pos_ == "NUM" for t in tail) or tail[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return sent.doc[tail[0].i:tail[-1].i + 1].text


def _name(head: Token) -> str:
    """A reporter's name from its phrase: no article, no relative clause; 'news agency WAFA' -> 'WAFA'."""
    cut = {t for c in head.children if c.dep_ in ("relcl", "acl", "appos", "punct", "advcl")
           for t in c.subtree}
    toks = [t for t in head.subtree if t not in cut]
    while toks and toks[0].dep_ in ("det", "punct"):
        toks = toks[1:]
    # a common-noun description followed by a proper name: keep the name
    for i in range(len(toks) - 1, 0, -1):
        if toks[i - 1].pos_ == "NOUN" and toks[i - 1].text.islower() and toks[i].text[:1].isupper():
            if all(t.text[:1].isupper() for t in toks[i:]):
                toks = toks[i:]
            break
    return head.doc[toks[0].i:toks[-1].i + 1].text if toks else head.text
