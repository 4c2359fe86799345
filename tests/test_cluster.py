"""Parsing on a Dask cluster (a local one on 127.0.0.1) stores what parsing in-process stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import pipeline
from dateline.errors import DatelineError
from dateline.settings import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The examples run on a local two-worker cluster, then again, and in-process."""
    folder = tmp_path_factory.mktemp("cluster")
    on_cluster = load(environ={}, db=str(folder / "cluster.db"), cluster="local", processes=2,
                      batch_size=4)
    first = pipeline.run([str(EXAMPLES)], on_cluster, progress=False)
    again = pipeline.run([str(EXAMPLES)], on_cluster, progress=False)
    here = load(environ={}, db=str(folder / "here.db"))
    pipeline.run([str(EXAMPLES)], here, progress=False)
    return on_cluster, here, first, again


def test_cluster_run_stores_the_same_facts_as_in_process(runs):
    on_cluster, here, first, _ = runs
    assert first.stored == 17 and sum(first.facts.values()) > 0
    assert list(pipeline.stored_facts(on_cluster)) == list(pipeline.stored_facts(here))


def test_cluster_rerun_stores_nothing_twice(runs):
    _, _, _, again = runs
    assert (again.stored, again.already_stored) == (0, 17)


def test_cluster_unreachable_scheduler_is_a_coded_error(tmp_path, monkeypatch):
    monkeypatch.setattr("dateline.cluster.CONNECT_TIMEOUT_S", 1)
    settings = load(environ={}, db=str(tmp_path / "x.db"), cluster="tcp://127.0.0.1:9")
    with pytest.raises(DatelineError) as caught:
        pipeline.run([str(EXAMPLES)], settings, progress=False)
    assert caught.value.code == "E015"
