"""Read counts of people from tokens: digits, number words, vague amounts and their qualifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

# Vague plural amounts -> (low, high). The ranges are this project's reading:
# "dozens" is at least two dozen and fewer than a hundred, and so on up the scale.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}

# Words before a number that bound it; longest phrases first.
QUALIFIERS = (
    ("at least", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"),
    ("a minimum of", "at_least"),
    ("more than", "more_than"), ("over", "more_than"), ("above", "more_than"),
    ("upwards of", "more_than"), ("in excess of", "more_than"), ("exceeds", "more_than"),
    ("exceeded", "more_than"), ("exceeding", "more_than"), ("passes", "more_than"),
    ("passed", "more_than"), ("tops", "more_than"), ("topped", "more_than"),
    ("surpasses", "more_than"), ("surpassed", "more_than"), ("crosses", "more_than"),
    ("crossed", "more_than"), ("past", "more_than"),
    ("nearly", "up_to"), ("almost", "up_to"), ("up to", "up_to"), ("close to", "up_to"),
    ("nears", "up_to"), ("neared", "up_to"), ("nearing", "up_to"), ("as many as", "up_to"),
    ("fewer than", "fewer_than"), ("less than", "fewer_than"), ("under", "fewer_than"),
    ("about", "about"), ("around", "about"), ("some", "about"), ("approximately", "about"),
    ("roughly", "about"), ("an estimated", "about"), ("estimated", "about"),
    ("an approximate", "about"), ("almost exactly", "exact"),
)

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


@dataclass(frozen=True)
class Amount:
    """A count read from tokens `start`..`end` (token indices, end exclusive)."""

    start: int
    end: int
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    vague: bool = False


def word_value(text: str) -> float | None:
    """The value of one token: '1,700' -> 1700, '1.1' -> 1.1, 'eight' -> 8, else None."""
    t = text.lower()
    if _DIGITS.match(t):
        return float(t.replace(",", ""))
    if t in UNITS:
        return UNITS[t]
    if "-" in t:  # "twenty-five" when kept as one token
        parts = t.split("-")
        if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS:
            return UNITS[parts[0]] + UNITS[parts[1]]
    return None


def _read_number(tokens: Span | list[Token], i: int) -> tuple[int, float] | None:
    """Read a number starting at tokens[i]; return (end index, value) or None."""
    n = len(tokens)
    v = word_value(tokens[i].text)
    if v is None:
        if tokens[i].lower_ in ("a", "an") and i + 1 < n and tokens[i + 1].lower_ in SCALES:
            v = SCALES[tokens[i + 1].lower_]  # "a hundred", "a dozen"
            j = i + 2
            while j < n and tokens[j].lower_ in SCALES:
                v *= SCALES[tokens[j].lower_]
                j += 1
            return j, v
        return None
    j = i + 1
    # "twenty - five", "twenty five"
    if j + 1 < n and tokens[j].text == "-" and v in range(20, 100, 10):
        w = word_value(tokens[j + 1].text)
        if w is not None and w < 10:
            v, j = v + w, j + 2
    # "1.1 million", "three hundred thousand"
    while j < n and tokens[j].lower_ in SCALES:
        v *= SCALES[tokens[j].lower_]
        j += 1
    return j, v


def _read_vague(tokens, i: int) -> tuple[int, str] | None:
    """Read a vague amount ('dozens', 'tens of thousands') at tokens[i]."""
    words = [t.lower_ for t in tokens[i:i + 3]]
    for phrase in sorted(VAGUE, key=len, reverse=True):
        parts = phrase.split()
        if words[:len(parts)] == parts:
            return i + len(parts), phrase
    return None


def _qualifier_before(tokens, i: int) -> tuple[int, str]:
    """The qualifier words ending just before tokens[i]: (start index, qualifier)."""
    before = [t.lower_ for t in tokens[max(0, i - 3):i]]
    for phrase, qual in QUALIFIERS:
        parts = phrase.split()
        if len(parts) <= len(before) and before[-len(parts):] == parts:
            return i - len(parts), qual
    return i, "exact"


def read_amounts(tokens) -> list[Amount]:
    """All counts in a token sequence, left to right, with their qualifiers and ranges."""
    out: list[Amount] = []
    i, n = 0, len(tokens)
    while i < n:
        vague = _read_vague(tokens, i)
        if vague:
            end, phrase = vague
            low, high = VAGUE[phrase]
            q_start, _ = _qualifier_before(tokens, i)
            out.append(Amount(q_start, end, None, low, high, "vague", vague=True))
            i = end
            continue
        num = _read_number(tokens, i)
        if num is None:
            i += 1
            continue
        end, value = num
        if value != int(value):  # "1.1" without a scale word is not a count of people
            i = end
            continue
        out.append(_bounded(tokens, i, end, int(value)))
        i = out[-1].end
    return _merge_ranges(tokens, out)


def _bounded(tokens, i: int, end: int, value: int) -> Amount:
    q_start, qual = _qualifier_before(tokens, i)
    if qual in ("at_least", "more_than"):
        return Amount(q_start, end, value, value, None, qual)
    if qual in ("up_to", "fewer_than"):
        return Amount(q_start, end, value, None, value, qual)
    if qual == "about":
        return Amount(q_start, end, value, None, None, qual)
    return Amount(i, end, value, value, value, "exact")


def _merge_ranges(tokens, amounts: list[Amount]) -> list[Amount]:
    """'between 10 and 15', '10 to 15', '10-15' become one range amount."""
    out: list[Amount] = []
    for a in amounts:
        prev = out[-1] if out else None
        if prev and not prev.vague and not a.vague and prev.value is not None and a.value is not None:
            gap = [t.lower_ for t in tokens[prev.end:a.start]]
            between = prev.start > 0 and tokens[prev.start - 1].lower_ == "between" and gap == ["and"]
            if (gap in (["to"], ["-"], ["–"]) or between) and prev.value < a.value:
                start = prev.start - 1 if between else prev.start
                out[-1] = Amount(start, a.end, None, prev.value, a.value, "range")
                continue
        out.append(a)
    return out
