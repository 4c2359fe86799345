"""TIMEX3 values of calendar periods: years, decades, centuries, seasons, quarters, halves, sets."""

from __future__ import annotations

from dateline.extract import timex_calendar as cal
from dateline.extract.timex_lexicon import (ORDINALS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS, norm,
                                            number_value, weekday_number, year_number)

YEAR_STEP = {"last": -1, "this": 0, "next": 1}  # "last year", "this year", "next year"


def _year_quarter(m, ctx):
    """"this year's third quarter", "the 1988 period" (the report's quarter in that year)."""
    if m["yr"]:
        year = int(m["yr"])
    elif ctx.anchor:
        year = ctx.anchor.year + YEAR_STEP[norm(m["ry"])]
    else:
        return "DATE", "XXXX-QX"
    if m["qo"]:
        return "DATE", f"{year:04d}-Q{ORDINALS[norm(m['qo'])]}"
    if ctx.quarterly and ctx.anchor:
        return "DATE", f"{year:04d}{cal.previous_quarter(ctx.anchor)[4:]}"
    return "DATE", f"{year:04d}"


def _ago_quarter(m, ctx):
    """"the corresponding period last year": the report's quarter, a year back."""
    if ctx.anchor is None:
        return "DATE", "XXXX"
    if ctx.quarterly:
        value = cal.previous_quarter(ctx.anchor)
        return "DATE", f"{int(value[:4]) - 1:04d}{value[4:]}"
    return "DATE", f"{ctx.anchor.year - 1:04d}"


def _year_expr(m, ctx):
    return "DATE", f"{int(m['yr']):04d}"


def _spoken_year(m, ctx):
    """Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand"."""
    if m["k"]:
        return "DATE", f"{2000 + int(number_value(m['o2']) or 0 if m['o2'] else 0):04d}"
    ones = int(number_value(m["o"]) or 0) if m["o"] else 0
    return "DATE", f"{1900 + int(number_value(m['t']) or 0) + ones:04d}"


def _decade(m, ctx):
    dec = m["dec"]
    if dec.startswith("'"):
        century = (ctx.anchor.year // 100) if ctx.anchor else 19
        tens = int(dec[1])
        if ctx.anchor and century * 100 + tens * 10 > ctx.anchor.year:
            century -= 1
        return "DATE", f"{century * 10 + tens:03d}"
    return "DATE", dec[:3]


def _season(m, ctx):
    code = SEASONS[norm(m["s"])]
    rel = norm(m["rel"])
    if m["yr"]:
        return "DATE", f"{year_number(m['yr']):04d}-{code}"
    if not rel and norm(m["s"]) == "fall":
        return None  # "prices fall": a verb, not a season
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    step = {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", cal.season_value(ctx.anchor, code, step)


def _quarter(m, ctx):
    qo = norm(m["qo"])
    year_text = m.groupdict().get("yr") or m.groupdict().get("yr2")
    if ctx.anchor is None and not year_text:
        return "DATE", "XXXX-QX"
    a = ctx.anchor
    current = cal.quarter_of(a) if a else 1
    if qo in ORDINALS:
        q = ORDINALS[qo]
        year = int(year_text) if year_text else (a.year if q <= current else a.year - 1)
        return "DATE", f"{year:04d}-Q{q}"
    if qo == "current":
        return "DATE", f"{a.year:04d}-Q{current}"
    # "the quarter", "the latest quarter": the last full quarter before the article.
    value = cal.previous_quarter(a)
    if qo in ("year-earlier", "year-ago"):
        value = f"{int(value[:4]) - 1:04d}{value[4:]}"
    return "DATE", value


def _half(m, ctx):
    year = int(m["yr"]) if m["yr"] else (ctx.anchor.year if ctx.anchor else None)
    if year is None:
        return "DATE", f"XXXX-H{1 if norm(m['h']) == 'first' else 2}"
    return "DATE", f"{year:04d}-H{1 if norm(m['h']) == 'first' else 2}"


_SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "nightly": "P1D", "hourly": "PT1H"}


def _set(m, ctx):
    if m["adv"]:
        return "SET", _SET_ADVERBS[norm(m["adv"])]
    unit = norm(m["u"] or m["u2"])
    if unit.rstrip(".") in WEEKDAYS:
        return "SET", f"XXXX-WXX-{weekday_number(unit) + 1}"
    if unit in ("morning", "evening", "night"):
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}"
    return "SET", cal.duration_value(unit if unit in UNITS else "day", 1)


def _year_end(m, ctx):
    if ctx.anchor is None:
        return "DATE", "XXXX"
    return "DATE", f"{ctx.anchor.year - 1 if ctx.since else ctx.anchor.year:04d}"


def _century(m, ctx):
    return "DATE", f"{int(m['c']) - 1:02d}"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _decade_word(m, ctx):
    return "DATE", f"19{_DECADE_WORDS[norm(m['dw'])]}"


# Rule name (timex_rules) -> handler; timex_resolve merges these into its table.
PERIOD_HANDLERS = {
    "year": _year_expr, "spoken_year": _spoken_year, "decade": _decade, "season": _season,
    "quarter": _quarter, "half": _half, "set": _set, "year_end": _year_end, "century": _century,
    "decade_word": _decade_word, "year_quarter": _year_quarter, "ago_quarter": _ago_quarter,
}
