"""Tie an article's figures together: subsets to their parent figure, restatements into one claim."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.extract.lexicon_figures import METRIC_WORDS
from dateline.records import Figure

# Words that open a subset of the figure just before: "15,000 Palestinians, including 6,000 children".
_SUBSET = re.compile(r"\b(?:including|among them|among whom|of whom|of them|of which)\W*$", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def link_claims(text: str, figures: list[Figure]) -> list[Figure]:
    """Merge restated figures into their first mention and point subsets at their parent.

    A restatement is a later figure with the same metric, value, bounds and scope, a
    compatible counted noun and reporter (equal, or one of them unknown) — the FAQ
    block or summary that repeats "over 15,000 Palestinians have been killed". Its
    offsets go into the first figure's `mentions`; unknown fields of the first are
    filled from it. Small exact counts (under 10) merge only when the counted noun is
    the same, since "two killed" twice is often two incidents. Limits: the same number
    from two named reporters stays two claims; a subset is only recognised by the
    words right before it ("including", "of whom", "among them") or by lying inside
    its parent's span; a subset without a metric word of its own takes its parent's metric and scope.
    """
    parents = [_parent(text, figures, i) for i in range(len(figures))]
    figures = list(figures)
    for i, p in enumerate(parents):
        if p is not None:
            figures[i] = _inherit(figures[i], figures[p])
    kept: list[Figure] = []
    where: dict[int, int] = {}  # original index -> index in `kept`
    for i, fig in enumerate(figures):
        j = None if parents[i] is not None else _restated(kept, fig, parents, where)
        if j is None:
            where[i] = len(kept)
            kept.append(replace(fig, mentions=((fig.start, fig.end),)))
        else:
            where[i] = j
            kept[j] = _merge(kept[j], fig)
    return [replace(fig, parent=where[parents[orig]] if parents[orig] is not None else None)
            for orig, fig in _firsts(kept, where)]


def _inherit(child: Figure, parent: Figure) -> Figure:
    """A subset with no metric word of its own ("33 died of their wounds, including 12 women") counts
    what its parent counts, over the same scope, for the same reporter when it names none."""
    if any(w in METRIC_WORDS for w in re.findall(r"[a-z]+", child.text.lower())):
        return child  # "50 casualties, including 10 dead"
    return replace(child, metric=parent.metric, scope=parent.scope, reporter=child.reporter or parent.reporter)


def _firsts(kept: list[Figure], where: dict[int, int]):
    """(original index, kept figure) for every kept figure, in kept order."""
    first = {}
    for orig, k in where.items():
        first.setdefault(k, orig)
    return [(first[k], fig) for k, fig in enumerate(kept)]


def _parent(text: str, figures: list[Figure], i: int) -> int | None:
    """Index of the figure that `figures[i]` is a subset of, or None."""
    child = figures[i]
    for j in range(i - 1, -1, -1):
        cand = figures[j]
        between = text[cand.start:child.start]
        if _SENTENCE_END.search(between):
            return None
        if cand.start <= child.start and child.end <= cand.end and (cand.start, cand.end) != (child.start, child.end):
            return j
        if _SUBSET.search(text[max(cand.end, child.start - 40):child.start]):
            return j
    return None


def _same(a: Figure, b: Figure) -> bool:
    if (a.metric, a.value, a.low, a.high, a.scope) != (b.metric, b.value, b.low, b.high, b.scope):
        return False
    if a.value is None:
        return False  # vague amounts ("dozens injured") are too loose to call the same claim
    who_a, who_b = (a.who or "").lower(), (b.who or "").lower()
    if who_a and who_b and who_a != who_b:
        return False
    if a.value < 10 and (not who_a or who_a != who_b):
        return False
    return not (a.reporter and b.reporter and a.reporter != b.reporter)


def _restated(kept: list[Figure], fig: Figure, parents: list[int | None], where: dict[int, int]) -> int | None:
    subsets = {where[i] for i, p in enumerate(parents) if p is not None and i in where}
    for j, prior in enumerate(kept):
        if j not in subsets and _same(prior, fig):
            return j
    return None


def _merge(first: Figure, later: Figure) -> Figure:
    """The first mention, with the later one's offsets and any field the first left unknown."""
    fill = {k: getattr(later, k) for k in ("who", "place", "date", "since", "reporter")
            if getattr(first, k) is None and getattr(later, k) is not None}
    return replace(first, mentions=(*first.mentions, (later.start, later.end)), **fill)
