"""`make bench`: Dateline's full pipeline beside spaCy alone on the same texts, speed and memory."""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline import pipeline
from dateline.extract.nlp import load_nlp
from dateline.ingest import read_paths
from dateline.records import Article
from dateline.settings import load


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker(kind: str, path: str, db: str) -> dict:
    """Measure one job in this (fresh) process and return its figures ("neural": the full
    pipeline with the neural quotes tagger)."""
    settings = load(db=db, progress=False, quotes_tagger="neural" if kind == "neural" else None)
    nlp = load_nlp(settings.spacy_model)
    nlp("Warm-up sentence on Friday in Gaza.")
    start = time.perf_counter()
    if kind == "spacy":
        articles = words = 0
        texts = (a.text for a in read_paths([path], settings=settings) if isinstance(a, Article))
        for doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.processes):
            articles += 1
            words += sum(1 for t in doc if not t.is_space and not t.is_punct)
    else:
        summary = pipeline.run([path], settings, progress=False)
        articles = summary.stored
        words = None
    seconds = time.perf_counter() - start
    return {"kind": kind, "seconds": seconds, "articles": articles, "words": words,
            "peak_rss_mb": _peak_rss_mb()}


STEPS = ("find_times", "with_better_anchor", "find_places", "find_figures", "find_quotes",
         "find_events", "date_facts", "find_flags", "dated_sentences", "find_signals")


def _extractor_costs(path: str) -> dict:
    """Milliseconds per article that each extractor adds to the parse (docs parsed beforehand)."""
    import dateline.extract as extract

    settings = load(progress=False)
    articles = [a for a in read_paths([path], settings=settings) if isinstance(a, Article)]
    docs = list(load_nlp(settings.spacy_model).pipe(a.text for a in articles))
    spent = dict.fromkeys(STEPS, 0.0)

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return wrapper

    for name in STEPS:
        setattr(extract, name, timed(name, getattr(extract, name)))
    start = time.perf_counter()
    for doc, article in zip(docs, articles):
        extract.extract_facts(doc, article)
    total = time.perf_counter() - start
    per = 1000 / max(1, len(docs))
    out = {"total": total * per, **{name: secs * per for name, secs in spent.items()}}
    start = time.perf_counter()
    for doc in docs:
        extract.find_quotes(doc, tagger="neural")
    out["find_quotes neural"] = (time.perf_counter() - start) * per
    return out


def _run_worker(kind: str, path: Path, db: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "dateline.bench", "--worker", kind, str(path),
                          "--db", str(db)], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"bench worker {kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _scaled_copy(path: Path, scale: int, folder: Path) -> Path:
    """`scale` copies of a JSONL file, each article made distinct so none is skipped as stored."""
    opener = gzip.open if path.suffix == ".gz" else open
    target = folder / f"scaled_x{scale}.jsonl"
    with opener(path, "rt", encoding="utf-8") as src:
        lines = [json.loads(line) for line in src if line.strip()]
    with open(target, "w", encoding="utf-8") as out:
        for i in range(scale):
            for row in lines:
                out.write(json.dumps({**row, "id": f"{row.get('id')}-{i}",
                                      "text": f"{row['text']} (copy {i})"}) + "\n")
    return target


def _line(name: str, fig: dict, words: int) -> str:
    rate = fig["articles"] / fig["seconds"]
    return (f"{name:22} {fig['articles']:>6} art {fig['seconds']:>8.1f} s {rate:>8.2f} art/s "
            f"{words / fig['seconds']:>9.0f} words/s {fig['peak_rss_mb']:>8.0f} MB peak RSS")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dateline.bench", description=__doc__)
    parser.add_argument("path", help="JSONL input, e.g. ../shared/eval/news/voa/voa_stories.jsonl")
    parser.add_argument("--scale", type=int, default=10, help="Also run the input x N (0 = skip).")
    parser.add_argument("--worker", choices=["spacy", "full", "neural", "extractors"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker == "extractors":
        print(json.dumps(_extractor_costs(args.path)))
        return 0
    if args.worker:
        print(json.dumps(_worker(args.worker, args.path, args.db)))
        return 0
    path = Path(args.path)
    if not path.is_file():
        print(f"bench: {path} not found (it lives in ../shared/eval)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        alone = _run_worker("spacy", path, tmp / "unused.db")
        full = _run_worker("full", path, tmp / "bench.db")
        words = alone["words"]
        print(f"input {path} — {alone['articles']} articles, {words} words")
        print(_line("spaCy pipeline alone", alone, words))
        print(_line("Dateline full pipeline", full, words))
        ratio = (alone["seconds"] / full["seconds"]) if full["seconds"] else 0
        print(f"speed ratio (Dateline / spaCy alone): {ratio:.2f}x   target >= 0.70x")
        print(f"peak RSS: {full['peak_rss_mb']:.0f} MB   target < 1024 MB")
        costs = _run_worker("extractors", path, tmp / "unused.db")
        parse_ms = 1000 * alone["seconds"] / max(1, alone["articles"])
        neural_ms = costs.pop("find_quotes neural")
        print(f"extractors add {costs.pop('total'):.1f} ms/article to a {parse_ms:.1f} ms parse: "
              + ", ".join(f"{k} {v:.1f}" for k, v in costs.items()))
        neural = _run_worker("neural", path, tmp / "bench_neural.db")
        print(_line("Dateline, neural quotes", neural, words))
        print(f"speed ratio with DATELINE_QUOTES_TAGGER=neural (opt-in, no target): "
              f"{alone['seconds'] / neural['seconds']:.2f}x; find_quotes {neural_ms:.1f} ms/article "
              f"(crf {costs['find_quotes']:.1f})")
        if args.scale > 1:
            scaled = _scaled_copy(path, args.scale, tmp)
            big = _run_worker("full", scaled, tmp / "bench_scaled.db")
            print(_line(f"Dateline x{args.scale} input", big, words * args.scale))
            growth = big["peak_rss_mb"] / full["peak_rss_mb"]
            print(f"memory growth at x{args.scale} input: {growth:.2f}x peak RSS   target ~1.0x (flat)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
