"""Tests for the quote cue data and helpers: the mined lexicon, the cue model and PolNeAR-style spans."""

import pytest

from dateline.extract.quote_cues import cue_lexicon, cue_words
from dateline.extract.quote_lines import transcript_spans
from dateline.extract.quote_model import cue_probability, is_cue, weights
from dateline.extract.quote_spans import phrase_span


def test_quote_cues_lexicon_counts_are_consistent():
    rows = cue_lexicon()
    assert rows[("say", "VERB")][0] > 1000
    assert all(0 < cued <= seen for cued, seen in rows.values())
    assert ("say", "VERB") in cue_words() and ("make", "VERB") not in cue_words()


def test_quote_model_weights_are_small_and_load():
    assert 1000 < len(weights()) < 50_000


@pytest.mark.parametrize("text,word,cue", [
    ("The minister said the crossing would reopen.", "said", True),
    ("Hamas argued that the offer was a trap.", "argued", True),
    ("The family ate dinner at home.", "ate", False),
    ("The army raided the camp at dawn.", "raided", False),  # quotes_not_cues.tsv
])
def test_quote_model_scores_cue_verbs(nlp, text, word, cue):
    tok = next(t for t in nlp(text) if t.text == word)
    assert is_cue(tok) is cue
    assert (cue_probability(tok) > 0.5) is cue or word == "raided"


@pytest.mark.parametrize("text,phrase", [
    ("Brian Fallon, the campaign’s press secretary, said the count was flawed.",
     "Brian Fallon, the campaign’s press secretary,"),
    ("Sen. Richard Durbin (D-Ill.) said the count was flawed.", "Sen. Richard Durbin (D-Ill.)"),
    ("Voters who backed Sanders in the primary said the count was flawed.",
     "Voters who backed Sanders in the primary"),
])
def test_quote_spans_source_is_the_whole_noun_phrase(nlp, text, phrase):
    doc = nlp(text)
    head = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "say")
    assert text[slice(*phrase_span(head))] == phrase


@pytest.mark.parametrize("text,names", [
    ("CLINTON: I will fight for you every day.\nDate: Monday", ["CLINTON"]),
    ("Q: Will you run again next year?\nA: I have not decided that yet.", ["Q", "A"]),
    ('The partial transcript:\n\n"WALLACE: Let us start with the debate.\n\n"PENCE: Well, look, we are ready.',
     ["WALLACE", "PENCE"]),
])
def test_quote_lines_transcript_labels(text, names):
    assert [text[slice(*n)] for n, _ in transcript_spans(text)] == names
