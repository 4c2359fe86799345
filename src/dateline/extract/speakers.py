"""Name the speaker of a statement from its subject phrase and resolve it within the article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc, Token

from dateline.extract.doc_cache import entities, entity_at

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
ORG_PRONOUNS = {"it", "they", "its", "their"}  # "their claim that …"
ORG_NOUNS = {"group", "movement", "organisation", "organization", "ministry", "army",
             "military", "government", "agency", "office", "party", "authority", "militia",
             "faction", "spokesman", "spokeswoman", "spokesperson", "statement"}
# Organisation nouns that refer back only to an organisation of their kind ("the ministry" to the
# "Ministry of Health", "the army" never to Hamas); the others ("the group") to any.
KIND_NOUNS = {"ministry", "army", "military", "government", "agency", "office", "authority"}
# Titles dropped before a name: "President Abbas" -> "Abbas" (then resolved to the full name).
TITLES = {"president", "prime", "minister", "secretary", "mr.", "mrs.", "ms.", "dr.", "mr",
          "ms", "dr", "sen.", "rep.", "gov.", "general", "gen.", "foreign", "defense",
          "defence", "chief", "spokesman", "spokeswoman", "leader", "king", "sheikh", "senator",
          "ambassador", "envoy", "commander", "colonel", "lt.", "col.", "adm.", "the"}
_SPEECH = {"say", "tell", "add", "state", "report", "announce", "claim", "write", "insist", "warn", "explain"}
_NAMED = re.compile(r"\b(?:named|called)\s+[‘'\"“](.+?)[’'\"”]")


@dataclass
class SpeakerBook:
    """Speakers seen so far in one article, for surname and pronoun resolution."""

    last_person: tuple[int, str] | None = None  # (character offset, name)
    last_org: str | None = None
    people: list[str] = field(default_factory=list)  # person speakers in order, for "she and Lockyear"

    def resolve(self, head: Token, phrase: str, kind: str) -> str | None:
        """The speaker name for a subject phrase of this kind ('person', 'org', 'he', 'it')."""
        before = person_names(head.doc, head.idx)
        if kind == "org" and _full_name(phrase, before) != phrase:
            kind = "person"  # a surname the small model did not tag as a person
        if kind == "org" and any(e.label_ == "PERSON" and _strip_titles(e.text) == phrase for e in entities(head.doc)
                                 if head.left_edge.i <= e.start and e.end <= head.right_edge.i + 1):
            kind = "person"  # "the Emergency Relief Coordinator, Martin Griffiths," is a person
        if kind == "person_pronoun":
            found = [c for c in (self.last_person, _last_person_subject(head, before)) if c]
            if not found:
                return None
            named = _partners(head, before)  # "She and Lockyear": she is someone else
            other = next((p for p in reversed(self.people) if p not in named), None) if named else None
            return _pair(head, other or max(found)[1], before)
        if kind == "org_pronoun":
            if head.lower_ == "they" and _people_just_named(head):
                return None
            last = self.last_org or _last_org_subject(head)
            if head.lower_ in KIND_NOUNS and (last is None or head.lower_ not in last.lower()):
                return head.text  # "the army" is not the last organisation unless that one is an army
            return last
        if kind == "person":
            name = _full_name(phrase, before)
            self.last_person = (head.idx, name)
            self.people.append(name)
            return _pair(head, name, before)
        self.last_org = _pair(head, phrase, before)
        return self.last_org


def _pair(head: Token, name: str, before: list[str]) -> str:
    """Names joined by "and" each named in full ("Trump and Zelenskyy disagreed" -> "Donald Trump and
    Volodymyr Zelenskyy"; "She and Lockyear" -> `name`, whom "she" stands for, and Lockyear's full
    name); `name` itself when the subject is not such a pair."""
    partners = _partners(head, before)
    if not partners:
        return name
    return " and ".join([name if head.pos_ == "PRON" else _named_in_full(head, before), *partners])


def _partners(head: Token, before: list[str]) -> list[str]:
    """The full names of the people a subject names beside its head with "and" ("Trump and Zelenskyy")."""
    conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    if not conj or head.pos_ not in ("PROPN", "PRON") or not any(c.dep_ == "cc" for c in head.children):
        return []
    return [_named_in_full(c, before) for c in conj]


def _named_in_full(tok: Token, before: list[str]) -> str:
    words = [*(t.text for t in tok.lefts if t.pos_ == "PROPN"), tok.text]
    return _full_name(_strip_titles(" ".join(words)), before)


def _people_just_named(head: Token) -> bool:
    """Whether the sentence before "they" (or its own words before it) names two or more people
    ("… a meeting with Mahmoud Abbas. They discussed …"): they are those people, not the last
    organisation, and stay unresolved."""
    sent = head.sent
    start = head.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    names = {e.text.split()[-1] for e in entities(head.doc)
             if e.label_ == "PERSON" and start <= e.start and e.end <= head.i}
    return len(names) >= 2


def _last_person_subject(head: Token, before: list[str]) -> tuple[int, str] | None:
    """The last person named as the subject of any verb before `head` (for "he"/"she"), but not of a
    clause someone reported ("Abbas said Blinken had ignored them. He added …": he is Abbas)."""
    tok = _last_subject(head, "PERSON")
    return (tok.idx, _full_name(_entity_name(tok), before)) if tok is not None else None


def _last_org_subject(head: Token) -> str | None:
    """The last organisation named as the subject of a verb before `head`, for "the group" when no
    organisation has spoken yet ("…, a move that Hamas sharply criticised. In a statement, the group …")."""
    tok = _last_subject(head, "ORG")
    return _entity_name(tok) if tok is not None else None


def _last_subject(head: Token, label: str) -> Token | None:
    """The last subject before `head` tagged `label` (PERSON, ORG), outside what someone reported."""
    for tok in reversed(head.doc[:head.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ == label and not _reported_clause(tok.head):
            return tok
    return None


def _entity_name(tok: Token) -> str:
    """The name of the entity a token lies in, titles dropped; the token itself outside one."""
    ent = entity_at(tok.doc, tok.i)
    return _strip_titles(ent.text) if ent is not None else tok.text


def _reported_clause(verb: Token) -> bool:
    """Whether a verb heads what a speech verb reports: the clausal complement of "said", "told", …"""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _SPEECH


MISSPELT_MIN = 7  # a surname this long may differ by one letter from the one named in full


def _plain(name: str) -> str:
    return name.casefold().replace("’", "'").replace("‘", "'")


def same_surname(a: str, b: str) -> bool:
    """Whether two surnames name the same person: equal but for case and the apostrophe's shape
    ("al-Rufay’i", "Al-Rufay'i"), or long and one letter apart ("Pederson" for "Pedersen")."""
    a, b = _plain(a), _plain(b)
    if a == b:
        return True
    return min(len(a), len(b)) >= MISSPELT_MIN and a[0] == b[0] and Levenshtein.distance(a, b) == 1


def _full_name(name: str, before: list[str]) -> str:
    """'Blinken' -> 'Antony Blinken' when the longer name appeared earlier in the article (a surname
    written the same way first, else one spelt a letter apart, see same_surname)."""
    parts = name.split()
    if not parts:
        return name
    longer = [full for full in before if len(full.split()) > len(parts)]
    for exact in (True, False):
        for full in longer:
            last = full.split()[-1]
            if (last == parts[-1]) if exact else same_surname(last, parts[-1]):
                return full
    return name


def named_in_full(doc: Doc, name: str, end: int) -> str:
    """A name as written ("Sanders", "Sen. Bernie Sanders") as the article names that person in full
    before character `end` ("Bernie Sanders"), titles dropped."""
    return _full_name(_strip_titles(name), person_names(doc, end))


def person_names(doc: Doc, end: int) -> list[str]:
    """PERSON entities before character `end`, longest first, then first named (titles stripped)."""
    persons = doc.user_data.get(_PERSONS)
    if persons is None:  # read once per doc: speakers are resolved many times an article
        persons = [(e.end_char, _strip_titles(e.text)) for e in entities(doc) if e.label_ == "PERSON"]
        doc.user_data[_PERSONS] = persons
    first: dict[str, int] = {}  # name -> end of its first mention
    for end_char, name in persons:
        if end_char <= end:
            first.setdefault(name, end_char)
    # Longest first; among names as long, the first named: a report names its subject in full
    # before relatives or colleagues who share the surname ("Sali Berisha ... his son, Shkëlzen
    # Berisha ... Berisha said").
    return sorted(first, key=lambda n: (-len(n.split()), first[n]))


_PERSONS = "dateline.person_names"  # doc.user_data key of the article's (end, name) PERSON list


def _strip_titles(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in TITLES:
        words = words[1:]
    return " ".join(words)


def time_prep(tok: Token) -> bool:
    """Whether a token is a preposition of time ("in 2015", "on Monday"): when, not who."""
    return tok.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in tok.children)


def mention_tokens(head: Token) -> list[Token]:
    """The subject phrase without relative clauses, appositions, times ("in 2015") or trailing punctuation."""
    cut = {t for c in head.children if c.dep_ in ("relcl", "acl", "appos", "advcl", "punct", "npadvmod")
           or time_prep(c) for t in c.subtree}
    toks = [t for t in head.subtree if t not in cut]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


def speaker_kind(head: Token) -> str:
    """person, org, person_pronoun or org_pronoun for a subject head token."""
    low = head.lower_
    if low in PERSON_PRONOUNS:
        return "person_pronoun"
    if _named(head):
        return "org"
    # "the group", "the armed group", "the Ministry": the last organisation named; "the Ministry of
    # Health" and "the Israeli military" name one of their own
    bare = head.text.islower() or all(c.dep_ == "det" for c in head.children)
    if low in ORG_PRONOUNS or (low in ORG_NOUNS and bare and any(c.lower_ == "the" for c in head.children)
                               and not any(c.pos_ == "PROPN" or c.ent_type_ for c in head.children)):
        return "org_pronoun"
    if head.ent_type_ == "PERSON":
        return "person"
    return "org"


def speaker_name(head: Token, toks: list[Token]) -> str:
    """A speaker's display name: a person's name, an organisation's own name, else the phrase."""
    doc = head.doc
    if head.ent_type_ == "PERSON":
        ent = entity_at(doc, head.i)
        if ent is not None:
            return _strip_titles(ent.text)
    named = _named(head)
    if named:  # "the advocacy group, named 'Breaking the Silence'"
        return named
    for tok in head.subtree:  # "the Humanitarian Coordinator for the OPT, Lynn Hastings, stated"
        ent = entity_at(doc, tok.i) if tok.dep_ == "appos" and tok.ent_type_ == "PERSON" else None
        if ent is not None:
            return _strip_titles(ent.text)
    while toks and toks[0].dep_ in ("det",):
        toks = toks[1:]
    return doc[toks[0].i:toks[-1].i + 1].text if toks else head.text


def _named(head: Token) -> str | None:
    """The quoted name in "the group, named 'Breaking the Silence'", if the subject phrase has one."""
    doc = head.doc
    last = head.right_edge.i + 1
    m = _NAMED.search(doc[head.left_edge.i:min(last + 1, len(doc))].text)  # doc.text is rebuilt on each call
    return m.group(1).strip(" ,") if m else None


def speaker_role(head: Token) -> str | None:
    """The role or affiliation written with a speaker: an apposition ("the leader of Lebanon's
    Hezbollah group") or an "of" phrase after a person ("of Northwestern University in Qatar")."""
    for child in head.children:
        if child.dep_ == "appos":
            toks = [t for t in child.subtree if not t.is_space]
            while toks and toks[-1].is_punct:
                toks = toks[:-1]
            if toks:
                return head.doc[toks[0].i:toks[-1].i + 1].text
    if head.ent_type_ == "PERSON":
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "at"):
                return head.doc[child.i:child.right_edge.i + 1].text
    return None
