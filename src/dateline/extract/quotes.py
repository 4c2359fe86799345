"""Find direct quotes and reported statements with their speakers and cue verbs."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dateline.extract.quote_cues import is_cue, noun_source, verb_source
from dateline.extract.quote_lines import transcript_spans
from dateline.extract.quote_spans import CONTENT_DEPS, NOUN_CONTENT_DEPS, content_span, phrase_span
from dateline.extract.speakers import (
    SpeakerBook, mention_tokens, speaker_kind, speaker_name, speaker_role, subject_of,
)
from dateline.records import Quote

# Speech verbs that can introduce a direct quote (reported speech uses the mined lexicon).
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
    """Direct quotes (any of “ ” ‘ ’ " '), reported statements and stances with their sources.

    Direct quotes get the speaker named by a speech verb's subject in the same sentence,
    or, for a quote standing alone, in the sentence before or after. Reported statements
    come from cue words mined from PolNeAR (quotes_cues.tsv: "said", "argued", "wants",
    "Trump's claim"), "according to X" and transcript lines ("PENCE: …"). Source offsets
    follow PolNeAR: the whole subject phrase, a pronoun or "who" as written. Speakers are
    resolved within the article: a surname to the full name seen earlier, "he"/"she" to
    the last person speaker, "it"/"they"/"the group" to the last organisation, "who" to
    its antecedent.
    Limits: quotes that run over paragraphs without a closing mark are skipped; quoted
    fragments under four words are treated as scare quotes; the cue lexicon also fires on
    stance verbs ("supports", "wants") as PolNeAR annotates them; a pronoun before any
    named speaker stays unresolved (speaker null, span kept).
    """
    book = SpeakerBook()
    text = doc.text  # spaCy rebuilds doc.text on every access
    direct = _direct_spans(text)
    quotes: list[Quote] = []
    claimed: set[int] = set()  # cue tokens already used by a direct quote
    for sent in doc.sents:
        inside = [q for q in direct if sent.start_char <= q[0] < sent.end_char]
        for start, end in inside:
            cue = _cue_for(doc, start, end, direct)
            quotes.append(_quote(doc, book, start, end, cue, direct=True, text=text))
            if cue is not None:
                claimed.add(cue.i)
        reported = [(tok, found) for tok in sent if is_cue(tok)
                    and not any(s <= tok.idx < e for s, e in direct)
                    and (found := _reported(tok, direct)) is not None]
        # PolNeAR gives each word to one attribution: a cue inside another's content is not one.
        for tok, (start, end, heads) in reported:
            if not any(s <= tok.idx < e for other, (s, e, _) in reported if other is not tok):
                quotes.append(_quote(doc, book, start, end, tok, direct=False, heads=heads, text=text))
        quotes.extend(_according(doc, book, sent, direct, quotes, text))
    quotes.extend(_transcript(text, quotes))
    return quotes


def _transcript(text: str, found: list[Quote]) -> list[Quote]:
    """Transcript lines no other rule took: the label before the colon is the speaker."""
    out = []
    for (ns, ne), (start, end) in transcript_spans(text):
        if any(q.start < end and start < q.end for q in found):
            continue
        out.append(Quote(start=start, end=end, text=text[start:end], speaker=text[ns:ne],
                         speaker_span=(ns, ne), cue=":", direct=True))
    return out


def _reported(cue: Token, direct) -> tuple[int, int, tuple[Token, Token]] | None:
    """(content start, end, source heads) of one lexicon cue, when it has a source and content."""
    if cue.pos_ == "VERB":
        heads = verb_source(cue)
        span = content_span(cue, CONTENT_DEPS)
    else:
        poss = noun_source(cue)
        heads = (poss, poss) if poss is not None else None
        span = content_span(cue, NOUN_CONTENT_DEPS)
    if heads is None or span is None:
        return None
    start, end = span
    if any(s <= start < e or start <= s < end for s, e in direct):
        return None  # the quote marks already carry this statement
    return start, end, heads


def _according(doc: Doc, book: SpeakerBook, sent: Span, direct, found: list[Quote], text: str):
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
        yield _quote(doc, book, start, end, tok, direct=False, heads=(objs[0], objs[0]), text=text)


def _direct_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (inside the marks) long enough to be a statement."""
    spans = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d") if m.group(g) is not None)
        start, end = m.span(group)
        if len(m.group(group).split()) >= MIN_WORDS and "\n\n" not in m.group(group):
            spans.append((start, end))
    return spans


def _cues(sent: Span):
    """Cue verbs with a subject in the sentence."""
    for tok in sent:
        if tok.pos_ == "VERB" and (tok.lemma_.lower() in CUE_LEMMAS or is_cue(tok)) and verb_source(tok) is not None:
            yield tok


def _cue_for(doc: Doc, start: int, end: int, direct: list[tuple[int, int]]) -> Token | None:
    """The cue verb of a direct quote: outside all quote marks in the sentences the quote spans,
    else the last one of a sentence before that ends in a colon, else the next sentence's first,
    else the previous sentence's last."""
    def outside(s: Span) -> list[Token]:
        return [t for t in _cues(s) if not any(a <= t.idx < b for a, b in direct)]

    first, last = _token_at(doc, start).sent, _token_at(doc, max(end - 1, start)).sent
    own = outside(doc[first.start:last.end])
    if own:
        return min(own, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    before, after = _neighbour(doc, first, -1), _neighbour(doc, last, +1)
    if before is not None and before.text.rstrip().endswith(":") and outside(before):
        return outside(before)[-1]
    if after is not None and outside(after):
        return outside(after)[0]
    if before is not None and outside(before):
        return outside(before)[-1]
    return None


def _token_at(doc: Doc, char: int) -> Token:
    """The token covering (or the last one starting before) a character offset."""
    lo, hi = 0, len(doc) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc[mid].idx <= char:
            lo = mid
        else:
            hi = mid - 1
    return doc[lo]


def _neighbour(doc: Doc, sent: Span, step: int) -> Span | None:
    i = sent.start - 1 if step < 0 else sent.end
    return doc[i].sent if 0 <= i < len(doc) else None


def _quote(doc: Doc, book: SpeakerBook, start: int, end: int, cue: Token | None, *, direct: bool,
           heads: tuple[Token, Token] | None = None, text: str) -> Quote:
    while end > start and text[end - 1] in ",;: ":
        end -= 1  # "…resist,’ he added": the comma belongs to the sentence, not the words
    speaker, span, role, partial = None, None, None, False
    if heads is None and cue is not None:
        heads = verb_source(cue)
    if heads is not None:
        mention, head = heads
        span = (mention.idx, mention.idx + len(mention.text)) if mention is not head else phrase_span(head, is_cue)
        toks = mention_tokens(head)
        kind = speaker_kind(head)
        phrase = speaker_name(head, toks) if kind in ("person", "org") else head.text
        speaker = book.resolve(head, phrase, kind)
        role = speaker_role(head) if kind in ("person", "org") else None
        partial = kind in ("person", "person_pronoun") and speaker is not None and len(speaker.split()) == 1
    return Quote(start=start, end=end, text=text[start:end], speaker=speaker,
                 speaker_span=span, cue=cue.text if cue is not None else None, direct=direct,
                 speaker_role=role, speaker_partial=partial)
