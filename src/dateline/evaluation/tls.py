"""Timeline17 under the news-tls protocol: Dateline's timeline against the gold timelines.

Run: python -m dateline.evaluation.tls ../shared/eval/tls/t17 [--topics mj,haiti] [--json]
Per gold timeline (Ghalandari & Ifrim, "Examining the state of the art in news timeline
summarization", ACL 2020): the articles published within its first..last date, `l` = its number
of dates, `k` = round(mean sentences per date), the topic's keywords; then alignment-based
ROUGE-1/2 F (many-to-one) and date F1 (tls_metrics). P and R are averaged over timelines and F
taken from the averages. Extraction (dating sentences) is cached (tls_corpus), so a rerun times
the timeline alone. Published on T17: DATEWISE .120 / .035 / .544; LLM systems ~.136 / .044 / .59.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from dateline.evaluation.tls_corpus import (TopicArticle, dated_topic, read_keywords,
                                            read_timelines)
from dateline.evaluation.tls_metrics import alignment_rouge, average, date_scores
from dateline.records import Sentence
from dateline.resolve.timeline import build_timeline

TOPICS = ("bpoil", "h1n1", "haiti", "libya", "mj")
PUBLISHED = {"datewise": {"rouge_1": 0.120, "rouge_2": 0.035, "date": 0.544},
             "llm": {"rouge_1": 0.136, "rouge_2": 0.044, "date": 0.59}}


def gold_timeline(raw: dict) -> dict[date, list[str]]:
    return {date.fromisoformat(d[:10]): [s.strip() for s in sents] for d, sents in raw["timeline"]}


def _items(articles: list[TopicArticle], lo: date, hi: date):
    """(info, Sentence) pairs of the articles published within lo..hi, as the store gives them."""
    for a in articles:
        if not lo <= a.published <= hi:
            continue
        info = {"id": a.id, "source": None, "title": None, "published": a.published, "url": None}
        pos = 0
        for text, day in zip(a.sentences, a.dates):
            yield info, Sentence(start=pos, end=pos + len(text), text=text, date=day)
            pos += len(text) + 1


def predict(articles: list[TopicArticle], gold: dict[date, list[str]],
            keywords: list[str]) -> dict[date, list[str]]:
    """Dateline's timeline for one gold timeline's span, length and sentences per date."""
    lo, hi = min(gold), max(gold)
    k = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
    # Selection and day-weight defaults (lead, max_words, redundancy, skip_speech, hindsight,
    # coverage) as `dateline timeline` uses.
    entries = build_timeline(_items(articles, lo, hi), date_from=lo, date_to=hi,
                             max_dates=len(gold), per_date=k, keywords=keywords)
    return {date.fromisoformat(e.date): list(e.sentences) for e in entries}


def score_topic(topic_dir: Path, *, use_cache: bool = True) -> dict:
    """Scores of every gold timeline of one topic, with extraction and timeline seconds."""
    stats: dict = {}
    articles = dated_topic(topic_dir, use_cache=use_cache, stats=stats)
    keywords = read_keywords(topic_dir)
    results = []
    t0 = time.perf_counter()
    for raw in read_timelines(topic_dir):
        gold = gold_timeline(raw)
        pred = predict(articles, gold, keywords)
        scores = alignment_rouge(pred, gold)
        scores["date"] = date_scores(pred, gold)
        results.append({"timeline": raw.get("source"), **scores})
    return {"topic": topic_dir.name, "timelines": results, "articles": stats.get("articles"),
            "extract_s": stats.get("extract_s"), "timeline_s": time.perf_counter() - t0}


def evaluate(t17_dir, topics=TOPICS, *, use_cache: bool = True) -> dict:
    """Per-topic and overall scores (P/R averaged over all timelines, F from the averages)."""
    per_topic = [score_topic(Path(t17_dir) / t, use_cache=use_cache) for t in topics]
    every = [r for t in per_topic for r in t["timelines"]]
    for t in per_topic:
        t["average"] = average(t["timelines"])
    return {"topics": per_topic, "average": average(every), "timelines": len(every),
            "published": PUBLISHED}


def _line(name: str, avg: dict) -> str:
    return (f"{name:10s} AR-1 F {avg['rouge_1']['f']:.3f}  AR-2 F {avg['rouge_2']['f']:.3f}  "
            f"date F1 {avg['date']['f']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.tls",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("t17_dir")
    parser.add_argument("--topics", default=",".join(TOPICS))
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    topics = [t.strip() for t in args.topics.split(",") if t.strip()]
    result = evaluate(args.t17_dir, topics, use_cache=not args.no_cache)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    for t in result["topics"]:
        print(_line(t["topic"], t["average"]) + f"   {t['articles']} articles, extract "
              f"{t['extract_s']:.1f} s, timelines {t['timeline_s']:.1f} s")
    print(_line("all", result["average"]) + f"   ({result['timelines']} timelines)")
    for name, ref in PUBLISHED.items():
        print(f"{name:10s} AR-1 F {ref['rouge_1']:.3f}  AR-2 F {ref['rouge_2']:.3f}  "
              f"date F1 {ref['date']:.3f}   (published)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
