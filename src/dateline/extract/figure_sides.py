"""Which side's people a casualty figure counts (israel or palestine), from a documented lexicon."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from dateline.records import Figure


@lru_cache(maxsize=1)
def _lexicon() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, side, kind) rows of data/figures_sides.tsv, longest phrases first."""
    rows = []
    for line in files("dateline.data").joinpath("figures_sides.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, side, kind = line.split("\t")[:3]
        rows.append((phrase, side, kind))
    rows.sort(key=lambda r: -len(r[0]))
    return [(re.compile(rf"\b{re.escape(p)}\b", re.I), side, kind) for p, side, kind in rows]


def victim_side(figure: Figure, sentence: str, offset: int) -> str | None:
    """'israel', 'palestine' or 'both' for a figure in `sentence` (which starts at character `offset`), else None.

    The counted noun decides when the lexicon knows it ("Palestinians", "Israeli
    soldiers", "hostages"); otherwise the context phrase nearest the number (a place
    such as "in Gaza", an attacker such as "Hamas gunmen" or "Israeli strikes").
    "both" when the counted phrase names both ("Israelis and Palestinians").
    Limits: "people" and "civilians" have no side of their own; a sentence mixing
    both sides is read phrase by phrase, so the nearest wins.
    """
    start, end = figure.start - offset, figure.end - offset
    taken: list[tuple[int, int]] = []  # longer phrases first: "Israeli airstrike" hides "Israeli"
    inside, hits = set(), []
    for pattern, side, kind in _lexicon():
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            if start <= m.start() and m.end() <= end + 1:
                inside.add(side)  # the counted noun or its modifier: "Israeli soldiers"
            else:
                far = 40 if kind == "who" else 0  # a people word elsewhere is weak context
                hits.append((far + max(0, m.start() - end, start - m.end()), side))
    if inside:
        return "both" if len(inside) > 1 else inside.pop()
    return min(hits)[1] if hits else None
