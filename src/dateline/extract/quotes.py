"""Find direct quotes and reported statements with their speakers and cue verbs."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dateline.errors import error
from dateline.extract import quote_neural
from dateline.extract.doc_cache import doc_text
from dateline.extract.quote_cues import CUE_LEMMAS, contrast_mark, in_lexicon, noun_source, verb_source
from dateline.extract.quote_model import is_cue
from dateline.extract.quote_lines import byline_spans, transcript_spans
from dateline.extract.quote_records import TAGGERS, tagged_quotes
from dateline.extract.quote_spans import (
    CONTENT_DEPS, NOUN_CONTENT_DEPS, aside_span, content_span, one_paragraph, phrase_span,
)
from dateline.extract.speakers import (
    SpeakerBook, mention_tokens, named_in_full, speaker_kind, speaker_name, speaker_role,
)
from dateline.records import Quote

# Opening mark -> closing marks. A closing mark must not be followed by a letter, so the
# apostrophe in "Israel’s" or "doesn’t" never closes a quote.
_QUOTE = re.compile(
    r"“(?P<a>[^”\"]{2,}?)(?:”|\"(?!\w))"  # a curly opening closed by a straight mark ("…at all cost.\"") ends there
    r"|(?<![\w’'])‘(?P<b>(?:[^’]|’(?=\w))+?)’(?!\w)"
    r"|(?<![\w\"])\"(?P<c>[^\"]{2,}?)\"(?!\w)"
    r"|(?<![\w'’])'(?P<d>(?:[^']|'(?=\w))+?)'(?!\w)",
    re.S,
)
FINITE = {"VBD", "VBZ", "VBP", "MD"}  # tags of a verb with a tense
MIN_WORDS = 4  # shorter quoted bits ("‘Gazafied’", "‘all-out’") are scare quotes or names


def find_quotes(doc: Doc, *, tagger: str = "crf", labels: list[str] | None = None,
                collect: list | None = None) -> list[Quote]:
    """Direct quotes and reported statements with their sources, as the trained tagger reads them.

    The rule extractor (rule_quotes) runs first; a tagger trained on PolNeAR then tags every token
    as source, cue, content or none: with `tagger="crf"` (the default) a CRF with the rules' output
    among its features (quote_tagger), with `tagger="neural"` MiniLM fine-tuned with low-rank
    adapters (quote_neural: more accurate, ~10x the time). The tagged chunks are grouped into quotes
    (quote_tagger_spans) and turned into records (quote_records): quoted words inside a statement
    are direct quotes of their own, a small ranker (quote_sources) picks each source among the
    phrases the tagger, the parse and the rules offer, a filter (quote_filter) drops quotes the
    tagger was unsure of and adds the rules' quotes where the tagger found nothing, and speakers are
    resolved as the rules resolve them (surname -> full name, "he" -> the last person, "the group"
    -> the last organisation, "who" -> its antecedent). Without the tagger's model file the rules'
    quotes are returned as they are.
    Limits: the CRF sees one paragraph at a time (the neural tagger up to 254 word pieces), so a
    speaker named in another paragraph is reached only by carrying the previous statement's source
    over one sentence; content that PolNeAR would annotate but neither the tagger nor the rules find
    (long-tail stances, agentless passives) is left out; the ranker only chooses among phrases on
    offer, so a source none of them marks exactly (a boundary off by an apposition) stays wrong.
    `labels` (the tagger's labels from another model) and `collect` (the rows the source
    ranker and the quote filter score) serve training, see quote_records.tagged_quotes.
    """
    rules = rule_quotes(doc)
    tagged = tagged_quotes(doc, rules, _direct_spans(doc_text(doc)), tagger=tagger, labels=labels,
                           collect=collect)
    return [q for q, _ in rules] if tagged is None else tagged


def check_tagger(tagger: str) -> None:
    """Refuse an unknown tagger (E009), or the neural one when its model cannot load (E018)."""
    if tagger not in TAGGERS:
        raise error("E009", name="quotes_tagger", value=tagger, reason=f"expected one of {', '.join(TAGGERS)}")
    if tagger == "neural":
        try:
            model = quote_neural.encoder()
        except (quote_neural.MissingModel, OSError, KeyError, ValueError) as exc:
            raise error("E018", reason=str(exc)) from None
        if model is None:
            raise error("E018", reason=f"the adapter file {quote_neural.ADAPTERS} is missing")


def rule_quotes(doc: Doc) -> list[tuple[Quote, Token | None]]:
    """The rule extractor (the tagger's input and fallback): (quote, cue token) pairs.

    Direct quotes (any of “ ” ‘ ’ " '), reported statements and stances with their sources.

    Direct quotes get the speaker named by a speech verb's subject in the same sentence,
    or, for a quote standing alone, in the sentence before or after. Reported statements
    come from cue verbs a small model learnt from PolNeAR picks ("said that", "argued",
    "wants"; quote_model), a cue set off in commas inside what was said ("The strike, the
    ministry said, killed …": the whole clause), lexicon nouns with an owner ("Trump's claim that"),
    "according to X", transcript lines ("PENCE: …", the whole line the label's, quotes
    inside it included) and quotes signed after a dash ('…” ― Krystal Correa'). Source offsets
    follow PolNeAR: the whole subject phrase, a pronoun or "who" as written. Speakers are
    resolved within the article: a surname to the full name seen earlier, "he"/"she" to
    the last person speaker, "it"/"they"/"the group" to the last organisation, "who" to
    its antecedent.
    Limits: quotes that run over paragraphs without a closing mark are skipped; quoted
    fragments under four words are treated as scare quotes; the cue model also fires on
    stance verbs ("supports", "wants") as PolNeAR annotates them; a cue inside another
    statement's content or inside quote marks is not a statement of its own (PolNeAR gives
    each word to one attribution); passives without an agent ("was asked") and headlines
    are mostly missed; a pronoun before any named speaker stays unresolved (speaker null,
    span kept).
    """
    book = SpeakerBook()
    text = doc_text(doc)
    direct = _direct_spans(text)
    quotes: list[Quote] = []
    cues: list[Token | None] = []
    signed = {quote: name for name, quote in byline_spans(text, direct)}
    for sent in doc.sents:
        inside = [q for q in direct if sent.start_char <= q[0] < sent.end_char]
        for start, end in inside:
            if (start, end) in signed:  # the signature names the speaker, whatever verb is near
                quotes.append(_signed(doc, text, start, end, signed[start, end]))
                cues.append(None)
                continue
            cue, heads = _cue_for(doc, start, end, direct) or (None, None)
            quotes.append(_quote(doc, book, start, end, cue, direct=True, heads=heads, text=text))
            cues.append(cue)
        reported = [(tok, found) for tok in sent if (is_cue(tok) or _nominal(tok))
                    and not any(s <= tok.idx < e for s, e in direct)
                    and (found := _reported(tok, direct)) is not None]
        # PolNeAR gives each word to one attribution: a cue inside another's content is not one,
        # unless it sets a second party's claim against the first ("…, while Israel claims …")
        for tok, (start, end, heads) in reported:
            inside = any(s <= tok.idx < e for other, (s, e, _) in reported if other is not tok)
            if inside and contrast_mark(tok) is None:
                continue
            marks = [m.idx for other, _ in reported if other is not tok and start <= other.idx < end
                     and (m := contrast_mark(other)) is not None and m.idx > start]
            end = min([end, *marks])  # _quote trims the comma before "while"
            quotes.append(_quote(doc, book, start, end, tok, direct=False, heads=heads, text=text))
            cues.append(tok)
        for quote, tok in _according(doc, book, sent, direct, quotes, text):
            quotes.append(quote)
            cues.append(tok)
    lines = _transcript(text, quotes)
    # the whole line is the label's: what the rules read inside it (a reported clause, a quoted
    # title) is part of that speech, as PolNeAR annotates a transcript
    pairs = [(q, tok) for q, tok in zip(quotes, cues)
             if not any(line.start <= q.start and q.end <= line.end for line in lines)]
    return pairs + [(q, None) for q in lines]


def _transcript(text: str, found: list[Quote]) -> list[Quote]:
    """Transcript lines no other rule crosses: the label before the colon is the speaker. "Q:" lines
    with no other label ("A:", a name) are an FAQ's questions (a rewrite's appended block), not anyone's speech."""
    out = []
    lines = transcript_spans(text)
    labels = {text[ns:ne] for (ns, ne), _ in lines}
    faq = labels == {"Q"}  # a transcript has answers: "A:" or the speakers' names
    for (ns, ne), (start, end) in lines:
        crossed = any(q.start < end and start < q.end and not (start <= q.start and q.end <= end) for q in found)
        if crossed or (faq and text[ns:ne] == "Q"):
            continue
        out.append(Quote(start=start, end=end, text=text[start:end], speaker=text[ns:ne],
                         speaker_span=(ns, ne), cue=":", direct=True))
    return out


def _signed(doc: Doc, text: str, start: int, end: int, name: tuple[int, int]) -> Quote:
    """A quote signed after a dash ("… ― Krystal Correa"): the signature is the speaker, a surname
    resolved to the full name named earlier."""
    while end > start and text[end - 1] in ",;: ":
        end -= 1
    speaker = named_in_full(doc, text[name[0]:name[1]], name[0])
    return Quote(start=start, end=end, text=text[start:end], speaker=speaker, speaker_span=name, cue="―",
                 direct=True, speaker_partial=len(speaker.split()) == 1)


def _nominal(tok: Token) -> bool:
    """A lexicon noun with an owner and a clause: "Trump's claim that …", "the group's demand for …"."""
    return (tok.pos_ == "NOUN" and in_lexicon(tok) and noun_source(tok) is not None
            and any(c.dep_ in ("acl", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("that", "for", "to", "about"))
                    for c in tok.children))


def _reported(cue: Token, direct) -> tuple[int, int, tuple[Token, Token]] | None:
    """(content start, end, source heads) of one lexicon cue, when it has a source and content."""
    if cue.pos_ == "VERB":
        heads = verb_source(cue)
        span = aside_span(cue) or content_span(cue, CONTENT_DEPS)
    else:
        poss = noun_source(cue)
        heads = (poss, poss) if poss is not None else None
        span = content_span(cue, NOUN_CONTENT_DEPS)
    if heads is None or span is None:
        return None
    start, end = span
    if any(s <= start < e or start <= s < end for s, e in direct):
        return None  # the quote marks already carry this statement
    if start <= cue.idx < end and len(doc_text(cue.doc)[cue.idx:end].split()) < 4:
        return None  # a clause around its own cue must go on past it ("X, the ministry said, killed …")
    found = one_paragraph(doc_text(cue.doc), cue.idx, start, end)
    if found is None:
        return None  # a parse run over a paragraph break ("… involved.\n\nFAQs\n\nQ: What is …")
    start, end = found
    return start, end, heads


def _according(doc: Doc, book: SpeakerBook, sent: Span, direct, found: list[Quote], text: str):
    """'According to X, …' / '…, according to X': the rest of the sentence is X's statement."""
    for tok in sent:
        objs = [g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if tok.lower_ != "according" or not objs:
            continue
        phrase_end = max(t.i for t in objs[0].subtree) + 1
        glued = None
        if tok.i - sent.start <= 1:  # the phrase opens the sentence
            toks = [t for t in doc[phrase_end:sent.end] if not t.is_space]
            comma = _glued_end(doc, objs[0], sent) if sum(not t.is_punct for t in toks) < 3 else None
            if comma is not None:  # the parse glued the statement onto the phrase
                glued = (objs[0].left_edge.idx, comma.idx)
                toks = [t for t in doc[comma.i + 1:sent.end] if not t.is_space]
        elif sent.root.i >= phrase_end:  # "As of 17:30, according to X, 900 were killed": the clause after
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
        kept = one_paragraph(text, tok.idx, start, end)  # not a heading the splitter ran into it
        if kept is None or len(text[kept[0]:kept[1]].split()) < 3:
            continue
        start, end = kept
        if any(q.start < end and start < q.end for q in found) or any(s < end and start < e for s, e in direct):
            continue
        quote = _quote(doc, book, start, end, tok, direct=False, heads=(objs[0], objs[0]), text=text)
        yield (replace(quote, speaker_span=glued) if glued else quote), tok


def _glued_end(doc: Doc, obj: Token, sent: Span) -> Token | None:
    """The comma that ends an "According to X" phrase the parse swallowed the statement into: the
    last before the first verb with a tense ("According to Ahmed Yousef, a spokesman, the strike
    killed …"), or the first when none is tagged ("the move reeks of …"); None without a comma."""
    verb = next((t for t in doc[obj.i + 1:sent.end] if t.tag_ in FINITE), None)
    commas = [t for t in doc[obj.i + 1:verb.i if verb is not None else sent.end] if t.text == ","]
    if not commas:
        return None
    return commas[-1] if verb is not None else commas[0]


def _direct_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (inside the marks) long enough to be a statement."""
    spans = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c", "d") if m.group(g) is not None)
        start, end = m.span(group)
        if len(m.group(group).split()) >= MIN_WORDS and "\n\n" not in m.group(group):
            spans.append((start, end))
    return spans


def _cues(sent: Span, direct: list[tuple[int, int]]):
    """(cue, source heads) in a sentence, outside all quote marks: verbs with a subject, "according to X"."""
    def quoted(tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in direct)

    for tok in sent:
        if tok.pos_ == "VERB" and (tok.lemma_.lower() in CUE_LEMMAS or in_lexicon(tok) or is_cue(tok)) and not quoted(tok):
            heads = verb_source(tok)
            if heads is not None and not quoted(heads[0]):
                yield tok, heads
        elif tok.lower_ == "according":
            objs = [g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            if objs and not quoted(objs[0]):
                yield tok, (objs[0], objs[0])


def _cue_for(doc: Doc, start: int, end: int, direct: list[tuple[int, int]]):
    """(cue, source heads) of a direct quote: the nearest outside the marks in the sentences the
    quote spans, else the last of a sentence before that ends in a colon, else the next
    sentence's first, else the previous sentence's last; None when there is none."""
    first, last = _token_at(doc, start).sent, _token_at(doc, max(end - 1, start)).sent
    own = list(_cues(doc[first.start:last.end], direct))
    if own:
        return min(own, key=lambda c: min(abs(c[0].idx - start), abs(c[0].idx - end)))
    before, after = _neighbour(doc, first, -1), _neighbour(doc, last, +1)
    prev = list(_cues(before, direct)) if before is not None else []
    if prev and before.text.rstrip().endswith(":"):
        return prev[-1]
    nxt = list(_cues(after, direct)) if after is not None else []
    if nxt:
        return nxt[0]
    return prev[-1] if prev else None


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
        span = (mention.idx, mention.idx + len(mention.text)) if mention is not head else phrase_span(
            head, is_cue, closer=cue is None or head.i < cue.i)
        toks = mention_tokens(head)
        kind = speaker_kind(head)
        phrase = speaker_name(head, toks) if kind in ("person", "org") else head.text
        speaker = book.resolve(head, phrase, kind)
        role = speaker_role(head) if kind in ("person", "org") else None
        partial = kind in ("person", "person_pronoun") and speaker is not None and len(speaker.split()) == 1
    return Quote(start=start, end=end, text=text[start:end], speaker=speaker,
                 speaker_span=span, cue=cue.text if cue is not None else None, direct=direct,
                 speaker_role=role, speaker_partial=partial)
