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

from dateline.extract.events_lexicon import casualty_token

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
                    "worshipper", "child", "woman", "farmer", "people", "man", "boy", "girl",
                    "student", "pupil", "patient", "journalist", "idp", "worker", "passenger",
                    "elder", "schoolgirl", "schoolchild"}
PROTESTERS = {"protester", "protestor", "demonstrator", "marcher", "rioter"}
# Casualty verbs that tell deaths (a toll of injuries alone is no incident).
KILLING = {"kill", "martyr", "murder", "shoot", "execute"}
_TOLLS = {"number", "toll", "total", "tally", "count", "figure"}
_SPANS = {"since", "throughout"}
_STOPS = {"cease", "stop", "end", "halt", "subside", "pause", "suspend"}


def attribution_only(verb: Token, *, direct: bool = False) -> bool:
    """True when a reporting verb only attributes what it carries: an incident, or a plain
    indirect report of facts. Opinion verbs (warn, condemn, reject, claim...) always stand."""
    if verb.lemma_.lower() not in REPORTING and verb.lower_ != "according":
        return False
    content = _content(verb)
    incidents = [t for t in content if (t.lemma_.lower() in INCIDENT or t.lower_ in INCIDENT)
                 and not _hypothetical(t)]
    if any(not cumulative(t) for t in incidents):
        return True
    if incidents or direct or _quoted(verb.sent):
        return False  # a toll claimed ("15,000 have been killed since...") is a statement
    return not any(t.tag_ == "MD" or t.lemma_.lower() in OPINION for t in content)


def _hypothetical(token: Token) -> bool:
    """"if school children can still be attacked": a modal or conditional, no report."""
    for node in (token, *list(token.ancestors)[:2]):
        if any(c.tag_ == "MD" or (c.dep_ == "mark" and c.lower_ in ("if", "unless"))
               for c in node.children):
            return True
    return False


def conditional(token: Token) -> bool:
    """"if school children can still be attacked": a trigger under "if"/"unless" tells no
    incident."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children) or (
        token.dep_ == "conj" and conditional(token.head))


# Verbs whose infinitive tells what is wanted, planned or feared, not what happened.
INTENT = {"urge", "call", "plan", "threaten", "vow", "aim", "prepare", "want", "seek", "intend",
          "ask", "warn", "pledge", "try", "attempt", "prevent", "avoid", "refuse", "decide",
          "demand", "promise", "hope", "expect", "need", "push", "press", "agree"}
_MODALS = {"would", "could", "might", "may", "should", "will", "must", "can", "shall", "'ll", "wo"}
_NOT_YET = {"before", "without", "instead", "unless", "if"}  # "before resuming operations"
_UNREAL_DETS = {"any", "no", "future"}  # "any military operation around hospitals must..."
_DEFINITE = {"the", "this", "that", "these", "those"}
# Links that stay inside one clause: a noun up to its verb, an infinitive up to the verb it completes.
_WITHIN_CLAUSE = {"xcomp", "pobj", "pcomp", "prep", "dobj", "nsubj", "nsubjpass", "attr",
                  "compound", "amod", "npadvmod", "agent"}


def irrealis(token: Token) -> bool:
    """A trigger that tells what may, would or should happen, not what happened: under a modal
    ("could spread", "will strike"), inside what an intent verb wants ("urged Israel to protect
    civilians when launching operations"), after "before"/"without" ("before resuming any
    operations"), or a noun of no particular incident ("any military operations"). A noun
    with "the" or a possessive names a known incident even there ("to halt its assault")."""
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in _UNREAL_DETS for c in token.children if c.dep_ in ("det", "amod")):
            return True
        if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in token.children):
            return False  # "to foil the Israeli operation in Jenin": a known, real incident
    node = token
    for _ in range(5):
        children = list(node.children)
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _NOT_YET for c in children):
            return True
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in _NOT_YET:
            return True
        if node.dep_ in ("xcomp", "ccomp", "advcl") and node.head.lemma_.lower() in INTENT \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
            return True
        own_clause = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in children)
        if node.dep_ not in _WITHIN_CLAUSE and not (node.dep_ == "conj" and not own_clause):
            break  # a clause of its own (its modal, if any, was checked above)
        node = node.head
    return False


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
    # "Among the deadliest incidents was an airstrike that killed 43": described, it is one.
    told = any(c.dep_ in ("relcl", "acl") for c in token.children)
    return token.dep_ in ("attr", "oprd") and token.head.lemma_.lower() in ("be", "make") \
        and not told


def _subject_head(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.head


def linked_violent(casualty: Token, violent: list[Token]) -> Token | None:
    """The violent trigger a casualty verb belongs to: its nearest violent ancestor ("was
    hit, killing"), else a violent trigger under it with no other casualty between ("killed
    when a house was hit", "killed in airstrikes"), else None."""
    # The stated means under the casualty go first ("killed when a building was hit" in a
    # list of such reports), then the strike above it ("was hit, killing").
    below = [v for v in violent if getattr(_first_casualty_above(v), "i", None) == casualty.i
             and not own_incident(v, casualty)]
    if below:
        return min(below, key=lambda v: abs(v.i - casualty.i))
    ids = {v.i: v for v in violent}
    for anc in casualty.ancestors:
        if anc.i in ids:
            return ids[anc.i]
    return None


def own_incident(violent: Token, casualty: Token) -> bool:
    """A trigger under the casualty that tells another incident: in a relative clause on the
    victims ("killed six attackers who laid siege to a hotel"), or a conjoined clause with
    its own subject ("shot dead two militants, and four of them blew themselves up")."""
    victims = {c.i for c in casualty.children if c.dep_ in ("dobj", "nsubjpass")}
    node = violent
    while node.i != casualty.i and node.head.i != node.i:
        if (node.dep_ == "relcl" and node.head.i in victims) or (
                node.dep_ == "conj" and node.pos_ == "VERB" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children)):
            return True
        node = node.head
    return False


def _first_casualty_above(token: Token) -> Token | None:
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
    # "members of one extended family" are no fighters.
    lemmas = {n.lemma_.lower() for n in nouns if not _of_family(n)}
    if lemmas & PROTESTERS:
        return "protesters"
    if lemmas & FIGHTERS:
        return "fighters"
    if lemmas & CIVILIAN_TARGETS:
        return "civilians"
    return None


def _over_a_period(token: Token) -> bool:
    """A "since ...", "as of ...", "between <date> and <date>" phrase on the casualty verb
    with no perpetrator named ("43 killed by Israeli forces since Saturday" stays an event)."""
    if any(c.dep_ == "agent" for c in token.children):
        return False
    for c in token.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return True
        if c.dep_ not in ("prep", "npadvmod"):
            continue
        words = [t.lower_ for t in c.subtree]
        if words[0] in _SPANS or words[:2] == ["as", "of"] or (
                words[0] == "between" and any(t.ent_type_ == "DATE" for t in c.subtree)):
            return True
    return False


def _recent(token: Token) -> bool:
    """"killed over the past 24 hours": a day's report, told as an incident."""
    return any(c.dep_ == "prep" and c.lower_ in ("over", "in", "during") and any(
        t.lower_ in ("past", "last") for t in c.subtree) for c in token.children)


def _perfect_toll(token: Token) -> bool:
    """"Some 284 IDPs have been killed": a perfect-tense count in the hundreds, no means."""
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
        return False
    if any(c.dep_ in ("agent", "prep") and c.lower_ in ("by", "during") for c in token.children):
        return False
    for c in token.children:
        if c.dep_ == "nsubjpass":
            for t in c.subtree:
                if t.like_num and t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= 100:
                    return True
    return False


def _of_family(noun: Token) -> bool:
    return any(c.lower_ == "of" and any(g.lemma_.lower() in ("family", "household", "clan")
                                        for g in c.children) for c in noun.children)


def cumulative(token: Token) -> bool:
    """"The cumulative number of Palestinians killed", "since the start of hostilities, 15,000
    have been killed", "between 7 October and 8 December ... were killed": a toll, no incident."""
    if casualty_token(token) and not _recent(token) and (_over_a_period(token)
                                                         or _perfect_toll(token)):
        return True
    for depth, anc in enumerate(token.ancestors):
        if depth > 3:
            break
        if anc.lemma_.lower() in _TOLLS and anc.pos_ == "NOUN":
            return True
    return False
