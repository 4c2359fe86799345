"""Find direct quotes and reported statements with their speakers and cue verbs."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dateline.extract.speakers import (
    SpeakerBook, mention_tokens, source_tokens, speaker_kind, speaker_name, speaker_role, subject_of,
)
from dateline.records import Quote

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
# Cues whose direct object is the content when there is no clause: "questioned the integrity of…"
OBJECT_CUES = CUE_LEMMAS - {"tell", "ask", "call", "point", "post", "write", "express", "think", "know",
                            "feel", "hope", "expect", "fear", "worry", "find", "show", "indicate", "agree",
                            "wonder", "observe", "signal", "doubt"}
# Opening mark -> closing marks. A closing mark must not be followed by a letter, so the
# apostrophe in "Israel’s" or "doesn’t" never closes a quote.
_QUOTE = re.compile(
    r"“(?P<a>[^”]{2,}?)”"
    r"|(?<![\w’'])‘(?P<b>(?:[^’]|’(?=\w))+?)’(?!\w)"
    r"|(?<![\w\"])\"(?P<c>[^\"]{2,}?)\"(?!\w)"
    r"|(?<![\w'’])'(?P<d>(?:[^']|'(?=\w))+?)'(?!\w)",
    re.S,
)
MIN_WORDS = 4  # shorter quoted bits ("‘Gazafied’", "‘all-out’") are scare quotes or names


def find_quotes(doc: Doc) -> list[Quote]:
    """Direct quotes (any of “ ” ‘ ’ " ') and reported speech ("X said that ...", "X urged Y to ...").

    Each quote gets the speaker named by its cue verb's subject in the same sentence,
    or, for a quote standing alone, in the sentence before or after. Speakers are
    resolved within the article: a surname to the full name seen earlier, "he"/"she"
    to the last person speaker, "it"/"they"/"the group" to the last organisation.
    Limits: quotes that run over paragraphs without a closing mark are skipped; quoted
    fragments under four words are treated as scare quotes; nested attributions
    (X said Y said) give only the outer speaker; a pronoun before any named speaker
    stays unresolved (speaker null, span kept).
    """
    book = SpeakerBook()
    direct = _direct_spans(doc)
    quotes: list[Quote] = []
    claimed: set[int] = set()  # cue tokens already used by a direct quote
    for sent in doc.sents:
        inside = [q for q in direct if sent.start_char <= q[0] < sent.end_char]
        for start, end in inside:
            cue = _cue_for(doc, sent, start, end)
            quotes.append(_quote(doc, book, start, end, cue, direct=True))
            if cue is not None:
                claimed.add(cue.i)
        for cue in _cues(sent):
            if cue.i in claimed:
                continue
            content = _content(cue, direct)
            if content is not None:
                quotes.append(_quote(doc, book, content[0], content[1], cue, direct=False))
        quotes.extend(_according(doc, book, sent, direct, quotes))
    return quotes


def _according(doc: Doc, book: SpeakerBook, sent: Span, direct, found: list[Quote]):
    """'According to X, …' / '…, according to X': the rest of the sentence is X's statement."""
    for tok in sent:
        objs = [g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if tok.lower_ != "according" or not objs:
            continue
        phrase_end = max(t.i for t in objs[0].subtree) + 1
        if tok.i - sent.start <= 1:  # the phrase opens the sentence
            toks = [t for t in doc[phrase_end:sent.end] if not t.is_space]
        else:
            toks = [t for t in doc[sent.start:tok.i] if not t.is_space]
        while toks and toks[-1].is_punct and toks[-1].text not in ("”", '"', "’"):
            toks = toks[:-1]
        while toks and toks[0].is_punct:
            toks = toks[1:]
        if len(toks) < 3:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(q.start < end and start < q.end for q in found) or any(s < end and start < e for s, e in direct):
            continue
        yield _quote(doc, book, start, end, tok, direct=False, head=objs[0])


def _direct_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of quoted text (inside the marks) long enough to be a statement."""
    spans = []
    for m in _QUOTE.finditer(doc.text):
        group = next(g for g in ("a", "b", "c", "d") if m.group(g) is not None)
        start, end = m.span(group)
        if len(m.group(group).split()) >= MIN_WORDS and "\n\n" not in m.group(group):
            spans.append((start, end))
    return spans


def _cues(sent: Span):
    """Cue verbs with a subject in the sentence."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in CUE_LEMMAS and subject_of(tok) is not None:
            yield tok


def _cue_for(doc: Doc, sent: Span, start: int, end: int) -> Token | None:
    """The cue verb of a direct quote: outside the marks in its sentence, else the one before/after."""
    def outside(s: Span) -> list[Token]:
        return [t for t in _cues(s) if not start <= t.idx < end]

    own = outside(sent)
    if own:
        return min(own, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    for other in (_neighbour(doc, sent, -1), _neighbour(doc, sent, +1)):
        if other is not None:
            near = outside(other)
            if near:
                return near[-1] if other.start < sent.start else near[0]
    return None


def _neighbour(doc: Doc, sent: Span, step: int) -> Span | None:
    i = sent.start - 1 if step < 0 else sent.end
    return doc[i].sent if 0 <= i < len(doc) else None


def _content(cue: Token, direct: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Reported content: the clause the cue governs ("that ...", "Y to ..."); None when it quotes."""
    parts = [c for c in cue.children if c.dep_ in ("ccomp", "xcomp")]
    lemma = cue.lemma_.lower()
    if lemma == "call" and not parts:  # "called for a pause", "called on X to ..."
        parts = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("for", "on")]
    if not parts and lemma in OBJECT_CUES:
        parts = [c for c in cue.children if c.dep_ == "dobj"]
    if not parts:
        return None
    if lemma in ("urge", "ask", "tell", "call") and any(p.dep_ == "xcomp" for p in parts):
        parts += [c for c in cue.children if c.dep_ == "dobj"]  # "urged the U.S. to ..."
    toks = [t for p in parts for t in p.subtree if not t.is_punct or t.i != p.right_edge.i]
    toks = [t for t in toks if t.dep_ != "mark" or t.head not in parts]  # drop "that"
    if not toks:
        return None
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    if len(cue.doc.text[start:end].split()) < 2:
        return None
    if any(s <= start < e or start <= s < end for s, e in direct):
        return None  # the quote marks already carry this statement
    return start, end


def _quote(doc: Doc, book: SpeakerBook, start: int, end: int, cue: Token | None, *, direct: bool,
           head: Token | None = None) -> Quote:
    while end > start and doc.text[end - 1] in ",;: ":
        end -= 1  # "…resist,’ he added": the comma belongs to the sentence, not the words
    speaker, span, role, partial = None, None, None, False
    if cue is not None:
        head = head if head is not None else subject_of(cue)
        if head is not None:
            toks = mention_tokens(head)
            whole = source_tokens(head) or toks
            span = (whole[0].idx, whole[-1].idx + len(whole[-1].text)) if whole else (head.idx, head.idx + len(head.text))
            kind = speaker_kind(head)
            phrase = speaker_name(head, toks) if kind in ("person", "org") else head.text
            speaker = book.resolve(head, phrase, kind)
            role = speaker_role(head) if kind in ("person", "org") else None
            partial = kind in ("person", "person_pronoun") and speaker is not None and len(speaker.split()) == 1
    return Quote(start=start, end=end, text=doc.text[start:end], speaker=speaker,
                 speaker_span=span, cue=cue.text if cue is not None else None, direct=direct,
                 speaker_role=role, speaker_partial=partial)
