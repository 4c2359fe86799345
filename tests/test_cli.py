"""End to end through the `dateline` command: run, annotate, export, timeline, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.serve.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KINDS = ("times", "places", "figures", "quotes", "events", "flags")


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "examples.db"
    result = invoke("run", EXAMPLES, "--db", db, "--no-progress", "--format", "json")
    assert result.exit_code == 0, result.output
    return db, json.loads(result.output)


def test_cli_run_stores_every_example_article(examples_db):
    _, summary = examples_db
    assert summary["read"] >= 12
    assert summary["stored"] + summary["duplicate_in_run"] == summary["read"]
    assert all(summary["facts"][k] > 0 for k in ("times", "places", "figures", "quotes", "events"))


def test_cli_run_twice_stores_nothing_new(examples_db):
    db, first = examples_db
    again = json.loads(invoke("run", EXAMPLES, "--db", db, "--no-progress", "--format", "json").output)
    assert again["stored"] == 0
    assert again["already_stored"] == first["stored"]


def test_cli_run_text_summary_names_drop_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.jsonl").write_text('{"text": "x", "date": "2023-11-07"}\n{not json\n')
    result = invoke("run", tmp_path, "--db", tmp_path / "s.db", "--no-progress")
    assert result.exit_code == 0
    assert "empty_file" in result.output and "malformed_json" in result.output
    assert "bad.jsonl:2" in result.output


def test_cli_export_json_and_csv_hold_every_stored_article(examples_db, tmp_path):
    db, summary = examples_db
    data = json.loads(invoke("export", "--db", db, "--format", "json").output)
    assert len(data) == summary["stored"]
    assert all(set(KINDS) <= set(row) for row in data)
    out = tmp_path / "facts.csv"
    assert invoke("export", "--db", db, "--format", "csv", "--output", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["article_id"] for r in rows} == {d["id"] for d in data}
    assert {"figure", "quote", "time", "place", "event"} <= {r["fact"] for r in rows}


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_cli_timeline_formats(examples_db, fmt):
    db, _ = examples_db
    result = invoke("timeline", "--db", db, "--format", fmt, "--max-dates", 4, "--per-date", 2)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        days = json.loads(result.output)
        assert 1 <= len(days) <= 4
        assert all(set(d) >= {"date", "sentences", "citations"} for d in days)
        assert days == sorted(days, key=lambda d: d["date"])
    elif fmt == "html":
        assert result.output.lstrip().lower().startswith("<!doctype html")


def test_cli_timeline_bounds_restrict_the_dates(examples_db):
    db, _ = examples_db
    days = json.loads(invoke("timeline", "--db", db, "--from", "2023-11-01", "--to", "2023-11-10",
                             "--format", "json").output)
    assert all("2023-11-01" <= d["date"] <= "2023-11-10" for d in days)


def test_cli_annotate_seed_prints_the_contract_object(seeds_dir):
    result = invoke("annotate", seeds_dir / "004_c4f8ecffebe96011.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["date"] == "2023-11-15"
    for kind in ("times", "places", "figures", "quotes", "events"):
        assert out[kind], f"no {kind}"
    for kind in ("times", "places", "figures", "quotes", "events"):
        for fact in out[kind]:
            assert out["text"][fact["start"]:fact["end"]], (kind, fact)
    assert all(out["text"][t["start"]:t["end"]] == t["text"] for t in out["times"])


def test_cli_annotate_with_the_neural_tagger_attributes_the_seed_quotes(seeds_dir):
    out = json.loads(invoke("annotate", seeds_dir / "001_377b85008e71e7bb.txt", "--quotes-tagger", "neural").output)
    speakers = {q["speaker"] for q in out["quotes"]}
    assert {"Jabarin", "Islamic Jihad", "Hamas", "Breaking the Silence"} <= speakers, speakers


def test_cli_annotate_plain_text_without_date_is_a_clear_error(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("At least 11 Palestinians were killed on Friday.")
    result = CliRunner().invoke(main, ["annotate", str(story)])
    assert result.exit_code == 2
    assert "E003" in result.output


def test_cli_annotate_date_option_overrides(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("At least 11 Palestinians were killed on Friday.")
    out = json.loads(invoke("annotate", story, "--date", "2023-11-07").output)
    assert out["date"] == "2023-11-07"
    assert any(t["value"] == "2023-11-03" for t in out["times"])


def test_cli_run_without_paths_is_a_clear_error():
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 2 and "E001" in result.output
