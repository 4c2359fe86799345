"""The pipeline wiring: a run interrupted halfway resumes without duplicates; seeds run whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import pipeline
from dateline.settings import load
from dateline.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _counts(db: str) -> dict:
    with Store.open(db) as store:
        return store.counts()


def test_pipeline_interrupted_run_resumes_without_duplicates(tmp_path, monkeypatch):
    clean = load(db=str(tmp_path / "clean.db"), batch_size=4, progress=False)
    pipeline.run([EXAMPLES], clean)

    broken = load(db=str(tmp_path / "broken.db"), batch_size=4, progress=False)
    real_save = Store.save_many
    calls = {"n": 0}

    def save_then_die(self, batch):
        calls["n"] += 1
        if calls["n"] == 3:  # the third batch dies halfway through the run
            raise KeyboardInterrupt
        return real_save(self, batch)

    monkeypatch.setattr(Store, "save_many", save_then_die)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([EXAMPLES], broken)
    partial = _counts(broken.db)["articles"]
    monkeypatch.setattr(Store, "save_many", real_save)

    resumed = pipeline.run([EXAMPLES], broken)
    assert 0 < partial < _counts(clean.db)["articles"]
    assert resumed.already_stored == partial
    assert _counts(broken.db) == _counts(clean.db)


def test_pipeline_seeds_run_into_one_store(seeds_dir, tmp_path):
    settings = load(db=str(tmp_path / "seeds.db"), progress=False)
    summary = pipeline.run([seeds_dir], settings)
    assert summary.stored == 5 and not summary.dropped
    facts = list(pipeline.stored_facts(settings))
    assert [f.article.published.isoformat() for f in facts] == sorted(
        ["2023-11-07", "2025-01-23", "2023-11-08", "2023-11-30", "2023-11-15"])
    assert all(f.times and f.places and f.sentences for f in facts)


def test_pipeline_parses_in_worker_processes(tmp_path):
    settings = load(db=str(tmp_path / "mp.db"), processes=2, batch_size=4, progress=False)
    one = load(db=str(tmp_path / "one.db"), batch_size=4, progress=False)
    assert pipeline.run([EXAMPLES], settings).stored == pipeline.run([EXAMPLES], one).stored
    assert _counts(settings.db) == _counts(one.db)


def test_pipeline_timeline_leaves_out_articles_with_stale_tolls(seeds_dir, tmp_path):
    settings = load(db=str(tmp_path / "seeds.db"), progress=False)
    pipeline.run([seeds_dir], settings)
    _, found = pipeline.figures(settings)
    stale = {c.article_id for c in found if c.kind == "stale_figure"}
    assert stale, "seed 000's toll should be flagged stale against the later seeds"
    cited = {c["article_id"] for day in pipeline.timeline(settings) for c in day.citations}
    assert cited and not cited & stale
