"""Measure places, actors and events against the hand-labelled gold in gold/places_events.jsonl.

`python -m dateline.evaluation.events [EVAL_DIR] [--misses] [--rebuild-gold]` prints:
- places: share of gold place mentions the system finds and resolves right (same GeoNames
  entry, or within 10 km of the gold point — or within the gold area's stated radius);
- actors: share of gold actor mentions whose normalised name and type are right;
- events: event-type and subtype macro-F1 (a system event matches a gold one when its span
  holds the gold trigger), and, on matched events, whether actor and target are right.
Only system output inside each article's labelled section is scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from dateline.evaluation import events_gold
from dateline.extract import extract_facts
from dateline.extract.actors import actor_or_name
from dateline.records import Article
from dateline.resolve.events import haversine_km

EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval"


def place_right(gold: dict, got) -> bool:
    """Same GeoNames entry, or the system's point within the gold radius of the gold point."""
    if gold.get("geonameid") and got.geonameid == gold["geonameid"]:
        return True
    if got.lat is None or gold.get("lat") is None:
        return False
    return haversine_km(gold["lat"], gold["lon"], got.lat, got.lon) <= gold.get("radius_km", 10.0)


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _published(file: str, text_row=None):
    from datetime import date

    stem = Path(file.partition("#")[0]).stem
    try:
        return date.fromisoformat(stem)
    except ValueError:
        return None


def _facts(gold: list[dict], eval_dir: Path, nlp):
    texts = [events_gold.article_text(eval_dir, g["file"]) for g in gold]
    for g, text, doc in zip(gold, texts, nlp.pipe(texts)):
        article = Article(id=g["file"], text=text, published=_published(g["file"]), origin=g["file"])
        yield g, doc, extract_facts(doc, article)


def _score_places(g, facts, tally, misses):
    for p in g["places"]:
        hits = [m for m in facts.places if _overlap(p["start"], p["end"], m.start, m.end)]
        got = max(hits, key=lambda m: _overlap(p["start"], p["end"], m.start, m.end), default=None)
        tally["places"] += 1
        tally["places_found"] += got is not None
        ok = got is not None and place_right(p, got)
        tally["places_right"] += ok
        if not ok:
            misses.append(("place", g["file"], p["text"], p.get("name") or (p["lat"], p["lon"]),
                           got and (got.name, got.country, got.geonameid)))
    lo, hi = g["section"]
    inside = [m for m in facts.places if lo <= m.start < hi]
    tally["sys_places"] += len(inside)
    tally["sys_places_gold"] += sum(any(_overlap(p["start"], p["end"], m.start, m.end)
                                        for p in g["places"]) for m in inside)


def _score_actors(g, doc, tally, misses):
    for a in g["actors"]:
        span = doc.char_span(a["start"], a["end"], alignment_mode="expand")
        got = actor_or_name(span) if span is not None else None
        name_ok = got is not None and got[0].casefold() == a["name"].casefold()
        type_ok = got is not None and got[1] == a["type"]
        tally["actors"] += 1
        tally["actors_name"] += name_ok
        tally["actors_type"] += type_ok
        tally["actors_right"] += name_ok and type_ok
        if not (name_ok and type_ok):
            misses.append(("actor", g["file"], a["text"], (a["name"], a["type"]), got))


def _match_events(g, facts) -> list[tuple[dict | None, object | None]]:
    """(gold, system) pairs: matched, gold-only and system-only, for one article."""
    lo, hi = g["section"]
    free = [e for e in facts.events if lo <= e.start < hi]
    pairs = []
    for ev in g["events"]:
        cands = [e for e in free if e.start <= ev["start"] < e.end]
        cands.sort(key=lambda e: (e.type != ev["type"], e.subtype != ev["subtype"], e.end - e.start))
        got = cands[0] if cands else None
        if got is not None:
            free.remove(got)
        pairs.append((ev, got))
    return pairs + [(None, e) for e in free]


def _macro_f1(pairs, key) -> tuple[float, dict]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, got in pairs:
        g = key(gold) if gold else None
        s = key(got) if got else None
        if g is not None and g == s:
            tp[g] += 1
            continue
        if g is not None:
            fn[g] += 1
        if s is not None:
            fp[s] += 1
    per = {}
    for label in sorted(set(tp) | set(fn) | set(fp)):
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        per[label] = round(2 * p * r / (p + r), 3) if p + r else 0.0
    return (sum(per.values()) / len(per) if per else 0.0), per


def _direction(pairs) -> dict:
    def right(want, have):
        return bool({w.casefold() for w in want} & {h.casefold() for h in have})

    matched = [(g, s) for g, s in pairs if g and s]
    with_actor = [(g, s) for g, s in matched if g["actors"]]
    with_target = [(g, s) for g, s in matched if g["targets"]]
    return {"actor": sum(right(g["actors"], s.actors) for g, s in with_actor) / max(1, len(with_actor)),
            "target": sum(right(g["targets"], s.targets) for g, s in with_target) / max(1, len(with_target)),
            "matched": len(matched)}


def score(eval_dir: Path = EVAL, *, nlp=None, gold: list[dict] | None = None) -> dict:
    """All measures over the gold articles; `misses` lists what went wrong."""
    from dateline.extract.nlp import load_nlp

    nlp = nlp or load_nlp()
    gold = gold if gold is not None else events_gold.load()
    tally: Counter = Counter()
    misses: list = []
    pairs: list = []
    for g, doc, facts in _facts(gold, eval_dir, nlp):
        _score_places(g, facts, tally, misses)
        _score_actors(g, doc, tally, misses)
        found = _match_events(g, facts)
        pairs += found
        misses += [("event", g["file"], ev and (ev["text"], ev["type"], ev["subtype"]),
                    got and (got.type, got.subtype, got.actors, got.targets))
                   for ev, got in found if not (ev and got and ev["type"] == got.type)]
    type_f1, per_type = _macro_f1(pairs, lambda e: e["type"] if isinstance(e, dict) else e.type)
    sub_f1, _ = _macro_f1(pairs, lambda e: e["subtype"] if isinstance(e, dict) else e.subtype)
    return {
        "articles": len(gold),
        "places": {"gold": tally["places"], "right": tally["places_right"] / max(1, tally["places"]),
                   "found": tally["places_found"] / max(1, tally["places"]),
                   "precision": tally["sys_places_gold"] / max(1, tally["sys_places"])},
        "actors": {"gold": tally["actors"], "right": tally["actors_right"] / max(1, tally["actors"]),
                   "name": tally["actors_name"] / max(1, tally["actors"]),
                   "type": tally["actors_type"] / max(1, tally["actors"])},
        "events": {"gold": sum(1 for g, _ in pairs if g), "system": sum(1 for _, s in pairs if s),
                   "type_macro_f1": type_f1, "per_type_f1": per_type, "subtype_macro_f1": sub_f1,
                   "direction": _direction(pairs)},
        "misses": misses,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default=str(EVAL))
    parser.add_argument("--misses", action="store_true", help="List what went wrong.")
    parser.add_argument("--rebuild-gold", action="store_true",
                        help="Rewrite gold/places_events.jsonl from gold/labels_*.txt first.")
    args = parser.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    if args.rebuild_gold:
        events_gold.write(events_gold.build(eval_dir))
    result = score(eval_dir)
    misses = result.pop("misses")
    print(json.dumps(result, indent=1))
    if args.misses:
        for miss in misses:
            print(*miss, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
