"""Tests for slant signals: the documented lexicon, offsets, kinds and word boundaries."""

import pytest

from dateline.extract.slant import find_signals, lexicon


def signals(nlp, text):
    return [(s.text, s.term, s.kind) for s in find_signals(nlp.make_doc(text))]


@pytest.mark.parametrize("text,found", [
    ("At least eight people were martyred in the IOF raid.",
     [("martyred", "martyr*", "victim_framing"), ("IOF", "IOF", "actor_label")]),
    ("The Zionist regime continues its genocide.",
     [("Zionist", "zionist*", "actor_label"), ("regime", "regime", "actor_label"),
      ("genocide", "genocid*", "conflict_label")]),
    ("Hamas terrorists carried out a massacre at the festival.",
     [("terrorists", "terrorist*", "actor_label"), ("massacre", "massacre*", "event_label")]),
])
def test_slant_finds_loaded_terms(nlp, text, found):
    assert signals(nlp, text) == found


@pytest.mark.parametrize("text", [
    "At least 11 Palestinians were killed by Israeli forces on Friday, the ministry said.",
    "The request faced resistance from the prime minister.",  # only "the resistance" as a name
    "The biofuel plant was shut.",  # "iof" inside a word, and lower case, is not the acronym
])
def test_slant_neutral_wording_gives_no_signal(nlp, text):
    assert signals(nlp, text) == []


def test_slant_offsets_point_at_the_text(nlp):
    text = "Settlers torched homes, in what residents called a pogrom."
    (sig,) = find_signals(nlp.make_doc(text))
    assert text[sig.start:sig.end] == sig.text == "pogrom"


def test_slant_lexicon_rows_are_documented():
    rows = lexicon()
    assert len(rows) >= 20
    kinds = {"victim_framing", "actor_label", "event_label", "conflict_label", "place_label", "source_framing"}
    assert all(kind in kinds and note for _, kind, note in rows)


def test_slant_seed_signals(nlp, seeds_dir):
    def terms(prefix):
        text = next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        return {s.term for s in find_signals(nlp.make_doc(text))}

    assert {"martyr*", "IOF", "zionist*", "regime", "genocid*"} <= terms("001")
    assert terms("000") == set() and terms("002") == set()
