"""Timeline renderers: CONTRACT.md JSON, Markdown, and a self-contained HTML page."""

from __future__ import annotations

import json
from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape

from dateline.records import TimelineDate

_ENV = Environment(
    loader=PackageLoader("dateline.serve", "templates"),
    # Sentences are article text from anywhere: everything rendered must be escaped.
    autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


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


def to_json(timeline: Sequence[TimelineDate]) -> str:
    """The CONTRACT.md timeline: [{"date", "sentences", "citations"}] as a JSON array."""
    rows = [{"date": e.date, "sentences": list(e.sentences), "citations": [dict(c) for c in e.citations]}
            for e in timeline]
    return json.dumps(rows, ensure_ascii=False, indent=2)


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


def to_html(timeline: Sequence[TimelineDate], *, title: str = "Dateline timeline") -> str:
    """One offline HTML page (inline CSS, no scripts, no external links); all text escaped."""
    entries = [{"date": e.date, "lines": [{"text": s, "citation": c, "credit": credit(c)}
                                          for s, c in _lines(e)]}
               for e in timeline]
    return _ENV.get_template("timeline.html").render(title=title, entries=entries)
