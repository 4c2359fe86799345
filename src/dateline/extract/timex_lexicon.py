"""Word lists and regex pieces for time expressions: months, weekdays, numbers, units."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "tonight": "NI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, float] = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update({w: 10 * i for i, w in enumerate(_TENS) if w})
for _t in range(2, 10):
    for _o in range(1, 10):
        NUMBER_WORDS[f"{_TENS[_t]}-{_ONES[_o]}"] = 10 * _t + _o
        NUMBER_WORDS[f"{_TENS[_t]} {_ONES[_o]}"] = 10 * _t + _o
NUMBER_WORDS.update({"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
                     "a hundred": 100, "one hundred": 100, "a half": 0.5, "half a": 0.5,
                     "half an": 0.5, "a dozen": 12, "dozen": 12})
VAGUE_NUMBERS = ("several", "multiple", "a few", "few", "many", "some", "the next few", "a number of")

# Unit words -> (TIMEX3 designator, multiplier, time-part?)
UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "weekend": ("D", 2, False), "fortnight": ("W", 2, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centurie": ("Y", 100, False), "trading day": ("D", 1, False),
    "business day": ("D", 1, False),
}


def _alt(words) -> str:
    """One regex for a word list, as a character trie: the engine steps through a few letters
    instead of trying hundreds of alternatives at every word start (find_times' hot spot)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_rx(trie)


def _trie_rx(node: dict) -> str:
    # Longest first: a branch that can go on is tried before the word that ends here.
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_rx(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
    return f"(?:{body})?" if "" in node else body


_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_ABBR = [m for m in MONTHS if m not in _MONTH_FULL]
# Month and weekday names must be capitalised: "may", "march", "sun" are common words.
MONTH = r"(?-i:(?:%s)\b|(?:%s)(?:\.|\b))" % (
    "|".join(m.capitalize() for m in sorted(_MONTH_FULL, key=len, reverse=True)) + "|"
    + "|".join(m.upper() for m in _MONTH_FULL),
    "|".join(m.capitalize() for m in sorted(_MONTH_ABBR, key=len, reverse=True)),
)
WEEKDAY = r"(?-i:(?:%s)\b|(?:%s)\.)" % (
    "|".join(w.capitalize() for w in WEEKDAYS if len(w) > 5),
    "|".join(w.capitalize() for w in WEEKDAYS if len(w) <= 5),
)
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d,]\d)"
NUMWORD = _alt(list(NUMBER_WORDS) + list(VAGUE_NUMBERS))
NUM = r"(?:\d+(?:\.\d+)?|(?:%s))" % NUMWORD
UNIT = r"(?:trading\s+days?|business\s+days?|seconds?|minutes?|hours?|days?|nights?|weeks?|" \
       r"weekends?|fortnights?|months?|quarters?|years?|decades?|centuries|century)"
SEASON = _alt(SEASONS)
PART = r"(?:morning|afternoon|evening|night)"
FUTURE_LEMMAS = {"plan", "schedule", "expect", "due", "set", "intend", "hope", "aim", "prepare",
                 "vow", "promise", "threaten", "propose", "agree", "seek", "want"}


_SPOKEN_TENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" \
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPOKEN_ONES = "one|two|three|four|five|six|seven|eight|nine"
# A year read out in a broadcast transcript: "nineteen ninety-four", "two thousand and one".
SPOKEN_YEAR = (rf"(?:nineteen[\s-]+(?:{_SPOKEN_TENS})(?:[\s-]+(?:{_SPOKEN_ONES}))?\b"
               rf"|two\s+thousand(?:\s+and\s+(?:{_SPOKEN_ONES}|ten))?\b)")


def spoken_year(text: str) -> int:
    """1994 for "nineteen ninety-four", 2001 for "two thousand and one"."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(NUMBER_WORDS.get(words[-1], 0) if len(words) > 2 else 0)
    return 1900 + int(sum(NUMBER_WORDS.get(w, 0) for w in words[1:]))


def number_value(text: str) -> float | None:
    """The number a numeral or number word stands for; None for vague words ("several")."""
    t = " ".join(text.lower().replace(",", "").split())
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    try:
        return float(t)
    except ValueError:
        return None


def unit_key(text: str) -> str:
    """Normalise a unit word: "Days" -> "day", "centuries" -> "century"."""
    t = " ".join(text.lower().split())
    if t == "centuries":
        return "century"
    return t[:-1] if t.endswith("s") and t[:-1] in UNITS else t


def norm(text: str | None) -> str:
    """Lower-case with single spaces, for table look-ups."""
    return " ".join((text or "").lower().split())


def month_number(text: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.", "october")."""
    return MONTHS[norm(text).rstrip(".")]


def weekday_number(text: str) -> int:
    """0-6 (Monday first) for a weekday name or abbreviation."""
    return WEEKDAYS[norm(text).rstrip(".")]


def year_number(text: str) -> int:
    """A year from digits ("2023", "'98" as 98 -> 1998) or words ("nineteen ninety-six")."""
    if not text.isdigit():
        return spoken_year(text)
    y = int(text)
    return y + (1900 if y >= 50 else 2000) if y < 100 else y
