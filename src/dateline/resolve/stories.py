"""Stories across outlets: near-duplicates (MinHash over word 3-shingles) and topical clusters.

Copies: every article gets a MinHash (datasketch, 128 permutations) of its word 3-shingles;
LSH finds pairs whose estimated Jaccard is at least REWRITE_JACCARD. A pair at or above
REPUBLICATION_JACCARD is a republication, below it a rewrite; the copy points to the earliest
published article of its group (ties: the lower id), the original.
Stories: originals are taken in publication order; each joins the story whose TF-IDF centroid
(content words) is closest, when the cosine is at least STORY_COSINE and the story's last
article is at most STORY_DAYS older; else it starts a story. Copies join their original's story.
Limits: a heavy paraphrase (few shared 3-word runs) is not found as a copy, only as the same
story; stories are built greedily in one pass, so the order of arrival matters a little.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from datasketch import MinHash, MinHashLSH

from dateline.records import Article, ArticleFacts, Story, StoryArticle

REWRITE_JACCARD = 0.3
REPUBLICATION_JACCARD = 0.7
STORY_COSINE = 0.25
STORY_DAYS = 7
NUM_PERM = 128
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""a an and are as at be been but by for from had has have he her his i in
into is it its not of on or our said says she that the their them there they this to was were
what when which who will with would we you also after over more than about""".split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _minhash(text: str) -> MinHash:
    words = _words(text)
    shingles = {" ".join(words[i:i + 3]) for i in range(max(len(words) - 2, 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def _order(a: Article) -> tuple:
    return (a.published or date.max, a.id)


def find_copies(articles: list[Article]) -> dict[str, tuple[str, str, float]]:
    """copy id -> (original id, "republication" | "rewrite", estimated Jaccard)."""
    lsh = MinHashLSH(threshold=REWRITE_JACCARD, num_perm=NUM_PERM)
    hashes = {}
    for a in sorted(articles, key=_order):
        hashes[a.id] = _minhash(a.text)
    by_id = {a.id: a for a in articles}
    out: dict[str, tuple[str, str, float]] = {}
    for a in sorted(articles, key=_order):
        m = hashes[a.id]
        earlier = [o for o in lsh.query(m) if o not in out]  # originals only
        lsh.insert(a.id, m)
        scored = [(m.jaccard(hashes[o]), o) for o in earlier]
        scored = [(j, o) for j, o in scored if j >= REWRITE_JACCARD]
        if scored:
            j, original = max(scored, key=lambda x: (x[0], -_order(by_id[x[1]])[0].toordinal()))
            kind = "republication" if j >= REPUBLICATION_JACCARD else "rewrite"
            out[a.id] = (original, kind, round(j, 3))
    return out


def _vector(text: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(w for w in _words(text) if w not in _STOP and not w.isdigit() and len(w) > 2)
    vec = {w: (1 + math.log(k)) * idf.get(w, 0.0) for w, k in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def build_stories(facts: Iterable[ArticleFacts]) -> list[Story]:
    """Stories with their articles, each copy linked to its original; newest story last."""
    articles = [f.article for f in facts]
    copies = find_copies(articles)
    originals = sorted((a for a in articles if a.id not in copies), key=_order)
    df: Counter = Counter()
    for a in originals:
        df.update(set(_words(a.text)))
    n = len(originals)
    idf = {w: math.log((1 + n) / (1 + k)) + 1.0 for w, k in df.items()}
    stories: list[dict] = []
    home: dict[str, dict] = {}
    for a in originals:
        vec = _vector(a.text, idf)
        best, score = None, STORY_COSINE
        for s in stories:
            recent = a.published is None or s["last"] is None or (a.published - s["last"]).days <= STORY_DAYS
            if not recent:  # checked first: most stories of a long run are weeks old
                continue
            cos = _cosine(vec, s["centroid"]) / (s["norm"] or 1.0)
            if cos >= score:
                best, score = s, cos
        if best is None:
            best = {"members": [], "centroid": defaultdict(float), "norm": 0.0, "last": None}
            stories.append(best)
        best["members"].append(a)
        centroid, square = best["centroid"], best["norm"] ** 2
        for w, v in vec.items():  # the norm kept up to date word by word, not recomputed
            square += (centroid[w] + v) ** 2 - centroid[w] ** 2
            centroid[w] += v
        best["norm"] = math.sqrt(max(square, 0.0))
        best["last"] = max(filter(None, [best["last"], a.published]), default=None)
        home[a.id] = best
    by_id = {a.id: a for a in articles}
    for copy_id in sorted(copies, key=lambda i: _order(by_id[i])):
        original = copies[copy_id][0]
        while original in copies:
            original = copies[original][0]
        home[original]["members"].append(by_id[copy_id])
    return [_story(s, copies) for s in stories]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _story(s: dict, copies: dict) -> Story:
    members = sorted(s["members"], key=_order)
    label = ", ".join(w for w, _ in sorted(s["centroid"].items(), key=lambda x: -x[1])[:5])
    rows = tuple(StoryArticle(a.id, a.source, _iso(a.published), a.title,
                              *(copies[a.id] if a.id in copies else (None, None, None)))
                 for a in members)
    dates = [a.published for a in members if a.published]
    return Story(id=hashlib.sha1(members[0].id.encode()).hexdigest()[:12], label=label,
                 articles=rows, first_published=_iso(min(dates, default=None)),
                 last_published=_iso(max(dates, default=None)))
