"""Measure the figures extractor on death-toll headlines and NYT casualty sentences."""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from dateline.extract.figure_sides import victim_side
from dateline.extract.figures import find_figures
from dateline.extract.nlp import load_nlp

EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "figures"
HEADLINES = EVAL / "headlines" / "death-toll.dev.tsv"
SENTENCES = EVAL / "casualty_sentences"

# "Mentions a number of dead", decided without the extractor: a count (digits with
# 2+ figures or a thousands comma, a number word from "two" up, or a plural vague amount)
# within five words of a word for death, in either order. Numbers followed by a unit of
# time, money or percent, years (19xx/20xx) and ages between commas ("Saar, 25,") are not counts.
_AGE = re.compile(r"(?<!\d),\s+\d{1,3}\s*,")
_COUNT = (r"(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d{2,}(?!\d)|\d(?:\.\d)?\s+(?:million|thousand)|"
          r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
          r"forty|fifty|hundred|dozens|hundreds|thousands|scores))"
          r"(?!\s*(?:%|percent|years?|days?|hours?|weeks?|months?|miles?|dollars|billion|a\.m|p\.m))")
_DEATH = r"(?:killed|killing|dead|died|deaths?|death toll|slain|murdered|massacred|slaughtered|lost their lives)"
_MENTION = re.compile(rf"\b{_COUNT}\b(?:\W+\w+){{0,5}}?\W+{_DEATH}\b|\b{_DEATH}\b(?:\W+\w+){{0,5}}?\W+{_COUNT}\b",
                      re.IGNORECASE)


def mentions_dead_count(sentence: str) -> bool:
    """The independent rule above: does this sentence state a number of dead?"""
    return bool(_MENTION.search(_AGE.sub(",", sentence)))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()  # the NYT file doubles every space


def score_headlines(path: Path = HEADLINES) -> dict:
    """Share of headlines whose largest killed figure equals the stated toll."""
    nlp = load_nlp()
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    correct, misses = 0, []
    for row, doc in zip(rows, nlp.pipe(_clean(r["title"]) for r in rows)):
        values = [f.value if f.value is not None else f.low
                  for f in find_figures(doc, times=[], places=[], published=None) if f.metric == "killed"]
        got = max((v for v in values if v is not None), default=None)
        if got == int(row["toll"]):
            correct += 1
        else:
            misses.append((row["toll"], got, row["title"]))
    return {"rows": len(rows), "exact": correct / len(rows) if rows else 0.0, "misses": misses}


def sentence_side(figures, sentence: str) -> str | None:
    """The victim side a sentence's killed figures tell: israel, palestine, both, or None."""
    sides = {victim_side(f, sentence, 0) for f in figures if f.metric == "killed"} - {None}
    return "both" if len(sides) > 1 or "both" in sides else next(iter(sides), None)


def score_casualty_sentences(path: Path = SENTENCES, docs=None) -> dict:
    """Sentences stating a number of dead (by `mentions_dead_count`): share that yield a killed figure,
    and, of those, share whose victim side (`sentence_side`) equals the `category` column.

    `docs` may hold the parsed sentences of the whole file, in file order, to skip parsing.
    """
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    rows = [r for f in files for r in csv.DictReader(f.open(encoding="utf-8"))]
    sentences = [_clean(r["sentence"]) for r in rows]
    keep = [mentions_dead_count(s) for s in sentences]
    if docs is None:  # parse only the sentences that are scored
        parsed = iter(load_nlp().pipe(s for s, k in zip(sentences, keep) if k))
        docs = (next(parsed) if k else None for k in keep)
    found = side_ok = with_dead = 0
    misses, side_misses = [], []
    for row, text, doc, scored in zip(rows, sentences, docs, keep):
        if not scored:
            continue
        with_dead += 1
        figs = find_figures(doc, times=[], places=[], published=None)
        if not any(f.metric == "killed" for f in figs):
            misses.append(text)
            continue
        found += 1
        side = sentence_side(figs, doc.text)
        if side == row["category"]:
            side_ok += 1
        else:
            side_misses.append((row["category"], side, text))
    return {"sentences": len(sentences), "with_dead": with_dead,
            "recall": found / with_dead if with_dead else 0.0,
            "side_accuracy": side_ok / found if found else 0.0, "misses": misses, "side_misses": side_misses}


def main(argv: list[str] | None = None) -> int:
    """Print both scores; `--misses N` also prints N misses of each."""
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.figures", description=__doc__)
    parser.add_argument("--headlines", type=Path, default=HEADLINES)
    parser.add_argument("--sentences", type=Path, default=SENTENCES)
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args(argv)
    head = score_headlines(args.headlines)
    print(f"headlines: {head['rows']} rows, exact toll {head['exact']:.3f}")
    for miss in head["misses"][:args.misses]:
        print("  miss:", *miss, sep="\t")
    sent = score_casualty_sentences(args.sentences)
    print(f"casualty sentences: {sent['sentences']} read, {sent['with_dead']} state a number of dead, "
          f"killed figure found in {sent['recall']:.3f}, victim side right in {sent['side_accuracy']:.3f}")
    for miss in sent["misses"][:args.misses]:
        print("  miss:", miss)
    for miss in sent["side_misses"][:args.misses]:
        print("  side miss:", *miss, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
