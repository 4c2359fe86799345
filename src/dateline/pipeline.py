"""The only wiring: ingest -> extract -> store, and store -> resolve for timelines."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from tqdm import tqdm

from dateline.cluster import parse_on_cluster
from dateline.extract import extract_facts
from dateline.extract.nlp import load_nlp
from dateline.extract.quotes import check_tagger as check_quotes_tagger
from dateline.ingest import article_from_text, make_article, read_paths
from dateline.records import (FACT_KINDS, Article, ArticleFacts, Contradiction, Drop, Event, FigureSeries,
                              Sentence, Story, TimelineDate)
from dateline.resolve.events import merge_events
from dateline.resolve.series import all_claims, build_series, contradictions
from dateline.resolve.staleness import stale_figures
from dateline.resolve.stories import build_stories
from dateline.resolve.timeline import build_timeline
from dateline.settings import Settings
from dateline.store import Store


@dataclass
class RunSummary:
    """What a run read, stored, skipped and dropped, and the facts it found."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    duplicate_in_run: int = 0
    dropped: Counter = field(default_factory=Counter)
    drop_examples: dict = field(default_factory=dict)  # reason -> first few origins
    facts: Counter = field(default_factory=Counter)
    words: int = 0

    def as_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "already_stored": self.already_stored,
                "duplicate_in_run": self.duplicate_in_run, "dropped": dict(self.dropped),
                "drop_examples": self.drop_examples, "facts": dict(self.facts), "words": self.words}


SEARCH_ARTICLES = 1000  # sentence hits a search looks at to find its articles


def parse(articles: Iterable[Article], settings: Settings) -> Iterator[ArticleFacts]:
    """Parse articles with spaCy in batches and extract facts: in this process, in worker
    processes (`processes`), or on a Dask cluster (`cluster`)."""
    check_quotes_tagger(settings.quotes_tagger)
    if settings.cluster:
        yield from parse_on_cluster(articles, settings, parse_batch)
        return
    nlp = load_nlp(settings.spacy_model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size,
                                 n_process=settings.processes):
        yield extract_facts(doc, article, quotes_tagger=settings.quotes_tagger)


def parse_batch(articles: list[Article], settings: Settings) -> list[ArticleFacts]:
    """Facts of a batch of articles in this process (what a cluster worker runs)."""
    return list(parse(articles, settings.with_(processes=1, cluster="")))


def annotate(text: str, *, published: date | None, settings: Settings,
             source: str | None = None, title: str | None = None) -> ArticleFacts:
    """Facts of one article, no database."""
    article = article_from_text(text, published=published, origin="<annotate>",
                                source=source, title=title)
    return next(parse([article], settings))


def _new_articles(items: Iterable[Article | Drop], store: Store, run_id: int,
                  summary: RunSummary) -> Iterator[Article]:
    """Articles not yet stored; drops are recorded as they pass."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Drop):
            store.save_drop(item, run_id)
            summary.dropped[item.reason] += 1
            summary.drop_examples.setdefault(item.reason, [])
            if len(summary.drop_examples[item.reason]) < 3:
                summary.drop_examples[item.reason].append(f"{item.origin} ({item.detail})")
            continue
        summary.read += 1
        if item.id in seen:
            summary.duplicate_in_run += 1
            continue
        seen.add(item.id)
        if store.has_article(item.id):
            summary.already_stored += 1
            continue
        yield item


def run(paths: Iterable[str], settings: Settings, *, progress: bool | None = None) -> RunSummary:
    """Ingest, extract and store every article under `paths`; resumable and idempotent."""
    paths = [str(p) for p in paths]
    summary = RunSummary()
    show = settings.progress if progress is None else progress
    with Store.open(settings.db) as store:
        run_id = store.start_run(paths)
        articles = _new_articles(read_paths(paths, settings=settings), store, run_id, summary)
        bar = tqdm(desc="articles", unit="art", disable=not show, file=sys.stderr, leave=False)
        batch: list[ArticleFacts] = []
        for facts in parse(articles, settings):
            batch.append(facts)
            summary.words += len(facts.article.text.split())
            for kind in FACT_KINDS:
                summary.facts[kind] += len(getattr(facts, kind))
            bar.update(1)
            if len(batch) >= settings.batch_size:
                summary.stored += store.save_many(batch)
                batch = []
        if batch:
            summary.stored += store.save_many(batch)
        bar.close()
        store.finish_run(run_id, summary.as_dict())
    return summary


def add_article(settings: Settings, *, text: object, published: object, source: str | None = None,
                title: str | None = None, url: str | None = None,
                origin: str = "<api>") -> tuple[ArticleFacts | Drop, bool]:
    """Ingest, extract and store one article given as fields (the API's write).

    Returns (facts, True) when stored now, (stored facts, False) when it was stored already,
    and (Drop, False) when the fields cannot make an article (the drop names the reason).
    """
    item = make_article(text, published, origin=origin, settings=settings, source=source,
                        url=url, title=title)
    if isinstance(item, Drop):
        return item, False
    with Store.open(settings.db) as store:
        stored = store.get_facts(item.id)
        if stored is not None:
            return stored, False
        facts = parse_batch([item], settings)[0]
        return facts, store.save_facts(facts)


def article_facts(settings: Settings, article_id: str) -> ArticleFacts | None:
    """One stored article with its facts, None when no article has that id."""
    with Store.open(settings.db) as store:
        return store.get_facts(article_id)


def list_articles(settings: Settings, *, query: str = "", date_from: date | None = None,
                  date_to: date | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Stored articles newest first with their fact counts; with `query`, only the articles
    that have a sentence holding every word of it (full-text search)."""
    with Store.open(settings.db) as store:
        ids = None
        if query.strip():
            ids = {info["id"] for info, _ in store.search(query, limit=SEARCH_ARTICLES)}
        return store.articles(date_from=date_from, date_to=date_to, ids=ids, limit=limit,
                              offset=offset)


def count_articles(settings: Settings) -> int:
    """How many articles are stored."""
    with Store.open(settings.db) as store:
        return store.counts()["articles"]


def search(settings: Settings, query: str, *, limit: int = 20) -> list[tuple[dict, Sentence]]:
    """Sentences holding every word of `query`, best match first, with their article's info."""
    with Store.open(settings.db) as store:
        return store.search(query, limit=limit)


def stored_facts(settings: Settings, *, date_from: date | None = None, date_to: date | None = None,
                 kinds: Iterable[str] | None = None) -> Iterator[ArticleFacts]:
    """Every stored article with its facts (of `kinds`, default all), by publication date."""
    with Store.open(settings.db) as store:
        yield from store.iter_facts(date_from=date_from, date_to=date_to, kinds=kinds)


def timeline(settings: Settings, *, date_from: date | None = None, date_to: date | None = None,
             max_dates: int | None = None, per_date: int = 2, keywords: Iterable[str] = (),
             flags: Iterable[Contradiction] | None = None) -> list[TimelineDate]:
    """A cited timeline from the stored sentences of articles published within the bounds.

    Articles whose cumulative tolls show their dateline to be stale are left out: their
    relative dates ("on Friday") and publication day would put events on the wrong days.
    `flags` are the contradictions of `figures()` when the caller has them already.
    """
    if flags is None:
        _, flags = figures(settings, date_from=date_from, date_to=date_to)
    stale = {c.article_id for c in flags if c.kind == "stale_figure" and c.article_id}
    with Store.open(settings.db) as store:
        items = ((info, sentence) for info, sentence
                 in store.iter_sentences(date_from=date_from, date_to=date_to)
                 if info["id"] not in stale)
        return build_timeline(items, date_from=date_from, date_to=date_to, max_dates=max_dates,
                              per_date=per_date, keywords=tuple(keywords))


# Cross-article views are computed at read time from the stored facts (nothing extra is stored):
# always consistent with the store, at the cost of one pass over the facts per call.

def stories(settings: Settings, *, date_from: date | None = None,
            date_to: date | None = None) -> list[Story]:
    """Stories across outlets, rewrites and republications linked to their original."""
    return build_stories(stored_facts(settings, date_from=date_from, date_to=date_to, kinds=()))


def events(settings: Settings, *, date_from: date | None = None,
           date_to: date | None = None) -> list[Event]:
    """Events merged across articles, every mention kept with its outlet."""
    return merge_events(stored_facts(settings, date_from=date_from, date_to=date_to,
                                     kinds=("events", "places")))


def figures(settings: Settings, *, date_from: date | None = None, date_to: date | None = None
            ) -> tuple[list[FigureSeries], list[Contradiction]]:
    """Figure series per metric, victims and area, and the contradictions and stale tolls in them."""
    series = build_series(all_claims(stored_facts(settings, date_from=date_from, date_to=date_to,
                                                  kinds=("figures",))))
    return series, contradictions(series) + stale_figures(series)
