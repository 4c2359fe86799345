"""Measure the quotes extractor on PolNeAR (brat Source/Cue/Content spans): source exact and content overlap F1."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from dateline.extract.nlp import load_nlp
from dateline.extract.quote_cues import noun_source, verb_source
from dateline.extract.quote_filter import TARGETS, THRESHOLDS
from dateline.extract.quote_model import features, model_weights, source_head
from dateline.extract.quote_records import TAGGERS
from dateline.extract.quotes import find_quotes

POLNEAR = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "quotes" / "polnear" / "dev"
_SPAN = re.compile(r"^T\d+\t(Source|Cue|Content) ([\d ;]+)\t")
_REL = re.compile(r"^E\d+\t(.*)$")


def article_text(ann: Path) -> str:
    """The text an .ann file annotates (text/<name>.txt beside attributions/<name>_<annotator>.ann)."""
    return (ann.parent.parent / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")).read_text(encoding="utf-8")


def read_ann(path: Path) -> list[dict]:
    """Attributions of one .ann file: {'source': (s, e) | None, 'content': [(s, e), ...]}."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _SPAN.match(line)
        if m:
            pieces = [tuple(map(int, p.split())) for p in m.group(2).split(";")]
            spans[line.split("\t")[0]] = (m.group(1), pieces)
        elif _REL.match(line):
            relations.append(dict(arg.split(":") for arg in _REL.match(line).group(1).split()))
    out = []
    for rel in relations:
        src = spans.get(rel.get("Source", ""))
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = (src[1][0][0], src[1][-1][1]) if src else None
        out.append({"source": source, "content": content[1]})
    return out


def read_attributions(path: Path) -> list[dict]:
    """Attributions of one .ann file with every piece: {'source'|'cue'|'content': [(s, e), ...] | None}."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _SPAN.match(line)
        if m:
            spans[line.split("\t")[0]] = [tuple(map(int, p.split())) for p in m.group(2).split(";")]
        elif _REL.match(line):
            relations.append(dict(arg.split(":") for arg in _REL.match(line).group(1).split()))
    return [{"source": spans.get(r.get("Source", "")), "cue": spans.get(r.get("Cue", "")),
             "content": spans[r["Content"]]} for r in relations if r.get("Content") in spans]


def _overlaps(a: tuple[int, int], pieces: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in pieces)


def score_doc(quotes, gold: list[dict]) -> dict:
    """Counts for one document: predictions, gold, content matches, source-exact matches."""
    c = {"pred": len(quotes), "gold": len(gold), "content_p": 0, "content_r": 0, "source_p": 0, "source_r": 0}
    for q in quotes:
        hits = [g for g in gold if _overlaps((q.start, q.end), g["content"])]
        c["content_p"] += bool(hits)
        c["source_p"] += any(q.speaker_span is not None and tuple(q.speaker_span) == g["source"] for g in hits)
    for g in gold:
        hits = [q for q in quotes if _overlaps((q.start, q.end), g["content"])]
        c["content_r"] += bool(hits)
        c["source_r"] += any(q.speaker_span is not None and tuple(q.speaker_span) == g["source"] for q in hits)
    return c


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_polnear(folder: Path = POLNEAR, limit: int | None = None, tagger: str = "crf") -> dict:
    """Micro-averaged content-overlap and source-exact precision, recall and F1 over a PolNeAR split.

    A predicted quote matches a gold attribution when their content spans share a
    character; its source is exact when `speaker_span` equals the gold Source span.
    """
    nlp = load_nlp()
    anns = sorted((folder / "attributions").glob("*.ann"))[:limit]
    texts = [article_text(a) for a in anns]
    total: dict[str, int] = {}
    for ann, doc in zip(anns, nlp.pipe(texts)):
        for k, v in score_doc(find_quotes(doc, tagger=tagger), read_ann(ann)).items():
            total[k] = total.get(k, 0) + v
    out = {"docs": len(anns), **total}
    for kind in ("content", "source"):
        p = total[f"{kind}_p"] / total["pred"] if total.get("pred") else 0.0
        r = total[f"{kind}_r"] / total["gold"] if total.get("gold") else 0.0
        out[f"{kind}_precision"], out[f"{kind}_recall"], out[f"{kind}_f1"] = p, r, _f1(p, r)
    return out


def cue_counts(docs, anns) -> dict[tuple[str, str], list[int]]:
    """(lemma, pos) -> [times inside a gold Cue span, times seen with a source phrase] over parsed docs."""
    counts: dict[tuple[str, str], list[int]] = {}
    for doc, ann in zip(docs, anns):
        cue_chars = {i for a in read_cues(ann) for s, e in a for i in range(s, e)}
        for tok in doc:
            pos = tok.pos_ if tok.pos_ in ("VERB", "NOUN") else None
            if pos is None or (verb_source(tok) if pos == "VERB" else noun_source(tok)) is None:
                continue
            row = counts.setdefault((tok.lemma_.lower(), pos), [0, 0])
            row[0] += tok.idx in cue_chars
            row[1] += 1
    return counts


def source_noun_counts(docs, anns) -> dict[str, list[int]]:
    """Common-noun lemma -> [times the root of a gold Source span, times the subject of a verb] over parsed docs."""
    counts: dict[str, list[int]] = {}
    for doc, ann in zip(docs, anns):
        for g in read_ann(ann):
            span = doc.char_span(*g["source"], alignment_mode="expand") if g["source"] else None
            if span is not None and len(span) and span.root.pos_ == "NOUN":
                counts.setdefault(span.root.lemma_.lower(), [0, 0])[0] += 1
        for tok in doc:
            if tok.pos_ == "NOUN" and tok.dep_ == "nsubj":
                counts.setdefault(tok.lemma_.lower(), [0, 0])[1] += 1
    return counts


def write_source_nouns(counts: dict[str, list[int]], path: Path, min_subject: int = 5) -> int:
    """Write the source-noun counts (words and counts only) as TSV; returns the number of rows."""
    rows = sorted(((k, v) for k, v in counts.items() if v[1] >= min_subject), key=lambda kv: (-kv[1][1], kv[0]))
    head = (
        "# How often a common noun heads an attribution's source, mined from the PolNeAR train split.\n"
        "# Regenerate: python -m dateline.evaluation.quotes --mine-source-nouns PATH ../shared/eval/quotes/polnear/train\n"
        "# Columns: lemma, source = times the root of a gold Source span, subject = times the subject of a\n"
        "# verb (spaCy's parse), for nouns that are a subject at least 5 times. quote_cues.mute_noun reads it:\n"
        "# a noun seldom a source for how often it is a subject (\"the meeting\", \"the focus\") is no speaker.\n"
        "# Words and counts only, no corpus text.\n"
    )
    return _write_counts(path, head, [(k, a, b) for k, (a, b) in rows])


def read_cues(path: Path) -> list[list[tuple[int, int]]]:
    """The Cue spans of one .ann file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _SPAN.match(line)
        if m and m.group(1) == "Cue":
            out.append([tuple(map(int, p.split())) for p in m.group(2).split(";")])
    return out


def write_cue_lexicon(counts: dict[tuple[str, str], list[int]], path: Path, min_cued: int = 2) -> int:
    """Write the mined cue lexicon (words and counts only) as TSV; returns the number of rows."""
    rows = sorted(((k, v) for k, v in counts.items() if v[0] >= min_cued), key=lambda kv: (-kv[1][0], kv[0]))
    head = (
        "# Attribution cue lexicon mined from the PolNeAR train split (Source/Cue/Content annotations).\n"
        "# Regenerate: python -m dateline.evaluation.quotes --mine-cues PATH ../shared/eval/quotes/polnear/train\n"
        "# Columns: lemma, pos (VERB|NOUN), cued = times a token of this lemma and pos lay inside a gold\n"
        "# Cue span, seen = times it occurred with a source phrase (a verb's subject, a noun's possessor)\n"
        "# as dateline.extract.quote_cues finds them with the spaCy model. quote_cues keeps rows whose\n"
        "# cued/seen rate and seen count pass its thresholds. Words and counts only, no corpus text.\n"
    )
    return _write_counts(path, head, [(lemma, pos, c, n) for (lemma, pos), (c, n) in rows])


def _write_counts(path: Path, head: str, rows: list[tuple]) -> int:
    """Write a mined lexicon (its comment block, then tab-separated rows); returns the number of rows."""
    path.write_text(head + "".join("\t".join(map(str, row)) + "\n" for row in rows), encoding="utf-8")
    return len(rows)


def cue_examples(docs, anns) -> tuple[list[list[str]], list[bool]]:
    """Feature lists and labels (inside a gold Cue span) for every candidate cue of the parsed docs."""
    feats, labels = [], []
    for doc, ann in zip(docs, anns):
        cue_chars = {i for a in read_cues(ann) for s, e in a for i in range(s, e)}
        for tok in doc:
            src = source_head(tok) if tok.pos_ in ("VERB", "NOUN") else None
            if src is not None:
                feats.append(features(tok, src))
                labels.append(tok.idx in cue_chars)
    return feats, labels


def train_cue_model(feats, labels, *, min_count: int = 3, l2: float = 1e-4, epochs: int = 300,
                    rate: float = 0.5) -> dict[str, float]:
    """Logistic regression by full-batch AdaGrad over sparse binary features seen min_count times."""
    import numpy as np

    counts: dict[str, int] = {}
    for x in feats:
        for f in set(x):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows = [[vocab[f] for f in x if f in vocab] for x in feats]
    ri = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    ci = np.array([i for r in rows for i in r], dtype=int)
    y = np.array(labels, dtype=float)
    w, g2 = np.zeros(len(vocab)), np.full(len(vocab), 1e-8)
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-np.bincount(ri, weights=w[ci], minlength=len(rows))))
        grad = np.bincount(ci, weights=(p - y)[ri], minlength=len(vocab)) / len(rows) + l2 * w
        g2 += grad ** 2
        w -= rate * grad / np.sqrt(g2)
    return {f: float(w[i]) for f, i in vocab.items()}


def write_cue_model(weights: dict[str, float], path: Path, prune: float = 1e-3) -> int:
    """Write the model's weights (feature names and numbers only) as TSV; returns the number of rows."""
    head = ("# Logistic model scoring attribution cues (dateline.extract.quote_model): a feature name and its\n"
            "# weight a line; a candidate's probability is the sigmoid of the summed weights of its features.\n"
            "# Trained on the PolNeAR train split (Cue spans as labels, parse features of the spaCy model):\n"
            "#   python -m dateline.evaluation.quotes --train-cue-model PATH ../shared/eval/quotes/polnear/train\n"
            "# Features are lemmas, dependency labels, tags and source kinds, no corpus text.\n")
    rows = sorted((f, w) for f, w in weights.items() if abs(w) >= prune)
    path.write_text(head + "".join(f"{f}\t{w:.4f}\n" for f, w in rows), encoding="utf-8")
    return len(rows)


def jackknife_labels(docs, golds: list[list[dict]], workdir: Path, folds: int = 2) -> list[list[str]]:
    """The tagger's labels for every doc from a CRF trained on the other folds (doc i in fold i % folds),
    so that what the source ranker learns from looks like the tagger's output on unseen text."""
    import pycrfsuite

    from dateline.extract.quote_records import rule_tags
    from dateline.extract.quote_tagger import tag_doc
    from dateline.extract.quote_tagger_train import train_tagger
    from dateline.extract.quotes import rule_quotes

    out: list[list[str]] = [[] for _ in docs]
    for k in range(folds):
        rest = [i for i in range(len(docs)) if i % folds != k]
        path = train_tagger([docs[i] for i in rest], [golds[i] for i in rest], workdir / f"fold{k}.crfsuite")
        crf = pycrfsuite.Tagger()
        crf.open(str(path))
        for i in range(k, len(docs), folds):
            out[i] = tag_doc(docs[i], rule_tags(docs[i], rule_quotes(docs[i])), crf=crf)
    return out


def neural_oof_labels(docs, prepared: Path, oof: Path) -> list[list[str]]:
    """The neural tagger's labels for every doc from its out-of-fold probabilities (quote_neural_train
    train --oof writes them, over `prepared`, that split's sequences), content probabilities set."""
    import numpy as np

    from dateline.extract.quote_neural import decode, set_marginals
    from dateline.extract.quote_tagger import LABELS, units

    with np.load(prepared) as data, np.load(oof) as o:
        owners, piece_doc, probs = data["owners"], np.repeat(data["docs"], data["lengths"]), o["probs"]
    out = []
    for i, doc in enumerate(docs):
        p = np.zeros((len(doc), len(LABELS)), dtype=np.float32)
        p[:, 0] = 1.0
        mine = (piece_doc == i) & (owners >= 0)
        p[owners[mine]] = probs[mine]
        set_marginals(doc, p)
        out.append([lab for start, end in units(doc) for lab in decode(p, range(start, end))])
    return out


def source_examples(docs, anns, labels: list[list[str]],
                    tagger: str = "crf") -> tuple[list[list[str]], list[bool]]:
    """Ranker rows (quote_sources.features) and labels (the gold Source span of a gold attribution whose
    content the quote overlaps) for every quote with a right candidate among those on offer."""
    feats, ys = [], []
    for doc, ann, lab in zip(docs, anns, labels):
        gold, rows = read_ann(ann), []
        find_quotes(doc, tagger=tagger, labels=lab, collect=rows)
        for kind, span, cands, *_ in rows:
            if kind != "source":
                continue
            right = {g["source"] for g in gold if g["source"] and _overlaps(span, g["content"])}
            if any(c.span in right for c, _ in cands):
                feats += [f for _, f in cands]
                ys += [c.span in right for c, _ in cands]
    return feats, ys


def filter_examples(docs, anns, labels: list[list[str]], tagger: str = "crf",
                    target: str = "content") -> tuple[list[list[str]], list[bool]]:
    """Quote filter rows (quote_filter.features) and labels: the quote overlaps a gold content
    (`target` "content"), and its source is that attribution's gold Source ("source")."""
    feats, ys = [], []
    for doc, ann, lab in zip(docs, anns, labels):
        gold, rows = read_ann(ann), []
        find_quotes(doc, tagger=tagger, labels=lab, collect=rows)
        for row in rows:
            if row[0] != "quote":
                continue
            _, span, f, speaker = row
            hits = [g for g in gold if _overlaps(span, g["content"])]
            feats.append(f)
            ys.append(bool(hits) if target == "content" else
                      speaker is not None and any(tuple(speaker) == g["source"] for g in hits))
    return feats, ys


_JACKKNIFE = {
    "crf": ("# Trained on the PolNeAR train split: every 10th document left out (for measuring), the rest\n"
            "# tagged by CRFs trained on the other half of them (jackknife), so the rows look like unseen text:\n"
            "#   python -m dateline.evaluation.quotes --train-source-model src/dateline/data/quotes_source_model.tsv \\\n"
            "#     --train-filter-model src/dateline/data/quotes_filter_model.tsv ../shared/eval/quotes/polnear/train\n"),
    "neural": ("# Trained on the PolNeAR train split: every 10th document left out (for measuring), the rest\n"
               "# tagged by the neural tagger's out-of-fold probabilities (two models, each trained on the other\n"
               "# half of the split; data/quotes_neural_README.md), so the rows look like unseen text:\n"
               "#   python -m dateline.evaluation.quotes --tagger neural --oof train.npz oof.npz \\\n"
               "#     --train-source-model src/dateline/data/quotes_source_model_neural.tsv \\\n"
               "#     --train-filter-model src/dateline/data/quotes_filter_model_neural.tsv ../shared/eval/quotes/polnear/train\n"),
}


def source_head(tagger: str) -> str:
    """The comment block of a source ranker file."""
    return ("# Logistic ranker of attribution sources (dateline.extract.quote_sources): a feature name and its\n"
            "# weight a line; among the phrases on offer for a quote, the highest summed weight is its source.\n"
            + _JACKKNIFE[tagger] +
            "# Label: the phrase is the gold Source of a gold attribution the quote's content overlaps.\n"
            "# Features are origins, sides, distances, parse labels, entity types, cue lemmas and (neural tagger)\n"
            "# its source probabilities at the phrase's edges, no corpus text.\n")


def filter_head(tagger: str) -> str:
    """The comment block of a quote filter file."""
    label = {"content": "the quote overlaps a gold Content",
             "source": "the quote overlaps a gold Content and its source is that attribution's gold Source"}
    return ("# Logistic quote filter (dateline.extract.quote_filter): a feature name and its weight a line; a\n"
            f"# quote whose probability (sigmoid of the summed weights) is under {THRESHOLDS[tagger]} is dropped.\n"
            + _JACKKNIFE[tagger] +
            f"# Label: {label[TARGETS[tagger]]}.\n"
            "# Features are the tagger's content probabilities, the source ranker's confidence, cue lemmas\n"
            "# and scores, source kinds, sizes and rule agreement, no corpus text.\n")


def write_model(weights: dict[str, float], path: Path, head: str, prune: float = 1e-3) -> int:
    """Write a logistic model's weights (feature names and numbers only) as TSV; returns the number of rows."""
    rows = sorted((f, w) for f, w in weights.items() if abs(w) >= prune)
    path.write_text(head + "".join(f"{f}\t{w:.4f}\n" for f, w in rows), encoding="utf-8")
    return len(rows)


def train_rankers(docs, anns, source_path: Path | None, filter_path: Path | None, workdir: Path,
                  tagger: str = "crf", oof: tuple[Path, Path] | None = None) -> dict[str, int]:
    """Train the source ranker and the quote filter on the docs but every 10th (kept out for measuring),
    tagged by jackknife CRFs (or, for the neural tagger, its out-of-fold probabilities `oof`: the
    prepared split and the probabilities file), and write them; returns rows written per model.
    The filter learns from the sources the ranker in the package picks, so write the ranker there
    first (one call does)."""
    keep = [i for i in range(len(docs)) if i % 10 != 0]
    if tagger == "neural":
        if oof is None:
            raise ValueError("the neural tagger's rankers learn from its out-of-fold probabilities (--oof)")
        every = neural_oof_labels(docs, *oof)
        labels = [every[i] for i in keep]
        docs, anns = [docs[i] for i in keep], [anns[i] for i in keep]
    else:
        docs, anns = [docs[i] for i in keep], [anns[i] for i in keep]
        labels = jackknife_labels(docs, [read_attributions(a) for a in anns], workdir)
    out = {}
    if source_path is not None:
        rows = source_examples(docs, anns, labels, tagger)
        out["source"] = write_model(train_cue_model(*rows), source_path, source_head(tagger))
        model_weights.cache_clear()  # the filter learns from the ranker just written
    if filter_path is not None:
        rows = filter_examples(docs, anns, labels, tagger, TARGETS[tagger])
        out["filter"] = write_model(train_cue_model(*rows), filter_path, filter_head(tagger))
    return out


def _parsed(folder: Path, limit: int | None):
    """The .ann paths of a split and their parsed texts."""
    anns = sorted((folder / "attributions").glob("*.ann"))[:limit]
    texts = [article_text(a) for a in anns]
    return anns, list(load_nlp().pipe(texts))


def main(argv: list[str] | None = None) -> int:
    """Print the PolNeAR scores for a split folder (default: dev)."""
    parser = argparse.ArgumentParser(prog="python -m dateline.evaluation.quotes", description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=POLNEAR)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--mine-cues", type=Path, default=None, metavar="PATH",
                        help="mine the cue lexicon from the folder's annotations into PATH instead of scoring")
    parser.add_argument("--mine-source-nouns", type=Path, default=None, metavar="PATH",
                        help="write how often each noun heads a gold source (TSV) from this split")
    parser.add_argument("--train-tagger", type=Path, default=None, metavar="PATH",
                        help="train the attribution tagger (CRF) on the folder's annotations into PATH instead of scoring")
    parser.add_argument("--train-cue-model", type=Path, default=None, metavar="PATH",
                        help="train the cue model on the folder's annotations into PATH instead of scoring")
    parser.add_argument("--train-source-model", type=Path, default=None, metavar="PATH",
                        help="train the source ranker on the folder's annotations into PATH instead of scoring")
    parser.add_argument("--train-filter-model", type=Path, default=None, metavar="PATH",
                        help="train the quote filter on the folder's annotations into PATH instead of scoring")
    parser.add_argument("--tagger", choices=TAGGERS, default="crf",
                        help="the attribution tagger scored (or whose source ranker and filter are trained)")
    parser.add_argument("--oof", type=Path, nargs=2, default=None, metavar=("PREPARED", "PROBS"),
                        help="neural tagger: the split's prepared sequences and out-of-fold probabilities "
                        "(python -m dateline.evaluation.quote_neural_train) the rankers learn from")
    args = parser.parse_args(argv)
    if args.train_source_model is not None or args.train_filter_model is not None:
        import tempfile

        anns, docs = _parsed(args.folder, args.limit)
        with tempfile.TemporaryDirectory() as work:
            rows = train_rankers(docs, anns, args.train_source_model, args.train_filter_model, Path(work),
                                 args.tagger, args.oof)
        print(f"wrote {rows}")
        return 0
    if args.train_tagger is not None:
        from dateline.extract.quote_tagger_train import train_tagger

        anns, docs = _parsed(args.folder, args.limit)
        train_tagger(docs, [read_attributions(a) for a in anns], args.train_tagger)
        print(f"wrote the tagger ({args.train_tagger.stat().st_size // 1024} KiB) to {args.train_tagger}")
        return 0
    if args.mine_source_nouns is not None:
        anns, docs = _parsed(args.folder, args.limit)
        n = write_source_nouns(source_noun_counts(docs, anns), args.mine_source_nouns)
        print(f"wrote {n} nouns to {args.mine_source_nouns}")
        return 0
    if args.mine_cues is not None or args.train_cue_model is not None:
        anns, docs = _parsed(args.folder, args.limit)
        if args.mine_cues is not None:
            print(f"wrote {write_cue_lexicon(cue_counts(docs, anns), args.mine_cues)} cues to {args.mine_cues}")
        if args.train_cue_model is not None:
            n = write_cue_model(train_cue_model(*cue_examples(docs, anns)), args.train_cue_model)
            print(f"wrote {n} weights to {args.train_cue_model}")
        return 0
    s = score_polnear(args.folder, args.limit, args.tagger)
    print(f"PolNeAR {args.folder.name} ({args.tagger} tagger): {s['docs']} docs, {s['gold']} gold attributions, "
          f"{s['pred']} predicted")
    for kind in ("source", "content"):
        print(f"  {kind:7} P {s[kind + '_precision']:.3f} R {s[kind + '_recall']:.3f} F1 {s[kind + '_f1']:.3f}"
              f"  ({'exact source span' if kind == 'source' else 'content overlap'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
