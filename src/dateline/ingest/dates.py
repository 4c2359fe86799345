"""Publication dates from the forms news dumps use, with named reasons when they fail."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MIN_YEAR, MAX_YEAR = 1800, 2100

# Date part of ISO dates and datetimes: "2023-11-07", "2025-03-14 20:30:26Z", "2023-11-07T08:00:00+02:00".
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[ T_]\S*)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_WORDY = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


class BadDate(ValueError):
    """A date value that cannot be used; `reason` is a Drop reason code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _checked(year: int, month: int, day: int, raw: str) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadDate("impossible_date", f"year {year} outside {MIN_YEAR}-{MAX_YEAR} in {raw!r}")
    try:
        return date(year, month, day)
    except ValueError:
        raise BadDate("impossible_date", f"no such day {raw!r}") from None


def _slashed(m: re.Match, raw: str) -> date:
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    # US order (10/13/2023) unless the first number cannot be a month (13/10/2023).
    if first > 12 >= second:
        first, second = second, first
    return _checked(year, first, second, raw)


def parse_date(value: object) -> date:
    """The calendar date of `value` (a date, or a string in a common form); raises BadDate.

    The date is taken as written: "2023-11-07T23:30:00-05:00" is 7 November, not
    converted to UTC, because the dateline of the report is the local day.
    Relative words ("yesterday") are refused rather than read against today.
    """
    if isinstance(value, datetime):
        return _checked(value.year, value.month, value.day, value.isoformat())
    if isinstance(value, date):
        return _checked(value.year, value.month, value.day, value.isoformat())
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadDate("missing_date", "no date given")
    if not isinstance(value, str):
        raise BadDate("unreadable_date", f"date is a {type(value).__name__}, not text: {value!r}")
    raw = value.strip()
    if m := _ISO.fullmatch(raw):
        return _checked(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _COMPACT.fullmatch(raw):
        return _checked(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _SLASHED.match(raw):
        return _slashed(m, raw)
    return _parse_words(raw)


def _parse_words(raw: str) -> date:
    """Month-name dates and RFC 822 feed dates ("Tue, 07 Nov 2023 10:00:00 GMT")."""
    found: datetime | None = None
    for fmt in _WORDY:
        try:
            found = datetime.strptime(raw, fmt)
            break
        except ValueError:
            continue
    if found is None:
        try:
            found = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            raise BadDate("unreadable_date", f"unreadable date {raw[:60]!r}") from None
    return _checked(found.year, found.month, found.day, raw)
