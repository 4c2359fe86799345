"""Tests for evaluation.tls_check: tls_metrics against tilse (skipped without the eval extra)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from dateline.evaluation import tls_check

GOLD = {date(2009, 6, 25): ["Michael Jackson dies at his home in Los Angeles after a cardiac arrest ."],
        date(2009, 7, 7): ["A public memorial service is held at the Staples Center in Los Angeles ."],
        date(2010, 2, 8): ["Doctor Conrad Murray is charged with involuntary manslaughter ."]}
PRED = {date(2009, 6, 25): ["Pop star Michael Jackson died on Thursday after a cardiac arrest at his home ."],
        date(2009, 7, 8): ["Thousands of fans gathered for the memorial at the Staples Center ."],
        date(2009, 8, 28): ["The coroner ruled the singer 's death a homicide , officials said ."]}


def _tilse():
    try:
        return tls_check.load_tilse()
    except ImportError:
        pytest.skip("tilse is not installed (the eval extra)")


def _rouge_perl() -> bool:
    """ROUGE-1.5.5 needs Perl's XML::Parser (Debian libxml-parser-perl)."""
    perl = shutil.which("perl")
    return bool(perl) and subprocess.run([perl, "-MXML::Parser", "-e", "1"],
                                         capture_output=True).returncode == 0


def _max_diff(a: dict, b: dict) -> float:
    return max(abs(a[m][k] - b[m][k]) for m in tls_check.MEASURES for k in "prf")


def test_tls_check_without_tilse_exits_2_with_install_hint(monkeypatch, tmp_path, capsys):
    def missing():
        raise ImportError("No module named 'tilse'")
    monkeypatch.setattr(tls_check, "load_tilse", missing)
    assert tls_check.main([str(tmp_path), "--topics", "mj"]) == 2
    assert tls_check.INSTALL_HINT in capsys.readouterr().err


def test_tls_check_report_puts_both_scores_side_by_side():
    ours = tls_check.ours_scores(PRED, GOLD)
    shifted = {m: {k: v + 0.01 for k, v in s.items()} for m, s in ours.items()}
    text = tls_check.report({"topic": "mj", "timelines": 1, "ours": ours, "tilse": shifted})
    rouge_1 = next(line for line in text.splitlines() if line.strip().startswith("rouge_1"))
    assert f"{ours['rouge_1']['f']:.4f}" in rouge_1 and f"{shifted['rouge_1']['f']:.4f}" in rouge_1
    assert rouge_1.endswith("0.0100")


@pytest.mark.parametrize("computation", ["original", "reimpl"])
def test_tls_check_ours_equals_tilse_on_a_small_timeline(computation):
    tilse = _tilse()
    if computation == "original" and not _rouge_perl():
        pytest.skip("perl XML::Parser (libxml-parser-perl) is missing for ROUGE-1.5.5")
    theirs = tls_check.tilse_scores(PRED, GOLD, tilse, rouge_computation=computation)
    assert _max_diff(tls_check.ours_scores(PRED, GOLD), theirs) < 1e-9


def test_tls_check_t17_mj_within_tolerance_of_tilse(eval_dir):
    tilse = _tilse()
    if not _rouge_perl():
        pytest.skip("perl XML::Parser (libxml-parser-perl) is missing for ROUGE-1.5.5")
    result = tls_check.check_topic(eval_dir / "tls" / "t17" / "mj", tilse)
    # only ROUGE's WordNet exceptions before stemming are not reproduced (measured: 0.0015)
    assert _max_diff(result["ours"], result["tilse"]) < 0.005
