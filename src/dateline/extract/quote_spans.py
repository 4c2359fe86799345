"""Offsets of an attribution's parts as PolNeAR marks them: the whole source phrase and the content."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.speakers import time_prep

# Children of a verb cue that carry what was said, thought or done ("said that …", "called for …").
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "oprd", "dative", "pcomp"}
# A clause, when there is one, is the content alone ("said in a statement that …" -> "…");
# the object of an infinitive stays ("urged the U.S. to …"), an addressee goes.
CLAUSE_DEPS = {"ccomp", "xcomp"}
# Children of a nominal cue that carry its content ("Trump's claim that …", "her support for …").
NOUN_CONTENT_DEPS = {"acl", "ccomp", "prep", "relcl"}
# Prepositions of place and time give the setting, not the content ("spoke in Ramallah").
SETTING_PREPS = {"in", "at", "during", "after", "before", "since", "from", "near", "inside", "outside",
                 "until", "by", "across", "throughout", "within", "amid", "while", "into", "onto", "off"}
_CLOSERS = {")", "”", "’", '"', "'"}
_PAIRED = {",", "—", "–", "--"}


def phrase_span(head: Token, is_cue=lambda tok: False, *, closer: bool = True) -> tuple[int, int]:
    """The source phrase of a head token as PolNeAR marks it: the whole noun phrase.

    Titles, appositions, relative clauses and "(D-N.C.)" stay in; a comma or dash that
    closes an apposition stays too when the phrase comes before its cue (`closer`):
    "Brian Fallon, the campaign's press secretary, said", but "…,” said Brian Fallon, the
    campaign's press secretary, “and …”.
    A clause that is an attribution of its own ("Barkley, who said he …,") is left out,
    since PolNeAR gives each word to one attribution, and so are a participle after a
    comma ("Archer, wearing a T-shirt,"), a time ("today", "in 2015") and anything before a line
    break (a time stamp the parse glued on).
    """
    cut = {t for c in head.children if _aside(c, is_cue) for t in c.subtree}
    toks = [t for t in head.subtree if t not in cut]
    for i in range(len(toks) - 1, -1, -1):
        if "\n" in toks[i].text or "\n" in toks[i].whitespace_:
            toks = toks[i + 1:]
            break
    for i, tok in enumerate(toks[1:8], 1):
        if tok.text in ("–", "—", "-", "--") and i + 1 < len(toks) and toks[0].text.isupper() and toks[0].is_alpha:
            toks = toks[i + 1:]  # a dateline glued on: "WASHINGTON (AP) — Hillary Clinton"
            break
    while toks and (toks[0].is_punct or toks[0].is_space) and toks[0].text not in ("“", '"', "("):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in _CLOSERS:
        toks = toks[:-1]
    if not toks:
        return head.idx, head.idx + len(head.text)
    doc = head.doc
    after = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    if closer and after is not None and after.text in _PAIRED and any(t.text == after.text for t in toks):
        toks.append(after)  # the apposition opened inside the phrase closes here
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _aside(child: Token, is_cue) -> bool:
    if child.dep_ == "npadvmod":
        return True
    if time_prep(child):
        return True  # "A group of doctors in 2015 sent …": when, not who
    if child.dep_ == "acl" and child.tag_ == "VBG" and child.doc[child.left_edge.i - 1].text == ",":
        return True
    return child.dep_ in ("relcl", "acl", "advcl", "parataxis") and is_cue(child)


def aside_span(cue: Token) -> tuple[int, int] | None:
    """The content of a cue set off in commas inside what was said ("Acts of protest, Mr. Obama said,
    are acts of patriotism"; "which, Tompkins said, is usually full"): the clause it hangs from, the
    aside itself included as PolNeAR spans it, or None when the cue governs content of its own."""
    if cue.dep_ != "parataxis" or cue.head.pos_ not in ("VERB", "AUX") or any(_governed(c) for c in cue.children):
        return None
    doc = cue.doc
    if cue.left_edge.i == 0 or doc[cue.left_edge.i].text != "," and doc[cue.left_edge.i - 1].text != ",":
        return None  # "…, he said." closing the sentence is a cue of its own, not an aside
    toks = [t for t in cue.head.subtree if not t.is_space]
    if toks[-1].i <= cue.i:
        return None
    while toks and toks[0].is_punct and toks[0].text not in ("“", '"'):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in _CLOSERS:
        toks = toks[:-1]
    if not toks or toks[0].i >= cue.left_edge.i:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _governed(child: Token) -> bool:
    """Whether a cue's child is content of its own, not a setting ("said on Monday", "said in a statement")."""
    if child.dep_ != "prep":
        return child.dep_ in CONTENT_DEPS
    return not (child.lower_ in SETTING_PREPS or time_prep(child))


def content_span(cue: Token, deps: set[str]) -> tuple[int, int] | None:
    """The content a cue governs: the subtrees of its content children, "that" dropped."""
    parts = [c for c in cue.children if c.dep_ in deps and not (c.dep_ == "prep" and c.lower_ in SETTING_PREPS)]
    if any(c.dep_ in CLAUSE_DEPS for c in parts):
        keep_object = any(c.dep_ == "xcomp" for c in parts)  # "told reporters that …" drops them
        parts = [c for c in parts if c.dep_ in CLAUSE_DEPS or (keep_object and c.dep_ == "dobj")]
    toks = [t for p in parts for t in p.subtree]
    toks = [t for t in toks if not (t.dep_ == "mark" and t.head in parts and t.lower_ in ("that", "whether", "if"))]
    toks.sort(key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space) and toks[0].text not in ("“", '"'):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in _CLOSERS:
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def one_paragraph(text: str, cue: int, start: int, end: int) -> tuple[int, int] | None:
    """The content cut to its cue's paragraph (a paragraph after a colon belongs to the cue's:
    "added:\n\n…"); None when no word of it is left."""
    def after_colon(pos: int) -> bool:  # the last character before `pos` that is not a space is ':'
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        return pos > 0 and text[pos - 1] == ":"

    lo = text.rfind("\n\n", 0, cue)
    while lo >= 0 and after_colon(lo):
        lo = text.rfind("\n\n", 0, lo)
    hi = text.find("\n\n", cue)
    while hi >= 0 and after_colon(hi):
        hi = text.find("\n\n", hi + 2)
    start, end = max(start, lo + 2 if lo >= 0 else 0), min(end, hi if hi >= 0 else len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if any(ch.isalnum() for ch in text[start:end]) else None
