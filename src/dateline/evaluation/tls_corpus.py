"""Timeline17 topics read in place and dated with Dateline's time extractor, cached on disk.

T17 articles come sentence-split and tokenized, one sentence per line. Each sentence gets the
first day-precise date that `extract.times.find_times` resolves in it against the article's
publication date, exactly as `extract.sentences.dated_sentences` does for stored articles.
Speed-up: only the sentences holding a time-expression candidate (the extractor's own regex
pass) are parsed by spaCy, joined in article order so "the day before" still chains; sentences
without one cannot receive a date. The result is cached (gzip JSON) under
$DATELINE_CACHE or ~/.cache/dateline/tls, keyed by the topic file and the time extractor's code.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateline.extract import times as times_module
from dateline.extract.nlp import load_nlp
from dateline.extract.sentences import is_day_value
from dateline.extract.times import find_times
from dateline.extract.timex_rules import find_candidates


@dataclass(frozen=True)
class TopicArticle:
    """One T17 article: id, publication date, its sentences and each one's day (or None)."""

    id: str
    published: date
    sentences: tuple[str, ...]
    dates: tuple[str | None, ...]


def cache_dir() -> Path:
    root = os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline"
    return Path(root) / "tls"


def _code_key() -> str:
    """Changes whenever the time extractor's code changes, so a stale cache is never read."""
    h = hashlib.sha1()
    # every timex_*.py module next to times.py holds resolution logic, so all of them count
    folder = Path(times_module.__file__).parent
    for path in [Path(times_module.__file__), *sorted(folder.glob("timex_*.py"))]:
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def read_articles(topic_dir: Path) -> list[dict]:
    with gzip.open(topic_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_timelines(topic_dir: Path) -> list[dict]:
    """Gold timelines: [{"source", "timeline": [[date, [sentences]]...]}]."""
    with open(topic_dir / "timelines.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_keywords(topic_dir: Path) -> list[str]:
    return json.loads((topic_dir / "keywords.json").read_text(encoding="utf-8"))


def _prepare(raw: dict) -> tuple[date, list[str], list[tuple[int, int, int]], str]:
    """Publication date, sentences, and the candidate sentences joined with their offsets."""
    published = date.fromisoformat(raw["time"][:10])
    sentences = [s.strip() for s in raw["text"].split("\n") if s.strip()]
    offsets, parts, pos = [], [], 0
    for i, s in enumerate(sentences):
        if find_candidates(s):
            offsets.append((pos, pos + len(s), i))
            parts.append(s)
            pos += len(s) + 1
    return published, sentences, offsets, "\n".join(parts)


def _date_articles(nlp, raws: list[dict]) -> list[TopicArticle]:
    prepared = [_prepare(r) for r in raws]
    docs = nlp.pipe((p[3] for p in prepared), batch_size=32)
    out = []
    for raw, (published, sentences, offsets, _), doc in zip(raws, prepared, docs):
        dates: list[str | None] = [None] * len(sentences)
        for t in find_times(doc, published=published) if offsets else ():
            if t.type != "DATE" or not is_day_value(t.value):
                continue
            for lo, hi, i in offsets:
                if lo <= t.start < hi and dates[i] is None:
                    dates[i] = t.value
        out.append(TopicArticle(str(raw["id"]), published, tuple(sentences), tuple(dates)))
    return out


def _load_cache(path: Path) -> list[TopicArticle] | None:
    if not path.is_file():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = json.load(f)
    return [TopicArticle(r["id"], date.fromisoformat(r["published"]), tuple(r["sentences"]),
                         tuple(r["dates"])) for r in rows]


def _save_cache(path: Path, articles: list[TopicArticle]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as f:
        json.dump([{"id": a.id, "published": a.published.isoformat(),
                    "sentences": a.sentences, "dates": a.dates} for a in articles], f)
    tmp.replace(path)


def dated_topic(topic_dir: Path, *, use_cache: bool = True, stats: dict | None = None,
                ids: set[str] | None = None) -> list[TopicArticle]:
    """The topic's articles (or those in `ids`) with dated sentences, from cache when possible."""
    topic_dir = Path(topic_dir)
    src = topic_dir / "articles.jsonl.gz"
    stamp = f"{src.stat().st_size}-{int(src.stat().st_mtime)}-{_code_key()}"
    subset = hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()[:8] if ids else "all"
    path = cache_dir() / f"{topic_dir.name}-{subset}-{stamp}.json.gz"
    t0 = time.perf_counter()
    cached = _load_cache(path) if use_cache else None
    if cached is not None:
        if stats is not None:
            stats.update(extract_s=0.0, cached=True, articles=len(cached))
        return cached
    nlp = load_nlp()
    raws = [r for r in read_articles(topic_dir) if ids is None or str(r["id"]) in ids]
    articles = _date_articles(nlp, raws)
    if stats is not None:
        stats.update(extract_s=time.perf_counter() - t0, cached=False, articles=len(articles))
    if use_cache:
        _save_cache(path, articles)
    return articles
