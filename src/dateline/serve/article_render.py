"""An article's text cut into segments, each marked with the kinds of facts that cover it."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.records import ArticleFacts

# Kinds shown as highlights on the article page, in the order of their toggles.
KINDS = ("times", "places", "figures", "quotes", "speakers", "signals")


@dataclass(frozen=True)
class Segment:
    """A stretch of text; `kinds` are the facts covering it, `notes` what those facts say."""

    start: int
    text: str
    kinds: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def _note_time(t) -> str:
    return f"{t.type} {t.value}" + (f" (also {t.alt_value})" if t.alt_value else "")


def _note_place(p) -> str:
    where = f" {p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else ""
    return f"{p.name}" + (f" ({p.country})" if p.country else "") + where


def _note_figure(f) -> str:
    amount = f.value if f.value is not None else f"{f.low}–{f.high}"
    by = f"; reported by {f.reporter}" if f.reporter else "; no reporter named"
    return f"{f.metric} {amount} ({f.qualifier}, {f.scope}){by}"


def _note_quote(q) -> str:
    kind = "direct" if q.direct else "reported"
    return f"{kind} quote by {q.speaker or 'unresolved speaker'}" + (f", cue {q.cue!r}" if q.cue else "")


def spans(facts: ArticleFacts) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, note) of every highlighted fact, within the text's bounds."""
    out = [(t.start, t.end, "times", _note_time(t)) for t in facts.times]
    out += [(p.start, p.end, "places", _note_place(p)) for p in facts.places]
    out += [(s, e, "figures", _note_figure(f)) for f in facts.figures
            for s, e in (f.mentions or ((f.start, f.end),))]
    out += [(q.start, q.end, "quotes", _note_quote(q)) for q in facts.quotes]
    out += [(q.speaker_span[0], q.speaker_span[1], "speakers", f"speaker: {q.speaker or 'unresolved'}")
            for q in facts.quotes if q.speaker_span]
    out += [(g.start, g.end, "signals", f"loaded term ({g.kind}): {g.term}") for g in facts.signals]
    n = len(facts.article.text)
    return [(max(0, s), min(n, e), k, note) for s, e, k, note in out if 0 <= s < e and s < n]


def segments(facts: ArticleFacts, *, hit: tuple[int, int] | None = None) -> list[Segment]:
    """The article text cut at every span boundary; overlapping facts all mark a segment.

    `hit` (start, end) marks a stretch as kind "hit" (a search match to scroll to).
    """
    text = facts.article.text
    marked = spans(facts)
    if hit and 0 <= hit[0] < hit[1] <= len(text):
        marked.append((hit[0], hit[1], "hit", "search match"))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in marked), *(e for _, e, _, _ in marked)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [(k, note) for s, e, k, note in marked if s <= a and b <= e]
        kinds = tuple(dict.fromkeys(k for k, _ in covering))
        out.append(Segment(a, text[a:b], kinds, tuple(dict.fromkeys(n for _, n in covering))))
    return out
