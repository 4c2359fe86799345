"""The seed articles' figures come out right (read in place from shared/seeds)."""

import pytest

from dateline.extract.figures import find_figures


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
        ("killed", 15000, 15000, "more_than", "Palestinians", "cumulative", None),
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
