"""Attribution cues: the mined cue lexicon and the source phrase each cue takes."""

from __future__ import annotations

import functools
import re
from importlib import resources

from spacy.tokens import Token

from dateline.extract.doc_cache import doc_text

# A cue fires when its lexicon row says that, among tokens of this lemma and part of speech
# that had a source phrase, at least MIN_RATE were annotated as cues, seen at least MIN_SEEN times.
MIN_RATE = 0.25
MIN_SEEN = 5
RELATIVE = {"who", "which", "that"}
# Speech verbs that can introduce a direct quote, besides the mined lexicon and the cue model
# (kept for conflict reporting, whose speech verbs the campaign-news training data lacks).
CUE_LEMMAS = {
    "say", "add", "state", "warn", "urge", "demand", "tell", "call", "describe", "insist",
    "stress", "emphasize", "emphasise", "claim", "announce", "accuse", "deny", "note", "argue",
    "explain", "write", "ask", "declare", "vow", "pledge", "threaten", "reiterate", "affirm",
    "acknowledge", "assert", "allege", "confirm", "report", "tweet", "post", "respond",
    "reply", "predict", "promise", "suggest", "believe", "contend", "maintain", "admit",
    "concede", "complain", "recall", "point", "express", "condemn", "denounce", "reaffirm",
    # beliefs, findings and charges are attributions too (PolNeAR annotates them)
    "think", "know", "feel", "hope", "expect", "fear", "worry", "doubt", "find", "show",
    "indicate", "question", "blame", "mention", "agree", "estimate", "charge", "joke",
    "boast", "brag", "speculate", "wonder", "reveal", "recommend", "propose", "dismiss",
    "criticize", "criticise", "praise", "characterize", "label", "insist", "testify",
    "observe", "remark", "signal", "hint", "proclaim", "decry", "lament", "concur", "caution",
}
# A common noun is no speaker when, among the times it was a verb's subject in PolNeAR train, it
# headed a gold source less than MUTE_RATE of them, seen at least MUTE_SEEN times ("the meeting
# focused on", "the violence highlighted"): quotes_source_nouns.tsv.
MUTE_RATE = 0.05
MUTE_SEEN = 5
# Conflict reporting's tolls and acts of violence, which campaign news seldom makes subjects, are no
# speakers either ("the toll has passed 1,700", "Israeli airstrikes targeted …").
MUTE_NOUNS = {"toll", "death", "casualty", "fatality", "violence", "attack", "strike", "airstrike",
              "raid", "explosion", "blast", "shelling", "bombardment", "fighting", "clash", "war",
              "conflict", "crisis", "situation", "escalation", "offensive", "operation", "incursion"}
# A dateline opening the text: "TEL AVIV –", "GAZA CITY (Reuters) -", "JERUSALEM, Nov 5 (AP) —".
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’ ]{1,40}(?:,[^–—\n]{1,20}?)?(?:\s*\([A-Za-z .]{1,30}\))?\s*[–—-]{1,2}\s")


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, str], tuple[int, int]]:
    """(lemma, VERB|NOUN) -> (times annotated as a cue, times seen with a source) from quotes_cues.tsv."""
    rows = {}
    text = resources.files("dateline").joinpath("data/quotes_cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, pos, cued, seen = line.split("\t")[:4]
        rows[(lemma, pos)] = (int(cued), int(seen))
    return rows


@functools.lru_cache(maxsize=1)
def cue_words(min_rate: float | None = None, min_seen: int | None = None) -> frozenset[tuple[str, str]]:
    """The (lemma, pos) pairs treated as cues (thresholds default to MIN_RATE and MIN_SEEN)."""
    rate = MIN_RATE if min_rate is None else min_rate
    least = MIN_SEEN if min_seen is None else min_seen
    return frozenset(k for k, (cued, seen) in cue_lexicon().items() if seen >= least and cued / seen >= rate)


def subjects(verb: Token) -> list[Token]:
    """A verb's subjects that can be a source; of a phrase the parse split in two ("The official news
    agency WAFA reported": two subjects) the proper name that ends it."""
    found = [c for c in verb.children if c.dep_ == "nsubj" and not never_source(c)]
    if len(found) > 1 and found[0].right_edge.i + 1 == found[1].left_edge.i and found[1].pos_ == "PROPN":
        return found[1:]
    return found


def verb_source(cue: Token) -> tuple[Token, Token] | None:
    """(mention, referent) heads of a verb cue's source, or None.

    The mention is what the text says ("who", "he", "the group"); the referent is the
    phrase to name the speaker by (the antecedent of "who"). A participle or a second
    verb shares its subject: "Hamas denounced X and said Y", "…, saying that …".
    """
    for child in subjects(cue):
        if child.lower_ in RELATIVE and cue.dep_ == "relcl":
            return child, cue.head
        return child, child
    for child in cue.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0], objs[0]
    if cue.dep_ in ("conj", "xcomp", "advcl") and cue.head.pos_ in ("VERB", "AUX"):
        if cue.dep_ == "advcl" and any(c.dep_ == "mark" for c in cue.children):
            return None  # "if he says …", "because they believe …": not the main subject's words
        return verb_source(cue.head)
    return None


@functools.lru_cache(maxsize=1)
def _source_nouns() -> dict[str, tuple[int, int]]:
    """lemma -> (times a gold source's root, times a verb's subject) from quotes_source_nouns.tsv."""
    text = resources.files("dateline").joinpath("data/quotes_source_nouns.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {lemma: (int(source), int(subject)) for lemma, source, subject in rows}


def mute_noun(head: Token, cue: Token | None) -> bool:
    """Whether a source phrase headed by this word names no speaker: a common noun seldom a source
    ("The meeting focused on …", "the recent violence has highlighted …"), unless the cue is a
    speech or belief verb ("the ruling said …")."""
    if head.pos_ != "NOUN" or (cue is not None and cue.lemma_.lower() in CUE_LEMMAS):
        return False
    if head.lemma_.lower() in MUTE_NOUNS:
        return True
    source, subject = _source_nouns().get(head.lemma_.lower(), (0, 0))
    return subject >= MUTE_SEEN and source < MUTE_RATE * subject


def never_source(tok: Token) -> bool:
    """Whether a word cannot begin a source: a mark ("*"), the "it" of "it is crucial to …", "it is clear
    that …" (nobody's words), or a word of the dateline opening the text ("TEL AVIV –", a place)."""
    if not any(ch.isalnum() for ch in tok.text):
        return True  # a bullet's "*" the parse made a subject
    if tok.lower_ == "it" and tok.dep_ in ("nsubj", "expl"):
        return any(c.dep_ in ("acomp", "attr") for c in tok.head.children) and any(
            c.dep_ in ("xcomp", "ccomp") for c in tok.head.children)
    if tok.idx > 80:
        return False
    m = _DATELINE.match(doc_text(tok.doc))
    return m is not None and tok.idx < m.end()


def contrast_mark(cue: Token) -> Token | None:
    """The "while" or "whereas" that sets a speech verb with a subject of its own against the clause it
    hangs from ("… have been killed, while Israel claims …"): a second party's statement, not the first's."""
    if cue.dep_ != "advcl" or cue.lemma_.lower() not in CUE_LEMMAS or not any(c.dep_ == "nsubj" for c in cue.children):
        return None
    return next((c for c in cue.children if c.dep_ == "mark" and c.lower_ in ("while", "whereas")), None)


def noun_source(cue: Token) -> Token | None:
    """The possessor of a nominal cue ("Trump's claim", "the report's finding"), or None."""
    for child in cue.children:
        if child.dep_ == "poss":
            return child
    return None


def in_lexicon(tok: Token) -> bool:
    """Whether a token is in the cue lexicon for its part of speech."""
    pos = "NOUN" if tok.pos_ == "NOUN" else "VERB" if tok.pos_ == "VERB" else None
    return pos is not None and (tok.lemma_.lower(), pos) in cue_words()
