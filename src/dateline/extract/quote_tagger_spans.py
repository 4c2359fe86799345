"""Group the tagger's SOURCE / CUE / CONTENT chunks into attributions (one cue, its source, its contents)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from dateline.extract.doc_cache import doc_text

CUE_GAP = 2  # cue pieces this few untagged tokens apart are one cue ("is expected to announce")
STEPS = 1  # a chunk joins the cue its root hangs from directly (longer head chains measured worse)
CARRY = 1  # sentences a cue-less content may lie after the attribution it continues
_ENDS = set(".!?:;”\"’')")  # a line ending in none of these is a heading


@dataclass
class Chunk:
    """A run of tokens with one tag: kind SRC, CUE or CON; first and last token index (inclusive)."""

    kind: str
    first: int
    last: int
    sents: set[int] = field(default_factory=set)
    opened: bool = True  # began with a B- label (an I- label opening a sentence continues the last one)


@dataclass
class Attribution:
    """One attribution as tagged: its cue chunk (may be None), source chunk (may be None) and contents."""

    cue: Chunk | None
    source: Chunk | None
    contents: list[Chunk]


def chunks(doc: Doc, labels: list[str]) -> list[Chunk]:
    """Tagged runs in doc order, spaces trimmed; a content that runs on into the next sentence stays one."""
    sent_of = sentence_ids(doc)
    out: list[Chunk] = []
    cur: Chunk | None = None
    for tok, label in zip(doc, labels):
        if tok.is_space:
            continue  # a line break inside a quote does not end it
        kind = label[2:] if label != "O" else None
        if kind is None or label.startswith("B-") or cur is None or cur.kind != kind:
            if cur is not None:
                out.append(cur)
            cur = Chunk(kind, tok.i, tok.i, opened=label.startswith("B-")) if kind else None
        else:
            cur.last = tok.i
    if cur is not None:
        out.append(cur)
    kept = []
    for c in out:
        while c.first < c.last and doc[c.first].is_space:
            c.first += 1
        while c.last > c.first and doc[c.last].is_space:
            c.last -= 1
        if all(t.is_space or t.is_punct for t in doc[c.first:c.last + 1]):
            continue
        # its sentences are its words' ('…money."' stays in one though the splitter puts the mark in the next)
        words = [t.i for t in doc[c.first:c.last + 1] if not (t.is_space or t.is_punct)]
        c.sents = {sent_of[words[0]], sent_of[words[-1]]}
        prev = kept[-1] if kept else None
        if (prev is not None and prev.kind == c.kind == "CON" and not c.opened and sent_of[c.first] != sent_of[prev.last]
                and all(t.is_space or t.is_punct for t in doc[prev.last + 1:c.first])):
            prev.last, prev.sents = c.last, prev.sents | c.sents  # a quote the sentence splitter cut
            continue
        kept.append(c)
    return _merge_cues(doc, kept, labels)


def _merge_cues(doc: Doc, found: list[Chunk], labels: list[str]) -> list[Chunk]:
    out: list[Chunk] = []
    for c in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == c.kind == "CUE" and prev.sents == c.sents
                and c.first - prev.last - 1 <= CUE_GAP and all(lab == "O" for lab in labels[prev.last + 1:c.first])):
            prev.last = c.last
            continue
        out.append(c)
    return out


def sentence_ids(doc: Doc) -> list[int]:
    """The number of each token's sentence."""
    ids = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            ids[i] = n
    return ids


def _gap(a: Chunk, b: Chunk) -> int:
    return max(a.first - b.last, b.first - a.last, 0)


def _governing_cue(doc: Doc, chunk: Chunk, cue_of: dict[int, Chunk]) -> Chunk | None:
    """The cue a chunk hangs from in the parse: the first cue token up the head chain of its root."""
    node = doc[chunk.first:chunk.last + 1].root
    for _ in range(STEPS):
        if node.i in cue_of and not chunk.first <= node.i <= chunk.last:
            return cue_of[node.i]
        if node.head is node:
            return None
        node = node.head
    return None


def _rank(doc: Doc, cue: Chunk, source: Chunk, cue_of) -> tuple[int, int]:
    """Which of two sources a cue keeps: one the parse attaches to it first, then the nearest."""
    return (0 if _governing_cue(doc, source, cue_of) is cue else 1, _gap(cue, source))


def _continues(doc: Doc, prev: Chunk, c: Chunk) -> bool:
    """Whether a cue-less content may continue the statement before it: not across a heading (a line
    with no closing punctuation: "FAQs", "Correction") or a question ("Q: …"), which are nobody's words."""
    start, end = doc[prev.last].idx + len(doc[prev.last].text), doc[c.first].idx
    lines = [line.strip() for line in doc_text(doc)[start:end].split("\n")[1:]]
    return not any(line and line[-1] not in _ENDS for line in lines[:-1]) and not lines[-1:] == ["Q:"]


def attributions(doc: Doc, labels: list[str], *, carry_over: bool = True,
                 found: list[Chunk] | None = None) -> list[Attribution]:
    """Attributions from tagged chunks: each source and content joins the cue the parse hangs it
    from, else the nearest cue in its
    sentence(s); a content with no cue there continues the previous attribution (`carry_over`,
    "…,” he said. “…”), else stands without a source; a source and content with no cue pair up.
    `found`: the chunks of `labels` when the caller has them (read, never changed here)."""
    found = chunks(doc, labels) if found is None else found
    cues = [c for c in found if c.kind == "CUE"]
    cue_of = {i: c for c in cues for i in range(c.first, c.last + 1)}
    attrs = {id(c): Attribution(c, None, []) for c in cues}
    loose_sources: list[Chunk] = []
    for c in found:
        if c.kind == "CUE":
            continue
        cue = _governing_cue(doc, c, cue_of)
        near = [k for k in cues if k.sents & c.sents]
        if cue is None and near:
            cue = min(near, key=lambda k: (_gap(k, c), k.first))
        if cue is None:
            if c.kind == "SRC":
                loose_sources.append(c)
            continue
        a = attrs[id(cue)]
        if c.kind == "CON":
            a.contents.append(c)
        elif a.source is None or _rank(doc, a.cue, c, cue_of) < _rank(doc, a.cue, a.source, cue_of):
            a.source = c
    for a in attrs.values():  # "Carson admitted …, but said …": PolNeAR links the subject to one cue only
        if a.source is None and a.contents:
            near = [c for c in found if c.kind == "SRC" and c.sents & a.cue.sents]
            a.source = min(near, key=lambda c: _gap(a.cue, c), default=None)
    out = [a for a in attrs.values() if a.contents]
    # contents with no cue in their sentences
    for c in found:
        if c.kind != "CON" or any(k.sents & c.sents for k in cues):
            continue
        src = next((s for s in loose_sources if s.sents & c.sents), None)
        if src is not None:
            out.append(Attribution(None, src, [c]))
            continue
        before = [a for a in out if a.cue is not None and a.contents and a.contents[-1].last < c.first
                  and min(c.sents) - max(a.contents[-1].sents) <= CARRY
                  and _continues(doc, a.contents[-1], c)]
        if carry_over and before:
            prev = max(before, key=lambda a: a.contents[-1].last)
            out.append(Attribution(prev.cue, prev.source, [c]))
        else:
            out.append(Attribution(None, None, [c]))
    out.sort(key=lambda a: a.contents[0].first)
    return out
