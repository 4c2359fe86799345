"""The seed articles' figures come out right (read in place from shared/seeds)."""

import pytest

from dateline.extract.figures import find_figures
from dateline.extract.places import find_places


def seed_figures(nlp, seeds_dir, prefix):
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8").strip()
    text = text.split(" ", 2)[2]  # drop "date YYYY-MM-DD"
    return [(f.metric, f.value, f.low, f.qualifier, f.who, f.scope, f.reporter)
            for f in find_figures(nlp(text), times=[], places=[], published=None)]


SEEDS = {
    "000": [
        ("killed", 11, 11, "at_least", "Palestinians", "incident", "Palestinian Ministry of Health"),
        ("injured", None, 24, "vague", None, "incident", "Palestinian Ministry of Health"),
        ("evacuated", 1_100_000, 1_100_000, "exact", "Gazans", "incident", None),
        ("killed", 4, 4, "exact", "Palestinians", "incident", "WAFA"),
        ("killed", 1, 1, "exact", "boy", "incident", "WAFA"),
        ("killed", 43, 43, "exact", "Palestinians", "cumulative", None),
        ("killed", 1700, 1700, "more_than", "Palestinians", "cumulative", None),
        ("displaced", None, 200_000, "vague", None, "cumulative", None),
    ],
    "001": [
        ("killed", 8, 8, "at_least", "people", "incident", None),
        ("injured", None, 24, "vague", None, "incident", None),
    ],
    "003": [
        ("killed", 15000, 15000, "more_than", "Palestinians", "cumulative", None),
        ("killed", 6000, 6000, "more_than", "children", "cumulative", None),
        ("missing", None, 2000, "vague", None, "incident", "Gaza Ministry of Health"),
        ("injured", None, 20000, "vague", None, "cumulative", "Gaza Ministry of Health"),
    ],
    "004": [
        ("killed", 9000, 9000, "more_than", "people", "cumulative", "Gaza health authorities"),
        ("casualties", 1400, 1400, "exact", None, "incident", "Israel"),
    ],
}


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_figures_seed_articles(nlp, seeds_dir, prefix):
    assert seed_figures(nlp, seeds_dir, prefix) == SEEDS[prefix]


def test_figures_seed_without_figures(nlp, seeds_dir):
    assert seed_figures(nlp, seeds_dir, "002") == []


def test_figures_seed_places_subsets_and_restatements(nlp, seeds_dir):
    found = {}
    for prefix in ("000", "003"):
        text = next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8").strip().split(" ", 2)[2]
        doc = nlp(text)
        found[prefix] = (doc.text, find_figures(doc, times=[], places=find_places(doc), published=None))
    _, figs = found["000"]
    assert [(f.value, f.place) for f in figs if f.metric == "killed"][1:3] == [(4, "Tulkarm"), (1, "Nablus")]
    text, (total, children, *_rest) = found["003"]
    assert (children.parent, total.parent) == (0, None)
    assert len(total.mentions) == 2  # the FAQ block restates the toll: one claim, two mentions
    assert text[slice(*total.mentions[1])].startswith("Over 15,000 Palestinians have been killed")
