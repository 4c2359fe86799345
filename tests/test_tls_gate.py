"""Quality gate: Dateline's timeline on Timeline17 (news-tls protocol) must not fall below its floors.

CI subset: the `mj` topic (142 articles, 1 gold timeline), extracted from scratch (cache off) so
the extraction time is counted too (~20-40 s on one shared core). The full set (5 topics, 12
timelines) runs with `python -m dateline.evaluation.tls ../shared/eval/tls/t17`.
"""

from __future__ import annotations

import time

import pytest

# Measured on mj with the selection defaults (lead 5, max 45 words, MMR 0.3, no speech; days
# weighted with hindsight 4 after 10 days, coverage power 0.8): AR-1 .122, AR-2 .043, date F1
# .459 (all T17: .150 / .053 / .608), minus a 0.02 margin.
FLOORS = {"rouge_1": 0.102, "rouge_2": 0.023, "date": 0.439}


@pytest.fixture(scope="module")
def mj(eval_dir):
    topic = eval_dir / "tls" / "t17" / "mj"
    if not topic.is_dir():
        pytest.skip("tls/t17/mj is absent")
    from dateline.evaluation.tls import score_topic
    from dateline.evaluation.tls_metrics import average

    started = time.perf_counter()
    result = score_topic(topic, use_cache=False)
    result["seconds"] = time.perf_counter() - started
    result["average"] = average(result["timelines"])
    return result


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_tls_gate_floor(mj, measure):
    assert mj["average"][measure]["f"] >= FLOORS[measure], mj["average"]


def test_tls_gate_time(mj):
    assert mj["timeline_s"] < 5.0  # the timeline itself, once sentences are dated
    assert mj["seconds"] < 120.0
