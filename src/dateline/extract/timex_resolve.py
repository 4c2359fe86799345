"""Normalise one matched time expression to a TIMEX3 (type, value, mod) against an anchor date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.extract import timex_calendar as cal
from dateline.extract.timex_lexicon import (PARTS_OF_DAY, SEASONS, UNITS, month_number, norm,
                                            number_value, unit_key, weekday_number, year_number)
from dateline.extract.timex_periods import PERIOD_HANDLERS, YEAR_STEP
from dateline.extract.timex_rules import POINT_MOD_VALUE, QUAL_MOD

Resolved = tuple[str, str, str | None]  # (type, value, mod)
UNKNOWN = "XXXX-XX-XX"


@dataclass(frozen=True)
class Context:
    """What a value depends on besides the words: the anchor, the clause's tense, the text so far."""

    anchor: date | None
    tense: str | None = None  # "past", "future" or None when the clause does not tell
    since: bool = False  # the expression follows "since"
    ref_day: date | None = None  # the last day-precise date told before (for "the day before")
    quarterly: bool = False  # the sentence speaks of quarters (financial reports)
    ref_value: str | None = None  # the last calendar date told before ("that year", "following")
    near_day: date | None = None  # ref_day when told just before (a sentence or two)


def _mod(m: re.Match) -> str | None:
    groups = m.groupdict()
    if groups.get("mm"):
        return POINT_MOD_VALUE.get(norm(groups["mm"]))
    if groups.get("q"):
        return QUAL_MOD.get(norm(groups["q"]))
    return None


def resolve(name: str, m: re.Match, ctx: Context) -> Resolved | None:
    """(type, value, mod) for a match of rule `name`; None to reject the match."""
    fn = _HANDLERS[name]
    out = fn(m, ctx)
    if out is None:
        return None
    kind, value = out
    return kind, value, _mod(m)


def _clock(m, ctx):
    g = m.groupdict()
    day = _dayref(g.get("tday") or g.get("tday2"), ctx)  # "10:35 a.m. (0735 GMT) Friday"
    if g.get("tmon") and ctx.anchor:  # "5 p.m. EST, Nov. 6"
        day = cal.month_day_date(ctx.anchor, month_number(g["tmon"]), int(re.sub(r"\D", "", g["tdn"])),
                                 ctx.tense)
    # A bare clock time belongs to the day the text last named ("On Friday ... at 10:35 a.m.").
    day = day or ctx.near_day or ctx.anchor
    prefix = cal.iso(day) if day else UNKNOWN
    if g["word"]:
        hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[norm(g["word"])]
        return "TIME", f"{prefix}T{hm}"
    if g["hm"]:  # "4 in the morning", "8 o'clock in the evening"
        h = int(g["hm"])
        h += 12 if norm(g["ip"]) != "morning" and h < 12 else 0
        return ("TIME", f"{prefix}T{h:02d}:00") if h <= 24 else None
    h = int(g["h"] if g["h"] is not None else g["h24"])
    mi = int(g["mi"] or g["mi24"] or 0)
    ap = norm(g["ap"]).replace(".", "") if g["ap"] else ""
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59 or (not ap and h < 1):
        return None
    return "TIME", f"{prefix}T{h:02d}:{mi:02d}"


def _dayref(word: str | None, ctx: Context) -> date | None:
    if not word or ctx.anchor is None:
        return None
    w = norm(word)
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}
    if w in offsets:
        return ctx.anchor + timedelta(days=offsets[w])
    return cal.weekday_date(ctx.anchor, weekday_number(w), ctx.tense, since=ctx.since)


def _part_of_day(m, ctx):
    part = PARTS_OF_DAY[norm(m["part"])]
    day = _dayref(m["pd"], ctx)
    return "TIME", f"{cal.iso(day) if day else UNKNOWN}T{part}"


def _part_word(m, ctx):
    if ctx.anchor is None:
        return "TIME", f"{UNKNOWN}TNI"
    day = ctx.anchor - timedelta(days=1 if norm(m["w"]) == "overnight" else 0)
    return "TIME", f"{day.isoformat()}TNI"


def _full_date(m, ctx):
    month, day = month_number(m["mon"]), int(re.sub(r"\D", "", m["day"]))
    if m["yr"]:
        try:
            return "DATE", date(year_number(m["yr"]), month, day).isoformat()
        except ValueError:
            return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    following = re.match(r"\s+([A-Za-z]+)", m.string[m.end():m.end() + 20])
    # "the Oct. 7 attack" names a past event; "the Nov. 1 deadline" may still be ahead.
    named = not m.groupdict().get("wd") and following is not None and \
        m.string[max(0, m.start() - 4):m.start()].lower() == "the " and \
        following.group(1).lower() not in _SCHEDULED
    d = cal.month_day_date(ctx.anchor, month, day, ctx.tense, named_event=named)
    return ("DATE", d.isoformat()) if d else None


_SCHEDULED = {"deadline", "meeting", "vote", "election", "elections", "summit", "talks", "hearing",
              "session", "referendum", "date", "target", "expiration", "auction", "offering",
              "conference", "trial", "launch", "opening", "start", "ceasefire", "truce"}


def _week_of(m, ctx):
    """"the week of March 6": the ISO week of that day."""
    out = _full_date(m, ctx)
    if out is None or "X" in out[1]:
        return out
    return "DATE", cal.week_value(date.fromisoformat(out[1]))


def _numeric_date(m, ctx):
    try:
        return "DATE", date(year_number(m["yr"]), int(m["mon"]), int(m["day"])).isoformat()
    except ValueError:
        return None


def _month_expr(m, ctx):
    month = month_number(m["mon"])
    if m["yr"]:
        return "DATE", cal.month_value(year_number(m["yr"]), month)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    if m["ry"]:  # "June last year"
        return "DATE", cal.month_value(ctx.anchor.year + YEAR_STEP[norm(m["ry"])], month)
    rel, a = norm(m["rel"]), ctx.anchor
    if rel in ("last", "previous", "past"):
        return "DATE", cal.month_value(a.year if month < a.month else a.year - 1, month)
    if rel in ("next", "coming"):
        return "DATE", cal.month_value(a.year if month > a.month else a.year + 1, month)
    if rel == "this":
        return "DATE", cal.month_value(a.year, month)
    return "DATE", cal.month_value(*cal.month_year(a, month, ctx.tense))


def _relative(m, ctx):
    a = ctx.anchor
    unit, rel = norm(m["u"]), norm(m["rel"])
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0,
            "next": 1, "coming": 1}[rel]
    if a is None:
        return "DATE", UNKNOWN
    if unit in SEASONS:
        return "DATE", cal.season_value(a, SEASONS[unit], step)
    if unit == "weekend":
        return "DATE", cal.week_value(a + timedelta(weeks=step)) + "-WE"
    designator = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE"}.get(unit)
    if designator is None:  # century
        return "DATE", f"{a.year // 100 + step:02d}"
    return "DATE", cal.shift(a, step, designator)[0]


def _weekday_expr(m, ctx):
    if ctx.anchor is None:
        return "DATE", f"XXXX-WXX-{weekday_number(m['wd']) + 1}"
    rel = norm(m["rel"])
    relative = "last" if rel in ("last", "past") else "next" if rel in ("next", "coming") else None
    tense = "future" if rel == "this" and ctx.tense != "past" else ctx.tense
    d = cal.weekday_date(ctx.anchor, weekday_number(m["wd"]), tense, since=ctx.since, relative=relative)
    return "DATE", d.isoformat()


def _amount(m) -> tuple[str, float | None] | None:
    unit = unit_key(m["u"])
    if unit not in UNITS:
        return None
    groups = m.groupdict()
    n = number_value(m["n"]) if groups.get("n") else 1.0
    if n is not None and (groups.get("frac") or groups.get("half")):
        n += 0.5  # "5 1/2 hours", "a minute and a half"
    return unit, n


def _ago(m, ctx):
    amount = _amount(m)
    if amount is None:
        return None
    unit, n = amount
    direction = norm(m["dir"])
    if n is None and direction != "later":
        # "several years ago": some time before the article, no amount to count back.
        return "DATE", "FUTURE_REF" if direction in ("from now", "hence") else "PAST_REF"
    if direction == "later" or ctx.anchor is None or n is None:
        # "three decades later" counts from some other event, not from the article date.
        return "DURATION", cal.duration_value(unit, n)
    designator, mult, timepart = UNITS[unit]
    if timepart:
        return "DURATION", cal.duration_value(unit, n)
    sign = 1 if direction in ("from now", "hence") else -1
    if designator == "Y" and mult == 10:
        return "DATE", cal.shift(ctx.anchor, sign * n, "DE")[0]
    value = cal.shift(ctx.anchor, sign * n * mult, designator)[0]
    if designator == "Y" and mult == 1 and n == 1 and ctx.quarterly:
        value += f"-Q{cal.quarter_of(ctx.anchor) - 1 or 4}"
    return "DATE", value


def _year_ago(m, ctx):
    """"the year-earlier period": the same span a year back (a quarter in earnings reports)."""
    if ctx.anchor is None:
        return "DATE", "XXXX"
    value = f"{ctx.anchor.year - 1:04d}"
    if ctx.quarterly:
        value += f"-Q{cal.quarter_of(ctx.anchor) - 1 or 4}"
    return "DATE", value


def _period(m, ctx):
    """ "the past two months" is an amount of time; "the past year", "the latest quarter" a date."""
    if m["n"] or m["q"] or ctx.anchor is None or norm(m["u"]).endswith("s"):
        return _duration(m, ctx)  # "the past two months", "the coming years"
    unit = unit_key(m["u"])
    step = {"next": 1, "coming": 1, "following": 1}.get(norm(m["dir"]), -1)
    if norm(m["dir"]) == "following" and ctx.ref_value:
        # "the following year" counts from the date told before, not from the article's.
        value = cal.next_period(ctx.ref_value, unit)
        if value:
            return "DATE", value
    designator, mult, timepart = UNITS.get(unit, ("", 0, True))
    if timepart or designator == "D" or norm(m["dir"]) == "first" or mult == 100:
        return _duration(m, ctx)
    if designator == "Y" and mult == 10:
        return "DATE", cal.shift(ctx.anchor, step, "DE")[0]
    return "DATE", cal.shift(ctx.anchor, step * mult, designator)[0]


def _duration(m, ctx):
    amount = _amount(m)
    if amount is None:
        return None
    unit, n = amount
    if m.groupdict().get("n") is None and m.re.groupindex.get("n"):
        n = None if norm(m["u"]).endswith("s") else 1.0  # "the first hours": PTXH
    return "DURATION", cal.duration_value(unit, n)


def _bare_units(m, ctx):
    """"for years", "decades-long", "the weeks ahead": an amount of time, not counted."""
    unit = m["u"] or m.groupdict().get("u2") or m.groupdict().get("u3")
    return "DURATION", cal.duration_value(unit_key(unit), None if unit.endswith("s") else 1)


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1}
_FUTURE_WORDS = {"soon", "the future", "the near future", "the foreseeable future", "the near term",
                 "the short term", "as soon as possible", "a later date"}


def _deictic(m, ctx):
    w = norm(m["w"])
    if w in _DEICTIC:
        if ctx.anchor is None:
            return "DATE", UNKNOWN
        return "DATE", (ctx.anchor + timedelta(days=_DEICTIC[w])).isoformat()
    if w in ("now", "current", "currently", "nowadays", "these days", "at present",
             "at this time"):
        return "DATE", "PRESENT_REF"
    if w in _FUTURE_WORDS or "coming" in w or w.startswith("future "):
        return "DATE", "FUTURE_REF"
    return "DATE", "PAST_REF"  # "recently", "the past", "at the time", "past years"


def _holiday(m, ctx):
    h = norm(m["hol"])
    if ctx.anchor is None:
        return "DATE", UNKNOWN
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4)}
    if h in fixed:
        d = cal.month_day_date(ctx.anchor, *fixed[h], ctx.tense)
        return "DATE", d.isoformat() if d else UNKNOWN
    d = cal.movable_date(h, ctx.anchor, ctx.tense)
    return "DATE", cal.week_value(d) if h.endswith("week") else d.isoformat()


def _part_mod(m, ctx):
    day = _dayref(m["pd"], ctx) if m["pd"] else ctx.near_day or ctx.anchor
    return "TIME", f"{cal.iso(day) if day else UNKNOWN}T{PARTS_OF_DAY[norm(m['part'])]}"


def _anaphor(m, ctx):
    base = ctx.ref_day or ctx.anchor
    if base is None:
        return "DATE", UNKNOWN
    shift = {"before": -1, "earlier": -1, "previous": -1, "preceding": -1,
             "after": 1, "later": 1, "next": 1, "following": 1}
    step = shift.get(norm(m["ba"]), 0) or shift.get(norm(m["rel"]), 0)
    d = base + timedelta(days=step)
    if norm(m["u"]) == "night":
        return "TIME", f"{d.isoformat()}TNI"
    return "DATE", d.isoformat()


def _the_unit(m, ctx):
    """"for the year" (the article's year), "the fiscal year ended June 30" (a year's span),
    "over the weekend" (the last one, or the next when the clause looks ahead), "the latest
    period" of an earnings report (the last full quarter)."""
    unit, adj, a = norm(m["u"]), norm(m["adj"]), ctx.anchor
    if unit == "period":  # "the latest period" of a company's results: its last quarter
        if "latest" not in adj or a is None:
            return None
        return "DATE", cal.previous_quarter(a)
    if unit == "weekend":
        return "DATE", cal.weekend_value(a, ctx.tense) if a else UNKNOWN
    if m["ended"]:
        return "DURATION", "P1Y"
    if a is None:
        return "DATE", "XXXX"
    back = any(w in adj for w in ("latest", "previous", "prior"))
    return "DATE", f"{a.year - 1 if back else a.year:04d}"


def _that_unit(m, ctx):
    """"that year", "later that month": the period of the last calendar date told before."""
    return ("DATE", cal.truncate(ctx.ref_value, norm(m["u"]))) if ctx.ref_value else None


_HANDLERS = {
    "clock": _clock, "part_of_day": _part_of_day, "part_word": _part_word, "part_mod": _part_mod,
    "full_date": _full_date, "week_of": _week_of, "iso_date": _numeric_date,
    "slash_date": _numeric_date, "month": _month_expr, "relative": _relative,
    "weekday": _weekday_expr, "ago": _ago, "period": _period, "duration": _duration,
    "bare_units": _bare_units, "recent": _bare_units, "year_ago": _year_ago,
    "year_ago_months": _duration, "deictic": _deictic, "holiday": _holiday, "anaphor": _anaphor,
    "the_unit": _the_unit, "that_unit": _that_unit,
    **PERIOD_HANDLERS,  # years, decades, seasons, quarters, halves, sets (timex_periods)
}
