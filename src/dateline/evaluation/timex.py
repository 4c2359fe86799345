"""Score find_times on TimeML (.tml) files: TempEval-3 Task A span, value and type measures.

Run: python -m dateline.evaluation.timex ../shared/eval/timex/tbaq
Relaxed span = overlap, strict span = same offsets (one-to-one matching); value F1 counts
matches whose TIMEX3 value equals the gold value, over predictions (P) and over gold (R);
per type, value F1 takes predictions of that type (P) and gold of that type (R). Speed is
find_times alone, in ms per article; the spaCy parse is timed apart.
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, date | None, list[Gold]]:
    """The plain TEXT of a .tml file, its creation date, and its gold TIMEX3 spans."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*>|<DCT>\s*<TIMEX3([^>]*)>', raw)
    dct_value = None
    if dct:
        tag = raw[raw.rfind("<TIMEX3", 0, dct.end()):dct.end()]
        found = re.search(r'value="(\d{4}-\d\d-\d\d)', tag)
        dct_value = date.fromisoformat(found.group(1)) if found else None
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    text_parts: list[str] = []
    gold: list[Gold] = []
    open_timex: list[tuple[int, dict]] = []
    pos = 0
    length = 0
    content = body.group(1) if body else ""
    for m in _TAG.finditer(content):
        piece = html.unescape(content[pos:m.start()])
        text_parts.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name, attrs = m.groups()
        if name != "TIMEX3":
            continue
        if closing:
            start, attributes = open_timex.pop()
            gold.append(Gold(start, length, attributes.get("type", ""), attributes.get("value", "")))
        else:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
    text_parts.append(html.unescape(content[pos:]))
    return "".join(text_parts), dct_value, gold


def _match(pred, gold, strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index): same offsets, or overlapping when relaxed."""
    pairs, used = [], set()
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j in used:
                continue
            same = (p.start, p.end) == (g.start, g.end)
            if same or (not strict and p.start < g.end and g.start < p.end):
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def _f1(correct: int, n_pred: int, n_gold: int) -> dict:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(tbaq_dir, *, nlp=None, errors: list | None = None) -> dict:
    """Relaxed/strict span F1, value F1, type accuracy, per-type recall, ms per article."""
    from dateline.extract.nlp import load_nlp
    from dateline.extract.times import find_times

    nlp = nlp or load_nlp()
    files = sorted(Path(tbaq_dir).rglob("*.tml"))
    n_pred = n_gold = strict = relaxed = value_ok = type_ok = 0
    per_type: Counter = Counter()
    per_type_found: Counter = Counter()
    per_type_value: Counter = Counter()
    pred_type: Counter = Counter()
    elapsed = parse_time = 0.0
    for path in files:
        text, dct, gold = read_tml(path)
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        pred = find_times(doc, published=dct)
        elapsed += time.perf_counter() - t1
        parse_time += t1 - t0
        pred_type.update(p.type for p in pred)
        n_pred += len(pred)
        n_gold += len(gold)
        strict += len(_match(pred, gold, strict=True))
        pairs = _match(pred, gold, strict=False)
        relaxed += len(pairs)
        matched_gold = {j for _, j in pairs}
        for g in gold:
            per_type[g.type] += 1
        for i, j in pairs:
            p, g = pred[i], gold[j]
            per_type_found[g.type] += 1
            type_ok += p.type == g.type
            value_ok += p.value == g.value
            per_type_value[g.type] += p.value == g.value
            if errors is not None and p.value != g.value:
                errors.append(("value", path.name, p.text, p.value, text[g.start:g.end], g.value))
        if errors is not None:
            matched_pred = {i for i, _ in pairs}
            errors += [("fp", path.name, p.text, p.value, "", "") for i, p in enumerate(pred)
                       if i not in matched_pred]
            errors += [("fn", path.name, "", "", text[g.start:g.end], g.value)
                       for j, g in enumerate(gold) if j not in matched_gold]
    return {
        "files": len(files), "gold": n_gold, "pred": n_pred,
        "relaxed": _f1(relaxed, n_pred, n_gold), "strict": _f1(strict, n_pred, n_gold),
        "value": _f1(value_ok, n_pred, n_gold),
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "per_type": {t: {"gold": per_type[t], "pred": pred_type[t],
                         "recall": per_type_found[t] / per_type[t],
                         "value_recall": per_type_value[t] / per_type[t],
                         "value_f1": _f1(per_type_value[t], pred_type[t], per_type[t])["f1"]}
                     for t in per_type},
        # find_times alone (the parse is spaCy's and timed apart), per article
        "ms_per_article": 1000 * elapsed / len(files) if files else 0.0,
        "parse_ms_per_article": 1000 * parse_time / len(files) if files else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the scores for a folder of .tml files (first argument)."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m dateline.evaluation.timex TBAQ_DIR [--errors]")
        return 2
    errors: list | None = [] if "--errors" in args else None
    s = score(args[0], errors=errors)
    for kind in ("relaxed", "strict", "value"):
        r = s[kind]
        print(f"{kind:8s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    print(f"type accuracy {s['type_accuracy']:.3f}   gold {s['gold']}  pred {s['pred']}  "
          f"files {s['files']}")
    print(f"speed: find_times {s['ms_per_article']:.2f} ms/article "
          f"(spaCy parse apart: {s['parse_ms_per_article']:.1f} ms/article)")
    for t, r in sorted(s["per_type"].items()):
        print(f"  {t:9s} gold {r['gold']:5d}  pred {r['pred']:5d}  span recall {r['recall']:.3f}  "
              f"value recall {r['value_recall']:.3f}  value F1 {r['value_f1']:.3f}")
    for e in errors or []:
        print("\t".join(e))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
