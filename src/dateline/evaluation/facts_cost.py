"""Added cost per article of figures, quotes and slant signals, on already-parsed documents (for `make bench`)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from dateline.extract.figures import find_figures
from dateline.extract.nlp import load_nlp
from dateline.extract.quotes import find_quotes
from dateline.extract.slant import find_signals

VOA = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "news" / "voa" / "voa_stories.jsonl"


def time_extractors(docs: list, *, repeat: int = 3) -> dict[str, float]:
    """Milliseconds per article for find_figures, find_quotes and find_signals (best of `repeat`).

    The docs are parsed once beforehand, so this is the cost these extractors add to
    the spaCy parse, not the parse itself. Figures get no times or places here.
    """
    jobs = {
        "figures": lambda d: find_figures(d, times=[], places=[], published=None),
        "quotes": find_quotes,
        "signals": find_signals,
    }
    out = {}
    for name, job in jobs.items():
        best = min(_seconds(job, docs) for _ in range(repeat))
        out[name] = 1000 * best / max(1, len(docs))
    out["total"] = sum(out.values())
    return out


def _seconds(job, docs) -> float:
    start = time.perf_counter()
    for doc in docs:
        job(doc)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.facts_cost", description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=VOA, help="JSONL with a `text` field")
    args = parser.parse_args(argv)
    texts = [json.loads(line)["text"] for line in args.path.open(encoding="utf-8") if line.strip()]
    docs = list(load_nlp().pipe(texts))
    cost = time_extractors(docs)
    print(f"{len(docs)} articles, ms/article: " + ", ".join(f"{k} {v:.1f}" for k, v in cost.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
