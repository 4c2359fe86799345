"""The `dateline` command line: run, annotate, export, timeline, stories, events, figures, serve, settings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dateline import pipeline
from dateline.errors import DatelineError, error
from dateline.extract.quote_records import TAGGERS
from dateline.ingest import parse_dateline_text
from dateline.serve import exports, exports_geo, summary, timeline_render
from dateline.serve import resolved_render
from dateline.serve.contract import facts_to_contract
from dateline.serve.params import parse_day, split_words
from dateline.settings import SETTINGS, load

DB_HELP = "Database file or URL (default ./dateline.db, or DATELINE_DB)."


class Group(click.Group):
    """Turns coded errors into one clear line and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DatelineError as exc:
            click.echo(f"dateline: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=Group)
@click.version_option(package_name="dateline")
def main():
    """Dateline: dated conflict news into a source-attributed record and a cited timeline."""


QUOTES_TAGGER = click.option(
    "--quotes-tagger", type=click.Choice(list(TAGGERS)), default=None,
    help="Attribution tagger (default crf, or DATELINE_QUOTES_TAGGER): neural is more accurate, ~2.5x slower.")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", default=None, help=DB_HELP)
@click.option("--processes", type=int, default=None, help="spaCy worker processes.")
@click.option("--cluster", default=None,
              help='Parse on Dask: "local" (a cluster on 127.0.0.1) or a scheduler tcp://host:8786.')
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="Summary as text or JSON.")
@QUOTES_TAGGER
def run(paths, db, processes, cluster, no_progress, fmt, quotes_tagger):
    """Ingest, extract and store every article under PATHS (files, folders, .gz)."""
    if not paths:
        raise error("E001")
    settings = load(db=db, processes=processes, cluster=cluster, quotes_tagger=quotes_tagger)
    show = settings.progress and not no_progress and sys.stderr.isatty()
    result = pipeline.run(paths, settings, progress=show)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(summary.render(result, db=settings.db))


@main.command()
@click.argument("file", type=click.Path())
@click.option("--date", "date_", default=None, help="Article date YYYY-MM-DD (overrides the file's).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json",
              help="Output format.")
@QUOTES_TAGGER
def annotate(file, date_, fmt, quotes_tagger):
    """Facts of one article, no database: prints the CONTRACT.md object."""
    path = Path(file)
    if not path.is_file():
        raise error("E002", path=file)
    try:
        raw = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        raise error("E007", path=file, reason=str(exc)) from None
    stated, text = parse_dateline_text(raw)
    published = parse_day(date_) or stated
    if published is None:
        raise error("E003", path=file)
    facts = pipeline.annotate(text, published=published, settings=load(quotes_tagger=quotes_tagger))
    out = facts_to_contract(facts)
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        click.echo(summary.render_facts(out))


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "acled", "geojson"]),
              default="json", help="Export format (acled: one CSV row per event; geojson: located events).")
@click.option("--output", "-o", type=click.Path(), default=None, help="File to write (default stdout).")
def export(db, fmt, output):
    """Export the whole store."""
    settings = load(db=db)
    writer = {"json": exports.write_json, "csv": exports.write_csv,
              "acled": exports_geo.write_acled, "geojson": exports_geo.write_geojson}[fmt]
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer(pipeline.stored_facts(settings), out)
    finally:
        if output:
            out.close()


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--from", "date_from", default=None, help="First date YYYY-MM-DD (articles and dates).")
@click.option("--to", "date_to", default=None, help="Last date YYYY-MM-DD (articles and dates).")
@click.option("--max-dates", type=int, default=None, help="At most this many dates.")
@click.option("--per-date", type=int, default=2, help="Sentences per date.")
@click.option("--keywords", default="", help="Comma-separated words; keep sentences with one.")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="json",
              help="Output format.")
@click.option("--output", "-o", type=click.Path(), default=None, help="File to write (default stdout).")
def timeline(db, date_from, date_to, max_dates, per_date, keywords, fmt, output):
    """A cited timeline of the stored articles."""
    settings = load(db=db)
    words = split_words(keywords)
    bounds = {"date_from": parse_day(date_from), "date_to": parse_day(date_to)}
    series, flags = pipeline.figures(settings, **bounds)  # stale tolls also drop articles
    entries = pipeline.timeline(settings, **bounds, max_dates=max_dates, per_date=per_date,
                                keywords=words, flags=flags)
    if fmt == "html":  # the page also charts the tolls and notes disagreements and copies
        text = timeline_render.to_html(entries, series=series, flags=flags,
                                       stories=pipeline.stories(settings, **bounds))
    else:
        text = {"json": timeline_render.to_json, "md": timeline_render.to_markdown}[fmt](entries)
    _emit(text, output)
    if output:
        click.echo(f"timeline: {len(entries)} dates written to {output}", err=True)


def _emit(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text)


def _view_options(f):
    """--db, --from, --to, --format json|md and --output, shared by the cross-article views."""
    for option in reversed([
            click.option("--db", default=None, help=DB_HELP),
            click.option("--from", "date_from", default=None, help="First publication date YYYY-MM-DD."),
            click.option("--to", "date_to", default=None, help="Last publication date YYYY-MM-DD."),
            click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="json",
                         help="Output format."),
            click.option("--output", "-o", type=click.Path(), default=None,
                         help="File to write (default stdout).")]):
        f = option(f)
    return f


@main.command()
@_view_options
def stories(db, date_from, date_to, fmt, output):
    """Stories across outlets; rewrites and republications linked to their original."""
    found = pipeline.stories(load(db=db), date_from=parse_day(date_from), date_to=parse_day(date_to))
    _emit(resolved_render.to_json(found) if fmt == "json" else resolved_render.stories_md(found), output)


@main.command()
@_view_options
def events(db, date_from, date_to, fmt, output):
    """Events merged across articles, each mention with its outlet."""
    found = pipeline.events(load(db=db), date_from=parse_day(date_from), date_to=parse_day(date_to))
    _emit(resolved_render.to_json(found) if fmt == "json" else resolved_render.events_md(found), output)


@main.command()
@_view_options
def figures(db, date_from, date_to, fmt, output):
    """Figure series with their reporters, competing figures, contradictions and stale tolls."""
    series, flags = pipeline.figures(load(db=db), date_from=parse_day(date_from), date_to=parse_day(date_to))
    text = (resolved_render.to_json({"series": series, "contradictions": flags}) if fmt == "json"
            else resolved_render.figures_md(series, flags))
    _emit(text, output)


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1, or DATELINE_HOST).")
@click.option("--port", type=int, default=None, help="Port (default 8000, or DATELINE_PORT).")
@click.option("--token", default=None,
              help="Token that API writes need (or DATELINE_TOKEN); without one, writes are refused.")
def serve(db, host, port, token):
    """The REST API (/api/...) and web pages (/, /articles/ID, /timeline) over the store."""
    import uvicorn  # only this command needs the server

    from dateline.serve.api import create_app

    settings = load(db=db, host=host, port=port, token=token)
    if settings.host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"dateline: warning: serving on {settings.host}: every machine that can reach it "
                   "can read the store", err=True)
    click.echo(f"Dateline on http://{settings.host}:{settings.port}/ (writes "
               f"{'need the token' if settings.token else 'off'}); Ctrl-C stops it.", err=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")


@main.command(name="settings")
def settings_cmd():
    """The settings table: name, environment variable, default, help."""
    for s in SETTINGS:
        click.echo(f"{s.name:18} DATELINE_{s.name.upper():20} {s.default!r:24} {s.help}")
