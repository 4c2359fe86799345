"""The Python API (`from dateline import Dateline`): the same results as the pipeline the CLI runs."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from dateline import Dateline, pipeline
from dateline.errors import DatelineError
from dateline.records import ArticleFacts, Drop

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    desk = Dateline(str(tmp_path_factory.mktemp("desk") / "store.db"))
    summary = desk.run([str(EXAMPLES)])
    assert summary.stored >= 15 and desk.run([str(EXAMPLES)]).stored == 0  # a rerun stores nothing
    return desk


def test_desk_reads_are_the_pipeline_reads(desk):
    assert desk.timeline(max_dates=5) == pipeline.timeline(desk.settings, max_dates=5)
    assert desk.events() == pipeline.events(desk.settings)
    assert desk.figures() == pipeline.figures(desk.settings)
    assert [s.id for s in desk.stories()] == [s.id for s in pipeline.stories(desk.settings)]


def test_desk_dates_may_be_strings(desk):
    bounded = desk.timeline(date_from="2023-11-01", date_to="2023-11-30")
    assert bounded and all("2023-11-01" <= e.date <= "2023-11-30" for e in bounded)
    assert bounded == desk.timeline(date_from=date(2023, 11, 1), date_to=date(2023, 11, 30))
    with pytest.raises(DatelineError) as caught:
        desk.events(date_from="November")
    assert caught.value.code == "E004"


def test_desk_search_then_article(desk):
    info, sentence = desk.search("Blinken Abbas")[0]
    facts = desk.article(info["id"])
    assert facts.article.text[sentence.start:sentence.end] == sentence.text
    assert desk.articles("Blinken Abbas")[0]["id"] in {i["id"] for i, _ in desk.search("Blinken Abbas")}


def test_desk_annotate_stores_nothing(desk):
    before = len(desk.articles(limit=1000))
    facts = desk.annotate("Israeli forces killed three Palestinians in Jenin on Tuesday, the "
                          "health ministry said.", published="2024-01-10")
    assert isinstance(facts, ArticleFacts) and facts.figures[0].value == 3
    assert facts.figures[0].date == "2024-01-09"
    assert len(desk.articles(limit=1000)) == before


def test_desk_add_stores_once_and_names_a_drop(tmp_path):
    desk = Dateline(str(tmp_path / "one.db"))
    text = "At least 20 people were killed in an airstrike on Rafah on Thursday, officials said."
    first = desk.add(text, published=date(2024, 1, 12), source="Wire")
    again = desk.add(text, published="2024-01-12", source="Wire")
    assert first.article.id == again.article.id and len(desk.articles()) == 1
    dropped = desk.add("   ", published="2024-01-12")
    assert isinstance(dropped, Drop) and dropped.reason == "no_text"


@pytest.mark.parametrize("fmt", ["json", "csv", "acled", "geojson"])
def test_desk_export_writes_what_the_cli_writes(desk, fmt):
    from click.testing import CliRunner

    from dateline.serve.cli import main

    out = io.StringIO()
    assert desk.export(fmt, out) > 0
    cli = CliRunner().invoke(main, ["export", "--db", desk.settings.db, "--format", fmt])
    assert out.getvalue().replace("\r\n", "\n") == cli.output.replace("\r\n", "\n")  # csv ends rows in \r\n


def test_desk_export_refuses_an_unknown_format(desk):
    with pytest.raises(DatelineError) as caught:
        desk.export("xlsx", io.StringIO())
    assert caught.value.code == "E017" and "acled" in str(caught.value)
