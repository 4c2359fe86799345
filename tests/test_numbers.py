"""Tests for reading counts, vague amounts and qualifiers from tokens."""

import pytest

from dateline.extract.numbers import VAGUE, read_amounts, word_value


@pytest.mark.parametrize("text,value", [("1,700", 1700), ("eight", 8), ("11", 11), ("1.5", 1.5)])
def test_numbers_word_value(text, value):
    assert word_value(text) == value


@pytest.mark.parametrize("sentence,value,low,high,qualifier", [
    ("At least 11 Palestinians were killed.", 11, 11, None, "at_least"),
    ("Over 1,700 Palestinians have been killed.", 1700, 1700, None, "more_than"),
    ("More than 6,000 children died.", 6000, 6000, None, "more_than"),
    ("Nearly 300 people were wounded.", 300, None, 300, "up_to"),
    ("About twenty-five people were detained.", 25, None, None, "about"),
    ("Fewer than 40 people were arrested.", 40, None, 40, "fewer_than"),
    ("Israel ordered 1.1 million Gazans to evacuate.", 1_100_000, 1_100_000, 1_100_000, "exact"),
    ("Between 10 and 15 people were killed.", None, 10, 15, "range"),
    ("Three hundred families fled.", 300, 300, 300, "exact"),
    ("A dozen soldiers were hurt.", 12, 12, 12, "exact"),
])
def test_numbers_reads_value_and_qualifier(nlp, sentence, value, low, high, qualifier):
    amounts = read_amounts(nlp(sentence))
    assert len(amounts) == 1
    a = amounts[0]
    assert (a.value, a.low, a.high, a.qualifier) == (value, low, high, qualifier)


@pytest.mark.parametrize("sentence,phrase", [
    ("Dozens were injured in the raid.", "dozens"),
    ("Hundreds of thousands have been displaced.", "hundreds of thousands"),
    ("Tens of thousands have been injured.", "tens of thousands"),
    ("Thousands are still missing.", "thousands"),
])
def test_numbers_vague_amounts_use_documented_ranges(nlp, sentence, phrase):
    (a,) = read_amounts(nlp(sentence))
    assert a.qualifier == "vague" and a.value is None
    assert (a.low, a.high) == VAGUE[phrase]
