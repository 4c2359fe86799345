"""Calendar arithmetic for TIMEX3 values: weekdays, month-days, weeks, quarters, offsets."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateline.extract.timex_lexicon import UNITS


def iso(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    """ISO week of a day as TIMEX3: 2023-W45."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def weekday_date(anchor: date, weekday: int, tense: str | None, *, since: bool = False,
                 relative: str | None = None) -> date:
    """The day a weekday name means, seen from the article date."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if relative == "next":
        return anchor + timedelta(days=ahead or 7)
    if relative == "last":
        return anchor - timedelta(days=back or 7)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    if since and back == 0:
        # "since Saturday" written on a Saturday means a week ago, not today.
        back = 7
    return anchor - timedelta(days=back)


def month_day_date(anchor: date, month: int, day: int, tense: str | None, *,
                   named_event: bool = False) -> date | None:
    """A year-less "Oct. 7": the occurrence before or after the article date."""
    def make(y):
        try:
            return date(y, month, day)
        except ValueError:
            return None
    this = make(anchor.year)
    if this is None:
        return make(anchor.year - 1) or make(anchor.year + 1)
    past = this if this <= anchor else make(anchor.year - 1)
    future = this if this >= anchor else make(anchor.year + 1)
    if past is None or future is None:
        return past or future
    if tense == "future" and not named_event:
        return future
    ahead, back = (future - anchor).days, (anchor - past).days
    if tense == "past" and not (ahead <= 45 and back >= 180):
        # Past tense, unless the date is weeks ahead and the past one most of a year back:
        # "has set Nov. 10 as the deadline" written on Nov. 2.
        return past
    if named_event:
        # "Israel says the Oct. 7 attack ..." written on Oct. 1: a date naming an event is one
        # that happened — last year's Oct. 7, whatever the tense of the clause.
        return past
    # Otherwise (a clause whose tense does not tell: "payable Dec. 15") the nearer one.
    return future if ahead < back else past


def month_year(anchor: date, month: int, tense: str | None) -> tuple[int, int]:
    """The year of a bare month name ("October"), past-preferring unless the clause looks ahead."""
    if month == anchor.month:
        return anchor.year, month
    past_year = anchor.year if month < anchor.month else anchor.year - 1
    future_year = anchor.year if month > anchor.month else anchor.year + 1
    if tense == "past":
        return past_year, month
    if tense == "future":
        return future_year, month
    back = (anchor.month - month) % 12
    ahead = (month - anchor.month) % 12
    return (future_year if ahead < back else past_year), month


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift(anchor: date, n: float, unit: str) -> tuple[str, date | None]:
    """Anchor moved by n units (negative = back), as a value of the unit's granularity."""
    k = int(n)
    if unit == "D":
        d = anchor + timedelta(days=k)
        return iso(d), d
    if unit == "W":
        d = anchor + timedelta(weeks=k)
        return week_value(d), d
    if unit == "M":
        y, m = add_months(anchor.year, anchor.month, k)
        return month_value(y, m), None
    if unit == "Q":
        y, m = add_months(anchor.year, anchor.month, 3 * k)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}", None
    if unit == "Y":
        return f"{anchor.year + k:04d}", None
    if unit == "DE":
        return f"{(anchor.year + 10 * k) // 10:03d}", None
    return "XXXX-XX-XX", None


def previous_quarter(anchor: date) -> str:
    """The last full quarter before the article ("the latest quarter"): 2023-Q3 in November."""
    y, m = add_months(anchor.year, anchor.month, -3)
    return f"{y:04d}-Q{(m - 1) // 3 + 1}"


def weekend_value(anchor: date, tense: str | None) -> str:
    """"the weekend": the one the article falls in, else the last one (the next if ahead)."""
    if anchor.weekday() >= 5:
        saturday = anchor - timedelta(days=anchor.weekday() - 5)
    elif tense == "future":
        saturday = anchor + timedelta(days=5 - anchor.weekday())
    else:
        saturday = anchor - timedelta(days=anchor.weekday() + 2)
    return week_value(saturday) + "-WE"


def _parts(value: str) -> tuple[int, int | None]:
    """Year and month (None when the value has no month) of a calendar value."""
    month = value[5:7]
    if month.startswith("Q") and month[1:].isdigit():
        return int(value[:4]), 3 * int(month[1:]) - 2
    return int(value[:4]), int(month) if month.isdigit() else None


def truncate(value: str, unit: str) -> str | None:
    """A calendar value cut to a year, month or quarter ("that month" after "March 3, 1999")."""
    year, month = _parts(value)
    if unit == "year":
        return f"{year:04d}"
    if month is None:
        return None
    if unit == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    return month_value(year, month) if unit == "month" else None


def next_period(value: str, unit: str) -> str | None:
    """The year or month after a calendar value ("the following year" after "1995")."""
    year, month = _parts(value)
    if unit == "year":
        return f"{year + 1:04d}"
    if unit == "month" and month is not None and not value[5:6] == "Q":
        return month_value(*add_months(year, month, 1))
    return None


def easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month = (h + el - 7 * m + 90) // 25
    return date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)


def movable_holiday(name: str, year: int) -> date:
    """Thanksgiving (4th Thursday of November), US Election Day (the Tuesday after the first
    Monday of November), Easter Sunday / Monday / week."""
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("election"):
        second = date(year, 11, 2)
        return second + timedelta(days=(1 - second.weekday()) % 7)
    return easter(year) + timedelta(days=1 if name.endswith("monday") else 0)


# A fraction of a unit written in the next smaller one: P2Y6M, PT5H30M, P1DT12H.
_SMALLER = {("Y", False): (12, "M", False), ("M", False): (None, "", False),
            ("W", False): (7, "D", False), ("D", False): (24, "H", True),
            ("H", True): (60, "M", True), ("M", True): (60, "S", True)}


def duration_value(unit: str, n: float | None) -> str:
    """TIMEX3 duration: P48D, PT3H, P30Y (decades as years), PXY when the number is vague."""
    designator, mult, timepart = UNITS[unit]
    t = "T" if timepart else ""
    if n is None:
        return f"P{t}X{designator}"
    total = n * mult
    if designator == "Q":
        designator, total = "M", total * 3
    if float(total).is_integer():
        return f"P{t}{int(total)}{designator}"
    whole, part = int(total), total - int(total)
    factor, smaller, small_time = _SMALLER.get((designator, timepart), (None, "", False))
    if factor is None or not float(part * factor).is_integer():
        return f"P{t}{total}{designator}"
    head = f"{whole}{designator}" if whole else ""
    tail = f"{int(part * factor)}{smaller}"
    if small_time and not timepart:
        return f"P{head}T{tail}"
    return f"P{t}{head}{tail}"


def season_value(a: date, code: str, step: int) -> str:
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = a.year
    if step < 0:
        # The latest such season already over: this year's if it has ended, else last year's.
        year = a.year if a.month >= start + 3 else a.year - 1
    elif step > 0:
        year = a.year if a.month < start else a.year + 1
    return f"{year:04d}-{code}"


def movable_date(name: str, anchor: date, tense: str | None) -> date:
    """The Thanksgiving, Election Day or Easter a text means: the one before the article unless
    the clause looks ahead (when it does not tell, the nearer one)."""
    # "Easter week" is the week that ends on Easter Sunday: it has begun from its Monday on.
    lead = timedelta(days=6 if name.endswith("week") else 0)
    past, this, future = (movable_holiday(name, anchor.year + k) - lead for k in (-1, 0, 1))
    past = this if this <= anchor else past
    future = this if this >= anchor else future
    if tense is None:
        return future if future - anchor < anchor - past else past
    return future if tense == "future" else past
