"""The web pages: article list with search, one article with its facts highlighted, the timeline."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from dateline import pipeline
from dateline.errors import DatelineError, error
from dateline.serve import timeline_render
from dateline.serve.article_render import KINDS, segments
from dateline.serve.deps import FromDep, SettingsDep, ToDep
from dateline.serve.params import parse_day, split_words
from dateline.serve.templating import ENV

router = APIRouter()
PAGE = 50  # articles per page of the list
EVENTS_SHOWN = 500  # newest merged events on the events page


def _page(template: str, status: int = 200, **values) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(template).render(**values), status_code=status)


def error_page(exc: DatelineError, status: int) -> HTMLResponse:
    """A coded error as a page (the message is escaped like all text)."""
    return _page("error.html", status, title=f"Error {exc.code}", code=exc.code, message=exc.message)


def _event_row(event) -> dict:
    """An event as the page shows it: each article once (its first mention linked, how many it has)
    and each (toll, outlet) once with how many mentions gave it."""
    articles: dict[str, list] = {}
    for m in event.mentions:
        articles.setdefault(m.article_id, []).append(m)
    killed: dict[tuple, int] = {}
    for claim in event.killed:
        killed[claim] = killed.get(claim, 0) + 1
    return {"e": event, "articles": [(ms[0], len(ms)) for ms in articles.values()],
            "killed": [(value, outlet, n) for (value, outlet), n in killed.items()]}


def _http_link(url: str | None) -> str | None:
    """Only http(s) URLs become links: a javascript: URL from an article is shown as text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None,
          q: Annotated[str, Query(max_length=500)] = "",
          offset: Annotated[int, Query(ge=0)] = 0):
    """Stored articles newest first, filtered by a search and publication dates."""
    bounds = {"date_from": parse_day(date_from), "date_to": parse_day(date_to)}
    found = pipeline.list_articles(settings, query=q, **bounds, limit=PAGE + 1, offset=offset)
    hits = pipeline.search(settings, q, limit=10) if q.strip() else []
    keep = {"q": q, "from": date_from or "", "to": date_to or ""}

    def link(at: int) -> str:
        return "/?" + urlencode({**{k: v for k, v in keep.items() if v}, "offset": at})

    return _page("index.html", title="Dateline", articles=found[:PAGE], query=keep, hits=hits,
                 total=pipeline.count_articles(settings),
                 newer=link(max(0, offset - PAGE)) if offset else None,
                 older=link(offset + PAGE) if len(found) > PAGE else None,
                 first=offset + 1)


def _span(value: str) -> tuple[int, int] | None:
    """'START-END' as offsets; anything else is ignored (it only marks a search match)."""
    start, _, end = value.partition("-")
    return (int(start), int(end)) if start.isdigit() and end.isdigit() else None


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article(article_id: str, settings: SettingsDep,
            at: Annotated[str, Query(max_length=24)] = ""):
    """One article: its text with every fact highlighted, then the facts as tables.

    `at=START-END` marks a search match (the index page's sentence links use it).
    """
    facts = pipeline.article_facts(settings, article_id)
    if facts is None:
        raise error("E010", id=article_id)
    a, cut = facts.article, segments(facts, hit=_span(at))
    return _page("article.html", title=a.title or f"Article {a.id[:10]}", article=a,
                 link=_http_link(a.url), segments=cut, kinds=KINDS, facts=facts,
                 first_hit=next((s.start for s in cut if "hit" in s.kinds), None))


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None,
           several: Annotated[bool, Query()] = False):
    """Events merged across articles, newest first, each mention linked to its place in its
    article and each outlet's death toll side by side; `several` keeps events told by 2+ articles."""
    bounds = {"date_from": parse_day(date_from), "date_to": parse_day(date_to)}
    found = [e for e in pipeline.events(settings, **bounds)
             if not several or len({m.article_id for m in e.mentions}) > 1]
    found.sort(key=lambda e: (e.date or "", e.id), reverse=True)
    return _page("events.html", title="Events", events=[_event_row(e) for e in found[:EVENTS_SHOWN]],
                 total=len(found),
                 query={"from": date_from or "", "to": date_to or "", "several": several})


@router.get("/figures", response_class=HTMLResponse, include_in_schema=False)
def figures(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None):
    """Figure series with every claim's reporter and outlet side by side, and where they disagree."""
    series, flags = pipeline.figures(settings, date_from=parse_day(date_from),
                                     date_to=parse_day(date_to))
    series = sorted(series, key=lambda s: -len(s.claims))
    return _page("figures.html", title="Figures", series=series, flags=flags,
                 query={"from": date_from or "", "to": date_to or ""})


@router.get("/favicon.ico", include_in_schema=False)
def favicon():
    """No icon (browsers ask for one on every page; an empty answer is not an error)."""
    return Response(status_code=204)


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None,
             max_dates: Annotated[int | None, Query(ge=1, le=1000)] = None,
             per_date: Annotated[int, Query(ge=1, le=20)] = 2,
             keywords: Annotated[str, Query(max_length=500)] = ""):
    """The timeline page `dateline timeline --format html` writes, for the stored articles."""
    bounds = {"date_from": parse_day(date_from), "date_to": parse_day(date_to)}
    series, flags = pipeline.figures(settings, **bounds)
    entries = pipeline.timeline(settings, **bounds, max_dates=max_dates, per_date=per_date,
                                keywords=split_words(keywords), flags=flags)
    return HTMLResponse(timeline_render.to_html(entries, series=series, flags=flags,
                                                stories=pipeline.stories(settings, **bounds),
                                                served=True))
