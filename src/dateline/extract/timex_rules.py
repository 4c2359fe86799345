"""Time-expression patterns: one named regex per kind of expression, matched over raw text."""

from __future__ import annotations

import re

from dateline.extract.timex_lexicon import (DAYNUM, MONTH, NUM, PART, SEASON, SPOKEN_YEAR, UNIT,
                                            WEEKDAY, YEAR)

# Qualifiers of amounts of time; the span keeps some of them (TimeML style), see QUAL_OUTSIDE.
QUAL = (r"(?P<q>no\s+more\s+than|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|"
        r"nearly|almost|about|around|approximately|roughly|some|up\s+to|over|under|"
        r"just\s+over|just\s+under|only)")
POINT_MOD = (r"(?P<mm>early|mid|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|"
             r"the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)")
DAYREF = rf"(?:{WEEKDAY}|today|yesterday|tomorrow|tonight)"
# Left edge: not inside a word, number, amount or date ("mid-1996", "post-1959" are years).
_B = r"(?<![\w$£€.,/])(?<![\d$£€.,/]-)"

RULES: list[tuple[str, str]] = [
    ("clock", rf"\b(?:(?P<q>around|about|approximately|shortly\s+before|shortly\s+after|"
              rf"just\s+before|just\s+after)\s+)?"
              rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>a\.m\b\.?|p\.m\b\.?|am\b|pm\b)"
              rf"|(?P<h24>\d{{1,2}}):(?P<mi24>\d\d)\b|(?P<word>noon|midnight|midday)\b"
              rf"|(?P<hm>\d{{1,2}})(?:\s+o'clock)?\s+in\s+the\s+"
              rf"(?P<ip>morning|afternoon|evening)\b)"
              rf"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?"
              # "10:35 a.m. (0735 GMT) Friday": the day after a bracket, left to its own span
              rf"(?=\s+\([^()]{{1,20}}\),?\s+(?:on\s+)?(?P<tday2>{DAYREF}))?"
              rf"(?:,?\s+(?:on\s+)?(?:(?P<tday>{DAYREF})|(?P<tmon>{MONTH})\s*(?P<tdn>{DAYNUM})))?"),
    ("part_of_day", rf"\b(?:(?P<mm>early|late|mid|later|earlier)[\s-]+)?"
                    rf"(?P<pd>this|last|yesterday|tomorrow|{WEEKDAY})\s+(?P<part>{PART})\b"),
    ("part_word", r"\b(?P<w>tonight|overnight)\b"),
    # "by mid afternoon", "at mid-afternoon yesterday": a part of the day that says which part.
    ("part_mod", rf"\b(?P<mm>early|mid|late)[\s-]*(?P<part>morning|afternoon|evening)\b"
                 rf"(?:\s+(?P<pd>yesterday|today|tomorrow))?"),
    ("full_date", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s*(?P<day>{DAYNUM})"
                  rf"(?:,?\s+(?P<yr>{YEAR}))?"),
    ("full_date", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?\b(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?"
                  rf"(?P<mon>{MONTH})(?:,?\s+(?P<yr>{YEAR}))?"),
    ("week_of", rf"\bthe\s+week\s+of\s+(?P<mon>{MONTH})\s*(?P<day>{DAYNUM})"
                rf"(?:,?\s+(?P<yr>{YEAR}))?"),
    ("iso_date", r"\b(?P<yr>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("slash_date", r"\b(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<yr>(?:19|20)?\d\d)\b"),
    ("month", rf"(?:\b{POINT_MOD}[\s-]*)?(?:\b(?P<rel>last|this|next|previous|past|coming)\s+)?"
              rf"(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<yr>{YEAR}|{SPOKEN_YEAR})"
              rf"|\s+(?P<ry>last|this|next)\s+year\b)?"),
    ("year", rf"(?:\b{POINT_MOD}[\s-]*|\b(?P<fiscal>fiscal|calendar)\s+)?{_B}(?P<yr>{YEAR})\b"
             rf"(?!\s*%|-\d|\s+percent)"),
    ("spoken_year", r"\b(?:the\s+year\s+)?(?:(?P<c>nineteen)[\s-]+(?P<t>ten|eleven|twelve|thirteen|"
                    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                    r"fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<o>one|two|three|four|five|six|"
                    r"seven|eight|nine))?|(?P<k>two\s+thousand)(?:\s+and\s+(?P<o2>one|two|three|"
                    r"four|five|six|seven|eight|nine|ten))?)\b(?![\s-]+(?:percent|people|dollars)\b)"),
    ("decade", rf"(?:\bthe\s+)?(?:\b(?P<mm>early|mid|late)[\s-]*)?"
               rf"(?P<dec>\b(?:1[5-9]|20)\d0|'\d0)s\b"),
    ("relative", rf"(?:\b{POINT_MOD}[\s-]+)?\b(?P<rel>last|this|next|past|coming|previous|current)"
                 rf"\s+(?P<u>week|weekend|month|year|quarter|decade|century|{SEASON})\b"),
    ("weekday", rf"(?:\b(?P<mm>early|late|earlier|later)\s+)?"
                rf"(?:\b(?P<rel>last|this|next|past|coming)\s+)?(?P<wd>{WEEKDAY})"),
    ("ago", rf"(?:\b{QUAL}\s+)?\b(?P<n>{NUM})[\s-]+(?P<u>{UNIT})\s+"
            rf"(?P<dir>ago|earlier|later|from\s+now|hence|back)\b"),
    ("period", rf"\bthe\s+(?P<dir>past|last|next|first|previous|coming|following|final|latest)\s+"
               rf"(?:{QUAL}\s+)?(?:(?P<n>{NUM})[\s-]+)?(?P<u>{UNIT})\b(?![\s-]old\b)"),
    ("duration", rf"(?:\b{QUAL}\s+)?(?:\bthe\s+(?=\d|[a-z]{{3}}))?\b(?P<n>{NUM})(?P<frac>\s+1/2)?"
                 rf"(?:\s+(?:to|or)\s+(?P<n2>{NUM})|-(?P<n3>\d+))?"
                 rf"(?:\s+(?:straight|consecutive|successive|more|full|whole|additional))?"
                 rf"[\s-]+(?P<u>{UNIT})\b(?![\s-]+old\b)(?!-(?!long\b))"
                 r"(?<!quarter)(?!(?<=quarters)\s+of\s+(?:a|an|the|all|its|his|her|their|these|"
                 r"those)\b)(?P<half>\s+and\s+a\s+half\b)?"),
    ("bare_units", r"(?:(?<=\bfor )|(?<=\bin )|(?<=\bover )|(?<=\bfor many )|(?<=\bfor several )"
                   r")(?P<u>years|months|weeks|decades|days|hours)\b(?!-old\b)"
                   r"|\b(?P<u2>(?:year|month|week|decade|day|hour)s?)(?=-long\b)"
                   r"|\bthe\s+(?P<u3>years|months|weeks|days)\s+ahead\b"),
    ("year_ago", r"\b(?:the\s+(?=\S+\s+period))?year-(?:earlier|ago)(?:\s+period)?\b(?!-)"
                 rf"(?!\s+{NUM}\s+months)"),
    ("year_ago_months", rf"\bthe\s+year-(?:earlier|ago)\s+(?P<n>{NUM})\s+(?P<u>months)\b"),
    ("recent", r"\brecent\s+(?P<u>years|months|weeks|days|quarters|decades)\b"),
    ("deictic", r"(?:\b(?P<mm>early|late|earlier|later)\s+)?"
                r"\b(?P<w>today|yesterday|tomorrow|now|currently|current|nowadays|recently|recent|lately|"
                r"the\s+past|the\s+future(?!\s+of\b)|these\s+days|at\s+present|at\s+this\s+time|"
                r"the\s+(?:near|foreseeable)\s+future|the\s+(?:near|short)\s+term|"
                r"as\s+soon\s+as\s+possible|a\s+later\s+date|"
                r"(?:the\s+)?coming\s+(?:days|weeks|months|quarters|years)|"
                r"(?:future|past)\s+(?:weeks|months|quarters|years|decades)|"
                r"(?<=\bat\s)the\s+time(?!\s+(?:of|when|that)\b))\b"),
    ("season", rf"\b(?:(?P<rel>this|last|next|the|early|late)\s+)?(?:(?P<mm>early|late|mid)[\s-]*)?"
               rf"(?P<s>{SEASON})\b(?:\s+(?:of\s+)?(?P<yr>{YEAR}|{SPOKEN_YEAR}))?"),
    ("quarter", rf"\b(?:the\s+)?(?:(?P<yr>{YEAR})\s+)?(?P<qo>first|second|third|fourth|1st|2nd|3rd|"
                rf"4th|latest|last|current|previous|final|year-earlier|year-ago)[\s-]+quarter\b"
                rf"(?:\s+(?:of\s+)?(?P<yr2>{YEAR}))?"),
    ("quarter", rf"\bthe\s+(?P<qo>)quarter\b"),
    # Earnings reports: "this year's third quarter", "the 1988 period", "the quarter a year ago".
    ("year_quarter", rf"\b(?:(?P<ry>this|last|next)\s+year's|the\s+(?P<yr>{YEAR}))\s+"
                     rf"(?:(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?"
                     rf"(?:quarter|period)\b(?!-)"),
    ("ago_quarter", r"\bthe\s+(?:(?:comparable|corresponding|same)\s+)?(?:period|quarter)\s+"
                    r"(?:last\s+year|a\s+year\s+(?:ago|earlier))\b"),
    ("half", rf"\b(?:the\s+)?(?P<h>first|second|last)\s+half(?:\s+of\s+(?:(?P<yr>{YEAR})|the\s+year))?"),
    ("set", rf"\b(?:every|each)\s+(?:other\s+)?(?P<u>day|week|month|year|morning|night|evening|"
            rf"weekend|hour|{WEEKDAY})\b"
            r"|\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)\b"
            r"|\b(?:once|twice|(?:three|four|five|\d+)\s+times)\s+a\s+(?P<u2>day|week|month|year)\b"),
    ("holiday", r"\b(?P<hol>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)|"
                r"Thanksgiving(?:\s+Day)?|Independence\s+Day|Election\s+Day|"
                r"Easter(?:\s+(?:Sunday|Monday|week))?)\b"),
    # Financial and weekly news: "for the year", "the fiscal year ended June 30", "over the
    # weekend", "the latest period" (a quarter), "by the end of the year", "earlier in the year".
    ("the_unit", rf"(?:\b{POINT_MOD}\s+|\b(?P<ei>earlier|later)\s+in\s+)?"
                 r"\bthe\s+(?P<adj>(?:(?:fiscal|full|calendar|current|latest|previous|prior|entire|"
                 r"whole)\s+)*)"
                 r"(?P<u>year|weekend|period)\b(?!-|'s\s+end|\s+(?:before|after|earlier|later|ago|"
                 r"of|when|in\s+which)\b)(?:(?=\s+(?P<ended>ended|ending)\b))?"),
    ("year_end", r"\b(?:around\s+)?year(?:-end|\s+end|'s\s+end)\b"),
    # "that year", "later that month", "the same quarter": the period of a date told before.
    ("that_unit", rf"(?:\b(?P<mm>early|late|earlier|later)\s+)?(?:in\s+)?"
                  r"\b(?:that|the\s+same)\s+(?P<u>year|month|quarter)\b(?!-)"),
    ("century", r"\b(?:the\s+)?(?:(?P<mm>early|mid|late)[\s-]+)?(?P<c>\d{1,2})(?:st|nd|rd|th)"
                r"[\s-]+century\b"),
    ("decade_word", r"\bthe\s+(?:(?P<mm>early|mid|late)[\s-]+)?(?P<dw>twenties|thirties|forties|"
                    r"fifties|sixties|seventies|eighties|nineties)\b"),
    ("anaphor", r"\b(?:the|that)\s+(?:(?P<rel>same|previous|next|following|preceding)\s+)?"
                r"(?P<u>day|night)\b(?:\s+(?P<ba>before|after|earlier|later)\b(?!\s+[a-z]))?"
                r"(?!\s+(?:of|when|that|and\s+night|after\s+tomorrow|before\s+yesterday|"
                r"(?:before|after)\s+[a-z]))"),
]

COMPILED = [(name, re.compile(rx, re.I)) for name, rx in RULES]

# Every match of a rule contains a word of one of its trigger classes. One cheap pass finds the
# trigger words; each rule then runs only in windows around its own triggers instead of over
# the whole text, which makes find_candidates several times faster on long articles.
_TRIGGER_WORDS = {
    "month": "jan feb mar apr may jun jul aug sep oct nov dec",
    "weekday": "mon tue wed thu fri sat sun",
    "unit": "second minute hour day night week fortnight month quarter year decade centur",
    "part": "morning afternoon evening night tonight overnight noon midnight midday",
    "season": "spring summer fall autumn winter",
    "deictic": "today yesterday tomorrow now current recent lately past future these present time "
               "coming term soon later",
    "other": "half every each daily weekly monthly annually yearly nightly hourly once twice "
             "times christmas new thanksgiving independence election easter period twenties "
             "thirties forties fifties sixties seventies eighties nineties",
    "spoken": "nineteen thousand",
}
_PREFIXES = {cls: tuple(words.split()) for cls, words in _TRIGGER_WORDS.items()}
_TRIGGER = re.compile(r"\d+|\b(?:%s)[a-z]*" % "|".join(
    sorted({w for words in _PREFIXES.values() for w in words}, key=len, reverse=True)), re.I)
_RULE_TRIGGERS = {
    "clock": ("num", "part"), "part_of_day": ("part",), "part_word": ("part",),
    "part_mod": ("part",), "full_date": ("month",), "week_of": ("month",), "iso_date": ("num",),
    "slash_date": ("num",), "month": ("month",), "year": ("num",), "spoken_year": ("spoken",),
    "decade": ("num",), "relative": ("unit", "season"), "weekday": ("weekday",),
    "recent": ("unit",), "year_ago": ("unit",), "year_ago_months": ("unit",), "ago": ("unit",),
    "period": ("unit",), "duration": ("unit",), "bare_units": ("unit",), "deictic": ("deictic",),
    "season": ("season",), "quarter": ("unit",), "half": ("other",),
    "set": ("unit", "weekday", "part", "other"), "holiday": ("other",),
    "anaphor": ("unit", "part"), "the_unit": ("unit", "other"), "year_quarter": ("unit",),
    "ago_quarter": ("unit", "other"), "year_end": ("unit",), "that_unit": ("unit",),
    "century": ("unit",), "decade_word": ("other",),
}
_WINDOW = 80  # characters either side of a trigger: longer than any time expression


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged (start, end) windows around the trigger words of each class."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _TRIGGER.finditer(text):
        start, end = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        word = m.group().lower()
        for cls in ("num",) if word[0].isdigit() else _classes(word):
            merged = spans.setdefault(cls, [])
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
    return spans


def _classes(word: str) -> list[str]:
    return [cls for cls, prefixes in _PREFIXES.items() if word.startswith(prefixes)]


def _rule_matches(rx: re.Pattern, classes: tuple[str, ...], spans: dict) -> list[re.Match]:
    windows = sorted(w for cls in classes for w in spans.get(cls, ()))
    merged: list[tuple[int, int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [m for start, end in merged for m in rx.finditer(spans["_text"], start, end)]


# Qualifiers left outside the span, as the TempEval-3 gold mostly does ("over the past year").
QUAL_OUTSIDE = {"over", "some", "only", "under", "just over", "just under", "about"}

QUAL_MOD = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX",
}
POINT_MOD_VALUE = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "mid": "MID", "the middle of": "MID", "late": "END", "later": "END", "the end of": "END",
    "the first half of": "START", "the second half of": "END",
}




def find_candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    """All (start, end, rule, match) over the text, longest first where they overlap."""
    spans: dict = _windows(text)
    spans["_text"] = text
    found = []
    for priority, (name, rx) in enumerate(COMPILED):
        for m in _rule_matches(rx, _RULE_TRIGGERS[name], spans):
            if m.end() > m.start():
                found.append((m.start(), m.end(), priority, name, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for start, end, _, name, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, name, m))
    return sorted(chosen, key=lambda c: c[0])
