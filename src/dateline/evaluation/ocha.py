"""Measure figures on OCHA Flash Updates: the Gaza Ministry of Health death toll against the techforpalestine series."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from dateline.extract.figures import find_figures
from dateline.extract.nlp import load_nlp

EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "figures"
OCHA = EVAL / "ocha"
SERIES = EVAL / "techforpalestine" / "casualties_daily.json"
TOLERANCE = 0.01
_MOH = re.compile(r"\b(?:ministry of health|health ministry|moh)\b", re.I)
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*])")
_DEATH = re.compile(r"\b(?:killed|fatalit\w*|death toll|dead)\b", re.I)


def read_series(path: Path = SERIES) -> dict[str, int]:
    """Report date (YYYY-MM-DD) -> Gaza cumulative killed, from the techforpalestine daily file."""
    out = {}
    for row in json.loads(path.read_text(encoding="utf-8")):
        value = row.get("killed_cum", row.get("ext_killed_cum"))
        if value is not None:
            out[row["report_date"]] = int(value)
    return out


def _expected(series: dict[str, int], day: str) -> list[int]:
    """The series on the report's day and the day before (reports often carry yesterday's count)."""
    d = date.fromisoformat(day)
    return [series[k] for k in (day, (d - timedelta(days=1)).isoformat()) if k in series]


def _close(value: int | None, expected: list[int]) -> bool:
    return value is not None and any(abs(value - e) <= TOLERANCE * e for e in expected)


def states_toll(text: str, expected: list[int]) -> bool:
    """The independent rule: a sentence holding a death word and a number within 1% of the series,
    with the Ministry of Health named in it or in the sentence before (same paragraph)."""
    for para in re.split(r"\n\s*\n|\n\* |\n", text):
        prev = ""
        for sent in _SENTENCE.split(para):
            if _DEATH.search(sent) and (_MOH.search(sent) or _MOH.search(prev)):
                if any(_close(int(n.replace(",", "")), expected) for n in _NUMBER.findall(sent)):
                    return True
            prev = sent
    return False


def _attributed_toll(doc, day: str) -> list:
    """Cumulative killed figures credited to a Ministry of Health (figures alone: no times or places,
    so the measure does not move with the date and place extractors)."""
    figs = find_figures(doc, times=[], places=[], published=date.fromisoformat(day))
    return [f for f in figs if f.metric == "killed" and f.scope == "cumulative"
            and f.reporter is not None and _MOH.search(f.reporter)]


def score_ocha(folder: Path = OCHA, series_path: Path = SERIES, docs=None) -> dict:
    """Share of reports stating the MoH Gaza toll (by `states_toll`) whose extracted cumulative
    killed figure credited to the Ministry of Health is within 1% of the series on the report
    date or the day before. `docs` may hold the parsed reports in file order."""
    series = read_series(series_path)
    files = sorted(folder.glob("*.md"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    if docs is None:  # parse only the lines that speak of deaths: figures of the dead come from those
        docs = load_nlp().pipe("\n\n".join(line for line in t.splitlines() if _DEATH.search(line)) for t in texts)
    stating = found = 0
    misses = []
    for path, text, doc in zip(files, texts, docs):
        expected = _expected(series, path.stem)
        if not expected or not states_toll(text, expected):
            continue
        stating += 1
        figs = _attributed_toll(doc, path.stem)
        if any(_close(f.value if f.value is not None else f.low, expected) for f in figs):
            found += 1
        else:
            misses.append((path.stem, expected, [(f.value, f.reporter, f.text) for f in figs]))
    return {"reports": len(files), "stating": stating, "found": found,
            "share": found / stating if stating else 0.0, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    """Print the OCHA score; `--misses N` prints N misses."""
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.ocha", description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=OCHA)
    parser.add_argument("--series", type=Path, default=SERIES)
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args(argv)
    s = score_ocha(args.folder, args.series)
    print(f"OCHA: {s['reports']} reports, {s['stating']} state the MoH Gaza toll; "
          f"found within 1% of the series in {s['share']:.3f} ({s['found']})")
    for miss in s["misses"][:args.misses]:
        print("  miss:", *miss, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
