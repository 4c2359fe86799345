"""Turn the tagger's attributions into Quote records, speakers resolved as the rules resolve them."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from dateline.extract import quote_neural
from dateline.extract.doc_cache import doc_text
from dateline.extract.quote_cues import RELATIVE, contrast_mark, mute_noun, never_source, noun_source, verb_source
from dateline.extract.quote_model import is_cue
from dateline.extract.quote_filter import features as quote_features
from dateline.extract.quote_filter import keep
from dateline.extract.quote_sources import Candidate, offer, pick, weights
from dateline.extract.quote_sources import rows as source_rows
from dateline.extract.quote_spans import one_paragraph, phrase_span
from dateline.extract.quote_tagger import cue_candidates, tag_doc
from dateline.extract.quote_tagger_spans import Chunk, attributions, chunks, sentence_ids
from dateline.extract.speakers import SpeakerBook, mention_tokens, speaker_kind, speaker_name, speaker_role
from dateline.records import Quote

_MARKS = {"“", "”", '"', "‘", "’", "'"}
MIN_WORDS = 4  # words between quoted spans that make a reported statement of their own
ADD_RULES = True  # the rules' quotes where the tagger found none join (held-out content F1 +.003)
TAGGERS = ("crf", "neural")  # quote_tagger (fast, the default) and quote_neural (fine-tuned MiniLM)


def rule_tags(doc: Doc, rules: list[tuple[Quote, Token | None]]) -> list[str]:
    """S (source), K (cue), C (content) or O for each token, from the rule extractor's quotes."""
    tags = ["O"] * len(doc)
    spans = []
    for q, cue in rules:
        spans.append((q.start, q.end, "C"))
        if q.speaker_span is not None:
            spans.append((*q.speaker_span, "S"))
        if cue is not None:
            spans.append((cue.idx, cue.idx + len(cue.text), "K"))
    for start, end, tag in spans:
        for tok in _tokens(doc, start, end):
            tags[tok.i] = tag
    return tags


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def tagged_quotes(doc: Doc, rules: list[tuple[Quote, Token | None]], direct: list[tuple[int, int]], *,
                  tagger: str = "crf", labels: list[str] | None = None,
                  collect: list | None = None) -> list[Quote] | None:
    """The tagger's quotes in text order, or None when the model file is absent.

    An attribution the tagger gave no source takes its cue's subject from the parse, else
    the source the rules found for an overlapping quote. A content holding quoted words
    (`direct`: spans inside the marks) is cut there: each quoted span is a direct quote,
    each stretch between them of more than MIN_WORDS words a reported one. The source ranker
    (quote_sources) picks each source among the phrases on offer; the quote filter
    (quote_filter) drops quotes it finds unlikely, and judges the rules' quotes where the
    tagger found nothing (ADD_RULES) before they join. A content in its cue's sentence stays in the
    cue's paragraph; a source that names no speaker ("The meeting", quote_cues.mute_noun) drops its
    quote; a content of one function word or only a time is dropped; a statement that runs on
    into "…, while X claims …" ends there and X's claim joins.
    `tagger` names the tagger (TAGGERS) and so the ranker and filter learnt on its output;
    `labels` replaces the tagger's and `collect` receives the rows the models score (training):
    ("source", content (start, end), [(candidate, features), ...]) for each content and
    ("quote", (start, end), features, speaker (start, end) | None) for each quote; with `collect`
    the filter drops nothing."""
    cands, rtags = cue_candidates(doc), rule_tags(doc, rules)
    if labels is None:
        labels = quote_neural.tag_doc(doc) if tagger == "neural" else tag_doc(doc, rtags, cands)
    if labels is None:
        return None
    book, text = SpeakerBook(), doc_text(doc)
    found, sent_of = chunks(doc, labels), sentence_ids(doc)
    out, last_source = [], None
    for attr in attributions(doc, labels, found=found):
        cue = _cue_token(doc, attr.cue, cands) if attr.cue is not None else None
        if attr.source is not None and not never_source(doc[attr.source.first]):
            first, last = doc[attr.source.first], doc[attr.source.last]
            source = (first.idx, last.idx + len(last.text)), _referent(_head(doc[first.i:last.i + 1]))
        else:
            source = _parse_source(cue) if cue is not None else None
        for content in attr.contents:
            src = source or _rule_source(doc, content, rules)
            if cue is None and src is None:
                continue  # words with neither cue nor source are seldom anyone's statement
            content = _fix_content(doc, content, cue, src)
            if content is None:
                continue
            # the previous default (not the ranker's pick) is on offer next, so what the ranker
            # learns from does not depend on an earlier ranker
            default, (src, src_p) = src, _ranked_source(doc, attr, content, cue, src, found, rules, last_source,
                                                        sent_of, collect, tagger)
            last_source = default or last_source
            carried = attr.cue is None or not (attr.cue.sents & content.sents)
            for start, end, is_direct in _pieces(doc, content, direct, text):
                if cue is not None and not carried and not is_direct:
                    kept = one_paragraph(text, cue.idx, start, end)  # not a heading the splitter joined to it
                    if kept is None:
                        continue
                    start, end = kept
                # a source found in the parse or the rules that overlaps the content is a slip
                own = None if src is not None and src[0][0] < end and start < src[0][1] else src
                if own is not None and mute_noun(own[1], cue):
                    continue  # "The meeting focused on …": no one's statement
                q = _quote(doc, book, start, end, is_direct, cue, own, text)
                if _kept(doc, q, collect, tagger=tagger, cue=cue, cue_p=cands.get(cue.i) if cue else None,
                         source=own[1] if own else None, src_p=src_p if own else None, direct=is_direct,
                         carried=carried, rule_tags=rtags):
                    out.append(q)
    if ADD_RULES:
        out += _rule_extras(doc, rules, out, cands, rtags, collect, tagger)
    # transcript lines ("PENCE: …") and signed quotes ("… ― Krystal Correa") replace what the
    # tagger read there; "according to X" the tagger left out comes from the rules too
    lines = [q for q, tok in rules if tok is None]
    out = [q for q in out if not any(_overlap(q, line) for line in lines)] + lines
    out += [q for q, tok in rules if tok is not None and tok.lower_ == "according"
            and not any(_overlap(o, q) for o in out)]
    out = [q for q in _split_contrasts(out, rules, text) if q.direct or not _says_nothing(doc, q)]
    return sorted(out, key=lambda q: q.start)


def _says_nothing(doc: Doc, q: Quote) -> bool:
    """Whether a reported content says nothing: one word ("it", "that", "the") or only a time ("As of
    17:30 today", the setting a tagger split off "…, according to X, 900 were killed")."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    if any(t.ent_type_ in ("DATE", "TIME") for t in words) and all(
            t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("ADP", "DET", "CCONJ") for t in words):
        return True
    return len(words) == 1 and words[0].pos_ in ("PRON", "DET", "ADP", "SCONJ", "CCONJ", "PART", "AUX", "ADV")


def _split_contrasts(found: list[Quote], rules, text: str) -> list[Quote]:
    """A reported statement that runs on into a second party's ("…, while Israel claims …") ends
    before it, and the rules' quote of the second party joins (as the rules split them)."""
    for q, tok in rules:
        mark = contrast_mark(tok) if tok is not None else None
        if mark is None:
            continue
        cut = []
        for o in found:
            if not o.direct and o.start < mark.idx < o.end:
                start, end, words = _trim(text, o.start, mark.idx)
                o = replace(o, start=start, end=end, text=words)
            cut.append(o)
        found = cut if any(_overlap(o, q) for o in cut) else cut + [q]
    return found


def _rule_extras(doc: Doc, rules, found: list[Quote], cands, rtags: list[str], collect: list | None,
                 tagger: str = "crf") -> list[Quote]:
    """The rules' quotes (a cue's content in the parse, quoted words) where the tagger found nothing,
    as far as the quote filter keeps them ("R:" features: learnt apart from the tagger's quotes)."""
    out = []
    for q, tok in rules:
        if tok is None or tok.lower_ == "according" or any(_overlap(o, q) for o in found):
            continue
        src = doc.char_span(*q.speaker_span, alignment_mode="expand") if q.speaker_span else None
        if src is not None and len(src) and mute_noun(_referent(_head(src)), tok):
            continue
        if _kept(doc, q, collect, "R:", tagger=tagger, cue=tok, cue_p=cands.get(tok.i), direct=q.direct,
                 carried=False, source=_referent(_head(src)) if src is not None and len(src) else None,
                 rule_tags=rtags):
            out.append(q)
    return out


def _kept(doc: Doc, q: Quote, collect: list | None, prefix: str = "", tagger: str = "crf", **known) -> bool:
    """Whether the quote filter keeps a quote (always while collecting its row for training); `prefix`
    adds a marked copy of each feature, so a second kind of quote gets weights of its own."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    feats = quote_features(doc, span.start, span.end - 1, **known)
    feats = [prefix + f for f in feats] + feats if prefix else feats
    if collect is not None:
        collect.append(("quote", (q.start, q.end), feats, q.speaker_span))
    return collect is not None or keep(feats, tagger=tagger)


def _ranked_source(doc: Doc, attr, content: Chunk, cue: Token | None, src, found: list[Chunk], rules,
                   last_source, sent_of: list[int], collect: list | None, tagger: str = "crf"):
    """The source the ranker picks among the tagger's source chunks near the cue (its sentences and
    the one before), the cue's subject in the parse, the rules' source, the previous quote's
    source and the default choice (`src`), with the ranker's confidence in it; `src` itself (and
    None) without the ranker's model."""
    if weights(tagger) is None and collect is None:
        return src, None
    offered: dict[tuple[int, int], Candidate] = {}
    if src is not None:
        offer(offered, src[0], src[1], "default")
    sents = set(attr.cue.sents) if attr.cue is not None else set(content.sents)
    for c in found:
        if c.kind == "SRC" and c.sents & (sents | {min(sents) - 1}) and not never_source(doc[c.first]):
            first, last = doc[c.first], doc[c.last]
            offer(offered, (first.idx, last.idx + len(last.text)), _referent(_head(doc[c.first:c.last + 1])), "crf")
    for origin, other in (("parse", _parse_source(cue) if cue is not None else None),
                          ("rule", _rule_source(doc, content, rules)), ("prev", last_source)):
        if other is not None:
            offer(offered, other[0], other[1], origin)
    rows = source_rows(doc, list(offered.values()), cue, (content.first, content.last), sent_of)
    if collect is not None:
        collect.append(("source", (doc[content.first].idx, doc[content.last].idx + len(doc[content.last].text)), rows))
    best = pick(rows, tagger)
    return ((best[0].span, best[0].head), best[1]) if best is not None else (src, None)


def _overlap(a: Quote, b: Quote) -> bool:
    return a.start < b.end and b.start < a.end


def _fix_content(doc: Doc, content: Chunk, cue: Token | None, src) -> Chunk | None:
    """The content without its addressee, a nominal cue's content cut at the noun phrase's end;
    None when it is the speaker's own name ("Netanyahu, who insists …")."""
    content = _drop_addressee(doc, content, cue)
    if cue is not None and cue.pos_ == "NOUN" and cue.i < content.first <= cue.right_edge.i < content.last:
        content = Chunk(content.kind, content.first, cue.right_edge.i, content.sents, content.opened)
    if src is not None and src[1].left_edge.i <= content.first <= src[1].i <= content.last <= src[1].right_edge.i:
        return None
    return content


def _drop_addressee(doc: Doc, content: Chunk, cue: Token | None) -> Chunk:
    """"warned the United States that if …" -> "if …": whom a statement was addressed to is not what was said."""
    if cue is None:
        return content
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and content.first < c.left_edge.i <= content.last]
    heard = [c for c in cue.children if c.dep_ in ("dobj", "dative") and c.left_edge.i <= content.first <= c.right_edge.i]
    if not clauses or not heard:
        return content
    first = clauses[0].left_edge.i
    if first < content.last and doc[first].dep_ == "mark" and doc[first].lower_ == "that":
        first += 1
    return Chunk(content.kind, first, content.last, content.sents, content.opened)


def _pieces(doc: Doc, content: Chunk, direct: list[tuple[int, int]], text: str) -> list[tuple[int, int, bool]]:
    """(start, end, direct) parts of a content: its quoted spans and the words between them."""
    start, end = doc[content.first].idx, doc[content.last].idx + len(doc[content.last].text)
    inside = [(max(s, start), min(e, end)) for s, e in direct if s < end and start < e]
    if not inside:
        return [(start, end, False)]
    out, pos = [], start
    for s, e in inside:
        out.append((pos, s, False))
        out.append((s, e, True))
        pos = e
    out.append((pos, end, False))
    return [(s, e, d) for s, e, d in out if d or len(_trim(text, s, e)[2].split()) > MIN_WORDS]


def _trim(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Offsets and text without the edge spaces, quote marks and commas a quote's words stop at."""
    while start < end and (text[start].isspace() or text[start] in _MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _MARKS or text[end - 1] in ",;:"):
        end -= 1
    return start, end, text[start:end]


def _parse_source(cue: Token) -> tuple[tuple[int, int], Token] | None:
    """(span, head) of a cue's source as the rules read the parse: a verb's subject, a noun's owner."""
    if cue.lower_ == "according":
        heads = next(((g, g) for c in cue.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
    elif cue.pos_ == "NOUN":
        owner = noun_source(cue)
        heads = (owner, owner) if owner is not None else None
    else:
        heads = verb_source(cue)
    if heads is None:
        return None
    mention, head = heads
    if mention is not head:
        return (mention.idx, mention.idx + len(mention.text)), head
    return phrase_span(head, is_cue, closer=head.i < cue.i), head


def _rule_source(doc: Doc, content: Chunk, rules) -> tuple[tuple[int, int], Token] | None:
    """The source of a rule quote overlapping the content, with its head token."""
    start, end = doc[content.first].idx, doc[content.last].idx + len(doc[content.last].text)
    for q, _ in rules:
        if q.speaker_span is not None and q.start < end and start < q.end:
            span = doc.char_span(*q.speaker_span, alignment_mode="expand")
            if span is not None:
                return q.speaker_span, _referent(_head(span))
    return None


def _quote(doc: Doc, book: SpeakerBook, start: int, end: int, direct: bool, cue: Token | None, source,
           text: str) -> Quote:
    start, end, _ = _trim(text, start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) > 2 and span[0].dep_ == "mark" and span[0].lower_ in ("that", "whether"):
        start = span[1].idx  # "said that …": the words said, as the rules give them
    speaker, span, role, partial = None, None, None, False
    if source is not None:
        span, head = source
        kind = speaker_kind(head)
        phrase = speaker_name(head, mention_tokens(head)) if kind in ("person", "org") else head.text
        speaker = book.resolve(head, phrase, kind)
        role = speaker_role(head) if kind in ("person", "org") else None
        partial = kind in ("person", "person_pronoun") and speaker is not None and len(speaker.split()) == 1
    return Quote(start=start, end=end, text=text[start:end], speaker=speaker, speaker_span=span,
                 cue=cue.text if cue is not None else None, direct=direct, speaker_role=role, speaker_partial=partial)


def _cue_token(doc: Doc, chunk: Chunk, cands) -> Token:
    """The cue's word: its likeliest cue token ("said" of "said in a statement"), else the chunk's root."""
    toks = doc[chunk.first:chunk.last + 1]
    best = max((t for t in toks if t.i in cands), key=lambda t: cands[t.i], default=None)
    return best or toks.root


def _head(span) -> Token:
    """A source phrase's head; of a phrase the parse split in two ("The news agency WAFA": two subjects),
    the proper name that ends it."""
    tops = [t for t in span if not span.start <= t.head.i < span.end or t.head is t]
    names = [t for t in tops if t.pos_ == "PROPN"]
    return names[-1] if len(tops) > 1 and names else span.root


def _referent(head: Token) -> Token:
    """The phrase a relative pronoun stands for ("Netanyahu, who insists" -> Netanyahu)."""
    if head.lower_ in RELATIVE and head.head.dep_ == "relcl":
        return head.head.head
    return head
