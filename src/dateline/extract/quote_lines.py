"""Speakers the layout names: transcript lines ("PENCE: We will …") and quotes signed after a dash ("… ― Krystal Correa")."""

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
# Labels of a page's furniture, not of a speaker ("CORRECTION: An earlier version …", "READ MORE: …",
# "The Latest: …", "BREAKING: …"), casefolded.
NOT_SPEAKERS = frozenset({
    "correction", "clarification", "update", "updated", "editor's note", "note", "breaking", "breaking news",
    "exclusive", "live", "video", "watch", "look", "photo", "photos", "read more", "also read", "related",
    "contributing", "paid notice", "the latest", "revealed", "just leaked", "bombshell", "busted", "boom",
    "wow", "so", "name", "source", "sources", "analysis", "opinion", "warning", "disclaimer",
})


def transcript_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((name start, end), (line start, end)) for each transcript line of a text."""
    out = []
    for m in _LINE.finditer(text):
        said = m.group("said").rstrip()
        if len(said.split()) < MIN_WORDS or m.group("name").casefold().replace("’", "'") in NOT_SPEAKERS:
            continue
        out.append((m.span("name"), (m.start("said"), m.start("said") + len(said))))
    return out


# A quote signed after a dash, on its line or the next ('…” ― Krystal Correa', '…."\n\n- Sanders.'):
# up to five capitalised words, ending where the signature does (a full stop, a comma and a role,
# "(@handle)", the line's end).
_BYLINE = re.compile(
    r"[.,!?]?[”\"’']?[ \t\xa0]*(?:\n{1,2}[ \t\xa0]*)?[―—–-][ \t\xa0]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|la|del)){0,4}?)"
    r"[.,]?(?=[ \t\xa0]*(?:\(|,|\n|$))"
)


def byline_spans(text: str, quoted: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((name start, end), (quote start, end)) for each quoted span (inside the marks) signed after a dash."""
    out = []
    for start, end in quoted:
        m = _BYLINE.match(text, end)
        if m is not None:
            ns, ne = m.span("name")
            while ne > ns and text[ne - 1] == ".":
                ne -= 1  # "- Sanders." : the full stop ends the line, not the name
            out.append(((ns, ne), (start, end)))
    return out
