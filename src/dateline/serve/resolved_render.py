"""Renderers for the cross-article views (stories, events, figures) as JSON and Markdown."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from dateline.records import Contradiction, Event, FigureClaim, FigureSeries, Story


def plain(x):
    """Resolved records (dataclasses, lists, dicts of them) as JSON-ready lists and dicts."""
    if dataclasses.is_dataclass(x):
        return {k: plain(v) for k, v in dataclasses.asdict(x).items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    return x


def to_json(obj) -> str:
    """Any resolved records (dataclasses, lists, dicts of them) as indented JSON."""
    return json.dumps(plain(obj), ensure_ascii=False, indent=1)


def _outlet(c) -> str:
    return f"{c.source or c.article_id[:10]}, {c.published or 'undated'}"


def stories_md(stories: Sequence[Story]) -> str:
    out = ["# Stories", ""]
    for s in stories:
        out += [f"## {s.label} ({s.first_published} – {s.last_published}, {len(s.articles)} articles)", ""]
        for a in s.articles:
            copy = (f" — {a.copy_kind} of {a.duplicate_of[:10]} (similarity {a.similarity})"
                    if a.duplicate_of else "")
            out.append(f"- {a.title or a.article_id[:10]} — {a.source or 'source not stated'}, "
                       f"{a.published or 'undated'}{copy}")
        out.append("")
    return "\n".join(out)


def events_md(events: Sequence[Event]) -> str:
    out = ["# Events", ""]
    for e in events:
        head = f"## {e.date or 'undated'} · {e.subtype or e.type} · {e.place or 'place unknown'}"
        out += [head, ""]
        if e.actors:
            out.append(f"Actors: {', '.join(e.actors)}" + (f"; targets: {', '.join(e.targets)}"
                                                          if e.targets else ""))
        if e.killed:
            out.append("Killed, as reported: " + " / ".join(f"{v} ({s or 'source not stated'})"
                                                            for v, s in e.killed))
        out += [f"- “{' '.join(m.text.split())}” — {_outlet(m)}" for m in e.mentions] + [""]
    return "\n".join(out)


def _claim(c: FigureClaim) -> str:
    return (f"{c.as_of or 'undated'}: {c.value:,} ({c.qualifier}) — "
            f"{c.reporter or 'reporter not stated'}, in {_outlet(c.citation)}")


def figures_md(series: Sequence[FigureSeries], flags: Sequence[Contradiction]) -> str:
    out = ["# Figures", ""]
    for s in series:
        out += [f"## {s.metric} · {s.victims} · {s.area or 'area not stated'} · {s.scope}", ""]
        out += [f"- {_claim(c)}" for c in s.claims] + [""]
    out += ["# Contradictions", ""]
    out += [f"- **{f.kind}**: {f.detail}" for f in flags] or ["None found."]
    return "\n".join(out) + "\n"
