"""Transcript lines ("PENCE: We will …", "Q: …"): the name before the colon said the rest of the line."""

from __future__ import annotations

import re

# A line opening with a speaker label: capitals ("PENCE", "MR. TRUMP") or a short Title Case name,
# after an opening quote mark when the article quotes the transcript ('"PENCE: Well, …').
_LINE = re.compile(
    r"^[ \t]*[\"“]?(?P<name>(?:[A-Z][A-Z.'’-]+)(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}|Q|A|(?:[A-Z][a-z.'’-]+)(?:[ \t]+[A-Z][a-z.'’-]+){0,2})"
    r":[ \t]+(?P<said>\S[^\n]*)$",
    re.M,
)
MIN_WORDS = 3  # "Date: Monday", "Photo: AP" are captions, not speech


def transcript_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((name start, end), (line start, end)) for each transcript line of a text."""
    out = []
    for m in _LINE.finditer(text):
        said = m.group("said").rstrip()
        if len(said.split()) < MIN_WORDS:
            continue
        out.append((m.span("name"), (m.start("said"), m.start("said") + len(said))))
    return out
