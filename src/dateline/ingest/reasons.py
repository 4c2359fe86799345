"""Drop reasons: every code a Drop may carry, each with one line of help for the reader."""

from __future__ import annotations

REASONS: dict[str, str] = {
    "not_found": "The path does not exist; check its spelling.",
    "unreadable": "The file or folder exists but could not be opened (permissions or I/O error).",
    "not_a_file": "A folder entry is a pipe, socket or device, not a regular file; it was not read.",
    "empty_file": "The file is empty or holds only whitespace.",
    "binary_file": "The file holds NUL bytes in its first 8 KB, so it is not text (PDF, image, UTF-16...).",
    "bad_archive": "A .gz file is truncated or not gzip data; re-compress or unpack it.",
    "unsupported_format": "Neither the extension nor the first bytes name a known format "
    "(dateline text, JSONL, CSV, HTML, RSS/Atom).",
    "undecodable": "The bytes are neither UTF-8 nor (for whole-file text) clean cp1252; re-save as UTF-8.",
    "too_long": "The line is longer than max_line_bytes or the article longer than max_article_chars.",
    "missing_date": "The record names no publication date, so its relative dates cannot be resolved.",
    "unreadable_date": "The record has a date field in a form we do not read (use YYYY-MM-DD).",
    "impossible_date": "The date does not exist (2023-02-30) or lies outside the years 1800-2100.",
    "no_text": "The record has no article text (no or empty text/sentence/body field).",
    "malformed_json": "The JSONL line is not a JSON object.",
    "malformed_csv": "The CSV has no text column in its header, or the row does not match the header.",
    "html_no_article": "The HTML page holds no main article text that could be extracted.",
    "feed_no_items": "The RSS/Atom file holds no items (or is not a readable feed).",
    "read_error": "Reading failed for an unexpected reason; the detail names it (please report it).",
}
