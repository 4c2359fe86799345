"""Cross-check of tls_metrics against the tilse package: the same T17 prediction scored by both.

Run: python -m dateline.evaluation.tls_check ../shared/eval/tls/t17 --topics mj [--reimpl]
Needs the `eval` extra (`.venv/bin/pip install -e .[eval]`: tilse 0.2.1, which bundles
ROUGE-1.5.5) and, for the original perl ROUGE, Perl's XML::Parser (Debian libxml-parser-perl).
`--reimpl` uses tilse's Python ROUGE approximation instead (no perl). Each gold timeline's
prediction is made once (tls.predict) and scored by tls_metrics and by tilse's
`evaluate_align_date_content_costs_many_to_one` and `evaluate_dates`; P and R are averaged over
timelines and F taken from the averages, for both. Exit 2 when tilse is not installed.
Limits: tilse's ROUGE runs one perl process per aligned date pair, so a topic takes minutes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dateline.evaluation.tls import TOPICS, gold_timeline, predict
from dateline.evaluation.tls_corpus import dated_topic, read_keywords, read_timelines
from dateline.evaluation.tls_metrics import alignment_rouge, average, date_scores

INSTALL_HINT = "install the eval extra: .venv/bin/pip install -e .[eval]"
MEASURES = ("rouge_1", "rouge_2", "date")


def load_tilse():
    """tilse's evaluation entry points, imported only when a check runs (an optional extra)."""
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import dates, rouge
    return Timeline, GroundTruth, rouge.TimelineRougeEvaluator, dates.evaluate_dates


def _prf(scores: dict) -> dict[str, float]:
    return {"p": scores["precision"], "r": scores["recall"], "f": scores["f_score"]}


def tilse_scores(pred, gold, tilse, *, rouge_computation: str = "original") -> dict:
    """tilse's align+ m:1 ROUGE-1/2 and date P/R/F of one prediction, in tls_metrics' shape."""
    timeline, ground_truth, evaluator_cls, evaluate_dates = tilse
    pred_tl = timeline({d: list(s) for d, s in pred.items()})
    truth = ground_truth([timeline({d: list(s) for d, s in gold.items()})])
    evaluator = evaluator_cls(measures={"rouge_1", "rouge_2"}, rouge_computation=rouge_computation)
    raw = evaluator.evaluate_align_date_content_costs_many_to_one(pred_tl, truth)
    out = {m: _prf(raw[m]) for m in ("rouge_1", "rouge_2")}
    out["date"] = _prf(evaluate_dates(pred_tl, truth))
    return out


def ours_scores(pred, gold) -> dict:
    return {**alignment_rouge(pred, gold), "date": date_scores(pred, gold)}


def check_topic(topic_dir: Path, tilse, *, rouge_computation: str = "original") -> dict:
    """Averaged scores of one topic by tls_metrics ("ours") and by tilse ("tilse")."""
    articles = dated_topic(topic_dir)
    keywords = read_keywords(topic_dir)
    ours, theirs = [], []
    for raw in read_timelines(topic_dir):
        gold = gold_timeline(raw)
        pred = predict(articles, gold, keywords)
        ours.append(ours_scores(pred, gold))
        theirs.append(tilse_scores(pred, gold, tilse, rouge_computation=rouge_computation))
    return {"topic": topic_dir.name, "timelines": len(ours), "ours": average(ours),
            "tilse": average(theirs), "per_timeline": list(zip(ours, theirs))}


def overall(results: list[dict]) -> dict:
    """All topics together: P and R averaged over every timeline, as tls.evaluate reports."""
    pairs = [p for r in results for p in r["per_timeline"]]
    return {"topic": "all", "timelines": len(pairs), "ours": average([o for o, _ in pairs]),
            "tilse": average([t for _, t in pairs])}


def report(result: dict) -> str:
    """Side-by-side lines: measure, ours P/R/F, tilse P/R/F, largest absolute difference."""
    lines = [f"{result['topic']} ({result['timelines']} timelines)",
             f"  {'measure':8s} {'ours P/R/F':>23s}   {'tilse P/R/F':>23s}   max |diff|"]
    for m in MEASURES:
        a, b = result["ours"][m], result["tilse"][m]
        diff = max(abs(a[k] - b[k]) for k in "prf")
        lines.append(f"  {m:8s} {a['p']:.4f} {a['r']:.4f} {a['f']:.4f}   "
                     f"{b['p']:.4f} {b['r']:.4f} {b['f']:.4f}   {diff:.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.tls_check",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("t17_dir")
    parser.add_argument("--topics", default=",".join(TOPICS))
    parser.add_argument("--reimpl", action="store_true",
                        help="tilse's Python ROUGE approximation instead of ROUGE-1.5.5")
    args = parser.parse_args(argv)
    try:
        tilse = load_tilse()
    except ImportError as exc:
        print(f"tilse is not importable ({exc}); {INSTALL_HINT}", file=sys.stderr)
        return 2
    computation = "reimpl" if args.reimpl else "original"
    results = []
    for topic in (t.strip() for t in args.topics.split(",") if t.strip()):
        results.append(check_topic(Path(args.t17_dir) / topic, tilse, rouge_computation=computation))
        print(report(results[-1]), flush=True)
    if len(results) > 1:
        print(report(overall(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
