"""Timeline renderers: CONTRACT.md JSON, Markdown, and a self-contained HTML page with a toll chart."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date

from dateline.records import Contradiction, FigureClaim, FigureSeries, Story, TimelineDate
from dateline.serve.templating import ENV as _ENV
from dateline.serve.templating import in_context, outlet

__all__ = ["charts", "credit", "main_series", "outlet", "rows", "to_html", "to_json", "to_markdown"]


def _one_line(text: str) -> str:
    """A sentence on one line: a newline inside a Markdown bullet would break the list."""
    return " ".join(str(text).split())


def credit(citation: dict) -> str:
    """'Source, published YYYY-MM-DD' for a citation; the title stands in for a missing source."""
    who = citation.get("source") or citation.get("title") or "source not stated"
    published = citation.get("published")
    return f"{who}, published {published}" if published else str(who)


def _lines(entry: TimelineDate) -> list[tuple[str, dict]]:
    """Each sentence of a date with its citation (an empty one when citations are missing)."""
    citations = list(entry.citations) + [{}] * (len(entry.sentences) - len(entry.citations))
    return list(zip(entry.sentences, citations))


def rows(timeline: Sequence[TimelineDate]) -> list[dict]:
    """The CONTRACT.md timeline: [{"date", "sentences", "citations"}]."""
    return [{"date": e.date, "sentences": list(e.sentences), "citations": [dict(c) for c in e.citations]}
            for e in timeline]


def to_json(timeline: Sequence[TimelineDate]) -> str:
    """The CONTRACT.md timeline as a JSON array."""
    return json.dumps(rows(timeline), ensure_ascii=False, indent=2)


def to_markdown(timeline: Sequence[TimelineDate], *, title: str = "Dateline timeline") -> str:
    """A heading per date and one bullet per sentence, each credited to its source."""
    out = [f"# {title}", ""]
    for entry in timeline:
        out += [f"## {entry.date}", ""]
        for sentence, citation in _lines(entry):
            out.append(f"- {_one_line(sentence)} — {credit(citation)}")
        out.append("")
    if not timeline:
        out += ["No dated sentences matched.", ""]
    return "\n".join(out)


# Where a link may point: only web pages (never javascript: or data: URLs from article metadata).
_WEB_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def _link(url) -> str | None:
    return url if url and _WEB_URL.match(str(url)) else None


# --- figure chart: server-rendered SVG geometry; the template only draws it ---------------

CHART_W, CHART_H = 680, 260
_PAD = {"left": 64, "right": 24, "top": 24, "bottom": 34}
# Distinct on white and for the common colour-blindness types (Okabe-Ito); grey for "not stated".
_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
_NOT_STATED = "reporter not stated"
_SIGN = {"more_than": "over ", "at_least": "at least ", "about": "about ", "up_to": "up to ",
         "fewer_than": "under ", "vague": "some "}


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value and len(str(value)) >= 10 else None
    except ValueError:
        return None


def _nice_step(top: float, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` grid lines up to `top`."""
    raw = max(top / ticks, 1.0)
    power = 10 ** (len(str(int(raw))) - 1)
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _points(s: FigureSeries) -> list[dict]:
    """One point per reporter, day and value; the articles that told it are its citations."""
    grouped: dict[tuple, list[FigureClaim]] = {}
    for c in s.claims:
        if c.value and _day(c.as_of):
            grouped.setdefault((c.reporter or _NOT_STATED, c.as_of[:10], c.value), []).append(c)
    return [{"reporter": r, "day": _day(d), "date": d, "value": v, "claims": cs,
             "label": f"{_SIGN.get(cs[0].qualifier, '')}{v:,}"}
            for (r, d, v), cs in sorted(grouped.items(), key=lambda kv: (kv[0][1], kv[0][2]))]


def main_series(series: Sequence[FigureSeries], *, limit: int = 2) -> list[FigureSeries]:
    """The cumulative series worth a chart: told on two days or more, the most told first,
    deaths before other metrics at equal weight."""
    def weight(s: FigureSeries):
        pts = _points(s)
        return (len({p["date"] for p in pts}), len(pts), s.metric == "killed", max(
            [p["value"] for p in pts], default=0))
    worth = [s for s in series if s.scope == "cumulative" and weight(s)[0] >= 2]
    return sorted(worth, key=weight, reverse=True)[:limit]


def _chart(s: FigureSeries, flags: Sequence[Contradiction]) -> dict:
    """Axes, gridlines, one line per reporter and labelled points, in SVG user units."""
    pts = _points(s)
    stale = {f.claims[0] for f in flags if f.kind == "stale_figure" and f.claims}
    x0, x1 = min(p["day"] for p in pts), max(p["day"] for p in pts)
    step = _nice_step(max(p["value"] for p in pts))
    top = step * (max(p["value"] for p in pts) // step + 1)
    inner_w = CHART_W - _PAD["left"] - _PAD["right"]
    inner_h = CHART_H - _PAD["top"] - _PAD["bottom"]
    span = max((x1 - x0).days, 1)

    def x(d: date) -> float:
        return round(_PAD["left"] + inner_w * (d - x0).days / span, 1)

    def y(v: float) -> float:
        return round(_PAD["top"] + inner_h * (1 - v / top), 1)

    reporters = sorted({p["reporter"] for p in pts}, key=lambda r: (r == _NOT_STATED, r))
    colour = {r: ("#777777" if r == _NOT_STATED else _PALETTE[i % len(_PALETTE)])
              for i, r in enumerate(reporters)}
    labelled: list[dict] = []
    for p in pts:
        p.update(x=x(p["day"]), y=y(p["value"]), colour=colour[p["reporter"]],
                 stale=any(c in stale for c in p["claims"]))
        # A label repeating a nearby one (same figure, close days) would print on top of it.
        p["show_label"] = p["stale"] or not any(
            q["label"] == p["label"] and abs(q["x"] - p["x"]) < 60 and abs(q["y"] - p["y"]) < 14
            for q in labelled)
        if p["show_label"]:
            labelled.append(p)
    # Stale points stay off the reporter's line: joining them would draw the toll falling.
    lines = [{"reporter": r, "colour": colour[r], "points": " ".join(
        f"{p['x']},{p['y']}" for p in pts if p["reporter"] == r and not p["stale"])}
        for r in reporters]
    ticks_x = sorted({x0, x1} | {x0 + (x1 - x0) * i // 4 for i in range(1, 4)} if span >= 8
                     else {x0, x1})
    return {"series": s, "points": pts, "lines": lines, "width": CHART_W, "height": CHART_H,
            "pad": _PAD, "bottom": CHART_H - _PAD["bottom"], "right": CHART_W - _PAD["right"],
            "y_ticks": [{"y": y(v), "label": f"{v:,}"} for v in range(0, top + 1, step)],
            "x_ticks": [{"x": x(d), "label": d.isoformat(),
                         "anchor": "start" if d == x0 else "end" if d == x1 else "middle"}
                        for d in ticks_x]}


def charts(series: Sequence[FigureSeries], flags: Sequence[Contradiction] = ()) -> list[dict]:
    """Chart geometry for the main cumulative series (see `main_series`)."""
    return [_chart(s, flags) for s in main_series(series)]


def _stale_notes(flags: Sequence[Contradiction]) -> dict[str, list[str]]:
    """Article id -> the stale-toll notes that name it, to show next to its timeline lines."""
    notes: dict[str, list[str]] = {}
    for f in flags:
        if f.kind == "stale_figure" and f.article_id:
            notes.setdefault(f.article_id, []).append(f.detail)
    return notes


def _in_context(citation: dict) -> str | None:
    """The served article page with the line highlighted (`dateline serve` only)."""
    article_id, start, end = citation.get("article_id"), citation.get("start"), citation.get("end")
    if not article_id or start is None or end is None:
        return None
    return in_context(article_id, start, end)


def _entries(timeline: Sequence[TimelineDate], flags: Sequence[Contradiction],
             served: bool = False) -> list[dict]:
    """Dates with their lines; a flagged article's stale-toll note goes under its first line."""
    stale = _stale_notes(flags)
    entries = []
    for e in timeline:
        lines = []
        for text, c in _lines(e):
            notes = stale.pop(c.get("article_id") or "", [])
            lines.append({"text": text, "citation": c, "credit": credit(c),
                          "href": _link(c.get("url")), "stale": notes,
                          "context": _in_context(c) if served else None})
        entries.append({"date": e.date, "lines": lines})
    return entries


def _stories(stories: Sequence[Story]) -> list[dict]:
    """Stories told by more than one article, with who copied whom."""
    out = []
    for s in stories:
        if len(s.articles) < 2:
            continue
        by_id = {a.article_id: a for a in s.articles}
        rows = []
        for a in s.articles:
            original = by_id.get(a.duplicate_of or "")
            rows.append({"article": a, "copy_of": original, "copy_kind": a.copy_kind})
        out.append({"story": s, "rows": rows})
    return out


def to_html(timeline: Sequence[TimelineDate], *, title: str = "Dateline timeline",
            series: Sequence[FigureSeries] = (), flags: Sequence[Contradiction] = (),
            stories: Sequence[Story] = (), served: bool = False) -> str:
    """One offline HTML page (inline CSS and SVG, no scripts, no external resources); all text
    escaped. With `series`, the main cumulative tolls are charted by reporter, each point cited;
    with `flags`, contradictions and stale tolls are listed (and noted on the lines of a flagged
    article); with `stories`, stories told by several outlets are listed with their copies.
    Links to articles are shown only for http(s) URLs. `served` (the page `dateline serve`
    shows) adds the site's navigation and links each line to its place in the stored article.
    """
    articles = {c.get("article_id") for e in timeline for c in e.citations}
    return _ENV.get_template("timeline.html").render(
        title=title, served=served, entries=_entries(timeline, flags, served), charts=charts(series, flags),
        flags=list(flags), stories=_stories(stories),
        summary={"dates": len(timeline), "lines": sum(len(e.sentences) for e in timeline),
                 "articles": len(articles - {None}),
                 "first": timeline[0].date if timeline else None,
                 "last": timeline[-1].date if timeline else None})
