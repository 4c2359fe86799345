"""Event rules over the parse: attribution-only statements, generic mentions, casualty links.

Kept apart from `events.py` (which finds triggers and their parties) because these rules
decide what a trigger *is*: a "said" that only attributes a reported incident is not a
Statement (the incident is the event); "the deadliest attacks" or "strikes have ceased" name
no incident; a "killed" tells the casualties of the strike or raid it is linked to in the
parse ("killed when a house was hit", "was hit, killing"), not a second event. Limits: the
opinion/report split is lexical (direct quotes, modals and opinion words keep a Statement),
so an indirect "X says the conflict displaced 12 million" is dropped as attribution.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Verbs that only report: their Statement needs opinion-like content to stand.
REPORTING = {"say", "tell", "state", "report", "confirm", "add", "announce",
             "affirm", "according"}
# Content words that make reported speech an opinion, demand, plan or judgement.
OPINION = {"need", "necessary", "must", "should", "urge", "unacceptable", "important",
           "ready", "willing", "plan", "intend", "hope", "believe", "want", "support",
           "oppose", "welcome", "regret", "responsible", "baseless", "false", "right", "wrong"}
# Words that tell a casualty or violent incident inside reported speech.
INCIDENT = {"kill", "die", "dead", "death", "injure", "wound", "hurt", "attack", "strike",
            "airstrike", "shell", "shelling", "bomb", "bombing", "raid", "clash", "fire",
            "fight", "fighting", "explosion", "blast", "blow", "hit", "storm", "siege",
            "martyr", "shoot", "rescue", "capture", "kidnap", "abduct", "hostage", "body",
            "bodies", "arrest", "detain", "destroy", "damage", "casualty", "fatality", "toll"}
# A casualty whose victims are these fought: Battles, not Violence against civilians.
FIGHTERS = {"militant", "attacker", "terrorist", "gunman", "fighter", "rebel", "soldier",
            "troop", "personnel", "insurgent", "combatant", "jihadist", "policeman",
            "officer", "guard", "member"}
CIVILIAN_TARGETS = {"village", "civilian", "resident", "family", "home", "villager",
                    "worshipper", "child", "woman", "farmer", "people"}
PROTESTERS = {"protester", "protestor", "demonstrator", "marcher", "rioter"}
# Casualty verbs that tell deaths (a toll of injuries alone is no incident).
KILLING = {"kill", "martyr", "murder", "shoot", "execute"}
_TOLLS = {"number", "toll", "total", "tally", "count", "figure"}
_STOPS = {"cease", "stop", "end", "halt", "subside", "pause", "suspend"}


def attribution_only(verb: Token, *, direct: bool = False) -> bool:
    """True when a reporting verb only attributes what it carries: an incident, or a plain
    indirect report of facts. Opinion verbs (warn, condemn, reject, claim...) always stand."""
    if verb.lemma_.lower() not in REPORTING and verb.lower_ != "according":
        return False
    content = _content(verb)
    if any(t.lemma_.lower() in INCIDENT or t.lower_ in INCIDENT for t in content):
        return True
    if direct or _quoted(verb.sent):
        return False
    return not any(t.tag_ == "MD" or t.lemma_.lower() in OPINION for t in content)


def _content(verb: Token) -> list[Token]:
    """What the verb reports: its clausal complement, else the sentence minus the speaker."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        clauses.append(verb.head)  # "..., he said": the quote is the head clause
    if clauses:
        return [t for c in clauses for t in c.subtree if t.i != verb.i]
    speaker = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return [t for t in verb.sent if t.i not in speaker and t.i != verb.i]


def _quoted(sent: Span) -> bool:
    return any(t.text in ('"', "\u201c", "\u201d", "\u2018") for t in sent)


def generic_mention(token: Token) -> bool:
    """A trigger noun that names no incident: "the deadliest attacks", "strikes have ceased",
    "it was the deadliest attack" (a predicate describing something told elsewhere)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.tag_ == "JJS" or c.lower_ in ("deadly", "deadliest") for c in token.children
           if c.dep_ in ("amod", "advmod")):
        return True
    if token.dep_ in ("nsubj", "conj") and _subject_head(token).lemma_.lower() in _STOPS:
        return True
    return token.dep_ in ("attr", "oprd") and token.head.lemma_.lower() in ("be", "make")


def _subject_head(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head


def linked_violent(casualty: Token, violent: list[Token]) -> Token | None:
    """The violent trigger a casualty verb belongs to: its nearest violent ancestor ("was
    hit, killing"), else a violent trigger under it with no other casualty between ("killed
    when a house was hit", "killed in airstrikes"), else None."""
    ids = {v.i: v for v in violent}
    for anc in casualty.ancestors:
        if anc.i in ids:
            return ids[anc.i]
    below = [v for v in violent
             if getattr(_first_casualty_above(v), "i", None) == casualty.i]
    return min(below, key=lambda v: abs(v.i - casualty.i), default=None)


def _first_casualty_above(token: Token) -> Token | None:
    from dateline.extract.events import casualty_token  # the trigger table lives there

    for anc in token.ancestors:
        if casualty_token(anc):
            return anc
    return None


def victims_kind(token: Token) -> str | None:
    """"fighters", "protesters" or "civilians" when a casualty's victims (object, passive subject, or the
    noun a participle modifies) are named that way; None otherwise."""
    nouns = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        nouns.append(token.head)
    nouns += [c for n in list(nouns) for c in n.conjuncts]
    lemmas = {n.lemma_.lower() for n in nouns}
    if lemmas & PROTESTERS:
        return "protesters"
    if lemmas & FIGHTERS:
        return "fighters"
    if lemmas & CIVILIAN_TARGETS:
        return "civilians"
    return None


def cumulative(token: Token) -> bool:
    """"The cumulative number of Palestinians killed": a casualty inside a toll phrase."""
    for depth, anc in enumerate(token.ancestors):
        if depth > 3:
            break
        if anc.lemma_.lower() in _TOLLS and anc.pos_ == "NOUN":
            return True
    return False
