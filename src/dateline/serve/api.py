"""The REST API and web pages of `dateline serve`: thin routes over pipeline reads, token-guarded writes."""

from __future__ import annotations

import hmac
import threading
from importlib.resources import files
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles

from dateline import pipeline
from dateline.errors import DatelineError, error
from dateline.records import Drop
from dateline.serve import exports, exports_geo, resolved_render, timeline_render, web
from dateline.serve.api_models import (ArticleList, ArticleSummary, Health, NewArticle, Problem,
                                       SearchHit, Stored, TimelineEntry)
from dateline.serve.contract import facts_to_contract
from dateline.serve.deps import FromDep, SettingsDep, ToDep
from dateline.serve.params import parse_day, split_words
from dateline.serve.streaming import stream
from dateline.settings import Settings

# Export format -> (writer, media type, file name), as `dateline export --format` writes them.
EXPORTS = {
    "json": (exports.write_json, "application/json", "dateline.json"),
    "csv": (exports.write_csv, "text/csv; charset=utf-8", "dateline.csv"),
    "acled": (exports_geo.write_acled, "text/csv; charset=utf-8", "dateline-acled.csv"),
    "geojson": (exports_geo.write_geojson, "application/geo+json", "dateline.geojson"),
}
STATUS = {"E004": 400, "E008": 503, "E010": 404, "E011": 401, "E012": 403, "E013": 422, "E014": 422}
# Pages and responses may load only what this server itself sends (no CDN, no inline script);
# the timeline page's inline CSS and SVG need 'unsafe-inline' styles and data: images.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


# One write at a time: routes run in a thread pool, and one spaCy pipeline is shared by them.
_WRITE_LOCK = threading.Lock()


def _writer(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """Allow a write only with `Authorization: Bearer <token>` matching the configured token."""
    if not settings.token:
        raise error("E012")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                             settings.token.encode()):
        raise error("E011")


WriterDep = Annotated[None, Depends(_writer)]


def _problem(request: Request, exc: DatelineError) -> Response:
    """A coded error as JSON under /api, as a page elsewhere."""
    status = STATUS.get(exc.code, 400)
    if not request.url.path.startswith("/api/"):
        return web.error_page(exc, status)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"code": exc.code, "message": exc.message}, status_code=status,
                        headers=headers)


def create_app(settings: Settings) -> FastAPI:
    """The ASGI app serving `settings.db`: JSON under /api, pages at /, /articles/{id}, /timeline."""
    # No /docs or /redoc: their pages load scripts from a CDN; /openapi.json describes the API.
    app = FastAPI(title="Dateline", docs_url=None, redoc_url=None,
                  responses={400: {"model": Problem}})
    app.state.settings = settings
    app.add_exception_handler(DatelineError, _problem)
    app.add_exception_handler(
        RequestValidationError,
        lambda request, exc: _problem(request, error("E014", reason="; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))))

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.mount("/static", StaticFiles(directory=str(files("dateline.serve") / "static")), name="static")
    app.include_router(web.router)
    _routes(app)
    return app


def _routes(app: FastAPI) -> None:
    @app.get("/api/health", response_model=Health)
    def health(settings: SettingsDep):
        """Liveness and the number of stored articles."""
        return Health(articles=pipeline.count_articles(settings), writes=bool(settings.token))

    @app.get("/api/articles", response_model=ArticleList)
    def articles(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None,
                 q: Annotated[str, Query(max_length=500)] = "",
                 limit: Annotated[int, Query(ge=1, le=500)] = 50,
                 offset: Annotated[int, Query(ge=0)] = 0):
        """Stored articles newest first with their fact counts; `q` searches their sentences."""
        found = pipeline.list_articles(settings, query=q, date_from=parse_day(date_from),
                                       date_to=parse_day(date_to), limit=limit, offset=offset)
        return ArticleList(items=[ArticleSummary(**a) for a in found], limit=limit, offset=offset,
                           query=q or None)

    @app.get("/api/articles/{article_id}")
    def article(article_id: str, settings: SettingsDep) -> dict:
        """One article as the CONTRACT.md annotate object, with its id, url and origin."""
        facts = pipeline.article_facts(settings, article_id)
        if facts is None:
            raise error("E010", id=article_id)
        return facts_to_contract(facts, with_id=True)

    @app.post("/api/articles", response_model=Stored, status_code=201,
              responses={200: {"model": Stored}, 401: {"model": Problem}, 403: {"model": Problem},
                         422: {"model": Problem}})
    def add(body: NewArticle, settings: SettingsDep, _: WriterDep):
        """Ingest, extract and store one article (needs the token); 200 when already stored."""
        with _WRITE_LOCK:
            facts, created = pipeline.add_article(settings, text=body.text, published=body.date,
                                                  source=body.source, title=body.title,
                                                  url=body.url)
        if isinstance(facts, Drop):
            raise error("E013", reason=facts.reason, detail=facts.detail)
        counts = {k: len(getattr(facts, k)) for k in pipeline.FACT_KINDS}
        out = Stored(id=facts.article.id, created=created, counts=counts)
        return out if created else JSONResponse(out.model_dump(), status_code=200)

    @app.get("/api/search", response_model=list[SearchHit])
    def search(settings: SettingsDep, q: Annotated[str, Query(min_length=1, max_length=500)],
               limit: Annotated[int, Query(ge=1, le=200)] = 20):
        """Sentences holding every word of `q`, best match first."""
        return [SearchHit(article_id=info["id"], source=info["source"], title=info["title"],
                          published=info["published"], start=s.start, end=s.end, text=s.text,
                          date=s.date)
                for info, s in pipeline.search(settings, q, limit=limit)]

    @app.get("/api/timeline", response_model=list[TimelineEntry])
    def timeline(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None,
                 max_dates: Annotated[int | None, Query(ge=1, le=1000)] = None,
                 per_date: Annotated[int, Query(ge=1, le=20)] = 2,
                 keywords: Annotated[str, Query(max_length=500)] = ""):
        """The cited timeline, as `dateline timeline --format json` prints it."""
        entries = pipeline.timeline(settings, date_from=parse_day(date_from),
                                    date_to=parse_day(date_to), max_dates=max_dates,
                                    per_date=per_date, keywords=split_words(keywords))
        return timeline_render.rows(entries)

    @app.get("/api/export")
    def export(settings: SettingsDep,
               format: Annotated[str, Query(pattern="^(json|csv|acled|geojson)$")] = "json"):
        """The whole store as `dateline export --format` writes it, streamed as a download."""
        writer, media, name = EXPORTS[format]
        body = stream(lambda out: writer(pipeline.stored_facts(settings), out))
        return StreamingResponse(body, media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/api/events")
    def events(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None) -> list:
        """Events merged across articles, each mention with its outlet."""
        return resolved_render.plain(pipeline.events(settings, date_from=parse_day(date_from),
                                                     date_to=parse_day(date_to)))

    @app.get("/api/figures")
    def figures(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None) -> dict:
        """Figure series with their reporters, and the contradictions and stale tolls in them."""
        series, flags = pipeline.figures(settings, date_from=parse_day(date_from),
                                         date_to=parse_day(date_to))
        return resolved_render.plain({"series": series, "contradictions": flags})

    @app.get("/api/stories")
    def stories(settings: SettingsDep, date_from: FromDep = None, date_to: ToDep = None) -> list:
        """Stories across outlets; rewrites and republications linked to their original."""
        return resolved_render.plain(pipeline.stories(settings, date_from=parse_day(date_from),
                                                      date_to=parse_day(date_to)))
