"""Calendar arithmetic for TIMEX3 values: weekdays, month-days, weeks, quarters, offsets."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


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


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]
